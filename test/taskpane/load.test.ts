import { allDatasets, datasetById } from "../../src/core/data/catalog";
import { loadDataset, type LoadResult } from "../../src/taskpane/excel/load";
import { SOURCE_COLUMNS, TABLE_COLUMNS } from "../../src/core/sheet/plan";
import { columnName, fakeExcel, TableModel, WorkbookModel } from "./fake-excel";
import { parseRecords, SETTING_KEYS } from "../../src/taskpane/records";
import type { Dataset } from "../../src/core/data/schema";
import { FIXTURE, FIXTURE_URLS } from "./fixture";
import { SYNTHETIC_URL, syntheticDataset } from "./synthetic";

const NOW = "2025-01-15T09:30:00.000Z";
const SHEET = "Fixture_figures_for_tests";
/** The sheet column of a table column, as a letter (the table starts in column A). */
const letter = (name: (typeof TABLE_COLUMNS)[number]) => columnName(TABLE_COLUMNS.indexOf(name));
const LAST = columnName(TABLE_COLUMNS.length - 1);

async function load(dataset: Dataset, options: Partial<{ target: "newSheet" | "selection"; lang: "en" | "ko"; model: WorkbookModel }> = {}) {
  const fake = fakeExcel(options.model);
  const result = await loadDataset(fake.context, { dataset, lang: options.lang ?? "en", target: options.target ?? "newSheet", hash: "abc", now: NOW });
  return { ...fake, result };
}

function loaded(result: LoadResult) {
  if (result.kind !== "loaded") throw new Error(`expected loaded, got ${result.kind}`);
  return result;
}

describe("loadDataset", () => {
  describe("into a new sheet", () => {
    it("adds a sheet named after the dataset and writes title, as-of row, header and rows", async () => {
      const { model, result } = await load(FIXTURE);
      const { sheetName } = loaded(result);
      expect(sheetName).toBe(SHEET);
      expect(model.grid(sheetName, "A1:D2")).toEqual([
        ["Fixture figures for tests", "", "", ""],
        ["As of", 45870, "Version", "1.0.0"],
      ]);
      expect(model.grid(sheetName, `A4:${LAST}4`)[0]).toEqual([
        "Company", "Metric", "Period", "Year", "Value", "Low", "High", "Currency", "Qualifier", "Date (given / session)", "Status", "Source", "Quote", "Definition", "Note", "AIFIN key",
      ]);
      expect(model.grid(sheetName, `A5:${LAST}5`)[0]).toEqual([
        "OpenAI", "Total spending", "2024", 2024, 8500000000, "", "", "USD", "up to", "", "confirmed", "news-161952", "운영 비용은 최대 85억달러(약 12조원)에 달할 것", "", "", "openai|total|2024",
      ]);
      expect(typeof model.grid(sheetName, "C5")[0][0]).toBe("string"); // the period stays text
      expect(model.grid(sheetName, `${letter("value")}7:${letter("given")}8`)).toEqual([
        [64551000000, "", "", "USD", "", ""],
        [30000000000, "", "", "USD", "over", 45868], // guidance, and the day it was given
      ]);
    });

    it("creates the table named after the dataset over header and rows", async () => {
      const { model, result } = await load(FIXTURE);
      loaded(result);
      expect(model.table("AIFIN_fixture_figures")).toMatchObject({ row: 3, col: 0, width: TABLE_COLUMNS.length, rows: 6, style: "TableStyleMedium2" });
    });

    it("formats values by currency and dates as dates", async () => {
      const { model, result } = await load(FIXTURE);
      const sheet = model.sheet(loaded(result).sheetName);
      const value = TABLE_COLUMNS.indexOf("value");
      expect(sheet.get(4, value)?.format).toBe("$#,##0");
      // "₩" in quotes, as Microsoft's format syntax asks.
      expect(sheet.get(8, value)?.format).toBe('"₩"#,##0'); // Naver, in won
      expect(sheet.get(9, value)?.format).toBe('"₩"#,##0.00##'); // the year-end close
      expect(sheet.get(4, TABLE_COLUMNS.indexOf("year"))?.format).toBe("0");
      expect(sheet.get(7, TABLE_COLUMNS.indexOf("given"))?.format).toBe("yyyy-mm-dd");
      expect(sheet.get(1, 1)?.format).toBe("yyyy-mm-dd");
    });

    it("freezes the rows through the header and activates the sheet", async () => {
      const { model, result } = await load(FIXTURE);
      const sheet = model.sheet(loaded(result).sheetName);
      expect(sheet.frozenRows).toBe(4);
      expect(sheet.activated).toBe(true);
    });

    it("writes the sources table below: key, publisher, title, date (as a date), kind and URL", async () => {
      const { model, result } = await load(FIXTURE);
      const name = loaded(result).sheetName;
      // 6 rows end at row 10; a blank row, the caption on 12, the sources table from 13.
      expect(model.grid(name, "A12")).toEqual([["Sources"]]);
      expect(model.grid(name, "A13:F16")).toEqual([
        ["Source", "Publisher", "Title", "Date", "Kind", "URL"],
        ["news-161952", "Example News, relaying The Information", "OpenAI's 2024 costs", 45497, "news", FIXTURE_URLS.news],
        ["ms-annual-2025", "Microsoft", "Annual Report 2025", 45868, "filing", FIXTURE_URLS.filing],
        ["print-column", "A magazine", "A column on AI spending", 45536, "column", FIXTURE_URLS.column],
      ]);
      expect(model.sheet(name).get(13, SOURCE_COLUMNS.indexOf("date"))?.format).toBe("yyyy-mm-dd");
      expect(model.table("AIFIN_fixture_figures_Sources")).toMatchObject({ row: 12, col: 0, width: SOURCE_COLUMNS.length, rows: 3 });
    });

    it("marks unconfirmed rows with a rule on the status column", async () => {
      const { model, result } = await load(FIXTURE);
      const sheet = model.sheet(loaded(result).sheetName);
      expect(sheet.conditionalFormats).toHaveLength(1);
      expect(sheet.conditionalFormats[0].address).toBe(`A5:${LAST}10`);
      expect(sheet.conditionalFormats[0].rule.custom.rule.formula).toBe(`=LEFT($${letter("status")}5,1)="⚠"`);
      expect(sheet.conditionalFormats[0].rule.custom.format.fill.color).toBe("#FCE4D6");
      expect(sheet.value(8, TABLE_COLUMNS.indexOf("status"))).toBe("⚠ UNCONFIRMED");
    });

    it("fits the columns to the tables' own cells, not to the long source texts, which wrap", async () => {
      const { model, log, result } = await load(FIXTURE);
      const sheet = model.sheet(loaded(result).sheetName);
      // Excel fits a column to every cell of the sheet column: the fit runs before the title and
      // the sources' publishers, titles and URLs are written (the simulated fit: 6 points a character).
      expect(log.writes.filter((w) => w.what === "autofitColumns").length).toBe(1);
      const sourcesFirstRow = 13; // the sources table's first row (A14), below the 6 figures
      const texts = (column: number, left: (row: number) => boolean) =>
        [...sheet.cells].filter(([key]) => Number(key.split(",")[1]) === column && !left(Number(key.split(",")[0]))).map(([, cell]) => String(cell.value));
      const fitted = (column: number, left: (row: number) => boolean) => Math.max(...texts(column, left).map((t) => t.length)) * 6 + 8;
      const publisher = SOURCE_COLUMNS.indexOf("publisher");
      expect(sheet.widths.get(0)).toBe(fitted(0, (row) => row === 0)); // A: not the title
      expect(sheet.widths.get(publisher)).toBe(fitted(publisher, (row) => row >= sourcesFirstRow)); // not the publishers below
      expect(String(sheet.value(0, 0)).length * 6 + 8).toBeGreaterThan(sheet.widths.get(0) ?? 0);
      expect(String(sheet.value(sourcesFirstRow, publisher)).length * 6 + 8).toBeGreaterThan(sheet.widths.get(publisher) ?? 0);
      expect(sheet.widths.get(TABLE_COLUMNS.indexOf("quote"))).toBe(240);
      expect(sheet.widths.get(TABLE_COLUMNS.indexOf("note"))).toBe(240);
      const wrapped = log.ranges.filter((r) => r.format.wrapText === true).map((r) => r.__address.replace(/^.*!/, ""));
      const long = (["publisher", "title", "url"] as const).map((c) => columnName(SOURCE_COLUMNS.indexOf(c)));
      expect(wrapped).toEqual(long.map((c) => `${c}14:${c}16`));
      // The long texts are there all the same, the URLs linked.
      expect(model.grid(sheet.name, "A1")[0][0]).toBe(FIXTURE.meta.title.en);
      expect(model.grid(sheet.name, `${long[1]}14`)[0][0]).toBe(FIXTURE.meta.sources[0].title);
      expect(model.links(sheet.name, `${long[2]}14`)).toEqual([[FIXTURE_URLS.news]]);
    });

    it("records the table in workbook.settings", async () => {
      const { model, result } = await load(FIXTURE);
      const { record } = loaded(result);
      expect(record).toEqual({
        datasetId: "fixture-figures",
        version: "1.0.0",
        hash: "abc",
        asOf: "2025-08-01",
        refreshedAt: NOW,
        tableName: "AIFIN_fixture_figures",
        // Excel's ids, known from the load: a rename of the table or its sheet does not lose it.
        tableId: model.table("AIFIN_fixture_figures")?.id,
        worksheetId: model.sheet(SHEET).id,
        sheetName: SHEET,
        sourcesTableName: "AIFIN_fixture_figures_Sources",
        sourcesTableId: model.table("AIFIN_fixture_figures_Sources")?.id,
        asOfName: "AIFIN_fixture_figures_AsOf",
        lang: "en",
        kept: [],
      });
      expect(record.tableId).toEqual(expect.any(String));
      expect(parseRecords(model.settings.get(SETTING_KEYS.tables)).records).toEqual([record]);
      expect(model.names.map((n) => n.name)).toEqual(["AIFIN_fixture_figures_AsOf"]);
    });

    it("writes Korean headers and labels for a Korean user", async () => {
      const { model, result } = await load(datasetById("ai-labs"), { lang: "ko" });
      const name = loaded(result).sheetName;
      expect(name).toBe("AI_기업_보도_매출_손실_지출");
      expect(model.grid(name, "A4:C4")[0]).toEqual(["회사", "지표", "기간"]);
      expect(model.grid(name, "A2")[0][0]).toBe("기준일");
    });

    it("gives a second load of the same dataset its own sheet, table and names", async () => {
      const model = new WorkbookModel();
      await load(FIXTURE, { model });
      const second = await load(FIXTURE, { model });
      expect(loaded(second.result).sheetName).toBe("Fixture_figures_for_tests_2");
      expect(loaded(second.result).record.tableName).toBe("AIFIN_fixture_figures_2");
      expect(parseRecords(model.settings.get(SETTING_KEYS.tables)).records.map((r) => r.tableName)).toEqual(["AIFIN_fixture_figures", "AIFIN_fixture_figures_2"]);
    });

    it("picks a table name whose sources and as-of names are free too", async () => {
      const model = new WorkbookModel();
      model.names.push({ name: "AIFIN_fixture_figures_AsOf", sheet: model.sheets[0], rect: { r0: 0, c0: 0, r1: 0, c1: 0 }, comment: "" });
      const { result } = await load(FIXTURE, { model });
      expect(loaded(result).record).toMatchObject({ tableName: "AIFIN_fixture_figures_2", asOfName: "AIFIN_fixture_figures_2_AsOf" });
    });

    it("uses three syncs: read, write, and the record with Excel's ids", async () => {
      const { log, result } = await load(datasetById("bigtech-capex"));
      expect(log.syncs).toBe(3);
      expect(loaded(result).syncs).toBe(3);
    });
  });

  describe("links to the documents", () => {
    it("links every Source cell to its source's URL, showing the source's key", async () => {
      const { model, result } = await load(FIXTURE);
      const name = loaded(result).sheetName;
      const source = letter("source");
      expect(model.links(name, `${source}5:${source}10`)).toEqual([[FIXTURE_URLS.news], [FIXTURE_URLS.news], [FIXTURE_URLS.filing], [FIXTURE_URLS.filing], [FIXTURE_URLS.column], [FIXTURE_URLS.news]]);
      expect(model.grid(name, `${source}5:${source}10`)).toEqual([["news-161952"], ["news-161952"], ["ms-annual-2025"], ["ms-annual-2025"], ["print-column"], ["news-161952"]]);
      const cell = model.sheet(name).get(4, TABLE_COLUMNS.indexOf("source"));
      expect(cell?.hyperlink).toEqual({ address: FIXTURE_URLS.news, textToDisplay: "news-161952" });
    });

    it("links the URL cells of the sources table, and no other cell of the sheet", async () => {
      const { model, result } = await load(FIXTURE);
      const name = loaded(result).sheetName;
      expect(model.links(name, "F14:F16")).toEqual([[FIXTURE_URLS.news], [FIXTURE_URLS.filing], [FIXTURE_URLS.column]]);
      expect(model.grid(name, "F14:F16")).toEqual([[FIXTURE_URLS.news], [FIXTURE_URLS.filing], [FIXTURE_URLS.column]]);
      const linked = [...model.sheet(name).cells].filter(([, c]) => c.hyperlink).map(([k]) => k);
      expect(linked).toHaveLength(6 + 3); // the six Source cells, the three URL cells
    });

    it("links every row of every shipped dataset whose source has a URL", async () => {
      for (const dataset of allDatasets()) {
        const { model, result } = await load(dataset);
        const name = loaded(result).sheetName;
        const n = dataset.rows.length;
        const urls = new Map(dataset.meta.sources.map((s) => [s.id, s.url]));
        const source = letter("source");
        expect(model.links(name, `${source}5:${source}${4 + n}`).map((r) => r[0])).toEqual(dataset.rows.map((r) => urls.get(r.source)));
        const sourcesTop = 4 + n + 4; // below the rows: a blank row, the caption, the header
        const url = columnName(SOURCE_COLUMNS.indexOf("url"));
        expect(model.links(name, `${url}${sourcesTop}:${url}${sourcesTop + dataset.meta.sources.length - 1}`).map((r) => r[0])).toEqual(dataset.meta.sources.map((s) => s.url));
      }
    });

    it("writes the links in the same request as the values when they fit, and splits them with the rest past 5 MB", async () => {
      const small = await load(FIXTURE);
      // The read, the write (values, formats and links in one request), the record with the ids.
      expect(small.log.syncs).toBe(3);
      expect(small.log.queued.filter((q) => q.what === "hyperlink").every((q) => q.sync === 2)).toBe(true);
      // About 6,400 rows with a 1 KB note each, every one citing a source with a URL.
      const big = await load(syntheticDataset(90_000, { padding: "x".repeat(1_000) }));
      const links = big.log.queued.filter((q) => q.what === "hyperlink");
      const rows = syntheticDataset(90_000).rows.length;
      expect(links).toHaveLength(rows + 2); // every row, and the two lines of the sources table
      expect(big.log.syncs).toBeGreaterThan(3);
      for (const bytes of big.log.requests) expect(bytes).toBeLessThan(5 * 1024 * 1024);
      const sheet = loaded(big.result).sheetName;
      expect(big.model.links(sheet, `${letter("source")}5`)[0][0]).toBe(SYNTHETIC_URL);
    }, 60_000);

    it("refuses, as Excel does, a link to anything but a web address", async () => {
      const { context } = fakeExcel();
      const cell = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => {
        cell.hyperlink = { address: "javascript:alert(1)", textToDisplay: "x" };
      }).toThrow(/InvalidArgument/);
      expect(() => {
        cell.hyperlink = { address: "file:///etc/passwd" };
      }).toThrow(/InvalidArgument/);
    });
  });

  describe("text that would become a formula", () => {
    it("is written as text: no formula anywhere in the workbook", async () => {
      const hostile: Dataset = {
        meta: { ...FIXTURE.meta, title: { en: "=cmd|' /C calc'!A0", ko: "=x" }, sources: FIXTURE.meta.sources.map((s, i) => (i === 0 ? { ...s, publisher: "@SUM(1)", title: "+1+1" } : s)) },
        rows: FIXTURE.rows.map((r, i) => (i === 0 ? { ...r, note: '=HYPERLINK("http://evil","click")', definition: "-2+3" } : r)),
      };
      const { model, result } = await load(hostile);
      const name = loaded(result).sheetName;
      expect(model.formulas()).toEqual([]);
      expect(model.grid(name, "A1")[0][0]).toBe("=cmd|' /C calc'!A0");
      expect(model.grid(name, `${letter("note")}5`)[0][0]).toBe('=HYPERLINK("http://evil","click")');
      expect(model.grid(name, `${letter("definition")}5`)[0][0]).toBe("-2+3");
      expect(model.grid(name, "B14:C14")[0]).toEqual(["@SUM(1)", "+1+1"]);
    });
  });

  describe("text that Excel would retype as a date or a number", () => {
    it("stays the same text (months by name, white space around a number)", async () => {
      const dated: Dataset = { ...FIXTURE, rows: FIXTURE.rows.map((r, i) => (i === 0 ? { ...r, note: "March 2024", quote: " 42" } : r)) };
      const { model, result } = await load(dated);
      const name = loaded(result).sheetName;
      expect([model.grid(name, `${letter("quote")}5`)[0][0], model.grid(name, `${letter("note")}5`)[0][0]]).toEqual([" 42", "March 2024"]);
    });
  });

  describe("at the selected cell", () => {
    it("writes the block from the selected cell without freezing panes, links included", async () => {
      const model = new WorkbookModel();
      model.selection = { sheet: model.sheets[0], rect: { r0: 4, c0: 2, r1: 4, c1: 2 } }; // C5
      const { result } = await load(FIXTURE, { model, target: "selection" });
      expect(loaded(result).sheetName).toBe("Sheet1");
      expect(model.grid("Sheet1", "C8:E8")[0]).toEqual(["Company", "Metric", "Period"]);
      expect(model.table("AIFIN_fixture_figures")).toMatchObject({ row: 7, col: 2 });
      expect(model.sheets[0].frozenRows).toBe(0);
      // The rule for unconfirmed rows follows the block: the status column is M here.
      expect(model.sheets[0].conditionalFormats.map((f) => [f.address, f.rule.custom.rule.formula])).toEqual([[`C9:${columnName(2 + TABLE_COLUMNS.length - 1)}14`, '=LEFT($M9,1)="⚠"']]);
      const source = columnName(2 + TABLE_COLUMNS.indexOf("source"));
      expect(model.links("Sheet1", `${source}9`)).toEqual([[FIXTURE_URLS.news]]);
      expect(model.links("Sheet1", "H18")).toEqual([[FIXTURE_URLS.news]]); // the URL column of the sources table, shifted to C
    });

    it("changes no column width or row height of the user's sheet", async () => {
      const model = new WorkbookModel();
      model.write(model.sheets[0], 40, 1, [["a long note of the user's, far below in column B"]]);
      model.selection = { sheet: model.sheets[0], rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
      const { log, result } = await load(FIXTURE, { model, target: "selection" });
      loaded(result);
      expect(model.sheets[0].widths.size).toBe(0);
      expect(log.writes.filter((w) => /^autofit/.test(w.what))).toEqual([]);
    });

    it("refuses, writing nothing, when the block would cover a cell that is not empty", async () => {
      const model = new WorkbookModel();
      model.write(model.sheets[0], 12, 5, [["my work"]]); // F13
      model.selection = { sheet: model.sheets[0], rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
      const before = model.snapshot();
      const { result, log } = await load(FIXTURE, { model, target: "selection" });
      expect(result).toEqual({ kind: "targetNotEmpty", reason: "cells", address: "Sheet1!F13", syncs: 2 });
      expect(model.snapshot()).toBe(before);
      expect(log.syncs).toBe(2);
    });

    /** A user's table of 3 columns: header and `rows` body rows, at a zero-based row and column. */
    function userTable(model: WorkbookModel, row: number, col: number, rows: number, values = false): void {
      const sheet = model.sheets[0];
      model.write(sheet, row, col, [["Item", "Qty", "Note"]]);
      if (values) for (let r = 1; r <= rows; r++) model.write(sheet, row + r, col, [[`item ${r}`, r, ""]]);
      model.tables.push(new TableModel("Orders", model.newId(), sheet, row, col, 3, rows));
    }

    async function refusedAt(model: WorkbookModel, r0: number, c0: number) {
      model.selection = { sheet: model.sheets[0], rect: { r0, c0, r1: r0, c1: c0 } };
      const before = model.snapshot();
      const { result } = await load(FIXTURE, { model, target: "selection" });
      expect(model.snapshot()).toBe(before);
      return result;
    }

    it("refuses the empty body rows of a table (getUsedRange of values sees nothing there)", async () => {
      const model = new WorkbookModel();
      userTable(model, 2, 0, 4); // A3:C7, its body empty
      expect(await refusedAt(model, 4, 0)).toMatchObject({ kind: "targetNotEmpty", reason: "table", table: "Orders" });
    });

    it.each([
      ["just below it (Excel would extend it over the title row)", 0, 0, 4, 0],
      ["just right of it (Excel would extend it over our columns)", 0, 0, 0, 3],
    ])("refuses a cell %s", async (_, row, col, r0, c0) => {
      const model = new WorkbookModel();
      userTable(model, row, col, 3, true); // A1:C4
      expect(await refusedAt(model, r0, c0)).toMatchObject({ kind: "targetNotEmpty", reason: "table", table: "Orders" });
    });

    it("loads diagonally off a table's corner, where Excel extends nothing", async () => {
      const model = new WorkbookModel();
      userTable(model, 0, 0, 3, true); // A1:C4
      model.selection = { sheet: model.sheets[0], rect: { r0: 4, c0: 3, r1: 4, c1: 3 } }; // D5
      const { result } = await load(FIXTURE, { model, target: "selection" });
      expect(loaded(result).record.tableName).toBe("AIFIN_fixture_figures");
      expect(model.table("Orders")).toMatchObject({ row: 0, col: 0, width: 3, rows: 3 });
    });

    it("refuses merged cells in the block", async () => {
      const model = new WorkbookModel();
      model.sheets[0].merges.push({ r0: 10, c0: 2, r1: 11, c1: 3 });
      expect(await refusedAt(model, 0, 0)).toMatchObject({ kind: "targetNotEmpty", reason: "merged", address: "Sheet1!C11:D12" });
    });

    it("refuses a spilled range crossing the block", async () => {
      const model = new WorkbookModel();
      model.sheets[0].spills.push({ anchor: { r: 8, c: 1 }, rect: { r0: 8, c0: 1, r1: 12, c1: 1 } });
      expect(await refusedAt(model, 0, 0)).toMatchObject({ kind: "targetNotEmpty", reason: "spill" });
    });
  });
});
