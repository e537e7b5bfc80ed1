/* The pane's side of a verified refresh and of loading twice: the question it asks, the answer's
 * effect, and what it says. */
import { allDatasets, datasetById } from "../../src/core/data/catalog";
import type { Dataset } from "../../src/core/data/schema";
import { TABLE_COLUMNS } from "../../src/core/sheet/plan";
import { answerAsk, loadSelected, refresh, start } from "../../src/taskpane/actions";
import { loadDataset } from "../../src/taskpane/excel/load";
import { SETTING_KEYS, parseRecords, type TableRecord } from "../../src/taskpane/records";
import { resetShared } from "../../src/shared/reference-rate";
import { columnName, fakeExcel } from "./fake-excel";
import { FIXTURE } from "./fixture";
import { harness, loadedPane } from "./harness";

afterEach(() => resetShared());

const value = columnName(TABLE_COLUMNS.indexOf("value"));
/** Microsoft's FY2025 capex in the fixture's table: E7. */
const MS_CELL = `${value}7`;


describe("a refresh that finds edits in AIFIN's cells", () => {
  it("names each cell with what the data says, asks, and restores on the answer", async () => {
    const h = await loadedPane();
    const sheet = h.state.records[0].sheetName!;
    h.model.write(h.model.sheet(sheet), 6, TABLE_COLUMNS.indexOf("value"), [[999]]);
    await refresh(h.deps);
    expect(h.state.ask).toMatchObject({ kind: "refresh", tables: ["AIFIN_fixture_figures"] });
    const asked = h.state.ask!.lines.map((l) => l.key);
    expect(asked).toEqual(["editedIntro", "editedCell", "editedChoice"]);
    expect(h.state.ask!.lines[1].params).toEqual({ address: MS_CELL, found: "999", expected: "64,551,000,000" });
    expect(h.model.sheet(sheet).value(6, TABLE_COLUMNS.indexOf("value"))).toBe(999);
    await answerAsk(h.deps, "first");
    expect(h.state.ask).toBeNull();
    expect(h.model.sheet(sheet).value(6, TABLE_COLUMNS.indexOf("value"))).toBe(64551000000);
    expect(h.status()).toEqual(["AIFIN_fixture_figures (version 1.0.0) was repaired.", `Cells restored to the data (1): ${MS_CELL} (999).`]);
    await refresh(h.deps);
    expect(h.status()).toEqual(["AIFIN_fixture_figures is up to date (version 1.0.0, as of 2025-08-01); every cell of AIFIN's matches the data."]);
  });

  it("keeps the edits on the other answer, and says so on every refresh without asking again", async () => {
    const h = await loadedPane();
    const sheet = h.state.records[0].sheetName!;
    h.model.write(h.model.sheet(sheet), 6, TABLE_COLUMNS.indexOf("value"), [[999]]);
    await refresh(h.deps);
    await answerAsk(h.deps, "second");
    expect(h.model.sheet(sheet).value(6, TABLE_COLUMNS.indexOf("value"))).toBe(999);
    expect(h.state.records[0].kept).toHaveLength(1);
    await refresh(h.deps);
    expect(h.state.ask).toBeNull();
    expect(h.status()).toEqual(["AIFIN_fixture_figures is up to date (version 1.0.0, as of 2025-08-01); every cell of AIFIN's matches the data.", `Cells that keep your edits (1): ${MS_CELL} (999).`]);
  });

  it("in Korean for a Korean user", async () => {
    const h = await loadedPane("ko-KR");
    const sheet = h.state.records[0].sheetName!;
    h.model.write(h.model.sheet(sheet), 6, TABLE_COLUMNS.indexOf("value"), [[999]]);
    await refresh(h.deps);
    expect(h.state.ask?.lines.map((l) => l.key)).toEqual(["editedIntro", "editedCell", "editedChoice"]);
  });

  it("cancelled, writes nothing", async () => {
    const h = await loadedPane();
    const sheet = h.state.records[0].sheetName!;
    h.model.write(h.model.sheet(sheet), 6, TABLE_COLUMNS.indexOf("value"), [[999]]);
    await refresh(h.deps);
    const before = h.model.snapshot();
    await answerAsk(h.deps, "cancel");
    expect(h.model.snapshot()).toBe(before);
    expect(h.status()).toEqual(["Nothing was written."]);
  });
});

describe("a table and its sheet renamed in the workbook", () => {
  it("are still found by Excel's ids, checked and called up to date, and the pane says what they are called now", async () => {
    const h = await loadedPane();
    const record = h.state.records[0];
    h.model.table(record.tableName)!.name = "MyFigures";
    h.model.sheet(record.sheetName!).name = "Figures";
    await refresh(h.deps);
    expect(h.status()).toEqual([
      "MyFigures is up to date (version 1.0.0, as of 2025-08-01); every cell of AIFIN's matches the data.",
      "It was renamed from AIFIN_fixture_figures; AIFIN follows it by Excel's id.",
      "Its sheet Fixture_figures_for_tests is now called Figures.",
    ]);
    expect(h.state.records[0]).toMatchObject({ tableName: "MyFigures", sheetName: "Figures", tableId: record.tableId });
  });

  it("are repaired under their new names, and the pane says so", async () => {
    const h = await loadedPane();
    const record = h.state.records[0];
    h.model.table(record.tableName)!.name = "MyFigures";
    h.model.write(h.model.sheet(record.sheetName!), 6, TABLE_COLUMNS.indexOf("value"), [[999]]);
    await refresh(h.deps);
    // The question says so (the record follows the new name from here on).
    expect(h.state.ask?.lines.map((l) => l.key)).toEqual(["editedIntro", "tableRenamed", "editedCell", "editedChoice"]);
    await answerAsk(h.deps, "first");
    expect(h.keys()).toEqual(["repairedTable", "restoredCells"]);
    expect(h.status()[0]).toBe("MyFigures (version 1.0.0) was repaired.");
  });
});

describe("a table loaded by the previous release", () => {
  it("is refreshed from the dataset's current id (openai-2024-costs → ai-labs), repaired and said so", async () => {
    const h = harness();
    h.feed.publish(allDatasets());
    await start(h.deps, "en-US", true);
    // A table of ai-labs as the previous release recorded it: the former id, an old version, no ids.
    const loaded = await loadDataset(fakeExcel(h.model).context, { dataset: datasetById("ai-labs"), lang: "en", target: "newSheet", hash: null, now: "2024-09-01T00:00:00.000Z" });
    if (loaded.kind !== "loaded") throw new Error("load");
    const previous: TableRecord = { ...loaded.record, datasetId: "openai-2024-costs", version: "1.0.0", tableId: null, worksheetId: null, sheetName: null, sourcesTableId: null };
    h.model.settings.set(SETTING_KEYS.tables, JSON.stringify([previous]));
    h.deps.dispatch({ type: "records", records: [previous] });
    await refresh(h.deps);
    const said = h.keys();
    expect(said).toContain("followsDataset");
    expect(said).toContain("notVerified");
    const saved = parseRecords(h.model.settings.get(SETTING_KEYS.tables)).records[0];
    expect(saved).toMatchObject({ datasetId: "ai-labs", version: datasetById("ai-labs").meta.version, tableId: expect.any(String) });
  });
});

describe("loading a dataset already in the workbook", () => {
  it("asks, and refreshes that table on the first answer", async () => {
    const h = await loadedPane();
    const sheets = h.model.sheets.length;
    await loadSelected(h.deps);
    expect(h.state.ask).toMatchObject({ kind: "load", datasetId: FIXTURE.meta.id, table: "AIFIN_fixture_figures" });
    expect(h.state.ask!.lines[0]).toEqual({ key: "loadTwice", params: { title: FIXTURE.meta.title.en, table: "AIFIN_fixture_figures", sheet: "Fixture_figures_for_tests" } });
    await answerAsk(h.deps, "first");
    expect(h.model.sheets.length).toBe(sheets);
    expect(h.keys()).toEqual(["upToDateChecked"]);
  });

  it("adds a copy on the second answer", async () => {
    const h = await loadedPane();
    await loadSelected(h.deps);
    await answerAsk(h.deps, "second");
    expect(h.state.records.map((r) => r.tableName)).toEqual(["AIFIN_fixture_figures", "AIFIN_fixture_figures_2"]);
    expect(h.state.records[1].sheetName).toBe("Fixture_figures_for_tests_2");
  });

  it("recognises a table of the dataset loaded under its former id", async () => {
    const h = harness();
    h.feed.publish(allDatasets());
    await start(h.deps, "en-US", true);
    const labs: Dataset = datasetById("ai-labs");
    const previous = { datasetId: "openai-2024-costs", version: "1.0.0", hash: null, asOf: "2024-08-01", refreshedAt: "2024-09-01T00:00:00.000Z", tableName: "AIFIN_openai_2024_costs", tableId: null, worksheetId: null, sheetName: null, sourcesTableName: "AIFIN_openai_2024_costs_Sources", sourcesTableId: null, asOfName: "AIFIN_openai_2024_costs_AsOf", lang: "en" as const, kept: [] };
    h.deps.dispatch({ type: "records", records: [previous] });
    h.deps.dispatch({ type: "select", id: labs.meta.id });
    await loadSelected(h.deps);
    expect(h.state.ask).toMatchObject({ kind: "load", table: "AIFIN_openai_2024_costs" });
  });
});
