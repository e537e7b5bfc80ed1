/* The part of Excel's custom-functions runtime a functions bundle touches: `CustomFunctions.Error`,
 * `CustomFunctions.ErrorCode` and `CustomFunctions.associate`. office.js outside Office defines only
 * `associate` (which records into a table nobody reads), so the preview supplies these, with the
 * semantics of Microsoft's runtime (custom-functions-runtime.js): an Error is a JS Error with a
 * `code`, and only #VALUE! and #N/A keep their message. No DOM here: the bench uses it in node. */

/** Excel's error codes as custom functions name them (CustomFunctions.ErrorCode). */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type ErrorCodeValue = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

const KNOWN_CODES = new Set<string>(Object.values(ERROR_CODES));

/** The codes whose message Excel shows (Microsoft's runtime drops the others). */
const CODES_WITH_MESSAGE = new Set<string>([ERROR_CODES.invalidValue, ERROR_CODES.notAvailable]);

/** `CustomFunctions.Error`: thrown or returned by a function, shown as its code in the cell. */
export class PreviewCustomFunctionError extends Error {
  readonly code: ErrorCodeValue;
  /** Set like Microsoft's runtime sets it, so duck-typed checks agree. */
  readonly type = "Error";

  constructor(code?: ErrorCodeValue, message?: string) {
    super(message ?? "");
    this.name = "CustomFunctions.Error";
    this.code = code && KNOWN_CODES.has(code) ? code : ERROR_CODES.invalidValue;
    Object.setPrototypeOf(this, new.target.prototype);
  }

  /** The message Excel would show beside the code, or undefined. */
  shownMessage(): string | undefined {
    return CODES_WITH_MESSAGE.has(this.code) && this.message !== "" ? this.message : undefined;
  }
}

/** A function as a bundle associates it. */
export type AssociatedFunction = (...args: unknown[]) => unknown;

/** What `associate` recorded, in call order; a repeated id is kept once (the last function). */
export interface Registrations {
  readonly functions: Map<string, AssociatedFunction>;
  /** Ids associated more than once (Excel keeps the last one; a bundle doing it is likely wrong). */
  readonly repeated: string[];
  /** Calls that did not pass an id and a function. */
  readonly invalid: string[];
}

/** The `CustomFunctions` object of the preview. */
export interface PreviewCustomFunctions {
  Error: typeof PreviewCustomFunctionError;
  ErrorCode: typeof ERROR_CODES;
  associate(idOrMappings: string | Record<string, AssociatedFunction>, fn?: AssociatedFunction): void;
  readonly registrations: Registrations;
}

/**
 * A `CustomFunctions` global whose `associate` records registrations for the preview engine.
 * @param onAssociate - called after every registration (the preview re-registers the function)
 * @returns the object to install as `globalThis.CustomFunctions`
 * @example createCustomFunctionsRuntime().associate("USD_TO_KRW", usdToKrwFunction)
 */
export function createCustomFunctionsRuntime(onAssociate?: (id: string, fn: AssociatedFunction) => void): PreviewCustomFunctions {
  const registrations: Registrations = { functions: new Map(), repeated: [], invalid: [] };
  const record = (id: unknown, fn: unknown) => {
    if (typeof id !== "string" || id === "" || typeof fn !== "function") {
      registrations.invalid.push(`associate(${JSON.stringify(id)}, ${typeof fn})`);
      return;
    }
    if (registrations.functions.has(id)) registrations.repeated.push(id);
    registrations.functions.set(id, fn as AssociatedFunction);
    onAssociate?.(id, fn as AssociatedFunction);
  };
  return {
    Error: PreviewCustomFunctionError,
    ErrorCode: ERROR_CODES,
    associate(idOrMappings, fn) {
      // Excel accepts associate(id, fn) and associate({ id: fn, ... }).
      if (typeof idOrMappings === "object" && idOrMappings !== null) {
        for (const [id, f] of Object.entries(idOrMappings)) record(id, f);
      } else {
        record(idOrMappings, fn);
      }
    },
    registrations,
  };
}

/**
 * True for a custom-function error from any realm (the pane's iframe has its own classes): a JS
 * Error carrying one of Excel's error codes.
 */
export function isCustomFunctionError(value: unknown): value is { code: ErrorCodeValue; message: string } {
  if (typeof value !== "object" || value === null) return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && KNOWN_CODES.has(code) && typeof (value as { message?: unknown }).message === "string";
}

/** The message Excel shows for an error value (only #VALUE! and #N/A carry one). */
export function shownMessage(error: { code: string; message: string }): string | undefined {
  return CODES_WITH_MESSAGE.has(error.code) && error.message !== "" ? error.message : undefined;
}
