/* Reading a period the way users type it in Excel: a year, a quarter, a month, a date (text or an
 * Excel date serial). Pure: no Date in local time, no Intl. */
import { AifinError } from "../errors";

/** A calendar period, from least to most specific. */
export type Period =
  | { readonly kind: "year"; readonly year: number }
  | { readonly kind: "quarter"; readonly year: number; readonly quarter: number }
  | { readonly kind: "month"; readonly year: number; readonly month: number }
  | { readonly kind: "day"; readonly year: number; readonly month: number; readonly day: number };

/** A calendar date. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Numbers above this are Excel date serials; at or below it, years. */
export const LARGEST_YEAR_NUMBER = 3000;
/** Excel's last date serial, 9999-12-31. */
const LAST_SERIAL = 2958465;
const DAY_MS = 86_400_000;

/**
 * The calendar date of an Excel date serial (1900 date system). Serial 1 is 1900-01-01; Excel
 * counts a 29 February 1900 that never existed (serial 60, a bug kept from Lotus 1-2-3), so from
 * serial 61 (1900-03-01) on, the date is 1899-12-30 plus the serial in days. A fraction (the time
 * of day) is dropped.
 * @param serial - an Excel date serial, 1 to 2958465
 * @returns the date Excel shows for it (serial 60 gives 1900-02-29, as Excel shows)
 * @throws AifinError #VALUE! "badPeriod" outside 1 to 2958465 or not finite
 * @example excelSerialToDate(45657) // { year: 2024, month: 12, day: 31 }
 */
export function excelSerialToDate(serial: number): CalendarDate {
  if (!Number.isFinite(serial) || serial < 1 || serial >= LAST_SERIAL + 1) {
    throw new AifinError("value", "badPeriod", { period: String(serial) });
  }
  const whole = Math.floor(serial);
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  const epoch = whole < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + whole * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * The label a period is filed under in the rate data.
 * @example periodLabel({ kind: "quarter", year: 2024, quarter: 3 }) // "2024-Q3"
 */
export function periodLabel(period: Period): string {
  switch (period.kind) {
    case "year":
      return pad(period.year, 4);
    case "quarter":
      return `${pad(period.year, 4)}-Q${period.quarter}`;
    case "month":
      return `${pad(period.year, 4)}-${pad(period.month)}`;
    case "day":
      return `${pad(period.year, 4)}-${pad(period.month)}-${pad(period.day)}`;
  }
}

/**
 * A period's label and the labels of the periods containing it, most specific first: a date,
 * then its month, quarter and year.
 * @example periodChain({ kind: "day", year: 2024, month: 11, day: 5 }) // ["2024-11-05", "2024-11", "2024-Q4", "2024"]
 */
export function periodChain(period: Period): string[] {
  const { year } = period;
  const chain: Period[] = [period];
  if (period.kind === "day" || period.kind === "month") {
    if (period.kind === "day") chain.push({ kind: "month", year, month: period.month });
    chain.push({ kind: "quarter", year, quarter: Math.ceil(period.month / 3) });
  }
  if (period.kind !== "year") chain.push({ kind: "year", year });
  return chain.map(periodLabel);
}

const SEP = "\\s*[-/.]\\s*";
const PATTERNS: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => Period]> = [
  [/^(\d{4})\s*년?$/, (m) => ({ kind: "year", year: Number(m[1]) })],
  [new RegExp(`^(\\d{4})(?:${SEP}|\\s*)Q([1-4])$`, "i"), (m) => ({ kind: "quarter", year: Number(m[1]), quarter: Number(m[2]) })],
  [new RegExp(`^Q([1-4])(?:${SEP}|\\s*)(\\d{4})$`, "i"), (m) => ({ kind: "quarter", year: Number(m[2]), quarter: Number(m[1]) })],
  [/^(\d{4})\s*년\s*([1-4])\s*분기$/, (m) => ({ kind: "quarter", year: Number(m[1]), quarter: Number(m[2]) })],
  [new RegExp(`^(\\d{4})${SEP}(\\d{1,2})$`), (m) => ({ kind: "month", year: Number(m[1]), month: Number(m[2]) })],
  [/^(\d{4})\s*년\s*(\d{1,2})\s*월$/, (m) => ({ kind: "month", year: Number(m[1]), month: Number(m[2]) })],
  [new RegExp(`^(\\d{4})${SEP}(\\d{1,2})${SEP}(\\d{1,2})$`), (m) => ({ kind: "day", year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) })],
  [/^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일$/, (m) => ({ kind: "day", year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) })],
];

function fromNumber(value: number, shown: string): Period {
  if (Number.isFinite(value) && value > LARGEST_YEAR_NUMBER) {
    const { year, month, day } = excelSerialToDate(value);
    if (month === 2 && day === 29 && year === 1900) throw new AifinError("value", "badPeriod", { period: shown });
    return { kind: "day", year, month, day };
  }
  if (Number.isInteger(value) && value >= 1) return { kind: "year", year: value };
  throw new AifinError("value", "badPeriod", { period: shown });
}

/**
 * Reads a period: a year (2024, "2024", "2024년"), a quarter ("2024-Q3", "2024Q3", "Q3 2024",
 * "2024년 3분기"), a month ("2024-11", "2024/11", "2024년 11월"), a date ("2024-12-31",
 * "2024.12.31", "2024년 12월 31일") or an Excel date serial (a number above 3000, e.g. 45657).
 * @param input - the period as a number or text
 * @returns the period
 * @throws AifinError #VALUE! "badPeriod" for anything else (including impossible dates)
 * @example parsePeriod("Q3 2024") // { kind: "quarter", year: 2024, quarter: 3 }
 */
export function parsePeriod(input: number | string): Period {
  if (typeof input === "number") return fromNumber(input, String(input));
  // No period is written this long: refused before NFKC, which may make a long text 18× longer.
  if (input.length > 64) throw new AifinError("value", "badPeriod", { period: input });
  const text = input.normalize("NFKC").trim();
  if (/^\d+(\.\d+)?$/.test(text) && Number(text) > LARGEST_YEAR_NUMBER) return fromNumber(Number(text), input);
  for (const [pattern, make] of PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const period = make(m);
    const valid =
      period.kind === "month"
        ? period.month >= 1 && period.month <= 12
        : period.kind === "day"
          ? isRealDate(period.year, period.month, period.day)
          : true;
    if (valid) return period;
    break;
  }
  throw new AifinError("value", "badPeriod", { period: input });
}
