/* A1 addresses, for the few places a formula must name a cell (conditional formats). */

/**
 * The column letters of a zero-based column index.
 * @example columnLetters(0) // "A"
 * @example columnLetters(27) // "AB"
 */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * An A1 reference to a cell with its column fixed and its row relative ("$K5"), for a formula
 * that is evaluated row by row.
 * @param row - zero-based row index
 * @param column - zero-based column index
 * @example fixedColumnCell(4, 10) // "$K5"
 */
export function fixedColumnCell(row: number, column: number): string {
  return `$${columnLetters(column)}${row + 1}`;
}
