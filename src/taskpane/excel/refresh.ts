/* Refreshing loaded tables in place from new versions of their datasets: one Excel.run, three
 * syncs up to 100,000 cells (find the tables; read them; write), more only past Excel on the web's
 * 5 MB request limit.
 *
 * All or nothing. Excel applies a batch's operations one by one and stops at the first that fails,
 * without undoing the ones before (and a write past 5 MB goes out in several requests). So the
 * read sync takes a snapshot of everything the refresh may change: each table's whole body
 * (values, formulas and number formats, the user's columns and rows included), the as-of row and
 * the records. When a write fails, the same Excel.run reads the row counts as they now are, puts
 * the rows, cells, formats and links back from the snapshot and the records as they were, and
 * reports the failure: the workbook is left as it was before the refresh, not half-updated.
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
  type TableBlock,
  type TableUpdate,
} from "../../core/sheet";
import { restoreCells } from "../../core/sheet/restore";
import { SETTING_KEYS, mergeRecords, parseRecords, type TableRecord } from "../records";
import { queueRecords } from "./settings";
import { EXCEL_LIMITS, StepsFailedError, linkSteps, matrixSteps, runSteps, smallStep, type PayloadLimits, type Progress, type Step } from "./steps";

export interface RefreshItem {
  readonly record: TableRecord;
  /** The new version, or null when the feed has the version the table already shows. */
  readonly dataset: Dataset | null;
  /** The feed file's sha256 (null with no new version, or for built-in data). */
  readonly hash: string | null;
}

export interface RefreshRequest {
  readonly items: readonly RefreshItem[];
  /** The time of the refresh, ISO 8601. */
  readonly now: string;
  /** Whether this Excel can say if a table is filtered (ExcelApi 1.9); default true. */
  readonly filterCheck?: boolean;
  readonly onProgress?: Progress;
  /** Payload limits: Excel on the web's by default (tests pass smaller ones to force several requests). */
  readonly limits?: PayloadLimits;
}

export type TableOutcome =
  | { readonly kind: "refreshed"; readonly record: TableRecord; readonly counts: RefreshCounts; readonly renamedFrom: string | null; readonly sourcesMissing: boolean }
  | { readonly kind: "upToDate"; readonly record: TableRecord; readonly renamedFrom: string | null }
  /** Deleted, or renamed before AIFIN learned its id: the record is dropped. */
  | { readonly kind: "missing"; readonly record: TableRecord }
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
  const byId = record.tableId === null ? undefined : items.find((t) => t.id === record.tableId);
  if (byId) return { name: byId.name, id: byId.id, renamedFrom: byId.name === record.tableName ? null : record.tableName };
  const byName = items.find((t) => t.name.toLowerCase() === record.tableName.toLowerCase());
  if (byName && (record.tableId === null || byName.id === record.tableId)) return { name: byName.name, id: byName.id, renamedFrom: null };
  return null;
}

/** The proxies of one table read in sync 2. */
interface TableRead {
  readonly table: Excel.Table;
  /** The table's filter state, where Excel can tell (ExcelApi 1.9). */
  readonly filter: Excel.AutoFilter | null;
  readonly header: Excel.Range;
  /** The whole body: rowCount, values, formulas and number formats, every column (the user's too). */
  readonly body: Excel.Range;
  readonly lastRow: Excel.Range;
}

function queueRead(tables: Excel.TableCollection, name: string, filterCheck: boolean): TableRead {
  const table = tables.getItem(name);
  const header = table.getHeaderRowRange();
  header.load("values");
  // Values for the comparison (our columns found by header, wherever the user moved them); with
  // formulas and number formats they are the snapshot a failed write is undone from.
  const body = table.getDataBodyRange();
  body.load("rowCount, values, formulas, numberFormat");
  const lastRow = body.getLastRow();
  lastRow.load("formulasR1C1");
  // Excel refuses to insert or delete rows of a filtered table: known before anything is written.
  const filter = filterCheck ? table.autoFilter : null;
  filter?.load("isDataFiltered");
  return { table, filter, header, body, lastRow };
}

/** The headers of ours and where they stand; -1 when missing. */
function ourPositions<C extends string>(block: TableBlock<C>, headers: readonly string[]): number[] {
  return block.header.map((h) => headers.indexOf(unescapeCellText(h)));
}

/**
 * The table as read: headers, our columns' values (found by header), the last row's formulas, and
 * the URL each cell of a link column links to now: `urlOf` its text (a source's key → the URL the
 * sources table holds for it; a URL → itself), "" for none.
 */
function existingFrom<C extends string>(block: TableBlock<C>, read: TableRead, urlOf: ((column: number, text: string) => string) | null): ExistingTable {
  const headers = (read.header.values[0] ?? []).map((h) => String(h));
  const positions = ourPositions(block, headers);
  const body = new Map<number, Cell[]>();
  const links = new Map<number, string[]>();
  if (positions.every((p) => p >= 0)) {
    const values = read.body.values as Cell[][];
    for (const p of positions) body.set(p, values.map((row) => row[p]));
    if (urlOf) {
      for (const j of block.links.keys()) links.set(positions[j], (body.get(positions[j]) ?? []).map((text) => urlOf(j, String(text))));
    }
  }
  return { headers, body, rowCount: read.body.rowCount, lastRowFormulasR1C1: (read.lastRow.formulasR1C1[0] ?? null) as Cell[] | null, links };
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
function sourceUrls(plan: LoadPlan, sources: TableRead | null): Map<string, string> | null {
  if (!sources) return null;
  const headers = (sources.header.values[0] ?? []).map((h) => String(h));
  const positions = ourPositions(plan.sources, headers);
  const key = positions[SOURCE_COLUMNS.indexOf("key")];
  const url = positions[SOURCE_COLUMNS.indexOf("url")];
  if (key < 0 || url < 0) return null;
  return new Map((sources.body.values as unknown[][]).map((row) => [String(row[key]), asUrl(String(row[url]))]));
}

/** Cells as read before any write: values, formulas and number formats of the same range. */
interface Cells {
  readonly values: unknown[][];
  readonly formulas: unknown[][];
  readonly formats: unknown[][];
}

/** The cells a proxy loaded (taken before any write: assigning through a proxy changes what it returns). */
function cellsOf(range: Excel.Range): Cells {
  return { values: range.values, formulas: range.formulas, formats: range.numberFormat };
}

/** What a refresh may change, as read before any write: a table (whole body, with what its link columns link to) or the as-of row. */
type Snapshot =
  | { readonly kind: "table"; readonly owner: string; readonly table: Excel.Table; readonly rowCount: number; readonly cells: Cells; readonly links: readonly LinkWrite[] }
  | { readonly kind: "range"; readonly owner: string; readonly range: Excel.Range; readonly cells: Cells };

/** The snapshot of a table: its body's cells, and every cell of a link column with the URL it links to ("" for none). */
function tableSnapshot(owner: string, read: TableRead, existing: ExistingTable): Snapshot {
  const links: LinkWrite[] = [];
  for (const [col, urls] of existing.links ?? []) {
    const texts = existing.body.get(col) ?? [];
    urls.forEach((url, row) => links.push({ row, col, url, text: escapeCellText(String(texts[row] ?? "")) }));
  }
  return { kind: "table", owner, table: read.table, rowCount: read.body.rowCount, cells: cellsOf(read.body), links };
}

/** The steps that put snapshots back: rows count first (extra rows deleted, missing rows added at the end), then every cell's formula or value and number format, then every link. */
function restoreSteps(snapshots: readonly Snapshot[], rowCounts: readonly (number | null)[], sliceBytes: number): Step[] {
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
    const width = cells[0]?.length ?? 0;
    const now = rowCounts[i] ?? rows;
    if (now > rows) {
      steps.push(smallStep(() => table.getDataBodyRange().getRow(rows).getResizedRange(now - rows - 1, 0).delete("Up")));
    } else if (now < rows) {
      const blank = Array.from({ length: rows - now }, () => new Array<Cell>(width).fill(""));
      steps.push({ bytes: matrixBytes(blank) + OPERATION_OVERHEAD_BYTES, run: () => void table.rows.add(undefined, blank) });
    }
    const at = (offset: number, count: number) => table.getDataBodyRange().getCell(offset, 0).getResizedRange(count - 1, width - 1);
    steps.push(...matrixSteps(cells, at, "formulas", sliceBytes));
    steps.push(...matrixSteps(formats, at, "numberFormat", sliceBytes));
    steps.push(...linkSteps(s.links, (row, col) => table.getDataBodyRange().getCell(row, col), sliceBytes));
  });
  return steps;
}

/**
 * Puts back what a failed write may have changed: reads the tables' row counts (and the records
 * setting) as they are now, then restores rows, cells and formats from the snapshots, and the
 * records as they were. Two syncs or more (past 5 MB).
 */
async function restore(context: Excel.RequestContext, snapshots: readonly Snapshot[], records: { readonly touched: boolean; readonly original: unknown }, limits: PayloadLimits): Promise<void> {
  const bodies = snapshots.map((s) => {
    if (s.kind !== "table") return null;
    const body = s.table.getDataBodyRange();
    body.load("rowCount");
    return body;
  });
  const setting = records.touched ? context.workbook.settings.getItemOrNullObject(SETTING_KEYS.tables) : null;
  setting?.load("value");
  await context.sync();
  const steps = restoreSteps(
    snapshots,
    bodies.map((b) => (b ? b.rowCount : null)),
    limits.sliceBytes,
  );
  if (setting) {
    const now = setting.isNullObject ? undefined : (setting.value as unknown);
    if (JSON.stringify(now) !== JSON.stringify(records.original)) {
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

/** A refresh whose writes failed: the tables it may have changed were put back (or could not be). */
export class RefreshFailedError extends Error {
  constructor(
    /** The error Excel gave for the failed write. */
    readonly failure: unknown,
    /** The dataset tables concerned (current names). */
    readonly tables: string[],
    /** True when every change was undone: the workbook is as it was before the refresh. */
    readonly restored: boolean,
    /** Why putting back failed, when it did. */
    readonly restoreError: unknown,
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
    this.name = "RefreshFailedError";
  }
}

/**
 * The steps that apply a table update, in order: rewrites and their links, deletions (last first),
 * additions and their links.
 * @param rowCount - the table's body rows as read (the added rows follow what is left of them)
 */
function updateSteps(table: Excel.Table, update: Extract<TableUpdate, { ok: true }>, rowCount: number, sliceBytes: number): Step[] {
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
  if (add) {
    // Sized by everything a row brings: its values, its formats and the filled-down formulas.
    const sizing = add.values.map((row, i) => [...row, ...add.formats.map((f) => f.values[i][0]), ...add.formulasR1C1.map((f) => f.formula)]);
    for (const [start, end] of rowSlices(sizing, sliceBytes)) {
      const values = add.values.slice(start, end);
      const count = end - start;
      steps.push({
        bytes: matrixBytes(sizing.slice(start, end)) + OPERATION_OVERHEAD_BYTES * (2 + add.formats.length + add.formulasR1C1.length),
        run: () => {
          // rows.add returns the first added row; the block of added rows is that row resized.
          const rows = table.rows.add(undefined, values).getRange().getResizedRange(count - 1, 0);
          for (const f of add.formats) rows.getColumn(f.col).numberFormat = f.values.slice(start, end);
          for (const f of add.formulasR1C1) rows.getColumn(f.col).formulasR1C1 = Array.from({ length: count }, () => [f.formula]);
        },
      });
    }
    const first = rowCount - update.deletes.reduce((n, d) => n + d.count, 0);
    steps.push(...linkSteps(add.links.map((l) => ({ ...l, row: first + l.row })), cellAt, sliceBytes));
  }
  return steps;
}

/** The as-of row of a table still shows our label (the user has not typed over it). */
function isAsOfRow(values: readonly (readonly unknown[])[] | undefined): boolean {
  const label = values?.[0]?.[0];
  return typeof label === "string" && Object.values(SHEET_LABELS.asOf).includes(label as never);
}

/** One table to refresh, with its plan and its proxies. */
interface Work {
  readonly index: number;
  readonly item: RefreshItem & { readonly dataset: Dataset };
  readonly located: Located;
  readonly plan: LoadPlan;
  readonly main: TableRead;
  readonly sources: TableRead | null;
  readonly asOf: Excel.Range | null;
}

/**
 * Refreshes loaded dataset tables in place: rows whose figures changed are rewritten where they
 * stand (row order kept), rows no longer in the data are deleted, new rows are appended; only our
 * columns are written, found by header wherever the user moved them, so columns the user added,
 * rows the user added, formulas referring to the table and the rest of the sheet survive. The
 * sources table and the as-of row follow; the records in workbook.settings are updated. A table
 * that was deleted (or renamed before its id was known) is reported and forgotten; a table whose
 * headers the user renamed, or that is filtered when rows must be added or deleted, is reported
 * and left untouched. When a write fails, everything the refresh changed is put back (see the
 * top of this file) and a RefreshFailedError says so.
 * @param context - the request context of the user action (one Excel.run)
 * @param request - the tables with their new versions (validated), and the time
 * @returns what happened to each table, the records saved and the syncs made
 * @throws RefreshFailedError when a write failed: `restored` says whether the workbook is as before
 */
export async function refreshTables(context: Excel.RequestContext, request: RefreshRequest): Promise<RefreshResult> {
  const { workbook } = context;
  const filterCheck = request.filterCheck ?? true;
  const limits = request.limits ?? EXCEL_LIMITS;
  const tables = workbook.tables;
  tables.load("items/name, items/id");
  const names = workbook.names;
  names.load("items/name");
  const setting = workbook.settings.getItemOrNullObject(SETTING_KEYS.tables);
  setting.load("value");
  await context.sync();
  let syncs = 1;

  const present = tables.items.map((t) => ({ name: t.name, id: t.id }));
  const nameSet = new Set(names.items.map((n) => n.name.toLowerCase()));
  const outcomes: TableOutcome[] = new Array<TableOutcome>(request.items.length);
  const updatedRecords: TableRecord[] = [];
  const removed: string[] = [];
  const renamed = new Map<string, string>();
  const work: Work[] = [];

  request.items.forEach((item, index) => {
    const located = locate(item.record, present);
    if (!located) {
      outcomes[index] = { kind: "missing", record: item.record };
      removed.push(item.record.tableName);
      return;
    }
    if (located.renamedFrom) renamed.set(located.renamedFrom, located.name);
    const known = { ...item.record, tableName: located.name, tableId: located.id };
    if (item.dataset === null) {
      outcomes[index] = { kind: "upToDate", record: known, renamedFrom: located.renamedFrom };
      updatedRecords.push(known);
      return;
    }
    const plan = planLoad(item.dataset, item.record.lang);
    const sourcesPresent = present.some((t) => t.name.toLowerCase() === item.record.sourcesTableName.toLowerCase());
    const asOf = nameSet.has(item.record.asOfName.toLowerCase()) ? names.getItem(item.record.asOfName).getRange() : null;
    asOf?.load("values, formulas, numberFormat");
    work.push({
      index,
      item: { ...item, dataset: item.dataset },
      located,
      plan,
      main: queueRead(tables, located.name, filterCheck),
      sources: sourcesPresent ? queueRead(tables, item.record.sourcesTableName, false) : null,
      asOf,
    });
  });
  if (work.length > 0) {
    await context.sync();
    syncs++;
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
  for (const w of work) {
    const urls = sourceUrls(w.plan, w.sources);
    const sourceCol = w.plan.table.columns.indexOf("source");
    // Without the sources table, a Source cell is taken to link where the new data says its key does.
    const newUrls = new Map(w.plan.sources.keys.map((k, i) => [k, w.plan.sources.links.get(SOURCE_COLUMNS.indexOf("url"))?.[i] ?? ""]));
    const main = existingFrom(w.plan.table, w.main, (j, text) => (j === sourceCol ? ((urls ?? newUrls).get(text) ?? "") : ""));
    const update = planTableUpdate(w.plan.table, main);
    const record = { ...w.item.record, tableName: w.located.name, tableId: w.located.id };
    if (!update.ok) {
      outcomes[w.index] = { kind: "columnsMissing", record, missing: update.missing };
      updatedRecords.push(record);
      continue;
    }
    if (w.main.filter?.isDataFiltered && (update.deletes.length > 0 || update.add !== null)) {
      outcomes[w.index] = { kind: "filtered", record };
      updatedRecords.push(record);
      continue;
    }
    const owner = w.located.name;
    own(tableSnapshot(owner, w.main, main), updateSteps(w.main.table, update, main.rowCount, limits.sliceBytes));
    const sources = w.sources ? existingFrom(w.plan.sources, w.sources, (_, text) => asUrl(text)) : null;
    const sourcesUpdate = sources ? planTableUpdate(w.plan.sources, sources) : null;
    if (sourcesUpdate?.ok && sources && w.sources) own(tableSnapshot(owner, w.sources, sources), updateSteps(w.sources.table, sourcesUpdate, sources.rowCount, limits.sliceBytes));
    if (w.asOf && isAsOfRow(w.asOf.values)) {
      const asOf = w.asOf;
      own({ kind: "range", owner, range: asOf, cells: cellsOf(asOf) }, [
        smallStep(() => {
          asOf.values = [w.plan.asOfRow];
          asOf.numberFormat = [[FORMATS.general, DATE_FORMAT, FORMATS.general, FORMATS.general]];
        }),
      ]);
    }
    const refreshed: TableRecord = { ...record, version: w.plan.version, hash: w.item.hash, asOf: w.plan.asOf, refreshedAt: request.now };
    updatedRecords.push(refreshed);
    outcomes[w.index] = { kind: "refreshed", record: refreshed, counts: update.counts, renamedFrom: w.located.renamedFrom, sourcesMissing: !(sourcesUpdate?.ok ?? false) };
  }

  const original = setting.isNullObject ? undefined : (setting.value as unknown);
  const existing = parseRecords(original).records;
  const records = mergeRecords(existing, updatedRecords, removed, renamed);
  const recordsChanged = JSON.stringify(records) !== JSON.stringify(existing);
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
      await restore(context, undo, { touched: touched.has(-1), original }, limits);
    } catch (restoreError) {
      throw new RefreshFailedError(error.failure, concerned, false, restoreError instanceof StepsFailedError ? restoreError.failure : restoreError);
    }
    throw new RefreshFailedError(error.failure, concerned, true, null);
  }
  return { outcomes, records, syncs };
}
