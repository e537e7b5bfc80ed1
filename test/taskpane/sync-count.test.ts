import { parseDataset } from "../../src/core/data/schema";
import { REQUEST_LIMIT_BYTES, CHUNK_BYTES } from "../../src/core/sheet/chunk";
import { TABLE_COLUMNS } from "../../src/core/sheet/plan";
import { measureSyncs, syncCounts } from "./sync-count";
import { syntheticDataset } from "./synthetic";

describe("sync counts (counted on the simulated workbook)", () => {
  it("the synthetic datasets are valid datasets", () => {
    for (const cells of [1_000, 100_000]) expect(parseDataset(syntheticDataset(cells)).ok).toBe(true);
  });

  it.each([
    [1_000, 2, 3],
    [10_000, 2, 3],
    [100_000, 2, 3],
  ])("%d cells: load in %d syncs, refresh in %d (at most 3)", async (cells, load, refresh) => {
    const m = await measureSyncs(cells);
    expect(m.cells).toBeGreaterThanOrEqual(cells - TABLE_COLUMNS.length);
    expect(m.load).toBe(load);
    expect(m.refresh).toBe(refresh);
    for (const bytes of [...m.loadRequests, ...m.refreshRequests]) expect(bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    // The read sync also brings back the snapshot a failed write is undone from: still under 5 MB.
    for (const bytes of m.refreshResponses) expect(bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
  }, 60_000);

  it("splits a load past 5 MB into requests of at most 4 MB", async () => {
    // About 6,400 rows with a 1 KB note each: more than 5 MB of values.
    const m = await measureSyncs(90_000, { padding: "x".repeat(1_000) });
    const total = m.loadRequests.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(REQUEST_LIMIT_BYTES);
    // About 7.1 MB of writes (values, formats, then the links): one read, then three requests of
    // under 4 MB; the refresh writes no links (two reads first, then two requests).
    expect(m.load).toBe(4);
    expect(m.refresh).toBe(4);
    for (const bytes of m.loadRequests) expect(bytes).toBeLessThanOrEqual(CHUNK_BYTES);
    for (const bytes of m.refreshRequests) expect(bytes).toBeLessThanOrEqual(CHUNK_BYTES);
  }, 60_000);

  it("gives the bench its figures", async () => {
    expect(await syncCounts()).toEqual({ "1k": { load: 2, refresh: 3 }, "10k": { load: 2, refresh: 3 }, "100k": { load: 2, refresh: 3 } });
  }, 120_000);
});
