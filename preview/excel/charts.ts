/* Excel.Chart and ChartCollection: type (clustered columns or a line), source, categories, title,
 * legend and position, drawn by the grid. */
import type { ChartInfo, SheetInfo } from "../engine/workbook";
import { ClientCollection, ClientObject, OfficeExtensionError, notImplemented, strict, type RequestContextCore } from "./client";
import { ExcelRange, enumValue, resolveAddress } from "./range";

/** The chart types the preview draws (Excel.ChartType values): clustered columns and lines. */
const DRAWN_TYPES = ["ColumnClustered", "Line"];

export class ExcelChart extends ClientObject<ChartInfo> {
  readonly typeName = "Chart";
  protected readonly props = ["id", "name", "chartType", "top", "left", "width", "height"] as const;
  protected override readonly navs = ["title", "legend", "series"] as const;

  protected read(name: string, c: ChartInfo): unknown {
    switch (name) {
      case "id":
        return c.id;
      case "name":
        return c.name;
      case "chartType":
        return c.chartType;
      case "top":
        return c.top;
      case "left":
        return c.left;
      case "width":
        return c.width;
      case "height":
        return c.height;
    }
    throw notImplemented(`Chart.${name}`);
  }

  private setter(name: string, v: unknown, f: (c: ChartInfo) => void): void {
    this.set$(name, v, (c) => {
      f(c);
      this.ctx.wb.changed();
    });
  }

  get id(): string {
    return this.get$("id");
  }
  get name(): string {
    return this.get$("name");
  }
  set name(v: string) {
    this.setter("name", v, (c) => (c.name = v));
  }
  get chartType(): string {
    return this.get$("chartType");
  }
  set chartType(v: string) {
    this.setter("chartType", v, (c) => (c.chartType = chartTypeOf(v)));
  }
  get top(): number {
    return this.get$("top");
  }
  set top(v: number) {
    this.setter("top", v, (c) => (c.top = v));
  }
  get left(): number {
    return this.get$("left");
  }
  set left(v: number) {
    this.setter("left", v, (c) => (c.left = v));
  }
  get width(): number {
    return this.get$("width");
  }
  set width(v: number) {
    this.setter("width", v, (c) => (c.width = v));
  }
  get height(): number {
    return this.get$("height");
  }
  set height(v: number) {
    this.setter("height", v, (c) => (c.height = v));
  }

  get title(): ChartTitle {
    return strict(new ChartTitle(this.ctx, () => this.resolveTarget()), "ChartTitle");
  }
  get legend(): ChartLegend {
    return strict(new ChartLegend(this.ctx, () => this.resolveTarget()), "ChartLegend");
  }
  get series(): ChartSeriesCollection {
    return strict(new ChartSeriesCollection(this.ctx, () => this.resolveTarget()), "ChartSeriesCollection");
  }

  /** Places the chart over a cell range (Excel's setPosition). */
  setPosition(startCell: ExcelRange | string, endCell?: ExcelRange | string): void {
    this.call("setPosition", (c) => {
      const wb = this.ctx.wb;
      const at = (r: ExcelRange | string) => (typeof r === "string" ? resolveAddress(wb, c.sheet, r, "Chart.setPosition") : r.targetForCopy()).rect;
      const start = at(startCell);
      const end = endCell ? at(endCell) : null;
      c.left = wb.columnsWidthPt(c.sheet, 0, start.col);
      let top = 0;
      for (let r = 0; r < start.row; r++) top += wb.rowHeight(c.sheet, r);
      c.top = top;
      if (end) {
        c.width = Math.max(60, wb.columnsWidthPt(c.sheet, start.col, end.col + end.colCount));
        let h = 0;
        for (let r = start.row; r < end.row + end.rowCount; r++) h += wb.rowHeight(c.sheet, r);
        c.height = Math.max(60, h);
      }
      wb.changed();
    });
  }

  setData(sourceData: ExcelRange | string, seriesBy = "Auto"): void {
    this.call("setData", (c) => {
      const t = typeof sourceData === "string" ? resolveAddress(this.ctx.wb, c.sheet, sourceData, "Chart.setData") : sourceData.targetForCopy();
      c.source = t.rect;
      c.seriesBy = enumValue(seriesBy, ["Auto", "Columns", "Rows"], "Chart.setData seriesBy");
      this.ctx.wb.changed();
    });
  }

  delete(): void {
    this.call("delete", (c) => this.ctx.wb.deleteChart(c));
  }

  activate(): void {
    this.call("activate", () => undefined);
  }
}

function chartTypeOf(v: string): string {
  const t = enumValue(v, [...DRAWN_TYPES, "ColumnClustered3D", "LineMarkers", "Area", "Doughnut", "XYScatter", "BarStacked"], "Chart.chartType");
  if (!DRAWN_TYPES.includes(t)) throw notImplemented(`chart type ${t} (the preview draws ${DRAWN_TYPES.join(", ")})`);
  return t;
}

export class ChartTitle extends ClientObject<ChartInfo> {
  readonly typeName = "ChartTitle";
  protected readonly props = ["text", "visible"] as const;
  protected read(name: string, c: ChartInfo): unknown {
    if (name === "text") return c.title;
    if (name === "visible") return c.titleVisible;
    throw notImplemented(`ChartTitle.${name}`);
  }
  get text(): string {
    return this.get$("text");
  }
  set text(v: string) {
    this.set$("text", v, (c) => {
      c.title = String(v);
      this.ctx.wb.changed();
    });
  }
  get visible(): boolean {
    return this.get$("visible");
  }
  set visible(v: boolean) {
    this.set$("visible", v, (c) => {
      c.titleVisible = Boolean(v);
      this.ctx.wb.changed();
    });
  }
}

export class ChartLegend extends ClientObject<ChartInfo> {
  readonly typeName = "ChartLegend";
  protected readonly props = ["visible", "position"] as const;
  protected read(name: string, c: ChartInfo): unknown {
    if (name === "visible") return c.legendVisible;
    if (name === "position") return c.legendPosition;
    throw notImplemented(`ChartLegend.${name}`);
  }
  get visible(): boolean {
    return this.get$("visible");
  }
  set visible(v: boolean) {
    this.set$("visible", v, (c) => {
      c.legendVisible = Boolean(v);
      this.ctx.wb.changed();
    });
  }
  get position(): string {
    return this.get$("position");
  }
  set position(v: string) {
    this.set$("position", v, (c) => {
      c.legendPosition = enumValue(v, ["Invalid", "Top", "Bottom", "Left", "Right", "Corner", "Custom"], "ChartLegend.position");
      this.ctx.wb.changed();
    });
  }
}

type SeriesTarget = { chart: ChartInfo; index: number };

/** The series of a chart: one per numeric column (or row) of its source. */
export class ChartSeriesCollection extends ClientCollection<ChartSeries, SeriesTarget, ChartInfo> {
  readonly typeName = "ChartSeriesCollection";
  protected list(c: ChartInfo): SeriesTarget[] {
    const count = c.seriesBy === "Rows" ? c.source.rowCount : c.source.colCount;
    return Array.from({ length: Math.max(1, count) }, (_, index) => ({ chart: c, index }));
  }
  protected makeItem(s: SeriesTarget): ChartSeries {
    return this.getItemAt(s.index);
  }
  getItemAt(index: number): ChartSeries {
    return strict(
      new ChartSeries(this.ctx, () => {
        const c = this.resolveTarget();
        if (!c) return null;
        if (index < 0 || index >= this.list(c).length) throw new OfficeExtensionError("ItemNotFound", `The requested resource doesn't exist. (series ${index})`, "ChartSeriesCollection.getItemAt", 404);
        return { chart: c, index };
      }),
      "ChartSeries",
    );
  }
}

export class ChartSeries extends ClientObject<SeriesTarget> {
  readonly typeName = "ChartSeries";
  protected readonly props = ["name"] as const;
  protected read(name: string, s: SeriesTarget): unknown {
    if (name === "name") {
      const header = this.ctx.wb.value(s.chart.sheet, s.chart.source.row, s.chart.source.col + s.index);
      return typeof header === "string" ? header : `Series${s.index + 1}`;
    }
    throw notImplemented(`ChartSeries.${name}`);
  }
  get name(): string {
    return this.get$("name");
  }
  /** Category labels of the chart (the preview keeps one set for all series, as a column chart shows). */
  setXAxisValues(sourceData: ExcelRange | string): void {
    this.call("setXAxisValues", (s) => {
      const t = typeof sourceData === "string" ? resolveAddress(this.ctx.wb, s.chart.sheet, sourceData, "ChartSeries.setXAxisValues") : sourceData.targetForCopy();
      s.chart.categories = t.rect;
      this.ctx.wb.changed();
    });
  }
}

export class ChartCollection extends ClientCollection<ExcelChart, ChartInfo, SheetInfo> {
  readonly typeName = "ChartCollection";

  protected list(s: SheetInfo): ChartInfo[] {
    return this.ctx.wb.charts.filter((c) => c.sheet === s);
  }

  protected makeItem(c: ChartInfo): ExcelChart {
    return strict(new ExcelChart(this.ctx, () => (this.ctx.wb.charts.includes(c) ? c : null)), "Chart");
  }

  /** Adds a chart of a range (Excel's ChartCollection.add). */
  add(type: string, sourceData: ExcelRange | string, seriesBy = "Auto"): ExcelChart {
    let created: ChartInfo | null = null;
    this.call("add", (s) => {
      const t = typeof sourceData === "string" ? resolveAddress(this.ctx.wb, s, sourceData, "ChartCollection.add") : sourceData.targetForCopy();
      created = this.ctx.wb.addChart(s, chartTypeOf(type), t.rect, enumValue(seriesBy, ["Auto", "Columns", "Rows"], "ChartCollection.add seriesBy"));
    });
    return strict(new ExcelChart(this.ctx, () => created), "Chart");
  }

  private find(key: string, orNull: boolean): ChartInfo | null {
    const s = this.target();
    const c = this.ctx.wb.charts.find((x) => x.sheet === s && (x.name === key || x.id === key));
    if (c) return c;
    if (orNull) return null;
    throw new OfficeExtensionError("ItemNotFound", `The requested resource doesn't exist. (chart '${key}')`, "ChartCollection.getItem", 404);
  }

  getItem(name: string): ExcelChart {
    return strict(new ExcelChart(this.ctx, () => this.find(name, false)), "Chart");
  }
  getItemOrNullObject(name: string): ExcelChart {
    return strict(new ExcelChart(this.ctx, () => this.find(name, true), true), "Chart");
  }
  getItemAt(index: number): ExcelChart {
    return strict(
      new ExcelChart(this.ctx, () => {
        const c = this.list(this.target())[index];
        if (!c) throw new OfficeExtensionError("ItemNotFound", `The requested resource doesn't exist. (chart at ${index})`, "ChartCollection.getItemAt", 404);
        return c;
      }),
      "Chart",
    );
  }
}

export function makeChartCollection(ctx: RequestContextCore, resolve: () => SheetInfo | null): ChartCollection {
  return strict(new ChartCollection(ctx, resolve), "ChartCollection");
}
