import { datasetById } from "../../src/core/data/catalog";
import { loadDataset, type LoadResult } from "../../src/taskpane/excel/load";
import { TABLE_COLUMNS } from "../../src/core/sheet/plan";
import { parseRecords, SETTING_KEYS } from "../../src/taskpane/records";
import { fakeExcel, TableModel, WorkbookModel } from "./fake-excel";
import type { Dataset } from "../../src/core/data/schema";

const NOW = "2025-01-15T09:30:00.000Z";

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
      const { model, result } = await load(datasetById("openai-2024-costs"));
      const { sheetName } = loaded(result);
      expect(sheetName).toBe("OpenAI 2024 costs, revenue and");
      expect(model.grid(sheetName, "A1:D2")).toEqual([
        ["OpenAI 2024 costs, revenue and loss (The Information, relayed)", "", "", ""],
        ["As of", 45505, "Version", "1.0.0"],
      ]);
      expect(model.grid(sheetName, "A4:N4")[0]).toEqual(["Company", "Metric", "Period", "Year", "Value", "Low", "High", "Currency", "Qualifier", "Status", "Source", "Quote", "Note", "AIFIN key"]);
      expect(model.grid(sheetName, "A5:H5")[0]).toEqual(["OpenAI", "Total spending", "2024", 2024, 8500000000, "", "", "USD"]);
      expect(typeof model.grid(sheetName, "C5")[0][0]).toBe("string"); // the period stays text
    });

    it("creates the table named after the dataset over header and rows", async () => {
      const { model, result } = await load(datasetById("openai-2024-costs"));
      loaded(result);
      const table = model.table("AIFIN_openai_2024_costs");
      expect(table).toMatchObject({ row: 3, col: 0, width: TABLE_COLUMNS.length, rows: 6, style: "TableStyleMedium2" });
    });

    it("formats values by currency and dates as dates", async () => {
      const { model, result } = await load(datasetById("korea-ai-investment"));
      const sheet = model.sheet(loaded(result).sheetName);
      expect(sheet.get(4, TABLE_COLUMNS.indexOf("value"))?.format).toBe('"₩"#,##0');
      expect(sheet.get(4, TABLE_COLUMNS.indexOf("year"))?.format).toBe("0");
      expect(sheet.get(1, 1)?.format).toBe("yyyy-mm-dd");
      const usd = await load(datasetById("openai-2024-costs"));
      expect(usd.model.sheet(loaded(usd.result).sheetName).get(4, TABLE_COLUMNS.indexOf("value"))?.format).toBe("$#,##0");
    });

    it("freezes the rows through the header and activates the sheet", async () => {
      const { model, result } = await load(datasetById("openai-2024-costs"));
      const sheet = model.sheet(loaded(result).sheetName);
      expect(sheet.frozenRows).toBe(4);
      expect(sheet.activated).toBe(true);
    });

    it("writes the sources table below, with its dates as dates", async () => {
      const { model, result } = await load(datasetById("openai-2024-costs"));
      const name = loaded(result).sheetName;
      // 6 rows end at row 10; a blank row, the caption on 12, the sources table from 13.
      expect(model.grid(name, "A12")).toEqual([["Sources"]]);
      expect(model.grid(name, "A13:F14")).toEqual([
        ["Publisher", "Title", "Date", "URL", "Status", "AIFIN key"],
        ["AI Times (aitimes.com), relaying The Information", "OpenAI's 2024 costs, revenue and loss (report of The Information, 2024-07-24)", 45497, "aitimes.com/news/articleView.html?idxno=161952", "confirmed", "aitimes-161952"],
      ]);
      expect(model.sheet(name).get(13, 2)?.format).toBe("yyyy-mm-dd");
      expect(model.table("AIFIN_openai_2024_costs_Sources")).toMatchObject({ row: 12, col: 0, width: 6, rows: 3 });
    });

    it("marks unconfirmed rows with a rule on the status column", async () => {
      const { model, result } = await load(datasetById("korea-ai-investment"));
      const sheet = model.sheet(loaded(result).sheetName);
      expect(sheet.conditionalFormats).toHaveLength(1);
      expect(sheet.conditionalFormats[0].address).toBe("A5:N19");
      expect(sheet.conditionalFormats[0].rule.custom.rule.formula).toBe('=LEFT($J5,1)="⚠"');
      expect(sheet.conditionalFormats[0].rule.custom.format.fill.color).toBe("#FCE4D6");
      expect(sheet.value(4, TABLE_COLUMNS.indexOf("status"))).toBe("⚠ UNCONFIRMED");
    });

    it("fits the columns to the tables' own cells, not to the long source texts, which wrap", async () => {
      const dataset = datasetById("openai-2024-costs");
      const { model, log, result } = await load(dataset);
      const sheet = model.sheet(loaded(result).sheetName);
      // Excel fits a column to every cell of the sheet column: the fit runs before the title and
      // the sources' publishers, titles and URLs are written (the simulated fit: 6 points a character).
      expect(log.writes.filter((w) => w.what === "autofitColumns").length).toBe(1);
      const fitted = (texts: string[]) => Math.max(...texts.map((t) => t.length)) * 6 + 8;
      const metrics = Array.from({ length: dataset.rows.length }, (_, i) => String(sheet.value(4 + i, 1)));
      expect(sheet.widths.get(1)).toBe(fitted(["Metric", "45505", ...metrics])); // B: not the titles below
      expect(sheet.widths.get(0)).toBe(fitted(["Company", "As of", "OpenAI", "Sources", "Publisher"])); // A: not the title or the publishers
      expect(String(sheet.value(0, 0)).length * 6 + 8).toBeGreaterThan(sheet.widths.get(0) ?? 0);
      expect(sheet.widths.get(TABLE_COLUMNS.indexOf("quote"))).toBe(240);
      expect(sheet.widths.get(TABLE_COLUMNS.indexOf("note"))).toBe(240);
      const wrapped = log.ranges.filter((r) => r.format.wrapText === true).map((r) => r.__address.replace(/^.*!/, ""));
      expect(wrapped).toEqual(["A14:A16", "B14:B16", "D14:D16"]);
      // The long texts are there all the same.
      expect(model.grid(sheet.name, "A1")[0][0]).toBe(dataset.meta.title.en);
      expect(model.grid(sheet.name, "B14")[0][0]).toBe(dataset.meta.sources[0].title);
    });

    it("records the table in workbook.settings", async () => {
      const { model, result } = await load(datasetById("openai-2024-costs"));
      const { record } = loaded(result);
      expect(record).toEqual({
        datasetId: "openai-2024-costs",
        version: "1.0.0",
        hash: "abc",
        asOf: "2024-08-01",
        refreshedAt: NOW,
        tableName: "AIFIN_openai_2024_costs",
        tableId: null,
        sourcesTableName: "AIFIN_openai_2024_costs_Sources",
        asOfName: "AIFIN_openai_2024_costs_AsOf",
        lang: "en",
      });
      expect(parseRecords(model.settings.get(SETTING_KEYS.tables)).records).toEqual([record]);
      expect(model.names.map((n) => n.name)).toEqual(["AIFIN_openai_2024_costs_AsOf"]);
    });

    it("writes Korean headers and labels for a Korean user", async () => {
      const { model, result } = await load(datasetById("openai-2024-costs"), { lang: "ko" });
      const name = loaded(result).sheetName;
      expect(name).toBe("오픈AI 2024년 비용·매출·손실(디인포메이션 보도"); // cut at a word, within 31 characters
      expect(model.grid(name, "A4:C4")[0]).toEqual(["회사", "지표", "기간"]);
      expect(model.grid(name, "A2")[0][0]).toBe("기준일");
    });

    it("gives a second load of the same dataset its own sheet, table and names", async () => {
      const model = new WorkbookModel();
      await load(datasetById("openai-2024-costs"), { model });
      const second = await load(datasetById("openai-2024-costs"), { model });
      expect(loaded(second.result).sheetName).toBe("OpenAI 2024 costs, revenue (2)");
      expect(loaded(second.result).record.tableName).toBe("AIFIN_openai_2024_costs_2");
      expect(parseRecords(model.settings.get(SETTING_KEYS.tables)).records.map((r) => r.tableName)).toEqual(["AIFIN_openai_2024_costs", "AIFIN_openai_2024_costs_2"]);
    });

    it("picks a table name whose sources and as-of names are free too", async () => {
      const model = new WorkbookModel();
      model.names.push({ name: "AIFIN_openai_2024_costs_AsOf", sheet: model.sheets[0], rect: { r0: 0, c0: 0, r1: 0, c1: 0 }, comment: "" });
      const { result } = await load(datasetById("openai-2024-costs"), { model });
      expect(loaded(result).record).toMatchObject({ tableName: "AIFIN_openai_2024_costs_2", asOfName: "AIFIN_openai_2024_costs_2_AsOf" });
    });

    it("uses two syncs", async () => {
      const { log, result } = await load(datasetById("bigtech-capex"));
      expect(log.syncs).toBe(2);
      expect(loaded(result).syncs).toBe(2);
    });
  });

  describe("text that would become a formula", () => {
    it("is written as text: no formula anywhere in the workbook", async () => {
      const base = datasetById("openai-2024-costs");
      const hostile: Dataset = {
        meta: { ...base.meta, title: { en: "=cmd|' /C calc'!A0", ko: "=x" }, sources: base.meta.sources.map((s, i) => (i === 0 ? { ...s, publisher: "@SUM(1)", title: "+1+1" } : s)) },
        rows: base.rows.map((r, i) => (i === 0 ? { ...r, note: '=HYPERLINK("http://evil","click")', quote: "-2+3" } : r)),
      };
      const { model, result } = await load(hostile);
      const name = loaded(result).sheetName;
      expect(model.formulas()).toEqual([]);
      expect(model.grid(name, "A1")[0][0]).toBe("=cmd|' /C calc'!A0");
      expect(model.grid(name, "M5")[0][0]).toBe('=HYPERLINK("http://evil","click")');
      expect(model.grid(name, "L5")[0][0]).toBe("-2+3");
    });
  });

  describe("text that Excel would retype as a date or a number", () => {
    it("stays the same text (months by name, white space around a number)", async () => {
      const base = datasetById("openai-2024-costs");
      const dated: Dataset = { ...base, rows: base.rows.map((r, i) => (i === 0 ? { ...r, note: "March 2024", quote: " 42" } : r)) };
      const { model, result } = await load(dated);
      const name = loaded(result).sheetName;
      expect(model.grid(name, "L5:M5")[0]).toEqual([" 42", "March 2024"]);
    });
  });

  describe("at the selected cell", () => {
    it("writes the block from the selected cell without freezing panes", async () => {
      const model = new WorkbookModel();
      model.selection = { sheet: model.sheets[0], rect: { r0: 4, c0: 2, r1: 4, c1: 2 } }; // C5
      const { result } = await load(datasetById("openai-2024-costs"), { model, target: "selection" });
      expect(loaded(result).sheetName).toBe("Sheet1");
      expect(model.grid("Sheet1", "C8:E8")[0]).toEqual(["Company", "Metric", "Period"]);
      expect(model.table("AIFIN_openai_2024_costs")).toMatchObject({ row: 7, col: 2 });
      expect(model.sheets[0].frozenRows).toBe(0);
      expect(model.sheets[0].conditionalFormats).toEqual([]);
    });

    it("changes no column width or row height of the user's sheet", async () => {
      const model = new WorkbookModel();
      model.write(model.sheets[0], 40, 1, [["a long note of the user's, far below in column B"]]);
      model.selection = { sheet: model.sheets[0], rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
      const { log, result } = await load(datasetById("openai-2024-costs"), { model, target: "selection" });
      loaded(result);
      expect(model.sheets[0].widths.size).toBe(0);
      expect(log.writes.filter((w) => /^autofit/.test(w.what))).toEqual([]);
    });

    it("refuses, writing nothing, when the block would cover a cell that is not empty", async () => {
      const model = new WorkbookModel();
      model.write(model.sheets[0], 12, 5, [["my work"]]); // F13
      model.selection = { sheet: model.sheets[0], rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
      const before = model.snapshot();
      const { result, log } = await load(datasetById("openai-2024-costs"), { model, target: "selection" });
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
      const { result } = await load(datasetById("openai-2024-costs"), { model, target: "selection" });
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
      const { result } = await load(datasetById("openai-2024-costs"), { model, target: "selection" });
      expect(loaded(result).record.tableName).toBe("AIFIN_openai_2024_costs");
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
