import fc from "fast-check";
import { allCompanies } from "../../src/core/data/companies";
import { setMessageLanguage } from "../../src/functions/cells";
import {
  aiCompaniesFunction,
  aiRevenueFunction,
  aiSourceFunction,
  aiSpendFunction,
  aiTableFunction,
  fxRateFunction,
  netLossFunction,
} from "../../src/functions/functions";
import { resolveMetric } from "../../src/core/data/metrics";
import { setReferenceChoice } from "../../src/shared/reference-rate";
import {
  anyNumber,
  anyScalar,
  companyName,
  currencyName,
  datasetId,
  language,
  metricName,
  mostly,
  periodText,
  referenceChoice,
  yearNumber,
  type Arg,
} from "./arbitraries";
import { excelHost, reading, type ExcelHost } from "./excel-host";
import { checkError, checkGrid, checkNumber, checkOutcome, outcomeOf, passedErrors, show } from "./invariants";

const RUNS = { numRuns: 1000 };

/** Excel's side of each call: what reaches the function, by functions.json's rule (excel-host.ts). */
let host: ExcelHost;
beforeAll(async () => {
  host = await excelHost();
});

/** True for an argument that leaves a required text out: nothing, blank, or spaces. */
function blankText(value: Arg): boolean {
  const v = Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 ? value[0][0] : value;
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.every((r) => Array.isArray(r) && r.length === 0));
}

/** A figure: a finite number above zero (the data holds non-negative whole figures, 0 is no figure). */
function checkFigure(value: unknown): number {
  if (typeof value !== "number") throw new Error(`returned ${show(value)}, not a number`);
  checkNumber(value);
  if (!(value > 0)) throw new Error(`returned ${show(value)}, not a positive figure`);
  return value;
}

/** The metric a metric argument names, or null (not text, or no metric's name). */
function metricId(metric: Arg): string | null {
  if (typeof metric !== "string") return null;
  try {
    return resolveMetric(metric).id;
  } catch {
    return null;
  }
}

/** True for a blank cell, bare or as a data type (Excel's Empty): FX_RATE shows it blank, as a range of one cell. */
function blankCell(value: Arg): boolean {
  const read = reading(value);
  return typeof value === "object" && value !== null && read.kind === "value" && read.value === "";
}

/** The company argument: mostly names that exist, sometimes anything. */
const companyArg = fc.oneof({ weight: 3, arbitrary: companyName }, { weight: 2, arbitrary: anyScalar });

const figureArgs = fc.tuple(companyArg, mostly(metricName), mostly(yearNumber), mostly(currencyName), mostly(datasetId), language);

describe("AI_SPEND and AI_SOURCE under arbitrary arguments", () => {
  it("AI_SPEND returns a positive figure or throws a documented error; a blank company is refused", () => {
    fc.assert(
      fc.property(figureArgs, ([company, metric, year, currency, dataset, lang]) => {
        setMessageLanguage(lang);
        const passed = passedErrors(company, metric, year, currency, dataset);
        const value = checkOutcome(outcomeOf(host.call("AI_SPEND", aiSpendFunction, [company, metric, year, currency, dataset])), passed, checkFigure);
        if (value !== null && blankText(company)) throw new Error(`a blank company ${show(company)} gave ${value}`);
      }),
      RUNS,
    );
  });

  it("AI_SOURCE returns one non-empty line, or throws a documented error", () => {
    fc.assert(
      fc.property(figureArgs, ([company, metric, year, currency, dataset, lang]) => {
        setMessageLanguage(lang);
        const passed = passedErrors(company, metric, year, currency, dataset);
        checkOutcome(outcomeOf(host.call("AI_SOURCE", aiSourceFunction, [company, metric, year, currency, dataset])), passed, (text) => {
          if (typeof text !== "string" || text.trim() === "" || /[\r\n]/.test(text)) throw new Error(`returned ${show(text)}`);
        });
      }),
      RUNS,
    );
  });

  it("AI_SPEND and AI_SOURCE agree: a figure exists exactly when it can be cited (a net loss: NET_LOSS and AI_SOURCE)", () => {
    fc.assert(
      fc.property(figureArgs, ([company, metric, year, currency, dataset]) => {
        setMessageLanguage("en-US");
        const source = outcomeOf(host.call("AI_SOURCE", aiSourceFunction, [company, metric, year, currency, dataset]));
        if (metricId(metric) === "net_loss") {
          // AI_SOURCE(company, "net_loss", …) states how NET_LOSS(company, , …) is built (README); AI_SPEND has no such figure.
          if (typeof company !== "string") return;
          const loss = outcomeOf(host.call("NET_LOSS", netLossFunction, [[[company]], null, year, currency, dataset]));
          if (loss.returned !== source.returned) throw new Error(`NET_LOSS ${loss.returned ? "answered" : "failed"} but AI_SOURCE did not`);
          return;
        }
        const spend = outcomeOf(host.call("AI_SPEND", aiSpendFunction, [company, metric, year, currency, dataset]));
        if (spend.returned !== source.returned) throw new Error(`AI_SPEND ${spend.returned ? "answered" : "failed"} but AI_SOURCE did not`);
      }),
      RUNS,
    );
  });
});

describe("AI_REVENUE under arbitrary arguments", () => {
  it("returns a positive figure or throws a documented error", () => {
    fc.assert(
      fc.property(companyArg, mostly(yearNumber), mostly(currencyName), language, (company, year, currency, lang) => {
        setMessageLanguage(lang);
        const passed = passedErrors(company, year, currency);
        const value = checkOutcome(outcomeOf(host.call("AI_REVENUE", aiRevenueFunction, [company, year, currency])), passed, checkFigure);
        if (value !== null && blankText(company)) throw new Error(`a blank company ${show(company)} gave ${value}`);
      }),
      RUNS,
    );
  });
});

describe("FX_RATE under arbitrary arguments", () => {
  it("returns a positive rate or throws a documented error, whatever the reference-rate setting", () => {
    fc.assert(
      fc.property(mostly(periodText), referenceChoice, language, (period, choice, lang) => {
        setMessageLanguage(lang);
        setReferenceChoice(choice);
        try {
          // A spill in the period's shape: each cell a rate, blank for a blank cell, or an error with its reason.
          checkOutcome(outcomeOf(host.call("FX_RATE", fxRateFunction, [period])), passedErrors(period), (grid) => {
            if (!Array.isArray(grid) || grid.length === 0 || !grid.every((row) => Array.isArray(row) && row.length === grid[0].length)) throw new Error(`returned ${show(grid)}, not a grid`);
            for (const cell of grid.flat()) {
              if (cell instanceof CustomFunctions.Error) checkError(cell, passedErrors(period));
              else if (!(cell === "" && (Array.isArray(period) || blankCell(period)))) checkFigure(cell);
            }
            return 0;
          });
        } finally {
          setReferenceChoice(null);
        }
      }),
      RUNS,
    );
  });
});

describe("AI_COMPANIES under arbitrary arguments", () => {
  it("returns a non-empty column of names or throws a documented error; omitted, every company", () => {
    const all = allCompanies().length;
    fc.assert(
      fc.property(mostly(datasetId), language, (dataset, lang) => {
        setMessageLanguage(lang);
        const passed = passedErrors(dataset);
        const grid = checkOutcome(outcomeOf(host.call("AI_COMPANIES", aiCompaniesFunction, [dataset])), passed, (value) => checkGrid(value, passed));
        if (grid === null) return;
        if (grid[0].length !== 1 || !grid.every((row) => typeof row[0] === "string" && row[0] !== "")) throw new Error(`returned ${show(grid)}`);
        if ((dataset === null || dataset === undefined || dataset === "") && grid.length !== all) throw new Error(`omitted dataset gave ${grid.length} names`);
      }),
      RUNS,
    );
  });
});

describe("AI_TABLE under arbitrary arguments", () => {
  it("returns a table 9 columns wide of numbers and text, or throws a documented error", () => {
    const headers = mostly(fc.oneof(fc.boolean(), fc.constantFrom(0, 1, "TRUE", "false", "yes")));
    fc.assert(
      fc.property(mostly(datasetId), headers, language, (dataset, header, lang) => {
        setMessageLanguage(lang);
        const passed = passedErrors(dataset, header);
        const grid = checkOutcome(outcomeOf(host.call("AI_TABLE", aiTableFunction, [dataset, header])), passed, (value) => checkGrid(value, passed));
        if (grid === null) return;
        if (blankText(dataset)) throw new Error("a table without a dataset");
        if (grid[0].length !== 9) throw new Error(`a table ${grid[0].length} columns wide`);
        if (grid.flat().some((cell) => cell instanceof CustomFunctions.Error || cell === "")) throw new Error(`a table with an error or blank cell: ${show(grid)}`);
      }),
      RUNS,
    );
  });
});

describe("a non-blank argument is never silently ignored", () => {
  /** Values no argument accepts: numbers and logicals where text belongs, text no name matches. */
  const junkText = fc.oneof(fc.stringMatching(/^zq[a-z]{0,8}$/), anyNumber, fc.boolean());
  const junkYear = fc.oneof(fc.constantFrom(1.5, -1, 0, 3000, Number.NaN, Number.POSITIVE_INFINITY, true, "abc", "2024-Q5", "FY2024-Q9"), fc.stringMatching(/^zq[a-z]{0,8}$/));
  const refused = (call: () => unknown): boolean => {
    const outcome = outcomeOf(call);
    if (!outcome.returned) checkError(outcome.error, new Set());
    return !outcome.returned;
  };
  const company = fc.constantFrom("OpenAI", "Naver", "Alphabet", "Samsung Electronics", "Kakao");

  it("AI_SPEND, AI_SOURCE and AI_REVENUE refuse a junk metric, year, currency or dataset", () => {
    fc.assert(
      fc.property(company, fc.constantFrom(1, 2, 3, 4), junkText, junkYear, (name, slot, junk, badYear) => {
        const args: Arg[] = [name, null, null, null, null];
        args[slot] = slot === 2 ? badYear : junk;
        const [c, m, y, cur, d] = args;
        return (
          refused(() => aiSpendFunction(c as never, m as never, y as never, cur as never, d as never)) &&
          refused(() => aiSourceFunction(c as never, m as never, y as never, cur as never, d as never)) &&
          (slot === 1 || slot === 4 || refused(() => aiRevenueFunction(c as never, (slot === 2 ? y : null) as never, (slot === 3 ? cur : null) as never)))
        );
      }),
      RUNS,
    );
  });

  it("FX_RATE, AI_COMPANIES and AI_TABLE refuse a junk period, dataset or headers", () => {
    const junkHeaders = fc.oneof(fc.constantFrom("yes", "no", "1", Number.NaN), fc.stringMatching(/^zq[a-z]{0,8}$/));
    fc.assert(
      fc.property(junkText, junkYear, junkHeaders, (junk, badPeriod, badHeaders) => {
        return (
          refused(() => fxRateFunction(badPeriod as never)) &&
          refused(() => aiCompaniesFunction(junk as never)) &&
          refused(() => aiTableFunction(junk as never)) &&
          refused(() => aiTableFunction("usd-krw-rates", badHeaders as never))
        );
      }),
      RUNS,
    );
  });
});
