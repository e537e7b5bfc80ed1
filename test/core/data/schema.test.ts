import registryJson from "../../../data/companies.json";
import metricsJson from "../../../data/metrics.json";
import { allDatasets } from "../../../src/core/data/catalog";
import {
  checkData,
  parseCompanyRegistry,
  parseDataset,
  parseMetricsFile,
  type Dataset,
  type FigureRow,
  type RateRow,
} from "../../../src/core/data/schema";

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

describe("the shipped data", () => {
  it.each(ids)("%s passes the schema and the cross-checks", (id) => {
    expect(problemsOf(copyOf(id))).toEqual([]);
  });

  it("registry passes, with 15 companies", () => {
    const result = parseCompanyRegistry(registryJson);
    expect(result.ok && result.registry.companies.length).toBe(15);
  });

  it("metric list passes", () => {
    expect(parseMetricsFile(metricsJson)).toMatchObject({ ok: true });
  });

  it("every data file is checked and embedded (what npm run data:check reports)", () => {
    const { readdirSync, readFileSync } = jest.requireActual<typeof import("node:fs")>("node:fs");
    const dir = `${__dirname}/../../../data/datasets`;
    const datasets = readdirSync(dir).map((file) => ({ file, json: JSON.parse(readFileSync(`${dir}/${file}`, "utf8")) as unknown }));
    const result = checkData({ companies: registryJson, metrics: metricsJson, datasets, embeddedIds: ids });
    expect(result.problems).toEqual([]);
    expect(result.lines).toEqual([
      "companies: 15 companies OK",
      "metrics: 14 metrics OK",
      "bigtech-capex: 17 rows OK",
      "column-2024: 10 rows OK",
      "korea-ai-investment: 15 rows OK",
      "openai-2024-costs: 6 rows OK",
      "usd-krw-rates: 10 rows OK",
    ]);
  });
});

describe("a row that loses its provenance fails", () => {
  const rows = allDatasets().flatMap((d) => d.rows.map((row, index) => ({ id: d.meta.id, index, row })));

  it.each(rows.map((r) => [r.id, r.index, r.row.source] as const))("%s rows[%i] without its source (%s)", (id, index) => {
    const broken = copyOf(id);
    delete (broken.rows[index] as Partial<FigureRow>).source;
    expect(problemsOf(broken).join("\n")).toMatch(new RegExp(`rows\\[${index}\\]\\.source`));
  });

  it.each(rows.map((r) => [r.id, r.index, r.row.source] as const))("%s rows[%i] naming a source not in meta.sources", (id, index) => {
    const broken = copyOf(id);
    broken.rows[index].source = "nowhere";
    expect(problemsOf(broken).join("\n")).toMatch(/source 'nowhere' is not in meta.sources/);
  });

  const quoted = rows.filter((r) => r.row.status !== "unconfirmed");
  it.each(quoted.map((r) => [r.id, r.index, r.row.status] as const))("%s rows[%i] (%s) without any quote", (id, index) => {
    const broken = copyOf(id);
    const row = broken.rows[index];
    delete row.quote;
    const source = broken.meta.sources.find((s) => s.id === row.source);
    if (source) source.quote = null;
    expect(problemsOf(broken).join("\n")).toMatch(new RegExp(`rows\\[${index}\\].*needs a quote`));
  });
});

describe("cross-checks", () => {
  /** A figure row of column-2024 (rows[0], OpenAI training) broken by `edit`. */
  function brokenFigure(edit: (row: FigureRow, dataset: Dataset) => void): string[] {
    const dataset = copyOf("column-2024");
    edit(dataset.rows[0] as FigureRow, dataset);
    return problemsOf(dataset);
  }
  function brokenRate(edit: (row: RateRow, dataset: Dataset) => void): string[] {
    const dataset = copyOf("usd-krw-rates");
    edit(dataset.rows[0] as RateRow, dataset);
    return problemsOf(dataset);
  }

  it.each<[string, (row: FigureRow, dataset: Dataset) => void, RegExp]>([
    ["an unregistered company", (row) => { row.company = "acme"; }, /company 'acme' is not in the registry/],
    ["an unknown metric", (row) => { row.metric = "vibes"; }, /metric 'vibes' is not a known metric/],
    ["an unconfirmed row without a note", (row) => { row.status = "unconfirmed"; delete row.note; }, /unconfirmed row needs a note/],
    ["a derived row without a note", (row) => { row.status = "derived"; delete row.note; }, /derived row needs a note/],
    ["a value and a range", (row) => { row.low = 1; row.high = 2; }, /either value or low\/high, not both/],
    ["no value and no range", (row) => { row.value = null; }, /low and high are both required/],
    ["a range upside down", (row) => { row.value = null; row.low = 9; row.high = 2; }, /low \(9\) must be below high \(2\)/],
    ["a duplicate company, metric and year", (row, d) => { d.rows.push({ ...row, period: "2024" }); }, /duplicates rows\[0\]/],
    ["a figure in millions with decimals", (row) => { row.value = 3000.5; }, /whole, non-negative amount/],
    ["a negative figure", (row) => { row.value = -1; }, /whole, non-negative amount/],
    ["a currency that is not USD or KRW", (row) => { (row as { currency: string }).currency = "EUR"; }, /rows\[0\]\.currency/],
    ["a status that is not in the list", (row) => { (row as { status: string }).status = "probable"; }, /rows\[0\]\.status/],
    ["a misspelt field", (row) => { (row as unknown as Record<string, unknown>).qoute = "x"; }, /qoute/],
    ["a source no row uses", (_row, d) => { d.meta.sources.push({ ...d.meta.sources[0], id: "spare" }); }, /'spare' is used by no row/],
    ["an impossible publication date", (_row, d) => { d.meta.sources[0].published = "2024-02-30"; }, /published: must be a real date/],
    ["a mention of an unregistered company", (_row, d) => { d.meta.mentions?.push({ company: "acme", source: "donga-column-2024", quote: null, note: "n" }); }, /mentions\[4\]: company 'acme'/],
  ])("rejects %s", (_name, edit, problem) => {
    expect(brokenFigure(edit).join("\n")).toMatch(problem);
  });

  it.each<[string, (row: RateRow, dataset: Dataset) => void, RegExp]>([
    ["a quarter average filed under a month", (row) => { row.period = "2024-03"; }, /quarter_average rate is filed under a quarter period/],
    ["a year-end close on an impossible day", (_row, d) => { (d.rows[6] as RateRow).period = "2023-12-32"; }, /year_end_close rate is filed under a day period/],
    ["a reference period with no rate", (_row, d) => { d.meta.reference = "2025-Q1"; }, /meta.reference: no reference rate row has period '2025-Q1'/],
    ["a zero rate", (row) => { row.value = 0; }, /rows\[0\]\.value/],
    ["two rates of one kind for one period", (row, d) => { d.rows.push({ ...row }); }, /duplicates rows\[0\]/],
    ["a column-implied rate without its basis", (row) => { row.kind = "column_implied"; row.period = "2024"; }, /needs a basis/],
  ])("rejects %s", (_name, edit, problem) => {
    expect(brokenRate(edit).join("\n")).toMatch(problem);
  });

  it("rejects what is not a dataset at all, saying where", () => {
    expect(problemsOf(null)).toEqual(["(root): Invalid input: expected object, received null"]);
    expect(problemsOf({ meta: {}, rows: [] }).join("\n")).toMatch(/meta\.id/);
  });
});

describe("the registry check", () => {
  it("rejects an alias that would match two companies", () => {
    const broken = structuredClone(registryJson);
    broken.companies.find((c) => c.id === "amazon")?.aliases.push("G.O.O.G.L.E");
    const result = parseCompanyRegistry(broken);
    expect(result.ok ? [] : result.problems).toEqual(["companies[9] (amazon): 'G.O.O.G.L.E' also matches company 'alphabet'"]);
  });

  it("rejects a duplicate id", () => {
    const broken = structuredClone(registryJson);
    broken.companies.push(structuredClone(broken.companies[0]));
    const result = parseCompanyRegistry(broken);
    expect(result.ok ? [] : result.problems).toContain("companies[15]: duplicate id 'openai'");
  });
});

describe("the metric list check", () => {
  it("rejects a label that matches another metric", () => {
    const broken = structuredClone(metricsJson);
    broken.metrics[0].aliases.push("Capital Expenditure");
    const result = parseMetricsFile(broken);
    expect(result.ok ? [] : result.problems).toEqual(["metrics[6] (capex): 'Capital expenditure' also matches metric 'total'"]);
  });

  it("rejects a status the code knows with no label", () => {
    const broken = structuredClone(metricsJson);
    broken.statuses.pop();
    const result = parseMetricsFile(broken);
    expect(result.ok ? [] : result.problems).toEqual(["metrics.statuses: missing a label for derived"]);
  });
});

describe("the data check", () => {
  const files = ids.map((id) => ({ file: `${id}.json`, json: copyOf(id) }));

  it("rejects a file whose name is not its id", () => {
    const renamed = files.map((f) => (f.file === "bigtech-capex.json" ? { ...f, file: "capex.json" } : f));
    const result = checkData({ companies: registryJson, metrics: metricsJson, datasets: renamed, embeddedIds: ids });
    expect(result.problems).toEqual([
      "capex.json: meta.id is 'bigtech-capex', so the file must be named bigtech-capex.json",
      "catalog: embeds 'bigtech-capex', which has no file in data/datasets/",
    ]);
  });

  it("rejects a dataset file the bundle does not embed", () => {
    const result = checkData({ companies: registryJson, metrics: metricsJson, datasets: files, embeddedIds: ids.slice(1) });
    expect(result.problems).toEqual(["catalog: data/datasets/column-2024.json is not embedded in src/core/data/catalog.ts"]);
  });

  it("prefixes each problem with its file", () => {
    const broken = files.map((f) => (f.file === "column-2024.json" ? { ...f, json: { ...copyOf("column-2024"), rows: [] } } : f));
    const result = checkData({ companies: registryJson, metrics: metricsJson, datasets: broken, embeddedIds: ids });
    expect(result.problems).toEqual(["column-2024.json: rows: Too small: expected array to have >=1 items"]);
  });
});
