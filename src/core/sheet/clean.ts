/* Cleaning pasted amounts: a column of text such as "30억 달러(약 3조9600억 원)", "$3B" or
 * "5,803억원" — or a statement table whose header states the unit ("(단위: 억원)" over "5,803",
 * "△4,000") — becomes numeric USD and KRW columns, read by the same parser as the functions and
 * converted at one rate; what cannot be read is said, never guessed. */
import { AifinError } from "../errors";
import type { Language, MessageKey } from "../messages";
import {
  decCompare,
  decDivRoundHalfAwayFromZero,
  decFromNumber,
  decIsZero,
  decMul,
  decScale,
  decSub,
  decToExcelNumber,
  decToString,
  krwToUsd,
  parseAmount,
  usdToKrw,
  type Currency,
  type Dec,
} from "../money";
import { groupDigits } from "../data/vocabulary";
import { escapeCellText } from "./escape";
import { FORMATS, type Cell } from "./plan";
import { sheetLabel } from "./labels";
import { findUnitCaption, isUnitCaption, readUnitHeader, unitName, type FoundUnit, type StatementUnit } from "./statement-unit";

/** The unit and currency the user chose in the pane; null parts are "automatic" (from the headers). */
export interface UnitChoice {
  readonly power: number | null;
  readonly currency: Currency | null;
}

export interface CleanOptions {
  /** The pane's pickers: they win over every header. */
  readonly chosen?: UnitChoice;
  /** A unit caption found above the selection (findUnitCaption over the rows above it). */
  readonly above?: FoundUnit | null;
  /** Names of the selection's columns (their letters), for output headers when it has no header row. */
  readonly columnNames?: readonly string[];
}

/** One column the cleaner writes: an amount column's USD, KRW or published figure, or the note. */
export type CleanColumn =
  | { readonly kind: "usd" | "krw" | "published"; readonly source: number }
  | { readonly kind: "note" };

export interface CleanPlan {
  /** Index of the header row in the selection (its output row holds headers), or -1. */
  readonly headerRow: number;
  /** Rows of the selection that only state the unit ("(단위: 억원)"): left blank beside. */
  readonly captionRows: readonly number[];
  /** Selection columns cleaned as amounts, and those left alone as labels. */
  readonly amountColumns: readonly number[];
  readonly labelColumns: readonly number[];
  /** The columns written beside the selection, in order. */
  readonly columns: readonly CleanColumn[];
  /** The cells to write beside the selection, one row per selected row, `columns.length` wide. */
  readonly values: Cell[][];
  /** Their number formats. */
  readonly formats: string[][];
  /** Rows (indices into `values`) with a cell that could not be read. */
  readonly unreadRows: number[];
  /** Amounts read and converted. */
  readonly read: number;
  /** Non-empty amount cells that could not be read. */
  readonly unread: number;
  /** Of those, the ones that only lack a currency (the pane's currency picker reads them). */
  readonly noCurrency: number;
  /** Amounts whose text also published the other currency, and those more than 1% off the conversion. */
  readonly published: number;
  readonly differing: number;
  /** The unit caption found inside the selection (row and column in it), if any. */
  readonly caption: FoundUnit | null;
}

type Reading =
  | { readonly ok: true; readonly currency: Currency; readonly value: Dec | number; readonly approximate: boolean; readonly alternate: { readonly currency: Currency; readonly value: Dec } | null }
  | { readonly ok: false; readonly reason: string; readonly amountLike: boolean; readonly noCurrency: boolean };

/** Parser failures that mean "this is not about an amount at all" (a label such as "매출액"). */
const NOT_AMOUNT_KEYS = new Set<MessageKey>(["noNumber", "unexpectedWord", "notAnAmount", "textTooLong", "emptyAmount"]);

/** The currency a number format names ("$#,##0" → USD, "₩#,##0" or "#,##0원" → KRW), or null. */
export function currencyOfFormat(format: unknown): Currency | null {
  if (typeof format !== "string") return null;
  if (/₩|원|KRW|\[\$[^\]]*-412\]/i.test(format)) return "KRW";
  if (/\$|USD/i.test(format)) return "USD";
  return null;
}

function isEmpty(value: unknown): boolean {
  return value === "" || value === null || value === undefined;
}

/** A whole number that reads as a year (a column title such as 2024, or a Year column). */
function isYearLike(value: unknown): boolean {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d{4}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1900 && n <= 2100;
}

/** Reads one cell under a unit: plain digits are in the unit; text with its own unit word is as written. */
function read(value: unknown, format: unknown, unit: StatementUnit, lang: Language): Reading | null {
  if (isEmpty(value)) return null;
  const scale = (d: Dec | number): Dec | number => (unit.power === 0 ? d : decScale(typeof d === "number" ? decFromNumber(d) : d, unit.power));
  const fail = (reason: string, amountLike: boolean, noCurrency = false): Reading => ({ ok: false, reason, amountLike, noCurrency });
  if (typeof value === "number") {
    const shown = currencyOfFormat(format);
    if (unit.currency && shown && unit.currency !== shown) {
      return fail(sheetLabel("cleanUnitConflict", lang, { text: String(value), unit: unitName(unit, lang), currency: shown }), true);
    }
    const currency = unit.currency ?? shown;
    if (!currency) return fail(sheetLabel("cleanNoCurrency", lang, { text: String(value) }), true, true);
    return { ok: true, currency, value: scale(value), approximate: false, alternate: null };
  }
  if (typeof value !== "string") return fail(sheetLabel("cleanNotText", lang, { text: String(value) }), false);
  try {
    const parsed = parseAmount(value);
    if (!parsed.scaled && unit.currency && parsed.currency && parsed.currency !== unit.currency) {
      return fail(sheetLabel("cleanUnitConflict", lang, { text: value, unit: unitName(unit, lang), currency: parsed.currency }), true);
    }
    const currency = parsed.currency ?? unit.currency;
    if (currency === null) return fail(sheetLabel("cleanNoCurrency", lang, { text: value }), true, true);
    const amount = parsed.scaled ? parsed.value : scale(parsed.value);
    const alt = parsed.alternate;
    const alternate =
      alt && alt.currency !== null && alt.currency !== currency ? { currency: alt.currency, value: alt.scaled ? alt.value : (scale(alt.value) as Dec) } : null;
    return { ok: true, currency, value: amount, approximate: parsed.approximate, alternate };
  } catch (error) {
    if (error instanceof AifinError) return fail(error.text(lang), !NOT_AMOUNT_KEYS.has(error.key));
    throw error;
  }
}

function moneyFormat(currency: Currency, amount: number): string {
  if (currency === "USD") return Number.isInteger(amount) ? FORMATS.USD : "$#,##0.00";
  return Number.isInteger(amount) ? FORMATS.KRW : '"₩"#,##0.00';
}

function money(currency: Currency, amount: number): string {
  return `${currency === "USD" ? "$" : "₩"}${groupDigits(amount)}`;
}

/** The percentage by which a conversion differs from a published figure, to one decimal; null when within 1%. */
function difference(converted: number, published: Dec): string | null {
  if (decIsZero(published)) return null;
  const magnitude = (d: Dec): Dec => (d.m < 0n ? { m: -d.m, e: d.e } : d);
  const off = magnitude(decSub(decFromNumber(converted), published));
  // More than 1%: off × 100 > |published|, compared exactly.
  if (decCompare(decMul(off, decFromNumber(100)), magnitude(published)) <= 0) return null;
  return decToString(decDivRoundHalfAwayFromZero(decMul(off, decFromNumber(100)), magnitude(published), 1));
}

/** What one amount cell becomes: its USD, KRW and published figures, a note, and what counted. */
interface CellResult {
  readonly usd: Cell;
  readonly krw: Cell;
  readonly published: Cell;
  readonly publishedCurrency: Currency | null;
  readonly note: string;
  readonly outcome: "read" | "unread" | "noCurrency" | "empty";
  readonly differs: boolean;
}

const EMPTY_CELL: CellResult = { usd: "", krw: "", published: "", publishedCurrency: null, note: "", outcome: "empty", differs: false };

function cleanCell(reading: Reading | null, rate: number, lang: Language): CellResult {
  if (reading === null) return EMPTY_CELL;
  const unread = (reason: string, noCurrency: boolean): CellResult => ({
    ...EMPTY_CELL,
    note: sheetLabel("cleanUnread", lang, { reason }),
    outcome: noCurrency ? "noCurrency" : "unread",
  });
  if (!reading.ok) return unread(reading.reason, reading.noCurrency);
  try {
    const amount = typeof reading.value === "number" ? reading.value : decToExcelNumber(reading.value);
    const usd = reading.currency === "USD" ? amount : krwToUsd(reading.value, rate);
    const krw = reading.currency === "KRW" ? amount : usdToKrw(reading.value, rate);
    const notes = reading.approximate ? [sheetLabel("cleanApproximate", lang)] : [];
    let published: Cell = "";
    let differs = false;
    if (reading.alternate) {
      const other = reading.alternate.currency;
      const figure = decToExcelNumber(reading.alternate.value);
      published = figure;
      const percent = difference(other === "KRW" ? krw : usd, reading.alternate.value);
      if (percent !== null) {
        differs = true;
        notes.push(sheetLabel("cleanPublishedDiffers", lang, { currency: other, published: money(other, figure), percent }));
      }
    }
    return { usd, krw, published, publishedCurrency: reading.alternate?.currency ?? null, note: notes.join("; "), outcome: "read", differs };
  } catch (error) {
    if (!(error instanceof AifinError)) throw error;
    return unread(error.text(lang), false);
  }
}

/** The unit that applies to column `j`: the pane's choice, else the column title's, else the caption's. */
function unitFor(chosen: UnitChoice | undefined, title: StatementUnit | null, caption: StatementUnit | null): StatementUnit {
  return {
    power: chosen?.power ?? title?.power ?? caption?.power ?? 0,
    currency: chosen?.currency ?? title?.currency ?? caption?.currency ?? null,
  };
}

/**
 * Plans the cleaning of a selection of pasted amounts or of a statement table: for each amount
 * cell, its amount in USD and in KRW (the other currency converted at `rate`, rounded once as the
 * functions round), the other currency's figure where the text publishes it too ("30억 달러(약
 * 3조9600억 원)": published KRW, with a note when it is more than 1% off the conversion), and a
 * note (approximate, or why the cell could not be read).
 *
 * Units: plain digits ("5,803", "(4,000)", "△4,000", "−4,000", a number) are read in the unit
 * the headers state: the pane's choice, else a column title's ("매출액(억원)"), else a caption in
 * the selection's leading rows or above it ("(단위: 억원)", "(US$ in millions)"), else single
 * units; text with its own unit word ("30억 달러", "$3B") is read as written. Numbers take the
 * currency their number format shows when no header names one; no currency is never guessed.
 *
 * Several columns: each column that holds amounts is cleaned (its USD, KRW and published figures
 * side by side), columns of labels are left alone, and one note column closes the block.
 * @param values - the selection's values, as Excel returns them
 * @param numberFormats - the selection's number formats, same shape
 * @param rate - KRW per USD, positive
 * @param lang - the language of the headers and notes
 * @param options - the pane's unit choice, a caption above the selection, the column names
 * @returns the cells to write beside the selection
 * @example planClean([["$3B"]], [["General"]], 1320, "en").values[0] // [3000000000, 3960000000000, ""]
 * @example planClean([["(단위: 억원)"], ["5,803"]], [["General"], ["General"]], 1320, "en").values[1][1] // 580300000000
 */
export function planClean(
  values: readonly (readonly unknown[])[],
  numberFormats: readonly (readonly unknown[])[],
  rate: number,
  lang: Language,
  options: CleanOptions = {},
): CleanPlan {
  const width = Math.max(1, ...values.map((row) => row.length));
  const cell = (i: number, j: number): unknown => values[i]?.[j];
  const format = (i: number, j: number): unknown => numberFormats[i]?.[j];

  // Leading rows that only state the unit.
  const captionRows: number[] = [];
  while (captionRows.length < values.length) {
    const row = values[captionRows.length];
    const filled = row.filter((v) => !isEmpty(v));
    if (filled.length === 0 || !filled.every(isUnitCaption)) break;
    captionRows.push(captionRows.length);
  }
  const inside = captionRows.length > 0 ? findUnitCaption(values.slice(0, captionRows.length)) : null;
  const caption: StatementUnit | null = inside ?? options.above ?? null;
  const first = captionRows.length;

  // Provisional readings under the caption's unit, to tell the header row and the label columns.
  const plainUnit = unitFor(options.chosen, null, caption);
  const amountLike = (i: number, j: number): boolean => {
    const r = read(cell(i, j), format(i, j), plainUnit, lang);
    return r !== null && (r.ok || r.amountLike);
  };
  const labelText = (i: number, j: number): boolean => typeof cell(i, j) === "string" && !isEmpty(cell(i, j)) && !amountLike(i, j);

  const firstRow = Array.from({ length: width }, (_, j) => j);
  // A header: labels ("구분", "FY2024", "2024년") and years, or — across columns — consecutive
  // years alone ("", 2022, 2023, 2024: statements leave the corner blank).
  const years = firstRow.map((j) => cell(first, j)).filter((v) => !isEmpty(v));
  const yearRun = width > 1 && years.length >= 2 && years.every(isYearLike) && years.every((y, k) => k === 0 || Math.abs(Number(y) - Number(years[k - 1])) === 1);
  const headerRow =
    values.length - first > 1 &&
    (firstRow.some((j) => labelText(first, j)) || yearRun) &&
    firstRow.every((j) => isEmpty(cell(first, j)) || labelText(first, j) || isYearLike(cell(first, j)))
      ? first
      : -1;
  const bodyStart = headerRow >= 0 ? headerRow + 1 : first;

  const amountColumns: number[] = [];
  const labelColumns: number[] = [];
  for (let j = 0; j < width; j++) {
    if (width === 1) {
      amountColumns.push(j);
      break;
    }
    let amounts = 0;
    let labels = 0;
    let years = 0;
    for (let i = bodyStart; i < values.length; i++) {
      if (isEmpty(cell(i, j))) continue;
      if (amountLike(i, j)) {
        amounts++;
        if (isYearLike(cell(i, j)) && currencyOfFormat(format(i, j)) === null) years++;
      } else labels++;
    }
    // A column of years alone is a Year column, unless a unit applies (under 억원, 2,050 is a figure).
    const yearColumn = years === amounts && plainUnit.power === 0;
    (amounts > 0 && amounts >= labels && !yearColumn ? amountColumns : labelColumns).push(j);
  }

  // Each amount column under its own unit (a column title may state one).
  const titles = amountColumns.map((j) => (headerRow >= 0 && typeof cell(headerRow, j) === "string" ? readUnitHeader(cell(headerRow, j) as string) : null));
  const units = amountColumns.map((_, k) => unitFor(options.chosen, titles[k], caption));
  const results = values.map((_, i) =>
    amountColumns.map((j, k) => (i < bodyStart ? EMPTY_CELL : cleanCell(read(cell(i, j), format(i, j), units[k], lang), rate, lang))),
  );

  const columns: CleanColumn[] = [];
  amountColumns.forEach((source, k) => {
    columns.push({ kind: "usd", source }, { kind: "krw", source });
    if (results.some((row) => row[k].publishedCurrency !== null)) columns.push({ kind: "published", source });
  });
  columns.push({ kind: "note" });

  const several = amountColumns.length > 1;
  const titleOf = (j: number): string => {
    const head = headerRow >= 0 ? cell(headerRow, j) : undefined;
    return !isEmpty(head) ? String(head) : (options.columnNames?.[j] ?? String(j + 1));
  };
  const publishedHeader = (source: number): string => {
    const k = amountColumns.indexOf(source);
    const currencies = new Set(results.map((row) => row[k].publishedCurrency).filter((c) => c !== null));
    return currencies.size === 1 ? sheetLabel("cleanPublished", lang, { currency: [...currencies][0] as string }) : sheetLabel("cleanPublishedOther", lang);
  };
  const headerCells = columns.map((c) => {
    if (c.kind === "note") return sheetLabel("cleanNote", lang);
    const name = c.kind === "usd" ? sheetLabel("cleanUsd", lang) : c.kind === "krw" ? sheetLabel("cleanKrw", lang) : publishedHeader(c.source);
    return escapeCellText(several ? `${titleOf(c.source)} ${name}` : name);
  });
  const general = columns.map(() => FORMATS.general);

  const out: Cell[][] = [];
  const formats: string[][] = [];
  const unreadRows: number[] = [];
  let readCount = 0;
  let unread = 0;
  let noCurrency = 0;
  let published = 0;
  let differing = 0;
  values.forEach((_, i) => {
    if (i === headerRow) {
      out.push(headerCells);
      formats.push(general);
      return;
    }
    const row = results[i];
    const cells: Cell[] = [];
    const rowFormats: string[] = [];
    const notes: string[] = [];
    for (const c of columns) {
      if (c.kind === "note") continue;
      const k = amountColumns.indexOf(c.source);
      const r = row[k];
      const value = c.kind === "usd" ? r.usd : c.kind === "krw" ? r.krw : r.published;
      const currency: Currency | null = c.kind === "usd" ? "USD" : c.kind === "krw" ? "KRW" : r.publishedCurrency;
      cells.push(value);
      rowFormats.push(typeof value === "number" && currency ? moneyFormat(currency, value) : FORMATS.general);
    }
    row.forEach((r, k) => {
      if (r.note !== "") notes.push(several ? `${titleOf(amountColumns[k])}: ${r.note}` : r.note);
      if (r.outcome === "read") readCount++;
      if (r.outcome === "unread" || r.outcome === "noCurrency") unread++;
      if (r.outcome === "noCurrency") noCurrency++;
      if (r.publishedCurrency !== null) published++;
      if (r.differs) differing++;
    });
    if (row.some((r) => r.outcome === "read")) notes.push(sheetLabel("cleanRate", lang, { rate: groupDigits(rate) }));
    if (row.some((r) => r.outcome === "unread" || r.outcome === "noCurrency")) unreadRows.push(i);
    cells.push(escapeCellText(notes.join("; ")));
    rowFormats.push(FORMATS.general);
    out.push(cells);
    formats.push(rowFormats);
  });
  return {
    headerRow,
    captionRows,
    amountColumns,
    labelColumns,
    columns,
    values: out,
    formats,
    unreadRows,
    read: readCount,
    unread,
    noCurrency,
    published,
    differing,
    caption: inside,
  };
}
