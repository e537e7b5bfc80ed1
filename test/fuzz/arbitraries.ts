/* What a hostile or careless host can hand a custom function: fast-check arbitraries for cells,
 * ranges and scalar arguments. Shared by the fuzz specs. */
import fc from "fast-check";
import { allCompanies } from "../../src/core/data/companies";
import { allMetrics } from "../../src/core/data/metrics";
import { datasetIds } from "../../src/core/data/table";
/** Periods the official rates are held for, and ECB-derived ones around them. */
const RATE_PERIODS = ["2024", "2025", "2024-Q3", "2025-Q1", "2024-11", "2025-12", "2023-06-15", "2026-04-13", "2026-04-14", "1999-01-01", "1998"];
import { loadCorpus } from "../corpus/load";

/** An argument as a host may pass it: a cell value, an Excel error, a range, or nothing. */
export type Arg = unknown;

/** The error codes CustomFunctions knows, all of which may arrive in a cell. */
const ERROR_CODES = ["invalidValue", "notAvailable", "divisionByZero", "invalidNumber", "nullReference", "invalidName", "invalidReference"] as const;

/** An Excel error value passed in (a cell showing #REF!, #DIV/0!, …), with or without a message. */
export const excelError: fc.Arbitrary<CustomFunctions.Error> = fc
  .tuple(fc.constantFrom(...ERROR_CODES), fc.option(fc.string({ maxLength: 8 }), { nil: undefined }))
  .map(([code, message]) => new CustomFunctions.Error(CustomFunctions.ErrorCode[code], message));

/** Numbers at the edges: ±0, 2^53 and its neighbours, the double range, and what no cell holds. */
const EDGE_NUMBERS = [
  0, -0, 1, -1, 0.5, -0.5, 0.1 + 0.2, 1.005, 1.15, 1506.5, 2 ** 53, 2 ** 53 - 1, 2 ** 53 + 2, -(2 ** 53), 2 ** 52 + 0.5, 1e15, 1e21,
  1e-7, 9.99e307, 1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308,
  Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1320, 1398.75, 2024, 45657, 3e9, 3.96e12,
];

/** Any number a host may pass, NaN and ±Infinity included (a hostile host; Excel passes none). */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...EDGE_NUMBERS),
  fc.double(),
  fc.double({ min: -1e16, max: 1e16, noNaN: true }),
  fc.maxSafeInteger(),
  fc.tuple(fc.constantFrom(1, -1), fc.integer({ min: -8, max: 8 })).map(([sign, d]) => sign * (2 ** 53 + d)),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100),
);

/** Pieces of pasted amounts, to be shuffled with noise: digits, Korean and English units, marks. */
const AMOUNT_PIECES = [
  ..."0123456789".split(""), "1,000", "3,9", ",", ".", " ", "  ", "\u00a0", "\t",
  "억", "조", "만", "천", "백", "십", "경", "원", "달러", "약", "최대", "이상", "넘는", "원화", "불",
  "$", "US$", "USD", "KRW", "₩", "￦", "＄", "B", "bn", "billion", "k", "K", "m", "mn", "million", "t", "tn", "trillion",
  "~", "〜", "-", "−", "–", "—", "+", "(", ")", "（", "）", "△", "▲", "▼", "e", "E", "e+", "e-",
  "about", "approx.", "over", "up to", "to", "between", "and",
  "３", "０", "，", "⑳", "㉑", "ﷺ", "\u0301", "\u200b", "😀", "\uD800", "\uDC00", "\u202e",
];

/** The corpus texts: real pasted amounts, the seeds the mutations start from. */
export const CORPUS_TEXTS: readonly string[] = loadCorpus().map((c) => c.text);

/** Pasted amounts and near misses: corpus lines, shuffled pieces, and corpus lines with noise inserted. */
export const amountLikeText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...CORPUS_TEXTS),
  fc.array(fc.constantFrom(...AMOUNT_PIECES), { maxLength: 12 }).map((pieces) => pieces.join("")),
  fc
    .tuple(fc.constantFrom(...CORPUS_TEXTS), fc.nat(), fc.constantFrom(...AMOUNT_PIECES))
    .map(([text, at, piece]) => text.slice(0, at % (text.length + 1)) + piece + text.slice(at % (text.length + 1))),
);

/** Lone surrogates, combining marks and other code units that break naive text handling. */
const awkwardUnit = fc.oneof(
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x0300, max: 0x036f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom("\u200b", "\u200d", "\ufeff", "\u202e", "\u0000", "\r\n", "ﷺ", "㍱", "⑳"),
);

/** Random text: any Unicode (graphemes, code points, lone surrogates, combining marks). */
export const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ unit: fc.oneof(awkwardUnit, fc.constantFrom(...AMOUNT_PIECES)), maxLength: 20 }),
);

/** Text around the 200-character limit of the amount parser, and text NFKC makes much longer. */
export const boundaryText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("9", "1,", "억", "1억", "ﷺ", "⑳", "a\u0301", "😀", " ", "("), fc.integer({ min: 195, max: 205 }))
  .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

/** Long text, up to 100,000 characters, built cheaply by repetition. */
export const longText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("x", "9", "억", "1억 ", "ﷺ", "a\u0301", "😀", "\uD800", " ", "1,", "-", "(", "$3B "), fc.integer({ min: 201, max: 100_000 }))
  .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

/** Any text a cell may hold. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: amountLikeText },
  { weight: 3, arbitrary: randomText },
  { weight: 1, arbitrary: boundaryText },
  { weight: 1, arbitrary: longText },
);

/**
 * A data-type cell as Excel passes it with allowCustomDataForDataTypeAny (Excel.CellValue): a
 * formatted number, a number, text or logical data type, an empty value, an error value, a Stocks
 * (linked entity) or other entity cell, an image, or an object no data type describes.
 */
export const dataTypeCell: fc.Arbitrary<Arg> = fc.oneof(
  anyNumber.map((basicValue) => ({ type: "FormattedNumber", basicValue, basicType: "Double", numberFormat: "#,##0.00" })),
  anyNumber.map((basicValue) => ({ type: "Double", basicValue, basicType: "Double" })),
  anyText.map((basicValue) => ({ type: "String", basicValue, basicType: "String" })),
  fc.boolean().map((basicValue) => ({ type: "Boolean", basicValue, basicType: "Boolean" })),
  fc.constant({ type: "Empty", basicValue: "", basicType: "Empty" }),
  fc.constantFrom("#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#BUSY!").map((basicValue) => ({ type: "Error", basicValue, basicType: "Error", errorType: "NotAvailable" })),
  fc.option(fc.constantFrom("Microsoft", "OpenAI", "Seoul"), { nil: undefined }).map((text) => ({ type: "Entity", text, basicValue: "#VALUE!", basicType: "Error", properties: { Price: { type: "Double", basicValue: 1 } } })),
  fc.constantFrom("MSFT", "005930", "NAVER").map((text) => ({ type: "LinkedEntity", text, basicValue: "#VALUE!", basicType: "Error", id: { serviceId: 268435456, culture: "en-US", domainId: "Stocks", entityId: text } })),
  fc.constant({ type: "WebImage", address: "https://example.com/a.png", basicValue: "#VALUE!", basicType: "Error" }),
  fc.constantFrom({}, { type: 5 }, { type: "Double", basicValue: { nested: 1 } }, { basicValue: 3 }),
);

/** Any cell of a range: blank (null, undefined, ""), a number, a logical, text, an Excel error, or a data type. */
export const anyCell: fc.Arbitrary<Arg> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, "") },
  { weight: 4, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 6, arbitrary: anyText },
  { weight: 1, arbitrary: excelError },
  { weight: 1, arbitrary: dataTypeCell },
);

/** A range: rectangular, ragged (rows of different lengths), empty ([] or [[]]), or a bare scalar. */
export function rangeOf(cell: fc.Arbitrary<Arg>): fc.Arbitrary<Arg> {
  return fc.oneof(
    { weight: 4, arbitrary: cell.map((c) => [[c]]) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
        .chain(([rows, cols]) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })),
    },
    { weight: 2, arbitrary: fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom([], [[]], [[], []]) },
    { weight: 1, arbitrary: cell },
  );
}

/** Any range argument. */
export const anyRange: fc.Arbitrary<Arg> = rangeOf(anyCell);

/** An omitted optional argument, the way each host spells it. */
export const omitted: fc.Arbitrary<Arg> = fc.constantFrom(null, undefined);

/** Any scalar argument, valid or not: a cell value, an error, or a range where a scalar belongs. */
export const anyScalar: fc.Arbitrary<Arg> = fc.oneof(
  { weight: 3, arbitrary: omitted },
  { weight: 3, arbitrary: anyCell },
  { weight: 1, arbitrary: rangeOf(anyCell).filter(Array.isArray) },
);

const companies = allCompanies();
/** Names that find a company: English and Korean names, aliases, tickers. */
export const companyName: fc.Arbitrary<string> = fc.constantFrom(
  ...companies.flatMap((c) => [c.name.en, c.name.ko, ...c.aliases, ...c.tickers]),
);
/** Metric ids and labels. */
export const metricName: fc.Arbitrary<string> = fc.constantFrom(...allMetrics().flatMap((m) => [m.id, m.name.en, m.name.ko]));
/** Dataset ids. */
export const datasetId: fc.Arbitrary<string> = fc.constantFrom(...datasetIds());
/** Periods with a rate, and periods of other shapes. */
export const periodText: fc.Arbitrary<Arg> = fc.oneof(
  fc.constantFrom(...RATE_PERIODS),
  fc.constantFrom("2024", "2024-Q3", "Q3 2024", "2024년 3분기", "2024-11", "2024/11", "2024-12-31", "2024.12.31", "2024년 12월 31일", "2019-Q1", "2024-02-30", "2024-13"),
  fc.integer({ min: 1990, max: 2030 }),
  fc.integer({ min: 1, max: 2_958_466 }),
);
/** Currency arguments people type, right and wrong. */
export const currencyName: fc.Arbitrary<string> = fc.constantFrom("USD", "KRW", "usd", "원", "달러", "$", "₩", " KRW ", "EUR", "won", "dollars", "US$");
/** Years with figures and around them. */
export const yearNumber: fc.Arbitrary<number> = fc.integer({ min: 2018, max: 2027 });

/** Valid-looking values first, anything at all some of the time. */
export function mostly<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<Arg> {
  return fc.oneof({ weight: 3, arbitrary: omitted }, { weight: 5, arbitrary: valid }, { weight: 2, arbitrary: anyScalar });
}

/** The language of messages: Office in English or in Korean. */
export const language: fc.Arbitrary<string> = fc.constantFrom("en-US", "ko-KR");

/** The reference-rate choice the task pane (or a stale workbook setting) left in shared state. */
export const referenceChoice = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.oneof(fc.constantFrom(...RATE_PERIODS), fc.string({ maxLength: 10 })).map((period) => ({ kind: "period" as const, period })) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom("2023-06-15", "2026-04-13", "2030-01-01"), fc.string({ maxLength: 12 })).map((day) => ({ kind: "latest" as const, day })) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom("2024-06-28", "1990-01-01"), fc.string({ maxLength: 12 })).map((day) => ({ kind: "date" as const, day })) },
  { weight: 2, arbitrary: anyNumber.map((rate) => ({ kind: "manual" as const, rate })) },
);
