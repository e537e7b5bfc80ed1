/* An in-memory feed for the pane's tests: files by URL, sha256 by node's crypto. */
import { createHash } from "crypto";
import type { Dataset } from "../../src/core/data/schema";
import type { FeedEntry, FeedIO } from "../../src/taskpane/feed";

export const FEED = "https://addin.example.com/aifin/datasets/";
export const PAGE = "https://addin.example.com/aifin/taskpane.html";

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export class FakeFeed implements FeedIO {
  readonly files = new Map<string, Uint8Array | number>();
  readonly requested: string[] = [];
  offline = false;

  /** Publishes datasets as the build does: one file each and an index with their hashes. */
  publish(datasets: readonly Dataset[], base = FEED): FeedEntry[] {
    const entries: FeedEntry[] = datasets.map((d) => {
      const bytes = new TextEncoder().encode(JSON.stringify(d, null, 2));
      this.files.set(`${base}${d.meta.id}.json`, bytes);
      return { id: d.meta.id, title: d.meta.title, version: d.meta.version, asOf: d.meta.asOf, hash: sha256(bytes), rows: d.rows.length, file: `${d.meta.id}.json` };
    });
    this.setJson(`${base}index.json`, { datasets: entries });
    return entries;
  }

  setJson(url: string, value: unknown): void {
    this.files.set(url, new TextEncoder().encode(JSON.stringify(value)));
  }

  setText(url: string, text: string): void {
    this.files.set(url, new TextEncoder().encode(text));
  }

  async get(url: string): Promise<{ status: number; bytes: Uint8Array }> {
    this.requested.push(url);
    if (this.offline) throw new TypeError("Failed to fetch");
    const file = this.files.get(url);
    if (file === undefined) return { status: 404, bytes: new Uint8Array() };
    if (typeof file === "number") return { status: file, bytes: new Uint8Array() };
    return { status: 200, bytes: file };
  }

  async sha256(bytes: Uint8Array): Promise<string> {
    return sha256(bytes);
  }
}
