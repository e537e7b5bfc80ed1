/* Loading a dataset into the workbook: one Excel.run, all or nothing. Into a new sheet: one sync to
 * read names, then the writes (one sync up to 4,000,000 bytes of them, more past that). At the
 * selected cell, one more sync first checks that the block would land on nothing: no value, no
 * table (an empty one included) and no table just above or just left of it (Excel extends a table
 * over values written in the row below it or the column beside it), no merged cell, no spilled
 * range. If a write fails, the same Excel.run takes out what the load wrote (the new sheet, or the
 * block's cells, tables and name) and puts the records back, then says so. */
import type { Dataset } from "../../core/data/schema";
import type { Language } from "../../core/messages";
import {
  AS_OF_SUFFIX,
  DATE_FORMAT,
  FORMATS,
  ROWS_ABOVE_TABLE,
  ROWS_BETWEEN_TABLES,
  SOURCES_SUFFIX,
  SOURCE_COLUMNS,
  TABLE_COLUMNS,
  UNCONFIRMED_MARK,
  fixedColumnCell,
  matrixBytes,
  planExtent,
  planLoad,
  sheetNameFor,
  tableNameFor,
  unescapeCellText,
  type LoadPlan,
} from "../../core/sheet";
import { columnMatrix } from "../../core/sheet/matrix";
import { SETTING_KEYS, mergeRecords, parseRecords, type TableRecord } from "../records";
import { queueRecords } from "./settings";
import { StepsFailedError, WritesFailedError, hyperlinkSteps, matrixSteps, runSteps, smallStep, type Progress, type Step } from "./steps";

export type LoadTarget = "newSheet" | "selection";

export interface LoadRequest {
  readonly dataset: Dataset;
  readonly lang: Language;
  /** A new worksheet, or the selected cell of the active one. */
  readonly target: LoadTarget;
  /** The feed file's sha256, or null for the data built into the add-in. */
  readonly hash: string | null;
  /** The time of the load, ISO 8601. */
  readonly now: string;
  readonly onProgress?: Progress;
}

/** Why the block cannot go at the selected cell: nothing was written. */
export type Obstacle =
  /** A cell holds a value or a formula (the first such, or the used part, in `address`). */
  | { readonly reason: "cells"; readonly address: string }
  /** A table lies in the block, or just above or left of it (Excel would extend it over our cells). */
  | { readonly reason: "table"; readonly address: string; readonly table: string }
  /** Merged cells lie in the block (`address`: the merged areas). */
  | { readonly reason: "merged"; readonly address: string }
  /** A spilled range (a dynamic-array formula's results) crosses the block. */
  | { readonly reason: "spill"; readonly address: string };

export type LoadResult =
  | { readonly kind: "loaded"; readonly record: TableRecord; readonly records: TableRecord[]; readonly sheetName: string; readonly rows: number; readonly syncs: number }
  /** The block would cover something: nothing was written. */
  | ({ readonly kind: "targetNotEmpty"; readonly syncs: number } & Obstacle);

/** A load whose writes failed: what it had written was taken out again (`restored`), or could not be. */
export class LoadFailedError extends WritesFailedError {
  override readonly name = "LoadFailedError";
}

/** Width, in points, of the long text columns (quote, note) of a new sheet. */
const LONG_TEXT_WIDTH = 240;
/** Fill and font of unconfirmed figures' rows. */
const UNCONFIRMED_FILL = "#FCE4D6";
const UNCONFIRMED_FONT = "#9C0006";

/** Table styles: the dataset table, the sources table. */
const TABLE_STYLE = "TableStyleMedium2";
const SOURCES_STYLE = "TableStyleLight1";

/** Sources columns of long text: written after the columns are fitted, and wrapped. */
const LONG_SOURCE_COLUMNS = (["publisher", "title", "url"] as const).map((c) => SOURCE_COLUMNS.indexOf(c));

/**
 * The steps that write a plan at `origin` (the top-left cell of the block), in order: as-of row, the
 * dataset table's header and rows, their number formats and links (Source → the document), the
 * sources, then their links (URL), then (small steps) the tables, formats and names. On a new
 * sheet (`fit`), where every cell of these columns is ours, the columns are autofitted while the
 * long texts (the title, the sources' publishers, titles and URLs) are not written yet, since Excel
 * fits a column to every cell of the sheet column; those are written after and wrap, and the
 * sources' links come after them. At the selected cell of a sheet with the user's cells, no column
 * width or row height changes.
 */
/** The tables a load creates, once its last step is queued (their ids loaded, for the record). */
interface Created {
  table: Excel.Table | null;
  sources: Excel.Table | null;
}

function writeSteps(plan: LoadPlan, sheet: Excel.Worksheet, origin: Excel.Range, at: { row: number; column: number }, tableName: string, records: () => TableRecord[], context: Excel.RequestContext, fit: boolean, created: Created): Step[] {
  const width = plan.table.columns.length;
  const n = plan.table.rows.length;
  const headerRow = ROWS_ABOVE_TABLE;
  const sourcesRow = headerRow + 1 + n + ROWS_BETWEEN_TABLES;
  const sourcesWidth = plan.sources.columns.length;
  const sourceRows = plan.sources.rows.length;
  const cell = (row: number, column: number) => origin.getOffsetRange(row, column);
  const block = (row: number, column: number, rows: number, columns: number) => cell(row, column).getResizedRange(rows - 1, columns - 1);
  // On a new sheet the long source texts come after the fit: blank in the first write.
  const firstSources = fit ? plan.sources.rows.map((row) => row.map((v, j) => (LONG_SOURCE_COLUMNS.includes(j) ? "" : v))) : plan.sources.rows;

  const writeTitle = () => {
    const title = cell(0, 0);
    title.values = [[plan.title]];
    title.format.font.bold = true;
    title.format.font.size = 14;
  };
  const steps: Step[] = [
    {
      bytes: matrixBytes([[plan.title], plan.asOfRow]) + 512,
      run: () => {
        if (!fit) writeTitle();
        const asOf = block(1, 0, 1, 4);
        asOf.values = [plan.asOfRow];
        asOf.numberFormat = [[FORMATS.general, DATE_FORMAT, FORMATS.general, FORMATS.general]];
      },
    },
    ...matrixSteps([plan.table.header], () => block(headerRow, 0, 1, width), "values"),
    ...matrixSteps(plan.table.rows, (offset, count) => block(headerRow + 1 + offset, 0, count, width), "values"),
  ];
  for (const [column, formats] of plan.table.formats) {
    steps.push(...matrixSteps(columnMatrix(formats), (offset, count) => block(headerRow + 1 + offset, column, count, 1), "numberFormat"));
  }
  for (const [column, urls] of plan.table.links) {
    steps.push(...hyperlinkSteps(urls, plan.table.rows.map((row) => row[column]), (i) => cell(headerRow + 1 + i, column)));
  }
  steps.push(
    smallStep(() => {
      const caption = cell(sourcesRow - 1, 0);
      caption.values = [[plan.sourcesCaption]];
      caption.format.font.bold = true;
    }),
    ...matrixSteps([plan.sources.header, ...firstSources], (offset, count) => block(sourcesRow + offset, 0, count, sourcesWidth), "values"),
  );
  for (const [column, formats] of plan.sources.formats) {
    steps.push(...matrixSteps(columnMatrix(formats), (offset, count) => block(sourcesRow + 1 + offset, column, count, 1), "numberFormat"));
  }
  if (fit) {
    steps.push(smallStep(() => block(headerRow, 0, sourcesRow + 1 + sourceRows - headerRow, width).format.autofitColumns()));
    steps.push(smallStep(writeTitle));
    for (const column of LONG_SOURCE_COLUMNS) {
      steps.push(...matrixSteps(plan.sources.rows.map((row) => [row[column]]), (offset, count) => block(sourcesRow + 1 + offset, column, count, 1), "values"));
    }
  }
  for (const [column, urls] of plan.sources.links) {
    steps.push(...hyperlinkSteps(urls, plan.sources.rows.map((row) => row[column]), (i) => cell(sourcesRow + 1 + i, column)));
  }
  steps.push(
    smallStep(() => {
      const table = sheet.tables.add(block(headerRow, 0, n + 1, width), true);
      table.name = tableName;
      table.load("id");
      created.table = table;
      table.style = TABLE_STYLE;
      if (plan.unconfirmed.length > 0) {
        // A rule, not fills: it follows the rows through refreshes and the user's sorting.
        const status = fixedColumnCell(at.row + headerRow + 1, at.column + TABLE_COLUMNS.indexOf("status"));
        const rule = table.getDataBodyRange().conditionalFormats.add("Custom");
        rule.custom.rule.formula = `=LEFT(${status},1)="${UNCONFIRMED_MARK}"`;
        rule.custom.format.fill.color = UNCONFIRMED_FILL;
        rule.custom.format.font.color = UNCONFIRMED_FONT;
      }
      const sources = sheet.tables.add(block(sourcesRow, 0, sourceRows + 1, sourcesWidth), true);
      sources.name = `${tableName}${SOURCES_SUFFIX}`;
      sources.load("id");
      created.sources = sources;
      sources.style = SOURCES_STYLE;
      context.workbook.names.add(`${tableName}${AS_OF_SUFFIX}`, block(1, 0, 1, 4), "AIFIN: as-of date and version of the table below");
      if (fit) {
        for (const column of LONG_SOURCE_COLUMNS) {
          const long = block(sourcesRow + 1, column, sourceRows, 1);
          long.format.wrapText = true;
          long.format.autofitRows();
        }
        for (const long of ["quote", "note"] as const) {
          table.columns.getItemAt(TABLE_COLUMNS.indexOf(long)).getRange().format.columnWidth = LONG_TEXT_WIDTH;
        }
        sheet.freezePanes.freezeRows(headerRow + 1);
      }
      sheet.activate();
      queueRecords(context, records());
    }),
  );
  return steps;
}

/** What a load may have to take out again: known before its first write. */
interface Undo {
  /** The sheet the load adds (null at the selected cell). */
  readonly newSheet: string | null;
  /** The block at the selected cell (null on a new sheet). */
  readonly block: Excel.Range | null;
  /** The tables that existed before the load (any other table in the block is the load's, whatever its name now). */
  readonly tablesBefore: ReadonlySet<string>;
  /** The name the load adds, when it did not exist before. */
  readonly name: string | null;
  /** The records setting as it was (undefined: there was none). */
  readonly records: unknown;
}

/**
 * Takes out what a failed load wrote: the sheet it added (with its tables), or the tables, cells and
 * formats of the block (which was empty: cell formats the user had set there go too); the name it
 * added; the records as they were. Two syncs.
 */
async function undoLoad(context: Excel.RequestContext, undo: Undo): Promise<void> {
  const { workbook } = context;
  const sheet = undo.newSheet === null ? null : workbook.worksheets.getItemOrNullObject(undo.newSheet);
  sheet?.load("name");
  // A table the load added may still have Excel's default name (the rename failed): found by place.
  const tables = undo.block?.getTables(false) ?? null;
  tables?.load("items/name");
  const name = undo.name === null ? null : workbook.names.getItemOrNullObject(undo.name);
  name?.load("name");
  const setting = workbook.settings.getItemOrNullObject(SETTING_KEYS.tables);
  setting.load("value");
  await context.sync();
  // The name first: it refers to cells of the sheet or block about to go.
  if (name && !name.isNullObject) name.delete();
  if (sheet && !sheet.isNullObject) sheet.delete();
  if (undo.block && tables) {
    for (const t of tables.items) if (!undo.tablesBefore.has(t.name.toLowerCase())) t.delete();
    undo.block.clear("All");
  }
  const now = setting.isNullObject ? undefined : (setting.value as unknown);
  if (JSON.stringify(now) !== JSON.stringify(undo.records)) {
    if (undo.records === undefined) workbook.settings.getItem(SETTING_KEYS.tables).delete();
    else workbook.settings.add(SETTING_KEYS.tables, undo.records);
  }
  await context.sync();
}

/**
 * What stands in the way of a block at the selected cell, or null when it may go there: a value, a
 * table in it or just above or left of it, merged cells, a spilled range.
 */
async function obstacleAt(context: Excel.RequestContext, anchor: Excel.Range, at: { row: number; column: number }, extent: { rows: number; columns: number }): Promise<Obstacle | null> {
  const block = anchor.getResizedRange(extent.rows - 1, extent.columns - 1);
  block.load("address, hasSpill");
  const used = block.getUsedRangeOrNullObject(true);
  used.load("address");
  const merged = block.getMergedAreasOrNullObject();
  merged.load("address");
  // A table in the block, or one Excel would extend over it: in the row above within its columns,
  // or in the column left within its rows.
  const near = [block];
  if (at.row > 0) near.push(block.getOffsetRange(-1, 0).getResizedRange(1, 0));
  if (at.column > 0) near.push(block.getOffsetRange(0, -1).getResizedRange(0, 1));
  const tables = near.map((r) => {
    const found = r.getTables(false);
    found.load("items/name");
    return found;
  });
  await context.sync();
  if (!used.isNullObject) return { reason: "cells", address: used.address };
  const table = tables.flatMap((t) => t.items.map((item) => item.name))[0];
  if (table !== undefined) return { reason: "table", address: block.address, table };
  if (!merged.isNullObject) return { reason: "merged", address: merged.address };
  if (block.hasSpill !== false) return { reason: "spill", address: block.address };
  return null;
}

/**
 * Loads a dataset into a new worksheet (named after the dataset) or at the selected cell: a title
 * and as-of row, the dataset as an Excel table named after it (number formats by currency,
 * unconfirmed rows highlighted; on a new sheet the header frozen and the columns fitted), and a
 * sources table below it. Records the table in workbook.settings for refreshes. At the selected
 * cell nothing is written when the block would land on anything (see obstacleAt). All or nothing:
 * a failed write is taken out again before the error is thrown.
 * @param context - the request context of the user action (one Excel.run)
 * @param request - the dataset, language, target, feed hash and time
 * @returns what was written and the record kept, or why nothing was
 * @throws LoadFailedError when a write failed: `restored` says whether the workbook is as before
 */
export async function loadDataset(context: Excel.RequestContext, request: LoadRequest): Promise<LoadResult> {
  const { workbook } = context;
  const plan = planLoad(request.dataset, request.lang);
  const extent = planExtent(plan);

  const sheets = workbook.worksheets;
  sheets.load("items/name");
  const tables = workbook.tables;
  tables.load("items/name");
  const names = workbook.names;
  names.load("items/name");
  const setting = workbook.settings.getItemOrNullObject(SETTING_KEYS.tables);
  setting.load("value");
  let anchor: Excel.Range | null = null;
  let anchorSheet: Excel.Worksheet | null = null;
  if (request.target === "selection") {
    anchor = workbook.getSelectedRange().getCell(0, 0);
    anchor.load("rowIndex, columnIndex");
    anchorSheet = anchor.worksheet;
    anchorSheet.load("name, id");
  }
  await context.sync();
  let syncs = 1;

  if (anchor) {
    const obstacle = await obstacleAt(context, anchor, { row: anchor.rowIndex, column: anchor.columnIndex }, extent);
    syncs++;
    if (obstacle) return { kind: "targetNotEmpty", syncs, ...obstacle };
  }

  // The table's name must leave its sources table's and as-of names free too.
  const stems = [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)].flatMap((n) => [n, n.replace(new RegExp(`(${SOURCES_SUFFIX}|${AS_OF_SUFFIX})$`, "i"), "")]);
  const tableName = tableNameFor(plan.datasetId, stems);
  const record: TableRecord = {
    datasetId: plan.datasetId,
    version: plan.version,
    hash: request.hash,
    asOf: plan.asOf,
    refreshedAt: request.now,
    tableName,
    tableId: null,
    worksheetId: null,
    sheetName: null,
    sourcesTableName: `${tableName}${SOURCES_SUFFIX}`,
    sourcesTableId: null,
    asOfName: `${tableName}${AS_OF_SUFFIX}`,
    lang: request.lang,
    kept: [],
  };
  const original = setting.isNullObject ? undefined : (setting.value as unknown);
  const records = mergeRecords(parseRecords(original).records, [record]);
  const taken = new Set([...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)].map((x) => x.toLowerCase()));

  let sheet: Excel.Worksheet;
  let origin: Excel.Range;
  let at: { row: number; column: number };
  let sheetName: string;
  if (anchor === null) {
    sheetName = sheetNameFor(unescapeCellText(plan.title), sheets.items.map((s) => s.name));
    sheet = sheets.add(sheetName);
    sheet.load("id");
    origin = sheet.getRange("A1");
    at = { row: 0, column: 0 };
  } else {
    sheet = anchorSheet as Excel.Worksheet;
    origin = anchor;
    at = { row: anchor.rowIndex, column: anchor.columnIndex };
    sheetName = sheet.name;
  }
  const undo: Undo = {
    newSheet: anchor === null ? sheetName : null,
    block: anchor === null ? null : anchor.getResizedRange(extent.rows - 1, extent.columns - 1),
    // Only what did not exist before the load is ever taken out.
    tablesBefore: taken,
    name: taken.has(record.asOfName.toLowerCase()) ? null : record.asOfName,
    records: original,
  };
  const created: Created = { table: null, sources: null };
  const steps = writeSteps(plan, sheet, origin, at, tableName, () => records, context, request.target === "newSheet", created);
  let tracked: TableRecord = record;
  let withIds = records;
  try {
    syncs += await runSteps(context, steps, request.onProgress);
    // Excel's ids of the tables and the sheet, known now: a refresh finds the table by them after
    // the user renames it or its sheet. One more sync, the load's last write (undone like the rest).
    tracked = { ...record, tableId: created.table?.id ?? null, sourcesTableId: created.sources?.id ?? null, worksheetId: sheet.id, sheetName };
    withIds = mergeRecords(parseRecords(original).records, [tracked]);
    queueRecords(context, withIds);
    await context.sync();
    syncs++;
  } catch (error) {
    const failure = error instanceof StepsFailedError ? error.failure : error;
    try {
      await undoLoad(context, undo);
    } catch (restoreError) {
      throw new LoadFailedError(failure, false, restoreError);
    }
    throw new LoadFailedError(failure, true, null);
  }
  return { kind: "loaded", record: tracked, records: withIds, sheetName, rows: plan.table.rows.length, syncs };
}
