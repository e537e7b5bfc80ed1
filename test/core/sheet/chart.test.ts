import { planChart, type ChartColumn } from "../../../src/core/sheet/chart";

const NAMES: Record<ChartColumn, string> = { company: "Company", metric: "Metric", period: "Period", value: "Value", currency: "Currency" };
const HEADER = ["Company", "Metric", "Period", "Year", "Value", "Low", "High", "Currency"];
const row = (company: string, metric: string, period: string, value: number | "", currency = "USD") => [company, metric, period, "", value, "", "", currency];

describe("planChart", () => {
  it("finds its columns by header text wherever they are, and names those missing", () => {
    const moved = ["Currency", "Value", "Period", "Company", "Metric"];
    const plan = planChart(moved, NAMES, [["USD", 5e9, "2024", "Microsoft", "Capex"]], "en", null);
    expect(plan).toMatchObject({ kind: "chart", columns: { company: 3, metric: 4, period: 2, value: 1, currency: 0 } });
    expect(planChart(["Firm", "Metric", "Period", "Amount", "Currency"], NAMES, [], "en", null)).toEqual({ kind: "columnsMissing", missing: ["Company", "Value"] });
  });

  describe("one metric in one currency per chart", () => {
    const rows = [row("Microsoft", "Capex", "FY2024", 44.48e9), row("Naver", "Facility", "2024", 580.3e9, "KRW"), row("Alphabet", "Capex", "2024", 52.5e9), row("Meta", "Guidance", "2025", "")];

    it("offers each metric and currency that has figures, when there are several", () => {
      expect(planChart(HEADER, NAMES, rows, "en", null)).toEqual({
        kind: "choose",
        options: [
          { key: '["Capex","USD"]', metric: "Capex", currency: "USD", figures: 2 },
          { key: '["Facility","KRW"]', metric: "Facility", currency: "KRW", figures: 1 },
        ],
      });
    });

    it("charts the one picked, and only its rows", () => {
      const plan = planChart(HEADER, NAMES, rows, "en", '["Capex","USD"]');
      expect(plan).toMatchObject({ kind: "chart", type: "ColumnClustered", seriesName: "Capex (USD bn)", divisor: 1e9, points: [{ row: 0 }, { row: 2 }] });
    });

    it("asks again for a choice the table no longer holds", () => {
      expect(planChart(HEADER, NAMES, rows, "en", '["Revenue","USD"]').kind).toBe("choose");
    });

    it("charts at once when there is one, and says how many ranges it left out", () => {
      const plan = planChart(HEADER, NAMES, [row("Meta", "Guidance", "2025", ""), row("Meta", "Guidance", "2026", 60e9), row("Alphabet", "Guidance", "2025", 75e9)], "en", null);
      expect(plan).toMatchObject({ kind: "chart", leftOut: 1, option: { metric: "Guidance", figures: 2 } });
    });

    it("has nothing to chart without a single value", () => {
      expect(planChart(HEADER, NAMES, [row("Meta", "Guidance", "2025", "")], "en", null)).toEqual({ kind: "empty" });
    });
  });

  describe("labels that identify each bar", () => {
    it("names company and period, companies together and their periods in order", () => {
      const plan = planChart(
        HEADER,
        NAMES,
        [row("Microsoft", "Capex", "FY2024", 44e9), row("Alphabet", "Capex", "2024", 52e9), row("Microsoft", "Capex", "FY2023", 28e9), row("Alphabet", "Capex", "2023", 32e9)],
        "en",
        null,
      );
      if (plan.kind !== "chart") throw new Error(plan.kind);
      expect(plan.points.map((p) => p.label)).toEqual(["Microsoft FY2023", "Microsoft FY2024", "Alphabet 2023", "Alphabet 2024"]);
      expect(plan.categoryHeader).toBe("Company, period");
    });

    it("names the company alone when every figure is of one period", () => {
      const plan = planChart(HEADER, NAMES, [row("Microsoft", "Capex", "2024", 44e9), row("Alphabet", "Capex", "2024", 52e9)], "en", null);
      expect(plan).toMatchObject({ kind: "chart", type: "ColumnClustered", categoryHeader: "Company", points: [{ label: "Microsoft" }, { label: "Alphabet" }] });
    });

    it("draws a line over periods for one company (or the rates), periods in time order", () => {
      const periods = ["2024-Q3", "2024-Q1", "2024-12", "2024-11", "2023-12-31", "2024-Q4", "2024-H1"];
      const plan = planChart(HEADER, NAMES, periods.map((p, i) => row("USD/KRW", "Rate", p, 1300 + i + 0.25, "KRW")), "en", null);
      if (plan.kind !== "chart") throw new Error(plan.kind);
      expect(plan.type).toBe("Line");
      expect(plan.categoryHeader).toBe("Period");
      expect(plan.points.map((p) => p.label)).toEqual(["2023-12-31", "2024-Q1", "2024-H1", "2024-Q3", "2024-11", "2024-12", "2024-Q4"]);
      expect(plan).toMatchObject({ divisor: 1, seriesName: "Rate (KRW)", numberFormat: "#,##0.0#" });
    });
  });

  describe("an axis in units an analyst reads", () => {
    it.each([
      [44.48e9, "USD", "en", 1e9, "Capex (USD bn)", "#,##0.0#"],
      [4e12, "KRW", "en", 1e12, "Capex (KRW tn)", "#,##0"],
      [580.3e9, "KRW", "ko", 1e8, "Capex (억원)", "#,##0"],
      [3.96e12, "KRW", "ko", 1e12, "Capex (조원)", "#,##0.0#"],
      [950, "USD", "en", 1, "Capex (USD)", "#,##0"],
    ] as const)("%d %s in %s: ÷%d, %s", (value, currency, lang, divisor, seriesName, numberFormat) => {
      const plan = planChart(HEADER, NAMES, [row("X", "Capex", "2024", value, currency)], lang, null);
      expect(plan).toMatchObject({ kind: "chart", divisor, seriesName, numberFormat });
    });
  });
});
