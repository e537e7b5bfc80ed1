/**
 * The fast path of exact money arithmetic, with plain doubles and no allocation: recovering the
 * decimal a double stands for, and an exact rounded m × mul ÷ div on integers. Internal to
 * src/core/money (not re-exported from the index); the BigInt Dec path is the fallback.
 *
 * Why it is exact. A decimal with at most 15 significant digits survives the trip to a double and
 * back (DBL_DIG = 15), so two different such decimals never map to the same double. If an integer
 * m with |m| < 10^15 satisfies m / 10^d === x (a correctly rounded division of two exact doubles,
 * i.e. the double nearest to the decimal m·10^-d), that decimal has at most 15 significant digits
 * and reads back as x. String(x) prints the shortest decimal that reads back as x; it has at most
 * as many significant digits, hence at most 15, and reads back as x too: by uniqueness it is the
 * same value. Safe integers are their own shortest decimal (their ulp is at most 1, so no other
 * decimal as short lies within half an ulp). The property tests check both claims against String.
 */

/** 10^0 … 10^22 as doubles: every one is exactly representable (5^22 < 2^53). */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** Largest decimal places tried: 10^15 keeps every product below in exact integer range. */
const MAX_PLACES = 15;

/** Exclusive bound on the mantissa: below it a decimal has at most 15 significant digits. */
const MANTISSA_BOUND = 1e15;

/**
 * How many decimal places x needs so that `Math.round(x * POW10[d])` is the exact mantissa of
 * the decimal String(x) prints; -1 when the fast path cannot prove it (the caller then uses BigInt).
 * @param x - any number
 * @returns d in 0…15 with the mantissa a safe integer, or -1
 * @example fastDecimalPlaces(1.15) // 2 (mantissa 115: 1.15 has at most two places)
 * @example fastDecimalPlaces(0.1 + 0.2) // -1 (0.30000000000000004 has 17 digits)
 */
export function fastDecimalPlaces(x: number): number {
  if (Number.isSafeInteger(x)) return 0;
  // Money is mostly whole units or cents: try two places first. Trailing zeros do not matter to
  // the callers (they use the value m / 10^d, not the digit count), so 1.5 → (150, 2) is fine.
  const m2 = Math.round(x * 100);
  if (m2 / 100 === x) return Math.abs(m2) < MANTISSA_BOUND ? 2 : -1;
  for (let d = 3; d <= MAX_PLACES; d++) {
    const m = Math.round(x * POW10[d]);
    // Written as !(a < b) so NaN and Infinity leave here too.
    if (!(Math.abs(m) < MANTISSA_BOUND)) return -1;
    if (m / POW10[d] === x) return d;
  }
  return -1;
}

/** 2^52: an integer up to here times a quotient's divisor stays exact (≤ 2^53). */
const TWO_52 = 2 ** 52;

/** a ÷ divisor rounded half up, exact, for integers 0 ≤ a ≤ 2^52 and 0 < divisor ≤ 2^52. */
function roundedQuotient(a: number, divisor: number): number {
  // The float quotient is off by at most one; q × divisor ≤ a + divisor ≤ 2^53 is exact, so the
  // remainder is exact and corrects q.
  let q = Math.floor(a / divisor);
  let r = a - q * divisor;
  if (r < 0) {
    q -= 1;
    r += divisor;
  } else if (r >= divisor) {
    q += 1;
    r -= divisor;
  }
  return r + r >= divisor ? q + 1 : q;
}

/**
 * m × mul ÷ div rounded to an integer, ties away from zero, computed exactly with doubles; NaN
 * when it cannot be done exactly this way (the caller then uses BigInt).
 * @param m - a safe integer, any sign
 * @param mul - an integer, 0 < mul ≤ 2^52
 * @param div - an integer, 0 < div ≤ 2^52
 * @returns the rounded quotient, a safe integer with the sign of m (never -0), or NaN
 * @example mulDivRoundHalfAwayFromZero(115, 1310, 100) // 1507 (1506.5 rounds away from zero)
 */
export function mulDivRoundHalfAwayFromZero(m: number, mul: number, div: number): number {
  const a = m < 0 ? -m : m;
  const p = a * mul;
  let q: number;
  if (p <= TWO_52) {
    // The product is exact (an integer below 2^53 is; a larger true product rounds to ≥ 2^52+1).
    q = roundedQuotient(p, div);
  } else {
    // Split a = h × div + b, 0 ≤ b < div: a × mul ÷ div = h × mul + b × mul ÷ div, where h × mul
    // is an integer and only the small b × mul ÷ div needs rounding.
    if (a > TWO_52) return Number.NaN;
    let h = Math.floor(a / div);
    let b = a - h * div;
    if (b < 0) {
      h -= 1;
      b += div;
    } else if (b >= div) {
      h += 1;
      b -= div;
    }
    const low = b * mul;
    if (!(low <= TWO_52)) return Number.NaN;
    // A true sum above 2^53 − 1 rounds to ≥ 2^53, so the check below catches every inexact sum.
    q = h * mul + roundedQuotient(low, div);
    if (!(q <= Number.MAX_SAFE_INTEGER)) return Number.NaN;
  }
  // `+ 0` turns a -0 (a negative amount rounding to zero) into 0.
  return (m < 0 ? -q : q) + 0;
}
