import currency from "currency.js";
import { AifinError } from "../errors";
import { decFromNumber, decRoundHalfAwayFromZero, decScale, type Dec } from "./decimal";

/** A way of writing won: "mixed" Korean units, or one unit (10^power won) with its suffix. */
interface Style {
  readonly power: number;
  readonly suffix: string;
  readonly mixed: boolean;
}

const MIXED: Style = { power: 0, suffix: " 원", mixed: true };
const WON: Style = { power: 0, suffix: "원", mixed: false };
const unit = (power: number, suffix: string): Style => ({ power, suffix, mixed: false });
const CHEON = unit(3, "천원");
const MAN = unit(4, "만원");
const BAEKMAN = unit(6, "백만원");
const EOK = unit(8, "억원");
const JO = unit(12, "조원");

/**
 * Styles by their key: lower-cased, spaces removed, a trailing 원/won/krw removed (so "억원",
 * "억 원" and "억" are one style). English aliases for those who type them.
 */
const STYLES = new Map<string, Style>([
  ["", MIXED],
  ["mixed", MIXED],
  ["korean", MIXED],
  ["조", JO],
  ["jo", JO],
  ["trillion", JO],
  ["억", EOK],
  ["eok", EOK],
  ["100m", EOK],
  ["100million", EOK],
  ["hundredmillion", EOK],
  ["백만", BAEKMAN],
  ["million", BAEKMAN],
  ["millions", BAEKMAN],
  ["mn", BAEKMAN],
  ["m", BAEKMAN],
  ["만", MAN],
  ["man", MAN],
  ["10k", MAN],
  ["tenthousand", MAN],
  ["천", CHEON],
  ["thousand", CHEON],
  ["thousands", CHEON],
  ["k", CHEON],
  ["원", WON],
  ["won", WON],
  ["krw", WON],
]);
const STYLE_NAMES = "조원, 억원, 백만원, 만원, 천원, 원 (or blank for mixed units)";

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

/** The decimals asked for, checked against the style: whole numbers from 0 to the unit's power. */
function placesOf(decimals: number | null | undefined, s: Style, style: string | null | undefined): number | null {
  if (decimals === null || decimals === undefined) return null;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > s.power) {
    throw new AifinError("value", "badDecimals", { decimals: String(decimals), style: s.mixed ? (style ?? "") || "mixed" : s.suffix, max: s.power });
  }
  return decimals;
}

/** Writes a rounded magnitude (≥ 0) with thousands separators and exactly `places` decimals. */
function fixed(magnitude: Dec, places: number, mixed: boolean): string {
  const digits = (magnitude.m * 10n ** BigInt(places - magnitude.e)).toString().padStart(places + 1, "0");
  const whole = BigInt(digits.slice(0, digits.length - places));
  const text = mixed ? mixedUnits(whole) : withThousands(whole);
  return places === 0 ? text : `${text}.${digits.slice(digits.length - places)}`;
}

/**
 * Writes an amount of won in Korean: mixed units by default, or in one reporting unit.
 * The amount is rounded once, half away from zero: to the whole won in the mixed and "원" styles;
 * in a reporting unit (조원, 억원, 백만원, 만원, 천원) to `decimals` places of that unit, or, with
 * `decimals` omitted, to the whole unit unless that would write a nonzero amount as 0, in which
 * case to the fewest places that show it (KRW_FORMAT(-40000000, "억원") is "-0.4억원", never "0억원").
 * The sign of a negative amount is always written, even where it rounds to zero ("-0억원").
 * @param amount - KRW, a number (a whole double is taken exactly, a fraction as typed) or a Dec
 * @param style - blank (mixed: "3조 9,600억 원"), "조원", "억원", "백만원", "만원", "천원" or "원";
 *   spaces, the trailing 원 and case do not matter; English aliases "trillion", "eok", "million",
 *   "man", "thousand", "won"
 * @param decimals - decimal places of the reporting unit, a whole number from 0 to the unit's
 *   power (8 for 억원); omitted: see above; the mixed and "원" styles take only 0
 * @returns the text, with a leading "-" for every negative amount (zero never carries a sign)
 * @throws AifinError("value", "unknownStyle") for any other style
 * @throws AifinError("value", "badDecimals") for decimals that are not a whole number in range
 * @throws AifinError("num", "notFinite") for a NaN or infinite amount
 * @example formatKrw(3960000000000) // "3조 9,600억 원"
 * @example formatKrw(3960000000000, "억원") // "39,600억원"
 * @example formatKrw(3960000000000, "조원", 1) // "4.0조원"
 * @example formatKrw(-40000000, "억원") // "-0.4억원"
 */
export function formatKrw(amount: number | Dec, style?: string | null, decimals?: number | null): string {
  const s = styleOf(style);
  const asked = placesOf(decimals, s, style);
  const exact = exactWon(amount);
  const inUnits = decScale(exact, -s.power);
  let places = asked ?? 0;
  let rounded = decRoundHalfAwayFromZero(inUnits, places);
  // Omitted decimals never turn a nonzero amount into 0: the fewest places that show it.
  while (asked === null && rounded.m === 0n && exact.m !== 0n && places < s.power) {
    places++;
    rounded = decRoundHalfAwayFromZero(inUnits, places);
  }
  if (rounded.m === 0n) places = asked ?? 0; // below half a won: zero at every place, written plainly
  const sign = exact.m < 0n ? "-" : "";
  const magnitude = rounded.m < 0n ? { m: -rounded.m, e: rounded.e } : rounded;
  return sign + fixed(magnitude, places, s.mixed) + s.suffix;
}
