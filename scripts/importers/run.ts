/* One import, from file texts to a proposal: the mapping checked, every file read (all refused
 * files reported together, nothing proposed if any is), the facts resolved into rows, each row held
 * to the sourcing rules, and the rows compared with the shipped datasets. Pure but for hashing. */
import { createHash } from "node:crypto";
import type { Company, Dataset } from "../../src/core/data/schema";
import { figureProblems } from "../../src/core/data/rules";
import { CALENDAR_YEAR } from "../../src/core/data/fiscal";
import { resolveFacts, type Fact } from "./facts";
import { parseDartMapping, parseSecMapping, type DartCompanyMap, type DartMapping, type Mapping, type MappingContext, type SecCompanyMap, type SecMapping } from "./mapping";
import { compareWithShipped, type Proposal } from "./proposal";
import { readSecFacts } from "./sec";
import { readDartFacts } from "./dart";
import type { Download } from "./fetch";

export type Importer = "sec" | "dart";

/** What an import reads besides its files. */
export interface ImportContext {
  /** data/importers/sec-tags.json or dart-accounts.json, parsed. */
  readonly mapping: unknown;
  readonly companies: readonly Company[];
  readonly metricIds: readonly string[];
  /** The shipped datasets, by id. */
  readonly datasets: ReadonlyMap<string, Dataset>;
}

export type Imported = { readonly ok: true; readonly proposal: Proposal } | { readonly ok: false; readonly problems: string[] };

/**
 * Imports files of one kind and proposes what they change.
 * @param importer - "sec" (company facts) or "dart" (fnlttSinglAcntAll responses)
 * @param files - each file's name and text
 * @param context - the mapping, registry, metric ids and shipped datasets
 * @returns the proposal, or every problem of every refused file (then nothing may be written)
 */
export function importFiles(importer: Importer, files: readonly Download[], context: ImportContext): Imported {
  const mappingContext: MappingContext = { companies: context.companies, metricIds: context.metricIds, datasetIds: [...context.datasets.keys()] };
  const parsed = importer === "sec" ? parseSecMapping(context.mapping, mappingContext) : parseDartMapping(context.mapping, mappingContext);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const mapping: Mapping<SecCompanyMap | DartCompanyMap> = parsed.mapping;
  const read = (file: Download) => (importer === "sec" ? readSecFacts(file.name, file.text, parsed.mapping as SecMapping) : readDartFacts(file.name, file.text, parsed.mapping as DartMapping));

  const problems: string[] = [];
  const notes: string[] = [];
  const facts: Fact[] = [];
  for (const file of files) {
    const got = read(file);
    if (!got.ok) problems.push(...got.problems);
    else {
      facts.push(...got.facts);
      notes.push(...got.notes);
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const calendars = new Map(mapping.companies.map((c) => [c.company.id, c.calendar]));
  const resolved = resolveFacts(facts, (id) => calendars.get(id) ?? CALENDAR_YEAR, mapping.periods);
  if (resolved.problems.length > 0) return { ok: false, problems: resolved.problems };

  const datasetOf = new Map(mapping.companies.flatMap((c) => c.metrics.map((m) => [`${c.company.id}|${m.metric}`, m.dataset] as const)));
  const byId = new Map(context.companies.map((c) => [c.id, c]));
  const imported = resolved.rows.map((r) => ({ ...r, dataset: datasetOf.get(`${r.row.company}|${r.row.metric}`) as string }));
  for (const { row, source } of imported) {
    const broken = figureProblems(row, source, byId.get(row.company));
    if (broken.length > 0) problems.push(`${row.company} ${row.metric} ${row.period}: ${broken.join("; ")}`);
  }
  if (problems.length > 0) return { ok: false, problems: ["the imported rows break the sourcing rules (a bug in the importer):", ...problems] };

  const { items, unchanged } = compareWithShipped(imported, context.datasets);
  return {
    ok: true,
    proposal: {
      format: "aifin-import-proposal",
      formatVersion: 1,
      importer,
      inputs: files.map((f) => ({ file: f.name, sha256: createHash("sha256").update(f.text).digest("hex") })),
      items,
      unchanged,
      restatements: resolved.restatements,
      notes: [...notes, ...resolved.notes],
    },
  };
}
