import { excelSerialToDate, parsePeriod, periodChain, periodLabel, type Period } from "../../../src/core/fx/period";
import { failure } from "../../support/failure";

describe("excelSerialToDate", () => {
  it.each([
    [1, 1900, 1, 1],
    [59, 1900, 2, 28],
    [60, 1900, 2, 29], // Excel's phantom leap day (the Lotus 1-2-3 bug), shown as Excel shows it
    [61, 1900, 3, 1],
    [3001, 1908, 3, 19],
    [36526, 2000, 1, 1],
    [45292, 2024, 1, 1],
    [45351, 2024, 2, 29],
    [45473, 2024, 6, 30],
    [45657, 2024, 12, 31],
    [45657.75, 2024, 12, 31], // the time of day is dropped
    [45658, 2025, 1, 1],
    [2958465, 9999, 12, 31],
  ])("serial %d is %i-%i-%i", (serial, year, month, day) => {
    expect(excelSerialToDate(serial)).toEqual({ year, month, day });
  });

  it.each([0, -1, 0.5, 2958466, NaN, Infinity])("refuses %d with #VALUE! badPeriod", (serial) => {
    const error = failure(() => excelSerialToDate(serial));
    expect([error.kind, error.key]).toEqual(["value", "badPeriod"]);
  });

  it("counts one day per serial from 1900-03-01 on (no gap, no repeat)", () => {
    let previous = excelSerialToDate(61);
    for (let serial = 62; serial <= 46000; serial++) {
      const date = excelSerialToDate(serial);
      const expected = new Date(Date.UTC(previous.year, previous.month - 1, previous.day + 1));
      expect([date.year, date.month, date.day]).toEqual([expected.getUTCFullYear(), expected.getUTCMonth() + 1, expected.getUTCDate()]);
      previous = date;
    }
  });
});

describe("parsePeriod", () => {
  const year: Period = { kind: "year", year: 2024 };
  const q3: Period = { kind: "quarter", year: 2024, quarter: 3 };
  const nov: Period = { kind: "month", year: 2024, month: 11 };
  const dec31: Period = { kind: "day", year: 2024, month: 12, day: 31 };

  it.each<[number | string, Period]>([
    [2024, year],
    ["2024", year],
    [" 2024 ", year],
    ["2024년", year],
    ["２０２４", year],
    ["2024-Q3", q3],
    ["2024Q3", q3],
    ["2024 Q3", q3],
    ["2024-q3", q3],
    ["Q3 2024", q3],
    ["q3-2024", q3],
    ["2024년 3분기", q3],
    ["2024년3분기", q3],
    ["2024-11", nov],
    ["2024/11", nov],
    ["2024.11", nov],
    ["2024년 11월", nov],
    ["2024-12-31", dec31],
    ["2024/12/31", dec31],
    ["2024.12.31", dec31],
    ["2024. 12. 31", dec31],
    ["2024년 12월 31일", dec31],
    [45657, dec31],
    ["45657", dec31],
    [45657.5, dec31],
    [1900, { kind: "year", year: 1900 }],
    [3000, { kind: "year", year: 3000 }],
    [3001, { kind: "day", year: 1908, month: 3, day: 19 }],
  ])("reads %p", (input, period) => {
    expect(parsePeriod(input)).toEqual(period);
  });

  it.each<[number | string]>([
    ["banana"],
    ["2024-Q5"],
    ["2024-13"],
    ["2024-02-30"],
    ["2023-02-29"],
    ["24"],
    ["2024H1"],
    [2024.5],
    [0],
    [-2024],
    [NaN],
  ])("refuses %p with #VALUE! badPeriod", (input) => {
    const error = failure(() => parsePeriod(input));
    expect([error.kind, error.key]).toEqual(["value", "badPeriod"]);
  });

  it("says what a period looks like", () => {
    expect(failure(() => parsePeriod("banana")).message).toBe(
      "'banana' is not a period: use a year (2024), a quarter (2024-Q3), a month (2024-11) or a date (2024-12-31)",
    );
  });
});

describe("periodLabel and periodChain", () => {
  it.each<[Period, string[]]>([
    [{ kind: "day", year: 2024, month: 11, day: 5 }, ["2024-11-05", "2024-11", "2024-Q4", "2024"]],
    [{ kind: "day", year: 2024, month: 3, day: 31 }, ["2024-03-31", "2024-03", "2024-Q1", "2024"]],
    [{ kind: "month", year: 2024, month: 7 }, ["2024-07", "2024-Q3", "2024"]],
    [{ kind: "quarter", year: 2024, quarter: 2 }, ["2024-Q2", "2024"]],
    [{ kind: "year", year: 2024 }, ["2024"]],
  ])("%j resolves through %j", (period, chain) => {
    expect(periodChain(period)).toEqual(chain);
    expect(periodLabel(period)).toBe(chain[0]);
  });
});
