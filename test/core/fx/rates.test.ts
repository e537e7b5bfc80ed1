import fc from "fast-check";
import packed from "../../../data/fx/ecb-reference-rates.json";
import { dayQuote, embeddedFxData, fxQuote, latestQuote, parseBasis, parseFxSource, plainRate, rateOnSerial, spanQuote, calendarPeriodOf, type FxQuote } from "../../../src/core/fx/rates";
import { crossHundredths, meanHundredths } from "../../../src/core/fx/series";
import { isoToDayNumber, unpackRates, type PackedRates } from "../../../src/core/fx/ecb";
import { failure } from "../../support/failure";

const data = embeddedFxData();
const SERIAL_1970 = 25569;
const serial = (iso: string) => isoToDayNumber(iso) + SERIAL_1970;

/** The ECB-derived average of a span computed the slow way, independently of the prefix sums. */
function slowMean(start: string, end: string): { value: number; count: number } {
  const { days, values, decimals } = unpackRates(packed as PackedRates);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < days.length; i++) {
    if (days[i] < isoToDayNumber(start) || days[i] > isoToDayNumber(end)) continue;
    sum += crossHundredths(values.KRW[i], decimals.KRW, values.USD[i], decimals.USD);
    count++;
  }
  return { value: meanHundredths(sum, count) / 100, count };
}

describe("won per dollar on a day: KRW ÷ USD of the ECB's fixings, exact, rounded half away from zero", () => {
  it.each([
    [147486, 2, 10705, 4, 137773], // 2024-06-28: 1474.86 ÷ 1.0705 = 1377.7300…
    [153215, 2, 10389, 4, 147478], // 2024-12-31: 1532.15 ÷ 1.0389 = 1474.7810…
    [138760, 2, 10819, 4, 128256], // 2023-06-15: 1387.60 ÷ 1.0819 = 1282.5585…
    [100001, 2, 20000, 4, 50001], // 1000.01 ÷ 2 = 500.005: the half goes away from zero
  ])("%d/10^%d ÷ %d/10^%d = %d hundredths", (krw, kd, usd, ud, expected) => {
    expect(crossHundredths(krw, kd, usd, ud)).toBe(expected);
  });

  it("averages in hundredths and rounds the half up (rates are positive)", () => {
    expect(meanHundredths(256513, 2)).toBe(128257);
    expect(meanHundredths(256512, 2)).toBe(128256);
  });
});

describe("fxQuote: a date gives that day's rate", () => {
  it.each([
    ["2023-06-15", 1282.56, "2023-06-15"],
    ["2024-06-28", 1377.73, "2024-06-28"],
    ["2024-12-31", 1474.78, "2024-12-31"],
    ["2024-07-15", 1382.85, "2024-07-15"], // 1508.27 ÷ 1.0907 = 1382.8459…,
  ])("%s → %d, derived from ECB reference rates", (day, value, fixing) => {
    const quote = fxQuote(data, day);
    expect(quote).toMatchObject({ source: "ecb", basis: "day", value, day: fixing, asked: null });
  });

  it("is never a coarser period's rate: a July date is not the quarter's average", () => {
    expect(fxQuote(data, "2024-07-15").value).not.toBe(fxQuote(data, "2024-Q3").value);
  });

  it("reads an Excel date serial and a date cell the same as the text", () => {
    expect(fxQuote(data, serial("2023-06-15"))).toEqual(fxQuote(data, "2023-06-15"));
    expect(fxQuote(data, serial("2023-06-15") + 0.75)).toEqual(fxQuote(data, "2023-06-15"));
  });

  it("gives a weekend or holiday the latest rate on or before it, and says which day", () => {
    expect(fxQuote(data, "2023-06-18")).toMatchObject({ day: "2023-06-16", asked: "2023-06-18" });
    expect(fxQuote(data, "2024-12-25")).toMatchObject({ day: "2024-12-24", asked: "2024-12-25" });
    expect(fxQuote(data, "2024-01-01")).toMatchObject({ day: "2023-12-29" });
  });

  it("keeps the two fixings as the ECB published them", () => {
    expect(fxQuote(data, "2024-06-28")).toMatchObject({ krw: "1474.86", usd: "1.0705" });
  });

  it.each(["1998-12-31", "1999-01-01", "1999-01-03", serial("1990-05-05")])("refuses %p, before the series, naming its first day", (period) => {
    const error = failure(() => fxQuote(data, period));
    expect(error).toMatchObject({ kind: "na", key: "fxBeforeSeries" });
    expect(error.message).toContain("1999-01-04");
  });

  it.each(["2026-04-14", serial("2026-12-01"), "2030-01-01"])("refuses %p, after the last day, never extrapolating: refresh", (period) => {
    const error = failure(() => fxQuote(data, period));
    expect(error).toMatchObject({ kind: "na", key: "fxAfterSeries" });
    expect(error.message).toMatch(/rates end 2026-04-13; refresh to get newer rates/);
  });

  it("serves the last day itself", () => {
    expect(fxQuote(data, "2026-04-13")).toMatchObject({ day: "2026-04-13", value: 1489.95 });
  });
});

describe("fxQuote: a month, quarter or year on a basis", () => {
  it.each([
    ["2019", "2019-01-01", "2019-12-31"],
    ["2023-06", "2023-06-01", "2023-06-30"],
    ["2023-Q2", "2023-04-01", "2023-06-30"],
    ["2019-Q1", "2019-01-01", "2019-03-31"],
    ["1999", "1999-01-01", "1999-12-31"],
  ])("%s: the mean of its ECB-derived daily rates as shown, rounded half away from zero", (period, start, end) => {
    const expected = slowMean(start, end);
    const quote = fxQuote(data, period);
    expect(quote).toMatchObject({ source: "ecb", basis: "average", value: expected.value, count: expected.count, start, end });
  });

  it("takes the official figure where a confirmed one is held for exactly that period and basis", () => {
    expect(fxQuote(data, "2024-Q3")).toMatchObject({ source: "official", basis: "average", value: 1358.35 });
    expect(fxQuote(data, "2024-11")).toMatchObject({ source: "official", value: 1394.3 });
    expect(fxQuote(data, 2025)).toMatchObject({ source: "official", value: 1422.16 });
  });

  it("falls back to ECB-derived where no official figure is held (the 2024 annual average)", () => {
    expect(fxQuote(data, 2024)).toMatchObject({ source: "ecb", basis: "average", value: slowMean("2024-01-01", "2024-12-31").value });
  });

  it("forces ECB-derived with \"ECB\", and official with \"BOK\" (#N/A when there is none)", () => {
    expect(fxQuote(data, "2024-Q3", null, "ECB")).toMatchObject({ source: "ecb", value: slowMean("2024-07-01", "2024-09-30").value });
    expect(fxQuote(data, "2024-Q3", null, "BOK")).toMatchObject({ source: "official", value: 1358.35 });
    const error = failure(() => fxQuote(data, 2024, null, "BOK"));
    expect(error).toMatchObject({ kind: "na", key: "noOfficialRate" });
    expect(error.message).toContain("2024");
  });

  it("gives a close: the official year-end close (its session's day), else the last business day's ECB-derived rate", () => {
    const close = fxQuote(data, 2024, "close");
    expect(close).toMatchObject({ source: "official", basis: "close", value: 1472.5 });
    expect((close as Extract<FxQuote, { source: "official" }>).row.day).toBe("2024-12-30");
    expect(fxQuote(data, 2024, "close", "ECB")).toMatchObject({ source: "ecb", basis: "day", day: "2024-12-31", value: 1474.78, period: "2024" });
    expect(fxQuote(data, "2024-Q3", "close")).toMatchObject({ source: "ecb", day: "2024-09-30", period: "2024-Q3" });
    expect(fxQuote(data, "2023-06", "close")).toMatchObject({ day: "2023-06-30" });
  });

  it("refuses a period not over yet (no extrapolation), naming the last day", () => {
    for (const period of ["2026", "2026-04", "2026-Q2"]) {
      const error = failure(() => fxQuote(data, period));
      expect(error).toMatchObject({ kind: "na", key: "fxPeriodNotOver" });
      expect(error.message).toContain("2026-04-13");
    }
    expect(fxQuote(data, "2026-Q1").source).toBe("ecb");
  });

  it("refuses a period before the series", () => {
    expect(failure(() => fxQuote(data, 1998)).key).toBe("fxBeforeSeries");
    expect(failure(() => fxQuote(data, "1998-12")).key).toBe("fxBeforeSeries");
  });

  it("computes a year's average once: the second call returns the same quote", () => {
    const span = { start: isoToDayNumber("2022-01-01"), end: isoToDayNumber("2022-12-31"), label: "2022" };
    expect(spanQuote(data, span, "average", "ECB")).toBe(spanQuote(data, span, "average", "ECB"));
  });
});

describe("bad input gets a reason", () => {
  it.each(["2023-02-30", "2023-13", "2024-Q5", -1, "yesterday", "2024-00"])("%p is #VALUE! badPeriod", (period) => {
    expect(failure(() => fxQuote(data, period))).toMatchObject({ kind: "value", key: "badPeriod" });
  });

  it.each([
    ["average", "average"],
    ["Close", "close"],
    ["평균", "average"],
    ["종가", "close"],
    ["기말", "close"],
  ])("reads the basis %p", (text, basis) => {
    expect(parseBasis(text)).toBe(basis);
  });

  it("refuses another basis", () => {
    expect(failure(() => parseBasis("median"))).toMatchObject({ kind: "value", key: "badBasis" });
  });

  it.each([
    ["ECB", "ECB"],
    ["ecb", "ECB"],
    ["BOK", "BOK"],
    ["한국은행", "BOK"],
    ["Bank of Korea", "BOK"],
  ])("reads the source %p", (text, source) => {
    expect(parseFxSource(text)).toBe(source);
  });

  it("refuses another source", () => {
    expect(failure(() => parseFxSource("Fed"))).toMatchObject({ kind: "value", key: "badFxSource" });
  });
});

describe("the fast path over date serials", () => {
  it("gives what fxQuote gives, for any serial", () => {
    fc.assert(
      fc.property(fc.integer({ min: serial("1999-01-04"), max: serial("2026-04-13") }), (s) => {
        expect(rateOnSerial(data, s)).toBe(fxQuote(data, s).value);
      }),
      { numRuns: 500 },
    );
  });

  it("refuses serials outside the series as fxQuote does", () => {
    expect(failure(() => rateOnSerial(data, serial("2026-04-14"))).key).toBe("fxAfterSeries");
    expect(failure(() => rateOnSerial(data, serial("1998-01-01"))).key).toBe("fxBeforeSeries");
  });
});

describe("the fast path of FX_RATE without basis or source (plainRate)", () => {
  /** The value, or the refusal's key, of a call. */
  const outcome = (f: () => number) => {
    try {
      return { value: f() };
    } catch {
      return { key: failure(f).key };
    }
  };
  const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

  it("gives what fxQuote gives for any day typed as text, refusals included", () => {
    fc.assert(
      fc.property(fc.integer({ min: isoToDayNumber("1998-06-01"), max: isoToDayNumber("2026-12-31") }), (day) => {
        expect(outcome(() => plainRate(data, iso(day)))).toEqual(outcome(() => fxQuote(data, iso(day)).value));
      }),
      { numRuns: 500 },
    );
  });

  it.each(["2019", "2024", "2026", "1998", "2024-Q3", "2025-Q4", "2026-Q2", "2024-11", "2025-12", "2026-04", "2026-05", " 2024-11 ", "３Q24", "2023-02-30", "2024-13", "not a period"])(
    "gives what fxQuote gives for %p, asked once or again",
    (period) => {
      const expected = outcome(() => fxQuote(data, period).value);
      expect(outcome(() => plainRate(data, period))).toEqual(expected);
      expect(outcome(() => plainRate(data, period))).toEqual(expected);
    },
  );

  it.each([2019, 2024, 2026])("gives what fxQuote gives for the year number %p", (year) => {
    expect(outcome(() => plainRate(data, year))).toEqual(outcome(() => fxQuote(data, year).value));
  });

  it("keeps a period's rate per data: other rates data gets its own", () => {
    const other = { ...data, official: [] };
    expect(plainRate(data, "2024-Q3")).toBe(fxQuote(data, "2024-Q3").value);
    expect(plainRate(other, "2024-Q3")).toBe(fxQuote(other, "2024-Q3").value);
    expect(fxQuote(data, "2024-Q3").source).not.toBe(fxQuote(other, "2024-Q3").source);
  });
});

describe("days and calendar periods", () => {
  it("dayQuote and latestQuote agree on the last day", () => {
    expect(latestQuote(data)).toEqual(dayQuote(data, isoToDayNumber("2026-04-13")));
  });

  it.each([
    ["2024-01-01", "2024-12-31", { kind: "year", label: "2024" }],
    ["2024-07-01", "2024-09-30", { kind: "quarter", label: "2024-Q3" }],
    ["2024-02-01", "2024-02-29", { kind: "month", label: "2024-02" }],
    ["2023-07-01", "2024-06-30", null],
  ])("%s..%s is %p", (start, end, expected) => {
    expect(calendarPeriodOf(isoToDayNumber(start), isoToDayNumber(end))).toEqual(expected);
  });
});
