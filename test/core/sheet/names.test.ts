import fc from "fast-check";
import { MAX_SHEET_NAME, isValidTableName, needsQuotes, sheetNameFor, tableNameFor } from "../../../src/core/sheet/names";

describe("sheetNameFor", () => {
  it.each([
    ["Big tech capex: 2023/2025", [], "Big_tech_capex_2023_2025"],
    ["OpenAI costs", ["openai_costs"], "OpenAI_costs_2"],
    ["OpenAI costs", ["OpenAI_costs", "OpenAI_costs_2"], "OpenAI_costs_3"],
    ["Korean companies: R&D, revenue", [], "Korean_companies_RD_revenue"],
    ["빅테크 자본적 지출", [], "빅테크_자본적_지출"],
    ["[x]*?", [], "x"],
    ["***", [], "AIFIN"],
    ["'quoted'", [], "quoted"],
    ["History", [], "History_2"],
    // No plain name serves (a leading digit, a cell reference): the title, quoted in formulas.
    ["2024 column", [], "2024 column"],
    ["2024 column", ["2024 Column"], "2024 column (2)"],
    ["AI2024", [], "AI2024"],
  ])("%s with %j → %s", (title, existing, name) => {
    expect(sheetNameFor(title, existing)).toBe(name);
  });

  it("cuts a long title between words, within 31 characters, the copy's number included", () => {
    expect(sheetNameFor("Big tech capital expenditure and guidance", [])).toBe("Big_tech_capital_expenditure");
    const copy = sheetNameFor("Big tech capital expenditure and guidance", ["Big_tech_capital_expenditure"]);
    expect(copy).toBe("Big_tech_capital_expenditure_2");
    const third = sheetNameFor("Big tech capital expenditure and guidance", ["Big_tech_capital_expenditure", copy]);
    expect(third).toBe("Big_tech_capital_expenditure_3");
    // 31 with the suffix: a word goes rather than a word being cut.
    expect(sheetNameFor("OpenAI 2024 costs, revenue and loss (The Information, relayed)", [])).toBe("OpenAI_2024_costs_revenue_and");
    expect(sheetNameFor("Big tech capital expenditure ab", [])).toBe("Big_tech_capital_expenditure_ab");
    expect(sheetNameFor("Big tech capital expenditure ab", ["Big_tech_capital_expenditure_ab"])).toBe("Big_tech_capital_expenditure_2");
  });

  it("keeps a de-duplicated long Korean name within 31 characters, cut between words", () => {
    const first = sheetNameFor("오픈AI 2024년 비용·매출·손실(디인포메이션 보도 인용)", []);
    expect(first).toBe("오픈AI_2024년_비용_매출_손실_디인포메이션_보도");
    const second = sheetNameFor("오픈AI 2024년 비용·매출·손실(디인포메이션 보도 인용)", [first]);
    expect(second).toBe("오픈AI_2024년_비용_매출_손실_디인포메이션_보도_2");
    const third = sheetNameFor("오픈AI 2024년 비용·매출·손실(디인포메이션 보도 인용)", [first, second, "오픈AI_2024년_비용_매출_손실_디인포메이션_보도_3"]);
    expect(third).toBe("오픈AI_2024년_비용_매출_손실_디인포메이션_보도_4");
    expect(second.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
  });

  it("needs no quotes in formulas where a plain name serves", () => {
    expect(needsQuotes(sheetNameFor("Big tech capital expenditure", []))).toBe(false);
    expect(needsQuotes("Big tech capital expenditure")).toBe(true);
    expect(needsQuotes("AB12")).toBe(true);
    expect(needsQuotes("R1C1")).toBe(true);
    expect(needsQuotes("2024_column")).toBe(true);
  });

  it("always gives a name Excel accepts and no sheet has", () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ maxLength: 31 }), { maxLength: 5 }), (title, existing) => {
        const name = sheetNameFor(title, existing);
        return (
          name.length > 0 &&
          name.length <= MAX_SHEET_NAME &&
          !/[[\]:*?/\\]/.test(name) &&
          !name.startsWith("'") &&
          !name.endsWith("'") &&
          !existing.some((e) => e.toLowerCase() === name.toLowerCase())
        );
      }),
    );
  });
});

describe("tableNameFor", () => {
  it.each([
    ["openai-2024-costs", [], "AIFIN_openai_2024_costs"],
    ["openai-2024-costs", ["AIFIN_openai_2024_costs"], "AIFIN_openai_2024_costs_2"],
    ["openai-2024-costs", ["aifin_OPENAI_2024_costs"], "AIFIN_openai_2024_costs_2"],
    ["openai-2024-costs", ["AIFIN_openai_2024_costs_Sources"], "AIFIN_openai_2024_costs_2"],
    ["usd-krw-rates", [], "AIFIN_usd_krw_rates"],
  ])("%s with %j → %s", (id, existing, name) => {
    expect(tableNameFor(id, existing)).toBe(name);
  });

  it("always gives a valid name that no table or name has, nor its sources table", () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { maxLength: 5 }), (id, existing) => {
        const name = tableNameFor(id, existing);
        const taken = existing.map((e) => e.toLowerCase());
        return isValidTableName(name) && isValidTableName(`${name}_Sources`) && !taken.includes(name.toLowerCase()) && !taken.includes(`${name}_sources`);
      }),
    );
  });
});

describe("isValidTableName", () => {
  it.each([
    ["AIFIN_bigtech_capex", true],
    ["_x", true],
    ["Table1", true],
    ["AB12", false],
    ["R1C1", false],
    ["C", false],
    ["r", false],
    ["1abc", false],
    ["has space", false],
    ["", false],
    ["a".repeat(256), false],
  ])("%s → %s", (name, valid) => {
    expect(isValidTableName(name)).toBe(valid);
  });
});
