import { companyCoverage, comparePeriodLabels, lookupFigure, type FigureQuery } from "../../../src/core/data/lookup";
import { failure } from "../../support/failure";

describe("lookupFigure", () => {
  describe("reads the company's own fiscal period, however it is written", () => {
    it.each([2023, "2023", "FY2023", "FY23", "fy 2023", "2023년"])("Microsoft capex %p is FY2023 (July 2022 to June 2023)", (period) => {
      const figure = lookupFigure({ company: "Microsoft", metric: "capex", period });
      expect(figure.row).toMatchObject({ period: "FY2023", value: 28_107_000_000 });
      expect(figure.span).toEqual({ start: "2022-07-01", end: "2023-06-30" });
      expect(figure.fiscal).toEqual({ year: 2023, quarter: null });
    });

    it.each(["FY2024-Q1", "2024-Q1", "Q1 FY2024", "1Q24", "FY24 Q1", "2024년 1분기"])("Microsoft capex %p is FY2024-Q1 (July to September 2023)", (period) => {
      const figure = lookupFigure({ company: "Microsoft", metric: "capex", period });
      expect(figure.row).toMatchObject({ period: "FY2024-Q1", value: 9_917_000_000 });
      expect(figure.span).toEqual({ start: "2023-07-01", end: "2023-09-30" });
    });

    it("for a calendar-year company, a quarter is the calendar quarter", () => {
      expect(lookupFigure({ company: "Alphabet", metric: "capex", period: "1Q25" }).span).toEqual({ start: "2025-01-01", end: "2025-03-31" });
    });

    it("for NVIDIA, the year ending on the last Sunday of January", () => {
      expect(lookupFigure({ company: "NVIDIA", metric: "revenue", period: "FY2026" }).span).toEqual({ start: "2025-01-27", end: "2026-01-25" });
    });

    it("a plan by its span or its first year", () => {
      expect(lookupFigure({ company: "LG Group", metric: "ai_rnd_plan", period: "2022-2026" }).span).toEqual({ start: "2022-01-01", end: "2026-12-31" });
      expect(lookupFigure({ company: "LG Group", metric: "ai_rnd_plan", period: 2022 }).row.period).toBe("2022-2026");
    });
  });

  describe("defaults, stated in the result", () => {
    it("period omitted: the latest whole fiscal year with the metric", () => {
      const figure = lookupFigure({ company: "Samsung Electronics", metric: "capex" });
      expect(figure.row.period).toBe("2025");
      expect(figure.defaulted).toEqual({ metric: false, period: true, dataset: true });
    });

    it("metric omitted: the first of the default order the company has", () => {
      expect(lookupFigure({ company: "Microsoft" }).metric.id).toBe("ai_investment");
      expect(lookupFigure({ company: "Kakao" }).metric.id).toBe("capex");
      expect(lookupFigure({ company: "OpenAI" }).metric.id).toBe("total");
    });

    it("dataset omitted: the best source, with the number of others", () => {
      const figure = lookupFigure({ company: "OpenAI", metric: "loss", period: 2024 });
      expect(figure.dataset.meta.id).toBe("ai-labs");
      expect(figure.source.kind).toBe("press_report");
      expect(figure.row).toMatchObject({ value: 5_000_000_000, qualifier: "about" });
      expect(figure.alternatives).toBeGreaterThanOrEqual(1);
    });

    it("a reported figure before a forecast of the same period", () => {
      const figure = lookupFigure({ company: "OpenAI", metric: "revenue", period: 2025 });
      expect(figure.row).toMatchObject({ value: 13_000_000_000, qualifier: "exact" });
    });

    it("the dataset given, and only there", () => {
      const figure = lookupFigure({ company: "NVIDIA", metric: "revenue", period: "FY2026", dataset: "bigtech-financials" });
      expect(figure.dataset.meta.id).toBe("bigtech-financials");
      expect(failure(() => lookupFigure({ company: "NVIDIA", metric: "revenue", period: "FY2026", dataset: "bigtech-capex" })).kind).toBe("na");
    });

    it("a table or formula made with a former dataset id still finds its figures", () => {
      expect(lookupFigure({ company: "OpenAI", metric: "inference", period: 2024, dataset: "openai-2024-costs" }).dataset.meta.id).toBe("ai-labs");
    });

    it.each<[FigureQuery]>([[{ company: "Tesla", metric: null, period: null, dataset: null }], [{ company: "Tesla", metric: "", period: "", dataset: " " }]])("null and blank count as omitted: %j", (query) => {
      expect(lookupFigure(query).defaulted).toEqual({ metric: true, period: true, dataset: true });
    });
  });

  describe("refuses with a reason", () => {
    it.each<[FigureQuery, string, string, RegExp]>([
      [{ company: "Acme" }, "na", "unknownCompany", /Unknown company 'Acme' — see AI_COMPANIES\(\)/],
      [{ company: "OpenAI", metric: "vibes" }, "value", "unknownMetric", /'vibes' is not a metric/],
      [{ company: "Microsoft", metric: "capex", period: "2024-Q5" }, "value", "badFiscalPeriod", /'2024-Q5' is not a fiscal period/],
      [{ company: "Microsoft", metric: "capex", period: "last year" }, "value", "badFiscalPeriod", /fiscal calendar/],
      [{ company: "Microsoft", metric: "capex", period: 1990 }, "na", "periodNotFound", /Microsoft has no 'capex' figure for FY1990: periods with one are FY2020, .*FY2023/],
      [{ company: "Kakao", metric: "revenue_run_rate" }, "na", "metricNotFound", /Kakao has no 'revenue_run_rate' figure .*: it has /],
      [{ company: "Meta", metric: "capex_guidance", period: 2025 }, "na", "rangeNotValue", /Meta capex_guidance 2025 is a range, 70,000,000,000–72,000,000,000 USD/],
      [{ company: "Alphabet", metric: "capex_guidance", period: 2025, given: "last July" }, "value", "badGivenDate", /'last July' is not a date written YYYY-MM-DD/],
      [{ company: "OpenAI", dataset: "nope" }, "na", "unknownDataset", /Unknown dataset 'nope'/],
    ])("%j", (query, kind, key, text) => {
      const error = failure(() => lookupFigure(query));
      expect(error).toMatchObject({ kind, key });
      expect(error.message).toMatch(text);
    });
  });
});

describe("companyCoverage", () => {
  it("lists each metric's periods in time order", () => {
    const periods = companyCoverage("Microsoft").get("capex") ?? [];
    expect(periods.indexOf("FY2023")).toBeLessThan(periods.indexOf("FY2024-Q1"));
    expect(periods).toEqual([...periods].sort(comparePeriodLabels));
  });

  it("orders a year after its quarters", () => {
    expect(["2024", "2024-Q4", "2023", "2024-Q1"].sort(comparePeriodLabels)).toEqual(["2023", "2024-Q1", "2024-Q4", "2024"]);
  });
});
