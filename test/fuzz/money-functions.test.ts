import fc from "fast-check";
import { findCompany } from "../../src/core/data/companies";
import { setMessageLanguage } from "../../src/functions/cells";
import { krwFormatFunction, krwParseFunction, krwToUsdFunction, netLossFunction, usdToKrwFunction } from "../../src/functions/functions";
import { setReferenceChoice, type ReferenceChoice } from "../../src/shared/reference-rate";
import {
  anyNumber,
  anyRange,
  anyScalar,
  anyText,
  companyName,
  currencyName,
  datasetId,
  language,
  mostly,
  omitted,
  rangeOf,
  referenceChoice,
  yearNumber,
  type Arg,
} from "./arbitraries";
import { excelHost, type ExcelHost } from "./excel-host";
import {
  checkError,
  checkGrid,
  checkOutcome,
  hasDigit,
  isBlankCell,
  layout,
  outcomeOf,
  passedErrors,
  reading,
  sameCell,
  show,
  type Outcome,
} from "./invariants";

const RUNS = { numRuns: 1000 };

/** Excel's side of each call: what reaches the function, by functions.json's rule (excel-host.ts). */
let host: ExcelHost;
beforeAll(async () => {
  host = await excelHost();
});

/** A function that maps a range cell by cell, with one more argument (rate or style), called as Excel calls it. */
type Mapping = (range: Arg, extra: Arg) => unknown;

const MAPPINGS: ReadonlyArray<readonly [string, Mapping, "number" | "text"]> = [
  ["USD_TO_KRW", (range, rate) => host.call("USD_TO_KRW", usdToKrwFunction, [range, rate])(), "number"],
  ["KRW_TO_USD", (range, rate) => host.call("KRW_TO_USD", krwToUsdFunction, [range, rate])(), "number"],
  ["KRW_PARSE", (range) => host.call("KRW_PARSE", krwParseFunction, [range])(), "number"],
  ["KRW_FORMAT", (range, style) => host.call("KRW_FORMAT", krwFormatFunction, [range, style])(), "text"],
];

/** The extra argument: a rate (mostly a plausible one) or a style. */
const extraFor: Record<string, fc.Arbitrary<Arg>> = {
  USD_TO_KRW: mostly(fc.oneof(fc.constantFrom(1320, 1329.4, 1398.75, 1364.435), anyNumber)),
  KRW_TO_USD: mostly(fc.oneof(fc.constantFrom(1320, 1329.4, 1398.75, 1364.435), anyNumber)),
  KRW_PARSE: omitted,
  KRW_FORMAT: mostly(fc.constantFrom("억원", "억 원", "백만원", "천원", "원", "eok", "million", "mixed", "", " ", "furlongs")),
};

/** Runs a call under a message language and a reference-rate choice, then clears the choice. */
function inWorld(lang: string, choice: ReferenceChoice | null, call: () => unknown): Outcome {
  setMessageLanguage(lang);
  setReferenceChoice(choice);
  try {
    return outcomeOf(call);
  } finally {
    setReferenceChoice(null);
  }
}

/** What a one-cell call shows: its value, or the error it throws. */
function single(outcome: Outcome): unknown {
  if (outcome.returned) return (outcome.value as unknown[][])[0][0];
  return outcome.error;
}

/**
 * The cell-by-cell contract of a mapping function: blank stays blank, an error passed in comes
 * back as it is (a data-type error cell as its error), a data-type cell is read by its basic value
 * or refused with #VALUE!, a logical or digitless text is an error (never a silent 0 or ""), and a
 * cell of a range says what the same value alone says.
 */
function checkMappedCell(cell: unknown, output: unknown, kind: "number" | "text", alone: () => unknown): void {
  const read = reading(cell);
  if (read.kind === "error") {
    const code = (output as { code?: unknown } | null)?.code;
    if (read.error instanceof CustomFunctions.Error ? output !== read.error : !(output instanceof CustomFunctions.Error && code === read.code)) {
      throw new Error(`the error passed in (${show(cell)}) became ${show(output)}`);
    }
    return;
  }
  if (read.kind === "refused") {
    if (!(output instanceof CustomFunctions.Error && (output as unknown as { code: string }).code === "#VALUE!")) throw new Error(`the data type ${show(cell)} became ${show(output)}`);
    return;
  }
  const input = read.value;
  if (isBlankCell(input)) {
    if (output !== "") throw new Error(`blank became ${show(output)}`);
    return;
  }
  if (output === "") throw new Error(`${show(input)} became "" (a silent blank)`);
  const isError = output instanceof CustomFunctions.Error;
  if (typeof input === "boolean" && !(isError && (output as unknown as { code: string }).code === "#VALUE!")) {
    throw new Error(`the logical ${show(input)} became ${show(output)}`);
  }
  if (typeof input === "string" && !hasDigit(input) && !isError) throw new Error(`digitless ${show(input)} became ${show(output)}`);
  if (!isError && typeof output !== kind && !(kind === "text" && typeof output === "string")) {
    throw new Error(`${show(input)} became ${show(output)}, not a ${kind}`);
  }
  if (kind === "text" && typeof output === "string" && !output.endsWith("원")) throw new Error(`formatted ${show(input)} as ${show(output)}`);
  const own = alone();
  if (!sameCell(output, own)) throw new Error(`${show(input)} gives ${show(output)} in a range but ${show(own)} alone`);
}

describe.each(MAPPINGS)("%s under arbitrary arguments", (name, fn, kind) => {
  it("returns a rectangular grid in the input's layout, or throws a documented error", () => {
    fc.assert(
      fc.property(anyRange, extraFor[name], language, referenceChoice, (range, extra, lang, choice) => {
        const passed = passedErrors(range, extra);
        const outcome = inWorld(lang, choice, () => fn(range, extra));
        const cells = layout(range);
        const one = cells.length === 1 && cells[0].length === 1;
        if (!outcome.returned) {
          checkError(outcome.error, passed);
          // A range never fails whole for a bad cell: only a bad extra argument (rate, style) does.
          if (!one && inWorld(lang, choice, () => fn([[0]], extra)).returned) {
            throw new Error(`a ${cells.length}×${cells[0].length} range failed whole (${show(outcome.error)}) with a good ${show(extra)}`);
          }
          return;
        }
        const grid = checkGrid(outcome.value, passed);
        if (grid.length !== cells.length || grid[0].length !== cells[0].length) {
          throw new Error(`input laid out ${cells.length}×${cells[0].length} came back ${grid.length}×${grid[0].length}`);
        }
        if (one && grid[0][0] instanceof CustomFunctions.Error) throw new Error(`a single cell returned ${show(grid[0][0])} instead of throwing it`);
        cells.forEach((row, i) =>
          row.forEach((input, j) =>
            checkMappedCell(input, grid[i][j], kind, () => (one ? grid[0][0] : single(inWorld(lang, choice, () => fn([[input]], extra))))),
          ),
        );
      }),
      RUNS,
    );
  });
});

describe("KRW_PARSE on numbers", () => {
  it("passes a number Excel can hold through (with -0 as 0) and refuses NaN, ±Infinity and beyond ±9.99e307 with #NUM!", () => {
    fc.assert(
      fc.property(anyNumber, (x) => {
        const outcome = outcomeOf(() => krwParseFunction([[x]]));
        if (Math.abs(x) <= 9.99e307) return outcome.returned && Object.is((outcome.value as unknown[][])[0][0], x + 0);
        return !outcome.returned && (outcome.error as unknown as { code: string }).code === "#NUM!";
      }),
      RUNS,
    );
  });
});

describe("USD_TO_KRW and KRW_TO_USD rates", () => {
  it("refuse a rate that is not a positive number, whole, whatever the range", () => {
    const badRate = fc.oneof(
      fc.constantFrom(0, -0, -1, -1320, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, true, false, "abc", "1,320원", " "),
      anyText.filter((t) => t.trim() !== "" && !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t.normalize("NFKC").trim())),
    );
    fc.assert(
      fc.property(fc.constantFrom(usdToKrwFunction, krwToUsdFunction), rangeOf(fc.oneof(anyNumber, fc.constant(null))), badRate, (fn, range, rate) => {
        const outcome = outcomeOf(() => fn(range as never, rate as never));
        if (outcome.returned) throw new Error(`rate ${show(rate)} gave ${show(outcome.value)}`);
        checkError(outcome.error, new Set());
      }),
      RUNS,
    );
  });
});

describe("NET_LOSS under arbitrary arguments", () => {
  const revenueArg = fc.oneof({ weight: 4, arbitrary: anyRange }, { weight: 1, arbitrary: companyName.map((c) => [[c]]) });
  const expensesArg = fc.oneof({ weight: 1, arbitrary: omitted }, { weight: 4, arbitrary: anyRange });
  const rare = (valid: fc.Arbitrary<Arg>) => fc.oneof({ weight: 6, arbitrary: omitted }, { weight: 1, arbitrary: valid }, { weight: 1, arbitrary: anyScalar });

  /** The company a revenue argument names, if it is one text cell naming one. */
  function companyOf(revenue: Arg): boolean {
    const cells = layout(revenue);
    const only = cells.length === 1 && cells[0].length === 1 ? cells[0][0] : null;
    if (typeof only !== "string" || only.trim() === "") return false;
    try {
      findCompany(only);
      return true;
    } catch {
      return false;
    }
  }

  /** Left out: blank, or a data type whose basic value is blank (as Excel passes it to a typed argument). */
  const blankRead = (c: unknown): boolean => {
    const r = reading(c);
    return r.kind === "value" && isBlankCell(r.value);
  };
  const omittedArg = (a: Arg): boolean => (Array.isArray(a) ? layout(a).every((r) => r.every(blankRead)) : blankRead(a));

  it("pairs cells in the ranges' layout, or answers for a company, or throws a documented error", () => {
    fc.assert(
      fc.property(
        revenueArg,
        expensesArg,
        rare(yearNumber),
        rare(currencyName),
        rare(datasetId),
        language,
        (revenue, expenses, year, currency, dataset, lang) => {
          const passed = passedErrors(revenue, expenses, year, currency, dataset);
          setMessageLanguage(lang);
          const call = host.call("NET_LOSS", netLossFunction, [revenue, expenses, year, currency, dataset]);
          const outcome = outcomeOf(call);
          const grid = checkOutcome(outcome, passed, (value) => checkGrid(value, passed));
          const company = companyOf(revenue);
          if (company) {
            if (!omittedArg(expenses) && grid !== null) throw new Error(`a company with expenses ${show(expenses)} gave ${show(grid)}`);
            if (grid !== null && (grid.length !== 1 || grid[0].length !== 1 || typeof grid[0][0] !== "number")) throw new Error(`a company gave ${show(grid)}`);
            return;
          }
          const companyArgs = [year, currency, dataset].some((a) => !omittedArg(a));
          if ((expenses === null || expenses === undefined || companyArgs) && grid !== null) {
            throw new Error(`NET_LOSS(${show(revenue)}, ${show(expenses)}, ${show(year)}, ${show(currency)}, ${show(dataset)}) gave ${show(grid)}`);
          }
          if (grid === null) return;
          const left = layout(revenue);
          const right = layout(expenses);
          const leftOne = left.length === 1 && left[0].length === 1;
          const rightOne = right.length === 1 && right[0].length === 1;
          const shape = leftOne ? right : left;
          if (!leftOne && !rightOne && (left.length !== right.length || left[0].length !== right[0].length)) {
            throw new Error(`shapes ${left.length}×${left[0].length} and ${right.length}×${right[0].length} were paired`);
          }
          if (grid.length !== shape.length || grid[0].length !== shape[0].length) throw new Error(`result ${grid.length}×${grid[0].length}, wanted ${shape.length}×${shape[0].length}`);
          const one = leftOne && rightOne;
          shape.forEach((row, i) =>
            row.forEach((_, j) => {
              const rx = reading(leftOne ? left[0][0] : left[i][j]);
              const ry = reading(rightOne ? right[0][0] : right[i][j]);
              const out = grid[i][j];
              if ((rx.kind === "value" && isBlankCell(rx.value)) || (ry.kind === "value" && isBlankCell(ry.value))) {
                if (out !== "") throw new Error(`a pair with a blank (${show(rx)}, ${show(ry)}) gave ${show(out)}`);
                return;
              }
              const failedRead = rx.kind !== "value" ? rx : ry.kind !== "value" ? ry : null;
              if (failedRead) {
                const code = (out as { code?: unknown } | null)?.code;
                const want = failedRead.kind === "error" ? failedRead.code : "#VALUE!";
                if (!(out instanceof CustomFunctions.Error && code === want)) throw new Error(`an error or data type passed in (${show(failedRead)}) became ${show(out)}`);
                if (failedRead.kind === "error" && failedRead.error instanceof CustomFunctions.Error && out !== failedRead.error) throw new Error(`an error passed in became ${show(out)}`);
                return;
              }
              const x = (rx as { value: unknown }).value;
              const y = (ry as { value: unknown }).value;
              const isError = out instanceof CustomFunctions.Error;
              if (one && isError) throw new Error(`a single pair returned ${show(out)} instead of throwing it`);
              if (!isError && typeof out !== "number") throw new Error(`(${show(x)}, ${show(y)}) gave ${show(out)}`);
              const digitless = (v: unknown) => typeof v === "boolean" || (typeof v === "string" && !hasDigit(v));
              if ((digitless(x) || digitless(y)) && !isError) throw new Error(`(${show(x)}, ${show(y)}) gave ${show(out)}, not an error`);
            }),
          );
        },
      ),
      RUNS,
    );
  });
});
