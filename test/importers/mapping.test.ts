/* The mapping files are data, checked against the registry, the metric list and the datasets. */
import { parseDartMapping, parseSecMapping } from "../../scripts/importers/mapping";
import { mappingContext, mappingJson } from "./support";

type Json = Record<string, unknown> & { companies: Array<Record<string, unknown>> };
const copy = (importer: "sec" | "dart"): Json => JSON.parse(JSON.stringify(mappingJson(importer))) as Json;

describe("the mapping files", () => {
  it("as shipped, pass and fill each company's metrics from the defaults", () => {
    const sec = parseSecMapping(mappingJson("sec"), mappingContext);
    expect(sec.ok).toBe(true);
    if (sec.ok) {
      const amazon = sec.mapping.companies.find((c) => c.company.id === "amazon");
      expect(amazon?.metrics.map((m) => [m.metric, m.dataset, m.tags[0]])).toEqual([
        ["capex", "bigtech-capex", "PaymentsToAcquireProductiveAssets"],
        ["revenue", "bigtech-financials", "RevenueFromContractWithCustomerExcludingAssessedTax"],
      ]);
      expect(sec.mapping.companies.find((c) => c.company.id === "microsoft")?.calendar).toEqual({ type: "month-end", month: 6 });
    }
    const dart = parseDartMapping(mappingJson("dart"), mappingContext);
    expect(dart.ok).toBe(true);
    if (dart.ok) expect(dart.mapping.companies.find((c) => c.company.id === "naver")?.metrics.find((m) => m.metric === "rnd")?.optional).toBe(true);
  });

  it("refuse a CIK or corp_code listed twice", () => {
    const sec = copy("sec");
    sec.companies[1].cik = sec.companies[0].cik;
    expect(parseSecMapping(sec, mappingContext)).toEqual({ ok: false, problems: ["data/importers/sec-tags.json: CIK 789019 is listed twice"] });
    const dart = copy("dart");
    dart.companies[1].corpCode = dart.companies[0].corpCode;
    expect(parseDartMapping(dart, mappingContext)).toMatchObject({ ok: false, problems: ["data/importers/dart-accounts.json: corp_code 00126380 is listed twice"] });
  });

  it("refuse a DART stock code that is not the company's ticker", () => {
    const dart = copy("dart");
    dart.companies[0].stockCode = "000660";
    expect(parseDartMapping(dart, mappingContext)).toEqual({ ok: false, problems: ["data/importers/dart-accounts.json: samsung-electronics: stock code 000660 is not among its tickers in data/companies.json (005930)"] });
  });

  it("refuse a company metric with no default entry, and a malformed file", () => {
    const sec = copy("sec");
    (sec.companies[0].metrics as Record<string, unknown>).capex_guidance = {};
    expect(parseSecMapping(sec, mappingContext)).toEqual({ ok: false, problems: ['data/importers/sec-tags.json: microsoft: metric \'capex_guidance\' has no entry under "metrics"'] });
    expect(parseDartMapping({ version: "1.0.0" }, mappingContext).ok).toBe(false);
  });
});
