/* The preview engine without a browser: number formats as Excel shows them, A1/R1C1 formulas,
 * addresses, and the built functions bundle calculated by HyperFormula through the bridge. */
import { parseAddress, qualifiedAddress } from "../../preview/engine/addresses";
import { formatProblem, formatValue } from "../../preview/engine/number-format";
import { shiftA1, toA1, toR1C1 } from "../../preview/engine/r1c1";
import { loadBuiltFunctions } from "../../preview/bench";
import { createCustomFunctionsRuntime } from "../../preview/engine/custom-functions-runtime";
import { Workbook } from "../../preview/engine/workbook";
import fs from "node:fs";
import path from "node:path";
import type { FunctionsMetadata } from "../../preview/engine/functions-metadata";
import { DIST } from "./harness";

describe("number formats", () => {
  it.each([
    [3960000000000, '"₩"#,##0', "₩3,960,000,000,000"],
    [3960000000000, "[$₩-ko-KR]#,##0", "₩3,960,000,000,000"],
    [44480000000, "$#,##0", "$44,480,000,000"],
    [1358.35, '"₩"#,##0.00##', "₩1,358.35"],
    [1398.7512, '"₩"#,##0.00##', "₩1,398.7512"],
    [-4000, "#,##0_);(#,##0)", "(4,000)"],
    [1.005, "0.00", "1.01"],
    [0.1234, "0.0%", "12.3%"],
    [45505, "yyyy-mm-dd", "2024-08-01"],
    [2024, "0", "2024"],
    [0, '#,##0;-#,##0;"-"', "-"],
    [1507, "General", "1507"],
    ["OpenAI", "@", "OpenAI"],
  ])("%p under %s shows %s", (value, format, shown) => {
    expect(formatValue(value, format).text).toBe(shown);
  });

  it("says when it cannot render a format, and shows General", () => {
    expect(formatValue(5, "[>=100]0;0.0")).toEqual({ text: "5", unsupported: true });
  });

  it.each(["₩#,##0", "₩#,##0.00##", "#,##0원", "€#,##0"])("finds text outside quotes in %s (the preview refuses it from the API)", (format) => {
    expect(formatProblem(format)).toMatch(/is not in quotes/);
  });

  it.each(['"₩"#,##0', "[$₩-ko-KR]#,##0", "\\₩#,##0", "$#,##0", "#,##0_);(#,##0)", "yyyy-mm-dd", "d-mmm-yy", '#,##0"원"', "General", "@", "0.0%"])("accepts %s, written as Microsoft documents", (format) => {
    expect(formatProblem(format)).toBeNull();
  });
});

describe("text written to values, read as typed input", () => {
  const wb = new Workbook({ namespace: "AIFIN", metadata: { functions: [] }, functions: { lookup: () => undefined, makeError: () => ({}) } });
  const sheet = wb.sheets[0];
  const written = (text: string) => {
    wb.write(sheet, { row: 0, col: 0, rowCount: 1, colCount: 1 }, [[text]], "Range.values");
    return { value: wb.value(sheet, 0, 0), format: wb.numberFormat(sheet, 0, 0) };
  };

  it.each([
    ["March 2024", 45352, "mmm-yy"],
    ["Mar-24", 45352, "mmm-yy"],
    ["Sep 5, 2024", 45540, "d-mmm-yy"],
    [" 42", 42, "General"],
  ])("%j becomes a number (a date): %p", (text, value, format) => {
    wb.clear(sheet, { row: 0, col: 0, rowCount: 1, colCount: 1 }, "All");
    expect(written(text)).toEqual({ value, format });
  });

  it.each(["'March 2024", "' 42", "Marketing 2024"])("%j stays text", (text) => {
    wb.clear(sheet, { row: 0, col: 0, rowCount: 1, colCount: 1 }, "All");
    expect(written(text).value).toBe(text.replace(/^'/, ""));
  });
});

describe("formulas between A1 and R1C1", () => {
  it.each([
    ["=SUM(A1:B2)", 2, 2, "=SUM(R[-2]C[-2]:R[-1]C[-1])"],
    ["=$E5*2", 4, 14, "=RC5*2"],
    ['=AIFIN.USD_TO_KRW(E5, 1320)&"A1"', 4, 14, '=AIFIN.USD_TO_KRW(RC[-10], 1320)&"A1"'],
  ])("%s at (%i, %i) is %s, and back", (a1, row, col, r1c1) => {
    expect(toR1C1(a1, row, col)).toBe(r1c1);
    expect(toA1(r1c1, row, col)).toBe(a1);
  });

  it("moves relative references only", () => {
    expect(shiftA1('=LEFT($J5,1)="⚠"', 2, 3)).toBe('=LEFT($J7,1)="⚠"');
  });
});

describe("addresses", () => {
  it("reads and writes sheet-qualified, whole-column and quoted addresses", () => {
    expect(parseAddress("'Big tech capital expenditure'!A4:N21")).toMatchObject({ sheetName: "Big tech capital expenditure", row: 3, col: 0, rowCount: 18, colCount: 14 });
    expect(parseAddress("C:C")).toMatchObject({ entireColumns: true, col: 2, colCount: 1 });
    expect(qualifiedAddress("My sheet", { row: 0, col: 0, rowCount: 2, colCount: 2 })).toBe("'My sheet'!A1:B2");
    expect(parseAddress("not an address")).toBeNull();
  });
});

describe("the built functions bundle in the preview engine", () => {
  const { workbook: wb } = loadBuiltFunctions(DIST);
  const sheet = wb.sheets[0];
  const at = (formula: string) => {
    wb.write(sheet, { row: 0, col: 0, rowCount: 1, colCount: 1 }, formula, "test");
    return { value: wb.value(sheet, 0, 0), message: wb.errorMessage(sheet, 0, 0) };
  };

  it.each([
    ["=AIFIN.USD_TO_KRW(1.15, 1310)", 1507],
    ['=AIFIN.USD_TO_KRW("30억 달러", 1320)', 3960000000000],
    ['=AIFIN.KRW_PARSE("약 3조9600억 원")', 3960000000000],
    ['=AIFIN.AI_SPEND("OpenAI", "training", 2024)', 3000000000],
  ])("%s is %p", (formula, expected) => {
    expect(at(formula)).toEqual({ value: expected, message: undefined });
  });

  it("re-sizes a spill when its result grows or shrinks (HyperFormula fixes a spill's size when it parses)", () => {
    const companies = (id: string) => {
      wb.write(sheet, { row: 0, col: 5, rowCount: 1, colCount: 1 }, id, "test");
      const spill = wb.spillOf(sheet, 0, 6);
      return wb.values(sheet, { row: 0, col: 6, rowCount: (spill?.rowCount ?? 1) + 1, colCount: 1 }).map((r) => r[0]);
    };
    wb.write(sheet, { row: 0, col: 6, rowCount: 1, colCount: 1 }, "=AIFIN.AI_COMPANIES(F1)", "test");
    expect(companies("ai-labs")).toEqual(["OpenAI", "Anthropic", "xAI", ""]);
    expect(companies("bigtech-capex")).toEqual(["Oracle", "Meta", "Tesla", "IBM", "Microsoft", "Alphabet", "Amazon", "NVIDIA", "Apple", ""]);
    expect(companies("ai-labs")).toEqual(["OpenAI", "Anthropic", "xAI", ""]);
  });

  it("passes an error's code and message to the cell", () => {
    expect(at('=AIFIN.AI_SPEND("Nonexistent Co")')).toEqual({ value: "#N/A", message: "Unknown company 'Nonexistent Co' — see AI_COMPANIES()" });
  });

  it("gives a range's error cells to the function (allowErrorForDataTypeAny): the error alone in its cell", () => {
    wb.write(sheet, { row: 0, col: 9, rowCount: 3, colCount: 1 }, [[1], ["=NA()"], ["30억 원"]], "test");
    wb.write(sheet, { row: 0, col: 10, rowCount: 1, colCount: 1 }, "=AIFIN.KRW_PARSE(J1:J3)", "test");
    expect(wb.values(sheet, { row: 0, col: 10, rowCount: 3, colCount: 1 })).toEqual([[1], ["#N/A"], [3_000_000_000]]);
  });

  it("shows an error given to a typed argument without calling the function, as Excel does", () => {
    const calls = wb.bridge.calls;
    // KRW_FORMAT's style is typed string (AI_SPEND's arguments are any: they receive errors).
    expect(at("=AIFIN.KRW_FORMAT(1, NA())")).toEqual({ value: "#N/A", message: undefined });
    expect(at("=AIFIN.USD_TO_KRW(1, 1/0)").value).toBe("#DIV/0!");
    expect(wb.bridge.calls).toBe(calls);
  });
});

describe("the built functions without allowErrorForDataTypeAny (Excel's rule when functions.json lacks it)", () => {
  it("shows the range's first error once, without calling the function", () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as FunctionsMetadata;
    const { allowErrorForDataTypeAny: flag, ...without } = metadata;
    expect(flag).toBe(true);
    const { workbook: wb } = loadBuiltFunctions(DIST, without);
    const sheet = wb.sheets[0];
    wb.write(sheet, { row: 0, col: 0, rowCount: 3, colCount: 1 }, [[1], ["=1/0"], ["=NA()"]], "test");
    wb.write(sheet, { row: 0, col: 1, rowCount: 1, colCount: 1 }, "=AIFIN.KRW_PARSE(A1:A3)", "test");
    expect(wb.values(sheet, { row: 0, col: 1, rowCount: 3, colCount: 1 })).toEqual([["#DIV/0!"], [""], [""]]);
    expect(wb.bridge.calls).toBe(0);
  });
});

describe("async custom functions", () => {
  it("show #BUSY! until the promise settles, then the value, spilled when it is a 2-D array", async () => {
    const runtime = createCustomFunctionsRuntime();
    runtime.associate("LATER", (n: unknown) => new Promise((resolve) => setTimeout(() => resolve(Array.from({ length: Number(n) }, (_, i) => [i + 1])), 20)));
    const wb = new Workbook({
      namespace: "TEST",
      metadata: { functions: [{ id: "LATER", name: "LATER", parameters: [{ name: "n", type: "number" }], result: { dimensionality: "matrix" } }] },
      functions: { lookup: (id) => runtime.registrations.functions.get(id), makeError: (code, message) => new runtime.Error(code, message) },
    });
    const sheet = wb.sheets[0];
    wb.write(sheet, { row: 0, col: 0, rowCount: 1, colCount: 1 }, "=TEST.LATER(3)", "test");
    expect(wb.value(sheet, 0, 0)).toBe("#BUSY!");
    await new Promise((r) => setTimeout(r, 100));
    expect(wb.values(sheet, { row: 0, col: 0, rowCount: 4, colCount: 1 })).toEqual([[1], [2], [3], [""]]);
  });
});
