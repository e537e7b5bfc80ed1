/* Cleaning pasted amounts: a column of text such as "30억 달러(약 3조9600억 원)", "$3B" or
 * "5,803억원" becomes numeric USD and KRW columns, read by the same parser as the functions and
 * converted at one rate; what cannot be read is said, never guessed. */
import { AifinError } from "../errors";
import type { Language } from "../messages";
import { decToExcelNumber, krwToUsd, parseAmount, usdToKrw, type Dec } from "../money";
import { groupDigits } from "../data/vocabulary";
import { escapeCellText } from "./escape";
import { FORMATS, type Cell } from "./plan";
import { sheetLabel } from "./labels";

/** How many columns the cleaner writes beside the selection: USD, KRW, note. */
export const CLEAN_COLUMNS = 3;

export interface CleanPlan {
  /** True when the first selected cell is a header (text with no digit): headers are written beside it. */
  readonly header: boolean;
  /** The cells to write beside the selection, one row per selected row, CLEAN_COLUMNS wide. */
  readonly values: Cell[][];
  /** Their number formats. */
  readonly formats: string[][];
  /** Rows (indices into `values`) that could not be read. */
  readonly unreadRows: number[];
  /** Amounts read and converted. */
  readonly read: number;
  /** Non-empty cells that could not be read. */
  readonly unread: number;
}

type Reading = { ok: true; currency: "USD" | "KRW"; value: Dec | number; approximate: boolean } | { ok: false; reason: string };

/** The currency a number format names ("$#,##0" → USD, "₩#,##0" or "#,##0원" → KRW), or null. */
export function currencyOfFormat(format: unknown): "USD" | "KRW" | null {
  if (typeof format !== "string") return null;
  if (/₩|원|KRW|\[\$[^\]]*-412\]/i.test(format)) return "KRW";
  if (/\$|USD/i.test(format)) return "USD";
  return null;
}

function read(value: unknown, format: unknown, lang: Language): Reading | null {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number") {
    const currency = currencyOfFormat(format);
    if (!currency) return { ok: false, reason: sheetLabel("cleanNoCurrency", lang, { text: String(value) }) };
    return { ok: true, currency, value, approximate: false };
  }
  if (typeof value !== "string") return { ok: false, reason: sheetLabel("cleanNotText", lang, { text: String(value) }) };
  try {
    const parsed = parseAmount(value);
    if (parsed.currency === null) return { ok: false, reason: sheetLabel("cleanNoCurrency", lang, { text: value }) };
    return { ok: true, currency: parsed.currency, value: parsed.value, approximate: parsed.approximate };
  } catch (error) {
    if (error instanceof AifinError) return { ok: false, reason: error.text(lang) };
    throw error;
  }
}

function usdFormat(usd: number): string {
  return Number.isInteger(usd) ? FORMATS.USD : "$#,##0.00";
}

function krwFormat(krw: number): string {
  return Number.isInteger(krw) ? FORMATS.KRW : "₩#,##0.00";
}

/**
 * Plans the cleaning of one selected column of pasted amounts: for each cell, its amount in USD
 * and in KRW (the other currency converted at `rate`, rounded once as the functions round) and a
 * note ("approximate", or why the cell could not be read). Numbers are read in the currency their
 * number format shows; a number with no currency format is not guessed.
 * @param values - the selection's values (one column), as Excel returns them
 * @param numberFormats - the selection's number formats, same shape
 * @param rate - KRW per USD, positive
 * @param lang - the language of the notes
 * @returns the cells to write beside the selection
 * @example planClean([["$3B"]], [["General"]], 1320, "en").values[0] // [3000000000, 3960000000000, ""]
 */
export function planClean(values: readonly (readonly unknown[])[], numberFormats: readonly (readonly unknown[])[], rate: number, lang: Language): CleanPlan {
  const first = values[0]?.[0];
  const header = values.length > 1 && typeof first === "string" && first.trim() !== "" && !/\d/.test(first.normalize("NFKC"));
  const out: Cell[][] = [];
  const formats: string[][] = [];
  const unreadRows: number[] = [];
  let readCount = 0;
  const general = [FORMATS.general, FORMATS.general, FORMATS.general];
  values.forEach((row, i) => {
    if (i === 0 && header) {
      out.push([sheetLabel("cleanUsd", lang), sheetLabel("cleanKrw", lang), sheetLabel("cleanNote", lang)]);
      formats.push(general);
      return;
    }
    const reading = read(row[0], numberFormats[i]?.[0], lang);
    if (reading === null) {
      out.push(["", "", ""]);
      formats.push(general);
      return;
    }
    if (!reading.ok) {
      out.push(["", "", escapeCellText(sheetLabel("cleanUnread", lang, { reason: reading.reason }))]);
      formats.push(general);
      unreadRows.push(i);
      return;
    }
    try {
      const amount = typeof reading.value === "number" ? reading.value : decToExcelNumber(reading.value);
      const usd = reading.currency === "USD" ? amount : krwToUsd(reading.value, rate);
      const krw = reading.currency === "KRW" ? amount : usdToKrw(reading.value, rate);
      const note = [reading.approximate ? sheetLabel("cleanApproximate", lang) : "", sheetLabel("cleanRate", lang, { rate: groupDigits(rate) })]
        .filter((s) => s !== "")
        .join("; ");
      out.push([usd, krw, escapeCellText(note)]);
      formats.push([usdFormat(usd), krwFormat(krw), FORMATS.general]);
      readCount++;
    } catch (error) {
      if (!(error instanceof AifinError)) throw error;
      out.push(["", "", escapeCellText(sheetLabel("cleanUnread", lang, { reason: error.text(lang) }))]);
      formats.push(general);
      unreadRows.push(i);
    }
  });
  return { header, values: out, formats, unreadRows, read: readCount, unread: unreadRows.length };
}
