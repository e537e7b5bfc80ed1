/* The company registry (data/companies.json): names in English and Korean, aliases, tickers. */
import { AifinError } from "../errors";
import type { Language } from "../messages";
import type { Company, CompanyRegistry } from "./schema";
import registryJson from "../../../data/companies.json";
import { matchKey } from "./vocabulary";

const REGISTRY = registryJson as CompanyRegistry;

/** Longest text looked up as a name, in UTF-16 units; longer text is no company's name. */
export const MAX_NAME_LENGTH = 200;

/** Every name a company answers to, by match key. Built once; the data check forbids collisions. */
const INDEX: ReadonlyMap<string, Company> = new Map(
  REGISTRY.companies.flatMap((company) =>
    [company.id, company.name.en, company.name.ko, ...company.aliases, ...company.tickers].map(
      (name) => [matchKey(name), company] as const,
    ),
  ),
);

/**
 * Every registered company, in registry order (the order AI_COMPANIES lists them).
 * @example allCompanies().length // 15
 */
export function allCompanies(): readonly Company[] {
  return REGISTRY.companies;
}

/**
 * Finds a company by id, name, alias or ticker, ignoring case, spaces and punctuation (NFKC).
 * @param name - what the user typed: "OpenAI", "오픈AI", "Google", "삼성전자", "035420"…
 * @returns the registered company
 * @throws AifinError #VALUE! "emptyCompany" for a blank name; #N/A "unknownCompany"
 *   ("Unknown company 'X' — see AI_COMPANIES()") for a name no company answers to
 * @example findCompany("구글").id // "alphabet"
 */
export function findCompany(name: string): Company {
  if (name.trim() === "") throw new AifinError("value", "emptyCompany");
  // No name is this long: refusing first keeps NFKC (up to 18× longer) off a 100,000-character cell.
  const company = name.length > MAX_NAME_LENGTH ? undefined : INDEX.get(matchKey(name));
  if (!company) throw new AifinError("na", "unknownCompany", { name });
  return company;
}

/**
 * A company's display name.
 * @param id - a registry id, e.g. "samsung-electronics"
 * @param lang - "en" (default) or "ko"
 * @returns the name in that language
 * @throws AifinError #N/A "unknownCompany" for an id not in the registry
 * @example companyName("samsung-electronics", "ko") // "삼성전자"
 */
export function companyName(id: string, lang: Language = "en"): string {
  const company = REGISTRY.companies.find((c) => c.id === id);
  if (!company) throw new AifinError("na", "unknownCompany", { name: id });
  return company.name[lang];
}
