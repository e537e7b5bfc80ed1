/* What the add-in keeps in a workbook (workbook.settings), read back defensively: a setting may
 * have been written by an older build, edited by another tool, or be missing. */
import { z } from "zod";
import type { Language } from "../core/messages";
import type { KeptEdit } from "../core/sheet/verify";
import { REFERENCE_SETTING } from "../shared/reference-rate";
export { parseReferenceChoice } from "../core/fx/reference";

/** The workbook.settings keys AIFIN uses. */
export const SETTING_KEYS = {
  tables: "aifin.tables",
  reference: REFERENCE_SETTING,
  feedUrl: "aifin.feedUrl",
  language: "aifin.language",
} as const;

/** One loaded dataset table, so a refresh finds it after the file is reopened. */
export interface TableRecord {
  readonly datasetId: string;
  readonly version: string;
  /** sha256 of the feed file the table was written from; null for the data built into the add-in. */
  readonly hash: string | null;
  readonly asOf: string;
  /** When the table was last written (ISO 8601, UTC). */
  readonly refreshedAt: string;
  readonly tableName: string;
  /** Excel's id of the table (stable across renames): known from the load (older records learn it at their first refresh); null before. */
  readonly tableId: string | null;
  /** Excel's id of the table's worksheet (stable across renames), and the sheet's name when last seen. */
  readonly worksheetId: string | null;
  readonly sheetName: string | null;
  readonly sourcesTableName: string;
  /** Excel's id of the sources table, like tableId. */
  readonly sourcesTableId: string | null;
  /** The user's edits of AIFIN's cells that refreshes keep (and report) rather than restore. */
  readonly kept: readonly KeptEdit[];
  /** The workbook name of the as-of row above the table. */
  readonly asOfName: string;
  /** The language of the table's headers and labels. */
  readonly lang: Language;
}

const recordSchema = z.object({
  datasetId: z.string().min(1),
  version: z.string().min(1),
  hash: z.string().nullable(),
  asOf: z.string(),
  refreshedAt: z.string(),
  tableName: z.string().min(1),
  tableId: z.string().nullable().default(null),
  worksheetId: z.string().nullable().default(null),
  sheetName: z.string().nullable().default(null),
  sourcesTableName: z.string().min(1),
  sourcesTableId: z.string().nullable().default(null),
  kept: z
    .array(
      z.union([
        z.object({ kind: z.literal("cell"), key: z.string(), column: z.string(), value: z.union([z.string(), z.number(), z.boolean()]) }),
        z.object({ kind: z.literal("row"), key: z.string() }),
        z.object({ kind: z.literal("header"), column: z.string(), header: z.string() }),
      ]),
    )
    .default([]),
  asOfName: z.string().min(1),
  lang: z.enum(["en", "ko"]),
});

/** Settings values may come back as the object written or as its JSON text. */
function decoded(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * The table records in a setting value; entries that do not read as records are dropped and counted.
 * @param value - the value of the "aifin.tables" setting (undefined when absent)
 * @returns the records and how many entries were dropped
 */
export function parseRecords(value: unknown): { records: TableRecord[]; dropped: number } {
  const list = decoded(value);
  if (!Array.isArray(list)) return { records: [], dropped: value === undefined || value === null ? 0 : 1 };
  const records: TableRecord[] = [];
  let dropped = 0;
  for (const item of list) {
    const parsed = recordSchema.safeParse(item);
    if (parsed.success) records.push(parsed.data);
    else dropped++;
  }
  return { records, dropped };
}

/**
 * Records with `updates` put in place of the records of the same table (matched by old or new
 * table name) and `removed` table names left out. Order: existing first, new ones appended.
 */
export function mergeRecords(existing: readonly TableRecord[], updates: readonly TableRecord[], removed: readonly string[] = [], renamed: ReadonlyMap<string, string> = new Map()): TableRecord[] {
  const gone = new Set(removed.map((n) => n.toLowerCase()));
  const key = (name: string) => (renamed.get(name) ?? name).toLowerCase();
  const byName = new Map(updates.map((u) => [u.tableName.toLowerCase(), u]));
  const out: TableRecord[] = [];
  const used = new Set<string>();
  for (const record of existing) {
    const k = key(record.tableName);
    if (gone.has(record.tableName.toLowerCase())) continue;
    const update = byName.get(k);
    if (update) {
      if (!used.has(k)) out.push(update);
      used.add(k);
    } else out.push(record);
  }
  for (const [k, update] of byName) if (!used.has(k)) out.push(update);
  return out;
}

/** The language in a setting value, or null. */
export function parseLanguage(value: unknown): Language | null {
  return value === "en" || value === "ko" ? value : null;
}

/** The feed URL in a setting value, or null. */
export function parseFeedSetting(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}
