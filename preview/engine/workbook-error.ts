/* The workbook's failures, kept apart from the workbook so that the pane's shim (host.js) can
 * recognise them without bundling HyperFormula. */

/** An Excel-API failure with Excel's error code (the API layer turns it into OfficeExtension.Error). */
export class WorkbookError extends Error {
  constructor(
    readonly code: "InvalidArgument" | "ItemNotFound" | "ItemAlreadyExists" | "InvalidOperation" | "InvalidReference" | "GeneralException",
    message: string,
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}
