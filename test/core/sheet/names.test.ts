import fc from "fast-check";
import { MAX_SHEET_NAME, isValidTableName, sheetNameFor, tableNameFor } from "../../../src/core/sheet/names";

describe("sheetNameFor", () => {
  it.each([
    ["Big tech capex: 2023/2025", [], "Big tech capex 2023 2025"],
    ["OpenAI costs", ["openai costs"], "OpenAI costs (2)"],
    ["OpenAI costs", ["OpenAI costs", "OpenAI costs (2)"], "OpenAI costs (3)"],
    ["[x]*?", [], "x"],
    ["***", [], "AIFIN"],
    ["'quoted'", [], "quoted"],
    ["History", [], "History (2)"],
  ])("%s with %j → %s", (title, existing, name) => {
    expect(sheetNameFor(title, existing)).toBe(name);
  });

  it("cuts a long title at a word, within 31 characters", () => {
    const name = sheetNameFor("OpenAI 2024 costs, revenue and loss (The Information, relayed)", []);
    expect(name).toBe("OpenAI 2024 costs, revenue and");
    expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
  });

  it("keeps a de-duplicated long name within 31 characters", () => {
    const first = sheetNameFor("오픈AI 2024년 비용·매출·손실(디인포메이션 보도 인용)", []);
    const second = sheetNameFor("오픈AI 2024년 비용·매출·손실(디인포메이션 보도 인용)", [first]);
    expect(second.endsWith(" (2)")).toBe(true);
    expect(second.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
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
