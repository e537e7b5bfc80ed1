import { datasetById } from "../../src/core/data/catalog";
import { allowedFeedOrigins, feedBase, feedOriginAllowed, fetchFeedDataset, fetchFeedDatasets, fetchFeedIndex, fetchFeedRates, parseFeedIndex, validateFeedUrl } from "../../src/taskpane/feed";
import { FakeFeed, FEED, PAGE, SHIPPED_RATES, newerRates, sha256 } from "./fake-feed";
import { FIXTURE } from "./fixture";

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
  const entry = { id: "bigtech-capex", title: { en: "a", ko: "가" }, version: "3.0.0", asOf: "2026-04-30", hash: "a".repeat(64), rows: 108, file: "bigtech-capex.json" };
  const rates = { id: "ecb-reference-rates", version: "2026.4.13", asOf: "2026-04-13", hash: "b".repeat(64), days: 6983, file: "ecb-reference-rates.json" };

  it("accepts the build's index, with or without the rates entry", () => {
    expect(parseFeedIndex({ datasets: [entry] })).toEqual({ ok: true, entries: [entry], rates: null });
    expect(parseFeedIndex({ datasets: [entry], rates })).toEqual({ ok: true, entries: [entry], rates });
  });

  it.each([
    [{ datasets: [{ ...entry, file: "../secrets.json" }] }, /file must be bigtech-capex.json/],
    [{ datasets: [{ ...entry, file: "https://evil.example.com/x.json" }] }, /file must be/],
    [{ datasets: [entry, entry] }, /listed twice/],
    [{ datasets: [{ ...entry, hash: "XYZ" }] }, /sha256/],
    [{ datasets: [{ ...entry, id: "Bad Id" }] }, /id/],
    [{}, /datasets/],
    [[], /root|datasets/],
    [{ datasets: [entry], rates: { ...rates, file: "../rates.json" } }, /ecb-reference-rates: file must be ecb-reference-rates.json/],
    [{ datasets: [{ ...entry, id: "ecb-reference-rates", file: "ecb-reference-rates.json" }], rates }, /ecb-reference-rates is listed twice/],
    [{ datasets: [entry], rates: { ...rates, hash: "short" } }, /rates\.hash: must be a sha256/],
    [{ datasets: [entry], rates: { ...rates, version: "2026.4.13-rc.1" } }, /rates\.version/],
    [{ datasets: [entry], rates: { ...rates, days: 0 } }, /rates\.days/],
  ])("refuses %j", (json, problem) => {
    const parsed = parseFeedIndex(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });
});

describe("fetching", () => {
  const dataset = FIXTURE;

  it("reads and checks the index and a file", async () => {
    const feed = new FakeFeed();
    const [entry] = feed.publish([dataset]);
    expect(await fetchFeedIndex(feed, FEED)).toEqual({ ok: true, value: [entry], rates: null });
    const got = await fetchFeedDataset(feed, FEED, entry);
    expect(got.ok && got.value.dataset.meta.id).toBe("fixture-figures");
    expect(got.ok && got.value.hash).toBe(entry.hash);
  });

  it("reads a shipped dataset as published", async () => {
    const feed = new FakeFeed();
    const [entry] = feed.publish([datasetById("bigtech-capex")]);
    expect(await fetchFeedDataset(feed, FEED, entry)).toMatchObject({ ok: true, value: { dataset: { meta: { id: "bigtech-capex" } } } });
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
    feed.setJson(`${FEED}fixture-figures.json`, { ...dataset, rows: dataset.rows.slice(1) });
    expect(await fetchFeedDataset(feed, FEED, entry)).toEqual({ ok: false, failure: { kind: "hashMismatch", id: "fixture-figures" } });
  });

  it("refuses a file that is not a valid dataset, even with a matching hash", async () => {
    const feed = new FakeFeed();
    const broken = { ...dataset, rows: dataset.rows.map((r, i) => (i === 0 ? { ...r, source: "nobody" } : r)) };
    const [entry] = feed.publish([broken as typeof dataset]);
    const got = await fetchFeedDataset(feed, FEED, entry);
    expect(got).toMatchObject({ ok: false, failure: { kind: "badFile", id: "fixture-figures" } });
  });

  it("refuses a file of the old format (schema 2: a year, a source's quote, no qualifier)", async () => {
    const feed = new FakeFeed();
    const old = { meta: { ...dataset.meta, sources: dataset.meta.sources.map((s) => ({ ...s, quote: "x" })) }, rows: dataset.rows.map((r) => ({ ...r, year: 2024 })) };
    const [entry] = feed.publish([old as unknown as typeof dataset]);
    expect(await fetchFeedDataset(feed, FEED, entry)).toMatchObject({ ok: false, failure: { kind: "badFile", id: "fixture-figures" } });
  });

  it("refuses a file whose id or version is not the index's", async () => {
    const feed = new FakeFeed();
    const [entry] = feed.publish([dataset]);
    const got = await fetchFeedDataset(feed, FEED, { ...entry, version: "9.9.9" });
    expect(got).toEqual({ ok: false, failure: { kind: "mismatch", id: "fixture-figures", found: "fixture-figures", version: "1.0.0" } });
  });

  it("fails as a whole when one of several files fails", async () => {
    const feed = new FakeFeed();
    const entries = feed.publish([dataset, datasetById("bigtech-capex")]);
    feed.files.set(`${FEED}bigtech-capex.json`, 500);
    expect(await fetchFeedDatasets(feed, FEED, entries)).toMatchObject({ ok: false, failure: { kind: "http", status: 500 } });
  });
});

describe("fetchFeedRates", () => {
  const newer = newerRates([{ date: "2026-04-14", usd: "1.1700", krw: "1700.00" }]);

  it("reads and checks the rates file the index lists", async () => {
    const feed = new FakeFeed();
    feed.publish([FIXTURE]);
    const entry = feed.publishRates(newer);
    const index = await fetchFeedIndex(feed, FEED);
    expect(index).toMatchObject({ ok: true, rates: entry });
    expect(entry).toMatchObject({ id: "ecb-reference-rates", version: "2026.4.14", asOf: "2026-04-14", days: SHIPPED_RATES.meta.days + 1, file: "ecb-reference-rates.json" });
    const got = await fetchFeedRates(feed, FEED, entry);
    expect(got.ok && got.value.meta).toMatchObject({ last: "2026-04-14", version: "2026.4.14" });
  });

  it("refuses a file whose sha256 is not the index's", async () => {
    const feed = new FakeFeed();
    const entry = feed.publishRates(newer);
    feed.setJson(`${FEED}ecb-reference-rates.json`, SHIPPED_RATES);
    expect(await fetchFeedRates(feed, FEED, entry)).toEqual({ ok: false, failure: { kind: "hashMismatch", id: "ecb-reference-rates" } });
  });

  it.each([
    ["a truncated series (fewer values than days)", { ...newer, rates: { ...newer.rates, KRW: newer.rates.KRW.split(",").slice(0, -1).join(",") } }, /KRW values for/],
    ["a non-positive rate", { ...newer, rates: { ...newer.rates, USD: `${newer.rates.USD},-99999999` }, dates: `${newer.dates}1`, meta: { ...newer.meta, days: newer.meta.days + 1 } }, /not a positive rate|dates end at/],
    ["no won rates", { ...newer, rates: { USD: newer.rates.USD } }, /no KRW rates/],
    ["a version that is not its last day", { ...newer, meta: { ...newer.meta, version: "2027.1.1" } }, /version must be 2026\.4\.14/],
    ["not the packed shape", { meta: newer.meta, rows: [] }, /rates/],
  ])("refuses, with the reason, %s", async (_, file, reason) => {
    const feed = new FakeFeed();
    const entry = feed.publishRates(file as typeof newer);
    const got = await fetchFeedRates(feed, FEED, entry);
    expect(got).toMatchObject({ ok: false, failure: { kind: "badFile", id: "ecb-reference-rates" } });
    if (!got.ok && got.failure.kind === "badFile") expect(got.failure.problem).toMatch(reason);
  });

  it("refuses a file that is not JSON", async () => {
    const feed = new FakeFeed();
    const entry = feed.publishRates(newer);
    feed.setText(`${FEED}ecb-reference-rates.json`, "{");
    const got = await fetchFeedRates(feed, FEED, { ...entry, hash: sha256("{") });
    expect(got).toMatchObject({ ok: false, failure: { kind: "notJson", id: "ecb-reference-rates" } });
  });

  it("refuses a file whose id or version is not the index's", async () => {
    const feed = new FakeFeed();
    const entry = feed.publishRates(newer);
    expect(await fetchFeedRates(feed, FEED, { ...entry, version: "2026.4.15" })).toEqual({ ok: false, failure: { kind: "mismatch", id: "ecb-reference-rates", found: "ecb-reference-rates", version: "2026.4.14" } });
  });

  it("reports a rates file missing from the feed", async () => {
    const feed = new FakeFeed();
    const entry = feed.publishRates(newer);
    feed.files.delete(`${FEED}ecb-reference-rates.json`);
    expect(await fetchFeedRates(feed, FEED, entry)).toMatchObject({ ok: false, failure: { kind: "http", status: 404 } });
  });
});
