import { companyNames, datasetIds, datasetTable, sourceText } from "../../../src/core/data/table";
import { lookupFigure } from "../../../src/core/data/lookup";
import { fxRate } from "../../../src/core/fx/rates";
import { failure } from "../../support/failure";

describe("datasetTable", () => {
  it("starts with the localized header row", () => {
    expect(datasetTable("column-2024", true, "en")[0]).toEqual(["Company", "Metric", "Period", "Value", "Currency", "Status", "Source"]);
    expect(datasetTable("column-2024", true, "ko")[0]).toEqual(["회사", "지표", "기간", "값", "통화", "상태", "출처"]);
  });

  it("has one row per data row, 7 columns wide, without headers when asked", () => {
    const table = datasetTable("bigtech-capex", false);
    expect(table).toHaveLength(17);
    for (const row of table) expect(row).toHaveLength(7);
  });

  it("shows the column's figures as it states them", () => {
    expect(datasetTable("column-2024").slice(1, 7)).toEqual([
      ["OpenAI", "Training spending", "2024 (expected)", 3_000_000_000, "USD", "confirmed (expected)", "매거진동아 (Magazine Donga)"],
      ["OpenAI", "Total spending", "2024 (expected)", 8_000_000_000, "USD", "confirmed (over)", "매거진동아 (Magazine Donga)"],
      ["OpenAI", "Revenue", "2024 (expected)", 4_000_000_000, "USD", "confirmed (expected)", "매거진동아 (Magazine Donga)"],
      ["OpenAI", "Loss", "2024", 4_000_000_000, "USD", "derived (approximately)", "매거진동아 (Magazine Donga)"],
      ["Oracle", "AI data-center infrastructure plan", "next 3 years", 130_000_000_000, "USD", "UNCONFIRMED", "매거진동아 (Magazine Donga)"],
      ["Naver", "AI investment", "previous year (2023)", 2_000_000_000_000, "KRW", "confirmed", "매거진동아 (Magazine Donga)"],
    ]);
  });

  it("shows an implied rate with the figure it comes from", () => {
    expect(datasetTable("column-2024", false, "ko")[6]).toEqual([
      "원/달러 환율", "칼럼의 환산 환율: 오픈AI, 학습 비용", "2024", 1320, "KRW", "계산값", "매거진동아 (Magazine Donga)",
    ]);
  });

  it("writes a range as text, never as one number", () => {
    const revenue = datasetTable("openai-2024-costs", false).find((row) => row[1] === "Revenue");
    expect(revenue).toEqual(["OpenAI", "Revenue", "2024", "3,500,000,000–4,500,000,000", "USD", "confirmed (expected)", "AI Times (aitimes.com), relaying The Information (2024-07-24)"]);
  });

  it("shows rates in Korean", () => {
    expect(datasetTable("usd-krw-rates", false, "ko")[3]).toEqual(["원/달러 환율", "분기 평균", "2024-Q4", 1398.75, "KRW", "확인", "edaily (citing Bank of Korea ECOS) (2024-12-31)"]);
  });

  it("throws #N/A for an unknown dataset", () => {
    expect(failure(() => datasetTable("nope")).key).toBe("unknownDataset");
  });
});

describe("companyNames", () => {
  it("lists every registered company without a dataset", () => {
    expect(companyNames()).toEqual([
      "OpenAI", "Oracle", "Naver", "Meta", "Tesla", "Dell", "IBM", "Microsoft", "Alphabet", "Amazon",
      "Samsung Electronics", "SK Group", "SK hynix", "LG Group", "Kakao",
    ]);
  });

  it.each([
    ["column-2024", "en", ["OpenAI", "Oracle", "Naver"]],
    ["bigtech-capex", "en", ["Oracle", "Meta", "Tesla", "Microsoft", "Alphabet", "Amazon"]],
    ["korea-ai-investment", "ko", ["네이버", "삼성전자", "SK그룹", "SK하이닉스", "LG그룹", "카카오"]],
    ["usd-krw-rates", "en", []],
  ] as const)("lists the companies with a figure in %s (%s)", (id, lang, names) => {
    expect(companyNames(id, lang)).toEqual(names);
  });
});

describe("sourceText", () => {
  it.each([
    ["Google", "capex", 2024, "datacenterdynamics.com, Alphabet's capital expenditure in 2024"],
    ["Tesla", "ai_investment", 2024, "sahmcapital.com, Musk on Tesla's 2024 AI spending (2024-04-29)"],
  ] as const)("cites publisher, title and date: %s %s %i", (company, metric, year, text) => {
    expect(sourceText(lookupFigure({ company, metric, year }))).toBe(text);
  });

  it("adds the url where the data has one", () => {
    expect(sourceText(lookupFigure({ company: "OpenAI", metric: "loss", year: 2024, dataset: "openai-2024-costs" }))).toBe(
      "AI Times (aitimes.com), relaying The Information, OpenAI's 2024 costs, revenue and loss (report of The Information, 2024-07-24) (2024-07-24), aitimes.com/news/articleView.html?idxno=161952",
    );
  });

  it("flags an unconfirmed figure with its note", () => {
    expect(sourceText(lookupFigure({ company: "Oracle", metric: "infrastructure_plan", year: 2024 }))).toMatch(
      /^매거진동아 \(Magazine Donga\), Column on companies' AI spending \(headline not recorded\) — UNCONFIRMED: The column's claim;/,
    );
  });

  it("says a derived figure is derived, in Korean too", () => {
    const figure = lookupFigure({ company: "OpenAI", metric: "loss", year: 2024 });
    expect(sourceText(figure, "en")).toMatch(/ — derived: Derived in the column itself by simple arithmetic/);
    expect(sourceText(figure, "ko")).toMatch(/ — 계산값: Derived in the column itself/);
  });

  it("states the metric and year the lookup chose", () => {
    expect(sourceText(lookupFigure({ company: "Kakao" }))).toBe(
      "v.daum.net, Kakao's facility investment, 2022–2024 — metric Facility investment (the default) — 2024, the latest year with a Facility investment figure",
    );
    expect(sourceText(lookupFigure({ company: "Kakao", metric: "facility" }), "ko")).toBe(
      "v.daum.net, Kakao's facility investment, 2022–2024 — 시설투자 수치가 있는 가장 최근 연도 2024년",
    );
  });

  it("states the rate a conversion used, and its status", () => {
    const figure = lookupFigure({ company: "OpenAI", metric: "training", year: 2024 });
    expect(sourceText(figure, "en", fxRate(2024))).toMatch(
      / — converted at 1,364.435 KRW per USD \(2024, Annual average, derived\)$/,
    );
    expect(sourceText(figure, "ko", fxRate("2024-Q3"))).toMatch(/ — 1,358.35원\/달러로 환산\(2024-Q3, 분기 평균\)$/);
  });
});

describe("datasetIds", () => {
  it("lists the ids in the default order", () => {
    expect(datasetIds()).toEqual(["column-2024", "openai-2024-costs", "bigtech-capex", "korea-ai-investment", "usd-krw-rates"]);
  });
});
