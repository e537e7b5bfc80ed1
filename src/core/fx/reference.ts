import { fxRate } from "./rates";

export type { RateRow } from "../data/schema";

/**
 * The add-in's reference USD/KRW rate: the rate of the period named by `meta.reference` in
 * data/datasets/usd-krw-rates.json (the same value as FX_RATE() with no period).
 * @returns KRW per USD, positive (e.g. 1398.75 for 2024-Q4)
 * @example referenceRate() // 1398.75
 */
export function referenceRate(): number {
  return fxRate().value;
}
