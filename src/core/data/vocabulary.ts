/* The closed vocabularies of the dataset format, shared by the schema (build, data:check, feeds)
 * and the lookup code (functions bundle). Kept free of zod so the functions bundle stays small. */

/** How a row's figure stands: quoted from its source, flagged, or arithmetic on sourced numbers. */
export const STATUSES = ["confirmed", "unconfirmed", "derived"] as const;
export type Status = (typeof STATUSES)[number];

/** Currencies a figure row may be in. */
export const CURRENCIES = ["USD", "KRW"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Words qualifying a published figure ("over 80억 달러", "최대 85억달러", "약 40억달러"…). */
export const QUALIFIERS = ["approximately", "over", "up_to", "expected", "guidance"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/**
 * Kinds of USD/KRW rate rows, most specific first: for one period label, FX_RATE prefers the
 * earlier kind. `column_implied` (a writer's own conversion) is data to show, never a reference rate.
 */
export const RATE_KINDS = ["year_end_close", "ecb_cross", "month_average", "quarter_average", "annual_average", "column_implied"] as const;
export type RateKind = (typeof RATE_KINDS)[number];

/** The period shape each rate kind is filed under (see data/README.md). */
export const RATE_KIND_PERIOD: Readonly<Record<RateKind, "day" | "month" | "quarter" | "year">> = {
  year_end_close: "day",
  ecb_cross: "day",
  month_average: "month",
  quarter_average: "quarter",
  annual_average: "year",
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
