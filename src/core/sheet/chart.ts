/* The chart of a loaded dataset table, planned from its header names (not its column positions,
 * which change): one metric in one currency per chart, each bar named by company and period, a
 * line over periods when the figures are one company's (or the USD/KRW rates). The adapter writes
 * the plan's data block (labels and formulas that read the table's Value cells) and charts it.
 * Pure: no Office, no DOM. */
import type { Language } from "../messages";

/** The columns a chart reads, by what they hold. */
export type ChartColumn = "company" | "metric" | "period" | "value" | "currency";
export const CHART_COLUMNS: readonly ChartColumn[] = ["company", "metric", "period", "value", "currency"];

/** One metric in one currency: what one chart shows. */
export interface ChartOption {
  /** Stable key of the choice (the pane sends it back). */
  readonly key: string;
  readonly metric: string;
  readonly currency: string;
  /** Figures with a value (ranges without one are left out). */
  readonly figures: number;
}

/** One bar (or point): its label and the body row of the table it reads. */
export interface ChartPoint {
  readonly label: string;
  readonly row: number;
}

export type ChartPlan =
  | { readonly kind: "columnsMissing"; readonly missing: readonly string[] }
  /** No row has a value to chart. */
  | { readonly kind: "empty" }
  /** Several metrics or currencies: the user picks one. */
  | { readonly kind: "choose"; readonly options: readonly ChartOption[] }
  | {
      readonly kind: "chart";
      readonly type: "ColumnClustered" | "Line";
      readonly option: ChartOption;
      /** The column index (in the table) of each column read. */
      readonly columns: Readonly<Record<ChartColumn, number>>;
      /** Header of the label column, and the series name ("Capex (USD bn)"). */
      readonly categoryHeader: string;
      readonly seriesName: string;
      readonly points: readonly ChartPoint[];
      /** What each value is divided by for the axis (1e9 for "USD bn"), and the number format. */
      readonly divisor: number;
      readonly numberFormat: string;
      /** Rows of the chosen metric and currency without a value (ranges), left out. */
      readonly leftOut: number;
    };

/** Words of the chart, in English and Korean. */
const WORDS = {
  companyPeriod: { en: "Company, period", ko: "회사, 기간" },
  company: { en: "Company", ko: "회사" },
  period: { en: "Period", ko: "기간" },
} as const;

/** Axis scales by currency and language: the largest divisor not above the largest figure. */
const SCALES: Readonly<Record<string, Readonly<Record<Language, ReadonlyArray<readonly [number, string]>>>>> = {
  USD: {
    en: [[1e12, "USD tn"], [1e9, "USD bn"], [1e6, "USD mn"]],
    ko: [[1e12, "조 달러"], [1e9, "십억 달러"], [1e6, "백만 달러"]],
  },
  KRW: {
    en: [[1e12, "KRW tn"], [1e9, "KRW bn"], [1e6, "KRW mn"]],
    ko: [[1e12, "조원"], [1e8, "억원"], [1e4, "만원"]],
  },
};

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

/**
 * A sort key for a period as the datasets write it: "FY2024", "2024", "2024-Q3", "2024-H1",
 * "2024-11", "2024-12-31". Periods without a year sort last, in their order.
 */
function periodKey(period: string): [number, number, string] {
  const year = /(19|20)\d\d/.exec(period);
  if (!year) return [Number.MAX_SAFE_INTEGER, 0, period];
  const rest = period.slice(year.index + 4);
  const quarter = /Q([1-4])/i.exec(rest);
  const half = /H([12])/i.exec(rest);
  const month = /^-(\d{1,2})/.exec(rest);
  const day = /^-\d{1,2}-(\d{1,2})/.exec(rest);
  const within = quarter ? Number(quarter[1]) * 3 * 100 : half ? Number(half[1]) * 6 * 100 : month ? Number(month[1]) * 100 + (day ? Number(day[1]) : 0) : 1300;
  return [Number(year[0]), within, period];
}

function comparePeriods(a: string, b: string): number {
  const x = periodKey(a);
  const y = periodKey(b);
  return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
}

function optionKey(metric: string, currency: string): string {
  return JSON.stringify([metric, currency]);
}

/**
 * Where the columns a chart reads are in a table, found by their header text.
 * @param header - the table's header texts
 * @param names - the header text of each column, in the table's language
 * @returns each column's index, or the header texts not found
 * @example chartColumnIndexes(["Company", "Metric", "Period", "Year", "Value", "Currency"], names) // { ok: true, index: { company: 0, metric: 1, period: 2, value: 4, currency: 5 } }
 */
export function chartColumnIndexes(
  header: readonly unknown[],
  names: Readonly<Record<ChartColumn, string>>,
): { readonly ok: true; readonly index: Readonly<Record<ChartColumn, number>> } | { readonly ok: false; readonly missing: readonly string[] } {
  const found = header.map(text);
  const index = {} as Record<ChartColumn, number>;
  const missing: string[] = [];
  for (const column of CHART_COLUMNS) {
    index[column] = found.indexOf(names[column]);
    if (index[column] < 0) missing.push(names[column]);
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, index };
}

/**
 * Plans the chart of a dataset table from its header and body.
 * @param header - the table's header texts, as Excel shows them
 * @param names - the header text of each column the chart reads, in the table's language (the
 *   dataset table's own headers: "Company", "Metric", "Period", "Value", "Currency")
 * @param rows - the table's body values, as Excel returns them
 * @param lang - the language of the chart's words
 * @param choice - the key of the metric and currency the user picked, or null
 * @returns what to chart, the options to pick from, or why there is nothing to chart
 * @example planChart(["Company", "Metric", "Period", "Value", "Currency"], names, [["Microsoft", "Capex", "FY2024", 44480000000, "USD"]], "en", null).kind // "chart"
 */
export function planChart(
  header: readonly unknown[],
  names: Readonly<Record<ChartColumn, string>>,
  rows: readonly (readonly unknown[])[],
  lang: Language,
  choice: string | null,
): ChartPlan {
  const located = chartColumnIndexes(header, names);
  if (!located.ok) return { kind: "columnsMissing", missing: located.missing };
  const index = located.index;

  const options = new Map<string, { metric: string; currency: string; figures: number; rows: number[]; leftOut: number }>();
  rows.forEach((row, i) => {
    const metric = text(row[index.metric]);
    const currency = text(row[index.currency]);
    if (metric === "" && currency === "") return;
    const key = optionKey(metric, currency);
    const option = options.get(key) ?? { metric, currency, figures: 0, rows: [], leftOut: 0 };
    if (typeof row[index.value] === "number") {
      option.figures++;
      option.rows.push(i);
    } else option.leftOut++;
    options.set(key, option);
  });
  const charted = [...options.entries()].filter(([, o]) => o.figures > 0);
  if (charted.length === 0) return { kind: "empty" };
  const picked = charted.length === 1 ? charted[0] : charted.find(([key]) => key === choice);
  if (!picked) return { kind: "choose", options: charted.map(([key, o]) => ({ key, metric: o.metric, currency: o.currency, figures: o.figures })) };

  const [key, o] = picked;
  const company = (i: number) => text(rows[i][index.company]);
  const period = (i: number) => text(rows[i][index.period]);
  const companies = [...new Set(o.rows.map(company))];
  const periods = new Set(o.rows.map(period));
  const line = companies.length === 1 && periods.size > 1;
  const order = new Map(companies.map((c, k) => [c, k]));
  const sorted = [...o.rows].sort((a, b) => (line ? 0 : (order.get(company(a)) ?? 0) - (order.get(company(b)) ?? 0)) || comparePeriods(period(a), period(b)));
  const onlyCompany = !line && periods.size === 1;
  const points = sorted.map((row) => ({ row, label: line ? period(row) : onlyCompany ? company(row) : `${company(row)} ${period(row)}` }));

  const largest = Math.max(...o.rows.map((i) => Math.abs(rows[i][index.value] as number)));
  const scale = (SCALES[o.currency]?.[lang] ?? []).find(([divisor]) => largest >= divisor);
  const divisor = scale ? scale[0] : 1;
  const unit = scale ? scale[1] : o.currency;
  const fractional = o.rows.some((i) => !Number.isInteger((rows[i][index.value] as number) / divisor));
  return {
    kind: "chart",
    type: line ? "Line" : "ColumnClustered",
    option: { key, metric: o.metric, currency: o.currency, figures: o.figures },
    columns: index,
    categoryHeader: WORDS[line ? "period" : onlyCompany ? "company" : "companyPeriod"][lang],
    seriesName: `${o.metric} (${unit})`,
    points,
    divisor,
    numberFormat: fractional ? "#,##0.0#" : "#,##0",
    leftOut: o.leftOut,
  };
}
