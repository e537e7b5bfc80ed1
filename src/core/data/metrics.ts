/* The metric list and UI labels (data/metrics.json). */
import { AifinError } from "../errors";
import type { Language } from "../messages";
import type { Bilingual, MetricDef, MetricsFile } from "./schema";
import metricsJson from "../../../data/metrics.json";
import { MAX_NAME_LENGTH } from "./companies";
import { matchKey, type Qualifier, type RateKind, type SourceKind, type Status } from "./vocabulary";

const FILE = metricsJson as MetricsFile;

const INDEX: ReadonlyMap<string, MetricDef> = new Map(
  FILE.metrics.flatMap((metric) =>
    [metric.id, metric.name.en, metric.name.ko, ...(metric.aliases ?? [])].map((name) => [matchKey(name), metric] as const),
  ),
);

function labelOf(list: readonly { id: string; name: Bilingual }[], id: string, lang: Language): string {
  return list.find((item) => item.id === id)?.name[lang] ?? id;
}

/** How many metric ids an "unknown metric" message lists (the rest are in data/README.md). */
const LISTED = 12;

/** Every metric, in the order of data/metrics.json. */
export function allMetrics(): readonly MetricDef[] {
  return FILE.metrics;
}

/**
 * The metric a name stands for: its id, its English or Korean label, or an alias, ignoring case,
 * spaces and punctuation.
 * @param name - e.g. "capex", "Capital expenditure", "시설투자", "R&D"
 * @returns the metric
 * @throws AifinError #VALUE! "unknownMetric" listing the metric ids
 * @example resolveMetric("시설투자").id // "facility"
 */
export function resolveMetric(name: string): MetricDef {
  // Longer text is no metric's name: refused before NFKC, which may make it 18× longer.
  const metric = name.length > MAX_NAME_LENGTH ? undefined : INDEX.get(matchKey(name));
  // The list in the message is the most used metrics (the file's order), so the reason stays readable.
  if (!metric) throw new AifinError("value", "unknownMetric", { metric: name, metrics: `${FILE.metrics.slice(0, LISTED).map((m) => m.id).join(", ")}, …` });
  return metric;
}

/** A metric by id, or undefined. */
export function metricById(id: string): MetricDef | undefined {
  return FILE.metrics.find((m) => m.id === id);
}

/** The metrics tried, in order, when a lookup names none ("total" first). */
export function defaultMetricOrder(): readonly string[] {
  return FILE.defaultOrder;
}

/** A metric's label ("Capital expenditure" / "자본적 지출"); the id itself if unknown. */
export function metricLabel(id: string, lang: Language = "en"): string {
  return metricById(id)?.name[lang] ?? id;
}

/** A status's label ("UNCONFIRMED" / "미확인"). */
export function statusLabel(status: Status, lang: Language = "en"): string {
  return labelOf(FILE.statuses, status, lang);
}

/** A qualifier's label ("up to" / "최대"). */
export function qualifierLabel(qualifier: Qualifier, lang: Language = "en"): string {
  return labelOf(FILE.qualifiers, qualifier, lang);
}

/** A rate kind's label ("Quarterly average" / "분기 평균"). */
export function rateKindLabel(kind: RateKind, lang: Language = "en"): string {
  return labelOf(FILE.rateKinds, kind, lang);
}

/** A source kind's label ("company release" / "회사 발표"). */
export function sourceKindLabel(kind: SourceKind, lang: Language = "en"): string {
  return labelOf(FILE.sourceKinds, kind, lang);
}

/** The header labels of AI_TABLE, by column. */
export function columnLabels(lang: Language = "en"): Readonly<Record<keyof MetricsFile["columns"], string>> {
  const c = FILE.columns;
  return {
    company: c.company[lang],
    metric: c.metric[lang],
    period: c.period[lang],
    value: c.value[lang],
    currency: c.currency[lang],
    status: c.status[lang],
    source: c.source[lang],
    published: c.published[lang],
    url: c.url[lang],
    quote: c.quote[lang],
  };
}

/** What a rate row's company cell shows ("USD/KRW" / "원/달러 환율"). */
export function usdKrwLabel(lang: Language = "en"): string {
  return FILE.usdKrw[lang];
}
