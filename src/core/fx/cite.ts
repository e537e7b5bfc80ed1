/* What FX_SOURCE says of a rate, and what AI_SOURCE says of the rate a conversion used: the rate,
 * the day or period it is for, its basis and its source, always. Pure. */
import { message, type Language } from "../messages";
import { rateKindLabel } from "../data/metrics";
import type { FxData, FxQuote } from "./rates";

/** A rate with its thousands grouped and at least two decimals ("1,282.56", "1,329.40"). */
export function rateText(value: number): string {
  const [whole, fraction = ""] = String(value).split(".");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction.padEnd(2, "0")}`;
}

/**
 * One sentence stating a rate: for an ECB day, the day (and the day asked, if it had no fixing)
 * and the two euro fixings; for an ECB period, its calendar days and how many daily rates were
 * averaged; for a close, its last business day; for an official figure, what it measures and who
 * published it (with UNCONFIRMED and the reason where it is not confirmed).
 * @param quote - a rate from fxQuote, spanQuote, dayQuote or latestQuote
 * @param data - the rates (for the ECB's provenance)
 * @param lang - "en" (default) or "ko"
 * @example fxSourceText(fxQuote(embeddedFxData(), "2023-06-15"), embeddedFxData())
 *   // "1,282.56 KRW per USD on 2023-06-15, derived from ECB reference rates (KRW and USD per EUR: 1387.60 and 1.0819; European Central Bank, https://…)"
 */
export function fxSourceText(quote: FxQuote, data: FxData, lang: Language = "en"): string {
  const ecb = data.series.meta.source;
  const provenance = { publisher: ecb.publisher, url: ecb.url };
  if (quote.source === "ecb") {
    if (quote.basis === "day") {
      const fixings = { rate: rateText(quote.value), day: quote.day, krw: quote.krw, usd: quote.usd, ...provenance };
      if (quote.period !== undefined) return message("fxCloseText", { ...fixings, period: quote.period }, lang);
      const asked = quote.asked === null ? "" : message("fxAskedBefore", { asked: quote.asked }, lang);
      return message("fxDayText", { ...fixings, asked }, lang);
    }
    return message(
      "fxAverageText",
      { rate: rateText(quote.value), period: quote.period, start: quote.start, end: quote.end, count: quote.count, firstDay: quote.firstDay, lastDay: quote.lastDay, ...provenance },
      lang,
    );
  }
  const { row, cite } = quote;
  const text = message(
    "fxOfficialText",
    {
      rate: rateText(quote.value),
      kind: rateKindLabel(row.kind, "en").toLowerCase(),
      kindKo: rateKindLabel(row.kind, "ko"),
      period: row.kind === "year_end_close" && row.day ? `${quote.period} (${row.day})` : quote.period,
      basisNote: row.measure ? row.measure[lang] : rateKindLabel(row.kind, lang),
      publisher: cite.publisher,
      title: cite.title,
      published: cite.published,
      url: cite.url,
    },
    lang,
  );
  return row.status === "confirmed" ? text : `${text} — ${message("fxUnconfirmed", { note: row.note ?? "" }, lang)}`;
}
