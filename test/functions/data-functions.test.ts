import {
  aiCompaniesFunction,
  aiRevenueFunction,
  aiSourceFunction,
  aiSpendFunction,
  aiTableFunction,
  fxRateFunction,
  fxSourceFunction,
  krwToUsdFunction,
  netLossFunction,
  usdToKrwFunction,
} from "../../src/functions/functions";
import { setReferenceChoice } from "../../src/shared/reference-rate";
import { embeddedFxData, spanQuote } from "../../src/core/fx/rates";
import { isoToDayNumber } from "../../src/core/fx/ecb";
import { usdToKrw } from "../../src/core/money";

/** What Excel shows for a call: the value (a 1×1 spill unwrapped), or "#CODE: reason" for the error thrown. */
function excel(call: () => unknown): unknown {
  try {
    const result = call();
    if (result instanceof Promise) throw new Error("deferred: in node the workbook's rate is known at once");
    return Array.isArray(result) && result.length === 1 && Array.isArray(result[0]) && result[0].length === 1 ? result[0][0] : result;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    if (!(error instanceof CustomFunctions.Error)) throw error;
    return e.message ? `${e.code}: ${e.message}` : e.code;
  }
}

const omitted = null as unknown as undefined;
const data = embeddedFxData();
/** The ECB-derived average over a span, as the functions convert a figure for it. */
const averageOver = (start: string, end: string) => spanQuote(data, { start: isoToDayNumber(start), end: isoToDayNumber(end), label: "x" }, "average", "ECB").value;

describe("AI_SPEND", () => {
  it.each([
    ["Microsoft", "capex", "FY2023", 28_107_000_000],
    ["MSFT", "CAPEX", "Q1 FY2024", 9_917_000_000],
    ["구글", "capex", 2024, 52_535_000_000],
    ["Alphabet", "capex", "FY2025", 91_447_000_000],
    ["삼성전자", "시설투자", 2024, 53_646_100_000_000],
    ["SK하이닉스", "investment_plan", "2024-2028", 103_000_000_000_000],
    ["Kakao", "facility", 2024, 505_900_000_000],
    ["OpenAI", "training", 2024, 3_000_000_000],
  ])("AI_SPEND(%p, %p, %p) is %p, as published", (company, metric, period, value) => {
    expect(excel(() => aiSpendFunction(company, metric, period))).toBe(value);
  });

  it("takes the best source by default, a dataset's own figure by its id, and names a withdrawn dataset's reason", () => {
    expect(aiSpendFunction("OpenAI", "total", 2024)).toBe(8_500_000_000);
    expect(aiSpendFunction("Microsoft", "capex", "FY2023", omitted, "bigtech-capex")).toBe(28_107_000_000);
    expect(excel(() => aiSpendFunction("OpenAI", "total", 2024, omitted, "column-2024"))).toMatch(/^#N\/A: The dataset 'column-2024' was withdrawn: its figures had no document a reader can follow/);
  });

  it("converts a figure at the average rate over its own fiscal period's dates (IAS 21 for flows)", () => {
    // Microsoft FY2024 = 2023-07-01..2024-06-30: no official figure for that span, so the ECB-derived mean.
    const usd = aiSpendFunction("Microsoft", "capex", "FY2023");
    expect(aiSpendFunction("Microsoft", "capex", "FY2023", "KRW")).toBe(usdToKrw(usd, averageOver("2022-07-01", "2023-06-30")));
    // A calendar year with a confirmed official annual average uses it (2023: 1,306).
    expect(aiSpendFunction("Alphabet", "capex", 2023, "KRW")).toBe(usdToKrw(32_251_000_000, 1306));
    // A quarter: its own three months.
    expect(aiSpendFunction("Microsoft", "capex", "FY2024-Q1", "KRW")).toBe(usdToKrw(9_917_000_000, averageOver("2023-07-01", "2023-09-30")));
  });

  it("refuses to convert a period the rates do not cover yet", () => {
    expect(excel(() => aiSpendFunction("OpenAI", "cash_burn", 2026, "KRW"))).toMatch(/^#N\/A: No USD\/KRW rate for 2026: rates end 2026-04-13, before the period does; refresh/);
  });

  it("reads period arguments whatever their type, with a reason for every refusal", () => {
    expect(excel(() => aiSpendFunction("Microsoft", "capex", "FY2023"))).toBe(28_107_000_000);
    expect(excel(() => aiSpendFunction("Microsoft", "capex", true))).toMatch(/^#VALUE!: 'TRUE' is not a fiscal period/);
    expect(excel(() => aiSpendFunction("Microsoft", "capex", "2024-Q3 please"))).toMatch(/^#VALUE!: '2024-Q3 please' is not a fiscal period/);
    expect(excel(() => aiSpendFunction("Microsoft", "capex", "2024-Q2"))).toMatch(/^#N\/A: Microsoft has no .capex. figure for FY2024-Q2/);
  });

  it.each([
    [["Nonexistent Corp", "total", 2024], /^#N\/A: Unknown company 'Nonexistent Corp' — see AI_COMPANIES\(\)/],
    [["OpenAI", "bananas", 2024], /^#VALUE!: 'bananas' is not a metric/],
    [["Kakao", "revenue_run_rate"], /^#N\/A: Kakao has no 'revenue_run_rate' figure/],
    [["Meta", "capex_guidance", 2025], /^#N\/A: Meta capex_guidance 2025 is a range, 70,000,000,000–72,000,000,000 USD/],
    [["OpenAI", "training", 2024, "EUR"], /^#VALUE!: Unknown currency 'EUR'/],
  ])("AI_SPEND(%p) is %p", (args, shown) => {
    const [company, metric, period, currency] = args as [string, string, number, string?];
    expect(excel(() => aiSpendFunction(company, metric, period, currency))).toMatch(shown);
  });

  it("answers an earlier guidance statement by the date it was given", () => {
    expect(aiSpendFunction("Alphabet", "capex_guidance", 2025, omitted, omitted, "2025-02-04")).toBe(75_000_000_000);
    expect(aiSpendFunction("Alphabet", "capex_guidance", 2025, omitted, omitted, "2025-08-01")).toBe(85_000_000_000);
  });
});

describe("AI_REVENUE", () => {
  it("is the revenue figure of the company's fiscal period", () => {
    expect(aiRevenueFunction("NVIDIA", "FY2026")).toBe(215_938_000_000);
    expect(aiRevenueFunction("엔비디아", "Q1 FY2027")).toBe(81_615_000_000);
  });
});

describe("NET_LOSS with a company", () => {
  it("is total spending − revenue from the best sources, the qualifiers stated by AI_SOURCE", () => {
    expect(netLossFunction([["OpenAI"]], omitted, 2024)).toEqual([[8_500_000_000 - 3_700_000_000]]);
    const how = aiSourceFunction("OpenAI", "net_loss", 2024);
    expect(how).toMatch(/net loss = total spending \(.*\) − revenue \(.*\)/);
    expect(how).toMatch(/Total spending is up to, so the loss is too/);
  });

  it("from the dataset named, its figures only", () => {
    expect(netLossFunction([["OpenAI"]], omitted, 2024, omitted, "ai-labs")).toEqual([[8_500_000_000 - 3_700_000_000]]);
    expect(excel(() => netLossFunction([["OpenAI"]], omitted, 2024, omitted, "bigtech-capex"))).toBe("#N/A: OpenAI has no figures in bigtech-capex");
  });

  it("is the reported net loss where the data holds one", () => {
    expect(netLossFunction([["xAI"]], omitted, "2025-Q3")).toEqual([[1_460_000_000]]);
  });

  it("keeps the numeric form, and refuses an amount without expenses", () => {
    expect(netLossFunction([[4e9]], [[8e9]])).toEqual([[4e9]]);
    expect(excel(() => netLossFunction([[4e9]]))).toMatch(/^#VALUE!: NET_LOSS needs expenses/);
  });
});

describe("FX_RATE", () => {
  afterEach(() => setReferenceChoice(null));

  it.each<[unknown, number]>([
    ["2023-06-15", 1282.56],
    [45092, 1282.56], // the serial of 2023-06-15
    ["2024-Q3", 1358.35], // official (Bank of Korea, as reported)
    ["2024-11", 1394.3],
  ])("FX_RATE(%p) is %p won per dollar", (period, rate) => {
    expect(excel(() => fxRateFunction(period as never))).toBe(rate);
  });

  it("takes a basis and a source", () => {
    expect(excel(() => fxRateFunction(2024 as never, "close"))).toBe(1472.5);
    expect(excel(() => fxRateFunction(2024 as never, "close", "ECB"))).toBe(1474.78);
    expect(excel(() => fxRateFunction("2024-Q3" as never, omitted, "BOK"))).toBe(1358.35);
    expect(excel(() => fxRateFunction(2024 as never, omitted, "BOK"))).toMatch(/^#N\/A: No official \(Bank of Korea \/ Seoul market\) USD\/KRW average for 2024/);
  });

  it("spills a range of dates, a bad cell erring alone", () => {
    const result = fxRateFunction([[45092], ["2024-06-28"], ["2023-02-30"], [null]]) as unknown as unknown[][];
    expect(result[0][0]).toBe(1282.56);
    expect(result[1][0]).toBe(1377.73);
    expect(String((result[2][0] as { message: string }).message)).toMatch(/'2023-02-30' is not a period/);
    expect(result[3][0]).toBe("");
  });

  it("refuses days after the data with 'refresh', and TODAY() in December 2026 is one", () => {
    expect(excel(() => fxRateFunction(46357 as never))).toMatch(/^#N\/A: No USD\/KRW rate for 2026-12-01: rates end 2026-04-13; refresh to get newer rates/);
  });

  it("is the latest rate in the data when omitted, and the functions' default rate follows it", () => {
    expect(excel(() => fxRateFunction())).toBe(1489.95);
    expect(excel(() => usdToKrwFunction([[100]]))).toBe(148_995);
  });

  it("follows the workbook's choice: a pinned day, a period on a basis, a manual rate", () => {
    setReferenceChoice({ kind: "latest", day: "2024-06-28" });
    expect(excel(() => fxRateFunction())).toBe(1377.73);
    setReferenceChoice({ kind: "period", period: "2024", basis: "close" });
    expect(excel(() => fxRateFunction())).toBe(1472.5);
    expect(excel(() => usdToKrwFunction([[100]]))).toBe(147_250);
    setReferenceChoice({ kind: "manual", rate: 1300 });
    expect(excel(() => krwToUsdFunction([[1300]]))).toBe(1);
  });

  it("refuses a basis or source with the reference rate", () => {
    expect(excel(() => fxRateFunction(omitted, "close"))).toMatch(/^#VALUE!: The reference rate takes no basis or source/);
  });
});

describe("FX_SOURCE", () => {
  afterEach(() => setReferenceChoice(null));

  it("states the rate, its day or period, its basis and its source", () => {
    expect(excel(() => fxSourceFunction("2023-06-15"))).toMatch(/^1,282.56 KRW per USD on 2023-06-15, derived from ECB reference rates \(KRW and USD per EUR: 1387.60 and 1.0819/);
    expect(excel(() => fxSourceFunction("2024-Q3"))).toMatch(/^1,358.35 KRW per USD, the quarterly average of 2024-Q3/);
    expect(excel(() => fxSourceFunction(2024, "close", "ECB"))).toMatch(/the close of 2024 \(its last ECB business day, 2024-12-31\)/);
  });

  it("states the reference rate and what the workbook pins", () => {
    expect(excel(() => fxSourceFunction())).toMatch(/^1,489.95 KRW per USD on 2026-04-13, .* — the workbook's reference rate \(the latest rate in the data\)$/);
    setReferenceChoice({ kind: "manual", rate: 1350 });
    expect(excel(() => fxSourceFunction())).toBe("1,350.00 KRW per USD, typed by hand — the workbook's reference rate (a rate typed in the settings)");
  });
});

describe("AI_COMPANIES, AI_TABLE, AI_SOURCE", () => {
  it("lists companies with figures as a spilled column", () => {
    const names = aiCompaniesFunction().map((row) => row[0]);
    expect(names).toEqual(expect.arrayContaining(["OpenAI", "Naver", "Samsung Electronics", "NVIDIA", "Apple"]));
    expect(aiCompaniesFunction("korea-ai-investment").every((row) => row.length === 1)).toBe(true);
  });

  it("spills a dataset as a table with a header row and URLs", () => {
    const table = aiTableFunction("bigtech-capex");
    expect(table[0]).toHaveLength(9);
    expect(table[0][8]).toBe("URL");
    expect(table.flat()).toContain(28_107_000_000);
    expect(aiTableFunction("bigtech-capex", false).length).toBe(table.length - 1);
  });

  it("cites the document with its URL, its kind and the period's dates", () => {
    expect(aiSourceFunction("Microsoft", "capex", "FY2023")).toMatch(/https:\/\/www\.microsoft\.com\/\S+ — company release — FY2023 = 2022-07-01 to 2023-06-30/);
    expect(aiSourceFunction("OpenAI", "total", 2024)).toMatch(/https:\/\/www\.aitimes\.com\/\S+ — press report — 2024 = 2024-01-01 to 2024-12-31 — .*UNCONFIRMED/);
  });

  it("states the rate a conversion used, with its dates and basis", () => {
    expect(aiSourceFunction("Microsoft", "capex", "FY2023", "KRW")).toMatch(/converted to KRW at [\d,]+\.\d\d KRW per USD, the average of FY2023 \(2022-07-01 to 2023-06-30: the mean of \d+ daily rates/);
  });

  it("shows the amount the source itself published in the other currency beside the conversion", () => {
    expect(aiSourceFunction("OpenAI", "total", 2024, "KRW")).toMatch(/the source itself published ₩12,000,000,000,000 \(약 12조원\), [+-]\d+\.\d% from the conversion/);
  });

  it("refuses an unknown dataset with #N/A", () => {
    expect(excel(() => aiTableFunction("nope"))).toMatch(/^#N\/A/);
  });
});
