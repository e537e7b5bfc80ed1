import { datasetById } from "../../src/core/data/catalog";
import { insertChart } from "../../src/taskpane/excel/chart";
import { loadDataset } from "../../src/taskpane/excel/load";
import type { Dataset } from "../../src/core/data/schema";
import { TABLE_COLUMNS } from "../../src/core/sheet/plan";
import { columnName, fakeExcel, WorkbookModel } from "./fake-excel";
import { FIXTURE } from "./fixture";

/** The fixture's dollar figures only: four rows. */
const DOLLARS: Dataset = { meta: { ...FIXTURE.meta, sources: FIXTURE.meta.sources.slice(0, 2) }, rows: FIXTURE.rows.slice(0, 4) };

async function loaded(id: string) {
  const model = new WorkbookModel();
  const dataset = id === DOLLARS.meta.id ? DOLLARS : datasetById(id);
  const result = await loadDataset(fakeExcel(model).context, { dataset, lang: "en", target: "newSheet", hash: null, now: "2025-01-01T00:00:00Z" });
  if (result.kind !== "loaded") throw new Error("load failed");
  return { model, record: result.record, sheet: result.sheetName };
}

describe("insertChart", () => {
  it("inserts a clustered column chart of Value by Company beside the table, titled", async () => {
    const { model, record, sheet } = await loaded(DOLLARS.meta.id);
    const fake = fakeExcel(model);
    const result = await insertChart(fake.context, { record, title: "Fixture figures — as of 2025-08-01" });
    expect(result).toEqual({ kind: "inserted", name: "AIFIN_fixture_figures_Chart", syncs: 4 });
    const [chart] = model.sheet(sheet).charts;
    expect(chart.type).toBe("ColumnClustered");
    expect(chart.seriesBy).toBe("Columns");
    expect(chart.source).toMatch(/!E4:E8$/);
    expect(chart.chart.__xValues).toMatch(/!A5:A8$/);
    expect(chart.chart.title.text).toBe("Fixture figures — as of 2025-08-01");
    // One empty column right of the table.
    expect(chart.chart.__position).toMatch(new RegExp(`!${columnName(TABLE_COLUMNS.length + 1)}4$`));
    expect(chart.chart.legend.visible).toBe(false);
  });

  it("refuses a table that mixes dollars and won", async () => {
    const { model, record, sheet } = await loaded("column-2024");
    const result = await insertChart(fakeExcel(model).context, { record, title: "t" });
    expect(result).toMatchObject({ kind: "mixedCurrency", currencies: ["USD", "KRW"] });
    expect(model.sheet(sheet).charts).toEqual([]);
  });

  it("reports a deleted table", async () => {
    const { model, record } = await loaded("bigtech-capex");
    model.tables.length = 0;
    expect(await insertChart(fakeExcel(model).context, { record, title: "t" })).toEqual({ kind: "missing", syncs: 1 });
  });

  it("reports renamed headers", async () => {
    const { model, record, sheet } = await loaded("bigtech-capex");
    model.sheet(sheet).set(3, 0, { value: "Firm" });
    expect(await insertChart(fakeExcel(model).context, { record, title: "t" })).toEqual({ kind: "columnsMissing", syncs: 2 });
  });
});
