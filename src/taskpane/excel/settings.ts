/* The workbook's AIFIN settings (workbook.settings: per file, per add-in). */
import type { Language } from "../../core/messages";
import type { ReferenceChoice } from "../../shared/reference-rate";
import { SETTING_KEYS, parseFeedSetting, parseLanguage, parseRecords, parseReferenceChoice, type TableRecord } from "../records";

/** What a workbook remembers for AIFIN. */
export interface WorkbookState {
  readonly records: TableRecord[];
  /** Table records that could not be read (written by another build, or edited). */
  readonly droppedRecords: number;
  readonly reference: ReferenceChoice | null;
  readonly feedUrl: string | null;
  readonly language: Language | null;
}

/**
 * Reads AIFIN's settings from the workbook, in one sync.
 * @param context - the request context of the user action
 */
export async function readWorkbookState(context: Excel.RequestContext): Promise<WorkbookState> {
  const settings = context.workbook.settings;
  const items = {
    tables: settings.getItemOrNullObject(SETTING_KEYS.tables),
    reference: settings.getItemOrNullObject(SETTING_KEYS.reference),
    feedUrl: settings.getItemOrNullObject(SETTING_KEYS.feedUrl),
    language: settings.getItemOrNullObject(SETTING_KEYS.language),
  };
  for (const item of Object.values(items)) item.load("value");
  await context.sync();
  const value = (item: Excel.Setting) => (item.isNullObject ? undefined : (item.value as unknown));
  const { records, dropped } = parseRecords(value(items.tables));
  return {
    records,
    droppedRecords: dropped,
    reference: parseReferenceChoice(value(items.reference)),
    feedUrl: parseFeedSetting(value(items.feedUrl)),
    language: parseLanguage(value(items.language)),
  };
}

/**
 * Saves the reference-rate choice in the workbook and recalculates it fully, so every function
 * that reads the shared reference rate (USD_TO_KRW without a rate, …) follows. One sync.
 * The caller has already put the choice in the shared runtime (setReferenceChoice).
 * @param choice - a day, a period or a manual rate; null for the data's latest rate
 * @param recalc - false when the value does not change (recording the day the latest rate stood for)
 */
export async function saveReferenceChoice(context: Excel.RequestContext, choice: ReferenceChoice | null, recalc = true): Promise<void> {
  context.workbook.settings.add(SETTING_KEYS.reference, choice === null ? "" : JSON.stringify(choice));
  if (recalc) context.workbook.application.calculate("Full");
  await context.sync();
}

/**
 * Recalculates the workbook fully (after the pane put the stored choice in the shared runtime at start). One sync.
 */
export async function recalculate(context: Excel.RequestContext): Promise<void> {
  context.workbook.application.calculate("Full");
  await context.sync();
}

/**
 * Saves the feed URL (null: the add-in's own origin) or the language in the workbook. One sync.
 */
export async function saveSetting(context: Excel.RequestContext, key: typeof SETTING_KEYS.feedUrl | typeof SETTING_KEYS.language, value: string | null): Promise<void> {
  context.workbook.settings.add(key, value ?? "");
  await context.sync();
}

/** Queues the table records (no sync): the caller's next sync writes them. */
export function queueRecords(context: Excel.RequestContext, records: readonly TableRecord[]): void {
  context.workbook.settings.add(SETTING_KEYS.tables, JSON.stringify(records));
}
