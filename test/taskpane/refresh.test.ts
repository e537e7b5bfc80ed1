import { datasetById } from "../../src/core/data/catalog";
import type { Dataset, FigureRow } from "../../src/core/data/schema";
import { TABLE_COLUMNS } from "../../src/core/sheet/plan";
import { loadDataset } from "../../src/taskpane/excel/load";
import { refreshTables, type RefreshItem } from "../../src/taskpane/excel/refresh";
import { SETTING_KEYS, parseRecords, type TableRecord } from "../../src/taskpane/records";
import { fakeExcel, WorkbookModel, columnName } from "./fake-excel";
import { FIXTURE, FIXTURE_URLS } from "./fixture";

const LOADED_AT = "2025-01-01T00:00:00.000Z";
const NOW = "2025-02-01T00:00:00.000Z";
const col = (name: (typeof TABLE_COLUMNS)[number]) => TABLE_COLUMNS.indexOf(name);
const LAST = columnName(TABLE_COLUMNS.length - 1);

const v1 = FIXTURE;
function version2(change: (rows: Dataset["rows"]) => Dataset["rows"]): Dataset {
  return { meta: { ...v1.meta, version: "1.1.0", asOf: "2025-09-01" }, rows: change([...v1.rows]) };
}
const figure = (i: number) => v1.rows[i] as FigureRow;

async function loadedWorkbook(dataset: Dataset = v1) {
  const model = new WorkbookModel();
  const { context } = fakeExcel(model);
  const result = await loadDataset(context, { dataset, lang: "en", target: "newSheet", hash: "h1", now: LOADED_AT });
  if (result.kind !== "loaded") throw new Error("load failed");
  return { model, record: result.record, sheet: result.sheetName };
}

async function refresh(model: WorkbookModel, items: RefreshItem[]) {
  const fake = fakeExcel(model);
  const result = await refreshTables(fake.context, { items, now: NOW });
  return { ...fake, result };
}

/** The user types a column "My share" into the column right of the table (Excel widens the table). */
function addUserColumn(model: WorkbookModel, tableName: string, header: string, cells: (row: number) => { value?: string | number; formula?: string }) {
  const t = model.table(tableName);
  if (!t) throw new Error("no table");
  const c = t.col + t.width;
  t.sheet.set(t.row, c, { value: header });
  for (let r = 1; r <= t.rows; r++) {
    const cell = cells(r - 1);
    t.sheet.set(t.row + r, c, cell.formula ? { value: "#FORMULA", formula: cell.formula } : { value: cell.value ?? "" });
  }
  t.width++;
  return c;
}

describe("refreshTables", () => {
  it("updates changed rows in place, keeping the user's column and formulas that refer to the table", async () => {
    const { model, record, sheet } = await loadedWorkbook();
    const userCol = addUserColumn(model, record.tableName, "My share", (r) => ({ value: r * 10 }));
    // A formula elsewhere that refers to the table.
    model.sheet(sheet).set(0, 20, { value: "#FORMULA", formula: `=SUM(${record.tableName}[Value])` });
    const v2 = version2((rows) => rows.map((r, i) => (i === 2 ? { ...r, value: 64552000000, published: "(64,552)" } : r)));

    const { result, log } = await refresh(model, [{ record, dataset: v2, hash: "h2" }]);

    expect(result.outcomes[0]).toMatchObject({ kind: "refreshed", counts: { updated: 1, added: 0, removed: 0, unchanged: 5 }, renamedFrom: null });
    expect(model.sheet(sheet).value(4 + 2, col("value"))).toBe(64552000000);
    // The row rewritten in place keeps its link to the document.
    expect(model.links(sheet, `${columnName(col("source"))}7`)).toEqual([[FIXTURE_URLS.filing]]);
    expect(model.grid(sheet, `${columnName(userCol)}5:${columnName(userCol)}10`).map((r) => r[0])).toEqual([0, 10, 20, 30, 40, 50]);
    expect(model.formulas()).toEqual([`${sheet}!U1: =SUM(${record.tableName}[Value])`]);
    expect(log.syncs).toBe(3);
  });

  it("deletes removed rows and appends new ones, filling the user's calculated column down", async () => {
    const { model, record, sheet } = await loadedWorkbook();
    const userCol = addUserColumn(model, record.tableName, "Tenth", () => ({ formula: "=RC[-12]/10" }));
    const added: FigureRow = { ...figure(0), metric: "inference", period: "2025", value: 7000000000, published: "70억달러", qualifier: "exact" };
    const v2 = version2((rows) => [...rows.filter((_, i) => i !== 1), added]);

    const { result } = await refresh(model, [{ record, dataset: v2, hash: "h2" }]);

    expect(result.outcomes[0]).toMatchObject({ kind: "refreshed", counts: { updated: 0, added: 1, removed: 1, unchanged: 5 } });
    const t = model.table(record.tableName);
    expect(t?.rows).toBe(6);
    const keys = model.grid(sheet, `${LAST}5:${LAST}10`).map((r) => r[0]);
    expect(keys).toEqual(["openai|total|2024", "microsoft|capex|FY2025", "microsoft|capex_guidance|FY2026-Q1|2025-07-30", "naver|ai_investment|2023", "usd-krw|year_end_close|2024", "openai|inference|2025"]);
    expect(model.sheet(sheet).get(9, col("value"))).toMatchObject({ value: 7000000000, format: "$#,##0" });
    expect(model.sheet(sheet).get(9, userCol)?.formula).toBe("=RC[-12]/10");
    // The links stayed with their rows as the row below the deleted one moved up.
    expect(model.links(sheet, `${columnName(col("source"))}5:${columnName(col("source"))}6`)).toEqual([[FIXTURE_URLS.news], [FIXTURE_URLS.filing]]);
    // The sources table moved with the table: still one blank row and the caption between them.
    expect(model.table(record.sourcesTableName)?.row).toBe(12);
    expect(model.grid(sheet, "A12")[0][0]).toBe("Sources");
  });

  it("adds rows as Microsoft recommends where others edit the file: cells inserted below, Range.values, no TableRowCollection.add", async () => {
    const { model, record, sheet } = await loadedWorkbook();
    const sourcesBefore = model.grid(sheet, "A12:F14");
    const added = [2030, 2031].map((year): FigureRow => ({ ...figure(0), period: String(year), value: year }));
    const { result, log } = await refresh(model, [{ record, dataset: version2((rows) => [...rows, ...added]), hash: "h2" }]);
    expect(result.outcomes[0]).toMatchObject({ counts: { added: 2 } });
    const writes = log.writes.map((w) => w.what);
    expect(writes).not.toContain("rows.add");
    expect(writes.slice(writes.indexOf("insert"), writes.indexOf("insert") + 3)).toEqual(["insert", "resize", "values"]);
    expect(model.table(record.tableName)?.rows).toBe(8);
    expect(model.grid(sheet, "D11:D12").map((r) => r[0])).toEqual([2030, 2031]);
    // The sources block below moved down two rows, intact: blank row, caption, table.
    expect(model.grid(sheet, "A13")[0][0]).toBe("");
    expect(model.grid(sheet, "A14:F16")).toEqual(sourcesBefore);
    expect(model.table(record.sourcesTableName)?.row).toBe(14);
  });

  it("reports what changed: 3 updated, 1 added, 0 removed", async () => {
    const { model, record } = await loadedWorkbook();
    const added: FigureRow = { ...figure(0), metric: "inference", period: "2025", value: 1, published: "$1", qualifier: "exact" };
    const v2 = version2((rows) => [...rows.map((r, i) => (i < 3 ? { ...r, note: "revised" } : r)), added]);
    const { result } = await refresh(model, [{ record, dataset: v2, hash: "h2" }]);
    expect(result.outcomes[0]).toMatchObject({ counts: { updated: 3, added: 1, removed: 0 } });
  });

  it("updates the as-of row and the record", async () => {
    const { model, record, sheet } = await loadedWorkbook();
    const { result } = await refresh(model, [{ record, dataset: version2((r) => r), hash: "h2" }]);
    expect(model.grid(sheet, "A2:D2")[0]).toEqual(["As of", 45901, "Version", "1.1.0"]);
    const saved = parseRecords(model.settings.get(SETTING_KEYS.tables)).records;
    expect(saved).toEqual(result.records);
    expect(saved[0]).toMatchObject({ version: "1.1.0", hash: "h2", asOf: "2025-09-01", refreshedAt: NOW, tableId: model.table(record.tableName)?.id });
  });

  it("shows the same figures as a fresh load of the new version", async () => {
    const { model, record, sheet } = await loadedWorkbook();
    const v2 = version2((rows) => [...rows.slice(2).map((r) => ({ ...r, note: "moved on" })), { ...figure(0), metric: "inference", period: "2026", value: 9, published: "$9", qualifier: "exact" as const }]);
    await refresh(model, [{ record, dataset: v2, hash: "h2" }]);
    const fresh = await loadedWorkbook(v2);
    const rows = v2.rows.length;
    const ours = (m: WorkbookModel, s: string) => m.grid(s, `A5:${LAST}${4 + rows}`).map((r) => JSON.stringify(r)).sort();
    expect(ours(model, sheet)).toEqual(ours(fresh.model, fresh.sheet));
    expect(model.grid(sheet, `A${4 + rows + 3}:F${4 + rows + 3 + v2.meta.sources.length}`)).toEqual(fresh.model.grid(fresh.sheet, `A${4 + rows + 3}:F${4 + rows + 3 + v2.meta.sources.length}`));
  });

  it("escapes new text that would become a formula", async () => {
    const { model, record, sheet } = await loadedWorkbook();
    const v2 = version2((rows) => rows.map((r, i) => (i === 0 ? { ...r, note: "=1+1", definition: "@cmd" } : r)));
    await refresh(model, [{ record, dataset: v2, hash: "h2" }]);
    expect(model.formulas()).toEqual([]);
    expect(model.grid(sheet, `${columnName(col("definition"))}5:${columnName(col("note"))}5`)[0]).toEqual(["@cmd", "=1+1"]);
  });

  describe("links to the documents", () => {
    const source = columnName(col("source"));
    const NEW_URL = "https://www.example.com/investor/annual-report-2025-amended.htm";

    it("links the rows it appends", async () => {
      const { model, record, sheet } = await loadedWorkbook();
      const added: FigureRow = { ...figure(2), period: "FY2024", value: 44477000000, published: "(44,477)" };
      await refresh(model, [{ record, dataset: version2((rows) => [...rows, added]), hash: "h2" }]);
      expect(model.grid(sheet, `${source}11`)).toEqual([["ms-annual-2025"]]);
      expect(model.links(sheet, `${source}11`)).toEqual([[FIXTURE_URLS.filing]]);
    });

    it("relinks each row whose source changed to its new source's URL", async () => {
      const { model, record, sheet } = await loadedWorkbook();
      const v2 = version2((rows) => rows.map((r, i) => (i === 0 ? { ...r, source: "ms-annual-2025" } : i === 2 ? { ...r, source: "print-column" } : r)));
      const { result } = await refresh(model, [{ record, dataset: v2, hash: "h2" }]);
      expect(result.outcomes[0]).toMatchObject({ counts: { updated: 2 } });
      expect(model.links(sheet, `${source}5:${source}7`)).toEqual([[FIXTURE_URLS.filing], [FIXTURE_URLS.news], [FIXTURE_URLS.column]]);
      expect(model.grid(sheet, `${source}5:${source}7`)).toEqual([["ms-annual-2025"], ["news-161952"], ["print-column"]]);
    });

    it("follows a source whose URL was corrected: its line in the sources table and every row citing it", async () => {
      const { model, record, sheet } = await loadedWorkbook();
      const v2: Dataset = { meta: { ...v1.meta, version: "1.1.0", sources: v1.meta.sources.map((s) => (s.id === "ms-annual-2025" ? { ...s, url: NEW_URL } : s)) }, rows: v1.rows };
      const { result } = await refresh(model, [{ record, dataset: v2, hash: "h2" }]);
      expect(result.outcomes[0]).toMatchObject({ kind: "refreshed", counts: { updated: 2, added: 0, removed: 0 } }); // the two rows citing it
      expect(model.links(sheet, `${source}5:${source}10`).map((r) => r[0])).toEqual([FIXTURE_URLS.news, FIXTURE_URLS.news, NEW_URL, NEW_URL, FIXTURE_URLS.column, FIXTURE_URLS.news]);
      expect(model.grid(sheet, "F15")).toEqual([[NEW_URL]]);
      expect(model.links(sheet, "F14:F16").map((r) => r[0])).toEqual([FIXTURE_URLS.news, NEW_URL, FIXTURE_URLS.column]);
    });

    it("leaves every link as a fresh load of the new version has it", async () => {
      const { model, record, sheet } = await loadedWorkbook();
      const v2 = version2((rows) => [...rows.filter((_, i) => i !== 1).map((r, i) => (i === 1 ? { ...r, source: "news-161952" } : r)), { ...figure(0), metric: "inference", period: "2026", value: 9, published: "$9", qualifier: "exact" as const }]);
      await refresh(model, [{ record, dataset: v2, hash: "h2" }]);
      const fresh = await loadedWorkbook(v2);
      const n = v2.rows.length;
      const byKey = (m: WorkbookModel, s: string) => {
        const keys = m.grid(s, `${LAST}5:${LAST}${4 + n}`).map((r) => String(r[0]));
        const links = m.links(s, `${source}5:${source}${4 + n}`).map((r) => r[0]);
        return Object.fromEntries(keys.map((k, i) => [k, links[i]]));
      };
      expect(byKey(model, sheet)).toEqual(byKey(fresh.model, fresh.sheet));
    });
  });

  describe("a table the user deleted or renamed", () => {
    it("reports a deleted table, forgets it and writes nothing else", async () => {
      const { model, record } = await loadedWorkbook();
      model.tables.splice(0, model.tables.length); // the user deleted both tables
      const before = model.grid(model.sheets[1].name, `A1:${LAST}20`);
      const { result, log } = await refresh(model, [{ record, dataset: version2((r) => r), hash: "h2" }]);
      // Excel's id is gone and the sheet's is there: deleted, not renamed.
      expect(result.outcomes).toEqual([{ kind: "missing", record, sheet: "present" }]);
      expect(model.grid(model.sheets[1].name, `A1:${LAST}20`)).toEqual(before);
      expect(parseRecords(model.settings.get(SETTING_KEYS.tables)).records).toEqual([]);
      expect(log.writes.map((w) => w.what)).toEqual(["settings.add"]);
    });

    it("follows a renamed table by its id once known, and says so", async () => {
      const { model, record } = await loadedWorkbook();
      const first = await refresh(model, [{ record, dataset: null, hash: null }]);
      const known = first.result.records[0] as TableRecord;
      expect(known.tableId).toBe(model.table(record.tableName)?.id);
      (model.table(record.tableName) as { name: string }).name = "MyFigures";
      const { result } = await refresh(model, [{ record: known, dataset: version2((rows) => rows.map((r, i) => (i === 0 ? { ...r, value: 1 } : r))), hash: "h2" }]);
      expect(result.outcomes[0]).toMatchObject({ kind: "refreshed", renamedFrom: record.tableName, record: { tableName: "MyFigures" } });
      expect(parseRecords(model.settings.get(SETTING_KEYS.tables)).records.map((r) => r.tableName)).toEqual(["MyFigures"]);
    });

    it("follows a table renamed right after loading: the load records Excel's id", async () => {
      const { model, record } = await loadedWorkbook();
      expect(record.tableId).toBe(model.table(record.tableName)?.id);
      (model.table(record.tableName) as { name: string }).name = "MyFigures";
      const { result } = await refresh(model, [{ record, dataset: version2((r) => r), hash: "h2" }]);
      expect(result.outcomes[0]).toMatchObject({ kind: "refreshed", renamedFrom: record.tableName, record: { tableName: "MyFigures" } });
    });

    it("reports a table of an older record (no ids) renamed before any refresh as missing, its sheet unknown", async () => {
      const { model, record } = await loadedWorkbook();
      const older: TableRecord = { ...record, tableId: null, worksheetId: null, sourcesTableId: null };
      (model.table(record.tableName) as { name: string }).name = "MyFigures";
      const { result } = await refresh(model, [{ record: older, dataset: version2((r) => r), hash: "h2" }]);
      expect(result.outcomes[0]).toMatchObject({ kind: "missing", sheet: "unknown" });
    });
  });

  describe("a header of ours the user renamed, the recorded version not held (its cells cannot be checked)", () => {
    it("is found by its cells and asked about; nothing is written until the user answers", async () => {
      const { model, record, sheet } = await loadedWorkbook();
      model.sheet(sheet).set(3, col("value"), { value: "Amount" });
      const before = model.snapshot();
      const { result } = await refresh(model, [{ record, dataset: version2((rows) => rows.map((r) => ({ ...r, note: "x" }))), hash: "h2" }]);
      expect(result.outcomes[0]).toMatchObject({ kind: "edited", newVersion: true, report: { cells: [], renamed: [["Amount", "Value"]], deleted: [] } });
      expect(JSON.parse(model.snapshot()).sheets).toEqual(JSON.parse(before).sheets);
    });

    it("is put back on restore, with the newer version written", async () => {
      const { model, record, sheet } = await loadedWorkbook();
      model.sheet(sheet).set(3, col("value"), { value: "Amount" });
      const { result } = await refresh(model, [{ record, dataset: version2((rows) => rows.map((r) => ({ ...r, note: "x" }))), hash: "h2", answer: "restore" }]);
      expect(result.outcomes[0]).toMatchObject({ kind: "refreshed", repairs: { headers: [["Amount", "Value"]] }, counts: { updated: 6 } });
      expect(model.sheet(sheet).value(3, col("value"))).toBe("Value");
    });

    it("stays the user's on keep, remembered, and the newer version is written under it", async () => {
      const { model, record, sheet } = await loadedWorkbook();
      model.sheet(sheet).set(3, col("value"), { value: "Amount" });
      const { result } = await refresh(model, [{ record, dataset: version2((rows) => rows.map((r) => ({ ...r, note: "x" }))), hash: "h2", answer: "keep" }]);
      expect(result.outcomes[0]).toMatchObject({ kind: "refreshed", counts: { updated: 6 } });
      expect(model.sheet(sheet).value(3, col("value"))).toBe("Amount");
      expect(parseRecords(model.settings.get(SETTING_KEYS.tables)).records[0].kept).toEqual([{ kind: "header", column: "value", header: "Amount" }]);
    });
  });

  describe("a table the user filtered", () => {
    it("is left untouched, and reported, when rows must be added or deleted", async () => {
      const { model, record } = await loadedWorkbook();
      (model.table(record.tableName) as { filtered: boolean }).filtered = true;
      const before = model.snapshot();
      const { result } = await refresh(model, [{ record, dataset: version2((rows) => rows.slice(1)), hash: "h2" }]);
      expect(result.outcomes[0]).toMatchObject({ kind: "filtered" });
      expect(JSON.parse(model.snapshot()).sheets).toEqual(JSON.parse(before).sheets);
    });

    it("is refreshed when only values change", async () => {
      const { model, record, sheet } = await loadedWorkbook();
      (model.table(record.tableName) as { filtered: boolean }).filtered = true;
      const { result } = await refresh(model, [{ record, dataset: version2((rows) => rows.map((r, i) => (i === 0 ? { ...r, value: 1 } : r))), hash: "h2" }]);
      expect(result.outcomes[0]).toMatchObject({ kind: "refreshed", counts: { updated: 1 } });
      expect(model.sheet(sheet).value(4, col("value"))).toBe(1);
    });
  });

  it("finds our columns where the user moved them (in the same three syncs: the whole body is read)", async () => {
    const { model, record, sheet } = await loadedWorkbook();
    // The user inserted a column "Comment" at C inside the table.
    const t = model.table(record.tableName);
    if (!t) throw new Error("no table");
    const s = model.sheet(sheet);
    for (let r = t.row; r <= t.row + t.rows; r++) {
      for (let c = t.col + t.width - 1; c >= 2; c--) s.set(r, c + 1, s.get(r, c));
      s.set(r, 2, { value: r === t.row ? "Comment" : `c${r}` });
    }
    t.width++;
    const v2 = version2((rows) => rows.map((r, i) => (i === 0 ? { ...r, value: 42 } : r)));
    const { result, log } = await refresh(model, [{ record, dataset: v2, hash: "h2" }]);
    expect(result.outcomes[0]).toMatchObject({ kind: "refreshed", counts: { updated: 1 } });
    expect(s.value(4, 5)).toBe(42); // Value is now column F
    expect(model.grid(sheet, "C5:C10").map((r) => r[0])).toEqual(["c4", "c5", "c6", "c7", "c8", "c9"]);
    expect(log.syncs).toBe(3);
  });

  it("reports a table already up to date and only learns its id", async () => {
    const { model, record, sheet } = await loadedWorkbook();
    const before = model.grid(sheet, `A1:${LAST}20`);
    const { result, log } = await refresh(model, [{ record, dataset: null, hash: null }]);
    expect(result.outcomes[0]).toMatchObject({ kind: "upToDate", renamedFrom: null });
    expect(model.grid(sheet, `A1:${LAST}20`)).toEqual(before);
    expect(log.writes.map((w) => w.what)).toEqual(["settings.add"]);
    expect(log.syncs).toBe(2);
  });

  it("refreshes several tables in the same three syncs", async () => {
    const model = new WorkbookModel();
    const records: TableRecord[] = [];
    for (const id of ["ai-labs", "bigtech-capex", "korea-ai-investment"]) {
      const r = await loadDataset(fakeExcel(model).context, { dataset: datasetById(id), lang: "en", target: "newSheet", hash: "h1", now: LOADED_AT });
      if (r.kind === "loaded") records.push(r.record);
    }
    const items = records.map((record) => {
      const d = datasetById(record.datasetId);
      return { record, dataset: { meta: { ...d.meta, version: "9.0.0" }, rows: d.rows.map((r) => ({ ...r, note: "new note" })) } as Dataset, hash: "h2" };
    });
    const { result, log } = await refresh(model, items);
    expect(result.outcomes.map((o) => o.kind)).toEqual(["refreshed", "refreshed", "refreshed"]);
    expect(log.syncs).toBe(3);
  });
});
