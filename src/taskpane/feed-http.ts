/* The FeedIO of the real pane: fetch with a deadline and a size cap. The deadline covers the whole
 * answer (headers and body): a feed that accepts the connection and then trickles, or never
 * answers, is cut off by an AbortController and reported as slow, not left spinning. The cap is
 * checked twice: the declared Content-Length first (nothing is read when it is over), then the
 * bytes counted as they arrive (a missing or lying header cannot get past it). fetch and the timer
 * come in as parameters, so the tests drive both without a network or real waiting. */
import { FeedFetchError, MAX_FEED_BYTES, type FeedIO } from "./feed";

/** How long the pane waits for one file of the feed before calling the feed too slow. */
export const FEED_TIMEOUT_MS = 15_000;

/** The part of a fetch Response the pane reads. */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  /** The body as a stream, when the platform gives one (browsers do). */
  readonly body: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(reason?: unknown): Promise<void> } } | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The part of fetch the pane calls. */
export type FetchLike = (url: string, init: { signal: AbortSignal; cache: "no-cache"; credentials: "omit"; redirect: "follow" }) => Promise<FetchResponseLike>;

/** Starts a timer calling `fire` after `ms`; returns what cancels it. */
export type Timer = (fire: () => void, ms: number) => () => void;

const realTimer: Timer = (fire, ms) => {
  const id = setTimeout(fire, ms);
  return () => clearTimeout(id);
};

export interface HttpFeedOptions {
  readonly fetch: FetchLike;
  /** The time allowed for one file, headers and body: FEED_TIMEOUT_MS by default. */
  readonly timeoutMs?: number;
  /** The largest file accepted: MAX_FEED_BYTES by default. */
  readonly maxBytes?: number;
  /** setTimeout by default; tests pass one they fire themselves. */
  readonly timer?: Timer;
  /** sha256 of bytes, lower-case hex: crypto.subtle by default. */
  readonly sha256?: (bytes: Uint8Array) => Promise<string>;
}

async function subtleSha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Concatenates chunks. */
function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * A FeedIO over fetch: same-origin or https feeds (checked before they are saved), no cookies, no
 * cache, at most `timeoutMs` for each file and at most `maxBytes` in it.
 * @example httpFeed({ fetch: (url, init) => fetch(url, init) }) // the pane's FeedIO
 */
export function httpFeed(options: HttpFeedOptions): FeedIO {
  const timeoutMs = options.timeoutMs ?? FEED_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_FEED_BYTES;
  const timer = options.timer ?? realTimer;
  return {
    sha256: options.sha256 ?? subtleSha256,
    async get(url) {
      const controller = new AbortController();
      let timedOut = false;
      // Rejects when the deadline passes, whether or not fetch and the body stream honour the signal.
      let expire: (error: FeedFetchError) => void = () => undefined;
      const deadline = new Promise<never>((_, reject) => {
        expire = reject;
      });
      deadline.catch(() => undefined); // raced below; never an unhandled rejection
      const cancel = timer(() => {
        timedOut = true;
        expire(new FeedFetchError("timeout", url, timeoutMs));
        controller.abort();
      }, timeoutMs);
      const tooLarge = () => {
        controller.abort();
        return new FeedFetchError("tooLarge", url, maxBytes);
      };
      try {
        const response = await Promise.race([options.fetch(url, { signal: controller.signal, cache: "no-cache", credentials: "omit", redirect: "follow" }), deadline]);
        if (response.status < 200 || response.status > 299) {
          controller.abort(); // the body of an error page is not read
          return { status: response.status, bytes: new Uint8Array() };
        }
        const declared = response.headers.get("content-length");
        if (declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) > maxBytes) throw tooLarge();
        if (response.body === null) {
          const buffer = await Promise.race([response.arrayBuffer(), deadline]);
          if (buffer.byteLength > maxBytes) throw tooLarge();
          return { status: response.status, bytes: new Uint8Array(buffer) };
        }
        const reader = response.body.getReader();
        const chunks: Uint8Array[] = [];
        let total = 0;
        for (;;) {
          const { done, value } = await Promise.race([reader.read(), deadline]);
          if (done) break;
          if (!value) continue;
          total += value.byteLength;
          if (total > maxBytes) {
            void reader.cancel().catch(() => undefined);
            throw tooLarge();
          }
          chunks.push(value);
        }
        return { status: response.status, bytes: concat(chunks, total) };
      } catch (error) {
        // An abort caused by the deadline surfaces as an AbortError from fetch or the stream.
        if (timedOut) throw new FeedFetchError("timeout", url, timeoutMs);
        throw error;
      } finally {
        cancel();
      }
    },
  };
}
