/* The `Excel` and `OfficeExtension` globals of the preview: Excel.run, Excel.RequestContext and
 * the enums, over a preview workbook. Unknown members throw "preview does not implement Excel.foo". */
import type { Workbook } from "../engine/workbook";
import { ClientResult, ERROR_CODES, OfficeExtensionError, RequestContextCore, strict } from "./client";
import { ExcelApplication, ExcelWorkbook } from "./workbook-api";

/** Excel.RequestContext: `workbook` and `application` over the preview workbook. */
export function requestContextClass(getWorkbook: () => Workbook) {
  return class RequestContext extends RequestContextCore {
    readonly workbook: ExcelWorkbook;
    readonly application: ExcelApplication;
    readonly runtime = { enableEvents: true };

    constructor(_url?: string) {
      super(getWorkbook());
      const proxied = strict(this, "RequestContext");
      this.workbook = strict(new ExcelWorkbook(proxied, () => proxied.wb), "Workbook");
      this.application = this.workbook.application;
      return proxied;
    }
  };
}

const ENUMS: Record<string, Record<string, string>> = {
  CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
  CalculationMode: { automatic: "Automatic", automaticExceptTables: "AutomaticExceptTables", manual: "Manual" },
  ChartType: {
    columnClustered: "ColumnClustered",
    columnStacked: "ColumnStacked",
    barClustered: "BarClustered",
    barStacked: "BarStacked",
    line: "Line",
    pie: "Pie",
    area: "Area",
    doughnut: "Doughnut",
    xyscatter: "XYScatter",
    _3DColumnClustered: "3DColumnClustered",
  },
  ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  ChartLegendPosition: { invalid: "Invalid", top: "Top", bottom: "Bottom", left: "Left", right: "Right", corner: "Corner", custom: "Custom" },
  InsertShiftDirection: { down: "Down", right: "Right" },
  DeleteShiftDirection: { up: "Up", left: "Left" },
  ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents", hyperlinks: "Hyperlinks", removeHyperlinks: "RemoveHyperlinks" },
  HorizontalAlignment: { general: "General", left: "Left", center: "Center", right: "Right", fill: "Fill", justify: "Justify", centerAcrossSelection: "CenterAcrossSelection", distributed: "Distributed" },
  VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom", justify: "Justify", distributed: "Distributed" },
  BorderIndex: { edgeTop: "EdgeTop", edgeBottom: "EdgeBottom", edgeLeft: "EdgeLeft", edgeRight: "EdgeRight", insideVertical: "InsideVertical", insideHorizontal: "InsideHorizontal", diagonalDown: "DiagonalDown", diagonalUp: "DiagonalUp" },
  BorderLineStyle: { none: "None", continuous: "Continuous", dash: "Dash", dashDot: "DashDot", dashDotDot: "DashDotDot", dot: "Dot", double: "Double", slantDashDot: "SlantDashDot" },
  BorderWeight: { hairline: "Hairline", thin: "Thin", medium: "Medium", thick: "Thick" },
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  RangeValueType: { unknown: "Unknown", empty: "Empty", string: "String", integer: "Integer", double: "Double", boolean: "Boolean", error: "Error", richValue: "RichValue" },
  RangeUnderlineStyle: { none: "None", single: "Single", double: "Double", singleAccountant: "SingleAccountant", doubleAccountant: "DoubleAccountant" },
  EventSource: { local: "Local", remote: "Remote" },
  DataChangeType: { unknown: "Unknown", rangeEdited: "RangeEdited", rowInserted: "RowInserted", rowDeleted: "RowDeleted", columnInserted: "ColumnInserted", columnDeleted: "ColumnDeleted", cellInserted: "CellInserted", cellDeleted: "CellDeleted" },
};

/**
 * The `Excel` global of the preview.
 * @param getWorkbook - the preview workbook (the grid's page owns it)
 * @returns an object with run, RequestContext, ErrorCodes and the enums, strict about the rest
 */
export function createExcelNamespace(getWorkbook: () => Workbook): object {
  const RequestContext = requestContextClass(getWorkbook);
  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === "function" ? a : b) as ((ctx: InstanceType<typeof RequestContext>) => Promise<T> | T) | undefined;
    if (typeof batch !== "function") throw new OfficeExtensionError("InvalidArgument", "The argument is invalid or missing or has an incorrect format. (Excel.run needs a batch function)", "Excel.run");
    // Excel.run(object, batch) continues an earlier context's objects: the preview starts a new context.
    const ctx = new RequestContext();
    getWorkbook().stats.runs++;
    const result = await batch(ctx);
    if (ctx.pending > 0) await ctx.sync();
    return result;
  }
  const ns: Record<string, unknown> = {
    run,
    RequestContext,
    ErrorCodes: { ...ERROR_CODES },
    ...ENUMS,
  };
  return strict(ns, "Excel");
}

/** The `OfficeExtension` global (office.js defines it only inside Office). */
export function createOfficeExtensionNamespace(): object {
  return strict(
    {
      Error: OfficeExtensionError,
      ErrorCodes: { ...ERROR_CODES },
      ClientResult,
      Promise,
      config: { extendedErrorLogging: false },
    },
    "OfficeExtension",
  );
}
