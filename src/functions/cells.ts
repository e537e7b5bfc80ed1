/* The adapter ring between Excel's argument shapes and the core: scalars and ranges in,
 * values or Excel errors out. No money logic here. */
import { AifinError } from "../core/errors";
import { message, type Language, type MessageParams } from "../core/messages";

/**
 * A cell value as Excel hands it to a custom function (blank arrives as null or ""). functions.json
 * carries allowErrorForDataTypeAny (build/functions-json.cjs), so an error cell of a range reaches
 * the function as a CustomFunctions.Error, and allowCustomDataForDataTypeAny, so a data-type cell
 * (a formatted number, a Stocks or other entity) arrives as an object: see basicValue.
 */
export type CellInput = number | string | boolean | null | undefined;
/** A cell of a result: a value or an Excel error with its reason. */
export type CellOutput = number | string | CustomFunctions.Error;
/** A range argument, or a scalar where a host passes one unwrapped. */
export type MatrixInput = CellInput[][] | CellInput;

let language: Language = "en";

/** Sets the language of error messages ("ko" for a Korean Office, else "en"). */
export function setMessageLanguage(displayLanguage: string | null | undefined): void {
  language = displayLanguage && displayLanguage.toLowerCase().startsWith("ko") ? "ko" : "en";
}

/** The language of messages and of text results (names, headers, citations). */
export function messageLanguage(): Language {
  return language;
}

/** Longest piece of a user's own text quoted back in a message, in UTF-16 units. */
const MAX_QUOTED = 60;
/** The message parameters that quote what the user typed (the others are lists the add-in made). */
const QUOTED_PARAMS = new Set(["text", "name", "word", "style", "period", "metric", "id", "number", "part", "unit", "year"]);

/**
 * A message's parameters with the user's long text shortened ("abc…"): a 100,000-character cell
 * quoted whole would make the error card unreadable. A surrogate pair is not cut in half.
 */
function quotable(params: MessageParams): MessageParams {
  let out: Record<string, string | number> | null = null;
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== "string" || value.length <= MAX_QUOTED || !QUOTED_PARAMS.has(name)) continue;
    const high = value.charCodeAt(MAX_QUOTED - 2);
    const cut = high >= 0xd800 && high <= 0xdbff ? MAX_QUOTED - 2 : MAX_QUOTED - 1;
    out ??= { ...params };
    out[name] = `${value.slice(0, cut)}…`;
  }
  return out ?? params;
}

/** Turns any failure into the Excel error the user sees: #VALUE!/#N/A with the reason, or #NUM!. */
export function toExcelError(error: unknown): CustomFunctions.Error {
  const { Error: ExcelError, ErrorCode } = CustomFunctions;
  if (error instanceof ExcelError) return error;
  if (error instanceof AifinError) {
    if (error.kind === "num") return new ExcelError(ErrorCode.invalidNumber);
    const text = message(error.key, quotable(error.params), language);
    return new ExcelError(error.kind === "na" ? ErrorCode.notAvailable : ErrorCode.invalidValue, text);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ExcelError(ErrorCode.invalidValue, message("unexpected", { reason }, language));
}

/** True for a cell Excel shows as empty. */
export function isBlank(value: CellInput): value is null | undefined | "" {
  return value === null || value === undefined || value === "";
}

/**
 * A range as Excel lays it out: a scalar becomes a 1×1 range, an empty range ([] or [[]]) one
 * blank cell, and a ragged one (rows of different lengths, which only a faulty host sends) is
 * padded with blank cells to its widest row, so every result is rectangular. A well-formed range
 * is returned as it is, without a copy.
 */
export function asMatrix(input: MatrixInput): CellInput[][] {
  if (!Array.isArray(input)) return [[input]];
  if (input.length === 0) return [[null]];
  let width = 0;
  let wellFormed = true;
  for (let i = 0; i < input.length; i++) {
    const row: unknown = input[i];
    const length = Array.isArray(row) ? row.length : -1;
    if (i > 0 && length !== width) wellFormed = false;
    width = Math.max(width, length);
  }
  if (wellFormed && width > 0) return input;
  width = Math.max(width, 1);
  return input.map((row: unknown) => {
    const cells: CellInput[] = Array.isArray(row) ? row.slice() : [row as CellInput];
    while (cells.length < width) cells.push(null);
    return cells;
  });
}

/** True for a 1×1 range. */
function isSingle(m: CellInput[][]): boolean {
  return m.length === 1 && m[0].length === 1;
}

/** A non-blank cell value, as the core functions take it. */
export type CellValue = number | string | boolean;

/**
 * A cell that failed: an Excel error value passed in (kept as it is) or a failure turned into
 * one. For a single-cell call it is thrown, so Excel shows its reason.
 */
function failed(error: unknown, single: boolean): CustomFunctions.Error {
  const excelError = toExcelError(error);
  if (single) throw excelError;
  return excelError;
}

/** True for an Excel error value handed in through a range. */
function isPassedError(value: unknown): value is CustomFunctions.Error {
  return typeof value === "object" && value !== null && value instanceof CustomFunctions.Error;
}

/** Excel's error values by the text a cell shows. */
const ERROR_CODES: Readonly<Record<string, keyof typeof CustomFunctions.ErrorCode>> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#DIV/0!": "divisionByZero",
  "#NUM!": "invalidNumber",
  "#NULL!": "nullReference",
  "#NAME?": "invalidName",
  "#REF!": "invalidReference",
};

/** Data types whose basic value is the cell's value (Excel.CellValueType). */
const PLAIN_TYPES = new Set(["Double", "String", "Boolean", "FormattedNumber", "Empty"]);

/**
 * The value of a cell that arrived as an object: a data type (Excel.CellValue) or an Excel error.
 * A formatted number, text, logical or empty value is read as its basic value; an error value is
 * the Excel error it shows; an entity (a Stocks or Geography cell), an image, an array or anything
 * else has no value a money function can read and is refused with the reason.
 * @param value - the object Excel passed for one cell
 * @returns the basic value, or the Excel error the cell holds
 * @throws AifinError #VALUE! "dataTypeCell" for an entity, image, array or unknown object
 * @example basicValue({ type: "FormattedNumber", basicValue: 1320, numberFormat: "#,##0" }) // 1320
 */
export function basicValue(value: object): CellInput | CustomFunctions.Error {
  if (isPassedError(value)) return value;
  const cell = value as { type?: unknown; basicValue?: unknown; errorType?: unknown; text?: unknown };
  if (cell.type === "Error") {
    const { Error: ExcelError, ErrorCode } = CustomFunctions;
    return new ExcelError(ErrorCode[ERROR_CODES[String(cell.basicValue)] ?? "invalidValue"]);
  }
  const basic = cell.basicValue;
  if (typeof cell.type === "string" && PLAIN_TYPES.has(cell.type) && (basic === undefined || basic === null || ["number", "string", "boolean"].includes(typeof basic))) {
    return basic as CellInput;
  }
  const shown = typeof cell.text === "string" && cell.text !== "" ? cell.text : typeof cell.type === "string" ? cell.type : "?";
  throw new AifinError("value", "dataTypeCell", { text: shown });
}

/** A cell read for the core: its value, or why it has none (an Excel error passed in or made). */
function readCell(input: unknown): { ok: true; value: CellInput } | { ok: false; error: unknown } {
  if (typeof input !== "object" || input === null) return { ok: true, value: input as CellInput };
  try {
    const value = basicValue(input);
    return isPassedError(value) ? { ok: false, error: value } : { ok: true, value };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Applies a per-cell function over a range, in its shape: blank cells stay blank, a bad cell
 * becomes an Excel error alone. A single cell's failure is thrown, so Excel shows its reason.
 * This is the hot loop of a range call: no allocation per cell but the result.
 */
export function mapCells(input: MatrixInput, fn: (value: CellValue) => number | string): CellOutput[][] {
  const rows = asMatrix(input);
  const single = isSingle(rows);
  const one = (input: CellInput): CellOutput => {
    let value = input;
    if (typeof input === "object" && input !== null) {
      const read = readCell(input);
      if (!read.ok) return failed(read.error, single);
      value = read.value;
    }
    if (isBlank(value)) return "";
    try {
      return fn(value as CellValue);
    } catch (error) {
      return failed(error, single);
    }
  };
  const out: CellOutput[][] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.length === 1) {
      // A column, the common shape: V8 builds a one-element literal several times faster than
      // new Array(1) filled in (measured: ~46 vs ~124 ns a row over 1,000,000 rows).
      out[i] = [one(row[0])];
      continue;
    }
    const outRow: CellOutput[] = new Array(row.length);
    for (let j = 0; j < row.length; j++) outRow[j] = one(row[j]);
    out[i] = outRow;
  }
  return out;
}

/**
 * Applies a two-argument function cell by cell: equal shapes pair up, a single cell pairs with
 * every cell of the other range; other shapes are an error. A pair with a blank stays blank (a
 * missing figure is never read as 0).
 */
export function zipCells(a: MatrixInput, b: MatrixInput, fn: (x: CellValue, y: CellValue) => number | string): CellOutput[][] {
  const left = asMatrix(a);
  const right = asMatrix(b);
  const leftOne = isSingle(left);
  const rightOne = isSingle(right);
  const shape = (m: CellInput[][]) => `${m.length}×${m[0].length}`; // asMatrix made them rectangular
  if (!leftOne && !rightOne && shape(left) !== shape(right)) {
    throw toExcelError(new AifinError("value", "shapeMismatch", { a: shape(left), b: shape(right) }));
  }
  const single = leftOne && rightOne;
  return (leftOne ? right : left).map((row, i) =>
    row.map((_, j): CellOutput => {
      const a = readCell(leftOne ? left[0][0] : left[i][j]);
      const b = readCell(rightOne ? right[0][0] : right[i][j]);
      const x = a.ok ? a.value : null;
      const y = b.ok ? b.value : null;
      // A blank beside anything stays blank (a missing figure is never read as 0); then errors, left first.
      if ((a.ok && isBlank(x)) || (b.ok && isBlank(y))) return "";
      if (!a.ok) return failed(a.error, single);
      if (!b.ok) return failed(b.error, single);
      try {
        return fn(x as CellValue, y as CellValue);
      } catch (error) {
        return failed(error, single);
      }
    }),
  );
}

/**
 * The one value of a scalar argument. A faulty host may wrap it in a range: a 1×1 range is
 * unwrapped, a larger one refused. An Excel error passed in is thrown as it is, as Excel's own
 * functions pass an argument's error on.
 */
function scalar(input: unknown): CellInput {
  let value = input;
  if (Array.isArray(value)) {
    const cells = asMatrix(value);
    if (cells.length !== 1 || cells[0].length !== 1) throw new AifinError("value", "notOneValue");
    value = cells[0][0];
  }
  if (typeof value === "object" && value !== null) {
    const read = basicValue(value);
    if (isPassedError(read)) throw read;
    return read;
  }
  return value as CellInput;
}

/** How Excel shows a logical: TRUE or FALSE. */
function shownLogical(value: boolean): string {
  return value ? "TRUE" : "FALSE";
}

/**
 * A text argument (a company, metric, dataset, currency or style), as Excel would show it.
 * @param input - the argument as Excel passes it
 * @returns the text; a number as its digits ("5930"), a logical as "TRUE"/"FALSE"; null when omitted or blank
 * @throws an Excel error passed in, as it is; AifinError #VALUE! "notOneValue" for a range
 * @example textArgument(null) // null
 */
export function textArgument(input: unknown): string | null {
  const value = scalar(input);
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return shownLogical(value);
  return typeof value === "number" ? String(value) : value;
}

/** A numeral as Excel reads text typed where a number belongs: "1320", "-0.5", "1.5e3". */
const NUMERAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * A number argument (a rate, a year).
 * @param input - the argument as Excel passes it
 * @returns the number (NaN and ±Infinity as they are, for the core to refuse); numeric text read
 *   as its number; null when omitted or blank
 * @throws AifinError #VALUE! "notANumber" for a logical or other text; an Excel error passed in
 * @example numberArgument("1320") // 1320
 */
export function numberArgument(input: unknown): number | null {
  const value = scalar(input);
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.length <= 64 && NUMERAL.test(value.normalize("NFKC").trim())) {
    return Number(value.normalize("NFKC").trim());
  }
  throw new AifinError("value", "notANumber", { text: typeof value === "boolean" ? shownLogical(value) : value });
}

/**
 * A logical argument (TRUE/FALSE).
 * @param input - the argument as Excel passes it
 * @returns the logical; a number is FALSE when 0 and TRUE otherwise, the text "TRUE"/"FALSE" (any
 *   case) its logical; null when omitted or blank
 * @throws AifinError #VALUE! "notALogical" for other text or NaN; an Excel error passed in
 * @example logicalArgument(0) // false
 */
export function logicalArgument(input: unknown): boolean | null {
  const value = scalar(input);
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && !Number.isNaN(value)) return value !== 0;
  if (typeof value === "string" && value.length <= 16) {
    const word = value.trim().toUpperCase();
    if (word === "TRUE" || word === "FALSE") return word === "TRUE";
  }
  throw new AifinError("value", "notALogical", { text: String(value) });
}

/**
 * A period argument: a number (a year or a date serial) or text, for the core to read.
 * @param input - the argument as Excel passes it
 * @returns the number or text; null when omitted or blank
 * @throws AifinError #VALUE! "badPeriod" for a logical; an Excel error passed in
 * @example periodArgument("2024-Q3") // "2024-Q3"
 */
export function periodArgument(input: unknown): number | string | null {
  const value = scalar(input);
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") throw new AifinError("value", "badPeriod", { period: shownLogical(value) });
  return value;
}
