/* What each button does, from the click to the status line: one Excel.run per user action, the
 * feed checked completely before the workbook is touched. Every effect (Excel.run, the network,
 * the clock, the shared reference-rate slot) comes in through Deps, so the flows are tested with
 * the simulated workbook and a fake feed. */
import type { Dataset } from "../core/data/schema";
import type { ReferenceChoice } from "../shared/reference-rate";
import type { Cell, ChartOption, TableColumn } from "../core/sheet";
import { groupDigits } from "../core/data/vocabulary";
import { excelSerialToDate } from "../core/fx/period";
import { insertChart } from "./excel/chart";
import { cleanSelection } from "./excel/clean";
import { cleanedLines, cleanQuestion } from "./clean-messages";
import { LoadFailedError, loadDataset } from "./excel/load";
import { RefreshFailedError, refreshTables, type CellReport, type RefreshItem, type Repairs, type TableOutcome } from "./excel/refresh";
import { readWorkbookState, recalculate, saveReferenceChoice, saveSetting, type WorkbookState } from "./excel/settings";
import { compareVersions, feedBase, feedOriginAllowed, fetchFeedDatasets, fetchFeedIndex, fetchFeedRates, findDowngrade, type FeedFailure, type FeedIO, type FeedResult, type RatesEntry } from "./feed";
import type { PackedRates } from "../core/fx/ecb";
import { rateText } from "../core/fx/cite";
import { fxDataInUse } from "../shared/fx-data";
import { languageFor, t, type UiMessage } from "./i18n";
import { SETTING_KEYS } from "./records";
import type { Language } from "../core/messages";
import { catalogEntry, feedDraft, moveOffer, msg, rateInUse, referenceDraft, selectedEntry, type Ask, type Event, type State } from "./state";
import type { TableRecord } from "./records";

export interface Deps {
  /** Excel.run: called once per user action. */
  readonly excel: <T>(action: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  readonly io: FeedIO;
  /** The time now, ISO 8601. */
  readonly now: () => string;
  /** The pane page's URL (the default feed is "datasets/" beside it). */
  readonly pageUrl: string;
  /** The shared-runtime slot the custom functions read their default rate from. */
  readonly setReferenceChoice: (choice: ReferenceChoice | null) => void;
  /** Puts newer ECB rates from the feed where the functions read them. */
  readonly setRates: (rates: PackedRates) => void;
  /** Registers the listener the functions call when they use the unpinned latest rate. */
  readonly onLatestUsed: (listener: ((day: string) => void) | null) => void;
  /** The datasets built into the add-in (shown when the feed cannot be read). */
  readonly embedded: () => readonly Dataset[];
  readonly dispatch: (event: Event) => void;
  readonly state: () => State;
}

function detail(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The sentence for a feed that could not be used. */
export function feedFailureMessage(failure: FeedFailure): UiMessage {
  switch (failure.kind) {
    case "offline":
      return msg("feedOffline", { url: failure.url });
    case "timeout":
      return msg("feedTimeout", { url: failure.url, seconds: failure.seconds });
    case "http":
      return msg("feedHttp", { url: failure.url, status: failure.status });
    case "tooLarge":
      return msg("feedTooLarge", { url: failure.url, limit: Math.round((failure.limitBytes / (1024 * 1024)) * 10) / 10 });
    case "notJson":
      return failure.id === null ? msg("feedIndexNotJson", { problem: failure.problem }) : msg("feedFileNotJson", { dataset: failure.id, problem: failure.problem });
    case "badIndex":
      return msg("feedBadIndex", { problem: failure.problem });
    case "badFile":
      return msg("feedBadFile", { dataset: failure.id, problem: failure.problem });
    case "hashMismatch":
      return msg("feedHashMismatch", { dataset: failure.id });
    case "mismatch":
      return msg("feedMismatch", { dataset: failure.id, found: failure.found, version: failure.version });
    case "downgrade":
      return msg("feedDowngrade", { dataset: failure.id, loaded: failure.loaded, offered: failure.offered });
    case "blocked":
      return msg("feedBlocked", { url: failure.url, origins: failure.origins });
  }
}

/** The feed folder in force (settings, else beside the page), or why this build's page may not read it. */
function feedFolder(deps: Deps): FeedResult<string> {
  const state = deps.state();
  const base = feedBase(state.feedUrl, deps.pageUrl);
  if (feedOriginAllowed(base, state.feedOrigins)) return { ok: true, value: base };
  return { ok: false, failure: { kind: "blocked", url: base, origins: (state.feedOrigins ?? []).join(", ") } };
}

/** The versions loaded in the workbook, which a feed may not go back from. */
function loadedVersions(state: State): Array<{ id: string; version: string }> {
  return state.records.map((r) => ({ id: r.datasetId, version: r.version }));
}

function titleOf(deps: Deps, datasetId: string): string {
  const s = deps.state();
  const id = currentId(deps, datasetId);
  const entry = s.catalog.entries.find((e) => e.id === id);
  return entry ? entry.title[s.lang] : datasetId;
}

/** A dataset's id now: a former id (a table loaded before the dataset was renamed) gives the current one. */
function currentId(deps: Deps, datasetId: string): string {
  const renamed = [...deps.state().catalog.entries.map((e) => e.dataset), ...deps.embedded()].find((d) => d.meta.id !== datasetId && (d.meta.formerIds ?? []).includes(datasetId));
  return renamed ? renamed.meta.id : datasetId;
}

/** A copy of a version of a dataset held here (the catalogue read from the feed, or the built-in data), or null. */
function heldVersion(deps: Deps, datasetId: string, version: string): Dataset | null {
  const id = currentId(deps, datasetId);
  const inCatalog = deps.state().catalog.entries.find((e) => e.id === id && e.version === version);
  if (inCatalog) return inCatalog.dataset;
  return deps.embedded().find((d) => (d.meta.id === id || d.meta.id === datasetId) && d.meta.version === version) ?? null;
}

/** What became of the feed's rates: none newer than those in use, installed (to their last day), or refused. */
type RatesOutcome = { readonly kind: "none" } | { readonly kind: "installed"; readonly last: string } | { readonly kind: "failed"; readonly failure: FeedFailure };

/**
 * Installs the feed's ECB rates when they reach later than the rates in use (checked like any
 * feed file), then recalculates the workbook so functions with an explicit period see them. A
 * workbook pinned to an earlier day keeps its reference rate: the settings offer the move.
 * @param entry - the index's rates entry, or null when the feed lists none
 * @returns what happened; on a failure the rates in use stay
 */
async function installNewerRates(deps: Deps, base: string, entry: RatesEntry | null | undefined): Promise<RatesOutcome> {
  if (!entry) return { kind: "none" };
  const inUse = fxDataInUse().series.meta;
  if (compareVersions(entry.version, inUse.version) <= 0) return { kind: "none" };
  const fetched = await fetchFeedRates(deps.io, base, entry);
  if (!fetched.ok) return { kind: "failed", failure: fetched.failure };
  deps.setRates(fetched.value);
  deps.dispatch({ type: "rates", last: fetched.value.meta.last });
  if (deps.state().inExcel) {
    try {
      await deps.excel((context) => recalculate(context));
    } catch {
      // The next edit recalculates; the rates are in place either way.
    }
  }
  return { kind: "installed", last: fetched.value.meta.last };
}

/** The status line for rates the feed offered, or null when it offered none newer. */
function ratesLine(deps: Deps, outcome: RatesOutcome): UiMessage | null {
  if (outcome.kind === "none") return null;
  if (outcome.kind === "installed") return msg("ratesUpdated", { last: outcome.last });
  const sentence = feedFailureMessage(outcome.failure);
  return msg("ratesNotUpdated", { reason: t(sentence.key, deps.state().lang, sentence.params) });
}

/**
 * Reads the list of datasets: the feed's (every file checked, no version older than one loaded in
 * the workbook), or, when the feed cannot be used, the last good list the pane holds (read from
 * a feed earlier) or else the built-in data, with the reason.
 */
export async function loadCatalog(deps: Deps): Promise<void> {
  const folder = feedFolder(deps);
  const base = folder.ok ? folder.value : "";
  const index = folder.ok ? await fetchFeedIndex(deps.io, base) : folder;
  let failure: FeedFailure | undefined;
  if (!index.ok) failure = index.failure;
  else {
    const downgrade = findDowngrade(index.value, loadedVersions(deps.state()));
    if (downgrade) failure = downgrade;
    else {
      const files = await fetchFeedDatasets(deps.io, base, index.value);
      if (files.ok) {
        const rates = await installNewerRates(deps, base, index.rates);
        const entries = index.value.flatMap((e) => {
          const got = files.value.get(e.id);
          return got ? [catalogEntry(got.dataset, got.hash)] : [];
        });
        deps.dispatch({ type: "catalog", origin: "feed", entries, note: msg("catalogFromFeed", { host: new URL(base).host }) });
        // New rates arrive quietly (the settings show them); refused ones are said.
        const line = rates.kind === "failed" ? ratesLine(deps, rates) : null;
        if (line) deps.dispatch({ type: "done", tone: "warning", lines: [line] });
        return;
      }
      failure = files.failure;
    }
  }
  const state = deps.state();
  const sentence = feedFailureMessage(failure as FeedFailure);
  const reason = t(sentence.key, state.lang, sentence.params);
  if (state.catalog.origin === "feed") {
    // The last good data stays: the same entries, only the note says why they were not renewed.
    deps.dispatch({ type: "catalog", origin: "feed", entries: state.catalog.entries, note: msg("catalogLastGood", { reason }) });
    return;
  }
  deps.dispatch({ type: "catalog", origin: "embedded", entries: deps.embedded().map((d) => catalogEntry(d, null)), note: msg("catalogEmbedded", { reason }) });
}

/**
 * Starts the pane: reads the workbook's settings, puts the saved reference rate in the shared
 * runtime and recalculates (one Excel.run), picks the language, then reads the catalog.
 * @param displayLanguage - Office.context.displayLanguage
 * @param inExcel - false when the page runs outside Excel (a browser preview)
 */
export async function start(deps: Deps, displayLanguage: string | null, inExcel: boolean): Promise<void> {
  let workbook: WorkbookState = { records: [], droppedRecords: 0, reference: null, feedUrl: null, language: null };
  const lines: UiMessage[] = [];
  if (inExcel) {
    try {
      workbook = await deps.excel(async (context) => {
        const read = await readWorkbookState(context);
        // Known now, pinned or not: functions waiting for the workbook's rate go on.
        deps.setReferenceChoice(read.reference);
        if (read.reference) await recalculate(context);
        return read;
      });
    } catch (error) {
      lines.push(msg("excelFailedRead", { detail: detail(error) }));
    }
  }
  const lang = languageFor(displayLanguage, workbook.language);
  deps.dispatch({ type: "started", lang, inExcel, records: workbook.records, reference: workbook.reference, feedUrl: workbook.feedUrl, today: deps.now().slice(0, 10) });
  if (workbook.reference && rateInUse(workbook.reference).stale) lines.push(msg("referenceStale"));
  if (inExcel && workbook.reference === null) deps.onLatestUsed((day) => void recordLatest(deps, day));
  if (workbook.droppedRecords > 0) lines.push(msg("refreshedDroppedRecords", { count: workbook.droppedRecords }));
  if (!inExcel) lines.push(msg("notInExcel"));
  if (lines.length > 0) deps.dispatch({ type: "done", tone: "warning", lines });
  await loadCatalog(deps);
}

/**
 * Loads the selected dataset where the user chose (new sheet or selected cell). A dataset already in
 * the workbook is not loaded again without asking: refresh that table, or add a copy.
 * @param copy - the user asked for a copy of a dataset already loaded
 */
export async function loadSelected(deps: Deps, copy = false): Promise<void> {
  const state = deps.state();
  const entry = selectedEntry(state);
  if (!entry) {
    deps.dispatch({ type: "done", tone: "warning", lines: [msg("selectFirst")] });
    return;
  }
  const title = entry.title[state.lang];
  const already = copy ? undefined : state.records.find((r) => currentId(deps, r.datasetId) === entry.id);
  if (already) {
    const ask: Ask = { kind: "load", datasetId: entry.id, table: already.tableName, lines: [msg("loadTwice", { title, table: already.tableName, sheet: already.sheetName ?? "?" })] };
    deps.dispatch({ type: "ask", ask });
    return;
  }
  deps.dispatch({ type: "busy", message: msg("busyLoading", { title }) });
  try {
    const result = await deps.excel((context) =>
      loadDataset(context, {
        dataset: entry.dataset,
        lang: state.lang,
        target: state.target,
        hash: entry.hash,
        now: deps.now(),
        onProgress: (done, total) => deps.dispatch({ type: "progress", done, total }),
      }),
    );
    if (result.kind === "targetNotEmpty") {
      const line =
        result.reason === "table"
          ? msg("targetTable", { address: result.address, table: result.table })
          : result.reason === "merged"
            ? msg("targetMerged", { address: result.address })
            : result.reason === "spill"
              ? msg("targetSpill", { address: result.address })
              : msg("targetNotEmpty", { address: result.address });
      deps.dispatch({ type: "done", tone: "warning", lines: [line] });
      return;
    }
    deps.dispatch({ type: "records", records: result.records });
    const lines = [msg("loaded", { rows: result.rows, title, table: result.record.tableName, sheet: result.sheetName })];
    if (entry.unconfirmed > 0) lines.push(msg("loadedUnconfirmed", { count: entry.unconfirmed }));
    deps.dispatch({ type: "done", tone: "success", lines });
  } catch (error) {
    if (error instanceof LoadFailedError) {
      const line = error.restored
        ? msg("loadFailedRestored", { title, detail: detail(error.failure) })
        : msg("loadFailedNotRestored", { title, detail: detail(error.failure), restoreDetail: detail(error.restoreError) });
      deps.dispatch({ type: "done", tone: "error", lines: [line] });
      return;
    }
    deps.dispatch({ type: "done", tone: "error", lines: [msg("excelFailed", { detail: detail(error) })] });
  }
}

/** A cell's content as a report says it: a date as its day, a figure grouped, a blank as "(blank)". */
function shownCell(column: TableColumn, value: Cell, lang: Language): string {
  if (value === "") return t("blankCell", lang);
  if (typeof value === "number") {
    if (column === "given") {
      try {
        const d = excelSerialToDate(value);
        return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
      } catch {
        return String(value);
      }
    }
    return column === "year" ? String(value) : groupDigits(value);
  }
  return String(value);
}

/** Cells named in a status line: "E5 (999)", the first few. */
function cellList(cells: readonly CellReport[], lang: Language): string {
  const shown = cells.slice(0, 5).map((c) => `${c.address} (${shownCell(c.column, c.found, lang)})`);
  return cells.length > 5 ? `${shown.join(", ")}, …` : shown.join(", ");
}

/** The lines of what a refresh repaired or kept besides the data's changes. */
function repairLines(record: TableRecord, repairs: Repairs | null, lang: Language, dataset: (id: string) => string): UiMessage[] {
  if (!repairs) return [];
  const lines: UiMessage[] = [];
  if (repairs.sheetRenamed) lines.push(msg("sheetRenamed", { old: repairs.sheetRenamed[0], sheet: repairs.sheetRenamed[1] }));
  if (repairs.layoutRepaired) lines.push(msg("layoutRepaired", { table: record.tableName }));
  if (repairs.formerId) lines.push(msg("followsDataset", { dataset: dataset(record.datasetId), former: repairs.formerId }));
  if (repairs.restored.length > 0) lines.push(msg("restoredCells", { count: repairs.restored.length, cells: cellList(repairs.restored, lang) }));
  if (repairs.headers.length > 0) lines.push(msg("headersRestored", { headers: repairs.headers.map(([from, to]) => `${from} → ${to}`).join(", ") }));
  if (repairs.columnsAdded.length > 0) lines.push(msg("columnsAdded", { columns: repairs.columnsAdded.join(", ") }));
  if (repairs.rowsRestored > 0) lines.push(msg("rowsRestored", { count: repairs.rowsRestored }));
  if (repairs.kept.length > 0) lines.push(msg("keptCells", { count: repairs.kept.length, cells: cellList(repairs.kept, lang) }));
  if (repairs.rowsKeptOut > 0) lines.push(msg("rowsKeptOut", { count: repairs.rowsKeptOut }));
  return lines;
}

function outcomeMessages(outcome: TableOutcome, lang: Language, dataset: (id: string) => string, recordedVersion: string): UiMessage[] {
  switch (outcome.kind) {
    case "refreshed": {
      const { counts, record, repairs } = outcome;
      const params = { table: record.tableName, updated: counts.updated, added: counts.added, removed: counts.removed, asOf: record.asOf };
      const lines: UiMessage[] = [];
      if (outcome.newVersion) lines.push(outcome.renamedFrom ? msg("refreshedRenamed", { ...params, old: outcome.renamedFrom }) : msg("refreshed", params));
      else lines.push(msg("repairedTable", { table: record.tableName, version: record.version }), ...(outcome.renamedFrom ? [msg("tableRenamed", { old: outcome.renamedFrom })] : []));
      lines.push(...repairLines(record, repairs, lang, dataset));
      if (outcome.newVersion && !repairs.verified) lines.push(msg("notVerified", { version: recordedVersion, now: record.version }));
      if (outcome.sourcesMissing) lines.push(msg("sourcesMissing", { table: record.tableName }));
      return lines;
    }
    case "upToDate": {
      const { record, repairs } = outcome;
      const params = { table: record.tableName, version: record.version, asOf: record.asOf };
      const renamed = outcome.renamedFrom ? [msg("tableRenamed", { old: outcome.renamedFrom })] : [];
      return [repairs?.verified ? msg("upToDateChecked", params) : msg("upToDate", params), ...renamed, ...repairLines(record, repairs, lang, dataset)];
    }
    case "edited":
      return [];
    case "missing":
      if (outcome.sheet === "present") return [msg("tableDeleted", { table: outcome.record.tableName, sheet: outcome.record.sheetName ?? "?" })];
      if (outcome.sheet === "deleted") return [msg("tableSheetDeleted", { table: outcome.record.tableName, sheet: outcome.record.sheetName ?? "?" })];
      return [msg("tableMissing", { table: outcome.record.tableName })];
    case "columnsMissing":
      return [msg("columnsMissing", { table: outcome.record.tableName, columns: outcome.missing.join(", ") })];
    case "filtered":
      return [msg("tableFiltered", { table: outcome.record.tableName })];
  }
}

/** The question for tables whose check found edits: each cell with what the data says, the columns and rows, and the choice. */
function editedLines(outcomes: readonly Extract<TableOutcome, { kind: "edited" }>[], lang: Language): UiMessage[] {
  const lines: UiMessage[] = [];
  for (const o of outcomes) {
    lines.push(msg("editedIntro", { table: o.record.tableName, sheet: o.sheet, version: o.record.version }));
    if (o.renamedFrom) lines.push(msg("tableRenamed", { old: o.renamedFrom }));
    for (const c of o.report.cells.slice(0, 10)) lines.push(msg("editedCell", { address: c.address, found: shownCell(c.column, c.found, lang), expected: shownCell(c.column, c.expected, lang) }));
    if (o.report.cells.length > 10) lines.push(msg("editedMore", { count: o.report.cells.length - 10 }));
    for (const [header, column] of o.report.renamed) lines.push(msg("editedRenamed", { column, header }));
    for (const column of o.report.deleted) lines.push(msg("editedDeleted", { column }));
    if (o.report.cleared > 0) lines.push(msg("editedCleared", { count: o.report.cleared }));
    if (o.report.removed > 0) lines.push(msg("editedRemoved", { count: o.report.removed }));
  }
  lines.push(msg("editedChoice"));
  return lines;
}

/** The user's answer to what a refresh's check found, for the tables it asked about. */
export interface RefreshAnswer {
  readonly tables: readonly string[];
  readonly answer: "restore" | "keep";
}

/**
 * Refreshes one loaded table, or all of them: reads the feed's index, fetches and checks the new
 * versions (and the version each table records, where the pane does not hold it), and only then
 * checks and updates the tables in place (one Excel.run). A feed that cannot be read or checked
 * leaves the workbook untouched. Tables whose cells of AIFIN's were edited are left as they are
 * and the user is asked (the answer comes back here).
 * @param tableName - one table, or undefined for all
 * @param answer - the user's answer to the last question, for the tables it named
 */
export async function refresh(deps: Deps, tableName?: string, answer?: RefreshAnswer): Promise<void> {
  const state = deps.state();
  const records = state.records.filter((r) => (tableName === undefined || r.tableName === tableName) && (answer === undefined || answer.tables.includes(r.tableName)));
  if (records.length === 0) {
    deps.dispatch({ type: "done", tone: "warning", lines: [msg("nothingToRefresh")] });
    return;
  }
  deps.dispatch({ type: "busy", message: msg("busyRefreshing") });
  const folder = feedFolder(deps);
  if (!folder.ok) {
    deps.dispatch({ type: "done", tone: "error", lines: [feedFailureMessage(folder.failure)] });
    return;
  }
  const base = folder.value;
  const index = await fetchFeedIndex(deps.io, base);
  if (!index.ok) {
    deps.dispatch({ type: "done", tone: "error", lines: [feedFailureMessage(index.failure)] });
    return;
  }
  const lines: UiMessage[] = [];
  // Newer rates come with a refresh too (Refresh brings them to the running functions).
  const rates = await installNewerRates(deps, base, index.rates);
  const ratesSaid = ratesLine(deps, rates);
  if (ratesSaid) lines.push(ratesSaid);
  const wanted = records.flatMap((record) => {
    const id = currentId(deps, record.datasetId);
    const entry = index.value.find((e) => e.id === id);
    if (!entry) {
      lines.push(msg("notInFeed", { table: record.tableName, dataset: titleOf(deps, record.datasetId) }));
      return [];
    }
    const newer = entry.version !== record.version || (record.hash !== null && entry.hash !== record.hash);
    // The version the table records, to check its cells against: held here, or the feed's copy when it is the one the feed lists.
    const held = heldVersion(deps, record.datasetId, record.version);
    return [{ record, entry, newer, held, fetchRecorded: !newer && held === null }];
  });
  const downgrade = findDowngrade(
    wanted.map((w) => w.entry),
    wanted.map((w) => ({ id: w.entry.id, version: w.record.version })),
  );
  if (downgrade) {
    deps.dispatch({ type: "done", tone: "error", lines: [...lines, feedFailureMessage(downgrade)] });
    return;
  }
  const toFetch = [...new Map(wanted.filter((w) => w.newer || w.fetchRecorded).map((w) => [w.entry.id, w.entry])).values()];
  const fetched = await fetchFeedDatasets(deps.io, base, toFetch);
  if (!fetched.ok) {
    deps.dispatch({ type: "done", tone: "error", lines: [...lines, feedFailureMessage(fetched.failure)] });
    return;
  }
  const items: RefreshItem[] = wanted.map((w) => {
    const got = fetched.value.get(w.entry.id);
    return {
      record: w.record,
      dataset: w.newer ? (got?.dataset ?? null) : null,
      recorded: w.held ?? (w.fetchRecorded ? (got?.dataset ?? null) : null),
      hash: w.newer ? (got?.hash ?? null) : null,
      datasetId: w.entry.id,
      answer: answer?.tables.includes(w.record.tableName) ? answer.answer : undefined,
    };
  });
  if (items.length === 0) {
    deps.dispatch({ type: "done", tone: "warning", lines });
    return;
  }
  try {
    const result = await deps.excel((context) => refreshTables(context, { items, now: deps.now(), onProgress: (done, total) => deps.dispatch({ type: "progress", done, total }) }));
    deps.dispatch({ type: "records", records: result.records });
    const lang = deps.state().lang;
    result.outcomes.forEach((outcome, i) => lines.push(...outcomeMessages(outcome, lang, (id) => titleOf(deps, id), items[i].record.version)));
    const edited = result.outcomes.filter((o): o is Extract<TableOutcome, { kind: "edited" }> => o.kind === "edited");
    const trouble = result.outcomes.some((o) => o.kind === "missing" || o.kind === "columnsMissing" || o.kind === "filtered") || lines.some((l) => l.key === "notInFeed" || l.key === "ratesNotUpdated");
    deps.dispatch({ type: "done", tone: trouble || edited.length > 0 ? "warning" : "success", lines });
    if (edited.length > 0) deps.dispatch({ type: "ask", ask: { kind: "refresh", tables: edited.map((o) => o.record.tableName), lines: editedLines(edited, lang) } });
  } catch (error) {
    if (error instanceof RefreshFailedError) {
      // The records are not dispatched: the workbook's records were not changed either.
      const tables = error.tables.join(", ");
      const line = error.restored
        ? msg("refreshFailedRestored", { detail: detail(error.failure), tables })
        : msg("refreshFailedNotRestored", { detail: detail(error.failure), tables, restoreDetail: detail(error.restoreError) });
      deps.dispatch({ type: "done", tone: "error", lines: [...lines, line] });
      return;
    }
    deps.dispatch({ type: "done", tone: "error", lines: [...lines, msg("excelFailed", { detail: detail(error) })] });
  }
}

/**
 * The user answered the pane's question: for a refresh's check, restore the data ("first") or keep
 * the edits ("second"); for a dataset loaded twice, refresh that table ("first") or add a copy
 * ("second"). Cancel writes nothing.
 */
export async function answerAsk(deps: Deps, choice: "first" | "second" | "cancel"): Promise<void> {
  const ask = deps.state().ask;
  deps.dispatch({ type: "ask", ask: null });
  if (!ask) return;
  if (choice === "cancel") {
    deps.dispatch({ type: "done", tone: "info", lines: [msg("cleanCancelled")] });
    return;
  }
  if (ask.kind === "refresh") await refresh(deps, undefined, { tables: ask.tables, answer: choice === "first" ? "restore" : "keep" });
  else if (choice === "first") await refresh(deps, ask.table);
  else await loadSelected(deps, true);
}

/** The user's answer to the cleaner's question: overwrite the values, or write at the free columns. */
export interface CleanAnswer {
  readonly overwrite?: boolean;
  readonly at?: number | null;
}

/**
 * Cleans the selected amounts at the rate in force, in the unit and currency the pickers say (or
 * the headers state). When something stands where it would write, asks (through the state):
 * call again with the answer.
 */
export async function clean(deps: Deps, answer: CleanAnswer = {}): Promise<void> {
  const state = deps.state();
  const { rate } = rateInUse(state.reference);
  deps.dispatch({ type: "busy", message: msg("busyCleaning") });
  try {
    const result = await deps.excel((context) =>
      cleanSelection(context, {
        rate,
        lang: state.lang,
        overwrite: answer.overwrite ?? false,
        at: answer.at ?? null,
        unit: state.cleanUnit,
        onProgress: (done, total) => deps.dispatch({ type: "progress", done, total }),
      }),
    );
    switch (result.kind) {
      case "needsConfirmation":
      case "blocked":
        deps.dispatch({ type: "cleanQuestion", question: cleanQuestion(result) });
        return;
      case "nothingSelected":
        deps.dispatch({ type: "done", tone: "warning", lines: [msg("nothingSelected")] });
        return;
      case "noAmounts":
        deps.dispatch({ type: "done", tone: "warning", lines: [msg("cleanNoAmounts", { columns: result.labels.join(", ") })] });
        return;
      case "cleaned":
        deps.dispatch({ type: "cleanDetected", unit: result.unit });
        deps.dispatch({ type: "done", tone: result.unread > 0 ? "warning" : "success", lines: cleanedLines(result, state.lang) });
        return;
    }
  } catch (error) {
    deps.dispatch({ type: "done", tone: "error", lines: [msg("excelFailed", { detail: detail(error) })] });
  }
}

/** The user declined: nothing is written. */
export function cancelClean(deps: Deps): void {
  deps.dispatch({ type: "confirmClosed" });
  deps.dispatch({ type: "done", tone: "info", lines: [msg("cleanCancelled")] });
}

/**
 * The user answered the cleaner's question: overwrite the values, or write at the free columns
 * offered (cleaned again from the start: the workbook may have changed meanwhile).
 */
export async function answerClean(deps: Deps, choice: "overwrite" | "free" | "cancel"): Promise<void> {
  const question = deps.state().cleanQuestion;
  if (question === null) return;
  if (choice === "cancel") {
    cancelClean(deps);
    return;
  }
  deps.dispatch({ type: "confirmClosed" });
  if (choice === "overwrite" && question.overwrite) await clean(deps, { overwrite: true });
  else if (choice === "free" && question.free) await clean(deps, { at: question.free.column });
}

/**
 * Inserts the chart of a loaded table, or updates the one it made before. A table holding several
 * metrics or currencies is charted one at a time: the pane offers the choices (through the state)
 * and calls again with the one picked.
 * @param choice - the key of the metric and currency picked, or null
 */
export async function chart(deps: Deps, tableName: string, choice: string | null = null): Promise<void> {
  const state = deps.state();
  const record = state.records.find((r) => r.tableName === tableName);
  if (!record) return;
  const title = (o: ChartOption) => t("chartTitle", record.lang, { title: titleOf(deps, record.datasetId), metric: o.metric, currency: o.currency, asOf: record.asOf });
  deps.dispatch({ type: "busy", message: msg("busyChart") });
  try {
    const result = await deps.excel((context) => insertChart(context, { record, title, choice }));
    const table = record.tableName;
    if (result.kind === "choose") {
      const options = result.options.map((o) => ({ key: o.key, metric: o.metric, currency: o.currency, figures: o.figures }));
      deps.dispatch({ type: "chartChoice", choice: { table, options } });
      deps.dispatch({ type: "done", tone: "info", lines: [msg("chartChoose", { table })] });
      return;
    }
    deps.dispatch({ type: "chartChoice", choice: null });
    switch (result.kind) {
      case "inserted":
      case "updated": {
        const params = { table, metric: result.option.metric, currency: result.option.currency, points: result.points, data: result.data };
        const lines = [msg(result.kind === "inserted" ? "chartInserted" : "chartUpdated", params)];
        if (result.leftOut > 0) lines.push(msg("chartLeftOut", { count: result.leftOut }));
        deps.dispatch({ type: "done", tone: "success", lines });
        return;
      }
      case "missing":
        deps.dispatch({ type: "done", tone: "warning", lines: [msg("chartMissing", { table })] });
        return;
      case "columnsMissing":
        deps.dispatch({ type: "done", tone: "warning", lines: [msg("chartColumnsMissing", { table, columns: result.missing.join(", ") })] });
        return;
      case "empty":
        deps.dispatch({ type: "done", tone: "warning", lines: [msg("chartEmpty", { table })] });
        return;
    }
  } catch (error) {
    deps.dispatch({ type: "done", tone: "error", lines: [msg("excelFailed", { detail: detail(error) })] });
  }
}

/**
 * Records in the workbook the day of the latest rate its functions first used, so its numbers
 * never move by themselves when newer rates arrive (one Excel.run, no recalculation: the value is
 * the same). Called once, by the functions' first use of the unpinned latest rate.
 */
export async function recordLatest(deps: Deps, day: string): Promise<void> {
  deps.onLatestUsed(null);
  if (deps.state().reference !== null) return;
  const choice: ReferenceChoice = { kind: "latest", day };
  deps.setReferenceChoice(choice);
  try {
    await deps.excel((context) => saveReferenceChoice(context, choice, false));
    deps.dispatch({ type: "referenceSaved", reference: choice });
    deps.dispatch({ type: "done", tone: "info", lines: [msg("referenceRecorded", { day })] });
  } catch (error) {
    deps.dispatch({ type: "done", tone: "error", lines: [msg("excelFailed", { detail: detail(error) })] });
  }
}

/** Saves a choice (shared runtime first, then the workbook, recalculated), restoring the previous one if Excel fails. */
async function saveChoice(deps: Deps, choice: ReferenceChoice | null, done: (text: string) => ReturnType<typeof msg>): Promise<void> {
  deps.dispatch({ type: "busy", message: msg("busySaving") });
  const previous = deps.state().reference;
  deps.setReferenceChoice(choice);
  try {
    await deps.excel((context) => saveReferenceChoice(context, choice));
    deps.dispatch({ type: "referenceSaved", reference: choice });
    deps.dispatch({ type: "done", tone: "success", lines: [done(rateInUse(choice, deps.state().lang).text)] });
  } catch (error) {
    deps.setReferenceChoice(previous);
    deps.dispatch({ type: "done", tone: "error", lines: [msg("excelFailed", { detail: detail(error) })] });
  }
}

/**
 * Applies the reference rate chosen in settings: into the shared runtime, saved in the workbook,
 * the workbook recalculated (one Excel.run). A typed rate outside 100–10,000 KRW per USD waits
 * for the user's confirmation (the settings show the question).
 */
export async function applyReference(deps: Deps): Promise<void> {
  const check = referenceDraft(deps.state());
  if (!check.ok) {
    if (check.confirm) return; // the settings ask; confirmManual applies
    deps.dispatch({ type: "done", tone: "error", lines: [msg(check.key, check.params)] });
    return;
  }
  await saveChoice(deps, check.choice, (text) => msg("referenceSaved", { text }));
}

/** The user confirmed a typed rate outside the plausible range: apply it. */
export async function confirmManual(deps: Deps): Promise<void> {
  deps.dispatch({ type: "draft", draft: { manualConfirmed: true } });
  await applyReference(deps);
}

/** Moves a workbook pinned to an earlier day's latest rate to the newest rate, saying what changes. */
export async function moveToLatest(deps: Deps): Promise<void> {
  const offer = moveOffer(deps.state());
  if (!offer) return;
  const params = { fromDay: offer.fromDay, fromRate: rateText(offer.fromRate), toDay: offer.toDay, toRate: rateText(offer.toRate) };
  await saveChoice(deps, { kind: "latest", day: offer.toDay }, () => msg("ratesMoved", params));
}

/** Saves the feed URL typed in settings (https, at an origin this build allows) and reads the catalog from it. */
export async function saveFeed(deps: Deps): Promise<void> {
  const check = feedDraft(deps.state());
  if (!check.ok) {
    deps.dispatch({ type: "done", tone: "error", lines: [check.key === "feedUrlNotAllowed" ? msg(check.key, check.params) : msg(check.key)] });
    return;
  }
  deps.dispatch({ type: "busy", message: msg("busySaving") });
  try {
    await deps.excel((context) => saveSetting(context, SETTING_KEYS.feedUrl, check.url));
    deps.dispatch({ type: "feedSaved", feedUrl: check.url });
    deps.dispatch({ type: "done", tone: "success", lines: [msg("feedSaved", { url: check.url ?? t("feedDefault", deps.state().lang) })] });
  } catch (error) {
    deps.dispatch({ type: "done", tone: "error", lines: [msg("excelFailed", { detail: detail(error) })] });
    return;
  }
  await loadCatalog(deps);
}

/** Switches the pane's language and saves the choice in the workbook. */
export async function setLanguage(deps: Deps, lang: Language): Promise<void> {
  deps.dispatch({ type: "language", lang });
  if (!deps.state().inExcel) return;
  try {
    await deps.excel((context) => saveSetting(context, SETTING_KEYS.language, lang));
    deps.dispatch({ type: "done", tone: "info", lines: [msg("languageSaved")] });
  } catch (error) {
    deps.dispatch({ type: "done", tone: "error", lines: [msg("excelFailed", { detail: detail(error) })] });
  }
}
