/* What the fuzzing found, one case per finding, pinned so it stays fixed. Each row: the call, and
 * what Excel must show. The report of issue 6 lists them with what happened before. */
import { parseAmount } from "../../src/core/money/parse";
import { AifinError } from "../../src/core/errors";
import { setMessageLanguage } from "../../src/functions/cells";
import {
  aiCompaniesFunction,
  aiSourceFunction,
  aiSpendFunction,
  aiTableFunction,
  fxRateFunction,
  krwFormatFunction,
  krwParseFunction,
  krwToUsdFunction,
  netLossFunction,
  usdToKrwFunction,
} from "../../src/functions/functions";
import { setReferenceChoice } from "../../src/shared/reference-rate";

/** What Excel shows: a value ("-0" told apart), a grid of those, or "#CODE: reason" for an error. */
function shown(call: () => unknown): unknown {
  const one = (v: unknown): unknown => {
    if (v instanceof CustomFunctions.Error) {
      const e = v as unknown as { code: string; message: string };
      return e.message ? `${e.code}: ${e.message}` : e.code;
    }
    return Object.is(v, -0) ? "-0" : v;
  };
  try {
    const value = call();
    return Array.isArray(value) ? value.map((row: unknown) => (Array.isArray(row) ? row.map(one) : row)) : one(value);
  } catch (error) {
    if (!(error instanceof CustomFunctions.Error)) return `escaped: ${String(error)}`;
    return one(error);
  }
}

const omitted = null as never;
const any = <T>(v: unknown) => v as T;

beforeAll(() => setMessageLanguage("en-US"));
afterEach(() => setReferenceChoice(null));

describe("numbers Excel cannot hold", () => {
  it.each<[string, () => unknown, unknown]>([
    ['KRW_PARSE("1e400") was Infinity', () => krwParseFunction([["1e400"]]), "#NUM!"],
    ['NET_LOSS("0", "1e400") was Infinity', () => netLossFunction([["0"]], [["1e400"]]), "#NUM!"],
    ['KRW_PARSE("-1e-400") was -0', () => krwParseFunction([["-1e-400"]]), [[0]]],
    ['NET_LOSS("1e-400", "0") was -0', () => netLossFunction([["1e-400"]], [["0"]]), [[0]]],
    ["KRW_PARSE(1e308) passed a number beyond 9.99e307 through", () => krwParseFunction([[1e308]]), "#NUM!"],
    ["a range keeps the others: KRW_PARSE([1e400 | 5])", () => krwParseFunction([["1e400", 5]]), [["#NUM!", 5]]],
  ])("%s", (_, call, expected) => {
    expect(shown(call)).toEqual(expected);
  });
});

describe("ranges of every shape", () => {
  it.each<[string, () => unknown, unknown]>([
    ["a ragged range came back ragged", () => usdToKrwFunction(any([[1, 2], [3]]), 1000), [[1000, 2000], [3000, ""]]],
    ["[[]] came back as a row with no cell", () => usdToKrwFunction([[]], 1000), [[""]]],
    ["[[], []] came back as rows with no cell", () => krwParseFunction([[], []]), [[""], [""]]],
    ["NET_LOSS([[]], 1) came back [[]]", () => netLossFunction([[]], [[1]]), [[""]]],
    ["NET_LOSS with ragged ranges of one bounding shape", () => netLossFunction(any([[1, 2], [3]]), any([[5], [7, 9]])), [[4, ""], [4, ""]]],
    ["a row that is no array (a 1-D range)", () => krwParseFunction(any([1, [2]])), [[1], [2]]],
  ])("%s", (_, call, expected) => {
    expect(shown(call)).toEqual(expected);
  });

  it("NET_LOSS over 300,000 rows threw RangeError (Math.max over a spread) instead of pairing them", () => {
    const rows = 300_000;
    const result = netLossFunction(
      Array.from({ length: rows }, () => [1]),
      Array.from({ length: rows }, () => [3]),
    );
    expect(result.length).toBe(rows);
    expect(result[rows - 1]).toEqual([2]);
  });
});

describe("arguments of the wrong type crashed, or were silently ignored", () => {
  it.each<[string, () => unknown, unknown]>([
    ["KRW_FORMAT(1, 5) crashed on style.normalize", () => krwFormatFunction([[1]], any(5)), "#VALUE!: Unknown style '5': use one of 조원, 억원, 백만원, 만원, 천원, 원 (or blank for mixed units)"],
    ["AI_SPEND(5) crashed on name.trim", () => aiSpendFunction(any(5)), "#N/A: Unknown company '5' — see AI_COMPANIES()"],
    ["AI_SPEND(blank) crashed on null.trim", () => aiSpendFunction(omitted), "#VALUE!: No company given — see AI_COMPANIES()"],
    ['AI_SPEND("OpenAI", 5) ignored the metric and answered the total', () => aiSpendFunction("OpenAI", any(5)), expect.stringMatching(/^#VALUE!: '5' is not a metric/)],
    ['AI_SPEND("OpenAI",,,,5) ignored the dataset', () => aiSpendFunction("OpenAI", omitted, omitted, omitted, any(5)), expect.stringMatching(/^#N\/A: Unknown dataset '5'/)],
    ['AI_SPEND("OpenAI",,,5) crashed on text.trim', () => aiSpendFunction("OpenAI", omitted, omitted, any(5)), "#VALUE!: Unknown currency '5': use USD or KRW"],
    ['AI_SPEND("OpenAI",, "2024") read the year text as a bad year', () => aiSpendFunction("OpenAI", "training", any("2024")), 3_000_000_000],
    ['AI_SPEND("OpenAI",, TRUE)', () => aiSpendFunction("OpenAI", "training", any(true)), expect.stringMatching(/^#VALUE!: 'TRUE' is not a fiscal period/)],
    ['AI_SOURCE(TRUE) crashed on name.trim', () => aiSourceFunction(any(true)), "#N/A: Unknown company 'TRUE' — see AI_COMPANIES()"],
    ["FX_RATE(TRUE) crashed on input.normalize", () => fxRateFunction(any(true)), expect.stringMatching(/^#VALUE!: 'TRUE' is not a period/)],
    ["AI_COMPANIES(5) ignored the dataset and listed every company", () => aiCompaniesFunction(any(5)), expect.stringMatching(/^#N\/A: Unknown dataset '5'/)],
    ['AI_TABLE("usd-krw-rates", "FALSE") showed the header row', () => (aiTableFunction("usd-krw-rates", any("FALSE")) as unknown[][]).length, aiTableFunction("usd-krw-rates", false).length],
    ['AI_TABLE("usd-krw-rates", 0) is FALSE, as Excel reads 0', () => aiTableFunction("usd-krw-rates", any(0)), aiTableFunction("usd-krw-rates", false)],
    ['AI_TABLE("usd-krw-rates", "maybe") showed the header row', () => aiTableFunction("usd-krw-rates", any("maybe")), "#VALUE!: 'maybe' is not TRUE or FALSE"],
    ["AI_TABLE(blank) crashed on null.trim", () => aiTableFunction(omitted), expect.stringMatching(/^#N\/A: Unknown dataset ''/)],
    ['USD_TO_KRW(1, "1320") refused numeric text with a bare #NUM!', () => usdToKrwFunction([[1]], any("1320")), [[1320]]],
    ['USD_TO_KRW(1, "abc") was a bare #NUM!', () => usdToKrwFunction([[1]], any("abc")), "#VALUE!: 'abc' is not a number"],
    ["USD_TO_KRW(1, TRUE) was a bare #NUM!", () => usdToKrwFunction([[1]], any(true)), "#VALUE!: 'TRUE' is not a number"],
    ["USD_TO_KRW(1, a range) is refused", () => usdToKrwFunction([[1]], any([[1320, 1330]])), "#VALUE!: A single value is expected here, not a range"],
    ["USD_TO_KRW(1, [[1320]]) unwraps a 1×1 range", () => usdToKrwFunction([[1]], any([[1320]])), [[1320]]],
  ])("%s", (_, call, expected) => {
    expect(shown(call)).toEqual(expected);
  });

  it("passes an Excel error given as an argument on, as Excel's own functions do (was a bare #NUM!)", () => {
    const ref = new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidReference);
    for (const call of [() => usdToKrwFunction([[1]], any(ref)), () => aiSpendFunction(any(ref)), () => fxRateFunction(any(ref)), () => krwFormatFunction([[1]], any(ref))]) {
      let thrown: unknown = null;
      try {
        call();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBe(ref);
    }
  });
});

describe("NET_LOSS answered a question it was not asked", () => {
  it.each<[string, () => unknown, unknown]>([
    ['NET_LOSS("OpenAI", 5) ignored the expenses', () => netLossFunction([["OpenAI"]], [[5]]), expect.stringMatching(/^#VALUE!: With a company name, NET_LOSS takes no expenses/)],
    ['NET_LOSS("OpenAI", blank) is the company\'s loss', () => netLossFunction([["OpenAI"]], [[null]], 2024), [[4_800_000_000]]],
    ["NET_LOSS(1, 5, 2024) ignored the year", () => netLossFunction([[1]], [[5]], 2024), expect.stringMatching(/^#VALUE!: NET_LOSS takes a year, currency or dataset only with a company name/)],
    ['NET_LOSS(4e9, 8e9,, "KRW") answered in dollars', () => netLossFunction([[4e9]], [[8e9]], omitted, "KRW"), expect.stringMatching(/^#VALUE!: NET_LOSS takes a year/)],
  ])("%s", (_, call, expected) => {
    expect(shown(call)).toEqual(expected);
  });
});

describe("an empty answer, or a rate from a bad setting", () => {
  it('AI_COMPANIES("usd-krw-rates") returned [], which Excel cannot show', () => {
    expect(shown(() => aiCompaniesFunction("usd-krw-rates"))).toBe("#N/A: The dataset 'usd-krw-rates' has no company figures");
  });

  it.each([Number.NaN, 0, -1320, Number.POSITIVE_INFINITY])("FX_RATE() returned the manual rate %p from shared state unchecked", (rate) => {
    setReferenceChoice({ kind: "manual", rate });
    expect(shown(() => fxRateFunction())).toBe("#NUM!");
    expect(shown(() => krwToUsdFunction([[1000]]))).toBe("#NUM!");
  });
});

describe("long and unusual text", () => {
  const fdfa = "ﷺ".repeat(100_000); // NFKC makes each one 18 characters

  it.each<[string, () => unknown]>([
    ["AI_SPEND(company)", () => aiSpendFunction(fdfa)],
    ["AI_SPEND(metric)", () => aiSpendFunction("OpenAI", fdfa)],
    ["AI_SPEND(currency)", () => aiSpendFunction("OpenAI", omitted, omitted, fdfa)],
    ["KRW_FORMAT(style)", () => krwFormatFunction([[1]], fdfa)],
    ["FX_RATE(period)", () => fxRateFunction(fdfa as never)],
    ["AI_TABLE(dataset)", () => aiTableFunction(fdfa)],
  ])("%s refuses 100,000 × ﷺ without normalising it first (company and metric took ~80 ms a call)", (_, call) => {
    const start = performance.now();
    for (let k = 0; k < 20; k++) expect(shown(call)).toMatch(/^#(VALUE!|N\/A): /);
    expect(performance.now() - start).toBeLessThan(200); // was ~1,500 ms for 20 calls by company
  });

  it("quoted a 100,000-character argument whole in the message; now cut to 60 characters", () => {
    const message = shown(() => aiSpendFunction("x".repeat(100_000))) as string;
    expect(message).toBe(`#N/A: Unknown company '${"x".repeat(59)}…' — see AI_COMPANIES()`);
  });

  it("does not cut a surrogate pair in half when it cuts", () => {
    const message = shown(() => aiSpendFunction(`${"x".repeat(58)}😀${"x".repeat(100)}`)) as string;
    expect(message).toBe(`#N/A: Unknown company '${"x".repeat(58)}…' — see AI_COMPANIES()`);
  });

  it("quoted half an emoji (a lone surrogate) as the word that does not belong", () => {
    let error: unknown = null;
    try {
      parseAmount("1😀");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AifinError);
    expect((error as AifinError).params).toEqual({ text: "1😀", word: "😀" });
  });
});
