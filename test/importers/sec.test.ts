/* The SEC importer on hand-made company-facts files: the rows it proposes, their provenance, and
 * every bad file refused with the file and the reason. */
import { readSecFacts } from "../../scripts/importers/sec";
import { importFiles } from "../../scripts/importers/run";
import { datasetsWith, fixture, fixtureJson, importContext, secMapping } from "./support";

const MSFT = "microsoft-companyfacts.json";
const context = () => importContext("sec", datasetsWith());
const proposalOf = (...names: string[]) => {
  const result = importFiles("sec", names.map((n) => fixture("sec", n)), context());
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.proposal;
};
const item = (id: string, ...names: string[]) => proposalOf(...(names.length > 0 ? names : [MSFT])).items.find((i) => i.id === id);
const problemsOf = (name: string, text = fixture("sec", name).text) => {
  const read = readSecFacts(name, text, secMapping());
  return read.ok ? [] : read.problems;
};

describe("sec: what the rows say", () => {
  it("quotes the tag, unit, value, dates and form, as the number the row publishes", () => {
    expect(item("microsoft:capex:FY2024")?.row).toMatchObject({
      company: "microsoft",
      metric: "capex",
      period: "FY2024",
      label: "2023-07-01 to 2024-06-30",
      value: 44000000000,
      published: "44000000000",
      unit: "units",
      currency: "USD",
      qualifier: "exact",
      status: "confirmed",
      quote: "PaymentsToAcquirePropertyPlantAndEquipment USD 44000000000 (2023-07-01 to 2024-06-30, 10-K)",
      definition: "Additions to property and equipment (cash-flow statement); XBRL PaymentsToAcquirePropertyPlantAndEquipment",
    });
  });

  it("cites the filing: accession in the id, its index on sec.gov, the company and form, the filing date", () => {
    expect(item("microsoft:capex:FY2024")?.source).toEqual({
      id: "sec-0000950170-24-087843",
      publisher: "Microsoft (10-K, SEC EDGAR)",
      title: "MICROSOFT CORPORATION Form 10-K for fiscal year 2024, accession 0000950170-24-087843",
      url: "https://www.sec.gov/Archives/edgar/data/789019/000095017024087843/",
      published: "2024-07-30",
      kind: "filing",
      note: "Figures from the filing's XBRL data (SEC company facts, CIK0000789019), imported with npm run data:import.",
    });
  });

  it("labels periods by the company's fiscal calendar", () => {
    const ids = proposalOf(MSFT, "nvidia-companyfacts.json").items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(["microsoft:capex:FY2025-Q1", "microsoft:capex:FY2025", "nvidia:revenue:FY2025-Q4", "nvidia:revenue:FY2026-Q1", "nvidia:rnd:FY2025"]));
    expect(item("nvidia:revenue:FY2025-Q4", "nvidia-companyfacts.json")?.row.label).toBe("2024-10-28 to 2025-01-26");
  });

  it("derives cash-flow quarters that exist only as year-to-date facts, naming both facts", () => {
    const q2 = item("microsoft:capex:FY2025-Q2")?.row;
    expect(q2).toMatchObject({ value: 16000000000, status: "derived", source: "sec-0001193125-25-010491" });
    expect(q2?.derivedFrom).toEqual([
      "PaymentsToAcquirePropertyPlantAndEquipment USD 30000000000 (2024-07-01 to 2024-12-31, 10-Q), sec-0001193125-25-010491 filed 2025-01-29",
      "PaymentsToAcquirePropertyPlantAndEquipment USD 14000000000 (2024-07-01 to 2024-09-30, 10-Q), sec-0000950170-24-118967 filed 2024-10-30",
    ]);
    expect(item("microsoft:capex:FY2025-Q3")?.row).toMatchObject({ value: 17000000000, status: "derived" });
    expect(item("microsoft:capex:FY2025-Q4")?.row).toMatchObject({ value: 17000000000, status: "derived", source: "sec-0000950170-25-100235" });
  });

  it("takes a quarter's own fact over its year-to-date total", () => {
    expect(item("microsoft:revenue:FY2025-Q2")?.row).toMatchObject({ value: 69000000000, status: "confirmed" });
  });

  it("proposes the latest filed value of a restated year and reports the restatement", () => {
    const proposal = proposalOf(MSFT);
    expect(proposal.items.find((i) => i.id === "microsoft:revenue:FY2023")?.row).toMatchObject({ value: 201000000000, source: "sec-0000950170-24-087843" });
    expect(proposal.restatements).toEqual([
      {
        company: "microsoft",
        metric: "revenue",
        period: "FY2023",
        values: [
          { value: 200000000000, source: "sec-0000950170-23-035122", filed: "2023-07-27" },
          { value: 201000000000, source: "sec-0000950170-24-087843", filed: "2024-07-30" },
        ],
      },
    ]);
  });

  it("cites the first filing of a figure later filings repeat unchanged", () => {
    expect(item("microsoft:capex:FY2024")?.row.source).toBe("sec-0000950170-24-087843");
  });

  it("leaves out facts of other forms and before the range, and says what it left out", () => {
    const proposal = proposalOf(MSFT);
    expect(proposal.notes).toContain("microsoft-companyfacts.json: 1 fact from form 8-K left out (only 10-K, 10-K/A, 10-Q, 10-Q/A are read)");
    expect(proposal.items.some((i) => i.row.period === "FY2019")).toBe(false);
  });

  it("notes where a later-listed revenue tag disagrees with the one used", () => {
    expect(proposalOf(MSFT).notes).toContain("microsoft revenue FY2024: RevenueFromContractWithCustomerExcludingAssessedTax (240000000000) is used; a later-listed tag disagrees (Revenues 241000000000)");
  });
});

describe("sec: bad input is refused with the file and the reason", () => {
  it.each([
    ["bad-malformed.json", /^bad-malformed\.json: malformed JSON \(/],
    ["bad-missing-tag.json", /^bad-missing-tag\.json: missing tag: microsoft rnd needs ResearchAndDevelopmentExpense, and the file has none of them$/],
    ["bad-unit-eur.json", /^bad-unit-eur\.json: PaymentsToAcquirePropertyPlantAndEquipment is stated in 'EUR': only USD and KRW figures are imported$/],
    ["bad-off-calendar.json", /^bad-off-calendar\.json: PaymentsToAcquirePropertyPlantAndEquipment USD 15500000000 \(2024-07-01 to 2024-10-15, 10-Q 0000950170-24-118967\) does not fit microsoft's fiscal calendar \(a fiscal year ending on the last day of June\)/],
    ["bad-untracked.json", /^bad-untracked\.json: CIK 1234567 \(EXAMPLE HOLDINGS INC\) is not a company we track/],
  ])("%s", (name, reason) => {
    const problems = problemsOf(name);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(reason);
  });

  it("refuses JSON that is not company facts", () => {
    expect(problemsOf("x.json", JSON.stringify({ status: "000", list: [] }))[0]).toMatch(/^x\.json: not SEC company facts \(cik: /);
  });

  it("refuses a file whose entityName is not the company its CIK is mapped to", () => {
    const json = fixtureJson("sec", MSFT);
    json.entityName = "APPLE INC.";
    expect(problemsOf(MSFT, JSON.stringify(json))).toEqual([`${MSFT}: entityName 'APPLE INC.' does not name microsoft (Microsoft), which sec-tags.json gives CIK 789019: check the CIK`]);
  });

  it.each(["-29000000000", "29000000000.5"])("refuses the value %s", (val) => {
    const text = fixture("sec", MSFT).text.replace('"val": 29000000000', `"val": ${val}`);
    expect(problemsOf(MSFT, text)).toEqual([`${MSFT}: ResearchAndDevelopmentExpense USD ${val} (2023-07-01 to 2024-06-30, 10-K 0000950170-24-087843): the value must be a whole, non-negative number of USD`]);
  });

  it("refuses a fact of a duration tag that has no start date", () => {
    const json = fixtureJson("sec", MSFT) as { facts: { "us-gaap": { ResearchAndDevelopmentExpense: { units: { USD: Array<Record<string, unknown>> } } } } };
    delete json.facts["us-gaap"].ResearchAndDevelopmentExpense.units.USD[0].start;
    expect(problemsOf(MSFT, JSON.stringify(json))[0]).toMatch(/has no start date: a rnd figure covers a period$/);
  });

  it("refuses the whole import when any file is bad, listing every bad file", () => {
    const result = importFiles("sec", [fixture("sec", MSFT), fixture("sec", "bad-unit-eur.json"), fixture("sec", "bad-untracked.json")], context());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.split(":")[0])).toEqual(["bad-unit-eur.json", "bad-untracked.json"]);
  });

  it("refuses a mapping that names an unknown company, metric or dataset", () => {
    const mapping = { ...(context().mapping as Record<string, unknown>) };
    const bad = JSON.parse(JSON.stringify(mapping)) as { companies: Array<{ company: string }>; metrics: Record<string, { dataset: string }> };
    bad.companies[0].company = "contoso";
    bad.metrics.capex.dataset = "nowhere";
    const result = importFiles("sec", [fixture("sec", MSFT)], { ...context(), mapping: bad });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual([
        "data/importers/sec-tags.json: metric 'capex' goes to dataset 'nowhere', which is not in data/datasets/",
        "data/importers/sec-tags.json: company 'contoso' is not in data/companies.json",
      ]);
    }
  });
});
