/* A clustered column chart of a loaded table: company by value, titled with the dataset and its
 * as-of date. The chart reads the table's columns, so it follows refreshes. */
import { tableHeader } from "../../core/sheet";
import type { TableRecord } from "../records";

export interface ChartRequest {
  readonly record: TableRecord;
  /** The chart title: the dataset's title and as-of date, in the user's language. */
  readonly title: string;
}

export type ChartResult =
  | { readonly kind: "inserted"; readonly name: string; readonly syncs: number }
  | { readonly kind: "missing"; readonly syncs: number }
  /** The table mixes currencies: one axis cannot show dollars and won. */
  | { readonly kind: "mixedCurrency"; readonly currencies: string[]; readonly syncs: number }
  | { readonly kind: "columnsMissing"; readonly syncs: number };

/**
 * Inserts a clustered column chart of a loaded table beside it: the Value column by Company.
 * @param context - the request context of the user action (one Excel.run)
 * @param request - the table's record and the title to give the chart
 */
export async function insertChart(context: Excel.RequestContext, request: ChartRequest): Promise<ChartResult> {
  const { record } = request;
  const tables = context.workbook.tables;
  tables.load("items/name, items/id");
  await context.sync();
  const found = tables.items.find((t) => (record.tableId !== null && t.id === record.tableId) || t.name.toLowerCase() === record.tableName.toLowerCase());
  if (!found) return { kind: "missing", syncs: 1 };

  const headers = tableHeader(record.lang);
  const table = tables.getItem(found.name);
  const header = table.getHeaderRowRange();
  header.load("values, columnCount");
  await context.sync();
  const names = (header.values[0] ?? []).map(String);
  const company = names.indexOf(headers.company);
  const value = names.indexOf(headers.value);
  const currency = names.indexOf(headers.currency);
  if (company < 0 || value < 0 || currency < 0) return { kind: "columnsMissing", syncs: 2 };

  const body = table.getDataBodyRange();
  const currencies = body.getColumn(currency);
  currencies.load("values");
  const sheet = table.worksheet;
  await context.sync();
  const distinct = [...new Set((currencies.values as unknown[][]).map((r) => String(r[0])).filter((c) => c !== ""))];
  if (distinct.length > 1) return { kind: "mixedCurrency", currencies: distinct, syncs: 3 };

  // The Value column with its header (the series name); companies as categories.
  const chart = sheet.charts.add("ColumnClustered", table.columns.getItemAt(value).getRange(), "Columns");
  const name = `${found.name}_Chart`;
  chart.name = name;
  chart.title.text = request.title;
  chart.legend.visible = false;
  chart.series.getItemAt(0).setXAxisValues(body.getColumn(company));
  chart.setPosition(table.getRange().getCell(0, header.columnCount + 1));
  await context.sync();
  return { kind: "inserted", name, syncs: 4 };
}
