/* The preview's workbook: HyperFormula holds cells and formulas; this class adds what Excel keeps
 * beside them (sheet order and ids, number formats and cell styles, column widths, frozen panes,
 * tables, charts, settings, custom properties, the selection) and applies Excel's rules where
 * HyperFormula has none: input parsing of written values, table names and headers, table
 * expansion, shifting cells around tables. Both the task pane's Excel API and the grid go through
 * it; every change notifies the grid. No DOM here. */
import { HyperFormula, DetailedCellError } from "hyperformula";
import type { RawCellContent } from "hyperformula";
import { MAX_COLUMNS, MAX_ROWS, cellAddress, contains, intersection, intersects, qualifiedAddress, type CellRect } from "./addresses";
import { BUSY, buildFunctionPlugin, cellKey, createBridgeState, type BridgeState, type FunctionHost } from "./function-bridge";
import type { FunctionsMetadata } from "./functions-metadata";
import { formatGeneral, formatProblem, formatValue, isDateFormat } from "./number-format";
import { shiftA1, toA1, toR1C1 } from "./r1c1";

import { WorkbookError } from "./workbook-error";

export { WorkbookError };

/** Styles Excel keeps per cell that the preview renders. */
export interface CellStyle {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  fontColor?: string;
  fontName?: string;
  fontSize?: number;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  hyperlink?: { address?: string; textToDisplay?: string; screenTip?: string; documentReference?: string };
  /** Border edges ("EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight") drawn by the grid. */
  borders?: Record<string, { style: string; color: string; weight: string }>;
}

export interface SheetInfo {
  readonly hfId: number;
  readonly id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor: string;
  frozenRows: number;
  frozenColumns: number;
  readonly customProperties: Map<string, string>;
  /** Column widths in points (Excel's unit); absent → standard width. */
  readonly columnWidths: Map<number, number>;
  readonly rowHeights: Map<number, number>;
  /** Columns Excel widened by itself as numbers were entered (a width set by hand or API stops that). */
  readonly autoWidthColumns: Set<number>;
  /** Styles by "row:col". */
  styles: Map<string, CellStyle>;
  /** Merged areas (Range.merge). */
  merges: CellRect[];
}

export interface TableInfo {
  readonly id: string;
  name: string;
  sheet: SheetInfo;
  /** The whole table: header row (when shown) and data body. */
  rect: CellRect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  showBandedRows: boolean;
  /** Data-body column offsets whose cells are one calculated formula (filled into new rows). */
  readonly calculatedColumns: Set<number>;
}

/** A conditional format of type Custom: a formula evaluated per cell (relative to the range's top-left cell). */
export interface ConditionalFormatInfo {
  readonly id: string;
  readonly sheet: SheetInfo;
  rect: CellRect;
  readonly type: "Custom";
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
}

export interface ChartInfo {
  readonly id: string;
  name: string;
  sheet: SheetInfo;
  chartType: string;
  source: CellRect;
  /** Category labels set with ChartSeries.setXAxisValues (else the source's label column). */
  categories?: CellRect;
  seriesBy: string;
  title: string;
  titleVisible: boolean;
  legendVisible: boolean;
  legendPosition: string;
  /** Position in points from the sheet's top-left. */
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Selection {
  sheet: SheetInfo;
  rect: CellRect;
  /** The active cell inside the selection. */
  active: { row: number; col: number };
}

/** What changed, for listeners (the grid repaints; API events fire). */
export type WorkbookChange =
  | { kind: "cells"; sheet: SheetInfo; rect: CellRect; source: "api" | "user" }
  | { kind: "structure" }
  | { kind: "selection" }
  | { kind: "settings"; keys: string[] }
  | { kind: "problem"; message: string };

/** Excel's standard column width: 8.43 characters = 64 px = 48 pt. */
export const STANDARD_WIDTH_PT = 48;
export const STANDARD_HEIGHT_PT = 15;
/** Room a cell's text needs beside its width: the grid's padding and gridline, in points. */
export const CELL_PADDING_PT = 8;

const styleKey = (row: number, col: number) => `${row}:${col}`;

let counter = 0;
function newId(prefix: string): string {
  counter++;
  const hex = (counter * 2654435761 >>> 0).toString(16).padStart(8, "0").toUpperCase();
  return `{${prefix}${hex}-0000-4000-8000-${String(counter).padStart(12, "0")}}`;
}

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/**
 * Excel's reading of a date that names its month first, as typed or written to values: "March 2024"
 * and "Mar-24" (the month's first day, shown mmm-yy), "Sep 5, 2024" (shown d-mmm-yy), "Dec 31"
 * (this year).
 */
function namedMonthDate(text: string): { raw: number; format: string } | null {
  const m = /^([A-Za-z]{3,9})\.?[ \-/]+(\d{1,2}|\d{4})(?:,? +(\d{4}))?$/.exec(text);
  if (!m) return null;
  const word = m[1].toLowerCase();
  const index = MONTH_NAMES.findIndex((name) => name === word || (word.length === 3 && name.startsWith(word)) || (word === "sept" && name === "september"));
  if (index < 0) return null;
  const serial = (y: number, d: number) => Date.UTC(y, index, d) / 86400000 + 25569;
  const n = Number(m[2]);
  if (m[3]) return { raw: serial(Number(m[3]), n), format: "d-mmm-yy" };
  if (m[2].length === 4) return { raw: serial(n, 1), format: "mmm-yy" };
  if (text.includes("-") && m[2].length === 2) return { raw: serial(2000 + n, 1), format: "mmm-yy" };
  return n >= 1 && n <= 31 ? { raw: serial(new Date().getUTCFullYear(), n), format: "d-mmm" } : null;
}

/** The API writes that extend a table written just below or beside it (Excel's rule for values and formulas). */
const API_WRITES = new Set(["Range.values", "Range.formulas", "Range.formulasLocal", "Range.formulasR1C1"]);

/** A numeric string Excel reads as a number when it is typed or written to values. */
const GROUPED_NUMBER = /^([+-]?)([$₩]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;

/** Options of a new workbook. */
export interface WorkbookOptions {
  /** The custom-functions namespace of the manifest ("AIFIN"). */
  namespace: string;
  metadata: FunctionsMetadata;
  /** Where associated functions are found and errors made. */
  functions: Omit<FunctionHost, "sheetName" | "onAsyncSettled">;
}

export class Workbook {
  readonly hf: HyperFormula;
  readonly bridge: BridgeState;
  readonly functionIds: string[];
  private readonly sheetList: SheetInfo[] = [];
  readonly tables: TableInfo[] = [];
  readonly charts: ChartInfo[] = [];
  readonly conditionalFormats: ConditionalFormatInfo[] = [];
  /** Bumped after every change (caches of derived display state key on it). */
  version = 0;
  private cfCache = new Map<string, boolean>();
  readonly settings = new Map<string, unknown>();
  /** workbook.properties.custom */
  readonly documentProperties = new Map<string, unknown>();
  readonly problems: string[] = [];
  activeSheet!: SheetInfo;
  selection!: Selection;
  private listeners = new Set<(c: WorkbookChange) => void>();
  private pendingNotify: WorkbookChange[] = [];
  private batchDepth = 0;
  /** Text width in points, for autofit and for widening a column as a number is entered (the grid measures with the real font). */
  measureText: (text: string, style?: CellStyle) => number = roughWidthPt;
  /** Counters the tests and the bench read. */
  readonly stats = { syncs: 0, runs: 0, fullCalculations: 0, largestRequestBytes: 0, largestResponseBytes: 0 };

  constructor(options: WorkbookOptions) {
    this.bridge = createBridgeState();
    const host: FunctionHost = {
      ...options.functions,
      sheetName: (id) => this.hf.getSheetName(id) ?? "",
      onAsyncSettled: (key) => this.recalculateCell(key),
    };
    const { plugin, translations, ids } = buildFunctionPlugin(options.namespace, options.metadata, host, this.bridge);
    this.functionIds = ids;
    for (const id of ids) {
      if (HyperFormula.getFunctionPlugin(id)) HyperFormula.unregisterFunction(id);
    }
    HyperFormula.registerFunctionPlugin(plugin, translations);
    this.hf = HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      useArrayArithmetic: true,
      dateFormats: ["YYYY-MM-DD", "MM/DD/YYYY", "YYYY/MM/DD"],
      currencySymbol: ["$", "₩"],
      precisionRounding: 15,
      maxRows: MAX_ROWS,
      maxColumns: MAX_COLUMNS,
    });
    const first = this.addSheet("Sheet1");
    this.activeSheet = first;
    this.selection = { sheet: first, rect: { row: 0, col: 0, rowCount: 1, colCount: 1 }, active: { row: 0, col: 0 } };
  }

  // ---------------------------------------------------------------- notifications

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe(listener: (c: WorkbookChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `fn` as one change: one HyperFormula batch, one notification round. */
  batch<T>(fn: () => T): T {
    this.batchDepth++;
    let result: T;
    try {
      result = fn();
    } finally {
      this.batchDepth--;
    }
    if (this.batchDepth === 0) this.flush();
    return result;
  }

  private emit(change: WorkbookChange): void {
    this.pendingNotify.push(change);
    if (this.batchDepth === 0) this.flush();
  }

  private flush(): void {
    this.fixSpills();
    this.version++;
    if (this.cfCache.size > 50_000) this.cfCache.clear();
    const changes = this.pendingNotify;
    this.pendingNotify = [];
    for (const c of changes) for (const l of [...this.listeners]) l(c);
  }

  /** Records a problem the preview found (shown in the workbook's status area). */
  reportProblem(message: string): void {
    if (!this.problems.includes(message)) this.problems.push(message);
    this.emit({ kind: "problem", message });
  }

  /** Formulas whose spill size changed since they were entered are entered again (HyperFormula fixes sizes at entry). */
  private fixSpills(): void {
    for (let pass = 0; pass < 3 && this.bridge.mismatched.size > 0; pass++) {
      const keys = [...this.bridge.mismatched];
      this.bridge.mismatched.clear();
      for (const key of keys) this.reenter(key);
    }
    this.bridge.mismatched.clear();
  }

  private reenter(key: string): void {
    const [sheet, row, col] = key.split(":").map(Number);
    const address = { sheet, row, col };
    const formula = this.hf.getCellFormula(address);
    if (formula !== undefined) this.hf.setCellContents(address, [[formula]]);
  }

  /** An async function answered for the formula at `key`: calculate that cell again. */
  private recalculateCell(key: string): void {
    const [sheet, row, col] = key.split(":").map(Number);
    if (!this.hf.doesSheetExist(this.hf.getSheetName(sheet) ?? "")) return;
    this.reenter(cellKey(sheet, row, col));
    const info = this.sheetList.find((s) => s.hfId === sheet);
    if (info) this.emit({ kind: "cells", sheet: info, rect: { row, col, rowCount: 1, colCount: 1 }, source: "api" });
  }

  // ---------------------------------------------------------------- sheets

  /** Sheets in tab order. */
  get sheets(): readonly SheetInfo[] {
    return this.sheetList;
  }

  /** A sheet by name (case-insensitive, as Excel) or by id. */
  findSheet(nameOrId: string): SheetInfo | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheetList.find((s) => s.id === nameOrId || s.name.toLowerCase() === lower);
  }

  /** The sheet or Excel's ItemNotFound. */
  sheet(nameOrId: string): SheetInfo {
    const s = this.findSheet(nameOrId);
    if (!s) throw new WorkbookError("ItemNotFound", `The requested resource doesn't exist. (worksheet '${nameOrId}')`);
    return s;
  }

  /** Adds a sheet at the end; a missing name becomes the next "SheetN". */
  addSheet(name?: string | null): SheetInfo {
    let sheetName = name ?? "";
    if (sheetName === "") {
      let n = this.sheetList.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    this.checkSheetName(sheetName);
    const added = this.hf.addSheet(sheetName);
    const info: SheetInfo = {
      hfId: this.hf.getSheetId(added)!,
      id: newId("S"),
      name: sheetName,
      visibility: "Visible",
      tabColor: "",
      frozenRows: 0,
      frozenColumns: 0,
      customProperties: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      autoWidthColumns: new Set(),
      styles: new Map(),
      merges: [],
    };
    this.sheetList.push(info);
    this.emit({ kind: "structure" });
    return info;
  }

  private checkSheetName(name: string, except?: SheetInfo): void {
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'") || /^history$/i.test(name)) {
      throw new WorkbookError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (sheet name '${name}': 1–31 characters, none of : \\ / ? * [ ], not starting or ending with ')`);
    }
    const existing = this.findSheet(name);
    if (existing && existing !== except) {
      throw new WorkbookError("ItemAlreadyExists", `The resource already exists. (a sheet named '${name}')`);
    }
  }

  renameSheet(sheet: SheetInfo, name: string): void {
    if (sheet.name === name) return;
    this.checkSheetName(name, sheet);
    this.hf.renameSheet(sheet.hfId, name);
    sheet.name = name;
    this.emit({ kind: "structure" });
  }

  deleteSheet(sheet: SheetInfo): void {
    const visible = this.sheetList.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet) {
      throw new WorkbookError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    this.hf.removeSheet(sheet.hfId);
    this.sheetList.splice(this.sheetList.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheet === sheet) this.tables.splice(i, 1);
    for (let i = this.charts.length - 1; i >= 0; i--) if (this.charts[i].sheet === sheet) this.charts.splice(i, 1);
    if (this.activeSheet === sheet) this.activate(this.sheetList.find((s) => s.visibility === "Visible")!);
    this.emit({ kind: "structure" });
  }

  moveSheet(sheet: SheetInfo, position: number): void {
    const from = this.sheetList.indexOf(sheet);
    const to = Math.max(0, Math.min(position, this.sheetList.length - 1));
    this.sheetList.splice(from, 1);
    this.sheetList.splice(to, 0, sheet);
    this.emit({ kind: "structure" });
  }

  activate(sheet: SheetInfo): void {
    if (sheet.visibility !== "Visible") throw new WorkbookError("InvalidOperation", `Cannot activate the hidden sheet '${sheet.name}'.`);
    this.activeSheet = sheet;
    this.selection = { sheet, rect: { row: 0, col: 0, rowCount: 1, colCount: 1 }, active: { row: 0, col: 0 } };
    this.emit({ kind: "structure" });
    this.emit({ kind: "selection" });
  }

  select(sheet: SheetInfo, rect: CellRect, active?: { row: number; col: number }): void {
    if (sheet !== this.activeSheet) this.activate(sheet);
    this.selection = { sheet, rect, active: active ?? { row: rect.row, col: rect.col } };
    this.emit({ kind: "selection" });
  }

  // ---------------------------------------------------------------- reading cells

  private addr(sheet: SheetInfo, row: number, col: number) {
    return { sheet: sheet.hfId, row, col };
  }

  /** The value Excel's `values` gives: numbers, text, booleans, "" for empty, "#N/A"-style text for errors. */
  value(sheet: SheetInfo, row: number, col: number): number | string | boolean {
    const v = this.hf.getCellValue(this.addr(sheet, row, col));
    if (v === null) return "";
    if (v instanceof DetailedCellError) return v.message === BUSY ? BUSY : v.value;
    return v;
  }

  /** The error message of a cell, when it holds an error that has one. */
  errorMessage(sheet: SheetInfo, row: number, col: number): string | undefined {
    const v = this.hf.getCellValue(this.addr(sheet, row, col));
    if (v instanceof DetailedCellError && v.message && v.message !== BUSY) return v.message;
    return undefined;
  }

  isError(sheet: SheetInfo, row: number, col: number): boolean {
    return this.hf.getCellValue(this.addr(sheet, row, col)) instanceof DetailedCellError;
  }

  values(sheet: SheetInfo, rect: CellRect): (number | string | boolean)[][] {
    const out: (number | string | boolean)[][] = [];
    for (let r = 0; r < rect.rowCount; r++) {
      const row: (number | string | boolean)[] = [];
      for (let c = 0; c < rect.colCount; c++) row.push(this.value(sheet, rect.row + r, rect.col + c));
      out.push(row);
    }
    return out;
  }

  /** What Excel's `formulas` gives for a cell: the formula, else the value. */
  formula(sheet: SheetInfo, row: number, col: number): number | string | boolean {
    const a = this.addr(sheet, row, col);
    const f = this.hf.getCellFormula(a);
    if (f !== undefined) return f;
    // A constant (or a cell a formula spills into): Excel gives its value.
    return this.value(sheet, row, col);
  }

  formulas(sheet: SheetInfo, rect: CellRect): (number | string | boolean)[][] {
    return this.grid(rect, (r, c) => this.formula(sheet, r, c));
  }

  formulasR1C1(sheet: SheetInfo, rect: CellRect): (number | string | boolean)[][] {
    return this.grid(rect, (r, c) => {
      const f = this.formula(sheet, r, c);
      return typeof f === "string" && f.startsWith("=") ? toR1C1(f, r, c) : f;
    });
  }

  /** Writes R1C1 formulas (each converted for its own cell). */
  writeR1C1(sheet: SheetInfo, rect: CellRect, input: unknown, what: string): void {
    const matrix = this.expand(rect, input, what);
    const a1 = matrix.map((row, i) => row.map((v, j) => (typeof v === "string" && v.startsWith("=") ? toA1(v, rect.row + i, rect.col + j) : v)));
    this.write(sheet, rect, a1, what);
  }

  // ---------------------------------------------------------------- conditional formats

  addConditionalFormat(sheet: SheetInfo, rect: CellRect): ConditionalFormatInfo {
    const cf: ConditionalFormatInfo = { id: newId("F"), sheet, rect, type: "Custom", formula: "" };
    this.conditionalFormats.push(cf);
    this.emit({ kind: "structure" });
    return cf;
  }

  deleteConditionalFormat(cf: ConditionalFormatInfo): void {
    const i = this.conditionalFormats.indexOf(cf);
    if (i >= 0) this.conditionalFormats.splice(i, 1);
    this.emit({ kind: "structure" });
  }

  /** The formats of the custom conditional formats whose rule holds for this cell. */
  conditionalStyle(sheet: SheetInfo, row: number, col: number): Partial<CellStyle> | undefined {
    let out: Partial<CellStyle> | undefined;
    for (const cf of this.conditionalFormats) {
      if (cf.sheet !== sheet || !cf.formula || !contains(cf.rect, { row, col, rowCount: 1, colCount: 1 })) continue;
      const key = `${this.version}|${cf.id}|${cf.formula}|${row}|${col}`;
      let holds = this.cfCache.get(key);
      if (holds === undefined) {
        const formula = shiftA1(cf.formula.startsWith("=") ? cf.formula : `=${cf.formula}`, row - cf.rect.row, col - cf.rect.col);
        try {
          const v = this.hf.calculateFormula(formula, sheet.hfId);
          holds = v === true || (typeof v === "number" && v !== 0);
        } catch {
          holds = false;
        }
        this.cfCache.set(key, holds);
      }
      if (holds) {
        out = { ...out };
        if (cf.fill) out.fill = cf.fill;
        if (cf.fontColor) out.fontColor = cf.fontColor;
        if (cf.bold !== undefined) out.bold = cf.bold;
        if (cf.italic !== undefined) out.italic = cf.italic;
      }
    }
    return out;
  }

  style(sheet: SheetInfo, row: number, col: number): CellStyle | undefined {
    return sheet.styles.get(styleKey(row, col));
  }

  numberFormat(sheet: SheetInfo, row: number, col: number): string {
    return sheet.styles.get(styleKey(row, col))?.numberFormat ?? "General";
  }

  /** What the cell shows. */
  text(sheet: SheetInfo, row: number, col: number): { text: string; color?: string; unsupported?: boolean } {
    const v = this.value(sheet, row, col);
    if (this.isError(sheet, row, col)) return { text: String(v) };
    const link = this.style(sheet, row, col)?.hyperlink;
    if (link?.textToDisplay && v === "") return { text: link.textToDisplay };
    return formatValue(v === "" ? null : v, this.numberFormat(sheet, row, col));
  }

  valueType(sheet: SheetInfo, row: number, col: number): "Empty" | "String" | "Double" | "Boolean" | "Error" {
    const v = this.hf.getCellValue(this.addr(sheet, row, col));
    if (v === null) return "Empty";
    if (v instanceof DetailedCellError) return "Error";
    if (typeof v === "number") return "Double";
    if (typeof v === "boolean") return "Boolean";
    return "String";
  }

  grid<T>(rect: CellRect, f: (row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < rect.rowCount; r++) {
      const row: T[] = [];
      for (let c = 0; c < rect.colCount; c++) row.push(f(rect.row + r, rect.col + c));
      out.push(row);
    }
    return out;
  }

  /** The used range: the smallest rectangle holding every value (and, unless valuesOnly, every format), or null. */
  usedRange(sheet: SheetInfo, valuesOnly = false): CellRect | null {
    const dims = this.hf.getSheetDimensions(sheet.hfId);
    let minR = Infinity;
    let minC = Infinity;
    let maxR = -1;
    let maxC = -1;
    for (let r = 0; r < dims.height; r++) {
      for (let c = 0; c < dims.width; c++) {
        if (this.hf.getCellValue({ sheet: sheet.hfId, row: r, col: c }) !== null) {
          minR = Math.min(minR, r);
          minC = Math.min(minC, c);
          maxR = Math.max(maxR, r);
          maxC = Math.max(maxC, c);
        }
      }
    }
    if (!valuesOnly) {
      for (const key of sheet.styles.keys()) {
        const [r, c] = key.split(":").map(Number);
        minR = Math.min(minR, r);
        minC = Math.min(minC, c);
        maxR = Math.max(maxR, r);
        maxC = Math.max(maxC, c);
      }
    }
    if (maxR < 0) return null;
    return { row: minR, col: minC, rowCount: maxR - minR + 1, colCount: maxC - minC + 1 };
  }

  /** Extent the grid needs to show: the used range plus tables, charts and the selection. */
  extent(sheet: SheetInfo): { rows: number; cols: number } {
    const dims = this.hf.getSheetDimensions(sheet.hfId);
    let rows = dims.height;
    let cols = dims.width;
    for (const key of sheet.styles.keys()) {
      const [r, c] = key.split(":").map(Number);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    for (const t of this.tables) if (t.sheet === sheet) {
      rows = Math.max(rows, t.rect.row + t.rect.rowCount);
      cols = Math.max(cols, t.rect.col + t.rect.colCount);
    }
    return { rows, cols };
  }

  // ---------------------------------------------------------------- writing cells

  /** Excel's reading of a written or typed value: "=…" a formula, "+x"/"-x"/"@x" formulas too, "'x" text, numbers with grouping. */
  private toRaw(sheet: SheetInfo, row: number, col: number, v: unknown): { raw: RawCellContent; format?: string } {
    if (v === null || v === undefined || v === "") return { raw: null };
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new WorkbookError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${v} is not a number Excel stores)`);
      return { raw: v };
    }
    if (typeof v === "boolean") return { raw: v };
    if (v instanceof Date) return { raw: v.getTime() / 86400000 + 25569, format: "yyyy-mm-dd" };
    if (typeof v !== "string") {
      throw new WorkbookError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (a ${Object.prototype.toString.call(v)} is not a cell value)`);
    }
    if (this.numberFormat(sheet, row, col) === "@") return { raw: `'${v}` };
    if (v.startsWith("=") && v.length > 1) return { raw: v };
    const grouped = GROUPED_NUMBER.exec(v.trim());
    if (grouped) {
      const n = Number(`${grouped[1]}${grouped[3].replace(/,/g, "")}${grouped[4] ?? ""}`);
      const decimals = grouped[4] ? ".00" : "";
      const symbol = grouped[2] === "₩" ? '"₩"' : grouped[2];
      const format = symbol ? `${symbol}#,##0${decimals}` : grouped[3].includes(",") ? `#,##0${decimals}` : undefined;
      return { raw: n, format };
    }
    const negative = /^\(([$₩]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\)$/.exec(v.trim());
    if (negative) return { raw: -Number(`${negative[2].replace(/,/g, "")}${negative[3] ?? ""}`), format: negative[2].includes(",") ? "#,##0_);(#,##0)" : undefined };
    const month = /^(\d{4})-(\d{1,2})$/.exec(v.trim());
    if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
      return { raw: Date.UTC(Number(month[1]), Number(month[2]) - 1, 1) / 86400000 + 25569, format: "mmm-yy" };
    }
    const named = namedMonthDate(v.trim());
    if (named) return named;
    if (/^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/i.test(v.trim())) return { raw: v.trim().toUpperCase() === "#N/A" ? "=NA()" : `=${v.trim().toUpperCase()}` };
    if (/^[+-]/.test(v) && v.length > 1 && !Number.isFinite(Number(v))) return { raw: `=${v}` };
    if (v.startsWith("@") && v.length > 1) return { raw: `=${v.slice(1)}` };
    return { raw: v };
  }

  /**
   * Writes values or formulas as Excel's `range.values` / `range.formulas` do: a single value fills
   * the range, a 2-D array must match its size.
   */
  write(sheet: SheetInfo, rect: CellRect, input: unknown, what: string, source: "api" | "user" = "api"): void {
    const matrix = this.expand(rect, input, what);
    const filled = (r: number, c: number) => {
      const v = matrix[r - rect.row]?.[c - rect.col];
      return v !== null && v !== undefined && v !== "";
    };
    for (const m of sheet.merges) {
      for (let r = Math.max(m.row, rect.row); r < Math.min(m.row + m.rowCount, rect.row + rect.rowCount); r++) {
        for (let c = Math.max(m.col, rect.col); c < Math.min(m.col + m.colCount, rect.col + rect.colCount); c++) {
          if ((r !== m.row || c !== m.col) && filled(r, c)) {
            throw new WorkbookError("InvalidOperation", `This operation is not allowed: it would change part of a merged cell (${qualifiedAddress(sheet.name, m)}). (${what})`);
          }
        }
      }
    }
    this.batch(() => {
      if (source === "api" && API_WRITES.has(what)) this.extendTablesOver(sheet, rect, filled);
      const raws: RawCellContent[][] = [];
      const formats: [number, number, string][] = [];
      for (let r = 0; r < rect.rowCount; r++) {
        const row: RawCellContent[] = [];
        for (let c = 0; c < rect.colCount; c++) {
          const v = matrix[r][c];
          if (v === null || v === undefined) {
            // Excel's API leaves a cell whose input is null as it is.
            row.push(this.existingRaw(sheet, rect.row + r, rect.col + c));
            continue;
          }
          const { raw, format } = this.toRaw(sheet, rect.row + r, rect.col + c, v);
          row.push(raw);
          if (format && this.numberFormat(sheet, rect.row + r, rect.col + c) === "General") formats.push([rect.row + r, rect.col + c, format]);
        }
        raws.push(row);
      }
      try {
        this.hf.setCellContents(this.addr(sheet, rect.row, rect.col), raws);
      } catch (e) {
        throw new WorkbookError("InvalidOperation", `The preview's engine refused the write: ${(e as Error).message}`);
      }
      for (const [r, c, f] of formats) this.patchStyle(sheet, r, c, { numberFormat: f });
      // Dates typed as text get a date format, as Excel gives them.
      for (let r = 0; r < rect.rowCount; r++) {
        for (let c = 0; c < rect.colCount; c++) {
          const v = matrix[r][c];
          if (typeof v === "string" && !v.startsWith("=")) {
            const a = this.addr(sheet, rect.row + r, rect.col + c);
            if (this.hf.getCellValueDetailedType(a) === "NUMBER_DATE" && this.numberFormat(sheet, a.row, a.col) === "General") {
              this.patchStyle(sheet, a.row, a.col, { numberFormat: "yyyy-mm-dd" });
            }
          }
        }
      }
      this.normalizeHeadersIn(sheet, rect);
      this.emit({ kind: "cells", sheet, rect, source });
    });
  }

  /**
   * Excel extends a table over values written just below its last row (within its columns) or
   * just right of its last column (within its rows), as it does for what is typed there: the
   * table takes the written rows or columns (a new column's header named ColumnN), its calculated
   * columns fill down, and what reads the table to its last row grows with it.
   */
  private extendTablesOver(sheet: SheetInfo, rect: CellRect, filled: (r: number, c: number) => boolean): void {
    const bottomOf = (r: CellRect) => r.row + r.rowCount - 1;
    const rightOf = (r: CellRect) => r.col + r.colCount - 1;
    for (const t of this.tables) {
      if (t.sheet !== sheet || t.showTotals) continue;
      const free = (r: CellRect) => !this.tables.some((o) => o !== t && o.sheet === sheet && intersects(o.rect, r));
      const any = (r0: number, r1: number, c0: number, c1: number) => {
        for (let r = Math.max(r0, rect.row); r <= Math.min(r1, bottomOf(rect)); r++) for (let c = Math.max(c0, rect.col); c <= Math.min(c1, rightOf(rect)); c++) if (filled(r, c)) return true;
        return false;
      };
      const below = bottomOf(t.rect) + 1;
      if (rect.row === below && rect.col <= rightOf(t.rect) && rightOf(rect) >= t.rect.col && any(below, bottomOf(rect), t.rect.col, rightOf(t.rect))) {
        const rows = bottomOf(rect) - below + 1;
        if (!free({ ...t.rect, row: below, rowCount: rows })) continue;
        this.growTableRows(t, below, rows);
        continue;
      }
      const beside = rightOf(t.rect) + 1;
      if (rect.col === beside && rect.row <= bottomOf(t.rect) && bottomOf(rect) >= t.rect.row && any(t.rect.row, bottomOf(t.rect), beside, rightOf(rect))) {
        const cols = rightOf(rect) - beside + 1;
        if (!free({ ...t.rect, col: beside, colCount: cols })) continue;
        t.rect = { ...t.rect, colCount: t.rect.colCount + cols };
        this.normalizeHeaders(t);
      }
    }
  }

  /** A table takes `rows` rows just below its last one: calculated columns fill, formats of the row above follow, what reads it to its last row grows. */
  private growTableRows(table: TableInfo, at: number, rows: number): void {
    const body = this.bodyRect(table);
    table.rect = { ...table.rect, rowCount: table.rect.rowCount + rows };
    this.fillCalculatedColumns(table, at, rows);
    // What reads the table to its last row grows with it: conditional formats, chart data.
    const grows = (r: CellRect) => r.row + r.rowCount === at && r.row <= body.row && r.col >= table.rect.col && r.col + r.colCount <= table.rect.col + table.rect.colCount;
    for (const cf of this.conditionalFormats) {
      if (cf.sheet === table.sheet && grows(cf.rect)) cf.rect = { ...cf.rect, rowCount: cf.rect.rowCount + rows };
    }
    for (const ch of this.charts) {
      if (ch.sheet !== table.sheet) continue;
      if (grows(ch.source)) ch.source = { ...ch.source, rowCount: ch.source.rowCount + rows };
      if (ch.categories && grows(ch.categories)) ch.categories = { ...ch.categories, rowCount: ch.categories.rowCount + rows };
    }
    for (let c = table.rect.col; c < table.rect.col + table.rect.colCount; c++) {
      const above = this.style(table.sheet, at - 1, c);
      if (above && at - 1 > table.rect.row) for (let r = at; r < at + rows; r++) this.patchStyle(table.sheet, r, c, { ...above, hyperlink: undefined });
    }
  }

  /** Whether the cells of a range are in spilled ranges: true if all are, false if none is, null if some are (Excel's Range.hasSpill). */
  hasSpill(sheet: SheetInfo, rect: CellRect): boolean | null {
    let inArray = 0;
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.col; c < rect.col + rect.colCount; c++) if (this.hf.isCellPartOfArray(this.addr(sheet, r, c))) inArray++;
    }
    return inArray === 0 ? false : inArray === rect.rowCount * rect.colCount ? true : null;
  }

  /** Merges a range into one cell (or each of its rows, `across`), keeping the top-left value (Excel's Range.merge). */
  merge(sheet: SheetInfo, rect: CellRect, across: boolean): void {
    const areas = across ? Array.from({ length: rect.rowCount }, (_, i) => ({ ...rect, row: rect.row + i, rowCount: 1 })) : [rect];
    for (const t of this.tables) {
      if (t.sheet === sheet && intersects(t.rect, rect)) throw new WorkbookError("InvalidOperation", `This operation is not allowed: cells of table '${t.name}' cannot be merged.`);
    }
    this.batch(() => {
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
      for (const a of areas) {
        if (a.rowCount * a.colCount < 2) continue;
        sheet.merges.push(a);
        for (let r = a.row; r < a.row + a.rowCount; r++) {
          for (let c = a.col; c < a.col + a.colCount; c++) if (r !== a.row || c !== a.col) this.hf.setCellContents(this.addr(sheet, r, c), [[null]]);
        }
      }
      this.emit({ kind: "cells", sheet, rect, source: "api" });
    });
  }

  /** Undoes the merges a range touches (Excel's Range.unmerge). */
  unmerge(sheet: SheetInfo, rect: CellRect): void {
    sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
    this.emit({ kind: "structure" });
  }

  /** The merged areas a range touches. */
  mergedAreas(sheet: SheetInfo, rect: CellRect): CellRect[] {
    return sheet.merges.filter((m) => intersects(m, rect));
  }

  /** Moves merged areas along with a row shift, or refuses when a merge would be cut. */
  private shiftMerges(sheet: SheetInfo, inColumns: (m: CellRect) => "inside" | "outside" | "partly", r0: number, count: number, insert: boolean): void {
    const next: CellRect[] = [];
    for (const m of sheet.merges) {
      const bottom = m.row + m.rowCount - 1;
      const place = inColumns(m);
      if (place === "outside" || bottom < r0) {
        next.push(m);
        continue;
      }
      const cut = insert ? r0 > m.row && r0 <= bottom : r0 <= bottom && r0 + count - 1 >= m.row && !(r0 <= m.row && r0 + count - 1 >= bottom);
      if (place === "partly" || cut) {
        throw new WorkbookError("InvalidOperation", `This operation is not allowed: it would move part of a merged cell (${qualifiedAddress(sheet.name, m)}).`);
      }
      if (!insert && r0 <= m.row && r0 + count - 1 >= bottom) continue; // deleted with its rows
      next.push({ ...m, row: insert ? m.row + count : m.row - (r0 + count - 1 < m.row ? count : 0) });
    }
    sheet.merges = next;
  }

  /** A cell's content as HyperFormula takes it back (to leave the cell as it is in a block write). */
  private existingRaw(sheet: SheetInfo, row: number, col: number): RawCellContent {
    const a = this.addr(sheet, row, col);
    if (this.hf.isCellPartOfArray(a) && this.hf.getCellFormula(a) === undefined) return null;
    const raw = this.hf.getCellSerialized(a);
    return raw === undefined ? null : (raw as RawCellContent);
  }

  /** A scalar fills the range; a 2-D array must have the range's size (Excel's rule). */
  expand<T>(rect: CellRect, input: T | T[][], what: string): T[][] {
    if (!Array.isArray(input)) return Array.from({ length: rect.rowCount }, () => new Array(rect.colCount).fill(input));
    const rows = input as unknown[];
    if (rows.length !== rect.rowCount || rows.some((r) => !Array.isArray(r) || r.length !== rect.colCount)) {
      const got = rows.length > 0 && Array.isArray(rows[0]) ? `${rows.length}×${(rows[0] as unknown[]).length}` : `${rows.length} (not a 2-D array)`;
      throw new WorkbookError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${what}: range is ${rect.rowCount}×${rect.colCount}, input is ${got})`,
      );
    }
    return input as T[][];
  }

  patchStyle(sheet: SheetInfo, row: number, col: number, patch: Partial<CellStyle>): void {
    const key = styleKey(row, col);
    const next = { ...sheet.styles.get(key), ...patch };
    for (const k of Object.keys(next) as (keyof CellStyle)[]) if (next[k] === undefined) delete next[k];
    if (Object.keys(next).length === 0) sheet.styles.delete(key);
    else sheet.styles.set(key, next);
  }

  /**
   * Sets a style property over a range: a scalar fills it, a 2-D array must match (number formats).
   * A number format outside Excel's documented syntax (text such as ₩ outside quotes) is refused
   * whole, nothing set: what Excel does with one is not documented.
   */
  setStyle<K extends keyof CellStyle>(sheet: SheetInfo, rect: CellRect, prop: K, input: CellStyle[K] | CellStyle[K][][], what: string): void {
    const matrix = this.expand(rect, input as CellStyle[K], what);
    if (prop === "numberFormat") {
      for (const row of matrix) {
        for (const v of row) {
          const problem = typeof v === "string" ? formatProblem(v) : null;
          if (problem) throw new WorkbookError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${what} '${v}': ${problem})`);
        }
      }
    }
    this.batch(() => {
      for (let r = 0; r < rect.rowCount; r++) {
        for (let c = 0; c < rect.colCount; c++) {
          let v = matrix[r][c];
          if (v === null) continue; // null leaves the cell's format as it is
          if (prop === "numberFormat" && v === "") v = undefined as CellStyle[K];
          this.patchStyle(sheet, rect.row + r, rect.col + c, { [prop]: v } as Partial<CellStyle>);
        }
      }
      this.emit({ kind: "cells", sheet, rect, source: "api" });
    });
  }

  /** A style property over a range: the common value, or null when cells differ (Excel's rule for format properties). */
  commonStyle<K extends keyof CellStyle>(sheet: SheetInfo, rect: CellRect, prop: K, fallback: CellStyle[K]): CellStyle[K] | null {
    let first: CellStyle[K] | undefined;
    let seen = false;
    for (let r = 0; r < rect.rowCount; r++) {
      for (let c = 0; c < rect.colCount; c++) {
        const v = this.style(sheet, rect.row + r, rect.col + c)?.[prop] ?? fallback;
        if (!seen) {
          first = v;
          seen = true;
        } else if (v !== first) return null;
      }
    }
    return first ?? fallback;
  }

  /** Clears contents, formats or both (Excel's ClearApplyTo): formats include merges and conditional formats inside the range. */
  clear(sheet: SheetInfo, rect: CellRect, applyTo: string = "All"): void {
    const what = applyTo.toLowerCase();
    this.batch(() => {
      if (what === "all" || what === "formats") {
        sheet.merges = sheet.merges.filter((m) => !contains(rect, m));
        for (const cf of [...this.conditionalFormats]) if (cf.sheet === sheet && contains(rect, cf.rect)) this.conditionalFormats.splice(this.conditionalFormats.indexOf(cf), 1);
      }
      if (what === "all" || what === "contents") {
        const nulls = Array.from({ length: rect.rowCount }, () => new Array(rect.colCount).fill(null));
        this.hf.setCellContents(this.addr(sheet, rect.row, rect.col), nulls);
      }
      if (what === "all" || what === "formats" || what === "hyperlinks" || what === "removehyperlinks") {
        for (const key of [...sheet.styles.keys()]) {
          const [r, c] = key.split(":").map(Number);
          if (r >= rect.row && r < rect.row + rect.rowCount && c >= rect.col && c < rect.col + rect.colCount) {
            if (what === "hyperlinks" || what === "removehyperlinks") this.patchStyle(sheet, r, c, { hyperlink: undefined });
            else sheet.styles.delete(key);
          }
        }
      }
      this.emit({ kind: "cells", sheet, rect, source: "api" });
    });
  }

  // ---------------------------------------------------------------- inserting and deleting cells

  /** Inserts cells at `rect`, shifting existing cells down or right (Excel's Range.insert). */
  insert(sheet: SheetInfo, rect: CellRect, shift: "Down" | "Right"): void {
    this.batch(() => {
      if (shift === "Down") this.shiftRows(sheet, rect, rect.rowCount);
      else this.shiftColumns(sheet, rect, rect.colCount);
      this.emit({ kind: "structure" });
    });
  }

  /** Deletes cells at `rect`, shifting cells up or left (Excel's Range.delete). */
  delete(sheet: SheetInfo, rect: CellRect, shift: "Up" | "Left"): void {
    this.batch(() => {
      if (shift === "Up") this.shiftRows(sheet, rect, -rect.rowCount);
      else this.shiftColumns(sheet, rect, -rect.colCount);
      this.emit({ kind: "structure" });
    });
  }

  /**
   * Shifts the cells of `rect`'s columns from its top row down by `by` (insert) or deletes
   * `rect`'s rows and shifts up (by < 0). Whole-width rectangles insert or remove sheet rows.
   */
  private shiftRows(sheet: SheetInfo, rect: CellRect, by: number): void {
    const whole = rect.col === 0 && rect.colCount >= MAX_COLUMNS;
    const r0 = rect.row;
    const count = Math.abs(by);
    this.shiftMerges(
      sheet,
      (m) => (whole || (m.col >= rect.col && m.col + m.colCount <= rect.col + rect.colCount) ? "inside" : m.col + m.colCount <= rect.col || m.col >= rect.col + rect.colCount ? "outside" : "partly"),
      r0,
      count,
      by > 0,
    );
    // Tables in the way: a table partly in the shifted columns cannot move (Excel refuses).
    for (const t of this.tables.filter((t) => t.sheet === sheet)) {
      const tBottom = t.rect.row + t.rect.rowCount - 1;
      const tRight = t.rect.col + t.rect.colCount - 1;
      const colsOverlap = t.rect.col <= rect.col + rect.colCount - 1 && tRight >= rect.col;
      if (!colsOverlap || tBottom < r0) continue;
      const colsInside = whole || (t.rect.col >= rect.col && tRight <= rect.col + rect.colCount - 1);
      if (!colsInside) {
        throw new WorkbookError("InvalidOperation", `This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet. (table '${t.name}')`);
      }
      if (by < 0) {
        const delBottom = r0 + count - 1;
        const headerDeleted = t.showHeaders && r0 <= t.rect.row && delBottom >= t.rect.row;
        const allDeleted = r0 <= t.rect.row && delBottom >= tBottom;
        if (headerDeleted && !allDeleted) {
          throw new WorkbookError("InvalidOperation", `This operation is not allowed. It would delete the header row of table '${t.name}'.`);
        }
      }
    }
    if (whole) {
      if (by > 0) this.hf.addRows(sheet.hfId, [r0, count]);
      else this.hf.removeRows(sheet.hfId, [r0, count]);
    } else {
      const dims = this.hf.getSheetDimensions(sheet.hfId);
      const bottom = dims.height - 1;
      const c0 = rect.col;
      const c1 = Math.min(rect.col + rect.colCount - 1, Math.max(dims.width - 1, c0));
      if (by > 0 && bottom >= r0) {
        this.hf.moveCells({ start: { sheet: sheet.hfId, row: r0, col: c0 }, end: { sheet: sheet.hfId, row: bottom, col: c1 } }, { sheet: sheet.hfId, row: r0 + count, col: c0 });
      } else if (by < 0) {
        const nulls = Array.from({ length: count }, () => new Array(c1 - c0 + 1).fill(null));
        this.hf.setCellContents({ sheet: sheet.hfId, row: r0, col: c0 }, nulls);
        if (bottom >= r0 + count) {
          this.hf.moveCells({ start: { sheet: sheet.hfId, row: r0 + count, col: c0 }, end: { sheet: sheet.hfId, row: bottom, col: c1 } }, { sheet: sheet.hfId, row: r0, col: c0 });
        }
      }
    }
    // Styles follow their cells.
    const colIn = (c: number) => whole || (c >= rect.col && c < rect.col + rect.colCount);
    const moved = new Map<string, CellStyle>();
    for (const [key, style] of sheet.styles) {
      const [r, c] = key.split(":").map(Number);
      if (!colIn(c) || r < r0) moved.set(key, style);
      else if (by > 0) moved.set(styleKey(r + count, c), style);
      else if (r >= r0 + count) moved.set(styleKey(r - count, c), style);
    }
    sheet.styles = moved;
    if (whole) shiftMap(sheet.rowHeights, r0, by);
    // Tables move, grow or shrink.
    for (const t of [...this.tables]) {
      if (t.sheet !== sheet) continue;
      const tRight = t.rect.col + t.rect.colCount - 1;
      if (!(whole || (t.rect.col >= rect.col && tRight <= rect.col + rect.colCount - 1))) continue;
      const top = t.rect.row;
      const bottom = top + t.rect.rowCount - 1;
      if (by > 0) {
        if (r0 <= top) t.rect = { ...t.rect, row: top + count };
        else if (r0 <= bottom) {
          t.rect = { ...t.rect, rowCount: t.rect.rowCount + count };
          this.fillCalculatedColumns(t, r0, count);
        }
      } else {
        const d1 = r0 + count - 1;
        if (d1 < top) t.rect = { ...t.rect, row: top - count };
        else if (r0 <= top && d1 >= bottom) this.tables.splice(this.tables.indexOf(t), 1);
        else if (r0 <= bottom) {
          const removed = Math.min(d1, bottom) - Math.max(r0, top) + 1;
          t.rect = { ...t.rect, rowCount: t.rect.rowCount - removed };
        }
      }
    }
    for (const cf of [...this.conditionalFormats]) {
      if (cf.sheet !== sheet) continue;
      const right = cf.rect.col + cf.rect.colCount - 1;
      if (!(whole || (cf.rect.col >= rect.col && right <= rect.col + rect.colCount - 1))) continue;
      const next = shiftSpan(cf.rect.row, cf.rect.rowCount, r0, count, by > 0);
      if (next === null) this.conditionalFormats.splice(this.conditionalFormats.indexOf(cf), 1);
      else cf.rect = { ...cf.rect, row: next.start, rowCount: next.count };
    }
    const moveRows = (r: CellRect): CellRect => {
      if (!(whole || (r.col >= rect.col && r.col + r.colCount <= rect.col + rect.colCount))) return r;
      const next = shiftSpan(r.row, r.rowCount, r0, count, by > 0);
      return next ? { ...r, row: next.start, rowCount: next.count } : r;
    };
    for (const ch of this.charts) {
      if (ch.sheet !== sheet) continue;
      ch.source = moveRows(ch.source);
      if (ch.categories) ch.categories = moveRows(ch.categories);
      if (whole && ch.top / STANDARD_HEIGHT_PT >= r0) ch.top = Math.max(0, ch.top + by * STANDARD_HEIGHT_PT);
    }
  }

  private shiftColumns(sheet: SheetInfo, rect: CellRect, by: number): void {
    const whole = rect.row === 0 && rect.rowCount >= MAX_ROWS;
    const c0 = rect.col;
    const count = Math.abs(by);
    for (const t of this.tables.filter((t) => t.sheet === sheet)) {
      const tBottom = t.rect.row + t.rect.rowCount - 1;
      const tRight = t.rect.col + t.rect.colCount - 1;
      const rowsOverlap = t.rect.row <= rect.row + rect.rowCount - 1 && tBottom >= rect.row;
      if (!rowsOverlap || tRight < c0) continue;
      const rowsInside = whole || (t.rect.row >= rect.row && tBottom <= rect.row + rect.rowCount - 1);
      if (!rowsInside) {
        throw new WorkbookError("InvalidOperation", `This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet. (table '${t.name}')`);
      }
    }
    if (whole) {
      if (by > 0) this.hf.addColumns(sheet.hfId, [c0, count]);
      else this.hf.removeColumns(sheet.hfId, [c0, count]);
    } else {
      const dims = this.hf.getSheetDimensions(sheet.hfId);
      const right = dims.width - 1;
      const r0 = rect.row;
      const r1 = Math.min(rect.row + rect.rowCount - 1, Math.max(dims.height - 1, r0));
      if (by > 0 && right >= c0) {
        this.hf.moveCells({ start: { sheet: sheet.hfId, row: r0, col: c0 }, end: { sheet: sheet.hfId, row: r1, col: right } }, { sheet: sheet.hfId, row: r0, col: c0 + count });
      } else if (by < 0) {
        const nulls = Array.from({ length: r1 - r0 + 1 }, () => new Array(count).fill(null));
        this.hf.setCellContents({ sheet: sheet.hfId, row: r0, col: c0 }, nulls);
        if (right >= c0 + count) {
          this.hf.moveCells({ start: { sheet: sheet.hfId, row: r0, col: c0 + count }, end: { sheet: sheet.hfId, row: r1, col: right } }, { sheet: sheet.hfId, row: r0, col: c0 });
        }
      }
    }
    const rowIn = (r: number) => whole || (r >= rect.row && r < rect.row + rect.rowCount);
    const moved = new Map<string, CellStyle>();
    for (const [key, style] of sheet.styles) {
      const [r, c] = key.split(":").map(Number);
      if (!rowIn(r) || c < c0) moved.set(key, style);
      else if (by > 0) moved.set(styleKey(r, c + count), style);
      else if (c >= c0 + count) moved.set(styleKey(r, c - count), style);
    }
    sheet.styles = moved;
    if (whole) shiftMap(sheet.columnWidths, c0, by);
    for (const t of [...this.tables]) {
      if (t.sheet !== sheet) continue;
      const left = t.rect.col;
      const right = left + t.rect.colCount - 1;
      if (by > 0) {
        if (c0 <= left) t.rect = { ...t.rect, col: left + count };
        else if (c0 <= right) t.rect = { ...t.rect, colCount: t.rect.colCount + count };
      } else {
        const d1 = c0 + count - 1;
        if (d1 < left) t.rect = { ...t.rect, col: left - count };
        else if (c0 <= left && d1 >= right) this.tables.splice(this.tables.indexOf(t), 1);
        else if (c0 <= right) {
          const removed = Math.min(d1, right) - Math.max(c0, left) + 1;
          t.rect = { ...t.rect, colCount: t.rect.colCount - removed };
        }
      }
      if (this.tables.includes(t)) this.normalizeHeaders(t);
    }
    for (const cf of [...this.conditionalFormats]) {
      if (cf.sheet !== sheet) continue;
      const bottom = cf.rect.row + cf.rect.rowCount - 1;
      if (!(whole || (cf.rect.row >= rect.row && bottom <= rect.row + rect.rowCount - 1))) continue;
      const next = shiftSpan(cf.rect.col, cf.rect.colCount, c0, count, by > 0);
      if (next === null) this.conditionalFormats.splice(this.conditionalFormats.indexOf(cf), 1);
      else cf.rect = { ...cf.rect, col: next.start, colCount: next.count };
    }
  }

  // ---------------------------------------------------------------- columns and rows

  columnWidth(sheet: SheetInfo, col: number): number {
    return sheet.columnWidths.get(col) ?? STANDARD_WIDTH_PT;
  }

  rowHeight(sheet: SheetInfo, row: number): number {
    return sheet.rowHeights.get(row) ?? STANDARD_HEIGHT_PT;
  }

  setColumnWidth(sheet: SheetInfo, rect: CellRect, points: number): void {
    for (let c = rect.col; c < rect.col + Math.min(rect.colCount, 16384); c++) {
      sheet.columnWidths.set(c, points);
      sheet.autoWidthColumns.delete(c);
    }
    this.emit({ kind: "structure" });
  }

  /**
   * Widens each column to its longest shown text (Excel's autofitColumns, measured roughly). As in
   * Excel, every cell of the sheet column counts, not only the range's rows.
   */
  autofitColumns(sheet: SheetInfo, rect: CellRect, measure: (text: string, style?: CellStyle) => number = this.measureText): void {
    const ext = this.extent(sheet);
    for (let c = rect.col; c < Math.min(rect.col + rect.colCount, ext.cols); c++) {
      let widest = 0;
      for (let r = 0; r < ext.rows; r++) {
        const t = this.text(sheet, r, c).text;
        if (t) widest = Math.max(widest, measure(t, this.style(sheet, r, c)));
      }
      if (widest > 0) {
        sheet.columnWidths.set(c, Math.min(409, Math.max(12, Math.ceil(widest + CELL_PADDING_PT))));
        sheet.autoWidthColumns.delete(c);
      }
    }
    this.emit({ kind: "structure" });
  }

  freeze(sheet: SheetInfo, rows: number, cols: number): void {
    sheet.frozenRows = rows;
    sheet.frozenColumns = cols;
    this.emit({ kind: "structure" });
  }

  // ---------------------------------------------------------------- tables

  findTable(nameOrId: string): TableInfo | undefined {
    const lower = nameOrId.toLowerCase();
    return this.tables.find((t) => t.id === nameOrId || t.name.toLowerCase() === lower);
  }

  table(nameOrId: string): TableInfo {
    const t = this.findTable(nameOrId);
    if (!t) throw new WorkbookError("ItemNotFound", `The requested resource doesn't exist. (table '${nameOrId}')`);
    return t;
  }

  /** Excel's rules for a table name: a letter, _ or \ first; letters, digits, _ and . after; not a cell reference; unique among tables and names. */
  checkTableName(name: string, except?: TableInfo): void {
    const valid = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) && name.length <= 255 && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]$/.test(name) && !/^R\d*C\d*$/i.test(name);
    if (!valid) {
      throw new WorkbookError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (table name '${name}': start with a letter or _, then letters, digits, _ or . only — no spaces or hyphens, not a cell address)`);
    }
    const other = this.findTable(name);
    if ((other && other !== except) || this.hf.getNamedExpression(name)) {
      throw new WorkbookError("ItemAlreadyExists", `The resource already exists. (a table or name '${name}')`);
    }
  }

  /** Creates a table over `rect` (Excel's tables.add): headers from the first row, or a header row inserted above. */
  addTable(sheet: SheetInfo, rect: CellRect, hasHeaders: boolean): TableInfo {
    for (const t of this.tables) {
      if (t.sheet === sheet && intersects(t.rect, rect)) {
        throw new WorkbookError("InvalidOperation", `A table can't overlap another table. (table '${t.name}' at ${qualifiedAddress(sheet.name, t.rect)})`);
      }
    }
    let n = this.tables.length + 1;
    while (this.findTable(`Table${n}`)) n++;
    return this.batch(() => {
      let r = rect;
      if (!hasHeaders) {
        this.shiftRows(sheet, { row: rect.row, col: rect.col, rowCount: 1, colCount: rect.colCount }, 1);
        r = { ...rect, rowCount: rect.rowCount + 1 };
      }
      const table: TableInfo = {
        id: newId("T"),
        name: `Table${n}`,
        sheet,
        rect: r,
        showHeaders: true,
        showTotals: false,
        style: "TableStyleMedium2",
        showBandedRows: true,
        calculatedColumns: new Set(),
      };
      this.tables.push(table);
      this.normalizeHeaders(table);
      this.emit({ kind: "structure" });
      return table;
    });
  }

  /** Column names: the header cells, made unique and non-blank as Excel does. */
  normalizeHeaders(table: TableInfo): void {
    const { sheet, rect } = table;
    const seen = new Set<string>();
    const fixes: [number, string][] = [];
    for (let c = 0; c < rect.colCount; c++) {
      const v = this.value(sheet, rect.row, rect.col + c);
      let name = v === "" ? "" : typeof v === "number" ? formatGeneral(v) : String(v);
      if (name === "") name = `Column${c + 1}`;
      let unique = name;
      for (let k = 2; seen.has(unique.toLowerCase()); k++) unique = `${name}${k}`;
      seen.add(unique.toLowerCase());
      if (unique !== v || this.hf.getCellFormula(this.addr(sheet, rect.row, rect.col + c)) !== undefined) fixes.push([rect.col + c, unique]);
    }
    for (const [c, name] of fixes) this.hf.setCellContents(this.addr(sheet, rect.row, c), [[`'${name}`]]);
  }

  private normalizeHeadersIn(sheet: SheetInfo, rect: CellRect): void {
    for (const t of this.tables) {
      if (t.sheet === sheet && t.showHeaders && intersects({ ...t.rect, rowCount: 1 }, rect)) this.normalizeHeaders(t);
    }
  }

  columnNames(table: TableInfo): string[] {
    const names: string[] = [];
    for (let c = 0; c < table.rect.colCount; c++) names.push(String(this.value(table.sheet, table.rect.row, table.rect.col + c)));
    return names;
  }

  /** The data body (without the header row). */
  bodyRect(table: TableInfo): CellRect {
    return table.showHeaders ? { ...table.rect, row: table.rect.row + 1, rowCount: table.rect.rowCount - 1 } : table.rect;
  }

  renameTable(table: TableInfo, name: string): void {
    if (table.name === name) return;
    this.checkTableName(name, table);
    table.name = name;
    this.emit({ kind: "structure" });
  }

  /** Sets the table to a new range on the same sheet, keeping its header row (Excel's Table.resize). */
  resizeTable(table: TableInfo, rect: CellRect): void {
    if (rect.row !== table.rect.row) throw new WorkbookError("InvalidArgument", "The argument is invalid or missing or has an incorrect format. (a resized table keeps its header row)");
    for (const t of this.tables) {
      if (t !== table && t.sheet === table.sheet && intersects(t.rect, rect)) throw new WorkbookError("InvalidOperation", `A table can't overlap another table. (table '${t.name}')`);
    }
    table.rect = rect;
    this.normalizeHeaders(table);
    this.emit({ kind: "structure" });
  }

  /** Adds rows at the end of the body or at `index` inside it, shifting the table's columns below (Excel's TableRowCollection.add). */
  addTableRows(table: TableInfo, index: number | null | undefined, values: unknown[][] | undefined, count = 1): CellRect {
    const body = this.bodyRect(table);
    const rows = values ? values.length : count;
    if (values && values.some((r) => !Array.isArray(r) || r.length !== table.rect.colCount)) {
      throw new WorkbookError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (table '${table.name}' has ${table.rect.colCount} columns)`);
    }
    const at = index === null || index === undefined || index < 0 ? body.row + body.rowCount : body.row + Math.min(index, body.rowCount);
    // A body of one empty row (a new table without data) is filled first, as Excel does.
    return this.batch(() => {
      const target = { row: at, col: table.rect.col, rowCount: rows, colCount: table.rect.colCount };
      const below = { row: at, col: table.rect.col, rowCount: rows, colCount: table.rect.colCount };
      this.shiftRows(table.sheet, below, rows);
      // Appending below the body: the shift did not grow the table (the new cells are outside it).
      if (at === body.row + body.rowCount) this.growTableRows(table, at, rows);
      if (values) this.write(table.sheet, target, values, "TableRowCollection.add values");
      this.emit({ kind: "structure" });
      return target;
    });
  }

  /** Copies calculated-column formulas into new body rows (Excel fills calculated columns). */
  private fillCalculatedColumns(table: TableInfo, fromRow: number, count: number): void {
    if (table.calculatedColumns.size === 0) return;
    const body = this.bodyRect(table);
    for (const offset of table.calculatedColumns) {
      const col = table.rect.col + offset;
      const sourceRow = fromRow > body.row ? fromRow - 1 : fromRow + count;
      const src = this.addr(table.sheet, sourceRow, col);
      if (this.hf.getCellFormula(src) === undefined) continue;
      this.hf.copy({ start: src, end: src });
      for (let r = fromRow; r < fromRow + count; r++) this.hf.paste(this.addr(table.sheet, r, col));
    }
  }

  /**
   * A formula typed into a table column's body fills the whole column (Excel's calculated columns).
   * @returns the filled column, or null when the column holds other data
   */
  private maybeCalculatedColumn(sheet: SheetInfo, row: number, col: number): CellRect | null {
    const table = this.tables.find((t) => t.sheet === sheet && contains(this.bodyRect(t), { row, col, rowCount: 1, colCount: 1 }));
    if (!table) return null;
    const body = this.bodyRect(table);
    const offset = col - table.rect.col;
    for (let r = body.row; r < body.row + body.rowCount; r++) {
      if (r !== row && this.hf.getCellSerialized(this.addr(sheet, r, col)) !== null && !table.calculatedColumns.has(offset)) return null;
    }
    table.calculatedColumns.add(offset);
    const src = this.addr(sheet, row, col);
    this.hf.copy({ start: src, end: src });
    for (let r = body.row; r < body.row + body.rowCount; r++) if (r !== row) this.hf.paste(this.addr(sheet, r, col));
    return { ...body, col, colCount: 1 };
  }

  deleteTable(table: TableInfo, keepCells: boolean): void {
    this.batch(() => {
      this.tables.splice(this.tables.indexOf(table), 1);
      if (!keepCells) this.clear(table.sheet, table.rect, "All");
      this.emit({ kind: "structure" });
    });
  }

  tableAt(sheet: SheetInfo, row: number, col: number): TableInfo | undefined {
    return this.tables.find((t) => t.sheet === sheet && contains(t.rect, { row, col, rowCount: 1, colCount: 1 }));
  }

  // ---------------------------------------------------------------- what a person types

  /**
   * A user's entry into a cell, as typing in Excel does it: parsed like typed input, a table grows
   * when the cell is just right of it or just below it, a formula in a table column fills it.
   */
  typeInto(sheet: SheetInfo, row: number, col: number, text: string): void {
    this.batch(() => {
      // Table auto-expansion (Excel's AutoCorrect "include new rows and columns in table").
      if (text !== "") {
        for (const t of this.tables) {
          if (t.sheet !== sheet) continue;
          const right = t.rect.col + t.rect.colCount;
          const bottom = t.rect.row + t.rect.rowCount;
          const besideRows = row >= t.rect.row && row < bottom;
          const belowCols = col >= t.rect.col && col < right;
          const free = (r: CellRect) => !this.tables.some((o) => o !== t && o.sheet === sheet && intersects(o.rect, r));
          if (col === right && besideRows && free({ row: t.rect.row, col: right, rowCount: t.rect.rowCount, colCount: 1 })) {
            const headerBlank = this.value(sheet, t.rect.row, right) === "";
            t.rect = { ...t.rect, colCount: t.rect.colCount + 1 };
            if (headerBlank && row !== t.rect.row) this.hf.setCellContents(this.addr(sheet, t.rect.row, right), [[null]]);
            break;
          }
          if (row === bottom && belowCols && free({ row: bottom, col: t.rect.col, rowCount: 1, colCount: t.rect.colCount })) {
            t.rect = { ...t.rect, rowCount: t.rect.rowCount + 1 };
            this.fillCalculatedColumns(t, bottom, 1);
            break;
          }
        }
      }
      this.write(sheet, { row, col, rowCount: 1, colCount: 1 }, text, "typed", "user");
      const filled = text.startsWith("=") ? this.maybeCalculatedColumn(sheet, row, col) : null;
      this.widenForNumbers(sheet, filled ?? this.spillOf(sheet, row, col) ?? { row, col, rowCount: 1, colCount: 1 });
      for (const t of this.tables) if (t.sheet === sheet && contains(t.rect, { row, col, rowCount: 1, colCount: 1 })) this.normalizeHeaders(t);
      this.emit({ kind: "structure" });
    });
  }

  /** Excel widens a standard-width column when a number entered in it would not fit. */
  private widenForNumbers(sheet: SheetInfo, rect: CellRect): void {
    for (let c = rect.col; c < rect.col + Math.min(rect.colCount, 200); c++) {
      if (sheet.columnWidths.has(c) && !sheet.autoWidthColumns.has(c)) continue;
      let widest = 0;
      for (let r = rect.row; r < rect.row + Math.min(rect.rowCount, 2000); r++) {
        if (this.valueType(sheet, r, c) !== "Double") continue;
        widest = Math.max(widest, this.measureText(this.text(sheet, r, c).text, this.style(sheet, r, c)) + CELL_PADDING_PT);
      }
      if (widest > this.columnWidth(sheet, c)) {
        sheet.columnWidths.set(c, Math.min(409, Math.ceil(widest)));
        sheet.autoWidthColumns.add(c);
      }
    }
  }

  /** Pastes tab-separated text at a cell, as Excel pastes plain text. */
  pasteText(sheet: SheetInfo, row: number, col: number, text: string): CellRect {
    const lines = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
    const matrix = lines.map((l) => l.split("\t"));
    const width = Math.max(...matrix.map((r) => r.length));
    const rect = { row, col, rowCount: matrix.length, colCount: width };
    this.write(sheet, rect, matrix.map((r) => [...r, ...new Array(width - r.length).fill("")]), "paste", "user");
    return rect;
  }

  // ---------------------------------------------------------------- charts

  addChart(sheet: SheetInfo, chartType: string, source: CellRect, seriesBy: string): ChartInfo {
    const used = this.usedRange(sheet, true);
    const left = used ? this.columnsWidthPt(sheet, 0, used.col + used.colCount) + 12 : 240;
    const chart: ChartInfo = {
      id: newId("C"),
      name: `Chart ${this.charts.length + 1}`,
      sheet,
      chartType,
      source,
      seriesBy,
      title: "",
      titleVisible: true,
      legendVisible: true,
      legendPosition: "Right",
      top: 12,
      left,
      width: 360,
      height: 216,
    };
    this.charts.push(chart);
    this.emit({ kind: "structure" });
    return chart;
  }

  columnsWidthPt(sheet: SheetInfo, from: number, to: number): number {
    let w = 0;
    for (let c = from; c < to; c++) w += this.columnWidth(sheet, c);
    return w;
  }

  deleteChart(chart: ChartInfo): void {
    this.charts.splice(this.charts.indexOf(chart), 1);
    this.emit({ kind: "structure" });
  }

  changed(): void {
    this.emit({ kind: "structure" });
  }

  // ---------------------------------------------------------------- settings and calculation

  setSetting(key: string, value: unknown): void {
    this.settings.set(key, value === undefined ? null : JSON.parse(JSON.stringify(value)));
    this.emit({ kind: "settings", keys: [key] });
  }

  deleteSetting(key: string): void {
    this.settings.delete(key);
    this.emit({ kind: "settings", keys: [key] });
  }

  getSetting(key: string): unknown {
    const v = this.settings.get(key);
    return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
  }

  /**
   * Excel's application.calculate: "Full" and "FullRebuild" run every formula again (custom
   * functions included); "Recalculate" only what is dirty or volatile, which for non-volatile
   * custom functions is nothing — as in Excel, where a changed add-in setting needs a full one.
   */
  calculate(type: string): void {
    const t = type.toLowerCase();
    if (t === "full" || t === "fullrebuild") {
      this.stats.fullCalculations++;
      this.bridge.async.clear();
      this.batch(() => {
        this.hf.rebuildAndRecalculate();
        for (const s of this.sheetList) this.emit({ kind: "cells", sheet: s, rect: { row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLUMNS }, source: "api" });
      });
    } else if (t !== "recalculate") {
      throw new WorkbookError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (calculation type '${type}')`);
    }
  }

  /** "Sheet1!A1:B2" for a rect. */
  address(sheet: SheetInfo, rect: CellRect, entire: { columns?: boolean; rows?: boolean } = {}): string {
    return qualifiedAddress(sheet.name, rect, entire);
  }

  /** The formula-bar text of a cell: its formula or what was typed. */
  editText(sheet: SheetInfo, row: number, col: number): string {
    const f = this.formula(sheet, row, col);
    if (typeof f === "boolean") return f ? "TRUE" : "FALSE";
    if (typeof f === "number") {
      const fmt = this.numberFormat(sheet, row, col);
      if (isDateFormat(fmt)) return formatValue(f, "yyyy-mm-dd").text;
      return formatGeneral(f);
    }
    return f;
  }

  /** The spill range an anchor formula fills, if any. */
  spillOf(sheet: SheetInfo, row: number, col: number): CellRect | null {
    if (!this.hf.isCellPartOfArray(this.addr(sheet, row, col))) return null;
    const size = this.bridge.actual.get(cellKey(sheet.hfId, row, col));
    return size ? { row, col, rowCount: size.height, colCount: size.width } : null;
  }

  cellName(row: number, col: number): string {
    return cellAddress(row, col);
  }

  intersect(a: CellRect, b: CellRect): CellRect | null {
    return intersection(a, b);
  }
}

/**
 * A span [start, start+count) after inserting (or deleting) `n` at `at`: moved, grown, shrunk,
 * or null when deleted whole.
 */
function shiftSpan(start: number, count: number, at: number, n: number, insert: boolean): { start: number; count: number } | null {
  const end = start + count - 1;
  if (insert) {
    if (at <= start) return { start: start + n, count };
    if (at <= end) return { start, count: count + n };
    return { start, count };
  }
  const dEnd = at + n - 1;
  if (dEnd < start) return { start: start - n, count };
  if (at > end) return { start, count };
  if (at <= start && dEnd >= end) return null;
  const removed = Math.min(dEnd, end) - Math.max(at, start) + 1;
  return { start: Math.min(start, at), count: count - removed };
}

/** Shifts map keys ≥ from by `by` (negative: those in the removed span are dropped). */
function shiftMap(map: Map<number, number>, from: number, by: number): void {
  const entries = [...map.entries()];
  map.clear();
  for (const [k, v] of entries) {
    if (k < from) map.set(k, v);
    else if (by > 0) map.set(k + by, v);
    else if (k >= from - by) map.set(k + by, v);
  }
}

/** A rough text width in points (Calibri 11: about 5.5 pt per Latin character, 10 per Hangul). */
export function roughWidthPt(text: string, style?: CellStyle): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u4e00-\u9fff]/.test(ch) ? 10.5 : /[A-Z#%@MW]/.test(ch) ? 7 : 5.6;
  return w * ((style?.fontSize ?? 11) / 11) * (style?.bold ? 1.08 : 1);
}
