/* Spot-checks of every dataset against ../shared/reference/figures.md: the figure, its currency,
 * status and qualifier, looked up the way users type company names (English, Korean, tickers). */
import { lookupFigure } from "../../../src/core/data/lookup";
import { datasetById, rateRows } from "../../../src/core/data/catalog";

type Spot = [company: string, metric: string, year: number, dataset: string | null, value: number, currency: string, status: string, qualifier?: string];

function check([company, metric, year, dataset, value, currency, status, qualifier]: Spot): void {
  const figure = lookupFigure({ company, metric, year, dataset });
  expect(figure.row.value).toBe(value);
  expect(figure.row.currency).toBe(currency);
  expect(figure.row.status).toBe(status);
  expect(figure.row.qualifier).toBe(qualifier);
  if (dataset !== null) expect(figure.dataset.meta.id).toBe(dataset);
}

describe("column-2024 (figures.md §1), the default where sources disagree", () => {
  it.each<Spot>([
    ["OpenAI", "training", 2024, null, 3_000_000_000, "USD", "confirmed", "expected"],
    ["오픈AI", "training", 2024, null, 3_000_000_000, "USD", "confirmed", "expected"],
    ["OpenAI", "total", 2024, null, 8_000_000_000, "USD", "confirmed", "over"],
    ["OpenAI", "revenue", 2024, "column-2024", 4_000_000_000, "USD", "confirmed", "expected"],
    ["OpenAI", "loss", 2024, null, 4_000_000_000, "USD", "derived", "approximately"],
    ["Oracle", "infrastructure_plan", 2024, null, 130_000_000_000, "USD", "unconfirmed", undefined],
    ["네이버", "ai_investment", 2023, null, 2_000_000_000_000, "KRW", "confirmed", undefined],
  ])("%s %s %i (%s) = %d %s, %s", (...spot) => check(spot));

  it("defaults OpenAI's total to the column's 'over 8B', from the column", () => {
    const figure = lookupFigure({ company: "OpenAI", metric: "total", year: 2024 });
    expect(figure.dataset.meta.id).toBe("column-2024");
    expect(figure.row.quote).toBe("연간 지출은 80억 달러(약 10조5700억 원)를 넘어설 것");
  });

  it("says the loss is the column's own arithmetic", () => {
    expect(lookupFigure({ company: "OpenAI", metric: "loss", year: 2024 }).row.note).toMatch(/Derived in the column itself/);
  });

  it("ships the Oracle claim flagged, with the nearest checked statement", () => {
    const { row } = lookupFigure({ company: "Oracle", metric: "infrastructure_plan" });
    expect(row.status).toBe("unconfirmed");
    expect(row.period).toBe("next 3 years");
    expect(row.note).toMatch(/around \$100 billion… over the next 4, 5 years/);
  });

  it("keeps the column's implied rates as derived rows", () => {
    const implied = rateRows(datasetById("column-2024"));
    expect(implied.map((r) => [r.basis?.company, r.basis?.metric, r.value, r.status])).toEqual([
      ["openai", "training", 1320, "derived"],
      ["openai", "total", 1321.25, "derived"],
      ["openai", "revenue", 1325, "derived"],
      ["oracle", "infrastructure_plan", 1322.31, "derived"],
    ]);
  });

  it("has no row for the companies it names without a figure, and lists them as mentions", () => {
    const column = datasetById("column-2024");
    const companies = column.rows.flatMap((r) => ("company" in r ? [r.company] : []));
    for (const id of ["meta", "tesla", "dell", "ibm"]) expect(companies).not.toContain(id);
    expect(column.meta.mentions?.map((m) => m.company)).toEqual(["meta", "tesla", "dell", "ibm"]);
  });
});

describe("openai-2024-costs (figures.md §2), reachable by dataset id", () => {
  it.each<Spot>([
    ["OpenAI", "total", 2024, "openai-2024-costs", 8_500_000_000, "USD", "confirmed", "up_to"],
    ["Open AI", "inference", 2024, "openai-2024-costs", 4_000_000_000, "USD", "confirmed", "approximately"],
    ["OpenAI", "training", 2024, "openai-2024-costs", 3_000_000_000, "USD", "confirmed", "up_to"],
    ["오픈AI", "staff", 2024, null, 1_500_000_000, "USD", "confirmed", "approximately"],
    ["OpenAI", "loss", 2024, "openai-2024-costs", 5_000_000_000, "USD", "confirmed", "up_to"],
  ])("%s %s %i (%s) = %d %s, %s", (...spot) => check(spot));

  it("keeps the revenue range 3.5B–4.5B", () => {
    const row = datasetById("openai-2024-costs").rows.find((r) => "metric" in r && r.metric === "revenue");
    expect(row).toMatchObject({ value: null, low: 3_500_000_000, high: 4_500_000_000, currency: "USD" });
  });
});

describe("bigtech-capex (figures.md §3)", () => {
  it.each<Spot>([
    ["Microsoft", "capex", 2023, null, 28_110_000_000, "USD", "confirmed", undefined],
    ["MSFT", "capex", 2024, null, 44_480_000_000, "USD", "confirmed", undefined],
    ["마이크로소프트", "capex", 2025, null, 64_550_000_000, "USD", "confirmed", undefined],
    ["Microsoft", "infrastructure_plan", 2025, null, 80_000_000_000, "USD", "confirmed", "approximately"],
    ["Alphabet", "capex", 2023, null, 32_300_000_000, "USD", "confirmed", undefined],
    ["Google", "capex", 2024, null, 52_500_000_000, "USD", "confirmed", undefined],
    ["구글", "capex_guidance", 2025, null, 75_000_000_000, "USD", "confirmed", "approximately"],
    ["Amazon", "capex", 2023, null, 48_400_000_000, "USD", "confirmed", undefined],
    ["아마존", "capex", 2024, null, 83_000_000_000, "USD", "confirmed", undefined],
    ["AMZN", "capex_guidance", 2025, null, 100_000_000_000, "USD", "confirmed", "expected"],
    ["Meta", "capex", 2024, null, 39_230_000_000, "USD", "confirmed", undefined],
    ["Facebook", "capex", 2023, null, 28_100_000_000, "USD", "unconfirmed", undefined],
    ["Oracle", "capex", 2024, null, 6_870_000_000, "USD", "confirmed", undefined],
    ["오라클", "capex", 2025, null, 21_200_000_000, "USD", "confirmed", undefined],
    ["Tesla", "capex", 2023, null, 8_900_000_000, "USD", "confirmed", undefined],
    ["테슬라", "ai_investment", 2024, null, 10_000_000_000, "USD", "confirmed", "approximately"],
  ])("%s %s %i = %d %s, %s", (...spot) => check(spot));

  it("says why Meta 2023 is unconfirmed and what the quarterly payments sum to", () => {
    expect(lookupFigure({ company: "Meta", metric: "capex", year: 2023 }).row.note).toMatch(/sum to 27\.04B \(derived\)/);
  });

  it("keeps Meta's 2025 guidance as the range 60B–65B", () => {
    const row = datasetById("bigtech-capex").rows.find((r) => "metric" in r && r.company === "meta" && r.metric === "capex_guidance");
    expect(row).toMatchObject({ value: null, low: 60_000_000_000, high: 65_000_000_000 });
  });
});

describe("korea-ai-investment (figures.md §4)", () => {
  it.each<Spot>([
    ["Naver", "rnd", 2023, null, 1_992_600_000_000, "KRW", "confirmed", undefined],
    ["네이버", "rnd", 2022, null, 1_809_100_000_000, "KRW", "unconfirmed", undefined],
    ["NAVER", "facility", 2023, null, 692_300_000_000, "KRW", "confirmed", undefined],
    ["네이버", "facility", 2022, null, 756_200_000_000, "KRW", "unconfirmed", undefined],
    ["네이버", "시설투자", 2024, null, 580_300_000_000, "KRW", "confirmed", undefined],
    ["삼성전자", "facility", 2024, null, 53_646_100_000_000, "KRW", "confirmed", undefined],
    ["Samsung Electronics", "facility", 2023, null, 53_113_900_000_000, "KRW", "unconfirmed", undefined],
    ["005930", "rnd", 2023, null, 28_352_800_000_000, "KRW", "unconfirmed", undefined],
    ["Samsung", "R&D", 2024, null, 35_021_500_000_000, "KRW", "unconfirmed", undefined],
    ["SK그룹", "investment_plan", 2024, null, 80_000_000_000_000, "KRW", "confirmed", undefined],
    ["SK하이닉스", "investment_plan", 2024, null, 103_000_000_000_000, "KRW", "confirmed", undefined],
    ["LG그룹", "ai_rnd_plan", 2023, null, 3_600_000_000_000, "KRW", "confirmed", undefined],
    ["카카오", "facility", 2022, null, 642_900_000_000, "KRW", "confirmed", undefined],
    ["Kakao", "facility", 2023, null, 722_200_000_000, "KRW", "confirmed", undefined],
    ["035720", "facility", 2024, null, 505_900_000_000, "KRW", "confirmed", undefined],
  ])("%s %s %i = %d %s, %s", (...spot) => check(spot));

  it("ships Samsung's R&D, quoted nowhere in figures.md, as unconfirmed with the source named", () => {
    expect(lookupFigure({ company: "삼성전자", metric: "rnd", year: 2024 }).row.note).toBe(
      "Source named (news1.kr, 2024 annual report), quote not recorded (35조215억).",
    );
  });

  it("files multi-year plans under their first year, keeping the published period", () => {
    expect(lookupFigure({ company: "SK hynix" }).row.period).toBe("2024-2028");
    expect(lookupFigure({ company: "LG" }).row.period).toBe("5 years from 2023");
  });
});

describe("usd-krw-rates (figures.md §5)", () => {
  const rates = rateRows(datasetById("usd-krw-rates"));
  const rate = (period: string) => rates.find((r) => r.period === period);

  it.each([
    ["2024-Q1", "quarter_average", 1329.4, "confirmed"],
    ["2024-Q2", "quarter_average", 1371.24, "confirmed"],
    ["2024-Q3", "quarter_average", 1358.35, "confirmed"],
    ["2024-Q4", "quarter_average", 1398.75, "confirmed"],
    ["2024-11", "month_average", 1394.3, "unconfirmed"],
    ["2024-12", "month_average", 1436.8, "unconfirmed"],
    ["2023-12-31", "year_end_close", 1288, "unconfirmed"],
    ["2024-12-31", "year_end_close", 1472.5, "unconfirmed"],
    ["2024-06-28", "ecb_cross", 1377.73, "derived"],
    ["2024", "annual_average", 1364.435, "derived"],
  ])("%s %s = %d (%s)", (period, kind, value, status) => {
    expect(rate(period)).toMatchObject({ kind, value, status });
  });

  it("derives the 2024 annual average exactly as the mean of the four quarterly averages", () => {
    const quarters = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"].map((p) => Math.round((rate(p)?.value ?? NaN) * 100));
    // In hundredths of a won, so the sum is exact: 545774 / 4 = 136443.5 → 1364.435.
    expect(quarters.reduce((a, b) => a + b, 0) / 4 / 100).toBe(rate("2024")?.value);
  });

  it("derives the ECB cross rate as KRW per EUR ÷ USD per EUR, to the cent", () => {
    expect(Math.round((1474.86 / 1.0705) * 100) / 100).toBe(rate("2024-06-28")?.value);
  });
});
