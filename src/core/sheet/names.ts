/* Names AIFIN gives to what it creates in a workbook: worksheets and tables. */

/** Excel's longest worksheet name, in characters (UTF-16 units). */
export const MAX_SHEET_NAME = 31;

/** Characters Excel refuses in a worksheet name. */
const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;

/** Excel keeps this name for itself (case ignored). */
const RESERVED_SHEET = "history";

/** Cuts text to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** Trims what may not start or end a sheet name (apostrophes) and stray spaces or punctuation. */
function tidy(text: string): string {
  return text.replace(/^[\s'.,;–—-]+|[\s'.,;(–—-]+$/g, "");
}

/**
 * True when a formula must quote a sheet name ('Big tech'!A1): it holds a character other than a
 * letter, a digit, "_" or ".", starts with a digit or a period, or reads as a cell reference (A1,
 * R1C1) or a logical value.
 * @example needsQuotes("Big_tech_capex") // false
 * @example needsQuotes("Big tech capex") // true
 * @example needsQuotes("AI2024") // true (a cell reference)
 */
export function needsQuotes(name: string): boolean {
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) return true;
  return /^[a-z]{1,3}\d+$/i.test(name) || /^r\d*c\d*$/i.test(name) || /^(true|false)$/i.test(name);
}

/** Words of a title joined by "_" (no character a formula must quote), at most `max` characters, cut between words. */
function plainName(title: string, max: number): string {
  const words = title
    .normalize("NFKC")
    .replace(/(\p{L})['’&](?=\p{L})/gu, "$1") // R&D → RD, Korea's → Koreas
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
  let name = "";
  for (const word of words) {
    const next = name === "" ? word : `${name}_${word}`;
    if (next.length > max) break;
    name = next;
  }
  return name === "" && words.length > 0 ? cut(words[0], max) : name;
}

/** The title with the characters Excel refuses blanked, cut to `max` at a word where one is near. */
function quotedName(title: string, max: number): string {
  let base = tidy(title.replace(SHEET_FORBIDDEN, " ").replace(/[\u0000-\u001f]/g, " ").replace(/\s+/g, " "));
  if (base.length > max) {
    const hard = cut(base, max);
    const space = hard.lastIndexOf(" ");
    base = tidy(space >= Math.min(16, max / 2) ? hard.slice(0, space) : hard);
  }
  return base;
}

/**
 * A worksheet name for a dataset that no sheet of the workbook has yet, at most 31 characters, cut
 * between words. Where the title's words make a name a formula can use without quotes, they are
 * joined by "_" ("Big_tech_capital_expenditure"); where they cannot (a title starting with a
 * digit, or one that reads as a cell reference), the title itself, without the characters Excel
 * refuses ([ ] : * ? / \). A copy gets "_2", "_3"… (" (2)" for the quoted kind), with words dropped
 * to make room, until no existing name matches (Excel compares names ignoring case).
 * @param title - the dataset's title in the user's language
 * @param existing - the workbook's worksheet names
 * @returns a name Excel accepts, at most 31 characters
 * @example sheetNameFor("Big tech capex: 2023/2025", []) // "Big_tech_capex_2023_2025"
 * @example sheetNameFor("Big tech capital expenditure", ["Big_tech_capital_expenditure"]) // "Big_tech_capital_expenditure_2"
 * @example sheetNameFor("2024 column", []) // "2024 column"
 */
export function sheetNameFor(title: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const free = (name: string) => name !== "" && !taken.has(name.toLowerCase()) && name.toLowerCase() !== RESERVED_SHEET;
  const plain = plainName(title, MAX_SHEET_NAME);
  const quoted = plain === "" || needsQuotes(plain);
  const make = (max: number) => (quoted ? quotedName(title, max) : plainName(title, max)) || "AIFIN";
  const base = make(MAX_SHEET_NAME);
  if (free(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = quoted ? ` (${n})` : `_${n}`;
    const name = `${make(MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (free(name)) return name;
  }
}

/** Longest table name AIFIN makes (Excel allows 255; room is left for suffixes). */
const MAX_TABLE_BASE = 200;

/** The suffix of the table holding a dataset table's sources. */
export const SOURCES_SUFFIX = "_Sources";
/** The suffix of the workbook name of the as-of row above a dataset table. */
export const AS_OF_SUFFIX = "_AsOf";

/**
 * True when Excel accepts `name` for a table or defined name: it starts with a letter, "_" or
 * "\", holds only letters, digits, "_", "." and "\", is at most 255 characters, and is neither
 * "C", "R" nor a cell reference (A1 or R1C1 style).
 * @example isValidTableName("AIFIN_bigtech_capex") // true
 * @example isValidTableName("AB12") // false (a cell reference)
 */
export function isValidTableName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (/^[cr]$/i.test(name)) return false;
  if (/^[a-z]{1,3}\d+$/i.test(name)) return false; // A1 style
  if (/^r\d*c\d*$/i.test(name)) return false; // R1C1 style
  return true;
}

/**
 * A table name for a dataset that no table or defined name of the workbook has yet, and whose
 * companions (the sources table `<name>_Sources`, the as-of name `<name>_AsOf`) are free too: "AIFIN_" and the dataset id with every character
 * Excel refuses turned into "_", then "_2", "_3"… (Excel compares names ignoring case).
 * @param datasetId - e.g. "openai-2024-costs"
 * @param existing - the workbook's table names and defined names
 * @returns a valid, unused table name
 * @example tableNameFor("openai-2024-costs", []) // "AIFIN_openai_2024_costs"
 * @example tableNameFor("openai-2024-costs", ["AIFIN_openai_2024_costs"]) // "AIFIN_openai_2024_costs_2"
 */
export function tableNameFor(datasetId: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const cleaned = datasetId.normalize("NFKC").replace(/[^\p{L}\p{N}_]+/gu, "_").replace(/_+/g, "_").replace(/^_|_$/g, "");
  const base = cut(`AIFIN_${cleaned}`.replace(/_$/, ""), MAX_TABLE_BASE);
  const free = (name: string) => [name, `${name}${SOURCES_SUFFIX}`, `${name}${AS_OF_SUFFIX}`].every((n) => !taken.has(n.toLowerCase()));
  if (free(base)) return base;
  for (let n = 2; ; n++) {
    const name = `${base}_${n}`;
    if (free(name)) return name;
  }
}
