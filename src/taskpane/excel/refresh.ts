/* Refreshing loaded tables in place from new versions of their datasets: one Excel.run, three
 * syncs up to about 30,000 cells (find the tables; read them; write), more past Excel on the web's
 * 5,000,000-byte limits: the tables are read in row slices that fit a response (reads.ts) and the
 * writes go out in requests that fit (steps.ts).
 *
 * Rows are added the way Microsoft recommends for workbooks others may be editing at the same
 * time (TableRowCollection.add raises merge conflicts there): blank cells are inserted below the
 * table in its columns (so what sits below, the sources table first, moves down intact), the
 * table is resized over them, and the new rows are written with Range.values.
 *
 * All or nothing. Excel applies a batch's operations one by one and stops at the first that fails,
 * without undoing the ones before (and a large write goes out in several requests). So the read
 * takes a snapshot of everything the refresh may change: each table's whole body (values, formulas
 * and number formats, the user's columns and rows included), the as-of row, the records, and how
 * many blank rows sit below each table. When a write fails, the same Excel.run reads the tables as
 * they now are, takes out blank rows a half-done addition left below a table, puts the rows,
 * cells, formats and links back from the snapshot and the records as they were, and reports the
 * failure: the workbook is left as it was before the refresh, not half-updated.
 *
 * Links (a Source cell → its document, a source's URL cell → itself) are not read back, which
 * would cost a request per cell: what each cell links to is known from the sources table as read
 * (key → URL), as the load wrote it. A link moves with its cell when rows are deleted, so a
 * repair puts back the link of every row, not only of the rows written. */
import type { Dataset } from "../../core/data/schema";
import {
  DATE_FORMAT,
  FORMATS,
  SOURCE_COLUMNS,
  escapeCellText,
  OPERATION_OVERHEAD_BYTES,
  SHEET_LABELS,
  matrixBytes,
  planLoad,
  planTableUpdate,
  rowSlices,
  unescapeCellText,
  type Cell,
  type ExistingTable,
  type LinkWrite,
  type LoadPlan,
  type RefreshCounts,
  type TableColumn,
  type TableBlock,
  type TableUpdate,
} from "../../core/sheet";
import { restoreCells } from "../../core/sheet/restore";
import { FIRST_RELEASE_LACKED, firstReleaseSources, formerTableHeaders, isFirstReleaseTable } from "../../core/sheet/layout";
import { applyCheck, bodyCellAddress, checkTable, keptAfter, keptStanding, needsAnswer, type KeptEdit, type TableCheck } from "../../core/sheet/verify";
import { SETTING_KEYS, mergeRecords, parseRecords, type TableRecord } from "../records";
import { readBlocks, type Cells } from "./reads";
import { queueRecords } from "./settings";
import { EXCEL_LIMITS, StepsFailedError, WritesFailedError, linkSteps, matrixSteps, runSteps, smallStep, type PayloadLimits, type Progress, type Step } from "./steps";

export interface RefreshItem {
  readonly record: TableRecord;
  /** A newer version to write, or null when the table already shows the latest. */
  readonly dataset: Dataset | null;
  /**
   * The version the table records (the built-in or the feed's copy of it): its cells are checked
   * against it before anything is decided. Null when this AIFIN does not hold that version (the
   * cells cannot be checked; a newer version is written all the same, and the outcome says so).
   */
  readonly recorded?: Dataset | null;
  /** The feed file's sha256 (null with no new version, or for built-in data). */
  readonly hash: string | null;
  /** The dataset's id now, when the record names one of its former ids (the record follows it). */
  readonly datasetId?: string;
  /** The user's answer to what the last check found: put the data back, or keep the edits. */
  readonly answer?: "restore" | "keep";
}

export interface RefreshRequest {
  readonly items: readonly RefreshItem[];
  /** The time of the refresh, ISO 8601. */
  readonly now: string;
  readonly onProgress?: Progress;
  /** Payload limits: Excel on the web's by default (tests pass smaller ones to force several requests). */
  readonly limits?: PayloadLimits;
}

/** A cell of ours that differs from the data: where, which column, what it holds and what the data says (as read and as planned, unescaped). */
export interface CellReport {
  readonly address: string;
  readonly column: TableColumn;
  readonly found: Cell;
  readonly expected: Cell;
}

/** What a check found in a table: the cells, the columns and the rows that are not as the data has them. */
export interface CheckReport {
  readonly cells: readonly CellReport[];
  /** Our columns under the user's headers: [the user's header, ours]. */
  readonly renamed: ReadonlyArray<readonly [string, string]>;
  /** Our columns that were deleted (their headers). */
  readonly deleted: readonly string[];
  readonly cleared: number;
  readonly removed: number;
}

/** What a refresh did besides the data's own changes: repairs, kept edits, the layout, the table's new names. */
export interface Repairs {
  /** The cells were checked against the version the table records. */
  readonly verified: boolean;
  /** Cells of ours put back to the data (the user's answer). */
  readonly restored: readonly CellReport[];
  /** The user's edits kept, still standing (reported every refresh, never overwritten). */
  readonly kept: readonly CellReport[];
  /** Headers of ours put back: [the header found, ours]. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** Columns of ours put back (deleted by the user, or new since an earlier release). */
  readonly columnsAdded: readonly string[];
  /** Rows of the data put back (cleared or deleted), and rows the user keeps out. */
  readonly rowsRestored: number;
  readonly rowsKeptOut: number;
  /** The table was in the first release's layout and now has the current one. */
  readonly layoutRepaired: boolean;
  /** The former dataset id the table was loaded from, when it now follows the current one. */
  readonly formerId: string | null;
  /** The table's sheet, when it was renamed since AIFIN last saw it: [old name, new name]. */
  readonly sheetRenamed: readonly [string, string] | null;
}

export type TableOutcome =
  | { readonly kind: "refreshed"; readonly record: TableRecord; readonly counts: RefreshCounts; readonly renamedFrom: string | null; readonly sourcesMissing: boolean; readonly repairs: Repairs; readonly newVersion: boolean }
  | { readonly kind: "upToDate"; readonly record: TableRecord; readonly renamedFrom: string | null; readonly repairs: Repairs | null }
  /** The check found edits or damage the user has not answered for: nothing was written to this table. */
  | { readonly kind: "edited"; readonly record: TableRecord; readonly renamedFrom: string | null; readonly report: CheckReport; readonly newVersion: boolean; readonly sheet: string }
  /** Deleted (told apart from a rename by Excel's id; `sheet` says whether its worksheet is still there), or renamed before AIFIN knew its id. */
  | { readonly kind: "missing"; readonly record: TableRecord; readonly sheet: "present" | "deleted" | "unknown" }
  /** Headers of ours were renamed or deleted by the user: the table was not touched. */
  | { readonly kind: "columnsMissing"; readonly record: TableRecord; readonly missing: string[] }
  /** Rows must be added or deleted but the user filtered the table (Excel refuses): not touched. */
  | { readonly kind: "filtered"; readonly record: TableRecord };

export interface RefreshResult {
  readonly outcomes: TableOutcome[];
  /** Every table record of the workbook after the refresh (as saved). */
  readonly records: TableRecord[];
  readonly syncs: number;
}

/** A table as found in sync 1. */
interface Located {
  readonly name: string;
  readonly id: string;
  readonly renamedFrom: string | null;
}

function locate(record: TableRecord, items: readonly { name: string; id: string }[]): Located | null {
  // Excel's id first (it survives renames); the name only where the id is unknown or matches.
  const byId = record.tableId === null ? undefined : items.find((t) => t.id === record.tableId);
  if (byId) return { name: byId.name, id: byId.id, renamedFrom: byId.name === record.tableName ? null : record.tableName };
  const byName = items.find((t) => t.name.toLowerCase() === record.tableName.toLowerCase());
  if (byName && (record.tableId === null || byName.id === record.tableId)) return { name: byName.name, id: byName.id, renamedFrom: null };
  return null;
}

/**
 * Rows below a table whose blankness is noted before any write: the separator row and the caption
 * of our layout (ROWS_BETWEEN_TABLES) and one more. A failed addition is recognised against it.
 */
const BELOW_PROBE_ROWS = 3;

/** The proxies of one table read in sync 2 (its body comes through readBlocks). */
interface TableRead {
  readonly table: Excel.Table;
  /** The table's filter state (Excel refuses to insert or delete rows of a filtered table). */
  readonly filter: Excel.AutoFilter | null;
  /** The header row: its values, and where it is (rowIndex, columnIndex) for the cells' addresses. */
  readonly header: Excel.Range;
  readonly lastRow: Excel.Range;
  /** The rows just below the table (formulas: "" only for a blank cell). */
  readonly below: Excel.Range;
  /** The table's worksheet (name and id). */
  readonly sheet: Excel.Worksheet;
}

function queueRead(tables: Excel.TableCollection, name: string, filtered: boolean): TableRead {
  const table = tables.getItem(name);
  const header = table.getHeaderRowRange();
  header.load("values, rowIndex, columnIndex");
  const sheet = table.worksheet;
  sheet.load("name, id");
  const lastRow = table.getDataBodyRange().getLastRow();
  lastRow.load("formulasR1C1");
  const filter = filtered ? table.autoFilter : null;
  filter?.load("isDataFiltered");
  const below = table.getRange().getRowsBelow(BELOW_PROBE_ROWS);
  below.load("formulas");
  return { table, filter, header, lastRow, below, sheet };
}

/** The number of blank rows at the top of a block read through `formulas`. */
function leadingBlankRows(formulas: readonly (readonly unknown[])[]): number {
  let n = 0;
  while (n < formulas.length && formulas[n].every((f) => f === "" || f === null)) n++;
  return n;
}

/** The headers of ours and where they stand; -1 when missing. */
function ourPositions<C extends string>(block: TableBlock<C>, headers: readonly string[]): number[] {
  return block.header.map((h) => headers.indexOf(unescapeCellText(h)));
}

/**
 * The table as read: headers, every column's values by table column index, the last row's
 * formulas, and the URL each cell of a link column links to now (`positions`: where our columns
 * are; `urlOf` its text: a source's key → the URL the sources table holds for it, a URL → itself).
 */
function existingFrom<C extends string>(block: TableBlock<C>, read: TableRead, cells: Cells, rowCount: number, positions: readonly number[], urlOf: ((column: number, text: string) => string) | null): ExistingTable {
  const headers = (read.header.values[0] ?? []).map((h) => String(h));
  const values = cells.values as Cell[][];
  const body = new Map<number, Cell[]>(headers.map((_, p) => [p, values.map((row) => row[p])]));
  const links = new Map<number, string[]>();
  if (urlOf) {
    for (const j of block.links.keys()) if (positions[j] >= 0) links.set(positions[j], (body.get(positions[j]) ?? []).map((text) => urlOf(j, String(text))));
  }
  return { headers, body, rowCount, lastRowFormulasR1C1: (read.lastRow.formulasR1C1[0] ?? null) as Cell[] | null, links };
}

/** A URL as a link's address, or "" (the text of a cell that is no URL links nowhere). */
function asUrl(text: string): string {
  return /^https?:\/\//i.test(text) ? text : "";
}

/**
 * What the cells of a dataset table's Source column link to: the URL of each source key as the
 * sources table read shows it (its Source and URL columns, found by header), or null when that
 * table is missing or its headers were renamed (links are then taken to follow the cells' text).
 */
function sourceUrls(plan: LoadPlan, sources: TableRead | null, cells: Cells | null): Map<string, string> | null {
  if (!sources || !cells) return null;
  const headers = (sources.header.values[0] ?? []).map((h) => String(h));
  const positions = ourPositions(plan.sources, headers);
  const key = positions[SOURCE_COLUMNS.indexOf("key")];
  const url = positions[SOURCE_COLUMNS.indexOf("url")];
  if (key < 0 || url < 0) return null;
  return new Map((cells.values as unknown[][]).map((row) => [String(row[key]), asUrl(String(row[url]))]));
}

/** Rows a table gains: how many, the body rows it has once it took them, and the index of the step that inserts them below it. */
interface Growth {
  readonly rows: number;
  readonly rowsAfter: number;
  readonly step: number;
}

/** What a refresh may change, as read before any write: a table (whole body, with what its link columns link to) or the as-of row. */
type Snapshot =
  | {
      readonly kind: "table";
      readonly owner: string;
      readonly table: Excel.Table;
      readonly rowCount: number;
      readonly cells: Cells;
      /** Blank rows that sat just below the table (BELOW_PROBE_ROWS meaning "at least that many"). */
      readonly blankBelow: number;
      /** Rows the refresh adds to it, once known. */
      growth: Growth | null;
      /** Every cell of its link columns, with the URL it links to ("" for none). */
      readonly links: readonly LinkWrite[];
      /** Its header row as read (put back, with the columns a refresh added taken out, when a write fails). */
      readonly header: Cell[];
    }
  | { readonly kind: "range"; readonly owner: string; readonly range: Excel.Range; readonly cells: Cells };

/** The snapshot of a table: its body's cells, the blank rows below it, and every cell of a link column with the URL it links to ("" for none). */
function tableSnapshot(owner: string, read: TableRead, cells: Cells, existing: ExistingTable): Extract<Snapshot, { kind: "table" }> {
  const links: LinkWrite[] = [];
  for (const [col, urls] of existing.links ?? []) {
    const texts = existing.body.get(col) ?? [];
    urls.forEach((url, row) => links.push({ row, col, url, text: escapeCellText(String(texts[row] ?? "")) }));
  }
  return { kind: "table", owner, table: read.table, rowCount: existing.rowCount, cells, blankBelow: leadingBlankRows(read.below.formulas), growth: null, links, header: (read.header.values[0] ?? []) as Cell[] };
}

/**
 * A step that inserts `count` rows of blank cells just below a table, in its columns (what is below
 * moves down), and resizes the table over them: `rows` body rows become `rows + count`. The header
 * row stays where it is, so the new size is counted from it.
 */
function growStep(table: Excel.Table, rows: number, count: number): Step {
  return smallStep(() => {
    table.getRange().getRowsBelow(count).insert("Down");
    table.resize(table.getHeaderRowRange().getResizedRange(rows + count, 0));
  });
}

/** A step that takes `count` rows of cells out just below a table, in its columns (what is below moves up). */
function shrinkBelowStep(table: Excel.Table, count: number): Step {
  return smallStep(() => table.getRange().getRowsBelow(count).delete("Up"));
}

/**
 * How many blank rows a failed addition left below a table (inserted, never taken into it). Where
 * something stood within BELOW_PROBE_ROWS rows below the table before, the blank rows below now
 * tell exactly. Where nothing did (no telling from below), they were left when the insert was
 * sent and the table does not have the rows it would have taken; only blank rows are taken out.
 */
function leftBehind(s: Extract<Snapshot, { kind: "table" }>, rowsNow: number, blankNow: number, sent: boolean): number {
  const growth = s.growth;
  if (!growth) return 0;
  if (s.blankBelow < BELOW_PROBE_ROWS) return blankNow - s.blankBelow >= growth.rows ? growth.rows : 0;
  return sent && rowsNow !== growth.rowsAfter && blankNow >= growth.rows ? growth.rows : 0;
}

/** The steps that put snapshots back: blank rows left below taken out, row count, then every cell's formula or value and number format, then every link. */
function restoreSteps(snapshots: readonly Snapshot[], now: readonly ({ rows: number; blankBelow: number; columns: number } | null)[], sent: (step: number) => boolean, sliceBytes: number): Step[] {
  const steps: Step[] = [];
  snapshots.forEach((s, i) => {
    const cells = restoreCells(s.cells.values, s.cells.formulas);
    const formats = s.cells.formats as Cell[][];
    if (s.kind === "range") {
      const range = s.range;
      steps.push({
        bytes: matrixBytes(cells) + matrixBytes(formats) + OPERATION_OVERHEAD_BYTES,
        run: () => {
          range.formulas = cells;
          range.numberFormat = formats as string[][];
        },
      });
      return;
    }
    const { table, rowCount: rows } = s;
    const width = s.header.length;
    const current = now[i] ?? { rows, blankBelow: s.blankBelow, columns: width };
    // Columns the refresh added (at the table's end) taken out again, last first; the header as it was.
    for (let c = current.columns - 1; c >= width; c--) steps.push(smallStep(() => table.columns.getItemAt(c).delete()));
    steps.push({ bytes: matrixBytes([s.header]) + OPERATION_OVERHEAD_BYTES, run: () => void (table.getHeaderRowRange().values = [s.header]) });
    const extra = leftBehind(s, current.rows, current.blankBelow, s.growth !== null && sent(s.growth.step));
    if (extra > 0) steps.push(shrinkBelowStep(table, extra));
    if (current.rows > rows) {
      steps.push(smallStep(() => table.getDataBodyRange().getRow(rows).getResizedRange(current.rows - rows - 1, 0).delete("Up")));
    } else if (current.rows < rows) {
      steps.push(growStep(table, current.rows, rows - current.rows));
    }
    const at = (offset: number, count: number) => table.getDataBodyRange().getCell(offset, 0).getResizedRange(count - 1, width - 1);
    steps.push(...matrixSteps(cells, at, "formulas", sliceBytes));
    steps.push(...matrixSteps(formats, at, "numberFormat", sliceBytes));
    steps.push(...linkSteps(s.links, (row, col) => table.getDataBodyRange().getCell(row, col), sliceBytes));
  });
  return steps;
}

/**
 * Puts back what a failed write may have changed: reads the tables as they are now (rows, and the
 * blank rows below those that were to grow) and the records setting, then takes out blank rows a
 * half-done addition left, restores rows, cells and formats from the snapshots, and the records as
 * they were. Two syncs or more (past the payload limit).
 */
async function restore(context: Excel.RequestContext, snapshots: readonly Snapshot[], sent: (step: number) => boolean, records: { readonly touched: boolean; readonly original: unknown }, limits: PayloadLimits): Promise<void> {
  const reads = snapshots.map((s) => {
    if (s.kind !== "table") return null;
    const body = s.table.getDataBodyRange();
    body.load("rowCount");
    const below = s.growth ? s.table.getRange().getRowsBelow(s.growth.rows + BELOW_PROBE_ROWS) : null;
    below?.load("formulas");
    const header = s.table.getHeaderRowRange();
    header.load("columnCount");
    return { body, below, header };
  });
  const setting = records.touched ? context.workbook.settings.getItemOrNullObject(SETTING_KEYS.tables) : null;
  setting?.load("value");
  await context.sync();
  const now = reads.map((r, i) => {
    const s = snapshots[i];
    if (!r || s.kind !== "table") return null;
    return { rows: r.body.rowCount, blankBelow: r.below ? leadingBlankRows(r.below.formulas) : s.blankBelow, columns: r.header.columnCount };
  });
  const steps = restoreSteps(snapshots, now, sent, limits.sliceBytes);
  if (setting) {
    const current = setting.isNullObject ? undefined : (setting.value as unknown);
    if (JSON.stringify(current) !== JSON.stringify(records.original)) {
      steps.push(
        smallStep(() => {
          if (records.original === undefined) context.workbook.settings.getItem(SETTING_KEYS.tables).delete();
          else context.workbook.settings.add(SETTING_KEYS.tables, records.original);
        }),
      );
    }
  }
  await runSteps(context, steps, undefined, limits);
}

/** A refresh whose writes failed: the tables it may have changed were put back (`restored`), or could not be. */
export class RefreshFailedError extends WritesFailedError {
  override readonly name = "RefreshFailedError";
  constructor(
    failure: unknown,
    /** The dataset tables concerned (current names). */
    readonly tables: string[],
    restored: boolean,
    restoreError: unknown,
  ) {
    super(failure, restored, restoreError);
  }
}

/**
 * The steps that apply a table update, in order: rewrites and their links, deletions (last first),
 * then the added rows: blank cells inserted below the table and taken into it (one step), then
 * their values, number formats and the user's calculated columns written with Range.values and
 * formulasR1C1, then their links.
 * @param rowCount - the table's body rows before the update
 * @param first - the index the first of these steps will have among all the refresh's steps
 * @returns the steps, and the rows added with the index of the step that inserts them
 */
function updateSteps(table: Excel.Table, update: Extract<TableUpdate, { ok: true }>, rowCount: number, first: number, sliceBytes: number): { steps: Step[]; growth: Growth | null } {
  const steps: Step[] = [];
  const at = (row: number, col: number, rows: number, cols: number) => table.getDataBodyRange().getCell(row, col).getResizedRange(rows - 1, cols - 1);
  const cellAt = (row: number, col: number) => table.getDataBodyRange().getCell(row, col);
  for (const w of update.writes) steps.push(...matrixSteps(w.values, (o, n) => at(w.row + o, w.col, n, w.values[0].length), "values", sliceBytes));
  for (const w of update.formatWrites) steps.push(...matrixSteps(w.values, (o, n) => at(w.row + o, w.col, n, 1), "numberFormat", sliceBytes));
  // Before the deletes: the rows are still where they were read.
  steps.push(...linkSteps(update.linkWrites, cellAt, sliceBytes));
  // Whole table rows, so that columns the user added to the table move with their rows.
  for (const d of update.deletes) steps.push(smallStep(() => table.getDataBodyRange().getRow(d.row).getResizedRange(d.count - 1, 0).delete("Up")));
  const add = update.add;
  if (!add) return { steps, growth: null };
  const kept = rowCount - update.deletes.reduce((n, d) => n + d.count, 0);
  const growth = { rows: add.values.length, rowsAfter: kept + add.values.length, step: first + steps.length };
  steps.push(growStep(table, kept, add.values.length));
  // Sized by everything a row brings: its values, its formats and the filled-down formulas.
  const sizing = add.values.map((row, i) => [...row, ...add.formats.map((f) => f.values[i][0]), ...add.formulasR1C1.map((f) => f.formula)]);
  const width = add.values[0].length;
  for (const [start, end] of rowSlices(sizing, sliceBytes)) {
    const values = add.values.slice(start, end);
    const count = end - start;
    steps.push({
      bytes: matrixBytes(sizing.slice(start, end)) + OPERATION_OVERHEAD_BYTES * (2 + add.formats.length + add.formulasR1C1.length),
      run: () => {
        const rows = at(kept + start, 0, count, width);
        rows.values = values;
        for (const f of add.formats) rows.getColumn(f.col).numberFormat = f.values.slice(start, end);
        for (const f of add.formulasR1C1) rows.getColumn(f.col).formulasR1C1 = Array.from({ length: count }, () => [f.formula]);
      },
    });
  }
  steps.push(...linkSteps(add.links.map((l) => ({ ...l, row: kept + l.row })), cellAt, sliceBytes));
  return { steps, growth };
}

/** The as-of row of a table still shows our label (the user has not typed over it). */
function isAsOfRow(values: readonly (readonly unknown[])[] | undefined): boolean {
  const label = values?.[0]?.[0];
  return typeof label === "string" && Object.values(SHEET_LABELS.asOf).includes(label as never);
}

/** One table to refresh, with its plans and its proxies. */
interface Work {
  readonly index: number;
  readonly item: RefreshItem;
  readonly located: Located;
  /** The version written: the newer one, or the recorded one (repairs only). */
  readonly plan: LoadPlan;
  /** The version the table records, planned, to check the cells against (null: not held). */
  readonly recordedPlan: LoadPlan | null;
  readonly main: TableRead;
  readonly sources: TableRead | null;
  readonly asOf: Excel.Range | null;
}

/** A table's sources table: by Excel's id, else by name. */
function locateSources(record: TableRecord, items: readonly { name: string; id: string }[]): { name: string; id: string } | null {
  const byId = record.sourcesTableId === null ? undefined : items.find((t) => t.id === record.sourcesTableId);
  if (byId) return byId;
  const byName = items.find((t) => t.name.toLowerCase() === record.sourcesTableName.toLowerCase());
  return byName && (record.sourcesTableId === null || byName.id === record.sourcesTableId) ? byName : null;
}

/** The text of a cell as a report shows it: unescaped text, numbers as they are. */
function reported<C extends string>(check: TableCheck<C>, origin: { row: number; column: number }): CellReport[] {
  return check.cells.map((c) => ({ address: bodyCellAddress(origin, c.row, c.col), column: c.column as unknown as TableColumn, found: c.found, expected: c.expected }));
}

/**
 * The sources table of the first release, as the current layout sees it: the current headers at
 * its six columns (written back), and each row's key taken from its old key column, so its rows are
 * matched by source and rewritten in place.
 */
function firstReleaseSourcesTable(plan: LoadPlan, existing: ExistingTable, at: Partial<Record<string, number>>): { existing: ExistingTable; headerWrites: Array<{ col: number; text: string }> } {
  const headers = plan.sources.header.map(unescapeCellText);
  const body = new Map(existing.body);
  const keyAt = plan.sources.columns.indexOf("key");
  body.set(keyAt, existing.body.get(at.key ?? -1) ?? new Array<Cell>(existing.rowCount).fill(""));
  return { existing: { ...existing, headers, body, links: undefined }, headerWrites: plan.sources.header.map((text, col) => ({ col, text })) };
}

/** Steps that add columns at a table's end (header and blank cells) and write header cells. */
function structureSteps(table: Excel.Table, rowCount: number, addColumns: readonly string[], headerWrites: ReadonlyArray<{ readonly col: number; readonly text: string }>): Step[] {
  const steps: Step[] = addColumns.map((header) => {
    const values: Cell[][] = [[header], ...Array.from({ length: rowCount }, () => [""])];
    return { bytes: matrixBytes(values) + OPERATION_OVERHEAD_BYTES, run: () => void table.columns.add(undefined, values) };
  });
  for (const w of headerWrites) steps.push(smallStep(() => void (table.getHeaderRowRange().getCell(0, w.col).values = [[w.text]])));
  return steps;
}

/** No write at all in an update. */
function writesNothing(update: Extract<TableUpdate, { ok: true }>): boolean {
  return update.writes.length === 0 && update.formatWrites.length === 0 && update.linkWrites.length === 0 && update.deletes.length === 0 && update.add === null;
}

/**
 * Refreshes loaded dataset tables in place. Each table is found by Excel's id (so a renamed table
 * or sheet is still found; a deleted one is told apart), then checked: every cell of ours is
 * compared with the version the table records. Edits and damage (a cell typed over, a column of
 * ours renamed or deleted, a row cleared or deleted) that the user has not answered for are
 * reported by cell and the table is left as it is (outcome "edited"); with an answer, the data is
 * put back, or the edits are kept (remembered in the record, reported each time, never
 * overwritten), and the table is brought to the newest version: rows whose figures changed are
 * rewritten where they stand, rows no longer in the data are deleted, new rows are added (inserted
 * below and written with Range.values, never TableRowCollection.add). Only our columns are
 * written, found by header wherever the user moved them, so columns the user added, rows the user
 * added, formulas referring to the table and the rest of the sheet survive. A table of the first
 * release's layout gets the columns it lacked and its sources table the current columns. The
 * sources table and the as-of row follow; the records in workbook.settings are updated. A table
 * that is filtered when rows must be added or deleted is reported and left untouched. When a
 * write fails, everything the refresh changed is put back (see the top of this file) and a
 * RefreshFailedError says so.
 * @param context - the request context of the user action (one Excel.run)
 * @param request - the tables with their recorded and new versions (validated), and the time
 * @returns what happened to each table, the records saved and the syncs made
 * @throws RefreshFailedError when a write failed: `restored` says whether the workbook is as before
 */
export async function refreshTables(context: Excel.RequestContext, request: RefreshRequest): Promise<RefreshResult> {
  const { workbook } = context;
  const limits = request.limits ?? EXCEL_LIMITS;
  const tables = workbook.tables;
  tables.load("items/name, items/id");
  const sheets = workbook.worksheets;
  sheets.load("items/name, items/id");
  const names = workbook.names;
  names.load("items/name");
  const setting = workbook.settings.getItemOrNullObject(SETTING_KEYS.tables);
  setting.load("value");
  await context.sync();
  let syncs = 1;

  const present = tables.items.map((t) => ({ name: t.name, id: t.id }));
  const sheetIds = new Set(sheets.items.map((w) => w.id));
  const nameSet = new Set(names.items.map((n) => n.name.toLowerCase()));
  const outcomes: TableOutcome[] = new Array<TableOutcome>(request.items.length);
  const updatedRecords: TableRecord[] = [];
  const removed: string[] = [];
  const renamed = new Map<string, string>();
  const work: Work[] = [];
  // The version written and the one checked against, per item (null: nothing to read).
  const plans = request.items.map((item) => {
    const recordedPlan = item.recorded ? planLoad(item.recorded, item.record.lang) : null;
    const written = item.dataset ? planLoad(item.dataset, item.record.lang) : recordedPlan;
    return { recordedPlan, plan: written };
  });

  // What sync 2 reads besides the bodies (queued again if that sync is asked again, smaller).
  const queueWork = () => {
    work.length = 0;
    request.items.forEach((item, index) => {
      const located = locate(item.record, present);
      const { plan, recordedPlan } = plans[index];
      if (!located || plan === null) return;
      const sources = locateSources(item.record, present);
      const asOf = nameSet.has(item.record.asOfName.toLowerCase()) ? names.getItem(item.record.asOfName).getRange() : null;
      asOf?.load("values, formulas, numberFormat");
      work.push({ index, item, located, plan, recordedPlan, main: queueRead(tables, located.name, true), sources: sources ? queueRead(tables, sources.name, false) : null, asOf });
    });
  };
  request.items.forEach((item, index) => {
    const located = locate(item.record, present);
    if (!located) {
      const sheet = item.record.worksheetId === null ? "unknown" : sheetIds.has(item.record.worksheetId) ? "present" : "deleted";
      outcomes[index] = { kind: "missing", record: item.record, sheet };
      removed.push(item.record.tableName);
      return;
    }
    if (located.renamedFrom) renamed.set(located.renamedFrom, located.name);
    if (plans[index].plan === null) {
      // Neither a newer version nor the recorded one is held: nothing to check the table against.
      const known = { ...item.record, tableName: located.name, tableId: located.id };
      outcomes[index] = { kind: "upToDate", record: known, renamedFrom: located.renamedFrom, repairs: null };
      updatedRecords.push(known);
    }
  });
  // Bodies: each work item's main table, then its sources table (when present).
  const toRead = request.items.flatMap((item, index) => {
    const located = locate(item.record, present);
    const plan = plans[index].plan;
    if (!located || !plan) return [];
    const main = { block: () => tables.getItem(located.name).getDataBodyRange(), expectedColumns: plan.table.columns.length };
    const sources = locateSources(item.record, present);
    return sources ? [main, { block: () => tables.getItem(sources.name).getDataBodyRange(), expectedColumns: plan.sources.columns.length }] : [main];
  });
  let bodies: Awaited<ReturnType<typeof readBlocks>> | null = null;
  if (toRead.length > 0) {
    bodies = await readBlocks(context, toRead, limits, queueWork);
    syncs += bodies.syncs;
  }

  // Every step has an owner: the snapshot that undoes it (-1 for the records).
  const steps: Step[] = [];
  const owners: number[] = [];
  const snapshots: Snapshot[] = [];
  const own = (snapshot: Snapshot | null, added: Step[]) => {
    if (added.length === 0) return;
    let owner = -1;
    if (snapshot) {
      owner = snapshots.length;
      snapshots.push(snapshot);
    }
    steps.push(...added);
    for (let k = 0; k < added.length; k++) owners.push(owner);
  };
  let block = 0;
  for (const w of work) {
    const mainAt = block++;
    const sourcesAt = w.sources ? block++ : -1;
    const read = bodies as NonNullable<typeof bodies>;
    const mainCells = read.cells[mainAt];
    const mainRows = read.rowCounts[mainAt];
    const sourcesCells = sourcesAt >= 0 ? read.cells[sourcesAt] : null;
    const sourcesRows = sourcesAt >= 0 ? read.rowCounts[sourcesAt] : 0;
    const { record: old, answer } = w.item;
    const lang = old.lang;
    const headers = (w.main.header.values[0] ?? []).map((h) => String(h));
    const rows = mainCells.values as Cell[][];
    const origin = { row: w.main.header.rowIndex, column: w.main.header.columnIndex };
    const firstRelease = isFirstReleaseTable(headers, lang);
    const former = formerTableHeaders(lang);
    // The check against the recorded version (a first-release table's version is not that layout's: not checked).
    const check = w.recordedPlan && !firstRelease ? checkTable(w.recordedPlan.table, headers, rows, old.kept, former) : null;
    const record: TableRecord = {
      ...old,
      datasetId: w.item.datasetId ?? old.datasetId,
      tableName: w.located.name,
      tableId: w.located.id,
      worksheetId: w.main.sheet.id,
      sheetName: w.main.sheet.name,
      sourcesTableName: locateSources(old, present)?.name ?? old.sourcesTableName,
      sourcesTableId: locateSources(old, present)?.id ?? old.sourcesTableId,
    };
    // Where our columns are in the version written (the same columns as the recorded one): the
    // structure is taken from the check, or found against the version written where there is none
    // (then only its columns can be judged: a cell that differs may be the newer data's change).
    const structure = check ?? checkTable(w.plan.table, headers, rows, old.kept, former);
    // A first-release table lacks some columns by its layout, not by the user: those are added unasked.
    const asked: TableCheck<TableColumn> = check ?? { ...structure, deleted: structure.deleted.filter((c) => !(firstRelease && FIRST_RELEASE_LACKED.includes(c))), cells: [], cleared: [], removed: [] };
    if (answer === undefined && needsAnswer(asked)) {
      const report: CheckReport = {
        cells: reported({ ...asked, cells: asked.cells.filter((c) => !c.kept) }, origin),
        renamed: asked.renamed.filter((r) => !r.kept && !r.former).map((r) => [r.header, unescapeCellText(w.plan.table.header[w.plan.table.columns.indexOf(r.column)])] as const),
        deleted: asked.deleted.map((c) => unescapeCellText(w.plan.table.header[w.plan.table.columns.indexOf(c)])),
        cleared: asked.cleared.length,
        removed: asked.removed.filter((r) => !r.kept).length,
      };
      outcomes[w.index] = { kind: "edited", record, renamedFrom: w.located.renamedFrom, report, newVersion: w.item.dataset !== null, sheet: w.main.sheet.name };
      updatedRecords.push(record);
      continue;
    }
    // Kept: what the user keeps now (everything the check found), else the edits kept before that still stand.
    const kept: KeptEdit[] = answer === "keep" ? [...keptAfter(asked), ...(check ? [] : keptStanding(structure).filter((k) => k.kind !== "header"))] : keptStanding(structure);
    const sourceCol = w.plan.table.columns.indexOf("source");
    const sourcesFirst = w.sources && sourcesCells ? firstReleaseSources(w.sources.header.values[0] ?? [], lang) : null;
    const urls = sourcesFirst ? null : sourceUrls(w.plan, w.sources, sourcesCells);
    // Without the sources table, a Source cell is taken to link where the new data says its key does.
    const newUrls = new Map(w.plan.sources.keys.map((k, i) => [k, w.plan.sources.links.get(SOURCE_COLUMNS.indexOf("url"))?.[i] ?? ""]));
    const existing = existingFrom(w.plan.table, w.main, mainCells, mainRows, structure.positions, (j, text) => (j === sourceCol ? ((urls ?? newUrls).get(text) ?? "") : ""));
    const applied = applyCheck(w.plan.table, existing, structure, kept);
    const update = planTableUpdate(applied.block, applied.existing);
    if (!update.ok) {
      outcomes[w.index] = { kind: "columnsMissing", record, missing: update.missing };
      updatedRecords.push(record);
      continue;
    }
    if (w.main.filter?.isDataFiltered && (update.deletes.length > 0 || update.add !== null || applied.addColumns.length > 0)) {
      outcomes[w.index] = { kind: "filtered", record };
      updatedRecords.push(record);
      continue;
    }
    const owner = w.located.name;
    const mainSnapshot = tableSnapshot(owner, w.main, mainCells, existing);
    const repairSteps = structureSteps(w.main.table, mainRows, applied.addColumns, applied.headerWrites);
    const mainSteps = updateSteps(w.main.table, update, mainRows, steps.length + repairSteps.length, limits.sliceBytes);
    mainSnapshot.growth = mainSteps.growth;
    own(mainSnapshot, [...repairSteps, ...mainSteps.steps]);
    let sourcesOk = false;
    let sourcesRepaired = false;
    if (w.sources && sourcesCells) {
      const sourcesHeaders = (w.sources.header.values[0] ?? []).map((h) => String(h));
      const sourcesStructure = checkTable(w.plan.sources, sourcesHeaders, sourcesCells.values as Cell[][], []);
      const read0 = existingFrom(w.plan.sources, w.sources, sourcesCells, sourcesRows, sourcesStructure.positions, (_, text) => asUrl(text));
      const prepared = sourcesFirst ? { ...firstReleaseSourcesTable(w.plan, read0, sourcesFirst), addColumns: [] as string[] } : (() => {
        const a = applyCheck(w.plan.sources, read0, sourcesStructure, []);
        return { existing: a.existing, headerWrites: [...a.headerWrites], addColumns: [...a.addColumns] };
      })();
      const sourcesUpdate = planTableUpdate(w.plan.sources, prepared.existing);
      if (sourcesUpdate.ok) {
        sourcesOk = true;
        sourcesRepaired = sourcesFirst !== null;
        const snapshot = tableSnapshot(owner, w.sources, sourcesCells, read0);
        const repair = structureSteps(w.sources.table, sourcesRows, prepared.addColumns, prepared.headerWrites);
        const sourcesSteps = updateSteps(w.sources.table, sourcesUpdate, sourcesRows, steps.length + repair.length, limits.sliceBytes);
        snapshot.growth = sourcesSteps.growth;
        own(snapshot, [...repair, ...sourcesSteps.steps]);
      }
    }
    if (w.item.dataset && w.asOf && isAsOfRow(w.asOf.values)) {
      const asOf = w.asOf;
      own({ kind: "range", owner, range: asOf, cells: { values: asOf.values, formulas: asOf.formulas, formats: asOf.numberFormat } }, [
        smallStep(() => {
          asOf.values = [w.plan.asOfRow];
          asOf.numberFormat = [[FORMATS.general, DATE_FORMAT, FORMATS.general, FORMATS.general]];
        }),
      ]);
    }
    const restoredCells = check && answer === "restore" ? reported({ ...check, cells: check.cells.filter((c) => !c.kept) }, origin) : [];
    const keptCells = check ? reported({ ...check, cells: check.cells.filter((c) => kept.some((k) => k.kind === "cell" && k.key === c.key && k.column === c.column)) }, origin) : [];
    const repairs: Repairs = {
      verified: check !== null,
      restored: restoredCells,
      kept: keptCells,
      headers: applied.headerWrites.map((h) => [headers[h.col] ?? "", unescapeCellText(h.text)] as const).filter(([from]) => from !== ""),
      columnsAdded: applied.addColumns.map(unescapeCellText),
      rowsRestored: answer === "keep" ? 0 : structure.cleared.length + structure.removed.filter((r) => !r.kept && (check !== null || w.item.dataset === null)).length,
      rowsKeptOut: kept.filter((k) => k.kind === "row").length,
      layoutRepaired: firstRelease || sourcesRepaired,
      formerId: w.item.datasetId && w.item.datasetId !== old.datasetId ? old.datasetId : null,
      sheetRenamed: old.sheetName && old.sheetName !== w.main.sheet.name ? [old.sheetName, w.main.sheet.name] : null,
    };
    const wrote = !writesNothing(update) || applied.addColumns.length > 0 || applied.headerWrites.length > 0 || sourcesRepaired;
    if (!w.item.dataset && !wrote) {
      const known: TableRecord = { ...record, kept };
      outcomes[w.index] = { kind: "upToDate", record: known, renamedFrom: w.located.renamedFrom, repairs };
      updatedRecords.push(known);
      continue;
    }
    const version = w.item.dataset ? { version: w.plan.version, hash: w.item.hash, asOf: w.plan.asOf } : {};
    const refreshed: TableRecord = { ...record, ...version, kept, refreshedAt: request.now };
    updatedRecords.push(refreshed);
    outcomes[w.index] = { kind: "refreshed", record: refreshed, counts: update.counts, renamedFrom: w.located.renamedFrom, sourcesMissing: !sourcesOk, repairs, newVersion: w.item.dataset !== null };
  }

  const original = setting.isNullObject ? undefined : (setting.value as unknown);
  const existingRecords = parseRecords(original).records;
  const records = mergeRecords(existingRecords, updatedRecords, removed, renamed);
  const recordsChanged = JSON.stringify(records) !== JSON.stringify(existingRecords);
  if (recordsChanged) own(null, [smallStep(() => queueRecords(context, records))]);
  try {
    syncs += await runSteps(context, steps, request.onProgress, limits);
  } catch (error) {
    if (!(error instanceof StepsFailedError)) throw error;
    // Steps before the failed request were applied; those of the failed request perhaps.
    const touched = new Set(owners.slice(0, error.firstUnsent));
    const undo = snapshots.filter((_, i) => touched.has(i));
    const concerned = [...new Set(undo.map((s) => s.owner))];
    try {
      await restore(context, undo, (step) => step < error.firstUnsent, { touched: touched.has(-1), original }, limits);
    } catch (restoreError) {
      throw new RefreshFailedError(error.failure, concerned, false, restoreError instanceof StepsFailedError ? restoreError.failure : restoreError);
    }
    throw new RefreshFailedError(error.failure, concerned, true, null);
  }
  return { outcomes, records, syncs };
}
