/* USD/KRW rates by period, from the embedded usd-krw-rates dataset (KRW per USD). */
import { AifinError } from "../errors";
import type { Dataset, RateRow, Source } from "../data/schema";
import { RATES_DATASET_ID, datasetById, rateRows } from "../data/catalog";
import { RATE_KINDS } from "../data/vocabulary";
import { parsePeriod, periodChain, periodLabel, type Period } from "./period";

/** A rate found, with the row and source to cite it by. */
export interface FxRate {
  /** KRW per USD, positive. */
  readonly value: number;
  readonly row: RateRow;
  readonly source: Source;
}

/** The reference-rate dataset. */
function ratesDataset(): Dataset {
  return datasetById(RATES_DATASET_ID);
}

/** Rate rows that may serve as a reference rate: every kind but a writer's own conversion. */
function referenceRows(): RateRow[] {
  return rateRows(ratesDataset()).filter((row) => row.kind !== "column_implied");
}

/**
 * The periods that have a rate, in file order.
 * @example ratePeriods()[0] // "2024-Q1"
 */
export function ratePeriods(): string[] {
  return [...new Set(referenceRows().map((row) => row.period))];
}

function cite(row: RateRow): FxRate {
  const source = ratesDataset().meta.sources.find((s) => s.id === row.source);
  if (!source) throw new Error(`${RATES_DATASET_ID}: rate ${row.period} names source '${row.source}', which it does not list`);
  return { value: row.value, row, source };
}

/**
 * The rate row for a period among `rows`: the period's own label, else the labels containing it
 * (a date: its month, quarter, year); on one label, the more specific kind (RATE_KINDS order).
 * A `column_implied` row (a writer's own conversion) is never picked.
 * @param rows - rate rows, e.g. those of usd-krw-rates
 * @param period - a parsed period
 * @returns the row, or undefined when no label of the chain has one
 * @example rateForPeriod(rows, parsePeriod("2024-10-15"))?.period // "2024-Q4"
 */
export function rateForPeriod(rows: readonly RateRow[], period: Period): RateRow | undefined {
  for (const label of periodChain(period)) {
    const found = rows
      .filter((row) => row.period === label && row.kind !== "column_implied")
      .sort((a, b) => RATE_KINDS.indexOf(a.kind) - RATE_KINDS.indexOf(b.kind));
    if (found.length > 0) return found[0];
  }
  return undefined;
}

/**
 * KRW per USD for a period. A date resolves to the most specific period that has a rate: the
 * day, then its month, quarter and year (a month: month, quarter, year; a quarter: quarter, year).
 * @param period - omitted (null, undefined or blank): the reference rate (the dataset's
 *   meta.reference, 2024-Q4); a year (2024 or "2024"), a quarter ("2024-Q3", "2024Q3", "Q3 2024",
 *   "2024년 3분기"), a month ("2024-11"), a date ("2024-12-31") or an Excel date serial (45657)
 * @returns the rate (KRW per USD), its row and its source
 * @throws AifinError #VALUE! "badPeriod" for text that is no period; #N/A "noRateForPeriod"
 *   listing the periods that have a rate
 * @example fxRate("2024-Q3").value // 1358.35
 * @example fxRate(45657).value // 1472.5 (2024-12-31, the year-end close)
 */
export function fxRate(period?: number | string | null): FxRate {
  if (period === null || period === undefined || (typeof period === "string" && period.trim() === "")) {
    const reference = ratesDataset().meta.reference;
    const row = reference === undefined ? undefined : referenceRows().find((r) => r.period === reference);
    if (!row) throw new AifinError("na", "noRateForPeriod", { period: reference ?? "(reference)", periods: ratePeriods().join(", ") });
    return cite(row);
  }
  const parsed = parsePeriod(period);
  const row = rateForPeriod(referenceRows(), parsed);
  if (!row) throw new AifinError("na", "noRateForPeriod", { period: periodLabel(parsed), periods: ratePeriods().join(", ") });
  return cite(row);
}
