/* The functions' start in a shared runtime: Excel may calculate them before the task pane code
 * has run (desktop recalculates volatile functions on open; any edit calculates), so the
 * functions read the workbook's saved reference rate themselves, through an Excel.RequestContext
 * (functions may read the workbook, never write it), and wait for it before computing anything
 * that depends on it. Whichever of the pane and the functions reads it first, the other sees it. */
import { parseReferenceChoice } from "../core/fx/reference";
import { REFERENCE_SETTING, markReferenceKnown, referenceKnown, setReferenceChoice } from "../shared/reference-rate";

/** Tries a read this many times before going on without the saved choice (which it reports). */
const ATTEMPTS = 3;

/**
 * Reads the workbook's saved reference-rate choice and puts it in the shared runtime, unless the
 * pane already has. Never throws: a workbook that cannot be read (after retries) lets the
 * functions go on with the data's latest rate, and says so on the console.
 * @param context - makes a request context (new Excel.RequestContext() in Excel)
 */
export async function restoreSavedReference(context: () => Excel.RequestContext): Promise<void> {
  for (let attempt = 1; attempt <= ATTEMPTS && !referenceKnown(); attempt++) {
    try {
      const ctx = context();
      const item = ctx.workbook.settings.getItemOrNullObject(REFERENCE_SETTING);
      item.load("value");
      await ctx.sync();
      if (referenceKnown()) return; // the pane was quicker: its choice stands
      setReferenceChoice(item.isNullObject ? null : parseReferenceChoice(item.value));
      return;
    } catch (error) {
      if (attempt === ATTEMPTS) {
        console.warn(`AIFIN: the workbook's reference rate could not be read (${error instanceof Error ? error.message : String(error)}); using the latest rate in the data`);
        markReferenceKnown();
      }
    }
  }
}
