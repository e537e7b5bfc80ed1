/* The refresh plan: how to turn a dataset table as it stands in the workbook into the new version
 * of its data while keeping everything that is not ours. Rows are matched by their key; our
 * columns are found by header text wherever the user moved them; rows whose values changed are
 * rewritten in place (row order kept), rows gone from the data are deleted, new rows are appended.
 * Columns the user added, rows the user added (no key) and untouched cells are never written. */
import { columnMatrix } from "./matrix";
import type { Cell, TableBlock } from "./plan";
import { unescapeCellText } from "./escape";
import { sameCell } from "./verify";

/** A table as read from the workbook, for the columns a refresh needs. */
export interface ExistingTable {
  /** The header row, as Excel returns it. */
  readonly headers: readonly string[];
  /** The body values of our columns, by table column index (each `rowCount` long). */
  readonly body: ReadonlyMap<number, readonly Cell[]>;
  /** Body rows. */
  readonly rowCount: number;
  /** `formulasR1C1` of the last body row (every column), or null for an empty table. */
  readonly lastRowFormulasR1C1: readonly Cell[] | null;
  /**
   * Where known, the URL each body cell of a link column links to now ("" for none), by table
   * column index. Without it a link is taken to follow its cell's text (a source's key, a URL).
   */
  readonly links?: ReadonlyMap<number, readonly string[]>;
}

/** A cell to link to a document (`url`), or to unlink (`url` ""), showing `text`. */
export interface LinkWrite {
  /** Body row index (for added rows: the index among the rows added). */
  readonly row: number;
  /** Table column index. */
  readonly col: number;
  readonly url: string;
  /** The cell's text as written to `values` (escaped). */
  readonly text: Cell;
}

/** Cells to write at a body position of the table. */
export interface BlockWrite {
  /** Body row index (0 = first row under the header). */
  readonly row: number;
  /** Table column index. */
  readonly col: number;
  readonly values: Cell[][];
}

/** Rows to append at the end of the table, full table width. */
export interface RowsAdd {
  readonly values: Cell[][];
  /** Number formats for our numeric columns of the added rows, by table column index (n×1 each, equal rows shared: read only). */
  readonly formats: ReadonlyArray<{ readonly col: number; readonly values: string[][] }>;
  /** The user's calculated columns (a formula in the last row): filled down into the new rows. */
  readonly formulasR1C1: ReadonlyArray<{ readonly col: number; readonly formula: string }>;
  /** Links of the new rows' cells that have a URL (rows counted from the first row added). */
  readonly links: readonly LinkWrite[];
}

export interface RefreshCounts {
  readonly updated: number;
  readonly added: number;
  readonly removed: number;
  readonly unchanged: number;
}

export type TableUpdate =
  | { readonly ok: false; readonly missing: string[] }
  | {
      readonly ok: true;
      readonly counts: RefreshCounts;
      /** Values of changed rows, by runs of consecutive rows and columns (done first, before any delete). */
      readonly writes: BlockWrite[];
      /** Number formats of changed rows' numeric columns (n×1, equal rows shared: read only). */
      readonly formatWrites: BlockWrite[];
      /** Links of kept rows that now point elsewhere, or nowhere (done with the writes, before any delete). */
      readonly linkWrites: LinkWrite[];
      /** Runs of body rows to delete, last run first (so earlier indices stay valid). */
      readonly deletes: ReadonlyArray<{ readonly row: number; readonly count: number }>;
      /** Rows to append (after the deletes), or null. */
      readonly add: RowsAdd | null;
    };

/**
 * Runs of consecutive integers in an ascending list, as [start, count] pairs: rows to write or
 * delete in one call each.
 * @example integerRuns([1, 2, 3, 7, 8]) // [[1, 3], [7, 2]]
 */
export function integerRuns(sorted: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === i) last[1]++;
    else out.push([i, 1]);
  }
  return out;
}

/**
 * Plans a refresh of one table (a dataset table or a sources table) from its new block. A kept
 * row whose link changed (its source's URL, or its cell's text where the URLs are not known) is
 * updated too, with a link write.
 * @param block - the new content (header, rows, keys, formats) from planLoad
 * @param existing - the table as read: headers, our columns' values, the last row's formulas
 * @returns the writes, deletes and additions with the counts, or the headers of ours that are missing
 * @example planTableUpdate(plan.table, existing).counts // { updated: 3, added: 1, removed: 0, unchanged: 12 }
 */
export function planTableUpdate<C extends string>(block: TableBlock<C>, existing: ExistingTable): TableUpdate {
  const headerText = block.header.map(unescapeCellText);
  const pos = headerText.map((h) => existing.headers.indexOf(h));
  const missing = headerText.filter((_, j) => pos[j] < 0);
  if (missing.length > 0) return { ok: false, missing };

  const keyJ = block.columns.indexOf("key" as C);
  const keyCells = existing.body.get(pos[keyJ]) ?? [];
  const incoming = new Map<string, number>();
  block.keys.forEach((k, i) => {
    if (!incoming.has(k)) incoming.set(k, i);
  });

  // Our columns as contiguous groups in table order: [table col, plan index][].
  const order = block.columns.map((_, j) => j).sort((a, b) => pos[a] - pos[b]);
  const groups: number[][] = [];
  for (const j of order) {
    const group = groups[groups.length - 1];
    if (group && pos[group[group.length - 1]] + 1 === pos[j]) group.push(j);
    else groups.push([j]);
  }

  const linkColumns = [...block.links];
  const linkWrites: LinkWrite[] = [];
  const changed: number[] = [];
  const removed: number[] = [];
  const matched = new Set<string>();
  let unchanged = 0;
  const plannedFor = new Map<number, number>(); // existing row → incoming row
  for (let r = 0; r < existing.rowCount; r++) {
    const key = String(keyCells[r] ?? "").trim();
    if (key === "") continue; // a row the user added: not ours
    const i = incoming.get(key);
    if (i === undefined) {
      removed.push(r);
      continue;
    }
    matched.add(key);
    plannedFor.set(r, i);
    let relinked = false;
    for (const [j, urls] of linkColumns) {
      const had = existing.links?.get(pos[j])?.[r];
      if (had === undefined ? sameCell(existing.body.get(pos[j])?.[r], block.rows[i][j]) : had === urls[i]) continue;
      linkWrites.push({ row: r, col: pos[j], url: urls[i], text: block.rows[i][j] });
      relinked = true;
    }
    const differs = relinked || block.columns.some((_, j) => j !== keyJ && !sameCell(existing.body.get(pos[j])?.[r], block.rows[i][j]));
    if (differs) changed.push(r);
    else unchanged++;
  }

  const writes: BlockWrite[] = [];
  const formatWrites: BlockWrite[] = [];
  for (const [start, count] of integerRuns(changed)) {
    const rowsIn = Array.from({ length: count }, (_, k) => block.rows[plannedFor.get(start + k) as number]);
    for (const group of groups) {
      writes.push({ row: start, col: pos[group[0]], values: rowsIn.map((row) => group.map((j) => row[j])) });
    }
    for (const [j, formats] of block.formats) {
      formatWrites.push({
        row: start,
        col: pos[j],
        values: columnMatrix(Array.from({ length: count }, (_, k) => formats[plannedFor.get(start + k) as number])),
      });
    }
  }

  const addedIdx = block.keys.flatMap((k, i) => (matched.has(k) || incoming.get(k) !== i ? [] : [i]));
  let add: RowsAdd | null = null;
  if (addedIdx.length > 0) {
    const width = existing.headers.length;
    const ours = new Set(pos);
    const values = addedIdx.map((i) => {
      const row: Cell[] = new Array<Cell>(width).fill("");
      block.columns.forEach((_, j) => {
        row[pos[j]] = block.rows[i][j];
      });
      return row;
    });
    const formats = [...block.formats].map(([j, f]) => ({ col: pos[j], values: columnMatrix(addedIdx.map((i) => f[i])) }));
    const formulasR1C1: Array<{ col: number; formula: string }> = [];
    (existing.lastRowFormulasR1C1 ?? []).forEach((f, col) => {
      if (!ours.has(col) && typeof f === "string" && f.startsWith("=")) formulasR1C1.push({ col, formula: f });
    });
    const links = linkColumns.flatMap(([j, urls]) => addedIdx.flatMap((i, k) => (urls[i] === "" ? [] : [{ row: k, col: pos[j], url: urls[i], text: block.rows[i][j] }])));
    add = { values, formats, formulasR1C1, links };
  }

  return {
    ok: true,
    counts: { updated: changed.length, added: addedIdx.length, removed: removed.length, unchanged },
    writes,
    formatWrites,
    linkWrites,
    deletes: integerRuns(removed)
      .reverse()
      .map(([row, count]) => ({ row, count })),
    add,
  };
}

/**
 * Adds refresh counts of several tables.
 * @example sumCounts([{updated: 1, added: 0, removed: 0, unchanged: 2}, {updated: 2, added: 1, removed: 0, unchanged: 0}]).updated // 3
 */
export function sumCounts(all: readonly RefreshCounts[]): RefreshCounts {
  return all.reduce(
    (a, c) => ({ updated: a.updated + c.updated, added: a.added + c.added, removed: a.removed + c.removed, unchanged: a.unchanged + c.unchanged }),
    { updated: 0, added: 0, removed: 0, unchanged: 0 },
  );
}
