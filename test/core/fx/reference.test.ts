import { embeddedFxData } from "../../../src/core/fx/rates";
import { newerLatest, parseReferenceChoice, referenceRate } from "../../../src/core/fx/reference";
import { fxSourceText, rateText } from "../../../src/core/fx/cite";
import { fxDataFrom } from "../../../src/core/fx/rates";
import { parseEcbCsv, packRates } from "../../../src/core/fx/ecb";
import { ECB_PROVENANCE } from "../../../src/core/fx/update";
import { fxQuote } from "../../../src/core/fx/rates";
import { failure } from "../../support/failure";

const data = embeddedFxData();

describe("parseReferenceChoice reads a workbook's setting, or nothing", () => {
  it.each([
    ['{"kind":"latest","day":"2026-04-13"}', { kind: "latest", day: "2026-04-13" }],
    ['{"kind":"date","day":"2024-06-28"}', { kind: "date", day: "2024-06-28" }],
    ['{"kind":"period","period":"2024-Q3","basis":"close","source":"ECB"}', { kind: "period", period: "2024-Q3", basis: "close", source: "ECB" }],
    ['{"kind":"period","period":"2024-Q4"}', { kind: "period", period: "2024-Q4" }],
    ['{"kind":"manual","rate":1350.5}', { kind: "manual", rate: 1350.5 }],
  ])("%s", (text, choice) => {
    expect(parseReferenceChoice(text)).toEqual(choice);
  });

  it.each(["", "not json", '{"kind":"latest","day":"2026-02-30"}', '{"kind":"period","period":"2024-06-28"}', '{"kind":"period","period":"2024","basis":"median"}', '{"kind":"manual","rate":-1}', '{"kind":"other"}', 42, null])("refuses %p", (value) => {
    expect(parseReferenceChoice(value)).toBeNull();
  });
});

describe("referenceRate: what functions without a rate use", () => {
  it("is the latest daily rate in the data when the workbook pins nothing", () => {
    const reference = referenceRate(data, null);
    expect(reference.quote).toMatchObject({ source: "ecb", basis: "day", day: "2026-04-13" });
    expect(reference.value).toBe(1489.95);
  });

  it("follows a pinned day, a period on a basis, a manual rate", () => {
    expect(referenceRate(data, { kind: "latest", day: "2024-06-28" }).value).toBe(1377.73);
    expect(referenceRate(data, { kind: "date", day: "2023-06-18" }).quote).toMatchObject({ day: "2023-06-16" });
    expect(referenceRate(data, { kind: "period", period: "2024-Q3" }).value).toBe(1358.35);
    expect(referenceRate(data, { kind: "period", period: "2024", basis: "close" }).value).toBe(1472.5);
    expect(referenceRate(data, { kind: "manual", rate: 1350 })).toEqual({ value: 1350, quote: null, choice: { kind: "manual", rate: 1350 } });
  });

  it("refuses a setting any bundle may have left broken, with a reason", () => {
    expect(failure(() => referenceRate(data, { kind: "manual", rate: 0 })).kind).toBe("num");
    expect(failure(() => referenceRate(data, { kind: "date", day: "" })).key).toBe("badPeriod");
    expect(failure(() => referenceRate(data, { kind: "date", day: "2027-01-01" })).key).toBe("fxAfterSeries");
  });
});

describe("newerLatest: a workbook's numbers never move by themselves", () => {
  it("offers nothing when the data has no newer day", () => {
    expect(newerLatest(data, { kind: "latest", day: "2026-04-13" })).toBeNull();
    expect(newerLatest(data, null)).toBeNull();
    expect(newerLatest(data, { kind: "date", day: "2020-01-02" })).toBeNull();
  });

  it("offers the move, with both rates, when newer rates arrived", () => {
    const offer = newerLatest(data, { kind: "latest", day: "2024-06-28" });
    expect(offer?.from).toMatchObject({ day: "2024-06-28", value: 1377.73 });
    expect(offer?.to).toMatchObject({ day: "2026-04-13" });
  });
});

describe("fxSourceText states every rate", () => {
  it("an ECB day: the rate, the day, the two fixings, the ECB", () => {
    expect(fxSourceText(fxQuote(data, "2023-06-15"), data)).toBe(
      "1,282.56 KRW per USD on 2023-06-15, derived from ECB reference rates (KRW and USD per EUR: 1387.60 and 1.0819; European Central Bank, https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip)",
    );
  });

  it("a weekend: the day used and the day asked", () => {
    expect(fxSourceText(fxQuote(data, "2023-06-18"), data)).toMatch(/^1,274.55 KRW per USD on 2023-06-16, the latest ECB business day on or before 2023-06-18, derived from ECB/);
  });

  it("an ECB average: the period, its days and the count of daily rates", () => {
    expect(fxSourceText(fxQuote(data, "2019-Q1"), data)).toMatch(/^1,12\d\.\d\d KRW per USD, the average of 2019-Q1 \(2019-01-01 to 2019-03-31: the mean of 6\d daily rates, 2019-01-02 to 2019-03-29, rounded half away from zero\), derived from ECB reference rates/);
  });

  it("an ECB close: its last business day", () => {
    expect(fxSourceText(fxQuote(data, "2024-Q3", "close"), data)).toMatch(/, the close of 2024-Q3 \(its last ECB business day, 2024-09-30\), derived from ECB/);
  });

  it("an official figure: what it measures and who published it, never labelled ECB", () => {
    const text = fxSourceText(fxQuote(data, "2024-Q3"), data);
    expect(text).toMatch(/^1,358.35 KRW per USD, the quarterly average of 2024-Q3, Seoul market quarterly average/);
    expect(text).not.toMatch(/ECB reference/);
    expect(fxSourceText(fxQuote(data, 2024, "close"), data)).toMatch(/the year-end close of 2024 \(2024-12-30\)/);
  });

  it("in Korean", () => {
    expect(fxSourceText(fxQuote(data, "2023-06-15"), data, "ko")).toMatch(/^2023-06-15 1달러당 1,282.56원, ECB 기준환율에서 계산/);
  });

  it("groups digits and shows two decimals", () => {
    expect(rateText(1329.4)).toBe("1,329.40");
    expect(rateText(1288)).toBe("1,288.00");
  });
});

describe("rates from a newer file", () => {
  it("serve the days it adds", () => {
    const parsed = parseEcbCsv("Date,USD,KRW,\n1999-01-05,1.1790,1398.59,\n1999-01-04,1.1789,1398.59,\n");
    if (!parsed.ok) throw new Error("fixture");
    const small = fxDataFrom(packRates(parsed.days, { id: "ecb-reference-rates", version: "1999.1.5", source: ECB_PROVENANCE }));
    expect(fxQuote(small, "1999-01-05").value).toBe(1186.25);
  });
});
