/* Cleaning pasted amounts in place: the selection's amounts (a pasted column, or a statement table
 * under a unit header such as "(단위: 억원)") become numeric USD and KRW columns beside it, with a
 * note column, read by the functions' parser. Nothing is written into a table, beside one (Excel
 * would grow it), into a spilled array or over a formula: the pane is told what stands in the way
 * and offered the next free columns. Values are overwritten only once the user agreed. */
import type { Language } from "../../core/messages";
import {
  findUnitCaption,
  nextFreeColumns,
  onlyValues,
  planClean,
  rectAddress,
  targetObstacles,
  columnLetters,
  type CellRect,
  type FoundUnit,
  type Obstacle,
  type SheetPicture,
  type SheetSpill,
  type UnitChoice,
} from "../../core/sheet";
import { integerRuns } from "../../core/sheet/diff";
import { matrixSteps, runSteps, smallStep, type Progress, type Step } from "./steps";

export interface CleanRequest {
  /** KRW per USD for the conversions (the pane's reference rate). */
  readonly rate: number;
  readonly lang: Language;
  /** True once the user has agreed to overwrite the values reported before. */
  readonly overwrite: boolean;
  /** Write from this column (zero-based) instead of right beside the selection: the free columns offered. */
  readonly at?: number | null;
  /** The pane's unit and currency pickers (null parts: automatic, from the headers). */
  readonly unit?: UnitChoice;
  readonly onProgress?: Progress;
}

/** The columns the cleaner would write, and the free ones it offers instead. */
export interface CleanTarget {
  /** The cells it would write, as an address on the sheet ("Sheet1!F5:I21"). */
  readonly address: string;
  readonly columns: number;
  /** The next free columns (their first column and the address of the cells), or null. */
  readonly free: { readonly column: number; readonly address: string } | null;
}

/** The unit the amounts were read in, and where it came from. */
export interface UnitUsed {
  readonly power: number;
  readonly currency: "USD" | "KRW" | null;
  /** Whether the power and the currency were chosen in the pane (else from the caption, if any). */
  readonly powerChosen: boolean;
  readonly currencyChosen: boolean;
  /** The unit caption found in or above the selection: its text, address and unit. */
  readonly caption: { readonly text: string; readonly address: string; readonly power: number; readonly currency: "USD" | "KRW" | null } | null;
}

export type CleanResult =
  | {
      readonly kind: "cleaned";
      readonly read: number;
      readonly unread: number;
      readonly noCurrency: number;
      readonly published: number;
      readonly differing: number;
      readonly address: string;
      readonly target: string;
      readonly unit: UnitUsed;
      /** Selection columns left alone as labels, by letter. */
      readonly labels: readonly string[];
      readonly syncs: number;
    }
  /** Tables, spills or formulas stand in the way: never written; the free columns are offered. */
  | { readonly kind: "blocked"; readonly obstacles: readonly Obstacle[]; readonly target: CleanTarget; readonly syncs: number }
  /** Only values stand in the way: ask the user, then call again with overwrite (or at the free columns). */
  | { readonly kind: "needsConfirmation"; readonly cells: number; readonly address: string; readonly target: CleanTarget; readonly syncs: number }
  | { readonly kind: "nothingSelected"; readonly syncs: number }
  /** Several columns, none of them amounts (all labels): nothing written. */
  | { readonly kind: "noAmounts"; readonly labels: readonly string[]; readonly syncs: number };

/** Fill of output cells that could not be read. */
const UNREAD_FILL = "#FFC7CE";
/** Rows above the selection searched for a unit caption ("(단위: 억원)"). */
const CAPTION_ROWS = 5;
/** Columns right of the selection read to find what is there and the next free columns. */
const BESIDE_COLUMNS = 256;
/** Formulas checked for a spilled result reaching the target, at most (beyond: reported unknown). */
const MAX_ANCHORS = 500;

interface Geometry {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

function rectOf(g: Geometry): CellRect {
  return { r0: g.rowIndex, c0: g.columnIndex, r1: g.rowIndex + g.rowCount - 1, c1: g.columnIndex + g.columnCount - 1 };
}

function isFormula(f: unknown): boolean {
  return typeof f === "string" && f.startsWith("=");
}

/**
 * Cleans the selected amounts (see planClean): writes USD, KRW (the other currency's published
 * figure where the text gives it) and a note in the columns to its right, marking what could not
 * be read. Reads only the part of the selection that holds data (a whole selected column costs
 * nothing more), the rows above it for a unit caption, and what lies to its right.
 * @param context - the request context of the user action (one Excel.run)
 * @param request - the rate, the language, the unit choice, and whether overwriting was agreed
 */
export async function cleanSelection(context: Excel.RequestContext, request: CleanRequest): Promise<CleanResult> {
  const selected = context.workbook.getSelectedRange();
  selected.load("rowIndex, columnIndex, rowCount, columnCount");
  const sheet = selected.worksheet;
  sheet.load("name");
  const used = sheet.getUsedRange(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount");
  const tables = sheet.tables;
  tables.load("items/name");
  await context.sync();

  // The data: the selection cut to the used range.
  const sel = rectOf(selected);
  const usedRect = rectOf(used);
  const data: CellRect = { r0: Math.max(sel.r0, usedRect.r0), c0: Math.max(sel.c0, usedRect.c0), r1: Math.min(sel.r1, usedRect.r1), c1: Math.min(sel.c1, usedRect.c1) };
  if (data.r0 > data.r1 || data.c0 > data.c1) return { kind: "nothingSelected", syncs: 1 };
  const rows = data.r1 - data.r0 + 1;
  const width = data.c1 - data.c0 + 1;
  const area = sheet.getRangeByIndexes(data.r0, data.c0, rows, width);
  area.load("values, numberFormat, formulas, address");
  const aboveRows = Math.min(CAPTION_ROWS, data.r0);
  const aboveC0 = Math.max(usedRect.c0, data.c0 - BESIDE_COLUMNS);
  const aboveC1 = Math.min(usedRect.c1, data.c1 + BESIDE_COLUMNS);
  const above = aboveRows > 0 ? sheet.getRangeByIndexes(data.r0 - aboveRows, aboveC0, aboveRows, aboveC1 - aboveC0 + 1) : null;
  above?.load("values, formulas");
  const tableRanges = tables.items.map((t) => {
    const whole = t.getRange();
    whole.load("rowIndex, columnIndex, rowCount, columnCount");
    const header = t.getHeaderRowRange();
    header.load("values");
    return { name: t.name, whole, header };
  });
  await context.sync();
  let syncs = 2;

  const values = area.values as unknown[][];
  const formulas = area.formulas as unknown[][];
  if (values.every((row) => row.every((v) => v === "" || v === null))) return { kind: "nothingSelected", syncs };
  const caption: FoundUnit | null = above ? findUnitCaption(above.values as unknown[][]) : null;
  const plan = planClean(values, area.numberFormat as unknown[][], request.rate, request.lang, {
    chosen: request.unit,
    above: caption,
    columnNames: Array.from({ length: width }, (_, j) => columnLetters(data.c0 + j)),
  });
  if (plan.amountColumns.length === 0) return { kind: "noAmounts", labels: plan.labelColumns.map((j) => columnLetters(data.c0 + j)), syncs };
  const columns = plan.columns.length;
  const start = request.at ?? data.c1 + 1;
  const target: CellRect = { r0: data.r0, c0: start, r1: data.r1, c1: start + columns - 1 };

  // What is in the target, cell by cell; whether each column to the right holds anything in these
  // rows (one small answer a column, however many rows); and the spills of formulas that may reach
  // the target (in the selection or above it).
  const inTarget = sheet.getRangeByIndexes(target.r0, target.c0, rows, columns);
  inTarget.load("values, formulas");
  const probeEnd = Math.min(usedRect.c1, data.c1 + BESIDE_COLUMNS);
  const probes = new Map<number, Excel.Range>();
  for (let c = data.c1 + 1; c <= probeEnd; c++) {
    const probe = sheet.getRangeByIndexes(data.r0, c, rows, 1).getUsedRangeOrNullObject(true);
    probe.load("address");
    probes.set(c, probe);
  }
  const anchors: Array<{ row: number; column: number }> = [];
  const collect = (found: unknown[][] | undefined, r0: number, c0: number) =>
    found?.forEach((row, i) => row.forEach((f, j) => (isFormula(f) && c0 + j <= target.c1 ? anchors.push({ row: r0 + i, column: c0 + j }) : undefined)));
  collect(formulas, data.r0, data.c0);
  collect(above?.formulas as unknown[][] | undefined, data.r0 - aboveRows, aboveC0);
  const checked = anchors.slice(0, MAX_ANCHORS).map((a) => {
    const spill = sheet.getCell(a.row, a.column).getSpillingToRangeOrNullObject();
    spill.load("rowIndex, columnIndex, rowCount, columnCount");
    return { anchor: a, spill };
  });
  await context.sync();
  syncs++;
  const spills: SheetSpill[] = checked.filter((c) => !c.spill.isNullObject).map((c) => ({ anchor: c.anchor, rect: rectOf(c.spill) }));

  const targetValues = inTarget.values as unknown[][];
  const targetFormulas = inTarget.formulas as unknown[][];
  const outsideUsed = (row: number, column: number) => row < usedRect.r0 || row > usedRect.r1 || column < usedRect.c0 || column > usedRect.c1;
  const picture: SheetPicture = {
    tables: tableRanges.map((t) => ({ name: t.name, rect: rectOf(t.whole), headers: ((t.header.values as unknown[][])[0] ?? []).map(String) })),
    spills,
    cell(row, column) {
      if (row >= target.r0 && row <= target.r1 && column >= target.c0 && column <= target.c1) {
        const i = row - target.r0;
        const j = column - target.c0;
        if (isFormula(targetFormulas[i][j])) return "formula";
        const value = targetValues[i][j];
        return value === "" || value === null || value === undefined ? "empty" : "value";
      }
      return outsideUsed(row, column) ? "empty" : "unknown";
    },
    column(column) {
      if (column > usedRect.c1 || column < usedRect.c0) return "empty";
      const probe = probes.get(column);
      if (probe === undefined) return "unknown";
      return probe.isNullObject ? "empty" : "occupied";
    },
  };
  // Anchors not checked (a sheet full of formulas): their spills are unknown, so the cells are not written blindly.
  const obstacles = targetObstacles(target, picture);
  if (anchors.length > MAX_ANCHORS) obstacles.push({ kind: "unknown", count: anchors.length - MAX_ANCHORS });
  const address = (rect: CellRect) => `${area.address.slice(0, area.address.lastIndexOf("!") + 1)}${rectAddress(rect)}`;
  if (obstacles.length > 0 && !(request.overwrite && onlyValues(obstacles))) {
    const freeColumn = nextFreeColumns([data.r0, data.r1], data.c1 + 1, columns, picture);
    const offer: CleanTarget = {
      address: address(target),
      columns,
      free: freeColumn === null ? null : { column: freeColumn, address: address({ r0: data.r0, c0: freeColumn, r1: data.r1, c1: freeColumn + columns - 1 }) },
    };
    if (onlyValues(obstacles)) {
      const cells = obstacles.reduce((n, o) => n + (o.kind === "values" ? o.count : 0), 0);
      return { kind: "needsConfirmation", cells, address: area.address, target: offer, syncs };
    }
    return { kind: "blocked", obstacles, target: offer, syncs };
  }

  const out = sheet.getRangeByIndexes(target.r0, target.c0, rows, columns);
  const steps: Step[] = [
    ...matrixSteps(plan.values, (o, n) => out.getRow(o).getResizedRange(n - 1, 0), "values"),
    ...matrixSteps(plan.formats, (o, n) => out.getRow(o).getResizedRange(n - 1, 0), "numberFormat"),
  ];
  if (plan.headerRow >= 0) steps.push(smallStep(() => (out.getRow(plan.headerRow).format.font.bold = true)));
  for (const run of integerRuns(plan.unreadRows)) {
    steps.push(smallStep(() => (out.getRow(run[0]).getResizedRange(run[1] - 1, 0).format.fill.color = UNREAD_FILL)));
  }
  steps.push(smallStep(() => out.format.autofitColumns()));
  syncs += await runSteps(context, steps, request.onProgress);

  const found = plan.caption ?? caption;
  const foundAt = plan.caption
    ? { row: data.r0 + plan.caption.row, column: data.c0 + plan.caption.column }
    : caption
      ? { row: data.r0 - aboveRows + caption.row, column: aboveC0 + caption.column }
      : null;
  const powerChosen = request.unit?.power !== null && request.unit?.power !== undefined;
  const currencyChosen = request.unit?.currency !== null && request.unit?.currency !== undefined;
  const unit: UnitUsed = {
    power: request.unit?.power ?? found?.power ?? 0,
    currency: request.unit?.currency ?? found?.currency ?? null,
    powerChosen,
    currencyChosen,
    caption:
      found && foundAt
        ? { text: found.text, address: address({ r0: foundAt.row, c0: foundAt.column, r1: foundAt.row, c1: foundAt.column }), power: found.power, currency: found.currency }
        : null,
  };
  return {
    kind: "cleaned",
    read: plan.read,
    unread: plan.unread,
    noCurrency: plan.noCurrency,
    published: plan.published,
    differing: plan.differing,
    address: area.address,
    target: address(target),
    unit,
    labels: plan.labelColumns.map((j) => columnLetters(data.c0 + j)),
    syncs,
  };
}
