/* A figure's number as published ("(28,107)" in a table "In millions", "$91.45 billion",
 * "53조 6461억 원", "35억~45억달러") read back to whole units, so the data check can prove that a
 * row's value is exactly what its quote says. Used at build time and on feed files. */
import { parseAmount } from "../money/parse";
import { decNeg, decScale, decSign, decToString, type Dec } from "../money/decimal";
import { UNIT_POWER, type PublishedUnit } from "./vocabulary";

/** Collapses runs of white space (including no-break spaces) to one space, for comparing quotes. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
}

/** A published number read as whole units, or why it cannot be. */
export type PublishedRead = { readonly ok: true; readonly values: readonly bigint[] } | { readonly ok: false; readonly reason: string };

/** Splits a published range ("35억~45억달러", "$60-65 billion", "$60 billion to $65 billion") into its two ends. */
function rangeEnds(text: string): [string, string] | null {
  const m = /^(.*?\d[^~\u2013\u2014]*?)\s*(?:~|〜|\u2013|\u2014|-|\bto\b|\band\b)\s*(\D{0,6}\d.*)$/.exec(text);
  return m ? [m[1].trim(), m[2].trim()] : null;
}

/** Words and signs after the last digit ("억달러", " billion"), for the first end of a range that lacks them. */
function unitTail(text: string): string {
  const m = /\d([^\d]*)$/.exec(text);
  return m ? m[1] : "";
}

/** Currency signs before the first digit ("$", "US$"). */
function unitHead(text: string): string {
  const m = /^([^\d]*)\d/.exec(text);
  return m ? m[1] : "";
}

function readOne(text: string, unit: PublishedUnit): bigint {
  // A table cell of cash paid: "(28,107)", "$(12,715)", "-4,000", "△4,000": its size.
  const cleaned = text.replace(/\(\s*([\d,.]+)\s*\)/, "$1").replace(/^[△▲-]\s*/, "");
  const parsed = parseAmount(cleaned);
  const size = decSign(parsed.value) < 0 ? decNeg(parsed.value) : parsed.value;
  const scaled: Dec = decScale(size, UNIT_POWER[unit]);
  const digits = decToString(scaled);
  if (digits.includes(".")) throw new Error(`'${text}' in ${unit} is not a whole number of units`);
  return BigInt(digits);
}

/**
 * Reads a published number: one amount, or both ends of a range, in whole units of currency.
 * Table cells in parentheses or with a minus (cash paid, "(28,107)") read as their size.
 * @param published - the number as the quote writes it
 * @param unit - the unit the words carry ("as_written") or the table states
 * @param range - true to read two ends
 * @example readPublished("(28,107)", "millions", false) // { ok: true, values: [28107000000n] }
 */
export function readPublished(published: string, unit: PublishedUnit, range: boolean): PublishedRead {
  try {
    if (!range) return { ok: true, values: [readOne(collapseSpace(published), unit)] };
    const ends = rangeEnds(collapseSpace(published));
    if (!ends) return { ok: false, reason: `'${published}' is not a range written low–high` };
    let [low, high] = ends;
    // "$60-65 billion": the unit words of the high end apply to a bare low end too.
    if (/\d$/.test(low)) low = `${unitHead(low) ? "" : unitHead(high)}${low}${unitTail(high)}`;
    return { ok: true, values: [readOne(low, unit), readOne(high, unit)] };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
