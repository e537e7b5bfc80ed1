/* What AI_TABLE, AI_COMPANIES and AI_SOURCE show, built in core as plain values. */
import { message, type Language } from "../messages";
import type { FigureRow, RateRow, Source } from "./schema";
import type { Figure } from "./lookup";
import type { FxRate } from "../fx/rates";
import { allDatasets, datasetById, figureRows, isRateRow } from "./catalog";
import { allCompanies, companyName } from "./companies";
import { columnLabels, metricLabel, qualifierLabel, rateKindLabel, statusLabel, usdKrwLabel } from "./metrics";
import { groupDigits } from "./vocabulary";

/** One cell of a table: text or a number (never blank for "no data"). */
export type TableCell = string | number;

function sourceShort(source: Source | undefined, id: string): string {
  if (!source) return id;
  return source.published ? `${source.publisher} (${source.published})` : source.publisher;
}

function statusCell(row: FigureRow | RateRow, lang: Language): string {
  const status = statusLabel(row.status, lang);
  return "qualifier" in row && row.qualifier ? `${status} (${qualifierLabel(row.qualifier, lang)})` : status;
}

/**
 * A dataset as a table for AI_TABLE: one row per figure or rate, ranges written as text
 * ("3,500,000,000–4,500,000,000"), every figure in whole units of its currency.
 * Columns: company, metric, period, value, currency, status (with the qualifier, e.g.
 * "confirmed (over)"), source (publisher and date). A rate row shows "USD/KRW" as its company,
 * the rate kind as its metric and "KRW" as its currency (won per dollar).
 * @param id - a dataset id, e.g. "column-2024"
 * @param headers - true (default) to start with a header row
 * @param lang - "en" (default) or "ko" for names and labels
 * @returns a 2-D array, 7 columns wide
 * @throws AifinError #N/A "unknownDataset"
 * @example datasetTable("column-2024")[1] // ["OpenAI", "Training spending", "2024 (expected)", 3000000000, "USD", "confirmed (expected)", "매거진동아 (Magazine Donga)"]
 */
export function datasetTable(id: string, headers = true, lang: Language = "en"): TableCell[][] {
  const dataset = datasetById(id);
  const sources = new Map(dataset.meta.sources.map((s) => [s.id, s]));
  const body = dataset.rows.map((row): TableCell[] => {
    const source = sourceShort(sources.get(row.source), row.source);
    if (isRateRow(row)) {
      const kind = rateKindLabel(row.kind, lang);
      const metric = row.basis ? `${kind}: ${companyName(row.basis.company, lang)}, ${metricLabel(row.basis.metric, lang)}` : kind;
      return [usdKrwLabel(lang), metric, row.period, row.value, "KRW", statusCell(row, lang), source];
    }
    const value: TableCell = row.value ?? `${groupDigits(row.low ?? NaN)}–${groupDigits(row.high ?? NaN)}`;
    return [companyName(row.company, lang), metricLabel(row.metric, lang), row.period, value, row.currency, statusCell(row, lang), source];
  });
  if (!headers) return body;
  const c = columnLabels(lang);
  return [[c.company, c.metric, c.period, c.value, c.currency, c.status, c.source], ...body];
}

/**
 * Company names for AI_COMPANIES: every registered company (the names lookups accept), or, for
 * one dataset, the companies with a figure in it. Registry order.
 * @param datasetId - a dataset id (optional)
 * @param lang - "en" (default) or "ko"
 * @returns the names, one per company
 * @throws AifinError #N/A "unknownDataset"
 * @example companyNames("korea-ai-investment", "ko") // ["네이버", "삼성전자", "SK그룹", "SK하이닉스", "LG그룹", "카카오"]
 */
export function companyNames(datasetId?: string | null, lang: Language = "en"): string[] {
  const wanted =
    typeof datasetId === "string" && datasetId.trim() !== ""
      ? new Set(figureRows(datasetById(datasetId)).map((row) => row.company))
      : null;
  return allCompanies()
    .filter((company) => wanted === null || wanted.has(company.id))
    .map((company) => company.name[lang]);
}

/** A rate's kind, with its status when it is not confirmed ("Monthly average, UNCONFIRMED"). */
function rateCitation(rate: FxRate, lang: Language): string {
  const kind = rateKindLabel(rate.row.kind, lang);
  return rate.row.status === "confirmed" ? kind : `${kind}, ${statusLabel(rate.row.status, lang)}`;
}

/**
 * The citation AI_SOURCE shows for a figure: "publisher, title (date), url" (date and url left
 * out where the data has none), then, separated by " — ": UNCONFIRMED or derived with the row's
 * note, the metric and year the lookup chose when they were omitted, and the rate used when the
 * figure was converted.
 * @param figure - a result of lookupFigure
 * @param lang - "en" (default) or "ko" for the added phrases (publisher, title and notes are as stored)
 * @param conversion - the rate a conversion used, if any (from fxRate)
 * @returns one line of text
 * @example sourceText(lookupFigure({ company: "Google", metric: "capex", year: 2024 })) // "datacenterdynamics.com, Alphabet's capital expenditure in 2024"
 */
export function sourceText(figure: Figure, lang: Language = "en", conversion?: FxRate): string {
  const { source, row, metric } = figure;
  let head = `${source.publisher}, ${source.title}`;
  if (source.published) head += ` (${source.published})`;
  if (source.url) head += `, ${source.url}`;
  const parts = [head];
  if (row.status === "unconfirmed") parts.push(message("sourceUnconfirmed", { note: row.note ?? "" }, lang));
  if (row.status === "derived") parts.push(message("sourceDerived", { note: row.note ?? "" }, lang));
  const metricNames = { metric: metric.name.en, metricKo: metric.name.ko };
  if (figure.defaulted.metric) parts.push(message("sourceDefaultMetric", metricNames, lang));
  if (figure.defaulted.year) parts.push(message("sourceLatestYear", { ...metricNames, year: figure.year }, lang));
  if (conversion) {
    parts.push(
      message(
        "sourceConverted",
        {
          rate: groupDigits(conversion.value),
          period: conversion.row.period,
          kind: rateCitation(conversion, "en"),
          kindKo: rateCitation(conversion, "ko"),
        },
        lang,
      ),
    );
  }
  return parts.join(" — ");
}

/** Every dataset id, in the default lookup order (for the task pane's lists). */
export function datasetIds(): string[] {
  return allDatasets().map((d) => d.meta.id);
}
