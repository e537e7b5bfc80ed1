/* AIFIN custom functions: thin adapters over src/core. Each body coerces its arguments, calls
 * the core, and lets src/functions/cells.ts map failures to Excel errors. The JSDoc below is the
 * source of functions.json (custom-functions-metadata-plugin); the ids after @customfunction are
 * permanent, they live in users' workbooks. */
import { amountFrom, decSub, decToNumber, formatKrw, krwToUsd, parseAmount, prepareRate, usdToKrw, type Dec } from "../core/money";
import { AifinError } from "../core/errors";
import { referenceRate } from "../core/fx/reference";
import { mapCells, setMessageLanguage, toExcelError, zipCells, type CellValue } from "./cells";

/** The rate a conversion uses: the one given, or the add-in's reference rate. */
function rateOrReference(rate: number | null | undefined) {
  try {
    return prepareRate(rate === null || rate === undefined ? referenceRate() : rate);
  } catch (error) {
    throw toExcelError(error);
  }
}

/** An amount a function requires: a blank never reaches here (cells.ts keeps it blank). */
function requiredAmount(value: CellValue, currency: "USD" | "KRW" | null): Dec {
  const amount = amountFrom(value, currency);
  if (amount === null) throw new AifinError("value", "emptyAmount");
  return amount;
}

/**
 * Converts US dollars to Korean won, exactly, rounded half away from zero to a whole won.
 * @customfunction USD_TO_KRW
 * @param amount US dollars: a number, a range, or pasted text such as "30억 달러", "$3B" or "US$130 billion".
 * @param [rate] Won per US dollar (KRW per USD), positive. Omitted: the add-in's reference rate (FX_RATE()).
 * @returns Won (KRW), whole, with the amount's sign; a range spills in the same shape.
 * @example =AIFIN.USD_TO_KRW(1.15, 1310) returns 1507
 */
export function usdToKrwFunction(
  amount: Array<Array<number | string | boolean | null>>,
  rate?: number,
): Array<Array<number | string | CustomFunctions.Error>> {
  const prepared = rateOrReference(rate);
  return mapCells(amount, (value) =>
    typeof value === "number" ? usdToKrw(value, prepared) : usdToKrw(requiredAmount(value, "USD"), prepared),
  );
}

/**
 * Converts Korean won to US dollars, exactly, rounded half away from zero to the cent.
 * @customfunction KRW_TO_USD
 * @param amount Won: a number, a range, or pasted text such as "3조9600억 원" or "5,803억원".
 * @param [rate] Won per US dollar (KRW per USD), positive. Omitted: the add-in's reference rate (FX_RATE()).
 * @returns US dollars to the cent, with the amount's sign; a range spills in the same shape.
 * @example =AIFIN.KRW_TO_USD("3조9600억 원", 1320) returns 3000000000
 */
export function krwToUsdFunction(
  amount: Array<Array<number | string | boolean | null>>,
  rate?: number,
): Array<Array<number | string | CustomFunctions.Error>> {
  const prepared = rateOrReference(rate);
  return mapCells(amount, (value) =>
    typeof value === "number" ? krwToUsd(value, prepared) : krwToUsd(requiredAmount(value, "KRW"), prepared),
  );
}

/**
 * The net loss: expenses minus revenue, exact. A loss is positive, a profit negative.
 * @customfunction NET_LOSS
 * @param revenue Revenue in one currency: a number, a range, or pasted text such as "40억 달러".
 * @param expenses Expenses in the same currency as the revenue: a number, a range, or pasted text.
 * @returns Expenses − revenue in that currency (positive = loss, negative = profit); ranges pair cell by cell.
 * @example =AIFIN.NET_LOSS(4000000000, 8000000000) returns 4000000000
 */
export function netLossFunction(
  revenue: Array<Array<number | string | boolean | null>>,
  expenses: Array<Array<number | string | boolean | null>>,
): Array<Array<number | string | CustomFunctions.Error>> {
  return zipCells(revenue, expenses, (r, e) => netLossOf(r, e));
}

/** expenses − revenue for two cell values; currencies stated in text must agree. */
function netLossOf(revenue: CellValue, expenses: CellValue): number {
  const r = cellAmount(revenue);
  const e = cellAmount(expenses);
  if (r.currency && e.currency && r.currency !== e.currency) {
    throw new AifinError("value", "mixedCurrency", { a: r.currency, b: e.currency });
  }
  return decToNumber(decSub(e.value, r.value));
}

/** A cell as an exact amount and the currency its text states (numbers state none). */
function cellAmount(value: CellValue): { value: Dec; currency: "USD" | "KRW" | null } {
  if (typeof value === "string") return parseAmount(value);
  return { value: requiredAmount(value, null), currency: null };
}

/**
 * Reads the number of won in Korean-unit text.
 * @customfunction KRW_PARSE
 * @param text Won as text, such as "약 3조9600억 원", "5,803억원" or "2조"; a number passes through; a range spills.
 * @returns Won (KRW), with the text's sign ("△4,000" and "(4,000)" are negative).
 * @example =AIFIN.KRW_PARSE("약 3조9600억 원") returns 3960000000000
 */
export function krwParseFunction(text: Array<Array<number | string | boolean | null>>): Array<Array<number | string | CustomFunctions.Error>> {
  return mapCells(text, (value) => decToNumber(requiredAmount(value, "KRW")));
}

/**
 * Writes won as Korean-unit text, rounded half away from zero to a whole won (or to the reporting unit).
 * @customfunction KRW_FORMAT
 * @param amount Won: a number, a range, or won text.
 * @param [style] Omitted: 조/억/만 units ("3조 9,600억 원"). "억원", "백만원", "천원" or "원": the amount in that reporting unit.
 * @returns Text such as "3조 9,600억 원" or "39,600억원"; a range spills in the same shape.
 * @example =AIFIN.KRW_FORMAT(3960000000000) returns "3조 9,600억 원"
 */
export function krwFormatFunction(
  amount: Array<Array<number | string | boolean | null>>,
  style?: string,
): Array<Array<number | string | CustomFunctions.Error>> {
  return mapCells(amount, (value) => formatKrw(typeof value === "number" ? value : requiredAmount(value, "KRW"), style ?? null));
}

// The functions runtime's one side effect: error messages follow Office's display language.
if (typeof Office !== "undefined") {
  Office.onReady(() => setMessageLanguage(Office.context?.displayLanguage));
}
