import { isFormulaCell, restoreCells } from "../../../src/core/sheet/restore";
import { columnMatrix } from "../../../src/core/sheet/matrix";

describe("restoreCells", () => {
  it.each([
    ["a number", 42, 42, 42],
    ["a formula", 84, "=A1*2", "=A1*2"],
    ["a formula giving text", "x", '=LEFT("xy",1)', '=LEFT("xy",1)'],
    ["text that looks like a formula", "=not a formula", "=not a formula", "'=not a formula"],
    ["text that looks like a date", "2024-11", "2024-11", "'2024-11"],
    ["text that looks like a number", "2024", "2024", "'2024"],
    ["text starting with an apostrophe", "'quoted", "'quoted", "''quoted"],
    ["plain text", "OpenAI", "OpenAI", "OpenAI"],
    ["a boolean", true, true, true],
    ["an empty cell", "", "", ""],
  ])("puts back %s", (_, value, formula, written) => {
    expect(restoreCells([[value]], [[formula]])).toEqual([[written]]);
  });

  it("keeps the shape of the range", () => {
    expect(restoreCells([[1, "a"], [2, "b"]], [["=1", "a"], [2, "b"]])).toEqual([["=1", "a"], [2, "b"]]);
  });
});

describe("isFormulaCell", () => {
  it("tells a formula from text beginning with =", () => {
    expect(isFormulaCell("=A1", 3)).toBe(true);
    expect(isFormulaCell("=A1", "=A1")).toBe(false);
    expect(isFormulaCell(3, 3)).toBe(false);
  });
});

describe("columnMatrix", () => {
  it("is an n×1 matrix whose equal rows are one array", () => {
    const m = columnMatrix(["$", "₩", "$"]);
    expect(m).toEqual([["$"], ["₩"], ["$"]]);
    expect(m[0]).toBe(m[2]);
    expect(m[0]).not.toBe(m[1]);
    expect(JSON.stringify(m)).toBe('[["$"],["₩"],["$"]]');
  });
});
