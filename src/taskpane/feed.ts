/* The published datasets: dist/datasets/index.json and one file per dataset, from the add-in's
 * own origin or a feed URL set in the workbook (https only). Everything here is pure except the
 * FeedIO the entry passes in (fetch and crypto.subtle), so the checks are tested without a network.
 * A feed is trusted only after checking: the index against its schema, each file's sha256 against
 * the index, the file against the dataset schema, its id and version against the index. */
import { z } from "zod";
import { parseDataset, type Dataset } from "../core/data/schema";

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
  /** GETs a URL; rejects when the network fails (offline, blocked, timed out). */
  get(url: string): Promise<{ readonly status: number; readonly bytes: Uint8Array }>;
  /** sha256 of bytes, lower-case hex. */
  sha256(bytes: Uint8Array): Promise<string>;
}

export type FeedFailure =
  | { readonly kind: "offline"; readonly url: string }
  | { readonly kind: "http"; readonly url: string; readonly status: number }
  | { readonly kind: "tooLarge"; readonly url: string }
  | { readonly kind: "badIndex"; readonly problem: string }
  | { readonly kind: "badFile"; readonly id: string; readonly problem: string }
  | { readonly kind: "hashMismatch"; readonly id: string }
  | { readonly kind: "mismatch"; readonly id: string; readonly found: string; readonly version: string };

export type FeedResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: FeedFailure };

/** Largest file the pane accepts from a feed. */
export const MAX_FEED_BYTES = 32 * 1024 * 1024;

/** A feed URL as typed in settings, checked. */
export type FeedUrlCheck = { readonly ok: true; readonly url: string | null } | { readonly ok: false; readonly key: "feedUrlInvalid" | "feedUrlNotHttps" | "feedUrlCredentials" };

/**
 * Checks a feed URL typed in settings: empty means the add-in's own origin; otherwise an https
 * address without user name or password. "…/index.json" is accepted and means its folder; the
 * result always ends with "/".
 * @example validateFeedUrl("https://data.example.com/aifin") // { ok: true, url: "https://data.example.com/aifin/" }
 * @example validateFeedUrl("http://data.example.com/") // { ok: false, key: "feedUrlNotHttps" }
 */
export function validateFeedUrl(text: string): FeedUrlCheck {
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
  return { ok: true, url: url.href };
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
const indexSchema = z.object({ datasets: z.array(entrySchema) });

/**
 * Checks a parsed index.json: its shape, unique ids, and file names that are exactly "<id>.json"
 * (so a feed cannot point the pane anywhere else).
 * @returns the entries, or the first problem in words
 */
export function parseFeedIndex(json: unknown): { ok: true; entries: FeedEntry[] } | { ok: false; problem: string } {
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
  return { ok: true, entries: parsed.data.datasets };
}

async function getBytes(io: FeedIO, url: string): Promise<FeedResult<Uint8Array>> {
  let response: { status: number; bytes: Uint8Array };
  try {
    response = await io.get(url);
  } catch {
    return { ok: false, failure: { kind: "offline", url } };
  }
  if (response.status < 200 || response.status > 299) return { ok: false, failure: { kind: "http", url, status: response.status } };
  if (response.bytes.byteLength > MAX_FEED_BYTES) return { ok: false, failure: { kind: "tooLarge", url } };
  return { ok: true, value: response.bytes };
}

function json(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
}

/**
 * Fetches and checks the feed's index.
 * @param io - network and hashing
 * @param base - the feed folder (see feedBase)
 */
export async function fetchFeedIndex(io: FeedIO, base: string): Promise<FeedResult<FeedEntry[]>> {
  const got = await getBytes(io, new URL("index.json", base).href);
  if (!got.ok) return got;
  let parsed: unknown;
  try {
    parsed = json(got.value);
  } catch (error) {
    return { ok: false, failure: { kind: "badIndex", problem: error instanceof Error ? error.message : String(error) } };
  }
  const index = parseFeedIndex(parsed);
  return index.ok ? { ok: true, value: index.entries } : { ok: false, failure: { kind: "badIndex", problem: index.problem } };
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
export async function fetchFeedDataset(io: FeedIO, base: string, entry: FeedEntry): Promise<FeedResult<FetchedDataset>> {
  const got = await getBytes(io, new URL(entry.file, base).href);
  if (!got.ok) return got;
  const hash = await io.sha256(got.value);
  if (hash !== entry.hash) return { ok: false, failure: { kind: "hashMismatch", id: entry.id } };
  let parsed: unknown;
  try {
    parsed = json(got.value);
  } catch (error) {
    return { ok: false, failure: { kind: "badFile", id: entry.id, problem: error instanceof Error ? error.message : String(error) } };
  }
  const checked = parseDataset(parsed);
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
