/* Feed faults (issue 6, item 3): unreachable, slow, malformed JSON, valid JSON failing the schema,
 * a file over the size cap (declared, lying or absent Content-Length), a version older than the
 * one loaded, a hash that does not match the index. Each one leaves the workbook byte for byte as
 * it was (Excel is not even called), the records in the workbook's settings, and the pane's last
 * good data, and says what happened in the user's language. */
import { datasetById } from "../../src/core/data/catalog";
import type { Dataset } from "../../src/core/data/schema";
import { loadCatalog, loadSelected, refresh, start } from "../../src/taskpane/actions";
import { FeedFetchError, MAX_FEED_BYTES, compareVersions, findDowngrade, type FeedIO } from "../../src/taskpane/feed";
import { FEED_TIMEOUT_MS, httpFeed, type FetchLike, type FetchResponseLike } from "../../src/taskpane/feed-http";
import { UI, t, type UiKey } from "../../src/taskpane/i18n";
import { SETTING_KEYS } from "../../src/taskpane/records";
import { allDatasets } from "../../src/core/data/catalog";
import { FakeFeed, FEED, ManualTimer, sha256 } from "./fake-feed";
import { harness, type Harness } from "./harness";
import { FIXTURE } from "./fixture";

const INDEX = `${FEED}index.json`;
/** The dataset the pane loads, and the feed republishes broken. */
const LOADED = FIXTURE.meta.id;
const FILE = `${FEED}${LOADED}.json`;
const loadedData = (): Dataset => FIXTURE;

/** A regular expression matching any rendering of a catalogue sentence. */
function sentence(key: UiKey, lang: "en" | "ko"): RegExp {
  const parts = UI[key][lang].split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("[\\s\\S]*")}$`);
}

const bump = (d: Dataset, version: string, change: (rows: Dataset["rows"]) => Dataset["rows"] = (r) => r): Dataset => ({
  meta: { ...d.meta, version, asOf: "2025-02-01" },
  rows: change([...d.rows]),
});

/** Publishes a new version of the loaded dataset with the others unchanged. */
function republish(feed: FakeFeed, dataset: Dataset): void {
  feed.publish([dataset, ...allDatasets()]);
}

/** Sets the index entry's hash to that of the bytes now served for the file (so the hash check passes). */
function rehash(feed: FakeFeed): void {
  const index = JSON.parse(new TextDecoder().decode(feed.files.get(INDEX) as Uint8Array)) as { datasets: Array<{ id: string; hash: string }> };
  for (const e of index.datasets) if (e.id === LOADED) e.hash = sha256(feed.files.get(FILE) as Uint8Array);
  feed.setJson(INDEX, index);
}

const v2 = () => bump(loadedData(), "1.1.0", (rows) => rows.map((r, i) => (i === 0 ? { ...r, note: "revised" } : r)));
const tooBig = () => new TextEncoder().encode(JSON.stringify({ padding: "x".repeat(MAX_FEED_BYTES + 10) }));

/** Each fault: how to break the feed, the message key, whether the cap stopped reading early. */
const FAULTS: Array<[string, (f: FakeFeed) => void, UiKey]> = [
  ["unreachable (fetch rejects)", (f) => (f.offline = true), "feedOffline"],
  ["a server error", (f) => f.files.set(INDEX, 503), "feedHttp"],
  ["slow: the index never answers", (f) => f.slow.add(INDEX), "feedTimeout"],
  [
    "slow: a dataset file stops coming halfway",
    (f) => {
      republish(f, v2());
      f.chunkBytes = 512;
      f.stalls.add(FILE);
    },
    "feedTimeout",
  ],
  ["malformed JSON: the index", (f) => f.setText(INDEX, '{"datasets": [{"id": "fixture-figures",'), "feedIndexNotJson"],
  [
    "malformed JSON: a dataset file (its hash listed)",
    (f) => {
      republish(f, v2());
      f.setText(FILE, '{"meta": {"id": "fixture-figures"');
      rehash(f);
    },
    "feedFileNotJson",
  ],
  ["not UTF-8: the index", (f) => f.files.set(INDEX, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), "feedIndexNotJson"],
  ["valid JSON failing the schema: the index", (f) => f.setJson(INDEX, { datasets: [{ id: LOADED, version: "one" }] }), "feedBadIndex"],
  [
    "valid JSON failing the schema: a dataset file",
    (f) => republish(f, bump(loadedData(), "1.1.0", (rows) => rows.map((r) => ({ ...r, currency: "EUR" }) as never))),
    "feedBadFile",
  ],
  [
    "a file larger than the cap, said by Content-Length",
    (f) => {
      republish(f, v2());
      f.files.set(FILE, tooBig());
    },
    "feedTooLarge",
  ],
  [
    "a file larger than the cap, under a lying Content-Length",
    (f) => {
      republish(f, v2());
      f.files.set(FILE, tooBig());
      f.lengths.set(FILE, "4000");
    },
    "feedTooLarge",
  ],
  [
    "a file larger than the cap, without Content-Length",
    (f) => {
      republish(f, v2());
      f.files.set(FILE, tooBig());
      f.lengths.set(FILE, null);
    },
    "feedTooLarge",
  ],
  ["an index larger than the cap", (f) => f.files.set(INDEX, tooBig()), "feedTooLarge"],
  ["a version older than the one loaded", (f) => republish(f, bump(loadedData(), "0.9.0")), "feedDowngrade"],
  [
    "a file whose hash does not match the index",
    (f) => {
      republish(f, v2());
      f.setJson(FILE, bump(loadedData(), "1.1.0", (rows) => rows.map((r) => ({ ...r, note: "tampered" }))));
    },
    "feedHashMismatch",
  ],
];

/** A pane that read the feed and loaded one dataset into the workbook. */
async function loadedPane(lang: "en" | "ko" = "en"): Promise<Harness> {
  const h = harness();
  h.feed.publish([FIXTURE, ...allDatasets()]);
  await start(h.deps, lang === "ko" ? "ko-KR" : "en-US", true);
  h.deps.dispatch({ type: "select", id: LOADED });
  await loadSelected(h.deps);
  expect(h.state.status?.tone).toBe("success");
  expect(h.state.catalog.origin).toBe("feed");
  return h;
}

/** Everything a feed fault must leave alone. */
function keep(h: Harness) {
  const before = { workbook: h.model.snapshot(), records: h.model.settings.get(SETTING_KEYS.tables), runs: h.runs.length, catalog: h.state.catalog, stateRecords: h.state.records };
  return () => {
    expect(h.model.snapshot()).toBe(before.workbook); // byte for byte
    expect(h.runs.length).toBe(before.runs); // Excel.run was never called: no read, no write
    expect(h.model.settings.get(SETTING_KEYS.tables)).toBe(before.records);
    expect(h.state.catalog.entries).toBe(before.catalog.entries); // the last good data
    expect(h.state.catalog.origin).toBe("feed");
    expect(h.state.records).toBe(before.stateRecords);
  };
}

describe("feed faults leave the workbook and the last good data untouched, and say so", () => {
  describe.each(FAULTS)("%s", (_, breakIt, key) => {
    it(`refresh: nothing written, message ${key}`, async () => {
      const h = await loadedPane();
      breakIt(h.feed);
      const untouched = keep(h);
      await refresh(h.deps);
      untouched();
      expect(h.state.status?.tone).toBe("error");
      expect(h.keys()).toEqual([key]);
      expect(h.status()[0]).toMatch(sentence(key, "en"));
      expect(h.status()[0]).toMatch(/Nothing in the workbook was changed\.$/);
    });

    it("refresh, in Korean for a Korean user", async () => {
      const h = await loadedPane("ko");
      breakIt(h.feed);
      const untouched = keep(h);
      await refresh(h.deps);
      untouched();
      expect(h.keys()).toEqual([key]);
      expect(h.status()[0]).toMatch(sentence(key, "ko"));
      expect(h.status()[0]).toMatch(/통합 문서는 변경하지 않았습니다\.$/);
    });

    it("reading the catalogue again: the last good list stays, with the reason", async () => {
      const h = await loadedPane();
      breakIt(h.feed);
      const untouched = keep(h);
      await loadCatalog(h.deps);
      untouched();
      const note = h.state.catalog.note;
      expect(note?.key).toBe("catalogLastGood");
      expect(String(note?.params?.reason)).toMatch(sentence(key, "en"));
    });
  });

  it("without a last good list, shows the built-in data and says why", async () => {
    const h = harness();
    h.feed.slow.add(INDEX);
    await start(h.deps, "en-US", true);
    expect(h.state.catalog.origin).toBe("embedded");
    expect(h.state.catalog.note?.key).toBe("catalogEmbedded");
    expect(String(h.state.catalog.note?.params?.reason)).toMatch(sentence("feedTimeout", "en"));
    expect(String(h.state.catalog.note?.params?.reason)).toContain("within 15 seconds");
  });

  it("the slow feed is cut off at 15 seconds by default (the deadline asked of the timer), with no real waiting", async () => {
    const h = await loadedPane();
    h.feed.clock.asked.length = 0;
    h.feed.slow.add(INDEX);
    await refresh(h.deps);
    expect(h.feed.clock.asked).toEqual([FEED_TIMEOUT_MS]);
    expect(h.status()[0]).toBe(`The data feed at ${INDEX} did not answer within 15 seconds, so AIFIN stopped waiting. Nothing in the workbook was changed.`);
    expect(h.feed.clock.count).toBe(0); // no timer left behind
  });

  it("says which versions when refusing a downgrade", async () => {
    const h = await loadedPane();
    republish(h.feed, bump(loadedData(), "0.9.0"));
    await refresh(h.deps);
    expect(h.status()).toEqual([
      `The data feed offers “${LOADED}” version 0.9.0, older than version 1.0.0 already loaded in this workbook; AIFIN does not go back to an older version. Nothing in the workbook was changed.`,
    ]);
  });

  it("says the cap when refusing a large file", async () => {
    const h = await loadedPane();
    republish(h.feed, v2());
    h.feed.files.set(FILE, tooBig());
    await refresh(h.deps);
    expect(h.status()[0]).toBe(`A file of the data feed (${FILE}) is larger than 2 MB, too large to be a dataset. Nothing in the workbook was changed.`);
  });

  it("after a fault, a good feed refreshes as usual", async () => {
    const h = await loadedPane();
    h.feed.offline = true;
    await refresh(h.deps);
    h.feed.offline = false;
    republish(h.feed, v2());
    await refresh(h.deps);
    expect(h.keys()).toEqual(["refreshed"]);
    expect(h.state.records[0]).toMatchObject({ version: "1.1.0" });
  });
});

describe("httpFeed", () => {
  function feedWith(file: Uint8Array, options: Partial<{ length: string | null; chunk: number }> = {}) {
    const feed = new FakeFeed();
    feed.files.set(FILE, file);
    if (options.length !== undefined) feed.lengths.set(FILE, options.length);
    if (options.chunk) feed.chunkBytes = options.chunk;
    return { feed, io: httpFeed({ fetch: feed.fetch, timer: feed.clock.timer }) };
  }
  const failure = async (io: FeedIO) => io.get(FILE).then(
    () => null,
    (e: unknown) => e,
  );

  it("reads a file streamed in chunks, whole", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(datasetById("bigtech-capex")));
    const { io } = feedWith(bytes, { chunk: 100 });
    const got = await io.get(FILE);
    expect(got.status).toBe(200);
    expect(Buffer.from(got.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(await io.sha256(got.bytes)).toBe(sha256(bytes));
  });

  it("asks for no cache, no cookies, and passes an abort signal", async () => {
    const seen: Parameters<FetchLike>[1][] = [];
    const feed = new FakeFeed();
    feed.setText(FILE, "{}");
    const io = httpFeed({ fetch: (url, init) => (seen.push(init), feed.fetch(url, init)), timer: feed.clock.timer });
    await io.get(FILE);
    expect(seen[0]).toMatchObject({ cache: "no-cache", credentials: "omit", redirect: "follow" });
    expect(seen[0].signal).toBeInstanceOf(AbortSignal);
  });

  it("times out when nothing answers, and aborts the request", async () => {
    const feed = new FakeFeed();
    feed.slow.add(FILE);
    let signal: AbortSignal | null = null;
    const io = httpFeed({ fetch: (url, init) => ((signal = init.signal), feed.fetch(url, init)), timer: feed.clock.timer, timeoutMs: 5000 });
    const error = await failure(io);
    expect(error).toBeInstanceOf(FeedFetchError);
    expect(error).toMatchObject({ reason: "timeout", limit: 5000 });
    expect((signal as AbortSignal | null)?.aborted).toBe(true);
  });

  it("times out a body that stops coming", async () => {
    const { feed, io } = feedWith(new Uint8Array(10_000).fill(32), { chunk: 1000 });
    feed.stalls.add(FILE);
    expect(await failure(io)).toMatchObject({ reason: "timeout" });
  });

  it("times out even when fetch ignores the abort signal", async () => {
    const clock = new ManualTimer();
    const io = httpFeed({
      fetch: () => {
        setImmediate(() => clock.elapse());
        return new Promise<FetchResponseLike>(() => undefined);
      },
      timer: clock.timer,
    });
    expect(await failure(io)).toMatchObject({ reason: "timeout" });
  });

  it("clears its timer when the answer comes in time", async () => {
    const { feed, io } = feedWith(new TextEncoder().encode("{}"));
    await io.get(FILE);
    expect(feed.clock.count).toBe(0);
  });

  it("refuses a declared Content-Length over the cap without reading the body", async () => {
    const { feed, io } = feedWith(tooBig());
    expect(await failure(io)).toMatchObject({ reason: "tooLarge", limit: MAX_FEED_BYTES });
    expect(feed.bytesRead.get(FILE)).toBeUndefined();
  });

  it.each([
    ["a Content-Length that lies", "1000"],
    ["no Content-Length", null],
    ["a Content-Length that is not a number", "lots"],
  ])("counts the bytes under %s, and stops reading past the cap", async (_, length) => {
    const { feed, io } = feedWith(tooBig(), { length, chunk: 64 * 1024 });
    expect(await failure(io)).toMatchObject({ reason: "tooLarge" });
    expect(feed.bytesRead.get(FILE)).toBeLessThanOrEqual(MAX_FEED_BYTES + 64 * 1024);
  });

  it("accepts a file of exactly the cap", async () => {
    const { io } = feedWith(new Uint8Array(MAX_FEED_BYTES).fill(32), { length: null });
    expect((await io.get(FILE)).bytes.byteLength).toBe(MAX_FEED_BYTES);
  });

  it("counts the bytes where the platform gives no body stream", async () => {
    const big = tooBig();
    const io = httpFeed({
      fetch: async () => ({ status: 200, headers: { get: () => null }, body: null, arrayBuffer: async () => big.slice().buffer }),
      timer: new ManualTimer().timer,
    });
    expect(await failure(io)).toMatchObject({ reason: "tooLarge" });
  });

  it("does not read the body of an error answer", async () => {
    const feed = new FakeFeed();
    feed.files.set(FILE, 500);
    const io = httpFeed({ fetch: feed.fetch, timer: feed.clock.timer });
    expect(await io.get(FILE)).toEqual({ status: 500, bytes: new Uint8Array() });
  });

  it("passes a network failure through as it is (the pane calls it offline)", async () => {
    const feed = new FakeFeed();
    feed.offline = true;
    const io = httpFeed({ fetch: feed.fetch, timer: feed.clock.timer });
    expect(await failure(io)).toBeInstanceOf(TypeError);
  });
});

describe("compareVersions", () => {
  it.each([
    ["1.0.0", "1.0.0", 0],
    ["1.0.1", "1.0.0", 1],
    ["1.2.0", "1.10.0", -1],
    ["2.0.0", "1.99.99", 1],
    ["2.0.0-rc.1", "2.0.0", -1],
    ["2.0.0", "2.0.0-rc.1", 1],
    ["2.0.0-rc.2", "2.0.0-rc.10", -1],
    ["2.0.0-alpha", "2.0.0-beta", -1],
    ["2.0.0-1", "2.0.0-alpha", -1],
    ["2.0.0-rc", "2.0.0-rc.1", -1],
  ])("%s vs %s → %d", (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
    expect(Math.sign(compareVersions(b, a))).toBe(-sign || 0);
  });
});

describe("findDowngrade", () => {
  it("finds an older version of a dataset already loaded, and ignores others", () => {
    expect(findDowngrade([{ id: "a", version: "1.0.0" }, { id: "b", version: "0.1.0" }], [{ id: "a", version: "1.0.0" }, { id: "b", version: "0.2.0" }])).toEqual({
      kind: "downgrade",
      id: "b",
      loaded: "0.2.0",
      offered: "0.1.0",
    });
    expect(findDowngrade([{ id: "a", version: "1.1.0" }], [{ id: "a", version: "1.0.0" }, { id: "c", version: "9.0.0" }])).toBeNull();
  });
});

describe("the message of every feed fault", () => {
  it.each(["feedOffline", "feedTimeout", "feedHttp", "feedTooLarge", "feedIndexNotJson", "feedFileNotJson", "feedBadIndex", "feedBadFile", "feedHashMismatch", "feedMismatch", "feedDowngrade"] as const)(
    "%s says the workbook was not changed, in English and Korean",
    (key) => {
      expect(t(key, "en")).toMatch(/Nothing in the workbook was changed\.$/);
      expect(t(key, "ko")).toMatch(/통합 문서는 변경하지 않았습니다\.$/);
    },
  );
});
