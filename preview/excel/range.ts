/* Excel.Range and its format objects over the preview workbook. */
import { MAX_COLUMNS, MAX_ROWS, intersection, parseAddress, type CellRect } from "../engine/addresses";
import type { CellStyle, SheetInfo, Workbook } from "../engine/workbook";
import { ClientObject, ClientResult, OfficeExtensionError, copyMatrix, copyOut, notImplemented, strict, type RequestContextCore } from "./client";
import { makeConditionalFormats } from "./conditional";
import { makeRangeTables } from "./tables";
import { makeWorksheet } from "./worksheet";

/** What a range proxy resolves to at sync time. */
export interface RangeTarget {
  readonly sheet: SheetInfo;
  readonly rect: CellRect;
  readonly entireColumns?: boolean;
  readonly entireRows?: boolean;
}

/** The rectangle a range's cell-level properties cover: whole rows/columns are cut to the used extent. */
function dataRect(wb: Workbook, t: RangeTarget): CellRect {
  if (!t.entireColumns && !t.entireRows) return t.rect;
  const ext = wb.extent(t.sheet);
  const cut = intersection(t.rect, { row: 0, col: 0, rowCount: Math.max(ext.rows, 1), colCount: Math.max(ext.cols, 1) });
  return cut ?? { row: t.rect.row, col: t.rect.col, rowCount: 1, colCount: 1 };
}

const CELL_LIMIT = 5_000_000;

function checkSize(rect: CellRect, what: string): void {
  if (rect.rowCount * rect.colCount > CELL_LIMIT) {
    throw new OfficeExtensionError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit. (${what} of ${rect.rowCount}×${rect.colCount} cells; Excel on the web reads at most 5,000,000)`, `Range.${what}`, 413);
  }
}

/** Normalizes an Excel enum string ("down", Excel.InsertShiftDirection.down) to its canonical case. */
export function enumValue(value: unknown, allowed: readonly string[], what: string): string {
  const found = allowed.find((a) => a.toLowerCase() === String(value).toLowerCase());
  if (!found) throw new OfficeExtensionError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${what}: '${String(value)}'; one of ${allowed.join(", ")})`, what);
  return found;
}

export class ExcelRange extends ClientObject<RangeTarget> {
  readonly typeName = "Range";
  protected readonly props = [
    "address",
    "addressLocal",
    "cellCount",
    "columnCount",
    "columnIndex",
    "rowCount",
    "rowIndex",
    "values",
    "formulas",
    "formulasLocal",
    "formulasR1C1",
    "numberFormat",
    "numberFormatLocal",
    "text",
    "valueTypes",
    "isEntireColumn",
    "isEntireRow",
    "hyperlink",
    "columnHidden",
    "rowHidden",
    "hidden",
    "hasSpill",
  ] as const;
  protected override readonly navs = ["format", "worksheet", "conditionalFormats"] as const;
  private formatObj: RangeFormat | undefined = undefined;

  constructor(ctx: RequestContextCore, resolve: () => RangeTarget | null, orNull = false) {
    super(ctx, resolve, orNull);
  }

  private get wb(): Workbook {
    return this.ctx.wb;
  }

  protected read(name: string, t: RangeTarget): unknown {
    const wb = this.wb;
    const r = dataRect(wb, t);
    switch (name) {
      case "address":
      case "addressLocal":
        return wb.address(t.sheet, t.rect, { columns: t.entireColumns, rows: t.entireRows });
      case "cellCount":
        return t.rect.rowCount * t.rect.colCount;
      case "rowCount":
        return t.rect.rowCount;
      case "columnCount":
        return t.rect.colCount;
      case "rowIndex":
        return t.rect.row;
      case "columnIndex":
        return t.rect.col;
      case "isEntireColumn":
        return Boolean(t.entireColumns);
      case "isEntireRow":
        return Boolean(t.entireRows);
      case "values":
        checkSize(r, name);
        return copyMatrix(wb.values(t.sheet, r));
      case "formulas":
      case "formulasLocal":
        checkSize(r, name);
        return copyMatrix(wb.formulas(t.sheet, r));
      case "formulasR1C1":
        checkSize(r, name);
        return copyMatrix(wb.formulasR1C1(t.sheet, r));
      case "numberFormat":
      case "numberFormatLocal":
        checkSize(r, name);
        return copyMatrix(wb.grid(r, (row, col) => wb.numberFormat(t.sheet, row, col)));
      case "text":
        checkSize(r, name);
        return copyMatrix(wb.grid(r, (row, col) => wb.text(t.sheet, row, col).text));
      case "valueTypes":
        checkSize(r, name);
        return copyMatrix(wb.grid(r, (row, col) => wb.valueType(t.sheet, row, col)));
      case "hyperlink": {
        const link = wb.style(t.sheet, t.rect.row, t.rect.col)?.hyperlink;
        return link ? copyOut(link) : undefined;
      }
      case "columnHidden":
      case "rowHidden":
      case "hidden":
        return false;
      case "hasSpill":
        return wb.hasSpill(t.sheet, dataRect(wb, t));
    }
    throw notImplemented(`Range.${name}`);
  }

  // ---- properties

  get address(): string {
    return this.get$("address");
  }
  get addressLocal(): string {
    return this.get$("addressLocal");
  }
  get cellCount(): number {
    return this.get$("cellCount");
  }
  get rowCount(): number {
    return this.get$("rowCount");
  }
  get columnCount(): number {
    return this.get$("columnCount");
  }
  get rowIndex(): number {
    return this.get$("rowIndex");
  }
  get columnIndex(): number {
    return this.get$("columnIndex");
  }
  get isEntireColumn(): boolean {
    return this.get$("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this.get$("isEntireRow");
  }
  get text(): string[][] {
    return this.get$("text");
  }
  get valueTypes(): string[][] {
    return this.get$("valueTypes");
  }
  get columnHidden(): boolean {
    return this.get$("columnHidden");
  }
  get rowHidden(): boolean {
    return this.get$("rowHidden");
  }
  get hidden(): boolean {
    return this.get$("hidden");
  }
  get hasSpill(): boolean | null {
    return this.get$("hasSpill");
  }

  get values(): unknown[][] {
    return this.get$("values");
  }
  set values(v: unknown) {
    this.set$("values", v, (t) => this.wb.write(t.sheet, dataRectForWrite(t), v, "Range.values"));
  }

  get formulas(): unknown[][] {
    return this.get$("formulas");
  }
  set formulas(v: unknown) {
    this.set$("formulas", v, (t) => this.wb.write(t.sheet, dataRectForWrite(t), v, "Range.formulas"));
  }
  get formulasLocal(): unknown[][] {
    return this.get$("formulasLocal");
  }
  set formulasLocal(v: unknown) {
    this.set$("formulasLocal", v, (t) => this.wb.write(t.sheet, dataRectForWrite(t), v, "Range.formulasLocal"));
  }

  get formulasR1C1(): unknown[][] {
    return this.get$("formulasR1C1");
  }
  set formulasR1C1(v: unknown) {
    this.set$("formulasR1C1", v, (t) => this.wb.writeR1C1(t.sheet, dataRectForWrite(t), v, "Range.formulasR1C1"));
  }

  get numberFormat(): string[][] {
    return this.get$("numberFormat");
  }
  set numberFormat(v: unknown) {
    this.set$("numberFormat", v, (t) => this.wb.setStyle(t.sheet, dataRectForWrite(t), "numberFormat", v as string, "Range.numberFormat"));
  }
  get numberFormatLocal(): string[][] {
    return this.get$("numberFormatLocal");
  }
  set numberFormatLocal(v: unknown) {
    this.set$("numberFormatLocal", v, (t) => this.wb.setStyle(t.sheet, dataRectForWrite(t), "numberFormat", v as string, "Range.numberFormatLocal"));
  }

  get hyperlink(): CellStyle["hyperlink"] {
    return this.get$("hyperlink");
  }
  /**
   * Sets (or, with no address and no document reference, removes) the link of every cell of the
   * range; the text to display goes into the first cell only, typed in as text is, as Excel shows it
   * ("the string that is displayed in the top left most cell"). Stricter than a lenient host: an
   * address that is not an absolute http(s) URL is refused with InvalidArgument, at sync, as Excel
   * refuses a malformed one.
   */
  set hyperlink(v: CellStyle["hyperlink"]) {
    this.set$("hyperlink", v, (t) => {
      const link = v && (v.address || v.documentReference) ? { ...v } : undefined;
      if (link?.address !== undefined && !(typeof link.address === "string" && /^https?:\/\/[^\s/]+\.\S+$/i.test(link.address))) {
        throw new OfficeExtensionError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (hyperlink address '${String(link.address)}': the preview accepts an absolute http(s) URL)`, "Range.hyperlink");
      }
      if (link?.textToDisplay !== undefined && typeof link.textToDisplay !== "string") {
        throw new OfficeExtensionError("InvalidArgument", "The argument is invalid or missing or has an incorrect format. (hyperlink textToDisplay must be text)", "Range.hyperlink");
      }
      const rect = dataRectForWrite(t);
      this.wb.setStyle(t.sheet, rect, "hyperlink", link, "Range.hyperlink");
      if (link?.textToDisplay !== undefined) this.wb.write(t.sheet, { row: rect.row, col: rect.col, rowCount: 1, colCount: 1 }, link.textToDisplay, "Range.hyperlink");
    });
  }

  // ---- navigation

  get format(): RangeFormat {
    this.formatObj ??= strict(new RangeFormat(this.ctx, () => this.resolveTarget()), "RangeFormat");
    return this.formatObj;
  }

  get worksheet() {
    return makeWorksheet(this.ctx, () => this.resolveTarget()?.sheet ?? null);
  }

  get conditionalFormats() {
    return makeConditionalFormats(this.ctx, () => this.resolveTarget());
  }

  // ---- derived ranges

  private derive(method: string, f: (t: RangeTarget) => RangeTarget): ExcelRange {
    return makeRange(this.ctx, () => {
      const t = this.resolveTarget();
      if (!t) return null;
      const next = f(t);
      const { rect } = next;
      if (rect.row < 0 || rect.col < 0 || rect.rowCount < 1 || rect.colCount < 1 || rect.row + rect.rowCount > MAX_ROWS || rect.col + rect.colCount > MAX_COLUMNS) {
        throw new OfficeExtensionError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (Range.${method} goes outside the sheet)`, `Range.${method}`);
      }
      return next;
    });
  }

  getCell(row: number, column: number): ExcelRange {
    return this.derive("getCell", (t) => ({ sheet: t.sheet, rect: { row: t.rect.row + row, col: t.rect.col + column, rowCount: 1, colCount: 1 } }));
  }
  getRow(row: number): ExcelRange {
    return this.derive("getRow", (t) => ({ sheet: t.sheet, rect: { ...t.rect, row: t.rect.row + row, rowCount: 1 }, entireRows: t.entireRows }));
  }
  getColumn(column: number): ExcelRange {
    return this.derive("getColumn", (t) => ({ sheet: t.sheet, rect: { ...t.rect, col: t.rect.col + column, colCount: 1 }, entireColumns: t.entireColumns }));
  }
  getRowsAbove(count = 1): ExcelRange {
    return this.derive("getRowsAbove", (t) => ({ sheet: t.sheet, rect: { ...t.rect, row: t.rect.row - count, rowCount: count } }));
  }
  getRowsBelow(count = 1): ExcelRange {
    return this.derive("getRowsBelow", (t) => ({ sheet: t.sheet, rect: { ...t.rect, row: t.rect.row + t.rect.rowCount, rowCount: count } }));
  }
  getColumnsBefore(count = 1): ExcelRange {
    return this.derive("getColumnsBefore", (t) => ({ sheet: t.sheet, rect: { ...t.rect, col: t.rect.col - count, colCount: count } }));
  }
  getColumnsAfter(count = 1): ExcelRange {
    return this.derive("getColumnsAfter", (t) => ({ sheet: t.sheet, rect: { ...t.rect, col: t.rect.col + t.rect.colCount, colCount: count } }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): ExcelRange {
    return this.derive("getOffsetRange", (t) => ({ sheet: t.sheet, rect: { ...t.rect, row: t.rect.row + rowOffset, col: t.rect.col + columnOffset } }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): ExcelRange {
    return this.derive("getResizedRange", (t) => ({ sheet: t.sheet, rect: { ...t.rect, rowCount: t.rect.rowCount + deltaRows, colCount: t.rect.colCount + deltaColumns } }));
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): ExcelRange {
    return this.derive("getAbsoluteResizedRange", (t) => ({ sheet: t.sheet, rect: { ...t.rect, rowCount: numRows, colCount: numColumns } }));
  }
  getLastRow(): ExcelRange {
    return this.derive("getLastRow", (t) => ({ sheet: t.sheet, rect: { ...t.rect, row: t.rect.row + t.rect.rowCount - 1, rowCount: 1 } }));
  }
  getLastColumn(): ExcelRange {
    return this.derive("getLastColumn", (t) => ({ sheet: t.sheet, rect: { ...t.rect, col: t.rect.col + t.rect.colCount - 1, colCount: 1 } }));
  }
  getLastCell(): ExcelRange {
    return this.derive("getLastCell", (t) => ({ sheet: t.sheet, rect: { row: t.rect.row + t.rect.rowCount - 1, col: t.rect.col + t.rect.colCount - 1, rowCount: 1, colCount: 1 } }));
  }
  getEntireColumn(): ExcelRange {
    return this.derive("getEntireColumn", (t) => ({ sheet: t.sheet, rect: { row: 0, col: t.rect.col, rowCount: MAX_ROWS, colCount: t.rect.colCount }, entireColumns: true }));
  }
  getEntireRow(): ExcelRange {
    return this.derive("getEntireRow", (t) => ({ sheet: t.sheet, rect: { row: t.rect.row, col: 0, rowCount: t.rect.rowCount, colCount: MAX_COLUMNS }, entireRows: true }));
  }
  getBoundingRect(anotherRange: ExcelRange | string): ExcelRange {
    return this.derive("getBoundingRect", (t) => {
      const o = otherRect(this.ctx.wb, t, anotherRange, "getBoundingRect");
      const row = Math.min(t.rect.row, o.row);
      const col = Math.min(t.rect.col, o.col);
      return {
        sheet: t.sheet,
        rect: { row, col, rowCount: Math.max(t.rect.row + t.rect.rowCount, o.row + o.rowCount) - row, colCount: Math.max(t.rect.col + t.rect.colCount, o.col + o.colCount) - col },
      };
    });
  }
  getIntersection(anotherRange: ExcelRange | string): ExcelRange {
    return this.derive("getIntersection", (t) => {
      const i = intersection(t.rect, otherRect(this.ctx.wb, t, anotherRange, "getIntersection"));
      if (!i) throw new OfficeExtensionError("ItemNotFound", "The requested resource doesn't exist. (the ranges do not intersect)", "Range.getIntersection", 404);
      return { sheet: t.sheet, rect: i };
    });
  }
  getIntersectionOrNullObject(anotherRange: ExcelRange | string): ExcelRange {
    return makeRange(
      this.ctx,
      () => {
        const t = this.resolveTarget();
        if (!t) return null;
        const i = intersection(t.rect, otherRect(this.ctx.wb, t, anotherRange, "getIntersectionOrNullObject"));
        return i ? { sheet: t.sheet, rect: i } : null;
      },
      true,
    );
  }
  getUsedRange(valuesOnly = false): ExcelRange {
    return this.derive("getUsedRange", (t) => {
      const used = this.ctx.wb.usedRange(t.sheet, valuesOnly);
      const i = used && intersection(used, t.rect);
      return { sheet: t.sheet, rect: i ?? { row: t.rect.row, col: t.rect.col, rowCount: 1, colCount: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): ExcelRange {
    return makeRange(
      this.ctx,
      () => {
        const t = this.resolveTarget();
        if (!t) return null;
        const used = this.ctx.wb.usedRange(t.sheet, valuesOnly);
        const i = used && intersection(used, t.rect);
        return i ? { sheet: t.sheet, rect: i } : null;
      },
      true,
    );
  }
  /** The range a dynamic-array formula in this cell spills into. */
  getSpillingToRangeOrNullObject(): ExcelRange {
    return makeRange(
      this.ctx,
      () => {
        const t = this.resolveTarget();
        if (!t) return null;
        const spill = this.ctx.wb.spillOf(t.sheet, t.rect.row, t.rect.col);
        return spill ? { sheet: t.sheet, rect: spill } : null;
      },
      true,
    );
  }
  getSpillingToRange(): ExcelRange {
    return this.derive("getSpillingToRange", (t) => {
      const spill = this.ctx.wb.spillOf(t.sheet, t.rect.row, t.rect.col);
      if (!spill) throw new OfficeExtensionError("ItemNotFound", "The requested resource doesn't exist. (the cell does not spill)", "Range.getSpillingToRange", 404);
      return { sheet: t.sheet, rect: spill };
    });
  }

  /** The tables the range overlaps (or holds whole). */
  getTables(fullyContained = false) {
    return makeRangeTables(this.ctx, () => {
      const t = this.resolveTarget();
      return t ? { sheet: t.sheet, rect: dataRect(this.wb, t), fullyContained: Boolean(fullyContained) } : null;
    });
  }

  /** The merged areas the range touches, or a null object when there are none. */
  getMergedAreasOrNullObject(): RangeAreas {
    return strict(
      new RangeAreas(
        this.ctx,
        () => {
          const t = this.resolveTarget();
          if (!t) return null;
          const areas = this.wb.mergedAreas(t.sheet, dataRect(this.wb, t));
          return areas.length > 0 ? { sheet: t.sheet, rects: areas } : null;
        },
        true,
      ),
      "RangeAreas",
    );
  }

  // ---- actions

  merge(across = false): void {
    this.call("merge", (t) => this.wb.merge(t.sheet, dataRectForWrite(t), Boolean(across)));
  }

  unmerge(): void {
    this.call("unmerge", (t) => this.wb.unmerge(t.sheet, dataRectForWrite(t)));
  }

  clear(applyTo: string = "All"): void {
    const what = enumValue(applyTo, ["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks"], "Range.clear applyTo");
    this.call("clear", (t) => this.wb.clear(t.sheet, dataRectForWrite(t), what));
  }

  delete(shift: string): void {
    const dir = enumValue(shift, ["Up", "Left"], "Range.delete shift") as "Up" | "Left";
    this.call("delete", (t) => this.wb.delete(t.sheet, t.rect, dir));
  }

  insert(shift: string): ExcelRange {
    const dir = enumValue(shift, ["Down", "Right"], "Range.insert shift") as "Down" | "Right";
    this.call("insert", (t) => this.wb.insert(t.sheet, t.rect, dir));
    // The new range is where the original was.
    return makeRange(this.ctx, () => this.resolveTarget());
  }

  select(): void {
    this.call("select", (t) => this.wb.select(t.sheet, dataRectForWrite(t)));
  }

  activate(): void {
    this.select();
  }

  calculate(): void {
    this.call("calculate", () => undefined);
  }

  track(): this {
    return this;
  }
  untrack(): this {
    return this;
  }

  /** Copies values, formulas and formats from another range (Excel's copyFrom, "All" or "Values"/"Formats"). */
  copyFrom(source: ExcelRange | string, copyType: string = "All", skipBlanks = false, transpose = false): void {
    if (skipBlanks || transpose) throw notImplemented("Range.copyFrom(skipBlanks / transpose)");
    const type = enumValue(copyType, ["All", "Formulas", "Values", "Formats"], "Range.copyFrom copyType");
    this.call("copyFrom", (t) => {
      const wb = this.wb;
      const src = typeof source === "string" ? resolveAddress(wb, t.sheet, source, "Range.copyFrom") : source.targetForCopy();
      const dest = { ...t.rect, rowCount: src.rect.rowCount, colCount: src.rect.colCount };
      if (type === "All" || type === "Formulas" || type === "Values") {
        const data = type === "Values" ? wb.values(src.sheet, src.rect) : wb.formulas(src.sheet, src.rect);
        wb.write(t.sheet, dest, data, "Range.copyFrom");
      }
      if (type === "All" || type === "Formats") {
        for (let r = 0; r < src.rect.rowCount; r++) {
          for (let c = 0; c < src.rect.colCount; c++) {
            const style = wb.style(src.sheet, src.rect.row + r, src.rect.col + c);
            t.sheet.styles.delete(`${dest.row + r}:${dest.col + c}`);
            if (style) wb.patchStyle(t.sheet, dest.row + r, dest.col + c, style);
          }
        }
        wb.changed();
      }
    });
  }

  /** @internal the resolved target, for methods taking another range. */
  targetForCopy(): RangeTarget {
    return this.target();
  }

}

/** A write over whole columns or rows covers the used extent only (Excel would write the whole grid). */
function dataRectForWrite(t: RangeTarget): CellRect {
  if (t.entireColumns || t.entireRows) {
    throw new OfficeExtensionError("InvalidArgument", "The preview does not write to whole rows or columns; use a bounded range.", "Range");
  }
  return t.rect;
}

function otherRect(wb: Workbook, t: RangeTarget, other: ExcelRange | string, method: string): CellRect {
  if (typeof other === "string") return resolveAddress(wb, t.sheet, other, `Range.${method}`).rect;
  const o = other.targetForCopy();
  if (o.sheet !== t.sheet) throw new OfficeExtensionError("InvalidArgument", "The argument is invalid or missing or has an incorrect format. (ranges on different sheets)", `Range.${method}`);
  return o.rect;
}

/** An address on a sheet ("A1:B2", "Sheet2!A1", "A:A"), or InvalidArgument. */
export function resolveAddress(wb: Workbook, sheet: SheetInfo, address: string, where: string): RangeTarget {
  const parsed = parseAddress(address);
  if (!parsed) {
    const table = wb.findTable(address);
    if (table) return { sheet: table.sheet, rect: table.rect };
    throw new OfficeExtensionError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (address '${address}')`, where);
  }
  const s = parsed.sheetName ? wb.findSheet(parsed.sheetName) : sheet;
  if (!s) throw new OfficeExtensionError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (no sheet '${parsed.sheetName}' in '${address}')`, where);
  return { sheet: s, rect: parsed, entireColumns: parsed.entireColumns, entireRows: parsed.entireRows };
}

export function makeRange(ctx: RequestContextCore, resolve: () => RangeTarget | null, orNull = false): ExcelRange {
  return strict(new ExcelRange(ctx, resolve, orNull), "Range");
}

/** Excel.RangeAreas, as far as the add-in reads it: the areas' address and count. */
export class RangeAreas extends ClientObject<{ sheet: SheetInfo; rects: CellRect[] }> {
  readonly typeName = "RangeAreas";
  protected readonly props = ["address", "areaCount"] as const;
  protected read(name: string, t: { sheet: SheetInfo; rects: CellRect[] }): unknown {
    if (name === "address") return t.rects.map((r) => this.ctx.wb.address(t.sheet, r)).join(", ");
    if (name === "areaCount") return t.rects.length;
    throw notImplemented(`RangeAreas.${name}`);
  }
  get address(): string {
    return this.get$("address");
  }
  get areaCount(): number {
    return this.get$("areaCount");
  }
}

// -------------------------------------------------------------------- formats

abstract class StyleObject extends ClientObject<RangeTarget> {
  protected get wb(): Workbook {
    return this.ctx.wb;
  }
  protected setStyle<K extends keyof CellStyle>(name: string, prop: K, value: CellStyle[K]): void {
    this.set$(name, value, (t) => this.wb.setStyle(t.sheet, dataRectForWrite(t), prop, value, `${this.typeName}.${name}`));
  }
}

export class RangeFormat extends StyleObject {
  readonly typeName = "RangeFormat";
  protected readonly props = ["columnWidth", "rowHeight", "horizontalAlignment", "verticalAlignment", "wrapText"] as const;
  protected override readonly navs = ["font", "fill", "borders"] as const;
  private fontObj: RangeFont | undefined = undefined;
  private fillObj: RangeFill | undefined = undefined;
  private bordersObj: RangeBorderCollection | undefined = undefined;

  protected read(name: string, t: RangeTarget): unknown {
    const wb = this.wb;
    switch (name) {
      case "columnWidth": {
        const widths = new Set<number>();
        for (let c = t.rect.col; c < t.rect.col + Math.min(t.rect.colCount, 512); c++) widths.add(wb.columnWidth(t.sheet, c));
        return widths.size === 1 ? [...widths][0] : null;
      }
      case "rowHeight": {
        const heights = new Set<number>();
        for (let r = t.rect.row; r < t.rect.row + Math.min(t.rect.rowCount, 512); r++) heights.add(wb.rowHeight(t.sheet, r));
        return heights.size === 1 ? [...heights][0] : null;
      }
      case "horizontalAlignment":
        return wb.commonStyle(t.sheet, dataRect(wb, t), "horizontalAlignment", "General");
      case "verticalAlignment":
        return wb.commonStyle(t.sheet, dataRect(wb, t), "verticalAlignment", "Bottom");
      case "wrapText":
        return wb.commonStyle(t.sheet, dataRect(wb, t), "wrapText", false);
    }
    throw notImplemented(`RangeFormat.${name}`);
  }

  get columnWidth(): number {
    return this.get$("columnWidth");
  }
  set columnWidth(v: number) {
    this.set$("columnWidth", v, (t) => this.wb.setColumnWidth(t.sheet, t.rect, v));
  }
  get rowHeight(): number {
    return this.get$("rowHeight");
  }
  set rowHeight(v: number) {
    this.set$("rowHeight", v, (t) => {
      for (let r = t.rect.row; r < t.rect.row + Math.min(t.rect.rowCount, 100000); r++) t.sheet.rowHeights.set(r, v);
      this.wb.changed();
    });
  }
  get horizontalAlignment(): string {
    return this.get$("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this.setStyle("horizontalAlignment", "horizontalAlignment", enumValue(v, ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"], "RangeFormat.horizontalAlignment"));
  }
  get verticalAlignment(): string {
    return this.get$("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this.setStyle("verticalAlignment", "verticalAlignment", enumValue(v, ["Top", "Center", "Bottom", "Justify", "Distributed"], "RangeFormat.verticalAlignment"));
  }
  get wrapText(): boolean {
    return this.get$("wrapText");
  }
  set wrapText(v: boolean) {
    this.setStyle("wrapText", "wrapText", Boolean(v));
  }

  get font(): RangeFont {
    this.fontObj ??= strict(new RangeFont(this.ctx, () => this.resolveTarget()), "RangeFont");
    return this.fontObj;
  }
  get fill(): RangeFill {
    this.fillObj ??= strict(new RangeFill(this.ctx, () => this.resolveTarget()), "RangeFill");
    return this.fillObj;
  }
  get borders(): RangeBorderCollection {
    this.bordersObj ??= strict(new RangeBorderCollection(this.ctx, () => this.resolveTarget()), "RangeBorderCollection");
    return this.bordersObj;
  }

  autofitColumns(): void {
    this.call("autofitColumns", (t) => this.wb.autofitColumns(t.sheet, t.entireColumns ? { ...t.rect, rowCount: MAX_ROWS } : t.rect));
  }
  autofitRows(): void {
    this.call("autofitRows", () => undefined);
  }
}

export class RangeFont extends StyleObject {
  readonly typeName = "RangeFont";
  protected readonly props = ["bold", "italic", "color", "name", "size", "underline"] as const;

  protected read(name: string, t: RangeTarget): unknown {
    const wb = this.wb;
    const r = dataRect(wb, t);
    switch (name) {
      case "bold":
        return wb.commonStyle(t.sheet, r, "bold", false);
      case "italic":
        return wb.commonStyle(t.sheet, r, "italic", false);
      case "color":
        return wb.commonStyle(t.sheet, r, "fontColor", "#000000");
      case "name":
        return wb.commonStyle(t.sheet, r, "fontName", "Calibri");
      case "size":
        return wb.commonStyle(t.sheet, r, "fontSize", 11);
      case "underline":
        return wb.commonStyle(t.sheet, r, "underline", "None");
    }
    throw notImplemented(`RangeFont.${name}`);
  }
  get bold(): boolean {
    return this.get$("bold");
  }
  set bold(v: boolean) {
    this.setStyle("bold", "bold", Boolean(v));
  }
  get italic(): boolean {
    return this.get$("italic");
  }
  set italic(v: boolean) {
    this.setStyle("italic", "italic", Boolean(v));
  }
  get color(): string {
    return this.get$("color");
  }
  set color(v: string) {
    this.setStyle("color", "fontColor", v);
  }
  get name(): string {
    return this.get$("name");
  }
  set name(v: string) {
    this.setStyle("name", "fontName", v);
  }
  get size(): number {
    return this.get$("size");
  }
  set size(v: number) {
    this.setStyle("size", "fontSize", v);
  }
  get underline(): string {
    return this.get$("underline");
  }
  set underline(v: string) {
    this.setStyle("underline", "underline", enumValue(v, ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"], "RangeFont.underline"));
  }
}

export class RangeFill extends StyleObject {
  readonly typeName = "RangeFill";
  protected readonly props = ["color"] as const;
  protected read(name: string, t: RangeTarget): unknown {
    if (name === "color") return this.wb.commonStyle(t.sheet, dataRect(this.wb, t), "fill", "#FFFFFF");
    throw notImplemented(`RangeFill.${name}`);
  }
  get color(): string {
    return this.get$("color");
  }
  set color(v: string) {
    this.setStyle("color", "fill", v);
  }
  clear(): void {
    this.call("clear", (t) => this.wb.setStyle(t.sheet, dataRectForWrite(t), "fill", undefined, "RangeFill.clear"));
  }
}

const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"] as const;

/** Borders: stored per range edge and drawn by the grid (top/bottom/left/right edges). */
export class RangeBorderCollection extends ClientObject<RangeTarget> {
  readonly typeName = "RangeBorderCollection";
  protected readonly props = [] as const;
  protected read(name: string): unknown {
    throw notImplemented(`RangeBorderCollection.${name}`);
  }
  getItem(index: string): RangeBorder {
    const edge = enumValue(index, BORDER_INDEXES, "RangeBorderCollection.getItem");
    return strict(new RangeBorder(this.ctx, () => this.resolveTarget(), edge), "RangeBorder");
  }
}

export class RangeBorder extends ClientObject<RangeTarget> {
  readonly typeName = "RangeBorder";
  protected readonly props = ["style", "color", "weight", "sideIndex"] as const;
  constructor(
    ctx: RequestContextCore,
    resolve: () => RangeTarget | null,
    private readonly edge: string,
  ) {
    super(ctx, resolve);
  }
  protected read(name: string, t: RangeTarget): unknown {
    const borders = this.ctx.wb.style(t.sheet, t.rect.row, t.rect.col)?.borders;
    const b = borders?.[this.edge];
    switch (name) {
      case "style":
        return b?.style ?? "None";
      case "color":
        return b?.color ?? "#000000";
      case "weight":
        return b?.weight ?? "Thin";
      case "sideIndex":
        return this.edge;
    }
    throw notImplemented(`RangeBorder.${name}`);
  }
  private apply(patch: Record<string, string>): (t: RangeTarget) => void {
    return (t) => {
      const wb = this.ctx.wb;
      for (let r = t.rect.row; r < t.rect.row + t.rect.rowCount; r++) {
        for (let c = t.rect.col; c < t.rect.col + t.rect.colCount; c++) {
          const edges: string[] = [];
          if (this.edge === "EdgeTop" && r === t.rect.row) edges.push("EdgeTop");
          if (this.edge === "EdgeBottom" && r === t.rect.row + t.rect.rowCount - 1) edges.push("EdgeBottom");
          if (this.edge === "EdgeLeft" && c === t.rect.col) edges.push("EdgeLeft");
          if (this.edge === "EdgeRight" && c === t.rect.col + t.rect.colCount - 1) edges.push("EdgeRight");
          if (this.edge === "InsideHorizontal" && r < t.rect.row + t.rect.rowCount - 1) edges.push("EdgeBottom");
          if (this.edge === "InsideVertical" && c < t.rect.col + t.rect.colCount - 1) edges.push("EdgeRight");
          if (edges.length === 0) continue;
          const borders = { ...(wb.style(t.sheet, r, c)?.borders ?? {}) };
          for (const e of edges) borders[e] = { ...{ style: "Continuous", color: "#000000", weight: "Thin" }, ...borders[e], ...patch };
          wb.patchStyle(t.sheet, r, c, { borders });
        }
      }
      wb.changed();
    };
  }
  get style(): string {
    return this.get$("style");
  }
  set style(v: string) {
    this.set$("style", v, this.apply({ style: enumValue(v, ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"], "RangeBorder.style") }));
  }
  get color(): string {
    return this.get$("color");
  }
  set color(v: string) {
    this.set$("color", v, this.apply({ color: v }));
  }
  get weight(): string {
    return this.get$("weight");
  }
  set weight(v: string) {
    this.set$("weight", v, this.apply({ weight: enumValue(v, ["Hairline", "Thin", "Medium", "Thick"], "RangeBorder.weight") }));
  }
  get sideIndex(): string {
    return this.get$("sideIndex");
  }
}

/** A method result helper for collections' getCount. */
export function countResult(ctx: RequestContextCore, where: string, count: () => number): ClientResult<number> {
  const r = new ClientResult<number>();
  ctx.enqueue(where, () => r.resolve(count()));
  return r;
}
