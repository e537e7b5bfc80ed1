/* The Excel JavaScript API the preview gives the task pane, exercised from inside the pane's frame
 * (the realm the add-in's bundles run in): office.js's load/sync rules, Excel's input rules, tables,
 * calculation, settings, selection, formats shown in the grid, and loud failure for anything the
 * preview does not implement. These keep the preview honest: it must fail where Excel would. */
import type { Frame } from "playwright-core";
import { openWorkbook, startSession, type PreviewPage, type Session } from "./harness";

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

/** The pane's frame, to run Excel.run there as the add-in does. */
function paneFrame(wb: PreviewPage): Frame {
  const frame = wb.page.frames().find((f) => f.url().includes("taskpane-preview.html"));
  if (!frame) throw new Error("no pane frame");
  return frame;
}

type Ctx = Excel.RequestContext;

/** Runs `body` (source of an async function of the request context) with Excel.run in the pane. */
async function run<T>(wb: PreviewPage, body: (ctx: Ctx) => Promise<T>): Promise<T> {
  return paneFrame(wb).evaluate(async (source) => {
    // eslint-disable-next-line no-new-func
    const fn = new Function(`return (${source})`)() as (ctx: unknown) => Promise<unknown>;
    try {
      return { ok: true, value: await Excel.run((ctx) => fn(ctx)) };
    } catch (e) {
      const err = e as { code?: string; message?: string; debugInfo?: { errorLocation?: string } };
      return { ok: false, code: err.code, message: err.message, location: err.debugInfo?.errorLocation };
    }
  }, body.toString()) as Promise<T>;
}

describe("Excel.run in the preview", () => {
  let wb: PreviewPage;
  beforeEach(async () => {
    wb = await openWorkbook(session);
  });
  afterEach(async () => {
    await wb.page.close();
  });

  it("gives a property only after load and sync (PropertyNotLoaded otherwise)", async () => {
    const result = await run(wb, async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:B2");
      let before = "";
      try {
        void r.values;
      } catch (e) {
        before = (e as { code: string }).code;
      }
      r.load("values, address");
      await ctx.sync();
      return { before, address: r.address, values: r.values };
    });
    expect(result).toEqual({ ok: true, value: { before: "PropertyNotLoaded", address: "Sheet1!A1:B2", values: [["", ""], ["", ""]] } });
  });

  it("reads written text the way Excel reads input: formulas, numbers, the quote prefix", async () => {
    const result = await run(wb, async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:E1");
      r.values = [["=1+1", "'=SUM(1)", "1,200", "TRUE", "-abc"]];
      r.load("values, formulas, valueTypes");
      await ctx.sync();
      return { values: r.values, formulas: r.formulas, types: r.valueTypes };
    });
    expect(result).toEqual({
      ok: true,
      value: {
        values: [[2, "=SUM(1)", 1200, true, "#NAME?"]],
        formulas: [["=1+1", "=SUM(1)", 1200, true, "=-abc"]],
        types: [["Double", "String", "Double", "Boolean", "Error"]],
      },
    });
  });

  it("rejects a matrix of the wrong size with Excel's InvalidArgument", async () => {
    const result = await run(wb, async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:B2").values = [[1, 2, 3]];
      await ctx.sync();
    });
    expect(result).toMatchObject({ ok: false, code: "InvalidArgument", location: "Range.values" });
  });

  it("links a cell with Range.hyperlink, shows the link in the grid, and shows its text in the first cell only", async () => {
    const result = await run(wb, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:B1").values = [["keep", "keep"]];
      sheet.getRange("A1:B1").hyperlink = { address: "https://www.example.com/report.htm", textToDisplay: "report-2025" };
      sheet.getRange("C1").hyperlink = { address: "https://www.example.com/other.htm", textToDisplay: "2024-report" };
      const a1 = sheet.getRange("A1");
      a1.load("hyperlink");
      const row = sheet.getRange("A1:C1");
      row.load("values");
      await ctx.sync();
      return { link: a1.hyperlink, values: row.values };
    });
    expect(result).toEqual({ ok: true, value: { link: { address: "https://www.example.com/report.htm", textToDisplay: "report-2025" }, values: [["report-2025", "keep", "2024-report"]] } });
    expect(await wb.linkAt("A1")).toBe("https://www.example.com/report.htm");
    expect(await wb.linkAt("B1")).toBe("https://www.example.com/report.htm");
    expect(await wb.text("A1")).toBe("report-2025");
  });

  it.each(["javascript:alert(1)", "file:///etc/passwd", "www.example.com", "https://"])("refuses a link to %s with InvalidArgument, as Excel refuses a malformed one", async (address) => {
    // Excel.run in the pane's frame, with the address passed in (run() takes a function's source only).
    const refused = await paneFrame(wb).evaluate(async (bad) => {
      try {
        await Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getActiveWorksheet().getRange("A1").hyperlink = { address: bad, textToDisplay: "x" };
          await ctx.sync();
        });
        return { ok: true };
      } catch (e) {
        const err = e as { code?: string; debugInfo?: { errorLocation?: string } };
        return { ok: false, code: err.code, location: err.debugInfo?.errorLocation };
      }
    }, address);
    expect(refused).toEqual({ ok: false, code: "InvalidArgument", location: "Range.hyperlink" });
    expect(await wb.linkAt("A1")).toBeNull();
  });

  it("removes a link with clear(\"RemoveHyperlinks\"), keeping the text", async () => {
    const result = await run(wb, async (ctx) => {
      const a1 = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1");
      a1.hyperlink = { address: "https://www.example.com/", textToDisplay: "example" };
      await ctx.sync();
      a1.clear("RemoveHyperlinks");
      a1.load("values");
      await ctx.sync();
      return a1.values;
    });
    expect(result).toEqual({ ok: true, value: [["example"]] });
    expect(await wb.linkAt("A1")).toBeNull();
  });

  it("refuses what the preview does not implement, by name, and shows it", async () => {
    const result = await run(wb, async (ctx) => {
      const range = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1") as unknown as { getCellProperties: (x: object) => unknown };
      range.getCellProperties({ format: { fill: { color: true } } });
      await ctx.sync();
    });
    expect(result).toMatchObject({ ok: false, code: "NotImplemented", message: "preview does not implement Range.getCellProperties" });
    await expect(wb.page.locator("#problems")).toBeVisibleSoon();
    expect(await wb.problems()).toEqual(["preview does not implement Range.getCellProperties"]);
    wb.errors.length = 0;
  });

  it("shows a number format set by the API in the grid", async () => {
    await run(wb, async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:A3");
      r.values = [[3960000000000], [1398.75], [1320]];
      r.numberFormat = [['"₩"#,##0'], ["#,##0.00"], ["[$₩-ko-KR]#,##0"]];
      r.format.autofitColumns();
      await ctx.sync();
    });
    expect(await wb.text("A1")).toBe("₩3,960,000,000,000");
    expect(await wb.text("A2")).toBe("1,398.75");
    expect(await wb.text("A3")).toBe("₩1,320");
  });

  it("refuses a number format with text outside quotes (₩#,##0), setting nothing", async () => {
    const result = await run(wb, async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1");
      r.values = [[1320]];
      await ctx.sync();
      r.numberFormat = [["₩#,##0"]];
      await ctx.sync();
    });
    expect(result).toMatchObject({ ok: false, code: "InvalidArgument", message: expect.stringContaining("'₩' is not in quotes") });
    expect(await wb.text("A1")).toBe("1320");
  });

  it("keeps settings as JSON; a missing one is a null object", async () => {
    const result = await run(wb, async (ctx) => {
      ctx.workbook.settings.add("aifin.test", JSON.stringify({ a: [1, 2] }));
      await ctx.sync();
      const s = ctx.workbook.settings.getItemOrNullObject("aifin.test");
      s.load("value");
      const missing = ctx.workbook.settings.getItemOrNullObject("aifin.none");
      missing.load("value");
      await ctx.sync();
      return { value: s.value, missing: missing.isNullObject };
    });
    expect(result).toEqual({ ok: true, value: { value: '{"a":[1,2]}', missing: true } });
  });

  it("runs custom functions again on a Full calculation, not on Recalculate (they are not volatile)", async () => {
    await wb.enter("A1", "=AIFIN.USD_TO_KRW(1000)");
    const before = await wb.text("A1");
    await paneFrame(wb).evaluate(() => {
      // The slot the pane and the functions share (src/shared/reference-rate.ts), changed behind their back.
      const shared = (globalThis as Record<symbol, { choice: unknown } | undefined>)[Symbol.for("aifin.shared")];
      if (!shared) throw new Error("the shared runtime slot is missing");
      shared.choice = { kind: "manual", rate: 1000 };
    });
    await run(wb, async (ctx) => {
      ctx.workbook.application.calculate("Recalculate");
      await ctx.sync();
    });
    expect(await wb.text("A1")).toBe(before);
    await run(wb, async (ctx) => {
      ctx.workbook.application.calculate("Full");
      await ctx.sync();
    });
    expect(await wb.text("A1")).toBe("1000000");
  });

  it("gives the grid's selection to getSelectedRange", async () => {
    await wb.select("B2");
    await wb.cell("C4").click({ modifiers: ["Shift"] });
    const result = await run(wb, async (ctx) => {
      const r = ctx.workbook.getSelectedRange();
      r.load("address");
      await ctx.sync();
      return r.address;
    });
    expect(result).toEqual({ ok: true, value: "Sheet1!B2:C4" });
  });

  it("grows a table with a column a person types beside it, and fills its formula into added rows", async () => {
    await run(wb, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getActiveWorksheet();
      const t = sheet.tables.add("A1:B3", true);
      t.getRange().values = [["Company", "Value"], ["OpenAI", 3000000000], ["Meta", 39230000000]];
      t.name = "Figures";
      await ctx.sync();
    });
    await wb.enter("C1", "In KRW");
    await wb.enter("C2", "=AIFIN.USD_TO_KRW(B2, 1320)");
    expect(await wb.text("C3")).toBe("51783600000000");
    const result = await run(wb, async (ctx) => {
      const t = ctx.workbook.tables.getItem("Figures");
      t.rows.add(undefined, [["Alphabet", 52500000000, null as unknown as string]]); // null: leave the cell to the table
      const r = t.getRange();
      r.load("address");
      const last = t.getDataBodyRange().getLastRow();
      last.load("formulas");
      await ctx.sync();
      return { address: r.address, formulas: last.formulas };
    });
    expect(result).toEqual({ ok: true, value: { address: "Sheet1!A1:C4", formulas: [["Alphabet", 52500000000, "=AIFIN.USD_TO_KRW(B4, 1320)"]] } });
    expect(await wb.text("C4")).toBe("69300000000000");
  });

  it("refuses a table name Excel refuses", async () => {
    const result = await run(wb, async (ctx) => {
      const t = ctx.workbook.worksheets.getActiveWorksheet().tables.add("A1:B2", true);
      t.name = "bigtech-capex";
      await ctx.sync();
    });
    expect(result).toMatchObject({ ok: false, code: "InvalidArgument", location: "Table.name" });
  });

  afterEach(() => {
    expect(wb.errors).toEqual([]);
    expect(session.externalRequests).toEqual([]);
  });
});

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toBeVisibleSoon(): Promise<R>;
    }
  }
}

expect.extend({
  async toBeVisibleSoon(locator: { waitFor: (o: object) => Promise<void> }) {
    try {
      await locator.waitFor({ state: "visible", timeout: 5000 });
      return { pass: true, message: () => "visible" };
    } catch {
      return { pass: false, message: () => "not visible within 5 s" };
    }
  },
});
