import { datasetById } from "../../src/core/data/catalog";
import { allowedFeedOrigins, feedBase, feedOriginAllowed, fetchFeedDataset, fetchFeedDatasets, fetchFeedIndex, parseFeedIndex, validateFeedUrl } from "../../src/taskpane/feed";
import { FakeFeed, FEED, PAGE } from "./fake-feed";

describe("validateFeedUrl", () => {
  it.each([
    ["", { ok: true, url: null }],
    ["   ", { ok: true, url: null }],
    ["https://data.example.com/aifin", { ok: true, url: "https://data.example.com/aifin/" }],
    ["https://data.example.com/aifin/", { ok: true, url: "https://data.example.com/aifin/" }],
    ["https://data.example.com/aifin/index.json", { ok: true, url: "https://data.example.com/aifin/" }],
    ["https://data.example.com/aifin/?x=1#top", { ok: true, url: "https://data.example.com/aifin/" }],
    ["http://data.example.com/aifin/", { ok: false, key: "feedUrlNotHttps" }],
    ["ftp://data.example.com/", { ok: false, key: "feedUrlNotHttps" }],
    ["javascript:alert(1)", { ok: false, key: "feedUrlNotHttps" }],
    ["file:///etc/passwd", { ok: false, key: "feedUrlNotHttps" }],
    ["https://user:secret@data.example.com/", { ok: false, key: "feedUrlCredentials" }],
    ["data.example.com/aifin", { ok: false, key: "feedUrlInvalid" }],
    ["not a url", { ok: false, key: "feedUrlInvalid" }],
  ])("%j → %j", (text, expected) => {
    expect(validateFeedUrl(text, null)).toEqual(expected);
  });

  describe("accepts only an origin the page's security policy allows", () => {
    const origins = ["https://addin.example.com", "https://data.example.com"];

    it.each([
      ["https://data.example.com/aifin/", "https://data.example.com/aifin/"],
      ["https://addin.example.com/other/feed", "https://addin.example.com/other/feed/"],
      ["", null],
    ])("%j is allowed", (text, url) => {
      expect(validateFeedUrl(text, origins)).toEqual({ ok: true, url });
    });

    it("refuses another origin, naming the allowed ones and the build that would allow it", () => {
      expect(validateFeedUrl("https://feed.other.example/aifin/index.json", origins)).toEqual({
        ok: false,
        key: "feedUrlNotAllowed",
        params: { url: "https://feed.other.example/aifin/", origin: "https://feed.other.example", origins: "https://addin.example.com, https://data.example.com" },
      });
    });

    it("refuses another port of an allowed host (a different origin)", () => {
      expect(validateFeedUrl("https://data.example.com:8443/", origins)).toMatchObject({ ok: false, key: "feedUrlNotAllowed" });
    });

    it("still says https first", () => {
      expect(validateFeedUrl("http://data.example.com/", origins)).toEqual({ ok: false, key: "feedUrlNotHttps" });
    });
  });
});

describe("allowedFeedOrigins", () => {
  const page = "https://addin.example.com/aifin/taskpane.html";

  it("reads connect-src: 'self' is the page's origin", () => {
    expect(allowedFeedOrigins(["default-src 'self'; connect-src 'self' https://feed.example.com; object-src 'none'"], page)).toEqual(["https://addin.example.com", "https://feed.example.com"]);
  });

  it("falls back to default-src, and is null when no policy restricts connections", () => {
    expect(allowedFeedOrigins(["default-src 'self'"], page)).toEqual(["https://addin.example.com"]);
    expect(allowedFeedOrigins(["frame-src 'self'"], page)).toBeNull();
    expect(allowedFeedOrigins([], page)).toBeNull();
  });

  it("allows only what every policy allows", () => {
    expect(allowedFeedOrigins(["connect-src 'self' https://a.example.com https://b.example.com", "connect-src https://b.example.com"], page)).toEqual(["https://b.example.com"]);
  });

  it("allows nothing for sources it does not model (schemes, wildcards, http)", () => {
    expect(allowedFeedOrigins(["connect-src https: *.example.com http://plain.example.com"], page)).toEqual([]);
  });
});

describe("feedOriginAllowed", () => {
  it("compares origins, and allows everything when not restricted", () => {
    expect(feedOriginAllowed("https://data.example.com/aifin/", ["https://data.example.com"])).toBe(true);
    expect(feedOriginAllowed("https://evil.example.com/aifin/", ["https://data.example.com"])).toBe(false);
    expect(feedOriginAllowed("https://evil.example.com/aifin/", null)).toBe(true);
  });
});

describe("feedBase", () => {
  it("is datasets/ beside the page by default, else the feed URL", () => {
    expect(feedBase(null, PAGE)).toBe(FEED);
    expect(feedBase("https://data.example.com/x/", PAGE)).toBe("https://data.example.com/x/");
  });
});

describe("parseFeedIndex", () => {
  const entry = { id: "bigtech-capex", title: { en: "a", ko: "가" }, version: "1.0.0", asOf: "2025-08-27", hash: "a".repeat(64), rows: 17, file: "bigtech-capex.json" };
  it("accepts the build's index", () => {
    expect(parseFeedIndex({ datasets: [entry] })).toEqual({ ok: true, entries: [entry] });
  });
  it.each([
    [{ datasets: [{ ...entry, file: "../secrets.json" }] }, /file must be bigtech-capex.json/],
    [{ datasets: [{ ...entry, file: "https://evil.example.com/x.json" }] }, /file must be/],
    [{ datasets: [entry, entry] }, /listed twice/],
    [{ datasets: [{ ...entry, hash: "XYZ" }] }, /sha256/],
    [{ datasets: [{ ...entry, id: "Bad Id" }] }, /id/],
    [{}, /datasets/],
    [[], /root|datasets/],
  ])("refuses %j", (json, problem) => {
    const parsed = parseFeedIndex(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });
});

describe("fetching", () => {
  const dataset = datasetById("openai-2024-costs");

  it("reads and checks the index and a file", async () => {
    const feed = new FakeFeed();
    const [entry] = feed.publish([dataset]);
    expect(await fetchFeedIndex(feed, FEED)).toEqual({ ok: true, value: [entry] });
    const got = await fetchFeedDataset(feed, FEED, entry);
    expect(got.ok && got.value.dataset.meta.id).toBe("openai-2024-costs");
    expect(got.ok && got.value.hash).toBe(entry.hash);
  });

  it.each([
    ["offline", (f: FakeFeed) => (f.offline = true), { kind: "offline" }],
    ["a missing index", (f: FakeFeed) => f.files.delete(`${FEED}index.json`), { kind: "http", status: 404 }],
    ["a server error", (f: FakeFeed) => f.files.set(`${FEED}index.json`, 503), { kind: "http", status: 503 }],
    ["an index that is not JSON", (f: FakeFeed) => f.setText(`${FEED}index.json`, "<html>"), { kind: "notJson", id: null, url: `${FEED}index.json` }],
  ])("reports %s", async (_, breakIt, failure) => {
    const feed = new FakeFeed();
    feed.publish([dataset]);
    breakIt(feed);
    const got = await fetchFeedIndex(feed, FEED);
    expect(got).toMatchObject({ ok: false, failure });
  });

  it("refuses a file whose sha256 is not the index's", async () => {
    const feed = new FakeFeed();
    const [entry] = feed.publish([dataset]);
    feed.setJson(`${FEED}openai-2024-costs.json`, { ...dataset, rows: dataset.rows.slice(1) });
    expect(await fetchFeedDataset(feed, FEED, entry)).toEqual({ ok: false, failure: { kind: "hashMismatch", id: "openai-2024-costs" } });
  });

  it("refuses a file that is not a valid dataset, even with a matching hash", async () => {
    const feed = new FakeFeed();
    const broken = { ...dataset, rows: dataset.rows.map((r, i) => (i === 0 ? { ...r, source: "nobody" } : r)) };
    const [entry] = feed.publish([broken as typeof dataset]);
    const got = await fetchFeedDataset(feed, FEED, entry);
    expect(got).toMatchObject({ ok: false, failure: { kind: "badFile", id: "openai-2024-costs" } });
  });

  it("refuses a file whose id or version is not the index's", async () => {
    const feed = new FakeFeed();
    const [entry] = feed.publish([dataset]);
    const got = await fetchFeedDataset(feed, FEED, { ...entry, version: "9.9.9" });
    expect(got).toEqual({ ok: false, failure: { kind: "mismatch", id: "openai-2024-costs", found: "openai-2024-costs", version: "1.0.0" } });
  });

  it("fails as a whole when one of several files fails", async () => {
    const feed = new FakeFeed();
    const entries = feed.publish([dataset, datasetById("bigtech-capex")]);
    feed.files.set(`${FEED}bigtech-capex.json`, 500);
    expect(await fetchFeedDatasets(feed, FEED, entries)).toMatchObject({ ok: false, failure: { kind: "http", status: 500 } });
  });
});
