/* Fiscal calendars: when a company's fiscal year and quarters begin and end, how their labels are
 * written in the data ("FY2025-Q3" for a company whose year does not end in December, "2025-Q3"
 * for one whose year does), and how users may type them. Pure date arithmetic in UTC. */
import { AifinError } from "../errors";

/** How a company's fiscal year ends (data/companies.json `fiscal`). */
export type FiscalCalendar =
  /** On the last day of a month: December (a calendar year), June (Microsoft), May (Oracle). */
  | { readonly type: "month-end"; readonly month: number }
  /** On the last given weekday of a month: NVIDIA, the last Sunday of January; Apple, the last Saturday of September. */
  | { readonly type: "last-weekday"; readonly month: number; readonly weekday: Weekday }
  /** On the given weekday nearest the month's last day: Dell, the Friday nearest 31 January. */
  | { readonly type: "weekday-nearest"; readonly month: number; readonly weekday: Weekday };

export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A calendar year: the fiscal calendar of companies that give none. */
export const CALENDAR_YEAR: FiscalCalendar = { type: "month-end", month: 12 };

/** A fiscal period: a whole fiscal year, or one of its quarters. */
export interface FiscalPeriod {
  readonly year: number;
  readonly quarter: number | null;
}

const DAY_MS = 86_400_000;

/** Day number (days from 1970-01-01) of a UTC date; month may run past 12 or below 1. */
function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The ISO date of a day number. */
export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The last day of the month `month` (1-12, or beyond: it rolls into other years) of `year`. */
function monthEnd(year: number, month: number): number {
  return dayNumber(year, month + 1, 1) - 1;
}

/** The day a period ends when its last month is `month` of `year`, by the calendar's rule. */
function endIn(calendar: FiscalCalendar, year: number, month: number): number {
  const last = monthEnd(year, month);
  if (calendar.type === "month-end") return last;
  const want = WEEKDAYS.indexOf(calendar.weekday);
  const weekday = (((last % 7) + 7 + 4) % 7); // 1970-01-01 was a Thursday (4)
  if (calendar.type === "last-weekday") return last - ((weekday - want + 7) % 7);
  const back = (weekday - want + 7) % 7; // days back to the previous such weekday
  return back <= 3 ? last - back : last + (7 - back);
}

/**
 * The first and last day of a fiscal year or quarter. Fiscal year N ends in calendar year N
 * (Microsoft FY2024 = 2023-07-01..2024-06-30; NVIDIA FY2026 ends 2026-01-25); quarter q ends by
 * the same rule 3×(4−q) months before the year does.
 * @param calendar - the company's fiscal calendar
 * @param period - the fiscal year and quarter (null: the whole year)
 * @returns ISO dates, inclusive
 * @example fiscalSpan({ type: "month-end", month: 6 }, { year: 2025, quarter: 1 }) // { start: "2024-07-01", end: "2024-09-30" }
 */
export function fiscalSpan(calendar: FiscalCalendar, period: FiscalPeriod): { start: string; end: string } {
  const endMonth = period.quarter === null ? calendar.month : calendar.month - 3 * (4 - period.quarter);
  const startMonth = period.quarter === null ? calendar.month - 12 : endMonth - 3;
  const end = endIn(calendar, period.year, endMonth);
  const start = endIn(calendar, period.year, startMonth) + 1;
  return { start: isoOf(start), end: isoOf(end) };
}

/** True for a calendar that is the calendar year (its periods are labelled "2025", "2025-Q3"). */
export function isCalendarYear(calendar: FiscalCalendar): boolean {
  return calendar.type === "month-end" && calendar.month === 12;
}

/**
 * The label a fiscal period is filed under in the data: "2025" and "2025-Q3" for a calendar-year
 * company, "FY2025" and "FY2025-Q3" for any other.
 * @example fiscalLabel(CALENDAR_YEAR, { year: 2025, quarter: 3 }) // "2025-Q3"
 */
export function fiscalLabel(calendar: FiscalCalendar, period: FiscalPeriod): string {
  const year = `${isCalendarYear(calendar) ? "" : "FY"}${period.year}`;
  return period.quarter === null ? year : `${year}-Q${period.quarter}`;
}

/** The labels the data may use: FY2025, FY2025-Q3 (or 2025, 2025-Q3). */
const DATA_LABEL = /^(FY)?(\d{4})(?:-Q([1-4]))?$/;

/**
 * Reads a label as the data files write it.
 * @returns the period, or null when the label is not a fiscal year or quarter (a plan's "2022-2026")
 * @example dataLabelPeriod("FY2025-Q3") // { year: 2025, quarter: 3, fy: true }
 */
export function dataLabelPeriod(label: string): (FiscalPeriod & { fy: boolean }) | null {
  const m = DATA_LABEL.exec(label);
  if (!m) return null;
  return { year: Number(m[2]), quarter: m[3] === undefined ? null : Number(m[3]), fy: m[1] !== undefined };
}

const YEAR = "(\\d{4}|\\d{2})";
const USER_FORMS: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => FiscalPeriod]> = [
  // 2025, FY2025, FY25, FY 2025, 2025년, 2025년도, 2025FY
  [new RegExp(`^(?:FY\\s*)?${YEAR}(?:\\s*년도?|\\s*FY)?$`, "i"), (m) => ({ year: fullYear(m[1]), quarter: null })],
  // 2025-Q3, FY2025-Q3, FY2025 Q3, 2025Q3, FY25Q3, 2025 3Q
  [new RegExp(`^(?:FY\\s*)?${YEAR}\\s*[-/. ]?\\s*(?:Q\\s*([1-4])|([1-4])\\s*Q)$`, "i"), (m) => ({ year: fullYear(m[1]), quarter: Number(m[2] ?? m[3]) })],
  // Q3 FY2025, Q3 2025, Q3-25, Q3FY25, 3Q FY2025
  [new RegExp(`^(?:Q\\s*([1-4])|([1-4])\\s*Q)\\s*[-/. ]?\\s*(?:FY\\s*)?${YEAR}$`, "i"), (m) => ({ year: fullYear(m[3]), quarter: Number(m[1] ?? m[2]) })],
  // 3Q25, 3Q2025
  [new RegExp(`^([1-4])Q${YEAR}$`, "i"), (m) => ({ year: fullYear(m[2]), quarter: Number(m[1]) })],
  // 2025년 3분기, 2025 3분기, 25년 3분기
  [new RegExp(`^${YEAR}\\s*년?\\s*([1-4])\\s*분기$`), (m) => ({ year: fullYear(m[1]), quarter: Number(m[2]) })],
];

/** A two-digit year as the 2000s (25 → 2025); four digits as written. */
function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/**
 * Reads a period argument of AI_SPEND / AI_REVENUE / AI_SOURCE: the company's own fiscal year or
 * quarter of that label, however it is written: 2025, "2025", "FY2025", "FY25", "2025-Q3",
 * "FY2025-Q3", "Q3 FY2025", "3Q25", "2025년 3분기".
 * @param input - a number (a year) or text
 * @returns the fiscal year and quarter (null: the whole year)
 * @throws AifinError #VALUE! "badFiscalPeriod" for anything else, with the forms it takes
 * @example parseFiscalPeriod("3Q25") // { year: 2025, quarter: 3 }
 */
export function parseFiscalPeriod(input: number | string): FiscalPeriod {
  if (typeof input === "number") {
    if (Number.isInteger(input) && input >= 1900 && input <= 2100) return { year: input, quarter: null };
    throw new AifinError("value", "badFiscalPeriod", { period: String(input) });
  }
  if (input.length <= 40) {
    const text = input.normalize("NFKC").trim();
    for (const [pattern, make] of USER_FORMS) {
      const m = pattern.exec(text);
      if (!m) continue;
      const period = make(m);
      if (period.year >= 1900 && period.year <= 2100) return period;
    }
  }
  throw new AifinError("value", "badFiscalPeriod", { period: input });
}
