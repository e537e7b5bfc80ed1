/* Measured, not guessed: the task pane's heap while it prepares a 100,000-cell load, against the
 * size of the values themselves. For `npm run bench`:
 *
 *   import { peakHeapLoad100k } from "../test/taskpane/heap";
 *   result.peak_heap_mb_load_100k = await peakHeapLoad100k();   // { peak_heap_mb, values_mb, ratio, … }
 *
 * What is measured. loadDataset (the adapter the Load button runs: planLoad, then the write steps
 * queued request by request) runs against a recording request context that does what Office.js
 * does with the add-in's writes: it keeps a reference to every value assigned or passed until the
 * sync, then serializes the request (JSON) and lets it all go. The heap is sampled with
 * process.memoryUsage().heapUsed at each sync, after a full garbage collection, so a sample is the
 * memory the pane holds live at that moment (the plan, the steps, the queued writes), not garbage
 * waiting to be collected: `peak_heap_mb` is the largest sample, less the heap before the load
 * began (the dataset itself, already in the pane's catalogue, is not counted). The request JSON
 * is Office.js's, not the pane's: `request_json_mb` reports it apart.
 *
 * The size of the values (`values_mb`): the cells of the dataset table (100,000 cells: 6,250 rows
 * of 16 columns), each text cell at 2 bytes per UTF-16 code unit (as a JavaScript string holds it
 * at most), each number or boolean at 8 bytes, an empty cell at 0. `ratio` = peak / values.
 *
 * Garbage collection: global.gc when node runs with --expose-gc; otherwise the function exposes it
 * itself (v8.setFlagsFromString + vm), so `node .bench/bench.cjs` needs no flag. Without any gc
 * (`gc: false` in the result) the samples include garbage and read higher. */
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import type { Dataset } from "../../src/core/data/schema";
import { planLoad, type Cell } from "../../src/core/sheet/plan";
import { loadDataset } from "../../src/taskpane/excel/load";
import { syntheticDataset } from "./synthetic";

export interface HeapFigure {
  /** The most the pane held live while preparing and queuing the load, in MB (10^6 bytes). */
  readonly peak_heap_mb: number;
  /** The size of the values written (see above), in MB. */
  readonly values_mb: number;
  /** peak_heap_mb / values_mb: the aim is ≤ 3. */
  readonly ratio: number;
  /** The largest request JSON Office.js would build from the queued writes, in MB (not in the peak). */
  readonly request_json_mb: number;
  /** Cells of the dataset table. */
  readonly cells: number;
  /** Whether samples were taken after a full garbage collection. */
  readonly gc: boolean;
}

const MB = 1_000_000;

/** The garbage collector, exposed if node was not started with --expose-gc. */
function collector(): (() => void) | null {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === "function") return existing;
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as unknown;
    return typeof gc === "function" ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

/**
 * The size of cells as defined above: 2 bytes per UTF-16 code unit of text, 8 per number or boolean.
 * @example valuesBytes([["ab", 1, ""]]) // 12
 */
export function valuesBytes(rows: readonly (readonly Cell[])[]): number {
  let bytes = 0;
  for (const row of rows) for (const cell of row) bytes += typeof cell === "string" ? 2 * cell.length : 8;
  return bytes;
}

/**
 * A request context that records like Office.js: every value assigned to a proxy property or passed
 * to a proxy method is held until the next sync; the sync serializes them and lets them go.
 */
function recordingContext(onSync: (pending: unknown[]) => void): Excel.RequestContext {
  let pending: unknown[] = [];
  const proxy = (): unknown =>
    new Proxy(function () {}, {
      get(_, prop) {
        if (prop === "items") return []; // no sheets, tables or names yet: a new workbook
        if (prop === "isNullObject") return true;
        if (prop === "then" || prop === "toJSON" || typeof prop === "symbol") return undefined;
        return proxy();
      },
      set(_, __, value) {
        pending.push(value);
        return true;
      },
      apply(_, __, args) {
        if (args.length > 0) pending.push(args);
        return proxy();
      },
    });
  return {
    workbook: proxy(),
    sync: async () => {
      onSync(pending);
      pending = [];
    },
  } as unknown as Excel.RequestContext;
}

/**
 * Measures the pane's heap while preparing the load of `dataset` (see the top of this file).
 * @param dataset - the dataset to load (already in memory, not counted)
 */
export async function peakHeapOfLoad(dataset: Dataset): Promise<HeapFigure> {
  const gc = collector();
  const heap = () => {
    gc?.();
    return process.memoryUsage().heapUsed;
  };
  const values = valuesBytes(planLoad(dataset, "en").table.rows);
  const cells = dataset.rows.length * planLoad({ ...dataset, rows: dataset.rows.slice(0, 1) }, "en").table.columns.length;
  let requestJson = 0;
  // Twice: the first run warms up the code (compiled functions and their caches are not data).
  let peak = 0;
  for (let run = 0; run < 2; run++) {
    const base = heap();
    peak = 0;
    requestJson = 0;
    const context = recordingContext((pending) => {
      peak = Math.max(peak, heap() - base);
      // What Office.js sends: measured apart, then let go with the queued writes.
      requestJson = Math.max(requestJson, JSON.stringify(pending).length);
    });
    const result = await loadDataset(context, { dataset, lang: "en", target: "newSheet", hash: null, now: "2025-01-15T09:30:00.000Z" });
    if (result.kind !== "loaded") throw new Error("load refused");
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    peak_heap_mb: round(peak / MB),
    values_mb: round(values / MB),
    ratio: round(peak / values),
    request_json_mb: round(requestJson / MB),
    cells,
    gc: gc !== null,
  };
}

/**
 * The bench figure `peak_heap_mb_load_100k`: the heap of preparing a load of a 100,000-cell
 * synthetic dataset (test/taskpane/synthetic.ts), against the size of its values.
 * @example await peakHeapLoad100k() // { peak_heap_mb: 4.1, values_mb: 1.9, ratio: 2.2, … }
 */
export async function peakHeapLoad100k(): Promise<HeapFigure> {
  return peakHeapOfLoad(syntheticDataset(100_000));
}
