/* Specifications of the published dataset feed (dist/datasets, written by `npm run build`). */
import crypto from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import { allDatasets } from "../../src/core/data/catalog";
import { parsePackedRates } from "../../src/core/data/schema";
import { parseFeedIndex } from "../../src/taskpane/feed";

interface IndexEntry {
  id: string;
  title: { en: string; ko: string };
  version: string;
  asOf: string;
  hash: string;
  rows: number;
  file: string;
}

const feed = path.resolve(__dirname, "../../dist/datasets");
interface RatesEntry {
  id: string;
  version: string;
  asOf: string;
  hash: string;
  days: number;
  file: string;
}

const index = JSON.parse(fs.readFileSync(path.join(feed, "index.json"), "utf8")) as { datasets: IndexEntry[]; rates?: RatesEntry };
const shippedRates = path.resolve(__dirname, "../../data/fx/ecb-reference-rates.json");

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { datasetFeed } = require("../../build/datasets.cjs") as {
  datasetFeed: (dir: string, ratesFile?: string) => { index: { datasets: IndexEntry[]; rates?: RatesEntry }; files: Array<{ name: string; bytes: Buffer }> };
};

describe("dist/datasets", () => {
  it("lists every embedded dataset, with the same version and row count as the functions use", () => {
    const embedded = allDatasets().map((d) => [d.meta.id, d.meta.version, d.meta.asOf, d.rows.length]);
    const published = index.datasets.map((d) => [d.id, d.version, d.asOf, d.rows]);
    expect(published.sort()).toEqual(embedded.sort());
  });

  it.each(index.datasets.map((d) => [d.id, d] as const))("publishes %s with its sha-256 content hash and bilingual title", (_, entry) => {
    const bytes = fs.readFileSync(path.join(feed, entry.file));
    expect(crypto.createHash("sha256").update(bytes).digest("hex")).toBe(entry.hash);
    expect(entry.title.en).toBeTruthy();
    expect(entry.title.ko).toMatch(/[\uAC00-\uD7A3]/);
  });
});

describe("dist/datasets: the ECB rates", () => {
  const entry = index.rates as RatesEntry;
  const bytes = () => fs.readFileSync(path.join(feed, entry.file));

  it("are listed in the index's rates entry with the shipped file's id, version, last day and days", () => {
    const { meta } = JSON.parse(fs.readFileSync(shippedRates, "utf8")) as { meta: { id: string; version: string; last: string; days: number } };
    expect(entry).toEqual({ id: meta.id, version: meta.version, asOf: meta.last, hash: expect.stringMatching(/^[0-9a-f]{64}$/), days: meta.days, file: `${meta.id}.json` });
  });

  it("are the shipped file, byte for byte, under the hash the index gives", () => {
    expect(bytes().equals(fs.readFileSync(shippedRates))).toBe(true);
    expect(crypto.createHash("sha256").update(bytes()).digest("hex")).toBe(entry.hash);
  });

  it("pass the checks the pane makes of a feed's rates", () => {
    const parsed = parsePackedRates(JSON.parse(bytes().toString("utf8")));
    expect(parsed.ok).toBe(true);
  });

  it("make an index the pane accepts, the rates named apart from every dataset", () => {
    expect(parseFeedIndex(index)).toMatchObject({ ok: true, rates: entry });
    expect(index.datasets.map((d) => d.id)).not.toContain(entry.id);
  });
});

describe("datasetFeed (build/datasets.cjs)", () => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });
  function folder(files: Record<string, unknown>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aifin-feed-"));
    made.push(dir);
    for (const [name, json] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), JSON.stringify(json));
    return dir;
  }
  const dataset = (id: string) => ({ meta: { id, title: { en: "t", ko: "티" }, version: "1.0.0", asOf: "2025-01-01" }, rows: [{}] });

  it("lists no rates without a rates file", () => {
    const { index, files } = datasetFeed(folder({ "a.json": dataset("a") }));
    expect(index.rates).toBeUndefined();
    expect(files.map((f) => f.name)).toEqual(["a.json"]);
  });

  it("publishes the rates file under its id", () => {
    const { index, files } = datasetFeed(folder({ "a.json": dataset("a") }), shippedRates);
    expect(index.rates).toMatchObject({ id: "ecb-reference-rates", file: "ecb-reference-rates.json" });
    expect(files.map((f) => f.name)).toEqual(["a.json", "ecb-reference-rates.json"]);
  });

  it("refuses a dataset with the rates file's name, and a file not named after its id", () => {
    expect(() => datasetFeed(folder({ "ecb-reference-rates.json": dataset("ecb-reference-rates") }), shippedRates)).toThrow(/a dataset has the rates file's name/);
    expect(() => datasetFeed(folder({ "b.json": dataset("a") }))).toThrow(/the file must be named after it/);
  });
});
