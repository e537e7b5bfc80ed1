import { AifinError } from "../errors";
import {
  decCompare,
  decDivRoundHalfAwayFromZero,
  decFromNumber,
  decMul,
  decRoundHalfAwayFromZero,
  decToNumber,
  type Dec,
} from "./decimal";
import * as fast from "./fastDecimal";

// The per-value fast path reads these once per module, not once per value: under CommonJS interop
// (ts-jest, tsx, webpack dev builds) every read of an imported binding is a getter call, which
// costs more than the arithmetic itself. Bundled ES modules are unaffected either way.
const fastDecimalPlaces = fast.fastDecimalPlaces;
const mulDivRound = fast.mulDivRoundHalfAwayFromZero;
const POW10 = fast.POW10;

/**
 * A USD→KRW rate checked and taken apart once, so converting many amounts at one rate does no
 * per-value work on the rate. Make it with {@link prepareRate}.
 */
export interface PreparedRate {
  /** The rate as given, in KRW per USD. */
  readonly rate: number;
  /** The rate's exact decimal (as typed, see decFromNumber). */
  readonly dec: Dec;
  /** The rate's mantissa as an integer ≤ 2^52, or 0 when it is too long for the fast path. */
  readonly rm: number;
  /** The rate's decimal places: rate = rm × 10^-rd. */
  readonly rd: number;
}

/** Excel's largest number is 9.99999999999999E+307; results beyond ±9.99e307 are refused. */
const EXCEL_LIMIT: Dec = decFromNumber(9.99e307);

/** 2^52: the largest multiplier and divisor mulDivRoundHalfAwayFromZero takes. */
const TWO_52 = 2 ** 52;

/**
 * Checks a USD→KRW rate and prepares it for repeated conversions.
 * @param rate - KRW per USD, finite and > 0 (e.g. 1320 or 1329.4)
 * @returns the prepared rate, for usdToKrw and krwToUsd
 * @throws AifinError("num", "rateNotPositive") when rate is not a finite number > 0
 * @example usdToKrw(1.15, prepareRate(1310)) // 1507
 */
export function prepareRate(rate: number): PreparedRate {
  if (!(Number.isFinite(rate) && rate > 0)) throw new AifinError("num", "rateNotPositive", { rate });
  const dec = decFromNumber(rate);
  const rm = dec.m <= BigInt(TWO_52) ? Number(dec.m) : 0;
  return { rate, dec, rm, rd: dec.e };
}

// One-entry memo: a matrix converted at one plain-number rate prepares that rate once, and the
// per-value fast path allocates nothing. Invisible to callers (the result depends on inputs only).
let memoRate = Number.NaN;
let memoPrepared: PreparedRate | null = null;

function prepared(rate: number | PreparedRate): PreparedRate {
  if (typeof rate !== "number") return rate;
  if (rate === memoRate && memoPrepared !== null) return memoPrepared;
  const p = prepareRate(rate);
  memoRate = rate;
  memoPrepared = p;
  return p;
}

/**
 * The number Excel gets for an exact amount: the nearest double, refused beyond Excel's range.
 * @param d - an exact amount, in any unit
 * @returns the nearest number, same sign as d; a value too small for a double is 0 (never -0)
 * @throws AifinError("num", "tooLarge") when |d| is beyond 9.99e307
 * @example decToExcelNumber(parseAmount("5,803억원").value) // 580300000000
 */
export function decToExcelNumber(d: Dec): number {
  const magnitude = d.m < 0n ? { m: -d.m, e: d.e } : d;
  if (decCompare(magnitude, EXCEL_LIMIT) > 0) throw new AifinError("num", "tooLarge");
  return decToNumber(d);
}

function exactAmount(amount: number | Dec): Dec {
  return typeof amount === "number" ? decFromNumber(amount) : amount;
}

/**
 * Converts dollars to whole won, exactly: the amount as typed times the rate, rounded once,
 * ties away from zero (1506.5 → 1507, -1506.5 → -1507).
 * @param amount - USD, a number (read as typed: 1.15 is 1.15) or an exact Dec
 * @param rate - KRW per USD (> 0), or a rate from prepareRate
 * @returns KRW, whole won, same sign as amount (the nearest double when beyond 2^53)
 * @throws AifinError("num", "rateNotPositive") for a rate that is not a finite number > 0
 * @throws AifinError("num", "notFinite") for a NaN or infinite amount
 * @throws AifinError("num", "tooLarge") when the result is beyond ±9.99e307
 * @example usdToKrw(1.15, 1310) // 1507 (Math.round(1.15 * 1310) gives 1506)
 * @example usdToKrw(3e9, 1320) // 3960000000000
 */
export function usdToKrw(amount: number | Dec, rate: number | PreparedRate): number {
  const r = prepared(rate);
  if (typeof amount === "number" && r.rm !== 0) {
    const d = fastDecimalPlaces(amount);
    if (d >= 0 && d + r.rd <= 15) {
      // amount × rate = m × rm ÷ 10^(d + rd), with m the amount's mantissa at d places.
      const won = mulDivRound(Math.round(amount * POW10[d]), r.rm, POW10[d + r.rd]);
      if (!Number.isNaN(won)) return won; // done exactly on doubles
    }
  }
  return decToExcelNumber(decRoundHalfAwayFromZero(decMul(exactAmount(amount), r.dec), 0));
}

/**
 * Converts won to dollars, exactly: the amount as typed divided by the rate, rounded once to the
 * cent, ties away from zero.
 * @param amount - KRW, a number (read as typed) or an exact Dec
 * @param rate - KRW per USD (> 0), or a rate from prepareRate
 * @returns USD rounded to the cent (the double nearest that cent value), same sign as amount
 * @throws AifinError("num", "rateNotPositive") for a rate that is not a finite number > 0
 * @throws AifinError("num", "notFinite") for a NaN or infinite amount
 * @throws AifinError("num", "tooLarge") when the result is beyond ±9.99e307
 * @example krwToUsd(3.96e12, 1320) // 3000000000
 * @example krwToUsd(1000, 1329.4) // 0.75
 */
export function krwToUsd(amount: number | Dec, rate: number | PreparedRate): number {
  const r = prepared(rate);
  if (typeof amount === "number" && r.rm !== 0) {
    const d = fastDecimalPlaces(amount);
    const divisor = r.rm * POW10[d < 0 ? 0 : d];
    if (d >= 0 && r.rd <= 13 && divisor <= TWO_52) {
      // amount ÷ rate in cents = m × 10^(rd + 2) ÷ (rm × 10^d), with m the amount's mantissa.
      const cents = mulDivRound(Math.round(amount * POW10[d]), POW10[r.rd + 2], divisor);
      if (!Number.isNaN(cents)) return cents / 100; // exact cents; ÷ 100 gives their nearest double
    }
  }
  return decToExcelNumber(decDivRoundHalfAwayFromZero(exactAmount(amount), r.dec, 2));
}

/**
 * Converts an amount between its currency and another at a rate, by the rules of usdToKrw and
 * krwToUsd (so a figure converted here equals USD_TO_KRW(x, rate) / KRW_TO_USD(x, rate)).
 * @param amount - in whole units of `from` (a number read as typed, or an exact Dec)
 * @param from - the amount's currency
 * @param to - the currency wanted
 * @param rate - KRW per USD (> 0); unused when the currencies are the same
 * @returns the amount in `to`: whole won, or dollars to the cent; unchanged when from = to
 * @example convertAmount(3e9, "USD", "KRW", 1364.435) // 4093305000000
 */
export function convertAmount(amount: number, from: "USD" | "KRW", to: "USD" | "KRW", rate: number | PreparedRate): number {
  if (from === to) return amount;
  return to === "KRW" ? usdToKrw(amount, rate) : krwToUsd(amount, rate);
}
