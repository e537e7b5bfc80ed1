import {
  aiCompaniesFunction,
  aiRevenueFunction,
  aiSourceFunction,
  aiSpendFunction,
  aiTableFunction,
  fxRateFunction,
  krwToUsdFunction,
  netLossFunction,
  usdToKrwFunction,
} from "../../src/functions/functions";
import { setReferenceChoice } from "../../src/shared/reference-rate";

/** What Excel shows for a scalar call: the value, or "#CODE: reason" for the error thrown. */
function excel(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    const e = error as { code?: string; message?: string };
    if (!(error instanceof CustomFunctions.Error)) throw error;
    return e.message ? `${e.code}: ${e.message}` : e.code;
  }
}

const omitted = null as unknown as undefined;

describe("AI_SPEND", () => {
  it.each([
    ["OpenAI", "training", 2024, 3_000_000_000],
    ["오픈AI", "training", 2024, 3_000_000_000],
    ["OpenAI", "total", 2024, 8_000_000_000],
    ["open ai", "revenue", 2024, 4_000_000_000],
    ["네이버", "ai_investment", 2023, 2_000_000_000_000],
    ["Google", "capex", 2024, 52_500_000_000],
    ["구글", "capex", 2023, 32_300_000_000],
    ["삼성전자", "facility", 2024, 53_646_100_000_000],
    ["SK하이닉스", "investment_plan", 2024, 103_000_000_000_000],
    ["Kakao", "facility", 2024, 505_900_000_000],
  ])("AI_SPEND(%p, %p, %p) is %p, as published", (company, metric, year, value) => {
    expect(excel(() => aiSpendFunction(company, metric, year))).toBe(value);
  });

  it("prefers the column's figure and reaches the other source by dataset id", () => {
    expect(aiSpendFunction("OpenAI", "total", 2024)).toBe(8_000_000_000);
    expect(aiSpendFunction("OpenAI", "total", 2024, omitted, "openai-2024-costs")).toBe(8_500_000_000);
  });

  it("converts at the year's reference rate, the value USD_TO_KRW(x, FX_RATE(year)) gives", () => {
    const won = aiSpendFunction("OpenAI", "training", 2024, "KRW");
    expect(won).toBe(usdToKrwFunction([[3_000_000_000]], fxRateFunction(2024))[0][0]);
    expect(aiSpendFunction("OpenAI", "training", 2024, "USD")).toBe(3_000_000_000);
  });

  it("takes the latest year when the year is omitted", () => {
    expect(aiSpendFunction("Kakao", "facility")).toBe(505_900_000_000);
  });

  it.each([
    [["Nonexistent Corp", "total", 2024], /^#N\/A: Unknown company 'Nonexistent Corp' — see AI_COMPANIES\(\)/],
    [["OpenAI", "bananas", 2024], /^#VALUE!/],
    [["OpenAI", "capex", 2024], /^#N\/A: .*training/],
    [["OpenAI", "training", 2019], /^#N\/A: .*2024/],
    [["OpenAI", "training", 2024, "EUR"], /^#VALUE!: Unknown currency 'EUR'/],
  ])("AI_SPEND(%p) is %p", (args, shown) => {
    const [company, metric, year, currency] = args as [string, string, number, string?];
    expect(excel(() => aiSpendFunction(company, metric, year, currency))).toMatch(shown);
  });
});

describe("AI_REVENUE", () => {
  it("is the revenue figure", () => {
    expect(aiRevenueFunction("OpenAI", 2024)).toBe(4_000_000_000);
  });
});

describe("NET_LOSS with a company", () => {
  it("is total spending − revenue from the data: the column's 40억 달러", () => {
    expect(netLossFunction([["OpenAI"]], omitted, 2024)).toEqual([[4_000_000_000]]);
    expect(netLossFunction([["오픈AI"]])).toEqual([[4_000_000_000]]);
  });

  it("keeps the numeric form", () => {
    expect(netLossFunction([[4e9]], [[8e9]])).toEqual([[4e9]]);
  });

  it("refuses an amount without expenses", () => {
    expect(excel(() => netLossFunction([[4e9]]))).toMatch(/^#VALUE!: NET_LOSS needs expenses/);
  });
});

describe("FX_RATE", () => {
  afterEach(() => setReferenceChoice(null));

  it.each([
    ["2024-Q3", 1358.35],
    ["2024-Q1", 1329.4],
    [45657, 1472.5],
  ])("FX_RATE(%p) is %p won per dollar", (period, rate) => {
    expect(fxRateFunction(period)).toBe(rate);
  });

  it("is the reference rate when omitted, and the functions' default rate follows it", () => {
    expect(fxRateFunction()).toBe(1398.75);
    expect(usdToKrwFunction([[100]])).toEqual([[139_875]]);
  });

  it("follows the task pane's choice of a period or a manual rate", () => {
    setReferenceChoice({ kind: "period", period: "2024-Q3" });
    expect(fxRateFunction()).toBe(1358.35);
    expect(usdToKrwFunction([[100]])).toEqual([[135_835]]);
    setReferenceChoice({ kind: "manual", rate: 1300 });
    expect(krwToUsdFunction([[1300]])).toEqual([[1]]);
  });

  it("says which periods exist when a period has no rate", () => {
    expect(excel(() => fxRateFunction("2019-Q1"))).toMatch(/^#N\/A: .*2024-Q1/);
  });
});

describe("AI_COMPANIES, AI_TABLE, AI_SOURCE", () => {
  it("lists companies as a spilled column", () => {
    const names = aiCompaniesFunction().map((row) => row[0]);
    expect(names).toEqual(expect.arrayContaining(["OpenAI", "Naver", "Samsung Electronics"]));
    expect(aiCompaniesFunction("korea-ai-investment").every((row) => row.length === 1)).toBe(true);
  });

  it("spills a dataset as a table with a header row", () => {
    const table = aiTableFunction("column-2024");
    expect(table[0].length).toBe(7);
    expect(table.flat()).toContain(3_000_000_000);
    expect(aiTableFunction("column-2024", false).length).toBe(table.length - 1);
  });

  it("cites publisher and flags what is unconfirmed", () => {
    expect(aiSourceFunction("OpenAI", "training", 2024)).toMatch(/Donga|동아/);
    expect(aiSourceFunction("Oracle", "infrastructure_plan")).toMatch(/UNCONFIRMED/);
  });

  it("states the rate a conversion used", () => {
    expect(aiSourceFunction("OpenAI", "training", 2024, "KRW")).toMatch(/1,364\\.435|1,364.435/);
  });

  it("refuses an unknown dataset with #N/A", () => {
    expect(excel(() => aiTableFunction("nope"))).toMatch(/^#N\/A/);
  });
});
