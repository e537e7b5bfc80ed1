/* The add-in's real task pane in the preview workbook, used the way a person uses it: load each
 * dataset and read the cells back from the grid; change the reference rate and see dependent
 * cells follow; refresh from a changed feed and see the new value while a user's column and a
 * formula referring to the table survive; switch the pane to Korean and back; clean pasted
 * amounts; save a screenshot of a loaded dataset.
 *
 * The pane is built with Fluent UI web components, whose roles live in ElementInternals:
 * Chromium's accessibility tree has them, playwright-core's role engine does not read them, so
 * buttons are found by their visible text or aria-label (what a person reads), tabs by role. */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Locator } from "playwright-core";
import { datasetById, isRateRow } from "../../src/core/data/catalog";
import { companyName } from "../../src/core/data/companies";
import type { FigureRow, Row } from "../../src/core/data/schema";
import { groupDigits } from "../../src/core/data/vocabulary";
import { rateText } from "../../src/core/fx/cite";
import { SOURCE_COLUMNS, TABLE_COLUMNS, rowKey } from "../../src/core/sheet/plan";
import { ARTIFACTS, DIST, ROOT, openWorkbook, startSession, type PreviewPage, type Session } from "./harness";

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

interface FeedIndex {
  datasets: { id: string; title: { en: string; ko: string }; version: string; asOf: string; hash: string; rows: number; file: string }[];
}
const feedIndex = (): FeedIndex => JSON.parse(fs.readFileSync(path.join(DIST, "datasets/index.json"), "utf8")) as FeedIndex;

/** A Fluent button of the pane, by its text or its aria-label. */
function button(wb: PreviewPage, name: string): Locator {
  const exact = new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`);
  return wb.pane.locator(`fluent-button[aria-label="${name}"]`).or(wb.pane.locator("fluent-button").filter({ hasText: exact })).first();
}

/** Chooses a radio of the pane by its label. */
async function chooseRadio(wb: PreviewPage, label: string): Promise<void> {
  const text = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await wb.pane.locator("label").filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) }).first().click();
}

/** The pane's status region (progress, then the outcome sentence). */
function paneStatus(wb: PreviewPage): Locator {
  return wb.pane.locator("#status-region");
}

/** Waits until the pane's status says something matching `pattern`, and returns it. */
async function paneSays(wb: PreviewPage, pattern: RegExp): Promise<string> {
  const status = paneStatus(wb);
  try {
    await status.filter({ hasText: pattern }).waitFor({ timeout: 30_000 });
  } catch {
    throw new Error(`The pane did not say ${pattern}; it says: ${(await status.innerText()).trim() || "(nothing)"}`);
  }
  return (await status.innerText()).trim();
}

async function loadDataset(wb: PreviewPage, title: string): Promise<string> {
  await wb.pane.getByRole("tab", { name: "Datasets" }).click();
  await button(wb, title).click();
  await chooseRadio(wb, "A new sheet");
  await button(wb, "Load dataset").click();
  return paneSays(wb, new RegExp(`Loaded \\d+ rows of “${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}”`));
}

/** The preview workbook's selection (the grid draws only the rows in view). */
async function selectedRect(wb: PreviewPage): Promise<object> {
  return wb.page.evaluate(() => (window as unknown as { aifinPreview: { workbook: { selection: { rect: object } } } }).aifinPreview.workbook.selection.rect);
}

async function expectClean(wb: PreviewPage): Promise<void> {
  expect(await wb.problems()).toEqual([]);
  expect(wb.errors).toEqual([]);
  expect(session.externalRequests).toEqual([]);
}

/** What the Value column shows for a row: its number format ($#,##0, ₩#,##0, or ₩#,##0.00## for a rate). */
function shownValue(row: Row): string {
  if (isRateRow(row)) return `₩${rateText(row.value)}`;
  const value = row.value ?? row.low ?? 0;
  return `${row.currency === "USD" ? "$" : "₩"}${groupDigits(value)}`;
}

/** The company cell of a row, as the English pane writes it. */
const shownCompany = (row: Row): string => (isRateRow(row) ? "USD/KRW" : companyName(row.company, "en"));

/** The last column of a dataset table (its AIFIN key), and of a sources table (URL). */
const KEY_COLUMN = String.fromCharCode(65 + TABLE_COLUMNS.length - 1);
const SOURCE_COLUMN = String.fromCharCode(65 + TABLE_COLUMNS.indexOf("source"));
const URL_COLUMN = String.fromCharCode(65 + SOURCE_COLUMNS.indexOf("url"));

describe("loading datasets from the pane", () => {
  it.each(feedIndex().datasets.map((d) => [d.id, d] as const))("loads %s into a new sheet, as a table the grid shows, each source linked to its document", async (id, entry) => {
    const dataset = datasetById(id);
    const n = entry.rows;
    const wb = await openWorkbook(session);
    const said = await loadDataset(wb, entry.title.en);
    const [, rows, table, sheet] = /Loaded (\d+) rows of “.+” into the table (\S+) on (.+)\.$/m.exec(said) ?? [];
    expect(Number(rows)).toBe(n);
    expect(table).toMatch(/^AIFIN_/);
    await expect(wb.sheetTab(sheet).getAttribute("aria-selected")).resolves.toBe("true");

    expect(await wb.text("A1")).toBe(entry.title.en);
    expect(await wb.text("A2")).toBe("As of");
    expect(await wb.text("B2")).toBe(entry.asOf);
    const header = ["A4", "B4", "C4", "E4", "I4", "J4", `${SOURCE_COLUMN}4`, "M4", `${KEY_COLUMN}4`];
    const headerShown: string[] = [];
    for (const address of header) headerShown.push(await wb.textAt(address));
    expect(headerShown).toEqual(["Company", "Metric", "Period", "Value", "Qualifier", "Date (given / session)", "Source", "Quote", "AIFIN key"]);

    // The first figure, as the grid shows it, with its source key linked to the document.
    await wb.goTo("A1");
    const first = dataset.rows[0];
    expect(await wb.text("A5")).toBe(shownCompany(first));
    const firstSource = dataset.meta.sources.find((src) => src.id === first.source);
    expect(await wb.textAt(`${SOURCE_COLUMN}5`)).toBe(first.source);
    expect(await wb.linkAt(`${SOURCE_COLUMN}5`)).toBe(firstSource?.url ?? null);
    const firstValued = dataset.rows.findIndex((r) => isRateRow(r) || r.value !== null);
    expect(await wb.textAt(`E${5 + firstValued}`)).toBe(shownValue(dataset.rows[firstValued]));

    // One row per figure, keyed: the key column ends at the last one.
    expect(await wb.textAt(`${KEY_COLUMN}${4 + n}`)).toBe(rowKey(dataset.rows[n - 1]));
    expect(await wb.textAt(`${KEY_COLUMN}${5 + n}`)).toBe("");

    // The sources table below: a caption, the header, each source's key and its URL, linked.
    expect(await wb.textAt(`A${6 + n}`)).toBe("Sources");
    const sourcesHeader: string[] = [];
    for (const column of ["A", "B", "C", "D", "E", "F"]) sourcesHeader.push(await wb.textAt(`${column}${7 + n}`));
    expect(sourcesHeader).toEqual(["Source", "Publisher", "Title", "Date", "Kind", "URL"]);
    const [src] = dataset.meta.sources;
    expect(await wb.textAt(`A${8 + n}`)).toBe(src.id);
    expect(await wb.linkAt(`${URL_COLUMN}${8 + n}`)).toBe(src.url);

    // The name box knows the table: going to it selects the header row and every figure.
    await wb.goTo(table);
    await expect(wb.nameBox.inputValue()).resolves.toBe(table);
    await expect(wb.cell("A4").getAttribute("aria-selected")).resolves.toBe("true");
    const selected = await selectedRect(wb);
    expect(selected).toMatchObject({ row: 3, col: 0, rowCount: n + 1, colCount: TABLE_COLUMNS.length });
    await expectClean(wb);
    await wb.page.close();
  });

  it("saves a screenshot of the workbook with a loaded dataset (test-results/; AIFIN_UPDATE_README_SCREENSHOT=1 also refreshes docs/preview.png)", async () => {
    const wb = await openWorkbook(session);
    await loadDataset(wb, "Big tech capital expenditure");
    await wb.select("E6");
    const file = await wb.screenshot("preview-workbook.png");
    // The README's picture is refreshed on request only, so a test run leaves the tree clean.
    if (process.env.AIFIN_UPDATE_README_SCREENSHOT) fs.copyFileSync(file, path.join(ROOT, "docs", "preview.png"));
    expect(fs.statSync(file).size).toBeGreaterThan(20_000);
    await expectClean(wb);
    await wb.page.close();
  });
});

/** Opens the settings and chooses how the reference rate is set. */
async function referenceOption(wb: PreviewPage, label: string): Promise<void> {
  await wb.pane.getByRole("tab", { name: "Settings" }).click();
  await chooseRadio(wb, label);
}

/** Types into one of the pane's text fields, replacing what it holds. */
async function typeInto(wb: PreviewPage, id: string, text: string): Promise<void> {
  await wb.pane.locator(`#${id}`).click();
  await wb.page.keyboard.press("ControlOrMeta+A");
  await wb.page.keyboard.type(text);
}

/** Cells that depend on the reference rate: a conversion without a rate, FX_RATE(), and a formula on them. */
async function dependentCells(wb: PreviewPage): Promise<void> {
  await wb.enter("A1", "=AIFIN.USD_TO_KRW(1000)");
  await wb.enter("A2", "=AIFIN.FX_RATE()");
  await wb.enter("A3", "=A1*2");
}

async function dependents(wb: PreviewPage): Promise<string[]> {
  return [await wb.text("A1"), await wb.text("A2"), await wb.text("A3")];
}

describe("the reference rate", () => {
  it("is the latest rate by default, stated with its day, and the day is recorded once a function uses it", async () => {
    const wb = await openWorkbook(session);
    await dependentCells(wb);
    expect(await dependents(wb)).toEqual(["1489950", "1489.95", "2979900"]);
    await paneSays(wb, /This workbook now keeps the rate of 2026-04-13 as its reference/);
    await wb.pane.getByRole("tab", { name: "Settings" }).click();
    await expect(wb.pane.locator("#reference-now").innerText()).resolves.toMatch(/^In use: 1,489\.95 KRW per USD on 2026-04-13, derived from ECB reference rates/);
    await expectClean(wb);
    await wb.page.close();
  });

  it("gives every control of the settings its own id (a label finds its own field)", async () => {
    const wb = await openWorkbook(session);
    await wb.pane.getByRole("tab", { name: "Settings" }).click();
    const duplicates = await wb.page.frameLocator('iframe[title="AIFIN task pane"]').locator("body").evaluate(() => {
      const ids = [...document.querySelectorAll("[id]")].map((el) => el.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    expect(duplicates).toEqual([]);
    await wb.page.close();
  });

  it("warns that the rates end long before today: refresh", async () => {
    const wb = await openWorkbook(session);
    await wb.pane.getByRole("tab", { name: "Settings" }).click();
    // The preview's clock is the machine's: the shipped rates end 2026-04-13, more than 30 days ago.
    const warning = wb.pane.locator("#rates-old");
    await warning.waitFor({ state: "visible" });
    await expect(warning.innerText()).resolves.toBe("Rates end 2026-04-13: refresh to get newer rates.");
    await expectClean(wb);
    await wb.page.close();
  });

  it("changes to a typed rate in settings, and every function without a rate follows", async () => {
    const wb = await openWorkbook(session);
    await dependentCells(wb);
    await referenceOption(wb, "A rate I type");
    await typeInto(wb, "manual-rate", "1,350.5");
    await button(wb, "Apply and recalculate").click();
    await paneSays(wb, /Functions without a rate now use 1,350\.5 KRW per USD/);
    expect(await dependents(wb)).toEqual(["1350500", "1350.5", "2701000"]);
    await expectClean(wb);
    await wb.page.close();
  });

  it("takes a month, quarter or year on a basis, and can be changed again and again (the picker no longer breaks)", async () => {
    const wb = await openWorkbook(session);
    await dependentCells(wb);
    await referenceOption(wb, "A month, quarter or year");
    await typeInto(wb, "period-text", "2024-Q3");
    await chooseRadio(wb, "Average");
    await button(wb, "Apply and recalculate").click();
    await paneSays(wb, /now use 1,358\.35 KRW per USD, the quarterly average of 2024-Q3/);
    expect(await dependents(wb)).toEqual(["1358350", "1358.35", "2716700"]);

    await chooseRadio(wb, "Close (last business day)");
    await button(wb, "Apply and recalculate").click();
    await paneSays(wb, /now use 1,312\.17 KRW per USD, the close of 2024-Q3/);
    expect(await dependents(wb)).toEqual(["1312170", "1312.17", "2624340"]);
    await expect(wb.pane.locator("#reference-now").innerText()).resolves.toMatch(/^In use: 1,312\.17 KRW per USD, the close of 2024-Q3/);

    await typeInto(wb, "period-text", "2024-11");
    await chooseRadio(wb, "Average");
    await button(wb, "Apply and recalculate").click();
    await paneSays(wb, /now use 1,394\.30 KRW per USD, the monthly average of 2024-11/);
    expect(await dependents(wb)).toEqual(["1394300", "1394.3", "2788600"]);
    await expectClean(wb); // no uncaught error: the old picker threw on its second use
    await wb.page.close();
  });

  it("asks before applying a typed rate outside 100–10,000, and applies it only once confirmed", async () => {
    const wb = await openWorkbook(session);
    await dependentCells(wb);
    const before = await dependents(wb);
    await referenceOption(wb, "A rate I type");
    await typeInto(wb, "manual-rate", "50");
    const question = wb.pane.getByText("50 KRW per USD is outside 100–10,000. Apply it anyway?");
    await question.waitFor({ state: "visible" });
    await button(wb, "Apply and recalculate").click();
    expect(await dependents(wb)).toEqual(before);
    await button(wb, "Apply this rate").click();
    await paneSays(wb, /now use 50 KRW per USD, typed by hand/);
    expect(await dependents(wb)).toEqual(["50000", "50", "100000"]);
    await expectClean(wb);
    await wb.page.close();
  });

  it("refuses 1,3,5,0 and says how to type a rate", async () => {
    const wb = await openWorkbook(session);
    await referenceOption(wb, "A rate I type");
    await typeInto(wb, "manual-rate", "1,3,5,0");
    await button(wb, "Apply and recalculate").click();
    await paneSays(wb, /Type a positive number of won per dollar, such as 1,350\.5 \(commas only between groups of three digits\)/);
    await expectClean(wb);
    await wb.page.close();
  });
});

/** Sets the reference rate to a typed rate, as the user does in settings. */
async function useRate(wb: PreviewPage, rate: string): Promise<void> {
  await wb.pane.getByRole("tab", { name: "Settings" }).click();
  await chooseRadio(wb, "A rate I type");
  await wb.pane.locator("#manual-rate").click();
  await wb.page.keyboard.type(rate);
  await button(wb, "Apply and recalculate").click();
  await paneSays(wb, /now use [\d,.]+ KRW per USD/);
}

/** Selects a range and cleans it from the pane's Clean amounts tab. */
async function cleanRange(wb: PreviewPage, range: string): Promise<void> {
  await wb.goTo(range);
  await wb.pane.getByRole("tab", { name: "Clean amounts" }).click();
  await button(wb, "Clean the selected amounts").click();
}

describe("cleaning pasted amounts", () => {
  it("writes numeric USD and KRW beside a pasted column, formatted ₩#,##0 and $#,##0", async () => {
    const wb = await openWorkbook(session);
    await useRate(wb, "1320");

    await wb.paste("A1", "30억 달러(약 3조9600억 원)");
    await cleanRange(wb, "A1");
    await paneSays(wb, /1 amounts converted in Sheet1!A1/);
    expect(await wb.text("B1")).toBe("$3,000,000,000");
    expect(await wb.text("C1")).toBe("₩3,960,000,000,000");
    // The article's own won figure, as published, beside the conversion.
    expect(await wb.text("D1")).toBe("₩3,960,000,000,000");
    await expectClean(wb);
    await wb.page.close();
  });

  it("reads a pasted statement column under its unit header: (단위: 억원), 5803, 1,234, (4,000), △4,000", async () => {
    const wb = await openWorkbook(session);
    await useRate(wb, "1320");
    await wb.paste("A1", "(단위: 억원)\n5803\n1,234\n(4,000)\n△4,000");
    await cleanRange(wb, "A1:A5");
    const said = await paneSays(wb, /4 amounts converted in Sheet1!A1:A5/);
    expect(said).toContain("Plain numbers were read in 억원 (10^8 KRW), as “(단위: 억원)” in Sheet1!A1 states.");
    expect([await wb.text("C2"), await wb.text("C3"), await wb.text("C4"), await wb.text("C5")]).toEqual([
      "₩580,300,000,000",
      "₩123,400,000,000",
      "-₩400,000,000,000",
      "-₩400,000,000,000",
    ]);
    expect(await wb.text("B2")).toBe("$439,621,212.12");
    // The pane's unit picker now says what it found.
    await expect(wb.pane.locator('#clean-unit fluent-option[value="auto"]').textContent()).resolves.toBe("Automatic: 억원 (10^8 KRW), from “(단위: 억원)” in Sheet1!A1");
    await expectClean(wb);
    await wb.page.close();
  });

  it("reads plain numbers in the currency picked in the pane when the header names none", async () => {
    const wb = await openWorkbook(session);
    await useRate(wb, "1320");
    await wb.paste("A1", "(In millions)\n1,234");
    await cleanRange(wb, "A1:A2");
    await paneSays(wb, /1 of them have no currency: choose one under “Currency of plain numbers”/);
    await chooseRadio(wb, "USD");
    await button(wb, "Clean the selected amounts").click();
    // The first clean's notes are there now: the pane asks before overwriting them.
    await wb.pane.locator("fluent-dialog").getByText(/cells there hold values/).waitFor();
    await button(wb, "Overwrite").click();
    await paneSays(wb, /1 amounts converted in Sheet1!A1:A2/);
    expect(await wb.text("B2")).toBe("$1,234,000,000");
    expect(await wb.text("C2")).toBe("₩1,628,880,000,000");
    await expectClean(wb);
    await wb.page.close();
  });

  it("never writes into a loaded table: names its columns in the way and writes to the next free columns", async () => {
    const wb = await openWorkbook(session);
    await useRate(wb, "1320");
    const loaded = await loadDataset(wb, "Big tech capital expenditure");
    const last = 4 + Number(/Loaded (\d+) rows/.exec(loaded)?.[1]);
    // The sheet's name needs no quotes in a formula or an address.
    const sheet = "Big_tech_capital_expenditure";
    // The table spans A:P; Q is right beside it (Excel would grow the table): R is the first free column.
    const low = await wb.text("F6");
    await cleanRange(wb, `E5:E${last}`);
    const dialog = wb.pane.locator("fluent-dialog");
    await dialog.getByText("The 3 columns to the right (F:H) are columns Low, High, Currency of the table AIFIN_bigtech_capex; AIFIN never writes into a table.").waitFor();
    await expect(button(wb, "Overwrite").isVisible()).resolves.toBe(false);
    await button(wb, `Write to ${sheet}!R5:T${last}`).click();
    await paneSays(wb, new RegExp(`\\d+ amounts converted in ${sheet}!E5:E${last}, written to ${sheet}!R5:T${last}`));
    expect(await wb.text("F6")).toBe(low);
    expect(await wb.text("H6")).toBe("USD");
    expect(await wb.text("R6")).toBe(await wb.text("E6"));
    expect(await wb.text("S6")).toMatch(/^₩[\d,]+$/);
    // The table is as it was loaded: the name box still selects A4:P<last> for it (read from the
    // preview's selection: the grid draws only the rows in view).
    await wb.goTo("AIFIN_bigtech_capex");
    const selected = await selectedRect(wb);
    expect(selected).toMatchObject({ row: 3, col: 0, rowCount: last - 3, colCount: TABLE_COLUMNS.length });
    await expectClean(wb);
    await wb.page.close();
  });
});

describe("charts", () => {
  it("charts one metric in one currency with bars named by company and period, and a second click updates that chart", async () => {
    const wb = await openWorkbook(session);
    await loadDataset(wb, "Big tech capital expenditure");
    await button(wb, "Insert a chart of AIFIN_bigtech_capex").click();
    await paneSays(wb, /AIFIN_bigtech_capex holds several metrics or currencies/);
    await button(wb, "Chart Capital expenditure in USD from AIFIN_bigtech_capex").click();
    const inserted = await paneSays(wb, /a chart of Capital expenditure in USD \(\d+ figures\) was inserted/);
    const charts = wb.page.locator("figure.chart");
    await expect(charts.count()).resolves.toBe(1);
    await expect(charts.first().getAttribute("data-chart-type")).resolves.toBe("ColumnClustered");
    await expect(charts.first().getAttribute("aria-label")).resolves.toMatch(/^Chart: Big tech capital expenditure: Capital expenditure, USD \(as of /);
    // The data block one column right of the table (A:P): one label per bar, each a company and a period.
    expect([await wb.text("R4"), await wb.text("S4")]).toEqual(["Company, period", "Capital expenditure (USD bn)"]);
    expect(await wb.text("R5")).toMatch(/^\S.* (FY)?\d{4}(-Q\d)?$/);
    expect(await wb.text("S5")).toMatch(/^[\d,.]+$/);
    expect(/\((\d+) figures\)/.exec(inserted)).not.toBeNull();

    await button(wb, "Insert a chart of AIFIN_bigtech_capex").click();
    await button(wb, "Chart Capex guidance in USD from AIFIN_bigtech_capex").click();
    const updated = await paneSays(wb, /its chart was updated to Capex guidance in USD \(\d+ figures\)/);
    const guidance = Number(/Capex guidance in USD \((\d+) figures\)/.exec(updated)?.[1]);
    await expect(charts.count()).resolves.toBe(1);
    await expect(charts.first().getAttribute("aria-label")).resolves.toMatch(/Capex guidance, USD/);
    // The capex block was longer: its rows below the guidance block are cleared.
    expect(await wb.text(`R${5 + guidance}`)).toBe("");
    await expectClean(wb);
    await wb.page.close();
  });

  it("draws the USD/KRW rates as a line over periods", async () => {
    const wb = await openWorkbook(session);
    await loadDataset(wb, "USD/KRW official and market rates");
    await button(wb, "Insert a chart of AIFIN_usd_krw_rates").click();
    await button(wb, "Chart Quarterly average in KRW from AIFIN_usd_krw_rates").click();
    await paneSays(wb, /a chart of Quarterly average in KRW \(\d+ figures\) was inserted/);
    await expect(wb.page.locator("figure.chart").first().getAttribute("data-chart-type")).resolves.toBe("Line");
    await expectClean(wb);
    await wb.page.close();
  });
});

describe("the feed URL setting", () => {
  it("refuses a feed this build's security policy would block, and says how to build for it", async () => {
    const wb = await openWorkbook(session);
    await wb.pane.getByRole("tab", { name: "Settings" }).click();
    await expect(wb.pane.locator("#feed-allowed").innerText()).resolves.toMatch(/^This build may read feeds from http:\/\/127\.0\.0\.1:\d+\./);
    await wb.pane.locator("#feed-url").click();
    await wb.page.keyboard.type("https://data.example.com/aifin");
    await button(wb, "Save feed").click();
    await paneSays(wb, /Nothing was saved: this build of AIFIN may read feeds only from http:\/\/127\.0\.0\.1:\d+, and its security policy \(Content-Security-Policy\) would block https:\/\/data\.example\.com\. To use that feed, build the add-in with AIFIN_FEED_URL=https:\/\/data\.example\.com\/aifin\/ npm run build/);
    await expectClean(wb);
    await wb.page.close();
  });
});

/**
 * The feed publishes bigtech-capex 3.0.1, in which row `k`'s figure is `value` (as its new quote
 * says); the index lists it with its fingerprint.
 * @returns the figure as published ("$64,551,520,000")
 */
function publishCorrection(k: number, value: number): string {
  const file = path.join(DIST, "datasets/bigtech-capex.json");
  const dataset = JSON.parse(fs.readFileSync(file, "utf8")) as { meta: { version: string }; rows: Array<Record<string, unknown>> };
  const published = `$${groupDigits(value)}`;
  const { alsoPublished: _dropped, ...rest } = dataset.rows[k];
  dataset.rows[k] = { ...rest, value, published, unit: "as_written", quote: `Capital expenditures were ${published}.` };
  dataset.meta.version = "3.0.1";
  const bytes = Buffer.from(JSON.stringify(dataset, null, 2));
  const index = feedIndex();
  const entry = index.datasets.find((d) => d.id === "bigtech-capex")!;
  entry.version = "3.0.1";
  entry.hash = crypto.createHash("sha256").update(bytes).digest("hex");
  session.server.override("/datasets/bigtech-capex.json", bytes, "application/json");
  session.server.override("/datasets/index.json", JSON.stringify(index), "application/json");
  return published;
}

/** The feed as built again (publishCorrection undone). */
function forgetCorrection(): void {
  session.server.override("/datasets/bigtech-capex.json", null);
  session.server.override("/datasets/index.json", null);
}

/** The first confirmed dollar figure of bigtech-capex after its first row: its index and its cell in the Value column. */
function correctableFigure(): { k: number; row: FigureRow; cell: string } {
  const shipped = datasetById("bigtech-capex");
  const k = shipped.rows.findIndex((r, i) => i > 0 && !isRateRow(r) && r.currency === "USD" && r.value !== null && r.status === "confirmed");
  return { k, row: shipped.rows[k] as FigureRow, cell: `E${5 + k}` };
}

/** The pane's question (a refresh's check, or a load of a dataset already there). */
const question = (wb: PreviewPage): Locator => wb.pane.locator("#ask-dialog");

describe("refresh checks AIFIN's cells against the data", () => {
  it("names a figure typed over and what the data says; Restore puts it back and the next refresh finds it up to date", async () => {
    const wb = await openWorkbook(session);
    await loadDataset(wb, "Big tech capital expenditure");
    const { row, cell } = correctableFigure();
    const shown = await wb.textAt(cell);
    await wb.enter(cell, "999");
    await button(wb, "Refresh all").click();
    await question(wb).getByText(`${cell}: 999, the data says ${groupDigits(row.value as number)}.`).waitFor();
    // Nothing was written before the answer.
    expect(await wb.textAt(cell)).toBe("$999");
    await button(wb, "Restore the data").click();
    await paneSays(wb, new RegExp(`Cells restored to the data \\(1\\): ${cell} \\(999\\)`));
    expect(await wb.textAt(cell)).toBe(shown);
    await button(wb, "Refresh all").click();
    await paneSays(wb, /AIFIN_bigtech_capex is up to date \(version [\d.]+, as of [\d-]+\); every cell of AIFIN's matches the data\./);
    await expectClean(wb);
    await wb.page.close();
  });

  it("keeps the edit on Keep, and reports it on every refresh without asking again", async () => {
    const wb = await openWorkbook(session);
    await loadDataset(wb, "Big tech capital expenditure");
    const { row, cell } = correctableFigure();
    await wb.enter(cell, "999");
    await button(wb, "Refresh all").click();
    await question(wb).getByText(`${cell}: 999, the data says ${groupDigits(row.value as number)}.`).waitFor();
    await button(wb, "Keep my edits").click();
    const kept = new RegExp(`Cells that keep your edits \\(1\\): ${cell} \\(999\\)`);
    await paneSays(wb, kept);
    expect(await wb.textAt(cell)).toBe("$999");
    await button(wb, "Dismiss").click();
    await button(wb, "Refresh all").click();
    await paneSays(wb, kept);
    await expect(question(wb).isVisible()).resolves.toBe(false);
    expect(await wb.textAt(cell)).toBe("$999");
    await expectClean(wb);
    await wb.page.close();
  });
});

describe("tables tracked by Excel's ids", () => {
  afterEach(forgetCorrection);

  it("finds a table and its sheet renamed in the workbook, and refreshes them", async () => {
    const wb = await openWorkbook(session);
    await loadDataset(wb, "Big tech capital expenditure");
    // The table renamed in the Table Name box, the sheet by double-clicking its tab, as in Excel.
    await wb.select("B6");
    const tableName = wb.page.getByLabel("Table name", { exact: true });
    await expect(tableName.inputValue()).resolves.toBe("AIFIN_bigtech_capex");
    // Excel refuses a table name with a space, and says so; the table keeps its name.
    await tableName.fill("My Capex");
    await tableName.press("Enter");
    await expect(wb.status.textContent()).resolves.toMatch(/table name 'My Capex'/);
    await tableName.fill("MyCapex");
    await tableName.press("Enter");
    await wb.sheetTab("Big_tech_capital_expenditure").dblclick();
    const sheetName = wb.page.getByLabel("Sheet name", { exact: true });
    await sheetName.fill("Capex");
    await sheetName.press("Enter");
    await wb.sheetTab("Capex").waitFor();
    await wb.goTo("MyCapex");
    await expect(wb.cell("A4").getAttribute("aria-selected")).resolves.toBe("true");

    const { k, row, cell } = correctableFigure();
    const newValue = (row.value as number) + 520_000_000;
    const published = publishCorrection(k, newValue);
    await button(wb, "Refresh all").click();
    await paneSays(wb, /MyCapex \(renamed from AIFIN_bigtech_capex\): 1 updated, 0 added, 0 removed/);
    await paneSays(wb, /Its sheet Big_tech_capital_expenditure is now called Capex\./);
    expect(await wb.textAt(cell)).toBe(published);
    await expectClean(wb);
    await wb.page.close();
  });
});

describe("loading a dataset already in the workbook", () => {
  it("asks: Refresh that table refreshes it, Add a copy loads a second table on its own sheet", async () => {
    const wb = await openWorkbook(session);
    await loadDataset(wb, "Big tech capital expenditure");
    await button(wb, "Load dataset").click();
    await question(wb).getByText("“Big tech capital expenditure” is already loaded as the table AIFIN_bigtech_capex (sheet Big_tech_capital_expenditure). Refresh that table, or add a copy?").waitFor();
    await button(wb, "Refresh that table").click();
    await paneSays(wb, /AIFIN_bigtech_capex is up to date .*every cell of AIFIN's matches the data/);
    await expect(wb.page.getByRole("tablist", { name: "Sheets" }).getByRole("tab").count()).resolves.toBe(2);

    await button(wb, "Load dataset").click();
    await question(wb).getByText(/is already loaded as the table AIFIN_bigtech_capex/).waitFor();
    await button(wb, "Add a copy").click();
    await paneSays(wb, /into the table AIFIN_bigtech_capex_2 on Big_tech_capital_expenditure_2\./);
    await wb.sheetTab("Big_tech_capital_expenditure_2").waitFor();
    await expectClean(wb);
    await wb.page.close();
  });
});

describe("refreshing from the feed", () => {
  afterEach(forgetCorrection);

  it("updates a changed figure in place; the user's column and a formula on the table survive", async () => {
    const wb = await openWorkbook(session);
    await loadDataset(wb, "Big tech capital expenditure");
    const sheet = "Big_tech_capital_expenditure";
    const shipped = datasetById("bigtech-capex");
    const n = shipped.rows.length;
    // The figure the new version corrects: a confirmed dollar figure, not the first row.
    const { k, row: old } = correctableFigure();
    const oldValue = old.value as number;
    const newValue = oldValue + 520_000_000;
    const r = 5 + k;
    expect([await wb.textAt(`A${r}`), await wb.textAt(`E${r}`)]).toEqual([companyName(old.company, "en"), shownValue(old)]);

    // The user's own column beside the table, and a formula elsewhere that refers to the table.
    const user = String.fromCharCode(65 + TABLE_COLUMNS.length);
    await wb.enter(`${user}4`, "In KRW");
    await wb.enter(`${user}5`, "=AIFIN.USD_TO_KRW(E5, 1320)");
    expect(await wb.textAt(`${user}${r}`)).toBe(String(oldValue * 1320));
    await wb.sheetTab("Sheet1").click();
    await wb.enter("A1", `=SUM(${sheet}!E5:E${4 + n})`);
    const sumBefore = Number(await wb.text("A1"));

    // The feed publishes version 3.0.1: that figure is now 520 million dollars more, as its new quote says.
    const published = publishCorrection(k, newValue);

    await wb.pane.getByRole("tab", { name: "Datasets" }).click();
    await button(wb, "Refresh all").click();
    await paneSays(wb, /AIFIN_bigtech_capex: 1 updated, 0 added, 0 removed/);

    expect(Number(await wb.text("A1")) - sumBefore).toBe(520_000_000);
    await wb.sheetTab(sheet).click();
    expect([await wb.textAt(`A${r}`), await wb.textAt(`E${r}`)]).toEqual([companyName(old.company, "en"), published]);
    expect(await wb.textAt(`M${r}`)).toBe(`Capital expenditures were ${published}.`);
    expect(await wb.textAt(`${user}4`)).toBe("In KRW");
    expect(await wb.textAt(`${user}${r}`)).toBe(String(newValue * 1320));
    // The row keeps its link to its document.
    const source = shipped.meta.sources.find((x) => x.id === old.source);
    expect(await wb.linkAt(`${SOURCE_COLUMN}${r}`)).toBe(source?.url ?? null);
    await expectClean(wb);
    await wb.page.close();
  });
});

describe("the pane's language", () => {
  it("switches to Korean and back", async () => {
    const wb = await openWorkbook(session);
    await chooseRadio(wb, "한국어");
    await wb.pane.getByRole("tab", { name: "데이터셋" }).waitFor();
    await expect(button(wb, "데이터셋 불러오기").isVisible()).resolves.toBe(true);
    await expect(wb.pane.getByRole("tab", { name: "설정" }).isVisible()).resolves.toBe(true);

    await chooseRadio(wb, "English");
    await wb.pane.getByRole("tab", { name: "Datasets" }).waitFor();
    await expect(button(wb, "Load dataset").isVisible()).resolves.toBe(true);
    await expectClean(wb);
    await wb.page.close();
  });

  it("follows Office's display language when it is Korean", async () => {
    const wb = await openWorkbook(session, "ko-KR");
    await wb.pane.getByRole("tab", { name: "데이터셋" }).waitFor();
    await expectClean(wb);
    await wb.page.close();
  });
});

afterAll(() => {
  // Keep the artifacts directory even when no screenshot was taken (CI collects it).
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});
