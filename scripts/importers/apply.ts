/* Applying the accepted part of a proposal to the datasets: rows added in period order or put in
 * place of the rows they replace, the filings' sources added and sources no row uses any more
 * removed, each touched dataset's version bumped and asOf moved to its newest filing, and the whole
 * data directory checked exactly as `npm run data:check` checks it. A proposal made against other
 * data than what is there now, or a result that fails the check, is refused and nothing is
 * written. Pure: it returns the files to write. */
import { checkData, type Dataset, type FigureRow, type Source } from "../../src/core/data/schema";
import { comparePeriodLabels } from "../../src/core/data/lookup";
import { canonical, isImportedSource, shippedFigure, ITEM_KINDS, type ItemKind, type Proposal, type ProposalItem } from "./proposal";
import type { DataInput } from "../data-dir";

/** How much a dataset's version moves: see bumpVersion. */
export type Bump = "major" | "minor" | "patch";

/**
 * A dataset's next version. Major when a figure a workbook may already show changes value (a
 * restatement, an accepted conflict); minor when figures are only added; patch when only the
 * provenance of figures changes (same values, another filing or source cited).
 * @example bumpVersion("3.1.4", "minor") // "3.2.0"
 */
export function bumpVersion(version: string, bump: Bump): string {
  const [major, minor, patch] = version.split("-")[0].split(".").map(Number);
  if (bump === "major") return `${major + 1}.0.0`;
  if (bump === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

function bumpOf(item: ProposalItem): Bump {
  if (item.kind === "new") return "minor";
  return item.shipped && item.shipped.row.value !== item.row.value ? "major" : "patch";
}

const ORDER: Readonly<Record<Bump, number>> = { patch: 0, minor: 1, major: 2 };

/**
 * Which items `--accept` names: "all" (every new and changed item), a kind ("new", "changed",
 * "conflicts", "confirms"), or item ids ("microsoft:capex:FY2024").
 * @returns the accepted items, or the words that name nothing
 */
export function selectItems(proposal: Proposal, accept: readonly string[]): { items: ProposalItem[]; unknown: string[] } {
  const wanted = new Set<string>();
  const unknown: string[] = [];
  const kindOf = (word: string): ItemKind | null => {
    const singular = word === "conflicts" ? "conflict" : word;
    return (ITEM_KINDS as readonly string[]).includes(singular) ? (singular as ItemKind) : null;
  };
  for (const word of accept.flatMap((a) => a.split(",")).map((a) => a.trim()).filter((a) => a !== "")) {
    const kind = kindOf(word);
    const matched = word === "all" ? proposal.items.filter((i) => i.kind === "new" || i.kind === "changed") : kind ? proposal.items.filter((i) => i.kind === kind) : proposal.items.filter((i) => i.id === word);
    if (matched.length === 0 && word !== "all" && !kind) unknown.push(word);
    for (const item of matched) wanted.add(item.id);
  }
  return { items: proposal.items.filter((i) => wanted.has(i.id)), unknown };
}

function isFigure(row: Dataset["rows"][number]): row is FigureRow {
  return !("kind" in row);
}

/** Where a new row goes: after the company's rows of that metric that come before it, else after the company's rows, else at the end. */
function insertAt(rows: Dataset["rows"], row: FigureRow): number {
  let at = -1;
  rows.forEach((r, i) => {
    if (isFigure(r) && r.company === row.company && r.metric === row.metric && comparePeriodLabels(r.period, row.period) < 0) at = i;
  });
  if (at < 0) {
    const first = rows.findIndex((r) => isFigure(r) && r.company === row.company && r.metric === row.metric);
    if (first >= 0) return first;
    rows.forEach((r, i) => {
      if (isFigure(r) && r.company === row.company) at = i;
    });
  }
  return at < 0 ? rows.length : at + 1;
}

/** What apply does: the files to write and what to say, or why it refuses. */
export type Applied =
  | { readonly ok: true; readonly writes: ReadonlyArray<{ readonly file: string; readonly json: Dataset }>; readonly lines: string[] }
  | { readonly ok: false; readonly problems: string[] };

/**
 * Applies the accepted items to the datasets of a data directory and checks the result.
 * @param proposal - a proposal made by the import step
 * @param accept - the words given to --accept
 * @param data - the data directory as read (scripts/data-dir.ts)
 * @returns the dataset files to write, or the problems (nothing may be written then)
 */
export function applyProposal(proposal: Proposal, accept: readonly string[], data: DataInput): Applied {
  const { items, unknown } = selectItems(proposal, accept);
  if (unknown.length > 0) return { ok: false, problems: [`--accept: ${unknown.join(", ")} name${unknown.length === 1 ? "s" : ""} no item of the proposal (ids look like ${proposal.items[0]?.id ?? "microsoft:capex:FY2024"})`] };
  if (items.length === 0) return { ok: false, problems: ["nothing accepted: the proposal has no item of that kind"] };

  const problems: string[] = [];
  const touched = new Map<string, { dataset: Dataset; bump: Bump; added: number; replaced: number; removedSources: string[]; addedSources: number; newest: string }>();
  for (const item of items) {
    const file = `${item.dataset}.json`;
    const entry = touched.get(item.dataset) ?? (() => {
      const found = data.datasets.find((d) => d.file === file);
      if (!found) return undefined;
      const created = { dataset: structuredClone(found.json) as Dataset, bump: "patch" as Bump, added: 0, replaced: 0, removedSources: [] as string[], addedSources: 0, newest: "" };
      touched.set(item.dataset, created);
      return created;
    })();
    if (!entry) {
      problems.push(`${item.id}: dataset ${file} is not in data/datasets/`);
      continue;
    }
    const { dataset } = entry;
    const current = shippedFigure(dataset, item.row);
    const expected = item.shipped?.row;
    if (canonical(current ?? null) !== canonical(expected ?? null)) {
      problems.push(`${item.id}: ${item.dataset} changed since the proposal was made (${current ? `it now holds ${current.value} from ${current.source}` : "the row it would replace is gone"}): run the import again`);
      continue;
    }
    if (current) {
      dataset.rows[dataset.rows.indexOf(current)] = item.row;
      entry.replaced++;
    } else {
      dataset.rows.splice(insertAt(dataset.rows, item.row), 0, item.row);
      entry.added++;
    }
    const at = dataset.meta.sources.findIndex((s) => s.id === item.source.id);
    if (at < 0) {
      dataset.meta.sources.push(item.source as Source);
      entry.addedSources++;
    } else if (canonical(dataset.meta.sources[at]) !== canonical(item.source)) {
      if (!isImportedSource(item.source.id)) problems.push(`${item.id}: source id ${item.source.id} is already a different, hand-made source`);
      else dataset.meta.sources[at] = item.source as Source;
    }
    if (ORDER[bumpOf(item)] > ORDER[entry.bump]) entry.bump = bumpOf(item);
    if ((item.source.published ?? "") > entry.newest) entry.newest = item.source.published ?? "";
  }
  if (problems.length > 0) return { ok: false, problems };

  const lines: string[] = [];
  for (const [id, entry] of touched) {
    const { dataset } = entry;
    const used = new Set([...dataset.rows.map((r) => r.source), ...(dataset.meta.mentions ?? []).map((m) => m.source)]);
    entry.removedSources = dataset.meta.sources.filter((s) => !used.has(s.id)).map((s) => s.id);
    dataset.meta.sources = dataset.meta.sources.filter((s) => used.has(s.id));
    const before = dataset.meta.version;
    dataset.meta.version = bumpVersion(before, entry.bump);
    if (entry.newest > dataset.meta.asOf) dataset.meta.asOf = entry.newest;
    lines.push(
      `${id}: ${entry.added} added, ${entry.replaced} replaced; ${entry.addedSources} source${entry.addedSources === 1 ? "" : "s"} added${entry.removedSources.length > 0 ? `, ${entry.removedSources.length} no longer used removed (${entry.removedSources.join(", ")})` : ""}; version ${before} → ${dataset.meta.version} (${entry.bump}); asOf ${dataset.meta.asOf}`,
    );
  }

  const writes = [...touched.entries()].map(([id, entry]) => ({ file: `${id}.json`, json: entry.dataset }));
  const datasets = data.datasets.map((d) => writes.find((w) => w.file === d.file) ?? d);
  const check = checkData({ ...data, datasets });
  if (check.problems.length > 0) return { ok: false, problems: ["the data check fails on the result, so nothing is written:", ...check.problems] };
  return { ok: true, writes, lines };
}
