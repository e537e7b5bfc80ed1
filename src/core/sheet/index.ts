/**
 * Pure planning of what the task pane writes into a workbook: names, the load plan, the refresh
 * plan, payload chunking and the cleaning of pasted amounts. No Office, no DOM, no fetch.
 */
export { escapeCellText, unescapeCellText } from "./escape";
export { AS_OF_SUFFIX, MAX_SHEET_NAME, SOURCES_SUFFIX, isValidTableName, needsQuotes, sheetNameFor, tableNameFor } from "./names";
export { DATE_FORMAT, isoDateToSerial } from "./dates";
export { SHEET_LABELS, UNCONFIRMED_MARK, sheetLabel, type SheetLabel } from "./labels";
export {
  FORMATS,
  ROWS_ABOVE_TABLE,
  ROWS_BETWEEN_TABLES,
  SOURCE_COLUMNS,
  TABLE_COLUMNS,
  planExtent,
  planLoad,
  rowKey,
  sourcesHeader,
  statusText,
  tableHeader,
  type Cell,
  type LoadPlan,
  type SourceColumn,
  type TableBlock,
  type TableColumn,
} from "./plan";
export { planTableUpdate, sumCounts, type BlockWrite, type ExistingTable, type LinkWrite, type RefreshCounts, type RowsAdd, type TableUpdate } from "./diff";
export { CHUNK_BYTES, OPERATION_OVERHEAD_BYTES, REQUEST_LIMIT_BYTES, cellBytes, matrixBytes, packRequests, rowBytes, rowSlices } from "./chunk";
export { columnLetters, fixedColumnCell } from "./address";
export { currencyOfFormat, planClean, type CleanColumn, type CleanOptions, type CleanPlan, type UnitChoice } from "./clean";
export { findUnitCaption, isUnitCaption, readUnitHeader, unitName, type FoundUnit, type StatementUnit } from "./statement-unit";
export { nextFreeColumns, onlyValues, rectAddress, targetObstacles, type CellRect, type Obstacle, type SheetPicture, type SheetSpill, type SheetTable } from "./clean-target";
export { CHART_COLUMNS, chartColumnIndexes, planChart, type ChartColumn, type ChartOption, type ChartPlan, type ChartPoint } from "./chart";
