/* What an import proposes against the shipped data, and the report a reviewer reads. */
import { importFiles } from "../../scripts/importers/run";
import { canonical, isImportedSource, renderReport, roundingNote, type Proposal } from "../../scripts/importers/proposal";
import type { Dataset } from "../../src/core/data/schema";
import { datasetsWith, fixture, handRow, handSource, importContext, synthetic } from "./support";

const MSFT = fixture("sec", "microsoft-companyfacts.json");

function propose(...replaced: Dataset[]): Proposal {
  const result = importFiles("sec", [MSFT], importContext("sec", datasetsWith(...replaced)));
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.proposal;
}

/** The proposal against a bigtech-capex that holds only the given rows (plus one unrelated row), and a bigtech-financials with no Microsoft row. */
function againstCapex(rows: Dataset["rows"], sources = [handSource]): Proposal {
  const unrelated = handRow("tesla", "capex", "2024", 11000000000, "$11 billion");
  const financials = synthetic("bigtech-financials", [handRow("tesla", "revenue", "2024", 97000000000, "$97 billion")]);
  return propose(synthetic("bigtech-capex", [unrelated, ...(rows as never[])], sources), financials);
}

const kindOf = (proposal: Proposal, id: string) => proposal.items.find((i) => i.id === id)?.kind;

describe("comparing with the shipped data", () => {
  it("proposes a figure the dataset does not have as new", () => {
    const proposal = againstCapex([]);
    expect(kindOf(proposal, "microsoft:capex:FY2024")).toBe("new");
    expect(proposal.items.find((i) => i.id === "microsoft:capex:FY2024")?.why).toBe("bigtech-capex has no capex figure for FY2024");
  });

  it("shows a hand-curated figure that differs from the filing as a conflict, with both rows", () => {
    const shipped = handRow("microsoft", "capex", "FY2024", 44500000000, "$44.5 billion");
    const item = againstCapex([shipped]).items.find((i) => i.id === "microsoft:capex:FY2024");
    expect(item).toMatchObject({ kind: "conflict", why: "they differ by 500,000,000 (1.14%)", shipped: { row: shipped, source: handSource } });
    expect(item?.row.value).toBe(44000000000);
  });

  it("marks a hand-curated figure the filing gives exactly as confirmed by it", () => {
    const item = againstCapex([handRow("microsoft", "capex", "FY2024", 44000000000, "$44 billion")]).items.find((i) => i.id === "microsoft:capex:FY2024");
    expect(item?.kind).toBe("confirms");
  });

  it("leaves out a row identical to an earlier import, and counts it", () => {
    const first = againstCapex([]).items.find((i) => i.id === "microsoft:capex:FY2024");
    const again = againstCapex([first!.row], [handSource, first!.source]);
    expect(kindOf(again, "microsoft:capex:FY2024")).toBeUndefined();
    expect(again.unchanged).toBe(1);
  });

  it("proposes a change where an earlier import differs from what the filings now say", () => {
    const first = againstCapex([]).items.find((i) => i.id === "microsoft:capex:FY2025-Q2");
    const older = { ...first!.row, value: 15000000000, derivedFrom: ["an older pair of facts"] };
    const item = againstCapex([older], [handSource, first!.source]).items.find((i) => i.id === "microsoft:capex:FY2025-Q2");
    expect(item).toMatchObject({ kind: "changed", why: "an earlier import gave 15,000,000,000; the filings now give 16,000,000,000" });
  });

  it("does not match dated guidance rows to reported figures", () => {
    const guidance = { ...handRow("microsoft", "capex", "FY2024", 50000000000, "$50 billion"), qualifier: "guidance" as const, given: "2023-07-25" };
    expect(kindOf(againstCapex([guidance]), "microsoft:capex:FY2024")).toBe("new");
  });

  it("knows the importers' source ids from hand-made ones", () => {
    expect([isImportedSource("sec-0000950170-24-087843"), isImportedSource("dart-20250515000111"), isImportedSource("msft-10k-fy24"), isImportedSource("sec-filing")]).toEqual([true, true, false, false]);
  });

  it("compares records whatever their key order", () => {
    expect(canonical({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonical({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });
});

describe("roundingNote", () => {
  it.each([
    [52500000000, 52535000000, "the shipped figure is the filing's rounded to the nearest 100,000,000"],
    [53600000000000, 53646100000000, "the shipped figure is the filing's rounded to the nearest 100,000,000,000"],
    [44500000000, 44000000000, "they differ by 500,000,000 (1.14%)"],
    [null, 44000000000, "the shipped figure is a range"],
  ])("%s against the filing's %s", (shipped, filing, note) => {
    expect(roundingNote(shipped, filing)).toBe(note);
  });
});

describe("the report", () => {
  const proposal = againstCapex([handRow("microsoft", "capex", "FY2024", 44500000000, "$44.5 billion")]);
  const text = renderReport(proposal, "out/sec-proposal.json");

  it("counts what it proposes first", () => {
    expect(text[0]).toBe(`sec import of 1 file: ${proposal.items.filter((i) => i.kind === "new").length} new, 0 changed, 1 conflicting, 0 confirming, 0 unchanged; 1 restatement`);
  });

  it("shows a conflict side by side: the shipped row with its source, the filing with its URL", () => {
    const at = text.indexOf("  ! microsoft:capex:FY2024 (bigtech-capex): they differ by 500,000,000 (1.14%)");
    expect(at).toBeGreaterThan(0);
    expect(text.slice(at + 1, at + 5)).toEqual([
      '      shipped  44,500,000,000 USD exact confirmed "$44.5 billion", news hand-release: Example Wire, 2025-08-01',
      "               (no definition)",
      "      filing   44,000,000,000 USD confirmed (Microsoft (10-K, SEC EDGAR), filed 2024-07-30, https://www.sec.gov/Archives/edgar/data/789019/000095017024087843/)",
      "               Additions to property and equipment (cash-flow statement); XBRL PaymentsToAcquirePropertyPlantAndEquipment",
    ]);
  });

  it("lists restatements and notes, and ends with how to apply", () => {
    expect(text).toContain("  microsoft revenue FY2023: 200,000,000,000 (sec-0000950170-23-035122, filed 2023-07-27) → 201,000,000,000 (sec-0000950170-24-087843, filed 2024-07-30)");
    expect(text[text.length - 1]).toMatch(/^Apply: npm run data:import -- apply out\/sec-proposal\.json --accept all/);
  });

  it("says when there is nothing to apply", () => {
    const empty: Proposal = { ...proposal, items: [], restatements: [], notes: [] };
    expect(renderReport(empty, "x.json").slice(-1)).toEqual(["Nothing to apply: the shipped data already holds every imported figure."]);
  });
});
