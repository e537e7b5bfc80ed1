/* Conditional formats of type Custom: a formula rule evaluated for each cell (relative references
 * move with the cell) and a fill / font format the grid draws where it holds. Other types throw
 * "preview does not implement …". */
import type { ConditionalFormatInfo } from "../engine/workbook";
import { ClientCollection, ClientObject, notImplemented, strict, type RequestContextCore } from "./client";
import { makeRange, type ExcelRange, type RangeTarget } from "./range";

type CF = ConditionalFormatInfo;

abstract class CfPart extends ClientObject<CF> {
  protected setField<K extends keyof CF>(name: string, key: K, value: CF[K]): void {
    this.set$(name, value, (cf) => {
      cf[key] = value;
      this.ctx.wb.changed();
    });
  }
}

export class ConditionalFormatRule extends CfPart {
  readonly typeName = "ConditionalFormatRule";
  protected readonly props = ["formula", "formulaLocal"] as const;
  protected read(name: string, cf: CF): unknown {
    if (name === "formula" || name === "formulaLocal") return cf.formula;
    throw notImplemented(`ConditionalFormatRule.${name}`);
  }
  get formula(): string {
    return this.get$("formula");
  }
  set formula(v: string) {
    this.setField("formula", "formula", String(v));
  }
  get formulaLocal(): string {
    return this.get$("formulaLocal");
  }
  set formulaLocal(v: string) {
    this.setField("formulaLocal", "formula", String(v));
  }
}

export class ConditionalRangeFill extends CfPart {
  readonly typeName = "ConditionalRangeFill";
  protected readonly props = ["color"] as const;
  protected read(name: string, cf: CF): unknown {
    if (name === "color") return cf.fill ?? null;
    throw notImplemented(`ConditionalRangeFill.${name}`);
  }
  get color(): string {
    return this.get$("color");
  }
  set color(v: string) {
    this.setField("color", "fill", v);
  }
  clear(): void {
    this.call("clear", (cf) => {
      cf.fill = undefined;
      this.ctx.wb.changed();
    });
  }
}

export class ConditionalRangeFont extends CfPart {
  readonly typeName = "ConditionalRangeFont";
  protected readonly props = ["color", "bold", "italic"] as const;
  protected read(name: string, cf: CF): unknown {
    if (name === "color") return cf.fontColor ?? null;
    if (name === "bold") return cf.bold ?? null;
    if (name === "italic") return cf.italic ?? null;
    throw notImplemented(`ConditionalRangeFont.${name}`);
  }
  get color(): string {
    return this.get$("color");
  }
  set color(v: string) {
    this.setField("color", "fontColor", v);
  }
  get bold(): boolean {
    return this.get$("bold");
  }
  set bold(v: boolean) {
    this.setField("bold", "bold", Boolean(v));
  }
  get italic(): boolean {
    return this.get$("italic");
  }
  set italic(v: boolean) {
    this.setField("italic", "italic", Boolean(v));
  }
}

export class ConditionalRangeFormat extends CfPart {
  readonly typeName = "ConditionalRangeFormat";
  protected readonly props = [] as const;
  protected override readonly navs = ["fill", "font"] as const;
  protected read(name: string): unknown {
    throw notImplemented(`ConditionalRangeFormat.${name}`);
  }
  get fill(): ConditionalRangeFill {
    return strict(new ConditionalRangeFill(this.ctx, () => this.resolveTarget()), "ConditionalRangeFill");
  }
  get font(): ConditionalRangeFont {
    return strict(new ConditionalRangeFont(this.ctx, () => this.resolveTarget()), "ConditionalRangeFont");
  }
}

export class CustomConditionalFormat extends CfPart {
  readonly typeName = "CustomConditionalFormat";
  protected readonly props = [] as const;
  protected override readonly navs = ["rule", "format"] as const;
  protected read(name: string): unknown {
    throw notImplemented(`CustomConditionalFormat.${name}`);
  }
  get rule(): ConditionalFormatRule {
    return strict(new ConditionalFormatRule(this.ctx, () => this.resolveTarget()), "ConditionalFormatRule");
  }
  get format(): ConditionalRangeFormat {
    return strict(new ConditionalRangeFormat(this.ctx, () => this.resolveTarget()), "ConditionalRangeFormat");
  }
}

export class ConditionalFormat extends CfPart {
  readonly typeName = "ConditionalFormat";
  protected readonly props = ["type", "priority", "stopIfTrue", "id"] as const;
  protected override readonly navs = ["custom"] as const;
  protected read(name: string, cf: CF): unknown {
    switch (name) {
      case "type":
        return cf.type;
      case "id":
        return cf.id;
      case "priority":
        return this.ctx.wb.conditionalFormats.filter((x) => x.sheet === cf.sheet).indexOf(cf);
      case "stopIfTrue":
        return false;
    }
    throw notImplemented(`ConditionalFormat.${name}`);
  }
  get type(): string {
    return this.get$("type");
  }
  get id(): string {
    return this.get$("id");
  }
  get priority(): number {
    return this.get$("priority");
  }
  get stopIfTrue(): boolean {
    return this.get$("stopIfTrue");
  }
  get custom(): CustomConditionalFormat {
    return strict(new CustomConditionalFormat(this.ctx, () => this.resolveTarget()), "CustomConditionalFormat");
  }
  getRange(): ExcelRange {
    return makeRange(this.ctx, () => {
      const cf = this.resolveTarget();
      return cf ? { sheet: cf.sheet, rect: cf.rect } : null;
    });
  }
  delete(): void {
    this.call("delete", (cf) => this.ctx.wb.deleteConditionalFormat(cf));
  }
}

/** Range.conditionalFormats: the custom formats that intersect the range. */
export class ConditionalFormatCollection extends ClientCollection<ConditionalFormat, CF, RangeTarget> {
  readonly typeName = "ConditionalFormatCollection";

  protected list(t: RangeTarget): CF[] {
    return this.ctx.wb.conditionalFormats.filter((cf) => cf.sheet === t.sheet && this.ctx.wb.intersect(cf.rect, t.rect));
  }

  protected makeItem(cf: CF): ConditionalFormat {
    return strict(new ConditionalFormat(this.ctx, () => (this.ctx.wb.conditionalFormats.includes(cf) ? cf : null)), "ConditionalFormat");
  }

  /** Adds a conditional format; the preview implements type "Custom". */
  add(type: string): ConditionalFormat {
    if (String(type).toLowerCase() !== "custom") throw notImplemented(`ConditionalFormatCollection.add("${type}") (the preview implements "Custom")`);
    let created: CF | null = null;
    this.call("add", (t) => {
      created = this.ctx.wb.addConditionalFormat(t.sheet, t.rect);
    });
    return strict(new ConditionalFormat(this.ctx, () => created), "ConditionalFormat");
  }

  getItemAt(index: number): ConditionalFormat {
    return strict(new ConditionalFormat(this.ctx, () => this.list(this.target())[index] ?? null), "ConditionalFormat");
  }

  clearAll(): void {
    this.call("clearAll", (t) => {
      for (const cf of this.list(t)) this.ctx.wb.deleteConditionalFormat(cf);
    });
  }
}

export function makeConditionalFormats(ctx: RequestContextCore, resolve: () => RangeTarget | null): ConditionalFormatCollection {
  return strict(new ConditionalFormatCollection(ctx, resolve), "ConditionalFormatCollection");
}
