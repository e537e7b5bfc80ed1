/* Counted, not guessed: the context.sync calls a load and a refresh make for datasets of 1,000,
 * 10,000 and 100,000 cells, on the simulated workbook of fake-excel.ts (office-addin-mock).
 * For `npm run bench`:
 *
 *   import { syncCounts } from "../test/taskpane/sync-count";
 *   result.load_syncs = await syncCounts();   // { "1k": {load, refresh}, "10k": …, "100k": … }
 */
import { loadDataset } from "../../src/taskpane/excel/load";
import { refreshTables } from "../../src/taskpane/excel/refresh";
import type { Dataset } from "../../src/core/data/schema";
import { TABLE_COLUMNS } from "../../src/core/sheet/plan";
import { fakeExcel, WorkbookModel } from "./fake-excel";
import { syntheticDataset, type SyntheticOptions } from "./synthetic";

export interface SyncMeasure {
  /** Cells of the dataset table (rows × columns). */
  readonly cells: number;
  readonly rows: number;
  /** context.sync calls of the load. */
  readonly load: number;
  /** context.sync calls of a refresh to a new version with every value changed and one row added, its cells checked first against the version loaded. */
  readonly refresh: number;
  /** Bytes carried by each request of the load. */
  readonly loadRequests: number[];
  readonly refreshRequests: number[];
  /** Bytes brought back by each sync of the load. */
  readonly loadResponses: number[];
  /** Bytes loaded by each sync of the refresh (values, formulas and formats of the whole table: the snapshot it can undo from). */
  readonly refreshResponses: number[];
}

const NOW = "2025-01-15T09:30:00.000Z";

/**
 * Loads a synthetic dataset of about `cells` cells into a new simulated workbook, then refreshes
 * it to a version with every figure changed and a row more (checking its cells against the version
 * loaded first, as the pane does); counts the syncs of each.
 */
export async function measureSyncs(cells: number, options: SyntheticOptions = {}): Promise<SyncMeasure> {
  const v1 = syntheticDataset(cells, options);
  const bigger = syntheticDataset(cells + TABLE_COLUMNS.length, { ...options, version: "2.0.0", scale: 2 });
  const v2: Dataset = { meta: { ...bigger.meta, asOf: "2025-01-01" }, rows: bigger.rows };
  const model = new WorkbookModel();
  const loading = fakeExcel(model);
  const loaded = await loadDataset(loading.context, { dataset: v1, lang: "en", target: "newSheet", hash: null, now: NOW });
  if (loaded.kind !== "loaded") throw new Error("load refused");
  const refreshing = fakeExcel(model);
  const refreshed = await refreshTables(refreshing.context, { items: [{ record: loaded.record, dataset: v2, recorded: v1, hash: null }], now: NOW });
  if (refreshed.outcomes[0]?.kind !== "refreshed") throw new Error(`refresh: ${refreshed.outcomes[0]?.kind}`);
  return {
    cells: v1.rows.length * TABLE_COLUMNS.length,
    rows: v1.rows.length,
    load: loading.log.syncs,
    refresh: refreshing.log.syncs,
    loadRequests: loading.log.requests,
    refreshRequests: refreshing.log.requests,
    loadResponses: loading.log.responses,
    refreshResponses: refreshing.log.responses,
  };
}

/** Syncs and bytes of one action: the requests' bytes, the responses' bytes, the largest of each. */
export interface Payloads {
  readonly syncs: number;
  readonly request_bytes: number[];
  readonly response_bytes: number[];
  readonly largest_request_bytes: number;
  readonly largest_response_bytes: number;
}

function payloads(syncs: number, requests: number[], responses: number[]): Payloads {
  return { syncs, request_bytes: requests, response_bytes: responses, largest_request_bytes: Math.max(0, ...requests), largest_response_bytes: Math.max(0, ...responses) };
}

/**
 * For the bench: the syncs and the bytes of each request and response of a 100,000-cell load and
 * of its refresh (every figure changed, a row added), against Excel on the web's 5,000,000 a request.
 * @param options - e.g. { padding: "x".repeat(1000) } for long text in every row
 */
export async function payloads100k(options: SyntheticOptions = {}): Promise<{ load: Payloads; refresh: Payloads }> {
  const m = await measureSyncs(100_000, options);
  return { load: payloads(m.load, m.loadRequests, m.loadResponses), refresh: payloads(m.refresh, m.refreshRequests, m.refreshResponses) };
}

/**
 * The sync counts for the bench: load and refresh of 1k, 10k and 100k-cell datasets.
 * @example await syncCounts() // { "1k": { load: 3, refresh: 3 }, "10k": …, "100k": … }
 */
export async function syncCounts(): Promise<Record<"1k" | "10k" | "100k", { load: number; refresh: number }>> {
  const out = {} as Record<"1k" | "10k" | "100k", { load: number; refresh: number }>;
  for (const [label, cells] of [["1k", 1_000], ["10k", 10_000], ["100k", 100_000]] as const) {
    const m = await measureSyncs(cells);
    out[label] = { load: m.load, refresh: m.refresh };
  }
  return out;
}
