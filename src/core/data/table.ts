/* What AI_TABLE, AI_COMPANIES and AI_SOURCE show, built in core as plain values. */
import { message, type Language } from "../messages";
import type { FigureRow, RateRow, Source } from "./schema";
import type { Figure } from "./lookup";
import { allDatasets, datasetById, figureRows, isRateRow } from "./catalog";
import { allCompanies, companyName } from "./companies";
import { columnLabels, metricLabel, qualifierLabel, rateKindLabel, sourceKindLabel, statusLabel, usdKrwLabel } from "./metrics";
import { groupDigits } from "./vocabulary";

/** One cell of a table: text or a number (never blank for "no data"). */
export type TableCell = string | number;

/** "confirmed", "UNCONFIRMED (up to)", "derived"…: the status with the qualifier when the words carry one. */
function statusCell(row: FigureRow | RateRow, lang: Language): string {
  const status = statusLabel(row.status, lang);
  return "qualifier" in row && row.qualifier !== "exact" && row.qualifier !== "range" ? `${status} (${qualifierLabel(row.qualifier, lang)})` : status;
}

/**
 * A dataset as a table for AI_TABLE: one row per figure or rate, ranges written as text
 * ("3,500,000,000–4,500,000,000"), every figure in whole units of its currency.
 * Columns: company, metric, period, value, currency, status (with the qualifier, e.g.
 * "UNCONFIRMED (up to)"), source (publisher), date published, URL ("—" for the print column,
 * which has neither). Quotes are in the tables the pane loads. A rate row shows
 * "USD/KRW" as its company, the rate kind as its metric and "KRW" as its currency.
 * @param id - a dataset id, e.g. "ai-labs"
 * @param headers - true (default) to start with a header row
 * @param lang - "en" (default) or "ko" for names and labels
 * @returns a 2-D array, 9 columns wide
 * @throws AifinError #N/A "unknownDataset"
 * @example datasetTable("ai-labs")[0] // ["Company", "Metric", "Period", "Value", "Currency", "Status", "Source", "Published", "URL"]
 */
export function datasetTable(id: string, headers = true, lang: Language = "en"): TableCell[][] {
  const dataset = datasetById(id);
  const sources = new Map(dataset.meta.sources.map((s) => [s.id, s]));
  const body = dataset.rows.map((row): TableCell[] => {
    const source = sources.get(row.source);
    const cite: TableCell[] = [source?.publisher ?? row.source, source?.published ?? "—", source?.url ?? "—"];
    if (isRateRow(row)) {
      const kind = rateKindLabel(row.kind, lang);
      const metric = row.basis ? `${kind}: ${companyName(row.basis.company, lang)}, ${metricLabel(row.basis.metric, lang)}` : kind;
      return [usdKrwLabel(lang), metric, row.period, row.value, "KRW", statusCell(row, lang), ...cite];
    }
    const value: TableCell = row.value ?? `${groupDigits(row.low ?? NaN)}–${groupDigits(row.high ?? NaN)}`;
    return [companyName(row.company, lang), metricLabel(row.metric, lang), row.period, value, row.currency, statusCell(row, lang), ...cite];
  });
  if (!headers) return body;
  const c = columnLabels(lang);
  return [[c.company, c.metric, c.period, c.value, c.currency, c.status, c.source, c.published, c.url], ...body];
}

/**
 * Company names for AI_COMPANIES: the companies with at least one figure (in any dataset, or in
 * the one named), registry order. A registered company without a figure is not listed.
 * @param datasetId - a dataset id (optional)
 * @param lang - "en" (default) or "ko"
 * @returns the names, one per company
 * @throws AifinError #N/A "unknownDataset"
 * @example companyNames("korea-ai-investment", "ko")[0] // "삼성전자"
 */
export function companyNames(datasetId?: string | null, lang: Language = "en"): string[] {
  const datasets = typeof datasetId === "string" && datasetId.trim() !== "" ? [datasetById(datasetId)] : allDatasets();
  const wanted = new Set(datasets.flatMap((d) => figureRows(d).map((row) => row.company)));
  return allCompanies()
    .filter((company) => wanted.has(company.id))
    .map((company) => company.name[lang]);
}

/**
 * "publisher, title (date), url — kind": a source as one citation. The functions bundle's copy of
 * the data has no titles (build/slim-datasets.cjs): there the citation is "publisher (date), url".
 */
export function citation(source: Source, lang: Language): string {
  let head = source.title ? `${source.publisher}, ${source.title}` : source.publisher;
  if (source.published) head += ` (${source.published})`;
  if (source.url) head += `, ${source.url}`;
  return `${head} — ${sourceKindLabel(source.kind, lang)}`;
}

/** What the qualifier says, as AI_SOURCE states it ("over", "guidance given on 2026-02-04"); null for an exact figure. */
function qualifierText(row: FigureRow, lang: Language): string | null {
  if (row.qualifier === "exact" || row.qualifier === "range") return null;
  if (row.given) return message("sourceGiven", { qualifier: qualifierLabel(row.qualifier, lang), date: row.given }, lang);
  return qualifierLabel(row.qualifier, lang);
}

/**
 * The citation AI_SOURCE shows for a figure: "publisher, title (date), url — kind", then, each
 * separated by " — ": the period with its calendar days; the qualifier ("over",
 * "guidance given on 2026-02-04"); UNCONFIRMED or derived with the row's note; the definition;
 * the metric, period and source the lookup chose when they were omitted; and `extra` (the rate a
 * conversion used, the published amount in the other currency).
 * @param figure - a result of lookupFigure
 * @param lang - "en" (default) or "ko" for the added phrases (publisher, title, quote and notes are as stored)
 * @param extra - further sentences, already in `lang`
 * @returns one line of text
 */
export function sourceText(figure: Figure, lang: Language = "en", extra: readonly string[] = []): string {
  const { source, row, metric } = figure;
  const parts = [citation(source, lang)];
  parts.push(message("sourcePeriod", { period: row.period, start: figure.span.start, end: figure.span.end }, lang));
  const qualifier = qualifierText(row, lang);
  if (qualifier) parts.push(qualifier);
  if (row.status === "unconfirmed") parts.push(message("sourceUnconfirmed", { note: row.note ?? "" }, lang));
  if (row.status === "derived") parts.push(message("sourceDerived", { note: row.note ?? "" }, lang));
  if (row.definition) parts.push(row.definition);
  const metricNames = { metric: metric.name.en, metricKo: metric.name.ko };
  if (figure.defaulted.metric) parts.push(message("sourceDefaultMetric", metricNames, lang));
  if (figure.defaulted.period) parts.push(message("sourceLatestPeriod", { ...metricNames, period: row.period }, lang));
  if (figure.defaulted.dataset && figure.alternatives > 0) parts.push(message("sourceBestOf", { count: figure.alternatives + 1, dataset: figure.dataset.meta.id }, lang));
  parts.push(...extra);
  return parts.join(" — ");
}

/** Every dataset id, in the catalog's order (for the task pane's lists). */
export function datasetIds(): string[] {
  return allDatasets().map((d) => d.meta.id);
}
