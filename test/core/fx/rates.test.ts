import { fxRate, rateForPeriod, ratePeriods } from "../../../src/core/fx/rates";
import { parsePeriod } from "../../../src/core/fx/period";
import type { RateRow } from "../../../src/core/data/schema";
import { referenceRate } from "../../../src/core/fx/reference";
import { datasetById } from "../../../src/core/data/catalog";
import { failure } from "../../support/failure";

describe("fxRate", () => {
  describe("omitted: the reference rate (meta.reference = 2024-Q4)", () => {
    it.each([undefined, null, "", "  "])("for %p", (period) => {
      const rate = fxRate(period);
      expect(rate.value).toBe(1398.75);
      expect(rate.row.period).toBe("2024-Q4");
      expect(rate.source.id).toBe("edaily-2024-12-31");
    });

    it("names 2024-Q4 as the reference in the data", () => {
      expect(datasetById("usd-krw-rates").meta.reference).toBe("2024-Q4");
    });
  });

  describe("each period form", () => {
    it.each<[number | string, number, string, string]>([
      [2024, 1364.435, "2024", "annual_average"],
      ["2024", 1364.435, "2024", "annual_average"],
      ["2024-Q1", 1329.4, "2024-Q1", "quarter_average"],
      ["2024-Q2", 1371.24, "2024-Q2", "quarter_average"],
      ["2024-Q3", 1358.35, "2024-Q3", "quarter_average"],
      ["2024Q3", 1358.35, "2024-Q3", "quarter_average"],
      ["Q3 2024", 1358.35, "2024-Q3", "quarter_average"],
      ["2024년 3분기", 1358.35, "2024-Q3", "quarter_average"],
      ["2024-Q4", 1398.75, "2024-Q4", "quarter_average"],
      ["2024-11", 1394.3, "2024-11", "month_average"],
      ["2024-12", 1436.8, "2024-12", "month_average"],
      ["2024-12-31", 1472.5, "2024-12-31", "year_end_close"],
      [45657, 1472.5, "2024-12-31", "year_end_close"],
      ["2023-12-31", 1288, "2023-12-31", "year_end_close"],
      ["2024-06-28", 1377.73, "2024-06-28", "ecb_cross"],
    ])("%p → %d (%s, %s)", (period, value, label, kind) => {
      const rate = fxRate(period);
      expect([rate.value, rate.row.period, rate.row.kind]).toEqual([value, label, kind]);
      expect(rate.source.id).toBe(rate.row.source);
    });
  });

  describe("a date without its own rate falls back: month, then quarter, then year", () => {
    it.each<[number | string, number, string]>([
      ["2024-12-30", 1436.8, "2024-12"], // day → month
      [45656, 1436.8, "2024-12"], // the same date as a serial
      ["2024-11-15", 1394.3, "2024-11"],
      ["2024-10-15", 1398.75, "2024-Q4"], // day → quarter (no October average)
      ["2024-10", 1398.75, "2024-Q4"], // month → quarter
      ["2024-06-27", 1371.24, "2024-Q2"],
      ["2024-02-29", 1329.4, "2024-Q1"],
    ])("%p → %d (%s)", (period, value, label) => {
      const rate = fxRate(period);
      expect([rate.value, rate.row.period]).toEqual([value, label]);
    });

  });

  describe("no rate", () => {
    it.each<[number | string, string]>([
      [2023, "2023"],
      ["2023-Q4", "2023-Q4"],
      ["2023-06", "2023-06"],
      ["2025-01-02", "2025-01-02"],
      [45659, "2025-01-02"],
    ])("%p → #N/A noRateForPeriod listing the periods", (period, label) => {
      const error = failure(() => fxRate(period));
      expect([error.kind, error.key]).toEqual(["na", "noRateForPeriod"]);
      expect(error.message).toBe(
        `No USD/KRW rate for ${label}: rates exist for 2024-Q1, 2024-Q2, 2024-Q3, 2024-Q4, 2024-11, 2024-12, 2023-12-31, 2024-12-31, 2024-06-28, 2024`,
      );
    });

    it("in Korean", () => {
      expect(failure(() => fxRate(2023)).text("ko")).toMatch(/^2023의 원\/달러 환율이 없습니다: 환율이 있는 기간은 2024-Q1, /);
    });

    it.each(["banana", "2024-Q5", 2024.5])("%p is no period: #VALUE! badPeriod", (period) => {
      const error = failure(() => fxRate(period));
      expect([error.kind, error.key]).toEqual(["value", "badPeriod"]);
    });
  });

  it("never returns the column's implied rates (a writer's conversion is not a reference rate)", () => {
    expect(ratePeriods()).not.toContain("column-2024");
    const values = ratePeriods().map((p) => fxRate(p).value);
    for (const implied of [1320, 1321.25, 1325, 1322.31]) expect(values).not.toContain(implied);
  });
});

describe("referenceRate", () => {
  it("is the 2024-Q4 average, 1398.75, the same as FX_RATE()", () => {
    expect(referenceRate()).toBe(1398.75);
    expect(referenceRate()).toBe(fxRate().value);
  });
});

describe("rateForPeriod", () => {
  const row = (period: string, kind: RateRow["kind"], value: number): RateRow => ({ period, kind, value, source: "s", status: "confirmed" });
  const rows: RateRow[] = [
    row("2025", "annual_average", 1),
    row("2025-Q3", "quarter_average", 2),
    row("2025-08", "month_average", 3),
    row("2025-08-15", "ecb_cross", 4),
    row("2025-08-15", "year_end_close", 5),
    row("2025", "column_implied", 6),
  ];

  it.each([
    ["2025-08-15", 5], // two kinds on one day: the year-end close comes first in RATE_KINDS
    ["2025-08-16", 3], // day → month
    ["2025-09-01", 2], // day → quarter
    ["2025-07", 2], // month → quarter
    ["2025-Q2", 1], // quarter → year
    ["2025-05-05", 1], // day → year
    ["2025", 1], // never the column-implied rate
  ])("%s → the row worth %i", (period, value) => {
    expect(rateForPeriod(rows, parsePeriod(period))?.value).toBe(value);
  });

  it("finds nothing outside the chain", () => {
    expect(rateForPeriod(rows, parsePeriod("2026-01"))).toBeUndefined();
    expect(rateForPeriod([row("2025", "column_implied", 6)], parsePeriod("2025"))).toBeUndefined();
  });
});
