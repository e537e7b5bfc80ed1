/* SEC XBRL company facts (https://data.sec.gov/api/xbrl/companyfacts/CIK##########.json) read
 * into facts: for each tracked company and mapped tag, every fact of a 10-K or 10-Q whose start and
 * end are a run of the company's fiscal quarters. The file is refused, with the reason, when it is
 * not company facts, is of a company we do not track, lacks every tag of a metric, states a unit
 * other than USD or KRW, or holds a fact whose dates do not fit the company's fiscal calendar.
 * The format: {cik, entityName, facts: {taxonomy: {tag: {label, description, units: {unit:
 * [{start, end, val, accn, fy, fp, form, filed, frame}]}}}}}. Pure. */
import { z } from "zod";
import type { Source } from "../../src/core/data/schema";
import { fiscalSpan } from "../../src/core/data/fiscal";
import { CURRENCIES, matchKey, type Currency } from "../../src/core/data/vocabulary";
import { calendarText, fitSpan, parseJson, type Fact, type FileFacts } from "./facts";
import type { SecCompanyMap, SecMapping } from "./mapping";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD");
const accession = z.string().regex(/^\d{10}-\d{2}-\d{6}$/, "must be an accession number (0000950170-24-087843)");

const factSchema = z.object({
  start: isoDate.optional(),
  end: isoDate,
  val: z.number(),
  accn: accession,
  fy: z.number().int().nullable().optional(),
  fp: z.string().nullable().optional(),
  form: z.string(),
  filed: isoDate,
  frame: z.string().optional(),
});
type SecFact = z.infer<typeof factSchema>;

const companyFactsSchema = z.object({
  cik: z.number().int().positive(),
  entityName: z.string(),
  facts: z.record(z.string(), z.record(z.string(), z.object({ units: z.record(z.string(), z.array(z.unknown())) }).passthrough())),
});

/** The SEC's 10-digit form of a CIK, as the company-facts file names use it. */
export function paddedCik(cik: number): string {
  return String(cik).padStart(10, "0");
}

/** The id of a filing's source: "sec-" and its accession number. */
export function secSourceId(accn: string): string {
  return `sec-${accn}`;
}

/** The filing's index page on sec.gov (the documents of the filing, the 10-K or 10-Q among them). */
export function secFilingUrl(cik: number, accn: string): string {
  return `https://www.sec.gov/Archives/edgar/data/${cik}/${accn.replace(/-/g, "")}/`;
}

/** "us-gaap:Tag" or "Tag" (us-gaap) as taxonomy and tag. */
function splitTag(tag: string): [string, string] {
  const at = tag.indexOf(":");
  return at < 0 ? ["us-gaap", tag] : [tag.slice(0, at), tag.slice(at + 1)];
}

function filingSource(map: SecCompanyMap, entityName: string, fact: SecFact): Source {
  const fiscal = fact.fy == null || !fact.fp ? "" : fact.fp === "FY" ? ` for fiscal year ${fact.fy}` : ` for ${fact.fp} of fiscal year ${fact.fy}`;
  return {
    id: secSourceId(fact.accn),
    publisher: `${map.company.name.en} (${fact.form}, SEC EDGAR)`,
    title: `${entityName} Form ${fact.form}${fiscal}, accession ${fact.accn}`,
    url: secFilingUrl(map.cik, fact.accn),
    published: fact.filed,
    kind: "filing",
    note: `Figures from the filing's XBRL data (SEC company facts, CIK${paddedCik(map.cik)}), imported with npm run data:import.`,
  };
}

/** True when the file's entityName names the company (registry name, an alias, or a mapped name). */
function namesCompany(map: SecCompanyMap, entityName: string): boolean {
  const have = matchKey(entityName);
  return [map.company.name.en, ...map.company.aliases, ...map.entityNames].some((name) => {
    const key = matchKey(name);
    return key.length > 0 && have.includes(key);
  });
}

/**
 * Reads one company-facts file.
 * @param file - the file's name, for messages
 * @param text - its contents
 * @param mapping - data/importers/sec-tags.json, checked
 * @returns the facts of the mapped tags and notes, or `{ok: false, problems}` naming the file and the reason
 * @example readSecFacts("CIK0000789019.json", text, mapping).ok // true
 */
export function readSecFacts(file: string, text: string, mapping: SecMapping): FileFacts {
  const refuse = (reasons: string[]): FileFacts => ({ ok: false, problems: reasons.map((r) => `${file}: ${r}`) });
  const json = parseJson(text);
  if (!json.ok) return refuse([json.reason]);
  const shape = companyFactsSchema.safeParse(json.json);
  if (!shape.success) return refuse([`not SEC company facts (${shape.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).slice(0, 3).join("; ")})`]);
  const { cik, entityName, facts } = shape.data;
  const map = mapping.companies.find((c) => c.cik === cik);
  if (!map) return refuse([`CIK ${cik} (${entityName}) is not a company we track (data/importers/sec-tags.json)`]);
  if (!namesCompany(map, entityName)) {
    return refuse([`entityName '${entityName}' does not name ${map.company.id} (${map.company.name.en}), which sec-tags.json gives CIK ${cik}: check the CIK`]);
  }

  const problems: string[] = [];
  const out: Fact[] = [];
  const ignoredForms = new Map<string, number>();
  const sources = new Map<string, Source>();
  const from = fiscalSpan(map.calendar, { year: Math.min(mapping.periods.years, mapping.periods.quarters), quarter: null }).start;

  for (const metric of map.metrics) {
    const present = metric.tags.filter((tag) => {
      const [taxonomy, name] = splitTag(tag);
      return facts[taxonomy]?.[name] !== undefined;
    });
    if (present.length === 0) {
      problems.push(`missing tag: ${map.company.id} ${metric.metric} needs ${metric.tags.join(" or ")}, and the file has none of them`);
      continue;
    }
    for (const tag of present) {
      const [taxonomy, name] = splitTag(tag);
      const rank = metric.tags.indexOf(tag);
      for (const [unit, list] of Object.entries(facts[taxonomy][name].units)) {
        if (!(CURRENCIES as readonly string[]).includes(unit)) {
          problems.push(`${name} is stated in '${unit}': only USD and KRW figures are imported`);
          continue;
        }
        list.forEach((raw, i) => {
          const parsed = factSchema.safeParse(raw);
          if (!parsed.success) {
            problems.push(`${name} ${unit} fact ${i + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
            return;
          }
          const fact = parsed.data;
          if (fact.end < from) return;
          if (!mapping.forms.includes(fact.form)) {
            ignoredForms.set(fact.form, (ignoredForms.get(fact.form) ?? 0) + 1);
            return;
          }
          const where = `${name} ${unit} ${fact.val} (${fact.start ?? "no start"} to ${fact.end}, ${fact.form} ${fact.accn})`;
          if (fact.start === undefined) {
            problems.push(`${where} has no start date: a ${metric.metric} figure covers a period`);
            return;
          }
          const span = fitSpan(map.calendar, fact.start, fact.end);
          if (!span) {
            problems.push(`${where} does not fit ${map.company.id}'s fiscal calendar (${calendarText(map.calendar)}): not a fiscal quarter, year to date or year`);
            return;
          }
          if (!Number.isSafeInteger(fact.val) || fact.val < 0) {
            problems.push(`${where}: the value must be a whole, non-negative number of ${unit}`);
            return;
          }
          const source = sources.get(fact.accn) ?? filingSource(map, entityName, fact);
          if (source.published !== fact.filed || !source.publisher.includes(`(${fact.form},`)) {
            problems.push(`${where}: filing ${fact.accn} is also dated ${source.published} or of another form elsewhere in the file`);
            return;
          }
          sources.set(fact.accn, source);
          out.push({
            company: map.company.id,
            metric: metric.metric,
            ...span,
            value: fact.val,
            currency: unit as Currency,
            source,
            filed: fact.filed,
            order: fact.accn,
            quote: `${name} ${unit} ${fact.val} (${fact.start} to ${fact.end}, ${fact.form})`,
            published: String(fact.val),
            tag: name,
            rank,
            definition: `${metric.definition}; XBRL ${name}`,
          });
        });
      }
    }
  }
  if (problems.length > 0) return refuse(problems);
  const notes = [...ignoredForms].map(([form, n]) => `${file}: ${n} fact${n === 1 ? "" : "s"} from form ${form} left out (only ${mapping.forms.join(", ")} are read)`);
  return { ok: true, facts: out, notes };
}
