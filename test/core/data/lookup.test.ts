import { companyCoverage, lookupFigure, type FigureQuery } from "../../../src/core/data/lookup";
import { failure } from "../../support/failure";

describe("lookupFigure", () => {
  describe("finds the figure", () => {
    it("with company, metric and year", () => {
      const figure = lookupFigure({ company: "OpenAI", metric: "training", year: 2024 });
      expect(figure.row.value).toBe(3_000_000_000);
      expect(figure.company.id).toBe("openai");
      expect(figure.metric.id).toBe("training");
      expect(figure.year).toBe(2024);
      expect(figure.source.id).toBe("donga-column-2024");
      expect(figure.defaulted).toEqual({ metric: false, year: false });
    });

    it.each([
      ["Training spending"],
      ["학습 비용"],
      ["TRAINING"],
    ])("accepting the metric label %p", (metric) => {
      expect(lookupFigure({ company: "OpenAI", metric, year: 2024 }).metric.id).toBe("training");
    });

    it("taking the first dataset in the default order when several have it", () => {
      expect(lookupFigure({ company: "OpenAI", metric: "revenue", year: 2024 }).row.value).toBe(4_000_000_000);
      expect(lookupFigure({ company: "OpenAI", metric: "total", year: 2024 }).dataset.meta.id).toBe("column-2024");
    });

    it("in the dataset given, and only there", () => {
      const figure = lookupFigure({ company: "OpenAI", metric: "total", year: 2024, dataset: "openai-2024-costs" });
      expect(figure.row.value).toBe(8_500_000_000);
      expect(figure.row.qualifier).toBe("up_to");
    });

    it.each<[FigureQuery]>([
      [{ company: "OpenAI", metric: null, year: null, dataset: null }],
      [{ company: "OpenAI", metric: "", year: null, dataset: " " }],
      [{ company: "OpenAI" }],
    ])("treating null and blank as omitted: %j", (query) => {
      expect(lookupFigure(query).row.value).toBe(8_000_000_000);
    });
  });

  describe("when the metric is omitted", () => {
    it.each([
      ["OpenAI", "total", 2024, 8_000_000_000],
      ["Naver", "ai_investment", 2023, 2_000_000_000_000],
      ["Tesla", "ai_investment", 2024, 10_000_000_000],
      ["Microsoft", "capex", 2025, 64_550_000_000],
      ["Oracle", "capex", 2025, 21_200_000_000],
      ["Meta", "capex", 2024, 39_230_000_000],
      ["SK", "investment_plan", 2024, 80_000_000_000_000],
      ["LG", "ai_rnd_plan", 2023, 3_600_000_000_000],
      ["삼성전자", "facility", 2024, 53_646_100_000_000],
      ["카카오", "facility", 2024, 505_900_000_000],
    ])("%s defaults to %s (latest year %i)", (company, metric, year, value) => {
      const figure = lookupFigure({ company });
      expect([figure.metric.id, figure.year, figure.row.value]).toEqual([metric, year, value]);
      expect(figure.defaulted).toEqual({ metric: true, year: true });
    });
  });

  describe("when the year is omitted", () => {
    it.each([
      ["Microsoft", "capex", 2025],
      ["Google", "capex", 2024],
      ["Naver", "rnd", 2023],
      ["Naver", "facility", 2024],
      ["Meta", "capex", 2024],
    ])("%s %s is the latest year, %i", (company, metric, year) => {
      const figure = lookupFigure({ company, metric });
      expect(figure.year).toBe(year);
      expect(figure.defaulted).toEqual({ metric: false, year: true });
    });
  });

  describe("fails", () => {
    it.each<[string, FigureQuery, string, string, string]>([
      ["an unknown company", { company: "Acme" }, "na", "unknownCompany", "Unknown company 'Acme' — see AI_COMPANIES()"],
      ["a blank company", { company: "" }, "value", "emptyCompany", "No company given — see AI_COMPANIES()"],
      ["an unknown dataset", { company: "OpenAI", dataset: "capex" }, "na", "unknownDataset",
        "Unknown dataset 'capex': use one of column-2024, openai-2024-costs, bigtech-capex, korea-ai-investment, usd-krw-rates"],
      ["a metric name that is not a metric", { company: "OpenAI", metric: "vibes" }, "value", "unknownMetric",
        "'vibes' is not a metric: use one of total, training, inference, staff, revenue, loss, capex, capex_guidance, infrastructure_plan, investment_plan, ai_rnd_plan, ai_investment, rnd, facility"],
      ["a year that is not a whole year", { company: "OpenAI", year: 2024.5 }, "value", "badYear", "'2024.5' is not a year"],
      ["a company without that metric", { company: "네이버", metric: "capex" }, "na", "metricNotFound",
        "Naver has no 'capex' figure in column-2024, openai-2024-costs, bigtech-capex, korea-ai-investment: it has ai_investment, rnd, facility"],
      ["a company without that year", { company: "Google", metric: "capex", year: 2022 }, "na", "yearNotFound",
        "Alphabet has no 'capex' figure for 2022: years with one are 2023, 2024"],
      ["a company with no figures (named in the column only)", { company: "Dell" }, "na", "noCompanyFigures",
        "Dell has no figures in column-2024, openai-2024-costs, bigtech-capex, korea-ai-investment"],
      ["a company in the rates dataset", { company: "OpenAI", dataset: "usd-krw-rates" }, "na", "noCompanyFigures",
        "OpenAI has no figures in usd-krw-rates"],
      ["a company with no figures in the dataset given", { company: "Meta", dataset: "column-2024" }, "na", "noCompanyFigures",
        "Meta has no figures in column-2024"],
      ["a metric the company has only elsewhere", { company: "OpenAI", metric: "inference", dataset: "column-2024" }, "na", "metricNotFound",
        "OpenAI has no 'inference' figure in column-2024: it has training, total, revenue, loss"],
      ["a published range", { company: "OpenAI", metric: "revenue", dataset: "openai-2024-costs" }, "na", "rangeNotValue",
        "OpenAI revenue 2024 is a range, 3,500,000,000–4,500,000,000 USD, not one figure: AI_TABLE(\"openai-2024-costs\") shows it"],
      ["a published range (guidance)", { company: "Meta", metric: "capex_guidance" }, "na", "rangeNotValue",
        "Meta capex_guidance 2025 is a range, 60,000,000,000–65,000,000,000 USD, not one figure: AI_TABLE(\"bigtech-capex\") shows it"],
    ])("on %s", (_case, query, kind, key, text) => {
      const error = failure(() => lookupFigure(query));
      expect([error.kind, error.key]).toEqual([kind, key]);
      expect(error.message).toBe(text);
    });

    it("in Korean, naming the company in Korean", () => {
      expect(failure(() => lookupFigure({ company: "Google", metric: "capex", year: 2022 })).text("ko")).toBe(
        "알파벳의 2022년 'capex' 수치가 없습니다: 수치가 있는 연도는 2023, 2024입니다",
      );
    });
  });
});

describe("companyCoverage", () => {
  it("lists each metric a company has with its years", () => {
    expect([...companyCoverage("Naver")]).toEqual([
      ["ai_investment", [2023]],
      ["rnd", [2022, 2023]],
      ["facility", [2022, 2023, 2024]],
    ]);
  });

  it("within one dataset", () => {
    expect([...companyCoverage("OpenAI", "openai-2024-costs").keys()]).toEqual(["total", "inference", "training", "staff", "revenue", "loss"]);
  });
});
