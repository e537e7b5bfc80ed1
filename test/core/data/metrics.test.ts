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
    ["facility", "capex"],
    ["시설투자", "capex"],
    ["설비투자", "capex"],
    ["capex_incl_leases", "capex_incl_leases"],
    ["순손실", "net_loss"],
    ["영업손실", "operating_loss"],
    ["ARR", "revenue_run_rate"],
    ["capex_guidance", "capex_guidance"],
    ["Capex guidance", "capex_guidance"],
    ["infrastructure_plan", "infrastructure_plan"],
    ["ai_investment", "ai_investment"],
    ["AI investment", "ai_investment"],
    ["AI 투자", "ai_investment"],
    ["rnd", "rnd"],
    ["R&D", "rnd"],
    ["연구개발비", "rnd"],
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
    expect((error as AifinError).message).toBe(`'vibes' is not a metric: use one of ${allMetrics().slice(0, 12).map((m) => m.id).join(", ")}, … (data/README.md lists all)`);
  });
});

describe("the metric list", () => {
  it("has the issue's metric ids", () => {
    const ids = allMetrics().map((m) => m.id);
    for (const id of ["capex", "capex_incl_leases", "capex_guidance", "rnd", "revenue", "ai_investment", "operating_loss", "net_loss"]) expect(ids).toContain(id);
    expect(ids).not.toContain("facility");
  });

  it("defaults to what a company spends, never to revenue or a loss", () => {
    expect(defaultMetricOrder().slice(0, 4)).toEqual(["total", "ai_investment", "capex", "capex_incl_leases"]);
    for (const id of ["revenue", "loss", "net_loss", "operating_loss", "revenue_run_rate"]) expect(defaultMetricOrder()).not.toContain(id);
  });

  it.each([
    ["capex", "en", "Capital expenditure"],
    ["capex", "ko", "시설투자"],
    ["rnd", "ko", "연구개발비"],
  ] as const)("labels %s in %s as %s", (id, lang, label) => {
    expect(metricLabel(id, lang)).toBe(label);
  });
});
