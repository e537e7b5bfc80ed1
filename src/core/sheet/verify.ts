/* The check a refresh makes before it decides anything: every cell AIFIN owns in a dataset table
 * (its columns, found by header, in the rows it wrote, found by key) compared with the version of
 * the data the table records. What differs is the user's edit or damage: a cell typed over, a
 * column renamed or deleted, a row cleared or deleted. The user then restores the data or keeps
 * the edits; kept edits are remembered (in the table's record) and reported, never asked again
 * while they stand. Columns the user added, rows the user added (no key) and formulas elsewhere are
 * never looked at. Pure: no Office, no DOM. */
import { escapeCellText, unescapeCellText } from "./escape";
import { columnLetters } from "./address";
import type { Cell, TableBlock } from "./plan";
import type { ExistingTable } from "./diff";

/** An edit the user chose to keep, remembered in the table's record. */
export type KeptEdit =
  /** A cell of ours holding the user's value instead of the data's. */
  | { readonly kind: "cell"; readonly key: string; readonly column: string; readonly value: Cell }
  /** A row of the data the user took out of the table (deleted or cleared). */
  | { readonly kind: "row"; readonly key: string }
  /** A column of ours under the user's own header. */
  | { readonly kind: "header"; readonly column: string; readonly header: string };

/** A cell of ours that differs from the data. */
export interface CellDiff<C extends string> {
  /** Body row and table column indexes. */
  readonly row: number;
  readonly col: number;
  readonly column: C;
  readonly key: string;
  /** What the cell holds, and what the data says (as Excel gives it back: unescaped). */
  readonly found: Cell;
  readonly expected: Cell;
  /** The user kept this edit before (same value): reported, not asked about. */
  readonly kept: boolean;
}

export interface TableCheck<C extends string> {
  /** Where each of our columns is (table column index), after the repairs below; -1 for a deleted one. */
  readonly positions: readonly number[];
  /** Columns of ours found under another header: by their cells (the user renamed them), or under a header AIFIN used before. */
  readonly renamed: ReadonlyArray<{ readonly column: C; readonly header: string; readonly at: number; readonly kept: boolean; readonly former: boolean }>;
  /** Columns of ours not in the table at all (deleted). */
  readonly deleted: readonly C[];
  /** Cells of ours that differ from the data. */
  readonly cells: ReadonlyArray<CellDiff<C>>;
  /** Rows whose cells of ours are all blank (cleared), each matched to a row of the data the table lacks. */
  readonly cleared: ReadonlyArray<{ readonly row: number; readonly key: string }>;
  /** Rows of the data the table lacks beyond the cleared ones (deleted). */
  readonly removed: ReadonlyArray<{ readonly key: string; readonly kept: boolean }>;
}

/** What a check found that the user has not yet answered for. */
export function needsAnswer(check: TableCheck<string>): boolean {
  return (
    check.cells.some((c) => !c.kept) ||
    check.renamed.some((r) => !r.kept && !r.former) ||
    check.deleted.length > 0 ||
    check.cleared.length > 0 ||
    check.removed.some((r) => !r.kept)
  );
}

/** True when a check found nothing at all (kept edits aside). */
export function isIntact(check: TableCheck<string>): boolean {
  return !needsAnswer(check) && !check.renamed.some((r) => r.former);
}

/** A cell as read compared with a cell as planned (escaped text unescaped first). */
export function sameCell(read: Cell | undefined | null, planned: Cell): boolean {
  const want = typeof planned === "string" ? unescapeCellText(planned) : planned;
  if (read === undefined || read === null) return want === "";
  if (typeof read === "number" && typeof want === "number") return read === want;
  return String(read) === String(want) && typeof read === typeof want;
}

const blank = (v: Cell | undefined | null) => v === undefined || v === null || v === "";

/** A kept value as written back to `values` (text escaped, so it stays exactly the user's text). */
const keptValue = (v: Cell | undefined): Cell | undefined => (typeof v === "string" ? escapeCellText(v) : v);

/**
 * Checks a dataset table against the version of the data it records.
 * @param block - the recorded version, planned (planLoad(recorded, lang).table)
 * @param headers - the table's header row as read
 * @param rows - the table's body as read (every column), row by row
 * @param kept - the edits the user kept before
 * @param formerHeaders - header texts AIFIN used before for some columns (a table loaded by an earlier release)
 * @returns where our columns are and what differs, cell by cell
 * @example checkTable(plan.table, headers, rows, []).cells[0] // { row: 0, col: 4, column: "value", key: "microsoft|capex|FY2023", found: 999, expected: 28107000000, kept: false }
 */
export function checkTable<C extends string>(
  block: TableBlock<C>,
  headers: readonly unknown[],
  rows: readonly (readonly Cell[])[],
  kept: readonly KeptEdit[],
  formerHeaders: Partial<Record<C, readonly string[]>> = {},
): TableCheck<C> {
  const texts = headers.map((h) => String(h ?? ""));
  const ours = block.header.map(unescapeCellText);
  const keptHeader = new Map(kept.flatMap((k) => (k.kind === "header" ? [[k.column, k.header] as const] : [])));
  const positions = ours.map((h) => texts.indexOf(h));
  const renamed: Array<{ column: C; header: string; at: number; kept: boolean; former: boolean }> = [];
  const taken = () => new Set(positions.filter((p) => p >= 0));
  // A header the user kept, or one AIFIN used before.
  block.columns.forEach((column, j) => {
    if (positions[j] >= 0) return;
    const keptAt = keptHeader.has(column) ? texts.indexOf(keptHeader.get(column) as string) : -1;
    if (keptAt >= 0 && !taken().has(keptAt)) {
      positions[j] = keptAt;
      renamed.push({ column, header: texts[keptAt], at: keptAt, kept: true, former: false });
      return;
    }
    const former = (formerHeaders[column] ?? []).map((h) => texts.indexOf(h)).find((p) => p >= 0 && !taken().has(p));
    if (former !== undefined) {
      positions[j] = former;
      renamed.push({ column, header: texts[former], at: former, kept: false, former: true });
    }
  });

  const keyJ = block.columns.indexOf("key" as C);
  const index = new Map<string, number>();
  block.keys.forEach((k, i) => {
    if (!index.has(k)) index.set(k, i);
  });
  const cell = (r: number, p: number): Cell | undefined => (p >= 0 ? rows[r]?.[p] : undefined);
  // A column of ours the user renamed: found by its cells, the best match among the columns that are not ours.
  const unmatched = () => texts.map((_, p) => p).filter((p) => !taken().has(p) && !ours.includes(texts[p]));
  if (positions[keyJ] < 0) {
    const best = bestColumn(unmatched(), (p) => rows.filter((row) => index.has(String(row[p] ?? "").trim())).length, rows.length);
    if (best !== null) {
      positions[keyJ] = best;
      renamed.push({ column: block.columns[keyJ], header: texts[best], at: best, kept: false, former: false });
    }
  }
  const keyOf = (r: number) => String(cell(r, positions[keyJ]) ?? "").trim();
  block.columns.forEach((column, j) => {
    if (positions[j] >= 0 || positions[keyJ] < 0) return;
    const score = (p: number) =>
      rows.filter((row, r) => {
        const i = index.get(keyOf(r));
        return i !== undefined && !blank(block.rows[i][j]) && sameCell(row[p], block.rows[i][j]);
      }).length;
    const filled = rows.filter((_, r) => {
      const i = index.get(keyOf(r));
      return i !== undefined && !blank(block.rows[i][j]);
    }).length;
    const best = bestColumn(unmatched(), score, filled);
    if (best !== null) {
      positions[j] = best;
      renamed.push({ column, header: texts[best], at: best, kept: false, former: false });
    }
  });
  const deleted = block.columns.filter((_, j) => positions[j] < 0);

  const keptCells = new Map(kept.flatMap((k) => (k.kind === "cell" ? [[`${k.key}|${k.column}`, k.value] as const] : [])));
  const keptRows = new Set(kept.flatMap((k) => (k.kind === "row" ? [k.key] : [])));
  const cells: CellDiff<C>[] = [];
  const present = new Set<string>();
  const clearedRows: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const key = keyOf(r);
    const i = index.get(key);
    if (key === "") {
      // Every cell of ours blank (the key too): a row of ours the user cleared. Otherwise the user's own row.
      if (positions.every((p) => p < 0 || blank(cell(r, p))) && positions.some((p) => p >= 0)) clearedRows.push(r);
      continue;
    }
    if (i === undefined || present.has(key)) continue; // not in this version (a refresh deletes it), or a copy
    present.add(key);
    block.columns.forEach((column, j) => {
      const p = positions[j];
      if (j === keyJ || p < 0) return;
      const found = cell(r, p) ?? "";
      if (sameCell(found, block.rows[i][j])) return;
      const keptValue = keptCells.get(`${key}|${column}`);
      const expected = block.rows[i][j];
      cells.push({ row: r, col: p, column, key, found, expected: typeof expected === "string" ? unescapeCellText(expected) : expected, kept: keptValue !== undefined && sameCell(found, keptValue) });
    });
  }
  const missing = block.keys.filter((k, i) => index.get(k) === i && !present.has(k));
  const cleared = clearedRows.slice(0, missing.filter((k) => !keptRows.has(k)).length).map((row, n) => ({ row, key: missing.filter((k) => !keptRows.has(k))[n] }));
  const clearedKeys = new Set(cleared.map((c) => c.key));
  const removed = missing.filter((k) => !clearedKeys.has(k)).map((key) => ({ key, kept: keptRows.has(key) }));
  return { positions, renamed, deleted, cells, cleared, removed };
}

/** The column with the most matching cells, when they are at least half of those that could match (and one). */
function bestColumn(candidates: readonly number[], score: (p: number) => number, of: number): number | null {
  let best: number | null = null;
  let most = 0;
  for (const p of candidates) {
    const s = score(p);
    if (s > most) {
      most = s;
      best = p;
    }
  }
  return best !== null && most >= 1 && most * 2 >= of ? best : null;
}

/**
 * The edits to remember when the user keeps them: the cells they changed, the headers they gave
 * our columns, the rows they took out (kept before or new alike: what no longer differs is no
 * longer an edit, and is forgotten).
 * @param check - the check the user answered
 */
export function keptAfter<C extends string>(check: TableCheck<C>): KeptEdit[] {
  return [
    ...check.cells.map((c): KeptEdit => ({ kind: "cell", key: c.key, column: c.column, value: c.found })),
    ...check.renamed.filter((r) => !r.former).map((r): KeptEdit => ({ kind: "header", column: r.column, header: r.header })),
    ...[...check.cleared, ...check.removed].map((r): KeptEdit => ({ kind: "row", key: r.key })),
  ];
}

/** The edits still kept after a restore: those the user kept before that still stand (a restore answers the new ones only). */
export function keptStanding<C extends string>(check: TableCheck<C>): KeptEdit[] {
  return [
    ...check.cells.filter((c) => c.kept).map((c): KeptEdit => ({ kind: "cell", key: c.key, column: c.column, value: c.found })),
    ...check.renamed.filter((r) => r.kept).map((r): KeptEdit => ({ kind: "header", column: r.column, header: r.header })),
    ...check.removed.filter((r) => r.kept).map((r): KeptEdit => ({ kind: "row", key: r.key })),
  ];
}

/**
 * The table as a refresh sees it once the check's answer is applied, and the block it writes:
 * our columns under our headers again (renamed ones where they are, deleted ones put back at the
 * table's end, blank), cleared rows given back the keys of the rows they held (so they are
 * rewritten in place), the kept edits written as the user's values (nothing overwrites them) and
 * the rows the user took out left out.
 * @param block - the version being written (the recorded one, or a newer one)
 * @param existing - the table as read, its body holding every column of the table by index
 * @param check - the check against the recorded version
 * @param kept - the edits to keep (those kept before, when the user restores)
 * @returns the table and block to plan the update with, the columns to add at the table's end
 *   (their headers) and the headers to write back (table column index → text, escaped)
 */
export function applyCheck<C extends string>(
  block: TableBlock<C>,
  existing: ExistingTable,
  check: TableCheck<C>,
  kept: readonly KeptEdit[],
): { existing: ExistingTable; block: TableBlock<C>; addColumns: readonly string[]; headerWrites: ReadonlyArray<{ readonly col: number; readonly text: string }> } {
  const ours = block.header.map(unescapeCellText);
  const headers = [...existing.headers];
  const body = new Map(existing.body);
  const headerWrites: Array<{ col: number; text: string }> = [];
  const addColumns: string[] = [];
  const keptHeader = new Set(kept.flatMap((k) => (k.kind === "header" ? [k.column] : [])));
  block.columns.forEach((column, j) => {
    const p = check.positions[j];
    if (p >= 0) {
      if (headers[p] !== ours[j] && !keptHeader.has(column)) headerWrites.push({ col: p, text: block.header[j] });
      headers[p] = ours[j];
      return;
    }
    // Deleted: put back at the table's end, blank (the adapter adds the column first).
    body.set(headers.length, new Array<Cell>(existing.rowCount).fill(""));
    headers.push(ours[j]);
    addColumns.push(block.header[j]);
  });
  const keyAt = headers.indexOf(ours[block.columns.indexOf("key" as C)]);
  const keptCells = new Map(kept.flatMap((k) => (k.kind === "cell" ? [[`${k.key}|${k.column}`, k.value] as const] : [])));
  const keptRows = new Set(kept.flatMap((k) => (k.kind === "row" ? [k.key] : [])));
  // A cleared row to restore gets its key back (it is rewritten where it stands); one the user
  // keeps cleared stays a blank row, which a refresh never writes nor deletes.
  const restoredRows = check.cleared.filter((c) => !keptRows.has(c.key));
  if (restoredRows.length > 0) {
    const keys = [...(body.get(keyAt) ?? [])];
    for (const c of restoredRows) keys[c.row] = c.key;
    body.set(keyAt, keys);
  }
  const keep = block.keys.map((k) => !keptRows.has(k));
  const pick = <T>(list: readonly T[]) => list.filter((_, i) => keep[i]);
  const rows = block.rows.flatMap((row, i) => {
    if (!keep[i]) return [];
    const key = block.keys[i];
    return [row.map((v, j) => keptValue(keptCells.get(`${key}|${block.columns[j]}`)) ?? v)];
  });
  const patched: TableBlock<C> = {
    ...block,
    rows,
    keys: pick(block.keys),
    formats: new Map([...block.formats].map(([j, f]) => [j, pick(f)])),
    links: new Map([...block.links].map(([j, l]) => [j, pick(l)])),
  };
  return { existing: { ...existing, headers, body }, block: patched, addColumns, headerWrites };
}

/** The sheet address of a body cell of a table whose header row starts at (`row`, `column`), zero-based. */
export function bodyCellAddress(origin: { readonly row: number; readonly column: number }, row: number, col: number): string {
  return `${columnLetters(origin.column + col)}${origin.row + 2 + row}`;
}
