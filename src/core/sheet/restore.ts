/* Putting cells back as they were read. A refresh reads the tables it will change (values,
 * formulas and number formats, in the read sync it makes anyway); if a write then fails halfway,
 * the adapter writes this back over the table (Excel batches are not transactions). One matrix
 * for `Range.formulas` restores both formulas and constants: a formula cell gets its formula, a
 * constant gets its value with text escaped, so text that looks like a formula, a number or a
 * date comes back as the same text. */
import { escapeCellText } from "./escape";
import type { Cell } from "./plan";

/**
 * Whether a cell read as `formula` (from `Range.formulas`) and `value` (from `Range.values`) holds
 * a formula: its formulas text starts with "=" and is not the value itself (text that merely starts
 * with "=" reads the same through both).
 * @example isFormulaCell("=A1*2", 84) // true
 * @example isFormulaCell("=not a formula", "=not a formula") // false (text)
 */
export function isFormulaCell(formula: unknown, value: unknown): boolean {
  return typeof formula === "string" && formula.startsWith("=") && formula !== value;
}

/**
 * The matrix to assign to `Range.formulas` so that a range holds again what was read from it.
 * Limits: an error constant typed into a cell (not a formula giving an error) comes back as the
 * text of the error, since `values` gives both as the same string; a formula whose result is its
 * own text is taken for text.
 * @param values - `Range.values` as read
 * @param formulas - `Range.formulas` of the same range, read in the same sync
 * @returns per cell the formula, the escaped text, the number or the boolean ("" for an empty cell)
 * @example restoreCells([[84, "=x", "2024-11"]], [["=A1*2", "=x", "2024-11"]]) // [["=A1*2", "'=x", "'2024-11"]]
 */
export function restoreCells(values: readonly (readonly unknown[])[], formulas: readonly (readonly unknown[])[]): Cell[][] {
  return values.map((row, i) =>
    row.map((value, j) => {
      const formula = formulas[i]?.[j];
      if (isFormulaCell(formula, value)) return formula as string;
      if (typeof value === "string") return escapeCellText(value);
      if (typeof value === "number" || typeof value === "boolean") return value;
      return "";
    }),
  );
}
