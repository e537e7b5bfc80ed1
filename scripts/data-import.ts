/* npm run data:import — proposes dataset updates from the companies' own filings, and applies the
 * accepted part. The importers' logic is in scripts/importers/ (pure, tested in
 * test/importers/); this file reads and writes files and, with --fetch, the network.
 *
 *   npm run data:import -- sec FILE…                 SEC XBRL company facts (CIK##########.json)
 *   npm run data:import -- sec --fetch [CIK|company…]  download them first (AIFIN_SEC_USER_AGENT)
 *   npm run data:import -- dart FILE…                OpenDART fnlttSinglAcntAll responses
 *   npm run data:import -- dart --fetch [corp_code|company…] [--years 2025-2026]   (AIFIN_DART_KEY)
 *   npm run data:import -- apply PROPOSAL --accept all|new|changed|conflicts|confirms|ID… [--dry-run]
 *
 * Options: --out FILE (the proposal, default .aifin-import/<sec|dart>-proposal.json, with the report
 * beside it as .txt), --save DIR (downloads, default .aifin-import/downloads), --data DIR (the data
 * directory, default data/). Bad input is refused with the file and the reason, and then nothing
 * is written. Exit 0 done, 1 refused, 2 usage. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { checkData, type CompanyRegistry, type Dataset, type MetricsFile } from "../src/core/data/schema";
import { readDataDir } from "./data-dir";
import { importFiles, type Importer } from "./importers/run";
import { renderReport, proposalSchema, type Proposal } from "./importers/proposal";
import { applyProposal } from "./importers/apply";
import { parseDartMapping, parseSecMapping, type MappingContext } from "./importers/mapping";
import { DART_PER_SECOND, FetchRefusal, REAL_CLOCK, SEC_PER_SECOND, dartKey, fetchDartReports, fetchSecFacts, rateLimited, secUserAgent, type Download, type Fetcher } from "./importers/fetch";

const ROOT = resolve(__dirname, "..");
const USAGE = [
  "usage: npm run data:import -- sec FILE… | sec --fetch [CIK|company…]",
  "       npm run data:import -- dart FILE… | dart --fetch [corp_code|company…] [--years 2025-2026]",
  "       npm run data:import -- apply PROPOSAL --accept all|new|changed|conflicts|confirms|ID… [--dry-run]",
  "options: --out FILE  --save DIR  --data DIR",
];

function exit(code: number, lines: readonly string[]): never {
  for (const line of lines) (code === 0 ? console.log : console.error)(line);
  process.exit(code);
}

/** The arguments: a command, positional words, and options (--accept takes every word up to the next option). */
function parseArgs(argv: readonly string[]): { command: string; words: string[]; options: Map<string, string[]> } {
  const [command = "", ...rest] = argv;
  const words: string[] = [];
  const options = new Map<string, string[]>();
  const takesValue = new Set(["--out", "--save", "--data", "--years"]);
  const flags = new Set(["--fetch", "--dry-run"]);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--accept") {
      const taken: string[] = [];
      while (i + 1 < rest.length && !rest[i + 1].startsWith("--")) taken.push(rest[++i]);
      options.set(arg, [...(options.get(arg) ?? []), ...taken]);
    } else if (takesValue.has(arg)) {
      if (i + 1 >= rest.length) exit(2, [`${arg} needs a value`, ...USAGE]);
      options.set(arg, [rest[++i]]);
    } else if (flags.has(arg)) options.set(arg, []);
    else if (arg.startsWith("--")) exit(2, [`unknown option ${arg}`, ...USAGE]);
    else words.push(arg);
  }
  return { command, words, options };
}

/** Writes files all or nothing as far as the file system allows: every temporary file first, then the renames. */
function writeAll(files: ReadonlyArray<{ path: string; text: string }>): void {
  for (const f of files) {
    mkdirSync(dirname(f.path), { recursive: true });
    writeFileSync(`${f.path}.tmp`, f.text);
  }
  for (const f of files) renameSync(`${f.path}.tmp`, f.path);
}

const datasetText = (json: Dataset): string => `${JSON.stringify(json, null, 1)}\n`;

/** The shipped data, checked: an import is compared against valid data only. */
function shippedData(dataDir: string) {
  const { input, problems } = readDataDir(dataDir);
  const check = checkData(input);
  if (problems.length > 0 || check.problems.length > 0) exit(1, [`${dataDir}: the shipped data does not pass npm run data:check; fix it before importing:`, ...[...problems, ...check.problems].map((p) => `- ${p}`)]);
  const companies = (input.companies as CompanyRegistry).companies;
  const metricIds = (input.metrics as MetricsFile).metrics.map((m) => m.id);
  return { input, companies, metricIds, datasets: new Map(check.datasets.map((d) => [d.meta.id, d])) };
}

function readMapping(dataDir: string, importer: Importer): unknown {
  const path = join(dataDir, "importers", importer === "sec" ? "sec-tags.json" : "dart-accounts.json");
  try {
    return JSON.parse(readFileSync(path, "utf8")) as unknown;
  } catch (error) {
    return exit(1, [`${path}: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

/** Node's fetch as the importers' Fetcher. */
const nodeFetch: Fetcher = (url, init) => fetch(url, init);

/** The years to fetch from DART: "2025", "2024-2026" or "2024,2025"; default the previous and the current year. */
function yearsOf(option: string[] | undefined): number[] {
  const now = new Date().getUTCFullYear();
  if (!option) return [now - 1, now];
  const text = option[0];
  const span = /^(\d{4})-(\d{4})$/.exec(text);
  if (span && Number(span[1]) <= Number(span[2])) return Array.from({ length: Number(span[2]) - Number(span[1]) + 1 }, (_, i) => Number(span[1]) + i);
  if (/^\d{4}(?:,\d{4})*$/.test(text)) return text.split(",").map(Number);
  return exit(2, [`--years '${text}' is not a year, a span (2024-2026) or a list (2024,2025)`]);
}

async function download(importer: Importer, words: string[], options: Map<string, string[]>, mappingJson: unknown, context: MappingContext): Promise<Download[]> {
  const saveDir = resolve(options.get("--save")?.[0] ?? join(ROOT, ".aifin-import", "downloads"));
  try {
    let downloads: Download[];
    if (importer === "sec") {
      const parsed = parseSecMapping(mappingJson, context);
      if (!parsed.ok) return exit(1, parsed.problems);
      const agent = secUserAgent(process.env);
      const wanted = words.length === 0 ? parsed.mapping.companies : words.map((w) => parsed.mapping.companies.find((c) => String(c.cik) === w.replace(/^(?:CIK)?0*/i, "") || c.company.id === w) ?? exit(1, [`'${w}' is not a CIK or company in data/importers/sec-tags.json`]));
      console.log(`fetching company facts of ${wanted.length} compan${wanted.length === 1 ? "y" : "ies"} from data.sec.gov (at most ${SEC_PER_SECOND} requests a second)…`);
      downloads = await fetchSecFacts(wanted.map((c) => c.cik), agent, rateLimited(nodeFetch, SEC_PER_SECOND, REAL_CLOCK));
    } else {
      const parsed = parseDartMapping(mappingJson, context);
      if (!parsed.ok) return exit(1, parsed.problems);
      const key = dartKey(process.env);
      const wanted = words.length === 0 ? parsed.mapping.companies : words.map((w) => parsed.mapping.companies.find((c) => c.corpCode === w || c.company.id === w) ?? exit(1, [`'${w}' is not a corp_code or company in data/importers/dart-accounts.json`]));
      const years = yearsOf(options.get("--years"));
      console.log(`fetching ${wanted.length} compan${wanted.length === 1 ? "y" : "ies"} × ${years.join(", ")} × 4 reports from opendart.fss.or.kr (at most ${DART_PER_SECOND} requests a second)…`);
      const got = await fetchDartReports(wanted, years, key, rateLimited(nodeFetch, DART_PER_SECOND, REAL_CLOCK));
      for (const line of got.skipped) console.log(`  skipped: ${line}`);
      downloads = got.downloads;
    }
    writeAll(downloads.map((d) => ({ path: join(saveDir, d.name), text: d.text })));
    console.log(`saved ${downloads.length} file${downloads.length === 1 ? "" : "s"} in ${saveDir} (import them again with: npm run data:import -- ${importer} ${join(saveDir, importer === "sec" ? "CIK*.json" : "dart-*.json")})`);
    return downloads;
  } catch (error) {
    if (error instanceof FetchRefusal) return exit(1, [`refused, nothing written: ${error.message}`]);
    // node's fetch fails with a TypeError whose cause says why (no address, refused, reset).
    if (error instanceof TypeError) {
      const cause = (error as { cause?: unknown }).cause;
      return exit(1, [`refused, nothing written: the network failed (${error.message}${cause ? `: ${String(cause)}` : ""})`]);
    }
    throw error;
  }
}

async function runImport(importer: Importer, words: string[], options: Map<string, string[]>, dataDir: string): Promise<void> {
  const shipped = shippedData(dataDir);
  const mapping = readMapping(dataDir, importer);
  let files: Download[];
  if (options.has("--fetch")) {
    files = await download(importer, words, options, mapping, { companies: shipped.companies, metricIds: shipped.metricIds, datasetIds: [...shipped.datasets.keys()] });
  } else {
    if (words.length === 0) exit(2, [`${importer}: name the files to import, or --fetch`, ...USAGE]);
    const missing = words.filter((w) => !existsSync(w));
    if (missing.length > 0) exit(1, [`refused, nothing written: ${missing.map((m) => `${m}: no such file`).join("; ")}`]);
    files = words.map((w) => ({ name: w, text: readFileSync(w, "utf8") }));
  }
  const result = importFiles(importer, files, { mapping, companies: shipped.companies, metricIds: shipped.metricIds, datasets: shipped.datasets });
  if (!result.ok) exit(1, [`refused, nothing written (${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}):`, ...result.problems.map((p) => `- ${p}`)]);
  const out = resolve(options.get("--out")?.[0] ?? join(ROOT, ".aifin-import", `${importer}-proposal.json`));
  const reportFile = out.replace(/\.json$/, "") + ".txt";
  const report = renderReport(result.proposal, out);
  writeAll([
    { path: out, text: `${JSON.stringify(result.proposal, null, 1)}\n` },
    { path: reportFile, text: `${report.join("\n")}\n` },
  ]);
  exit(0, [...report, "", `proposal: ${out}`, `report:   ${reportFile}`]);
}

function runApply(words: string[], options: Map<string, string[]>, dataDir: string): void {
  if (words.length !== 1) exit(2, ["apply: name one proposal file", ...USAGE]);
  const accept = options.get("--accept");
  if (!accept || accept.length === 0) exit(2, ["apply: say what to accept: --accept all (new and changed), new, changed, conflicts, confirms, or item ids", ...USAGE]);
  const file = resolve(words[0]);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8")) as unknown;
  } catch (error) {
    exit(1, [`${file}: refused, nothing written: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const shape = proposalSchema.safeParse(json);
  if (!shape.success) exit(1, [`${file}: refused, nothing written: not a proposal made by npm run data:import (${shape.error.issues[0]?.path.join(".")}: ${shape.error.issues[0]?.message})`]);
  const { input, problems } = readDataDir(dataDir);
  if (problems.length > 0) exit(1, problems);
  const applied = applyProposal(json as Proposal, accept, input);
  if (!applied.ok) exit(1, [`${basename(file)}: refused, nothing written:`, ...applied.problems.map((p) => `- ${p}`)]);
  const lines = [...applied.lines, "data check (npm run data:check) on the result: passed"];
  if (options.has("--dry-run")) exit(0, [...lines, "dry run: nothing written"]);
  writeAll(applied.writes.map((w) => ({ path: join(dataDir, "datasets", w.file), text: datasetText(w.json) })));
  exit(0, [...lines, `written: ${applied.writes.map((w) => join(dataDir, "datasets", w.file)).join(", ")}`, "next: review git diff, commit, then build and deploy the feed (npm run build)"]);
}

async function main(): Promise<void> {
  const { command, words, options } = parseArgs(process.argv.slice(2));
  const dataDir = resolve(options.get("--data")?.[0] ?? join(ROOT, "data"));
  if (command === "sec" || command === "dart") await runImport(command, words, options, dataDir);
  else if (command === "apply") runApply(words, options, dataDir);
  else exit(2, USAGE);
}

void main();
