/* The importers' mapping files (data/importers/sec-tags.json, data/importers/dart-accounts.json):
 * which company is which CIK or DART corp_code, and which tag or statement line is which metric.
 * They are data, checked here against the company registry, the metric list and the datasets
 * before anything is imported. */
import { z } from "zod";
import type { Company } from "../../src/core/data/schema";
import { CALENDAR_YEAR, type FiscalCalendar } from "../../src/core/data/fiscal";

const nonBlank = z.string().regex(/\S/, "must not be blank");
const slug = z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, "must be a lower-case id");
const periods = z.strictObject({ years: z.number().int().min(1990).max(2100), quarters: z.number().int().min(1990).max(2100) });

const secMetric = z.strictObject({ dataset: slug, tags: z.array(nonBlank).min(1), definition: nonBlank });
const secCompanyMetric = z.strictObject({ tags: z.array(nonBlank).min(1).optional(), definition: nonBlank.optional() });

export const secMappingSchema = z.strictObject({
  _comment: z.string().optional(),
  version: z.string(),
  periods,
  forms: z.array(nonBlank).min(1),
  metrics: z.record(slug, secMetric),
  companies: z
    .array(
      z.strictObject({
        company: slug,
        cik: z.number().int().positive(),
        /** Names the company's entityName may carry besides its registry names ("International Business Machines"). */
        entityNames: z.array(nonBlank).optional(),
        metrics: z.record(slug, secCompanyMetric),
      }),
    )
    .min(1),
});

const dartMetric = z.strictObject({
  dataset: slug,
  sj_div: z.array(nonBlank).min(1),
  account_ids: z.array(nonBlank),
  account_nms: z.array(nonBlank),
  optional: z.boolean().optional(),
  definition: nonBlank,
});
const dartCompanyMetric = z.strictObject({
  sj_div: z.array(nonBlank).min(1).optional(),
  account_ids: z.array(nonBlank).optional(),
  account_nms: z.array(nonBlank).optional(),
  definition: nonBlank.optional(),
});

export const dartMappingSchema = z.strictObject({
  _comment: z.string().optional(),
  version: z.string(),
  periods,
  metrics: z.record(slug, dartMetric),
  companies: z
    .array(
      z.strictObject({
        company: slug,
        corpCode: z.string().regex(/^\d{8}$/, "must be DART's 8-digit corp_code"),
        stockCode: z.string().regex(/^\d{6}$/, "must be a 6-digit KRX stock code"),
        metrics: z.record(slug, dartCompanyMetric),
      }),
    )
    .min(1),
});

export type SecMappingFile = z.infer<typeof secMappingSchema>;
export type DartMappingFile = z.infer<typeof dartMappingSchema>;

/** One metric of one company, with the defaults filled in. */
export interface SecMetricMap {
  readonly metric: string;
  readonly dataset: string;
  readonly tags: readonly string[];
  readonly definition: string;
}

export interface SecCompanyMap {
  readonly company: Company;
  readonly calendar: FiscalCalendar;
  readonly cik: number;
  readonly entityNames: readonly string[];
  readonly metrics: readonly SecMetricMap[];
}

export interface DartMetricMap {
  readonly metric: string;
  readonly dataset: string;
  readonly sjDiv: readonly string[];
  readonly accountIds: readonly string[];
  readonly accountNms: readonly string[];
  readonly optional: boolean;
  readonly definition: string;
}

export interface DartCompanyMap {
  readonly company: Company;
  readonly calendar: FiscalCalendar;
  readonly corpCode: string;
  readonly stockCode: string;
  readonly metrics: readonly DartMetricMap[];
}

/** A checked mapping: the companies by CIK or corp_code, and the period range. */
export interface Mapping<C> {
  readonly companies: readonly C[];
  readonly periods: { readonly years: number; readonly quarters: number };
}

export interface SecMapping extends Mapping<SecCompanyMap> {
  readonly forms: readonly string[];
}
export type DartMapping = Mapping<DartCompanyMap>;

/** What a mapping is checked against. */
export interface MappingContext {
  readonly companies: readonly Company[];
  readonly metricIds: readonly string[];
  readonly datasetIds: readonly string[];
}

type Checked<T> = { readonly ok: true; readonly mapping: T } | { readonly ok: false; readonly problems: string[] };

function shapeProblems(error: z.ZodError, file: string): string[] {
  return error.issues.map((issue) => `${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
}

/** The problems common to both mappings: known companies, metrics and datasets, no company twice. */
function crossProblems(
  file: string,
  metrics: Record<string, { dataset: string }>,
  companies: ReadonlyArray<{ company: string; metrics: Record<string, unknown> }>,
  context: MappingContext,
): string[] {
  const problems: string[] = [];
  for (const [metric, def] of Object.entries(metrics)) {
    if (!context.metricIds.includes(metric)) problems.push(`${file}: metric '${metric}' is not in data/metrics.json`);
    if (!context.datasetIds.includes(def.dataset)) problems.push(`${file}: metric '${metric}' goes to dataset '${def.dataset}', which is not in data/datasets/`);
  }
  const seen = new Set<string>();
  for (const entry of companies) {
    if (!context.companies.some((c) => c.id === entry.company)) problems.push(`${file}: company '${entry.company}' is not in data/companies.json`);
    if (seen.has(entry.company)) problems.push(`${file}: company '${entry.company}' is listed twice`);
    seen.add(entry.company);
    for (const metric of Object.keys(entry.metrics)) {
      if (!(metric in metrics)) problems.push(`${file}: ${entry.company}: metric '${metric}' has no entry under "metrics"`);
    }
  }
  return problems;
}

function companyOf(context: MappingContext, id: string): { company: Company; calendar: FiscalCalendar } {
  const company = context.companies.find((c) => c.id === id) as Company;
  return { company, calendar: (company.fiscal ?? CALENDAR_YEAR) as FiscalCalendar };
}

/**
 * Checks data/importers/sec-tags.json and fills in each company's metrics from the defaults.
 * @param json - the parsed file
 * @param context - the registry, metric ids and dataset ids it must refer to
 * @returns the mapping, or every problem found
 */
export function parseSecMapping(json: unknown, context: MappingContext): Checked<SecMapping> {
  const file = "data/importers/sec-tags.json";
  const parsed = secMappingSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: shapeProblems(parsed.error, file) };
  const data = parsed.data;
  const problems = crossProblems(file, data.metrics, data.companies, context);
  const ciks = data.companies.map((c) => c.cik);
  ciks.forEach((cik, i) => {
    if (ciks.indexOf(cik) !== i) problems.push(`${file}: CIK ${cik} is listed twice`);
  });
  if (problems.length > 0) return { ok: false, problems };
  const companies = data.companies.map((entry): SecCompanyMap => {
    const { company, calendar } = companyOf(context, entry.company);
    const metrics = Object.entries(entry.metrics).map(([metric, own]) => {
      const def = data.metrics[metric];
      return { metric, dataset: def.dataset, tags: own.tags ?? def.tags, definition: own.definition ?? def.definition };
    });
    return { company, calendar, cik: entry.cik, entityNames: entry.entityNames ?? [], metrics };
  });
  return { ok: true, mapping: { companies, periods: data.periods, forms: data.forms } };
}

/**
 * Checks data/importers/dart-accounts.json and fills in each company's metrics from the defaults.
 * @param json - the parsed file
 * @param context - the registry, metric ids and dataset ids it must refer to
 * @returns the mapping, or every problem found
 */
export function parseDartMapping(json: unknown, context: MappingContext): Checked<DartMapping> {
  const file = "data/importers/dart-accounts.json";
  const parsed = dartMappingSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: shapeProblems(parsed.error, file) };
  const data = parsed.data;
  const problems = crossProblems(file, data.metrics, data.companies, context);
  const codes = data.companies.map((c) => c.corpCode);
  codes.forEach((code, i) => {
    if (codes.indexOf(code) !== i) problems.push(`${file}: corp_code ${code} is listed twice`);
  });
  for (const entry of data.companies) {
    const company = context.companies.find((c) => c.id === entry.company);
    if (company && !company.tickers.includes(entry.stockCode)) problems.push(`${file}: ${entry.company}: stock code ${entry.stockCode} is not among its tickers in data/companies.json (${company.tickers.join(", ") || "none"})`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const companies = data.companies.map((entry): DartCompanyMap => {
    const { company, calendar } = companyOf(context, entry.company);
    const metrics = Object.entries(entry.metrics).map(([metric, own]) => {
      const def = data.metrics[metric];
      return {
        metric,
        dataset: def.dataset,
        sjDiv: own.sj_div ?? def.sj_div,
        accountIds: own.account_ids ?? def.account_ids,
        accountNms: own.account_nms ?? def.account_nms,
        optional: def.optional ?? false,
        definition: own.definition ?? def.definition,
      };
    });
    return { company, calendar, corpCode: entry.corpCode, stockCode: entry.stockCode, metrics };
  });
  return { ok: true, mapping: { companies, periods: data.periods } };
}
