import { MESSAGES } from "../../src/core/messages";
import { setMessageLanguage } from "../../src/functions/cells";
import {
  aiCompaniesFunction,
  aiRevenueFunction,
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
import { checkError, checkOutcome, outcomeOf, show } from "./invariants";

/** 100,000 characters of each kind that costs a naive implementation: NFKC expansion ("ﷺ" is 18
 * characters once normalised), combining marks, surrogates (paired and lone), digits, Korean units. */
const LONG = ["x", "9", "억", "1억 ", "ﷺ", "a\u0301", "😀", "\uD800", " 1", "1,", "-", "(", "$3B "].map((piece) =>
  piece.repeat(Math.ceil(100_000 / piece.length)).slice(0, 100_000),
);

const CALLS = 1000;
/** Generous: about 0.2 ms a call is typical; the guard only fails on work that grows with the text. */
const BUDGET_MS = 2000;

const x = (text: string) => text as never;
const CASES: ReadonlyArray<readonly [string, (text: string) => unknown]> = [
  ["USD_TO_KRW(amount)", (t) => usdToKrwFunction([[t]], 1320)],
  ["USD_TO_KRW(rate)", (t) => usdToKrwFunction([[1]], x(t))],
  ["KRW_TO_USD(amount)", (t) => krwToUsdFunction([[t]], 1320)],
  ["NET_LOSS(revenue)", (t) => netLossFunction([[t]], [[1]])],
  ["NET_LOSS(company, year)", (t) => netLossFunction([["OpenAI"]], null as never, x(t))],
  ["KRW_PARSE(text)", (t) => krwParseFunction([[t]])],
  ["KRW_FORMAT(style)", (t) => krwFormatFunction([[1]], t)],
  ["AI_SPEND(company)", (t) => aiSpendFunction(t)],
  ["AI_SPEND(metric)", (t) => aiSpendFunction("OpenAI", t)],
  ["AI_SPEND(currency)", (t) => aiSpendFunction("OpenAI", undefined, undefined, t)],
  ["AI_SPEND(dataset)", (t) => aiSpendFunction("OpenAI", undefined, undefined, undefined, t)],
  ["AI_REVENUE(company)", (t) => aiRevenueFunction(t)],
  ["FX_RATE(period)", (t) => fxRateFunction(t as never)],
  ["AI_COMPANIES(dataset)", (t) => aiCompaniesFunction(t)],
  ["AI_TABLE(dataset)", (t) => aiTableFunction(t)],
  ["AI_TABLE(headers)", (t) => aiTableFunction("usd-krw-rates", x(t))],
  ["AI_SOURCE(company)", (t) => aiSourceFunction(t)],
  ["AI_SOURCE(metric)", (t) => aiSourceFunction("OpenAI", t)],
];

/** Longest message an error may carry: the user's text is quoted cut short, never whole. */
const MAX_MESSAGE = 400;

describe("100,000-character text", () => {
  beforeAll(() => setMessageLanguage("en-US"));

  it.each(CASES)("%s answers 1000 calls within the budget, with a short reason", (_, call) => {
    const start = performance.now();
    for (let k = 0; k < CALLS; k++) {
      const outcome = outcomeOf(() => call(LONG[k % LONG.length]));
      checkOutcome(outcome, new Set(), (value) => {
        throw new Error(`a 100,000-character argument gave ${show(value)}`);
      });
      const { message } = outcome.returned ? { message: "" } : (outcome.error as { message: string });
      if (message.length > MAX_MESSAGE) throw new Error(`a message of ${message.length} characters`);
    }
    expect(performance.now() - start).toBeLessThan(BUDGET_MS);
  });

  it.each([
    ["USD_TO_KRW", (t: string) => usdToKrwFunction([[t]], 1320)],
    ["KRW_TO_USD", (t: string) => krwToUsdFunction([[t]], 1320)],
    ["KRW_PARSE", (t: string) => krwParseFunction([[t]])],
    ["KRW_FORMAT", (t: string) => krwFormatFunction([[t]])],
    ["NET_LOSS", (t: string) => netLossFunction([[t]], [[1]])],
  ])("%s refuses long text before reading it (textTooLong), so the work does not grow with it", (_, call) => {
    const tooLong = new RegExp(`^${MESSAGES.textTooLong.en.slice(0, MESSAGES.textTooLong.en.indexOf("("))}`.replace(/[()]/g, "\\$&"));
    for (const text of LONG) {
      const outcome = outcomeOf(() => call(text));
      if (outcome.returned) throw new Error("a long text was read");
      checkError(outcome.error, new Set());
      expect((outcome.error as { message: string }).message).toMatch(tooLong);
    }
  });
});
