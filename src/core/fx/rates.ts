/* USD/KRW rates for any day or period, each with its basis and source stated: the ECB-derived
 * daily series (data/fx/ecb-reference-rates.json) and the official / market figures of the
 * usd-krw-rates dataset (Bank of Korea, Seoul market), never one under the other's label. */
import { AifinError } from "../errors";
import type { RateRow, Source } from "../data/schema";
import { RATES_DATASET_ID, datasetById, rateRows } from "../data/catalog";
import { matchKey } from "../data/vocabulary";
import embeddedRates from "../../../data/fx/ecb-reference-rates.json";
import { dayNumberToIso, fixingText, isoToDayNumber, type PackedRates } from "./ecb";
import { buildSeries, rateDayFor, rateDayIso, spanDays, spanMeanHundredths, type UsdKrwSeries } from "./series";
import { parsePeriod, periodLabel, type Period } from "./period";

/** What a period's single rate is: its average, or its last business day's rate. */
export type FxBasis = "average" | "close";
/** Whose rate: ECB-derived, or the official / market figure (Bank of Korea, Seoul market). */
export type FxSourceChoice = "ECB" | "BOK";

/** A rate with everything needed to state it. */
export type FxQuote = EcbDayQuote | EcbSpanQuote | OfficialQuote;

/** One ECB business day's won per dollar (KRW ÷ USD). */
export interface EcbDayQuote {
  readonly source: "ecb";
  readonly basis: "day";
  /** KRW per USD, 2 decimals. */
  readonly value: number;
  /** The fixing day used. */
  readonly day: string;
  /** The day asked for, when it had no fixing (a weekend or holiday: the latest before it is used). */
  readonly asked: string | null;
  /** The two fixings as published: KRW and USD per EUR. */
  readonly krw: string;
  readonly usd: string;
  /** For a period's close: the period whose last business day this is. */
  readonly period?: string;
}

/** The mean of a span's ECB-derived daily rates. */
export interface EcbSpanQuote {
  readonly source: "ecb";
  readonly basis: "average";
  readonly value: number;
  /** The period's label ("2024-Q3", "FY2024"). */
  readonly period: string;
  readonly start: string;
  readonly end: string;
  /** The number of daily rates averaged, and the first and last of them. */
  readonly count: number;
  readonly firstDay: string;
  readonly lastDay: string;
}

/** A figure published by the Bank of Korea or reported from the Seoul market. */
export interface OfficialQuote {
  readonly source: "official";
  readonly basis: FxBasis;
  readonly value: number;
  readonly period: string;
  readonly row: RateRow;
  readonly cite: Source;
}

/** The rates a quote is taken from: the daily series and the official rows with their sources. */
export interface FxData {
  readonly series: UsdKrwSeries;
  readonly official: readonly RateRow[];
  readonly sources: ReadonlyMap<string, Source>;
}

let embedded: FxData | null = null;

/** Builds the rates from a packed ECB file and the official rows of the usd-krw-rates dataset. */
export function fxDataFrom(packed: PackedRates, official: readonly RateRow[] = officialRows(), sources: ReadonlyMap<string, Source> = officialSources()): FxData {
  return { series: buildSeries(packed), official, sources };
}

function officialRows(): RateRow[] {
  return rateRows(datasetById(RATES_DATASET_ID)).filter((row) => row.kind !== "column_implied");
}

function officialSources(): Map<string, Source> {
  return new Map(datasetById(RATES_DATASET_ID).meta.sources.map((s) => [s.id, s]));
}

/**
 * The rates embedded in the bundle (built once, on first use).
 * @example embeddedFxData().series.meta.last // "2026-04-13"
 */
export function embeddedFxData(): FxData {
  embedded ??= fxDataFrom(embeddedRates as PackedRates);
  return embedded;
}

// ---------------------------------------------------------------------------------------------
// Arguments

const BASIS_WORDS: ReadonlyMap<string, FxBasis> = new Map([
  ["average", "average"], ["avg", "average"], ["mean", "average"], ["평균", "average"],
  ["close", "close"], ["end", "close"], ["closing", "close"], ["종가", "close"], ["기말", "close"], ["말", "close"],
]);

/**
 * Reads a basis argument: "average" (default when omitted) or "close" (also "평균", "종가", "기말").
 * @throws AifinError #VALUE! "badBasis"
 * @example parseBasis("종가") // "close"
 */
export function parseBasis(text: string | null | undefined): FxBasis | null {
  if (text === null || text === undefined || text.trim() === "") return null;
  const found = text.length > 40 ? undefined : BASIS_WORDS.get(matchKey(text));
  if (!found) throw new AifinError("value", "badBasis", { text });
  return found;
}

const SOURCE_WORDS: ReadonlyMap<string, FxSourceChoice> = new Map([
  ["ecb", "ECB"], ["europeancentralbank", "ECB"], ["유럽중앙은행", "ECB"],
  ["bok", "BOK"], ["bankofkorea", "BOK"], ["한국은행", "BOK"], ["한은", "BOK"], ["official", "BOK"], ["seoul", "BOK"], ["서울외환시장", "BOK"],
]);

/**
 * Reads a source argument: "ECB" or "BOK" (the official / Seoul market figure); omitted: null
 * (the official figure where a confirmed one exists, else ECB-derived).
 * @throws AifinError #VALUE! "badFxSource"
 */
export function parseFxSource(text: string | null | undefined): FxSourceChoice | null {
  if (text === null || text === undefined || text.trim() === "") return null;
  const found = text.length > 40 ? undefined : SOURCE_WORDS.get(matchKey(text));
  if (!found) throw new AifinError("value", "badFxSource", { text });
  return found;
}

// ---------------------------------------------------------------------------------------------
// Calendar spans

const DAY_MS = 86_400_000;

/** The first and last calendar day of a period (day numbers). */
export function periodSpan(period: Period): { start: number; end: number } {
  const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
  switch (period.kind) {
    case "day": {
      const day = utc(period.year, period.month, period.day);
      return { start: day, end: day };
    }
    case "month":
      return { start: utc(period.year, period.month, 1), end: utc(period.year, period.month + 1, 1) - 1 };
    case "quarter":
      return { start: utc(period.year, period.quarter * 3 - 2, 1), end: utc(period.year, period.quarter * 3 + 1, 1) - 1 };
    case "year":
      return { start: utc(period.year, 1, 1), end: utc(period.year + 1, 1, 1) - 1 };
  }
}

/** A calendar month, quarter or year, by kind and label ("quarter", "2024-Q3"). */
export interface CalendarPeriod {
  readonly kind: Exclude<Period["kind"], "day">;
  readonly label: string;
}

/**
 * The calendar period a span of days is exactly, if any: a whole month, quarter or year (a
 * calendar-year company's fiscal periods; Microsoft's FY2024 is none).
 * @example calendarPeriodOf(isoToDayNumber("2024-07-01"), isoToDayNumber("2024-09-30")) // { kind: "quarter", label: "2024-Q3" }
 */
export function calendarPeriodOf(start: number, end: number): CalendarPeriod | null {
  const first = dayNumberToIso(start);
  const year = Number(first.slice(0, 4));
  const month = Number(first.slice(5, 7));
  const candidates: Period[] = [{ kind: "year", year }, { kind: "quarter", year, quarter: Math.ceil(month / 3) }, { kind: "month", year, month }];
  for (const period of candidates) {
    const span = periodSpan(period);
    if (span.start === start && span.end === end && period.kind !== "day") return { kind: period.kind, label: periodLabel(period) };
  }
  return null;
}

/** Excel's date serial of day number 0 (1970-01-01). */
export const SERIAL_OF_EPOCH = 25569;

// ---------------------------------------------------------------------------------------------
// Quotes

const OFFICIAL_KIND: Readonly<Record<Exclude<Period["kind"], "day">, Readonly<Record<FxBasis, RateRow["kind"] | null>>>> = {
  year: { average: "annual_average", close: "year_end_close" },
  quarter: { average: "quarter_average", close: null },
  month: { average: "month_average", close: null },
};

function official(data: FxData, kind: RateRow["kind"] | null, label: string, confirmedOnly: boolean): OfficialQuote | null {
  if (kind === null) return null;
  const row = data.official.find((r) => r.kind === kind && r.period === label && (!confirmedOnly || r.status === "confirmed"));
  if (!row) return null;
  const cite = data.sources.get(row.source);
  if (!cite) throw new Error(`${RATES_DATASET_ID}: rate ${row.period} names source '${row.source}', which it does not list`);
  return { source: "official", basis: kind === "year_end_close" ? "close" : "average", value: row.value, period: label, row, cite };
}

function officialList(data: FxData): string {
  const labels = data.official.map((r) => `${r.period} ${r.kind === "year_end_close" ? "close" : "average"}`);
  return labels.length > 0 ? labels.join(", ") : "none";
}

function coverage(data: FxData) {
  return { first: data.series.meta.first, last: data.series.meta.last };
}

function dayQuoteAt(data: FxData, index: number, asked: string | null, period?: string): EcbDayQuote {
  const { series } = data;
  const day = rateDayIso(series, index);
  return {
    source: "ecb",
    basis: "day",
    value: series.hundredths[index] / 100,
    day,
    asked: asked === day ? null : asked,
    krw: fixingText(series.krw[index], series.decimals.KRW),
    usd: fixingText(series.usd[index], series.decimals.USD),
    ...(period === undefined ? {} : { period }),
  };
}

/**
 * The rate of one calendar day: the ECB-derived rate of that day, or of the latest business day
 * before it. With source "BOK": the official close of exactly that day, where the data has one.
 * @param data - the rates
 * @param day - a day number (days from 1970-01-01)
 * @param source - null or "ECB": ECB-derived; "BOK": official only
 * @throws AifinError #N/A "fxBeforeSeries" / "fxAfterSeries" outside the series; #N/A "noOfficialRate"
 */
export function dayQuote(data: FxData, day: number, source: FxSourceChoice | null = null): FxQuote {
  const asked = dayNumberToIso(day);
  if (source === "BOK") {
    const row = data.official.find((r) => r.kind === "year_end_close" && r.day === asked);
    const found = row ? official(data, "year_end_close", row.period, false) : null;
    if (!found) throw new AifinError("na", "noOfficialRate", { period: asked, basis: "day", periods: officialList(data) });
    return found;
  }
  const at = rateDayFor(data.series, day);
  if ("before" in at) throw new AifinError("na", "fxBeforeSeries", { period: asked, ...coverage(data) });
  if ("after" in at) throw new AifinError("na", "fxAfterSeries", { period: asked, ...coverage(data) });
  return dayQuoteAt(data, at.at, asked);
}

/** Quotes of spans, per rates data: the official rows are part of it, so other official rows never see another data's quotes. */
const spanCache = new WeakMap<FxData, Map<string, FxQuote>>();

/**
 * The rate of a span of calendar days, on a basis: the mean of its ECB-derived daily rates
 * (rounded half away from zero to 2 decimals), or its last business day's rate. With `calendar`
 * (the span is exactly that month, quarter or year) the official figure is used where the data
 * has a confirmed one for that period and basis (source omitted), or required (source "BOK").
 * Results are cached per series: a year's average is computed once.
 * @param data - the rates
 * @param span - first and last calendar day (day numbers) and the label to state ("2024", "FY2024")
 * @param basis - "average" (default) or "close"
 * @param source - null (official where confirmed, else ECB), "ECB" or "BOK"
 * @param calendar - the calendar month, quarter or year the span is exactly, if it is one (its kind and label, "2024-Q3")
 * @throws AifinError #N/A "fxBeforeSeries", "fxPeriodNotOver" (the span ends after the last rate
 *   day: no extrapolation), "noOfficialRate"
 */
export function spanQuote(
  data: FxData,
  span: { start: number; end: number; label: string },
  basis: FxBasis | null = null,
  source: FxSourceChoice | null = null,
  calendar: CalendarPeriod | null = null,
): FxQuote {
  const wanted = basis ?? "average";
  const key = `${span.start}|${span.end}|${span.label}|${wanted}|${source ?? ""}|${calendar ? `${calendar.kind} ${calendar.label}` : ""}`;
  let cache = spanCache.get(data);
  if (!cache) spanCache.set(data, (cache = new Map()));
  const cached = cache.get(key);
  if (cached) return cached;
  const quote = computeSpanQuote(data, span, wanted, source, calendar);
  cache.set(key, quote);
  return quote;
}

function computeSpanQuote(
  data: FxData,
  span: { start: number; end: number; label: string },
  basis: FxBasis,
  source: FxSourceChoice | null,
  calendar: CalendarPeriod | null,
): FxQuote {
  if (source !== "ECB") {
    const kind = calendar === null ? null : OFFICIAL_KIND[calendar.kind][basis];
    const found = calendar === null ? null : official(data, kind, calendar.label, source === null);
    if (found) return found;
    if (source === "BOK") throw new AifinError("na", "noOfficialRate", { period: span.label, basis, periods: officialList(data) });
  }
  const { series } = data;
  if (span.end < series.firstDay) throw new AifinError("na", "fxBeforeSeries", { period: span.label, ...coverage(data) });
  if (span.start < isoToDayNumber(`${series.meta.first.slice(0, 4)}-01-01`)) throw new AifinError("na", "fxBeforeSeries", { period: span.label, ...coverage(data) });
  if (span.end > series.lastDay) throw new AifinError("na", "fxPeriodNotOver", { period: span.label, ...coverage(data) });
  const days = spanDays(series, span.start, span.end);
  if (days.count === 0) throw new AifinError("na", "fxNoBusinessDay", { period: span.label });
  if (basis === "close") return dayQuoteAt(data, days.to, null, span.label);
  return {
    source: "ecb",
    basis: "average",
    value: spanMeanHundredths(series, days) / 100,
    period: span.label,
    start: dayNumberToIso(span.start),
    end: dayNumberToIso(span.end),
    count: days.count,
    firstDay: rateDayIso(series, days.from),
    lastDay: rateDayIso(series, days.to),
  };
}

/**
 * The rate of a period as users type it: a date gives that day's rate (the latest business day on
 * or before it); a month, quarter or year its average (or close) — never a coarser period's rate
 * for a finer one.
 * @param data - the rates
 * @param period - a parsed period
 * @param basis - for a month, quarter or year: "average" (default) or "close"
 * @param source - null, "ECB" or "BOK"
 * @example periodQuote(embeddedFxData(), parsePeriod("2023-06-15")).value // 1282.56
 */
export function periodQuote(data: FxData, period: Period, basis: FxBasis | null = null, source: FxSourceChoice | null = null): FxQuote {
  const { start, end } = periodSpan(period);
  if (period.kind === "day") return dayQuote(data, start, source);
  const label = periodLabel(period);
  return spanQuote(data, { start, end, label }, basis, source, { kind: period.kind, label });
}

/**
 * {@link periodQuote} for a period argument as typed: a number (a year, or an Excel date serial)
 * or text ("2023-06-15", "2024-11", "2024-Q3", "2024").
 * @throws AifinError #VALUE! "badPeriod" for text that is no period or an impossible date
 * @example fxQuote(embeddedFxData(), "2024-Q3", null, "BOK").source // "official"
 */
export function fxQuote(data: FxData, period: number | string, basis: FxBasis | null = null, source: FxSourceChoice | null = null): FxQuote {
  return periodQuote(data, parsePeriod(period), basis, source);
}

/**
 * The fast path of FX_RATE over a range of Excel date serials: won per dollar on the serial's
 * day, with no allocation. The same value as fxQuote for that serial.
 * @param data - the rates
 * @param serial - an Excel date serial above 3000 (a date from 1908 on)
 * @returns KRW per USD
 * @throws AifinError as {@link dayQuote}
 */
export function rateOnSerial(data: FxData, serial: number): number {
  return seriesRate(data, Math.floor(serial) - SERIAL_OF_EPOCH) ?? periodQuote(data, parsePeriod(serial)).value; // outside the series: the same refusal as text
}

/** Won per dollar on a day number (days since 1970-01-01) within the series, read with no allocation; undefined outside it. */
function seriesRate(data: FxData, day: number): number | undefined {
  const { series } = data;
  return day >= series.firstDay && day <= series.lastDay ? series.hundredths[series.onOrBefore[day - series.firstDay]] / 100 : undefined;
}

/**
 * FX_RATE's value for a period argument given without basis or source: the same value (or the
 * same refusal) as `fxQuote(data, input).value`. A day is read from the series without building
 * its quote; a month's, quarter's or year's rate comes from the span quotes, computed once per
 * rates data (spanQuote).
 * @param data - the rates
 * @param input - a period as typed: "2023-06-15", "2024-11", "2024-Q3", 2024, a date serial
 * @returns KRW per USD
 * @throws AifinError as {@link fxQuote}
 * @example plainRate(embeddedFxData(), "2023-06-15") // 1282.56
 */
export function plainRate(data: FxData, input: number | string): number {
  const period = parsePeriod(input);
  return (period.kind === "day" ? seriesRate(data, periodSpan(period).start) : undefined) ?? periodQuote(data, period).value;
}

/** The latest rate day of the series, as a quote: the default reference rate. */
export function latestQuote(data: FxData): EcbDayQuote {
  return dayQuoteAt(data, data.series.days.length - 1, null);
}
