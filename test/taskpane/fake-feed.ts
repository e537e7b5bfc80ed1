/* An in-memory feed for the pane's tests: files by URL, sha256 by node's crypto. Two ways in:
 * `get` (a FeedIO of its own) and `fetch` (what the real pane's httpFeed calls: headers, a body
 * streamed in chunks, an AbortSignal), with faults: offline, slow (no answer, or a body that stops
 * coming), a Content-Length that is absent or lies. Time is a ManualTimer: a slow answer makes
 * the deadline pass at once, so no test waits for real. */
import { createHash } from "crypto";
import type { Dataset } from "../../src/core/data/schema";
import { dayNumberToIso, fixingText, packRates, unpackRates, type EcbDay, type PackedRates } from "../../src/core/fx/ecb";
import { ECB_PROVENANCE, ECB_RATES_ID, ratesVersion } from "../../src/core/fx/update";
import shippedRates from "../../data/fx/ecb-reference-rates.json";
import type { FeedEntry, FeedIO, RatesEntry } from "../../src/taskpane/feed";
import type { FetchLike, FetchResponseLike, Timer } from "../../src/taskpane/feed-http";

export const FEED = "https://addin.example.com/aifin/datasets/";
export const PAGE = "https://addin.example.com/aifin/taskpane.html";

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Timers that fire when told to: `timer` for httpFeed, `elapse()` to let the time pass. */
export class ManualTimer {
  private readonly pending = new Set<{ fire: () => void; ms: number }>();
  /** The delays asked for, in order. */
  readonly asked: number[] = [];
  readonly timer: Timer = (fire, ms) => {
    const entry = { fire, ms };
    this.pending.add(entry);
    this.asked.push(ms);
    return () => this.pending.delete(entry);
  };
  /** Fires every pending timer (as if their time had passed). */
  elapse(): void {
    const due = [...this.pending];
    this.pending.clear();
    for (const t of due) t.fire();
  }
  get count(): number {
    return this.pending.size;
  }
}

/** The ECB rates shipped in data/fx/. */
export const SHIPPED_RATES = shippedRates as PackedRates;

/**
 * The shipped ECB rates with days added after their last one, packed as `npm run data:fx` packs
 * them (id, version from the last day, provenance).
 * @param days - newer days, oldest first: the date and the USD and KRW per EUR as the ECB writes them
 * @example newerRates([{ date: "2026-04-14", usd: "1.1700", krw: "1700.00" }]).meta.version // "2026.4.14"
 */
export function newerRates(days: ReadonlyArray<{ date: string; usd: string; krw: string }>, base: PackedRates = SHIPPED_RATES): PackedRates {
  const unpacked = unpackRates(base);
  const all: EcbDay[] = Array.from(unpacked.days, (day, i) => ({
    date: dayNumberToIso(day),
    rates: { USD: fixingText(unpacked.values.USD[i], unpacked.decimals.USD), KRW: fixingText(unpacked.values.KRW[i], unpacked.decimals.KRW) },
  }));
  for (const d of days) all.push({ date: d.date, rates: { USD: d.usd, KRW: d.krw } });
  const last = all[all.length - 1].date;
  return packRates(all, { id: ECB_RATES_ID, version: ratesVersion(last), source: ECB_PROVENANCE });
}

export class FakeFeed implements FeedIO {
  readonly files = new Map<string, Uint8Array | number>();
  /** What index.json lists, per feed folder: the datasets, and the rates file (if published). */
  private readonly indexes = new Map<string, { datasets: FeedEntry[]; rates?: RatesEntry }>();
  readonly requested: string[] = [];
  offline = false;
  /** URLs that never answer (the connection hangs). */
  readonly slow = new Set<string>();
  /** URLs that answer headers and a first chunk, then stop sending. */
  readonly stalls = new Set<string>();
  /** Content-Length to send instead of the true one (null: none). */
  readonly lengths = new Map<string, string | null>();
  /** Bytes per body chunk. */
  chunkBytes = 64 * 1024;
  /** Bytes read from bodies, per URL (a capped reader stops early). */
  readonly bytesRead = new Map<string, number>();
  readonly clock = new ManualTimer();

  /** fetch as the browser's, over the files (see the faults above). */
  readonly fetch: FetchLike = async (url, init) => {
    this.requested.push(url);
    const aborted = () => Object.assign(new Error("The operation was aborted."), { name: "AbortError" });
    const hang = <T>(): Promise<T> =>
      new Promise<T>((_, reject) => {
        init.signal.addEventListener("abort", () => reject(aborted()));
        setImmediate(() => this.clock.elapse()); // meanwhile, the deadline passes
      });
    if (init.signal.aborted) throw aborted();
    if (this.offline) throw new TypeError("Failed to fetch");
    if (this.slow.has(url)) return hang<FetchResponseLike>();
    const file = this.files.get(url);
    const status = file === undefined ? 404 : typeof file === "number" ? file : 200;
    const bytes = file instanceof Uint8Array ? file : new Uint8Array();
    const length = this.lengths.has(url) ? (this.lengths.get(url) ?? null) : String(bytes.byteLength);
    let at = 0;
    const stalls = this.stalls.has(url);
    return {
      status,
      headers: { get: (name: string) => (name.toLowerCase() === "content-length" ? length : null) },
      body: {
        getReader: () => ({
          read: async () => {
            if (init.signal.aborted) throw aborted();
            if (stalls && at > 0) return hang<{ done: boolean; value?: Uint8Array }>();
            if (at >= bytes.byteLength) return { done: true };
            const value = bytes.subarray(at, at + this.chunkBytes);
            at += value.byteLength;
            this.bytesRead.set(url, at);
            return { done: false, value };
          },
          cancel: async () => undefined,
        }),
      },
      arrayBuffer: async () => bytes.slice().buffer,
    };
  };

  /** Publishes datasets as the build does: one file each and an index with their hashes (and the rates entry already published). */
  publish(datasets: readonly Dataset[], base = FEED): FeedEntry[] {
    const entries: FeedEntry[] = datasets.map((d) => {
      const bytes = new TextEncoder().encode(JSON.stringify(d, null, 2));
      this.files.set(`${base}${d.meta.id}.json`, bytes);
      return { id: d.meta.id, title: d.meta.title, version: d.meta.version, asOf: d.meta.asOf, hash: sha256(bytes), rows: d.rows.length, file: `${d.meta.id}.json` };
    });
    this.indexes.set(base, { ...this.indexes.get(base), datasets: entries });
    this.writeIndex(base);
    return entries;
  }

  /** Publishes an ECB rates file as the build does: the file, and the index's `rates` entry. */
  publishRates(rates: PackedRates, base = FEED): RatesEntry {
    const bytes = new TextEncoder().encode(JSON.stringify(rates));
    const entry: RatesEntry = { id: rates.meta.id, version: rates.meta.version, asOf: rates.meta.last, hash: sha256(bytes), days: rates.meta.days, file: `${rates.meta.id}.json` };
    this.files.set(`${base}${entry.file}`, bytes);
    this.indexes.set(base, { datasets: this.indexes.get(base)?.datasets ?? [], rates: entry });
    this.writeIndex(base);
    return entry;
  }

  private writeIndex(base: string): void {
    this.setJson(`${base}index.json`, this.indexes.get(base));
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
