/* Downloading what the importers read, where the internet is reachable: SEC company facts (with
 * the descriptive User-Agent the SEC asks for, at most 10 requests a second) and OpenDART
 * fnlttSinglAcntAll responses (with the key from the environment, a few requests a second, each
 * corp_code first checked against its stock code). The network is a parameter (node's fetch in
 * the command, a fake in the tests), and so is the clock. Nothing is written here. */
import { DART_REPORTS, REPORT_CODES } from "./dart";
import { paddedCik } from "./sec";
import type { DartCompanyMap } from "./mapping";

/** The part of fetch the importers use. */
export type Fetcher = (url: string, init: { headers: Record<string, string> }) => Promise<{ readonly ok: boolean; readonly status: number; text(): Promise<string> }>;

/** Time, so the rate limit can be tested without waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_CLOCK: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/** The SEC's fair-access limit is 10 requests a second; we stay below it. */
export const SEC_PER_SECOND = 8;
/** OpenDART publishes a daily limit (20,000) rather than a rate; a few a second is polite. */
export const DART_PER_SECOND = 5;

/** A download refused, with the reason (never containing the API key). */
export class FetchRefusal extends Error {}

/**
 * Wraps a fetcher so that no more than `perSecond` requests start in any one second (a sliding
 * window), requests running one after another.
 * @example const get = rateLimited(fetch, 8, REAL_CLOCK)
 */
export function rateLimited(fetcher: Fetcher, perSecond: number, clock: Clock): Fetcher {
  const starts: number[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  return (url, init) => {
    const run = async () => {
      while (starts.length >= perSecond) {
        const wait = starts[starts.length - perSecond] + 1000 - clock.now();
        if (wait <= 0) break;
        await clock.sleep(wait);
      }
      starts.push(clock.now());
      if (starts.length > perSecond) starts.splice(0, starts.length - perSecond);
      return fetcher(url, init);
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };
}

/**
 * The User-Agent for sec.gov: AIFIN_SEC_USER_AGENT, which must name the sender and an e-mail
 * address ("Example Corp data@example.com"), as the SEC's fair-access policy asks.
 * @throws FetchRefusal when it is missing or has no e-mail address
 */
export function secUserAgent(env: Readonly<Record<string, string | undefined>>): string {
  const agent = (env.AIFIN_SEC_USER_AGENT ?? "").trim();
  if (agent === "") throw new FetchRefusal("AIFIN_SEC_USER_AGENT is not set: the SEC asks every client to say who it is, e.g. AIFIN_SEC_USER_AGENT='Example Corp data@example.com'");
  if (!/\S+@\S+\.\S+/.test(agent) || !/[A-Za-z]{2,}.*\s/.test(agent)) throw new FetchRefusal(`AIFIN_SEC_USER_AGENT '${agent}' must name the sender and a contact e-mail address, e.g. 'Example Corp data@example.com'`);
  return agent;
}

/** The DART API key from AIFIN_DART_KEY. @throws FetchRefusal when it is missing or not 40 characters. */
export function dartKey(env: Readonly<Record<string, string | undefined>>): string {
  const key = (env.AIFIN_DART_KEY ?? "").trim();
  if (key === "") throw new FetchRefusal("AIFIN_DART_KEY is not set: OpenDART needs an API key (https://opendart.fss.or.kr, 인증키 신청)");
  if (!/^[0-9a-zA-Z]{40}$/.test(key)) throw new FetchRefusal("AIFIN_DART_KEY is not a 40-character OpenDART key");
  return key;
}

/** The company-facts URL of a CIK. */
export function secFactsUrl(cik: number): string {
  return `https://data.sec.gov/api/xbrl/companyfacts/CIK${paddedCik(cik)}.json`;
}

/** A downloaded file: the name to save it under and its text. */
export interface Download {
  readonly name: string;
  readonly text: string;
}

/**
 * Downloads the company facts of some CIKs, one after another under the rate limit.
 * @returns one download per CIK (CIK##########.json)
 * @throws FetchRefusal on an HTTP error, naming the CIK and the status
 */
export async function fetchSecFacts(ciks: readonly number[], userAgent: string, fetcher: Fetcher): Promise<Download[]> {
  const out: Download[] = [];
  for (const cik of ciks) {
    const url = secFactsUrl(cik);
    const response = await fetcher(url, { headers: { "User-Agent": userAgent, Accept: "application/json" } });
    if (!response.ok) {
      const why = response.status === 403 ? " (the SEC refuses clients without an accepted User-Agent, or over the rate limit)" : response.status === 404 ? " (no such CIK)" : "";
      throw new FetchRefusal(`${url}: HTTP ${response.status}${why}`);
    }
    out.push({ name: `CIK${paddedCik(cik)}.json`, text: await response.text() });
  }
  return out;
}

function dartUrl(path: string, params: Record<string, string>): string {
  return `https://opendart.fss.or.kr/api/${path}?${new URLSearchParams(params).toString()}`;
}

/** A URL as it may be shown: the key replaced. */
function shown(url: string): string {
  return url.replace(/crtfc_key=[^&]*/, "crtfc_key=…");
}

async function dartJson(fetcher: Fetcher, url: string): Promise<{ text: string; status: string; message: string; json: Record<string, unknown> }> {
  const response = await fetcher(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new FetchRefusal(`${shown(url)}: HTTP ${response.status}`);
  const text = await response.text();
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new FetchRefusal(`${shown(url)}: the answer is not JSON`);
  }
  return { text, status: String(json.status ?? ""), message: String(json.message ?? ""), json };
}

/**
 * Downloads the four periodic reports of each company for each year, after checking with
 * company.json that each corp_code is the company's (its stock code matches the mapping's).
 * Status 013 (no data: a report not filed yet) is skipped and said; any other error status
 * refuses the whole download.
 * @returns the downloads (dart-<corp_code>-<year>-<reprt_code>.json) and lines naming what was skipped
 * @throws FetchRefusal on an HTTP error, an error status, or a corp_code that is not the company's
 */
export async function fetchDartReports(companies: readonly DartCompanyMap[], years: readonly number[], key: string, fetcher: Fetcher): Promise<{ downloads: Download[]; skipped: string[] }> {
  const downloads: Download[] = [];
  const skipped: string[] = [];
  for (const map of companies) {
    const info = await dartJson(fetcher, dartUrl("company.json", { crtfc_key: key, corp_code: map.corpCode }));
    if (info.status !== "000") throw new FetchRefusal(`company.json for ${map.company.id} (${map.corpCode}): DART status ${info.status} ${info.message}`);
    const stock = String(info.json.stock_code ?? "").trim();
    if (stock !== map.stockCode) {
      throw new FetchRefusal(`corp_code ${map.corpCode} is ${String(info.json.corp_name ?? "?")} (stock code '${stock}'), not ${map.company.id} (${map.stockCode}): fix data/importers/dart-accounts.json`);
    }
    for (const year of years) {
      for (const code of REPORT_CODES) {
        const url = dartUrl("fnlttSinglAcntAll.json", { crtfc_key: key, corp_code: map.corpCode, bsns_year: String(year), reprt_code: code, fs_div: "CFS" });
        const got = await dartJson(fetcher, url);
        if (got.status === "013") {
          skipped.push(`${map.company.id} ${year} ${DART_REPORTS[code].name}: no data (013), not filed yet or not in OpenDART`);
          continue;
        }
        if (got.status !== "000") throw new FetchRefusal(`${map.company.id} ${year} ${DART_REPORTS[code].name}: DART status ${got.status} ${got.message}`);
        downloads.push({ name: `dart-${map.corpCode}-${year}-${code}.json`, text: got.text });
      }
    }
  }
  return { downloads, skipped };
}
