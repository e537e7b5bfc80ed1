import { ECB_FIRST_DAY, fixingText, packRates, parseEcbCsv, unpackRates, type EcbParse } from "../../../src/core/fx/ecb";
import { ECB_PROVENANCE, planRatesUpdate, ratesVersion } from "../../../src/core/fx/update";

/** A small file in the ECB's format (newest first), made here by hand from the format the ECB publishes. */
function csv(rows: string[][], header = "Date,USD,JPY,KRW,"): string {
  return `${header}\n${rows.map((r) => `${r.join(",")},`).join("\n")}\n`;
}
const GOOD = csv([
  ["1999-01-07", "1.1632", "N/A", "1385.5"],
  ["1999-01-06", "1.1743", "N/A", "1400.23"],
  ["1999-01-05", "1.179", "N/A", "1398.59"],
  [ECB_FIRST_DAY, "1.1789", "133.73", "1398.59"],
]);

function problems(result: EcbParse): string[] {
  return result.ok ? [] : result.problems.map((p) => `${p.line}: ${p.reason}`);
}

describe("parseEcbCsv reads the ECB's history", () => {
  it("keeps USD and KRW, oldest first, exactly as written", () => {
    const result = parseEcbCsv(GOOD);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.days.map((d) => d.date)).toEqual(["1999-01-04", "1999-01-05", "1999-01-06", "1999-01-07"]);
    expect(result.days[1].rates).toEqual({ USD: "1.179", KRW: "1398.59" });
  });

  it.each<[string, string, RegExp]>([
    ["a wrong header", GOOD.replace("Date,", "Day,"), /^1: the header starts with 'Day'/],
    ["a header without KRW", csv([[ECB_FIRST_DAY, "1.1789", "133.73"]], "Date,USD,JPY,"), /^1: the header has no KRW column/],
    ["a rate that is not a number", GOOD.replace("1400.23", "1,400.23"), /^3: KRW on 1999-01-06 is '1'|^3: 6 fields where the header has 5/],
    ["a non-positive rate", GOOD.replace("1400.23", "0.00"), /^3: KRW on 1999-01-06 is 0.00, not a positive rate/],
    ["a missing USD rate", GOOD.replace("1.1743", "N/A"), /^3: USD on 1999-01-06 is N\/A/],
    ["a duplicate date", GOOD.replace("1999-01-06", "1999-01-07"), /^3: 1999-01-07 is listed twice/],
    ["an out-of-order date", GOOD.replace("1999-01-06", "1999-01-09"), /^3: 1999-01-09 comes after 1999-01-07/],
    ["an impossible date", GOOD.replace("1999-01-06", "1999-02-30"), /^3: '1999-02-30' is not a date/],
    ["a row cut short", GOOD.replace("1.1743,N/A,1400.23,", "1.1743"), /^3: 2 fields where the header has 5/],
    ["a file cut at the end of a row", GOOD.slice(0, -5), /^0: the file does not end with a line break/],
    ["a file that stops before 1999-01-04", csv([["1999-01-07", "1.1632", "N/A", "1385.5"]]), /the file ends at 1999-01-07, not at 1999-01-04/],
    ["an empty file", "", /^0: the file is empty/],
    ["rows missing in the middle", csv([["1999-01-20", "1.16", "N/A", "1390"], ["1999-01-05", "1.179", "N/A", "1398.59"], [ECB_FIRST_DAY, "1.1789", "133.73", "1398.59"]]), /^3: no rates between 1999-01-05 and 1999-01-20 \(15 days\)/],
  ])("refuses %s, with the line and the reason", (_, text, expected) => {
    const found = problems(parseEcbCsv(text));
    expect(found.length).toBeGreaterThan(0);
    expect(found.join("\n")).toMatch(expected);
  });
});

describe("packRates and unpackRates", () => {
  it("round-trip every fixing exactly, at the file's own number of decimals", () => {
    const parsed = parseEcbCsv(GOOD);
    if (!parsed.ok) throw new Error("fixture");
    const packed = packRates(parsed.days, { id: "x", version: "1999.1.7", source: ECB_PROVENANCE });
    expect(packed.meta).toMatchObject({ first: "1999-01-04", last: "1999-01-07", days: 4, decimals: { USD: 4, KRW: 2 } });
    const back = unpackRates(packed);
    expect([...back.values.USD].map((v) => fixingText(v, 4))).toEqual(["1.1789", "1.1790", "1.1743", "1.1632"]);
    expect([...back.values.KRW].map((v) => fixingText(v, 2))).toEqual(["1398.59", "1398.59", "1400.23", "1385.50"]);
  });

  it("refuses a packed file that does not add up", () => {
    const parsed = parseEcbCsv(GOOD);
    if (!parsed.ok) throw new Error("fixture");
    const packed = packRates(parsed.days, { id: "x", version: "1", source: ECB_PROVENANCE });
    expect(() => unpackRates({ ...packed, dates: packed.dates.slice(1) })).toThrow(/dates for 4 days/);
    expect(() => unpackRates({ ...packed, meta: { ...packed.meta, last: "1999-01-08" } })).toThrow(/end at 1999-01-07/);
    expect(() => unpackRates({ ...packed, rates: { ...packed.rates, KRW: "139859,0,-200000,0" } })).toThrow(/not a positive rate/);
  });
});

describe("planRatesUpdate says what changed", () => {
  const first = planRatesUpdate(GOOD, null);
  if (!first.ok) throw new Error("fixture");
  const newer = csv([["1999-01-08", "1.1659", "N/A", "1387.1"], ...GOOD.trim().split("\n").slice(1).map((l) => l.split(",").slice(0, 4))]);

  it("versions a file by its last day", () => {
    expect(first.packed.meta.version).toBe(ratesVersion("1999-01-07"));
    expect(ratesVersion("2026-04-13")).toBe("2026.4.13");
  });

  it("reports new days", () => {
    const plan = planRatesUpdate(newer, first.packed);
    expect(plan.ok && plan.report).toContain("1 new day: 1999-01-08 to 1999-01-08 (was to 1999-01-07)");
    expect(plan.ok && plan.changed).toBe(true);
  });

  it("reports a revised fixing", () => {
    const plan = planRatesUpdate(GOOD.replace("1400.23", "1400.25"), first.packed);
    expect(plan.ok && plan.report.join("\n")).toMatch(/1 fixing revised: 1999-01-06 KRW 1400.23 → 1400.25/);
  });

  it("says nothing changed for the same file", () => {
    const plan = planRatesUpdate(GOOD, first.packed);
    expect(plan.ok && plan.changed).toBe(false);
  });

  it("flags a day-on-day move of more than 10%", () => {
    const plan = planRatesUpdate(GOOD.replace("1385.5", "1600"), null);
    expect(plan.ok && plan.moves).toHaveLength(1);
    expect(plan.ok && plan.report.join("\n")).toMatch(/flag: won per dollar moved \+1[0-9.]+% from 1999-01-06/);
  });

  it("refuses a file that ends before the shipped one", () => {
    const shorter = csv(GOOD.trim().split("\n").slice(2).map((l) => l.split(",").slice(0, 4)));
    const plan = planRatesUpdate(shorter, first.packed);
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.problems[0].reason).toMatch(/ends at 1999-01-06, before the shipped file's last day 1999-01-07/);
  });
});
