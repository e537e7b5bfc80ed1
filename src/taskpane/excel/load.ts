/* Loading a dataset into the workbook: one Excel.run, at most 3 syncs up to 100,000 cells (here:
 * one sync to read names and the target, one to write everything; more only when the writes pass
 * Excel on the web's 5 MB request limit and are split into 4 MB requests). */
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
import { hyperlinkSteps, matrixSteps, runSteps, smallStep, type Progress, type Step } from "./steps";

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

export type LoadResult =
  | { readonly kind: "loaded"; readonly record: TableRecord; readonly records: TableRecord[]; readonly sheetName: string; readonly rows: number; readonly syncs: number }
  /** The block would cover cells that are not empty: nothing was written. */
  | { readonly kind: "targetNotEmpty"; readonly address: string; readonly syncs: number };

/** Width, in points, of the long text columns (quote, note) after autofit. */
const LONG_TEXT_WIDTH = 240;
/** Fill and font of unconfirmed figures' rows. */
const UNCONFIRMED_FILL = "#FCE4D6";
const UNCONFIRMED_FONT = "#9C0006";

/** Table styles: the dataset table, the sources table. */
const TABLE_STYLE = "TableStyleMedium2";
const SOURCES_STYLE = "TableStyleLight1";

/**
 * The steps that write a plan at `origin` (the top-left cell of the block), in order: title,
 * as-of row, the dataset table's header and rows, their number formats and links (Source → the
 * document), the sources with theirs (URL), then (small steps) the tables, formats and names.
 */
function writeSteps(plan: LoadPlan, sheet: Excel.Worksheet, origin: Excel.Range, at: { row: number; column: number }, tableName: string, records: () => TableRecord[], context: Excel.RequestContext, freeze: boolean): Step[] {
  const width = plan.table.columns.length;
  const n = plan.table.rows.length;
  const headerRow = ROWS_ABOVE_TABLE;
  const sourcesRow = headerRow + 1 + n + ROWS_BETWEEN_TABLES;
  const sourcesWidth = plan.sources.columns.length;
  const cell = (row: number, column: number) => origin.getOffsetRange(row, column);
  const block = (row: number, column: number, rows: number, columns: number) => cell(row, column).getResizedRange(rows - 1, columns - 1);

  const steps: Step[] = [
    {
      bytes: matrixBytes([[plan.title], plan.asOfRow]) + 512,
      run: () => {
        const title = cell(0, 0);
        title.values = [[plan.title]];
        title.format.font.bold = true;
        title.format.font.size = 14;
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
    ...matrixSteps([plan.sources.header, ...plan.sources.rows], (offset, count) => block(sourcesRow + offset, 0, count, sourcesWidth), "values"),
  );
  for (const [column, formats] of plan.sources.formats) {
    steps.push(...matrixSteps(columnMatrix(formats), (offset, count) => block(sourcesRow + 1 + offset, column, count, 1), "numberFormat"));
  }
  for (const [column, urls] of plan.sources.links) {
    steps.push(...hyperlinkSteps(urls, plan.sources.rows.map((row) => row[column]), (i) => cell(sourcesRow + 1 + i, column)));
  }
  steps.push(
    smallStep(() => {
      const table = sheet.tables.add(block(headerRow, 0, n + 1, width), true);
      table.name = tableName;
      table.style = TABLE_STYLE;
      if (plan.unconfirmed.length > 0) {
        // A rule, not fills: it follows the rows through refreshes and the user's sorting.
        const status = fixedColumnCell(at.row + headerRow + 1, at.column + TABLE_COLUMNS.indexOf("status"));
        const rule = table.getDataBodyRange().conditionalFormats.add("Custom");
        rule.custom.rule.formula = `=LEFT(${status},1)="${UNCONFIRMED_MARK}"`;
        rule.custom.format.fill.color = UNCONFIRMED_FILL;
        rule.custom.format.font.color = UNCONFIRMED_FONT;
      }
      const sources = sheet.tables.add(block(sourcesRow, 0, plan.sources.rows.length + 1, sourcesWidth), true);
      sources.name = `${tableName}${SOURCES_SUFFIX}`;
      sources.style = SOURCES_STYLE;
      context.workbook.names.add(`${tableName}${AS_OF_SUFFIX}`, block(1, 0, 1, 4), "AIFIN: as-of date and version of the table below");
      // Widths fit both tables (they share columns: a date under a short Period must not show ####),
      // then the Metric column fits its own labels and the long source titles below wrap instead.
      block(headerRow, 0, sourcesRow + 1 + plan.sources.rows.length - headerRow, width).format.autofitColumns();
      table.columns.getItemAt(TABLE_COLUMNS.indexOf("metric")).getRange().format.autofitColumns();
      const titles = block(sourcesRow + 1, SOURCE_COLUMNS.indexOf("title"), plan.sources.rows.length, 1);
      titles.format.wrapText = true;
      titles.format.autofitRows();
      for (const long of ["quote", "note"] as const) {
        table.columns.getItemAt(TABLE_COLUMNS.indexOf(long)).getRange().format.columnWidth = LONG_TEXT_WIDTH;
      }
      if (freeze) sheet.freezePanes.freezeRows(headerRow + 1);
      sheet.activate();
      queueRecords(context, records());
    }),
  );
  return steps;
}

/**
 * Loads a dataset into a new worksheet (named after the dataset) or at the selected cell: a title
 * and as-of row, the dataset as an Excel table named after it (header frozen on a new sheet,
 * columns autofitted, numbers formatted by currency, unconfirmed rows highlighted), and a sources
 * table below it. Records the table in workbook.settings for refreshes. At the selected cell,
 * nothing is written when the block would cover a cell that is not empty.
 * @param context - the request context of the user action (one Excel.run)
 * @param request - the dataset, language, target, feed hash and time
 * @returns what was written and the record kept, or "targetNotEmpty"
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
  let used: Excel.Range | null = null;
  if (request.target === "selection") {
    anchor = workbook.getSelectedRange().getCell(0, 0);
    anchor.load("rowIndex, columnIndex");
    anchorSheet = anchor.worksheet;
    anchorSheet.load("name");
    used = anchor.getResizedRange(extent.rows - 1, extent.columns - 1).getUsedRangeOrNullObject(true);
    used.load("address");
  }
  await context.sync();

  if (used && !used.isNullObject) return { kind: "targetNotEmpty", address: used.address, syncs: 1 };

  const tableName = tableNameFor(plan.datasetId, [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)]);
  const record: TableRecord = {
    datasetId: plan.datasetId,
    version: plan.version,
    hash: request.hash,
    asOf: plan.asOf,
    refreshedAt: request.now,
    tableName,
    tableId: null,
    sourcesTableName: `${tableName}${SOURCES_SUFFIX}`,
    asOfName: `${tableName}${AS_OF_SUFFIX}`,
    lang: request.lang,
  };
  const existing = parseRecords(setting.isNullObject ? undefined : setting.value).records;
  const records = mergeRecords(existing, [record]);

  let sheet: Excel.Worksheet;
  let origin: Excel.Range;
  let at: { row: number; column: number };
  let sheetName: string;
  if (anchor === null) {
    sheetName = sheetNameFor(unescapeCellText(plan.title), sheets.items.map((s) => s.name));
    sheet = sheets.add(sheetName);
    origin = sheet.getRange("A1");
    at = { row: 0, column: 0 };
  } else {
    sheet = anchorSheet as Excel.Worksheet;
    origin = anchor;
    at = { row: anchor.rowIndex, column: anchor.columnIndex };
    sheetName = sheet.name;
  }
  const steps = writeSteps(plan, sheet, origin, at, tableName, () => records, context, request.target === "newSheet");
  const writes = await runSteps(context, steps, request.onProgress);
  return { kind: "loaded", record, records, sheetName, rows: plan.table.rows.length, syncs: 1 + writes };
}
