/* Finding one figure: company, metric, fiscal period, dataset → the row with its source. The
 * rules are documented in data/README.md ("Lookups"). */
import { AifinError } from "../errors";
import type { Company, Dataset, FigureRow, MetricDef, Source } from "./schema";
import { allDatasets, datasetById, figureRows } from "./catalog";
import { findCompany } from "./companies";
import { defaultMetricOrder, metricById, resolveMetric } from "./metrics";
import { CALENDAR_YEAR, dataLabelPeriod, fiscalLabel, fiscalSpan, parseFiscalPeriod, type FiscalCalendar, type FiscalPeriod } from "./fiscal";
import { SOURCE_KINDS, STATUSES, groupDigits } from "./vocabulary";
import { isIsoDay } from "../fx/ecb";

/** What to look up. Blank or null fields count as omitted (Excel passes null for those). */
export interface FigureQuery {
  /** A company name, alias or ticker: "OpenAI", "네이버", "GOOGL"… */
  readonly company: string;
  /** A metric id or label; omitted: the first of the default order the company has. */
  readonly metric?: string | null;
  /** The company's fiscal year or quarter, as typed: 2025, "FY2025", "2025-Q3", "Q3 FY2025", "3Q25"; a plan's "2022-2026". Omitted: the latest fiscal year. */
  readonly period?: number | string | null;
  /** A dataset id; omitted: every dataset, the best source first (data/README.md). */
  readonly dataset?: string | null;
  /** For guidance and expectations: the latest statement given on or before this ISO date (omitted: the latest). */
  readonly given?: string | null;
}

/** A figure found, with everything needed to cite it. */
export interface Figure {
  readonly company: Company;
  readonly row: FigureRow;
  readonly dataset: Dataset;
  readonly source: Source;
  readonly metric: MetricDef;
  /** The fiscal year and quarter, or null for a plan's span of years. */
  readonly fiscal: FiscalPeriod | null;
  /** The calendar days the period covers (from the company's fiscal calendar). */
  readonly span: { readonly start: string; readonly end: string };
  /** Which of metric, period and dataset were chosen by the lookup rather than given (AI_SOURCE states them). */
  readonly defaulted: { readonly metric: boolean; readonly period: boolean; readonly dataset: boolean };
  /** Other rows for the same company, metric and period that the lookup passed over (other sources, earlier guidance). */
  readonly alternatives: number;
}

function given(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  return typeof value !== "string" || value.trim() !== "";
}

/** A company's fiscal calendar (the calendar year when the registry gives none). */
export function calendarOf(company: Company): FiscalCalendar {
  return (company.fiscal ?? CALENDAR_YEAR) as FiscalCalendar;
}

/** The fiscal period of a row, or null for a plan's span ("2022-2026"). */
export function rowPeriod(row: FigureRow): FiscalPeriod | null {
  const period = dataLabelPeriod(row.period);
  return period ? { year: period.year, quarter: period.quarter } : null;
}

/** The calendar days a row's period covers: its fiscal year or quarter, or a plan's years. */
export function rowSpan(row: FigureRow, company: Company): { start: string; end: string } {
  const fiscal = rowPeriod(row);
  if (fiscal) return fiscalSpan(calendarOf(company), fiscal);
  const years = /^(\d{4})-(\d{4})$/.exec(row.period);
  if (years) return { start: `${years[1]}-01-01`, end: `${years[2]}-12-31` };
  throw new Error(`${company.id}: period '${row.period}' is no fiscal period`);
}

/** How good a row's source is for a default answer: smaller is better (data/README.md). */
function rank(candidate: { row: FigureRow; source: Source | undefined }): number[] {
  const kind = candidate.source ? SOURCE_KINDS.indexOf(candidate.source.kind) : SOURCE_KINDS.length;
  return [kind, STATUSES.indexOf(candidate.row.status)];
}

function isForecast(row: FigureRow): boolean {
  return row.qualifier === "expected" || row.qualifier === "guidance" || row.metric === "capex_guidance";
}

/**
 * Which of two rows for one company, metric and period answers by default: a reported figure
 * before a forecast; among forecasts the latest statement (guidance is dated history, ranges
 * included); among reported figures a single figure before a range; then the better kind of
 * source, the surer status, the later document.
 */
function preferred(a: { row: FigureRow; source: Source | undefined }, b: { row: FigureRow; source: Source | undefined }): number {
  const fa = isForecast(a.row);
  const fb = isForecast(b.row);
  if (fa !== fb) return fa ? 1 : -1;
  if (fa) {
    const byDate = (b.row.given ?? "").localeCompare(a.row.given ?? "");
    if (byDate !== 0) return byDate;
  } else if ((a.row.value === null) !== (b.row.value === null)) return a.row.value === null ? 1 : -1;
  return compareRanks(rank(a), rank(b)) || (b.source?.published ?? "").localeCompare(a.source?.published ?? "");
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** True for a row that matches the period asked: the same fiscal year and quarter, or a plan's label (or first year). */
function matchesPeriod(row: FigureRow, wanted: FiscalPeriod | null, text: string | null): boolean {
  if (text !== null && row.period.toLowerCase() === text.toLowerCase()) return true;
  if (wanted === null) return false;
  const period = rowPeriod(row);
  if (period) return period.year === wanted.year && period.quarter === wanted.quarter;
  return wanted.quarter === null && Number(row.period.slice(0, 4)) === wanted.year;
}

/**
 * Looks up one figure in the curated datasets.
 * @param query - company (required), metric, period, dataset and, for guidance, the date given
 * @returns the row, its dataset and source, the metric and period used (with its calendar days),
 *   and which were defaulted; `row.value` is in whole units of `row.currency` (not millions)
 * @throws AifinError #N/A "unknownCompany" / "unknownDataset"; #VALUE! "unknownMetric" /
 *   "badFiscalPeriod" / "badGivenDate"; #N/A "noCompanyFigures", "metricNotFound" (naming the
 *   metrics it has), "periodNotFound" (naming the periods), "rangeNotValue" (a published range,
 *   stated in the message)
 * @example lookupFigure({ company: "Microsoft", metric: "capex", period: "FY2023" }).row.value // 28107000000
 */
export function lookupFigure(query: FigureQuery): Figure {
  const company = findCompany(query.company);
  const datasets = given(query.dataset) ? [datasetById(query.dataset as string)] : allDatasets().filter((d) => figureRows(d).length > 0);
  const explicitMetric = given(query.metric) ? resolveMetric(query.metric as string) : null;
  const periodText = typeof query.period === "string" && given(query.period) ? query.period.trim() : null;
  const explicitPeriod = given(query.period) ? parsePeriodArgument(query.period as number | string) : null;
  const asOf = given(query.given) ? (query.given as string).trim() : null;
  if (asOf !== null && !isIsoDay(asOf)) throw new AifinError("value", "badGivenDate", { text: asOf });

  const names = { company: company.name.en, companyKo: company.name.ko };
  const scope = datasets.map((d) => d.meta.id).join(", ");
  const candidates = datasets.flatMap((dataset) => {
    const sources = new Map(dataset.meta.sources.map((s) => [s.id, s]));
    return figureRows(dataset)
      .filter((row) => row.company === company.id)
      .map((row) => ({ dataset, row, source: sources.get(row.source) }));
  });
  if (candidates.length === 0) throw new AifinError("na", "noCompanyFigures", { ...names, datasets: scope });
  const has = [...new Set(candidates.map((c) => c.row.metric))];

  let metric: MetricDef;
  if (explicitMetric) {
    metric = explicitMetric;
    if (!has.includes(metric.id)) {
      throw new AifinError("na", "metricNotFound", { ...names, metric: metric.id, datasets: scope, metrics: has.join(", ") });
    }
  } else {
    const id = defaultMetricOrder().find((m) => has.includes(m));
    const found = id === undefined ? undefined : metricById(id);
    if (!found) throw new AifinError("na", "noDefaultMetric", { ...names, metrics: has.join(", ") });
    metric = found;
  }

  const withMetric = candidates.filter((c) => c.row.metric === metric.id && (asOf === null || c.row.given === undefined || c.row.given <= asOf));
  const periods = [...new Set(withMetric.map((c) => c.row.period))].sort(comparePeriodLabels);
  let chosen: typeof withMetric;
  if (explicitPeriod !== null || periodText !== null) {
    chosen = withMetric.filter((c) => matchesPeriod(c.row, explicitPeriod, periodText));
  } else {
    // Omitted: the latest whole fiscal year; a company with quarters only gets its latest quarter.
    const years = periods.filter((p) => rowPeriodOf(p)?.quarter === null);
    const latest = years.length > 0 ? years[years.length - 1] : periods[periods.length - 1];
    chosen = withMetric.filter((c) => c.row.period === latest);
  }
  if (chosen.length === 0) {
    const asked = explicitPeriod ? fiscalLabel(calendarOf(company), explicitPeriod) : (periodText ?? "");
    throw new AifinError("na", "periodNotFound", { ...names, metric: metric.id, period: asked, periods: periods.join(", ") || "none" });
  }
  // Reported figures before forecasts, single figures before ranges; among forecasts (guidance is
  // dated history) the latest statement; then the best kind of source, the surest status, the
  // latest document.
  chosen.sort(preferred);
  const { dataset, row, source } = chosen[0];
  if (!source) {
    // A data defect the data check rejects; never reached with validated data.
    throw new Error(`${dataset.meta.id}: row ${company.id} ${metric.id} ${row.period} names source '${row.source}', which it does not list`);
  }
  if (row.value === null) {
    throw new AifinError("na", "rangeNotValue", {
      ...names,
      metric: metric.id,
      period: row.period,
      low: groupDigits(row.low ?? NaN),
      high: groupDigits(row.high ?? NaN),
      currency: row.currency,
      dataset: dataset.meta.id,
    });
  }
  return {
    company,
    row,
    dataset,
    source,
    metric,
    fiscal: rowPeriod(row),
    span: rowSpan(row, company),
    defaulted: { metric: explicitMetric === null, period: explicitPeriod === null && periodText === null, dataset: !given(query.dataset) },
    alternatives: chosen.length - 1,
  };
}

/** A period argument: a fiscal year or quarter, or (text) a plan's span, matched by label. */
function parsePeriodArgument(input: number | string): FiscalPeriod | null {
  if (typeof input === "string" && /^\s*\d{4}\s*-\s*\d{4}\s*$/.test(input)) return null;
  return parseFiscalPeriod(input);
}

function rowPeriodOf(label: string): FiscalPeriod | null {
  const period = dataLabelPeriod(label);
  return period ? { year: period.year, quarter: period.quarter } : null;
}

/** Orders period labels in time: by year, the whole year after its quarters; plans by their first year. */
export function comparePeriodLabels(a: string, b: string): number {
  const key = (label: string): [number, number] => {
    const p = rowPeriodOf(label);
    if (p) return [p.year, p.quarter ?? 5];
    return [Number(label.slice(0, 4)) || 0, 6];
  };
  const [ya, qa] = key(a);
  const [yb, qb] = key(b);
  return ya - yb || qa - qb || a.localeCompare(b);
}

/**
 * The metrics and periods a company has, across the default datasets or one dataset.
 * @param company - a company name, alias or ticker
 * @param dataset - a dataset id (optional)
 * @returns metric id → its period labels in time order, in the order the metrics first appear
 * @example companyCoverage("Kakao").get("capex") // ["2021", "2022", …]
 */
export function companyCoverage(company: string, dataset?: string | null): Map<string, string[]> {
  const found = findCompany(company);
  const datasets = given(dataset) ? [datasetById(dataset as string)] : allDatasets();
  const coverage = new Map<string, string[]>();
  for (const d of datasets) {
    for (const row of figureRows(d)) {
      if (row.company !== found.id) continue;
      const periods = coverage.get(row.metric) ?? [];
      if (!periods.includes(row.period)) periods.push(row.period);
      coverage.set(row.metric, periods.sort(comparePeriodLabels));
    }
  }
  return coverage;
}
