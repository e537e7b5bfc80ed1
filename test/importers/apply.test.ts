/* Applying the accepted part of a proposal: where rows go, what replaces what, how versions move,
 * and that nothing is applied that fails the data check or was proposed against other data. */
import registryJson from "../../data/companies.json";
import metricsJson from "../../data/metrics.json";
import policyJson from "../../data/sources-policy.json";
import ratesJson from "../../data/fx/ecb-reference-rates.json";
import { allDatasets } from "../../src/core/data/catalog";
import type { Dataset, FigureRow, Source } from "../../src/core/data/schema";
import { applyProposal, bumpVersion, selectItems } from "../../scripts/importers/apply";
import { importFiles } from "../../scripts/importers/run";
import type { Proposal } from "../../scripts/importers/proposal";
import type { DataInput } from "../../scripts/data-dir";
import { datasetsWith, fixture, handRow, handSource, importContext, synthetic } from "./support";

const otherSource: Source = { ...handSource, id: "hand-other", title: "Another article", url: "https://news.example.com/other" };

/** bigtech-capex and bigtech-financials replaced by small hand-curated ones. */
function shipped(capexRows: FigureRow[] = [], capexSources: Source[] = [handSource]): Dataset[] {
  return [
    synthetic("bigtech-capex", [handRow("tesla", "capex", "2024", 11000000000, "$11 billion"), ...capexRows], capexSources),
    synthetic("bigtech-financials", [handRow("tesla", "revenue", "2024", 97000000000, "$97 billion")]),
  ];
}

function dataInput(datasets: Dataset[]): DataInput {
  const files = allDatasets().map((d) => ({ file: `${d.meta.id}.json`, json: structuredClone(datasets.find((r) => r.meta.id === d.meta.id) ?? d) as unknown }));
  return { companies: registryJson, metrics: metricsJson, policy: policyJson, rates: ratesJson, datasets: files, embeddedIds: allDatasets().map((d) => d.meta.id) };
}

function proposalFor(datasets: Dataset[]): Proposal {
  const result = importFiles("sec", [fixture("sec", "microsoft-companyfacts.json")], importContext("sec", datasetsWith(...datasets)));
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.proposal;
}

function applied(datasets: Dataset[], accept: string[], proposal = proposalFor(datasets)) {
  const result = applyProposal(proposal, accept, dataInput(datasets));
  if (!result.ok) throw new Error(result.problems.join("\n"));
  const written = (id: string) => result.writes.find((w) => w.file === `${id}.json`)?.json as Dataset;
  return { ...result, written };
}

const microsoftCapex = (dataset: Dataset) => dataset.rows.filter((r): r is FigureRow => "company" in r && r.company === "microsoft" && r.metric === "capex");

describe("bumpVersion", () => {
  it.each([
    ["3.1.4", "major", "4.0.0"],
    ["3.1.4", "minor", "3.2.0"],
    ["3.1.4", "patch", "3.1.5"],
    ["1.0.0-rc.1", "minor", "1.1.0"],
  ] as const)("%s, %s → %s", (version, bump, next) => {
    expect(bumpVersion(version, bump)).toBe(next);
  });
});

describe("selectItems", () => {
  const proposal = proposalFor(shipped([handRow("microsoft", "capex", "FY2024", 44500000000, "$44.5 billion")]));

  it("takes new and changed items for 'all', and conflicts only when named", () => {
    const all = selectItems(proposal, ["all"]).items;
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((i) => i.kind === "new" || i.kind === "changed")).toBe(true);
    expect(selectItems(proposal, ["conflicts"]).items.map((i) => i.id)).toEqual(["microsoft:capex:FY2024"]);
  });

  it("takes ids, also comma-separated, and reports words that name nothing", () => {
    expect(selectItems(proposal, ["microsoft:capex:FY2025-Q2,microsoft:rnd:FY2024"]).items.map((i) => i.id)).toEqual(["microsoft:capex:FY2025-Q2", "microsoft:rnd:FY2024"]);
    expect(selectItems(proposal, ["microsoft:capex:FY2031", "new"]).unknown).toEqual(["microsoft:capex:FY2031"]);
  });
});

describe("applyProposal", () => {
  it("adds new figures in period order, with their filings' sources, as a minor version", () => {
    const rows = [handRow("microsoft", "capex", "FY2024", 44000000000, "$44 billion"), handRow("microsoft", "capex", "FY2025", 64000000000, "$64 billion")];
    const result = applied(shipped(rows), ["new"]);
    const capex = result.written("bigtech-capex");
    expect(microsoftCapex(capex).map((r) => r.period)).toEqual(["FY2024", "FY2025-Q1", "FY2025-Q2", "FY2025-Q3", "FY2025-Q4", "FY2025"]);
    expect(capex.meta.version).toBe("1.1.0");
    expect(capex.meta.asOf).toBe("2025-07-30");
    expect(capex.meta.sources.map((s) => s.id)).toEqual(["hand-release", "sec-0000950170-24-118967", "sec-0001193125-25-010491", "sec-0000950170-25-061046", "sec-0000950170-25-100235"]);
    expect(result.lines[0]).toBe("bigtech-capex: 4 added, 0 replaced; 4 sources added; version 1.0.0 → 1.1.0 (minor); asOf 2025-07-30");
  });

  it("leaves a conflicting hand-curated figure alone under 'all'", () => {
    const hand = handRow("microsoft", "capex", "FY2024", 44500000000, "$44.5 billion");
    const capex = applied(shipped([hand]), ["all"]).written("bigtech-capex");
    expect(microsoftCapex(capex).find((r) => r.period === "FY2024")).toEqual(hand);
  });

  it("replaces a conflicting figure when named, as a major version, and drops the source no row uses any more", () => {
    const hand = { ...handRow("microsoft", "capex", "FY2024", 44500000000, "$44.5 billion"), source: otherSource.id };
    const result = applied(shipped([hand], [handSource, otherSource]), ["microsoft:capex:FY2024"]);
    const capex = result.written("bigtech-capex");
    expect(microsoftCapex(capex)).toEqual([expect.objectContaining({ period: "FY2024", value: 44000000000, source: "sec-0000950170-24-087843" })]);
    expect(capex.meta.version).toBe("2.0.0");
    expect(capex.meta.sources.map((s) => s.id)).toEqual(["hand-release", "sec-0000950170-24-087843"]);
    expect(result.lines[0]).toMatch(/1 no longer used removed \(hand-other\); version 1\.0\.0 → 2\.0\.0 \(major\)/);
  });

  it("swaps a confirmed figure's source for the filing as a patch version", () => {
    const capex = applied(shipped([handRow("microsoft", "capex", "FY2024", 44000000000, "$44 billion")]), ["confirms"]).written("bigtech-capex");
    expect(capex.meta.version).toBe("1.0.1");
    expect(microsoftCapex(capex)[0].source).toBe("sec-0000950170-24-087843");
  });

  it("writes only the datasets it changed", () => {
    expect(applied(shipped(), ["microsoft:rnd:FY2024"]).writes.map((w) => w.file)).toEqual(["bigtech-financials.json"]);
  });

  it("refuses an item whose shipped row changed since the proposal was made", () => {
    const before = shipped([handRow("microsoft", "capex", "FY2024", 44500000000, "$44.5 billion")]);
    const proposal = proposalFor(before);
    const now = shipped([handRow("microsoft", "capex", "FY2024", 44700000000, "$44.7 billion")]);
    const result = applyProposal(proposal, ["conflicts"], dataInput(now));
    expect(result.ok ? [] : result.problems).toEqual(["microsoft:capex:FY2024: bigtech-capex changed since the proposal was made (it now holds 44700000000 from hand-release): run the import again"]);
  });

  it("refuses, writing nothing, when the result fails the data check", () => {
    const proposal = proposalFor(shipped());
    const tampered: Proposal = { ...proposal, items: proposal.items.map((i) => (i.id === "microsoft:rnd:FY2024" ? { ...i, row: { ...i.row, quote: "ResearchAndDevelopmentExpense USD (see filing)" } } : i)) };
    const result = applyProposal(tampered, ["microsoft:rnd:FY2024"], dataInput(shipped()));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]).toBe("the data check fails on the result, so nothing is written:");
      expect(result.problems[1]).toMatch(/^bigtech-financials\.json: rows\[\d+\] \(microsoft rnd FY2024\): the quote does not contain the number as published \('29000000000'\)$/);
    }
  });

  it("refuses words that name no item, and an acceptance that takes nothing", () => {
    const proposal = proposalFor(shipped());
    const unknown = applyProposal(proposal, ["microsoft:capex:FY1999"], dataInput(shipped()));
    expect(unknown.ok ? [] : unknown.problems).toEqual(["--accept: microsoft:capex:FY1999 names no item of the proposal (ids look like microsoft:capex:FY2024)"]);
    const none = applyProposal(proposal, ["confirms"], dataInput(shipped()));
    expect(none.ok ? [] : none.problems).toEqual(["nothing accepted: the proposal has no item of that kind"]);
  });
});
