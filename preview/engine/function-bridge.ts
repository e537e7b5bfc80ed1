/* Custom functions registered with `CustomFunctions.associate` become HyperFormula functions under
 * the add-in's namespace (`=AIFIN.USD_TO_KRW(A1)`), called the way Excel on the web calls them:
 * matrix parameters get 2-D arrays (a blank cell is null), scalar parameters get values coerced to
 * their declared type, an omitted optional argument is null, a range given to a scalar parameter
 * lifts the call over its cells, every call gets an invocation object last. Errors follow Excel's
 * rule for functions.json: an error in an argument typed number, string or boolean, or in an `any`
 * / `any[][]` argument when the file lacks allowErrorForDataTypeAny, is shown without calling the
 * function (the first error, argument by argument, row by row); with allowErrorForDataTypeAny an
 * `any` argument receives its error cells as CustomFunctions.Error values. Results: a value, a 2-D
 * array that spills (HyperFormula's ArraySize), or an error shown with its message. */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionPlugin, SimpleRangeValue } from "hyperformula";
import type { FunctionPluginDefinition, ImplementedFunctions } from "hyperformula";
import { isCustomFunctionError, shownMessage, type AssociatedFunction, type ErrorCodeValue } from "./custom-functions-runtime";
import type { FunctionMetadata, FunctionsMetadata, ParameterMetadata } from "./functions-metadata";
import { columnLetters } from "./addresses";

/** Where functions live and how their realm makes error values (the pane's iframe has its own classes). */
export interface FunctionHost {
  /** The function associated for an id now (looked up per call: a reloaded pane associates again). */
  lookup(id: string): AssociatedFunction | undefined;
  /** A `CustomFunctions.Error` of the functions' realm. */
  makeError(code: ErrorCodeValue, message?: string): unknown;
  /** The display name of a HyperFormula sheet id (for invocation addresses). */
  sheetName(sheet: number): string;
  /** An async result settled: the cell at this key must be calculated again. */
  onAsyncSettled(key: CellKey): void;
}

/** "sheet:row:col" of a formula cell. */
export type CellKey = string;

/** The error text Excel shows while an async function has not answered. */
export const BUSY = "#BUSY!";

type Ast = { type: string; args?: Ast[]; value?: unknown; procedureName?: string; expression?: Ast };
type State = { formulaAddress: { sheet: number; row: number; col: number } };
type Cell = number | string | boolean | null | unknown;

const ERROR_TYPE_TO_CODE: Record<string, ErrorCodeValue> = {
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.REF]: "#REF!",
};

const CODE_TO_ERROR_TYPE: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
  "#NULL!": ErrorType.ERROR,
};

/** Per-cell bookkeeping the workbook reads after each change. */
export interface BridgeState {
  /** Spill sizes predicted before evaluation (HyperFormula fixes a spill's size when it parses). */
  readonly predicted: Map<CellKey, { width: number; height: number }>;
  /** Sizes the functions actually returned. */
  readonly actual: Map<CellKey, { width: number; height: number }>;
  /** Cells whose actual size differed from the predicted one: their formulas must be entered again. */
  readonly mismatched: Set<CellKey>;
  /** Async results per cell. */
  readonly async: Map<CellKey, { argsKey: string; settled: boolean; value?: unknown; error?: unknown }>;
  /** Calls made (for tests and the bench). */
  calls: number;
}

/** A new, empty bridge state. */
export function createBridgeState(): BridgeState {
  return { predicted: new Map(), actual: new Map(), mismatched: new Set(), async: new Map(), calls: 0 };
}

/** The key of a formula address. */
export function cellKey(sheet: number, row: number, col: number): CellKey {
  return `${sheet}:${row}:${col}`;
}

const OMITTED = Symbol("omitted argument");

/** An HF value → what a custom function receives for one cell. */
function toArgumentCell(v: unknown, host: FunctionHost): Cell {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof CellError) return host.makeError(ERROR_TYPE_TO_CODE[v.type] ?? "#VALUE!", v.message || undefined);
  if (typeof v === "object" && v !== null && "val" in v) return (v as { val: number }).val; // dates, currency, percent numbers
  return v;
}

/** A range or value → a 2-D array of argument cells. */
function toMatrix(v: unknown, host: FunctionHost): Cell[][] {
  if (v instanceof SimpleRangeValue) {
    const data = v.data;
    const out: Cell[][] = new Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const row = data[i];
      const outRow: Cell[] = new Array(row.length);
      for (let j = 0; j < row.length; j++) outRow[j] = toArgumentCell(row[j], host);
      out[i] = outRow;
    }
    return out;
  }
  return [[toArgumentCell(v, host)]];
}

/** True for a parameter Excel treats as `any` (the type left out is `any`). */
function isAny(p: ParameterMetadata): boolean {
  return p.type === undefined || p.type === "any";
}

/** The first error of a range (row by row), or null. */
function firstError(v: unknown): CellError | null {
  if (v instanceof CellError) return v;
  if (!(v instanceof SimpleRangeValue)) return null;
  for (const row of v.data) for (const cell of row) if (cell instanceof CellError) return cell;
  return null;
}

/** A scalar argument coerced to its declared type, or the error Excel shows without calling. */
function coerceScalar(v: unknown, type: string | undefined): Cell | CellError {
  if (v instanceof CellError) return v;
  if (v === EmptyValue || v === OMITTED || v === undefined) return null;
  const raw = typeof v === "object" && v !== null && "val" in v ? (v as { val: number }).val : v;
  switch (type) {
    case "number":
      if (typeof raw === "number") return raw;
      if (typeof raw === "boolean") return raw ? 1 : 0;
      if (typeof raw === "string") {
        const t = raw.trim();
        const n = t === "" ? NaN : Number(t.replace(/,/g, ""));
        return Number.isFinite(n) ? n : new CellError(ErrorType.VALUE, "");
      }
      return new CellError(ErrorType.VALUE, "");
    case "string":
      if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
      return String(raw);
    case "boolean":
      if (typeof raw === "boolean") return raw;
      if (typeof raw === "number") return raw !== 0;
      if (typeof raw === "string" && /^(true|false)$/i.test(raw.trim())) return raw.trim().toLowerCase() === "true";
      return new CellError(ErrorType.VALUE, "");
    default:
      return raw as Cell;
  }
}

/** A value a function returned, for one cell. */
function fromResultCell(v: unknown): unknown {
  if (typeof v === "number") return Number.isFinite(v) ? v : new CellError(ErrorType.NUM, "");
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v === null || v === undefined) return 0; // Excel shows a returned null as 0 (by design, office-js#1503)
  if (isCustomFunctionError(v)) return new CellError(CODE_TO_ERROR_TYPE[v.code] ?? ErrorType.VALUE, shownMessage(v) ?? "");
  return new CellError(ErrorType.VALUE, `The preview does not show a returned ${Object.prototype.toString.call(v)} (only numbers, text, booleans and errors)`);
}

/** A thrown value → the error the cell shows. */
function fromThrown(e: unknown, fullId: string): CellError {
  if (isCustomFunctionError(e)) return new CellError(CODE_TO_ERROR_TYPE[e.code] ?? ErrorType.VALUE, shownMessage(e) ?? "");
  // Excel shows #VALUE! for an uncaught exception; the preview adds what was thrown, marked as such.
  const text = e instanceof Error ? e.message : String(e);
  return new CellError(ErrorType.VALUE, `Uncaught exception in ${fullId}: ${text}`);
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof v === "object" && v !== null && typeof (v as { then?: unknown }).then === "function";
}

function isLiteral(ast: Ast): boolean {
  switch (ast.type) {
    case "NUMBER":
    case "STRING":
    case "EMPTY":
      return true;
    case "MINUS_UNARY_OP":
    case "PLUS_UNARY_OP":
      return isLiteral((ast as { value: Ast }).value);
    case "PARENTHESES":
      return isLiteral(ast.expression!);
    default:
      return false;
  }
}

function sizeOf(v: unknown): { width: number; height: number } {
  return v instanceof SimpleRangeValue ? { width: v.width(), height: v.height() } : { width: 1, height: 1 };
}

/** Largest sensible spill the preview reserves from a prediction. */
const MAX_PREDICTED = 100_000;

/**
 * A HyperFormula function plugin for the functions of functions.json under a namespace.
 * @param namespace - the manifest's custom-functions namespace, e.g. "AIFIN"
 * @param metadata - the generated functions.json
 * @param host - where the associated functions are looked up and how errors are made
 * @param state - bookkeeping shared with the workbook (spill sizes, async results)
 * @returns the plugin class and its function-name translations, for `HyperFormula.registerFunctionPlugin`
 */
export function buildFunctionPlugin(
  namespace: string,
  metadata: FunctionsMetadata,
  host: FunctionHost,
  state: BridgeState,
): { plugin: FunctionPluginDefinition; translations: Record<string, Record<string, string>>; ids: string[] } {
  const byHfId = new Map<string, FunctionMetadata>();

  class CustomFunctionsPlugin extends FunctionPlugin {
    static override implementedFunctions: ImplementedFunctions = {};

    /** Evaluates the arguments, calls the function (lifting over ranges given to scalar parameters), converts the result. */
    callCustom(hfId: string, ast: Ast, st: State): unknown {
      const meta = byHfId.get(hfId)!;
      const fullId = `${namespace}.${meta.id}`;
      const fn = host.lookup(meta.id);
      if (!fn) return new CellError(ErrorType.NAME, `${fullId} is declared in functions.json but the functions bundle did not associate it`);
      if (meta.options?.stream) return new CellError(ErrorType.NA, `The preview does not implement streaming custom functions (${fullId})`);
      const params = meta.parameters;
      const args = ast.args ?? [];
      const repeating = params.length > 0 && params[params.length - 1].repeating === true;
      const required = params.filter((p) => !p.optional && !p.repeating).length;
      if (args.length < required || (!repeating && args.length > params.length)) {
        const max = repeating ? "more" : String(params.length);
        return new CellError(ErrorType.NA, `${fullId} takes ${required === params.length ? required : `${required} to ${max}`} arguments, not ${args.length}`);
      }
      const evaluated = args.map((a) => (a.type === "EMPTY" ? OMITTED : this.evaluateAst(a as never, st as never)));
      const paramOf = (i: number): ParameterMetadata => params[Math.min(i, params.length - 1)];

      // Lifting: a range given to a scalar parameter calls the function once per cell.
      let liftH = 1;
      let liftW = 1;
      evaluated.forEach((v, i) => {
        if (v instanceof SimpleRangeValue && paramOf(i).dimensionality !== "matrix") {
          liftH = Math.max(liftH, v.height());
          liftW = Math.max(liftW, v.width());
        }
      });
      const key = cellKey(st.formulaAddress.sheet, st.formulaAddress.row, st.formulaAddress.col);
      const invocation = this.invocation(fullId, meta, st, ast);

      if (liftH === 1 && liftW === 1) {
        const result = this.callOnce(meta, fn, evaluated, paramOf, invocation, key, fullId, (v) => v);
        return this.record(key, result);
      }
      const rows: unknown[][] = [];
      for (let r = 0; r < liftH; r++) {
        const row: unknown[] = [];
        for (let c = 0; c < liftW; c++) {
          const pick = (v: unknown, i: number) => {
            if (!(v instanceof SimpleRangeValue) || paramOf(i).dimensionality === "matrix") return v;
            const rr = v.height() === 1 ? 0 : r;
            const cc = v.width() === 1 ? 0 : c;
            return rr < v.height() && cc < v.width() ? v.data[rr][cc] : new CellError(ErrorType.NA, "");
          };
          let cell = this.callOnce(meta, fn, evaluated, paramOf, invocation, `${key}:${r}:${c}`, fullId, pick);
          if (cell instanceof SimpleRangeValue) cell = cell.width() === 1 && cell.height() === 1 ? cell.data[0][0] : new CellError(ErrorType.VALUE, `${fullId} returned an array for one cell of a lifted call`);
          row.push(cell);
        }
        rows.push(row);
      }
      return this.record(key, SimpleRangeValue.onlyValues(rows as never));
    }

    /** One call with the arguments as Excel passes them; async results are remembered per cell. */
    callOnce(
      meta: FunctionMetadata,
      fn: AssociatedFunction,
      evaluated: unknown[],
      paramOf: (i: number) => ParameterMetadata,
      invocation: object,
      key: CellKey,
      fullId: string,
      pick: (v: unknown, i: number) => unknown,
    ): unknown {
      const params = meta.parameters;
      const callArgs: unknown[] = [];
      const repeatedFrom = params.length > 0 && params[params.length - 1].repeating ? params.length - 1 : -1;
      const repeated: unknown[] = [];
      for (let i = 0; i < evaluated.length; i++) {
        const p = paramOf(i);
        const v = pick(evaluated[i], i);
        const errorsReach = isAny(p) && metadata.allowErrorForDataTypeAny === true;
        let arg: unknown;
        if (p.dimensionality === "matrix") {
          const error = errorsReach ? null : firstError(v);
          if (error) return error;
          arg = v === OMITTED ? null : toMatrix(v, host);
        } else if (errorsReach && v instanceof CellError) {
          arg = toArgumentCell(v, host);
        } else {
          const c = coerceScalar(v, p.type);
          if (c instanceof CellError) return c;
          arg = c;
        }
        if (repeatedFrom >= 0 && i >= repeatedFrom) repeated.push(arg);
        else callArgs.push(arg);
      }
      // Omitted trailing optional parameters arrive as null.
      const fixedCount = repeatedFrom >= 0 ? repeatedFrom : params.length;
      while (callArgs.length < fixedCount) callArgs.push(null);
      if (repeatedFrom >= 0) callArgs.push(repeated);
      callArgs.push(invocation);

      const record = state.async.get(key);
      if (record) {
        const argsKey = argumentsKey(callArgs);
        if (record.argsKey === argsKey) {
          if (!record.settled) return new CellError(ErrorType.NA, BUSY);
          return "error" in record && record.error !== undefined ? fromThrown(record.error, fullId) : this.convert(record.value, meta, fullId);
        }
        state.async.delete(key);
      }
      state.calls++;
      let result: unknown;
      try {
        result = fn(...callArgs);
      } catch (e) {
        return fromThrown(e, fullId);
      }
      if (isThenable(result)) {
        const entry: { argsKey: string; settled: boolean; value?: unknown; error?: unknown } = { argsKey: argumentsKey(callArgs), settled: false };
        state.async.set(key, entry);
        result.then(
          (value) => {
            entry.settled = true;
            entry.value = value;
            if (state.async.get(key) === entry) host.onAsyncSettled(key.split(":").slice(0, 3).join(":"));
          },
          (error) => {
            entry.settled = true;
            entry.error = error ?? new Error("rejected");
            if (state.async.get(key) === entry) host.onAsyncSettled(key.split(":").slice(0, 3).join(":"));
          },
        );
        return new CellError(ErrorType.NA, BUSY);
      }
      return this.convert(result, meta, fullId);
    }

    /** A returned value → an HF value (a 2-D array becomes a spill). */
    convert(result: unknown, meta: FunctionMetadata, fullId: string): unknown {
      if (!Array.isArray(result)) return fromResultCell(result);
      if (meta.result?.dimensionality !== "matrix") {
        return new CellError(ErrorType.VALUE, `${fullId} returned an array, but functions.json declares a single-value result`);
      }
      if (result.length === 0 || !result.every((r) => Array.isArray(r))) {
        return new CellError(ErrorType.VALUE, `${fullId} must return a 2-D array (an array of rows)`);
      }
      const width = Math.max(...result.map((r: unknown[]) => r.length));
      if (width === 0) return new CellError(ErrorType.VALUE, `${fullId} returned an empty array`);
      if (result.length === 1 && width === 1) return fromResultCell(result[0][0]);
      const rows = result.map((r: unknown[]) => {
        const row = new Array(width);
        for (let j = 0; j < width; j++) row[j] = j < r.length ? fromResultCell(r[j]) : new CellError(ErrorType.NA, "");
        return row;
      });
      return SimpleRangeValue.onlyValues(rows as never);
    }

    /**
     * Notes the size a result actually has, for spills whose size was mispredicted (the workbook
     * enters those formulas again). HyperFormula cannot shrink a result into a smaller spill, so
     * until then a larger result is cut to the predicted size.
     */
    record(key: CellKey, value: unknown): unknown {
      const size = sizeOf(value);
      state.actual.set(key, size);
      const predicted = state.predicted.get(key);
      // An error (a function that threw, or one Excel did not call) is one cell, as in Excel, not an
      // error repeated over the spill reserved for it; a pending async call keeps its reservation.
      const waiting = value instanceof CellError && value.message === BUSY;
      if (!predicted || waiting || (predicted.width === size.width && predicted.height === size.height)) return value;
      state.mismatched.add(key);
      if (value instanceof SimpleRangeValue && (size.width > predicted.width || size.height > predicted.height)) {
        if (predicted.width === 1 && predicted.height === 1) return value.data[0][0];
        const rows = value.data.slice(0, predicted.height).map((row) => row.slice(0, predicted.width));
        return SimpleRangeValue.onlyValues(rows as never);
      }
      return value;
    }

    invocation(fullId: string, meta: FunctionMetadata, st: State, ast: Ast): object {
      const inv: { functionName: string; address?: string; parameterAddresses?: string[]; isInValuePreview: boolean } = {
        functionName: fullId,
        isInValuePreview: false,
      };
      if (meta.options?.requiresAddress) {
        const a = st.formulaAddress;
        inv.address = `${host.sheetName(a.sheet)}!${columnLetters(a.col)}${a.row + 1}`;
      }
      if (meta.options?.requiresParameterAddresses) inv.parameterAddresses = (ast.args ?? []).map(() => "");
      return inv;
    }

    /** The spill size HyperFormula reserves: evaluated now for literal arguments, else the last size seen, else the shape of the ranges given. */
    sizeCustom(hfId: string, ast: Ast, st: State): ArraySize {
      const meta = byHfId.get(hfId)!;
      const key = cellKey(st.formulaAddress.sheet, st.formulaAddress.row, st.formulaAddress.col);
      const args = ast.args ?? [];
      const paramOf = (i: number) => meta.parameters[Math.min(i, meta.parameters.length - 1)];
      let size: { width: number; height: number } | undefined;
      const declaredMatrix = meta.result?.dimensionality === "matrix";
      let liftW = 1;
      let liftH = 1;
      let rangeW = 1;
      let rangeH = 1;
      args.forEach((a, i) => {
        const s = this.arraySizeForAst(a as never, st as never);
        if (paramOf(i)?.dimensionality === "matrix") {
          rangeW = Math.max(rangeW, s.width);
          rangeH = Math.max(rangeH, s.height);
        } else {
          liftW = Math.max(liftW, s.width);
          liftH = Math.max(liftH, s.height);
        }
      });
      if (liftW > 1 || liftH > 1) size = { width: liftW, height: liftH };
      else if (!declaredMatrix) size = { width: 1, height: 1 };
      else if (args.every(isLiteral)) {
        const fn = host.lookup(meta.id);
        if (fn) {
          try {
            const value = this.callOnce(
              meta,
              fn,
              args.map((a) => (a.type === "EMPTY" ? OMITTED : this.evaluateAst(a as never, st as never))),
              paramOf,
              this.invocation(`${namespace}.${meta.id}`, meta, st, ast),
              `${key}:size`,
              `${namespace}.${meta.id}`,
              (v) => v,
            );
            state.async.delete(`${key}:size`);
            // An async function has no size yet: the last result's size, or the ranges', stands in.
            size = value instanceof CellError && value.message === BUSY ? undefined : sizeOf(value);
          } catch {
            size = undefined;
          }
        }
      }
      size ??= state.actual.get(key) ?? { width: rangeW, height: rangeH };
      size = { width: Math.min(size.width, MAX_PREDICTED), height: Math.min(size.height, MAX_PREDICTED) };
      state.predicted.set(key, size);
      return size.width === 1 && size.height === 1 ? ArraySize.scalar() : new ArraySize(size.width, size.height);
    }
  }

  const translations: Record<string, string> = {};
  const ids: string[] = [];
  for (const meta of metadata.functions) {
    const hfId = `${namespace}.${meta.id}`.toUpperCase();
    const method = `call_${meta.id}`;
    const sizeMethod = `size_${meta.id}`;
    byHfId.set(hfId, meta);
    ids.push(hfId);
    CustomFunctionsPlugin.implementedFunctions[hfId] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      isVolatile: meta.options?.volatile === true,
      vectorizationForbidden: true,
    };
    Object.defineProperty(CustomFunctionsPlugin.prototype, method, {
      value(this: CustomFunctionsPlugin, ast: Ast, st: State) {
        return this.callCustom(hfId, ast, st);
      },
    });
    Object.defineProperty(CustomFunctionsPlugin.prototype, sizeMethod, {
      value(this: CustomFunctionsPlugin, ast: Ast, st: State) {
        return this.sizeCustom(hfId, ast, st);
      },
    });
    translations[hfId] = hfId;
  }
  return { plugin: CustomFunctionsPlugin as unknown as FunctionPluginDefinition, translations: { enGB: translations, enUS: translations }, ids };
}


/** A stable text key of call arguments (errors by code and message; the invocation left out). */
function argumentsKey(args: unknown[]): string {
  return JSON.stringify(args.slice(0, -1), (_k, v) => (isCustomFunctionError(v) ? `\u0000${v.code}\u0000${v.message}` : v));
}
