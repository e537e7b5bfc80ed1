import { AifinError } from "../errors";

/**
 * An exact decimal number: the value `m × 10^-e`.
 * Normalised: `e ≥ 0`, and when `e > 0` the mantissa `m` is not a multiple of 10, so every value
 * has exactly one representation (zero is `{ m: 0n, e: 0 }`) and structural equality is equality.
 * @example { m: 115n, e: 2 } // 1.15
 */
export interface Dec {
  /** The signed integer mantissa. */
  readonly m: bigint;
  /** The number of decimal places, an integer ≥ 0. */
  readonly e: number;
}

const ZERO: Dec = { m: 0n, e: 0 };

/** 10^0 … 10^63 as BigInt, so the common scalings cost a lookup instead of an exponentiation. */
const POW10_SMALL: readonly bigint[] = Array.from({ length: 64 }, (_, k) => 10n ** BigInt(k));

function pow10(k: number): bigint {
  return k < POW10_SMALL.length ? POW10_SMALL[k] : 10n ** BigInt(k);
}

function abs(m: bigint): bigint {
  return m < 0n ? -m : m;
}

function requireInteger(k: number, what: string): void {
  // A non-integer count of places is a programming error, not a user's input: RangeError, not AifinError.
  if (!Number.isSafeInteger(k)) throw new RangeError(`${what} must be an integer, not ${k}`);
}

/** Builds the one normalised Dec for `m × 10^-e`; e may be negative (the value is then an integer). */
function normalise(m: bigint, e: number): Dec {
  if (m === 0n) return ZERO;
  if (e < 0) return { m: m * pow10(-e), e: 0 };
  while (e > 0 && m % 10n === 0n) {
    m /= 10n;
    e -= 1;
  }
  return { m, e };
}

/** Reads the numerals JavaScript prints for a finite number: `-1.5e-7`, `1e+21`, `1234.5`. */
const JS_NUMERAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * The exact decimal of a JavaScript number as it is typed: the shortest decimal that reads back
 * as the same double, i.e. the digits `String(x)` prints (so 1.15 is 1.15, not 1.149999…).
 * @param x - a finite number, in any unit; -0 becomes 0
 * @returns the decimal, same sign as x
 * @throws AifinError("num", "notFinite") for NaN, Infinity and -Infinity
 * @example decFromNumber(1.15) // { m: 115n, e: 2 }
 * @example decFromNumber(1e21) // { m: 1000000000000000000000n, e: 0 }
 */
export function decFromNumber(x: number): Dec {
  if (!Number.isFinite(x)) throw new AifinError("num", "notFinite", { text: String(x) });
  if (x === 0) return ZERO;
  const text = String(x);
  const parts = JS_NUMERAL.exec(text);
  if (parts === null) throw new RangeError(`unexpected numeral ${text}`);
  const [, sign, whole, fraction = "", exponent = "0"] = parts;
  const m = BigInt(whole + fraction);
  return normalise(sign === "-" ? -m : m, fraction.length - Number(exponent));
}

/** A plain ASCII decimal: optional sign, digits, optional point and digits; at least one digit. */
const PLAIN_DIGITS = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * The exact decimal written in a plain ASCII string of digits (no grouping, no exponent).
 * @param text - like "-1234.5600", "0.5", ".5" or "+7"
 * @returns the decimal, normalised (trailing fraction zeros dropped)
 * @throws AifinError("value", "notAnAmount") when text is anything else
 * @example decFromDigits("-1234.5600") // { m: -123456n, e: 2 }
 */
export function decFromDigits(text: string): Dec {
  const parts = PLAIN_DIGITS.exec(text);
  if (parts === null || parts[2].length + (parts[3] ?? "").length === 0) {
    throw new AifinError("value", "notAnAmount", { text });
  }
  const [, sign, whole, fraction = ""] = parts;
  const m = BigInt(whole + fraction);
  return normalise(sign === "-" ? -m : m, fraction.length);
}

/**
 * The exact product of two decimals.
 * @param a - a decimal, in any unit
 * @param b - a decimal, in any unit
 * @returns a × b, exact, in the product of the units
 * @example decMul(decFromNumber(1.15), decFromNumber(1310)) // { m: 15065n, e: 1 } (1506.5)
 */
export function decMul(a: Dec, b: Dec): Dec {
  return normalise(a.m * b.m, a.e + b.e);
}

/**
 * The exact sum of two decimals.
 * @param a - a decimal
 * @param b - a decimal in the same unit
 * @returns a + b, exact
 * @example decAdd(decFromDigits("0.1"), decFromDigits("0.2")) // { m: 3n, e: 1 }
 */
export function decAdd(a: Dec, b: Dec): Dec {
  if (a.e === b.e) return normalise(a.m + b.m, a.e);
  return a.e > b.e ? normalise(a.m + b.m * pow10(a.e - b.e), a.e) : normalise(a.m * pow10(b.e - a.e) + b.m, b.e);
}

/**
 * The exact negation of a decimal.
 * @param a - a decimal
 * @returns -a (zero stays zero)
 * @example decNeg(decFromDigits("4000")) // { m: -4000n, e: 0 }
 */
export function decNeg(a: Dec): Dec {
  return a.m === 0n ? a : { m: -a.m, e: a.e };
}

/**
 * The exact difference of two decimals.
 * @param a - a decimal
 * @param b - a decimal in the same unit
 * @returns a − b, exact
 * @example decSub(decFromDigits("1"), decFromDigits("0.01")) // { m: 99n, e: 2 }
 */
export function decSub(a: Dec, b: Dec): Dec {
  return decAdd(a, decNeg(b));
}

/**
 * Compares two decimals exactly.
 * @param a - a decimal
 * @param b - a decimal in the same unit
 * @returns -1 when a < b, 0 when equal, 1 when a > b
 * @example decCompare(decFromDigits("1.5"), decFromDigits("1.50")) // 0
 */
export function decCompare(a: Dec, b: Dec): -1 | 0 | 1 {
  let x = a.m;
  let y = b.m;
  if (a.e > b.e) y *= pow10(a.e - b.e);
  else if (b.e > a.e) x *= pow10(b.e - a.e);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Whether a decimal is zero.
 * @param a - a decimal
 * @returns true exactly when a = 0
 * @example decIsZero(decFromNumber(-0)) // true
 */
export function decIsZero(a: Dec): boolean {
  return a.m === 0n;
}

/**
 * The sign of a decimal.
 * @param a - a decimal
 * @returns -1 for negative, 0 for zero, 1 for positive
 * @example decSign(decFromDigits("-0.5")) // -1
 */
export function decSign(a: Dec): -1 | 0 | 1 {
  return a.m < 0n ? -1 : a.m > 0n ? 1 : 0;
}

/**
 * Multiplies a decimal by a power of ten, exactly (a change of unit, e.g. 억 to won).
 * @param d - a decimal
 * @param power10 - the integer k in 10^k; negative divides
 * @returns d × 10^k, exact, same sign as d
 * @example decScale(decFromDigits("3.5"), 9) // { m: 3500000000n, e: 0 }
 */
export function decScale(d: Dec, power10: number): Dec {
  requireInteger(power10, "power10");
  return normalise(d.m, d.e - power10);
}

/**
 * Rounds a decimal to a number of decimal places, ties away from zero (2.5 → 3, -2.5 → -3).
 * @param d - a decimal
 * @param places - decimal places to keep, an integer; negative rounds to tens, hundreds, …
 * @returns the rounded decimal, same sign as d or zero
 * @example decRoundHalfAwayFromZero(decFromDigits("1506.5"), 0) // { m: 1507n, e: 0 }
 */
export function decRoundHalfAwayFromZero(d: Dec, places: number): Dec {
  requireInteger(places, "places");
  if (d.e <= places) return d;
  const s = pow10(d.e - places);
  let q = d.m / s; // BigInt division truncates toward zero
  const r = d.m % s; // and the remainder takes the sign of the dividend
  if (2n * abs(r) >= s) q += d.m < 0n ? -1n : 1n;
  return normalise(q, places);
}

/**
 * Divides two decimals exactly and rounds the quotient once, ties away from zero.
 * @param a - the dividend
 * @param b - the divisor, not zero
 * @param places - decimal places of the result, an integer (may be negative)
 * @returns a ÷ b rounded to `places`, in the unit of a per unit of b; sign of a × b
 * @throws AifinError("num", "divideByZero") when b is zero
 * @example decDivRoundHalfAwayFromZero(decFromDigits("1000"), decFromDigits("1329.4"), 2) // { m: 75n, e: 2 }
 */
export function decDivRoundHalfAwayFromZero(a: Dec, b: Dec, places: number): Dec {
  requireInteger(places, "places");
  if (b.m === 0n) throw new AifinError("num", "divideByZero");
  // a / b × 10^places = (a.m / b.m) × 10^(b.e − a.e + places): an integer ratio n / d to round.
  const k = b.e - a.e + places;
  const n = k >= 0 ? a.m * pow10(k) : a.m;
  const d = k >= 0 ? b.m : b.m * pow10(-k);
  let q = n / d;
  const r = n % d;
  if (2n * abs(r) >= abs(d)) q += (n < 0n) === (d < 0n) ? 1n : -1n;
  return normalise(q, places);
}

/**
 * The double nearest to a decimal (correctly rounded: JavaScript reads the numeral
 * `<digits>e-<places>` to the nearest double, as V8 and every current engine do).
 * @param d - a decimal
 * @returns the nearest number; ±Infinity beyond the double range, 0 for tiny values (never -0)
 * @example decToNumber({ m: 75n, e: 2 }) // 0.75
 */
export function decToNumber(d: Dec): number {
  // `+ 0`: a negative value too small for a double reads as -0, which Excel must not get.
  return Number(`${d.m}e-${d.e}`) + 0;
}

/**
 * The decimal written out in plain digits (no exponent, no grouping).
 * @param d - a decimal
 * @returns e.g. "-1234.56", "0.005", "3500000000"
 * @example decToString(decFromNumber(1.5e-7)) // "0.00000015"
 */
export function decToString(d: Dec): string {
  if (d.e === 0) return d.m.toString();
  const digits = abs(d.m).toString().padStart(d.e + 1, "0");
  const cut = digits.length - d.e;
  return `${d.m < 0n ? "-" : ""}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}
