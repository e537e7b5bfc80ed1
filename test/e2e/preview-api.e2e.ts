/* The preview's Excel API run in node with the add-in's own Excel code (src/taskpane/excel): the
 * limits and rules of Excel the preview models, and the add-in keeping to them. No browser: the
 * same objects the pane's frame gets, over a preview workbook. */
import type { Dataset } from "../../src/core/data/schema";
import { loadDataset } from "../../src/taskpane/excel/load";
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
