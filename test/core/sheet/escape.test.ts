import fc from "fast-check";
import { escapeCellText, unescapeCellText } from "../../../src/core/sheet/escape";

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
    ])("%s → %s", (text, escaped) => {
      expect(escapeCellText(text)).toBe(escaped);
    });
  });

  describe("leaves plain text alone", () => {
    it.each(["OpenAI", "오픈AI", "FY2024", "next 3 years", "", "USD/KRW", "⚠ UNCONFIRMED", "a=b"])("%s", (text) => {
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
});
