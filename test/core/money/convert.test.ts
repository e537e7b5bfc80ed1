import Big from "big.js";
import fc from "fast-check";
import { failure as thrown } from "../../support/failure";
import { krwToUsd, prepareRate, usdToKrw } from "../../../src/core/money/convert";
import { decFromDigits, decFromNumber } from "../../../src/core/money/decimal";

const RUNS = { numRuns: 1000 };
const EXCEL_LIMIT = new Big("9.99e307");

/** big.js with ties rounded away from zero and 2 places for division (cents). */
const Cents = Big();
Cents.DP = 2;
Cents.RM = Big.roundHalfUp;

/** The oracle: amount as typed × rate as typed, rounded once to whole won. */
function wonOracle(x: number, rate: number): Big {
  return new Big(String(x)).times(String(rate)).round(0, Big.roundHalfUp);
}
/** The oracle: amount as typed ÷ rate as typed, rounded once to the cent. */
function centsOracle(x: number, rate: number): Big {
  return new Cents(String(x)).div(String(rate));
}

/** Agrees with an oracle: the same number, or tooLarge exactly when the oracle is beyond Excel. */
function agrees(run: () => number, oracle: Big): boolean {
  if (oracle.abs().gt(EXCEL_LIMIT)) return thrown(run).key === "tooLarge";
  const got = run();
  return got === oracle.toNumber() && !Object.is(got, -0);
}

const moneyLike = fc.oneof(
  fc.integer({ min: -1e13, max: 1e13 }),
  fc.integer({ min: -1e15, max: 1e15 }).map((c) => c / 100),
  fc.integer({ min: -1e6, max: 1e6 }).map((c) => c / 100),
);
const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
const inRange = fc.double({ min: -1e15, max: 1e15, noNaN: true });
const rates = fc.oneof(
  fc.constantFrom(1320, 1329.4, 1371.24, 1310, 0.5, 1e-3, 1e-7, 1234.5678, 1e5, 0.1 + 0.2),
  fc.double({ min: 1e-6, max: 1e6, noNaN: true }).filter((r) => r > 0),
);

describe("usdToKrw", () => {
  it.each([
    [1.15, 1310, 1507],
    [-1.15, 1310, -1507],
    [3e9, 1320, 3_960_000_000_000],
    [1, 1329.4, 1329],
    [0.5, 1, 1],
    [-0.5, 1, -1],
    [10, 0.1 + 0.2, 3],
    [1e13, 1371.24, 13_712_400_000_000_000],
    [0, 1320, 0],
  ])("converts %p USD at %p to %p KRW", (amount, rate, won) => {
    expect(usdToKrw(amount, rate)).toBe(won);
  });

  it("rounds where the float product would not: 1.15 × 1310 is 1506.5, not 1506.4999…", () => {
    expect(Math.round(1.15 * 1310)).toBe(1506);
    expect(usdToKrw(1.15, 1310)).toBe(1507);
  });

  it("gives 0, never -0, for a negative amount that rounds to zero", () => {
    expect(Object.is(usdToKrw(-0.0001, 1310), 0)).toBe(true);
    expect(Object.is(usdToKrw(-0, 1310), 0)).toBe(true);
  });

  it("takes an exact Dec amount and a prepared rate", () => {
    expect(usdToKrw(decFromDigits("1.15"), prepareRate(1310))).toBe(1507);
    expect(usdToKrw(decFromDigits("100000000000000000000.5"), 1)).toBe(1e20);
  });

  it.each([0, -1320, Number.NaN, Infinity, -Infinity])("throws #NUM rateNotPositive for the rate %p", (rate) => {
    const error = thrown(() => usdToKrw(1, rate));
    expect([error.kind, error.key]).toEqual(["num", "rateNotPositive"]);
  });

  it.each([Number.NaN, Infinity, -Infinity])("throws #NUM notFinite for the amount %p", (amount) => {
    const error = thrown(() => usdToKrw(amount, 1320));
    expect([error.kind, error.key]).toEqual(["num", "notFinite"]);
  });

  it.each([
    [1e300, 1e10],
    [-1e300, 1e10],
    [Number.MAX_VALUE, 1320],
  ])("throws #NUM tooLarge for %p at %p", (amount, rate) => {
    const error = thrown(() => usdToKrw(amount, rate));
    expect([error.kind, error.key]).toEqual(["num", "tooLarge"]);
  });

  it("equals the big.js oracle for money-like amounts", () => {
    fc.assert(fc.property(moneyLike, rates, (x, r) => agrees(() => usdToKrw(x, r), wonOracle(x, r))), RUNS);
  });

  it("equals the big.js oracle for arbitrary doubles within ±1e15", () => {
    fc.assert(fc.property(inRange, rates, (x, r) => agrees(() => usdToKrw(x, r), wonOracle(x, r))), RUNS);
  });

  it("equals the big.js oracle for arbitrary doubles, refusing results beyond Excel", () => {
    fc.assert(fc.property(anyDouble, rates, (x, r) => agrees(() => usdToKrw(x, r), wonOracle(x, r))), RUNS);
  });

  it("gives the same answer on the fast path (numbers) and the BigInt path (Dec)", () => {
    fc.assert(
      fc.property(fc.oneof(moneyLike, inRange), rates, (x, r) => {
        const p = prepareRate(r);
        return usdToKrw(x, r) === usdToKrw(decFromNumber(x), r) && usdToKrw(x, p) === usdToKrw(decFromNumber(x), p);
      }),
      RUNS,
    );
  });
});

describe("krwToUsd", () => {
  it.each([
    [3.96e12, 1320, 3e9],
    [1000, 1329.4, 0.75],
    [1507, 1310, 1.15],
    [6.6, 1320, 0.01],
    [-6.6, 1320, -0.01],
    [1, 3, 0.33],
    [2, 3, 0.67],
    [0, 1320, 0],
  ])("converts %p KRW at %p to %p USD", (amount, rate, usd) => {
    expect(krwToUsd(amount, rate)).toBe(usd);
  });

  it("gives 0, never -0, for a negative amount that rounds to zero", () => {
    expect(Object.is(krwToUsd(-1, 1320), 0)).toBe(true);
  });

  it("takes an exact Dec amount and a prepared rate", () => {
    expect(krwToUsd(decFromDigits("3960000000000"), prepareRate(1320))).toBe(3e9);
  });

  it.each([0, -1, Number.NaN, Infinity])("throws #NUM rateNotPositive for the rate %p", (rate) => {
    const error = thrown(() => krwToUsd(1, rate));
    expect([error.kind, error.key]).toEqual(["num", "rateNotPositive"]);
  });

  it("throws #NUM notFinite for a NaN amount and tooLarge beyond Excel", () => {
    expect(thrown(() => krwToUsd(Number.NaN, 1320)).key).toBe("notFinite");
    expect(thrown(() => krwToUsd(1e300, 1e-10)).key).toBe("tooLarge");
  });

  it("equals the big.js oracle (div to 2 places, ties away from zero) for money-like amounts", () => {
    fc.assert(fc.property(moneyLike, rates, (x, r) => agrees(() => krwToUsd(x, r), centsOracle(x, r))), RUNS);
  });

  it("equals the big.js oracle for arbitrary doubles", () => {
    fc.assert(fc.property(fc.oneof(inRange, anyDouble), rates, (x, r) => agrees(() => krwToUsd(x, r), centsOracle(x, r))), RUNS);
  });

  it("gives the same answer on the fast path (numbers) and the BigInt path (Dec)", () => {
    fc.assert(
      fc.property(fc.oneof(moneyLike, inRange), rates, (x, r) => krwToUsd(x, r) === krwToUsd(decFromNumber(x), r)),
      RUNS,
    );
  });
});

describe("prepareRate", () => {
  it("takes the rate apart once: mantissa and places", () => {
    expect(prepareRate(1329.4)).toEqual({ rate: 1329.4, dec: { m: 13294n, e: 1 }, rm: 13294, rd: 1 });
  });

  it("leaves a rate too long for doubles to the BigInt path (rm = 0)", () => {
    expect(prepareRate(0.1 + 0.2).rm).toBe(0);
  });

  it("throws #NUM rateNotPositive for a rate that is not a positive number", () => {
    const error = thrown(() => prepareRate(-1));
    expect([error.kind, error.key, error.params]).toEqual(["num", "rateNotPositive", { rate: -1 }]);
  });
});
