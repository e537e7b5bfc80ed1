/* The DART importer on hand-made fnlttSinglAcntAll responses: the rows it proposes from a year of
 * reports, their provenance, and every bad file refused with the file and the reason. */
import { readDartFacts, receiptDate } from "../../scripts/importers/dart";
import { importFiles } from "../../scripts/importers/run";
import { dartMapping, datasetsWith, fixture, fixtureJson, importContext } from "./support";

const SAMSUNG = ["samsung-2024-annual.json", "samsung-2025-q1.json", "samsung-2025-h1.json", "samsung-2025-q3.json", "samsung-2025-annual.json"];
const proposalOf = (names: string[]) => {
  const result = importFiles("dart", names.map((n) => fixture("dart", n)), importContext("dart", datasetsWith()));
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.proposal;
};
const items = proposalOf([...SAMSUNG, "skhynix-2025-annual.json"]);
const row = (id: string) => items.items.find((i) => i.id === id)?.row;
const problemsOf = (name: string, text = fixture("dart", name).text) => {
  const read = readDartFacts(name, text, dartMapping());
  return read.ok ? [] : read.problems;
};
type Response = { list: Array<Record<string, string>> };

describe("dart: what the rows say", () => {
  it("quotes the account, the amount as written, the statement, the report and its 접수번호", () => {
    expect(row("samsung-electronics:capex:2025-Q1")).toMatchObject({
      period: "2025-Q1",
      label: "2025-01-01 to 2025-03-31",
      value: 12000000000000,
      published: "-12000000000000",
      unit: "units",
      currency: "KRW",
      status: "confirmed",
      source: "dart-20250515000111",
      quote: "유형자산의 취득 -12000000000000 KRW (현금흐름표, 1분기보고서 2025, 당기 누적, 접수번호 20250515000111)",
    });
  });

  it("cites the report on DART: 접수번호 in the id, the viewer URL, the company and report, the receipt date", () => {
    expect(items.items.find((i) => i.id === "samsung-electronics:capex:2025-Q1")?.source).toEqual({
      id: "dart-20250515000111",
      publisher: "Samsung Electronics (1분기보고서, DART)",
      title: "삼성전자 분기보고서 (2025.03), 접수번호 20250515000111",
      url: "https://dart.fss.or.kr/dsaf001/main.do?rcpNo=20250515000111",
      published: "2025-05-15",
      kind: "filing",
      note: "Figures from OpenDART's 단일회사 전체 재무제표 (fnlttSinglAcntAll, 연결재무제표 fs_div=CFS), imported with npm run data:import.",
    });
  });

  it("takes a quarter's revenue from the quarterly report's three months, not its cumulative total", () => {
    expect(row("samsung-electronics:revenue:2025-Q2")).toMatchObject({ value: 75000000000000, status: "confirmed", published: "75000000000000" });
    expect(row("samsung-electronics:revenue:2025-Q3")).toMatchObject({ value: 86000000000000, status: "confirmed" });
  });

  it("derives cash-flow quarters from the cumulative totals, and the fourth quarter from the year", () => {
    expect(row("samsung-electronics:capex:2025-Q2")).toMatchObject({ value: 11000000000000, status: "derived", source: "dart-20250814000222" });
    expect(row("samsung-electronics:capex:2025-Q3")).toMatchObject({ value: 9000000000000, status: "derived" });
    expect(row("samsung-electronics:capex:2025-Q4")).toMatchObject({ value: 20000000000000, status: "derived", source: "dart-20260310000444" });
    expect(row("samsung-electronics:revenue:2025-Q4")?.derivedFrom).toEqual([
      "매출액 333000000000000 KRW (손익계산서, 사업보고서 2025, 당기, 접수번호 20260310000444), dart-20260310000444 filed 2026-03-10",
      "매출액 240000000000000 KRW (손익계산서, 3분기보고서 2025, 당기 누적, 접수번호 20251114000333), dart-20251114000333 filed 2025-11-14",
    ]);
  });

  it("proposes the year before as the later 사업보고서 restates it, and reports the restatement", () => {
    expect(row("samsung-electronics:revenue:2024")).toMatchObject({ value: 300000000000000, source: "dart-20260310000444" });
    expect(items.restatements).toEqual([
      {
        company: "samsung-electronics",
        metric: "revenue",
        period: "2024",
        values: [
          { value: 300870000000000, source: "dart-20250311000555", filed: "2025-03-11" },
          { value: 300000000000000, source: "dart-20260310000444", filed: "2026-03-10" },
        ],
      },
    ]);
  });

  it("imports 연구개발비 where the statement reports it, and notes where it does not", () => {
    expect(row("sk-hynix:rnd:2025")).toMatchObject({ value: 5900000000000, quote: "경상연구개발비 5900000000000 KRW (손익계산서, 사업보고서 2025, 당기, 접수번호 20260319000666)" });
    expect(items.items.some((i) => i.row.company === "samsung-electronics" && i.row.metric === "rnd")).toBe(false);
    expect(items.notes).toContain("samsung-2025-q1.json: samsung-electronics rnd: not reported (no IS or CIS line 연구개발비 (ifrs-full_ResearchAndDevelopmentExpense))");
  });

  it("reads capex written as a positive amount as well", () => {
    expect(row("sk-hynix:capex:2025")).toMatchObject({ value: 27000000000000, published: "27000000000000" });
  });

  it("reads the receipt date from the 접수번호", () => {
    expect(receiptDate("20250515000111")).toBe("2025-05-15");
    expect(receiptDate("20251340000111")).toBeNull();
  });
});

describe("dart: bad input is refused with the file and the reason", () => {
  it.each([
    ["bad-malformed.json", /^bad-malformed\.json: malformed JSON \(/],
    ["bad-status-013.json", /^bad-status-013\.json: DART status 013: 조회된 데이타가 없습니다\. \(no data for this company, year and report\)$/],
    ["bad-status-020.json", /^bad-status-020\.json: DART status 020: 요청 제한을 초과하였습니다\. \(request limit of the key exceeded\)$/],
    ["bad-untracked.json", /^bad-untracked\.json: corp_code 00999999 is not a company we track/],
    ["bad-missing-capex.json", /^bad-missing-capex\.json: missing account: samsung-electronics capex needs a CF line 유형자산의 취득/],
    ["bad-currency.json", /^bad-currency\.json: 유형자산의 취득 is in 'JPY': only KRW and USD figures are imported$/],
    ["bad-period.json", /^bad-period\.json: thstrm_nm '제 57 기 반기' does not fit reprt_code 11014 \(3분기보고서\): the period does not fit$/],
  ])("%s", (name, reason) => {
    const problems = problemsOf(name);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(reason);
  });

  it("refuses a report received before the end of the period it reports", () => {
    const text = fixture("dart", "samsung-2025-q3.json").text.replace(/20251114000333/g, "20250920000333");
    expect(problemsOf("early.json", text)).toEqual(["early.json: 접수번호 20250920000333 is dated 2025-09-20, not after the end of the period it reports (2025 3분기보고서, to 2025-09-30): the period does not fit"]);
  });

  it("refuses a company whose fiscal year is not the calendar year", () => {
    const mapping = dartMapping();
    const samsung = mapping.companies.find((c) => c.company.id === "samsung-electronics");
    const changed = { ...mapping, companies: [{ ...samsung!, calendar: { type: "month-end" as const, month: 3 } }] };
    const read = readDartFacts("q1.json", fixture("dart", "samsung-2025-q1.json").text, changed);
    expect(read.ok ? [] : read.problems).toEqual(["q1.json: samsung-electronics has a fiscal year ending on the last day of March: DART's 사업연도 is imported only for companies whose fiscal year is the calendar year"]);
  });

  it("refuses separate (OFS) statements", () => {
    const json = fixtureJson("dart", "samsung-2025-q1.json") as unknown as Response;
    for (const line of json.list) line.fs_div = "OFS";
    expect(problemsOf("ofs.json", JSON.stringify(json))).toEqual(["ofs.json: fs_div 'OFS': only consolidated statements (CFS, 연결재무제표) are imported"]);
  });

  it("refuses a file holding two reports", () => {
    const one = fixtureJson("dart", "samsung-2025-q1.json") as unknown as Response;
    const two = fixtureJson("dart", "samsung-2025-h1.json") as unknown as Response;
    expect(problemsOf("two.json", JSON.stringify({ ...one, list: [...one.list, ...two.list] }))[0]).toMatch(/holds more than one report \(20250515000111 and 20250814000222/);
  });

  it("refuses two lines that both match a metric with different amounts", () => {
    const json = fixtureJson("dart", "samsung-2025-q1.json") as unknown as Response;
    const capex = json.list.find((l) => l.sj_div === "CF") as Record<string, string>;
    json.list.push({ ...capex, thstrm_amount: "-1" });
    expect(problemsOf("twice.json", JSON.stringify(json))[0]).toMatch(/^twice\.json: 2 CF lines match capex with different amounts/);
  });

  it.each([
    ["a negative revenue", (l: Record<string, string>) => l.sj_div === "IS" && l.account_nm === "매출액", "-5", /매출액: -5 is negative; a revenue figure is not/],
    ["an amount that is not a number", (l: Record<string, string>) => l.sj_div === "CF", "12억", /유형자산의 취득: '12억' is not a whole amount of KRW/],
  ])("refuses %s", (_name, which, amount, reason) => {
    const json = fixtureJson("dart", "samsung-2025-q1.json") as unknown as Response;
    for (const line of json.list.filter(which)) {
      line.thstrm_amount = amount;
      line.thstrm_add_amount = "";
    }
    expect(problemsOf("bad.json", JSON.stringify(json))[0]).toMatch(reason);
  });

  it("refuses the whole import when any report is bad", () => {
    const result = importFiles("dart", [fixture("dart", "samsung-2025-q1.json"), fixture("dart", "bad-status-020.json")], importContext("dart", datasetsWith()));
    expect(result.ok ? [] : result.problems).toEqual(["bad-status-020.json: DART status 020: 요청 제한을 초과하였습니다. (request limit of the key exceeded)"]);
  });
});
