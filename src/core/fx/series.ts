/* Won per US dollar for every ECB business day, derived from the ECB's two euro fixings, with
 * what period queries need precomputed once: an index from any calendar day to the latest rate
 * day on or before it, and running sums for period means. Pure. */
import { dayNumberToIso, unpackRates, type PackedRates } from "./ecb";

/** The won-per-dollar series of one data file. */
export interface UsdKrwSeries {
  readonly meta: PackedRates["meta"];
  /** Day numbers (days from 1970-01-01) of the rate days, oldest first. */
  readonly days: Int32Array;
  /** KRW per USD in hundredths (1,282.56 → 128256), rounded half away from zero. */
  readonly hundredths: Float64Array;
  /** prefix[i] = the sum of hundredths[0..i-1]. */
  readonly prefix: Float64Array;
  /** For each calendar day from the first rate day to the last, the index of the latest rate day on or before it. */
  readonly onOrBefore: Int32Array;
  readonly firstDay: number;
  readonly lastDay: number;
  /** The two fixings of each day, as integers at `decimals` places. */
  readonly usd: Float64Array;
  readonly krw: Float64Array;
  readonly decimals: { readonly USD: number; readonly KRW: number };
}

const TEN = 10n;

/**
 * KRW ÷ USD in hundredths of a won, exactly, rounded half away from zero: both fixings are
 * integers at their own decimals, so the quotient is computed on integers (BigInt), never floats.
 * @param krw - won per euro, as an integer at `krwDecimals` places (1474.86 → 147486, 2)
 * @param usd - dollars per euro, as an integer at `usdDecimals` places (1.0705 → 10705, 4)
 * @returns won per dollar ×100 (137773 for 1,377.73)
 * @example crossHundredths(147486, 2, 10705, 4) // 137773
 */
export function crossHundredths(krw: number, krwDecimals: number, usd: number, usdDecimals: number): number {
  // (krw / 10^kd) / (usd / 10^ud) × 100 = krw × 10^(ud+2) / (usd × 10^kd)
  const numerator = BigInt(krw) * TEN ** BigInt(usdDecimals + 2);
  const denominator = BigInt(usd) * TEN ** BigInt(krwDecimals);
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/**
 * The mean of `count` values in hundredths whose sum is `sum`, rounded half away from zero to a
 * hundredth (both positive, so half up), exactly on integers.
 * @example meanHundredths(256513, 2) // 128257 (1,282.565 → 1,282.57)
 */
export function meanHundredths(sum: number, count: number): number {
  return Math.floor((2 * sum + count) / (2 * count));
}

/**
 * Builds the series from a data file: each day's won per dollar (KRW ÷ USD, exact, rounded half
 * away from zero to 2 decimals), running sums and the on-or-before index.
 * @param packed - data/fx/ecb-reference-rates.json (or a newer one from the feed)
 * @returns the series
 * @throws Error when the file does not unpack whole
 */
export function buildSeries(packed: PackedRates): UsdKrwSeries {
  const { days, values, decimals } = unpackRates(packed);
  const usd = values.USD;
  const krw = values.KRW;
  const n = days.length;
  const hundredths = new Float64Array(n);
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    hundredths[i] = crossHundredths(krw[i], decimals.KRW, usd[i], decimals.USD);
    prefix[i + 1] = prefix[i] + hundredths[i];
  }
  const firstDay = days[0];
  const lastDay = days[n - 1];
  const onOrBefore = new Int32Array(lastDay - firstDay + 1);
  for (let i = 0, d = firstDay; d <= lastDay; d++) {
    while (i + 1 < n && days[i + 1] <= d) i++;
    onOrBefore[d - firstDay] = i;
  }
  return { meta: packed.meta, days, hundredths, prefix, onOrBefore, firstDay, lastDay, usd, krw, decimals: { USD: decimals.USD, KRW: decimals.KRW } };
}

/** Where a day falls against the series. */
export type DayLookup = { readonly at: number } | { readonly before: true } | { readonly after: true };

/**
 * The rate day that serves a calendar day: the day itself, or the latest rate day before it
 * (a weekend or TARGET holiday).
 * @param series - the series
 * @param day - a day number (days from 1970-01-01)
 * @returns `{at: index}`, or `{before}` / `{after}` outside the series
 */
export function rateDayFor(series: UsdKrwSeries, day: number): DayLookup {
  if (day < series.firstDay) return { before: true };
  if (day > series.lastDay) return { after: true };
  return { at: series.onOrBefore[day - series.firstDay] };
}

/** The rate days of a span of calendar days: indexes `from`..`to` (inclusive), possibly none. */
export interface SpanDays {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/**
 * The rate days between two calendar days inclusive. The span must end on or before the last
 * day of the series (callers refuse later ones: a period not yet over has no average).
 * @param series - the series
 * @param start - first calendar day (day number)
 * @param end - last calendar day (day number), ≤ series.lastDay
 */
export function spanDays(series: UsdKrwSeries, start: number, end: number): SpanDays {
  const from = start <= series.firstDay ? 0 : series.onOrBefore[start - 1 - series.firstDay] + 1;
  const to = end < series.firstDay ? -1 : series.onOrBefore[end - series.firstDay];
  return { from, to, count: Math.max(0, to - from + 1) };
}

/** The mean of a span's daily rates in hundredths (the days as shown, 2 decimals), rounded half away from zero. */
export function spanMeanHundredths(series: UsdKrwSeries, span: SpanDays): number {
  return meanHundredths(series.prefix[span.to + 1] - series.prefix[span.from], span.count);
}

/** The ISO date of a rate day. */
export function rateDayIso(series: UsdKrwSeries, index: number): string {
  return dayNumberToIso(series.days[index]);
}
