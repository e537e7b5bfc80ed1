/* Matrices that cost little memory. A column written through `Range.numberFormat` must be an n×1
 * matrix: one array per row. Built naively that is one small array per cell (about 56 bytes each in
 * V8, for 100,000 cells several MB); a format column holds a handful of distinct formats, so the
 * rows holding the same format can be one shared array (the request JSON is the same). */
import type { Cell } from "./plan";

/**
 * An n×1 matrix of `cells`, rows holding equal cells shared (one array per distinct value).
 * The rows must not be modified.
 * @param cells - one cell per row
 * @example columnMatrix(["$#,##0", "0", "$#,##0"]) // [["$#,##0"], ["0"], ["$#,##0"]] (rows 0 and 2 the same array)
 */
export function columnMatrix<T extends Cell>(cells: readonly T[]): T[][] {
  const rows = new Map<T, T[]>();
  return cells.map((cell) => {
    let row = rows.get(cell);
    if (row === undefined) {
      row = [cell];
      rows.set(cell, row);
    }
    return row;
  });
}
