/* The preview's Excel API run in node with the add-in's own Excel code (src/taskpane/excel): the
 * limits and rules of Excel the preview models, and the add-in keeping to them. No browser: the
 * same objects the pane's frame gets, over a preview workbook. */
import type { Dataset } from "../../src/core/data/schema";
import { datasetById } from "../../src/core/data/catalog";
import { LoadFailedError, loadDataset } from "../../src/taskpane/excel/load";
import { refreshTables } from "../../src/taskpane/excel/refresh";
import { PAYLOAD_LIMIT_BYTES } from "../../preview/excel/client";
import { requestContextClass } from "../../preview/excel/index";
import { Workbook } from "../../preview/engine/workbook";
import { syntheticDataset } from "../taskpane/synthetic";

/** A preview workbook (no custom functions) and a way to open request contexts on it. */
function preview() {
  const wb = new Workbook({ namespace: "AIFIN", metadata: { functions: [] }, functions: { lookup: () => undefined, makeError: () => ({}) } });
  const RequestContext = requestContextClass(() => wb);
  return { wb, context: () => new RequestContext() as unknown as Excel.RequestContext };
}

/** The error a promise rejects with. */
async function failure(p: Promise<unknown>): Promise<{ code?: string; message?: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; message?: string };
  }
  throw new Error("expected a failure");
}

describe("Excel on the web's 5,000,000-byte payload limits, in the preview", () => {
  it("refuses a request past the limit whole: nothing is written", async () => {
    const { wb, context } = preview();
    const ctx = context();
    const sheet = ctx.workbook.worksheets.getActiveWorksheet();
    sheet.getRange("A1").values = [["before"]];
    await ctx.sync();
    const rows = Array.from({ length: 5_000 }, (_, i) => [`${i}`.padEnd(1_000, "x")]); // about 5.01 MB of JSON
    sheet.getRange("A1:A5000").values = rows;
    sheet.getRange("B1").values = [["small"]];
    expect(await failure(ctx.sync())).toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(wb.values(wb.sheets[0], { row: 0, col: 0, rowCount: 1, colCount: 2 })).toEqual([["before", ""]]);
  });

  it("takes a request just under the limit (5,000,000 bytes, not 5 MiB)", async () => {
    const { context } = preview();
    const ctx = context();
    const rows = Array.from({ length: 4_900 }, (_, i) => [`${i}`.padEnd(1_000, "x")]);
    ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:A4900").values = rows;
    await expect(ctx.sync()).resolves.toBeUndefined();
  });

  it("fails a sync whose response passes the limit, and leaves what it loaded unloaded", async () => {
    const { context } = preview();
    const ctx = context();
    const sheet = ctx.workbook.worksheets.getActiveWorksheet();
    for (const part of [0, 1]) {
      sheet.getRange(`A${part * 3_000 + 1}:A${part * 3_000 + 3_000}`).values = Array.from({ length: 3_000 }, () => ["y".repeat(1_000)]);
      await ctx.sync();
    }
    const all = sheet.getRange("A1:A6000");
    all.load("values");
    expect(await failure(ctx.sync())).toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(() => all.values).toThrow(/not available/);
  });
});

describe("the add-in's load and refresh against the preview's limits", () => {
  it("loads and refreshes a table whose cells are 13 MB of JSON, every request and response under 5,000,000 bytes", async () => {
    const { wb, context } = preview();
    const padding = "x".repeat(1_000);
    const v1 = syntheticDataset(90_000, { padding });
    const loaded = await loadDataset(context(), { dataset: v1, lang: "en", target: "newSheet", hash: null, now: "2025-01-01T00:00:00.000Z" });
    if (loaded.kind !== "loaded") throw new Error(loaded.kind);
    const bigger = syntheticDataset(90_000 + 14, { padding, version: "2.0.0", scale: 2 });
    const v2: Dataset = { meta: { ...bigger.meta, asOf: "2025-02-01" }, rows: bigger.rows };
    const result = await refreshTables(context(), { items: [{ record: loaded.record, dataset: v2, hash: null }], now: "2025-02-01T00:00:00.000Z" });
    expect(result.outcomes[0]).toMatchObject({ kind: "refreshed", counts: { added: 1 } });
    expect(wb.stats.largestRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(wb.stats.largestResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(wb.stats.largestResponseBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES / 2); // the reads were large, cut to fit
    const table = wb.findTable(loaded.record.tableName);
    expect(table?.rect.rowCount).toBe(v2.rows.length + 1);
  }, 120_000);
});

describe("Excel's table, merge, spill and autofit rules, in the preview", () => {
  /** A table "Orders" over A1:C3 (header and two rows) on the first sheet. */
  async function withTable() {
    const p = preview();
    const ctx = p.context();
    const sheet = ctx.workbook.worksheets.getActiveWorksheet();
    sheet.getRange("A1:C3").values = [["Item", "Qty", "Note"], ["a", 1, ""], ["b", 2, ""]];
    sheet.tables.add("A1:C3", true).name = "Orders";
    await ctx.sync();
    return { ...p, ctx, sheet, rect: () => p.wb.findTable("Orders")?.rect };
  }

  it("extends a table over values written just below it, within its columns", async () => {
    const t = await withTable();
    t.sheet.getRange("A4:B5").values = [["c", 3], ["d", 4]];
    await t.ctx.sync();
    expect(t.rect()).toMatchObject({ row: 0, col: 0, rowCount: 5, colCount: 3 });
  });

  it("extends a table over values written just right of it, naming the new column", async () => {
    const t = await withTable();
    t.sheet.getRange("D2:D3").values = [["x"], ["y"]];
    const header = t.sheet.getRange("D1");
    header.load("values");
    await t.ctx.sync();
    expect(t.rect()).toMatchObject({ rowCount: 3, colCount: 4 });
    expect(header.values).toEqual([["Column4"]]);
  });

  it.each([
    ["blank values just below", "A4:C4", [["", "", ""]]],
    ["a value diagonally off its corner", "D4", [["z"]]],
    ["a value two rows below", "A5", [["z"]]],
  ])("does not extend a table for %s", async (_, address, values) => {
    const t = await withTable();
    t.sheet.getRange(address).values = values;
    await t.ctx.sync();
    expect(t.rect()).toMatchObject({ rowCount: 3, colCount: 3 });
  });

  it("lists the tables a range overlaps, an empty body included", async () => {
    const t = await withTable();
    t.sheet.getRange("A3:C3").values = [["", "", ""]];
    const found = t.sheet.getRange("B3:F9").getTables(false);
    found.load("items/name");
    const none = t.sheet.getRange("A4:F9").getTables(false);
    none.load("items/name");
    await t.ctx.sync();
    expect(found.items.map((x) => x.name)).toEqual(["Orders"]);
    expect(none.items).toEqual([]);
  });

  it("merges cells, refuses a value written into a merged cell's hidden part, and says where the merged areas are", async () => {
    const { context, wb } = preview();
    const ctx = context();
    const sheet = ctx.workbook.worksheets.getActiveWorksheet();
    sheet.getRange("B2:C3").merge(false);
    const areas = sheet.getRange("A1:D9").getMergedAreasOrNullObject();
    areas.load("address");
    const none = sheet.getRange("E1:F2").getMergedAreasOrNullObject();
    none.load("address");
    await ctx.sync();
    expect(areas.address).toBe("Sheet1!B2:C3");
    expect(none.isNullObject).toBe(true);
    sheet.getRange("C3").values = [["x"]];
    expect(await failure(ctx.sync())).toMatchObject({ code: "InvalidOperation" });
    expect(wb.values(wb.sheets[0], { row: 2, col: 2, rowCount: 1, colCount: 1 })).toEqual([[""]]);
  });

  it("says whether a range's cells are in spilled ranges (Range.hasSpill)", async () => {
    const { context } = preview();
    const ctx = context();
    const sheet = ctx.workbook.worksheets.getActiveWorksheet();
    sheet.getRange("B2").formulas = [["={1,2;3,4}"]];
    const all = sheet.getRange("B2:C3");
    const some = sheet.getRange("C3:D4");
    const none = sheet.getRange("E1:F9");
    for (const r of [all, some, none]) r.load("hasSpill");
    await ctx.sync();
    expect([all.hasSpill, some.hasSpill, none.hasSpill]).toEqual([true, null, false]);
  });

  it("fits a column to every cell of the sheet column, not only the range's", async () => {
    const { context, wb } = preview();
    const ctx = context();
    const sheet = ctx.workbook.worksheets.getActiveWorksheet();
    sheet.getRange("A1:A2").values = [["ab"], ["cd"]];
    sheet.getRange("A50").values = [["a much longer text far below"]];
    sheet.getRange("A1:A2").format.autofitColumns();
    await ctx.sync();
    expect(wb.columnWidth(wb.sheets[0], 0)).toBeGreaterThan(100);
  });
});

describe("the add-in's load at the selected cell, in the preview", () => {
  it("is refused just below a table (Excel would extend it over the title row): nothing written", async () => {
    const { wb, context } = preview();
    const ctx = context();
    const sheet = ctx.workbook.worksheets.getActiveWorksheet();
    sheet.getRange("A1:C3").values = [["Item", "Qty", "Note"], ["a", 1, ""], ["b", 2, ""]];
    sheet.tables.add("A1:C3", true).name = "Orders";
    sheet.getRange("A4").select();
    await ctx.sync();
    const result = await loadDataset(context(), { dataset: datasetById("openai-2024-costs"), lang: "en", target: "selection", hash: null, now: "2025-01-01T00:00:00.000Z" });
    expect(result).toMatchObject({ kind: "targetNotEmpty", reason: "table", table: "Orders" });
    expect(wb.tables.map((t) => t.name)).toEqual(["Orders"]);
    expect(wb.usedRange(wb.sheets[0], true)).toEqual({ row: 0, col: 0, rowCount: 3, colCount: 3 });
  });

  it("is taken out again when a write sync fails, even after Excel applied it", async () => {
    const { wb, context } = preview();
    const ctx = context();
    ctx.workbook.worksheets.getActiveWorksheet().getRange("B3").select();
    await ctx.sync();
    const failing = context();
    const sync = failing.sync.bind(failing);
    let n = 0;
    failing.sync = (async () => {
      await sync();
      // The third sync is the load's writes: applied, then the answer is lost.
      if (++n === 3) throw Object.assign(new Error("the connection was lost"), { code: "GeneralException" });
    }) as typeof failing.sync;
    const error = await loadDataset(failing, { dataset: datasetById("openai-2024-costs"), lang: "en", target: "selection", hash: null, now: "2025-01-01T00:00:00.000Z" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadFailedError);
    expect((error as LoadFailedError).restored).toBe(true);
    expect(wb.tables).toEqual([]);
    expect(wb.usedRange(wb.sheets[0], false)).toBeNull();
    expect(wb.conditionalFormats).toEqual([]);
    expect(wb.getSetting("aifin.tables")).toBeUndefined();
  });
});
