/* The contract every custom function keeps with Excel, as checks that throw with a reason.
 * A call returns a finite number (never -0), a string, or a rectangular non-empty 2-D array of
 * those and Excel errors; or it throws a CustomFunctions.Error. Every error it makes has a
 * documented code (#VALUE!, #N/A, #NUM!) and, for #VALUE!/#N/A, a message from the table — not
 * the "unexpected error" a crash turns into. Errors passed in come back as they are (a data-type
 * error cell as the error it shows). */
import { MESSAGES } from "../../src/core/messages";
import { dataTypeErrorCode, shownByExcel } from "./excel-host";

export { reading, type Reading } from "./excel-host";

/** The error codes the functions document. */
export const DOCUMENTED_CODES: ReadonlySet<string> = new Set(["#VALUE!", "#N/A", "#NUM!"]);

/** The opening of the "unexpected error" message, in every language: a crash, not a decision. */
const UNEXPECTED = [MESSAGES.unexpected.en, MESSAGES.unexpected.ko].map((m) => m.slice(0, m.indexOf("{")));

/** What a call did: returned a value, or threw. */
export type Outcome = { readonly returned: true; readonly value: unknown } | { readonly returned: false; readonly error: unknown };

/** Runs a call and records what it did. */
export function outcomeOf(call: () => unknown): Outcome {
  try {
    return { returned: true, value: call() };
  } catch (error) {
    return { returned: false, error };
  }
}

/** A value for a message: -0, NaN, undefined and strings told apart; long text cut. */
export function show(value: unknown): string {
  if (Object.is(value, -0)) return "-0";
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…(${value.length})` : value);
  if (value instanceof CustomFunctions.Error) {
    const e = value as unknown as { code: string; message: string };
    return `Error(${e.code}, ${JSON.stringify(e.message)})`;
  }
  if (Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

function fail(reason: string): never {
  throw new Error(reason);
}

/** Errors the caller passed in (they may come back with any code): the errors, and "code:#N/A" for data-type error cells. */
export type Passed = ReadonlySet<unknown>;

/** An error a function made or passed on: documented code, a message from the table. */
export function checkError(error: unknown, passed: Passed): void {
  if (!(error instanceof CustomFunctions.Error)) fail(`threw ${error instanceof Error ? `${error.name}: ${error.message}` : show(error)}, not a CustomFunctions.Error`);
  if (passed.has(error) || shownByExcel(error)) return;
  const { code, message } = error as unknown as { code: string; message: string };
  if (passed.has(`code:${code}`) && !message) return; // a data-type error cell, shown as its error
  if (!DOCUMENTED_CODES.has(code)) fail(`made the undocumented error ${show(error)}`);
  if (code !== "#NUM!" && !(typeof message === "string" && message.length > 0)) fail(`made ${show(error)} without a reason`);
  if (UNEXPECTED.some((prefix) => message.startsWith(prefix))) fail(`crashed: ${show(error)}`);
}

/** A number Excel can hold: finite, and never -0. */
export function checkNumber(value: number): void {
  if (!Number.isFinite(value)) fail(`returned ${show(value)}`);
  if (Object.is(value, -0)) fail("returned -0");
}

/** One cell of a result: a number, a string, or an error. */
export function checkCell(cell: unknown, passed: Passed): void {
  if (typeof cell === "number") return checkNumber(cell);
  if (typeof cell === "string") return;
  if (cell instanceof CustomFunctions.Error) return checkError(cell, passed);
  fail(`returned the cell ${show(cell)}`);
}

/** A 2-D result: non-empty, rectangular, every cell checked. */
export function checkGrid(value: unknown, passed: Passed): unknown[][] {
  if (!Array.isArray(value) || value.length === 0) fail(`returned ${show(value)}, not a non-empty 2-D array`);
  const width = Array.isArray(value[0]) ? value[0].length : -1;
  if (width < 1) fail(`returned a first row ${show(value[0])}`);
  for (const row of value) {
    if (!Array.isArray(row) || row.length !== width) fail(`returned ragged rows: ${show(value.map((r) => (Array.isArray(r) ? r.length : r)))}`);
    for (const cell of row) checkCell(cell, passed);
  }
  return value as unknown[][];
}

/** Checks an outcome: a thrown error must be a documented one; a returned value is checked by `returned`. */
export function checkOutcome<T>(outcome: Outcome, passed: Passed, returned: (value: unknown) => T): T | null {
  if (!outcome.returned) {
    checkError(outcome.error, passed);
    return null;
  }
  return returned(outcome.value);
}

/** The Excel errors anywhere in a set of arguments (cells of ranges included). */
export function passedErrors(...args: unknown[]): Set<unknown> {
  const found = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value instanceof CustomFunctions.Error) found.add(value);
    else if (dataTypeErrorCode(value)) found.add(`code:${dataTypeErrorCode(value)}`);
  };
  args.forEach(visit);
  return found;
}

/** True for what Excel shows as an empty cell (a missing cell of a ragged range included). */
export function isBlankCell(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/**
 * The layout Excel gives a range argument, worked out here independently of src: a scalar is
 * 1×1, an empty range one blank cell, a ragged range padded to its widest row.
 * @returns the cells, rectangular, missing ones undefined
 */
export function layout(range: unknown): unknown[][] {
  if (!Array.isArray(range)) return [[range]];
  const rows = range.length === 0 ? [[]] : range.map((row: unknown) => (Array.isArray(row) ? row : [row]));
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, j) => r[j]));
}

/** True when text has an ASCII digit once normalised: only such text may read as a number. */
export function hasDigit(text: string): boolean {
  return /[0-9]/.test(text.normalize("NFKC"));
}

/** Two cells say the same: equal values, or errors with one code and message. */
export function sameCell(a: unknown, b: unknown): boolean {
  if (a instanceof CustomFunctions.Error && b instanceof CustomFunctions.Error) {
    const x = a as unknown as { code: string; message: string };
    const y = b as unknown as { code: string; message: string };
    return x.code === y.code && x.message === y.message;
  }
  return Object.is(a, b);
}
