import {
  krwFormatFunction,
  krwParseFunction,
  krwToUsdFunction,
  netLossFunction,
  usdToKrwFunction,
} from "../../src/functions/functions";
import { referenceRate as resolveReference } from "../../src/core/fx/reference";
import { embeddedFxData } from "../../src/core/fx/rates";
import { excel } from "./shown";

/** The reference rate the functions use in a workbook that pins none: the data's latest rate. */
const referenceRate = () => resolveReference(embeddedFxData(), null).value;

describe("USD_TO_KRW", () => {
  it.each([
    [1.15, 1310, 1507],
    [3e9, 1320, 3_960_000_000_000],
    [-1.15, 1310, -1507],
    [0, 1320, 0],
    ["30억 달러", 1320, 3_960_000_000_000],
    ["$3B", 1320, 3_960_000_000_000],
    ["US$130 billion", 1322.31, 171_900_300_000_000],
    ["3,000,000,000", 1320, 3_960_000_000_000],
    ["(4,000)", 1320, -5_280_000],
    ["△4,000", 1320, -5_280_000],
    ["３０억 달러", 1320, 3_960_000_000_000],
  ])("converts %p at %p won per dollar to %p won, rounded once", (amount, rate, won) => {
    expect(excel(() => usdToKrwFunction([[amount]], rate))).toEqual([[won]]);
  });

  it("uses the reference rate from the FX data when the rate is omitted", () => {
    const rate = referenceRate();
    expect(excel(() => usdToKrwFunction([[100]], null as unknown as undefined))).toEqual([[Math.round(100 * rate)]]);
    expect(excel(() => usdToKrwFunction([[100]]))).toEqual(excel(() => usdToKrwFunction([[100]], rate)));
  });

  it("spills a range in its shape: blank stays blank, a bad cell errors alone", () => {
    const result = excel(() => usdToKrwFunction([[1, null], ["", "banana"], ["$2", true]], 1000)) as unknown[][];
    expect(result[0]).toEqual([1000, ""]);
    expect(result[1][0]).toBe("");
    expect(result[1][1]).toMatch(/^#VALUE!: 'banana' has no number in it/);
    expect(result[2][0]).toBe(2000);
    expect(result[2][1]).toBe("#VALUE!: TRUE is a logical value, not an amount");
  });

  it.each([0, -1320])("refuses a rate of %p with #NUM!", (rate) => {
    expect(excel(() => usdToKrwFunction([[1]], rate))).toBe("#NUM!");
  });

  it("refuses won text instead of guessing", () => {
    expect(excel(() => usdToKrwFunction([["3조 원"]], 1320))).toMatch(/^#VALUE!: '3조 원' is in KRW, but this function takes USD/);
  });

  it("never returns 0 or blank for text that is not an amount", () => {
    expect(excel(() => usdToKrwFunction([["n/a"]], 1320))).toMatch(/^#VALUE!/);
  });
});

describe("KRW_TO_USD", () => {
  it.each([
    [3_960_000_000_000, 1320, 3_000_000_000],
    ["약 3조9600억 원", 1320, 3_000_000_000],
    [1000, 1329.4, 0.75],
    [-1000, 1329.4, -0.75],
    [1, 3, 0.33],
    [2, 3, 0.67],
  ])("converts %p won at %p to %p dollars, half away from zero to the cent", (amount, rate, usd) => {
    expect(excel(() => krwToUsdFunction([[amount]], rate))).toEqual([[usd]]);
  });

  it("refuses dollar text", () => {
    expect(excel(() => krwToUsdFunction([["30억 달러"]], 1320))).toMatch(/^#VALUE!: .*USD.*KRW/);
  });
});

describe("NET_LOSS", () => {
  it.each([
    [4e9, 8e9, 4e9],
    [8e9, 4e9, -4e9],
    ["40억 달러", "80억 달러", 4e9],
    [0.1, 0.3, 0.2],
  ])("is expenses − revenue: revenue %p, expenses %p → %p", (revenue, expenses, loss) => {
    expect(excel(() => netLossFunction([[revenue]], [[expenses]]))).toEqual([[loss]]);
  });

  it("pairs ranges cell by cell and a single cell with every cell", () => {
    expect(excel(() => netLossFunction([[1], [2]], [[5], [7]]))).toEqual([[4], [5]]);
    expect(excel(() => netLossFunction([[1], [2]], [[10]]))).toEqual([[9], [8]]);
  });

  it("keeps a row with a blank figure blank instead of reading 0", () => {
    expect(excel(() => netLossFunction([[null], [2]], [[5], [7]]))).toEqual([[""], [5]]);
  });

  it("refuses currencies that disagree", () => {
    expect(excel(() => netLossFunction([["40억 달러"]], [["2조 원"]]))).toMatch(/^#VALUE!: The amounts are in different currencies/);
  });

  it("refuses ranges of different shapes", () => {
    expect(excel(() => netLossFunction([[1], [2]], [[1, 2, 3]]))).toMatch(/^#VALUE!: The ranges have different shapes/);
  });
});

describe("KRW_PARSE", () => {
  it.each([
    ["약 3조9600억 원", 3_960_000_000_000],
    ["3조 9,600억 원", 3_960_000_000_000],
    ["5,803억원", 580_300_000_000],
    ["2조", 2_000_000_000_000],
    ["△4,000", -4000],
    [1234, 1234],
  ])("reads %p as %p won", (text, won) => {
    expect(excel(() => krwParseFunction([[text]]))).toEqual([[won]]);
  });

  it("refuses dollar text", () => {
    expect(excel(() => krwParseFunction([["$3B"]]))).toMatch(/^#VALUE!/);
  });
});

describe("KRW_FORMAT", () => {
  it.each([
    [3_960_000_000_000, null, "3조 9,600억 원"],
    [2_000_000_000_000, null, "2조 원"],
    [3_960_000_000_000, "억원", "39,600억원"],
    [3_960_000_000_000, "백만원", "3,960,000백만원"],
    ["3조9600억", null, "3조 9,600억 원"],
  ])("writes %p (style %p) as %p", (amount, style, text) => {
    expect(excel(() => krwFormatFunction([[amount]], style as unknown as string))).toEqual([[text]]);
  });

  it("refuses an unknown style", () => {
    expect(excel(() => krwFormatFunction([[1]], "furlongs"))).toMatch(/^#VALUE!: Unknown style 'furlongs'/);
  });

  it.each([
    [-40_000_000, "억원", null, "-0.4억원"],
    [-40_000_000, "억원", 0, "-0억원"],
    [3_960_000_000_000, "조원", 2, "3.96조원"],
    [3_960_000_000_000, "만원", null, "396,000,000만원"],
    [3_960_012_345_678, "억원", "2", "39,600.12억원"],
  ])("keeps the sign and takes decimals: %p in %p with %p decimals is %p", (amount, style, decimals, text) => {
    expect(excel(() => krwFormatFunction([[amount]], style, decimals as unknown as number))).toEqual([[text]]);
  });

  it("refuses decimals beyond the unit, or decimals that are not a number", () => {
    expect(excel(() => krwFormatFunction([[1]], "억원", 9))).toMatch(/^#VALUE!: Decimals must be a whole number from 0 to 8 for the style 억원, not 9/);
    expect(excel(() => krwFormatFunction([[1]], "억원", "two" as unknown as number))).toMatch(/^#VALUE!: 'two' is not a number/);
  });
});
