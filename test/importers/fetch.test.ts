/* Downloading for the importers, with a fake network and a fake clock: the SEC's User-Agent and
 * rate limit, OpenDART's key, its corp_code check and its statuses. The real services are only
 * reachable where the internet is. */
import { DART_PER_SECOND, FetchRefusal, SEC_PER_SECOND, dartKey, fetchDartReports, fetchSecFacts, rateLimited, secFactsUrl, secUserAgent, type Clock, type Fetcher } from "../../scripts/importers/fetch";
import { dartMapping } from "./support";

/** A clock that only moves when someone sleeps. */
function fakeClock(): Clock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** A network that answers from a function and records every request. */
function fakeNetwork(answer: (url: string) => { status?: number; body: unknown }) {
  const requests: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetcher: Fetcher = async (url, init) => {
    requests.push({ url, headers: init.headers });
    const { status = 200, body } = answer(url);
    return { ok: status >= 200 && status < 300, status, text: async () => (typeof body === "string" ? body : JSON.stringify(body)) };
  };
  return { fetcher, requests };
}

describe("rateLimited", () => {
  it.each([SEC_PER_SECOND, DART_PER_SECOND, 10])("starts no more than %i requests in any one second", async (perSecond) => {
    const clock = fakeClock();
    const starts: number[] = [];
    const limited = rateLimited(async () => {
      starts.push(clock.now());
      return { ok: true, status: 200, text: async () => "" };
    }, perSecond, clock);
    await Promise.all(Array.from({ length: 35 }, (_, i) => limited(`https://example.com/${i}`, { headers: {} })));
    expect(starts).toHaveLength(35);
    for (const start of starts) expect(starts.filter((s) => s >= start && s < start + 1000).length).toBeLessThanOrEqual(perSecond);
    expect(starts[starts.length - 1]).toBeGreaterThanOrEqual(Math.floor(34 / perSecond) * 1000);
  });

  it("stays below the SEC's 10 a second", () => {
    expect(SEC_PER_SECOND).toBeLessThanOrEqual(10);
  });
});

describe("the SEC's User-Agent", () => {
  it("is read from AIFIN_SEC_USER_AGENT", () => {
    expect(secUserAgent({ AIFIN_SEC_USER_AGENT: " Example Corp data@example.com " })).toBe("Example Corp data@example.com");
  });

  it.each([
    [{}, /AIFIN_SEC_USER_AGENT is not set/],
    [{ AIFIN_SEC_USER_AGENT: "   " }, /AIFIN_SEC_USER_AGENT is not set/],
    [{ AIFIN_SEC_USER_AGENT: "aifin" }, /must name the sender and a contact e-mail address/],
    [{ AIFIN_SEC_USER_AGENT: "data@example.com" }, /must name the sender and a contact e-mail address/],
  ])("refuses %j", (env, reason) => {
    expect(() => secUserAgent(env)).toThrow(reason);
  });
});

describe("fetchSecFacts", () => {
  it("asks for each CIK's company facts with the User-Agent, and names the download after it", async () => {
    const net = fakeNetwork(() => ({ body: { cik: 789019 } }));
    const got = await fetchSecFacts([789019, 1045810], "Example Corp data@example.com", net.fetcher);
    expect(net.requests.map((r) => r.url)).toEqual(["https://data.sec.gov/api/xbrl/companyfacts/CIK0000789019.json", "https://data.sec.gov/api/xbrl/companyfacts/CIK0001045810.json"]);
    expect(net.requests.every((r) => r.headers["User-Agent"] === "Example Corp data@example.com")).toBe(true);
    expect(got.map((d) => d.name)).toEqual(["CIK0000789019.json", "CIK0001045810.json"]);
    expect(secFactsUrl(51143)).toBe("https://data.sec.gov/api/xbrl/companyfacts/CIK0000051143.json");
  });

  it.each([
    [403, /HTTP 403 \(the SEC refuses clients without an accepted User-Agent, or over the rate limit\)/],
    [404, /CIK0000789019\.json: HTTP 404 \(no such CIK\)/],
    [503, /HTTP 503$/],
  ])("refuses an HTTP %i", async (status, reason) => {
    const net = fakeNetwork(() => ({ status, body: "" }));
    await expect(fetchSecFacts([789019], "Example Corp data@example.com", net.fetcher)).rejects.toThrow(reason);
  });
});

describe("OpenDART", () => {
  const KEY = "0123456789abcdef0123456789abcdef01234567";
  const samsung = dartMapping().companies.filter((c) => c.company.id === "samsung-electronics");

  it("reads the key from AIFIN_DART_KEY and refuses a missing or malformed one", () => {
    expect(dartKey({ AIFIN_DART_KEY: KEY })).toBe(KEY);
    expect(() => dartKey({})).toThrow(/AIFIN_DART_KEY is not set/);
    expect(() => dartKey({ AIFIN_DART_KEY: "short" })).toThrow(/not a 40-character OpenDART key/);
  });

  const report = (url: string) => {
    if (url.includes("company.json")) return { body: { status: "000", corp_name: "삼성전자", stock_code: "005930" } };
    if (url.includes("reprt_code=11014")) return { body: { status: "013", message: "조회된 데이타가 없습니다." } };
    return { body: { status: "000", message: "정상", list: [] } };
  };

  it("checks the corp_code's stock code, then asks for the four reports of each year, consolidated", async () => {
    const net = fakeNetwork(report);
    const got = await fetchDartReports(samsung, [2025], KEY, net.fetcher);
    expect(net.requests.map((r) => r.url.replace(KEY, "KEY"))).toEqual([
      "https://opendart.fss.or.kr/api/company.json?crtfc_key=KEY&corp_code=00126380",
      ...["11013", "11012", "11014", "11011"].map((code) => `https://opendart.fss.or.kr/api/fnlttSinglAcntAll.json?crtfc_key=KEY&corp_code=00126380&bsns_year=2025&reprt_code=${code}&fs_div=CFS`),
    ]);
    expect(got.downloads.map((d) => d.name)).toEqual(["dart-00126380-2025-11013.json", "dart-00126380-2025-11012.json", "dart-00126380-2025-11011.json"]);
    expect(got.skipped).toEqual(["samsung-electronics 2025 3분기보고서: no data (013), not filed yet or not in OpenDART"]);
  });

  it("refuses a corp_code that is another company's", async () => {
    const net = fakeNetwork(() => ({ body: { status: "000", corp_name: "SK하이닉스", stock_code: "000660" } }));
    await expect(fetchDartReports(samsung, [2025], KEY, net.fetcher)).rejects.toThrow("corp_code 00126380 is SK하이닉스 (stock code '000660'), not samsung-electronics (005930): fix data/importers/dart-accounts.json");
  });

  it("refuses the whole download on an error status, without showing the key", async () => {
    const net = fakeNetwork((url) => (url.includes("company.json") ? report(url) : { body: { status: "020", message: "요청 제한을 초과하였습니다." } }));
    const refusal = await fetchDartReports(samsung, [2025], KEY, net.fetcher).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(FetchRefusal);
    expect((refusal as Error).message).toBe("samsung-electronics 2025 1분기보고서: DART status 020 요청 제한을 초과하였습니다.");
  });

  it("refuses an HTTP error or an answer that is not JSON, with the key hidden", async () => {
    const http = fakeNetwork(() => ({ status: 500, body: "" }));
    const refusal = (await fetchDartReports(samsung, [2025], KEY, http.fetcher).catch((e: unknown) => e)) as Error;
    expect(refusal.message).toBe("https://opendart.fss.or.kr/api/company.json?crtfc_key=…&corp_code=00126380: HTTP 500");
    const html = fakeNetwork(() => ({ body: "<html>점검 중</html>" }));
    await expect(fetchDartReports(samsung, [2025], KEY, html.fetcher)).rejects.toThrow(/crtfc_key=…&corp_code=00126380: the answer is not JSON$/);
  });
});
