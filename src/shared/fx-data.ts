/* The USD/KRW rates both bundles use: a newer ECB file the pane brought from the feed (in the
 * shared slot), else the bundle's own embedded one. Built once per version. */
import { embeddedFxData, fxDataFrom, type FxData } from "../core/fx/rates";
import { sharedRates } from "./reference-rate";

let fromFeed: { readonly version: string; readonly data: FxData } | null = null;

/**
 * The rates in use: the feed's file when it reaches later than the embedded one.
 * @example fxDataInUse().series.meta.last // "2026-04-13" (embedded)
 */
export function fxDataInUse(): FxData {
  const newer = sharedRates();
  const own = embeddedFxData();
  if (newer === null || newer.meta.last <= own.series.meta.last) return own;
  if (fromFeed?.version !== newer.meta.version) fromFeed = { version: newer.meta.version, data: fxDataFrom(newer) };
  return fromFeed.data;
}
