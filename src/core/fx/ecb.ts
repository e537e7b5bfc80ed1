/* The ECB's euro reference-rate history (eurofxref-hist.csv) read, checked and packed into the
 * project's own data file, data/fx/ecb-reference-rates.json. Pure: text in, values out.
 *
 * The packed form keeps every published fixing exactly (as integers at the file's own number of
 * decimals) while staying small enough to embed in the functions bundle: the dates as the gaps
 * between TARGET business days, one base-36 digit each, and each currency as its first value
 * followed by day-on-day differences. */

/** The ECB history's first day: the euro's first fixing. */
export const ECB_FIRST_DAY = "1999-01-04";
/** Where the ECB publishes the history (the zip holds eurofxref-hist.csv). */
export const ECB_HISTORY_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip";
/** Currencies every packed file must hold: won per dollar is KRW ÷ USD. */
export const REQUIRED_CURRENCIES = ["USD", "KRW"] as const;
/** The longest pause between two fixings the ECB has had is 5 days (Easter, Christmas): a longer one means rows are missing. */
export const MAX_GAP_DAYS = 10;
/** A day-on-day move of won per dollar above this share is flagged for a person to look at. */
export const LARGE_MOVE = 0.1;

/** One published day: its ISO date and, per currency, the rate as the file writes it. */
export interface EcbDay {
  readonly date: string;
  readonly rates: Readonly<Record<string, string>>;
}

/** A problem in an ECB file, with the 1-based line it is on (0: the file as a whole). */
export interface EcbProblem {
  readonly line: number;
  readonly reason: string;
}

/** The history read from a CSV: the days oldest first, or the problems that refuse it. */
export type EcbParse = { readonly ok: true; readonly days: readonly EcbDay[] } | { readonly ok: false; readonly problems: readonly EcbProblem[] };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const RATE = /^\d+(?:\.\d+)?$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDay(text: string): boolean {
  const m = ISO.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Reads the ECB's eurofxref-hist.csv (newest day first, a header `Date,USD,JPY,…`, `N/A` where no
 * rate was published) and keeps the currencies asked for.
 * Refused, each with its line: a header that is not the ECB's or lacks a currency; a row with
 * another number of fields than the header; a date that is not a real YYYY-MM-DD, repeats, or is
 * not older than the row above; a rate of a required currency that is missing (`N/A`), not a
 * number, or not positive; a file that does not reach back to 1999-01-04 (cut short) or ends in
 * the middle of a row.
 * @param text - the CSV text, as unzipped
 * @param currencies - the currency columns to keep (USD and KRW are required)
 * @returns the days, oldest first, or every problem found
 * @example parseEcbCsv("Date,USD,KRW,\n1999-01-04,1.1789,1398.59,\n").ok // true
 */
export function parseEcbCsv(text: string, currencies: readonly string[] = REQUIRED_CURRENCIES): EcbParse {
  const problems: EcbProblem[] = [];
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return { ok: false, problems: [{ line: 0, reason: "the file is empty" }] };
  if (!/\r?\n$/.test(body)) problems.push({ line: 0, reason: "the file does not end with a line break: it was cut off in the middle of a row" });
  const lines = body.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  const header = lines[0].split(",");
  if (header[0] !== "Date") {
    return { ok: false, problems: [{ line: 1, reason: `the header starts with '${header[0].slice(0, 40)}', not 'Date': this is not the ECB's eurofxref-hist.csv` }] };
  }
  const wanted = [...new Set([...REQUIRED_CURRENCIES, ...currencies])];
  const columns = new Map<string, number>();
  for (const code of wanted) {
    const at = header.indexOf(code);
    if (at < 0) problems.push({ line: 1, reason: `the header has no ${code} column` });
    else columns.set(code, at);
  }
  if (problems.some((p) => p.line === 1)) return { ok: false, problems };

  const days: EcbDay[] = [];
  let previous: string | null = null;
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    const fields = lines[i].split(",");
    if (fields.length !== header.length) {
      problems.push({ line, reason: `${fields.length} fields where the header has ${header.length}` });
      continue;
    }
    const date = fields[0];
    if (!isIsoDay(date)) {
      problems.push({ line, reason: `'${date.slice(0, 40)}' is not a date written YYYY-MM-DD` });
      continue;
    }
    if (previous !== null && date === previous) problems.push({ line, reason: `${date} is listed twice` });
    else if (previous !== null && date > previous) problems.push({ line, reason: `${date} comes after ${previous}, but the file lists the newest day first` });
    else if (previous !== null && isoToDayNumber(previous) - isoToDayNumber(date) > MAX_GAP_DAYS) {
      problems.push({ line, reason: `no rates between ${date} and ${previous} (${isoToDayNumber(previous) - isoToDayNumber(date)} days): the ECB never pauses that long, so rows are missing` });
    }
    previous = date;
    const rates: Record<string, string> = {};
    for (const [code, at] of columns) {
      const value = fields[at].trim();
      const required = (REQUIRED_CURRENCIES as readonly string[]).includes(code);
      if (value === "N/A") {
        if (required) problems.push({ line, reason: `${code} on ${date} is N/A: won per dollar needs both USD and KRW` });
        continue;
      }
      if (!RATE.test(value)) problems.push({ line, reason: `${code} on ${date} is '${value.slice(0, 40)}', not a number` });
      else if (!/[1-9]/.test(value)) problems.push({ line, reason: `${code} on ${date} is ${value}, not a positive rate` });
      else rates[code] = value;
    }
    days.push({ date, rates });
  }
  if (days.length === 0 && problems.length === 0) problems.push({ line: 0, reason: "the file has a header but no rates" });
  const oldest = days[days.length - 1]?.date;
  if (oldest !== undefined && oldest !== ECB_FIRST_DAY) {
    problems.push({ line: lines.length, reason: `the file ends at ${oldest}, not at ${ECB_FIRST_DAY} where the ECB's history starts: it was cut short` });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, days: days.reverse() };
}

// ---------------------------------------------------------------------------------------------
// The packed data file

/** Where the packed rates come from, as the data file states it. */
export interface EcbProvenance {
  readonly publisher: string;
  readonly title: string;
  readonly url: string;
  readonly note: string;
}

/** The data file: provenance, coverage, and the packed rates. */
export interface PackedRates {
  readonly meta: {
    readonly id: string;
    readonly version: string;
    /** The last day covered. */
    readonly asOf: string;
    readonly source: EcbProvenance;
    readonly base: "EUR";
    readonly first: string;
    readonly last: string;
    readonly days: number;
    /** Per currency, the number of decimals its integers carry (USD 4: 1.1684 is 11684). */
    readonly decimals: Readonly<Record<string, number>>;
  };
  /** Gaps in days between consecutive rate days, one base-36 digit each, after `first`. */
  readonly dates: string;
  /** Per currency: the first value, then the differences from day to day, comma-separated integers. */
  readonly rates: Readonly<Record<string, string>>;
}

const DAY_MS = 86_400_000;

/** Days from 1970-01-01 of an ISO date. */
export function isoToDayNumber(iso: string): number {
  const m = ISO.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** The ISO date of a day number (days from 1970-01-01). */
export function dayNumberToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A decimal text as an integer at `decimals` places, exactly ("1.17" at 4 → 11700). */
function scaled(text: string, decimals: number): number {
  const [whole, fraction = ""] = text.split(".");
  const digits = whole + fraction.padEnd(decimals, "0");
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) throw new Error(`rate ${text} has too many digits`);
  return value;
}

/** The most decimals any day of a currency is written with. */
function decimalsOf(days: readonly EcbDay[], code: string): number {
  let most = 0;
  for (const day of days) {
    const text = day.rates[code];
    const dot = text === undefined ? -1 : text.indexOf(".");
    if (dot >= 0) most = Math.max(most, text.length - dot - 1);
  }
  return most;
}

/**
 * Packs parsed days into the data file's form. A currency with a missing day (only optional ones
 * may have one) cannot be packed day by day and is refused.
 * @param days - parsed days, oldest first (from {@link parseEcbCsv})
 * @param meta - the file's id, version and provenance
 * @returns the data file
 * @throws Error when the gap between two days exceeds 35 days or a currency misses a day
 */
export function packRates(days: readonly EcbDay[], meta: { id: string; version: string; source: EcbProvenance }, currencies: readonly string[] = REQUIRED_CURRENCIES): PackedRates {
  if (days.length === 0) throw new Error("no days to pack");
  let gaps = "";
  for (let i = 1; i < days.length; i++) {
    const gap = isoToDayNumber(days[i].date) - isoToDayNumber(days[i - 1].date);
    if (gap < 1 || gap > 35) throw new Error(`${days[i - 1].date} to ${days[i].date}: a gap of ${gap} days cannot be packed`);
    gaps += gap.toString(36);
  }
  const decimals: Record<string, number> = {};
  const rates: Record<string, string> = {};
  for (const code of currencies) {
    const places = decimalsOf(days, code);
    decimals[code] = places;
    const values = days.map((day) => {
      const text = day.rates[code];
      if (text === undefined) throw new Error(`${code} has no rate on ${day.date}: it cannot be packed`);
      return scaled(text, places);
    });
    rates[code] = values.map((v, i) => (i === 0 ? v : v - values[i - 1])).join(",");
  }
  const first = days[0].date;
  const last = days[days.length - 1].date;
  return { meta: { id: meta.id, version: meta.version, asOf: last, source: meta.source, base: "EUR", first, last, days: days.length, decimals }, dates: gaps, rates };
}

/** The rates of a packed file, unpacked: day numbers and integers per currency. */
export interface UnpackedRates {
  /** Days from 1970-01-01, oldest first. */
  readonly days: Int32Array;
  /** Per currency, the integer value of each day at `decimals[code]` places. */
  readonly values: Readonly<Record<string, Float64Array>>;
  readonly decimals: Readonly<Record<string, number>>;
}

/**
 * Unpacks a data file, checking that it is whole: as many dates and values as `meta.days`, the
 * last date equal to `meta.last`, every value positive.
 * @param packed - the data file
 * @returns the days and values
 * @throws Error naming what does not add up
 */
export function unpackRates(packed: PackedRates): UnpackedRates {
  const { meta } = packed;
  const n = meta.days;
  if (packed.dates.length !== n - 1) throw new Error(`${meta.id}: ${packed.dates.length + 1} dates for ${n} days`);
  const days = new Int32Array(n);
  days[0] = isoToDayNumber(meta.first);
  for (let i = 1; i < n; i++) {
    const gap = parseInt(packed.dates[i - 1], 36);
    if (!(gap >= 1)) throw new Error(`${meta.id}: date gap '${packed.dates[i - 1]}' is not a number of days`);
    days[i] = days[i - 1] + gap;
  }
  if (dayNumberToIso(days[n - 1]) !== meta.last) throw new Error(`${meta.id}: the dates end at ${dayNumberToIso(days[n - 1])}, not at ${meta.last}`);
  const values: Record<string, Float64Array> = {};
  for (const [code, text] of Object.entries(packed.rates)) {
    const parts = text.split(",");
    if (parts.length !== n) throw new Error(`${meta.id}: ${parts.length} ${code} values for ${n} days`);
    const out = new Float64Array(n);
    let value = 0;
    for (let i = 0; i < n; i++) {
      value += Number(parts[i]);
      if (!(Number.isSafeInteger(value) && value > 0)) throw new Error(`${meta.id}: ${code} on ${dayNumberToIso(days[i])} is not a positive rate`);
      out[i] = value;
    }
    values[code] = out;
  }
  for (const code of REQUIRED_CURRENCIES) if (!values[code]) throw new Error(`${meta.id}: no ${code} rates`);
  return { days, values, decimals: meta.decimals };
}

/**
 * A rate integer as the decimal text the ECB published it ("11684" at 4 places → "1.1684"),
 * trailing zeros kept to the file's places.
 */
export function fixingText(value: number, decimals: number): string {
  if (decimals === 0) return String(value);
  const digits = String(value).padStart(decimals + 1, "0");
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}
