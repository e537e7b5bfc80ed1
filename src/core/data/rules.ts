/* The sourcing rules a dataset row must pass (../shared/reference/data-sources.md), one function
 * per record: a source, a company figure, an official rate. Each returns the problems it finds, as
 * sentences; schema.ts runs them for every file (npm run data:check) and every feed file. */
import type { Company, FigureRow, RateRow, Source } from "./schema";
import { collapseSpace, readPublished } from "./published";
import { parseAmount } from "../money/parse";
import { decToString } from "../money/decimal";
import { CALENDAR_YEAR, dataLabelPeriod, isCalendarYear, type FiscalCalendar } from "./fiscal";

/** A publisher no row may cite, by the host of its URLs. */
export interface BlockedHost {
  readonly host: string;
  readonly why: string;
}

/** The host of a URL, lower case, or null for something that is not one. */
function hostOf(url: string): string | null {
  const m = /^https?:\/\/([^/?#:]+)/i.exec(url);
  return m ? m[1].toLowerCase() : null;
}

/** The blocked entry a URL's host falls under (the host itself or a subdomain of it). */
export function blockedHost(url: string, blocked: readonly BlockedHost[]): BlockedHost | undefined {
  const host = hostOf(url);
  if (host === null) return undefined;
  return blocked.find((b) => host === b.host || host.endsWith(`.${b.host}`));
}

/**
 * A source's problems (its URL and date are the schema's to require):
 * no blocked publisher (by URL or by name), https where the URL says http for a known https site
 * is not checked (no network), the copy of a release named as a copy.
 */
export function sourceProblems(source: Source, blocked: readonly BlockedHost[]): string[] {
  const problems: string[] = [];
  const where = `source '${source.id}'`;
  const byUrl = blockedHost(source.url, blocked);
  const byName = blocked.find((b) => source.publisher.toLowerCase().includes(b.host));
  const hit = byUrl ?? byName;
  if (hit) problems.push(`${where}: ${hit.host} may not be cited (${hit.why})`);
  if (source.kind === "company_release_copy" && !/copy|release/i.test(source.publisher)) {
    problems.push(`${where}: a copy of a release names the company and the copy, e.g. "Meta Platforms (release, copy at menafn.com)"`);
  }
  return problems;
}

/** True when `needle` is in `haystack`, white space collapsed in both. */
function contains(haystack: string, needle: string): boolean {
  return collapseSpace(haystack).includes(collapseSpace(needle));
}

/**
 * A company figure's problems:
 * - every row that is not derived quotes its source, and the quote contains the number as
 *   published (`published`), which reads back (in `unit`) to exactly `value` (or `low`–`high`);
 * - derived rows say from which periods (`derivedFrom`) and how (`note`);
 * - unconfirmed rows say why; a press report of a private company is never "confirmed";
 * - a range has the qualifier "range" and no single value; guidance and expectations are dated;
 * - the period is the company's own fiscal label ("FY2025-Q3" for a June year end, "2025-Q3" for a
 *   calendar year) or, for a plan, a span of years.
 */
export function figureProblems(row: FigureRow, source: Source | undefined, company: Company | undefined): string[] {
  const problems: string[] = [];
  const ranged = row.value === null;
  if (ranged !== (row.qualifier === "range")) {
    problems.push(ranged ? `a range (value null) needs the qualifier "range"` : `the qualifier "range" needs value null with low and high`);
  }
  if (!ranged && (row.low !== undefined || row.high !== undefined)) problems.push("give either value or low/high, not both");
  if (ranged) {
    if (row.low === undefined || row.high === undefined) problems.push("value is null, so low and high are both required");
    else if (!(row.low < row.high)) problems.push(`low (${row.low}) must be below high (${row.high})`);
  }
  // The print column has no date of its own: its expectations are dated by the column, not a day.
  if ((row.qualifier === "guidance" || row.qualifier === "expected" || row.metric === "capex_guidance") && row.given === undefined && source?.kind !== "column") {
    problems.push(`${row.qualifier === "expected" ? "an expectation" : "guidance"} needs the date it was given ("given")`);
  }
  if (row.metric === "capex_guidance" && row.qualifier !== "guidance" && row.qualifier !== "range" && row.qualifier !== "about" && row.qualifier !== "over" && row.qualifier !== "up_to") {
    problems.push(`capex guidance has the qualifier guidance, about, over, up_to or range, not ${row.qualifier}`);
  }
  if (row.status !== "confirmed" && !row.note) problems.push(`an ${row.status} row needs a note saying ${row.status === "derived" ? "how it is derived" : "why"}`);
  if (source?.kind === "press_report" && row.status === "confirmed") {
    problems.push("a press report of a private company's figures is never confirmed: mark it unconfirmed and say who reported it");
  }

  if (row.status === "derived") {
    if (!row.derivedFrom) problems.push("a derived row names the periods it is computed from (derivedFrom)");
  } else if (!row.quote) {
    problems.push("needs a quote: the source's exact words containing the number");
  } else if (!row.published) {
    problems.push("needs the number as published (published), which its quote contains");
  } else {
    if (!contains(row.quote, row.published)) problems.push(`the quote does not contain the number as published ('${row.published}')`);
    const read = readPublished(row.published, row.unit ?? "as_written", ranged);
    if (!read.ok) problems.push(`the number as published cannot be read: ${read.reason}`);
    else {
      const expected = ranged ? [row.low, row.high] : [row.value];
      const mismatch = read.values.some((v, k) => expected[k] === undefined || expected[k] === null || v !== BigInt(expected[k] as number));
      if (mismatch) {
        const shown = read.values.map(String).join("–");
        problems.push(`'${row.published}' (${row.unit ?? "as_written"}) is ${shown}, not the row's ${ranged ? `${row.low}–${row.high}` : row.value}`);
      }
    }
  }
  if (row.alsoPublished) {
    const other = row.alsoPublished;
    if (other.currency === row.currency) problems.push("alsoPublished is the same figure in the other currency");
    if (!row.quote || !contains(row.quote, other.published)) problems.push(`the quote does not contain the other currency's amount ('${other.published}')`);
    const read = readPublished(other.published, "as_written", false);
    if (!read.ok || read.values[0] !== BigInt(other.value)) problems.push(`alsoPublished '${other.published}' does not read as ${other.value}`);
  }
  if (company) problems.push(...periodProblems(row, company));
  return problems;
}

function periodProblems(row: FigureRow, company: Company): string[] {
  const calendar = (company.fiscal ?? CALENDAR_YEAR) as FiscalCalendar;
  const fiscal = dataLabelPeriod(row.period);
  if (fiscal) {
    if (fiscal.fy === isCalendarYear(calendar)) {
      const want = isCalendarYear(calendar) ? `${fiscal.year}${fiscal.quarter ? `-Q${fiscal.quarter}` : ""}` : `FY${fiscal.year}${fiscal.quarter ? `-Q${fiscal.quarter}` : ""}`;
      return [`period '${row.period}' does not fit ${company.id}'s fiscal calendar (${isCalendarYear(calendar) ? "calendar years" : "a fiscal year not ending in December"}): write '${want}'`];
    }
    return [];
  }
  const span = /^(\d{4})-(\d{4})$/.exec(row.period);
  if (span && Number(span[1]) < Number(span[2])) return [];
  return [`period '${row.period}' is not a fiscal year or quarter ('${isCalendarYear(calendar) ? "2025' or '2025-Q3" : "FY2025' or 'FY2025-Q3"}') or a span of years ('2022-2026', for plans and cumulative figures)`];
}

/**
 * An official rate's problems: quoted with the rate as published, which reads back to `value`;
 * a year-end close dated by its session, in that year; a writer's implied rate derived, with its basis.
 */
export function rateProblems(row: RateRow): string[] {
  const problems: string[] = [];
  if (row.status !== "confirmed" && !row.note) problems.push(`an ${row.status} rate needs a note saying ${row.status === "derived" ? "how it is derived" : "why"}`);
  if (row.kind === "column_implied") {
    if (!row.basis) problems.push("a column_implied rate needs a basis (the figure it comes from)");
    if (row.status !== "derived") problems.push("a column_implied rate is derived from the column's own conversion");
    return problems;
  }
  if (row.basis) problems.push("only a column_implied rate has a basis");
  if (row.kind === "year_end_close") {
    if (!row.day) problems.push("a year-end close names the day of its session (day)");
    else if (row.day.slice(0, 4) !== row.period) problems.push(`the session ${row.day} is not in ${row.period}`);
  } else if (row.day) problems.push("only a year-end close has a day");
  if (!row.quote || !row.published) {
    problems.push("needs a quote and the rate as published in it");
    return problems;
  }
  if (!contains(row.quote, row.published)) problems.push(`the quote does not contain the rate as published ('${row.published}')`);
  const read = readRate(row.published);
  if (read === null) problems.push(`the rate as published ('${row.published}') cannot be read as a number`);
  else if (read !== row.value) problems.push(`'${row.published}' reads as ${read}, not the row's ${row.value}`);
  return problems;
}

/**
 * A rate as Korean and English reporting write it: "1,364.38원", "1,394.3 won", and the older
 * won-and-jeon form "1180원2전" (2 jeon = 0.02 won) or "1144원60전".
 * @returns KRW per USD, or null when the text is not a rate
 * @example readRate("1180원2전") // 1180.02
 */
export function readRate(text: string): number | null {
  const jeon = /^(\d{1,3}(?:,\d{3})*|\d+)\s*원\s*(\d{1,2})\s*전$/.exec(text.trim());
  if (jeon) return Number(`${jeon[1].replace(/,/g, "")}.${jeon[2].padStart(2, "0")}`);
  try {
    return Number(decToString(parseAmount(text).value));
  } catch {
    return null;
  }
}
