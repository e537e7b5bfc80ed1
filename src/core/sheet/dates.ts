/* Dates as Excel stores them: serial day numbers in the 1900 date system, shown with a format. */

/** The number format AIFIN gives date cells: ISO, the same in every locale. */
export const DATE_FORMAT = "yyyy-mm-dd";

const DAY_MS = 86_400_000;
/** Day 0 of Excel's serials from 1900-03-01 on (Excel counts a 1900-02-29 that never was). */
const EPOCH = Date.UTC(1899, 11, 30);

/**
 * The Excel date serial of an ISO date, for a cell that is a real date (sorts, filters and
 * computes as one) rather than text.
 * @param iso - a date written YYYY-MM-DD, from 1900-03-01 to 9999-12-31
 * @returns the serial (whole days), or null when the text is not such a date
 * @example isoDateToSerial("2024-08-01") // 45505
 * @example isoDateToSerial("2024-02-30") // null
 */
export function isoDateToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 1900 || (year === 1900 && month < 3)) return null;
  return Math.round((time - EPOCH) / DAY_MS);
}
