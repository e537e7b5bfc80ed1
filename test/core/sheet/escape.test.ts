import fc from "fast-check";
import { escapeCellText, unescapeCellText } from "../../../src/core/sheet/escape";
import { retype } from "../../taskpane/fake-excel";

describe("escapeCellText", () => {
  describe("prefixes an apostrophe to text Excel would read as a formula", () => {
    it.each([
      ["=SUM(A1:A3)", "'=SUM(A1:A3)"],
      ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
      ["+1", "'+1"],
      ["-cmd", "'-cmd"],
      ["@SUM(A1)", "'@SUM(A1)"],
      ["\u22121", "'\u22121"],
    ])("%s → %s", (text, escaped) => {
      expect(escapeCellText(text)).toBe(escaped);
    });
  });

  describe("prefixes an apostrophe to text Excel would retype", () => {
    it.each([
      ["2024", "'2024"],
      ["2024-11", "'2024-11"],
      ["2024-12-31", "'2024-12-31"],
      ["1.0.0", "'1.0.0"],
      ["(4,000)", "'(4,000)"],
      ["$3B", "'$3B"],
      ["#N/A", "'#N/A"],
      ["TRUE", "'TRUE"],
      ["false", "'false"],
      ["'quoted'", "''quoted'"],
      ["5 years from 2023", "'5 years from 2023"],
      // Excel reads dates with month names, and trims white space before it reads.
      ["March 2024", "'March 2024"],
      ["Mar-24", "'Mar-24"],
      ["Sep 5, 2024", "'Sep 5, 2024"],
      ["december 31", "'december 31"],
      [" 42", "' 42"],
      ["42 ", "'42 "],
      ["\t2024-11", "'\t2024-11"],
      ["  TRUE", "'  TRUE"],
      [" =1+1", "' =1+1"],
    ])("%s → %s", (text, escaped) => {
      expect(escapeCellText(text)).toBe(escaped);
    });
  });

  describe("leaves plain text alone", () => {
    it.each(["OpenAI", "오픈AI", "FY2024", "next 3 years", "", "USD/KRW", "⚠ UNCONFIRMED", "a=b", "March", "Mayor 2024", "Marketing 2024", " OpenAI"])("%s", (text) => {
      expect(escapeCellText(text)).toBe(text);
    });
  });

  it("never leaves a formula lead first", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeCellText(text);
        return !/^[=+\-@]/.test(escaped);
      }),
    );
  });

  it("gives back the original text the way Excel reads it (quote prefix removed)", () => {
    fc.assert(fc.property(fc.string(), (text) => unescapeCellText(escapeCellText(text)) === text));
  });

  it("keeps any text as text once Excel reads it (the simulated workbook retypes as Excel does)", () => {
    const texty = fc.oneof(fc.string(), fc.constantFrom("March 2024", " 42", "Mar-24", "Sep 5, 2024", " TRUE", "\t2024-11", "(4,000)"), fc.tuple(fc.constantFrom(" ", "\t", ""), fc.oneof(fc.integer().map(String), fc.constantFrom("May 2025", "dec 31"))).map(([a, b]) => a + b));
    fc.assert(
      fc.property(texty, (text) => {
        const stored = retype(escapeCellText(text));
        return text === "" ? stored === null : stored?.value === text && stored.formula === undefined;
      }),
    );
  });

  it("is needed: Excel would retype these (the simulated workbook's reading of them bare)", () => {
    expect(retype("March 2024")?.value).toBe(45352); // 2024-03-01
    expect(retype("Mar-24")?.value).toBe(45352);
    expect(retype(" 42")?.value).toBe(42);
  });
});
