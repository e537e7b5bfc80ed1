/* A1 addresses as Excel writes them: columns A…XFD, rows 1…1048576, "Sheet1!A1:B2", quoted sheet
 * names ('My sheet'!A1), whole columns ("A:C") and rows ("2:4"). Zero-based indexes inside. */

import { columnLetters } from "../../src/core/sheet/address";

/** Excel's grid size. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, zero-based and inclusive. */
export interface CellRect {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

/** A parsed address: the rectangle, the sheet it names (if any), and whether it is whole rows/columns. */
export interface ParsedAddress extends CellRect {
  readonly sheetName: string | null;
  readonly entireColumns: boolean;
  readonly entireRows: boolean;
}

// Column index (0-based) → letters: 0 → "A", 27 → "AB" (the same rule the pane writes with).
export { columnLetters };

/** Letters → column index (0-based), or -1 when not a column. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 < MAX_COLUMNS ? n - 1 : -1;
}

/** "A1" for a cell. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "A1" or "A1:B2" for a rectangle, "A:B" / "1:2" for whole columns / rows. */
export function rectAddress(rect: CellRect, entire: { columns?: boolean; rows?: boolean } = {}): string {
  const lastRow = rect.row + rect.rowCount - 1;
  const lastCol = rect.col + rect.colCount - 1;
  if (entire.columns) return `${columnLetters(rect.col)}:${columnLetters(lastCol)}`;
  if (entire.rows) return `${rect.row + 1}:${lastRow + 1}`;
  const start = cellAddress(rect.row, rect.col);
  return rect.rowCount === 1 && rect.colCount === 1 ? start : `${start}:${cellAddress(lastRow, lastCol)}`;
}

/** A sheet name as Excel writes it in an address: quoted when it is not a plain word. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && columnIndex(name.replace(/\d+$/, "")) === -1
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!A1:B2" */
export function qualifiedAddress(sheetName: string, rect: CellRect, entire: { columns?: boolean; rows?: boolean } = {}): string {
  return `${quoteSheetName(sheetName)}!${rectAddress(rect, entire)}`;
}

type Corner = { row: number | null; col: number | null };

function parseCorner(text: string): Corner | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const col = m[1] ? columnIndex(m[1]) : null;
  const row = m[2] ? Number(m[2]) - 1 : null;
  if (col === -1 || (row !== null && (row < 0 || row >= MAX_ROWS))) return null;
  return { row, col };
}

/**
 * Parses "A1", "$A$1:B2", "A:C", "2:4", "Sheet1!A1", "'My sheet'!A1:B2".
 * @returns the parsed address, or null when the text is not an address
 */
export function parseAddress(text: string): ParsedAddress | null {
  let rest = text.trim();
  let sheetName: string | null = null;
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    const sheetPart = rest.slice(0, bang);
    rest = rest.slice(bang + 1);
    sheetName = sheetPart.startsWith("'") && sheetPart.endsWith("'") && sheetPart.length >= 2 ? sheetPart.slice(1, -1).replace(/''/g, "'") : sheetPart;
    if (sheetName === "") return null;
  }
  const parts = rest.split(":");
  if (parts.length > 2) return null;
  const a = parseCorner(parts[0]);
  const b = parts.length === 2 ? parseCorner(parts[1]) : a;
  if (!a || !b) return null;
  const entireColumns = a.row === null && b.row === null && a.col !== null && b.col !== null;
  const entireRows = a.col === null && b.col === null && a.row !== null && b.row !== null;
  if (parts.length === 1 && (a.row === null || a.col === null)) return null;
  if (!entireColumns && !entireRows && (a.row === null || a.col === null || b.row === null || b.col === null)) return null;
  const r0 = entireColumns ? 0 : Math.min(a.row!, b.row!);
  const r1 = entireColumns ? MAX_ROWS - 1 : Math.max(a.row!, b.row!);
  const c0 = entireRows ? 0 : Math.min(a.col!, b.col!);
  const c1 = entireRows ? MAX_COLUMNS - 1 : Math.max(a.col!, b.col!);
  return { sheetName, row: r0, col: c0, rowCount: r1 - r0 + 1, colCount: c1 - c0 + 1, entireColumns, entireRows };
}

/** True when two rectangles share a cell. */
export function intersects(a: CellRect, b: CellRect): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.colCount && b.col < a.col + a.colCount;
}

/** The shared part of two rectangles, or null. */
export function intersection(a: CellRect, b: CellRect): CellRect | null {
  if (!intersects(a, b)) return null;
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  return {
    row,
    col,
    rowCount: Math.min(a.row + a.rowCount, b.row + b.rowCount) - row,
    colCount: Math.min(a.col + a.colCount, b.col + b.colCount) - col,
  };
}

/** True when `inner` lies wholly inside `outer`. */
export function contains(outer: CellRect, inner: CellRect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.col + inner.colCount <= outer.col + outer.colCount
  );
}
