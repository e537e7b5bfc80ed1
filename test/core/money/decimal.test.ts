import Big from "big.js";
import fc from "fast-check";
import { failure as thrown } from "../../support/failure";
import {
  decAdd,
  decCompare,
  decDivRoundHalfAwayFromZero,
  decFromDigits,
  decFromNumber,
  decIsZero,
  decMul,
  decNeg,
  decRoundHalfAwayFromZero,
  decScale,
  decSign,
  decSub,
  decToNumber,
  decToString,
  type Dec,
} from "../../../src/core/money/decimal";

const RUNS = { numRuns: 1000 };

function isNormalised(d: Dec): boolean {
  return Number.isSafeInteger(d.e) && d.e >= 0 && (d.e === 0 || d.m % 10n !== 0n) && !(d.m === 0n && d.e !== 0);
}

/** Arbitrary exact decimals: a BigInt mantissa over a small number of places. */
const arbDec = fc
  .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 12 }))
  .map(([m, e]) => decScale({ m, e: 0 }, -e));

describe("decFromNumber", () => {
  it.each([
    [1.15, 115n, 2],
    [1310, 1310n, 0],
    [-0.5, -5n, 1],
    [0, 0n, 0],
    [-0, 0n, 0],
    [1e21, 10n ** 21n, 0],
    [1.5e-7, 15n, 8],
    [0.1 + 0.2, 30000000000000004n, 17],
    [3e9, 3000000000n, 0],
  ])("reads %p as typed: m=%p e=%p", (x, m, e) => {
    expect(decFromNumber(x)).toEqual({ m, e });
  });

  it.each([Number.NaN, Infinity, -Infinity])("throws #NUM notFinite for %p", (x) => {
    const error = thrown(() => decFromNumber(x));
    expect([error.kind, error.key]).toEqual(["num", "notFinite"]);
  });

  it("equals big.js reading String(x) for arbitrary doubles, tiny, huge and negative", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const d = decFromNumber(x);
        return isNormalised(d) && decToString(d) === new Big(String(x)).toFixed();
      }),
      RUNS,
    );
  });

  it("round-trips through decToNumber for arbitrary doubles", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => Object.is(decToNumber(decFromNumber(x)), x === 0 ? 0 : x)),
      RUNS,
    );
  });
});

describe("decFromDigits", () => {
  it.each([
    ["-1234.5600", -123456n, 2],
    ["0.5", 5n, 1],
    [".5", 5n, 1],
    ["5.", 5n, 0],
    ["+7", 7n, 0],
    ["000120", 120n, 0],
    ["-0.000", 0n, 0],
  ])("reads %p as m=%p e=%p", (text, m, e) => {
    expect(decFromDigits(text)).toEqual({ m, e });
  });

  it.each(["", ".", "-", "1,000", "1e6", " 1", "1.2.3", "١٢"])("throws #VALUE notAnAmount for %p", (text) => {
    const error = thrown(() => decFromDigits(text));
    expect([error.kind, error.key]).toEqual(["value", "notAnAmount"]);
  });
});

describe("arithmetic", () => {
  const d = decFromDigits;
  it.each([
    ["0.1", "0.2", "0.3", "-0.1", "0.02"],
    ["1.15", "1310", "1311.15", "-1308.85", "1506.5"],
    ["-2.5", "2.5", "0", "-5", "-6.25"],
    ["1000000000000000000000", "0.000001", "1000000000000000000000.000001", "999999999999999999999.999999", "1000000000000000"],
  ])("%s and %s: sum %s, difference %s, product %s", (a, b, sum, difference, product) => {
    expect(decToString(decAdd(d(a), d(b)))).toBe(sum);
    expect(decToString(decSub(d(a), d(b)))).toBe(difference);
    expect(decToString(decMul(d(a), d(b)))).toBe(product);
  });

  it.each([
    ["1.5", "1.50", 0],
    ["-1", "0.5", -1],
    ["2", "1.999999", 1],
  ])("compares %s with %s as %p", (a, b, c) => {
    expect(decCompare(d(a), d(b))).toBe(c);
  });

  it.each([
    ["-3", -1, false],
    ["0", 0, true],
    ["0.01", 1, false],
  ])("gives %s the sign %p (zero: %p)", (a, sign, zero) => {
    expect(decSign(d(a))).toBe(sign);
    expect(decIsZero(d(a))).toBe(zero);
  });

  it("negates, leaving zero alone", () => {
    expect(decNeg(d("4000"))).toEqual({ m: -4000n, e: 0 });
    expect(decNeg(d("0"))).toEqual({ m: 0n, e: 0 });
  });

  it.each([
    ["3.5", 9, "3500000000"],
    ["39600", -4, "3.96"],
    ["1", -20, "0.00000000000000000001"],
  ])("scales %s by 10^%p to %s", (a, k, out) => {
    expect(decToString(decScale(d(a), k))).toBe(out);
  });

  it("agrees with big.js on +, −, ×, compare, and stays normalised", () => {
    fc.assert(
      fc.property(arbDec, arbDec, (a, b) => {
        const [x, y] = [new Big(decToString(a)), new Big(decToString(b))];
        const results = [decAdd(a, b), decSub(a, b), decMul(a, b)];
        return (
          results.every(isNormalised) &&
          decToString(results[0]) === x.plus(y).toFixed() &&
          decToString(results[1]) === x.minus(y).toFixed() &&
          decToString(results[2]) === x.times(y).toFixed() &&
          decCompare(a, b) === x.cmp(y)
        );
      }),
      RUNS,
    );
  });
});

describe("decRoundHalfAwayFromZero", () => {
  it.each([
    ["1506.5", 0, "1507"],
    ["-1506.5", 0, "-1507"],
    ["1506.4999", 0, "1506"],
    ["0.125", 2, "0.13"],
    ["-0.125", 2, "-0.13"],
    ["-0.4", 0, "0"],
    ["3960000000000", -8, "3960000000000"],
    ["149999999.5", -8, "100000000"],
    ["150000000", -8, "200000000"],
    ["12.5", 3, "12.5"],
  ])("rounds %s to %p places as %s", (a, places, out) => {
    expect(decToString(decRoundHalfAwayFromZero(decFromDigits(a), places))).toBe(out);
  });

  it("agrees with big.js roundHalfUp (ties away from zero)", () => {
    fc.assert(
      fc.property(arbDec, fc.integer({ min: -6, max: 14 }), (a, places) => {
        const ours = decRoundHalfAwayFromZero(a, places);
        const oracle = new Big(decToString(a)).round(places, Big.roundHalfUp);
        return isNormalised(ours) && decToString(ours) === oracle.toFixed();
      }),
      RUNS,
    );
  });

  it("refuses a fractional number of places", () => {
    expect(() => decRoundHalfAwayFromZero(decFromDigits("1"), 0.5)).toThrow(RangeError);
  });
});

describe("decDivRoundHalfAwayFromZero", () => {
  it.each([
    ["1000", "1329.4", 2, "0.75"],
    ["3960000000000", "1320", 2, "3000000000"],
    ["1", "3", 4, "0.3333"],
    ["2", "3", 0, "1"],
    ["-1", "8", 2, "-0.13"],
    ["1", "-8", 2, "-0.13"],
    ["-1", "-8", 2, "0.13"],
    ["5", "2", -1, "0"],
    ["15", "2", -1, "10"],
  ])("divides %s by %s rounded to %p places: %s", (a, b, places, out) => {
    expect(decToString(decDivRoundHalfAwayFromZero(decFromDigits(a), decFromDigits(b), places))).toBe(out);
  });

  it("throws #NUM divideByZero for a zero divisor", () => {
    const error = thrown(() => decDivRoundHalfAwayFromZero(decFromDigits("1"), decFromDigits("0"), 2));
    expect([error.kind, error.key]).toEqual(["num", "divideByZero"]);
  });

  it("agrees with big.js dividing to DP places with roundHalfUp (one rounding)", () => {
    const B = Big();
    B.RM = Big.roundHalfUp;
    fc.assert(
      fc.property(arbDec, arbDec, fc.integer({ min: 0, max: 10 }), (a, b, places) => {
        fc.pre(!decIsZero(b));
        B.DP = places;
        const ours = decDivRoundHalfAwayFromZero(a, b, places);
        return isNormalised(ours) && decToString(ours) === new B(decToString(a)).div(decToString(b)).toFixed();
      }),
      RUNS,
    );
  });
});

describe("decToNumber and decToString", () => {
  it.each([
    ["0.75", { m: 75n, e: 2 }, 0.75, "0.75"],
    ["-1234.56", { m: -123456n, e: 2 }, -1234.56, "-1234.56"],
    ["0.005", { m: 5n, e: 3 }, 0.005, "0.005"],
    ["0", { m: 0n, e: 0 }, 0, "0"],
    ["10^400", { m: 10n ** 400n, e: 0 }, Infinity, "1" + "0".repeat(400)],
  ])("writes %s as the nearest number and plain digits", (_label, d, n, s) => {
    expect(decToNumber(d)).toBe(n);
    expect(decToString(d)).toBe(s);
  });

  it("gives the nearest double, like big.js toNumber", () => {
    fc.assert(
      fc.property(arbDec, (a) => decToNumber(a) === new Big(decToString(a)).toNumber()),
      RUNS,
    );
  });
});
