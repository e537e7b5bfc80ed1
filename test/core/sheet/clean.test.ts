import { planClean, currencyOfFormat } from "../../../src/core/sheet/clean";

describe("planClean", () => {
  describe("reads pasted amounts into USD and KRW at one rate", () => {
    it.each([
      ["30억 달러(약 3조9600억 원)", 3000000000, 3960000000000],
      ["$3B", 3000000000, 3960000000000],
      ["5,803억원", 439621212.12, 580300000000],
      ["US$130 billion", 130000000000, 171600000000000],
    ])("%s → %d USD, %d KRW", (text, usd, krw) => {
      const plan = planClean([[text]], [["General"]], 1320, "en");
      expect(plan.values[0].slice(0, 2)).toEqual([usd, krw]);
      expect(plan.read).toBe(1);
    });
  });

  it("formats whole amounts exactly and cents where there are cents", () => {
    const plan = planClean([["$3B"], ["5,803억원"]], [["General"], ["General"]], 1320, "en");
    expect(plan.formats[0].slice(0, 2)).toEqual(["$#,##0", '"₩"#,##0']);
    expect(plan.formats[1].slice(0, 2)).toEqual(["$#,##0.00", '"₩"#,##0']);
  });

  it("notes approximate amounts and the rate used", () => {
    const plan = planClean([["약 3조9600억 원"]], [["General"]], 1320, "en");
    expect(plan.values[0][2]).toBe("approximate; at 1,320 KRW per USD");
  });

  describe("marks what it cannot read, with the reason, never a number", () => {
    it.each([
      ["35억~45억달러", "range of amounts"],
      ["최대 85억달러", "bound"],
      ["3,000", "no currency"],
      ["hello 3", "not an amount"],
      ["$1e400", "too large for Excel"],
    ])("%s", (text, reason) => {
      const plan = planClean([[text]], [["General"]], 1320, "en");
      expect(plan.values[0][0]).toBe("");
      expect(plan.values[0][1]).toBe("");
      expect(String(plan.values[0][2])).toMatch(/^⚠ not read: /);
      expect(String(plan.values[0][2])).toContain(reason);
      expect(plan.unreadRows).toEqual([0]);
    });

    it("in Korean", () => {
      const plan = planClean([["3,000"]], [["General"]], 1320, "ko");
      expect(plan.values[0][2]).toBe("⚠ 읽지 못함: '3,000'에 통화($, 원, USD, KRW…)가 없습니다");
    });
  });

  it("reads numbers in the currency their format shows", () => {
    const plan = planClean([[3000], [1320], [5]], [["$#,##0"], ["₩#,##0"], ["0"]], 1320, "en");
    expect(plan.values[0].slice(0, 2)).toEqual([3000, 3960000]);
    expect(plan.values[1].slice(0, 2)).toEqual([1, 1320]);
    expect(plan.unreadRows).toEqual([2]);
  });

  it("treats a first cell with no digit as a header and writes headers beside it", () => {
    const plan = planClean([["Amount"], ["$3B"]], [["General"], ["General"]], 1320, "en");
    expect(plan.header).toBe(true);
    expect(plan.values[0]).toEqual(["USD", "KRW", "AIFIN note"]);
    expect(plan.read).toBe(1);
  });

  it("leaves blank cells blank and does not count them", () => {
    const plan = planClean([["$3B"], [""], ["5,803억원"]], [["General"], ["General"], ["General"]], 1320, "en");
    expect(plan.values[1]).toEqual(["", "", ""]);
    expect(plan).toMatchObject({ read: 2, unread: 0 });
  });
});

describe("currencyOfFormat", () => {
  it.each([
    ["$#,##0", "USD"],
    ['"$"#,##0.00', "USD"],
    ["₩#,##0", "KRW"],
    ["[$₩-412]#,##0", "KRW"],
    ['#,##0"원"', "KRW"],
    ["General", null],
    [5, null],
  ])("%s → %s", (format, currency) => {
    expect(currencyOfFormat(format)).toBe(currency);
  });
});
