/* The corpus of pasted amounts (test/corpus/pasted-amounts.tsv): what people paste into cells,
 * each with what parseAmount must read. Used by corpus.test.ts and by the benchmark
 * (parse_ns_per_text). The file's header states the format. */
import fs from "fs";
import path from "path";
import type { Currency } from "../../src/core/money/parse";
import { MESSAGES, type MessageKey } from "../../src/core/messages";

/** An amount the corpus expects: exact decimal digits, currency, approximation. */
export interface ExpectedAmount {
  /** The exact value as plain decimal digits ("3000000000", "-0.5", "1329.4"). */
  readonly value: string;
  readonly currency: Currency | null;
  readonly approximate: boolean;
}

/** What a corpus line expects: an amount (with the alternate in its parenthesis), or a refusal. */
export type Expected =
  | { readonly kind: "amount"; readonly amount: ExpectedAmount; readonly alternate?: ExpectedAmount }
  | { readonly kind: "error"; readonly key: MessageKey };

/** One line of the corpus. */
export interface CorpusLine {
  /** The pasted text, exactly. */
  readonly text: string;
  readonly expected: Expected;
  /** Where the text comes from (a figures.md section, or "shape"). */
  readonly source: string;
  /** The line number in the file, for messages. */
  readonly line: number;
}

const FILE_NAME = "pasted-amounts.tsv";

/** The corpus file: next to this module, or (in a bundle, where there is no such place) under the working directory. */
export function corpusFile(): string {
  const here = typeof __dirname === "string" ? path.join(__dirname, FILE_NAME) : "";
  return here !== "" && fs.existsSync(here) ? here : path.resolve(process.cwd(), "test", "corpus", FILE_NAME);
}

const AMOUNT = /^(~?)(-?\d+(?:\.\d+)?) (USD|KRW|-)$/;

function amountOf(field: string, where: string): ExpectedAmount {
  const m = AMOUNT.exec(field.trim());
  if (m === null) throw new Error(`${where}: '${field}' is not "[~]<decimal> <USD|KRW|->"`);
  const [, approx, value, currency] = m;
  if (/^-?0\d|\.\d*0$/.test(value) || value === "-0") throw new Error(`${where}: write '${value}' in its shortest form`);
  return { value, currency: currency === "-" ? null : (currency as Currency), approximate: approx === "~" };
}

function expectedOf(field: string, where: string): Expected {
  if (field.startsWith("!")) {
    const key = field.slice(1);
    if (!(key in MESSAGES)) throw new Error(`${where}: '${key}' is not a message key`);
    return { kind: "error", key: key as MessageKey };
  }
  const [main, alternate, extra] = field.split(" | ");
  if (extra !== undefined) throw new Error(`${where}: more than one alternate`);
  return alternate === undefined
    ? { kind: "amount", amount: amountOf(main, where) }
    : { kind: "amount", amount: amountOf(main, where), alternate: amountOf(alternate, where) };
}

function textOf(field: string, where: string): string {
  if (!field.startsWith('"')) return field;
  let text: unknown;
  try {
    text = JSON.parse(field);
  } catch (error) {
    throw new Error(`${where}: ${field} is not a JSON string (${(error as Error).message})`);
  }
  if (typeof text !== "string") throw new Error(`${where}: ${field} is not a JSON string`);
  return text;
}

/**
 * Reads corpus text: one line per pasted amount (text TAB expected TAB source); lines starting
 * with "#" and empty lines are skipped. Any other line that is not in the format throws, naming
 * the line, so a corpus line that does not parse fails the tests instead of being skipped.
 * @param tsv - the file's contents
 * @returns the lines, in file order
 * @example parseCorpus("5,803억원\t580300000000 KRW\tfigures.md §4")[0].expected
 */
export function parseCorpus(tsv: string): CorpusLine[] {
  const out: CorpusLine[] = [];
  tsv.split("\n").forEach((raw, index) => {
    const line = index + 1;
    const where = `${FILE_NAME}:${line}`;
    const content = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (content === "" || content.startsWith("#")) return;
    const fields = content.split("\t");
    if (fields.length !== 3 || fields[2].trim() === "") throw new Error(`${where}: expected 3 TAB-separated fields (text, expected, source), found ${fields.length}`);
    out.push({ text: textOf(fields[0], where), expected: expectedOf(fields[1], where), source: fields[2], line });
  });
  return out;
}

/**
 * Loads the corpus of pasted amounts.
 * @param file - the corpus file (default: test/corpus/pasted-amounts.tsv)
 * @returns every line: the text, what parseAmount must read, where it comes from
 * @example loadCorpus().map((c) => c.text) // for a parser benchmark
 */
export function loadCorpus(file: string = corpusFile()): CorpusLine[] {
  return parseCorpus(fs.readFileSync(file, "utf8"));
}
