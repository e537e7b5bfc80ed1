/* AIFIN custom functions: thin adapters over src/core. Each body coerces its arguments, calls
 * the core, and lets src/functions/cells.ts map failures to Excel errors. The JSDoc below is the
 * source of functions.json (custom-functions-metadata-plugin); the ids after @customfunction are
 * permanent, they live in users' workbooks. */
import {
  amountFrom,
  convertAmount,
  currencyCode,
  decSub,
  decToExcelNumber,
  formatKrw,
  krwToUsd,
  parseAmount,
  prepareRate,
  usdToKrw,
  type Currency,
  type Dec,
} from "../core/money";
import { AifinError } from "../core/errors";
import { fxRate, type FxRate } from "../core/fx/rates";
import { findCompany } from "../core/data/companies";
import { lookupFigure, type Figure } from "../core/data/lookup";
import { companyNames, datasetTable, sourceText } from "../core/data/table";
import { referenceChoice } from "../shared/reference-rate";
import {
  asMatrix,
  isBlank,
  logicalArgument,
  mapCells,
  messageLanguage,
  numberArgument,
  periodArgument,
  setMessageLanguage,
  textArgument,
  toExcelError,
  zipCells,
  type CellValue,
} from "./cells";

/** Runs a scalar function body: any failure becomes the Excel error the user sees. */
function excel<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * The reference rate in force: the task pane's setting (a dataset period or a manual rate), or
 * the FX data file's own reference period.
 */
function referenceRate(): number {
  const choice = referenceChoice();
  if (choice?.kind === "manual") {
    // The setting lives in shared state any bundle (or a stale workbook setting) may have written.
    if (!(Number.isFinite(choice.rate) && choice.rate > 0)) throw new AifinError("num", "rateNotPositive", { rate: String(choice.rate) });
    return choice.rate;
  }
  return fxRate(choice?.kind === "period" ? choice.period : null).value;
}

/** The rate a conversion uses: the one given, or the reference rate. */
function rateOrReference(rate: unknown) {
  return excel(() => {
    const given = numberArgument(rate);
    return prepareRate(given === null ? referenceRate() : given);
  });
}

/** An amount a function requires: a blank never reaches here (cells.ts keeps it blank). */
function requiredAmount(value: CellValue, currency: "USD" | "KRW" | null): Dec {
  const amount = amountFrom(value, currency);
  if (amount === null) throw new AifinError("value", "emptyAmount");
  return amount;
}

/**
 * Converts US dollars to Korean won, exactly, rounded half away from zero to a whole won.
 * @customfunction USD_TO_KRW
 * @param amount US dollars: a number, a range, or pasted text such as "30억 달러", "$3B" or "US$130 billion".
 * @param [rate] Won per US dollar (KRW per USD), positive. Omitted: the add-in's reference rate (FX_RATE()).
 * @returns Won (KRW), whole, with the amount's sign; a range spills in the same shape.
 * @example =AIFIN.USD_TO_KRW(1.15, 1310) returns 1507
 */
export function usdToKrwFunction(
  amount: Array<Array<number | string | boolean | null>>,
  rate?: number,
): Array<Array<number | string | CustomFunctions.Error>> {
  const prepared = rateOrReference(rate);
  return mapCells(amount, (value) =>
    typeof value === "number" ? usdToKrw(value, prepared) : usdToKrw(requiredAmount(value, "USD"), prepared),
  );
}

/**
 * Converts Korean won to US dollars, exactly, rounded half away from zero to the cent.
 * @customfunction KRW_TO_USD
 * @param amount Won: a number, a range, or pasted text such as "3조9600억 원" or "5,803억원".
 * @param [rate] Won per US dollar (KRW per USD), positive. Omitted: the add-in's reference rate (FX_RATE()).
 * @returns US dollars to the cent, with the amount's sign; a range spills in the same shape.
 * @example =AIFIN.KRW_TO_USD("3조9600억 원", 1320) returns 3000000000
 */
export function krwToUsdFunction(
  amount: Array<Array<number | string | boolean | null>>,
  rate?: number,
): Array<Array<number | string | CustomFunctions.Error>> {
  const prepared = rateOrReference(rate);
  return mapCells(amount, (value) =>
    typeof value === "number" ? krwToUsd(value, prepared) : krwToUsd(requiredAmount(value, "KRW"), prepared),
  );
}

/**
 * The net loss: expenses minus revenue, exact; or, given a company, its total spending minus its revenue from the data.
 * A loss is positive, a profit negative.
 * @customfunction NET_LOSS
 * @param revenue Revenue: a number, a range, or pasted text such as "40억 달러" — or a company name ("OpenAI", "오픈AI").
 * @param [expenses] Expenses in the same currency as the revenue: a number, a range, or pasted text. Omitted when the first argument is a company.
 * @param [year] With a company: the year (omitted: the latest year that has both figures).
 * @param [currency] With a company: "USD" or "KRW" to convert at that year's reference rate (omitted: as published).
 * @param [dataset] With a company: a dataset id such as "openai-2024-costs" (omitted: the column's figures first).
 * @returns Expenses − revenue in that currency (positive = loss, negative = profit); ranges pair cell by cell.
 * @example =AIFIN.NET_LOSS(4000000000, 8000000000) returns 4000000000; =AIFIN.NET_LOSS("OpenAI", , 2024) returns 4000000000
 */
export function netLossFunction(
  revenue: Array<Array<number | string | boolean | null>>,
  expenses?: Array<Array<number | string | boolean | null>>,
  year?: number,
  currency?: string,
  dataset?: string,
): Array<Array<number | string | CustomFunctions.Error>> {
  const company = companyIn(revenue);
  if (company !== null) {
    if (!omitted(expenses)) throw toExcelError(new AifinError("value", "netLossExpensesWithCompany"));
    return [[excel(() => companyNetLoss(company, numberArgument(year), textArgument(currency), textArgument(dataset)))]];
  }
  if (expenses === null || expenses === undefined) throw toExcelError(new AifinError("value", "expensesMissing"));
  // Ignoring them would answer a question the user did not ask (e.g. in dollars when KRW was asked).
  if (![year, currency, dataset].every(omitted)) throw toExcelError(new AifinError("value", "netLossCompanyArguments"));
  return zipCells(revenue, expenses, (r, e) => netLossOf(r, e));
}

/** True for an argument left out or blank (a range of blank cells included). */
function omitted(input: unknown): boolean {
  if (Array.isArray(input)) return asMatrix(input).every((row) => row.every(isBlank));
  return isBlank(input as CellValue | null | undefined);
}

/** The company a single text cell names, or null when it is not a single company name. */
function companyIn(input: Array<Array<number | string | boolean | null>>): string | null {
  const cells = asMatrix(input);
  const only = cells.length === 1 && cells[0].length === 1 ? cells[0][0] : null;
  if (typeof only !== "string" || isBlank(only)) return null;
  try {
    findCompany(only);
    return only;
  } catch {
    return null; // not a company: read as a pasted amount
  }
}

/** Total spending − revenue of a company in one year (given, or the latest with total spending). */
function companyNetLoss(company: string, year: number | null | undefined, currency: string | null | undefined, dataset: string | null | undefined): number {
  const total = lookupFigure({ company, metric: "total", year, dataset });
  const revenue = lookupFigure({ company, metric: "revenue", year: total.year, dataset });
  const wanted = currencyCode(currency) ?? total.row.currency;
  const exact = (figure: Figure) => amountFrom(figureIn(figure, wanted).value, null) as Dec;
  return decToExcelNumber(decSub(exact(total), exact(revenue)));
}

/** expenses − revenue for two cell values; currencies stated in text must agree. */
function netLossOf(revenue: CellValue, expenses: CellValue): number {
  const r = cellAmount(revenue);
  const e = cellAmount(expenses);
  if (r.currency && e.currency && r.currency !== e.currency) {
    throw new AifinError("value", "mixedCurrency", { a: r.currency, b: e.currency });
  }
  return decToExcelNumber(decSub(e.value, r.value));
}

/** A cell as an exact amount and the currency its text states (numbers state none). */
function cellAmount(value: CellValue): { value: Dec; currency: "USD" | "KRW" | null } {
  if (typeof value === "string") return parseAmount(value);
  return { value: requiredAmount(value, null), currency: null };
}

/**
 * Reads the number of won in Korean-unit text.
 * @customfunction KRW_PARSE
 * @param text Won as text, such as "약 3조9600억 원", "5,803억원" or "2조"; a number passes through; a range spills.
 * @returns Won (KRW), with the text's sign ("△4,000" and "(4,000)" are negative).
 * @example =AIFIN.KRW_PARSE("약 3조9600억 원") returns 3960000000000
 */
export function krwParseFunction(text: Array<Array<number | string | boolean | null>>): Array<Array<number | string | CustomFunctions.Error>> {
  return mapCells(text, (value) => decToExcelNumber(requiredAmount(value, "KRW")));
}

/**
 * Writes won as Korean-unit text, rounded half away from zero to a whole won (or to the reporting unit).
 * @customfunction KRW_FORMAT
 * @param amount Won: a number, a range, or won text.
 * @param [style] Omitted: 조/억/만 units ("3조 9,600억 원"). "조원", "억원", "백만원", "만원", "천원" or "원": the amount in that reporting unit.
 * @param [decimals] Decimal places of the reporting unit (0 to 8 for 억원); omitted: whole units, or the fewest places that keep a small amount from showing as 0.
 * @returns Text such as "3조 9,600억 원", "39,600억원" or "-0.4억원" (the sign is always kept); a range spills in the same shape.
 * @example =AIFIN.KRW_FORMAT(3960000000000) returns "3조 9,600억 원"
 */
export function krwFormatFunction(
  amount: Array<Array<number | string | boolean | null>>,
  style?: string,
  decimals?: number,
): Array<Array<number | string | CustomFunctions.Error>> {
  const format = excel(() => textArgument(style));
  const places = excel(() => numberArgument(decimals));
  return mapCells(amount, (value) => formatKrw(typeof value === "number" ? value : requiredAmount(value, "KRW"), format, places));
}

/**
 * A figure in a currency: as published, or converted at the reference rate of its year (the
 * value USD_TO_KRW(x, FX_RATE(year)) or KRW_TO_USD(x, FX_RATE(year)) gives).
 */
function figureIn(figure: Figure, currency: Currency): { value: number; rate?: FxRate } {
  const published = figure.row.value as number; // lookupFigure refuses ranges
  if (figure.row.currency === currency) return { value: published };
  const rate = fxRate(figure.year);
  return { value: convertAmount(published, figure.row.currency, currency, rate.value), rate };
}

/**
 * What a company spent on AI, from the curated datasets, in whole units of currency (not millions).
 * @customfunction AI_SPEND
 * @param company A company name, Korean name, alias or ticker: "OpenAI", "오픈AI", "Google", "네이버", "005930".
 * @param [metric] A metric id such as "training", "total", "capex", "ai_investment" (omitted: "total", else the company's main spending metric).
 * @param [year] The (fiscal) year (omitted: the latest year that has the metric).
 * @param [currency] "USD" or "KRW" to convert at that year's reference rate (FX_RATE(year)); omitted: the currency as published.
 * @param [dataset] A dataset id such as "openai-2024-costs" (omitted: the column's figures first, then the other datasets).
 * @returns The figure in whole dollars or won, positive; AI_SOURCE cites it.
 * @example =AIFIN.AI_SPEND("OpenAI", "training", 2024) returns 3000000000
 */
export function aiSpendFunction(company: string, metric?: string, year?: number, currency?: string, dataset?: string): number {
  return excel(() => {
    const query = figureQuery(company, metric, year, dataset);
    const wanted = currencyCode(textArgument(currency));
    const figure = lookupFigure(query);
    return figureIn(figure, wanted ?? figure.row.currency).value;
  });
}

/** The lookup the arguments ask for, each read as Excel passes it (a blank company is refused). */
function figureQuery(company: unknown, metric: unknown, year: unknown, dataset: unknown) {
  return { company: textArgument(company) ?? "", metric: textArgument(metric), year: numberArgument(year), dataset: textArgument(dataset) };
}

/**
 * A company's revenue from the curated datasets, in whole units of currency.
 * @customfunction AI_REVENUE
 * @param company A company name, Korean name, alias or ticker: "OpenAI", "오픈AI".
 * @param [year] The year (omitted: the latest year with revenue).
 * @param [currency] "USD" or "KRW" to convert at that year's reference rate; omitted: as published.
 * @returns Revenue in whole dollars or won.
 * @example =AIFIN.AI_REVENUE("OpenAI", 2024) returns 4000000000
 */
export function aiRevenueFunction(company: string, year?: number, currency?: string): number {
  return aiSpendFunction(company, "revenue", year, currency);
}

/**
 * The USD/KRW reference rate of a period, in won per US dollar.
 * @customfunction FX_RATE
 * @param [period] A year (2024), quarter ("2024-Q3"), month ("2024-11"), or date ("2024-12-31" or a date cell). Omitted: the add-in's reference rate.
 * @returns Won per US dollar (KRW per USD), positive.
 * @example =AIFIN.FX_RATE("2024-Q3") returns 1358.35
 */
export function fxRateFunction(period?: number | string): number {
  return excel(() => {
    const given = periodArgument(period);
    return given === null ? referenceRate() : fxRate(given).value;
  });
}

/**
 * The companies AIFIN has figures for, as a spilled column of names.
 * @customfunction AI_COMPANIES
 * @param [dataset] A dataset id such as "bigtech-capex" (omitted: every company the functions know).
 * @returns A column of company names (Korean names in a Korean Excel).
 * @example =AIFIN.AI_COMPANIES("korea-ai-investment")
 */
export function aiCompaniesFunction(dataset?: string): string[][] {
  return excel(() => {
    const id = textArgument(dataset);
    const names = companyNames(id, messageLanguage());
    // An empty array is no result Excel can show: say why instead.
    if (names.length === 0) throw new AifinError("na", "noCompaniesInDataset", { id: id ?? "" });
    return names.map((name) => [name]);
  });
}

/**
 * A curated dataset as a spilled table: company, metric, period, value, currency, status, source.
 * @customfunction AI_TABLE
 * @param dataset A dataset id: "column-2024", "openai-2024-costs", "bigtech-capex", "korea-ai-investment" or "usd-krw-rates".
 * @param [headers] TRUE (default) to start with a header row; FALSE for the rows alone.
 * @returns A table, 7 columns wide; values in whole units of their currency.
 * @example =AIFIN.AI_TABLE("column-2024")
 */
export function aiTableFunction(dataset: string, headers?: boolean): Array<Array<number | string>> {
  return excel(() => datasetTable(textArgument(dataset) ?? "", logicalArgument(headers) ?? true, messageLanguage()));
}

/**
 * Where a figure comes from: "publisher, title (date), url", its status, and the rate used where it was converted.
 * @customfunction AI_SOURCE
 * @param company A company name, Korean name, alias or ticker.
 * @param [metric] The metric, as for AI_SPEND (omitted: the same default, stated in the text).
 * @param [year] The year, as for AI_SPEND (omitted: the latest, stated in the text).
 * @param [currency] "USD" or "KRW": cite the rate AI_SPEND converts at.
 * @param [dataset] A dataset id, as for AI_SPEND.
 * @returns One line of text citing the figure.
 * @example =AIFIN.AI_SOURCE("OpenAI", "training", 2024)
 */
export function aiSourceFunction(company: string, metric?: string, year?: number, currency?: string, dataset?: string): string {
  return excel(() => {
    const query = figureQuery(company, metric, year, dataset);
    const wanted = currencyCode(textArgument(currency));
    const figure = lookupFigure(query);
    return sourceText(figure, messageLanguage(), figureIn(figure, wanted ?? figure.row.currency).rate);
  });
}

// The functions runtime's one side effect: error messages follow Office's display language.
if (typeof Office !== "undefined") {
  Office.onReady(() => setMessageLanguage(Office.context?.displayLanguage));
}
