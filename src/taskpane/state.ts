/* The pane's state and every change to it, as a pure reducer: the entry dispatches events (user
 * actions, results of Excel and the feed) and renders the state; tests drive it without a DOM. */
import type { Bilingual, Dataset } from "../core/data/schema";
import { isRateRow } from "../core/data/catalog";
import { companyName } from "../core/data/companies";
import { metricLabel } from "../core/data/metrics";
import { groupDigits } from "../core/data/vocabulary";
import { fxRate, ratePeriods } from "../core/fx/rates";
import type { Language } from "../core/messages";
import { statusText } from "../core/sheet/plan";
import type { ReferenceChoice } from "../shared/reference-rate";
import type { UnitChoice } from "../core/sheet/clean";
import type { UnitUsed } from "./excel/clean";
import { validateFeedUrl, type FeedUrlCheck } from "./feed";
import type { UiKey, UiMessage, UiParams } from "./i18n";
import type { TableRecord } from "./records";

export type View = "datasets" | "clean" | "settings";
export type LoadTarget = "newSheet" | "selection";
export type Tone = "info" | "success" | "warning" | "error";

/** A dataset the pane offers, with what the list and the filter show. */
export interface CatalogEntry {
  readonly id: string;
  readonly title: Bilingual;
  readonly version: string;
  readonly asOf: string;
  readonly rows: number;
  readonly sources: number;
  readonly unconfirmed: number;
  /** sha256 of the feed file; null for the data built into the add-in. */
  readonly hash: string | null;
  readonly dataset: Dataset;
  /** What the filter matches (lower case): id, titles, company and metric names in both languages. */
  readonly search: string;
}

export interface Busy {
  readonly message: UiMessage;
  /** Requests written so far and in all, once writing has started. */
  readonly done: number | null;
  readonly total: number | null;
}

export interface Status {
  readonly tone: Tone;
  readonly lines: readonly UiMessage[];
}

/** What the cleaner asks before writing: what stands in the way, and what the user may do. */
export interface CleanQuestion {
  /** The sentences saying where the cleaned amounts would go and what is there. */
  readonly lines: readonly UiMessage[];
  /** Only values stand in the way: the user may overwrite them. */
  readonly overwrite: boolean;
  /** The next free columns, which the user may write to instead (their first column and address). */
  readonly free: { readonly column: number; readonly address: string } | null;
}

/** The charts the pane offers when a table holds several metrics or currencies: the user picks one. */
export interface ChartChoice {
  readonly table: string;
  readonly options: readonly { readonly key: string; readonly metric: string; readonly currency: string; readonly figures: number }[];
}

export interface SettingsDraft {
  readonly referenceKind: "default" | "period" | "manual";
  readonly period: string;
  readonly manualText: string;
  readonly feedText: string;
}

export interface State {
  readonly lang: Language;
  readonly view: View;
  /** False until Office says the pane runs in Excel. */
  readonly inExcel: boolean;
  readonly filter: string;
  readonly selectedId: string | null;
  readonly target: LoadTarget;
  readonly catalog: { readonly origin: "feed" | "embedded" | "none"; readonly entries: readonly CatalogEntry[]; readonly note: UiMessage | null };
  readonly records: readonly TableRecord[];
  readonly busy: Busy | null;
  readonly status: Status | null;
  /** The cleaner's question (what stands where it would write), until the user answers. */
  readonly cleanQuestion: CleanQuestion | null;
  /** The cleaner's unit and currency pickers (null: automatic, from the headers). */
  readonly cleanUnit: UnitChoice;
  /** The unit the last clean read plain numbers in, and where it came from. */
  readonly cleanDetected: UnitUsed | null;
  /** The metrics and currencies a table's chart may show, until the user picks one. */
  readonly chartChoice: ChartChoice | null;
  readonly reference: ReferenceChoice | null;
  readonly feedUrl: string | null;
  /** The origins the page's Content-Security-Policy lets the pane fetch from (null: not restricted). */
  readonly feedOrigins: readonly string[] | null;
  readonly draft: SettingsDraft;
}

export type Event =
  | { readonly type: "started"; readonly lang: Language; readonly inExcel: boolean; readonly records: readonly TableRecord[]; readonly reference: ReferenceChoice | null; readonly feedUrl: string | null }
  | { readonly type: "catalog"; readonly origin: "feed" | "embedded"; readonly entries: readonly CatalogEntry[]; readonly note: UiMessage | null }
  | { readonly type: "view"; readonly view: View }
  | { readonly type: "filter"; readonly text: string }
  | { readonly type: "select"; readonly id: string }
  | { readonly type: "target"; readonly target: LoadTarget }
  | { readonly type: "busy"; readonly message: UiMessage }
  | { readonly type: "progress"; readonly done: number; readonly total: number }
  | { readonly type: "done"; readonly tone: Tone; readonly lines: readonly UiMessage[] }
  | { readonly type: "records"; readonly records: readonly TableRecord[] }
  | { readonly type: "cleanQuestion"; readonly question: CleanQuestion }
  | { readonly type: "confirmClosed" }
  | { readonly type: "cleanUnit"; readonly unit: Partial<UnitChoice> }
  | { readonly type: "cleanDetected"; readonly unit: UnitUsed }
  | { readonly type: "chartChoice"; readonly choice: ChartChoice | null }
  | { readonly type: "dismiss" }
  | { readonly type: "language"; readonly lang: Language }
  | { readonly type: "draft"; readonly draft: Partial<SettingsDraft> }
  | { readonly type: "referenceSaved"; readonly reference: ReferenceChoice | null }
  | { readonly type: "feedSaved"; readonly feedUrl: string | null };

function draftFor(reference: ReferenceChoice | null, feedUrl: string | null): SettingsDraft {
  return {
    referenceKind: reference === null ? "default" : reference.kind,
    period: reference?.kind === "period" ? reference.period : (ratePeriods()[0] ?? ""),
    manualText: reference?.kind === "manual" ? String(reference.rate) : "",
    feedText: feedUrl ?? "",
  };
}

/**
 * The state before Office is ready.
 * @param feedOrigins - the origins the page may fetch from (allowedFeedOrigins), null when not restricted
 */
export function initialState(lang: Language, feedOrigins: readonly string[] | null = null): State {
  return {
    lang,
    view: "datasets",
    inExcel: false,
    filter: "",
    selectedId: null,
    target: "newSheet",
    catalog: { origin: "none", entries: [], note: null },
    records: [],
    busy: null,
    status: null,
    cleanQuestion: null,
    cleanUnit: { power: null, currency: null },
    cleanDetected: null,
    chartChoice: null,
    reference: null,
    feedUrl: null,
    feedOrigins,
    draft: draftFor(null, null),
  };
}

/**
 * The next state after an event. Pure: no Office, no DOM.
 * @example reduce(initialState("en"), { type: "filter", text: "naver" }).filter // "naver"
 */
export function reduce(state: State, event: Event): State {
  switch (event.type) {
    case "started":
      return { ...state, lang: event.lang, inExcel: event.inExcel, records: event.records, reference: event.reference, feedUrl: event.feedUrl, draft: draftFor(event.reference, event.feedUrl) };
    case "catalog": {
      const selectedId = event.entries.some((e) => e.id === state.selectedId) ? state.selectedId : (event.entries[0]?.id ?? null);
      return { ...state, catalog: { origin: event.origin, entries: event.entries, note: event.note }, selectedId };
    }
    case "view":
      return { ...state, view: event.view };
    case "filter":
      return { ...state, filter: event.text };
    case "select":
      return state.catalog.entries.some((e) => e.id === event.id) ? { ...state, selectedId: event.id } : state;
    case "target":
      return { ...state, target: event.target };
    case "busy":
      return { ...state, busy: { message: event.message, done: null, total: null }, status: null };
    case "progress":
      return state.busy ? { ...state, busy: { ...state.busy, done: event.done, total: event.total } } : state;
    case "done":
      return { ...state, busy: null, status: { tone: event.tone, lines: event.lines } };
    case "records":
      return { ...state, records: event.records };
    case "cleanQuestion":
      return { ...state, busy: null, cleanQuestion: event.question };
    case "confirmClosed":
      return { ...state, cleanQuestion: null };
    case "cleanUnit":
      return { ...state, cleanUnit: { ...state.cleanUnit, ...event.unit } };
    case "cleanDetected":
      return { ...state, cleanDetected: event.unit };
    case "chartChoice":
      return { ...state, chartChoice: event.choice };
    case "dismiss":
      return { ...state, status: null };
    case "language":
      return { ...state, lang: event.lang };
    case "draft":
      return { ...state, draft: { ...state.draft, ...event.draft } };
    case "referenceSaved":
      return { ...state, reference: event.reference, draft: { ...state.draft, ...draftFor(event.reference, state.feedUrl), feedText: state.draft.feedText } };
    case "feedSaved":
      return { ...state, feedUrl: event.feedUrl, draft: { ...state.draft, feedText: event.feedUrl ?? "" } };
  }
}

/** True while an action runs: every action button is disabled. */
export function isBusy(state: State): boolean {
  return state.busy !== null || state.cleanQuestion !== null;
}

/**
 * A catalog entry for a dataset: counts for the list, and what the filter matches.
 * @param hash - the feed file's sha256, or null for built-in data
 */
export function catalogEntry(dataset: Dataset, hash: string | null): CatalogEntry {
  const names = new Set<string>([dataset.meta.id, dataset.meta.title.en, dataset.meta.title.ko]);
  for (const row of dataset.rows) {
    if (isRateRow(row)) {
      names.add("usd krw 환율");
      continue;
    }
    for (const lang of ["en", "ko"] as const) {
      try {
        names.add(companyName(row.company, lang));
      } catch {
        names.add(row.company);
      }
      names.add(metricLabel(row.metric, lang));
    }
  }
  return {
    id: dataset.meta.id,
    title: dataset.meta.title,
    version: dataset.meta.version,
    asOf: dataset.meta.asOf,
    rows: dataset.rows.length,
    sources: dataset.meta.sources.length,
    unconfirmed: dataset.rows.filter((r) => r.status === "unconfirmed").length,
    hash,
    dataset,
    search: [...names].join(" \u0000 ").toLowerCase(),
  };
}

/**
 * The entries the filter lets through: every word typed must appear (case ignored, either language).
 * @example visibleEntries({ ...state, filter: "naver" }).map((e) => e.id) // ["column-2024", "korea-ai-investment"]
 */
export function visibleEntries(state: State): readonly CatalogEntry[] {
  const words = state.filter.toLowerCase().split(/\s+/).filter((w) => w !== "");
  if (words.length === 0) return state.catalog.entries;
  return state.catalog.entries.filter((e) => words.every((w) => e.search.includes(w)));
}

/** The selected entry, if the filter still shows it. */
export function selectedEntry(state: State): CatalogEntry | null {
  return visibleEntries(state).find((e) => e.id === state.selectedId) ?? null;
}

/** One preview row: the figure and where it comes from. */
export interface PreviewRow {
  readonly company: string;
  readonly metric: string;
  readonly period: string;
  readonly value: string;
  readonly status: string;
  readonly unconfirmed: boolean;
  readonly source: string;
  readonly quote: string | null;
}

function money(value: number, currency: "USD" | "KRW"): string {
  return `${currency === "USD" ? "$" : "₩"}${groupDigits(value)}`;
}

/**
 * The first rows of a dataset as the preview shows them, each with its source and quote.
 * @param count - rows to show
 */
export function previewRows(entry: CatalogEntry, lang: Language, count = 5): PreviewRow[] {
  const { dataset } = entry;
  const sources = new Map(dataset.meta.sources.map((s) => [s.id, s]));
  return dataset.rows.slice(0, count).map((row) => {
    const source = sources.get(row.source);
    const sourceText = source ? (source.published ? `${source.publisher}, ${source.published}` : source.publisher) : row.source;
    const quote = row.quote ?? source?.quote ?? null;
    const common = { status: statusText(row, lang), unconfirmed: row.status === "unconfirmed", source: sourceText, quote, period: row.period };
    if (isRateRow(row)) {
      return { ...common, company: "USD/KRW", metric: row.kind, value: `₩${groupDigits(row.value)}` };
    }
    let company: string;
    try {
      company = companyName(row.company, lang);
    } catch {
      company = row.company;
    }
    const value = row.value !== null ? money(row.value, row.currency) : `${money(row.low ?? 0, row.currency)}–${money(row.high ?? 0, row.currency)}`;
    return { ...common, company, metric: metricLabel(row.metric, lang), value };
  });
}

/** A rate and the words that say where it comes from. */
export interface RateInUse {
  readonly rate: number;
  readonly source: UiMessage | string;
}

/**
 * The rate in force for a choice: the manual rate, the period's rate, or the data's reference.
 * A period the data no longer has falls back to the reference (and says so).
 */
export function rateInUse(choice: ReferenceChoice | null): RateInUse & { readonly stale: boolean } {
  if (choice?.kind === "manual") return { rate: choice.rate, source: { key: "manualSource" }, stale: false };
  if (choice?.kind === "period") {
    try {
      const found = fxRate(choice.period);
      return { rate: found.value, source: `${found.row.period}, ${found.source.publisher}`, stale: false };
    } catch {
      const reference = fxRate();
      return { rate: reference.value, source: `${reference.row.period}, ${reference.source.publisher}`, stale: true };
    }
  }
  const reference = fxRate();
  return { rate: reference.value, source: `${reference.row.period}, ${reference.source.publisher}`, stale: false };
}

/** The reference choice the settings form describes, or why it is not one. */
export function referenceDraft(state: State): { readonly ok: true; readonly choice: ReferenceChoice | null } | { readonly ok: false; readonly key: UiKey } {
  const { draft } = state;
  if (draft.referenceKind === "default") return { ok: true, choice: null };
  if (draft.referenceKind === "period") {
    return ratePeriods().includes(draft.period) ? { ok: true, choice: { kind: "period", period: draft.period } } : { ok: false, key: "periodInvalid" };
  }
  const text = draft.manualText.replace(/[\s,]/g, "");
  const rate = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  return Number.isFinite(rate) && rate > 0 && rate < 1_000_000 ? { ok: true, choice: { kind: "manual", rate } } : { ok: false, key: "manualInvalid" };
}

/** The feed URL the settings form holds, checked (https, and an origin this build's policy allows). */
export function feedDraft(state: State): FeedUrlCheck {
  return validateFeedUrl(state.draft.feedText, state.feedOrigins);
}

/** A message with parameters, for events. */
export function msg(key: UiKey, params?: UiParams): UiMessage {
  return params === undefined ? { key } : { key, params };
}
