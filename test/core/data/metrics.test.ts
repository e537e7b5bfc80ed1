import { AifinError } from "../../../src/core/errors";
import { allMetrics, defaultMetricOrder, metricLabel, resolveMetric } from "../../../src/core/data/metrics";

describe("resolveMetric", () => {
  it.each([
    ["total", "total"],
    ["TOTAL", "total"],
    ["Total spending", "total"],
    ["총지출", "total"],
    ["training", "training"],
    ["capex", "capex"],
    ["CAPEX", "capex"],
    ["Capital expenditure", "capex"],
    ["자본적 지출", "capex"],
    ["capex_guidance", "capex_guidance"],
    ["Capex guidance", "capex_guidance"],
    ["infrastructure_plan", "infrastructure_plan"],
    ["ai_investment", "ai_investment"],
    ["AI investment", "ai_investment"],
    ["AI 투자", "ai_investment"],
    ["rnd", "rnd"],
    ["R&D", "rnd"],
    ["연구개발비", "rnd"],
    ["facility", "facility"],
    ["시설투자", "facility"],
    ["revenue", "revenue"],
    ["매출", "revenue"],
    ["loss", "loss"],
    ["적자", "loss"],
  ])("reads %p as %s", (name, id) => {
    expect(resolveMetric(name).id).toBe(id);
  });

  it("throws #VALUE! unknownMetric listing the metric ids", () => {
    let error: unknown;
    try {
      resolveMetric("vibes");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AifinError);
    expect([(error as AifinError).kind, (error as AifinError).key]).toEqual(["value", "unknownMetric"]);
    expect((error as AifinError).message).toBe(`'vibes' is not a metric: use one of ${allMetrics().map((m) => m.id).join(", ")}`);
  });
});

describe("the metric list", () => {
  it("has the issue's metrics and the documented extensions", () => {
    expect(allMetrics().map((m) => m.id)).toEqual([
      "total", "training", "inference", "staff", "revenue", "loss", "capex", "capex_guidance",
      "infrastructure_plan", "investment_plan", "ai_rnd_plan", "ai_investment", "rnd", "facility",
    ]);
  });

  it("defaults to total, then the documented priority, never to revenue or loss", () => {
    expect(defaultMetricOrder().slice(0, 8)).toEqual(["total", "ai_investment", "capex", "infrastructure_plan", "investment_plan", "ai_rnd_plan", "facility", "rnd"]);
    expect(defaultMetricOrder()).not.toContain("revenue");
    expect(defaultMetricOrder()).not.toContain("loss");
  });

  it.each([
    ["facility", "en", "Facility investment"],
    ["facility", "ko", "시설투자"],
    ["capex", "ko", "자본적 지출"],
  ] as const)("labels %s in %s as %s", (id, lang, label) => {
    expect(metricLabel(id, lang)).toBe(label);
  });
});
