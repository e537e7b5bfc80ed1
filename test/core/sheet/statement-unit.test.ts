import { findUnitCaption, isUnitCaption, readUnitHeader, unitName } from "../../../src/core/sheet/statement-unit";

describe("readUnitHeader", () => {
  describe("reads the unit a Korean filing or a 10-K table states", () => {
    it.each([
      ["(단위: 억원)", 8, "KRW"],
      ["(단위: 백만원)", 6, "KRW"],
      ["단위: 천원", 3, "KRW"],
      ["(단위 : 원)", 0, "KRW"],
      ["[단위: 백만 원, %]", 6, "KRW"],
      ["(단위: 백만달러)", 6, "USD"],
      ["（단위：억원）", 8, "KRW"],
      ["(In millions)", 6, null],
      ["(in thousands)", 3, null],
      ["(In millions, except per share data)", 6, null],
      ["(US$ in millions)", 6, "USD"],
      ["($ in billions)", 9, "USD"],
      ["(in millions of U.S. dollars)", 6, "USD"],
      ["(Dollars in millions)", 6, "USD"],
      ["(₩ in millions)", 6, "KRW"],
      ["(in millions of Korean won)", 6, "KRW"],
      ["(in dollars)", 0, "USD"],
      ["KRW bn", 9, "KRW"],
      ["USD m", 6, "USD"],
      ["$M", 6, "USD"],
      ["Millions", 6, null],
    ])("%s → 10^%d %s", (text, power, currency) => {
      expect(readUnitHeader(text)).toEqual({ power, currency });
    });
  });

  describe("reads a column title whose last parenthesis is a unit", () => {
    it.each([
      ["매출액(억원)", 8, "KRW"],
      ["Capex (US$ bn)", 9, "USD"],
      ["2024 (in millions)", 6, null],
    ])("%s → 10^%d %s", (text, power, currency) => {
      expect(readUnitHeader(text)).toEqual({ power, currency });
      expect(isUnitCaption(text)).toBe(false);
    });
  });

  describe("reads no unit from what states none", () => {
    it.each(["USD", "KRW", "Won", "Company", "구분", "30억 달러(약 3조9600억 원)", "(4,000)", "5,803", "", "Revenue (Korea)", "(단위: 명)", "x".repeat(81)])("%p", (text) => {
      expect(readUnitHeader(text)).toBeNull();
    });
  });
});

describe("findUnitCaption", () => {
  it("finds the caption nearest the figures: the lowest row, then the rightmost cell", () => {
    expect(
      findUnitCaption([
        ["(단위: 원)", "", ""],
        ["매출 현황", "", "(단위: 억원)"],
        ["구분", "2023", "USD"],
      ]),
    ).toEqual({ power: 8, currency: "KRW", row: 1, column: 2, text: "(단위: 억원)" });
  });

  it("ignores column titles, currency codes and amounts", () => {
    expect(findUnitCaption([["매출액(억원)", "USD", "30억 달러"]])).toBeNull();
  });
});

describe("unitName", () => {
  it.each([
    [{ power: 8, currency: "KRW" as const }, "en", "억원 (10^8 KRW)"],
    [{ power: 8, currency: "KRW" as const }, "ko", "억원"],
    [{ power: 6, currency: "USD" as const }, "en", "US$ millions"],
    [{ power: 6, currency: "USD" as const }, "ko", "백만 달러"],
    [{ power: 6, currency: null }, "en", "millions (no currency)"],
    [{ power: 0, currency: "KRW" as const }, "en", "won"],
  ] as const)("%j in %s is %s", (unit, lang, name) => {
    expect(unitName(unit, lang)).toBe(name);
  });
});
