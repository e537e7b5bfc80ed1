/* Excel.Workbook, Application, SettingCollection/Setting, NamedItemCollection/NamedItem and
 * document custom properties, over the preview workbook. */
import { parseAddress } from "../engine/addresses";
import type { Workbook, WorkbookChange } from "../engine/workbook";
import { ClientCollection, ClientObject, EventSource, OfficeExtensionError, copyOut, notImplemented, strict } from "./client";
import { ExcelRange, enumValue, makeRange } from "./range";
import { makeTableCollection } from "./tables";
import { WorksheetCollection } from "./worksheet";

export class ExcelApplication extends ClientObject<Workbook> {
  readonly typeName = "Application";
  protected readonly props = ["calculationMode", "calculationState"] as const;
  protected read(name: string): unknown {
    if (name === "calculationMode") return "Automatic";
    if (name === "calculationState") return "Done";
    throw notImplemented(`Application.${name}`);
  }
  get calculationMode(): string {
    return this.get$("calculationMode");
  }
  set calculationMode(v: string) {
    const mode = enumValue(v, ["Automatic", "AutomaticExceptTables", "Manual"], "Application.calculationMode");
    if (mode !== "Automatic") throw notImplemented(`Application.calculationMode = "${mode}" (the preview always calculates automatically)`);
    this.set$("calculationMode", mode, () => undefined);
  }
  get calculationState(): string {
    return this.get$("calculationState");
  }
  /** Excel's calculate: "Full" runs custom functions again; "Recalculate" does not (they are not volatile). */
  calculate(calculationType: string): void {
    const type = enumValue(calculationType, ["Recalculate", "Full", "FullRebuild"], "Application.calculate");
    this.call("calculate", (wb) => wb.calculate(type));
  }
  suspendApiCalculationUntilNextSync(): void {
    this.call("suspendApiCalculationUntilNextSync", () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.call("suspendScreenUpdatingUntilNextSync", () => undefined);
  }
}

// -------------------------------------------------------------------- settings

export class ExcelSetting extends ClientObject<string> {
  readonly typeName = "Setting";
  protected readonly props = ["key", "value"] as const;
  protected read(name: string, key: string): unknown {
    if (name === "key") return key;
    if (name === "value") return copyOut(this.ctx.wb.getSetting(key));
    throw notImplemented(`Setting.${name}`);
  }
  get key(): string {
    return this.get$("key");
  }
  get value(): unknown {
    return this.get$("value");
  }
  set value(v: unknown) {
    this.set$("value", v, (key) => this.ctx.wb.setSetting(key, v));
  }
  delete(): void {
    this.call("delete", (key) => this.ctx.wb.deleteSetting(key));
  }
}

export class SettingCollection extends ClientCollection<ExcelSetting, string, Workbook> {
  readonly typeName = "SettingCollection";
  protected list(wb: Workbook): string[] {
    return [...wb.settings.keys()];
  }
  protected makeItem(key: string): ExcelSetting {
    return this.item(key, false);
  }
  private item(key: string, orNull: boolean): ExcelSetting {
    return strict(
      new ExcelSetting(
        this.ctx,
        () => {
          if (this.ctx.wb.settings.has(key)) return key;
          if (orNull) return null;
          throw new OfficeExtensionError("ItemNotFound", `The requested resource doesn't exist. (setting '${key}')`, "SettingCollection.getItem", 404);
        },
        orNull,
      ),
      "Setting",
    );
  }
  /** Sets or adds a setting; the value must survive JSON (Excel stores settings as JSON). */
  add(key: string, value: unknown): ExcelSetting {
    if (typeof key !== "string" || key === "") throw new OfficeExtensionError("InvalidArgument", "The argument is invalid or missing or has an incorrect format. (setting key)", "SettingCollection.add");
    const json = JSON.stringify(value);
    if (json === undefined) throw new OfficeExtensionError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (setting '${key}' is not JSON-serializable)`, "SettingCollection.add");
    this.call("add", (wb) => wb.setSetting(key, value), { key, value });
    return this.item(key, false);
  }
  getItem(key: string): ExcelSetting {
    return this.item(key, false);
  }
  getItemOrNullObject(key: string): ExcelSetting {
    return this.item(key, true);
  }
  get onSettingsChanged() {
    return new EventSource<unknown>(this.ctx, "SettingCollection.onSettingsChanged", (fire) =>
      this.ctx.wb.subscribe((c: WorkbookChange) => {
        if (c.kind === "settings") fire({ type: "SettingsChanged", settings: this });
      }),
    );
  }
}

// -------------------------------------------------------------------- names

export class ExcelNamedItem extends ClientObject<string> {
  readonly typeName = "NamedItem";
  protected readonly props = ["name", "formula", "type", "value", "visible", "comment"] as const;
  protected read(prop: string, name: string): unknown {
    const expr = this.ctx.wb.hf.getNamedExpression(name);
    switch (prop) {
      case "name":
        return expr?.name ?? name;
      case "formula":
        return expr?.expression;
      case "type":
        return typeof expr?.expression === "string" && expr.expression.startsWith("=") && parseAddress(expr.expression.slice(1)) ? "Range" : "String";
      case "value":
        return typeof expr?.expression === "string" ? expr.expression.replace(/^=/, "") : expr?.expression;
      case "visible":
        return true;
      case "comment":
        return "";
    }
    throw notImplemented(`NamedItem.${prop}`);
  }
  get name(): string {
    return this.get$("name");
  }
  get formula(): string {
    return this.get$("formula");
  }
  get type(): string {
    return this.get$("type");
  }
  get value(): unknown {
    return this.get$("value");
  }
  get visible(): boolean {
    return this.get$("visible");
  }
  get comment(): string {
    return this.get$("comment");
  }
  getRange(): ExcelRange {
    return makeRange(this.ctx, () => {
      const name = this.target();
      const expr = this.ctx.wb.hf.getNamedExpression(name);
      const parsed = typeof expr?.expression === "string" ? parseAddress(expr.expression.replace(/^=/, "")) : null;
      const sheet = parsed?.sheetName ? this.ctx.wb.findSheet(parsed.sheetName) : undefined;
      if (!parsed || !sheet) throw new OfficeExtensionError("InvalidOperation", `The name '${name}' does not refer to a range.`, "NamedItem.getRange");
      return { sheet, rect: parsed };
    });
  }
  delete(): void {
    this.call("delete", (name) => {
      this.ctx.wb.hf.removeNamedExpression(name);
      this.ctx.wb.changed();
    });
  }
}

export class NamedItemCollection extends ClientCollection<ExcelNamedItem, string, Workbook> {
  readonly typeName = "NamedItemCollection";
  protected list(wb: Workbook): string[] {
    return wb.hf.listNamedExpressions();
  }
  protected makeItem(name: string): ExcelNamedItem {
    return this.item(name, false);
  }
  private item(name: string, orNull: boolean): ExcelNamedItem {
    return strict(
      new ExcelNamedItem(
        this.ctx,
        () => {
          const expr = this.ctx.wb.hf.getNamedExpression(name);
          if (expr) return expr.name;
          if (orNull) return null;
          throw new OfficeExtensionError("ItemNotFound", `The requested resource doesn't exist. (name '${name}')`, "NamedItemCollection.getItem", 404);
        },
        orNull,
      ),
      "NamedItem",
    );
  }
  add(name: string, reference: ExcelRange | string, _comment?: string): ExcelNamedItem {
    this.call("add", (wb) => {
      let expression: string;
      if (typeof reference === "string") expression = absoluteAddress(reference.startsWith("=") ? reference : `=${reference}`);
      else {
        const t = reference.targetForCopy();
        expression = `=${absoluteAddress(wb.address(t.sheet, t.rect))}`;
      }
      if (wb.hf.getNamedExpression(name) || wb.findTable(name)) throw new OfficeExtensionError("ItemAlreadyExists", `The resource already exists. (name '${name}')`, "NamedItemCollection.add");
      if (!wb.hf.isItPossibleToAddNamedExpression(name, expression)) throw new OfficeExtensionError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (name '${name}')`, "NamedItemCollection.add");
      wb.hf.addNamedExpression(name, expression);
      wb.changed();
    });
    return this.item(name, false);
  }
  getItem(name: string): ExcelNamedItem {
    return this.item(name, false);
  }
  getItemOrNullObject(name: string): ExcelNamedItem {
    return this.item(name, true);
  }
}

/** "Sheet1!A1:B2" → "Sheet1!$A$1:$B$2": a name refers to fixed cells (as Excel stores a range given to names.add). */
function absoluteAddress(text: string): string {
  return text.replace(/(?<![A-Za-z0-9_$'])\$?([A-Z]{1,3})\$?(\d{1,7})(?![A-Za-z0-9_(])/g, (_m, c: string, r: string) => `$${c}$${r}`);
}

// -------------------------------------------------------------------- document properties

export class CustomProperty extends ClientObject<string> {
  readonly typeName = "CustomProperty";
  protected readonly props = ["key", "value", "type"] as const;
  protected read(name: string, key: string): unknown {
    const v = this.ctx.wb.documentProperties.get(key);
    if (name === "key") return key;
    if (name === "value") return v;
    if (name === "type") return typeof v === "number" ? "Number" : typeof v === "boolean" ? "Boolean" : "String";
    throw notImplemented(`CustomProperty.${name}`);
  }
  get key(): string {
    return this.get$("key");
  }
  get value(): unknown {
    return this.get$("value");
  }
  set value(v: unknown) {
    this.set$("value", v, (key) => this.ctx.wb.documentProperties.set(key, v));
  }
  get type(): string {
    return this.get$("type");
  }
  delete(): void {
    this.call("delete", (key) => this.ctx.wb.documentProperties.delete(key));
  }
}

export class CustomPropertyCollection extends ClientCollection<CustomProperty, string, Workbook> {
  readonly typeName = "CustomPropertyCollection";
  protected list(wb: Workbook): string[] {
    return [...wb.documentProperties.keys()];
  }
  protected makeItem(key: string): CustomProperty {
    return this.item(key, false);
  }
  private item(key: string, orNull: boolean): CustomProperty {
    return strict(
      new CustomProperty(
        this.ctx,
        () => {
          const found = [...this.ctx.wb.documentProperties.keys()].find((k) => k.toLowerCase() === key.toLowerCase());
          if (found !== undefined) return found;
          if (orNull) return null;
          throw new OfficeExtensionError("ItemNotFound", `The requested resource doesn't exist. (custom property '${key}')`, "CustomPropertyCollection.getItem", 404);
        },
        orNull,
      ),
      "CustomProperty",
    );
  }
  add(key: string, value: unknown): CustomProperty {
    this.call("add", (wb) => wb.documentProperties.set(key, value), { key, value });
    return this.item(key, false);
  }
  getItem(key: string): CustomProperty {
    return this.item(key, false);
  }
  getItemOrNullObject(key: string): CustomProperty {
    return this.item(key, true);
  }
  deleteAll(): void {
    this.call("deleteAll", (wb) => wb.documentProperties.clear());
  }
}

export class DocumentProperties extends ClientObject<Workbook> {
  readonly typeName = "DocumentProperties";
  protected readonly props = [] as const;
  protected override readonly navs = ["custom"] as const;
  protected read(name: string): unknown {
    throw notImplemented(`DocumentProperties.${name}`);
  }
  get custom(): CustomPropertyCollection {
    return strict(new CustomPropertyCollection(this.ctx, () => this.ctx.wb), "CustomPropertyCollection");
  }
}

// -------------------------------------------------------------------- workbook

export class ExcelWorkbook extends ClientObject<Workbook> {
  readonly typeName = "Workbook";
  protected readonly props = ["name", "readOnly", "isDirty"] as const;
  protected override readonly navs = ["worksheets", "tables", "names", "settings", "application", "properties"] as const;

  protected read(name: string): unknown {
    if (name === "name") return "Book1";
    if (name === "readOnly") return false;
    if (name === "isDirty") return true;
    throw notImplemented(`Workbook.${name}`);
  }
  get name(): string {
    return this.get$("name");
  }
  get readOnly(): boolean {
    return this.get$("readOnly");
  }
  get isDirty(): boolean {
    return this.get$("isDirty");
  }

  get worksheets(): WorksheetCollection {
    return strict(new WorksheetCollection(this.ctx, () => true), "WorksheetCollection");
  }
  get tables() {
    return makeTableCollection(this.ctx, () => "workbook");
  }
  get names(): NamedItemCollection {
    return strict(new NamedItemCollection(this.ctx, () => this.ctx.wb), "NamedItemCollection");
  }
  get settings(): SettingCollection {
    return strict(new SettingCollection(this.ctx, () => this.ctx.wb), "SettingCollection");
  }
  get application(): ExcelApplication {
    return strict(new ExcelApplication(this.ctx, () => this.ctx.wb), "Application");
  }
  get properties(): DocumentProperties {
    return strict(new DocumentProperties(this.ctx, () => this.ctx.wb), "DocumentProperties");
  }

  /** The selected range (a person's selection in the grid). */
  getSelectedRange(): ExcelRange {
    let sel: { sheet: Workbook["selection"]["sheet"]; rect: Workbook["selection"]["rect"] } | null = null;
    this.ctx.enqueue("Workbook.getSelectedRange", () => {
      sel = { sheet: this.ctx.wb.selection.sheet, rect: this.ctx.wb.selection.rect };
    });
    return makeRange(this.ctx, () => sel ?? { sheet: this.ctx.wb.selection.sheet, rect: this.ctx.wb.selection.rect });
  }

  getActiveCell(): ExcelRange {
    let cell: { sheet: Workbook["selection"]["sheet"]; rect: Workbook["selection"]["rect"] } | null = null;
    this.ctx.enqueue("Workbook.getActiveCell", () => {
      const s = this.ctx.wb.selection;
      cell = { sheet: s.sheet, rect: { row: s.active.row, col: s.active.col, rowCount: 1, colCount: 1 } };
    });
    return makeRange(this.ctx, () => cell);
  }

  get onSelectionChanged() {
    return new EventSource<unknown>(this.ctx, "Workbook.onSelectionChanged", (fire) =>
      this.ctx.wb.subscribe((c: WorkbookChange) => {
        if (c.kind === "selection") fire({ type: "SelectionChanged", workbook: this });
      }),
    );
  }
}
