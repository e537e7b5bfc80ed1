/* Spot-checks of the shipped figures as filed, each as the company or outlet published it (the
 * curators' logs are in data/curation/), looked up the way users type company names and periods. */
import { lookupFigure } from "../../../src/core/data/lookup";
import { allDatasets, datasetById, figureRows } from "../../../src/core/data/catalog";
import type { FigureRow } from "../../../src/core/data/schema";
import { failure } from "../../support/failure";

type Spot = [company: string, metric: string, period: string | number, value: number, currency: string, qualifier: string, published: string];

describe("figures as filed, exact to the unit published", () => {
  it.each<Spot>([
    ["Microsoft", "capex", "FY2023", 28_107_000_000, "USD", "exact", "(28,107)"],
    ["MSFT", "capex", "FY2024-Q1", 9_917_000_000, "USD", "exact", "(9,917)"],
    ["Microsoft", "ai_investment", "FY2025", 80_000_000_000, "USD", "about", "$80 billion"],
    ["구글", "capex", 2023, 32_251_000_000, "USD", "exact", "32251000000"],
    ["Alphabet", "capex", "2024", 52_535_000_000, "USD", "exact", "52535000000"],
    ["Alphabet", "capex", "FY2025", 91_447_000_000, "USD", "exact", "91447000000"],
    ["Microsoft", "capex", "FY2025", 64_551_000_000, "USD", "exact", "64,551"],
    ["Amazon", "capex", 2024, 82_999_000_000, "USD", "exact", "( 82,999 )"],
    ["Meta", "capex_incl_leases", 2024, 39_230_000_000, "USD", "exact", "$39.23 billion"],
    ["Oracle", "capex", "FY2025", 21_215_000_000, "USD", "exact", "(21,215 )"],
    ["Tesla", "capex", 2023, 8_900_000_000, "USD", "exact", "$8.90 billion"],
    ["NVIDIA", "revenue", "FY2026", 215_938_000_000, "USD", "exact", "215,938"],
    ["엔비디아", "revenue", "Q1 FY2027", 81_615_000_000, "USD", "exact", "$81,615"],
    ["Apple", "capex", "FY2025", 12_715_000_000, "USD", "exact", "$(12,715)"],
    ["삼성전자", "시설투자", 2024, 53_646_100_000_000, "KRW", "exact", "53조 6461억 원"],
    ["005930", "rnd", 2024, 35_021_531_000_000, "KRW", "exact", "35조 215억 3100만 원"],
    ["네이버", "연구개발비", 2023, 1_992_636_000_000, "KRW", "exact", "1조 9926억 3600만 원"],
    ["Naver", "rnd", 2022, 1_809_073_000_000, "KRW", "exact", "1조8090억7300만원"],
    ["카카오", "설비투자", 2024, 505_900_000_000, "KRW", "exact", "5059억원"],
    ["IBM", "revenue", 2025, 67_535_000_000, "USD", "exact", "67,535"],
  ])("%s %s %s = %d %s (%s, published '%s')", (company, metric, period, value, currency, qualifier, published) => {
    const { row, source } = lookupFigure({ company, metric, period });
    expect(row).toMatchObject({ value, currency, qualifier, published });
    expect(row.quote).toContain(published);
    expect(source.url).toMatch(/^https?:\/\//);
  });
});

describe("what data-audit.md found wrong is fixed", () => {
  const everySource = ["bigtech-capex", "bigtech-financials", "korea-ai-investment", "ai-labs"].flatMap((id) => datasetById(id).meta.sources);

  it("cites no AI-written blog", () => {
    expect(everySource.filter((s) => /monexa|gmteight|secwatch|stockanalysis/.test(`${s.url} ${s.publisher}`))).toEqual([]);
  });

  it("has no Amazon '$100B 2025 guidance' (press arithmetic)", () => {
    const amazon = figureRows(datasetById("bigtech-capex")).filter((r) => r.company === "amazon" && r.metric === "capex_guidance");
    expect(amazon.map((r) => r.value)).not.toContain(100_000_000_000);
  });

  it("files LG's AI R&D plan under 2022-2026, announced in 2022", () => {
    const { row } = lookupFigure({ company: "LG Group", metric: "ai_rnd_plan", period: "2022-2026" });
    expect(row).toMatchObject({ period: "2022-2026", value: 3_600_000_000_000 });
    expect(row.given?.slice(0, 4)).toBe("2022");
  });

  it("keeps Meta's headline capex (incl. finance leases) apart from purchases of property and equipment", () => {
    expect(lookupFigure({ company: "Meta", metric: "capex_incl_leases", period: 2024 }).row.value).toBe(39_230_000_000);
    expect(lookupFigure({ company: "Meta", metric: "capex", period: 2024 }).row.value).toBe(37_256_000_000);
  });

  it("replaces Amazon's mixed definitions with the gross purchases line in every year", () => {
    expect(lookupFigure({ company: "Amazon", metric: "capex", period: 2023 }).row.value).toBe(52_729_000_000);
    expect(lookupFigure({ company: "Amazon", metric: "capex_net", period: 2025 }).row.definition).toMatch(/net/i);
  });

  it("keeps every guidance statement as its own dated row, the latest the default", () => {
    const statements = figureRows(datasetById("bigtech-capex")).filter((r) => r.company === "meta" && r.metric === "capex_guidance" && r.period === "2025");
    expect(statements.length).toBeGreaterThanOrEqual(3);
    // Meta guides in ranges: a range stays #N/A, with the range (of the latest statement) in the reason.
    expect(failure(() => lookupFigure({ company: "Meta", metric: "capex_guidance", period: 2025 })).message).toMatch(/70,000,000,000–72,000,000,000/);
    const earliest = [...statements].sort((a, b) => (a.given ?? "").localeCompare(b.given ?? ""))[0];
    expect(failure(() => lookupFigure({ company: "Meta", metric: "capex_guidance", period: 2025, given: earliest.given })).message).toMatch(/60,000,000,000–65,000,000,000/);
    // Alphabet's latest 2025 statement is a range too; an earlier single figure answers by its date.
    expect(failure(() => lookupFigure({ company: "Alphabet", metric: "capex_guidance", period: 2025 })).message).toMatch(/91,000,000,000–93,000,000,000/);
    expect(lookupFigure({ company: "Alphabet", metric: "capex_guidance", period: 2025, given: "2025-07-23" }).row).toMatchObject({ value: 85_000_000_000, given: "2025-07-23" });
    expect(lookupFigure({ company: "Alphabet", metric: "capex_guidance", period: 2025, given: "2025-02-04" }).row).toMatchObject({ value: 75_000_000_000, given: "2025-02-04" });
  });

  it("labels a private company's reported figures as press reports, never confirmed facts", () => {
    const labs = datasetById("ai-labs");
    const kinds = new Map(labs.meta.sources.map((s) => [s.id, s.kind]));
    for (const row of figureRows(labs)) if (kinds.get(row.source) === "press_report") expect(row.status).not.toBe("confirmed");
  });

  it("ships no figure without its document: the print column is withdrawn, its questions answered from sourced reports", () => {
    for (const dataset of allDatasets()) for (const source of dataset.meta.sources) expect(source.url).toMatch(/^https?:\/\//);
    const labs = figureRows(datasetById("ai-labs"));
    expect(labs.find((r) => r.company === "openai" && r.metric === "total" && r.period === "2024")).toMatchObject({ value: 8_500_000_000, qualifier: "up_to" });
    expect(labs.find((r) => r.company === "openai" && r.metric === "total" && r.period === "2024")?.alsoPublished).toEqual({ currency: "KRW", value: 12_000_000_000_000, published: "약 12조원" });
  });
});

describe("coverage", () => {
  const all = ["bigtech-capex", "bigtech-financials", "korea-ai-investment", "ai-labs"].flatMap((id) => figureRows(datasetById(id)));
  const companies = new Set(all.map((r: FigureRow) => r.company));

  it.each(["openai", "meta", "tesla", "oracle", "dell", "ibm", "naver", "microsoft", "alphabet", "amazon", "nvidia", "apple", "samsung-electronics", "sk-hynix", "kakao", "lg-electronics", "anthropic", "xai"])("has figures for %s", (company) => {
    expect(companies.has(company)).toBe(true);
  });

  it("reaches calendar Q1 2026 or later for the hyperscalers' revenue", () => {
    for (const [company, period] of [["microsoft", "FY2026-Q3"], ["alphabet", "2026-Q1"], ["amazon", "2026-Q1"], ["nvidia", "FY2027-Q1"]]) {
      expect(all.some((r) => r.company === company && r.metric === "revenue" && r.period === period)).toBe(true);
    }
  });
});
