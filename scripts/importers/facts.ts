/* The importers' common engine: facts read from filings (SEC XBRL company facts, DART statements)
 * become dataset figure rows. A fact covers fiscal quarters first..last of one fiscal year (a
 * quarter, a year to date, or the whole year); for each span the latest filed value wins (a
 * restatement is reported), a quarter given only inside year-to-date totals is the difference of
 * two of them (marked derived, naming both facts), and every row passes the sourcing rules.
 * Pure: no file system, no network. */
import type { FigureRow, Source } from "../../src/core/data/schema";
import { fiscalLabel, fiscalSpan, type FiscalCalendar } from "../../src/core/data/fiscal";
import type { Currency } from "../../src/core/data/vocabulary";
import { groupDigits } from "../../src/core/data/vocabulary";

/** One value a filing states for one company, metric and span of fiscal quarters. */
export interface Fact {
  readonly company: string;
  readonly metric: string;
  /** The fiscal year (the year it ends in) and the quarters it covers: 1..4 is the whole year. */
  readonly year: number;
  readonly first: number;
  readonly last: number;
  /** In whole units of currency, never negative. */
  readonly value: number;
  readonly currency: Currency;
  /** The filing's source record (one per filing). */
  readonly source: Source;
  /** The filing date (ISO), then a tie-breaker (accession or receipt number), for "latest filed". */
  readonly filed: string;
  readonly order: string;
  /** The fact as the filing states it; contains `published`. */
  readonly quote: string;
  /** The number exactly as written in the filing's data ("44477000000", "-12000000000000"). */
  readonly published: string;
  /** Which tag or account the fact is of, and its place in the mapping's preference order. */
  readonly tag: string;
  readonly rank: number;
  /** What the number counts (the row's definition). */
  readonly definition: string;
}

/** A span whose value changed between filings: the latest filed value is the one proposed. */
export interface Restatement {
  readonly company: string;
  readonly metric: string;
  readonly period: string;
  /** Every distinct value in filing order, the last one winning. */
  readonly values: ReadonlyArray<{ readonly value: number; readonly source: string; readonly filed: string }>;
}

/** A figure row proposed from the facts, with the source it cites. */
export interface ImportedRow {
  readonly row: FigureRow;
  readonly source: Source;
}

/** Which periods to make rows for: fiscal years from `years`, quarters of fiscal years from `quarters`. */
export interface PeriodRange {
  readonly years: number;
  readonly quarters: number;
}

/** What the facts of the imported files amount to. */
export interface Resolution {
  readonly rows: ImportedRow[];
  readonly restatements: Restatement[];
  /** Informational lines for the report (a quarter not derived, tags that disagree). */
  readonly notes: string[];
  /** Contradictions within one filing: the import is refused. */
  readonly problems: string[];
}

/** "2025-Q3" / "FY2025" for a span that is a quarter or a whole year; null for a year to date. */
function periodOf(calendar: FiscalCalendar, year: number, first: number, last: number): string | null {
  if (first === 1 && last === 4) return fiscalLabel(calendar, { year, quarter: null });
  if (first === last) return fiscalLabel(calendar, { year, quarter: first });
  return null;
}

/** The dates a span covers, as a row's label: "2023-07-01 to 2024-06-30". */
export function spanLabel(calendar: FiscalCalendar, year: number, first: number, last: number): string {
  const start = fiscalSpan(calendar, { year, quarter: first }).start;
  const end = fiscalSpan(calendar, { year, quarter: last }).end;
  return `${start} to ${end}`;
}

/**
 * The span of fiscal quarters a fact's start and end dates cover, by the company's calendar.
 * @param calendar - the company's fiscal calendar (data/companies.json `fiscal`)
 * @param start - the first day (ISO, inclusive)
 * @param end - the last day (ISO, inclusive)
 * @returns the fiscal year and quarters, or null when the dates are not a run of the company's quarters
 * @example fitSpan({ type: "month-end", month: 6 }, "2023-07-01", "2024-06-30") // { year: 2024, first: 1, last: 4 }
 */
export function fitSpan(calendar: FiscalCalendar, start: string, end: string): { year: number; first: number; last: number } | null {
  const endYear = Number(end.slice(0, 4));
  for (const year of [endYear, endYear + 1]) {
    for (let last = 1; last <= 4; last++) {
      if (fiscalSpan(calendar, { year, quarter: last }).end !== end) continue;
      for (let first = 1; first <= last; first++) {
        if (fiscalSpan(calendar, { year, quarter: first }).start === start) return { year, first, last };
      }
    }
  }
  return null;
}

/** The fact describing itself for a derived row's derivedFrom: its words and its filing. */
function described(fact: Fact): string {
  return `${fact.quote}, ${fact.source.id} filed ${fact.filed}`;
}

function spanKey(fact: Pick<Fact, "company" | "metric" | "year" | "first" | "last">): string {
  return `${fact.company}|${fact.metric}|${fact.year}|${fact.first}|${fact.last}`;
}

/** The winning fact of one span, with its restatement history. */
interface Winner {
  readonly fact: Fact;
  readonly restatement: Restatement["values"] | null;
}

/**
 * Picks the fact a span's row is made from: among the facts of the most preferred tag present,
 * the latest filed value wins; the row cites the earliest filing of the last run of filings that
 * give that value (an unrestated figure keeps citing the filing that first reported it).
 */
function pickWinner(facts: readonly Fact[], problems: string[], notes: string[], period: string): Winner {
  const rank = Math.min(...facts.map((f) => f.rank));
  const preferred = facts.filter((f) => f.rank === rank);
  const others = facts.filter((f) => f.rank !== rank);
  const byFiling = new Map<string, Fact>();
  for (const fact of preferred) {
    const seen = byFiling.get(fact.source.id);
    if (seen && seen.value !== fact.value) {
      problems.push(`${fact.company} ${fact.metric} ${period}: filing ${fact.source.id} gives two values for ${fact.tag} (${seen.value} and ${fact.value})`);
    }
    byFiling.set(fact.source.id, seen ?? fact);
  }
  const ordered = [...byFiling.values()].sort((a, b) => a.filed.localeCompare(b.filed) || a.order.localeCompare(b.order));
  const latest = ordered[ordered.length - 1];
  let cited = ordered.length - 1;
  while (cited > 0 && ordered[cited - 1].value === latest.value) cited--;
  const values: Array<{ value: number; source: string; filed: string }> = [];
  for (const fact of ordered) {
    if (values.length === 0 || values[values.length - 1].value !== fact.value) values.push({ value: fact.value, source: fact.source.id, filed: fact.filed });
  }
  const disagreeing = others.filter((f) => f.value !== latest.value);
  if (disagreeing.length > 0) {
    const tags = [...new Set(disagreeing.map((f) => `${f.tag} ${f.value}`))].join(", ");
    notes.push(`${latest.company} ${latest.metric} ${period}: ${latest.tag} (${latest.value}) is used; a later-listed tag disagrees (${tags})`);
  }
  return { fact: ordered[cited], restatement: values.length > 1 ? values : null };
}

function confirmedRow(calendar: FiscalCalendar, period: string, winner: Winner): ImportedRow {
  const { fact } = winner;
  const restated = winner.restatement
    ? `Restated: ${winner.restatement
        .slice(0, -1)
        .map((v) => `${v.source} (filed ${v.filed}) gave ${groupDigits(v.value)}`)
        .join("; ")}; the latest filing gives ${groupDigits(fact.value)}.`
    : undefined;
  const row: FigureRow = {
    company: fact.company,
    metric: fact.metric,
    period,
    label: spanLabel(calendar, fact.year, fact.first, fact.last),
    value: fact.value,
    published: fact.published,
    unit: "units",
    currency: fact.currency,
    qualifier: "exact",
    definition: fact.definition,
    source: fact.source.id,
    quote: fact.quote,
    status: "confirmed",
    ...(restated ? { note: restated } : {}),
  };
  return { row, source: fact.source };
}

function derivedRow(calendar: FiscalCalendar, period: string, year: number, quarter: number, total: Fact, before: Fact): ImportedRow {
  const value = total.value - before.value;
  const row: FigureRow = {
    company: total.company,
    metric: total.metric,
    period,
    label: spanLabel(calendar, year, quarter, quarter),
    value,
    currency: total.currency,
    qualifier: "exact",
    definition: total.definition,
    source: total.source.id,
    status: "derived",
    derivedFrom: [described(total), described(before)],
    note: `Derived: ${spanLabel(calendar, year, 1, quarter)} (${groupDigits(total.value)}) minus ${spanLabel(calendar, year, 1, quarter - 1)} (${groupDigits(before.value)}) = ${groupDigits(value)}; the filings give this quarter only inside year-to-date totals.`,
  };
  return { row, source: total.source };
}

/**
 * Turns the facts of the imported files into rows: one per fiscal year from `range.years` and
 * per quarter of the fiscal years from `range.quarters` that the facts give, directly (confirmed)
 * or as the difference of two year-to-date totals (derived).
 * @param facts - every fact read, of any number of files and companies
 * @param calendarOf - the fiscal calendar of a company id
 * @param range - the first fiscal year for year rows and for quarter rows
 * @returns the rows, the restatements, notes for the report, and problems that refuse the import
 */
export function resolveFacts(facts: readonly Fact[], calendarOf: (company: string) => FiscalCalendar, range: PeriodRange): Resolution {
  const problems: string[] = [];
  const notes: string[] = [];
  const restatements: Restatement[] = [];
  const bySpan = new Map<string, Fact[]>();
  for (const fact of facts) bySpan.set(spanKey(fact), [...(bySpan.get(spanKey(fact)) ?? []), fact]);

  const winners = new Map<string, Winner>();
  for (const [key, group] of bySpan) {
    const { company, metric, year, first, last } = group[0];
    const calendar = calendarOf(company);
    const period = periodOf(calendar, year, first, last) ?? `${fiscalLabel(calendar, { year, quarter: null })} Q${first}-Q${last} (year to date)`;
    const winner = pickWinner(group, problems, notes, period);
    winners.set(key, winner);
    if (winner.restatement) restatements.push({ company, metric, period, values: winner.restatement });
  }

  const rows: ImportedRow[] = [];
  const pairs = new Set([...winners.values()].map((w) => `${w.fact.company}|${w.fact.metric}|${w.fact.year}`));
  for (const pair of [...pairs].sort()) {
    const [company, metric, yearText] = pair.split("|");
    const year = Number(yearText);
    const calendar = calendarOf(company);
    const get = (first: number, last: number) => winners.get(spanKey({ company, metric, year, first, last }));
    const whole = get(1, 4);
    if (year >= range.quarters) {
      for (let quarter = 1; quarter <= 4; quarter++) {
        const period = fiscalLabel(calendar, { year, quarter });
        const direct = get(quarter, quarter);
        if (direct) {
          rows.push(confirmedRow(calendar, period, direct));
          continue;
        }
        const total = get(1, quarter);
        const before = get(1, quarter - 1);
        if (!total || !before) continue;
        if (total.fact.value < before.fact.value) {
          notes.push(`${company} ${metric} ${period}: not derived, the year to date falls from ${groupDigits(before.fact.value)} to ${groupDigits(total.fact.value)}`);
          continue;
        }
        rows.push(derivedRow(calendar, period, year, quarter, total.fact, before.fact));
      }
    }
    if (whole && year >= range.years) rows.push(confirmedRow(calendar, fiscalLabel(calendar, { year, quarter: null }), whole));
  }
  return { rows, restatements, notes, problems };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * A fiscal calendar in words, for messages.
 * @example calendarText({ type: "last-weekday", month: 1, weekday: "sunday" }) // "a fiscal year ending on the last Sunday of January"
 */
export function calendarText(calendar: FiscalCalendar): string {
  const month = MONTHS[calendar.month - 1];
  if (calendar.type === "month-end") return calendar.month === 12 ? "the calendar year" : `a fiscal year ending on the last day of ${month}`;
  const weekday = `${calendar.weekday[0].toUpperCase()}${calendar.weekday.slice(1)}`;
  return calendar.type === "last-weekday" ? `a fiscal year ending on the last ${weekday} of ${month}` : `a fiscal year ending on the ${weekday} nearest the end of ${month}`;
}

/** What one file gave: its facts and notes for the report, or why it is refused. */
export type FileFacts = { readonly ok: true; readonly facts: Fact[]; readonly notes: string[] } | { readonly ok: false; readonly problems: string[] };

/** Reads a file's text as JSON, or says why it is not. */
export function parseJson(text: string): { ok: true; json: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: `malformed JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}
