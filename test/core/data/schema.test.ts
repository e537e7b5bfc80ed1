import registryJson from "../../../data/companies.json";
import metricsJson from "../../../data/metrics.json";
import policyJson from "../../../data/sources-policy.json";
import ratesJson from "../../../data/fx/ecb-reference-rates.json";
import { allDatasets } from "../../../src/core/data/catalog";
import {
  checkData,
  parseCompanyRegistry,
  parseDataset,
  parseMetricsFile,
  parsePackedRates,
  type Dataset,
  type FigureRow,
  type RateRow,
} from "../../../src/core/data/schema";
import { readRate } from "../../../src/core/data/rules";

/** A deep copy of an embedded dataset as plain JSON, safe to break. */
function copyOf(id: string): Dataset {
  const found = allDatasets().find((d) => d.meta.id === id);
  if (!found) throw new Error(`no dataset ${id}`);
  return structuredClone(found);
}

function problemsOf(json: unknown): string[] {
  const result = parseDataset(json);
  return result.ok ? [] : result.problems;
}

const ids = allDatasets().map((d) => d.meta.id);
const files = () => ids.map((id) => ({ file: `${id}.json`, json: copyOf(id) as unknown }));
const check = (datasets = files(), embeddedIds = ids) => checkData({ companies: registryJson, metrics: metricsJson, policy: policyJson, rates: ratesJson, datasets, embeddedIds });

describe("the shipped data", () => {
  it.each(ids)("%s passes the schema and the sourcing rules", (id) => {
    expect(problemsOf(copyOf(id))).toEqual([]);
  });

  it("registry, metric list, policy and the ECB rates pass", () => {
    expect(parseCompanyRegistry(registryJson).ok).toBe(true);
    expect(parseMetricsFile(metricsJson)).toMatchObject({ ok: true });
    expect(parsePackedRates(ratesJson)).toMatchObject({ ok: true });
  });

  it("every data file is checked and embedded (what npm run data:check reports)", () => {
    const result = check();
    expect(result.problems).toEqual([]);
    expect(result.lines).toEqual(expect.arrayContaining(["sources-policy: 25 blocked publishers OK", "fx/ecb-reference-rates: 6983 days, 1999-01-04 to 2026-04-13 OK"]));
    expect(result.datasets).toHaveLength(ids.length);
  });

  it("has at least 300 figure rows and 20 companies with figures", () => {
    const rows = allDatasets().flatMap((d) => d.rows.filter((r): r is FigureRow => !("kind" in r)));
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(new Set(rows.map((r) => r.company)).size).toBeGreaterThanOrEqual(20);
  });

  it("cites every document by an absolute URL and a date (the print column alone has neither)", () => {
    for (const d of allDatasets()) {
      for (const s of d.meta.sources) {
        if (s.kind === "column") continue;
        expect(s.url).toMatch(/^https?:\/\/[^/\s]+\.[^/\s]+/);
        expect(s.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });
});

describe("the sourcing rules fail on the defects they name", () => {
  /** The first figure row of a dataset broken by `edit` (bigtech-capex's first row: a quoted figure). */
  function broken(id: string, edit: (row: FigureRow, dataset: Dataset) => void, pick: (row: FigureRow) => boolean = () => true): string[] {
    const dataset = copyOf(id);
    const row = dataset.rows.find((r): r is FigureRow => !("kind" in r) && r.status === "confirmed" && pick(r));
    if (!row) throw new Error(`no such row in ${id}`);
    edit(row, dataset);
    return problemsOf(dataset);
  }
  const sourceOf = (row: FigureRow, d: Dataset) => d.meta.sources.find((s) => s.id === row.source)!;
  const millions = (row: FigureRow) => row.unit === "millions";

  it.each<[string, (row: FigureRow, dataset: Dataset) => void, RegExp]>([
    ["a missing URL", (row, d) => { (sourceOf(row, d) as { url: string | null }).url = null; }, /needs the URL of the document/],
    ["a URL that is not absolute", (row, d) => { sourceOf(row, d).url = "www.microsoft.com/investor"; }, /must be an absolute URL/],
    ["a missing date", (row, d) => { (sourceOf(row, d) as { published: string | null }).published = null; }, /needs its publication date/],
    ["a missing quote", (row) => { delete row.quote; }, /needs a quote/],
    ["a missing published number", (row) => { delete row.published; }, /needs the number as published/],
    ["a quote that does not contain its number", (row) => { row.quote = "Capital expenditures rose sharply"; }, /the quote does not contain the number as published/],
    ["a value re-rounded from the published one", (row) => { row.value = (row.value ?? 0) + 1_000_000; }, /is \d+, not the row's \d+/],
    ["a blocked publisher", (row, d) => { sourceOf(row, d).url = "https://monexa.ai/blog/microsoft-capex"; }, /monexa\.ai may not be cited \(AI-written/],
    ["a blocked publisher named in the text", (row, d) => { sourceOf(row, d).publisher = "monexa.ai"; }, /monexa\.ai may not be cited/],
    ["undated guidance", (row) => { row.metric = "capex_guidance"; row.qualifier = "guidance"; delete row.given; }, /guidance needs the date it was given/],
    ["a duplicate figure", (row, d) => { d.rows.push({ ...row }); }, /duplicates rows\[\d+\] \(same company, metric, period and date given\)/],
    ["a period outside the company's fiscal calendar", (row) => { row.period = row.period.replace(/^FY/, ""); }, /does not fit microsoft's fiscal calendar .* write 'FY/],
    ["a period that is no fiscal period", (row) => { row.period = "next year"; }, /is not a fiscal year or quarter/],
    ["an unregistered company", (row) => { row.company = "acme"; }, /company 'acme' is not in the registry/],
    ["an unknown metric", (row) => { row.metric = "vibes"; }, /metric 'vibes' is not a known metric/],
    ["an unconfirmed row without a note", (row) => { row.status = "unconfirmed"; delete row.note; }, /unconfirmed row needs a note/],
    ["a derived row without its inputs", (row) => { row.status = "derived"; row.note = "sum"; }, /derived row names the periods it is computed from/],
    ["a range without the qualifier", (row) => { row.low = 1; row.high = 2; row.value = null; }, /a range \(value null\) needs the qualifier "range"/],
    ["a value and a range", (row) => { row.low = 1; row.high = 2; }, /either value or low\/high, not both/],
    ["a figure in millions with decimals", (row) => { row.value = 3000.5; }, /whole, non-negative amount/],
    ["a misspelt field", (row) => { (row as unknown as Record<string, unknown>).qoute = "x"; }, /qoute/],
    ["a source no row uses", (row, d) => { d.meta.sources.push({ ...sourceOf(row, d), id: "spare" }); }, /'spare' is used by no row/],
  ])("rejects %s", (_name, edit, problem) => {
    expect(broken("bigtech-capex", edit, (r) => r.company === "microsoft" && millions(r)).join("\n")).toMatch(problem);
  });

  it("rejects a press report of a private company marked confirmed", () => {
    const found = broken("ai-labs", () => undefined);
    expect(found).toEqual([]); // ai-labs ships no confirmed press report
    const dataset = copyOf("ai-labs");
    const row = dataset.rows.find((r): r is FigureRow => !("kind" in r) && dataset.meta.sources.find((s) => s.id === r.source)?.kind === "press_report")!;
    row.status = "confirmed";
    expect(problemsOf(dataset).join("\n")).toMatch(/a press report of a private company's figures is never confirmed/);
  });

  it("rejects the other currency's amount when the quote does not hold it", () => {
    const dataset = copyOf("ai-labs");
    const row = dataset.rows.find((r): r is FigureRow => !("kind" in r) && r.alsoPublished !== undefined)!;
    row.alsoPublished = { currency: "KRW", value: 4_000_000_000_000_000, published: "약 4000조 원" };
    expect(problemsOf(dataset).join("\n")).toMatch(/the quote does not contain the other currency's amount/);
  });

  it("reads the number as published in every written form", () => {
    const cases: Array<[string, FigureRow["unit"], number]> = [
      ["(28,107)", "millions", 28_107_000_000],
      ["$91.45 billion", "as_written", 91_450_000_000],
      ["28.11B", "as_written", 28_110_000_000],
      ["53조 6461억", "as_written", 53_646_100_000_000],
      ["5,803억원", "as_written", 580_300_000_000],
      ["35,021,531", "백만원", 35_021_531_000_000],
    ];
    for (const [published, unit, value] of cases) {
      const dataset = copyOf("bigtech-capex");
      const row = dataset.rows.find((r): r is FigureRow => !("kind" in r) && r.status === "confirmed" && r.qualifier === "exact")!;
      Object.assign(row, { published, unit, value, quote: `The figure was ${published} that year` });
      expect(problemsOf(dataset)).toEqual([]);
    }
  });
});

describe("official rates", () => {
  function brokenRate(edit: (row: RateRow, dataset: Dataset) => void): string[] {
    const dataset = copyOf("usd-krw-rates");
    edit(dataset.rows[0] as RateRow, dataset);
    return problemsOf(dataset);
  }

  it.each<[string, (row: RateRow, dataset: Dataset) => void, RegExp]>([
    ["an annual average filed under a month", (row) => { row.period = "2024-03"; }, /annual_average rate is filed under a year period/],
    ["a year-end close without its session's day", (_row, d) => { delete (d.rows.find((r) => "kind" in r && r.kind === "year_end_close") as RateRow).day; }, /names the day of its session/],
    ["a rate that its quote does not hold", (row) => { row.quote = "환율이 올랐다"; }, /the quote does not contain the rate as published/],
    ["a rate that is not what was published", (row) => { row.value += 1; }, /reads as [\d.]+, not the row's/],
    ["a zero rate", (row) => { row.value = 0; }, /rows\[0\]\.value/],
    ["two rates of one kind for one period", (row, d) => { d.rows.push({ ...row }); }, /duplicates rows\[0\]/],
  ])("rejects %s", (_name, edit, problem) => {
    expect(brokenRate(edit).join("\n")).toMatch(problem);
  });

  it.each([
    ["1,364.38원", 1364.38],
    ["1,394.3 won", 1394.3],
    ["1180원2전", 1180.02],
    ["1144원60전", 1144.6],
  ])("reads %p as %d", (text, value) => {
    expect(readRate(text)).toBe(value);
  });
});

describe("the ECB rates file", () => {
  it.each<[string, (r: typeof ratesJson) => void, RegExp]>([
    ["a missing day", (r) => { r.dates = r.dates.slice(1); }, /dates for 6983 days/],
    ["a version that is not its last day", (r) => { r.meta.version = "1.0.0"; }, /meta.version must be 2026.4.13/],
    ["a non-numeric rate", (r) => { r.rates.KRW = `x,${r.rates.KRW}`; }, /comma-separated integers/],
  ])("rejects %s", (_name, edit, problem) => {
    const broken = structuredClone(ratesJson);
    edit(broken);
    const result = parsePackedRates(broken);
    expect(result.ok ? [] : result.problems.join("\n")).toMatch(problem);
  });
});

describe("the registry check", () => {
  it("rejects an alias that would match two companies", () => {
    const broken = structuredClone(registryJson);
    broken.companies.find((c) => c.id === "amazon")?.aliases.push("G.O.O.G.L.E");
    const result = parseCompanyRegistry(broken);
    expect(result.ok ? [] : result.problems.join("\n")).toMatch(/\(amazon\): 'G.O.O.G.L.E' also matches company 'alphabet'/);
  });

  it("rejects a fiscal calendar it cannot compute", () => {
    const broken = structuredClone(registryJson) as { companies: Array<Record<string, unknown>> };
    broken.companies[0].fiscal = { type: "month-end", month: 13 };
    expect(parseCompanyRegistry(broken).ok).toBe(false);
  });
});

describe("the metric list check", () => {
  it("rejects a status the code knows with no label", () => {
    const broken = structuredClone(metricsJson);
    broken.statuses.pop();
    const result = parseMetricsFile(broken);
    expect(result.ok ? [] : result.problems).toEqual(["metrics.statuses: missing a label for derived"]);
  });
});

describe("the data check", () => {
  it("rejects a file whose name is not its id", () => {
    const renamed = files().map((f) => (f.file === "bigtech-capex.json" ? { ...f, file: "capex.json" } : f));
    expect(check(renamed).problems).toEqual([
      "capex.json: meta.id is 'bigtech-capex', so the file must be named bigtech-capex.json",
      "catalog: embeds 'bigtech-capex', which has no file in data/datasets/",
    ]);
  });

  it("rejects a dataset file the bundle does not embed", () => {
    expect(check(files(), ids.slice(1)).problems).toEqual(["catalog: data/datasets/bigtech-capex.json is not embedded in src/core/data/catalog.ts"]);
  });

  it("rejects a former id that is another dataset's id", () => {
    const clash = files().map((f) => (f.file === "ai-labs.json" ? { ...f, json: { ...copyOf("ai-labs"), meta: { ...copyOf("ai-labs").meta, formerIds: ["usd-krw-rates"] } } } : f));
    expect(check(clash).problems).toEqual(["ai-labs: former id 'usd-krw-rates' is still a dataset's id"]);
  });
});
