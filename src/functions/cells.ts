/* The adapter ring between Excel's argument shapes and the core: scalars and ranges in,
 * values or Excel errors out. No money logic here. */
import { AifinError } from "../core/errors";
import { message, type Language } from "../core/messages";

/** A cell value as Excel hands it to a custom function (blank arrives as null or ""). */
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

/** Turns any failure into the Excel error the user sees: #VALUE!/#N/A with the reason, or #NUM!. */
export function toExcelError(error: unknown): CustomFunctions.Error {
  const { Error: ExcelError, ErrorCode } = CustomFunctions;
  if (error instanceof ExcelError) return error;
  if (error instanceof AifinError) {
    if (error.kind === "num") return new ExcelError(ErrorCode.invalidNumber);
    if (error.kind === "na") return new ExcelError(ErrorCode.notAvailable, error.text(language));
    return new ExcelError(ErrorCode.invalidValue, error.text(language));
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ExcelError(ErrorCode.invalidValue, message("unexpected", { reason }, language));
}

/** True for a cell Excel shows as empty. */
export function isBlank(value: CellInput): value is null | undefined | "" {
  return value === null || value === undefined || value === "";
}

/** Wraps a scalar as a 1×1 range; a range stays as it is. */
export function asMatrix(input: MatrixInput): CellInput[][] {
  if (Array.isArray(input)) return input.length === 0 ? [[null]] : input;
  return [[input]];
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
function isPassedError(value: unknown): boolean {
  return typeof value === "object" && value !== null && value instanceof CustomFunctions.Error;
}

/**
 * Applies a per-cell function over a range, in its shape: blank cells stay blank, a bad cell
 * becomes an Excel error alone. A single cell's failure is thrown, so Excel shows its reason.
 * This is the hot loop of a range call: no allocation per cell but the result.
 */
export function mapCells(input: MatrixInput, fn: (value: CellValue) => number | string): CellOutput[][] {
  const rows = asMatrix(input);
  const single = isSingle(rows);
  const out: CellOutput[][] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const outRow: CellOutput[] = new Array(row.length);
    for (let j = 0; j < row.length; j++) {
      const value = row[j];
      if (isBlank(value)) {
        outRow[j] = "";
      } else if (isPassedError(value)) {
        outRow[j] = failed(value, single);
      } else {
        try {
          outRow[j] = fn(value as CellValue);
        } catch (error) {
          outRow[j] = failed(error, single);
        }
      }
    }
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
  const shape = (m: CellInput[][]) => `${m.length}×${Math.max(...m.map((r) => r.length))}`;
  if (!leftOne && !rightOne && shape(left) !== shape(right)) {
    throw toExcelError(new AifinError("value", "shapeMismatch", { a: shape(left), b: shape(right) }));
  }
  const single = leftOne && rightOne;
  return (leftOne ? right : left).map((row, i) =>
    row.map((_, j): CellOutput => {
      const x = leftOne ? left[0][0] : left[i][j];
      const y = rightOne ? right[0][0] : right[i][j];
      if (isBlank(x) || isBlank(y)) return "";
      if (isPassedError(x)) return failed(x, single);
      if (isPassedError(y)) return failed(y, single);
      try {
        return fn(x as CellValue, y as CellValue);
      } catch (error) {
        return failed(error, single);
      }
    }),
  );
}
