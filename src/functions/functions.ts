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
import { calendarPeriodOf, fxQuote, parseBasis, parseFxSource, plainRate, rateOnSerial, spanQuote, type FxData } from "../core/fx/rates";
import { fxDataInUse } from "../shared/fx-data";
import { fxSourceText, rateText } from "../core/fx/cite";
import { isoToDayNumber } from "../core/fx/ecb";
import { referenceRate as resolveReference, type ReferenceRate } from "../core/fx/reference";
import { LARGEST_YEAR_NUMBER } from "../core/fx/period";
import { findCompany } from "../core/data/companies";
import { lookupFigure, type Figure } from "../core/data/lookup";
import { companyNames, datasetTable, sourceText } from "../core/data/table";
import { message } from "../core/messages";
import { latestUsed, markReferenceKnown, referenceChoice, referenceKnown, whenReferenceKnown } from "../shared/reference-rate";
import { isNetLossQuery, netLossFigures } from "../core/data/netloss";
import { citation } from "../core/data/table";
import { qualifierLabel } from "../core/data/metrics";
import { groupDigits } from "../core/data/vocabulary";
import type { FigureQuery } from "../core/data/lookup";
import { restoreSavedReference } from "./startup";
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

const fxData = fxDataInUse;

/**
 * The workbook's reference rate: its pinned choice (a day, a period, a manual rate) or, unpinned,
 * the latest rate in the data, whose day the pane then records in the workbook.
 */
function currentReference(): ReferenceRate {
  const choice = referenceChoice();
  const reference = resolveReference(fxData(), choice);
  if (choice === null && reference.quote?.basis === "day") latestUsed(reference.quote.day);
  return reference;
}

/**
 * Runs `body` once the workbook's saved reference rate is known: at once normally; after the
 * workbook settings have been read when Excel calculates before the add-in has started, so no
 * result is ever computed with a default in place of the workbook's own rate.
 */
function withReference<T>(body: () => T): T | Promise<T> {
  if (referenceKnown()) return body();
  return whenReferenceKnown().then(body);
}

/** The rate a conversion uses: the one given, or the reference rate. */
function rateOrReference(rate: unknown) {
  return excel(() => {
    const given = numberArgument(rate);
    return prepareRate(given === null ? currentReference().value : given);
  });
}

/** An amount a function requires: a blank never reaches here (cells.ts keeps it blank). */
function requiredAmount(value: CellValue, currency: "USD" | "KRW" | null): Dec {
  const amount = amountFrom(value, currency);
  if (amount === null) throw new AifinError("value", "emptyAmount");
  return amount;
}

/** A range or scalar argument as Excel passes it. */
type Cells = Array<Array<number | string | boolean | null>>;
/** A spilled result: values or errors with their reasons. */
type Spill = Array<Array<number | string | CustomFunctions.Error>>;

/**
 * A result now, or (when Excel calculates before the workbook's saved rate has been read) once it
 * has been. Excel takes either from any function; the signatures say Promise so that
 * functions.json describes the result the promise carries.
 */
function eventually<T>(value: T | Promise<T>): Promise<T> {
  return value as Promise<T>;
}

/**
 * Converts US dollars to Korean won, exactly, rounded half away from zero to a whole won.
 * @customfunction USD_TO_KRW
 * @param amount US dollars: a number, a range, or pasted text such as "30억 달러", "$3B" or "US$130 billion".
 * @param [rate] Won per US dollar (KRW per USD), positive. Omitted: the workbook's reference rate (FX_RATE(); FX_SOURCE() states it).
 * @returns Won (KRW), whole, with the amount's sign; a range spills in the same shape.
 * @example =AIFIN.USD_TO_KRW(1.15, 1310) returns 1507
 */
export function usdToKrwFunction(amount: Array<Array<number | string | boolean | null>>, rate?: number): Promise<Array<Array<number | string | CustomFunctions.Error>>> {
  const convert = (): Spill => {
    const prepared = rateOrReference(rate);
    return mapCells(amount, (value) => (typeof value === "number" ? usdToKrw(value, prepared) : usdToKrw(requiredAmount(value, "USD"), prepared)));
  };
  return eventually(omitted(rate) ? withReference(convert) : convert());
}

/**
 * Converts Korean won to US dollars, exactly, rounded half away from zero to the cent.
 * @customfunction KRW_TO_USD
 * @param amount Won: a number, a range, or pasted text such as "3조9600억 원" or "5,803억원".
 * @param [rate] Won per US dollar (KRW per USD), positive. Omitted: the workbook's reference rate (FX_RATE(); FX_SOURCE() states it).
 * @returns US dollars to the cent, with the amount's sign; a range spills in the same shape.
 * @example =AIFIN.KRW_TO_USD("3조9600억 원", 1320) returns 3000000000
 */
export function krwToUsdFunction(amount: Array<Array<number | string | boolean | null>>, rate?: number): Promise<Array<Array<number | string | CustomFunctions.Error>>> {
  const convert = (): Spill => {
    const prepared = rateOrReference(rate);
    return mapCells(amount, (value) => (typeof value === "number" ? krwToUsd(value, prepared) : krwToUsd(requiredAmount(value, "KRW"), prepared)));
  };
  return eventually(omitted(rate) ? withReference(convert) : convert());
}

/**
 * The net loss: expenses minus revenue, exact; or, given a company, its reported net loss, else its total spending minus its revenue from the data.
 * A loss is positive, a profit negative.
 * @customfunction NET_LOSS
 * @param revenue Revenue: a number, a range, or pasted text such as "40억 달러" — or a company name ("OpenAI", "오픈AI").
 * @param [expenses] Expenses in the same currency as the revenue: a number, a range, or pasted text. Omitted when the first argument is a company.
 * @param [period] With a company: its fiscal year or quarter (2024, "FY2025", "2025-Q3"); omitted: the latest year with a figure.
 * @param [currency] With a company: "USD" or "KRW", converting at the average rate over the period's own dates (omitted: as published).
 * @param [dataset] With a company: a dataset id such as "ai-labs" (omitted: the best source).
 * @returns Expenses − revenue in that currency (positive = loss, negative = profit); ranges pair cell by cell. AI_SOURCE(company, "net_loss", period) states how it was built.
 * @example =AIFIN.NET_LOSS(4000000000, 8000000000) returns 4000000000
 */
export function netLossFunction(revenue: Array<Array<number | string | boolean | null>>, expenses?: Array<Array<number | string | boolean | null>>, period?: any, currency?: string, dataset?: string): Array<Array<number | string | CustomFunctions.Error>> {
  const company = companyIn(revenue);
  if (company !== null) {
    if (!omitted(expenses)) throw toExcelError(new AifinError("value", "netLossExpensesWithCompany"));
    return [[excel(() => companyNetLoss({ company, period: periodValue(period), dataset: textArgument(dataset) }, currencyCode(textArgument(currency))).value)]];
  }
  if (expenses === null || expenses === undefined) throw toExcelError(new AifinError("value", "expensesMissing"));
  // Ignoring them would answer a question the user did not ask (e.g. in dollars when KRW was asked).
  if (![period, currency, dataset].every(omitted)) throw toExcelError(new AifinError("value", "netLossCompanyArguments"));
  return zipCells(revenue, expenses, (r, e) => netLossOf(r, e));
}

/** True for an argument left out or blank (a range of blank cells included). */
function omitted(input: unknown): boolean {
  if (Array.isArray(input)) return asMatrix(input).every((row) => row.every(isBlank));
  return isBlank(input as CellValue | null | undefined);
}

/** The company a single text cell names, or null when it is not a single company name. */
function companyIn(input: Cells): string | null {
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

/** A company's net loss for a period: the reported figure, else total spending − revenue, with what it was built from. */
function companyNetLoss(query: FigureQuery, currency: Currency | null): { value: number; sentences: string[] } {
  const lang = messageLanguage();
  const built = netLossFigures(query);
  if (built.kind === "reported") {
    const converted = figureIn(built.figure, currency ?? built.figure.row.currency);
    return { value: converted.value, sentences: converted.sentences };
  }
  const wanted = currency ?? built.total.row.currency;
  const total = figureIn(built.total, wanted);
  const revenue = figureIn(built.revenue, wanted);
  const exact = (value: number) => amountFrom(value, null) as Dec;
  const sentences = [
    message("netLossBuilt", { total: citation(built.total.source, lang), revenue: citation(built.revenue.source, lang) }, lang),
    ...[built.total, built.revenue].flatMap((f) => (f.row.qualifier === "exact" ? [] : [message("netLossQualified", { metric: f.metric.name[lang], qualifier: qualifierLabel(f.row.qualifier, lang) }, lang)])),
    ...total.sentences,
  ];
  return { value: decToExcelNumber(decSub(exact(total.value), exact(revenue.value))), sentences };
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

/** Excel's date serial of a day (1900 date system, for days after 1900-03-01). */
function dayNumber(iso: string): number {
  return isoToDayNumber(iso);
}

/**
 * A figure in a currency: as published, or converted at the average rate over the period's own
 * dates (official where a confirmed figure for exactly that calendar period exists, else the
 * mean of the ECB-derived daily rates), with the sentences AI_SOURCE adds: the rate used, and the
 * amount the source itself published in that currency where it did.
 */
function figureIn(figure: Figure, currency: Currency): { value: number; sentences: string[] } {
  const published = figure.row.value as number; // lookupFigure refuses ranges
  if (figure.row.currency === currency) return { value: published, sentences: [] };
  const lang = messageLanguage();
  const data = fxData();
  const start = dayNumber(figure.span.start);
  const end = dayNumber(figure.span.end);
  const rate = spanQuote(data, { start, end, label: figure.row.period }, "average", null, calendarPeriodOf(start, end));
  const value = convertAmount(published, figure.row.currency, currency, rate.value);
  const sentences = [message("sourceConvertedAt", { currency, rate: fxSourceText(rate, data, lang) }, lang)];
  const other = figure.row.alsoPublished;
  if (other && other.currency === currency) {
    const difference = value === 0 ? 0 : ((other.value - value) / value) * 100;
    sentences.push(message("sourcePublishedOther", { amount: `${currency === "KRW" ? "₩" : "$"}${groupDigits(other.value)}`, published: other.published, difference: `${difference >= 0 ? "+" : ""}${difference.toFixed(1)}%` }, lang));
  }
  return { value, sentences };
}

/** The lookup the arguments ask for, each read as Excel passes it (a blank company is refused). */
function figureQuery(company: unknown, metric: unknown, period: unknown, dataset: unknown, given?: unknown): FigureQuery {
  return { company: textArgument(company) ?? "", metric: textArgument(metric), period: periodValue(period), dataset: textArgument(dataset), given: given === undefined ? null : textArgument(given) };
}

/** A fiscal period argument: a number (a year) or text ("FY2025-Q3"), whatever type Excel passed. */
function periodValue(period: unknown): number | string | null {
  if (typeof period === "boolean") throw new AifinError("value", "badFiscalPeriod", { period: period ? "TRUE" : "FALSE" });
  return periodArgument(period);
}

/**
 * What a company spent on AI, from the curated datasets, in whole units of currency (not millions).
 * @customfunction AI_SPEND
 * @param company A company name, Korean name, alias or ticker: "OpenAI", "오픈AI", "Google", "네이버", "005930".
 * @param [metric] A metric id such as "capex", "capex_guidance", "rnd", "ai_investment", "training" (omitted: the company's main spending metric; AI_SOURCE names it).
 * @param [period] The company's own fiscal year or quarter: 2025, "FY2025", "2025-Q3", "FY2025-Q3", "Q3 FY2025", "3Q25" (omitted: the latest fiscal year).
 * @param [currency] "USD" or "KRW" to convert at the average rate over the period's own dates; omitted: the currency as published.
 * @param [dataset] A dataset id such as "bigtech-capex" (omitted: the best source: a company document, then an established outlet, then a press report, then the column).
 * @param [given] For guidance: the statement given on or before this date, "2025-07-30" (omitted: the latest statement).
 * @returns The figure in whole dollars or won, positive; AI_SOURCE cites it, with its qualifier ("over", "up to", "guidance").
 * @example =AIFIN.AI_SPEND("Microsoft", "capex", "FY2023") returns 28107000000
 */
export function aiSpendFunction(company: any, metric?: any, period?: any, currency?: any, dataset?: any, given?: any): number {
  return excel(() => {
    const query = figureQuery(company, metric, period, dataset, given);
    const wanted = currencyCode(textArgument(currency));
    const figure = lookupFigure(query);
    return figureIn(figure, wanted ?? figure.row.currency).value;
  });
}

/**
 * A company's revenue from the curated datasets, in whole units of currency.
 * @customfunction AI_REVENUE
 * @param company A company name, Korean name, alias or ticker: "OpenAI", "엔비디아", "NVDA".
 * @param [period] The company's own fiscal year or quarter: 2025, "FY2026", "FY2026-Q3", "3Q25" (omitted: the latest fiscal year with revenue).
 * @param [currency] "USD" or "KRW" to convert at the average rate over the period's own dates; omitted: as published.
 * @returns Revenue in whole dollars or won.
 * @example =AIFIN.AI_REVENUE("NVIDIA", "FY2025")
 */
export function aiRevenueFunction(company: any, period?: any, currency?: any): number {
  return aiSpendFunction(company, "revenue", period, currency);
}

/** Serials above this are dates; at or below, years (as FX_RATE reads them). */
const FIRST_DATE_SERIAL = LARGEST_YEAR_NUMBER;

/**
 * Won per US dollar for a day or a period, with its basis and source always stated by FX_SOURCE.
 * @customfunction FX_RATE
 * @param [period] A date ("2023-06-15", a date cell, a range of dates), a month ("2024-11"), a quarter ("2024-Q3") or a year (2024). Omitted: the workbook's reference rate.
 * @param [basis] For a month, quarter or year: "average" (default) or "close" (its last business day).
 * @param [source] Omitted: the official Bank of Korea / Seoul market figure where one is held for exactly that period and basis, else derived from ECB reference rates. "ECB" or "BOK" to choose.
 * @returns Won per US dollar (KRW per USD), 2 decimals; a range of dates spills in the same shape.
 * @example =AIFIN.FX_RATE("2023-06-15") returns 1282.56
 */
export function fxRateFunction(period?: Array<Array<number | string | boolean | null>>, basis?: any, source?: any): Promise<Array<Array<number | string | CustomFunctions.Error>>> {
  const chosen = excel(() => ({ basis: parseBasis(textArgument(basis)), source: parseFxSource(textArgument(source)) }));
  if (period === null || period === undefined || (!Array.isArray(period) && omitted(period))) {
    if (chosen.basis !== null || chosen.source !== null) throw toExcelError(new AifinError("value", "referenceTakesNoBasis"));
    return eventually(withReference(() => [[excel(() => currentReference().value)]]));
  }
  const data = fxData();
  const plain = chosen.basis === null && chosen.source === null;
  return eventually(
    mapCells(period, (value) => {
      if (typeof value === "boolean") throw new AifinError("value", "badPeriod", { period: value ? "TRUE" : "FALSE" });
      if (!plain) return fxQuote(data, value, chosen.basis, chosen.source).value;
      return typeof value === "number" && value > FIRST_DATE_SERIAL ? rateOnSerial(data, value) : plainRate(data, value);
    }),
  );
}

/**
 * The rate FX_RATE gives, stated: the rate, the day or period it is for, its basis and its source (for ECB-derived rates, the two euro fixings).
 * @customfunction FX_SOURCE
 * @param [period] As for FX_RATE (one value). Omitted: the workbook's reference rate.
 * @param [basis] As for FX_RATE: "average" (default) or "close".
 * @param [source] As for FX_RATE: "ECB" or "BOK" (omitted: official where held, else ECB-derived).
 * @returns One line of text, e.g. "1,282.56 KRW per USD on 2023-06-15, derived from ECB reference rates (KRW and USD per EUR: …)".
 * @example =AIFIN.FX_SOURCE("2024-Q3", "average", "BOK")
 */
export function fxSourceFunction(period?: any, basis?: any, source?: any): Promise<string> {
  return eventually(
    (() => {
      const chosen = excel(() => ({ period: periodArgument(period), basis: parseBasis(textArgument(basis)), source: parseFxSource(textArgument(source)) }));
      const data = fxData();
      const lang = messageLanguage();
      if (chosen.period === null) {
        if (chosen.basis !== null || chosen.source !== null) throw toExcelError(new AifinError("value", "referenceTakesNoBasis"));
        return withReference(() => excel(() => referenceText(currentReference(), data)));
      }
      return excel(() => fxSourceText(fxQuote(data, chosen.period as number | string, chosen.basis, chosen.source), data, lang));
    })(),
  );
}

/** What FX_SOURCE() says of the reference rate: the rate stated, and what the workbook pins. */
function referenceText(reference: ReferenceRate, data: FxData): string {
  const lang = messageLanguage();
  const { choice } = reference;
  const pinned =
    choice === null
      ? message("referenceLatest", {}, lang)
      : choice.kind === "latest"
        ? message("referencePinnedLatest", { day: choice.day }, lang)
        : choice.kind === "date"
          ? message("referencePinnedDate", { day: choice.day }, lang)
          : choice.kind === "period"
            ? message("referencePinnedPeriod", { period: choice.period, basis: choice.basis ?? "average" }, lang)
            : message("referenceManual", {}, lang);
  const stated = reference.quote ? fxSourceText(reference.quote, data, lang) : message("referenceManualText", { rate: rateText(reference.value) }, lang);
  return `${stated} — ${message("fxReferenceNote", { choice: pinned }, lang)}`;
}

/**
 * The companies AIFIN has figures for, as a spilled column of names.
 * @customfunction AI_COMPANIES
 * @param [dataset] A dataset id such as "bigtech-capex" (omitted: every company with a figure).
 * @returns A column of company names (Korean names in a Korean Excel).
 * @example =AIFIN.AI_COMPANIES("korea-ai-investment")
 */
export function aiCompaniesFunction(dataset?: any): string[][] {
  return excel(() => {
    const id = textArgument(dataset);
    const names = companyNames(id, messageLanguage());
    // An empty array is no result Excel can show: say why instead.
    if (names.length === 0) throw new AifinError("na", "noCompaniesInDataset", { id: id ?? "" });
    return names.map((name) => [name]);
  });
}

/**
 * A curated dataset as a spilled table: company, metric, period, value, currency, status, source, date published, URL.
 * @customfunction AI_TABLE
 * @param dataset A dataset id: "bigtech-capex", "bigtech-financials", "korea-ai-investment", "ai-labs" or "usd-krw-rates".
 * @param [headers] TRUE (default) to start with a header row; FALSE for the rows alone.
 * @returns A table, 9 columns wide; values in whole units of their currency.
 * @example =AIFIN.AI_TABLE("ai-labs")
 */
export function aiTableFunction(dataset: any, headers?: any): Array<Array<number | string>> {
  return excel(() => datasetTable(textArgument(dataset) ?? "", logicalArgument(headers) ?? true, messageLanguage()));
}

/**
 * Where a figure comes from: "publisher (date), url — kind", the period's dates, the qualifier, its status, and the rate used where it was converted.
 * @customfunction AI_SOURCE
 * @param company A company name, Korean name, alias or ticker.
 * @param [metric] The metric, as for AI_SPEND (omitted: the same default, stated in the text); "net_loss" states how NET_LOSS was built.
 * @param [period] The fiscal period, as for AI_SPEND (omitted: the latest, stated in the text).
 * @param [currency] "USD" or "KRW": cite the rate AI_SPEND converts at.
 * @param [dataset] A dataset id, as for AI_SPEND.
 * @param [given] For guidance, as for AI_SPEND.
 * @returns One line of text citing the figure.
 * @example =AIFIN.AI_SOURCE("OpenAI", "training", 2024)
 */
export function aiSourceFunction(company: any, metric?: any, period?: any, currency?: any, dataset?: any, given?: any): string {
  return excel(() => {
    const query = figureQuery(company, metric, period, dataset, given);
    const wanted = currencyCode(textArgument(currency));
    const lang = messageLanguage();
    if (isNetLossQuery(query)) {
      const built = netLossFigures(query);
      if (built.kind === "computed") {
        const loss = companyNetLoss(query, wanted);
        return [sourceText(built.total, lang), sourceText(built.revenue, lang), ...loss.sentences].join(" | ");
      }
    }
    const figure = lookupFigure(query);
    return sourceText(figure, lang, figureIn(figure, wanted ?? figure.row.currency).sentences);
  });
}

// The functions runtime's one side effect: error messages follow Office's display language, and
// the workbook's saved reference rate is read before any result depends on it.
if (typeof Office === "undefined") {
  markReferenceKnown(); // outside Office (tests, node) there is no workbook to wait for
} else {
  Office.onReady(() => {
    setMessageLanguage(Office.context?.displayLanguage);
    if (typeof Excel === "undefined") markReferenceKnown();
    else void restoreSavedReference(() => new Excel.RequestContext());
  });
}
