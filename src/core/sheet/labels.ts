/* The words AIFIN writes into a sheet besides the data (captions, headers the data files do not
 * name), in English and Korean: one table. Headers the data files name (company, metric, period,
 * value, currency, status, source) come from data/metrics.json, as AI_TABLE shows them. */
import type { Language } from "../messages";

export const SHEET_LABELS = {
  year: { en: "Year", ko: "연도" },
  low: { en: "Low", ko: "하한" },
  high: { en: "High", ko: "상한" },
  qualifier: { en: "Qualifier", ko: "한정어" },
  /** A dated statement's day (guidance given on), or a year-end close's session day. */
  given: { en: "Date (given / session)", ko: "날짜(발표/거래일)" },
  definition: { en: "Definition", ko: "정의" },
  kind: { en: "Kind", ko: "종류" },
  sourceKey: { en: "Source", ko: "출처" },
  quote: { en: "Quote", ko: "인용" },
  note: { en: "Note", ko: "비고" },
  key: { en: "AIFIN key", ko: "AIFIN 키" },
  asOf: { en: "As of", ko: "기준일" },
  version: { en: "Version", ko: "버전" },
  sources: { en: "Sources", ko: "출처" },
  publisher: { en: "Publisher", ko: "발행처" },
  title: { en: "Title", ko: "제목" },
  date: { en: "Date", ko: "날짜" },
  url: { en: "URL", ko: "URL" },
  mentionOnly: { en: "mention only", ko: "언급만" },
  cleanUsd: { en: "USD", ko: "USD" },
  cleanKrw: { en: "KRW", ko: "KRW" },
  cleanNote: { en: "AIFIN note", ko: "AIFIN 비고" },
  cleanApproximate: { en: "approximate", ko: "근사치" },
  cleanUnread: { en: "⚠ not read: {reason}", ko: "⚠ 읽지 못함: {reason}" },
  cleanNoCurrency: {
    en: "no currency ($, 원, USD, KRW…) in '{text}': choose the currency in the pane, or add a unit header such as (단위: 억원)",
    ko: "'{text}'에 통화($, 원, USD, KRW…)가 없습니다. 창에서 통화를 고르거나 (단위: 억원) 같은 단위 표시를 넣으세요",
  },
  cleanUnitConflict: {
    en: "'{text}' is in {currency}, but the unit header says {unit}",
    ko: "'{text}'은(는) {currency} 금액인데 단위 표시는 {unit}입니다",
  },
  cleanPublished: { en: "Published {currency}", ko: "발표 {currency}" },
  cleanPublishedOther: { en: "Published (other currency)", ko: "발표 금액(다른 통화)" },
  cleanPublishedDiffers: {
    en: "the published {currency} figure, {published}, differs from the conversion by {percent}%",
    ko: "발표된 {currency} 금액 {published}은(는) 환산값과 {percent}% 다릅니다",
  },
  cleanNotText: { en: "'{text}' is not an amount", ko: "'{text}'은(는) 금액이 아닙니다" },
  cleanRate: { en: "at {rate} KRW per USD", ko: "환율 {rate}원/달러 적용" },
} as const satisfies Record<string, Record<Language, string>>;

export type SheetLabel = keyof typeof SHEET_LABELS;

/**
 * A sheet label in a language, with `{name}` placeholders filled.
 * @example sheetLabel("asOf", "ko") // "기준일"
 */
export function sheetLabel(key: SheetLabel, lang: Language, params: Readonly<Record<string, string | number>> = {}): string {
  return SHEET_LABELS[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The first character of every status cell of an unconfirmed figure: the visible mark. */
export const UNCONFIRMED_MARK = "⚠";
