/* Shared by the importer tests: the fixtures, the real registry and mapping files, and small
 * synthetic datasets to compare against (so the tests do not depend on the curated figures). */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import registryJson from "../../data/companies.json";
import metricsJson from "../../data/metrics.json";
import { allDatasets } from "../../src/core/data/catalog";
import type { CompanyRegistry, Dataset, FigureRow, MetricsFile, Source } from "../../src/core/data/schema";
import type { ImportContext, Importer } from "../../scripts/importers/run";
import { parseDartMapping, parseSecMapping, type DartMapping, type MappingContext, type SecMapping } from "../../scripts/importers/mapping";
import type { Download } from "../../scripts/importers/fetch";

export const ROOT = resolve(__dirname, "../..");
export const FIXTURES = join(ROOT, "test/fixtures/importers");

/** A fixture file as the importers take it: its name and text. */
export function fixture(importer: Importer, name: string): Download {
  return { name, text: readFileSync(join(FIXTURES, importer, name), "utf8") };
}

/** A fixture's JSON, to change one thing in a test. */
export function fixtureJson(importer: Importer, name: string): Record<string, unknown> {
  return JSON.parse(fixture(importer, name).text) as Record<string, unknown>;
}

export const companies = (registryJson as CompanyRegistry).companies;
export const metricIds = (metricsJson as MetricsFile).metrics.map((m) => m.id);
export const mappingJson = (importer: Importer): unknown => JSON.parse(readFileSync(join(ROOT, "data/importers", importer === "sec" ? "sec-tags.json" : "dart-accounts.json"), "utf8"));
export const mappingContext: MappingContext = { companies, metricIds, datasetIds: allDatasets().map((d) => d.meta.id) };

export function secMapping(): SecMapping {
  const parsed = parseSecMapping(mappingJson("sec"), mappingContext);
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  return parsed.mapping;
}

export function dartMapping(): DartMapping {
  const parsed = parseDartMapping(mappingJson("dart"), mappingContext);
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  return parsed.mapping;
}

/** A hand-curated source, as the curators write them. */
export const handSource: Source = {
  id: "hand-release",
  publisher: "Example Wire",
  title: "Results as reported",
  url: "https://news.example.com/results",
  published: "2025-08-01",
  kind: "news",
};

/** A hand-curated, confirmed row quoting a number as the press writes it. */
export function handRow(company: string, metric: string, period: string, value: number, published: string, currency: "USD" | "KRW" = "USD"): FigureRow {
  return { company, metric, period, value, published, unit: "as_written", currency, qualifier: "exact", source: handSource.id, quote: `the figure was ${published}`, status: "confirmed" };
}

/** A shipped dataset replaced by a small one with the given rows (same id, title and description). */
export function synthetic(id: string, rows: FigureRow[], sources: Source[] = [handSource]): Dataset {
  const real = allDatasets().find((d) => d.meta.id === id);
  if (!real) throw new Error(`no dataset ${id}`);
  return { meta: { id, title: real.meta.title, version: "1.0.0", asOf: "2025-01-01", description: real.meta.description, sources }, rows };
}

/** Every embedded dataset, with some replaced by synthetic ones. */
export function datasetsWith(...replaced: Dataset[]): Map<string, Dataset> {
  return new Map(allDatasets().map((d) => [d.meta.id, replaced.find((r) => r.meta.id === d.meta.id) ?? d]));
}

export function importContext(importer: Importer, datasets: Map<string, Dataset>): ImportContext {
  return { mapping: mappingJson(importer), companies, metricIds, datasets };
}
