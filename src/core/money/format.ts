import currency from "currency.js";
import { AifinError } from "../errors";
import { decFromNumber, decRoundHalfAwayFromZero, decScale, type Dec } from "./decimal";

/** A way of writing won: "mixed" Korean units, or one reporting unit (10^power won) with its suffix. */
interface Style {
  readonly power: number;
  readonly suffix: string;
  readonly mixed: boolean;
}

const MIXED: Style = { power: 0, suffix: " 원", mixed: true };

/**
 * Styles by their key: lower-cased, spaces removed, a trailing 원/won/krw removed (so "억원",
 * "억 원" and "억" are one style). English aliases for those who type them.
 */
const STYLES = new Map<string, Style>([
  ["", MIXED],
  ["mixed", MIXED],
  ["korean", MIXED],
  ["억", { power: 8, suffix: "억원", mixed: false }],
  ["eok", { power: 8, suffix: "억원", mixed: false }],
  ["100m", { power: 8, suffix: "억원", mixed: false }],
  ["100million", { power: 8, suffix: "억원", mixed: false }],
  ["hundredmillion", { power: 8, suffix: "억원", mixed: false }],
  ["백만", { power: 6, suffix: "백만원", mixed: false }],
  ["million", { power: 6, suffix: "백만원", mixed: false }],
  ["millions", { power: 6, suffix: "백만원", mixed: false }],
  ["mn", { power: 6, suffix: "백만원", mixed: false }],
  ["m", { power: 6, suffix: "백만원", mixed: false }],
  ["천", { power: 3, suffix: "천원", mixed: false }],
  ["thousand", { power: 3, suffix: "천원", mixed: false }],
  ["thousands", { power: 3, suffix: "천원", mixed: false }],
  ["k", { power: 3, suffix: "천원", mixed: false }],
  ["원", { power: 0, suffix: "원", mixed: false }],
  ["won", { power: 0, suffix: "원", mixed: false }],
  ["krw", { power: 0, suffix: "원", mixed: false }],
]);
const STYLE_NAMES = "억원, 백만원, 천원, 원 (or blank for mixed units)";

function styleOf(style: string | null | undefined): Style {
  if (style === null || style === undefined) return MIXED;
  // No style name is long: refused before NFKC, which may make a long text 18× longer.
  if (style.length > 32) throw new AifinError("value", "unknownStyle", { style, styles: STYLE_NAMES });
  let key = style.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  for (const currencyWord of ["원", "won", "krw"]) {
    if (key.length > currencyWord.length && key.endsWith(currencyWord)) key = key.slice(0, -currencyWord.length);
  }
  const found = STYLES.get(key);
  if (found === undefined) throw new AifinError("value", "unknownStyle", { style, styles: STYLE_NAMES });
  return found;
}

/** Korean units of 10^4 groups, largest first; nothing above 경 (the 경 figure just grows). */
const GROUP_UNITS: readonly (readonly [string, bigint])[] = [
  ["경", 10n ** 16n],
  ["조", 10n ** 12n],
  ["억", 10n ** 8n],
  ["만", 10n ** 4n],
];

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const GROUPED = /^\d{1,3}(?:,\d{3})*$/;

/** Writes a whole number ≥ 0 with thousands separators: 3960000 → "3,960,000". */
function withThousands(n: bigint): string {
  if (n > MAX_SAFE) {
    // currency.js keeps its value in a double, which above 2^53 no longer holds every integer:
    // it would print a neighbouring number. Group the BigInt's own digits instead.
    const digits = n.toString();
    const head = digits.length % 3 || 3;
    const parts = [digits.slice(0, head)];
    for (let i = head; i < digits.length; i += 3) parts.push(digits.slice(i, i + 3));
    return parts.join(",");
  }
  const value = Number(n);
  const c = currency(value, { symbol: "", separator: ",", decimal: ".", precision: 0, errorOnInvalid: true });
  const text = c.format();
  // currency.js turns what it cannot read into 0 rather than failing: check it kept our integer.
  if (c.intValue !== value || !GROUPED.test(text)) throw new Error(`currency.js misread ${n} as '${text}'`);
  return text;
}

function mixedUnits(n: bigint): string {
  const parts: string[] = [];
  let rest = n;
  for (const [unit, size] of GROUP_UNITS) {
    const group = rest / size;
    rest %= size;
    if (group !== 0n) parts.push(withThousands(group) + unit);
  }
  if (rest !== 0n || parts.length === 0) parts.push(withThousands(rest));
  return parts.join(" ");
}

/** The exact amount: a whole double as the integer it holds (exact above 2^53), else as typed. */
function exactWon(amount: number | Dec): Dec {
  if (typeof amount !== "number") return amount;
  return Number.isInteger(amount) ? { m: BigInt(amount), e: 0 } : decFromNumber(amount);
}

/**
 * Writes an amount of won in Korean: mixed units by default, or in one reporting unit.
 * The amount is rounded once, half away from zero, to the style's unit: whole won for the
 * mixed and "원" styles, 억 for "억원", and so on.
 * @param amount - KRW, a number (a whole double is taken exactly, a fraction as typed) or a Dec
 * @param style - blank (mixed: "3조 9,600억 원"), "억원", "백만원", "천원" or "원"; spaces, the
 *   trailing 원 and case do not matter; English aliases "eok", "million", "thousand", "won"
 * @returns the text, with a leading "-" for negatives ("0" never carries a sign)
 * @throws AifinError("value", "unknownStyle") for any other style
 * @throws AifinError("num", "notFinite") for a NaN or infinite amount
 * @example formatKrw(3960000000000) // "3조 9,600억 원"
 * @example formatKrw(3960000000000, "억원") // "39,600억원"
 */
export function formatKrw(amount: number | Dec, style?: string | null): string {
  const s = styleOf(style);
  const units = decRoundHalfAwayFromZero(decScale(exactWon(amount), -s.power), 0).m;
  const sign = units < 0n ? "-" : "";
  const magnitude = units < 0n ? -units : units;
  return sign + (s.mixed ? mixedUnits(magnitude) : withThousands(magnitude)) + s.suffix;
}
