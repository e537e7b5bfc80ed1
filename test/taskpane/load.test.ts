import { datasetById } from "../../src/core/data/catalog";
import { loadDataset, type LoadResult } from "../../src/taskpane/excel/load";
import { TABLE_COLUMNS } from "../../src/core/sheet/plan";
import { parseRecords, SETTING_KEYS } from "../../src/taskpane/records";
import { fakeExcel, WorkbookModel } from "./fake-excel";
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
      expect(sheet.get(4, TABLE_COLUMNS.indexOf("value"))?.format).toBe("₩#,##0");
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

    it("autofits the columns and keeps quote and note columns readable", async () => {
      const { log, result } = await load(datasetById("openai-2024-costs"));
      loaded(result);
      // Both tables share columns: widths fit the span of both, the Metric column fits its labels,
      // long source titles wrap.
      expect(log.writes.filter((w) => w.what === "autofitColumns").length).toBe(2);
      const autofitted = log.ranges.filter((r) => log.writes.length > 0 && r.format.wrapText === true).map((r) => r.__address);
      expect(autofitted).toEqual(["OpenAI 2024 costs, revenue and!B14:B16".replace(/^(.*)!/, "'$1'!")]);
      const widths = log.ranges.filter((r) => r.format.columnWidth === 240).map((r) => r.__address);
      expect(widths).toEqual(expect.arrayContaining([expect.stringMatching(/!L4:L10$/), expect.stringMatching(/!M4:M10$/)]));
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

    it("refuses, writing nothing, when the block would cover a cell that is not empty", async () => {
      const model = new WorkbookModel();
      model.write(model.sheets[0], 12, 5, [["my work"]]); // F13
      model.selection = { sheet: model.sheets[0], rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
      const before = model.snapshot();
      const { result, log } = await load(datasetById("openai-2024-costs"), { model, target: "selection" });
      expect(result).toEqual({ kind: "targetNotEmpty", address: "Sheet1!F13", syncs: 1 });
      expect(model.snapshot()).toBe(before);
      expect(log.syncs).toBe(1);
    });
  });
});
