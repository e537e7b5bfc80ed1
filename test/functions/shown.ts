/* What Excel shows for a function's result, for the functions' tests. */

/** What a cell shows: its value, or "#CODE: reason" for an Excel error. */
export function shown(cell: unknown): unknown {
  if (cell instanceof CustomFunctions.Error) {
    const e = cell as unknown as { code: string; message: string };
    return e.message ? `${e.code}: ${e.message}` : e.code;
  }
  return cell;
}

/** Calls a function and returns what Excel would show: a grid, a value, or the single error thrown. */
export function excel(call: () => unknown): unknown {
  try {
    const value = call();
    // With a rate given (or in node, where the workbook's rate is known at once) the functions answer
    // at once: a Promise only waits for the workbook's saved rate.
    if (value instanceof Promise) throw new Error("a result was deferred although the rate is known");
    return Array.isArray(value) ? value.map((row: unknown[]) => row.map(shown)) : shown(value);
  } catch (error) {
    return shown(error);
  }
}
