/* Where the cleaner may write: never into a table (AIFIN's or the user's), right beside or below
 * one (Excel would take the cells into it), into a spilled array or over a formula. What stands in
 * the way is named, and the next free columns are found. Pure: the adapter reads the sheet. */
import { columnLetters } from "./address";

/** A rectangle of cells, zero-based and inclusive. */
export interface CellRect {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

/** A table of the sheet: its name, its whole range (header included) and its header texts. */
export interface SheetTable {
  readonly name: string;
  readonly rect: CellRect;
  readonly headers: readonly string[];
}

/** A formula's spilled result: the anchor cell (where the formula is) and the range it fills. */
export interface SheetSpill {
  readonly anchor: { readonly row: number; readonly column: number };
  readonly rect: CellRect;
}

/** What the cleaner knows of the sheet around the selection. */
export interface SheetPicture {
  readonly tables: readonly SheetTable[];
  readonly spills: readonly SheetSpill[];
  /** What a cell of the target holds: nothing, a value, or a formula; "unknown" where it was not read. */
  cell(row: number, column: number): "empty" | "value" | "formula" | "unknown";
  /** Whether a column holds anything in the rows written (the free-column search asks one answer a column). */
  column(column: number): "empty" | "occupied" | "unknown";
}

export type Obstacle =
  /** The target overlaps a table: which of its columns. */
  | { readonly kind: "table"; readonly table: string; readonly columns: readonly string[]; readonly rect: CellRect }
  /** The target is just right of or just below a table: Excel would grow the table over it. */
  | { readonly kind: "tableEdge"; readonly table: string; readonly rect: CellRect }
  /** The target overlaps a formula's spilled result. */
  | { readonly kind: "spill"; readonly anchor: string; readonly rect: CellRect }
  /** Cells of the target hold formulas. */
  | { readonly kind: "formulas"; readonly cells: readonly string[]; readonly count: number }
  /** Cells of the target hold values (these may be overwritten once the user agrees). */
  | { readonly kind: "values"; readonly count: number }
  /** Cells the cleaner could not read (far right of a wide sheet): not written blindly. */
  | { readonly kind: "unknown"; readonly count: number };

function overlap(a: CellRect, b: CellRect): CellRect | null {
  const r = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
  return r.r0 > r.r1 || r.c0 > r.c1 ? null : r;
}

/**
 * An A1 address of a rectangle ("F5:H21", or "F5" for one cell).
 * @example rectAddress({ r0: 4, c0: 5, r1: 20, c1: 7 }) // "F5:H21"
 */
export function rectAddress(rect: CellRect): string {
  const one = (r: number, c: number) => `${columnLetters(c)}${r + 1}`;
  return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? one(rect.r0, rect.c0) : `${one(rect.r0, rect.c0)}:${one(rect.r1, rect.c1)}`;
}

/** The part of `target` that writing into would make a table grow (just right of it, or just below). */
function edgeOf(table: CellRect, target: CellRect): CellRect | null {
  const right = overlap(target, { r0: table.r0, c0: table.c1 + 1, r1: table.r1, c1: table.c1 + 1 });
  if (right) return right;
  return overlap(target, { r0: table.r1 + 1, c0: table.c0, r1: table.r1 + 1, c1: table.c1 });
}

/**
 * What stands in the way of writing `target`: tables, table edges, spills, formulas, and values
 * (the only kind the user may agree to overwrite), each named.
 * @param target - the cells the cleaner would write
 * @param sheet - the tables, spills and cells around it
 * @returns the obstacles, most serious first; empty when the target is free
 * @example targetObstacles({ r0: 4, c0: 5, r1: 20, c1: 7 }, picture)[0] // { kind: "table", table: "AIFIN_bigtech_capex", columns: ["Low", "High", "Currency"], … }
 */
export function targetObstacles(target: CellRect, sheet: SheetPicture): Obstacle[] {
  const out: Obstacle[] = [];
  const covered = (r: number, c: number) =>
    sheet.tables.some((t) => overlap(t.rect, { r0: r, c0: c, r1: r, c1: c })) || sheet.spills.some((s) => overlap(s.rect, { r0: r, c0: c, r1: r, c1: c }));
  for (const t of sheet.tables) {
    const inside = overlap(t.rect, target);
    if (inside) {
      const columns = Array.from({ length: inside.c1 - inside.c0 + 1 }, (_, k) => t.headers[inside.c0 + k - t.rect.c0] ?? columnLetters(inside.c0 + k));
      out.push({ kind: "table", table: t.name, columns, rect: inside });
      continue;
    }
    const edge = edgeOf(t.rect, target);
    if (edge) out.push({ kind: "tableEdge", table: t.name, rect: edge });
  }
  for (const s of sheet.spills) {
    const inside = overlap(s.rect, target);
    if (inside) {
      out.push({ kind: "spill", anchor: rectAddress({ r0: s.anchor.row, c0: s.anchor.column, r1: s.anchor.row, c1: s.anchor.column }), rect: inside });
    }
  }
  const formulas: string[] = [];
  let values = 0;
  let unknown = 0;
  for (let r = target.r0; r <= target.r1; r++) {
    for (let c = target.c0; c <= target.c1; c++) {
      const what = sheet.cell(r, c);
      if (what === "formula") formulas.push(rectAddress({ r0: r, c0: c, r1: r, c1: c }));
      else if (what === "unknown") unknown++;
      else if (what === "value" && !covered(r, c)) values++;
    }
  }
  if (formulas.length > 0) out.push({ kind: "formulas", cells: formulas.slice(0, 5), count: formulas.length });
  if (unknown > 0) out.push({ kind: "unknown", count: unknown });
  if (values > 0) out.push({ kind: "values", count: values });
  return out;
}

/** True when nothing but values (which the user may agree to overwrite) stands in the way. */
export function onlyValues(obstacles: readonly Obstacle[]): boolean {
  return obstacles.every((o) => o.kind === "values");
}

/** Excel's last column index (XFD). */
const LAST_COLUMN = 16_383;

/**
 * The first column at or after `from` where `width` columns over `rows` are free: empty, in no
 * table and not beside one, in no spilled array.
 * @param rows - the first and last row the cleaner writes
 * @param from - the first column to try (the column right of the selection)
 * @param width - how many columns the cleaner writes
 * @returns the first free column's index, or null when the sheet has no room
 * @example nextFreeColumns([4, 20], 5, 4, picture) // 15 (column P: right of the table and one column apart)
 */
export function nextFreeColumns(rows: readonly [number, number], from: number, width: number, sheet: SheetPicture): number | null {
  const [r0, r1] = rows;
  const free = (c: number): boolean => {
    const column: CellRect = { r0, c0: c, r1, c1: c };
    if (sheet.tables.some((t) => overlap(t.rect, column) || edgeOf(t.rect, column))) return false;
    if (sheet.spills.some((s) => overlap(s.rect, column))) return false;
    return sheet.column(c) === "empty";
  };
  let run = 0;
  for (let c = from; c <= LAST_COLUMN; c++) {
    run = free(c) ? run + 1 : 0;
    if (run === width) return c - width + 1;
  }
  return null;
}
