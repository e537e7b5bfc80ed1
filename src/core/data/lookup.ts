/* Finding one figure: company, metric, year, dataset → the row with its source. The rules are
 * documented in data/README.md ("Lookups"). */
import { AifinError } from "../errors";
import type { Company, Dataset, FigureRow, MetricDef, Source } from "./schema";
import { allDatasets, datasetById, figureRows } from "./catalog";
import { findCompany } from "./companies";
import { defaultMetricOrder, metricById, resolveMetric } from "./metrics";
import { groupDigits } from "./vocabulary";

/** What to look up. Blank or null fields count as omitted (Excel passes null for those). */
export interface FigureQuery {
  /** A company name, alias or ticker: "OpenAI", "네이버", "GOOGL"… */
  readonly company: string;
  /** A metric id or label; omitted: "total" if the company has it, else the first of the default order. */
  readonly metric?: string | null;
  /** The (fiscal) year; omitted: the latest year that has the metric. */
  readonly year?: number | null;
  /** A dataset id; omitted: every dataset in the default order, first match wins. */
  readonly dataset?: string | null;
}

/** A figure found, with everything needed to cite it. */
export interface Figure {
  readonly company: Company;
  readonly row: FigureRow;
  readonly dataset: Dataset;
  readonly source: Source;
  readonly metric: MetricDef;
  readonly year: number;
  /** Which of metric and year were chosen by the lookup rather than given (AI_SOURCE states them). */
  readonly defaulted: { readonly metric: boolean; readonly year: boolean };
}

function given(text: string | null | undefined): text is string {
  return typeof text === "string" && text.trim() !== "";
}

/**
 * Looks up one figure in the curated datasets.
 * @param query - company (required), metric, year and dataset (optional)
 * @returns the row, its dataset and source, the metric and year used, and which were defaulted;
 *   `row.value` is in whole units of `row.currency` (not millions)
 * @throws AifinError #N/A "unknownCompany" / "unknownDataset"; #VALUE! "unknownMetric" / "badYear";
 *   #N/A "noCompanyFigures", "metricNotFound" (naming the metrics it has), "yearNotFound" (naming
 *   the years), "rangeNotValue" (a published range: AI_TABLE shows it)
 * @example lookupFigure({ company: "OpenAI", metric: "training", year: 2024 }).row.value // 3000000000
 */
export function lookupFigure(query: FigureQuery): Figure {
  const company = findCompany(query.company);
  // Without a dataset: every dataset with company figures (the rates dataset has none), in order.
  const datasets = given(query.dataset) ? [datasetById(query.dataset)] : allDatasets().filter((d) => figureRows(d).length > 0);
  const explicitMetric = given(query.metric) ? resolveMetric(query.metric) : null;
  const explicitYear = query.year ?? null;
  if (explicitYear !== null && !(Number.isInteger(explicitYear) && explicitYear >= 1900 && explicitYear <= 2100)) {
    throw new AifinError("value", "badYear", { year: String(explicitYear) });
  }

  const names = { company: company.name.en, companyKo: company.name.ko };
  const scope = datasets.map((d) => d.meta.id).join(", ");
  const candidates = datasets.flatMap((dataset) =>
    figureRows(dataset)
      .filter((row) => row.company === company.id)
      .map((row) => ({ dataset, row })),
  );
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

  const withMetric = candidates.filter((c) => c.row.metric === metric.id);
  const years = [...new Set(withMetric.map((c) => c.row.year))].sort((a, b) => a - b);
  const year = explicitYear ?? years[years.length - 1];
  // Datasets keep their default order, so the first match is the preferred one.
  const match = withMetric.find((c) => c.row.year === year);
  if (!match) {
    throw new AifinError("na", "yearNotFound", { ...names, metric: metric.id, year, years: years.join(", ") });
  }
  const { dataset, row } = match;
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
  const source = dataset.meta.sources.find((s) => s.id === row.source);
  if (!source) {
    // A data defect the data check rejects; never reached with validated data.
    throw new Error(`${dataset.meta.id}: row ${company.id} ${metric.id} ${year} names source '${row.source}', which it does not list`);
  }
  return {
    company,
    row,
    dataset,
    source,
    metric,
    year,
    defaulted: { metric: explicitMetric === null, year: explicitYear === null },
  };
}

/**
 * The metrics and years a company has, across the default datasets or one dataset.
 * @param company - a company name, alias or ticker
 * @param dataset - a dataset id (optional)
 * @returns metric id → sorted years, in the order the metrics first appear
 * @example companyCoverage("Kakao").get("facility") // [2022, 2023, 2024]
 */
export function companyCoverage(company: string, dataset?: string | null): Map<string, number[]> {
  const found = findCompany(company);
  const datasets = given(dataset) ? [datasetById(dataset)] : allDatasets();
  const coverage = new Map<string, number[]>();
  for (const d of datasets) {
    for (const row of figureRows(d)) {
      if (row.company !== found.id) continue;
      const years = coverage.get(row.metric) ?? [];
      if (!years.includes(row.year)) years.push(row.year);
      coverage.set(row.metric, years.sort((a, b) => a - b));
    }
  }
  return coverage;
}
