/* The closed vocabularies of the dataset format, shared by the schema (build, data:check, feeds)
 * and the lookup code (functions bundle). Kept free of zod so the functions bundle stays small. */

/** How a row's figure stands: quoted from its source, flagged, or arithmetic on sourced numbers. */
export const STATUSES = ["confirmed", "unconfirmed", "derived"] as const;
export type Status = (typeof STATUSES)[number];

/** Currencies a figure row may be in. */
export const CURRENCIES = ["USD", "KRW"] as const;
export type Currency = (typeof CURRENCIES)[number];

/**
 * What the words around a published figure say of it: exactly that, about ("약", "approximately"),
 * over ("넘어설", "more than"), up to ("최대", "as much as"), expected (a forecast, "예상"),
 * guidance (the company's own outlook) or a range (low–high, the row has no single value).
 */
export const QUALIFIERS = ["exact", "about", "over", "up_to", "expected", "guidance", "range"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/**
 * What kind of document a source is, best first: the order a lookup without a dataset prefers
 * (a company's own document over an outlet's, an outlet's over a press report of a private
 * company's figures, and the originating column last).
 */
export const SOURCE_KINDS = ["filing", "company_release", "company_release_copy", "news", "press_report", "column"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * The unit a figure is published in: "as_written" when the quoted words carry it ("$91.45
 * billion", "53조 6461억 원"), else the unit a table states once in its header ("In millions",
 * "(단위: 백만원)").
 */
export const PUBLISHED_UNITS = ["as_written", "units", "thousands", "millions", "billions", "천원", "백만원", "억원", "조원"] as const;
export type PublishedUnit = (typeof PUBLISHED_UNITS)[number];

/** The power of ten each published unit multiplies by. */
export const UNIT_POWER: Readonly<Record<PublishedUnit, number>> = {
  as_written: 0,
  units: 0,
  thousands: 3,
  millions: 6,
  billions: 9,
  천원: 3,
  백만원: 6,
  억원: 8,
  조원: 12,
};

/**
 * Kinds of official / market USD/KRW rate rows (Bank of Korea, Seoul market): a period's average,
 * or the year's closing rate. The ECB-derived rates are not rows: they come from the daily series
 * (data/fx/). `column_implied` (a writer's own conversion) is data to show, never a rate to use.
 */
export const RATE_KINDS = ["annual_average", "quarter_average", "month_average", "year_end_close", "column_implied"] as const;
export type RateKind = (typeof RATE_KINDS)[number];

/** The period shape each rate kind is filed under (see data/README.md). */
export const RATE_KIND_PERIOD: Readonly<Record<RateKind, "month" | "quarter" | "year">> = {
  annual_average: "year",
  quarter_average: "quarter",
  month_average: "month",
  year_end_close: "year",
  column_implied: "year",
};

/**
 * The key names are matched by: NFKC, lower case, letters and digits only. So "Open AI",
 * "open-ai" and "ＯｐｅｎＡＩ" all match "OpenAI", and "SK 하이닉스" matches "SK하이닉스".
 * @param text - a company, metric or dataset name as typed
 * @returns the matching key (may be "" when the text has no letter or digit)
 * @example matchKey("Samsung Electronics Co.") // "samsungelectronicsco"
 */
export function matchKey(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * Digits grouped in thousands with commas, for messages and table text (not a money format).
 * @example groupDigits(3500000000) // "3,500,000,000"
 * @example groupDigits(1364.435) // "1,364.435"
 */
export function groupDigits(value: number): string {
  const [whole, fraction] = String(value).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
