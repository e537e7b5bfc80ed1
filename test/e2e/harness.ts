/* What every end-to-end test uses: a static server over dist/ on 127.0.0.1 (random port), Debian's
 * Chromium through playwright-core with a new empty profile, the network outside loopback refused
 * (and recorded), and a page object that works the preview workbook the way a person does: by the
 * grid's cells (labelled "A1"), the name box, the formula bar, the sheet tabs and the pane. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type FrameLocator, type Locator, type Page } from "playwright-core";
import { startStaticServer, type StaticServer } from "../../scripts/preview-server.cjs";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.resolve(process.env.AIFIN_DIST ?? path.join(ROOT, "dist"));
/** Screenshots and other artifacts (gitignored). */
export const ARTIFACTS = path.join(ROOT, "test-results");

/** Debian's Chromium, with the flags checked on these machines (platform.md). */
export const CHROMIUM = process.env.AIFIN_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

export interface Session {
  readonly server: StaticServer;
  readonly context: BrowserContext;
  /** Requests to anything but the loopback server (refused). */
  readonly externalRequests: string[];
  close(): Promise<void>;
}

/** Starts the server and the browser (one per test file). */
export async function startSession(): Promise<Session> {
  const server = await startStaticServer({ root: DIST });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "aifin-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: "en-US",
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const externalRequests: string[] = [];
  const origin = new URL(server.url).origin;
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    externalRequests.push(url);
    return route.abort("blockedbyclient");
  });
  return {
    server,
    context,
    externalRequests,
    async close() {
      await context.close();
      await server.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The preview workbook in one page, worked through its UI. */
export class PreviewPage {
  /** Console errors and uncaught exceptions of the page and the pane. */
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on("pageerror", (e) => this.errors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") this.errors.push(`console: ${m.text()}`);
    });
  }

  /** A cell of the active sheet's grid, by its address ("B3"). */
  cell(address: string): Locator {
    return this.page.getByRole("grid").getByRole("gridcell", { name: address, exact: true });
  }

  /** Waits until the workbook has no calculation pending and the grid has painted it. */
  async settle(): Promise<void> {
    await this.page.waitForFunction(() => document.getElementById("calc-state")?.textContent === "Ready");
    await this.page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  }

  /** What the cell shows. */
  async text(address: string): Promise<string> {
    await this.settle();
    return ((await this.cell(address).textContent()) ?? "").trim();
  }

  /** What a cell shows, going to it through the name box first when the grid has not drawn it (out of view). */
  async textAt(address: string): Promise<string> {
    await this.settle();
    if ((await this.cell(address).count()) === 0) await this.goTo(address);
    return this.text(address);
  }

  /** The address a cell links to (the grid draws a link as an <a>), or null; going to the cell first when out of view. */
  async linkAt(address: string): Promise<string | null> {
    await this.settle();
    if ((await this.cell(address).count()) === 0) await this.goTo(address);
    const link = this.cell(address).locator("a");
    return (await link.count()) === 0 ? null : link.getAttribute("href");
  }

  /** The reason shown for an error (the cell's tooltip). */
  async tooltip(address: string): Promise<string | null> {
    await this.settle();
    return this.cell(address).getAttribute("title");
  }

  get nameBox(): Locator {
    return this.page.getByLabel("Name box", { exact: true });
  }

  get formulaBar(): Locator {
    return this.page.getByLabel("Formula bar", { exact: true });
  }

  get status(): Locator {
    return this.page.getByRole("status");
  }

  get pane(): FrameLocator {
    return this.page.frameLocator('iframe[title="AIFIN task pane"]');
  }

  sheetTab(name: string): Locator {
    return this.page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true });
  }

  /** Goes to a cell or range through the name box, as a person does for cells out of view. */
  async goTo(address: string): Promise<void> {
    await this.nameBox.fill(address);
    await this.nameBox.press("Enter");
    // The grid scrolls to the range and repaints its selection on the next frames.
    await this.settle();
  }

  /** Clicks a cell (it becomes the active cell). */
  async select(address: string): Promise<void> {
    if (await this.cell(address).isVisible()) await this.cell(address).click();
    else await this.goTo(address);
  }

  /** Types into a cell and presses Enter, as a person enters a value or formula. */
  async enter(address: string, text: string): Promise<void> {
    await this.select(address);
    await this.page.keyboard.type(text);
    await this.page.keyboard.press("Enter");
  }

  /** Pastes plain text (tabs and newlines make a block) at a cell, through the clipboard and Ctrl+V. */
  async paste(address: string, text: string): Promise<void> {
    await this.select(address);
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.page.keyboard.press("ControlOrMeta+V");
  }

  /** The problems the preview found in the add-in (unimplemented API calls, registrations). */
  async problems(): Promise<string[]> {
    return this.page.locator("#problems li").allTextContents();
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, name);
    await this.page.screenshot({ path: file });
    return file;
  }
}

/**
 * Opens the preview workbook and waits until the pane's Office.onReady ran.
 * @param lang - Office's display language the preview reports ("en-US", "ko-KR")
 */
export async function openWorkbook(session: Session, lang = "en-US"): Promise<PreviewPage> {
  const page = await session.context.newPage();
  const preview = new PreviewPage(page);
  await page.goto(`${session.server.url}preview/?lang=${encodeURIComponent(lang)}`);
  await page.waitForSelector("html[data-pane-ready]", { timeout: 30_000 });
  return preview;
}

/** Reads dist/functions.json. */
export function builtFunctionIds(): string[] {
  const json = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as { functions: { id: string }[] };
  return json.functions.map((f) => f.id);
}
