/* A small simulated workbook for the adapters' tests, built on office-addin-mock: every API object
 * is an OfficeMockObject (so a property read before load + sync gives "Error, property was not
 * loaded", as the mock does), backed by a grid model that behaves like Excel where it matters
 * here: text written to `values` is retyped as Excel retypes it (a leading "=" makes a formula, a
 * leading apostrophe is Excel's quote prefix, "2024" becomes a number, "2024-11" a date), tables
 * grow and shrink by inserting and deleting cells inside their columns (moving what is below), a
 * table grows over values written in the row just below it or the column just beside it (as Excel
 * extends a table), merged cells and spilled ranges can be set up, links set through `hyperlink`
 * stay on their cells through later writes (as Excel keeps them) and a link to anything but an
 * http(s) address is refused, and every context.sync() is counted with the bytes its request
 * carried and its response brought back: past 5,000,000 bytes either way, the sync fails as Excel
 * on the web's does. Faults can be injected
 * (SyncLog.fail): as in Excel, a batch applies the operations queued before the failing one and
 * none after it, and that context.sync() rejects. */
import { OfficeMockObject } from "office-addin-mock";

/** Excel on the web's limit on one request and on one response: 5,000,000 bytes (not 5 MiB). */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;

export type Value = string | number | boolean;

/** A cell's link, as `Range.hyperlink` sets it. */
export interface Link {
  address: string;
  textToDisplay?: string;
}

interface CellData {
  value: Value;
  formula?: string;
  format?: string;
  hyperlink?: Link;
}

/** What a cell keeps when its value is written over: its number format and its link. */
function kept(old: CellData | undefined): Partial<CellData> {
  return { ...(old?.format ? { format: old.format } : {}), ...(old?.hyperlink ? { hyperlink: old.hyperlink } : {}) };
}

const NOT_LOADED = "Error, property was not loaded";
const NOT_SYNCED = "Error, context.sync() was not called";
const LOADED = Symbol("loaded");
const isMockError = (v: unknown) => v === NOT_LOADED || v === NOT_SYNCED;

/** Rectangle in a sheet, zero-based, inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function columnName(c: number): string {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function parseA1(address: string): Rect {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = local.replace(/\$/g, "").split(":");
  const cell = (t: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(t);
    if (!m) throw new Error(`InvalidArgument: address ${address}`);
    let c = 0;
    for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
    return { r: Number(m[2]) - 1, c: c - 1 };
  };
  const p = cell(a);
  const q = b ? cell(b) : p;
  return { r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c) };
}

/** True when two rectangles share a cell. */
export function overlaps(a: Rect, b: Rect): boolean {
  return !(a.r1 < b.r0 || a.r0 > b.r1 || a.c1 < b.c0 || a.c0 > b.c1);
}

function a1(rect: Rect): string {
  const one = (r: number, c: number) => `${columnName(c)}${r + 1}`;
  return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? one(rect.r0, rect.c0) : `${one(rect.r0, rect.c0)}:${one(rect.r1, rect.c1)}`;
}

function qualified(sheet: string, rect: Rect): string {
  const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${a1(rect)}`;
}

const DAY = 86_400_000;
function serialOf(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / DAY);
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Excel's reading of a month named first: "March 2024" (the 1st), "Mar-24", "Sep 5, 2024", "Dec 31" (this year). */
function monthDate(text: string): number | null {
  const m = /^([a-z]+)\.?[\s\-/]+(\d{1,4})(?:,?\s+(\d{4}))?$/i.exec(text);
  const month = m ? MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1 : 0;
  if (!m || month === 0 || !(m[1].length === 3 || m[1].toLowerCase().startsWith(MONTHS[month - 1]))) return null;
  const n = Number(m[2]);
  if (m[3]) return serialOf(Number(m[3]), month, n);
  if (m[2].length === 4) return serialOf(n, month, 1);
  if (m[2].length === 2 && /-/.test(text)) return serialOf(2000 + n, month, 1);
  return n >= 1 && n <= 31 ? serialOf(new Date().getFullYear(), month, n) : null;
}

/** What Excel stores for a value assigned through `values` (or `formulas`): typed input's reading, after trimming white space. */
export function retype(input: Value): CellData | null {
  if (typeof input !== "string") return { value: input };
  if (input === "") return null;
  if (input.startsWith("'")) return { value: input.slice(1) };
  const trimmed = input.trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(trimmed)) return { value: Number(trimmed) };
  if (/^[=+\-@\u2212]/.test(input)) return { value: "#FORMULA", formula: input };
  const named = monthDate(trimmed);
  if (named !== null) return { value: named };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input);
  if (m) return { value: serialOf(+m[1], +m[2], +m[3]) };
  m = /^(\d{4})-(\d{1,2})$/.exec(input);
  if (m && +m[2] >= 1 && +m[2] <= 12) return { value: serialOf(+m[1], +m[2], 1) };
  if (/^(true|false)$/i.test(input)) return { value: input.toLowerCase() === "true" };
  return { value: input };
}

/** A chart of a sheet: what the add-in set on it (addresses of its data, categories and position). */
export interface ChartModel {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  legendVisible: boolean;
  xValues: string | null;
  position: string | null;
}

export class SheetModel {
  readonly cells = new Map<string, CellData>();
  frozenRows = 0;
  activated = false;
  readonly charts: ChartModel[] = [];
  readonly conditionalFormats: Array<{ address: string; type: string; rule: any }> = [];
  /** Merged areas (set up by tests). */
  readonly merges: Rect[] = [];
  /** Dynamic-array results (set up by tests): the anchor (the formula's cell) and the cells it spills into. */
  readonly spills: Array<{ anchor: { r: number; c: number }; rect: Rect }> = [];
  /** Column widths set (autofit or columnWidth), by column. */
  readonly widths = new Map<number, number>();
  constructor(
    public name: string,
    readonly id: string,
  ) {}

  get(r: number, c: number): CellData | undefined {
    return this.cells.get(`${r},${c}`);
  }

  set(r: number, c: number, data: CellData | undefined): void {
    if (data === undefined) this.cells.delete(`${r},${c}`);
    else this.cells.set(`${r},${c}`, data);
  }

  /** The value a read of `values` gives ("" for an empty cell). */
  value(r: number, c: number): Value {
    return this.get(r, c)?.value ?? "";
  }

  /** The extent of cells holding a value (or a format, unless valuesOnly). */
  used(valuesOnly: boolean): Rect | null {
    let rect: Rect | null = null;
    for (const [key, cell] of this.cells) {
      if (valuesOnly && cell.value === "" && cell.formula === undefined) continue;
      const [r, c] = key.split(",").map(Number);
      rect = rect ? { r0: Math.min(rect.r0, r), c0: Math.min(rect.c0, c), r1: Math.max(rect.r1, r), c1: Math.max(rect.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
    }
    return rect;
  }

  /** Moves the cells of columns c0..c1 at or below `row` by `delta` rows (negative: up, the rows above `row - delta` removed first). */
  shift(row: number, delta: number, c0: number, c1: number): void {
    const moved: Array<[number, number, CellData]> = [];
    for (const [key, cell] of [...this.cells]) {
      const [r, c] = key.split(",").map(Number);
      if (c < c0 || c > c1 || r < row + Math.min(0, delta)) continue;
      this.cells.delete(key);
      if (delta < 0 && r < row) continue; // deleted
      moved.push([r + delta, c, cell]);
    }
    for (const [r, c, cell] of moved) this.set(r, c, cell);
  }
}

export class TableModel {
  style = "";
  /** The user filtered the table (Excel then refuses to insert or delete its rows). */
  filtered = false;
  constructor(
    public name: string,
    readonly id: string,
    readonly sheet: SheetModel,
    public row: number,
    public col: number,
    public width: number,
    public rows: number,
  ) {}

  get rect(): Rect {
    return { r0: this.row, c0: this.col, r1: this.row + this.rows, c1: this.col + this.width - 1 };
  }

  headers(): string[] {
    return Array.from({ length: this.width }, (_, i) => String(this.sheet.value(this.row, this.col + i)));
  }
}

/** The state of a simulated workbook, and what the add-in did to it. */
export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly names: Array<{ name: string; sheet: SheetModel; rect: Rect; comment: string }> = [];
  readonly settings = new Map<string, unknown>();
  readonly calculations: string[] = [];
  selection: { sheet: SheetModel; rect: Rect };
  private nextId = 1;

  constructor(sheetName = "Sheet1") {
    const sheet = this.addSheet(sheetName);
    this.selection = { sheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  }

  newId(): string {
    return `{${String(this.nextId++).padStart(8, "0")}}`;
  }

  sheet(name: string): SheetModel {
    const found = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`ItemNotFound: worksheet ${name}`);
    return found;
  }

  addSheet(name: string): SheetModel {
    if (name.length > 31 || /[[\]:*?/\\]/.test(name) || name.trim() === "") throw new Error(`InvalidArgument: sheet name '${name}'`);
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: sheet '${name}'`);
    const sheet = new SheetModel(name, this.newId());
    this.sheets.push(sheet);
    return sheet;
  }

  table(nameOrId: string): TableModel | undefined {
    return this.tables.find((t) => t.id === nameOrId || t.name.toLowerCase() === nameOrId.toLowerCase());
  }

  nameTaken(name: string): boolean {
    const n = name.toLowerCase();
    return this.tables.some((t) => t.name.toLowerCase() === n) || this.names.some((x) => x.name.toLowerCase() === n);
  }

  /** Writes a matrix of values at a sheet position, as Excel retypes them. */
  write(sheet: SheetModel, r0: number, c0: number, rows: Value[][]): void {
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined) return;
        const old = sheet.get(r0 + i, c0 + j);
        const data = retype(v);
        const keep = kept(old);
        if (data === null) sheet.set(r0 + i, c0 + j, Object.keys(keep).length > 0 ? { value: "", ...keep } : undefined);
        else sheet.set(r0 + i, c0 + j, { ...data, ...keep });
      }),
    );
  }

  /**
   * Writes through the API (`values`, `formulas`): a table grows over what is written in the row just
   * below it or the column just beside it, as Excel extends a table (its header named ColumnN).
   */
  writeApi(sheet: SheetModel, r0: number, c0: number, rows: Value[][]): void {
    const r1 = r0 + rows.length - 1;
    const c1 = c0 + (rows[0]?.length ?? 1) - 1;
    const filled = (rr0: number, cc0: number, rr1: number, cc1: number) =>
      rows.some((row, i) => row.some((v, j) => r0 + i >= rr0 && r0 + i <= rr1 && c0 + j >= cc0 && c0 + j <= cc1 && v !== "" && v !== null && v !== undefined));
    for (const t of this.tables) {
      if (t.sheet !== sheet) continue;
      const bottom = t.row + t.rows;
      const right = t.col + t.width - 1;
      if (r0 === bottom + 1 && c0 <= right && c1 >= t.col && filled(r0, t.col, r1, right)) t.rows += r1 - bottom;
      else if (c0 === right + 1 && r0 <= bottom && r1 >= t.row && filled(t.row, c0, bottom, c1)) {
        for (let c = c0; c <= c1; c++) if (sheet.value(t.row, c) === "") sheet.set(t.row, c, { value: `Column${c - t.col + 1}` });
        t.width += c1 - right;
      }
    }
    this.write(sheet, r0, c0, rows);
  }

  /** Inserts `count` rows of cells at `row` in columns c0..c1, moving cells, tables and names below. */
  insertCells(sheet: SheetModel, row: number, count: number, c0: number, c1: number): void {
    for (const t of this.tables) {
      if (t.sheet !== sheet || t.row < row) continue;
      if (t.col < c0 || t.col + t.width - 1 > c1) throw new Error("InvalidOperation: this operation would move part of a table");
    }
    for (const m of sheet.merges) {
      if (m.r1 >= row && m.r0 < row && !(m.c1 < c0 || m.c0 > c1)) throw new Error("InvalidOperation: this operation would move part of a merged cell");
    }
    sheet.shift(row, count, c0, c1);
    for (const t of this.tables) if (t.sheet === sheet && t.row >= row) t.row += count;
    for (const m of sheet.merges) if (m.r0 >= row && m.c0 >= c0 && m.c1 <= c1) {
      m.r0 += count;
      m.r1 += count;
    }
    for (const n of this.names) if (n.sheet === sheet && n.rect.r0 >= row && n.rect.c0 >= c0 && n.rect.c1 <= c1) {
      n.rect = { ...n.rect, r0: n.rect.r0 + count, r1: n.rect.r1 + count };
    }
  }

  /**
   * Inserts (`delta` 1) or deletes (`delta` -1) the cells of column `col` in rows r0..r1, moving the
   * cells to their right along those rows, as a table column's add or delete does; a table to the
   * right in those rows moves with them, one only partly in them refuses, as Excel does.
   */
  shiftColumns(sheet: SheetModel, r0: number, r1: number, col: number, delta: 1 | -1): void {
    for (const t of this.tables) {
      if (t.sheet !== sheet || t.col + t.width - 1 < col || t.row + t.rows < r0 || t.row > r1) continue;
      if (t.col > col && (t.row < r0 || t.row + t.rows > r1)) throw new Error("InvalidOperation: this operation would move part of a table");
    }
    const moved = [...sheet.cells].filter(([key]) => {
      const [r, c] = key.split(",").map(Number);
      return r >= r0 && r <= r1 && c >= col;
    });
    for (const [key] of moved) sheet.cells.delete(key);
    for (const [key, cell] of moved) {
      const [r, c] = key.split(",").map(Number);
      if (delta === -1 && c === col) continue;
      sheet.cells.set(`${r},${c + delta}`, cell);
    }
    for (const t of this.tables) if (t.sheet === sheet && t.col > col && t.row >= r0 && t.row + t.rows <= r1) t.col += delta;
  }

  /** Deletes rows r0..r1 of cells in columns c0..c1, moving what is below up. */
  deleteCells(sheet: SheetModel, rect: Rect): void {
    const count = rect.r1 - rect.r0 + 1;
    for (const t of this.tables) {
      if (t.sheet !== sheet) continue;
      if (t.filtered && rect.r0 > t.row && rect.r1 <= t.row + t.rows) throw new Error("InsertDeleteConflict: the table is filtered");
      const inside = rect.r0 > t.row && rect.r1 <= t.row + t.rows && rect.c0 === t.col && rect.c1 === t.col + t.width - 1;
      const below = t.row > rect.r1;
      if (inside) t.rows -= count;
      else if (below) {
        if (t.col < rect.c0 || t.col + t.width - 1 > rect.c1) throw new Error("InvalidOperation: this operation would move part of a table");
        t.row -= count;
      } else if (!(rect.r1 < t.row || rect.r0 > t.row + t.rows || rect.c1 < t.col || rect.c0 > t.col + t.width - 1)) {
        throw new Error("InvalidOperation: cannot delete part of a table");
      }
    }
    sheet.shift(rect.r1 + 1, -count, rect.c0, rect.c1);
    for (const n of this.names) if (n.sheet === sheet && n.rect.r0 > rect.r1 && n.rect.c0 >= rect.c0 && n.rect.c1 <= rect.c1) {
      n.rect = { ...n.rect, r0: n.rect.r0 - count, r1: n.rect.r1 - count };
    }
  }

  /** Cells of a sheet as a matrix of values, for assertions. */
  grid(sheetName: string, address: string): Value[][] {
    const sheet = this.sheet(sheetName);
    const r = parseA1(address);
    return Array.from({ length: r.r1 - r.r0 + 1 }, (_, i) => Array.from({ length: r.c1 - r.c0 + 1 }, (_, j) => sheet.value(r.r0 + i, r.c0 + j)));
  }

  /** The link addresses of a block of cells ("" where a cell has none), for assertions. */
  links(sheetName: string, address: string): string[][] {
    const sheet = this.sheet(sheetName);
    const r = parseA1(address);
    return Array.from({ length: r.r1 - r.r0 + 1 }, (_, i) => Array.from({ length: r.c1 - r.c0 + 1 }, (_, j) => sheet.get(r.r0 + i, r.c0 + j)?.hyperlink?.address ?? ""));
  }

  /** Every cell holding a formula, as "Sheet!A1: =…". */
  formulas(): string[] {
    const out: string[] = [];
    for (const sheet of this.sheets) {
      for (const [key, cell] of sheet.cells) {
        if (cell.formula === undefined) continue;
        const [r, c] = key.split(",").map(Number);
        out.push(`${sheet.name}!${columnName(c)}${r + 1}: ${cell.formula}`);
      }
    }
    return out.sort();
  }

  /** A deep copy of every sheet's cells, tables, names and settings: compare before/after. */
  snapshot(): string {
    return JSON.stringify({
      sheets: this.sheets.map((s) => ({
        name: s.name,
        // Canonical: sorted by position, each cell's fields in one order.
        cells: [...s.cells].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, c]) => [k, { value: c.value, formula: c.formula, format: c.format, hyperlink: c.hyperlink }]),
        frozen: s.frozenRows,
        widths: [...s.widths].sort((a, b) => a[0] - b[0]),
        charts: s.charts.length,
        cf: s.conditionalFormats.length,
      })),
      tables: this.tables.map((t) => ({ ...t, sheet: t.sheet.name })),
      names: this.names.map((n) => ({ ...n, sheet: n.sheet.name })),
      settings: [...this.settings],
    });
  }
}

/** A sync past Excel on the web's payload limit: rejected as Excel rejects it. */
function payloadError(kind: "Request" | "Response", bytes: number): Error {
  return Object.assign(new Error(`${kind}PayloadSizeLimitExceeded: the ${kind.toLowerCase()} payload size has exceeded the limit (${bytes} bytes; Excel on the web's is ${PAYLOAD_LIMIT_BYTES})`), {
    code: `${kind}PayloadSizeLimitExceeded`,
  });
}

/** Serialized size of an assigned value, as a request would carry it. */
function bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null), "utf8");
}

/** A write to fail: the `nth` write (1-based, default 1) whose name is `what` (any write when omitted), counted from when the fault is set, optionally only within sync number `sync` (1-based, of this log). */
export interface Fault {
  readonly what?: string;
  readonly nth?: number;
  readonly sync?: number;
  /** The failing write is applied before the error (a response lost on the way back): default false. */
  readonly applied?: boolean;
  readonly message?: string;
}

/** Counts syncs and request sizes, and drives the mocks' load/sync. */
export class SyncLog {
  syncs = 0;
  /** Bytes of data carried by each sync's request (writes only). */
  readonly requests: number[] = [];
  /** Bytes of data carried by each sync's response (the values of the properties it loaded, as JSON). */
  readonly responses: number[] = [];
  pending = 0;
  responding = 0;
  syncing = false;
  readonly mocks: any[] = [];
  readonly beforeSync: Array<() => void> = [];
  readonly afterSync: Array<() => void> = [];
  /** Every range proxy the add-in asked for, for assertions on formats. */
  readonly ranges: any[] = [];
  /** Writes done, for assertions: [object, property or method, payload]. */
  readonly writes: Array<{ what: string; bytes: number }> = [];
  /** Every write queued, in order, with the sync it went out with (applied or not). */
  readonly queued: Array<{ what: string; sync: number; applied: boolean }> = [];
  /** Faults armed (see fail). */
  private readonly faults: Array<Fault & { seen: number }> = [];
  /** The error of the batch being queued, once a write of it failed: later writes are not applied. */
  failure: Error | null = null;
  /** Errors the syncs rejected with. */
  readonly failures: Error[] = [];

  /** Arms a fault: the matching write is not applied (unless `applied`), nor anything after it in the same batch, and that sync rejects. */
  fail(fault: Fault): void {
    this.faults.push({ ...fault, seen: 0 });
  }

  /**
   * Notes a write about to be done; false when it must not be applied (its batch failed).
   * @returns whether the caller applies the write
   */
  record(what: string, payload: unknown): boolean {
    const sync = this.syncs + 1;
    if (this.failure) {
      this.queued.push({ what, sync, applied: false });
      return false;
    }
    for (const f of this.faults) {
      if ((f.what !== undefined && f.what !== what) || (f.sync !== undefined && f.sync !== sync)) continue;
      f.seen++;
      if (f.seen !== (f.nth ?? 1)) continue;
      this.faults.splice(this.faults.indexOf(f), 1);
      this.failure = Object.assign(new Error(f.message ?? `GeneralException: the write ${what} failed (injected)`), { code: "GeneralException" });
      if (!f.applied) {
        this.queued.push({ what, sync, applied: false });
        return false;
      }
      break;
    }
    const size = bytes(payload);
    this.pending += size;
    this.writes.push({ what, bytes: size });
    this.queued.push({ what, sync, applied: true });
    return true;
  }
}

/**
 * Defines `prop` on a mock as a property backed by the model: unloaded/unsynced states as
 * office-addin-mock keeps them; once loaded, the value as it was at the sync that loaded it (as
 * Office.js: later writes through other proxies do not change it), or as last assigned through
 * this proxy.
 */
function live(log: SyncLog, mock: any, prop: string, get: () => unknown, set?: (v: any) => void): void {
  let state: unknown = mock[prop];
  let captured: unknown = undefined;
  Object.defineProperty(mock, prop, {
    configurable: true,
    enumerable: true,
    get() {
      return isMockError(state) ? state : state === LOADED ? captured : get();
    },
    set(v: unknown) {
      if (isMockError(v)) {
        state = v;
        return;
      }
      if (log.syncing) {
        state = LOADED;
        captured = get();
        log.responding += bytes(captured);
        return;
      }
      if (!set) throw new Error(`InvalidArgument: ${prop} is read-only`);
      if (log.record(prop, v)) set(v);
      // As office.js: a property set through a proxy reads back as set.
      state = LOADED;
      captured = v;
    },
  });
}

function mock(log: SyncLog, data: Record<string, unknown>, liveProps: Record<string, { get: () => unknown; set?: (v: any) => void }> = {}): any {
  const init: Record<string, unknown> = { ...data };
  for (const p of Object.keys(liveProps)) init[p] = ""; // placeholder: office-addin-mock cannot hold null
  const m = new OfficeMockObject(init) as any;
  for (const [p, spec] of Object.entries(liveProps)) live(log, m, p, spec.get, spec.set);
  log.mocks.push(m);
  return m;
}

/** A collection whose `items` load as "items/a, items/b". */
function collection(log: SyncLog, items: () => any[], methods: Record<string, unknown>): any {
  const m = mock(log, methods);
  let state: "none" | "pending" | "loaded" = "none";
  let snapshot: any[] = [];
  let props: string[] = [];
  m.load = (arg: string) => {
    const wanted = arg.split(",").map((s) => s.trim());
    const itemProps = wanted.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    if (itemProps.length !== wanted.length) throw new Error(`fake: load only items/… on collections, not '${arg}'`);
    props = [...new Set([...props, ...itemProps])];
    state = "pending";
    return m;
  };
  log.beforeSync.push(() => {
    if (state !== "pending") return;
    snapshot = items();
    for (const item of snapshot) item.load(props.join(","));
  });
  log.afterSync.push(() => {
    if (state === "pending") state = "loaded";
  });
  Object.defineProperty(m, "items", { get: () => (state === "loaded" ? snapshot : NOT_LOADED) });
  return m;
}

export interface FakeExcel {
  readonly context: any;
  readonly model: WorkbookModel;
  readonly log: SyncLog;
}

/**
 * A request context over a simulated workbook.
 * @param model - the workbook (a new one with "Sheet1" by default)
 */
export function fakeExcel(model: WorkbookModel = new WorkbookModel()): FakeExcel {
  const log = new SyncLog();

  function range(sheet: SheetModel, rect: Rect): any {
    if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 < rect.r0 || rect.c1 < rect.c0 || rect.r1 > 1_048_575 || rect.c1 > 16_383) {
      throw new Error(`InvalidArgument: range ${JSON.stringify(rect)}`);
    }
    const rows = rect.r1 - rect.r0 + 1;
    const cols = rect.c1 - rect.c0 + 1;
    const matrix = <T>(f: (r: number, c: number) => T): T[][] => Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(rect.r0 + i, rect.c0 + j)));
    const checkShape = (v: unknown, prop: string) => {
      if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new Error(`InvalidArgument: ${prop} of ${rows}×${cols} range ${a1(rect)} given ${Array.isArray(v) ? `${v.length}×${Array.isArray(v[0]) ? v[0].length : "?"}` : typeof v}`);
      }
    };
    const sub = (r0: number, c0: number, r1: number, c1: number) => range(sheet, { r0, c0, r1, c1 });
    // Excel refuses to write a value into a merged area other than into its top-left cell.
    const checkMerges = (v: Value[][]) => {
      for (const m of sheet.merges) {
        for (let i = Math.max(m.r0, rect.r0); i <= Math.min(m.r1, rect.r1); i++) {
          for (let j = Math.max(m.c0, rect.c0); j <= Math.min(m.c1, rect.c1); j++) {
            if ((i !== m.r0 || j !== m.c0) && v[i - rect.r0][j - rect.c0] !== "") throw new Error(`InvalidOperation: cannot change part of a merged cell (${a1(m)})`);
          }
        }
      }
    };
    const r = mock(
      log,
      {
        address: qualified(sheet.name, rect),
        rowCount: rows,
        columnCount: cols,
        rowIndex: rect.r0,
        columnIndex: rect.c0,
        format: {
          font: { bold: false, size: 11, color: "#000000" },
          fill: { color: "" },
          columnWidth: 48,
          wrapText: false,
          // As Excel: every cell of the sheet column counts, not only the range's (a rough measure of the text).
          autofitColumns: () => {
            if (!log.record("autofitColumns", a1(rect))) return;
            for (let c = rect.c0; c <= rect.c1; c++) {
              let widest = 0;
              for (const [key, cell] of sheet.cells) if (Number(key.split(",")[1]) === c) widest = Math.max(widest, String(cell.value).length);
              if (widest > 0) sheet.widths.set(c, widest * 6 + 8);
            }
          },
          autofitRows: () => log.record("autofitRows", a1(rect)),
        },
        conditionalFormats: {
          add: (type: string) => {
            const rule = { custom: { rule: { formula: "" }, format: { fill: { color: "" }, font: { color: "" } } } };
            sheet.conditionalFormats.push({ address: a1(rect), type, rule });
            log.record("conditionalFormats.add", type);
            return rule;
          },
        },
        getCell: (i: number, j: number) => sub(rect.r0 + i, rect.c0 + j, rect.r0 + i, rect.c0 + j),
        getOffsetRange: (i: number, j: number) => sub(rect.r0 + i, rect.c0 + j, rect.r1 + i, rect.c1 + j),
        getResizedRange: (i: number, j: number) => sub(rect.r0, rect.c0, rect.r1 + i, rect.c1 + j),
        getRow: (i: number) => sub(rect.r0 + i, rect.c0, rect.r0 + i, rect.c1),
        getColumn: (j: number) => sub(rect.r0, rect.c0 + j, rect.r1, rect.c0 + j),
        getLastRow: () => sub(rect.r1, rect.c0, rect.r1, rect.c1),
        getColumnsAfter: (n: number) => sub(rect.r0, rect.c1 + 1, rect.r1, rect.c1 + n),
        getRowsBelow: (n = 1) => sub(rect.r1 + 1, rect.c0, rect.r1 + n, rect.c1),
        getRowsAbove: (n = 1) => sub(rect.r0 - n, rect.c0, rect.r0 - 1, rect.c1),
        getColumnsBefore: (n = 1) => sub(rect.r0, rect.c0 - n, rect.r1, rect.c0 - 1),
        insert: (shift: string) => {
          if (shift !== "Down") throw new Error("fake: only Down inserts");
          if (log.record("insert", a1(rect))) model.insertCells(sheet, rect.r0, rows, rect.c0, rect.c1);
          return range(sheet, rect);
        },
        clear: (applyTo = "All") => {
          if (applyTo === "RemoveHyperlinks") {
            // The links go; content and formats stay.
            if (!log.record("clear", applyTo)) return;
            for (let i = rect.r0; i <= rect.r1; i++) {
              for (let j = rect.c0; j <= rect.c1; j++) {
                const { hyperlink: _gone, ...cell } = sheet.get(i, j) ?? { value: "" };
                sheet.set(i, j, cell.value === "" && cell.formula === undefined && cell.format === undefined ? undefined : cell);
              }
            }
            return;
          }
          if (applyTo !== "All") throw new Error(`fake: only clear("All") and clear("RemoveHyperlinks") are simulated, not '${applyTo}'`);
          if (!log.record("clear", a1(rect))) return;
          for (let i = rect.r0; i <= rect.r1; i++) for (let j = rect.c0; j <= rect.c1; j++) sheet.set(i, j, undefined);
          for (let k = sheet.conditionalFormats.length - 1; k >= 0; k--) {
            const cf = parseA1(sheet.conditionalFormats[k].address);
            if (cf.r0 >= rect.r0 && cf.r1 <= rect.r1 && cf.c0 >= rect.c0 && cf.c1 <= rect.c1) sheet.conditionalFormats.splice(k, 1);
          }
        },
        getTables: (fullyContained = false) => {
          if (fullyContained) throw new Error("fake: getTables(true) is not simulated");
          return collection(log, () => model.tables.filter((t) => t.sheet === sheet && overlaps(t.rect, rect)).map(table), {});
        },
        getMergedAreasOrNullObject: () => {
          const areas = sheet.merges.filter((m) => overlaps(m, rect));
          if (areas.length === 0) return nullRange();
          const m = mock(log, { address: areas.map((a) => qualified(sheet.name, a)).join(", "), areaCount: areas.length });
          Object.defineProperty(m, "isNullObject", { value: false });
          return m;
        },
        getEntireRow: () => sub(rect.r0, 0, rect.r1, 16_383),
        getSpillingToRangeOrNullObject: () => {
          if (rows !== 1 || cols !== 1) throw new Error("InvalidArgument: getSpillingToRange takes one cell");
          const spill = sheet.spills.find((x) => x.anchor.r === rect.r0 && x.anchor.c === rect.c0);
          return spill ? range(sheet, spill.rect) : nullRange();
        },
        getIntersectionOrNullObject: (other: any) => {
          const o: Rect = other.__rect;
          const i = { r0: Math.max(rect.r0, o.r0), c0: Math.max(rect.c0, o.c0), r1: Math.min(rect.r1, o.r1), c1: Math.min(rect.c1, o.c1) };
          return i.r0 > i.r1 || i.c0 > i.c1 ? nullRange() : range(sheet, i);
        },
        getUsedRangeOrNullObject: (valuesOnly: boolean) => {
          let found: Rect | null = null;
          for (let i = rect.r0; i <= rect.r1 && found === null; i++) {
            for (let j = rect.c0; j <= rect.c1; j++) {
              const cell = sheet.get(i, j);
              if (cell && (!valuesOnly || cell.value !== "" || cell.formula !== undefined)) {
                found = { r0: i, c0: j, r1: i, c1: j };
                break;
              }
            }
          }
          return found ? range(sheet, found) : nullRange();
        },
        delete: (shift: string) => {
          if (shift !== "Up") throw new Error("fake: only Up deletes");
          if (log.record("delete", a1(rect))) model.deleteCells(sheet, rect);
        },
        select: () => undefined,
      },
      {
        values: {
          get: () => matrix((i, j) => sheet.value(i, j)),
          set: (v: Value[][]) => {
            checkShape(v, "values");
            checkMerges(v);
            model.writeApi(sheet, rect.r0, rect.c0, v);
          },
        },
        formulas: {
          get: () => matrix((i, j) => sheet.get(i, j)?.formula ?? sheet.value(i, j)),
          set: (v: Value[][]) => {
            checkShape(v, "formulas");
            checkMerges(v);
            model.writeApi(sheet, rect.r0, rect.c0, v);
          },
        },
        hasSpill: {
          // Excel's rule: true when every cell is in a spill range, false when none is, null when some are.
          get: () => {
            let inSpill = 0;
            for (let i = rect.r0; i <= rect.r1; i++) for (let j = rect.c0; j <= rect.c1; j++) if (sheet.spills.some((sp) => overlaps(sp.rect, { r0: i, c0: j, r1: i, c1: j }))) inSpill++;
            return inSpill === 0 ? false : inSpill === rows * cols ? true : null;
          },
        },

        formulasR1C1: {
          get: () => matrix((i, j) => sheet.get(i, j)?.formula ?? sheet.value(i, j)),
          set: (v: Value[][]) => {
            checkShape(v, "formulasR1C1");
            v.forEach((row, i) => row.forEach((f, j) => sheet.set(rect.r0 + i, rect.c0 + j, { ...(sheet.get(rect.r0 + i, rect.c0 + j) ?? {}), value: "#FORMULA", formula: String(f) })));
          },
        },
        hyperlink: {
          // Excel reads the first cell's link; null where it has none.
          get: () => {
            const link = sheet.get(rect.r0, rect.c0)?.hyperlink;
            return link ? { ...link } : null;
          },
          set: (v: unknown) => {
            const link = v as Partial<Link> | null;
            if (typeof link?.address !== "string" || !/^https?:\/\/[^\s/]+\.\S+$/i.test(link.address)) {
              throw new Error(`InvalidArgument: hyperlink address ${JSON.stringify(link?.address)} of ${a1(rect)} is not a web address`);
            }
            if (link.textToDisplay !== undefined && typeof link.textToDisplay !== "string") throw new Error("InvalidArgument: textToDisplay must be text");
            const stored: Link = { address: link.address, ...(link.textToDisplay === undefined ? {} : { textToDisplay: link.textToDisplay }) };
            for (let i = rect.r0; i <= rect.r1; i++) {
              for (let j = rect.c0; j <= rect.c1; j++) sheet.set(i, j, { ...(sheet.get(i, j) ?? { value: "" }), hyperlink: stored });
            }
            // The text shows in the first cell only, typed in as text is.
            if (stored.textToDisplay !== undefined) model.write(sheet, rect.r0, rect.c0, [[stored.textToDisplay]]);
          },
        },
        numberFormat: {
          get: () => matrix((i, j) => sheet.get(i, j)?.format ?? "General"),
          set: (v: string[][]) => {
            checkShape(v, "numberFormat");
            // "General" is every cell's format until another is set: kept as no format at all.
            v.forEach((row, i) =>
              row.forEach((f, j) => {
                const { format: _old, ...cell } = sheet.get(rect.r0 + i, rect.c0 + j) ?? { value: "" };
                const keep = cell.value !== "" || cell.formula !== undefined || cell.hyperlink !== undefined;
                sheet.set(rect.r0 + i, rect.c0 + j, f === "General" ? (keep ? cell : undefined) : { ...cell, format: f });
              }),
            );
          },
        },
      },
    );
    live(log, r.format, "columnWidth", () => sheet.widths.get(rect.c0) ?? 48, (w: number) => {
      for (let c = rect.c0; c <= rect.c1; c++) sheet.widths.set(c, w);
    });
    Object.defineProperty(r, "isNullObject", { value: false });
    r.__rect = rect;
    r.__address = qualified(sheet.name, rect);
    r.__sheet = sheet;
    r.worksheet = worksheet(sheet);
    log.ranges.push(r);
    return r;
  }

  function nullRange(): any {
    const n = mock(log, { address: "", values: [], numberFormat: [], rowCount: 0, columnCount: 0, rowIndex: 0, columnIndex: 0 });
    Object.defineProperty(n, "isNullObject", { value: true });
    return n;
  }

  const sheetFakes = new Map<SheetModel, any>();
  function worksheet(sheet: SheetModel): any {
    const known = sheetFakes.get(sheet);
    if (known) return known;
    const w = mock(
      log,
      {
        id: sheet.id,
        getRange: (address: string) => range(sheet, parseA1(address)),
        getRangeByIndexes: (r: number, c: number, rowCount: number, columnCount: number) => {
          if (rowCount < 1 || columnCount < 1) throw new Error(`InvalidArgument: getRangeByIndexes(${r}, ${c}, ${rowCount}, ${columnCount})`);
          return range(sheet, { r0: r, c0: c, r1: r + rowCount - 1, c1: c + columnCount - 1 });
        },
        getCell: (r: number, c: number) => range(sheet, { r0: r, c0: c, r1: r, c1: c }),
        getUsedRange: (valuesOnly: boolean) => range(sheet, sheet.used(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }),
        activate: () => {
          for (const s of model.sheets) s.activated = s === sheet;
        },
        delete: () => {
          if (!log.record("worksheet.delete", sheet.name)) return;
          for (let k = model.tables.length - 1; k >= 0; k--) if (model.tables[k].sheet === sheet) model.tables.splice(k, 1);
          for (let k = model.names.length - 1; k >= 0; k--) if (model.names[k].sheet === sheet) model.names.splice(k, 1);
          model.sheets.splice(model.sheets.indexOf(sheet), 1);
        },
        freezePanes: {
          freezeRows: (n: number) => {
            sheet.frozenRows = n;
          },
        },
      },
      {
        name: {
          get: () => sheet.name,
          set: (v: string) => {
            sheet.name = v;
          },
        },
      },
    );
    const chartProxy = (c: ChartModel | undefined): any => {
      const proxy = mock(log, {
        name: c?.name ?? "",
        setPosition: (start: any) => (log.record("chart.setPosition", start.__address) && c ? (c.position = start.__address) : undefined),
        setData: (source: any, seriesBy: string) => {
          if (log.record("chart.setData", source.__address) && c) Object.assign(c, { source: source.__address, seriesBy });
        },
      });
      Object.defineProperty(proxy, "isNullObject", { value: c === undefined });
      if (!c) return proxy;
      Object.defineProperty(proxy, "name", { get: () => c.name, set: (v: string) => log.record("chart.name", v) && (c.name = v) });
      Object.defineProperty(proxy, "chartType", { get: () => c.type, set: (v: string) => log.record("chart.chartType", v) && (c.type = v) });
      proxy.title = Object.defineProperty({}, "text", { get: () => c.title, set: (v: string) => log.record("chart.title", v) && (c.title = v) });
      proxy.legend = Object.defineProperty({}, "visible", { get: () => c.legendVisible, set: (v: boolean) => log.record("chart.legend", v) && (c.legendVisible = v) });
      proxy.series = { getItemAt: () => ({ setXAxisValues: (r: any) => log.record("series.setXAxisValues", r.__address) && (c.xValues = r.__address) }) };
      return proxy;
    };
    const chartNamed = (name: string) => sheet.charts.find((c) => c.name.toLowerCase() === name.toLowerCase());
    w.charts = {
      add: (type: string, source: any, seriesBy: string) => {
        const c: ChartModel = { name: `Chart ${sheet.charts.length + 1}`, type, source: source.__address, seriesBy, title: "", legendVisible: true, xValues: null, position: null };
        if (log.record("charts.add", type)) sheet.charts.push(c);
        return chartProxy(c);
      },
      getItem: (name: string) => {
        const c = chartNamed(name);
        if (!c) throw new Error(`ItemNotFound: chart ${name}`);
        return chartProxy(c);
      },
      getItemOrNullObject: (name: string) => chartProxy(chartNamed(name)),
    };
    // Set after the mock is made: office-addin-mock cannot hold a mock inside another's data.
    w.tables = collection(log, () => model.tables.filter((t) => t.sheet === sheet).map(table), {
      add: (where: any, hasHeaders: boolean) => {
        const rect: Rect = typeof where === "string" ? parseA1(where) : where.__rect;
        if (!hasHeaders) throw new Error("fake: tables without headers are not simulated");
        const detached = () => table(new TableModel("{detached}", "{detached}", sheet, rect.r0, rect.c0, rect.c1 - rect.c0 + 1, rect.r1 - rect.r0));
        // Not applied (a fault in this batch): a table that is not in the workbook, for what is queued after it.
        if (!log.record("tables.add", a1(rect))) return detached();
        for (const t of model.tables) {
          if (t.sheet === sheet && overlaps(t.rect, rect)) throw new Error("InvalidOperation: tables cannot overlap");
        }
        for (const m of sheet.merges) if (overlaps(m, rect)) throw new Error("InvalidOperation: a table cannot overlap merged cells");
        const headers = Array.from({ length: rect.c1 - rect.c0 + 1 }, (_, j) => String(sheet.value(rect.r0, rect.c0 + j)));
        if (headers.some((h) => h === "") || new Set(headers.map((h) => h.toLowerCase())).size !== headers.length) throw new Error("fake: headers must be unique and non-empty");
        let n = 1;
        while (model.nameTaken(`Table${n}`)) n++;
        const t = new TableModel(`Table${n}`, model.newId(), sheet, rect.r0, rect.c0, rect.c1 - rect.c0 + 1, rect.r1 - rect.r0);
        model.tables.push(t);
        return table(t);
      },
    });
    sheetFakes.set(sheet, w);
    return w;
  }

  function table(t: TableModel): any {
    const body = () => ({ r0: t.row + 1, c0: t.col, r1: t.row + t.rows, c1: t.col + t.width - 1 });
    const f = mock(
      log,
      {
        id: t.id,
        style: "",
        showBandedRows: true,
        getRange: () => range(t.sheet, t.rect),
        getHeaderRowRange: () => range(t.sheet, { r0: t.row, c0: t.col, r1: t.row, c1: t.col + t.width - 1 }),
        getDataBodyRange: () => range(t.sheet, body()),
        autoFilter: { isDataFiltered: t.filtered },
        resize: (where: any) => {
          const r: Rect = typeof where === "string" ? parseA1(where) : where.__rect;
          if (r.r0 !== t.row || r.c0 !== t.col) throw new Error("InvalidArgument: a resized table keeps its header row where it is");
          for (const o of model.tables) if (o !== t && o.sheet === t.sheet && overlaps(o.rect, r)) throw new Error("InvalidOperation: tables cannot overlap");
          if (log.record("resize", a1(r))) {
            t.rows = r.r1 - r.r0;
            t.width = r.c1 - r.c0 + 1;
          }
        },
        delete: () => {
          if (!log.record("table.delete", t.name)) return;
          for (let i = t.row; i <= t.row + t.rows; i++) for (let j = t.col; j < t.col + t.width; j++) t.sheet.set(i, j, undefined);
          model.tables.splice(model.tables.indexOf(t), 1);
        },
        rows: {
          add: (index: number | undefined, values: Value[][]) => {
            if (t.filtered) throw new Error("InsertDeleteConflict: the table is filtered");
            if (index !== undefined && index !== null && index !== -1) throw new Error("fake: rows.add only at the end");
            if (!values.every((row) => row.length === t.width)) throw new Error(`InvalidArgument: rows.add needs ${t.width} values a row`);
            const at = t.row + t.rows + 1;
            if (log.record("rows.add", values)) {
              model.insertCells(t.sheet, at, values.length, t.col, t.col + t.width - 1);
              t.rows += values.length;
              model.write(t.sheet, at, t.col, values);
            }
            return { getRange: () => range(t.sheet, { r0: at, c0: t.col, r1: at, c1: t.col + t.width - 1 }) };
          },
        },
        columns: {
          getItemAt: (j: number) => ({
            getRange: () => range(t.sheet, { r0: t.row, c0: t.col + j, r1: t.row + t.rows, c1: t.col + j }),
            getDataBodyRange: () => range(t.sheet, { r0: t.row + 1, c0: t.col + j, r1: t.row + t.rows, c1: t.col + j }),
            delete: () => {
              if (j < 0 || j >= t.width) throw new Error(`ItemNotFound: column ${j} of ${t.name}`);
              if (!log.record("column.delete", `${t.name}[${j}]`)) return;
              model.shiftColumns(t.sheet, t.row, t.row + t.rows, t.col + j, -1);
              t.width--;
            },
          }),
          // Adds a column at the table's right end (the only place simulated), header and body given.
          add: (index: number | undefined, values: Value[][]) => {
            if (index !== undefined && index !== null && index !== t.width) throw new Error("fake: columns.add only at the end");
            if (!Array.isArray(values) || values.length !== t.rows + 1) throw new Error(`InvalidArgument: columns.add needs ${t.rows + 1} rows (the header first)`);
            if (!log.record("columns.add", values[0][0])) return;
            const at = t.col + t.width;
            model.shiftColumns(t.sheet, t.row, t.row + t.rows, at, 1);
            t.width++;
            model.write(t.sheet, t.row, at, values);
          },
        },
      },
      {
        name: {
          get: () => t.name,
          set: (v: string) => {
            if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(v) || v.length > 255) throw new Error(`InvalidArgument: table name '${v}'`);
            if (model.nameTaken(v) && t.name.toLowerCase() !== v.toLowerCase()) throw new Error(`InvalidArgument: '${v}' is taken`);
            t.name = v;
          },
        },
      },
    );
    Object.defineProperty(f, "isNullObject", { value: false });
    f.worksheet = worksheet(t.sheet);
    live(log, f, "style", () => t.style, (v: string) => (t.style = v));
    return f;
  }

  function setting(key: string): any {
    if (!model.settings.has(key)) {
      const n = mock(log, { key, value: "" });
      Object.defineProperty(n, "isNullObject", { value: true });
      return n;
    }
    const s = mock(log, { key, delete: () => (log.record("settings.delete", key) ? model.settings.delete(key) : undefined) }, { value: { get: () => model.settings.get(key) } });
    Object.defineProperty(s, "isNullObject", { value: false });
    return s;
  }

  const workbook = {
    worksheets: collection(log, () => model.sheets.map(worksheet), {
      add: (name: string) => {
        // Not applied (a fault): a sheet that is not in the workbook, for the calls queued after it.
        if (!log.record("worksheets.add", name)) return worksheet(new SheetModel(name, "{detached}"));
        return worksheet(model.addSheet(name));
      },
      getItem: (name: string) => worksheet(model.sheet(name)),
      getItemOrNullObject: (name: string) => {
        const found = model.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (found) return worksheet(found);
        const n = mock(log, { name: "" });
        Object.defineProperty(n, "isNullObject", { value: true });
        return n;
      },
    }),
    tables: collection(log, () => model.tables.map(table), {
      getItem: (key: string) => {
        const t = model.table(key);
        if (!t) throw new Error(`ItemNotFound: table ${key}`);
        return table(t);
      },
      getItemOrNullObject: (key: string) => {
        const t = model.table(key);
        if (t) return table(t);
        const n = mock(log, { name: "", delete: () => undefined });
        Object.defineProperty(n, "isNullObject", { value: true });
        return n;
      },
    }),
    names: collection(
      log,
      () => model.names.map((n) => mock(log, { name: n.name })),
      {
        add: (name: string, reference: any, comment: string) => {
          if (model.nameTaken(name)) throw new Error(`InvalidArgument: name '${name}' is taken`);
          if (log.record("names.add", name)) model.names.push({ name, sheet: reference.__sheet, rect: reference.__rect, comment });
        },
        getItem: (name: string) => {
          const n = model.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
          if (!n) throw new Error(`ItemNotFound: name ${name}`);
          return {
            getRange: () => range(n.sheet, n.rect),
            delete: () => (log.record("names.delete", name) ? model.names.splice(model.names.indexOf(n), 1) : undefined),
          };
        },
        getItemOrNullObject: (name: string) => {
          const n = model.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
          const m = mock(log, {
            name: n?.name ?? "",
            delete: () => {
              if (n && log.record("names.delete", name)) model.names.splice(model.names.indexOf(n), 1);
            },
          });
          Object.defineProperty(m, "isNullObject", { value: n === undefined });
          return m;
        },
      },
    ),
    settings: {
      add: (key: string, value: unknown) => {
        if (log.record("settings.add", value)) model.settings.set(key, value);
      },
      getItemOrNullObject: (key: string) => setting(key),
      getItem: (key: string) => {
        if (!model.settings.has(key)) throw new Error(`ItemNotFound: setting ${key}`);
        return setting(key);
      },
    },
    getSelectedRange: () => range(model.selection.sheet, model.selection.rect),
    application: {
      calculate: (type: string) => {
        model.calculations.push(type);
      },
    },
  };

  const context = {
    workbook,
    sync: async () => {
      if (log.failure) {
        // As Excel: what was queued before the failing write is applied, the rest is not, nothing loads.
        const error = log.failure;
        log.failure = null;
        await new Promise((resolve) => setTimeout(resolve, 0));
        log.syncs++;
        log.requests.push(log.pending);
        log.responses.push(0);
        log.pending = 0;
        log.failures.push(error);
        throw error;
      }
      // The writes are applied as they are queued here, so a request past the limit cannot be refused
      // whole as Excel refuses it: it fails the test loudly instead.
      if (log.pending > PAYLOAD_LIMIT_BYTES) throw payloadError("Request", log.pending);
      log.syncing = true;
      for (const hook of log.beforeSync) hook();
      for (const m of log.mocks) m.sync();
      await new Promise((resolve) => setTimeout(resolve, 0));
      for (const hook of log.afterSync) hook();
      log.syncing = false;
      log.syncs++;
      log.requests.push(log.pending);
      log.responses.push(log.responding);
      const responded = log.responding;
      log.pending = 0;
      log.responding = 0;
      if (responded > PAYLOAD_LIMIT_BYTES) {
        const error = payloadError("Response", responded);
        log.failures.push(error);
        throw error;
      }
    },
  };
  return { context, model, log };
}

