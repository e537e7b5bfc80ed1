/* The unit of a statement table. Korean filings and 10-K tables state it once, in a caption or a
 * column header, and write plain numbers below it: "(단위: 억원)" over "5,803" means 5,803억 원,
 * "(US$ in millions)" over "1,234" means 1,234 million dollars. This reads those headers; the
 * cleaner (clean.ts) applies them. Pure: no Office, no DOM. */
import type { Language } from "../messages";
import type { Currency } from "../money";

/** What one written number stands for: 10^power of a currency (null when the header names none). */
export interface StatementUnit {
  /** The power of ten of the unit: 8 for 억원, 6 for "In millions", 0 for 원 or "in dollars". */
  readonly power: number;
  /** The currency the header names, or null ("(In millions)" names none). */
  readonly currency: Currency | null;
}

/** A unit header found in a block of cells, and where. */
export interface FoundUnit extends StatementUnit {
  /** Zero-based row and column of the cell in the block searched. */
  readonly row: number;
  readonly column: number;
  /** The cell's text, as it is in the sheet. */
  readonly text: string;
}

/** Longest header read: a caption or a column title, never a paragraph. */
const MAX_HEADER = 80;

/** Korean scale words, by the power of ten they stand for. */
const KO_SCALES = new Map<string, number>([
  ["천", 3],
  ["만", 4],
  ["십만", 5],
  ["백만", 6],
  ["천만", 7],
  ["억", 8],
  ["십억", 9],
  ["백억", 10],
  ["천억", 11],
  ["조", 12],
]);

/** English scale words (and the abbreviations statements use), by power of ten. */
const EN_SCALES = new Map<string, number>([
  ["thousand", 3],
  ["thousands", 3],
  ["k", 3],
  ["000s", 3],
  ["million", 6],
  ["millions", 6],
  ["mn", 6],
  ["mil", 6],
  ["mm", 6],
  ["m", 6],
  ["billion", 9],
  ["billions", 9],
  ["bn", 9],
  ["b", 9],
  ["trillion", 12],
  ["trillions", 12],
  ["tn", 12],
  ["t", 12],
]);

/** Currency words of a header (after lower-casing; "u.s." is read as "us"). */
const CURRENCIES = new Map<string, Currency>([
  ["$", "USD"],
  ["us$", "USD"],
  ["usd", "USD"],
  ["dollar", "USD"],
  ["dollars", "USD"],
  ["달러", "USD"],
  ["미국달러", "USD"],
  ["미화", "USD"],
  ["₩", "KRW"],
  ["krw", "KRW"],
  ["won", "KRW"],
  ["원", "KRW"],
  ["원화", "KRW"],
]);

/** Words a header may hold besides a scale and a currency: "(in millions of US dollars)". */
const FILLER = new Set(["in", "of", "amounts", "amount", "figures", "expressed", "stated", "korean", "us", "u.s.", "unit", "units", "except", "otherwise", "noted"]);

/**
 * Reads a unit from a run of words: exactly one scale word (or, where `bareCurrency`, a currency
 * alone, meaning single units: "(단위: 원)", "(in dollars)"), at most one currency, nothing else
 * but filler. A bare "USD" is a currency code, not a statement of the unit.
 */
function unitOfWords(words: readonly string[], bareCurrency: boolean): StatementUnit | null {
  let power: number | null = null;
  let currency: Currency | null = null;
  for (const word of words) {
    const scale = KO_SCALES.get(word) ?? EN_SCALES.get(word);
    const money = CURRENCIES.get(word);
    if (scale !== undefined) {
      if (power !== null) return null;
      power = scale;
    } else if (money !== undefined) {
      if (currency !== null && currency !== money) return null;
      currency = money;
    } else if (!FILLER.has(word)) {
      return null;
    }
  }
  if (power === null) return currency !== null && (bareCurrency || words.includes("in")) ? { power: 0, currency } : null;
  return { power, currency };
}

/** Splits a unit text into words: Korean scale and currency runs apart ("백만원" → 백만, 원), symbols apart ("US$" stays, "$M" → $, m). */
function words(text: string): string[] {
  const spaced = text
    .replace(/u\.s\./g, "us")
    .replace(/us\$/g, " us$ ")
    .replace(/(^|[^s])\$/g, "$1 $ ")
    .replace(/₩/g, " ₩ ")
    .replace(/(미국달러|달러|원화|원|미화)/g, " $1 ")
    .replace(/[:：,/()[\]]/g, " ");
  return spaced.split(/\s+/).filter((w) => w !== "");
}

/** The unit a text of its own states ("(단위: 억원)", "(US$ in millions)", "KRW bn"), or null. */
function captionUnit(text: string): StatementUnit | null {
  // "단위: 억원" / "(단위 : 백만원, %)": the first part after 단위 that reads as a unit.
  const korean = /^[([]?\s*단위\s*[:：]?\s*(.+?)\s*[)\]]?$/.exec(text);
  if (korean) {
    for (const part of korean[1].split(/[,/]/)) {
      const unit = unitOfWords(words(part), true);
      if (unit) return unit;
    }
    return null;
  }
  // English: "(In millions, except per share data)": the first comma-separated part decides.
  const inner = /^[([]\s*(.+?)\s*[)\]]$/.exec(text)?.[1] ?? text;
  return unitOfWords(words(inner.split(/[,;]/)[0]), false);
}

/**
 * Reads the unit a header states: a caption ("(단위: 억원)", "(단위: 백만원)", "단위: 천원",
 * "(In millions)", "(US$ in millions)", "($ in billions)", "KRW bn"), or a column title whose last
 * parenthesis is a unit ("매출액(억원)", "Capex (US$ bn)", "2024 (in millions)").
 * @param text - a cell's text
 * @returns the unit, or null when the text states none (an amount such as "30억 달러(약 3조9600억 원)" states none)
 * @example readUnitHeader("(단위: 억원)") // { power: 8, currency: "KRW" }
 * @example readUnitHeader("(In millions)") // { power: 6, currency: null }
 */
export function readUnitHeader(text: string): StatementUnit | null {
  if (text.length > MAX_HEADER) return null;
  const s = text.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
  if (s === "") return null;
  if (!/\d/.test(s)) {
    const whole = captionUnit(s);
    if (whole) return whole;
  }
  // A column title: "매출액(억원)", "Capex (US$ bn)": a last parenthesis without digits.
  const title = /^(.*\S)\s*[([]([^()[\]\d]+)[)\]]$/.exec(s);
  return title ? captionUnit(`(${title[2]})`) : null;
}

/** True when a cell's whole text is a unit caption (not a column title that also names a unit). */
export function isUnitCaption(value: unknown): boolean {
  if (typeof value !== "string" || /\d/.test(value)) return false;
  const s = value.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
  return s !== "" && s.length <= MAX_HEADER && captionUnit(s) !== null;
}

/**
 * Finds the unit caption nearest to a table's data in a block of cells: the lowest row first (the
 * one closest to the figures), and in a row the rightmost cell (where filings put "(단위: 백만원)").
 * @param cells - the rows above the selection and the selection's own leading rows, top to bottom
 * @returns the caption found, with its position in the block, or null
 * @example findUnitCaption([["매출 현황", "", "(단위: 억원)"]]) // { power: 8, currency: "KRW", row: 0, column: 2, text: "(단위: 억원)" }
 */
export function findUnitCaption(cells: readonly (readonly unknown[])[]): FoundUnit | null {
  for (let r = cells.length - 1; r >= 0; r--) {
    const row = cells[r];
    for (let c = row.length - 1; c >= 0; c--) {
      const value = row[c];
      if (!isUnitCaption(value)) continue;
      const unit = captionUnit((value as string).normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase());
      if (unit) return { ...unit, row: r, column: c, text: value as string };
    }
  }
  return null;
}

/** Korean names of the units the cleaner reads, by power of ten. */
const KO_UNIT_NAMES = new Map<number, string>([
  [0, ""],
  [3, "천"],
  [4, "만"],
  [5, "십만"],
  [6, "백만"],
  [7, "천만"],
  [8, "억"],
  [9, "십억"],
  [10, "백억"],
  [11, "천억"],
  [12, "조"],
]);
const EN_UNIT_NAMES = new Map<number, string>([
  [0, "units"],
  [3, "thousands"],
  [6, "millions"],
  [9, "billions"],
  [12, "trillions"],
]);

/**
 * The name of a unit as a statement writes it: "억원", "백만 달러", "US$ millions", "millions (no currency)".
 * @param unit - a power of ten and a currency (or none)
 * @param lang - "en" or "ko"
 * @example unitName({ power: 8, currency: "KRW" }, "en") // "억원 (10^8 KRW)"
 * @example unitName({ power: 6, currency: "USD" }, "en") // "US$ millions"
 */
export function unitName(unit: StatementUnit, lang: Language): string {
  const ko = KO_UNIT_NAMES.get(unit.power) ?? `10^${unit.power}`;
  const en = EN_UNIT_NAMES.get(unit.power);
  const currencyKo = unit.currency === "KRW" ? "원" : unit.currency === "USD" ? " 달러" : "";
  if (lang === "ko") {
    const text = `${ko}${currencyKo}`.trim();
    return unit.currency === null ? `${text || "1"} (통화 없음)` : text;
  }
  if (unit.currency === "KRW") return unit.power === 0 ? "won" : `${ko}원 (10^${unit.power} KRW)`;
  const scale = en ?? `10^${unit.power}`;
  if (unit.currency === "USD") return unit.power === 0 ? "US dollars" : `US$ ${scale}`;
  return `${scale} (no currency)`;
}
