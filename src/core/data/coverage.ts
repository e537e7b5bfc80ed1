/* What the data covers, as npm run data:check prints it: companies × metrics with each cell's
 * latest period and row count, and the counts of sources by kind and rows by status. Pure. */
import type { Dataset, FigureRow } from "./schema";
import { comparePeriodLabels } from "./lookup";
import { SOURCE_KINDS, STATUSES } from "./vocabulary";

function isFigure(row: Dataset["rows"][number]): row is FigureRow {
  return !("kind" in row);
}

/**
 * The coverage report: one line per company (metric: latest period ×rows), then totals.
 * @param datasets - the validated datasets
 * @returns lines of text
 * @example coverageReport(allDatasets())[0] // "coverage: 21 companies, 547 figure rows, 27 metrics"
 */
export function coverageReport(datasets: readonly Dataset[]): string[] {
  const cells = new Map<string, Map<string, string[]>>();
  const kinds = new Map<string, number>();
  const statuses = new Map<string, number>();
  let figures = 0;
  for (const dataset of datasets) {
    const sources = new Map(dataset.meta.sources.map((s) => [s.id, s]));
    for (const source of dataset.meta.sources) kinds.set(source.kind, (kinds.get(source.kind) ?? 0) + 1);
    for (const row of dataset.rows) {
      statuses.set(row.status, (statuses.get(row.status) ?? 0) + 1);
      if (!isFigure(row)) continue;
      figures++;
      void sources;
      const byMetric = cells.get(row.company) ?? new Map<string, string[]>();
      byMetric.set(row.metric, [...(byMetric.get(row.metric) ?? []), row.period]);
      cells.set(row.company, byMetric);
    }
  }
  const metrics = new Set([...cells.values()].flatMap((m) => [...m.keys()]));
  const lines = [`coverage: ${cells.size} companies, ${figures} figure rows, ${metrics.size} metrics`];
  for (const [company, byMetric] of [...cells].sort(([a], [b]) => a.localeCompare(b))) {
    const parts = [...byMetric].sort(([a], [b]) => a.localeCompare(b)).map(([metric, periods]) => `${metric} ${[...periods].sort(comparePeriodLabels).pop()} ×${periods.length}`);
    lines.push(`  ${company}: ${parts.join(", ")}`);
  }
  lines.push(`sources by kind: ${SOURCE_KINDS.map((k) => `${k} ${kinds.get(k) ?? 0}`).join(", ")}`);
  lines.push(`rows by status: ${STATUSES.map((s) => `${s} ${statuses.get(s) ?? 0}`).join(", ")}`);
  return lines;
}
