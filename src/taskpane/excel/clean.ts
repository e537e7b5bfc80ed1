/* Cleaning pasted amounts in place: the selected column's text amounts become numeric USD and KRW
 * columns beside it (and a note column), read by the functions' parser. Nothing that is not empty
 * is overwritten unless the user said so. */
import type { Language } from "../../core/messages";
import { CLEAN_COLUMNS, planClean } from "../../core/sheet";
import { integerRuns } from "../../core/sheet/diff";
import { matrixSteps, runSteps, smallStep, type Progress, type Step } from "./steps";

export interface CleanRequest {
  /** KRW per USD for the conversions (the pane's reference rate). */
  readonly rate: number;
  readonly lang: Language;
  /** True once the user has agreed to overwrite the non-empty cells reported before. */
  readonly overwrite: boolean;
  readonly onProgress?: Progress;
}

export type CleanResult =
  | { readonly kind: "cleaned"; readonly read: number; readonly unread: number; readonly address: string; readonly syncs: number }
  /** Cells beside the selection hold something: ask the user, then call again with overwrite. */
  | { readonly kind: "needsConfirmation"; readonly cells: number; readonly address: string; readonly syncs: number }
  | { readonly kind: "notOneColumn"; readonly syncs: number }
  | { readonly kind: "nothingSelected"; readonly syncs: number };

/** Fill of output cells that could not be read. */
const UNREAD_FILL = "#FFC7CE";

/**
 * Cleans the selected column of pasted amounts (see planClean): writes USD, KRW and a note in the
 * three columns to its right, marking what could not be read. Reads only the part of the selection
 * that holds data (a whole selected column costs nothing more).
 * @param context - the request context of the user action (one Excel.run)
 * @param request - the rate, the language, and whether overwriting was agreed
 */
export async function cleanSelection(context: Excel.RequestContext, request: CleanRequest): Promise<CleanResult> {
  const selected = context.workbook.getSelectedRange();
  selected.load("columnCount");
  const used = selected.worksheet.getUsedRange(true);
  const area = selected.getIntersectionOrNullObject(used);
  area.load("values, numberFormat, address, rowCount");
  // The columns beside the whole selection, cut to the used rows: what is there now.
  const beside = selected.getColumnsAfter(CLEAN_COLUMNS).getIntersectionOrNullObject(used);
  beside.load("values");
  await context.sync();

  if (selected.columnCount !== 1) return { kind: "notOneColumn", syncs: 1 };
  if (area.isNullObject) return { kind: "nothingSelected", syncs: 1 };

  const target = area.getColumnsAfter(CLEAN_COLUMNS);
  if (!request.overwrite && !beside.isNullObject) {
    const cells = (beside.values as unknown[][]).flat().filter((v) => v !== "" && v !== null).length;
    if (cells > 0) return { kind: "needsConfirmation", cells, address: area.address, syncs: 1 };
  }

  const plan = planClean(area.values as unknown[][], area.numberFormat as unknown[][], request.rate, request.lang);
  const steps: Step[] = [
    ...matrixSteps(plan.values, (o, n) => target.getRow(o).getResizedRange(n - 1, 0), "values"),
    ...matrixSteps(plan.formats, (o, n) => target.getRow(o).getResizedRange(n - 1, 0), "numberFormat"),
  ];
  if (plan.header) steps.push(smallStep(() => (target.getRow(0).format.font.bold = true)));
  for (const run of integerRuns(plan.unreadRows)) {
    steps.push(smallStep(() => (target.getRow(run[0]).getResizedRange(run[1] - 1, 0).format.fill.color = UNREAD_FILL)));
  }
  steps.push(smallStep(() => target.format.autofitColumns()));
  const syncs = 1 + (await runSteps(context, steps, request.onProgress));
  return { kind: "cleaned", read: plan.read, unread: plan.unread, address: area.address, syncs };
}

