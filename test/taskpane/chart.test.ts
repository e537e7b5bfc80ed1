import { datasetById } from "../../src/core/data/catalog";
import type { ChartOption } from "../../src/core/sheet";
import { insertChart } from "../../src/taskpane/excel/chart";
import { loadDataset } from "../../src/taskpane/excel/load";
import { parseDataset, type Dataset } from "../../src/core/data/schema";
import { TABLE_COLUMNS } from "../../src/core/sheet/plan";
import { CHARTED, QUARTERS } from "./chart-fixture";
import { columnName, fakeExcel, parseA1, WorkbookModel } from "./fake-excel";

async function loaded(dataset: Dataset | string, model = new WorkbookModel()) {
  const result = await loadDataset(fakeExcel(model).context, { dataset: typeof dataset === "string" ? datasetById(dataset) : dataset, lang: "en", target: "newSheet", hash: null, now: "2025-01-01T00:00:00Z" });
  if (result.kind !== "loaded") throw new Error("load failed");
  return { model, record: result.record, sheet: result.sheetName };
}

const title = (o: ChartOption) => `Title: ${o.metric}, ${o.currency}`;

async function chart(model: WorkbookModel, record: Awaited<ReturnType<typeof loaded>>["record"], choice: string | null = null) {
  const fake = fakeExcel(model);
  return { ...fake, result: await insertChart(fake.context, { record, title, choice }) };
}

/** The block's rows: [label, formula, the company and period of the row the formula reads]. */
function blockRows(model: WorkbookModel, sheetName: string, address: string) {
  const sheet = model.sheet(sheetName);
  const r = parseA1(address);
  return Array.from({ length: r.r1 - r.r0 }, (_, i) => {
    const label = sheet.value(r.r0 + 1 + i, r.c0);
    const formula = sheet.get(r.r0 + 1 + i, r.c0 + 1)?.formula ?? "";
    const ref = parseA1(/^=([A-Z]+\d+)/.exec(formula)?.[1] ?? "A1");
    return { label, formula, company: sheet.value(ref.r0, 0), period: sheet.value(ref.r0, 2), value: sheet.value(ref.r0, ref.c0) };
  });
}

/** The chart's data block: two columns, starting one empty column right of the table; the chart right of it. */
const LABELS = columnName(TABLE_COLUMNS.length + 1);
const VALUES = columnName(TABLE_COLUMNS.length + 2);
const CHART_AT = columnName(TABLE_COLUMNS.length + 4);

describe("insertChart", () => {
  it("is tested on datasets the feed would accept", () => {
    for (const d of [CHARTED, QUARTERS]) expect(parseDataset(JSON.parse(JSON.stringify(d))).ok).toBe(true);
  });

  it("asks which metric and currency to chart when a table holds several", async () => {
    const { model, record, sheet } = await loaded(CHARTED);
    const { result } = await chart(model, record);
    expect(result.kind).toBe("choose");
    if (result.kind !== "choose") return;
    // The revenue range has no value: nothing of that metric to chart, so it is not offered.
    expect(result.options.map((o) => [o.metric, o.currency, o.figures])).toEqual([
      ["Capital expenditure", "USD", 3],
      ["Capex guidance", "USD", 2],
      ["AI investment", "KRW", 1],
    ]);
    expect(model.sheet(sheet).charts).toEqual([]);
  });

  it("charts one metric in one currency, each bar named by company and period, read from the table's cells", async () => {
    const { model, record, sheet } = await loaded(CHARTED);
    const first = await chart(model, record);
    if (first.result.kind !== "choose") throw new Error(first.result.kind);
    const capex = first.result.options[0];
    const { result } = await chart(model, record, capex.key);
    expect(result).toMatchObject({ kind: "inserted", name: "AIFIN_chart_figures_Chart", type: "ColumnClustered", points: 3, leftOut: 0, data: `${sheet}!${LABELS}4:${VALUES}7` });
    const rows = blockRows(model, sheet, `${LABELS}4:${VALUES}7`);
    // Companies stay together, their periods in order.
    expect(rows.map((r) => r.label)).toEqual(["Microsoft FY2024", "Microsoft FY2025", "Alphabet 2024"]);
    expect(rows.map((r) => r.label)).toEqual(rows.map((r) => `${r.company} ${r.period}`));
    expect(rows[0].formula).toMatch(/^=E\d+\/1000000000$/);
    expect(rows.map((r) => r.value)).toEqual([44477000000, 64551000000, 52535000000]);
    expect(model.grid(sheet, `${LABELS}4:${VALUES}4`)[0]).toEqual(["Company, period", "Capital expenditure (USD bn)"]);
    const [c] = model.sheet(sheet).charts;
    expect(c).toMatchObject({
      type: "ColumnClustered",
      source: `${sheet}!${VALUES}4:${VALUES}7`,
      seriesBy: "Columns",
      xValues: `${sheet}!${LABELS}5:${LABELS}7`,
      position: `${sheet}!${CHART_AT}4`,
      title: "Title: Capital expenditure, USD",
      legendVisible: false,
    });
  });

  it("updates the chart it made on a second click instead of stacking another", async () => {
    const { model, record, sheet } = await loaded(CHARTED);
    const options = (await chart(model, record)).result;
    if (options.kind !== "choose") throw new Error(options.kind);
    await chart(model, record, options.options[0].key);
    const again = await chart(model, record, options.options[1].key);
    expect(again.result).toMatchObject({ kind: "updated", points: 2, leftOut: 1, data: `${sheet}!${LABELS}4:${VALUES}6` });
    expect(model.sheet(sheet).charts).toHaveLength(1);
    expect(model.sheet(sheet).charts[0]).toMatchObject({ source: `${sheet}!${VALUES}4:${VALUES}6`, xValues: `${sheet}!${LABELS}5:${LABELS}6`, title: "Title: Capex guidance, USD" });
    // The old block's rows below the new one are cleared, and the name follows the block.
    expect(model.grid(sheet, `${LABELS}7:${VALUES}7`).flat().every((v) => v === "")).toBe(true);
    expect(model.names.find((n) => n.name === "AIFIN_chart_figures_ChartData")?.rect).toEqual(parseA1(`${LABELS}4:${VALUES}6`));
  });

  it("draws a line over periods for the USD/KRW rates, in period order", async () => {
    const { model, record, sheet } = await loaded(QUARTERS);
    const { result } = await chart(model, record);
    expect(result).toMatchObject({ kind: "inserted", type: "Line", points: 4 });
    if (result.kind !== "inserted") return;
    const rows = blockRows(model, sheet, result.data.slice(result.data.indexOf("!") + 1));
    expect(rows.map((r) => r.label)).toEqual(["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]);
    expect(rows[0].formula).toMatch(/^=E\d+$/);
    expect(model.sheet(sheet).charts[0].type).toBe("Line");
  });

  it("offers the real rates table's kinds, each a line", async () => {
    const { model, record } = await loaded("usd-krw-rates");
    const options = (await chart(model, record)).result;
    if (options.kind !== "choose") throw new Error(options.kind);
    const quarters = options.options.find((o) => o.metric === "Quarterly average")!;
    const { result } = await chart(model, record, quarters.key);
    expect(result).toMatchObject({ kind: "inserted", type: "Line", points: quarters.figures });
  });

  it("reports a deleted table", async () => {
    const { model, record } = await loaded("bigtech-capex");
    model.tables.length = 0;
    expect((await chart(model, record)).result).toEqual({ kind: "missing", syncs: 1 });
  });

  it("names a renamed header it needs", async () => {
    const { model, record, sheet } = await loaded("bigtech-capex");
    model.sheet(sheet).set(3, 0, { value: "Firm" });
    expect((await chart(model, record)).result).toEqual({ kind: "columnsMissing", missing: ["Company"], syncs: 2 });
  });

  it("finds the columns by their headers wherever they are", async () => {
    const { model, record, sheet } = await loaded("korea-ai-investment");
    const table = model.table(record.tableName)!;
    // Swap the Company and Metric columns, headers and all (as a new table layout might).
    const s = model.sheet(sheet);
    for (let r = table.row; r <= table.row + table.rows; r++) {
      const a = s.get(r, 0);
      s.set(r, 0, s.get(r, 1));
      s.set(r, 1, a);
    }
    const options = (await chart(model, record)).result;
    if (options.kind !== "choose") throw new Error(options.kind);
    const { result } = await chart(model, record, options.options.find((o) => o.metric === "Facility investment")?.key ?? options.options[0].key);
    if (result.kind !== "inserted") throw new Error(result.kind);
    // Each label names the company (now in column B) and the period of the cell its formula reads.
    const block = parseA1(result.data.slice(result.data.indexOf("!") + 1));
    for (let r = block.r0 + 1; r <= block.r1; r++) {
      const ref = parseA1(/^=([A-Z]+\d+)/.exec(String(s.get(r, block.c0 + 1)?.formula))![1]);
      expect(ref.c0).toBe(4);
      expect(s.value(r, block.c0)).toBe(`${s.value(ref.r0, 1)} ${s.value(ref.r0, 2)}`);
    }
  });
});
