/* What NET_LOSS and AI_SOURCE(company, "net_loss") answer for a company: its reported net loss
 * where the data holds one for the period, else total spending minus revenue, both looked up the
 * same way (same period, same dataset rule), so the citation can name both rows. */
import { AifinError } from "../errors";
import { lookupFigure, type Figure, type FigureQuery } from "./lookup";
import { resolveMetric } from "./metrics";

/** A net loss: a reported figure, or the two figures it is computed from. */
export type NetLossFigures = { readonly kind: "reported"; readonly figure: Figure } | { readonly kind: "computed"; readonly total: Figure; readonly revenue: Figure };

/** True when a query asks for the net loss (metric "net_loss" or one of its names). */
export function isNetLossQuery(query: FigureQuery): boolean {
  if (typeof query.metric !== "string" || query.metric.trim() === "") return false;
  try {
    return resolveMetric(query.metric).id === "net_loss";
  } catch {
    return false;
  }
}

/**
 * The figures of a company's net loss for a period: its reported `net_loss`, else `total`
 * spending and `revenue` of the same period (the period of the total when none is given).
 * @param query - company, period, dataset (its metric is ignored)
 * @throws AifinError from lookupFigure when neither a net loss nor both figures exist; a currency
 *   mismatch between total and revenue is #VALUE! "mixedCurrency"
 */
export function netLossFigures(query: FigureQuery): NetLossFigures {
  try {
    return { kind: "reported", figure: lookupFigure({ ...query, metric: "net_loss" }) };
  } catch (error) {
    if (!(error instanceof AifinError) || (error.key !== "metricNotFound" && error.key !== "periodNotFound")) throw error;
  }
  const total = lookupFigure({ ...query, metric: "total" });
  const revenue = lookupFigure({ ...query, metric: "revenue", period: query.period ?? total.row.period });
  if (total.row.currency !== revenue.row.currency && query.period === undefined) {
    throw new AifinError("value", "mixedCurrency", { a: total.row.currency, b: revenue.row.currency });
  }
  return { kind: "computed", total, revenue };
}
