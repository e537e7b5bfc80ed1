/* Excel.Worksheet, WorksheetCollection, freeze panes and worksheet custom properties. */
import { MAX_COLUMNS, MAX_ROWS } from "../engine/addresses";
import type { SheetInfo, WorkbookChange } from "../engine/workbook";
import { ClientCollection, ClientObject, ClientResult, EventSource, OfficeExtensionError, notImplemented, strict, type RequestContextCore } from "./client";
import { ExcelRange, makeRange, resolveAddress, enumValue } from "./range";
import { makeChartCollection } from "./charts";
import { makeTableCollection } from "./tables";

export class ExcelWorksheet extends ClientObject<SheetInfo> {
  readonly typeName = "Worksheet";
  protected readonly props = ["id", "name", "position", "visibility", "tabColor", "standardWidth", "standardHeight", "showGridlines", "showHeadings"] as const;
  protected override readonly navs = ["tables", "charts", "freezePanes", "customProperties"] as const;

  protected read(name: string, s: SheetInfo): unknown {
    const wb = this.ctx.wb;
    switch (name) {
      case "id":
        return s.id;
      case "name":
        return s.name;
      case "position":
        return wb.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
      case "standardWidth":
        return 8.43;
      case "standardHeight":
        return 15;
      case "showGridlines":
      case "showHeadings":
        return true;
    }
    throw notImplemented(`Worksheet.${name}`);
  }

  get id(): string {
    return this.get$("id");
  }
  get name(): string {
    return this.get$("name");
  }
  set name(v: string) {
    this.set$("name", v, (s) => this.ctx.wb.renameSheet(s, v));
  }
  get position(): number {
    return this.get$("position");
  }
  set position(v: number) {
    this.set$("position", v, (s) => this.ctx.wb.moveSheet(s, v));
  }
  get visibility(): string {
    return this.get$("visibility");
  }
  set visibility(v: string) {
    const value = enumValue(v, ["Visible", "Hidden", "VeryHidden"], "Worksheet.visibility") as SheetInfo["visibility"];
    this.set$("visibility", value, (s) => {
      if (value !== "Visible" && this.ctx.wb.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        throw new OfficeExtensionError("InvalidOperation", "A workbook must contain at least one visible worksheet.", "Worksheet.visibility");
      }
      s.visibility = value;
      if (this.ctx.wb.activeSheet === s && value !== "Visible") this.ctx.wb.activate(this.ctx.wb.sheets.find((x) => x.visibility === "Visible")!);
      this.ctx.wb.changed();
    });
  }
  get tabColor(): string {
    return this.get$("tabColor");
  }
  set tabColor(v: string) {
    this.set$("tabColor", v, (s) => {
      s.tabColor = v;
      this.ctx.wb.changed();
    });
  }
  get standardWidth(): number {
    return this.get$("standardWidth");
  }
  get standardHeight(): number {
    return this.get$("standardHeight");
  }
  get showGridlines(): boolean {
    return this.get$("showGridlines");
  }
  get showHeadings(): boolean {
    return this.get$("showHeadings");
  }

  get tables() {
    return makeTableCollection(this.ctx, () => this.resolveTarget());
  }
  get charts() {
    return makeChartCollection(this.ctx, () => this.resolveTarget());
  }
  get freezePanes(): WorksheetFreezePanes {
    return strict(new WorksheetFreezePanes(this.ctx, () => this.resolveTarget()), "WorksheetFreezePanes");
  }
  get customProperties(): WorksheetCustomPropertyCollection {
    return strict(new WorksheetCustomPropertyCollection(this.ctx, () => this.resolveTarget()), "WorksheetCustomPropertyCollection");
  }

  getRange(address?: string): ExcelRange {
    return makeRange(this.ctx, () => {
      const s = this.resolveTarget();
      if (!s) return null;
      if (address === undefined || address === "") return { sheet: s, rect: { row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLUMNS }, entireColumns: true, entireRows: true };
      const t = resolveAddress(this.ctx.wb, s, address, "Worksheet.getRange");
      if (t.sheet !== s) throw new OfficeExtensionError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. ('${address}' names another sheet)`, "Worksheet.getRange");
      return t;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): ExcelRange {
    return makeRange(this.ctx, () => {
      const s = this.resolveTarget();
      if (!s) return null;
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLUMNS) {
        throw new OfficeExtensionError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount}))`, "Worksheet.getRangeByIndexes");
      }
      return { sheet: s, rect: { row: startRow, col: startColumn, rowCount, colCount: columnCount } };
    });
  }

  getCell(row: number, column: number): ExcelRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly = false): ExcelRange {
    return makeRange(this.ctx, () => {
      const s = this.resolveTarget();
      if (!s) return null;
      return { sheet: s, rect: this.ctx.wb.usedRange(s, valuesOnly) ?? { row: 0, col: 0, rowCount: 1, colCount: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): ExcelRange {
    return makeRange(
      this.ctx,
      () => {
        const s = this.resolveTarget();
        if (!s) return null;
        const used = this.ctx.wb.usedRange(s, valuesOnly);
        return used ? { sheet: s, rect: used } : null;
      },
      true,
    );
  }

  activate(): void {
    this.call("activate", (s) => this.ctx.wb.activate(s));
  }

  delete(): void {
    this.call("delete", (s) => this.ctx.wb.deleteSheet(s));
  }

  calculate(_markAllDirty: boolean): void {
    this.call("calculate", () => undefined);
  }

  getNext(visibleOnly = false): ExcelWorksheet {
    return makeWorksheet(this.ctx, () => this.neighbour(1, visibleOnly, "getNext"));
  }
  getPrevious(visibleOnly = false): ExcelWorksheet {
    return makeWorksheet(this.ctx, () => this.neighbour(-1, visibleOnly, "getPrevious"));
  }
  private neighbour(step: number, visibleOnly: boolean, method: string): SheetInfo {
    const s = this.target();
    const list = this.ctx.wb.sheets.filter((x) => !visibleOnly || x.visibility === "Visible");
    const n = list[list.indexOf(s) + step];
    if (!n) throw new OfficeExtensionError("ItemNotFound", "The requested resource doesn't exist.", `Worksheet.${method}`, 404);
    return n;
  }

  get onChanged() {
    return new EventSource<unknown>(this.ctx, "Worksheet.onChanged", (fire) =>
      this.ctx.wb.subscribe((c: WorkbookChange) => {
        const s = this.resolveTarget();
        if (c.kind === "cells" && s && c.sheet === s) {
          fire({ type: "WorksheetChanged", changeType: "RangeEdited", source: c.source === "user" ? "Local" : "Remote", worksheetId: s.id, address: this.ctx.wb.address(s, c.rect).split("!")[1] });
        }
      }),
    );
  }

  get onSelectionChanged() {
    return new EventSource<unknown>(this.ctx, "Worksheet.onSelectionChanged", (fire) =>
      this.ctx.wb.subscribe((c: WorkbookChange) => {
        const s = this.resolveTarget();
        if (c.kind === "selection" && s && this.ctx.wb.selection.sheet === s) {
          fire({ type: "WorksheetSelectionChanged", worksheetId: s.id, address: this.ctx.wb.address(s, this.ctx.wb.selection.rect).split("!")[1] });
        }
      }),
    );
  }

  get onActivated() {
    let last = this.ctx.wb.activeSheet;
    return new EventSource<unknown>(this.ctx, "Worksheet.onActivated", (fire) =>
      this.ctx.wb.subscribe(() => {
        const s = this.resolveTarget();
        if (this.ctx.wb.activeSheet !== last) {
          last = this.ctx.wb.activeSheet;
          if (s && last === s) fire({ type: "WorksheetActivated", worksheetId: s.id });
        }
      }),
    );
  }
}

export function makeWorksheet(ctx: RequestContextCore, resolve: () => SheetInfo | null, orNull = false): ExcelWorksheet {
  return strict(new ExcelWorksheet(ctx, resolve, orNull), "Worksheet");
}

export class WorksheetCollection extends ClientCollection<ExcelWorksheet, SheetInfo, true> {
  readonly typeName = "WorksheetCollection";

  protected list(): SheetInfo[] {
    return [...this.ctx.wb.sheets];
  }

  protected makeItem(s: SheetInfo): ExcelWorksheet {
    return makeWorksheet(this.ctx, () => (this.ctx.wb.sheets.includes(s) ? s : null));
  }

  add(name?: string): ExcelWorksheet {
    let added: SheetInfo | null = null;
    this.ctx.enqueue("WorksheetCollection.add", () => {
      added = this.ctx.wb.addSheet(name);
    });
    return makeWorksheet(this.ctx, () => added);
  }

  getItem(key: string): ExcelWorksheet {
    return makeWorksheet(this.ctx, () => this.ctx.wb.sheet(key));
  }

  getItemOrNullObject(key: string): ExcelWorksheet {
    return makeWorksheet(this.ctx, () => this.ctx.wb.findSheet(key) ?? null, true);
  }

  getActiveWorksheet(): ExcelWorksheet {
    let active: SheetInfo | null = null;
    this.ctx.enqueue("WorksheetCollection.getActiveWorksheet", () => {
      active = this.ctx.wb.activeSheet;
    });
    return makeWorksheet(this.ctx, () => active ?? this.ctx.wb.activeSheet);
  }

  getFirst(visibleOnly = false): ExcelWorksheet {
    return makeWorksheet(this.ctx, () => this.ctx.wb.sheets.find((s) => !visibleOnly || s.visibility === "Visible") ?? null);
  }

  getLast(visibleOnly = false): ExcelWorksheet {
    return makeWorksheet(this.ctx, () => [...this.ctx.wb.sheets].reverse().find((s) => !visibleOnly || s.visibility === "Visible") ?? null);
  }

  override getCount(visibleOnly = false): ClientResult<number> {
    return this.result("getCount", () => this.ctx.wb.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length);
  }

  get onActivated() {
    let last = this.ctx.wb.activeSheet;
    return new EventSource<unknown>(this.ctx, "WorksheetCollection.onActivated", (fire) =>
      this.ctx.wb.subscribe(() => {
        if (this.ctx.wb.activeSheet !== last) {
          last = this.ctx.wb.activeSheet;
          fire({ type: "WorksheetActivated", worksheetId: last.id });
        }
      }),
    );
  }

  get onAdded() {
    let count = this.ctx.wb.sheets.length;
    return new EventSource<unknown>(this.ctx, "WorksheetCollection.onAdded", (fire) =>
      this.ctx.wb.subscribe((c) => {
        if (c.kind === "structure" && this.ctx.wb.sheets.length > count) fire({ type: "WorksheetAdded", worksheetId: this.ctx.wb.sheets[this.ctx.wb.sheets.length - 1].id });
        count = this.ctx.wb.sheets.length;
      }),
    );
  }
}

export class WorksheetFreezePanes extends ClientObject<SheetInfo> {
  readonly typeName = "WorksheetFreezePanes";
  protected readonly props = [] as const;
  protected read(name: string): unknown {
    throw notImplemented(`WorksheetFreezePanes.${name}`);
  }
  freezeRows(count = 1): void {
    this.call("freezeRows", (s) => this.ctx.wb.freeze(s, count, 0));
  }
  freezeColumns(count = 1): void {
    this.call("freezeColumns", (s) => this.ctx.wb.freeze(s, 0, count));
  }
  freezeAt(frozenRange: ExcelRange | string): void {
    this.call("freezeAt", (s) => {
      const t = typeof frozenRange === "string" ? resolveAddress(this.ctx.wb, s, frozenRange, "WorksheetFreezePanes.freezeAt") : frozenRange.targetForCopy();
      this.ctx.wb.freeze(s, t.rect.row + t.rect.rowCount, t.rect.col + t.rect.colCount);
    });
  }
  unfreeze(): void {
    this.call("unfreeze", (s) => this.ctx.wb.freeze(s, 0, 0));
  }
  getLocationOrNullObject(): ExcelRange {
    return makeRange(
      this.ctx,
      () => {
        const s = this.resolveTarget();
        if (!s || (s.frozenRows === 0 && s.frozenColumns === 0)) return null;
        return { sheet: s, rect: { row: 0, col: 0, rowCount: Math.max(1, s.frozenRows), colCount: Math.max(1, s.frozenColumns) } };
      },
      true,
    );
  }
}

type PropTarget = { sheet: SheetInfo; key: string };

export class WorksheetCustomProperty extends ClientObject<PropTarget> {
  readonly typeName = "WorksheetCustomProperty";
  protected readonly props = ["key", "value"] as const;
  protected read(name: string, t: PropTarget): unknown {
    if (name === "key") return t.key;
    if (name === "value") return t.sheet.customProperties.get(t.key) ?? "";
    throw notImplemented(`WorksheetCustomProperty.${name}`);
  }
  get key(): string {
    return this.get$("key");
  }
  get value(): string {
    return this.get$("value");
  }
  set value(v: string) {
    this.set$("value", v, (t) => t.sheet.customProperties.set(t.key, String(v)));
  }
  delete(): void {
    this.call("delete", (t) => t.sheet.customProperties.delete(t.key));
  }
}

export class WorksheetCustomPropertyCollection extends ClientCollection<WorksheetCustomProperty, PropTarget, SheetInfo> {
  readonly typeName = "WorksheetCustomPropertyCollection";

  protected list(s: SheetInfo): PropTarget[] {
    return [...s.customProperties.keys()].map((key) => ({ sheet: s, key }));
  }

  protected makeItem(t: PropTarget): WorksheetCustomProperty {
    return this.item(t.key, false);
  }

  private item(key: string, orNull: boolean): WorksheetCustomProperty {
    return strict(
      new WorksheetCustomProperty(
        this.ctx,
        () => {
          const s = this.resolveTarget();
          if (!s) return null;
          const found = [...s.customProperties.keys()].find((k) => k.toLowerCase() === key.toLowerCase());
          if (found === undefined) {
            if (orNull) return null;
            throw new OfficeExtensionError("ItemNotFound", `The requested resource doesn't exist. (custom property '${key}')`, "WorksheetCustomPropertyCollection.getItem", 404);
          }
          return { sheet: s, key: found };
        },
        orNull,
      ),
      "WorksheetCustomProperty",
    );
  }

  add(key: string, value: string): WorksheetCustomProperty {
    this.call("add", (s) => {
      if (key.length === 0 || key.length > 255) throw new OfficeExtensionError("InvalidArgument", "The argument is invalid or missing or has an incorrect format. (custom property key)", "WorksheetCustomPropertyCollection.add");
      const existing = [...s.customProperties.keys()].find((k) => k.toLowerCase() === key.toLowerCase());
      if (existing !== undefined && existing !== key) s.customProperties.delete(existing);
      s.customProperties.set(key, String(value));
    });
    return this.item(key, false);
  }

  getItem(key: string): WorksheetCustomProperty {
    return this.item(key, false);
  }

  getItemOrNullObject(key: string): WorksheetCustomProperty {
    return this.item(key, true);
  }
}
