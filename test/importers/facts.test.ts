/* The importers' engine: which fiscal quarters a fact's dates cover, which filing's value wins,
 * and how quarters given only inside year-to-date totals are derived. */
import { CALENDAR_YEAR, type FiscalCalendar } from "../../src/core/data/fiscal";
import type { Source } from "../../src/core/data/schema";
import { calendarText, fitSpan, resolveFacts, type Fact } from "../../scripts/importers/facts";

const MICROSOFT: FiscalCalendar = { type: "month-end", month: 6 };
const NVIDIA: FiscalCalendar = { type: "last-weekday", month: 1, weekday: "sunday" };
const APPLE: FiscalCalendar = { type: "last-weekday", month: 9, weekday: "saturday" };
const DELL: FiscalCalendar = { type: "weekday-nearest", month: 1, weekday: "friday" };

describe("fitSpan", () => {
  it.each([
    ["a June year", MICROSOFT, "2023-07-01", "2024-06-30", { year: 2024, first: 1, last: 4 }],
    ["a June year's first quarter", MICROSOFT, "2024-07-01", "2024-09-30", { year: 2025, first: 1, last: 1 }],
    ["a June year's six months to date", MICROSOFT, "2024-07-01", "2024-12-31", { year: 2025, first: 1, last: 2 }],
    ["a calendar quarter", CALENDAR_YEAR, "2025-07-01", "2025-09-30", { year: 2025, first: 3, last: 3 }],
    ["a calendar year", CALENDAR_YEAR, "2024-01-01", "2024-12-31", { year: 2024, first: 1, last: 4 }],
    ["NVIDIA's 52-week year", NVIDIA, "2024-01-29", "2025-01-26", { year: 2025, first: 1, last: 4 }],
    ["NVIDIA's fourth quarter", NVIDIA, "2024-10-28", "2025-01-26", { year: 2025, first: 4, last: 4 }],
    ["Apple's 53-week year", APPLE, "2022-09-25", "2023-09-30", { year: 2023, first: 1, last: 4 }],
    ["Dell's first quarter", DELL, "2024-02-03", "2024-05-03", { year: 2025, first: 1, last: 1 }],
  ])("fits %s", (_name, calendar, start, end, span) => {
    expect(fitSpan(calendar, start, end)).toEqual(span);
  });

  it.each([
    ["a month-end date in a 52-week calendar", NVIDIA, "2024-02-01", "2025-01-31"],
    ["a quarter that ends two weeks late", MICROSOFT, "2024-07-01", "2024-10-15"],
    ["a year that starts a day late", CALENDAR_YEAR, "2024-01-02", "2024-12-31"],
    ["a calendar year for a June company", MICROSOFT, "2024-01-01", "2024-12-31"],
  ])("does not fit %s", (_name, calendar, start, end) => {
    expect(fitSpan(calendar, start, end)).toBeNull();
  });

  it("names calendars in words for messages", () => {
    expect(calendarText(MICROSOFT)).toBe("a fiscal year ending on the last day of June");
    expect(calendarText(NVIDIA)).toBe("a fiscal year ending on the last Sunday of January");
    expect(calendarText(DELL)).toBe("a fiscal year ending on the Friday nearest the end of January");
    expect(calendarText(CALENDAR_YEAR)).toBe("the calendar year");
  });
});

function source(id: string, filed: string): Source {
  return { id, publisher: "Example (10-K, SEC EDGAR)", title: id, url: `https://www.sec.gov/${id}/`, published: filed, kind: "filing" };
}

/** A fact of "example" (calendar year) capex, filed by `id` on `filed`. */
function fact(first: number, last: number, value: number, id: string, filed: string, extra: Partial<Fact> = {}): Fact {
  return {
    company: "example",
    metric: "capex",
    year: 2025,
    first,
    last,
    value,
    currency: "USD",
    source: source(id, filed),
    filed,
    order: id,
    quote: `Tag USD ${value} (${id})`,
    published: String(value),
    tag: "Tag",
    rank: 0,
    definition: "Cash paid for property and equipment",
    ...extra,
  };
}

const resolve = (facts: Fact[], range = { years: 2020, quarters: 2023 }) => resolveFacts(facts, () => CALENDAR_YEAR, range);
const rowOf = (facts: Fact[], period: string) => resolve(facts).rows.find((r) => r.row.period === period);

describe("resolveFacts", () => {
  it("makes a confirmed row of a fact that is the period, quoting it as the filing states it", () => {
    const row = rowOf([fact(1, 4, 100, "k1", "2026-02-01")], "2025");
    expect(row?.row).toMatchObject({ period: "2025", label: "2025-01-01 to 2025-12-31", value: 100, published: "100", unit: "units", status: "confirmed", source: "k1", quote: "Tag USD 100 (k1)" });
    expect(row?.source.id).toBe("k1");
  });

  it("takes the latest filed value for a restated period and reports the restatement", () => {
    const result = resolve([fact(1, 4, 100, "k1", "2026-02-01"), fact(1, 4, 104, "k2", "2027-02-01")]);
    expect(result.rows.find((r) => r.row.period === "2025")?.row).toMatchObject({ value: 104, source: "k2" });
    expect(result.rows[0].row.note).toBe("Restated: k1 (filed 2026-02-01) gave 100; the latest filing gives 104.");
    expect(result.restatements).toEqual([{ company: "example", metric: "capex", period: "2025", values: [{ value: 100, source: "k1", filed: "2026-02-01" }, { value: 104, source: "k2", filed: "2027-02-01" }] }]);
  });

  it("cites the first filing of an unrestated figure, not the later ones that repeat it", () => {
    expect(rowOf([fact(1, 4, 100, "k2", "2027-02-01"), fact(1, 4, 100, "k1", "2026-02-01")], "2025")?.row.source).toBe("k1");
  });

  it("cites the first filing of the last run of equal values when a restatement is undone", () => {
    const facts = [fact(1, 4, 100, "k1", "2026-02-01"), fact(1, 4, 110, "k2", "2027-02-01"), fact(1, 4, 100, "k3", "2028-02-01"), fact(1, 4, 100, "k4", "2029-02-01")];
    expect(rowOf(facts, "2025")?.row).toMatchObject({ value: 100, source: "k3" });
  });

  it("derives a quarter given only inside year-to-date totals, naming both facts", () => {
    const row = rowOf([fact(1, 1, 10, "q1", "2025-05-01"), fact(1, 2, 25, "q2", "2025-08-01")], "2025-Q2");
    expect(row?.row).toMatchObject({ value: 15, status: "derived", source: "q2", label: "2025-04-01 to 2025-06-30" });
    expect(row?.row.derivedFrom).toEqual(["Tag USD 25 (q2), q2 filed 2025-08-01", "Tag USD 10 (q1), q1 filed 2025-05-01"]);
    expect(row?.row.note).toBe("Derived: 2025-01-01 to 2025-06-30 (25) minus 2025-01-01 to 2025-03-31 (10) = 15; the filings give this quarter only inside year-to-date totals.");
    expect(row?.row.quote).toBeUndefined();
  });

  it("derives the fourth quarter from the year and the nine months", () => {
    expect(rowOf([fact(1, 3, 30, "q3", "2025-11-01"), fact(1, 4, 42, "k", "2026-02-01")], "2025-Q4")?.row).toMatchObject({ value: 12, status: "derived", source: "k" });
  });

  it("prefers a quarter's own fact to a difference of totals", () => {
    const facts = [fact(1, 1, 10, "q1", "2025-05-01"), fact(1, 2, 25, "q2", "2025-08-01"), fact(2, 2, 16, "q2", "2025-08-01")];
    expect(rowOf(facts, "2025-Q2")?.row).toMatchObject({ value: 16, status: "confirmed" });
  });

  it("does not derive a quarter whose year to date falls, and says so", () => {
    const result = resolve([fact(1, 1, 30, "q1", "2025-05-01"), fact(1, 2, 25, "q2", "2025-08-01")]);
    expect(result.rows.map((r) => r.row.period)).toEqual(["2025-Q1"]);
    expect(result.notes).toEqual(["example capex 2025-Q2: not derived, the year to date falls from 30 to 25"]);
  });

  it("makes no quarter it cannot derive and no year it was not given", () => {
    expect(resolve([fact(1, 2, 25, "q2", "2025-08-01")]).rows).toEqual([]);
  });

  it("makes year rows from the range's first year and quarter rows from its first quarter year", () => {
    const facts = [fact(1, 4, 100, "k", "2026-02-01"), fact(1, 1, 10, "q1", "2025-05-01")];
    expect(resolve(facts, { years: 2020, quarters: 2026 }).rows.map((r) => r.row.period)).toEqual(["2025"]);
    expect(resolve(facts, { years: 2026, quarters: 2020 }).rows.map((r) => r.row.period)).toEqual(["2025-Q1"]);
  });

  it("refuses a filing that gives two values for the same period", () => {
    expect(resolve([fact(1, 4, 100, "k1", "2026-02-01"), fact(1, 4, 101, "k1", "2026-02-01")]).problems).toEqual(["example capex 2025: filing k1 gives two values for Tag (100 and 101)"]);
  });

  it("uses the first listed tag that has the period, and notes a later tag that disagrees", () => {
    const result = resolve([fact(1, 4, 100, "k1", "2026-02-01"), fact(1, 4, 105, "k1", "2026-02-01", { tag: "Other", rank: 1 })]);
    expect(result.rows[0].row.value).toBe(100);
    expect(result.notes).toEqual(["example capex 2025: Tag (100) is used; a later-listed tag disagrees (Other 105)"]);
    expect(resolve([fact(1, 4, 105, "k1", "2026-02-01", { tag: "Other", rank: 1 })]).rows[0].row.value).toBe(105);
  });
});
