import { AifinError } from "../../../src/core/errors";
import fc from "fast-check";
import { failure as thrown } from "../../support/failure";
import type { MessageKey } from "../../../src/core/messages";
import { decFromDigits, decToString } from "../../../src/core/money/decimal";
import { amountFrom, parseAmount, type Currency } from "../../../src/core/money/parse";

/** A parse result in a form a table can state: digits, currency, approximate. */
function read(text: string): [string, Currency | null, boolean] {
  const p = parseAmount(text);
  return [decToString(p.value), p.currency, p.approximate];
}

describe("parseAmount", () => {
  describe("reads amounts", () => {
    it.each([
      ["3,000,000,000", "3000000000", null, false],
      ["30억 달러", "3000000000", "USD", false],
      ["약 3조9600억 원", "3960000000000", "KRW", true],
      ["3조 9,600억 원", "3960000000000", "KRW", false],
      ["5,803억원", "580300000000", "KRW", false],
      ["2조 원", "2000000000000", "KRW", false],
      ["1조2천억원", "1200000000000", "KRW", false],
      ["1천만 원", "10000000", "KRW", false],
      ["3천5백만 원", "35000000", "KRW", false],
      ["3천500만 원", "35000000", "KRW", false],
      ["3조 9,600억 1,234만 5,678 원", "3960012345678", "KRW", false],
      ["1경 원", "10000000000000000", "KRW", false],
      ["$3B", "3000000000", "USD", false],
      ["$3b", "3000000000", "USD", false],
      ["US$130 billion", "130000000000", "USD", false],
      ["USD 3.5 bn", "3500000000", "USD", false],
      ["$1.5 trillion", "1500000000000", "USD", false],
      ["$2.5tn", "2500000000000", "USD", false],
      ["₩1,320", "1320", "KRW", false],
      ["KRW 2,000,000", "2000000", "KRW", false],
      ["2,000,000 KRW", "2000000", "KRW", false],
      ["85억달러", "8500000000", "USD", false],
      ["4.8조원", "4800000000000", "KRW", false],
      ["3,000 million", "3000000000", null, false],
      ["12 mn dollars", "12000000", "USD", false],
      ["$4,000K", "4000000", "USD", false],
      ["$750 thousand", "750000", "USD", false],
      ["5 won", "5", "KRW", false],
      ["1.15", "1.15", null, false],
      ["-0.5", "-0.5", null, false],
      ["+7", "7", null, false],
      ["1e6", "1000000", null, false],
      ["1.5e-7", "0.00000015", null, false],
      ["0.5억", "50000000", null, false],
      ["39,600억원", "3960000000000", "KRW", false],
      ["3,960,000백만원", "3960000000000", "KRW", false],
    ])("reads %p as %s %s (approximate: %p)", (text, digits, currency, approximate) => {
      expect(read(text)).toEqual([digits, currency, approximate]);
    });

    it("is exact: $3.5B is m=3500000000n e=0", () => {
      expect(parseAmount("$3.5B").value).toEqual({ m: 3500000000n, e: 0 });
    });
  });

  describe("normalises the text", () => {
    it.each([
      ["３０억", "3000000000", null],
      ["３，０００", "3000", null],
      ["￦1,320", "1320", "KRW"],
      ["＄3B", "3000000000", "USD"],
      ["  30억   \t 달러  ", "3000000000", "USD"],
      ["30억\u00a0달러", "3000000000", "USD"],
      ["（4,000）", "-4000", null],
    ])("reads %p as %s %s", (text, digits, currency) => {
      expect(read(text).slice(0, 2)).toEqual([digits, currency]);
    });
  });

  describe("reads negatives", () => {
    it.each(["(4,000)", "△4,000", "-4,000", "\u22124,000", "-$4,000", "$-4,000", "($4,000)", "-4,000원"])("reads %p as -4000", (text) => {
      expect(decToString(parseAmount(text).value)).toBe("-4000");
    });

    it("keeps -0 as 0", () => {
      expect(parseAmount("-0").value).toEqual({ m: 0n, e: 0 });
    });
  });

  describe("flags approximations", () => {
    it.each(["약 30억 달러", "about $3B", "approximately $3B", "approx. $3B", "approx $3B", "around $3B", "~$3B", "～$3B", "대략 30억 달러", "c. $3B", "circa $3B"])(
      "reads %p as approximately 3,000,000,000 USD",
      (text) => {
        expect(read(text)).toEqual(["3000000000", "USD", true]);
      },
    );
  });

  describe("says whether a unit or scale word set the size (a statement's unit header scales plain digits)", () => {
    it.each([
      ["5,803억원", true],
      ["1조2천억", true],
      ["1천", true],
      ["$3B", true],
      ["3.5 million", true],
      ["USD 3.5 bn", true],
      ["5,803", false],
      ["5803", false],
      ["(4,000)", false],
      ["△4,000", false],
      ["\u22124,000", false],
      ["$1,234", false],
      ["1,234원", false],
      ["1e6", false],
    ])("%s: %s", (text, scaled) => {
      expect(parseAmount(text).scaled).toBe(scaled);
    });
  });

  describe("reads a trailing parenthesis as the alternate", () => {
    it("reads 30억 달러(약 3조9600억 원)", () => {
      expect(parseAmount("30억 달러(약 3조9600억 원)")).toEqual({
        value: decFromDigits("3000000000"),
        currency: "USD",
        approximate: false,
        scaled: true,
        alternate: { value: decFromDigits("3960000000000"), currency: "KRW", approximate: true, scaled: true },
      });
    });

    it("reads an accounting negative with an alternate", () => {
      const p = parseAmount("(4,000) (-4천)");
      expect([decToString(p.value), p.alternate && decToString(p.alternate.value)]).toEqual(["-4000", "-4000"]);
    });

    it("leaves alternate out when there is none", () => {
      expect("alternate" in parseAmount("30억 달러")).toBe(false);
    });
  });

  describe("refuses what is not one amount", () => {
    it.each<[string, MessageKey]>([
      ["35억~45억달러", "rangeNotAmount"],
      ["3.5B-4.5B", "rangeNotAmount"],
      ["$3.5–4.5 billion", "rangeNotAmount"],
      ["4.8조~6.2조원", "rangeNotAmount"],
      ["$3B to $4B", "rangeNotAmount"],
      ["between $3B and $4B", "rangeNotAmount"],
      ["30억 달러(35억~45억달러)", "rangeNotAmount"],
      ["over $8B", "boundNotAmount"],
      ["up to 8.5B", "boundNotAmount"],
      ["최대 85억달러", "boundNotAmount"],
      ["80억 달러 이상", "boundNotAmount"],
      ["more than $3B", "boundNotAmount"],
      ["at least $3B", "boundNotAmount"],
      ["80억 달러가 넘는", "boundNotAmount"],
      ["less than 5B", "boundNotAmount"],
      ["nearly $8B", "boundNotAmount"],
      ["100억원 미만", "boundNotAmount"],
      ["abc", "noNumber"],
      ["달러", "noNumber"],
      ["30억 달러(abc)", "noNumber"],
      ["$30억 원", "twoCurrencies"],
      ["$30 USD", "twoCurrencies"],
      ["30 USD KRW", "twoCurrencies"],
      ["30억 달러 abc", "unexpectedWord"],
      ["3.5 B", "unexpectedWord"],
      ["30억 billion", "unexpectedWord"],
      ["3B$", "unexpectedWord"],
      ["1 2", "unexpectedWord"],
      ["30억 달러.", "unexpectedWord"],
      ["3억 2조", "unitsOutOfOrder"],
      ["3억 2억", "unitsOutOfOrder"],
      ["3천2천", "unitsOutOfOrder"],
      ["1조억", "unitsOutOfOrder"],
      ["3조 12,000억", "groupTooLarge"],
      ["3천5000", "groupTooLarge"],
      ["3,00", "badDigitGrouping"],
      ["1,23,456", "badDigitGrouping"],
      ["1e999", "notAnAmount"],
      ["(-4,000)", "notAnAmount"],
      ["((4,000))", "notAnAmount"],
      ["(4,000", "notAnAmount"],
      ["30억 달러(약 3조 원) 더", "notAnAmount"],
      ["", "emptyAmount"],
      ["   ", "emptyAmount"],
      ["1".repeat(201), "textTooLong"],
    ])("refuses %p with #VALUE %s", (text, key) => {
      const error = thrown(() => parseAmount(text));
      expect([error.kind, error.key]).toEqual(["value", key]);
    });

    it("names the bound it found", () => {
      expect(thrown(() => parseAmount("up to 8.5B")).params).toEqual({ text: "up to 8.5B", word: "up to" });
    });
  });

  describe("stays bounded", () => {
    it.each(["1,".repeat(99) + "1", "~".repeat(200), "(".repeat(200), "9".repeat(200), "억".repeat(200), "1억".repeat(100), "a1".repeat(100)])(
      "answers adversarial text of 200 characters quickly",
      (text) => {
        const start = performance.now();
        try {
          parseAmount(text);
        } catch (error) {
          expect(error).toBeInstanceOf(AifinError);
        }
        expect(performance.now() - start).toBeLessThan(50);
      },
    );

    it("throws nothing but AifinError, for any text", () => {
      const alphabet = fc.constantFrom(..."0123456789,.-−△+~()$₩억조만천백십원달러약 eEkKmMbBtT USDKRW about over to 최대 이상".split(""));
      fc.assert(
        fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join(""))), (text) => {
          try {
            parseAmount(text);
            return true;
          } catch (error) {
            return error instanceof AifinError;
          }
        }),
        { numRuns: 2000 },
      );
    });
  });
});

describe("amountFrom", () => {
  it.each<[number | string, Currency, string]>([
    [1.15, "USD", "1.15"],
    ["30억 달러", "USD", "3000000000"],
    ["3조 9,600억 원", "KRW", "3960000000000"],
    ["3,000,000", "KRW", "3000000"],
    ["3,000,000", "USD", "3000000"],
    [-0, "KRW", "0"],
  ])("reads %p for a %s function as %s", (input, expected, digits) => {
    const d = amountFrom(input, expected);
    expect(d === null ? null : decToString(d)).toBe(digits);
  });

  it.each([null, ""])("keeps a blank cell (%p) blank: null", (input) => {
    expect(amountFrom(input, "USD")).toBeNull();
  });

  it.each<[number | string | boolean, Currency, string, MessageKey]>([
    ["30억 달러", "KRW", "value", "wrongCurrency"],
    ["₩1,320", "USD", "value", "wrongCurrency"],
    [true, "USD", "value", "booleanAmount"],
    [false, "KRW", "value", "booleanAmount"],
    [Number.NaN, "USD", "num", "notFinite"],
    ["  ", "USD", "value", "emptyAmount"],
    ["over $8B", "USD", "value", "boundNotAmount"],
  ])("refuses %p for a %s function with #%s %s", (input, expected, kind, key) => {
    const error = thrown(() => amountFrom(input, expected));
    expect([error.kind, error.key]).toEqual([kind, key]);
  });

  it("says what it found and what it wanted", () => {
    expect(thrown(() => amountFrom("30억 달러", "KRW")).params).toEqual({ text: "30억 달러", found: "USD", expected: "KRW" });
  });
});
