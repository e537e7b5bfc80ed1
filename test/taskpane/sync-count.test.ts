import { parseDataset } from "../../src/core/data/schema";
import { REQUEST_LIMIT_BYTES, CHUNK_BYTES } from "../../src/core/sheet/chunk";
import { TABLE_COLUMNS } from "../../src/core/sheet/plan";
import { measureSyncs, payloads100k, syncCounts } from "./sync-count";
import { syntheticDataset } from "./synthetic";

describe("sync counts (counted on the simulated workbook)", () => {
  it("the synthetic datasets are valid datasets", () => {
    for (const cells of [1_000, 100_000]) expect(parseDataset(syntheticDataset(cells)).ok).toBe(true);
  });

  // A load: the read, the write, and the record saved with Excel's ids of the tables it made
  // (known only once the write is synced), so that a rename right after loading loses nothing.
  // At 100,000 cells every row's Source link (every source has a URL) takes the write past
  // 4,000,000 bytes by our count, so it goes in two requests.
  it.each([
    [1_000, 3, 3],
    [10_000, 3, 3],
    [100_000, 4, 4],
  ])("%d cells: load in %d syncs, refresh in %d", async (cells, load, refresh) => {
    const m = await measureSyncs(cells);
    expect(m.cells).toBeGreaterThanOrEqual(cells - TABLE_COLUMNS.length);
    expect(m.load).toBe(load);
    expect(m.refresh).toBe(refresh);
    for (const bytes of [...m.loadRequests, ...m.refreshRequests]) expect(bytes).toBeLessThanOrEqual(CHUNK_BYTES);
    // The reads bring back the snapshot a failed write is undone from, in slices under the limit.
    for (const bytes of [...m.loadResponses, ...m.refreshResponses]) expect(bytes).toBeLessThanOrEqual(CHUNK_BYTES);
  }, 60_000);

  it("splits a load past 4,000,000 bytes into requests that fit, and reads the table back in slices that fit", async () => {
    // About 6,400 rows with a 1 KB note each: 7.7 MB of values written, twice that read back (values and formulas).
    const m = await measureSyncs(90_000, { padding: "x".repeat(1_000) });
    const total = m.loadRequests.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(REQUEST_LIMIT_BYTES);
    expect(m.refreshResponses.reduce((a, b) => a + b, 0)).toBeGreaterThan(2 * REQUEST_LIMIT_BYTES);
    // Load: one read, then three write requests (values, formats, then the links) and the record
    // with Excel's ids; refresh: the
    // tables found, at least four reads (13 MB in slices under 4,000,000 bytes) and two write
    // requests (no links: none changed), and not many more than that.
    expect(m.load).toBe(5);
    expect(m.refresh).toBeGreaterThanOrEqual(1 + 4 + 2);
    expect(m.refresh).toBeLessThanOrEqual(10);
    for (const bytes of [...m.loadRequests, ...m.refreshRequests]) expect(bytes).toBeLessThanOrEqual(CHUNK_BYTES);
    for (const bytes of m.refreshResponses) expect(bytes).toBeLessThanOrEqual(CHUNK_BYTES);
  }, 60_000);

  it("gives the bench its figures", async () => {
    expect(await syncCounts()).toEqual({ "1k": { load: 3, refresh: 3 }, "10k": { load: 3, refresh: 3 }, "100k": { load: 4, refresh: 4 } });
    const p = await payloads100k();
    expect(p.refresh).toMatchObject({ syncs: 4, largest_response_bytes: expect.any(Number) });
    expect(p.refresh.response_bytes.length).toBe(4);
    expect(p.refresh.largest_response_bytes).toBeLessThanOrEqual(CHUNK_BYTES);
  }, 120_000);
});
