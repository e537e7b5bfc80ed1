/* The dataset format, the company registry and the metric list, as zod schemas plus the checks
 * that span records (a row's source exists, its company is registered, …). Used at build time
 * (scripts/data-check.ts, the tests) and by the task pane for feed files at load time. The
 * functions bundle must not import this module at run time (zod is large): it imports only the
 * types, with `import type`. */
import { z } from "zod";
import registryJson from "../../../data/companies.json";
import metricsJson from "../../../data/metrics.json";
import { WEEKDAYS } from "./fiscal";
import { figureProblems, rateProblems, sourceProblems, type BlockedHost } from "./rules";
import policyJson from "../../../data/sources-policy.json";
import { unpackRates, type PackedRates } from "../fx/ecb";
import { ratesVersion } from "../fx/update";
import { CURRENCIES, PUBLISHED_UNITS, QUALIFIERS, RATE_KINDS, RATE_KIND_PERIOD, SOURCE_KINDS, STATUSES, matchKey } from "./vocabulary";

// ---------------------------------------------------------------------------------------------
// Building blocks

const nonBlank = z.string().regex(/\S/, "must not be blank");
const slug = z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, "must be a lower-case id (letters, digits, - or _)");
const semver = z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, "must be a semantic version (1.2.3)");

/** True for a real calendar date written YYYY-MM-DD. */
function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
const isoDate = z.string().refine(isIsoDate, "must be a real date written YYYY-MM-DD");

const bilingual = z.strictObject({ en: nonBlank, ko: nonBlank });

/** A figure in whole units of currency: a non-negative safe integer (won, dollars; not millions). */
const wholeAmount = z
  .number()
  .refine((n) => Number.isSafeInteger(n) && n >= 0, "must be a whole, non-negative amount in units of currency (not millions)");

// ---------------------------------------------------------------------------------------------
// Datasets

/** An absolute http(s) URL of the document itself. */
const documentUrl = z
  .string({ error: "needs the URL of the document (every figure links to its document)" })
  .refine((text) => /^https?:\/\/[^\s/]+\.[^\s/]+(?:\/\S*)?$/.test(text), "must be an absolute URL of the document (https://…)");

/** Who published a figure, when, where, and what kind of document it is. */
export const sourceSchema = z.strictObject({
  id: slug,
  /** The outlet or company (not the host name of a copy): "Microsoft", "Meta Platforms (release, copy at menafn.com)". */
  publisher: nonBlank,
  title: nonBlank,
  /** The document's absolute URL: every figure links to its document. */
  url: documentUrl,
  /** Publication date (the release or filing date where the page shows none). */
  published: z.string({ error: "needs its publication date" }).refine(isIsoDate, "must be a real date written YYYY-MM-DD"),
  kind: z.enum(SOURCE_KINDS),
  note: nonBlank.optional(),
});

/** A company a source names without a figure (kept so the omission is visible, not silent). */
export const mentionSchema = z.strictObject({
  company: slug,
  source: slug,
  quote: nonBlank.nullable(),
  note: nonBlank,
});

/** The same figure as the source also published it in the other currency ("30억 달러(약 3조9600억 원)"). */
const alsoPublishedSchema = z.strictObject({
  currency: z.enum(CURRENCIES),
  value: wholeAmount,
  /** The number as written ("약 3조9600억 원"); it must be in the row's quote. */
  published: nonBlank,
});

/** One published figure of one company. */
export const figureRowSchema = z.strictObject({
  company: slug,
  metric: slug,
  /**
   * The period, as the company's fiscal calendar labels it: "2025" / "2025-Q3" (calendar-year
   * companies), "FY2025" / "FY2025-Q3" (others), or a plan's span "2022-2026".
   */
  period: nonBlank,
  /** The company's or source's own wording of the period, where it says more ("Year Ended June 30, 2025", "지난해"). */
  label: nonBlank.optional(),
  /** The figure in whole units of currency, or null for a published range (then low and high). */
  value: wholeAmount.nullable(),
  low: wholeAmount.optional(),
  high: wholeAmount.optional(),
  /** The number exactly as the quote writes it: "(28,107)", "$91.45 billion", "53조 6461억 원". */
  published: nonBlank.optional(),
  /** The unit the number is published in: as written, or the table's ("millions", "백만원"). */
  unit: z.enum(PUBLISHED_UNITS).optional(),
  currency: z.enum(CURRENCIES),
  qualifier: z.enum(QUALIFIERS),
  /** For guidance and expectations: the day the statement was made. */
  given: isoDate.optional(),
  /** What the number counts, where companies differ ("Additions to property and equipment"). */
  definition: nonBlank.optional(),
  source: slug,
  /** Short exact words of the source containing the number as published. */
  quote: nonBlank.optional(),
  status: z.enum(STATUSES),
  /** Derived rows: the periods of the rows it is computed from. */
  derivedFrom: z.array(nonBlank).min(1).optional(),
  alsoPublished: alsoPublishedSchema.optional(),
  /** Required for unconfirmed rows (why) and derived rows (how). */
  note: nonBlank.optional(),
});

/** One official / market USD/KRW rate (KRW per USD), or one a writer's conversion implies. */
export const rateRowSchema = z.strictObject({
  /** "2024", "2024-Q3" or "2024-11", matching the kind. */
  period: nonBlank,
  kind: z.enum(RATE_KINDS),
  /** For `column_implied`: the figure whose conversion implies the rate. */
  basis: z.strictObject({ company: slug, metric: slug }).optional(),
  /** For a year-end close: the day of the session it closed (the market's last day of the year). */
  day: isoDate.optional(),
  /** What the rate is, in words: "Seoul market average (Bank of Korea ECOS)". */
  measure: bilingual.optional(),
  value: z.number().positive().finite(),
  /** The rate as written in the quote ("1364.38원"). */
  published: nonBlank.optional(),
  source: slug,
  quote: nonBlank.optional(),
  status: z.enum(STATUSES),
  note: nonBlank.optional(),
});

export const datasetMetaSchema = z.strictObject({
  id: slug,
  title: bilingual,
  version: semver,
  asOf: isoDate,
  description: bilingual,
  /** Earlier ids of this dataset: tables loaded under them refresh from this one. */
  formerIds: z.array(slug).optional(),
  sources: z.array(sourceSchema).min(1),
  mentions: z.array(mentionSchema).optional(),
});

export const datasetSchema = z.strictObject({
  meta: datasetMetaSchema,
  rows: z.array(z.union([figureRowSchema, rateRowSchema])).min(1),
});

/** The packed ECB reference rates (data/fx/ecb-reference-rates.json). */
export const packedRatesSchema = z.strictObject({
  meta: z.strictObject({
    id: slug,
    version: semver,
    asOf: isoDate,
    source: z.strictObject({ publisher: nonBlank, title: nonBlank, url: documentUrl, note: nonBlank }),
    base: z.literal("EUR"),
    first: isoDate,
    last: isoDate,
    days: z.number().int().min(2),
    decimals: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().int().min(0).max(8)),
  }),
  dates: z.string().regex(/^[1-9a-z]*$/, "must be day gaps in base 36"),
  rates: z.record(z.string().regex(/^[A-Z]{3}$/), z.string().regex(/^-?\d+(?:,-?\d+)*$/, "must be comma-separated integers")),
});

export type Bilingual = z.infer<typeof bilingual>;
export type Source = z.infer<typeof sourceSchema>;
export type Mention = z.infer<typeof mentionSchema>;
export type FigureRow = z.infer<typeof figureRowSchema>;
export type RateRow = z.infer<typeof rateRowSchema>;
export type Row = FigureRow | RateRow;
export type DatasetMeta = z.infer<typeof datasetMetaSchema>;
export type Dataset = z.infer<typeof datasetSchema>;

// ---------------------------------------------------------------------------------------------
// Company registry and metric list

const weekday = z.enum(WEEKDAYS);
const month = z.number().int().min(1).max(12);

/** How a fiscal year ends (src/core/data/fiscal.ts); omitted: the calendar year. */
export const fiscalCalendarSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("month-end"), month }),
  z.strictObject({ type: z.literal("last-weekday"), month, weekday }),
  z.strictObject({ type: z.literal("weekday-nearest"), month, weekday }),
]);

export const companySchema = z.strictObject({
  id: slug,
  name: bilingual,
  aliases: z.array(nonBlank),
  tickers: z.array(nonBlank),
  fiscal: fiscalCalendarSchema.optional(),
  note: bilingual.optional(),
});

export const companyRegistrySchema = z.strictObject({
  version: semver,
  companies: z.array(companySchema).min(1),
});

export type Company = z.infer<typeof companySchema>;
export type CompanyRegistry = z.infer<typeof companyRegistrySchema>;

const labelled = z.strictObject({ id: slug, name: bilingual });

export const metricSchema = z.strictObject({
  id: slug,
  name: bilingual,
  description: bilingual,
  aliases: z.array(nonBlank).optional(),
});

export const metricsFileSchema = z.strictObject({
  version: semver,
  metrics: z.array(metricSchema).min(1),
  /** Metric used when none is named: the first of these the company has. */
  defaultOrder: z.array(slug).min(1),
  qualifiers: z.array(labelled),
  statuses: z.array(labelled),
  rateKinds: z.array(labelled),
  sourceKinds: z.array(labelled),
  columns: z.strictObject({
    company: bilingual,
    metric: bilingual,
    period: bilingual,
    value: bilingual,
    currency: bilingual,
    status: bilingual,
    source: bilingual,
    published: bilingual,
    url: bilingual,
    quote: bilingual,
  }),
  usdKrw: bilingual,
});

export type MetricDef = z.infer<typeof metricSchema>;
export type MetricsFile = z.infer<typeof metricsFileSchema>;

// ---------------------------------------------------------------------------------------------
// Parsing with cross-checks

/** A parse that either gives the value or says everything that is wrong, one line per problem. */
export type Parsed<K extends string, T> = ({ readonly ok: true } & { readonly [key in K]: T }) | { readonly ok: false; readonly problems: string[] };

/** What a dataset is checked against: the registry and the metric list (the embedded ones by default). */
export interface CheckContext {
  readonly companies: CompanyRegistry;
  readonly metrics: MetricsFile;
  /** Publishers no source may be (data/sources-policy.json). */
  readonly blocked: readonly BlockedHost[];
}

function zodProblems(error: z.ZodError, prefix = ""): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
    const where = `${prefix}${path}`.replace(/^\./, "");
    return `${where || "(root)"}: ${issue.message}`;
  });
}

/**
 * Checks a company registry: its shape, unique ids, and that no name, alias or ticker matches two
 * companies once case, spaces and punctuation are ignored.
 * @param json - the parsed JSON of data/companies.json (or a feed's registry)
 * @returns `{ok: true, registry}` or `{ok: false, problems}`
 * @example parseCompanyRegistry(JSON.parse(text)).ok // true
 */
export function parseCompanyRegistry(json: unknown): Parsed<"registry", CompanyRegistry> {
  const parsed = companyRegistrySchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, "companies") };
  const registry = parsed.data;
  const problems: string[] = [];
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  registry.companies.forEach((company, i) => {
    if (ids.has(company.id)) problems.push(`companies[${i}]: duplicate id '${company.id}'`);
    ids.add(company.id);
    for (const name of [company.id, company.name.en, company.name.ko, ...company.aliases, ...company.tickers]) {
      const key = matchKey(name);
      if (key === "") {
        problems.push(`companies[${i}] (${company.id}): '${name}' has no letter or digit to match on`);
        continue;
      }
      const other = owner.get(key);
      if (other !== undefined && other !== company.id) {
        problems.push(`companies[${i}] (${company.id}): '${name}' also matches company '${other}'`);
      }
      owner.set(key, other ?? company.id);
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, registry };
}

function sameSet(name: string, found: readonly string[], expected: readonly string[], problems: string[]): void {
  const missing = expected.filter((id) => !found.includes(id));
  const extra = found.filter((id) => !expected.includes(id));
  if (missing.length > 0) problems.push(`metrics.${name}: missing a label for ${missing.join(", ")}`);
  if (extra.length > 0) problems.push(`metrics.${name}: unknown ${extra.join(", ")}`);
}

/**
 * Checks the metric list: its shape, unique ids, a label for every status, qualifier and rate
 * kind the code knows, a known default order, and no name or alias matching two metrics.
 * @param json - the parsed JSON of data/metrics.json
 * @returns `{ok: true, metrics}` or `{ok: false, problems}`
 */
export function parseMetricsFile(json: unknown): Parsed<"metrics", MetricsFile> {
  const parsed = metricsFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, "metrics") };
  const file = parsed.data;
  const problems: string[] = [];
  const owner = new Map<string, string>();
  file.metrics.forEach((metric, i) => {
    if (file.metrics.findIndex((m) => m.id === metric.id) !== i) problems.push(`metrics[${i}]: duplicate id '${metric.id}'`);
    for (const name of [metric.id, metric.name.en, metric.name.ko, ...(metric.aliases ?? [])]) {
      const key = matchKey(name);
      const other = owner.get(key);
      if (key === "") problems.push(`metrics[${i}] (${metric.id}): '${name}' has no letter or digit to match on`);
      else if (other !== undefined && other !== metric.id) problems.push(`metrics[${i}] (${metric.id}): '${name}' also matches metric '${other}'`);
      else owner.set(key, metric.id);
    }
  });
  const ids = file.metrics.map((m) => m.id);
  file.defaultOrder.forEach((id, i) => {
    if (!ids.includes(id)) problems.push(`metrics.defaultOrder[${i}]: unknown metric '${id}'`);
    if (file.defaultOrder.indexOf(id) !== i) problems.push(`metrics.defaultOrder[${i}]: '${id}' listed twice`);
  });
  sameSet("statuses", file.statuses.map((s) => s.id), STATUSES, problems);
  sameSet("qualifiers", file.qualifiers.map((q) => q.id), QUALIFIERS, problems);
  sameSet("rateKinds", file.rateKinds.map((k) => k.id), RATE_KINDS, problems);
  sameSet("sourceKinds", file.sourceKinds.map((k) => k.id), SOURCE_KINDS, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, metrics: file };
}

const EMBEDDED: CheckContext = {
  companies: registryJson as CompanyRegistry,
  metrics: metricsJson as MetricsFile,
  blocked: (policyJson as { blocked: BlockedHost[] }).blocked,
};

const PERIOD_SHAPES: Readonly<Record<"month" | "quarter" | "year", RegExp>> = {
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
};
const SHAPE_EXAMPLE = { month: "2024-11", quarter: "2024-Q3", year: "2024" } as const;

function isRate(row: Row): row is RateRow {
  return "kind" in row;
}

function rowLabel(row: Row, i: number): string {
  return isRate(row) ? `rows[${i}] (${row.kind} ${row.period})` : `rows[${i}] (${row.company} ${row.metric} ${row.period})`;
}

/** The problems of a dataset whose shape is valid: everything that spans records. */
function crossCheck(dataset: Dataset, context: CheckContext): string[] {
  const problems: string[] = [];
  const { meta, rows } = dataset;
  const sources = new Map<string, Source>();
  meta.sources.forEach((source, i) => {
    if (sources.has(source.id)) problems.push(`meta.sources[${i}]: duplicate source id '${source.id}'`);
    sources.set(source.id, source);
    problems.push(...sourceProblems(source, context.blocked).map((p) => `meta.sources[${i}]: ${p}`));
  });
  const companies = new Map(context.companies.companies.map((c) => [c.id, c]));
  const metrics = new Set(context.metrics.metrics.map((m) => m.id));
  const used = new Set<string>();
  const seen = new Map<string, number>();

  rows.forEach((row, i) => {
    const label = rowLabel(row, i);
    const source = sources.get(row.source);
    used.add(row.source);
    if (!source) problems.push(`${label}: source '${row.source}' is not in meta.sources`);
    let key: string;
    if (isRate(row)) {
      const shape = RATE_KIND_PERIOD[row.kind];
      if (!PERIOD_SHAPES[shape].test(row.period)) {
        problems.push(`${label}: a ${row.kind} rate is filed under a ${shape} period (${SHAPE_EXAMPLE[shape]}), not '${row.period}'`);
      }
      if (row.basis) {
        if (!companies.has(row.basis.company)) problems.push(`${label}: basis company '${row.basis.company}' is not in the registry`);
        if (!metrics.has(row.basis.metric)) problems.push(`${label}: basis metric '${row.basis.metric}' is not a known metric`);
      }
      problems.push(...rateProblems(row).map((p) => `${label}: ${p}`));
      key = `rate ${row.kind} ${row.period} ${row.basis ? `${row.basis.company} ${row.basis.metric}` : ""}`;
    } else {
      const company = companies.get(row.company);
      if (!company) problems.push(`${label}: company '${row.company}' is not in the registry`);
      if (!metrics.has(row.metric)) problems.push(`${label}: metric '${row.metric}' is not a known metric`);
      problems.push(...figureProblems(row, source, company).map((p) => `${label}: ${p}`));
      key = `figure ${row.company} ${row.metric} ${row.period} ${row.given ?? ""}`;
    }
    const first = seen.get(key);
    if (first !== undefined) problems.push(`${label}: duplicates rows[${first}] (same ${isRate(row) ? "kind, period and basis" : "company, metric, period and date given"})`);
    else seen.set(key, i);
  });

  for (const id of sources.keys()) {
    if (!used.has(id) && !(meta.mentions ?? []).some((m) => m.source === id)) problems.push(`meta.sources: '${id}' is used by no row`);
  }
  (meta.mentions ?? []).forEach((mention, i) => {
    if (!companies.has(mention.company)) problems.push(`meta.mentions[${i}]: company '${mention.company}' is not in the registry`);
    if (!sources.has(mention.source)) problems.push(`meta.mentions[${i}]: source '${mention.source}' is not in meta.sources`);
  });
  return problems;
}

/**
 * Validates a dataset file (a shipped one, or a feed file the task pane loads) and cross-checks
 * it: every row's source is in meta.sources, its company is registered and its metric known; a
 * row that is not unconfirmed has a quote (its own or its source's); unconfirmed and derived rows
 * have a note; a figure has a value or a low–high range, not both; no two rows share a company,
 * metric and year (rates: kind, period and basis).
 * @param json - the parsed JSON of one dataset file
 * @param context - the registry and metric list to check against (default: the embedded ones)
 * @returns `{ok: true, dataset}` or `{ok: false, problems}` (one sentence per problem)
 * @example parseDataset(JSON.parse(feedText)) // {ok: true, dataset: {meta: …, rows: […]}}
 */
export function parseDataset(json: unknown, context: CheckContext = EMBEDDED): Parsed<"dataset", Dataset> {
  // Each row is checked against the schema its shape calls for ("kind" makes a rate row), so a
  // problem names the field that is wrong rather than the union that failed.
  const shell = z.strictObject({ meta: datasetMetaSchema, rows: z.array(z.unknown()).min(1) }).safeParse(json);
  if (!shell.success) return { ok: false, problems: zodProblems(shell.error) };
  const problems: string[] = [];
  const rows: Row[] = [];
  shell.data.rows.forEach((raw, i) => {
    const isRateShape = typeof raw === "object" && raw !== null && "kind" in raw;
    const parsed = isRateShape ? rateRowSchema.safeParse(raw) : figureRowSchema.safeParse(raw);
    if (parsed.success) rows.push(parsed.data);
    else problems.push(...zodProblems(parsed.error, `rows[${i}]`));
  });
  if (problems.length > 0) return { ok: false, problems };
  const dataset: Dataset = { meta: shell.data.meta, rows };
  const crossProblems = crossCheck(dataset, context);
  return crossProblems.length > 0 ? { ok: false, problems: crossProblems } : { ok: true, dataset };
}

/** One file of data/datasets/, as the data check reads it. */
export interface DataFile {
  /** The file name without directory, e.g. "ai-labs.json". */
  readonly file: string;
  readonly json: unknown;
}

/** The blocked-publisher list (data/sources-policy.json). */
export const sourcesPolicySchema = z.strictObject({
  version: semver,
  note: nonBlank,
  blocked: z.array(z.strictObject({ host: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "must be a host name"), why: nonBlank })).min(1),
});

/**
 * Validates the packed ECB rates (data/fx/ecb-reference-rates.json, or the feed's copy): its shape,
 * that it unpacks whole (as many dates and values as it says, ending on its last day, every rate
 * positive), USD and KRW present, and its version the one its last day gives.
 * @param json - the parsed file
 * @returns `{ok: true, rates}` or `{ok: false, problems}`
 */
export function parsePackedRates(json: unknown): Parsed<"rates", PackedRates> {
  const parsed = packedRatesSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, "rates") };
  const rates = parsed.data as PackedRates;
  const problems: string[] = [];
  try {
    unpackRates(rates);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  if (rates.meta.asOf !== rates.meta.last) problems.push(`meta.asOf (${rates.meta.asOf}) must be the last day covered (${rates.meta.last})`);
  if (rates.meta.version !== ratesVersion(rates.meta.last)) problems.push(`meta.version must be ${ratesVersion(rates.meta.last)} (its last day)`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rates };
}

/**
 * Checks the whole data directory: the registry, the metric list, the sources policy, the packed
 * ECB rates, then every dataset against them, its id against its file name, and the set of files
 * against the datasets embedded in the functions bundle.
 * @param input - the parsed files and the embedded ids
 * @returns a line per checked file ("ai-labs: 56 rows OK"), the valid datasets (for the
 *   coverage report) and the problems (empty when all is well)
 */
export function checkData(input: {
  readonly companies: unknown;
  readonly metrics: unknown;
  readonly policy: unknown;
  readonly rates: unknown;
  readonly datasets: readonly DataFile[];
  readonly embeddedIds: readonly string[];
}): { lines: string[]; problems: string[]; datasets: Dataset[] } {
  const lines: string[] = [];
  const problems: string[] = [];
  const valid: Dataset[] = [];
  const registry = parseCompanyRegistry(input.companies);
  if (registry.ok) lines.push(`companies: ${registry.registry.companies.length} companies OK`);
  else problems.push(...registry.problems.map((p) => `companies.json: ${p}`));
  const metrics = parseMetricsFile(input.metrics);
  if (metrics.ok) lines.push(`metrics: ${metrics.metrics.metrics.length} metrics OK`);
  else problems.push(...metrics.problems.map((p) => `metrics.json: ${p}`));
  const policy = sourcesPolicySchema.safeParse(input.policy);
  if (policy.success) lines.push(`sources-policy: ${policy.data.blocked.length} blocked publishers OK`);
  else problems.push(...zodProblems(policy.error, "sources-policy.json"));
  const rates = parsePackedRates(input.rates);
  if (rates.ok) lines.push(`fx/${rates.rates.meta.id}: ${rates.rates.meta.days} days, ${rates.rates.meta.first} to ${rates.rates.meta.last} OK`);
  else problems.push(...rates.problems.map((p) => `fx/ecb-reference-rates.json: ${p}`));
  if (!registry.ok || !metrics.ok || !policy.success) return { lines, problems, datasets: valid };

  const context: CheckContext = { companies: registry.registry, metrics: metrics.metrics, blocked: policy.data.blocked };
  const ids: string[] = [];
  for (const { file, json } of input.datasets) {
    const result = parseDataset(json, context);
    if (!result.ok) {
      problems.push(...result.problems.map((p) => `${file}: ${p}`));
      continue;
    }
    valid.push(result.dataset);
    const id = result.dataset.meta.id;
    ids.push(id);
    if (`${id}.json` !== file) problems.push(`${file}: meta.id is '${id}', so the file must be named ${id}.json`);
    else lines.push(`${id}: ${result.dataset.rows.length} rows OK`);
  }
  for (const id of input.embeddedIds) {
    if (!input.datasets.some((d) => d.file === `${id}.json`)) problems.push(`catalog: embeds '${id}', which has no file in data/datasets/`);
  }
  for (const id of ids) {
    if (!input.embeddedIds.includes(id)) problems.push(`catalog: data/datasets/${id}.json is not embedded in src/core/data/catalog.ts`);
  }
  const formerOwners = new Map<string, string>();
  for (const dataset of valid) {
    for (const former of dataset.meta.formerIds ?? []) {
      if (ids.includes(former)) problems.push(`${dataset.meta.id}: former id '${former}' is still a dataset's id`);
      const other = formerOwners.get(former);
      if (other) problems.push(`${dataset.meta.id}: former id '${former}' is also claimed by ${other}`);
      formerOwners.set(former, dataset.meta.id);
    }
  }
  return { lines, problems, datasets: valid };
}
