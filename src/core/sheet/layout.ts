/* The layouts of dataset tables that earlier releases of AIFIN wrote, so a refresh recognises them
 * and repairs them into the current one (see plan.ts for that). The first release's dataset table
 * had no "Date (given / session)" and no "Definition" column, and its Source column held
 * "publisher (date)" text; its sources table had the columns Publisher, Title, Date, URL, Status,
 * AIFIN key. Pure: no Office, no DOM. */
import type { Language } from "../messages";
import { columnLabels } from "../data/metrics";
import { sheetLabel } from "./labels";
import { sourcesHeader, tableHeader, type SourceColumn, type TableColumn } from "./plan";

/** Header texts AIFIN gave some columns before (the current ones are in plan.ts). */
const FORMER_HEADERS: Partial<Record<TableColumn, Readonly<Record<Language, readonly string[]>>>> = {
  given: { en: ["Given on"], ko: ["발표일"] },
};

/** The former headers of the dataset table's columns in a language, for checkTable. */
export function formerTableHeaders(lang: Language): Partial<Record<TableColumn, readonly string[]>> {
  return Object.fromEntries(Object.entries(FORMER_HEADERS).map(([column, byLang]) => [column, byLang[lang]]));
}

/** The dataset table's columns in the first release, in order. */
const FIRST_TABLE: readonly TableColumn[] = ["company", "metric", "period", "year", "value", "low", "high", "currency", "qualifier", "status", "source", "quote", "note", "key"];

/** The dataset table's columns the first release did not have (a refresh adds them, unasked). */
export const FIRST_RELEASE_LACKED: readonly TableColumn[] = ["given", "definition"];

/**
 * True when a dataset table's headers are the first release's: all of its columns there, and
 * neither of the columns it did not have (under any header AIFIN gave them).
 * @param headers - the table's header row as read
 * @param lang - the language the table was loaded in
 */
export function isFirstReleaseTable(headers: readonly unknown[], lang: Language): boolean {
  const texts = new Set(headers.map((h) => String(h)));
  const now = tableHeader(lang);
  if (!FIRST_TABLE.every((c) => texts.has(now[c]))) return false;
  return FIRST_RELEASE_LACKED.every((c) => !texts.has(now[c]) && !(FORMER_HEADERS[c]?.[lang] ?? []).some((h) => texts.has(h)));
}

/** The first release's sources table: its headers, and which current column each held. */
function firstSourcesHeaders(lang: Language): ReadonlyArray<readonly [string, SourceColumn | null]> {
  return [
    [sheetLabel("publisher", lang), "publisher"],
    [sheetLabel("title", lang), "title"],
    [sheetLabel("date", lang), "date"],
    [sheetLabel("url", lang), "url"],
    [columnLabels(lang).status, null],
    [sheetLabel("key", lang), "key"],
  ];
}

/**
 * Where a first-release sources table holds each current column (its body column index), or null
 * when the headers are not that table's.
 * @param headers - the sources table's header row as read
 * @param lang - the language the table was loaded in
 * @example firstReleaseSources(["Publisher", "Title", "Date", "URL", "Status", "AIFIN key"], "en")?.key // 5
 */
export function firstReleaseSources(headers: readonly unknown[], lang: Language): Partial<Record<SourceColumn, number>> | null {
  const texts = headers.map((h) => String(h));
  const first = firstSourcesHeaders(lang);
  if (texts.length !== first.length || !first.every(([h], j) => texts[j] === h)) return null;
  // The current layout has a column of the same name ("Source" is not one of these): not confused.
  const current = Object.values(sourcesHeader(lang));
  if (current.every((h) => texts.includes(h))) return null;
  const at: Partial<Record<SourceColumn, number>> = {};
  first.forEach(([, column], j) => {
    if (column) at[column] = j;
  });
  return at;
}
