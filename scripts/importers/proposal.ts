/* What an import proposes, against the shipped data: each imported row is new (the dataset has no
 * figure for that company, metric and period), changed (the dataset holds an earlier import of
 * it, and the filings now say otherwise), a conflict (a hand-curated figure differs from the
 * filing: both are shown side by side) or confirms (a hand-curated figure the filing agrees
 * with). Rows identical to the shipped ones are left out. The proposal is JSON the apply step
 * reads, and a text report for the reviewer. Pure. */
import { z } from "zod";
import type { Dataset, FigureRow, Source } from "../../src/core/data/schema";
import { groupDigits } from "../../src/core/data/vocabulary";
import type { ImportedRow, Restatement } from "./facts";

export const ITEM_KINDS = ["new", "changed", "conflict", "confirms"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** One proposed row, with the shipped row it would replace (none for a new row). */
export interface ProposalItem {
  /** "company:metric:period", e.g. "microsoft:capex:FY2024": what `apply --accept` names. */
  readonly id: string;
  readonly kind: ItemKind;
  readonly dataset: string;
  readonly row: FigureRow;
  readonly source: Source;
  readonly shipped?: { readonly row: FigureRow; readonly source: Source | null };
  /** One sentence: why this kind. */
  readonly why: string;
}

export interface Proposal {
  readonly format: "aifin-import-proposal";
  readonly formatVersion: 1;
  readonly importer: "sec" | "dart";
  /** The files read (names and sha-256), in the order given. */
  readonly inputs: ReadonlyArray<{ readonly file: string; readonly sha256: string }>;
  readonly items: readonly ProposalItem[];
  readonly unchanged: number;
  readonly restatements: readonly Restatement[];
  readonly notes: readonly string[];
}

/** The proposal file's shape, checked when apply reads it (rows and sources are checked again by data:check). */
export const proposalSchema = z.object({
  format: z.literal("aifin-import-proposal"),
  formatVersion: z.literal(1),
  importer: z.enum(["sec", "dart"]),
  inputs: z.array(z.object({ file: z.string(), sha256: z.string() })),
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(ITEM_KINDS),
      dataset: z.string(),
      row: z.record(z.string(), z.unknown()),
      source: z.record(z.string(), z.unknown()),
      shipped: z.object({ row: z.record(z.string(), z.unknown()), source: z.record(z.string(), z.unknown()).nullable() }).optional(),
      why: z.string(),
    }),
  ),
  unchanged: z.number(),
  restatements: z.array(z.unknown()),
  notes: z.array(z.string()),
});

/** True for a source an importer made ("sec-<accession>", "dart-<접수번호>"). */
export function isImportedSource(id: string): boolean {
  return /^sec-\d{10}-\d{2}-\d{6}$/.test(id) || /^dart-\d{14}$/.test(id);
}

/** JSON with the keys of every object sorted, for comparing records whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function isFigure(row: Dataset["rows"][number]): row is FigureRow {
  return !("kind" in row);
}

/** The shipped figure an imported row stands for: same company, metric and period, not a dated statement. */
export function shippedFigure(dataset: Dataset, row: Pick<FigureRow, "company" | "metric" | "period">): FigureRow | undefined {
  return dataset.rows.find((r): r is FigureRow => isFigure(r) && r.company === row.company && r.metric === row.metric && r.period === row.period && r.given === undefined);
}

/**
 * How a hand-curated figure relates to the filing's: the filing's figure rounded, or how far off.
 * @example roundingNote(52500000000, 52535000000) // "the shipped figure is the filing's rounded to the nearest 100,000,000"
 */
export function roundingNote(shipped: number | null, filing: number): string {
  if (shipped === null) return "the shipped figure is a range";
  const difference = Math.abs(shipped - filing);
  for (let power = 15; power >= 1; power--) {
    const step = 10 ** power;
    if (shipped % step === 0 && difference * 2 <= step && step <= filing) return `the shipped figure is the filing's rounded to the nearest ${groupDigits(step)}`;
  }
  const percent = filing === 0 ? "" : ` (${((difference / filing) * 100).toFixed(2)}%)`;
  return `they differ by ${groupDigits(difference)}${percent}`;
}

function classify(imported: ImportedRow, dataset: Dataset): Omit<ProposalItem, "id" | "dataset" | "row" | "source"> | null {
  const shippedRow = shippedFigure(dataset, imported.row);
  if (!shippedRow) return { kind: "new", why: `${dataset.meta.id} has no ${imported.row.metric} figure for ${imported.row.period}` };
  const shippedSource = dataset.meta.sources.find((s) => s.id === shippedRow.source) ?? null;
  const shipped = { row: shippedRow, source: shippedSource };
  if (isImportedSource(shippedRow.source)) {
    if (canonical(shippedRow) === canonical(imported.row) && canonical(shippedSource) === canonical(imported.source)) return null;
    const why =
      shippedRow.value !== imported.row.value
        ? `an earlier import gave ${groupDigits(shippedRow.value ?? 0)}; the filings now give ${groupDigits(imported.row.value ?? 0)}`
        : `same value; ${shippedRow.source !== imported.row.source ? `cited filing ${shippedRow.source} → ${imported.row.source}` : shippedRow.status !== imported.row.status ? `status ${shippedRow.status} → ${imported.row.status}` : "wording of the row or its source updated"}`;
    return { kind: "changed", shipped, why };
  }
  if (shippedRow.value === imported.row.value) return { kind: "confirms", shipped, why: `the filing gives the hand-curated figure exactly; accepting it cites the filing instead of ${shippedRow.source}` };
  return { kind: "conflict", shipped, why: roundingNote(shippedRow.value, imported.row.value ?? 0) };
}

/**
 * Compares imported rows with the shipped datasets.
 * @param imported - the rows and the dataset each goes to
 * @param datasets - the shipped datasets, by id
 * @returns the items to propose (sorted by dataset, company, metric, period) and how many were unchanged
 */
export function compareWithShipped(imported: ReadonlyArray<ImportedRow & { readonly dataset: string }>, datasets: ReadonlyMap<string, Dataset>): { items: ProposalItem[]; unchanged: number } {
  const items: ProposalItem[] = [];
  let unchanged = 0;
  for (const entry of imported) {
    const dataset = datasets.get(entry.dataset);
    if (!dataset) throw new Error(`dataset '${entry.dataset}' is not in data/datasets/`);
    const verdict = classify(entry, dataset);
    if (verdict === null) {
      unchanged++;
      continue;
    }
    items.push({ id: `${entry.row.company}:${entry.row.metric}:${entry.row.period}`, dataset: entry.dataset, row: entry.row, source: entry.source, ...verdict });
  }
  return { items, unchanged };
}

function amount(row: FigureRow): string {
  return row.value === null ? `${groupDigits(row.low ?? 0)}–${groupDigits(row.high ?? 0)}` : groupDigits(row.value);
}

function sourceLine(row: FigureRow, source: Source | null): string {
  if (!source) return `source ${row.source} (not in the dataset)`;
  return `${source.kind} ${source.id}: ${source.publisher}, ${source.published ?? "undated"}`;
}

function filingLine(item: ProposalItem): string {
  return `${amount(item.row)} ${item.row.currency} ${item.row.status} (${item.source.publisher}, filed ${item.source.published}, ${item.source.url})`;
}

/**
 * The proposal as text for the reviewer: counts, then new, changed, conflicting (side by side)
 * and confirming figures, restatements and notes, and how to apply.
 * @param proposal - the proposal
 * @param file - where the proposal JSON was written, for the apply line
 * @returns lines of text
 */
export function renderReport(proposal: Proposal, file: string): string[] {
  const of = (kind: ItemKind) => proposal.items.filter((i) => i.kind === kind);
  const lines = [
    `${proposal.importer} import of ${proposal.inputs.length} file${proposal.inputs.length === 1 ? "" : "s"}: ${of("new").length} new, ${of("changed").length} changed, ${of("conflict").length} conflicting, ${of("confirms").length} confirming, ${proposal.unchanged} unchanged; ${proposal.restatements.length} restatement${proposal.restatements.length === 1 ? "" : "s"}`,
  ];
  const section = (title: string, kind: ItemKind, body: (item: ProposalItem) => string[]) => {
    const items = of(kind);
    if (items.length === 0) return;
    lines.push("", `${title} (${items.length})`);
    for (const item of items) lines.push(...body(item));
  };
  section("NEW", "new", (item) => [`  + ${item.id} → ${item.dataset}: ${filingLine(item)}`]);
  section("CHANGED (an earlier import differs)", "changed", (item) => [
    `  ~ ${item.id} (${item.dataset}): ${item.why}`,
    `      shipped  ${item.shipped ? `${amount(item.shipped.row)} ${item.shipped.row.currency} ${item.shipped.row.status}, ${sourceLine(item.shipped.row, item.shipped.source)}` : "-"}`,
    `      filing   ${filingLine(item)}`,
  ]);
  section("CONFLICTS (a hand-curated figure differs from the filing)", "conflict", (item) => {
    const shipped = item.shipped as NonNullable<ProposalItem["shipped"]>;
    return [
      `  ! ${item.id} (${item.dataset}): ${item.why}`,
      `      shipped  ${amount(shipped.row)} ${shipped.row.currency} ${shipped.row.qualifier} ${shipped.row.status}${shipped.row.published ? ` "${shipped.row.published}"` : ""}, ${sourceLine(shipped.row, shipped.source)}`,
      `               ${shipped.row.definition ?? "(no definition)"}`,
      `      filing   ${filingLine(item)}`,
      `               ${item.row.definition ?? ""}`,
    ];
  });
  section("CONFIRMS (a hand-curated figure the filing agrees with)", "confirms", (item) => [`  = ${item.id} (${item.dataset}): ${amount(item.row)} ${item.row.currency}, now ${sourceLine(item.shipped?.row ?? item.row, item.shipped?.source ?? null)}`]);
  if (proposal.restatements.length > 0) {
    lines.push("", `RESTATEMENTS (${proposal.restatements.length}; the latest filed value is the one proposed)`);
    for (const r of proposal.restatements) lines.push(`  ${r.company} ${r.metric} ${r.period}: ${r.values.map((v) => `${groupDigits(v.value)} (${v.source}, filed ${v.filed})`).join(" → ")}`);
  }
  if (proposal.notes.length > 0) lines.push("", `NOTES (${proposal.notes.length})`, ...proposal.notes.map((n) => `  ${n}`));
  lines.push(
    "",
    proposal.items.length === 0
      ? "Nothing to apply: the shipped data already holds every imported figure."
      : `Apply: npm run data:import -- apply ${file} --accept all   (all = new and changed; conflicts and confirms only when named: --accept conflicts, --accept confirms, or item ids)`,
  );
  return lines;
}
