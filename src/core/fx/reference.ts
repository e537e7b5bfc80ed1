/* The workbook's reference USD/KRW rate: what USD_TO_KRW / KRW_TO_USD without a rate and
 * FX_RATE() use. By default the latest daily rate in the data; a workbook pins it (to the day it
 * stood for when first used, to another date, to a period on a basis, or to a manual rate) so its
 * numbers never move by themselves. Pure. */
import { AifinError } from "../errors";
import { isIsoDay, isoToDayNumber } from "./ecb";
import { dayQuote, latestQuote, periodQuote, type FxBasis, type FxData, type FxQuote, type FxSourceChoice } from "./rates";
import { parsePeriod } from "./period";

/** What a workbook's reference rate is pinned to. */
export type ReferenceChoice =
  /** The latest rate, as it stood on `day` (recorded when the workbook first used it). */
  | { readonly kind: "latest"; readonly day: string }
  /** The rate of a day the user chose. */
  | { readonly kind: "date"; readonly day: string }
  /** A month, quarter or year ("2024-Q3"), on a basis, from a source (omitted: official where confirmed). */
  | { readonly kind: "period"; readonly period: string; readonly basis?: FxBasis; readonly source?: FxSourceChoice }
  /** A rate the user typed, KRW per USD. */
  | { readonly kind: "manual"; readonly rate: number };

/** The reference rate in force: its value and, unless typed by hand, the quote that states it. */
export interface ReferenceRate {
  readonly value: number;
  readonly quote: FxQuote | null;
  readonly choice: ReferenceChoice | null;
}

/**
 * Reads a stored choice (a workbook setting, JSON text or an object), checking every field:
 * anything else is null, never a guess. Settings written by earlier versions ({kind: "period",
 * period}) are read as the period's average.
 * @example parseReferenceChoice('{"kind":"latest","day":"2026-04-13"}') // { kind: "latest", day: "2026-04-13" }
 */
export function parseReferenceChoice(value: unknown): ReferenceChoice | null {
  let raw = value;
  if (typeof raw === "string") {
    if (raw.trim() === "") return null;
    try {
      raw = JSON.parse(raw) as unknown;
    } catch {
      return null;
    }
  }
  if (typeof raw !== "object" || raw === null) return null;
  const o = raw as Record<string, unknown>;
  switch (o.kind) {
    case "latest":
    case "date":
      return typeof o.day === "string" && isIsoDay(o.day) ? { kind: o.kind, day: o.day } : null;
    case "period": {
      if (typeof o.period !== "string" || o.period.trim() === "") return null;
      if (o.basis !== undefined && o.basis !== "average" && o.basis !== "close") return null;
      if (o.source !== undefined && o.source !== "ECB" && o.source !== "BOK") return null;
      try {
        if (parsePeriod(o.period).kind === "day") return null;
      } catch {
        return null;
      }
      return { kind: "period", period: o.period, ...(o.basis === undefined ? {} : { basis: o.basis as FxBasis }), ...(o.source === undefined ? {} : { source: o.source as FxSourceChoice }) };
    }
    case "manual":
      return typeof o.rate === "number" && Number.isFinite(o.rate) && o.rate > 0 ? { kind: "manual", rate: o.rate } : null;
    default:
      return null;
  }
}

/**
 * The reference rate for a choice: none, the data's latest day; "latest"/"date", that day's rate;
 * "period", the period's rate on its basis; "manual", the rate typed.
 * @param data - the rates
 * @param choice - the workbook's choice, or null
 * @throws AifinError #NUM! "rateNotPositive" for a manual rate that is not positive; the refusals
 *   of dayQuote / periodQuote (a pinned day after the data, a period not over)
 * @example referenceRate(embeddedFxData(), null).quote?.day // "2026-04-13"
 */
export function referenceRate(data: FxData, choice: ReferenceChoice | null): ReferenceRate {
  if (choice === null) {
    const quote = latestQuote(data);
    return { value: quote.value, quote, choice };
  }
  switch (choice.kind) {
    case "manual":
      // The setting lives in shared state any bundle (or a stale workbook setting) may have written.
      if (!(Number.isFinite(choice.rate) && choice.rate > 0)) throw new AifinError("num", "rateNotPositive", { rate: String(choice.rate) });
      return { value: choice.rate, quote: null, choice };
    case "latest":
    case "date": {
      // The setting lives in shared state any bundle (or a stale workbook setting) may have written.
      if (typeof choice.day !== "string" || !isIsoDay(choice.day)) throw new AifinError("value", "badPeriod", { period: String(choice.day) });
      const quote = dayQuote(data, isoToDayNumber(choice.day));
      return { value: quote.value, quote, choice };
    }
    case "period": {
      if (typeof choice.period !== "string") throw new AifinError("value", "badPeriod", { period: String(choice.period) });
      const quote = periodQuote(data, parsePeriod(choice.period), choice.basis ?? null, choice.source ?? null);
      return { value: quote.value, quote, choice };
    }
  }
}

/**
 * Whether a workbook pinned to the latest rate of an earlier day could move to newer data, and to
 * what: the pane offers it and says what changes, never does it by itself.
 * @returns the newer day and both rates, or null when the choice is not "latest" or the data has no newer day
 */
export function newerLatest(data: FxData, choice: ReferenceChoice | null): { readonly from: FxQuote; readonly to: FxQuote } | null {
  if (choice?.kind !== "latest") return null;
  const to = latestQuote(data);
  if (to.day <= choice.day) return null;
  return { from: dayQuote(data, isoToDayNumber(choice.day)), to };
}
