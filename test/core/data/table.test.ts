import { citation, companyNames, datasetIds, datasetTable, sourceText } from "../../../src/core/data/table";
import { datasetById } from "../../../src/core/data/catalog";
import { lookupFigure } from "../../../src/core/data/lookup";
import { allCompanies } from "../../../src/core/data/companies";
import { failure } from "../../support/failure";

describe("datasetTable (AI_TABLE)", () => {
  it("starts with the localized header row, 9 columns, the URL among them", () => {
    expect(datasetTable("ai-labs", true, "en")[0]).toEqual(["Company", "Metric", "Period", "Value", "Currency", "Status", "Source", "Published", "URL"]);
    expect(datasetTable("ai-labs", true, "ko")[0]).toEqual(["회사", "지표", "기간", "값", "통화", "상태", "출처", "발표일", "URL"]);
  });

  it("has one row per data row, 9 columns wide, without headers when asked", () => {
    const table = datasetTable("bigtech-capex", false);
    expect(table).toHaveLength(datasetById("bigtech-capex").rows.length);
    for (const row of table) expect(row).toHaveLength(9);
  });

  it("shows each figure with its publisher, date and URL", () => {
    const row = datasetTable("bigtech-capex", false).find((r) => r[0] === "Microsoft" && r[2] === "FY2023" && r[1] === "Capital expenditure");
    expect(row).toEqual(["Microsoft", "Capital expenditure", "FY2023", 28_107_000_000, "USD", "confirmed", expect.stringMatching(/^Microsoft/), expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), expect.stringMatching(/^https:\/\/www\.microsoft\.com\//)]);
  });

  it("keeps a report's words: the qualifier in the status", () => {
    const row = datasetTable("bigtech-financials", false).find((r) => r[0] === "Dell" && r[2] === "FY2026" && r[5] === "confirmed (over)");
    expect(row?.[8]).toMatch(/^https?:\/\//);
  });

  it("writes a range as text, never as one number", () => {
    const row = datasetTable("bigtech-capex", false).find((r) => r[0] === "Meta" && r[1] === "Capex guidance" && r[2] === "2026");
    expect(row?.[3]).toBe("115,000,000,000–135,000,000,000");
  });

  it("shows a rate with its kind, in Korean", () => {
    expect(datasetTable("usd-krw-rates", false, "ko").find((r) => r[0] === "원/달러 환율" && r[2] === "2024-Q3")?.slice(0, 6)).toEqual(["원/달러 환율", "분기 평균", "2024-Q3", 1358.35, "KRW", "확인"]);
  });

  it("refuses an unknown dataset", () => {
    expect(failure(() => datasetTable("nope")).key).toBe("unknownDataset");
  });

  it("lists the datasets", () => {
    expect(datasetIds()).toEqual(["bigtech-capex", "bigtech-financials", "korea-ai-investment", "ai-labs", "usd-krw-rates"]);
  });
});

describe("companyNames (AI_COMPANIES)", () => {
  it("lists only companies with a figure, in registry order", () => {
    const names = companyNames();
    expect(names.length).toBeGreaterThanOrEqual(20);
    expect(names.length).toBeLessThanOrEqual(allCompanies().length);
    expect(names).toEqual(expect.arrayContaining(["OpenAI", "Microsoft", "NVIDIA", "Apple", "Dell", "IBM", "Anthropic", "xAI"]));
  });

  it("for one dataset, in Korean", () => {
    expect(companyNames("korea-ai-investment", "ko")).toEqual(expect.arrayContaining(["삼성전자", "SK하이닉스", "네이버", "카카오", "LG전자"]));
    expect(companyNames("korea-ai-investment", "ko")).not.toContain("오픈AI");
  });
});

describe("sourceText (AI_SOURCE)", () => {
  it("cites the document, its kind and the period's own dates", () => {
    const text = sourceText(lookupFigure({ company: "Microsoft", metric: "capex", period: "FY2023" }));
    expect(text).toMatch(/^Microsoft, .*\(\d{4}-\d{2}-\d{2}\), https:\/\/www\.microsoft\.com\/\S+ — company release — FY2023 = 2022-07-01 to 2023-06-30 — Additions to property and equipment/);
  });

  it("never loses the qualifier: over, up to, about, guidance given on a date", () => {
    expect(sourceText(lookupFigure({ company: "Microsoft", metric: "capex_incl_leases", period: "FY2023-Q4" }))).toMatch(/ — over( — |$)/);
    expect(sourceText(lookupFigure({ company: "OpenAI", metric: "total", period: 2024 }))).toMatch(/ — up to given on 2024-07-24 — UNCONFIRMED: /);
    expect(sourceText(lookupFigure({ company: "Microsoft", metric: "ai_investment" }))).toMatch(/ — about — /);
    expect(sourceText(lookupFigure({ company: "Alphabet", metric: "capex_guidance", period: 2025, given: "2025-07-23" }))).toMatch(/ — guidance given on 2025-07-23/);
  });

  it("says UNCONFIRMED and why; says derived and how", () => {
    expect(sourceText(lookupFigure({ company: "OpenAI", metric: "total", period: 2024 }))).toMatch(/ — UNCONFIRMED: Press report: The Information/);
    expect(sourceText(lookupFigure({ company: "Alphabet", metric: "capex", period: "2023-Q4" }), "ko")).toMatch(/ — 계산값: DERIVED: 32251000000 /);
  });

  it("states the defaults it chose", () => {
    const text = sourceText(lookupFigure({ company: "Kakao" }));
    expect(text).toMatch(/metric Capital expenditure \(the default\)/);
    expect(text).toMatch(/, the latest period with a Capital expenditure figure/);
  });

  it("says when it chose among several sources", () => {
    expect(sourceText(lookupFigure({ company: "OpenAI", metric: "revenue", period: 2024 }))).toMatch(/the best of \d sources for this figure/);
  });

  it("cites without a title where the data has none (the functions bundle's copy)", () => {
    const source = { ...lookupFigure({ company: "Tesla", metric: "capex", period: 2023 }).source, title: "" };
    expect(citation(source, "en")).toBe(`${source.publisher} (${source.published}), ${source.url} — company release (copy)`);
  });
});
