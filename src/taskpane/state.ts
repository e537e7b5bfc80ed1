/* The pane's state and every change to it, as a pure reducer: the entry dispatches events (user
 * actions, results of Excel and the feed) and renders the state; tests drive it without a DOM. */
import type { Bilingual, Dataset } from "../core/data/schema";
import { isRateRow } from "../core/data/catalog";
import { companyName } from "../core/data/companies";
import { metricLabel, qualifierLabel, rateKindLabel } from "../core/data/metrics";
import { groupDigits } from "../core/data/vocabulary";
import { fxSourceText } from "../core/fx/cite";
import { isIsoDay, isoToDayNumber } from "../core/fx/ecb";
import { parsePeriod } from "../core/fx/period";
import type { FxBasis, FxData, FxSourceChoice } from "../core/fx/rates";
import { newerLatest, referenceRate } from "../core/fx/reference";
import { fxDataInUse } from "../shared/fx-data";
import type { Language } from "../core/messages";
import { statusText } from "../core/sheet/plan";
import type { ReferenceChoice } from "../shared/reference-rate";
import type { UnitChoice } from "../core/sheet/clean";
import type { UnitUsed } from "./excel/clean";
import { validateFeedUrl, type FeedUrlCheck } from "./feed";
import { t, type UiKey, type UiMessage, type UiParams } from "./i18n";
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

/**
 * A question the pane asks before it acts: what a refresh found in AIFIN's cells (restore the data,
 * or keep the edits), or a load of a dataset already in the workbook (refresh that table, or add
 * a copy).
 */
export type Ask =
  | { readonly kind: "refresh"; readonly tables: readonly string[]; readonly lines: readonly UiMessage[] }
  | { readonly kind: "load"; readonly datasetId: string; readonly table: string; readonly lines: readonly UiMessage[] };

export interface SettingsDraft {
  /** The latest rate (pinned to its day once the workbook uses it), a date, a period on a basis, or a typed rate. */
  readonly referenceKind: "latest" | "date" | "period" | "manual";
  readonly dateText: string;
  readonly periodText: string;
  readonly basis: FxBasis;
  readonly source: FxSourceChoice | "auto";
  readonly manualText: string;
  /** The user confirmed a typed rate outside 100–10,000 KRW per USD. */
  readonly manualConfirmed: boolean;
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
  /** A refresh's or a load's question, until the user answers. */
  readonly ask: Ask | null;
  readonly reference: ReferenceChoice | null;
  readonly feedUrl: string | null;
  /** The origins the page's Content-Security-Policy lets the pane fetch from (null: not restricted). */
  readonly feedOrigins: readonly string[] | null;
  readonly draft: SettingsDraft;
  /** Today (ISO date), for the age of the rates. */
  readonly today: string;
  /** The last day of the rates in use (bundle or feed); bumps re-render the settings. */
  readonly ratesLast: string;
}

export type Event =
  | { readonly type: "started"; readonly lang: Language; readonly inExcel: boolean; readonly records: readonly TableRecord[]; readonly reference: ReferenceChoice | null; readonly feedUrl: string | null; readonly today?: string }
  | { readonly type: "rates"; readonly last: string }
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
  | { readonly type: "ask"; readonly ask: Ask | null }
  | { readonly type: "dismiss" }
  | { readonly type: "language"; readonly lang: Language }
  | { readonly type: "draft"; readonly draft: Partial<SettingsDraft> }
  | { readonly type: "referenceSaved"; readonly reference: ReferenceChoice | null }
  | { readonly type: "feedSaved"; readonly feedUrl: string | null };

function draftFor(reference: ReferenceChoice | null, feedUrl: string | null): SettingsDraft {
  return {
    referenceKind: reference === null ? "latest" : reference.kind,
    dateText: reference?.kind === "date" ? reference.day : "",
    periodText: reference?.kind === "period" ? reference.period : "",
    basis: reference?.kind === "period" ? (reference.basis ?? "average") : "average",
    source: reference?.kind === "period" ? (reference.source ?? "auto") : "auto",
    manualText: reference?.kind === "manual" ? String(reference.rate) : "",
    manualConfirmed: false,
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
    ask: null,
    reference: null,
    feedUrl: null,
    feedOrigins,
    draft: draftFor(null, null),
    today: new Date(0).toISOString().slice(0, 10),
    ratesLast: fxDataInUse().series.meta.last,
  };
}

/**
 * The next state after an event. Pure: no Office, no DOM.
 * @example reduce(initialState("en"), { type: "filter", text: "naver" }).filter // "naver"
 */
export function reduce(state: State, event: Event): State {
  switch (event.type) {
    case "started":
      return { ...state, lang: event.lang, inExcel: event.inExcel, records: event.records, reference: event.reference, feedUrl: event.feedUrl, draft: draftFor(event.reference, event.feedUrl), today: event.today ?? state.today };
    case "rates":
      return { ...state, ratesLast: event.last };
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
    case "ask":
      return { ...state, busy: null, ask: event.ask };
    case "dismiss":
      return { ...state, status: null };
    case "language":
      return { ...state, lang: event.lang };
    case "draft": {
      // A confirmation is for the rate it was given for: typing another one asks again.
      const manualConfirmed = event.draft.manualText !== undefined && event.draft.manualText !== state.draft.manualText ? false : (event.draft.manualConfirmed ?? state.draft.manualConfirmed);
      return { ...state, draft: { ...state.draft, ...event.draft, manualConfirmed } };
    }
    case "referenceSaved":
      return { ...state, reference: event.reference, draft: { ...state.draft, ...draftFor(event.reference, state.feedUrl), feedText: state.draft.feedText } };
    case "feedSaved":
      return { ...state, feedUrl: event.feedUrl, draft: { ...state.draft, feedText: event.feedUrl ?? "" } };
  }
}

/** True while an action runs: every action button is disabled. */
export function isBusy(state: State): boolean {
  return state.busy !== null || state.cleanQuestion !== null || state.ask !== null;
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
 * @example visibleEntries({ ...state, filter: "naver" }).map((e) => e.id) // ["korea-ai-investment"]
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
  /** What the source's words say of the figure ("over", "up to", "guidance"), or null for an exact figure or a range. */
  readonly qualifier: string | null;
  /** The day guidance or an expectation was given, or null. */
  readonly given: string | null;
  readonly status: string;
  readonly unconfirmed: boolean;
  readonly source: string;
  readonly quote: string | null;
}

function money(value: number, currency: "USD" | "KRW"): string {
  return `${currency === "USD" ? "$" : "₩"}${groupDigits(value)}`;
}

/**
 * The first rows of a dataset as the preview shows them, each with its source and quote, and the
 * qualifier the source gave it (never a bound shown as a plain figure).
 * @param count - rows to show
 */
export function previewRows(entry: CatalogEntry, lang: Language, count = 5): PreviewRow[] {
  const { dataset } = entry;
  const sources = new Map(dataset.meta.sources.map((s) => [s.id, s]));
  return dataset.rows.slice(0, count).map((row) => {
    const source = sources.get(row.source);
    const sourceText = source ? (source.published ? `${source.publisher}, ${source.published}` : source.publisher) : row.source;
    const quote = row.quote ?? null;
    const common = { status: statusText(row, lang), unconfirmed: row.status === "unconfirmed", source: sourceText, quote, period: row.period };
    if (isRateRow(row)) {
      return { ...common, company: "USD/KRW", metric: rateKindLabel(row.kind, lang), value: `₩${groupDigits(row.value)}`, qualifier: null, given: null };
    }
    let company: string;
    try {
      company = companyName(row.company, lang);
    } catch {
      company = row.company;
    }
    const value = row.value !== null ? money(row.value, row.currency) : `${money(row.low ?? 0, row.currency)}–${money(row.high ?? 0, row.currency)}`;
    const qualifier = row.qualifier === "exact" || row.qualifier === "range" ? null : qualifierLabel(row.qualifier, lang);
    return { ...common, company, metric: metricLabel(row.metric, lang), value, qualifier, given: row.given ?? null };
  });
}

/** A rate and the sentence that states it (FX_SOURCE's words). */
export interface RateInUse {
  readonly rate: number;
  readonly text: string;
  /** The workbook's choice cannot be served by the rates in use (a pinned day after their end…): the latest rate stands in, and the pane says so. */
  readonly stale: boolean;
}

/**
 * The rate in force for a choice, stated as FX_SOURCE states it.
 * @param choice - the workbook's choice, or null (the latest rate)
 * @param lang - the sentence's language
 * @param data - the rates (default: those in use)
 */
export function rateInUse(choice: ReferenceChoice | null, lang: Language = "en", data: FxData = fxDataInUse()): RateInUse {
  const state = (c: ReferenceChoice | null, stale: boolean): RateInUse => {
    const found = referenceRate(data, c);
    const text = found.quote ? fxSourceText(found.quote, data, lang) : t("manualSource", lang, { rate: groupDigits(found.value) });
    return { rate: found.value, text, stale };
  };
  try {
    return state(choice, false);
  } catch {
    return state(null, true);
  }
}

/** Days from `from` to `to` (ISO dates). */
function daysBetween(from: string, to: string): number {
  return isoToDayNumber(to) - isoToDayNumber(from);
}

/**
 * What the settings say of the rates themselves: the last day covered, and whether it is more
 * than 30 days older than today ("rates end 2026-04-13: refresh").
 */
export function ratesAge(state: State, data: FxData = fxDataInUse()): { readonly last: string; readonly old: boolean } {
  const last = data.series.meta.last;
  return { last, old: isIsoDay(state.today) && daysBetween(last, state.today) > 30 };
}

/** Newer rates than the day a workbook's "latest" is pinned to: the offer to move, with both rates. */
export function moveOffer(state: State, data: FxData = fxDataInUse()): { readonly fromDay: string; readonly fromRate: number; readonly toDay: string; readonly toRate: number } | null {
  const newer = newerLatest(data, state.reference);
  if (!newer || newer.from.basis !== "day" || newer.to.basis !== "day") return null;
  return { fromDay: newer.from.day, fromRate: newer.from.value, toDay: newer.to.day, toRate: newer.to.value };
}

/** A typed rate: digits with an optional decimal part, thousands grouped by commas only in threes ("1,350.5"). */
const TYPED_RATE = /^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

/** The plausible range of a typed rate, KRW per USD: outside it the pane asks before applying. */
export const PLAUSIBLE_RATE = { low: 100, high: 10_000 } as const;

/** The reference choice the settings form describes, or why it is not one (`confirm`: the user must confirm first). */
export function referenceDraft(state: State): { readonly ok: true; readonly choice: ReferenceChoice | null } | { readonly ok: false; readonly key: UiKey; readonly params?: UiParams; readonly confirm?: boolean } {
  const { draft } = state;
  const data = fxDataInUse();
  switch (draft.referenceKind) {
    case "latest":
      return { ok: true, choice: { kind: "latest", day: data.series.meta.last } };
    case "date": {
      const day = draft.dateText.trim();
      if (!isIsoDay(day)) return { ok: false, key: "dateInvalid" };
      const choice: ReferenceChoice = { kind: "date", day };
      try {
        referenceRate(data, choice);
      } catch {
        return { ok: false, key: "dateNoRate", params: { first: data.series.meta.first, last: data.series.meta.last } };
      }
      return { ok: true, choice };
    }
    case "period": {
      const text = draft.periodText.trim();
      let ok = false;
      try {
        ok = text !== "" && parsePeriod(text).kind !== "day";
      } catch {
        ok = false;
      }
      if (!ok) return { ok: false, key: "periodInvalid" };
      const choice: ReferenceChoice = { kind: "period", period: text, basis: draft.basis, ...(draft.source === "auto" ? {} : { source: draft.source }) };
      try {
        referenceRate(data, choice);
      } catch {
        return { ok: false, key: "periodNoRate" };
      }
      return { ok: true, choice };
    }
    case "manual": {
      const text = draft.manualText.trim();
      if (!TYPED_RATE.test(text)) return { ok: false, key: "manualInvalid" };
      const rate = Number(text.replace(/,/g, ""));
      if (!(Number.isFinite(rate) && rate > 0)) return { ok: false, key: "manualInvalid" };
      if ((rate < PLAUSIBLE_RATE.low || rate > PLAUSIBLE_RATE.high) && !draft.manualConfirmed) return { ok: false, key: "manualConfirm", params: { rate: text }, confirm: true };
      return { ok: true, choice: { kind: "manual", rate } };
    }
  }
}

/** The feed URL the settings form holds, checked (https, and an origin this build's policy allows). */
export function feedDraft(state: State): FeedUrlCheck {
  return validateFeedUrl(state.draft.feedText, state.feedOrigins);
}

/** A message with parameters, for events. */
export function msg(key: UiKey, params?: UiParams): UiMessage {
  return params === undefined ? { key } : { key, params };
}
