import { LINK_OVERHEAD_BYTES, StepsFailedError, hyperlinkSteps, linkSteps, matrixSteps, runSteps, smallStep, type Step } from "../../src/taskpane/excel/steps";
import { fakeExcel } from "./fake-excel";

describe("runSteps", () => {
  const limits = { requestBytes: 600, sliceBytes: 200, responseBytes: 600 };
  function steps(n: number, log: string[]): Step[] {
    return Array.from({ length: n }, (_, i) => ({ bytes: 300, run: () => void log.push(`s${i}`) }));
  }

  it("syncs once when everything fits, else in requests of at most requestBytes", async () => {
    const { context, log } = fakeExcel();
    expect(await runSteps(context, steps(3, []), undefined, { ...limits, requestBytes: 10_000 })).toBe(1);
    expect(await runSteps(context, steps(5, []), undefined, limits)).toBe(3);
    expect(log.syncs).toBe(4);
  });

  it("says which steps were sent when a request fails", async () => {
    const { context, log } = fakeExcel();
    const ran: string[] = [];
    const all = steps(6, ran).map((s, i) => (i === 3 ? { ...s, run: () => context.workbook.settings.add("k", "v") } : s));
    log.fail({ what: "settings.add" });
    const error = await runSteps(context, all, undefined, limits).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepsFailedError);
    expect(error).toMatchObject({ sentFrom: 2, firstUnsent: 4 });
    expect(ran).toEqual(["s0", "s1", "s2"]);
  });

  it("counts a step throwing while it is queued as its request failing", async () => {
    const { context } = fakeExcel();
    const boom = smallStep(() => {
      throw new Error("InvalidArgument");
    });
    const error = await runSteps(context, [smallStep(() => undefined), boom], undefined, limits).catch((e: unknown) => e);
    expect(error).toMatchObject({ sentFrom: 0, firstUnsent: 2 });
    expect(String((error as StepsFailedError).failure)).toMatch(/InvalidArgument/);
  });
});

describe("matrixSteps", () => {
  it("cuts a matrix by rows and writes each piece where it belongs", async () => {
    const { context, model } = fakeExcel();
    const rows = Array.from({ length: 10 }, (_, i) => [`r${i}`, i]);
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    const pieces = matrixSteps(rows, (o: number, n: number) => sheet.getRange(`A${o + 1}:B${o + n}`), "values", 40);
    expect(pieces.length).toBeGreaterThan(1);
    await runSteps(context, pieces);
    expect(model.grid("Sheet1", "A1:B10")).toEqual(rows);
  });
});

describe("hyperlinkSteps", () => {
  const urls = ["https://a.example.com/1", "", "https://b.example.com/2", "https://a.example.com/1", ""];
  const texts = ["a-1", "none", "'2024-report", "a-1", "none"];

  it("links each cell that has a URL, showing its text as Excel shows it (quote prefix dropped), and leaves the others", async () => {
    const { context, model } = fakeExcel();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:A5").values = texts.map((t) => [t]);
    await runSteps(context, hyperlinkSteps(urls, texts, (i) => sheet.getRange(`A${i + 1}`)));
    expect(model.links("Sheet1", "A1:A5").map((r) => r[0])).toEqual(urls);
    expect(model.sheet("Sheet1").get(2, 0)?.hyperlink).toEqual({ address: "https://b.example.com/2", textToDisplay: "2024-report" });
    expect(model.grid("Sheet1", "A1:A5").map((r) => r[0])).toEqual(["a-1", "none", "2024-report", "a-1", "none"]);
  });

  it("sizes each link by its strings and cuts them into pieces of at most sliceBytes", () => {
    const one = hyperlinkSteps(urls, texts, () => null as never);
    expect(one).toHaveLength(1);
    expect(one[0].bytes).toBe(3 * LINK_OVERHEAD_BYTES + (25 + 5) + (25 + 14) + (25 + 5)); // quoted strings, as JSON carries them
    const cut = hyperlinkSteps(urls, texts, () => null as never, LINK_OVERHEAD_BYTES + 60);
    expect(cut.map((s) => s.bytes)).toEqual([LINK_OVERHEAD_BYTES + 30, LINK_OVERHEAD_BYTES + 39, LINK_OVERHEAD_BYTES + 30]);
  });

  it("gives no step for a block without links", () => {
    expect(hyperlinkSteps(["", ""], ["x", "y"], () => null as never)).toEqual([]);
  });
});

describe("linkSteps", () => {
  it("sets a link where there is a URL and removes the link, keeping text and format, where there is none", async () => {
    const { context, model } = fakeExcel();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:A2").values = [["a"], ["b"]];
    sheet.getRange("A1:A2").numberFormat = [["@"], ["@"]];
    await runSteps(context, linkSteps([{ row: 0, col: 0, url: "https://a.example.com/", text: "a" }, { row: 1, col: 0, url: "https://b.example.com/", text: "b" }], (r, c) => sheet.getRange("A1").getCell(r, c)));
    await runSteps(context, linkSteps([{ row: 1, col: 0, url: "", text: "b" }], (r, c) => sheet.getRange(`A${r + 1 + c}`)));
    expect(model.links("Sheet1", "A1:A2")).toEqual([["https://a.example.com/"], [""]]);
    expect(model.grid("Sheet1", "A1:A2")).toEqual([["a"], ["b"]]);
    expect(model.sheet("Sheet1").get(1, 0)?.format).toBe("@");
  });
});
