/* Speed of the preview, measured in the same run as its baseline (machines are shared and noisy):
 *
 *   engineRatioCustomVsNative()  recalculating N cells of =AIFIN.USD_TO_KRW(A1, 1320) versus
 *                                =ROUND(A1*1320, 0) in the preview engine (HyperFormula + the
 *                                function bridge + the BUILT dist/functions.js), node only
 *   taskpaneReadyMs()            Chromium: preview page navigation → the pane's Office.onReady ran
 *                                and painted; the median of several loads (needs the preview
 *                                built in dist/, see webpack.preview.config.js)
 *
 *   npx tsx preview/bench.ts   prints { engine_ratio_custom_vs_native, taskpane_ready_ms, … }
 *
 * Paths are taken from the working directory (the repository root under npm), so the functions
 * also work when bench/bench.ts bundles this file; playwright-core and the static server are
 * loaded at run time, never bundled.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import { createCustomFunctionsRuntime } from "./engine/custom-functions-runtime";
import { parseFunctionsMetadata, type FunctionsMetadata } from "./engine/functions-metadata";
import { Workbook } from "./engine/workbook";

const ROOT = path.resolve(process.env.AIFIN_ROOT ?? process.cwd());
const DIST = path.join(ROOT, "dist");

/**
 * The built functions bundle, run in a fresh context whose CustomFunctions records its registrations.
 * @param metadata - functions.json as built (default), or another version of it to try
 */
export function loadBuiltFunctions(dist = DIST, metadata?: FunctionsMetadata): { workbook: Workbook } {
  const bundle = path.join(dist, "functions.js");
  const metadataFile = path.join(dist, "functions.json");
  if (!fs.existsSync(bundle) || !fs.existsSync(metadataFile)) throw new Error(`${dist} has no functions.js / functions.json: run npm run build first.`);
  const runtime = createCustomFunctionsRuntime();
  const context: Record<string, unknown> = { CustomFunctions: runtime, console };
  context.self = context;
  context.window = context;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(bundle, "utf8"), context, { filename: bundle });
  const workbook = new Workbook({
    namespace: "AIFIN",
    metadata: metadata ?? parseFunctionsMetadata(fs.readFileSync(metadataFile, "utf8")),
    functions: {
      lookup: (id) => runtime.registrations.functions.get(id),
      makeError: (code, message) => new runtime.Error(code, message),
    },
  });
  return { workbook };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Recalculation time of `cells` custom-function cells against as many native ones, same engine, same run.
 * @returns the ratio (custom / native, median of `rounds`) and both medians in ms
 */
export function engineRatioCustomVsNative(options: { cells?: number; rounds?: number; dist?: string } = {}) {
  const cells = options.cells ?? 10_000;
  const rounds = options.rounds ?? 7;
  const { workbook: wb } = loadBuiltFunctions(options.dist);
  const sheet = wb.sheets[0];
  const hf = wb.hf;
  const id = sheet.hfId;
  const inputs = (seed: number) => Array.from({ length: cells }, (_, i) => [Math.round(((i * 7919 + seed * 104729) % 1_000_000_000) * 100 + (i % 100)) / 100]);
  // Columns: A inputs → B custom; D inputs → E native.
  hf.setCellContents({ sheet: id, row: 0, col: 0 }, inputs(1));
  hf.setCellContents({ sheet: id, row: 0, col: 3 }, inputs(1));
  hf.setCellContents({ sheet: id, row: 0, col: 1 }, Array.from({ length: cells }, (_, i) => [`=AIFIN.USD_TO_KRW(A${i + 1}, 1320)`]));
  hf.setCellContents({ sheet: id, row: 0, col: 4 }, Array.from({ length: cells }, (_, i) => [`=ROUND(D${i + 1}*1320, 0)`]));
  const check = hf.getCellValue({ sheet: id, row: 0, col: 1 });
  if (typeof check !== "number") throw new Error(`=AIFIN.USD_TO_KRW did not calculate in the preview engine: ${JSON.stringify(check)}`);
  const custom: number[] = [];
  const native: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const values = inputs(r + 2);
    let t = performance.now();
    hf.setCellContents({ sheet: id, row: 0, col: 0 }, values);
    custom.push(performance.now() - t);
    t = performance.now();
    hf.setCellContents({ sheet: id, row: 0, col: 3 }, values);
    native.push(performance.now() - t);
  }
  const c = median(custom);
  const n = median(native);
  return { ratio: Math.round((c / n) * 100) / 100, customMs: Math.round(c * 10) / 10, nativeMs: Math.round(n * 10) / 10, cells };
}

/**
 * Milliseconds from loading the preview page to the pane's Office.onReady having run and painted,
 * in Debian's Chromium (median of `loads` fresh loads).
 */
export async function taskpaneReadyMs(options: { loads?: number; dist?: string; executablePath?: string } = {}) {
  const loads = options.loads ?? 5;
  const serverModule = pathToFileURL(path.join(ROOT, "scripts/preview-server.cjs")).href;
  const { startStaticServer } = (await import(/* webpackIgnore: true */ serverModule)) as typeof import("../scripts/preview-server.cjs");
  const { chromium } = (await import(/* webpackIgnore: true */ "playwright-core")) as typeof import("playwright-core");
  const server = await startStaticServer({ root: options.dist ?? DIST });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "aifin-bench-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.executablePath ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
  try {
    const times: number[] = [];
    for (let i = 0; i < loads; i++) {
      const page = await context.newPage();
      await page.goto(`${server.url}preview/`);
      await page.waitForSelector("html[data-pane-ready]", { timeout: 30_000 });
      times.push(await page.evaluate(() => (window as unknown as { aifinPreview: { paneReadyMs: number } }).aifinPreview.paneReadyMs));
      await page.close();
    }
    return { median: median(times), loads: times };
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  (async () => {
    const engine = engineRatioCustomVsNative();
    const ready = await taskpaneReadyMs();
    console.log(
      JSON.stringify(
        {
          engine_ratio_custom_vs_native: engine.ratio,
          engine_custom_ms: engine.customMs,
          engine_native_ms: engine.nativeMs,
          engine_cells: engine.cells,
          taskpane_ready_ms: ready.median,
          taskpane_ready_loads_ms: ready.loads,
        },
        null,
        2,
      ),
    );
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
