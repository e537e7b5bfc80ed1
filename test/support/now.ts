/**
 * A function's result when it is known at once. The money and rate functions are typed as
 * promises (Excel accepts a value or a promise, and they wait for the workbook's saved rate when
 * Excel calculates before it is known); in node the rate is known from the start, so every
 * result is a value: a promise here is a failure.
 */
export function now<T>(result: Promise<T> | T): T {
  if (result instanceof Promise) throw new Error("the result was deferred, but the workbook's rate is known");
  return result;
}
