/* Excel.Table, TableCollection, TableColumn(Collection), TableRow(Collection). */
import type { CellRect } from "../engine/addresses";
import type { SheetInfo, TableInfo, WorkbookChange } from "../engine/workbook";
import { ClientCollection, ClientObject, EventSource, OfficeExtensionError, copyMatrix, notImplemented, strict, type RequestContextCore } from "./client";
import { ExcelRange, enumValue, makeRange, resolveAddress } from "./range";
import { makeWorksheet } from "./worksheet";

function liveTable(ctx: RequestContextCore, t: TableInfo): TableInfo | null {
  return ctx.wb.tables.includes(t) ? t : null;
}

export class ExcelTable extends ClientObject<TableInfo> {
  readonly typeName = "Table";
  protected readonly props = ["id", "name", "showHeaders", "showTotals", "style", "showBandedRows", "showBandedColumns", "showFilterButton", "highlightFirstColumn", "highlightLastColumn", "legacyId"] as const;
  protected override readonly navs = ["columns", "rows", "worksheet", "autoFilter"] as const;

  protected read(name: string, t: TableInfo): unknown {
    switch (name) {
      case "id":
        return t.id;
      case "legacyId":
        return String(this.ctx.wb.tables.indexOf(t) + 1);
      case "name":
        return t.name;
      case "showHeaders":
        return t.showHeaders;
      case "showTotals":
        return t.showTotals;
      case "style":
        return t.style;
      case "showBandedRows":
        return t.showBandedRows;
      case "showBandedColumns":
      case "highlightFirstColumn":
      case "highlightLastColumn":
        return false;
      case "showFilterButton":
        return t.showHeaders;
    }
    throw notImplemented(`Table.${name}`);
  }

  get id(): string {
    return this.get$("id");
  }
  get legacyId(): string {
    return this.get$("legacyId");
  }
  get name(): string {
    return this.get$("name");
  }
  set name(v: string) {
    this.set$("name", v, (t) => this.ctx.wb.renameTable(t, v));
  }
  get showHeaders(): boolean {
    return this.get$("showHeaders");
  }
  set showHeaders(v: boolean) {
    this.set$("showHeaders", v, (t) => {
      if (!v) throw notImplemented("setting Table.showHeaders = false");
      t.showHeaders = true;
    });
  }
  get showTotals(): boolean {
    return this.get$("showTotals");
  }
  set showTotals(v: boolean) {
    this.set$("showTotals", v, (t) => {
      if (v) throw notImplemented("setting Table.showTotals = true (total rows)");
      t.showTotals = false;
    });
  }
  get style(): string {
    return this.get$("style");
  }
  set style(v: string) {
    this.set$("style", v, (t) => {
      t.style = v;
      this.ctx.wb.changed();
    });
  }
  get showBandedRows(): boolean {
    return this.get$("showBandedRows");
  }
  set showBandedRows(v: boolean) {
    this.set$("showBandedRows", v, (t) => {
      t.showBandedRows = Boolean(v);
      this.ctx.wb.changed();
    });
  }
  get showBandedColumns(): boolean {
    return this.get$("showBandedColumns");
  }
  get showFilterButton(): boolean {
    return this.get$("showFilterButton");
  }
  get highlightFirstColumn(): boolean {
    return this.get$("highlightFirstColumn");
  }
  get highlightLastColumn(): boolean {
    return this.get$("highlightLastColumn");
  }

  get columns(): TableColumnCollection {
    return strict(new TableColumnCollection(this.ctx, () => this.resolveTarget()), "TableColumnCollection");
  }
  get rows(): TableRowCollection {
    return strict(new TableRowCollection(this.ctx, () => this.resolveTarget()), "TableRowCollection");
  }
  get worksheet() {
    return makeWorksheet(this.ctx, () => this.resolveTarget()?.sheet ?? null);
  }
  get autoFilter(): TableAutoFilter {
    return strict(new TableAutoFilter(this.ctx, () => this.resolveTarget()), "AutoFilter");
  }

  private rangeOf(method: string, f: (t: TableInfo) => CellRect | null): ExcelRange {
    return makeRange(this.ctx, () => {
      const t = this.resolveTarget();
      if (!t) return null;
      const rect = f(t);
      if (!rect) throw new OfficeExtensionError("ItemNotFound", `The requested resource doesn't exist. (Table.${method})`, `Table.${method}`, 404);
      return { sheet: t.sheet, rect };
    });
  }

  getRange(): ExcelRange {
    return this.rangeOf("getRange", (t) => t.rect);
  }
  getDataBodyRange(): ExcelRange {
    return this.rangeOf("getDataBodyRange", (t) => this.ctx.wb.bodyRect(t));
  }
  getHeaderRowRange(): ExcelRange {
    return this.rangeOf("getHeaderRowRange", (t) => (t.showHeaders ? { ...t.rect, rowCount: 1 } : null));
  }
  getTotalRowRange(): ExcelRange {
    return this.rangeOf("getTotalRowRange", () => null);
  }

  resize(newRange: ExcelRange | string): void {
    this.call("resize", (t) => {
      const target = typeof newRange === "string" ? resolveAddress(this.ctx.wb, t.sheet, newRange, "Table.resize") : newRange.targetForCopy();
      if (target.sheet !== t.sheet) throw new OfficeExtensionError("InvalidArgument", "The argument is invalid or missing or has an incorrect format. (a table stays on its sheet)", "Table.resize");
      this.ctx.wb.resizeTable(t, target.rect);
    });
  }

  delete(): void {
    this.call("delete", (t) => this.ctx.wb.deleteTable(t, false));
  }

  convertToRange(): ExcelRange {
    let rect: { sheet: SheetInfo; rect: CellRect } | null = null;
    this.call("convertToRange", (t) => {
      rect = { sheet: t.sheet, rect: t.rect };
      this.ctx.wb.deleteTable(t, true);
    });
    return makeRange(this.ctx, () => rect);
  }

  clearFilters(): void {
    this.call("clearFilters", () => undefined);
  }
  reapplyFilters(): void {
    this.call("reapplyFilters", () => undefined);
  }

  get onChanged() {
    return new EventSource<unknown>(this.ctx, "Table.onChanged", (fire) =>
      this.ctx.wb.subscribe((c: WorkbookChange) => {
        const t = this.resolveTarget();
        if (c.kind === "cells" && t && c.sheet === t.sheet && this.ctx.wb.intersect(c.rect, t.rect)) {
          fire({ type: "TableChanged", changeType: "RangeEdited", source: c.source === "user" ? "Local" : "Remote", tableId: t.id, worksheetId: t.sheet.id, address: this.ctx.wb.address(t.sheet, c.rect).split("!")[1] });
        }
      }),
    );
  }
}

/**
 * A table's AutoFilter. The preview has no filtering, so a table is never filtered (what Excel says
 * of a table nobody filtered); applying or removing a filter throws "preview does not implement".
 */
export class TableAutoFilter extends ClientObject<TableInfo> {
  readonly typeName = "AutoFilter";
  protected readonly props = ["enabled", "isDataFiltered"] as const;
  protected read(name: string, t: TableInfo): unknown {
    if (name === "enabled") return t.showHeaders;
    if (name === "isDataFiltered") return false;
    throw notImplemented(`AutoFilter.${name}`);
  }
  get enabled(): boolean {
    return this.get$("enabled");
  }
  get isDataFiltered(): boolean {
    return this.get$("isDataFiltered");
  }
  getRange(): ExcelRange {
    return makeRange(this.ctx, () => {
      const t = this.resolveTarget();
      return t ? { sheet: t.sheet, rect: t.rect } : null;
    });
  }
  clearCriteria(): void {
    this.call("clearCriteria", () => undefined);
  }
  reapply(): void {
    this.call("reapply", () => undefined);
  }
}

export function makeTable(ctx: RequestContextCore, resolve: () => TableInfo | null, orNull = false): ExcelTable {
  return strict(new ExcelTable(ctx, resolve, orNull), "Table");
}

/** `workbook.tables` (sheet null) or `worksheet.tables`. */
export class TableCollection extends ClientCollection<ExcelTable, TableInfo, SheetInfo | "workbook"> {
  readonly typeName = "TableCollection";

  protected list(scope: SheetInfo | "workbook"): TableInfo[] {
    return this.ctx.wb.tables.filter((t) => scope === "workbook" || t.sheet === scope);
  }

  protected makeItem(t: TableInfo): ExcelTable {
    return makeTable(this.ctx, () => liveTable(this.ctx, t));
  }

  add(address: ExcelRange | string, hasHeaders: boolean): ExcelTable {
    let created: TableInfo | null = null;
    this.call("add", (scope) => {
      const wb = this.ctx.wb;
      let target;
      if (typeof address === "string") {
        const base = scope === "workbook" ? wb.activeSheet : scope;
        target = resolveAddress(wb, base, address, "TableCollection.add");
        if (scope === "workbook" && !address.includes("!")) {
          throw new OfficeExtensionError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (workbook.tables.add needs a sheet-qualified address, got '${address}')`, "TableCollection.add");
        }
      } else {
        target = address.targetForCopy();
      }
      if (scope !== "workbook" && target.sheet !== scope) {
        throw new OfficeExtensionError("InvalidArgument", "The argument is invalid or missing or has an incorrect format. (the address names another sheet)", "TableCollection.add");
      }
      if (target.entireColumns || target.entireRows) throw notImplemented("TableCollection.add over whole rows or columns");
      created = wb.addTable(target.sheet, target.rect, Boolean(hasHeaders));
    });
    return makeTable(this.ctx, () => created);
  }

  getItem(key: string): ExcelTable {
    return makeTable(this.ctx, () => this.find(key, false));
  }

  getItemOrNullObject(key: string): ExcelTable {
    return makeTable(this.ctx, () => this.find(key, true), true);
  }

  getItemAt(index: number): ExcelTable {
    return makeTable(this.ctx, () => {
      const list = this.list(this.target());
      const t = list[index];
      if (!t) throw new OfficeExtensionError("ItemNotFound", `The requested resource doesn't exist. (table at ${index})`, "TableCollection.getItemAt", 404);
      return t;
    });
  }

  private find(key: string, orNull: boolean): TableInfo | null {
    const scope = this.target();
    const t = this.ctx.wb.findTable(key);
    if (t && (scope === "workbook" || t.sheet === scope)) return t;
    if (orNull) return null;
    throw new OfficeExtensionError("ItemNotFound", `The requested resource doesn't exist. (table '${key}')`, "TableCollection.getItem", 404);
  }

  get onChanged() {
    return new EventSource<unknown>(this.ctx, "TableCollection.onChanged", (fire) =>
      this.ctx.wb.subscribe((c: WorkbookChange) => {
        if (c.kind !== "cells") return;
        for (const t of this.ctx.wb.tables) {
          if (t.sheet === c.sheet && this.ctx.wb.intersect(c.rect, t.rect)) {
            fire({ type: "TableChanged", changeType: "RangeEdited", source: c.source === "user" ? "Local" : "Remote", tableId: t.id, worksheetId: t.sheet.id, address: this.ctx.wb.address(t.sheet, c.rect).split("!")[1] });
          }
        }
      }),
    );
  }
}

/** `Range.getTables`: the tables a range overlaps (or holds whole, `fullyContained`). */
export class RangeTableCollection extends ClientCollection<ExcelTable, TableInfo, { sheet: SheetInfo; rect: CellRect; fullyContained: boolean }> {
  readonly typeName = "TableScopedCollection";

  protected list(scope: { sheet: SheetInfo; rect: CellRect; fullyContained: boolean }): TableInfo[] {
    const r = scope.rect;
    return this.ctx.wb.tables.filter((t) => {
      if (t.sheet !== scope.sheet) return false;
      const i = this.ctx.wb.intersect(t.rect, r);
      return scope.fullyContained ? i !== null && i.rowCount === t.rect.rowCount && i.colCount === t.rect.colCount : i !== null;
    });
  }

  protected makeItem(t: TableInfo): ExcelTable {
    return makeTable(this.ctx, () => liveTable(this.ctx, t));
  }
}

export function makeRangeTables(ctx: RequestContextCore, resolve: () => { sheet: SheetInfo; rect: CellRect; fullyContained: boolean } | null): RangeTableCollection {
  return strict(new RangeTableCollection(ctx, resolve), "TableScopedCollection");
}

export function makeTableCollection(ctx: RequestContextCore, resolve: () => SheetInfo | "workbook" | null): TableCollection {
  return strict(new TableCollection(ctx, resolve), "TableCollection");
}

// -------------------------------------------------------------------- columns

type ColumnTarget = { table: TableInfo; offset: number };

export class ExcelTableColumn extends ClientObject<ColumnTarget> {
  readonly typeName = "TableColumn";
  protected readonly props = ["id", "index", "name", "values"] as const;

  protected read(name: string, c: ColumnTarget): unknown {
    const wb = this.ctx.wb;
    switch (name) {
      case "id":
        return c.offset + 1;
      case "index":
        return c.offset;
      case "name":
        return wb.columnNames(c.table)[c.offset];
      case "values":
        return copyMatrix(wb.values(c.table.sheet, { ...c.table.rect, col: c.table.rect.col + c.offset, colCount: 1 }));
    }
    throw notImplemented(`TableColumn.${name}`);
  }
  get id(): number {
    return this.get$("id");
  }
  get index(): number {
    return this.get$("index");
  }
  get name(): string {
    return this.get$("name");
  }
  set name(v: string) {
    this.set$("name", v, (c) => this.ctx.wb.write(c.table.sheet, { row: c.table.rect.row, col: c.table.rect.col + c.offset, rowCount: 1, colCount: 1 }, `'${v}`, "TableColumn.name"));
  }
  get values(): unknown[][] {
    return this.get$("values");
  }
  set values(v: unknown[][]) {
    this.set$("values", v, (c) => this.ctx.wb.write(c.table.sheet, { ...c.table.rect, col: c.table.rect.col + c.offset, colCount: 1 }, v, "TableColumn.values"));
  }
  private rangeOf(f: (c: ColumnTarget) => CellRect): ExcelRange {
    return makeRange(this.ctx, () => {
      const c = this.resolveTarget();
      return c ? { sheet: c.table.sheet, rect: f(c) } : null;
    });
  }
  getRange(): ExcelRange {
    return this.rangeOf((c) => ({ ...c.table.rect, col: c.table.rect.col + c.offset, colCount: 1 }));
  }
  getDataBodyRange(): ExcelRange {
    return this.rangeOf((c) => ({ ...this.ctx.wb.bodyRect(c.table), col: c.table.rect.col + c.offset, colCount: 1 }));
  }
  getHeaderRowRange(): ExcelRange {
    return this.rangeOf((c) => ({ row: c.table.rect.row, col: c.table.rect.col + c.offset, rowCount: 1, colCount: 1 }));
  }
  delete(): void {
    this.call("delete", (c) => this.ctx.wb.delete(c.table.sheet, { ...c.table.rect, col: c.table.rect.col + c.offset, colCount: 1 }, "Left"));
  }
}

export class TableColumnCollection extends ClientCollection<ExcelTableColumn, ColumnTarget, TableInfo> {
  readonly typeName = "TableColumnCollection";

  protected list(t: TableInfo): ColumnTarget[] {
    return Array.from({ length: t.rect.colCount }, (_, offset) => ({ table: t, offset }));
  }

  protected makeItem(c: ColumnTarget): ExcelTableColumn {
    const name = this.ctx.wb.columnNames(c.table)[c.offset];
    return this.byName(name, false);
  }

  private byName(key: string | number, orNull: boolean): ExcelTableColumn {
    return strict(
      new ExcelTableColumn(
        this.ctx,
        () => {
          const t = this.resolveTarget();
          if (!t) return null;
          const names = this.ctx.wb.columnNames(t);
          const offset = typeof key === "number" ? key - 1 : names.findIndex((n) => n.toLowerCase() === String(key).toLowerCase());
          if (offset < 0 || offset >= names.length) {
            if (orNull) return null;
            throw new OfficeExtensionError("ItemNotFound", `The requested resource doesn't exist. (table column '${key}')`, "TableColumnCollection.getItem", 404);
          }
          return { table: t, offset };
        },
        orNull,
      ),
      "TableColumn",
    );
  }

  getItem(key: string | number): ExcelTableColumn {
    return this.byName(key, false);
  }
  getItemOrNullObject(key: string | number): ExcelTableColumn {
    return this.byName(key, true);
  }
  getItemAt(index: number): ExcelTableColumn {
    return this.byName(index + 1, false);
  }

  /** Adds a column at `index` (or at the right end), with a name and values (header row first when `values` includes it). */
  add(index?: number | null, values?: unknown[][] | unknown, name?: string): ExcelTableColumn {
    let added: number | null = null;
    this.call("add", (t) => {
      const wb = this.ctx.wb;
      const at = index === null || index === undefined ? t.rect.colCount : index;
      if (at < 0 || at > t.rect.colCount) throw new OfficeExtensionError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (column index ${at})`, "TableColumnCollection.add");
      const col = t.rect.col + at;
      const before = t.rect;
      wb.insert(t.sheet, { ...before, col, colCount: 1 }, "Right");
      wb.resizeTable(t, { ...before, colCount: before.colCount + 1 });
      const colRect = { ...t.rect, col, colCount: 1 };
      if (values !== undefined && values !== null) {
        const matrix = Array.isArray(values) ? (values as unknown[][]) : [[values]];
        if (matrix.length === t.rect.rowCount) wb.write(t.sheet, colRect, matrix, "TableColumnCollection.add values");
        else if (matrix.length === t.rect.rowCount - 1) wb.write(t.sheet, { ...colRect, row: colRect.row + 1, rowCount: colRect.rowCount - 1 }, matrix, "TableColumnCollection.add values");
        else wb.expand(colRect, matrix, "TableColumnCollection.add values");
      }
      if (name !== undefined) wb.write(t.sheet, { ...colRect, rowCount: 1 }, `'${name}`, "TableColumnCollection.add name");
      wb.normalizeHeaders(t);
      added = at + 1;
    }, { values, name });
    return strict(
      new ExcelTableColumn(this.ctx, () => {
        const t = this.resolveTarget();
        return t && added !== null ? { table: t, offset: added - 1 } : null;
      }),
      "TableColumn",
    );
  }
}

// -------------------------------------------------------------------- rows

type RowTarget = { table: TableInfo; index: number };

export class ExcelTableRow extends ClientObject<RowTarget> {
  readonly typeName = "TableRow";
  protected readonly props = ["index", "values"] as const;
  protected read(name: string, r: RowTarget): unknown {
    const body = this.ctx.wb.bodyRect(r.table);
    if (name === "index") return r.index;
    if (name === "values") return copyMatrix(this.ctx.wb.values(r.table.sheet, { ...body, row: body.row + r.index, rowCount: 1 }));
    throw notImplemented(`TableRow.${name}`);
  }
  get index(): number {
    return this.get$("index");
  }
  get values(): unknown[][] {
    return this.get$("values");
  }
  set values(v: unknown[][]) {
    this.set$("values", v, (r) => {
      const body = this.ctx.wb.bodyRect(r.table);
      this.ctx.wb.write(r.table.sheet, { ...body, row: body.row + r.index, rowCount: 1 }, v, "TableRow.values");
    });
  }
  getRange(): ExcelRange {
    return makeRange(this.ctx, () => {
      const r = this.resolveTarget();
      if (!r) return null;
      const body = this.ctx.wb.bodyRect(r.table);
      return { sheet: r.table.sheet, rect: { ...body, row: body.row + r.index, rowCount: 1 } };
    });
  }
  delete(): void {
    this.call("delete", (r) => {
      const body = this.ctx.wb.bodyRect(r.table);
      this.ctx.wb.delete(r.table.sheet, { ...body, row: body.row + r.index, rowCount: 1 }, "Up");
    });
  }
}

export class TableRowCollection extends ClientCollection<ExcelTableRow, RowTarget, TableInfo> {
  readonly typeName = "TableRowCollection";

  protected list(t: TableInfo): RowTarget[] {
    return Array.from({ length: this.ctx.wb.bodyRect(t).rowCount }, (_, index) => ({ table: t, index }));
  }

  protected makeItem(r: RowTarget): ExcelTableRow {
    return this.getItemAt(r.index);
  }

  getItemAt(index: number): ExcelTableRow {
    return strict(
      new ExcelTableRow(this.ctx, () => {
        const t = this.resolveTarget();
        if (!t) return null;
        if (index < 0 || index >= this.ctx.wb.bodyRect(t).rowCount) {
          throw new OfficeExtensionError("ItemNotFound", `The requested resource doesn't exist. (table row ${index})`, "TableRowCollection.getItemAt", 404);
        }
        return { table: t, index };
      }),
      "TableRow",
    );
  }

  /** Adds rows at the end (index null) or at `index`, with their values (Excel's TableRowCollection.add). */
  add(index?: number | null, values?: unknown[][] | unknown, _alwaysInsert?: boolean): ExcelTableRow {
    let at = -1;
    this.call("add", (t) => {
      const matrix = values === undefined || values === null ? undefined : Array.isArray(values) && Array.isArray(values[0]) ? (values as unknown[][]) : [[values]];
      const rect = this.ctx.wb.addTableRows(t, index, matrix);
      at = rect.row - this.ctx.wb.bodyRect(t).row;
    }, values);
    return strict(
      new ExcelTableRow(this.ctx, () => {
        const t = this.resolveTarget();
        return t && at >= 0 ? { table: t, index: at } : null;
      }),
      "TableRow",
    );
  }

  deleteRowsAt(index: number, count = 1): void {
    this.call("deleteRowsAt", (t) => {
      const body = this.ctx.wb.bodyRect(t);
      if (index < 0 || index + count > body.rowCount) throw new OfficeExtensionError("InvalidArgument", "The argument is invalid or missing or has an incorrect format. (rows outside the table)", "TableRowCollection.deleteRowsAt");
      this.ctx.wb.delete(t.sheet, { ...body, row: body.row + index, rowCount: count }, "Up");
    });
  }

  deleteRows(rows: (number | ExcelTableRow)[]): void {
    this.call("deleteRows", (t) => {
      const body = this.ctx.wb.bodyRect(t);
      const indexes = rows.map((r) => (typeof r === "number" ? r : (r as unknown as { resolveTarget: () => RowTarget }).resolveTarget().index)).sort((a, b) => b - a);
      for (const i of indexes) this.ctx.wb.delete(t.sheet, { ...body, row: body.row + i, rowCount: 1 }, "Up");
    });
  }
}

export { enumValue };
