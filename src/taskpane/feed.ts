/* The published datasets: dist/datasets/index.json and one file per dataset, from the add-in's
 * own origin or a feed URL set in the workbook (https only). Everything here is pure except the
 * FeedIO the entry passes in (fetch and crypto.subtle, see feed-http.ts), so the checks are tested
 * without a network. A feed is trusted only after checking: each file's size (at most
 * MAX_FEED_BYTES), the index against its schema, each file's sha256 against the index, the file
 * against the dataset schema, its id and version against the index, and no version older than the
 * one already loaded (no downgrade). Each fault is a FeedFailure the pane turns into a sentence;
 * none of them reaches the workbook. */
import { z } from "zod";
import { parseDataset, parsePackedRates, type Dataset } from "../core/data/schema";
import type { PackedRates } from "../core/fx/ecb";

/** One dataset the feed publishes. */
export interface FeedEntry {
  readonly id: string;
  readonly title: { readonly en: string; readonly ko: string };
  readonly version: string;
  readonly asOf: string;
  /** sha256 of the file's bytes, lower-case hex. */
  readonly hash: string;
  readonly rows: number;
  /** The file name, "<id>.json", next to index.json. */
  readonly file: string;
}

/** What the entry gives the feed code: bytes from a URL, and sha256. */
export interface FeedIO {
  /**
   * GETs a URL. Rejects with a FeedFetchError when the feed is too slow or the file too large,
   * with any other error when the network fails (offline, blocked).
   */
  get(url: string): Promise<{ readonly status: number; readonly bytes: Uint8Array }>;
  /** sha256 of bytes, lower-case hex. */
  sha256(bytes: Uint8Array): Promise<string>;
}

/** Why a FeedIO could not deliver a file, besides the network failing. */
export class FeedFetchError extends Error {
  /**
   * @param reason - "timeout": no complete answer within the time allowed; "tooLarge": more than the cap (declared or counted)
   * @param limit - the time allowed (ms) or the cap (bytes)
   */
  constructor(
    readonly reason: "timeout" | "tooLarge",
    readonly url: string,
    readonly limit: number,
  ) {
    super(reason === "timeout" ? `${url}: no answer within ${limit} ms` : `${url}: more than ${limit} bytes`);
    this.name = "FeedFetchError";
  }
}

export type FeedFailure =
  | { readonly kind: "offline"; readonly url: string }
  | { readonly kind: "timeout"; readonly url: string; readonly seconds: number }
  | { readonly kind: "http"; readonly url: string; readonly status: number }
  | { readonly kind: "tooLarge"; readonly url: string; readonly limitBytes: number }
  /** Not JSON at all (truncated, an HTML error page, not UTF-8): the index (id null) or a dataset's file. */
  | { readonly kind: "notJson"; readonly url: string; readonly id: string | null; readonly problem: string }
  | { readonly kind: "badIndex"; readonly problem: string }
  | { readonly kind: "badFile"; readonly id: string; readonly problem: string }
  | { readonly kind: "hashMismatch"; readonly id: string }
  | { readonly kind: "mismatch"; readonly id: string; readonly found: string; readonly version: string }
  /** The feed's origin is not one the page's Content-Security-Policy allows: not even tried. */
  | { readonly kind: "blocked"; readonly url: string; readonly origins: string }
  /** The feed offers an older version than the one already loaded: refused. */
  | { readonly kind: "downgrade"; readonly id: string; readonly loaded: string; readonly offered: string };

export type FeedResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: FeedFailure };

/**
 * Largest file the pane accepts from a feed: 2 MiB. The published datasets are a few KB each
 * (the largest, bigtech-capex.json, 9 KB; a 100,000-cell dataset would be about 1.5 MB), so this
 * refuses only what cannot be a dataset, before it costs memory. feed-http.ts checks the declared
 * Content-Length first and then counts the bytes as they arrive, so a missing or lying header
 * cannot get past it; fetchFeed* check the size again for any other FeedIO.
 */
export const MAX_FEED_BYTES = 2 * 1024 * 1024;

/**
 * Compares two dataset versions ("major.minor.patch" with an optional "-pre.release") by semver
 * precedence: a pre-release comes before its release, numeric identifiers compare as numbers.
 * @returns a negative number when a is older than b, 0 when equal, positive when newer
 * @example compareVersions("1.2.0", "1.10.0") // < 0
 * @example compareVersions("2.0.0-rc.1", "2.0.0") // < 0
 */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const dash = v.indexOf("-");
    const core = (dash < 0 ? v : v.slice(0, dash)).split(".").map((n) => Number(n));
    return { core, pre: dash < 0 ? null : v.slice(dash + 1).split(".") };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.core[i] ?? 0) - (y.core[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre === null || y.pre === null) return x.pre === y.pre ? 0 : x.pre === null ? 1 : -1;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn && Number(p) !== Number(q)) return Number(p) - Number(q);
    if (pn !== qn) return pn ? -1 : 1;
    if (!pn && p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

/**
 * The first dataset the feed offers in an older version than one already loaded (in the workbook
 * or in the pane's last good catalog), or null.
 * @param offered - the feed's entries (or any id and version)
 * @param loaded - the versions already loaded, by dataset id (several per id allowed)
 * @example findDowngrade([{ id: "a", version: "1.0.0" }], [{ id: "a", version: "1.1.0" }]) // { kind: "downgrade", id: "a", loaded: "1.1.0", offered: "1.0.0" }
 */
export function findDowngrade(offered: readonly { readonly id: string; readonly version: string }[], loaded: readonly { readonly id: string; readonly version: string }[]): Extract<FeedFailure, { kind: "downgrade" }> | null {
  for (const entry of offered) {
    for (const have of loaded) {
      if (have.id === entry.id && compareVersions(entry.version, have.version) < 0) return { kind: "downgrade", id: entry.id, loaded: have.version, offered: entry.version };
    }
  }
  return null;
}

/** A feed URL as typed in settings, checked. */
export type FeedUrlCheck =
  | { readonly ok: true; readonly url: string | null }
  | { readonly ok: false; readonly key: "feedUrlInvalid" | "feedUrlNotHttps" | "feedUrlCredentials" }
  /** The page's Content-Security-Policy would block it: the build must add its origin (AIFIN_FEED_URL). */
  | { readonly ok: false; readonly key: "feedUrlNotAllowed"; readonly params: { readonly url: string; readonly origin: string; readonly origins: string } };

/**
 * Checks a feed URL typed in settings: empty means the add-in's own origin; otherwise an https
 * address without user name or password, at an origin the page's Content-Security-Policy lets the
 * pane connect to (see allowedFeedOrigins). "…/index.json" is accepted and means its folder; the
 * result always ends with "/".
 * @param text - what the user typed
 * @param origins - the origins the page may connect to, or null when no policy restricts it
 * @example validateFeedUrl("https://data.example.com/aifin", null) // { ok: true, url: "https://data.example.com/aifin/" }
 * @example validateFeedUrl("http://data.example.com/", null) // { ok: false, key: "feedUrlNotHttps" }
 * @example validateFeedUrl("https://other.example/", ["https://addin.example.com"]).ok // false (feedUrlNotAllowed)
 */
export function validateFeedUrl(text: string, origins: readonly string[] | null): FeedUrlCheck {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, url: null };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, key: "feedUrlInvalid" };
  }
  if (url.protocol !== "https:") return { ok: false, key: "feedUrlNotHttps" };
  if (url.username !== "" || url.password !== "") return { ok: false, key: "feedUrlCredentials" };
  url.hash = "";
  url.search = "";
  let path = url.pathname.replace(/\/index\.json$/i, "/");
  if (!path.endsWith("/")) path += "/";
  url.pathname = path;
  if (!feedOriginAllowed(url.href, origins)) {
    return { ok: false, key: "feedUrlNotAllowed", params: { url: url.href, origin: url.origin, origins: (origins ?? []).join(", ") } };
  }
  return { ok: true, url: url.href };
}

/** True when the page may connect to the feed at `base` (always, when no policy restricts it). */
export function feedOriginAllowed(base: string, origins: readonly string[] | null): boolean {
  return origins === null || origins.includes(new URL(base).origin);
}

/** The sources of a directive of one policy, or null when the policy does not have it. */
function directive(policy: string, name: string): string[] | null {
  for (const part of policy.split(";")) {
    const [directiveName, ...sources] = part.trim().split(/\s+/);
    if (directiveName?.toLowerCase() === name) return sources;
  }
  return null;
}

/**
 * The origins the pane may fetch from, as the page's Content-Security-Policies say (the build
 * writes them: its own origin and the feeds given in AIFIN_FEED_URL, see build/csp.cjs). A fetch
 * must pass every policy that has connect-src (or, without it, default-src); 'self' is the page's
 * own origin. Other source forms (schemes, wildcards) are not used by AIFIN's build and allow
 * nothing here.
 * @param policies - the content of each Content-Security-Policy meta of the page
 * @param pageUrl - the page's URL ('self')
 * @returns the origins, or null when no policy restricts connections
 * @example allowedFeedOrigins(["default-src 'self'; connect-src 'self' https://feed.example.com"], "https://addin.example.com/aifin/taskpane.html") // ["https://addin.example.com", "https://feed.example.com"]
 */
export function allowedFeedOrigins(policies: readonly string[], pageUrl: string): string[] | null {
  const self = new URL(pageUrl).origin;
  let allowed: string[] | null = null;
  for (const policy of policies) {
    const sources = directive(policy, "connect-src") ?? directive(policy, "default-src");
    if (sources === null) continue;
    const origins = sources.flatMap((source) => {
      if (source === "'self'") return [self];
      if (!/^https:\/\/[^*/]+$/i.test(source)) return [];
      try {
        return [new URL(source).origin];
      } catch {
        return [];
      }
    });
    allowed = allowed === null ? [...new Set(origins)] : allowed.filter((o) => origins.includes(o));
  }
  return allowed;
}

/**
 * The folder the pane reads datasets from: the feed URL from settings, or "datasets/" beside the
 * pane's page (the build publishes dist/datasets/ there).
 * @param feedUrl - a checked feed URL, or null
 * @param pageUrl - the pane page's URL (location.href)
 * @example feedBase(null, "https://addin.example.com/aifin/taskpane.html") // "https://addin.example.com/aifin/datasets/"
 */
export function feedBase(feedUrl: string | null, pageUrl: string): string {
  return feedUrl ?? new URL("datasets/", pageUrl).href;
}

const entrySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/),
  title: z.object({ en: z.string().min(1), ko: z.string().min(1) }),
  version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/, "must be a sha256 in lower-case hex"),
  rows: z.number().int().nonnegative(),
  file: z.string(),
});
const ratesEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/, "must be a sha256 in lower-case hex"),
  days: z.number().int().positive(),
  file: z.string(),
});
const indexSchema = z.object({ datasets: z.array(entrySchema), rates: ratesEntrySchema.optional() });

/** The ECB reference rates the feed publishes (a packed file, data/fx/ecb-reference-rates.json). */
export interface RatesEntry {
  readonly id: string;
  readonly version: string;
  /** The last day covered. */
  readonly asOf: string;
  readonly hash: string;
  readonly days: number;
  readonly file: string;
}

/**
 * Checks a parsed index.json: its shape, unique ids, and file names that are exactly "<id>.json"
 * (so a feed cannot point the pane anywhere else).
 * @returns the entries, or the first problem in words
 */
export function parseFeedIndex(json: unknown): { ok: true; entries: FeedEntry[]; rates: RatesEntry | null } | { ok: false; problem: string } {
  const parsed = indexSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `${issue.path.join(".") || "(root)"}: ${issue.message}` };
  }
  const seen = new Set<string>();
  for (const entry of parsed.data.datasets) {
    if (entry.file !== `${entry.id}.json`) return { ok: false, problem: `${entry.id}: file must be ${entry.id}.json, not ${entry.file}` };
    if (seen.has(entry.id)) return { ok: false, problem: `${entry.id} is listed twice` };
    seen.add(entry.id);
  }
  const rates = parsed.data.rates ?? null;
  if (rates && rates.file !== `${rates.id}.json`) return { ok: false, problem: `${rates.id}: file must be ${rates.id}.json, not ${rates.file}` };
  if (rates && seen.has(rates.id)) return { ok: false, problem: `${rates.id} is listed twice` };
  return { ok: true, entries: parsed.data.datasets, rates };
}

async function getBytes(io: FeedIO, url: string): Promise<FeedResult<Uint8Array>> {
  let response: { status: number; bytes: Uint8Array };
  try {
    response = await io.get(url);
  } catch (error) {
    if (error instanceof FeedFetchError && error.reason === "timeout") return { ok: false, failure: { kind: "timeout", url, seconds: Math.round(error.limit / 100) / 10 } };
    if (error instanceof FeedFetchError && error.reason === "tooLarge") return { ok: false, failure: { kind: "tooLarge", url, limitBytes: MAX_FEED_BYTES } };
    return { ok: false, failure: { kind: "offline", url } };
  }
  if (response.status < 200 || response.status > 299) return { ok: false, failure: { kind: "http", url, status: response.status } };
  if (response.bytes.byteLength > MAX_FEED_BYTES) return { ok: false, failure: { kind: "tooLarge", url, limitBytes: MAX_FEED_BYTES } };
  return { ok: true, value: response.bytes };
}

/** Bytes as JSON (strict UTF-8), or what is wrong with them. */
function json(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Fetches and checks the feed's index.
 * @param io - network and hashing
 * @param base - the feed folder (see feedBase)
 */
export async function fetchFeedIndex(io: FeedIO, base: string): Promise<FeedResult<FeedEntry[]> & { readonly rates?: RatesEntry | null }> {
  const url = new URL("index.json", base).href;
  const got = await getBytes(io, url);
  if (!got.ok) return got;
  const parsed = json(got.value);
  if (!parsed.ok) return { ok: false, failure: { kind: "notJson", url, id: null, problem: parsed.problem } };
  const index = parseFeedIndex(parsed.value);
  return index.ok ? { ok: true, value: index.entries, rates: index.rates } : { ok: false, failure: { kind: "badIndex", problem: index.problem } };
}

/**
 * Fetches the feed's ECB rates file and checks it like a dataset: sha256 as the index says,
 * valid JSON, a packed file that unpacks whole, the id and version the index says.
 */
export async function fetchFeedRates(io: FeedIO, base: string, entry: RatesEntry): Promise<FeedResult<PackedRates>> {
  const fetched = await fetchListedJson(io, base, entry);
  if (!fetched.ok) return fetched;
  const checked = parsePackedRates(fetched.value.value);
  if (!checked.ok) return { ok: false, failure: { kind: "badFile", id: entry.id, problem: checked.problems[0] ?? "invalid" } };
  if (checked.rates.meta.id !== entry.id || checked.rates.meta.version !== entry.version) {
    return { ok: false, failure: { kind: "mismatch", id: entry.id, found: checked.rates.meta.id, version: checked.rates.meta.version } };
  }
  return { ok: true, value: checked.rates };
}

/** A dataset as fetched from the feed, checked, with its file's hash. */
export interface FetchedDataset {
  readonly dataset: Dataset;
  readonly hash: string;
}

/**
 * Fetches one dataset file and checks it: sha256 as the index says, valid JSON, a valid dataset
 * (schema and cross-checks), the id and version the index says.
 */
/** A feed file's JSON once its size and sha256 are as the index says. */
async function fetchListedJson(io: FeedIO, base: string, entry: { readonly id: string; readonly file: string; readonly hash: string }): Promise<FeedResult<{ value: unknown; hash: string }>> {
  const url = new URL(entry.file, base).href;
  const got = await getBytes(io, url);
  if (!got.ok) return got;
  const hash = await io.sha256(got.value);
  if (hash !== entry.hash) return { ok: false, failure: { kind: "hashMismatch", id: entry.id } };
  const parsed = json(got.value);
  if (!parsed.ok) return { ok: false, failure: { kind: "notJson", url, id: entry.id, problem: parsed.problem } };
  return { ok: true, value: { value: parsed.value, hash } };
}

export async function fetchFeedDataset(io: FeedIO, base: string, entry: FeedEntry): Promise<FeedResult<FetchedDataset>> {
  const fetched = await fetchListedJson(io, base, entry);
  if (!fetched.ok) return fetched;
  const { value, hash } = fetched.value;
  const checked = parseDataset(value);
  if (!checked.ok) return { ok: false, failure: { kind: "badFile", id: entry.id, problem: checked.problems[0] ?? "invalid" } };
  const { meta } = checked.dataset;
  if (meta.id !== entry.id || meta.version !== entry.version) {
    return { ok: false, failure: { kind: "mismatch", id: entry.id, found: meta.id, version: meta.version } };
  }
  return { ok: true, value: { dataset: checked.dataset, hash } };
}

/**
 * Fetches and checks several dataset files; the first failure stops everything (a refresh
 * applies all or nothing).
 */
export async function fetchFeedDatasets(io: FeedIO, base: string, entries: readonly FeedEntry[]): Promise<FeedResult<Map<string, FetchedDataset>>> {
  const results = await Promise.all(entries.map((entry) => fetchFeedDataset(io, base, entry)));
  const out = new Map<string, FetchedDataset>();
  for (let i = 0; i < entries.length; i++) {
    const r = results[i];
    if (!r.ok) return r;
    out.set(entries[i].id, r.value);
  }
  return { ok: true, value: out };
}
