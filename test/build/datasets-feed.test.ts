/* Specifications of the published dataset feed (dist/datasets, written by `npm run build`). */
import crypto from "crypto";
import fs from "fs";
import path from "path";
import { allDatasets } from "../../src/core/data/catalog";

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
const index = JSON.parse(fs.readFileSync(path.join(feed, "index.json"), "utf8")) as { datasets: IndexEntry[] };

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
