/* Synthetic datasets of a chosen size, valid under the dataset schema, for sync counts and
 * chunking: registered companies and metrics, one row per company × metric × fiscal year, each
 * quoted with its number as published (what the data check asks of a confirmed row). */
import type { Dataset, FigureRow } from "../../src/core/data/schema";
import { allCompanies } from "../../src/core/data/companies";
import { allMetrics } from "../../src/core/data/metrics";
import { CALENDAR_YEAR, fiscalLabel, type FiscalCalendar } from "../../src/core/data/fiscal";
import { groupDigits } from "../../src/core/data/vocabulary";
import { TABLE_COLUMNS } from "../../src/core/sheet/plan";

export interface SyntheticOptions {
  /** Text added to every row's note, to make rows heavier (payload tests). */
  readonly padding?: string;
  /** Version written in meta. */
  readonly version?: string;
  /** Value multiplier, to make a "new version" with different figures. */
  readonly scale?: number;
}

/** The URL of the first synthetic source (the second, a column, has it with "#column"). */
export const SYNTHETIC_URL = "https://example.com/a";

/**
 * A dataset whose table has about `cells` cells (rows × the table columns).
 * @example syntheticDataset(1000).rows.length // 63
 */
export function syntheticDataset(cells: number, options: SyntheticOptions = {}): Dataset {
  const count = Math.max(1, Math.round(cells / TABLE_COLUMNS.length));
  const companies = allCompanies();
  // Guidance is dated and qualified as guidance: not a plain figure, so left out.
  const metrics = allMetrics().map((m) => m.id).filter((id) => id !== "capex_guidance");
  const rows: FigureRow[] = [];
  let seed = 0x5eed;
  for (let i = 0; i < count; i++) {
    const company = companies[i % companies.length];
    const metric = metrics[Math.floor(i / companies.length) % metrics.length];
    const year = 1900 + Math.floor(i / (companies.length * metrics.length));
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    const unconfirmed = i % 17 === 5;
    const currency = i % 3 === 0 ? "KRW" : "USD";
    const value = (seed % 1_000_000) * 1000 * (options.scale ?? 1);
    const published = currency === "USD" ? `$${groupDigits(value)}` : `${groupDigits(value)}원`;
    rows.push({
      company: company.id,
      metric,
      period: fiscalLabel((company.fiscal ?? CALENDAR_YEAR) as FiscalCalendar, { year, quarter: null }),
      value,
      published,
      currency,
      qualifier: "exact",
      source: i % 2 === 0 ? "synthetic-a" : "synthetic-b",
      quote: `The figure was ${published}.`,
      status: unconfirmed ? "unconfirmed" : "confirmed",
      ...(unconfirmed || options.padding ? { note: `${unconfirmed ? "Not yet confirmed." : "Row"} ${options.padding ?? ""}`.trim() } : {}),
    });
  }
  return {
    meta: {
      id: "synthetic",
      title: { en: "Synthetic figures", ko: "합성 수치" },
      version: options.version ?? "1.0.0",
      asOf: "2024-12-31",
      description: { en: "Generated for tests.", ko: "테스트용으로 생성." },
      sources: [
        { id: "synthetic-a", publisher: "Test publisher A", title: "Figures A", url: SYNTHETIC_URL, published: "2024-01-02", kind: "news" },
        { id: "synthetic-b", publisher: "Test columnist B", title: "Figures B", url: `${SYNTHETIC_URL}#column`, published: "2024-01-03", kind: "column" },
      ],
    },
    rows,
  };
}
