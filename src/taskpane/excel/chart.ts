/* The chart of a loaded table (see core/sheet/chart.ts): one metric in one currency, each bar
 * named by company and period, a line over periods for one company or for rates. The chart reads
 * a small data block beside the table — labels, and formulas that read the table's Value cells,
 * so a refresh that revises a figure moves its bar — and a second Chart click updates the same
 * chart and block (found by their names) instead of stacking another. */
import {
  chartColumnIndexes,
  columnLetters,
  escapeCellText,
  planChart,
  tableHeader,
  type ChartColumn,
  type ChartOption,
} from "../../core/sheet";
import type { TableRecord } from "../records";

export interface ChartRequest {
  readonly record: TableRecord;
  /** The chart title for the option charted (the dataset's title, metric, currency, as-of date). */
  readonly title: (option: ChartOption) => string;
  /** The key of the metric and currency the user picked (see the "choose" result), or null. */
  readonly choice: string | null;
}

export type ChartResult =
  | {
      readonly kind: "inserted" | "updated";
      readonly name: string;
      readonly type: "ColumnClustered" | "Line";
      readonly option: ChartOption;
      readonly points: number;
      /** Rows of that metric and currency without a value (ranges), left out. */
      readonly leftOut: number;
      /** Where the chart's data block is ("Sheet!P4:Q16"). */
      readonly data: string;
      readonly syncs: number;
    }
  /** The table holds several metrics or currencies: ask which, then call again with the choice. */
  | { readonly kind: "choose"; readonly options: readonly ChartOption[]; readonly syncs: number }
  | { readonly kind: "missing"; readonly syncs: number }
  | { readonly kind: "columnsMissing"; readonly missing: readonly string[]; readonly syncs: number }
  | { readonly kind: "empty"; readonly syncs: number };

/** The names of a table's chart and of its data block (a workbook name, so it follows edits). */
export function chartNames(tableName: string): { readonly chart: string; readonly data: string } {
  return { chart: `${tableName}_Chart`, data: `${tableName}_ChartData` };
}

interface Geometry {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/**
 * Inserts (or updates) the chart of a loaded table: the data block beside the used part of the
 * sheet, the chart beside the block.
 * @param context - the request context of the user action (one Excel.run)
 * @param request - the table's record, the title, and the user's choice of metric and currency
 */
export async function insertChart(context: Excel.RequestContext, request: ChartRequest): Promise<ChartResult> {
  const { record } = request;
  const tables = context.workbook.tables;
  tables.load("items/name, items/id");
  await context.sync();
  const found = tables.items.find((t) => (record.tableId !== null && t.id === record.tableId) || t.name.toLowerCase() === record.tableName.toLowerCase());
  if (!found) return { kind: "missing", syncs: 1 };

  const names = chartNames(found.name);
  const table = context.workbook.tables.getItem(found.name);
  const header = table.getHeaderRowRange();
  header.load("values");
  const whole = table.getRange();
  whole.load("rowIndex, columnIndex, rowCount, columnCount, address");
  const sheet = table.worksheet;
  const used = sheet.getUsedRange(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount");
  const chart = sheet.charts.getItemOrNullObject(names.chart);
  chart.load("name");
  const dataName = context.workbook.names.getItemOrNullObject(names.data);
  dataName.load("name");
  await context.sync();
  let syncs = 2;

  const headers = tableHeader(record.lang);
  const wanted: Record<ChartColumn, string> = { company: headers.company, metric: headers.metric, period: headers.period, value: headers.value, currency: headers.currency };
  const headerRow = (header.values as unknown[][])[0] ?? [];
  const located = chartColumnIndexes(headerRow, wanted);
  if (!located.ok) return { kind: "columnsMissing", missing: located.missing, syncs };

  // Only the five columns the chart reads (a large table's other columns cost nothing).
  const body = table.getDataBodyRange();
  const columns = (Object.entries(located.index) as Array<[ChartColumn, number]>).map(([column, j]) => {
    const range = body.getColumn(j);
    range.load("values");
    return { column, j, range };
  });
  const oldBlock = dataName.isNullObject ? null : context.workbook.names.getItem(names.data).getRange();
  oldBlock?.load("rowIndex, columnIndex, rowCount, columnCount, address");
  await context.sync();
  syncs++;

  const bodyRows = whole.rowCount - 1;
  const rows: unknown[][] = Array.from({ length: bodyRows }, () => new Array<unknown>(headerRow.length).fill(""));
  for (const { j, range } of columns) (range.values as unknown[][]).forEach((v, i) => (rows[i][j] = v[0]));
  const plan = planChart(headerRow, wanted, rows, record.lang, request.choice);
  if (plan.kind === "columnsMissing") return { ...plan, syncs };
  if (plan.kind === "empty") return { kind: "empty", syncs };
  if (plan.kind === "choose") return { kind: "choose", options: plan.options, syncs };

  // The data block: reuse the old one's place when it is on this sheet and the new block fits.
  const sheetOf = (address: string) => address.slice(0, address.lastIndexOf("!"));
  const height = plan.points.length + 1;
  const g = (r: Geometry) => ({ r0: r.rowIndex, c0: r.columnIndex, r1: r.rowIndex + r.rowCount - 1, c1: r.columnIndex + r.columnCount - 1 });
  const tableRect = g(whole);
  const usedRect = g(used);
  const reuse = oldBlock !== null && sheetOf(oldBlock.address) === sheetOf(whole.address) ? g(oldBlock) : null;
  let at = { row: tableRect.r0, column: Math.max(usedRect.c1, tableRect.c1) + 2 };
  if (reuse) {
    const extra = height - (reuse.r1 - reuse.r0 + 1);
    let fits = true;
    if (extra > 0) {
      const below = sheet.getRangeByIndexes(reuse.r1 + 1, reuse.c0, extra, 2);
      below.load("values");
      await context.sync();
      syncs++;
      fits = (below.values as unknown[][]).every((row) => row.every((v) => v === "" || v === null));
    }
    if (fits) at = { row: reuse.r0, column: reuse.c0 };
  }

  if (oldBlock) oldBlock.clear();
  // Labels are text (escaped: never a formula); each value is a formula reading the table's cell.
  const valueColumn = tableRect.c0 + plan.columns.value;
  const n = plan.points.length;
  const block = sheet.getRangeByIndexes(at.row, at.column, height, 2);
  const labels = sheet.getRangeByIndexes(at.row + 1, at.column, n, 1);
  const figures = sheet.getRangeByIndexes(at.row + 1, at.column + 1, n, 1);
  block.getRow(0).values = [[escapeCellText(plan.categoryHeader), escapeCellText(plan.seriesName)]];
  labels.values = plan.points.map((p) => [escapeCellText(p.label)]);
  figures.formulas = plan.points.map((p) => {
    const ref = `${columnLetters(valueColumn)}${tableRect.r0 + 2 + p.row}`;
    return [plan.divisor === 1 ? `=${ref}` : `=${ref}/${plan.divisor}`];
  });
  figures.numberFormat = plan.points.map(() => [plan.numberFormat]);
  block.getRow(0).format.font.bold = true;
  block.format.autofitColumns();
  if (!dataName.isNullObject) context.workbook.names.getItem(names.data).delete();
  context.workbook.names.add(names.data, block, "AIFIN: the data of the chart of " + found.name);

  const values = block.getColumn(1);
  const title = request.title(plan.option);
  const existing = !chart.isNullObject;
  const target = existing ? sheet.charts.getItem(names.chart) : sheet.charts.add(plan.type, values, "Columns");
  if (existing) {
    target.chartType = plan.type;
    target.setData(values, "Columns");
  } else {
    target.name = names.chart;
    target.setPosition(sheet.getCell(at.row, at.column + 3));
  }
  target.title.text = title;
  target.legend.visible = false;
  target.series.getItemAt(0).setXAxisValues(labels);
  await context.sync();
  syncs++;
  return {
    kind: existing ? "updated" : "inserted",
    name: names.chart,
    type: plan.type,
    option: plan.option,
    points: plan.points.length,
    leftOut: plan.leftOut,
    data: `${sheetOf(whole.address)}!${columnLetters(at.column)}${at.row + 1}:${columnLetters(at.column + 1)}${at.row + height}`,
    syncs,
  };
}
