/* The handshake between the preview workbook page (which owns the workbook and the grid) and the
 * task pane's iframe (where office.js, the host shim and the add-in's real bundles run, like the
 * shared runtime's webview in Excel). Same origin: plain calls across `window.parent`. */
import type { AssociatedFunction, ErrorCodeValue } from "../engine/custom-functions-runtime";
import type { Workbook } from "../engine/workbook";

/** The global name under which the workbook page exposes itself to the pane. */
export const PREVIEW_HOST_GLOBAL = "aifinPreviewHost";

/** What the pane's shim tells the workbook page about its realm. */
export interface PaneSide {
  /** A `CustomFunctions.Error` made in the pane's realm (functions check `instanceof` there). */
  makeError(code: ErrorCodeValue, message?: string): unknown;
}

/** What Office.context says in the preview. */
export interface OfficeEnvironment {
  /** Office's display language, e.g. "en-US" or "ko-KR" (the preview's language menu). */
  readonly displayLanguage: string;
}

/** The connection of one pane load. */
export interface PaneConnection {
  /** A `CustomFunctions.associate` call of the functions bundle. */
  associate(id: string, fn: AssociatedFunction): void;
  /**
   * Every script of the pane page ran: the page checks the registrations against functions.json,
   * builds the workbook (first load) or recalculates it (a reloaded pane), and answers.
   */
  scriptsLoaded(): Promise<{ workbook: Workbook; environment: OfficeEnvironment }>;
  /** A problem the preview found in the pane's calls (shown in the workbook's status area). */
  reportProblem(message: string): void;
  /** Office.onReady callbacks ran and the pane painted (performance.now() of the pane). */
  paneReady(paneNow: number): void;
  /** `Office.addin.hide()` / `showAsTaskpane()`. */
  setPaneVisible(visible: boolean): void;
}

/** What the workbook page exposes as `window.aifinPreviewHost`. */
export interface PreviewHost {
  readonly version: 1;
  attachPane(pane: PaneSide): PaneConnection;
}
