/* The custom functions in the preview workbook, used the way a person uses them: typed into cells
 * of the grid (and pasted text), read back from what the cells show. The functions are the BUILT
 * dist/functions.js, registered through CustomFunctions.associate as in Excel. */
import { builtFunctionIds, openWorkbook, startSession, type PreviewPage, type Session } from "./harness";

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

async function expectClean(wb: PreviewPage): Promise<void> {
  expect(await wb.problems()).toEqual([]);
  expect(wb.errors).toEqual([]);
  expect(session.externalRequests).toEqual([]);
}

describe("the functions bundle in the preview", () => {
  it("registers every function of functions.json through CustomFunctions.associate", async () => {
    const wb = await openWorkbook(session);
    const registered = await wb.page.evaluate(() => (window as unknown as { aifinPreview: { registeredIds: string[] } }).aifinPreview.registeredIds);
    expect([...registered].sort()).toEqual(builtFunctionIds().map((id) => id.toUpperCase()).sort());
    await expectClean(wb);
    await wb.page.close();
  });
});

describe("typed formulas", () => {
  let wb: PreviewPage;
  beforeAll(async () => {
    wb = await openWorkbook(session);
  });
  afterAll(async () => {
    await wb.page.close();
  });

  // Figures from the issues and the data, as a cell shows them (General format). The dataset
  it.each([
    ["A1", "=AIFIN.USD_TO_KRW(1.15, 1310)", "1507"],
    ["A2", '=AIFIN.KRW_TO_USD("약 3조9600억 원", 1320)', "3000000000"],
    ["A3", '=AIFIN.NET_LOSS("40억 달러", "80억 달러")', "4000000000"],
    ["A4", '=AIFIN.KRW_PARSE("5,803억원")', "580300000000"],
    ["A5", "=AIFIN.KRW_FORMAT(3960000000000)", "3조 9,600억 원"],
    ["A6", '=AIFIN.KRW_FORMAT(3960000000000, "억원")', "39,600억원"],
    ["A7", '=AIFIN.AI_SPEND("OpenAI", "training", 2024)', "3000000000"],
    ["A8", '=AIFIN.AI_REVENUE("OpenAI", 2024)', "3700000000"],
    ["A9", '=AIFIN.FX_RATE("2024-Q3")', "1358.35"],
    ["A10", '=AIFIN.NET_LOSS("OpenAI", , 2024, , "ai-labs")', "4800000000"],
    ["A11", '=AIFIN.AI_SPEND("네이버", "시설투자", 2022)', "756233000000"],
    ["A12", '=AIFIN.KRW_FORMAT(-40000000, "억원")', "-0.4억원"],
    ["A13", '=AIFIN.KRW_FORMAT(3960000000000, "조원", 2)', "3.96조원"],
    ["A14", '=AIFIN.KRW_FORMAT(3960000000000, "만원")', "396,000,000만원"],
    ["A15", '=AIFIN.AI_SPEND("OpenAI", "total", 2024, , "ai-labs")', "8500000000"],
    ["A16", '=AIFIN.FX_RATE(2024, "close")', "1472.5"],
    ["A17", '=AIFIN.FX_RATE("2024-07-15")', "1382.85"],
    ["A18", "=AIFIN.FX_RATE()", "1489.95"],
    ["A19", "=AIFIN.USD_TO_KRW(1000)", "1489950"],
    ["A20", '=AIFIN.AI_SPEND("OpenAI", "total", 2024, , "column-2024")', "#N/A"],
  ])("%s: %s shows %s", async (address, formula, shown) => {
    await wb.enter(address, formula);
    expect(await wb.text(address)).toBe(shown);
    await wb.select(address);
    await expect(wb.formulaBar.inputValue()).resolves.toBe(formula);
  });

  it("cites the source of a figure with AI_SOURCE, its qualifier kept", async () => {
    await wb.enter("C1", '=AIFIN.AI_SOURCE("OpenAI", "total", 2024)');
    expect(await wb.text("C1")).toContain("AI Times (AI타임스)");
    // The functions bundle cites publisher, kind, period and qualifier (build/slim-datasets.cjs leaves titles to the pane's tables).
    expect(await wb.text("C1")).toMatch(/https:\/\/www\.aitimes\.com\/\S+ — press report — 2024 = 2024-01-01 to 2024-12-31 — up to given on 2024-07-24 — /);
  });

  it("states a rate with its day, basis and source with FX_SOURCE", async () => {
    await wb.enter("C2", '=AIFIN.FX_SOURCE("2024-Q3", "close")');
    expect(await wb.text("C2")).toBe(
      "1,312.17 KRW per USD, the close of 2024-Q3 (its last ECB business day, 2024-09-30), derived from ECB reference rates (KRW and USD per EUR: 1469.11 and 1.1196; European Central Bank, https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip)",
    );
  });

  it("spills FX_RATE over a range of dates", async () => {
    await wb.enter("I14", "2024-07-15");
    await wb.enter("I15", "2024-07-13");
    await wb.enter("J14", "=AIFIN.FX_RATE(I14:I15)");
    // A Saturday gives the Friday's rate.
    expect([await wb.text("J14"), await wb.text("J15")]).toEqual(["1382.85", "1375.47"]);
  });

  it("spills AI_COMPANIES down a column", async () => {
    await wb.enter("E1", '=AIFIN.AI_COMPANIES("ai-labs")');
    const names = [];
    for (let r = 1; r <= 3; r++) names.push(await wb.text(`E${r}`));
    expect(names).toEqual(["OpenAI", "Anthropic", "xAI"]);
    expect(await wb.text("E4")).toBe("");
  });

  it("spills AI_TABLE as a table with a header row", async () => {
    // Placed clear of the other tests' cells: its 57 rows would otherwise be #SPILL!, as in Excel.
    await wb.enter("AA1", '=AIFIN.AI_TABLE("ai-labs")');
    await wb.goTo("AA1");
    expect(await wb.text("AA1")).toBe("Company");
    expect(await wb.text("AD1")).toBe("Value");
    expect(await wb.text("AA2")).toBe("Anthropic");
    expect(await wb.text("AD2")).toBe("100000000");
  });

  it("spills a range given to USD_TO_KRW in its shape, and follows its inputs", async () => {
    await wb.goTo("A1");
    await wb.enter("B14", "1.15");
    await wb.enter("B15", "2");
    await wb.enter("B16", "");
    await wb.enter("C14", "=AIFIN.USD_TO_KRW(B14:B16, 1310)");
    expect([await wb.text("C14"), await wb.text("C15"), await wb.text("C16")]).toEqual(["1507", "2620", ""]);
    await wb.enter("B15", "3");
    expect(await wb.text("C15")).toBe("3930");
  });

  it("shows #SPILL! when the spill range is not empty", async () => {
    await wb.enter("E21", "in the way");
    await wb.enter("E20", '=AIFIN.AI_COMPANIES("korea-ai-investment")');
    expect(await wb.text("E20")).toBe("#SPILL!");
  });

  it("shows an error with its reason: in the cell's tooltip and in the status line", async () => {
    await wb.enter("A13", '=AIFIN.AI_SPEND("Nonexistent Co")');
    expect(await wb.text("A13")).toBe("#N/A");
    expect(await wb.tooltip("A13")).toBe("#N/A: Unknown company 'Nonexistent Co' — see AI_COMPANIES()");
    await wb.select("A13");
    await expect(wb.status.textContent()).resolves.toBe("A13: #N/A — Unknown company 'Nonexistent Co' — see AI_COMPANIES()");
  });

  it("refuses text that is not an amount with #VALUE! and the reason", async () => {
    await wb.enter("A12", '=AIFIN.KRW_PARSE("35억~45억달러")');
    expect(await wb.text("A12")).toBe("#VALUE!");
    expect(await wb.tooltip("A12")).toMatch(/^#VALUE!: .+/);
  });

  it("has nothing to report", async () => {
    await expectClean(wb);
  });
});

describe("pasted amounts", () => {
  it("reads an amount pasted as text, and a pasted column of them", async () => {
    const wb = await openWorkbook(session);
    await wb.paste("A1", "30억 달러");
    expect(await wb.text("A1")).toBe("30억 달러");
    await wb.enter("B1", "=AIFIN.USD_TO_KRW(A1, 1320)");
    expect(await wb.text("B1")).toBe("3960000000000");

    await wb.paste("A3", "$3B\nUS$130 billion\n(4,000)");
    // Excel reads a pasted "(4,000)" as the number -4000 (the reason the pane escapes dataset text).
    expect([await wb.text("A3"), await wb.text("A4"), await wb.text("A5")]).toEqual(["$3B", "US$130 billion", "(4,000)"]);
    await wb.enter("B3", "=AIFIN.USD_TO_KRW(A3:A4, 1320)");
    expect([await wb.text("B3"), await wb.text("B4")]).toEqual(["3960000000000", "171600000000000"]);
    await expectClean(wb);
    await wb.page.close();
  });
});

describe("a Korean Office", () => {
  it("restarts the pane when Office's display language changes, and keeps the workbook", async () => {
    const wb = await openWorkbook(session);
    await wb.enter("A1", '=AIFIN.AI_SPEND("Nonexistent Co")');
    expect(await wb.tooltip("A1")).toBe("#N/A: Unknown company 'Nonexistent Co' — see AI_COMPANIES()");
    await wb.page.getByLabel("Office display language").selectOption("ko-KR");
    await wb.page.waitForSelector("html[data-pane-ready]", { timeout: 30_000 });
    expect(await wb.tooltip("A1")).toBe("#N/A: 알 수 없는 회사 'Nonexistent Co' — AI_COMPANIES()를 참고하세요");
    await expectClean(wb);
    await wb.page.close();
  });

  it("gives the functions' error reasons in Korean", async () => {
    const wb = await openWorkbook(session, "ko-KR");
    await wb.enter("A1", '=AIFIN.AI_SPEND("Nonexistent Co")');
    expect(await wb.tooltip("A1")).toBe("#N/A: 알 수 없는 회사 'Nonexistent Co' — AI_COMPANIES()를 참고하세요");
    await expectClean(wb);
    await wb.page.close();
  });
});
