import fc from "fast-check";
import { failure as thrown } from "../../support/failure";
import { decCompare, decFromDigits, decRoundHalfAwayFromZero, decScale } from "../../../src/core/money/decimal";
import { formatKrw } from "../../../src/core/money/format";
import { parseAmount } from "../../../src/core/money/parse";

describe("formatKrw", () => {
  describe("in mixed Korean units (the default)", () => {
    it.each([
      [3960000000000, "3조 9,600억 원"],
      [2000000000000, "2조 원"],
      [3960012345678, "3조 9,600억 1,234만 5,678 원"],
      [0, "0 원"],
      [-0, "0 원"],
      [-3960000000000, "-3조 9,600억 원"],
      [1e16, "1경 원"],
      [1e20, "10,000경 원"],
      [10001, "1만 1 원"],
      [5678, "5,678 원"],
      [100000000, "1억 원"],
      [1507.5, "1,508 원"],
      [-1507.5, "-1,508 원"],
      [0.4, "0 원"],
      [-0.4, "-0 원"],
      [2 ** 60, "115경 2,921조 5,046억 684만 6,976 원"],
    ])("writes %p as %p", (amount, text) => {
      expect(formatKrw(amount)).toBe(text);
    });

    it.each([null, undefined, "", "  ", "mixed", "Korean"])("takes the style %p as mixed units", (style) => {
      expect(formatKrw(3960000000000, style)).toBe("3조 9,600억 원");
    });

    it("writes an exact Dec beyond 2^53 digit for digit", () => {
      expect(formatKrw(decFromDigits("12345678901234567890123"))).toBe("1,234,567경 8,901조 2,345억 6,789만 123 원");
    });
  });

  describe("in a reporting unit", () => {
    it.each([
      ["억원", "39,600억원"],
      ["억 원", "39,600억원"],
      ["억", "39,600억원"],
      ["EOK", "39,600억원"],
      ["100 million", "39,600억원"],
      ["백만원", "3,960,000백만원"],
      ["백만", "3,960,000백만원"],
      ["Million won", "3,960,000백만원"],
      ["천원", "3,960,000,000천원"],
      ["thousand", "3,960,000,000천원"],
      ["원", "3,960,000,000,000원"],
      ["won", "3,960,000,000,000원"],
      [" KRW ", "3,960,000,000,000원"],
    ])("writes 3,960,000,000,000 won in style %p as %p", (style, text) => {
      expect(formatKrw(3960000000000, style)).toBe(text);
    });

    it.each([
      [149999999.5, "억원", "1억원"],
      [150000000, "억원", "2억원"],
      [-150000000, "억원", "-2억원"],
      [-49999999, "억원", "-0.5억원"],
      [1500, "천원", "2천원"],
      [-2500, "천원", "-3천원"],
    ])("rounds %p once, half away from zero, in style %p: %p", (amount, style, text) => {
      expect(formatKrw(amount, style)).toBe(text);
    });

    it.each([
      ["조원", "4조원"],
      ["조", "4조원"],
      ["trillion", "4조원"],
      ["만원", "396,000,000만원"],
      ["만 원", "396,000,000만원"],
      ["man", "396,000,000만원"],
    ])("writes 3,960,000,000,000 won in the new style %p as %p", (style, text) => {
      expect(formatKrw(3960000000000, style)).toBe(text);
    });

    it("writes 3.96조 when asked for two decimals of 조원", () => {
      expect(formatKrw(3960000000000, "조원", 2)).toBe("3.96조원");
    });
  });

  describe("keeps the sign in every style", () => {
    it.each([
      [-40000000, "억원", "-0.4억원"],
      [40000000, "억원", "0.4억원"],
      [-40000000, "조원", "-0.00004조원"],
      [-1, "억원", "-0.00000001억원"],
      [-0.4, "억원", "-0억원"],
      [-400, "천원", "-0.4천원"],
      [-4000, "만원", "-0.4만원"],
      [-40000000, "", "-4,000만 원"],
      [-0.4, "원", "-0원"],
    ])("writes %p in style %p as %p, never as 0", (amount, style, text) => {
      expect(formatKrw(amount, style)).toBe(text);
    });

    it("writes -0 with the sign where the decimals asked for round a negative amount to zero", () => {
      expect(formatKrw(-40000000, "억원", 0)).toBe("-0억원");
      expect(formatKrw(-4000000, "억원", 1)).toBe("-0.0억원");
    });

    it("writes zero without a sign", () => {
      expect(formatKrw(-0, "억원")).toBe("0억원");
      expect(formatKrw(0, "억원", 2)).toBe("0.00억원");
    });
  });

  describe("with a number of decimals", () => {
    it.each([
      [3960000000000, "억원", 1, "39,600.0억원"],
      [3960012345678, "억원", 2, "39,600.12억원"],
      [3960012345678, "조원", 3, "3.960조원"],
      [-3960512345678, "조원", 2, "-3.96조원"],
      [149999999.5, "억원", 8, "1.50000000억원"],
      [1234567, "백만원", 1, "1.2백만원"],
      [1250, "천원", 1, "1.3천원"],
      [3960000000000, "억원", 0, "39,600억원"],
      [5, "원", 0, "5원"],
    ])("writes %p in style %p with %p decimals as %p (rounded once, half away from zero)", (amount, style, decimals, text) => {
      expect(formatKrw(amount, style, decimals)).toBe(text);
    });

    it.each([
      ["억원", 9],
      ["억원", -1],
      ["억원", 1.5],
      ["원", 1],
      ["", 1],
      ["천원", 4],
    ])("refuses style %p with %p decimals with #VALUE badDecimals", (style, decimals) => {
      const error = thrown(() => formatKrw(1, style, decimals));
      expect([error.kind, error.key]).toEqual(["value", "badDecimals"]);
    });

    it("reads back: parseAmount(formatKrw(x, style, d)) is x rounded to d places of the unit", () => {
      fc.assert(
        fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 8 }), (n, d) => {
          const value = parseAmount(formatKrw({ m: n, e: 0 }, "억원", d)).value;
          const expected = decRoundHalfAwayFromZero({ m: n, e: 8 }, d);
          return decCompare(value, decScale(expected, 8)) === 0;
        }),
        { numRuns: 1000 },
      );
    });
  });

  describe("groups digits", () => {
    it("groups digits up to 2^53 − 1 with currency.js, exactly", () => {
      expect(formatKrw(Number.MAX_SAFE_INTEGER, "원")).toBe("9,007,199,254,740,991원");
      expect(formatKrw(-Number.MAX_SAFE_INTEGER, "원")).toBe("-9,007,199,254,740,991원");
    });

    it("groups digits beyond 2^53 exactly", () => {
      expect(formatKrw(decFromDigits("12345678901234567890"), "원")).toBe("12,345,678,901,234,567,890원");
      expect(formatKrw(2 ** 60, "원")).toBe("1,152,921,504,606,846,976원");
    });
  });

  describe("refuses", () => {
    it.each(["bogus", "십억원", "경"])("an unknown style %p with #VALUE unknownStyle", (style) => {
      const error = thrown(() => formatKrw(1, style));
      expect([error.kind, error.key]).toEqual(["value", "unknownStyle"]);
    });

    it.each([Number.NaN, Infinity, -Infinity])("a non-finite amount %p with #NUM notFinite", (amount) => {
      const error = thrown(() => formatKrw(amount));
      expect([error.kind, error.key]).toEqual(["num", "notFinite"]);
    });
  });

  describe("round trip", () => {
    const wholeWon = fc.oneof(
      fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }).map(Number),
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.double({ min: -1e16, max: 1e16, noNaN: true }).map(Math.round),
    );

    it("parseAmount(formatKrw(x)).value equals x for whole x in [-10^16, 10^16]", () => {
      fc.assert(
        fc.property(wholeWon, (x) => {
          const parsed = parseAmount(formatKrw(x));
          return parsed.currency === "KRW" && parsed.value.e === 0 && parsed.value.m === BigInt(x);
        }),
        { numRuns: 3000 },
      );
    });

    it("holds in every reporting style, for amounts whole in that unit", () => {
      const styles = [
        ["억원", 10n ** 8n],
        ["백만원", 10n ** 6n],
        ["천원", 10n ** 3n],
        ["만원", 10n ** 4n],
        ["조원", 10n ** 12n],
        ["원", 1n],
      ] as const;
      fc.assert(
        fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.constantFrom(...styles), (n, [style, unit]) => {
          const value = parseAmount(formatKrw({ m: n * unit, e: 0 }, style)).value;
          return value.e === 0 && value.m === n * unit;
        }),
        { numRuns: 1000 },
      );
    });

    it("holds for exact amounts far beyond 10^16", () => {
      fc.assert(
        fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), (m) => parseAmount(formatKrw({ m, e: 0 })).value.m === m),
        { numRuns: 1000 },
      );
    });
  });
});
