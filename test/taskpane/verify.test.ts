/* Refresh verifies, on the simulated workbook: before a table is called up to date, every cell of
 * AIFIN's is compared with the version the table records; edits are reported by cell and the table
 * is left alone until the user restores the data or keeps the edits. Tables are found by Excel's
 * ids; tables of the first release are repaired into the current layout. */
import type { Dataset } from "../../src/core/data/schema";
import { TABLE_COLUMNS } from "../../src/core/sheet/plan";
import { loadDataset } from "../../src/taskpane/excel/load";
import { refreshTables, type RefreshItem } from "../../src/taskpane/excel/refresh";
import { SETTING_KEYS, parseRecords, type TableRecord } from "../../src/taskpane/records";
import { columnName, fakeExcel, WorkbookModel } from "./fake-excel";
import { FIXTURE, FIXTURE_URLS } from "./fixture";

const NOW = "2025-02-01T00:00:00.000Z";
const col = (name: (typeof TABLE_COLUMNS)[number]) => TABLE_COLUMNS.indexOf(name);
const letter = (name: (typeof TABLE_COLUMNS)[number]) => columnName(col(name));
/** Microsoft's FY2025 capex, the fixture's third row: sheet row 7 (the header is row 4). */
const MS = 2;
const MS_ROW = 4 + 1 + MS;

async function loaded(dataset: Dataset = FIXTURE) {
  const model = new WorkbookModel();
  const result = await loadDataset(fakeExcel(model).context, { dataset, lang: "en", target: "newSheet", hash: null, now: "2025-01-01T00:00:00.000Z" });
  if (result.kind !== "loaded") throw new Error("load failed");
  return { model, record: result.record, sheet: result.sheetName };
}

/** The records the workbook holds. */
const records = (model: WorkbookModel) => parseRecords(model.settings.get(SETTING_KEYS.tables)).records;

async function refresh(model: WorkbookModel, item: Partial<RefreshItem> & { record: TableRecord }) {
  const fake = fakeExcel(model);
  const result = await refreshTables(fake.context, { items: [{ dataset: null, recorded: FIXTURE, hash: null, ...item }], now: NOW });
  return { ...fake, result, outcome: result.outcomes[0] };
}

describe("refresh verifies the cells AIFIN owns", () => {
  it("calls a table up to date only when every cell of AIFIN's matches the version it records", async () => {
    const { model, record } = await loaded();
    const { outcome, log } = await refresh(model, { record });
    expect(outcome).toMatchObject({ kind: "upToDate", repairs: { verified: true } });
    expect(log.writes.filter((w) => w.what === "values")).toEqual([]);
  });

  it("reports a figure typed over, by cell, and writes nothing until the user answers", async () => {
    const { model, record, sheet } = await loaded();
    model.write(model.sheet(sheet), MS_ROW - 1, col("value"), [[999]]);
    const before = model.snapshot();
    const { outcome } = await refresh(model, { record });
    expect(outcome).toMatchObject({ kind: "edited", sheet, report: { cells: [{ address: `${letter("value")}${MS_ROW}`, column: "value", found: 999, expected: 64551000000 }], renamed: [], deleted: [], cleared: 0, removed: 0 } });
    expect(model.snapshot()).toBe(before);
  });

  it("restores the cell when the user says so; the user's column and a formula referring to the table are untouched", async () => {
    const { model, record, sheet } = await loaded();
    const s = model.sheet(sheet);
    const t = model.table(record.tableName)!;
    s.set(t.row, t.col + t.width, { value: "My share" });
    for (let r = 1; r <= t.rows; r++) s.set(t.row + r, t.col + t.width, { value: r * 10 });
    t.width++;
    s.set(0, 30, { value: "#FORMULA", formula: `=SUM(${record.tableName}[Value])` });
    model.write(s, MS_ROW - 1, col("value"), [[999]]);
    const { outcome } = await refresh(model, { record, answer: "restore" });
    expect(outcome).toMatchObject({ kind: "refreshed", newVersion: false, repairs: { restored: [{ address: `${letter("value")}${MS_ROW}`, found: 999 }] } });
    expect(s.value(MS_ROW - 1, col("value"))).toBe(64551000000);
    expect(model.grid(sheet, `${columnName(t.col + t.width - 1)}5:${columnName(t.col + t.width - 1)}10`).map((r) => r[0])).toEqual([10, 20, 30, 40, 50, 60]);
    expect(s.get(0, 30)?.formula).toBe(`=SUM(${record.tableName}[Value])`);
    // And now it is up to date.
    expect((await refresh(model, { record: records(model)[0] })).outcome.kind).toBe("upToDate");
  });

  it("keeps the edit when the user says so, remembers it in the record, and reports it without asking again", async () => {
    const { model, record, sheet } = await loaded();
    model.write(model.sheet(sheet), MS_ROW - 1, col("value"), [[999]]);
    const kept = await refresh(model, { record, answer: "keep" });
    expect(kept.outcome).toMatchObject({ kind: "upToDate", repairs: { kept: [{ address: `${letter("value")}${MS_ROW}`, found: 999 }] } });
    expect(records(model)[0].kept).toEqual([{ kind: "cell", key: "microsoft|capex|FY2025", column: "value", value: 999 }]);
    const again = await refresh(model, { record: records(model)[0] });
    expect(again.outcome).toMatchObject({ kind: "upToDate", repairs: { kept: [{ found: 999 }] } });
    expect(model.sheet(sheet).value(MS_ROW - 1, col("value"))).toBe(999);
    // A newer version does not overwrite it either.
    const v2: Dataset = { meta: { ...FIXTURE.meta, version: "1.1.0" }, rows: FIXTURE.rows.map((r, i) => (i === 0 ? { ...r, note: "revised" } : r)) };
    const newer = await refresh(model, { record: records(model)[0], dataset: v2 });
    expect(newer.outcome).toMatchObject({ kind: "refreshed", newVersion: true, counts: { updated: 1 } });
    expect(model.sheet(sheet).value(MS_ROW - 1, col("value"))).toBe(999);
  });

  it("detects and repairs a renamed column, a deleted column, a cleared row and a deleted row", async () => {
    const { model, record, sheet } = await loaded();
    const s = model.sheet(sheet);
    const t = model.table(record.tableName)!;
    s.set(t.row, t.col + col("value"), { value: "Amount" }); // renamed
    // Deleted: the Note column, as TableColumn.delete does.
    model.shiftColumns(s, t.row, t.row + t.rows, t.col + col("note"), -1);
    t.width--;
    // Cleared: the first row's cells (the user selected them and pressed Delete).
    for (let j = 0; j < t.width; j++) s.set(t.row + 1, t.col + j, undefined);
    // Deleted: the Naver row.
    model.deleteCells(s, { r0: t.row + 5, c0: t.col, r1: t.row + 5, c1: t.col + t.width - 1 });
    const asked = await refresh(model, { record });
    expect(asked.outcome).toMatchObject({ kind: "edited", report: { cells: [], renamed: [["Amount", "Value"]], deleted: ["Note"], cleared: 1, removed: 1 } });
    const { outcome } = await refresh(model, { record, answer: "restore" });
    expect(outcome).toMatchObject({ kind: "refreshed", repairs: { headers: [["Amount", "Value"]], columnsAdded: ["Note"], rowsRestored: 2 } });
    const headers = model.grid(sheet, `A4:${columnName(t.width - 1)}4`)[0];
    expect(headers).toContain("Value");
    expect(headers[headers.length - 1]).toBe("Note");
    expect(model.grid(sheet, "A5:B5")[0]).toEqual(["OpenAI", "Total spending"]);
    expect((await refresh(model, { record: records(model)[0] })).outcome).toMatchObject({ kind: "upToDate", repairs: { verified: true } });
  });

  it("leaves rows the user took out out, when the user keeps the edits", async () => {
    const { model, record, sheet } = await loaded();
    const s = model.sheet(sheet);
    const t = model.table(record.tableName)!;
    model.deleteCells(s, { r0: t.row + 5, c0: t.col, r1: t.row + 5, c1: t.col + t.width - 1 });
    const { outcome } = await refresh(model, { record, answer: "keep" });
    expect(outcome).toMatchObject({ kind: "upToDate", repairs: { rowsKeptOut: 1 } });
    expect(t.rows).toBe(5);
    expect((await refresh(model, { record: records(model)[0] })).outcome.kind).toBe("upToDate");
  });
});

describe("tables are tracked by Excel's ids", () => {
  it("finds a table and its sheet after both were renamed, and says so", async () => {
    const { model, record, sheet } = await loaded();
    model.table(record.tableName)!.name = "MyCapex";
    model.sheet(sheet).name = "Capex";
    const { outcome } = await refresh(model, { record });
    expect(outcome).toMatchObject({ kind: "upToDate", renamedFrom: record.tableName, record: { tableName: "MyCapex", sheetName: "Capex" }, repairs: { sheetRenamed: [sheet, "Capex"] } });
    expect(records(model)[0]).toMatchObject({ tableName: "MyCapex", sheetName: "Capex", tableId: record.tableId });
  });

  it("tells a deleted table from one whose sheet was deleted", async () => {
    const deletedTable = await loaded();
    deletedTable.model.tables.splice(0, 2);
    expect((await refresh(deletedTable.model, { record: deletedTable.record })).outcome).toMatchObject({ kind: "missing", sheet: "present" });
    const deletedSheet = await loaded();
    deletedSheet.model.tables.splice(0, 2);
    deletedSheet.model.sheets.splice(deletedSheet.model.sheets.indexOf(deletedSheet.model.sheet(deletedSheet.sheet)), 1);
    expect((await refresh(deletedSheet.model, { record: deletedSheet.record })).outcome).toMatchObject({ kind: "missing", sheet: "deleted" });
  });
});

describe("a table of the first release", () => {
  /** The fixture as the first release laid it out: no Date and Definition columns, Source "publisher (date)", the old sources table. */
  async function firstRelease() {
    const { model, record, sheet } = await loaded();
    const s = model.sheet(sheet);
    const t = model.table(record.tableName)!;
    for (const gone of ["definition", "given"] as const) {
      model.shiftColumns(s, t.row, t.row + t.rows, t.col + col(gone), -1);
      t.width--;
    }
    const sourceAt = col("source") - 1; // after Given went
    for (let r = 1; r <= t.rows; r++) s.set(t.row + r, sourceAt, { value: "Example News, relaying The Information (2024-07-24)" });
    const src = model.table(record.sourcesTableName)!;
    const old = [
      ["Publisher", "Title", "Date", "URL", "Status", "AIFIN key"],
      ...FIXTURE.meta.sources.map((x) => [x.publisher, x.title, x.published, x.url, "confirmed", x.id]),
    ];
    old.forEach((row, i) => row.forEach((v, j) => s.set(src.row + i, src.col + j, v === "" ? undefined : { value: v })));
    const previous: TableRecord = { ...record, datasetId: "fixture-old-id", tableId: null, worksheetId: null, sheetName: null, sourcesTableId: null, kept: [] };
    return { model, record: previous, sheet, t, src };
  }

  it("is repaired into the current layout: the columns it lacked, Source keys linked to their documents, the sources table's columns; the record follows the current id", async () => {
    const { model, record, sheet, t, src } = await firstRelease();
    const { outcome } = await refresh(model, { record, recorded: null, dataset: { ...FIXTURE, meta: { ...FIXTURE.meta, version: "2.0.0" } }, datasetId: "fixture-figures" });
    expect(outcome).toMatchObject({ kind: "refreshed", repairs: { layoutRepaired: true, verified: false, formerId: "fixture-old-id", columnsAdded: expect.arrayContaining(["Date (given / session)", "Definition"]) } });
    const headers = model.grid(sheet, `A${t.row + 1}:${columnName(t.width - 1)}${t.row + 1}`)[0];
    expect(headers).toEqual(expect.arrayContaining(["Date (given / session)", "Definition", "Source"]));
    const source = headers.indexOf("Source");
    expect(model.sheet(sheet).value(t.row + 1, source)).toBe("news-161952");
    expect(model.links(sheet, `${columnName(source)}${t.row + 2}`)).toEqual([[FIXTURE_URLS.news]]);
    expect(model.grid(sheet, `A${src.row + 1}:F${src.row + 2}`)).toEqual([
      ["Source", "Publisher", "Title", "Date", "Kind", "URL"],
      ["news-161952", "Example News, relaying The Information", "OpenAI's 2024 costs", 45497, "news", FIXTURE_URLS.news],
    ]);
    expect(records(model)[0]).toMatchObject({ datasetId: "fixture-figures", version: "2.0.0", tableId: expect.any(String) });
    // Then an ordinary table: checked, and up to date.
    expect((await refresh(model, { record: records(model)[0], recorded: { ...FIXTURE, meta: { ...FIXTURE.meta, version: "2.0.0" } } })).outcome).toMatchObject({ kind: "upToDate", repairs: { verified: true } });
  });
});
