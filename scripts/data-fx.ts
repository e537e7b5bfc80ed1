/* npm run data:fx -- FILE — rebuilds data/fx/ecb-reference-rates.json from a newer ECB
 * eurofxref-hist.csv or eurofxref-hist.zip (downloaded from
 * https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip where the internet is reachable),
 * prints what changed, and refuses a bad file with its line and reason, writing nothing.
 *
 *   npm run data:fx -- ~/Downloads/eurofxref-hist.zip
 *   npm run data:fx -- eurofxref-hist.csv --dry-run     report only
 *   npm run data:fx -- eurofxref-hist.csv --out other.json
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { planRatesUpdate } from "../src/core/fx/update";
import type { PackedRates } from "../src/core/fx/ecb";

const DEFAULT_OUT = resolve(__dirname, "..", "data", "fx", "ecb-reference-rates.json");

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

/** The CSV text of a .csv file, or of the one eurofxref-hist.csv inside a .zip. */
function csvText(file: string): string {
  const bytes = readFileSync(file);
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!isZip) return bytes.toString("utf8");
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(bytes));
  } catch (error) {
    fail([`${file}: not a readable zip file (${error instanceof Error ? error.message : String(error)})`]);
  }
  const names = Object.keys(entries).filter((name) => name.toLowerCase().endsWith(".csv"));
  if (names.length !== 1) fail([`${file}: the zip holds ${names.length} CSV files (${names.join(", ") || "none"}); the ECB's holds one, eurofxref-hist.csv`]);
  return strFromU8(entries[names[0]]);
}

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const outAt = args.indexOf("--out");
const out = outAt >= 0 ? resolve(args[outAt + 1] ?? "") : DEFAULT_OUT;
const files = args.filter((arg, i) => !arg.startsWith("--") && !(outAt >= 0 && i === outAt + 1));
if (files.length !== 1) fail(["usage: npm run data:fx -- FILE [--dry-run] [--out FILE.json]   (FILE: eurofxref-hist.csv or .zip)"]);
const file = resolve(files[0]);
if (!existsSync(file)) fail([`${file}: no such file`]);

const current = existsSync(out) ? (JSON.parse(readFileSync(out, "utf8")) as PackedRates) : null;
const plan = planRatesUpdate(csvText(file), current);
if (!plan.ok) {
  fail([`${file}: refused, nothing written (${plan.problems.length} problem${plan.problems.length === 1 ? "" : "s"}):`, ...plan.problems.slice(0, 50).map((p) => `- ${p.line > 0 ? `line ${p.line}: ` : ""}${p.reason}`), ...(plan.problems.length > 50 ? [`- … and ${plan.problems.length - 50} more`] : [])]);
}
for (const line of plan.report) console.log(line);
if (dryRun) console.log("dry run: nothing written");
else if (!plan.changed) console.log(`${out}: unchanged`);
else {
  writeFileSync(out, `${JSON.stringify(plan.packed, null, 1)}\n`);
  console.log(`${out}: written (version ${plan.packed.meta.version}); run npm run data:check, then commit it`);
}
