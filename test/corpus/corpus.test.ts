import Big from "big.js";
import { AifinError } from "../../src/core/errors";
import { MESSAGES, type MessageKey } from "../../src/core/messages";
import { decToString } from "../../src/core/money/decimal";
import { parseAmount, type ParsedAmount } from "../../src/core/money/parse";
import { krwParseFunction, usdToKrwFunction } from "../../src/functions/functions";
import { setMessageLanguage } from "../../src/functions/cells";
import { loadCorpus, parseCorpus, type CorpusLine, type ExpectedAmount } from "./load";

const corpus = loadCorpus();
const RATE = 1320;

/** What parseAmount read, in the corpus's terms. */
function asExpected(p: ParsedAmount): ExpectedAmount {
  return { value: decToString(p.value), currency: p.currency, approximate: p.approximate };
}

/** A cell's English message must be the key's template with its placeholders filled. */
function templateOf(key: MessageKey): RegExp {
  const escaped = MESSAGES[key].en.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\{\w+\\\}/g, "[\\s\\S]*");
  return new RegExp(`^${escaped}$`);
}

/** What Excel shows for a one-cell call: the value, or "#CODE message" for the error thrown. */
function shown(call: () => unknown): unknown {
  try {
    const result = call();
    // With a rate given the functions answer at once (a Promise only waits for the workbook's rate).
    if (result instanceof Promise) throw new Error("a result was deferred although the rate was given");
    const grid = result as unknown[][];
    expect(grid.length).toBe(1);
    expect(grid[0].length).toBe(1);
    return grid[0][0];
  } catch (error) {
    if (!(error instanceof CustomFunctions.Error)) throw error;
    const e = error as unknown as { code: string; message: string };
    return { code: e.code, message: e.message };
  }
}

/** The won USD_TO_KRW gives at RATE: big.js, ties away from zero (an oracle independent of src). */
function wonAtRate(value: string): number {
  return new Big(value).times(RATE).round(0, Big.roundHalfUp).toNumber();
}

const named = (c: CorpusLine): [string, CorpusLine] => [`${c.line}: ${JSON.stringify(c.text)}`, c];
const amounts = corpus.filter((c) => c.expected.kind === "amount").map(named);
const refusals = corpus.filter((c) => c.expected.kind === "error").map(named);

beforeAll(() => setMessageLanguage("en-US"));

describe("the corpus of pasted amounts", () => {
  it("has at least 60 lines, each in the corpus format", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(amounts.length).toBeGreaterThanOrEqual(30);
    expect(refusals.length).toBeGreaterThanOrEqual(20);
  });

  it.each([
    ["two fields", "30억 달러\t3000000000 USD"],
    ["a value that is no decimal", "30억 달러\t30억 USD\tshape"],
    ["an unknown currency", "30억 달러\t3000000000 EUR\tshape"],
    ["an unknown error key", "30억 달러\t!noSuchKey\tshape"],
    ["a value not in shortest form", "3.50\t3.50 -\tshape"],
    ["a broken JSON text", '"30억\t3000000000 USD\tshape'],
  ])("refuses a line with %s, naming the line", (_, line) => {
    expect(() => parseCorpus(`# header\n${line}\n`)).toThrow(/pasted-amounts\.tsv:2/);
  });
});

describe("parseAmount over the corpus", () => {
  it.each(amounts)("reads line %s as expected", (_, c) => {
    if (c.expected.kind !== "amount") throw new Error("unreachable");
    const p = parseAmount(c.text);
    expect(asExpected(p)).toEqual(c.expected.amount);
    expect(p.alternate === undefined ? undefined : asExpected(p.alternate)).toEqual(c.expected.alternate);
  });

  it.each(refusals)("refuses line %s with its key", (_, c) => {
    if (c.expected.kind !== "error") throw new Error("unreachable");
    let caught: unknown = null;
    try {
      parseAmount(c.text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AifinError);
    const e = caught as AifinError;
    expect([e.kind, e.key]).toEqual(["value", c.expected.key]);
  });
});

describe("USD_TO_KRW and KRW_PARSE over the corpus", () => {
  it.each(amounts)("give line %s the value its currency allows", (_, c) => {
    if (c.expected.kind !== "amount") throw new Error("unreachable");
    const { value, currency } = c.expected.amount;
    const usd = shown(() => usdToKrwFunction([[c.text]], RATE));
    const krw = shown(() => krwParseFunction([[c.text]]));
    if (currency === "KRW") {
      expect(usd).toEqual({ code: "#VALUE!", message: expect.stringMatching(templateOf("wrongCurrency")) });
    } else {
      expect(usd).toBe(wonAtRate(value));
    }
    if (currency === "USD") {
      expect(krw).toEqual({ code: "#VALUE!", message: expect.stringMatching(templateOf("wrongCurrency")) });
    } else {
      expect(krw).toBe(new Big(value).toNumber());
    }
  });

  it.each(refusals)("refuse line %s with #VALUE! and its message (an empty cell stays blank)", (_, c) => {
    if (c.expected.kind !== "error") throw new Error("unreachable");
    const usd = shown(() => usdToKrwFunction([[c.text]], RATE));
    const krw = shown(() => krwParseFunction([[c.text]]));
    if (c.text === "") {
      expect([usd, krw]).toEqual(["", ""]);
      return;
    }
    const refused = { code: "#VALUE!", message: expect.stringMatching(templateOf(c.expected.key)) };
    expect(usd).toEqual(refused);
    expect(krw).toEqual(refused);
  });
});
