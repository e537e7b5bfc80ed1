/* Excel's side of a custom-function call, for the fuzz specs: which arguments reach the function
 * and which make Excel show an error without calling it, by the rule functions.json sets.
 *
 * The metadata is generated here from src/functions/functions.ts by the same generator the build
 * uses (custom-functions-metadata) and finished by the same step (build/functions-json.cjs), so the
 * rule checked is the one that ships. Per argument, in order:
 *   - an Excel error in an argument typed number, string or boolean: Excel shows that error and
 *     does not call the function;
 *   - an error in an `any` / `any[][]` argument: without allowErrorForDataTypeAny, the same (the
 *     first error of the range, row by row); with it, the function receives it;
 *   - a data-type cell (Excel.CellValue): with allowCustomDataForDataTypeAny an `any` argument
 *     receives the object; otherwise Excel passes its basic value, and a value whose basic value is
 *     an error (an entity, an image) makes Excel show #VALUE! without calling.
 * A range given where a single value belongs is passed as it is (Excel would call once per cell):
 * the hostile-host case the functions refuse. */
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withHostOptions } = require("../../build/functions-json.cjs") as { withHostOptions: (m: Metadata) => Metadata };

interface Parameter {
  readonly name: string;
  readonly type?: string;
  readonly dimensionality?: string;
}
interface FunctionMeta {
  readonly id: string;
  readonly parameters: readonly Parameter[];
}
export interface Metadata {
  readonly allowErrorForDataTypeAny?: boolean;
  readonly allowCustomDataForDataTypeAny?: boolean;
  readonly functions: readonly FunctionMeta[];
}

/** The errors Excel showed instead of calling a function (not the function's own). */
const shown = new WeakSet<object>();

/** True for an error Excel showed without calling the function (an error or data type in a typed argument). */
export function shownByExcel(error: unknown): boolean {
  return typeof error === "object" && error !== null && shown.has(error);
}

/** True for an Excel error value: a CustomFunctions.Error or a data-type error cell. */
export function isErrorValue(value: unknown): boolean {
  return value instanceof CustomFunctions.Error || (typeof value === "object" && value !== null && (value as { type?: unknown }).type === "Error");
}

/** The error codes an error cell can show (another text shows as #VALUE!). */
const SHOWN_CODES = new Set(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!", "#NAME?", "#REF!"]);

/** The code a data-type error cell ({ type: "Error", basicValue: "#N/A" }) shows. */
export function dataTypeErrorCode(value: unknown): string | null {
  if (typeof value !== "object" || value === null || value instanceof CustomFunctions.Error || (value as { type?: unknown }).type !== "Error") return null;
  const shown = String((value as { basicValue?: unknown }).basicValue);
  return SHOWN_CODES.has(shown) ? shown : "#VALUE!";
}

/**
 * A cell as the functions must read it, worked out here independently of src: a data-type cell by
 * its basic value (a formatted number, text, a logical, empty), an error value as its code, any
 * other object (an entity, a Stocks cell, an image) refused.
 */
export type Reading = { readonly kind: "value"; readonly value: unknown } | { readonly kind: "error"; readonly error: unknown; readonly code: string } | { readonly kind: "refused" };

export function reading(cell: unknown): Reading {
  if (cell instanceof CustomFunctions.Error) return { kind: "error", error: cell, code: (cell as unknown as { code: string }).code };
  const code = dataTypeErrorCode(cell);
  if (code) return { kind: "error", error: cell, code };
  if (typeof cell !== "object" || cell === null || Array.isArray(cell)) return { kind: "value", value: cell };
  const { type, basicValue } = cell as { type?: unknown; basicValue?: unknown };
  const plain = ["Double", "String", "Boolean", "FormattedNumber", "Empty"].includes(String(type));
  if (plain && (basicValue === undefined || basicValue === null || ["number", "string", "boolean"].includes(typeof basicValue))) return { kind: "value", value: basicValue };
  return { kind: "refused" };
}

const CODES: Record<string, keyof typeof CustomFunctions.ErrorCode> = { "#VALUE!": "invalidValue", "#N/A": "notAvailable", "#DIV/0!": "divisionByZero", "#NUM!": "invalidNumber", "#NULL!": "nullReference", "#NAME?": "invalidName", "#REF!": "invalidReference" };

/** The CustomFunctions.Error a cell shows for an error value. */
function asError(value: unknown): unknown {
  if (value instanceof CustomFunctions.Error) return value;
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[CODES[dataTypeErrorCode(value) ?? "#VALUE!"]]);
}

/** Excel's calls of the add-in's functions, by the rule of its metadata. */
export class ExcelHost {
  private readonly byId: Map<string, FunctionMeta>;

  constructor(readonly metadata: Metadata) {
    this.byId = new Map(metadata.functions.map((f) => [f.id, f]));
  }

  /** The argument as Excel passes it for a parameter, or the error Excel shows instead of calling. */
  private pass(arg: unknown, p: Parameter): { ok: true; value: unknown } | { ok: false; shows: unknown } {
    const any = (p.type ?? "any") === "any";
    const matrix = p.dimensionality === "matrix";
    const one = (cell: unknown): { ok: true; value: unknown } | { ok: false; shows: unknown } => {
      if (isErrorValue(cell)) return any && this.metadata.allowErrorForDataTypeAny ? { ok: true, value: cell } : { ok: false, shows: asError(cell) };
      if (typeof cell !== "object" || cell === null) return { ok: true, value: cell };
      if (any && this.metadata.allowCustomDataForDataTypeAny) return { ok: true, value: cell };
      // Otherwise Excel passes the basic value; an entity's or an image's is #VALUE!.
      const read = reading(cell);
      return read.kind === "value" ? { ok: true, value: read.value } : { ok: false, shows: asError({ type: "Error", basicValue: "#VALUE!" }) };
    };
    if (!matrix || !Array.isArray(arg)) return Array.isArray(arg) ? { ok: true, value: arg } : one(arg);
    const rows: unknown[] = [];
    for (const row of arg) {
      if (!Array.isArray(row)) {
        const got = one(row);
        if (!got.ok) return got;
        rows.push(got.value);
        continue;
      }
      const out: unknown[] = [];
      for (const cell of row) {
        const got = one(cell);
        if (!got.ok) return got;
        out.push(got.value);
      }
      rows.push(out);
    }
    return { ok: true, value: rows };
  }

  /**
   * A call of the function `id` with `args` as Excel makes it: the function called with the
   * arguments it receives, or Excel's error thrown as a call that fails would throw it.
   */
  call(id: string, fn: (...args: never[]) => unknown, args: readonly unknown[]): () => unknown {
    const meta = this.byId.get(id);
    if (!meta) throw new Error(`functions.json declares no ${id}`);
    const passed: unknown[] = [];
    for (let i = 0; i < args.length; i++) {
      const p = meta.parameters[i];
      if (!p) throw new Error(`${id} has no parameter ${i + 1}`);
      const got = this.pass(args[i], p);
      if (!got.ok) {
        const shows = got.shows;
        shown.add(shows as object);
        return () => {
          throw shows;
        };
      }
      passed.push(got.value);
    }
    return () => fn(...(passed as never[]));
  }
}

/** The host with the metadata that ships: generated from functions.ts, finished as the build finishes it. */
export async function excelHost(): Promise<ExcelHost> {
  const generated = await generateCustomFunctionsMetadata([path.resolve(__dirname, "../../src/functions/functions.ts")], false);
  if (generated.errors.length > 0) throw new Error(`functions.ts metadata: ${generated.errors.join("; ")}`);
  return new ExcelHost(withHostOptions(JSON.parse(generated.metadataJson) as Metadata));
}
