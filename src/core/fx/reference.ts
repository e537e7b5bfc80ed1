import rates from "../../../data/datasets/usd-krw-rates.json";

/** One USD/KRW rate row of the FX data file (KRW per USD). */
export interface RateRow {
  readonly period: string;
  readonly kind: string;
  readonly value: number;
  readonly source: string;
  readonly status: string;
}

/**
 * The add-in's reference USD/KRW rate: the row of the FX data file named by its `meta.reference`.
 * @returns KRW per USD, positive (e.g. 1398.75 for 2024-Q4)
 * @example referenceRate() // 1398.75
 */
export function referenceRate(): number {
  const row = (rates.rows as readonly RateRow[]).find((r) => r.period === rates.meta.reference);
  if (!row || !(row.value > 0)) {
    // A data defect, caught by the data tests before it ships.
    throw new Error(`usd-krw-rates.json names reference period ${rates.meta.reference}, which has no positive rate`);
  }
  return row.value;
}
