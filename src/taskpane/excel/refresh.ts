/* Refreshing loaded tables in place from new versions of their datasets: one Excel.run, three
 * syncs up to 100,000 cells (find the tables; read headers, our columns and the last row; write),
 * more only past Excel on the web's 5 MB request limit or when the user moved our columns. */
import type { Dataset } from "../../core/data/schema";
import {
  DATE_FORMAT,
  FORMATS,
  OPERATION_OVERHEAD_BYTES,
  SHEET_LABELS,
  matrixBytes,
  planLoad,
  planTableUpdate,
  rowSlices,
  unescapeCellText,
  type Cell,
  type ExistingTable,
  type LoadPlan,
  type RefreshCounts,
  type TableBlock,
  type TableUpdate,
} from "../../core/sheet";
import { SETTING_KEYS, mergeRecords, parseRecords, type TableRecord } from "../records";
import { queueRecords } from "./settings";
import { SLICE_BYTES, matrixSteps, runSteps, smallStep, type Progress, type Step } from "./steps";

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
  readonly body: Excel.Range;
  readonly block: Excel.Range;
  readonly lastRow: Excel.Range;
  readonly width: number;
}

function queueRead(tables: Excel.TableCollection, name: string, width: number, filterCheck: boolean): TableRead {
  const table = tables.getItem(name);
  const header = table.getHeaderRowRange();
  header.load("values");
  const body = table.getDataBodyRange();
  body.load("rowCount");
  // Our columns as loaded: the first `width` columns. Checked against the headers after the sync.
  const block = body.getColumn(0).getResizedRange(0, width - 1);
  block.load("values");
  const lastRow = body.getLastRow();
  lastRow.load("formulasR1C1");
  // Excel refuses to insert or delete rows of a filtered table: known before anything is written.
  const filter = filterCheck ? table.autoFilter : null;
  filter?.load("isDataFiltered");
  return { table, filter, header, body, block, lastRow, width };
}

/** The headers of ours and where they stand; null positions when missing. */
function ourPositions<C extends string>(block: TableBlock<C>, headers: readonly string[]): number[] {
  return block.header.map((h) => headers.indexOf(unescapeCellText(h)));
}

/** The table as read, if our columns were where we loaded them; null when a column moved (read again). */
function existingFrom<C extends string>(block: TableBlock<C>, read: TableRead): ExistingTable | "moved" {
  const headers = (read.header.values[0] ?? []).map((h) => String(h));
  const positions = ourPositions(block, headers);
  if (positions.some((p) => p < 0)) return { headers, body: new Map(), rowCount: read.body.rowCount, lastRowFormulasR1C1: null };
  if (positions.some((p) => p >= read.width)) return "moved";
  const values = read.block.values as Cell[][];
  const body = new Map<number, Cell[]>();
  for (const p of positions) body.set(p, values.map((row) => row[p]));
  return { headers, body, rowCount: read.body.rowCount, lastRowFormulasR1C1: (read.lastRow.formulasR1C1[0] ?? null) as Cell[] | null };
}

/** The steps that apply a table update, in order: rewrites, deletions (last first), additions. */
function updateSteps(table: Excel.Table, update: Extract<TableUpdate, { ok: true }>): Step[] {
  const steps: Step[] = [];
  const at = (row: number, col: number, rows: number, cols: number) => table.getDataBodyRange().getCell(row, col).getResizedRange(rows - 1, cols - 1);
  for (const w of update.writes) steps.push(...matrixSteps(w.values, (o, n) => at(w.row + o, w.col, n, w.values[0].length), "values"));
  for (const w of update.formatWrites) steps.push(...matrixSteps(w.values, (o, n) => at(w.row + o, w.col, n, 1), "numberFormat"));
  // Whole table rows, so that columns the user added to the table move with their rows.
  for (const d of update.deletes) steps.push(smallStep(() => table.getDataBodyRange().getRow(d.row).getResizedRange(d.count - 1, 0).delete("Up")));
  const add = update.add;
  if (add) {
    // Sized by everything a row brings: its values, its formats and the filled-down formulas.
    const sizing = add.values.map((row, i) => [...row, ...add.formats.map((f) => f.values[i][0]), ...add.formulasR1C1.map((f) => f.formula)]);
    for (const [start, end] of rowSlices(sizing, SLICE_BYTES)) {
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
 * and left untouched.
 * @param context - the request context of the user action (one Excel.run)
 * @param request - the tables with their new versions (validated), and the time
 * @returns what happened to each table, the records saved and the syncs made
 */
export async function refreshTables(context: Excel.RequestContext, request: RefreshRequest): Promise<RefreshResult> {
  const { workbook } = context;
  const filterCheck = request.filterCheck ?? true;
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
    asOf?.load("values");
    work.push({
      index,
      item: { ...item, dataset: item.dataset },
      located,
      plan,
      main: queueRead(tables, located.name, plan.table.columns.length, filterCheck),
      sources: sourcesPresent ? queueRead(tables, item.record.sourcesTableName, plan.sources.columns.length, false) : null,
      asOf,
    });
  });
  if (work.length > 0) {
    await context.sync();
    syncs++;
  }

  // Our columns moved by the user: read them where they now stand (one more sync, rare).
  type Reads = { main: ExistingTable | "moved"; sources: ExistingTable | "moved" | null };
  const reads: Reads[] = work.map((w) => ({ main: existingFrom(w.plan.table, w.main), sources: w.sources ? existingFrom(w.plan.sources, w.sources) : null }));
  const rereads: Array<() => void> = [];
  const reread = (block: TableBlock<string>, read: TableRead, set: (e: ExistingTable) => void) => {
    const headers = (read.header.values[0] ?? []).map((h) => String(h));
    const columns = ourPositions(block, headers).map((p) => {
      const range = read.body.getColumn(p);
      range.load("values");
      return [p, range] as const;
    });
    rereads.push(() =>
      set({
        headers,
        body: new Map(columns.map(([p, range]) => [p, (range.values as Cell[][]).map((row) => row[0])])),
        rowCount: read.body.rowCount,
        lastRowFormulasR1C1: (read.lastRow.formulasR1C1[0] ?? null) as Cell[] | null,
      }),
    );
  };
  work.forEach((w, i) => {
    if (reads[i].main === "moved") reread(w.plan.table, w.main, (e) => (reads[i].main = e));
    if (w.sources && reads[i].sources === "moved") reread(w.plan.sources, w.sources, (e) => (reads[i].sources = e));
  });
  if (rereads.length > 0) {
    await context.sync();
    syncs++;
    for (const done of rereads) done();
  }

  const steps: Step[] = [];
  work.forEach((w, i) => {
    const main = reads[i].main as ExistingTable;
    const update = planTableUpdate(w.plan.table, main);
    const record = { ...w.item.record, tableName: w.located.name, tableId: w.located.id };
    if (!update.ok) {
      outcomes[w.index] = { kind: "columnsMissing", record, missing: update.missing };
      updatedRecords.push(record);
      return;
    }
    if (w.main.filter?.isDataFiltered && (update.deletes.length > 0 || update.add !== null)) {
      outcomes[w.index] = { kind: "filtered", record };
      updatedRecords.push(record);
      return;
    }
    steps.push(...updateSteps(w.main.table, update));
    const sources = reads[i].sources;
    const sourcesUpdate = sources && sources !== "moved" ? planTableUpdate(w.plan.sources, sources) : null;
    if (sourcesUpdate?.ok && w.sources) steps.push(...updateSteps(w.sources.table, sourcesUpdate));
    if (w.asOf && isAsOfRow(w.asOf.values)) {
      const asOf = w.asOf;
      steps.push(
        smallStep(() => {
          asOf.values = [w.plan.asOfRow];
          asOf.numberFormat = [[FORMATS.general, DATE_FORMAT, FORMATS.general, FORMATS.general]];
        }),
      );
    }
    const refreshed: TableRecord = { ...record, version: w.plan.version, hash: w.item.hash, asOf: w.plan.asOf, refreshedAt: request.now };
    updatedRecords.push(refreshed);
    outcomes[w.index] = { kind: "refreshed", record: refreshed, counts: update.counts, renamedFrom: w.located.renamedFrom, sourcesMissing: !(sourcesUpdate?.ok ?? false) };
  });

  const existing = parseRecords(setting.isNullObject ? undefined : setting.value).records;
  const records = mergeRecords(existing, updatedRecords, removed, renamed);
  const recordsChanged = JSON.stringify(records) !== JSON.stringify(existing);
  if (recordsChanged) steps.push(smallStep(() => queueRecords(context, records)));
  syncs += await runSteps(context, steps, request.onProgress);
  return { outcomes, records, syncs };
}
