/* Text written through `Range.values` is parsed by Excel the way typed input is: "=SUM(A1)" becomes
 * a formula, "2024-11" a date, "1,200" a number. Excel's own answer for "keep this as text" is a
 * leading apostrophe, the quote prefix: Excel stores the rest of the text, hides the apostrophe
 * and gives the text back without it when `values` is read. */

/** First characters that make Excel read text as a formula (the "@" of old Lotus formulas included). */
const FORMULA_LEADS = new Set(["=", "+", "-", "@", "\u2212"]);

/** First characters of text Excel may turn into a number, date, time, currency or error. */
const COERCIBLE_LEAD = /^[\d.,(#$%₩\u00a3\u20ac\u00a5]/;

/** Words Excel reads as logical values. */
const LOGICAL = /^(true|false)$/i;

/**
 * A month's name or abbreviation followed by a day or a year ("March 2024", "Mar-24", "Sep 5,
 * 2024"): Excel reads it as a date, as it reads what is typed.
 */
const MONTH_DATE = /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?[\s,\-/]*\d/i;

/**
 * Makes dataset text safe for `Range.values`: text that would become a formula, or that Excel would
 * retype (a number, a date, a logical value, an error; white space around it is no protection,
 * Excel trims it), or that begins with an apostrophe Excel would swallow, gets a leading
 * apostrophe (Excel's quote prefix), so the cell holds exactly the text.
 * @param text - text from a dataset or a feed
 * @returns the text to assign, prefixed with "'" where needed
 * @example escapeCellText("=HYPERLINK(\"x\")") // "'=HYPERLINK(\"x\")"
 * @example escapeCellText("2024-11") // "'2024-11" (would become a date)
 * @example escapeCellText("March 2024") // "'March 2024" (a date too)
 * @example escapeCellText(" 42") // "' 42" (Excel would store the number 42)
 * @example escapeCellText("OpenAI") // "OpenAI"
 */
export function escapeCellText(text: string): string {
  if (text === "") return text;
  const first = text[0];
  if (FORMULA_LEADS.has(first) || first === "'") return `'${text}`;
  const trimmed = text.trim();
  if (COERCIBLE_LEAD.test(trimmed) || FORMULA_LEADS.has(trimmed[0]) || LOGICAL.test(trimmed) || MONTH_DATE.test(trimmed)) return `'${text}`;
  return text;
}

/**
 * What Excel gives back for text written with {@link escapeCellText}: the text without its quote prefix.
 * @param written - a value as assigned to `Range.values`
 * @returns the value a later read of `values` returns
 * @example unescapeCellText("'2024-11") // "2024-11"
 */
export function unescapeCellText(written: string): string {
  return written.startsWith("'") ? written.slice(1) : written;
}
