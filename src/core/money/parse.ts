import { AifinError } from "../errors";
import type { MessageKey } from "../messages";
import { decAdd, decCompare, decFromDigits, decFromNumber, decNeg, decScale, type Dec } from "./decimal";

/** The currencies AIFIN converts between. */
export type Currency = "USD" | "KRW";

/** An amount read from text: its exact value, its currency if the text names one, and flags. */
export interface ParsedAmount {
  /** The exact amount, in whole units of its currency (dollars or won), signed. */
  value: Dec;
  /** The currency the text names, or null when it names none. */
  currency: Currency | null;
  /** True when the text says the figure is approximate ("약", "about", "~", …). */
  approximate: boolean;
  /**
   * True when a unit or scale word sets the size ("5,803억", "$3B", "3.5 million"); false for plain
   * digits ("5,803", "(4,000)", "$1,234"), which a statement table's unit header scales.
   */
  scaled: boolean;
  /** The amount in a trailing parenthesis, e.g. the won figure in "30억 달러(약 3조9600억 원)". */
  alternate?: ParsedAmount;
}

/** Longest text read, in UTF-16 units: bounds the work done for one cell. */
const MAX_LENGTH = 200;

/** Exponents ("1e6") beyond this are refused: no Excel amount needs them, BigInt work stays small. */
const MAX_EXPONENT = 400;

// ---------------------------------------------------------------------------------------------
// Words. Every word the parser knows, by role. Text is compared after NFKC and lower-casing.

const APPROX_WORDS = new Set(["약", "대략", "about", "approximately", "approx", "approx.", "around", "c.", "ca.", "circa", "~", "〜"]);

/** Sign marks, leading only: −1 for the negatives ("△" is the Korean accounting minus). */
const SIGNS = new Map<string, 1 | -1>([
  ["-", -1],
  ["\u2212", -1],
  ["△", -1],
  ["+", 1],
]);

interface CurrencyWord {
  readonly currency: Currency;
  readonly prefix: boolean;
  readonly suffix: boolean;
}
const CURRENCY_WORDS = new Map<string, CurrencyWord>([
  ["$", { currency: "USD", prefix: true, suffix: false }],
  ["us$", { currency: "USD", prefix: true, suffix: false }],
  ["usd", { currency: "USD", prefix: true, suffix: true }],
  ["달러", { currency: "USD", prefix: false, suffix: true }],
  ["dollar", { currency: "USD", prefix: false, suffix: true }],
  ["dollars", { currency: "USD", prefix: false, suffix: true }],
  ["₩", { currency: "KRW", prefix: true, suffix: false }],
  ["krw", { currency: "KRW", prefix: true, suffix: true }],
  ["원", { currency: "KRW", prefix: false, suffix: true }],
  ["won", { currency: "KRW", prefix: false, suffix: true }],
]);

/** English scales: power of ten, and whether it must touch the number ("3B", not "3 B"). */
const SCALE_WORDS = new Map<string, { readonly power: number; readonly attachedOnly: boolean }>([
  ["k", { power: 3, attachedOnly: true }],
  ["thousand", { power: 3, attachedOnly: false }],
  ["m", { power: 6, attachedOnly: true }],
  ["mn", { power: 6, attachedOnly: false }],
  ["million", { power: 6, attachedOnly: false }],
  ["b", { power: 9, attachedOnly: true }],
  ["bn", { power: 9, attachedOnly: false }],
  ["billion", { power: 9, attachedOnly: false }],
  ["t", { power: 12, attachedOnly: true }],
  ["tn", { power: 12, attachedOnly: false }],
  ["trillion", { power: 12, attachedOnly: false }],
]);

/** Korean units of 10^4 groups (큰 단위), largest first. */
const KO_BIG_UNITS = new Map<string, number>([
  ["경", 16],
  ["조", 12],
  ["억", 8],
  ["만", 4],
]);
/** Korean units inside a 10^4 group. */
const KO_SMALL_UNITS = new Map<string, number>([
  ["천", 3],
  ["백", 2],
  ["십", 1],
]);

/** Marks that, between two numbers, make a range. */
const RANGE_MARKS = new Set(["~", "〜", "-", "\u2212", "–", "—", "to"]);

/** Words that make a bound ("over", "최대", "이상"): a bound is not an amount. */
const BOUND_WORDS = new Set([
  "over", "under", "above", "below", "beyond", "exceeding", "exceeds", "exceed", "nearly", "almost",
  "max", "max.", "maximum", "min", "min.", "minimum", "upwards", "upward",
  "최대", "최소", "최고", "최저", "이상", "이하", "초과", "미만", "넘는", "넘게", "넘은", "넘어", "이내", "까지", "거의", "상회", "하회",
]);
/** Two- and three-word bounds, matched before single words. */
const BOUND_PHRASES: readonly (readonly string[])[] = [
  ["up", "to"], ["more", "than"], ["less", "than"], ["greater", "than"], ["fewer", "than"],
  ["at", "least"], ["at", "most"], ["in", "excess", "of"], ["north", "of"],
];

/** Hangul words the tokenizer splits a run of syllables into, longest first. */
const HANGUL_LEXICON: readonly string[] = (() => {
  const words = new Set<string>();
  const add = (w: string): void => {
    if (/^[\uAC00-\uD7A3]+$/.test(w)) words.add(w);
  };
  [...APPROX_WORDS, ...CURRENCY_WORDS.keys(), ...KO_BIG_UNITS.keys(), ...KO_SMALL_UNITS.keys(), ...BOUND_WORDS].forEach(add);
  return [...words].sort((a, b) => b.length - a.length);
})();
const HANGUL_LONGEST = Math.max(...HANGUL_LEXICON.map((w) => w.length));

// ---------------------------------------------------------------------------------------------
// Tokens. One left-to-right pass with no backtracking: linear in the text's length.

interface NumToken {
  readonly kind: "num";
  readonly raw: string;
  readonly spaceBefore: boolean;
  /** The exact value, or null with the reason it cannot be read. */
  readonly value: Dec | null;
  readonly problem: MessageKey | null;
}
interface WordToken {
  readonly kind: "word";
  readonly raw: string;
  /** Lower-cased text, the key into the word tables. */
  readonly text: string;
  readonly spaceBefore: boolean;
}
type Token = NumToken | WordToken;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}
function isAsciiLetter(c: string): boolean {
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");
}
function isHangul(c: string): boolean {
  return c >= "\uAC00" && c <= "\uD7A3";
}

/** Reads a number at s[start]: digits with optional thousands commas, fraction and exponent. */
function readNumber(s: string, start: number, spaceBefore: boolean): { token: NumToken; end: number } {
  let i = start;
  while (isDigit(s[i])) i++;
  const groups = [i - start];
  while (s[i] === "," && isDigit(s[i + 1])) {
    const g = ++i;
    while (isDigit(s[i])) i++;
    groups.push(i - g);
  }
  const wholeEnd = i;
  let fraction = "";
  if (s[i] === "." && isDigit(s[i + 1])) {
    const f = ++i;
    while (isDigit(s[i])) i++;
    fraction = s.slice(f, i);
  }
  let exponent = 0;
  let exponentText = "";
  // An exponent ("1e6", "1.5e-7") only on an ungrouped number: "1,000e3" is not a numeral.
  if (groups.length === 1 && (s[i] === "e" || s[i] === "E")) {
    const signed = s[i + 1] === "+" || s[i + 1] === "-";
    if (isDigit(s[i + (signed ? 2 : 1)])) {
      const x = i + 1;
      i += signed ? 2 : 1;
      while (isDigit(s[i])) i++;
      exponentText = s.slice(x, i);
      exponent = Number(exponentText);
    }
  }
  const raw = s.slice(start, i);
  const grouped = groups.length > 1;
  const badGrouping = grouped && (groups[0] < 1 || groups[0] > 3 || groups.slice(1).some((g) => g !== 3));
  let problem: MessageKey | null = null;
  if (badGrouping) problem = "badDigitGrouping";
  else if (Math.abs(exponent) > MAX_EXPONENT) problem = "notAnAmount";
  const value =
    problem === null ? decScale(decFromDigits(`${s.slice(start, wholeEnd).replace(/,/g, "")}.${fraction}`), exponent) : null;
  return { token: { kind: "num", raw, spaceBefore, value, problem }, end: i };
}

/** Splits a run of Hangul syllables into known words, longest match first; unknown runs stay whole. */
function splitHangul(run: string, spaceBefore: boolean, out: Token[]): void {
  let unknownStart = -1;
  let first = true;
  const push = (raw: string): void => {
    out.push({ kind: "word", raw, text: raw, spaceBefore: first && spaceBefore });
    first = false;
  };
  let i = 0;
  while (i < run.length) {
    let match = "";
    for (let len = Math.min(HANGUL_LONGEST, run.length - i); len > 0 && match === ""; len--) {
      const piece = run.slice(i, i + len);
      if (HANGUL_LEXICON.includes(piece)) match = piece;
    }
    if (match === "") {
      if (unknownStart < 0) unknownStart = i;
      i++;
      continue;
    }
    if (unknownStart >= 0) {
      push(run.slice(unknownStart, i));
      unknownStart = -1;
    }
    push(match);
    i += match.length;
  }
  if (unknownStart >= 0) push(run.slice(unknownStart));
}

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let spaceBefore = false;
  while (i < s.length) {
    const c = s[i];
    if (c === " ") {
      spaceBefore = true;
      i++;
      continue;
    }
    if (isDigit(c) || (c === "." && isDigit(s[i + 1]))) {
      const { token, end } = readNumber(s, i, spaceBefore);
      out.push(token);
      i = end;
    } else if (isAsciiLetter(c)) {
      const start = i;
      while (i < s.length && isAsciiLetter(s[i])) i++;
      let text = s.slice(start, i).toLowerCase();
      if (s[i] === "." && (text === "approx" || text === "c" || text === "ca" || text === "max" || text === "min")) {
        text += ".";
        i++;
      } else if (s[i] === "$" && text === "us") {
        text += "$";
        i++;
      }
      out.push({ kind: "word", raw: s.slice(start, i), text, spaceBefore });
    } else if (isHangul(c)) {
      const start = i;
      while (i < s.length && isHangul(s[i])) i++;
      splitHangul(s.slice(start, i), spaceBefore, out);
    } else {
      // One code point: an emoji's two UTF-16 halves stay together, so a message can quote it.
      const pair = c >= "\uD800" && c <= "\uDBFF" && s[i + 1] >= "\uDC00" && s[i + 1] <= "\uDFFF";
      const raw = pair ? s.slice(i, i + 2) : c;
      out.push({ kind: "word", raw, text: raw, spaceBefore });
      i += raw.length;
    }
    spaceBefore = false;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Grammar.

function fail(key: MessageKey, params: Record<string, string>): never {
  throw new AifinError("value", key, params);
}

function wordText(t: Token | undefined): string | null {
  return t !== undefined && t.kind === "word" ? t.text : null;
}

/** Refuses bounds anywhere in the text: "over $8B", "최대 85억달러", "80억 달러 이상". */
function refuseBounds(toks: readonly Token[], text: string): void {
  for (let k = 0; k < toks.length; k++) {
    for (const phrase of BOUND_PHRASES) {
      if (phrase.every((w, j) => wordText(toks[k + j]) === w)) {
        fail("boundNotAmount", { text, word: toks.slice(k, k + phrase.length).map((t) => t.raw).join(" ") });
      }
    }
    const w = wordText(toks[k]);
    if (w !== null && BOUND_WORDS.has(w)) fail("boundNotAmount", { text, word: toks[k].raw });
  }
}

/** Refuses a range inside one segment: a range mark with a number before and after it. */
function refuseRange(toks: readonly Token[], from: number, to: number, text: string): void {
  let firstNum = -1;
  let lastNum = -1;
  for (let k = from; k < to; k++) {
    if (toks[k].kind === "num") {
      if (firstNum < 0) firstNum = k;
      lastNum = k;
    }
  }
  if (firstNum < 0) return;
  for (let k = from; k < to; k++) {
    const w = wordText(toks[k]);
    if (w === "between" || (w !== null && RANGE_MARKS.has(w) && firstNum < k && k < lastNum)) {
      fail("rangeNotAmount", { text });
    }
  }
}

interface Reading {
  readonly value: Dec;
  readonly next: number;
  /** A unit or scale word set the size. */
  readonly scaled: boolean;
}

function numberValue(t: NumToken, text: string): Dec {
  if (t.value === null) fail(t.problem ?? "notAnAmount", { text, number: t.raw });
  return t.value;
}

const ZERO = decFromDigits("0");
const ONE = decFromDigits("1");
const TEN_THOUSAND = decFromDigits("10000");

/**
 * Reads a Korean number from toks[i]: groups `<parts><큰 단위>` with 경 > 조 > 억 > 만 strictly
 * decreasing, the last group possibly without a unit; inside a group, parts `<number><천|백|십>`
 * strictly decreasing ("1조2천억" = 1조 + 2천억). Only the leading figure may be of any size
 * ("39,600억"); later groups are below 10,000 and later parts below their place.
 */
function readKorean(toks: readonly Token[], i: number, to: number, text: string): Reading {
  let total = ZERO;
  let lastBig = Infinity;
  let firstGroup = true;
  for (;;) {
    let group = ZERO;
    let lastSmall = Infinity;
    let firstPart = true;
    const groupStart = toks[i].raw;
    // The parts of one group: <number>[천|백|십] …
    for (;;) {
      const t = toks[i];
      if (t.kind !== "num") return fail("unexpectedWord", { text, word: t.raw });
      const v = numberValue(t, text);
      i++;
      const unit = i < to ? wordText(toks[i]) : null;
      const small = unit === null ? undefined : KO_SMALL_UNITS.get(unit);
      const place = small ?? 0;
      if (small !== undefined && small >= lastSmall) fail("unitsOutOfOrder", { text, unit: toks[i].raw });
      if (!firstPart && decCompare(v, decScale(ONE, lastSmall - place)) >= 0) fail("groupTooLarge", { text, part: t.raw });
      group = decAdd(group, decScale(v, place));
      if (small === undefined) break;
      lastSmall = small;
      firstPart = false;
      i++;
      if (!(i < to && toks[i].kind === "num")) break;
    }
    if (!firstGroup && decCompare(group, TEN_THOUSAND) >= 0) fail("groupTooLarge", { text, part: groupStart });
    const unit = i < to ? wordText(toks[i]) : null;
    const big = unit === null ? undefined : KO_BIG_UNITS.get(unit);
    if (big === undefined) return { value: decAdd(total, group), next: i, scaled: true };
    if (big >= lastBig) fail("unitsOutOfOrder", { text, unit: toks[i].raw });
    total = decAdd(total, decScale(group, big));
    lastBig = big;
    firstGroup = false;
    i++;
    if (!(i < to && toks[i].kind === "num")) return { value: total, next: i, scaled: true };
  }
}

/** Reads an English-style number from toks[i]: a figure and an optional scale ("3.5 bn", "$3B"). */
function readEnglish(toks: readonly Token[], i: number, to: number, text: string): Reading {
  const t0 = toks[i];
  if (t0.kind !== "num") return fail("unexpectedWord", { text, word: t0.raw });
  const value = numberValue(t0, text);
  i++;
  const t = i < to ? toks[i] : undefined;
  const scale = t !== undefined && t.kind === "word" ? SCALE_WORDS.get(t.text) : undefined;
  if (t !== undefined && scale !== undefined && !(scale.attachedOnly && t.spaceBefore)) {
    return { value: decScale(value, scale.power), next: i + 1, scaled: true };
  }
  return { value, next: i, scaled: false };
}

function isKoreanUnit(t: Token | undefined): boolean {
  const w = wordText(t);
  return w !== null && (KO_BIG_UNITS.has(w) || KO_SMALL_UNITS.has(w));
}

/**
 * Reads one amount from toks[from, to) (no parentheses inside):
 * `[approx] [sign] [currency] [sign] number [currency]`, with one sign and one currency at most.
 */
function readSegment(toks: readonly Token[], from: number, to: number, text: string, signAllowed: boolean): ParsedAmount {
  refuseRange(toks, from, to, text);
  let i = from;
  let approximate = false;
  if (i < to && APPROX_WORDS.has(wordText(toks[i]) ?? "")) {
    approximate = true;
    i++;
  }
  const signAt = (k: number): 1 | -1 | undefined => (k < to ? SIGNS.get(wordText(toks[k]) ?? "") : undefined);
  let sign = signAt(i);
  if (sign !== undefined) i++;
  let prefix: { readonly word: CurrencyWord; readonly raw: string } | null = null;
  const c = i < to ? CURRENCY_WORDS.get(wordText(toks[i]) ?? "") : undefined;
  if (c !== undefined && c.prefix) {
    prefix = { word: c, raw: toks[i].raw };
    i++;
  }
  if (sign === undefined) {
    sign = signAt(i);
    if (sign !== undefined) i++;
  }
  // Inside accounting parentheses the parentheses are the sign: "(-4,000)" is refused.
  if (sign !== undefined && !signAllowed) fail("notAnAmount", { text });

  const first = toks[i];
  if (i >= to || first.kind !== "num") {
    const hasNumber = toks.slice(from, to).some((t) => t.kind === "num");
    if (!hasNumber) fail("noNumber", { text });
    fail("unexpectedWord", { text, word: i < to ? first.raw : toks[to - 1].raw });
  }
  const reading = isKoreanUnit(i + 1 < to ? toks[i + 1] : undefined) ? readKorean(toks, i, to, text) : readEnglish(toks, i, to, text);
  i = reading.next;

  let currency: Currency | null = prefix === null ? null : prefix.word.currency;
  let currencyRaw = prefix === null ? "" : prefix.raw;
  const s = i < to ? CURRENCY_WORDS.get(wordText(toks[i]) ?? "") : undefined;
  if (s !== undefined && s.suffix) {
    if (prefix !== null) fail("twoCurrencies", { text, a: prefix.raw, b: toks[i].raw });
    currency = s.currency;
    currencyRaw = toks[i].raw;
    i++;
  }
  if (i < to) {
    const t = toks[i];
    if (currency !== null && CURRENCY_WORDS.has(wordText(t) ?? "")) fail("twoCurrencies", { text, a: currencyRaw, b: t.raw });
    if (isKoreanUnit(t)) fail("unitsOutOfOrder", { text, unit: t.raw });
    fail("unexpectedWord", { text, word: t.raw });
  }
  return { value: sign === -1 ? decNeg(reading.value) : reading.value, currency, approximate, scaled: reading.scaled };
}

/** NFKC (full-width digits, "￦" → "₩"), every run of white space to one space, trimmed. */
function normalise(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ").trim();
}

/**
 * Reads an amount pasted from Korean or English text, exactly (no floats anywhere).
 * Understands grouped digits ("3,000,000,000"), Korean units ("3조 9,600억 원", "1조2천억원",
 * "1천만 원"), English scales ("$3B", "USD 3.5 bn", "US$130 billion", "$4,000K"), currency marks
 * ($, US$, USD, 달러, dollar(s) / ₩, 원, KRW, won), negatives ("-4,000", "−4,000", "△4,000",
 * "(4,000)"), approximation words ("약", "about", "approx.", "~", …) and a trailing parenthesis
 * with the same amount in another form, read into `alternate`.
 * @param text - the pasted text, at most 200 characters
 * @returns the amount in whole units of its currency (dollars or won), signed; currency null when the text names none
 * @throws AifinError("value", …) with key emptyAmount, textTooLong, noNumber, rangeNotAmount
 *   ("35억~45억달러"), boundNotAmount ("over $8B", "80억 달러 이상"), twoCurrencies ("$30억 원"),
 *   unitsOutOfOrder ("3억 2조"), groupTooLarge, badDigitGrouping, unexpectedWord or notAnAmount
 * @example parseAmount("약 3조9600억 원") // { value: { m: 3960000000000n, e: 0 }, currency: "KRW", approximate: true }
 * @example parseAmount("$3.5B").value // { m: 3500000000n, e: 0 }
 */
export function parseAmount(text: string): ParsedAmount {
  if (text.length > MAX_LENGTH) throw new AifinError("value", "textTooLong", { length: text.length, max: MAX_LENGTH });
  const s = normalise(text);
  if (s === "") throw new AifinError("value", "emptyAmount");
  const toks = tokenize(s);
  refuseBounds(toks, s);
  if (!toks.some((t) => t.kind === "num")) fail("noNumber", { text: s });

  // The shapes with parentheses: "(A)" (accounting negative), "P (B)", "(A) (B)" (B the alternate).
  const parens: number[] = [];
  toks.forEach((t, k) => {
    if (t.kind === "word" && (t.text === "(" || t.text === ")")) parens.push(k);
  });
  const isOpen = (k: number): boolean => wordText(toks[k]) === "(";
  const wellFormed =
    parens.length % 2 === 0 &&
    parens.length <= 4 &&
    parens.every((k, j) => isOpen(k) === (j % 2 === 0)) &&
    (parens.length === 0 || parens[parens.length - 1] === toks.length - 1);
  if (!wellFormed) fail("notAnAmount", { text: s });

  let primary: ParsedAmount;
  let altFrom = -1;
  if (parens.length > 0 && parens[0] === 0) {
    // "(4,000)": the whole first segment in parentheses is a negative.
    const inner = readSegment(toks, 1, parens[1], s, false);
    primary = { ...inner, value: decNeg(inner.value) };
    if (parens.length === 4) {
      if (parens[2] !== parens[1] + 1) fail("notAnAmount", { text: s });
      altFrom = parens[2];
    }
  } else {
    if (parens.length > 2) fail("notAnAmount", { text: s });
    primary = readSegment(toks, 0, parens.length === 0 ? toks.length : parens[0], s, true);
    if (parens.length === 2) altFrom = parens[0];
  }
  if (altFrom < 0) return primary;
  return { ...primary, alternate: readSegment(toks, altFrom + 1, toks.length - 1, s, true) };
}

/**
 * Turns an Excel cell value into the exact amount a function taking `expected` currency works on:
 * the ONE place cell values become amounts.
 * @param input - the cell: a number (read as typed), text (read by parseAmount), a logical, or blank
 * @param expected - the currency the function takes (text naming no currency is taken as this one),
 *   or null for a function that takes either currency
 * @returns the exact amount in whole units of `expected`, signed; null for a blank cell (null or "")
 * @throws AifinError("value", "booleanAmount") for TRUE/FALSE
 * @throws AifinError("value", "wrongCurrency") for text in the other currency
 * @throws AifinError("num", "notFinite") for a NaN or infinite number, and parseAmount's errors for text
 * @example amountFrom("30억 달러", "USD") // { m: 3000000000n, e: 0 }
 * @example amountFrom("", "KRW") // null
 */
export function amountFrom(input: number | string | boolean | null, expected: Currency | null): Dec | null {
  if (input === null || input === "") return null;
  if (typeof input === "boolean") throw new AifinError("value", "booleanAmount", { text: input ? "TRUE" : "FALSE" });
  if (typeof input === "number") return decFromNumber(input);
  const parsed = parseAmount(input);
  if (expected !== null && parsed.currency !== null && parsed.currency !== expected) {
    throw new AifinError("value", "wrongCurrency", { text: input, found: parsed.currency, expected });
  }
  return parsed.value;
}
