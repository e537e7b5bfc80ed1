import Big from "big.js";
import fc from "fast-check";
import { fastDecimalPlaces, mulDivRoundHalfAwayFromZero, POW10 } from "../../../src/core/money/fastDecimal";

const RUNS = { numRuns: 1000 };

/** The decimal the fast path claims x stands for: Math.round(x · 10^d) / 10^d, exactly. */
function claimed(x: number, d: number): Big {
  return new Big(Math.round(x * POW10[d])).div(new Big(10).pow(d));
}

/** Money-like doubles: whole units or cents, up to 1e13, either sign. */
const moneyLike = fc.oneof(
  fc.integer({ min: -1e13, max: 1e13 }).map((c) => c / 100),
  fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
  fc.integer({ min: -1e9, max: 1e9 }),
);

describe("POW10", () => {
  it("holds 10^0 … 10^22 exactly", () => {
    POW10.forEach((p, k) => expect(BigInt(p)).toBe(10n ** BigInt(k)));
  });
});

describe("fastDecimalPlaces", () => {
  it.each([
    [1.15, 2],
    [3e9, 0],
    [-0, 0],
    [0.5, 2],
    [1371.24, 2],
    [1.5e-7, 8],
    [0.001, 3],
    [0.1 + 0.2, -1],
    [2 ** 53, -1],
    [1e300, -1],
    [Number.NaN, -1],
    [Infinity, -1],
  ])("gives %p the places %p", (x, d) => {
    expect(fastDecimalPlaces(x)).toBe(d);
  });

  it("claims exactly the decimal String(x) prints, for arbitrary doubles", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const d = fastDecimalPlaces(x);
        return d < 0 || claimed(x, d).eq(new Big(String(x)));
      }),
      { numRuns: 20000 },
    );
  });

  it("claims exactly the decimal String(x) prints, for doubles with up to 15 digits", () => {
    // Built from a decimal so the fast path is taken often, at every scale it covers.
    const fromDecimal = fc
      .tuple(fc.integer({ min: -(1e15 - 1), max: 1e15 - 1 }), fc.integer({ min: 0, max: 22 }))
      .map(([m, k]) => m / POW10[k]);
    fc.assert(
      fc.property(fromDecimal, (x) => {
        const d = fastDecimalPlaces(x);
        return d < 0 || claimed(x, d).eq(new Big(String(x)));
      }),
      { numRuns: 20000 },
    );
  });

  it("always takes the fast path for money-like amounts", () => {
    fc.assert(
      fc.property(moneyLike, (x) => {
        const d = fastDecimalPlaces(x);
        return d >= 0 && claimed(x, d).eq(new Big(String(x)));
      }),
      RUNS,
    );
  });
});

describe("mulDivRoundHalfAwayFromZero", () => {
  it.each([
    [115, 1310, 100, 1507],
    [-115, 1310, 100, -1507],
    [-1, 1, 3, 0],
    [3e9, 1320, 1, 3960000000000],
    [2 ** 52, 3, 1, Number.NaN],
    [99999999999999, 137124, 10000, 1371239999999986],
  ])("gives %p × %p ÷ %p as %p", (m, mul, div, out) => {
    expect(mulDivRoundHalfAwayFromZero(m, mul, div)).toBe(out);
  });

  it("never gives -0", () => {
    expect(Object.is(mulDivRoundHalfAwayFromZero(-1, 1, 3), 0)).toBe(true);
  });

  it("is exact (BigInt oracle) whenever it answers, and answers whenever |m|, mul × div ≤ 2^52 and the result < 2^53", () => {
    const positive = fc.oneof(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 2 ** 52 }));
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), positive, positive, (m, mul, div) => {
        const got = mulDivRoundHalfAwayFromZero(m, mul, div);
        const n = BigInt(m) * BigInt(mul);
        const d = BigInt(div);
        const a = n < 0n ? -n : n;
        let q = a / d;
        if (2n * (a % d) >= d) q += 1n;
        const want = n < 0n ? -q : q;
        if (Number.isNaN(got)) return !(Math.abs(m) <= 2 ** 52 && BigInt(mul) * d <= 2n ** 52n && q < 2n ** 53n);
        return Number.isSafeInteger(got) && BigInt(got) === want && !Object.is(got, -0);
      }),
      { numRuns: 20000 },
    );
  });
});
