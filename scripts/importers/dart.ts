/* OpenDART 단일회사 전체 재무제표 (fnlttSinglAcntAll.json, 연결 fs_div=CFS) read into facts: one
 * response is one report (1분기·반기·3분기·사업보고서) of one company, {status, message, list:
 * [{rcept_no, reprt_code, bsns_year, corp_code, sj_div, sj_nm, account_id, account_nm,
 * thstrm_nm, thstrm_amount, thstrm_add_amount, frmtrm_amount, currency, …}]}. Amounts are whole
 * won as text. In a quarterly report an income-statement line gives the quarter (thstrm_amount)
 * and the year to date (thstrm_add_amount); a cash-flow line gives only the year to date. A
 * 사업보고서 gives the year (thstrm_amount) and the year before as it stands now (frmtrm_amount).
 * Refused with the reason: a DART error status, a company we do not track, a missing account, a
 * currency other than KRW/USD, a period that does not fit (a label or date at odds with the report
 * code, a company whose fiscal year is not the calendar year). Pure. */
import { z } from "zod";
import type { Source } from "../../src/core/data/schema";
import { fiscalSpan, isCalendarYear } from "../../src/core/data/fiscal";
import { CURRENCIES, type Currency } from "../../src/core/data/vocabulary";
import { calendarText, parseJson, type Fact, type FileFacts } from "./facts";
import type { DartCompanyMap, DartMapping, DartMetricMap } from "./mapping";

/** The four periodic reports, by OpenDART's reprt_code. */
export const DART_REPORTS = {
  "11013": { quarter: 1, name: "1분기보고서", title: "분기보고서", words: /1\s*분기/ },
  "11012": { quarter: 2, name: "반기보고서", title: "반기보고서", words: /반기/ },
  "11014": { quarter: 3, name: "3분기보고서", title: "분기보고서", words: /3\s*분기/ },
  "11011": { quarter: 4, name: "사업보고서", title: "사업보고서", words: null },
} as const;
export type ReportCode = keyof typeof DART_REPORTS;
/** In the order a year's reports are filed (Object.keys would sort these number-like keys). */
export const REPORT_CODES: readonly ReportCode[] = ["11013", "11012", "11014", "11011"];

/** OpenDART's status codes other than 000, as its guide lists them (the file's own message is shown too). */
export const DART_STATUS: Readonly<Record<string, string>> = {
  "010": "unregistered API key",
  "011": "API key no longer usable",
  "012": "IP address not allowed for this key",
  "013": "no data for this company, year and report",
  "014": "file does not exist",
  "020": "request limit of the key exceeded",
  "021": "too many companies in one request",
  "100": "a request field has an improper value",
  "101": "improper access",
  "800": "DART is under maintenance",
  "900": "undefined error",
  "901": "the key holder's personal-data retention period has expired",
};

const text = z.string();
const lineSchema = z.object({
  rcept_no: z.string().regex(/^\d{14}$/, "must be a 14-digit 접수번호"),
  reprt_code: z.enum(["11013", "11012", "11014", "11011"]),
  bsns_year: z.string().regex(/^\d{4}$/, "must be a year"),
  corp_code: z.string().regex(/^\d{8}$/, "must be an 8-digit corp_code"),
  sj_div: text,
  sj_nm: text.optional(),
  account_id: text.optional(),
  account_nm: text,
  thstrm_nm: text.optional(),
  thstrm_amount: text.optional(),
  thstrm_add_amount: text.optional(),
  frmtrm_amount: text.optional(),
  currency: text.optional(),
  fs_div: text.optional(),
});
type Line = z.infer<typeof lineSchema>;

const responseSchema = z.object({ status: z.string(), message: z.string().optional(), list: z.array(z.unknown()).optional() });

/** The id of a report's source: "dart-" and its 접수번호. */
export function dartSourceId(rceptNo: string): string {
  return `dart-${rceptNo}`;
}

/** The report's page on DART. */
export function dartFilingUrl(rceptNo: string): string {
  return `https://dart.fss.or.kr/dsaf001/main.do?rcpNo=${rceptNo}`;
}

/** The 접수일 a 접수번호 begins with (YYYYMMDD…), as an ISO date, or null when it is not a date. */
export function receiptDate(rceptNo: string): string | null {
  const iso = `${rceptNo.slice(0, 4)}-${rceptNo.slice(4, 6)}-${rceptNo.slice(6, 8)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

const squash = (name: string) => name.replace(/\s+/g, "");

/** The one line of the report that is the metric, null when there is none, or why it is ambiguous. */
function findLine(lines: readonly Line[], metric: DartMetricMap): Line | null | string {
  const names = metric.accountNms.map(squash);
  for (const sj of metric.sjDiv) {
    const inStatement = lines.filter((l) => l.sj_div === sj);
    let hits = inStatement.filter((l) => l.account_id !== undefined && metric.accountIds.includes(l.account_id));
    if (hits.length === 0) hits = inStatement.filter((l) => names.includes(squash(l.account_nm)));
    if (hits.length === 0) continue;
    const amounts = new Set(hits.map((l) => `${l.thstrm_amount ?? ""}|${l.thstrm_add_amount ?? ""}`));
    if (amounts.size > 1) return `${hits.length} ${sj} lines match ${metric.metric} with different amounts (${hits.map((l) => `${l.account_nm} ${l.thstrm_amount ?? ""}`).join("; ")})`;
    return hits[0];
  }
  return null;
}

/** An amount as DART writes it ("-12000000000000", "1,234"), or "" / "-" for none. */
function readAmount(written: string | undefined): { kind: "none" } | { kind: "value"; value: number } | { kind: "bad" } {
  const t = (written ?? "").trim();
  if (t === "" || t === "-") return { kind: "none" };
  if (!/^-?(?:\d{1,3}(?:,\d{3})+|\d+)$/.test(t)) return { kind: "bad" };
  const value = Number(t.replace(/[,-]/g, ""));
  return Number.isSafeInteger(value) ? { kind: "value", value: t.startsWith("-") ? -value : value } : { kind: "bad" };
}

function reportSource(map: DartCompanyMap, line: Line, filed: string): Source {
  const report = DART_REPORTS[line.reprt_code];
  const month = String(report.quarter * 3).padStart(2, "0");
  return {
    id: dartSourceId(line.rcept_no),
    publisher: `${map.company.name.en} (${report.name}, DART)`,
    title: `${map.company.name.ko} ${report.title} (${line.bsns_year}.${month}), 접수번호 ${line.rcept_no}`,
    url: dartFilingUrl(line.rcept_no),
    published: filed,
    kind: "filing",
    note: "Figures from OpenDART's 단일회사 전체 재무제표 (fnlttSinglAcntAll, 연결재무제표 fs_div=CFS), imported with npm run data:import.",
  };
}

/**
 * Reads one fnlttSinglAcntAll response.
 * @param file - the file's name, for messages
 * @param text - its contents
 * @param mapping - data/importers/dart-accounts.json, checked
 * @returns the facts of the mapped lines and notes, or `{ok: false, problems}` naming the file and the reason
 */
export function readDartFacts(file: string, text: string, mapping: DartMapping): FileFacts {
  const refuse = (reasons: string[]): FileFacts => ({ ok: false, problems: reasons.map((r) => `${file}: ${r}`) });
  const json = parseJson(text);
  if (!json.ok) return refuse([json.reason]);
  const shape = responseSchema.safeParse(json.json);
  if (!shape.success) return refuse(["not an OpenDART response (no status)"]);
  const { status, message, list } = shape.data;
  if (status !== "000") return refuse([`DART status ${status}: ${message ?? ""}${DART_STATUS[status] ? ` (${DART_STATUS[status]})` : ""}`]);
  if (!list || list.length === 0) return refuse(["status 000 but no statement lines (list is empty)"]);

  const lines: Line[] = [];
  const problems: string[] = [];
  list.forEach((raw, i) => {
    const parsed = lineSchema.safeParse(raw);
    if (parsed.success) lines.push(parsed.data);
    else problems.push(`list[${i}]: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
  });
  if (problems.length > 0) return refuse(problems.slice(0, 10));
  const head = lines[0];
  const mixed = lines.find((l) => l.rcept_no !== head.rcept_no || l.reprt_code !== head.reprt_code || l.bsns_year !== head.bsns_year || l.corp_code !== head.corp_code);
  if (mixed) return refuse([`holds more than one report (${head.rcept_no} and ${mixed.rcept_no}, ${head.corp_code} and ${mixed.corp_code}): one response per file`]);

  const map = mapping.companies.find((c) => c.corpCode === head.corp_code);
  if (!map) return refuse([`corp_code ${head.corp_code} is not a company we track (data/importers/dart-accounts.json)`]);
  const report = DART_REPORTS[head.reprt_code];
  const year = Number(head.bsns_year);
  if (!isCalendarYear(map.calendar)) {
    return refuse([`${map.company.id} has ${calendarText(map.calendar)}: DART's 사업연도 is imported only for companies whose fiscal year is the calendar year`]);
  }
  const filed = receiptDate(head.rcept_no);
  const periodEnd = fiscalSpan(map.calendar, { year, quarter: report.quarter }).end;
  if (filed === null) return refuse([`접수번호 ${head.rcept_no} does not begin with a date`]);
  if (filed <= periodEnd) return refuse([`접수번호 ${head.rcept_no} is dated ${filed}, not after the end of the period it reports (${head.bsns_year} ${report.name}, to ${periodEnd}): the period does not fit`]);
  const badName = lines.find((l) => {
    const name = (l.thstrm_nm ?? "").trim();
    if (name === "") return false;
    return report.words ? !report.words.test(name) : /분기|반기/.test(name);
  });
  if (badName) return refuse([`thstrm_nm '${badName.thstrm_nm}' does not fit reprt_code ${head.reprt_code} (${report.name}): the period does not fit`]);
  const separate = lines.find((l) => l.fs_div !== undefined && l.fs_div !== "CFS");
  if (separate) return refuse([`fs_div '${separate.fs_div}': only consolidated statements (CFS, 연결재무제표) are imported`]);

  const source = reportSource(map, head, filed);
  const facts: Fact[] = [];
  const notes: string[] = [];
  for (const metric of map.metrics) {
    const line = findLine(lines, metric);
    if (typeof line === "string") {
      problems.push(line);
      continue;
    }
    if (line === null) {
      const wanted = `${metric.sjDiv.join(" or ")} line ${metric.accountNms[0]}${metric.accountIds.length > 0 ? ` (${metric.accountIds.join(", ")})` : ""}`;
      if (metric.optional) notes.push(`${file}: ${map.company.id} ${metric.metric}: not reported (no ${wanted})`);
      else problems.push(`missing account: ${map.company.id} ${metric.metric} needs a ${wanted}`);
      continue;
    }
    const currency = line.currency ?? "";
    if (!(CURRENCIES as readonly string[]).includes(currency)) {
      problems.push(`${line.account_nm} is in '${currency || "no currency"}': only KRW and USD figures are imported`);
      continue;
    }
    // The amounts of this line: which span of quarters each covers, and what to call it in the quote.
    const quarterly = report.quarter < 4;
    const hasYtd = (line.thstrm_add_amount ?? "").trim() !== "";
    const amounts: Array<{ written: string | undefined; year: number; first: number; last: number; which: string }> = !quarterly
      ? [
          { written: line.thstrm_amount, year, first: 1, last: 4, which: "당기" },
          { written: line.frmtrm_amount, year: year - 1, first: 1, last: 4, which: "전기" },
        ]
      : hasYtd
        ? [
            { written: line.thstrm_amount, year, first: report.quarter, last: report.quarter, which: "당기 3개월" },
            { written: line.thstrm_add_amount, year, first: 1, last: report.quarter, which: "당기 누적" },
          ]
        : [{ written: line.thstrm_amount, year, first: line.sj_div === "CF" ? 1 : report.quarter, last: report.quarter, which: line.sj_div === "CF" ? "당기 누적" : "당기" }];
    if ((line.thstrm_amount ?? "").trim() === "" && !metric.optional) {
      problems.push(`${line.account_nm}: the line has no amount for the period (thstrm_amount is empty)`);
      continue;
    }
    for (const amount of amounts) {
      const read = readAmount(amount.written);
      if (read.kind === "none") continue;
      if (read.kind === "bad") {
        problems.push(`${line.account_nm}: '${amount.written}' is not a whole amount of ${currency}`);
        continue;
      }
      if (read.value < 0 && line.sj_div !== "CF") {
        problems.push(`${line.account_nm}: ${amount.written} is negative; a ${metric.metric} figure is not`);
        continue;
      }
      const written = (amount.written ?? "").trim();
      facts.push({
        company: map.company.id,
        metric: metric.metric,
        year: amount.year,
        first: amount.first,
        last: amount.last,
        value: Math.abs(read.value),
        currency: currency as Currency,
        source,
        filed,
        order: head.rcept_no,
        quote: `${line.account_nm} ${written} ${currency} (${line.sj_nm ?? line.sj_div}, ${report.name} ${head.bsns_year}, ${amount.which}, 접수번호 ${head.rcept_no})`,
        published: written,
        tag: line.account_id ?? line.account_nm,
        rank: 0,
        definition: metric.definition,
      });
    }
  }
  if (problems.length > 0) return refuse(problems);
  return { ok: true, facts, notes };
}
