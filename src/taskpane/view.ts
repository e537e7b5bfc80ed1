/* The pane's DOM: built once with createElement/textContent (never innerHTML: dataset text is
 * data, not markup), then brought up to date from the state on every change. Layout fits 320 px:
 * one column, wrapping text, no fixed widths. Every control has a visible label or an aria-label,
 * and everything is reachable with the keyboard (Fluent's components handle arrows and focus). */
import { rateText } from "../core/fx/cite";
import { fxDataInUse } from "../shared/fx-data";
import type { Language } from "../core/messages";
import type { UnitChoice } from "../core/sheet/clean";
import { detectedText } from "./clean-messages";
import { t, type UiKey, type UiMessage, type UiParams } from "./i18n";
import type { TableRecord } from "./records";
import {
  isBusy,
  moveOffer,
  previewRows,
  rateInUse,
  ratesAge,
  referenceDraft,
  selectedEntry,
  visibleEntries,
  type LoadTarget,
  type SettingsDraft,
  type State,
  type View,
} from "./state";

/** The units the cleaner's picker offers, named in both languages (statements are read in both). */
const UNIT_PICKS: ReadonlyArray<readonly [number, string]> = [
  [3, "천 · thousands"],
  [4, "만 · ten thousands"],
  [6, "백만 · millions"],
  [8, "억 · hundred millions"],
  [9, "십억 · billions"],
  [12, "조 · trillions"],
];

/** What the view calls back; the entry turns these into actions and events. */
export interface Handlers {
  view(view: View): void;
  filter(text: string): void;
  select(id: string): void;
  target(target: LoadTarget): void;
  load(): void;
  refresh(table?: string): void;
  chart(table: string, choice?: string): void;
  clean(): void;
  cleanUnit(unit: Partial<UnitChoice>): void;
  answerClean(choice: "overwrite" | "free" | "cancel"): void;
  /** The answer to a refresh's or a load's question (see actions.answerAsk). */
  answerAsk(choice: "first" | "second" | "cancel"): void;
  dismiss(): void;
  language(lang: Language): void;
  draft(draft: Partial<SettingsDraft>): void;
  applyReference(): void;
  /** The user confirmed a typed rate outside the plausible range: apply it. */
  confirmManual(): void;
  /** Move a workbook pinned to an earlier day's latest rate to the newest rate. */
  moveToLatest(): void;
  saveFeed(): void;
}

const CSS = `
:root { color-scheme: light; }
[hidden] { display: none !important; }
body { margin: 0; font-family: var(--fontFamilyBase, "Segoe UI", sans-serif); font-size: var(--fontSizeBase300, 14px); line-height: 1.4;
  color: var(--colorNeutralForeground1, #242424); background: var(--colorNeutralBackground2, #fafafa); min-width: 0; }
main { display: flex; flex-direction: column; gap: 12px; padding: 12px; max-width: 640px; box-sizing: border-box; }
header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 4px 12px; }
h1 { font-size: 20px; margin: 0; font-weight: 600; }
h2 { font-size: 16px; margin: 8px 0 4px; font-weight: 600; }
p { margin: 4px 0; }
.subtitle, .meta, .note, .provenance { color: var(--colorNeutralForeground3, #616161); font-size: 12px; }
.panel[hidden] { display: none; }
.panel { display: flex; flex-direction: column; gap: 10px; min-width: 0; }
ul.plain { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.entry { display: flex; flex-direction: column; align-items: stretch; gap: 2px; }
.entry fluent-badge { align-self: flex-start; }
.entry fluent-button { justify-content: flex-start; text-align: start; white-space: normal; height: auto; min-height: 32px; padding-block: 6px; }
.figure { border-inline-start: 3px solid var(--colorBrandStroke1, #0f6cbd); padding: 4px 8px; background: var(--colorNeutralBackground1, #fff); }
.figure.unconfirmed { border-inline-start-color: var(--colorPaletteDarkOrangeBorder2, #da3b01); }
.figure .head { font-weight: 600; overflow-wrap: anywhere; }
.figure .value { font-variant-numeric: tabular-nums; }
.provenance { overflow-wrap: anywhere; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.table-item { background: var(--colorNeutralBackground1, #fff); padding: 6px 8px; display: flex; flex-direction: column; gap: 4px; }
.table-item .name { font-weight: 600; overflow-wrap: anywhere; }
#status-region:empty { display: none; }
fluent-text-input, fluent-dropdown { width: 100%; min-width: 0; }
fluent-message-bar p { margin: 0; }
`;

/** A small element builder: attributes as attributes, text as textContent, children appended. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Record<string, string | boolean>, ...children: Array<Node | string>): HTMLElementTagNameMap[K];
function h(tag: string, attrs?: Record<string, string | boolean>, ...children: Array<Node | string>): HTMLElement;
function h(tag: string, attrs: Record<string, string | boolean> = {}, ...children: Array<Node | string>): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false) continue;
    el.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) el.append(typeof child === "string" ? document.createTextNode(child) : child);
  return el;
}

function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** A Fluent text input with its label (a fluent-field with a label slot). */
function textField(id: string, type = "text"): { field: HTMLElement; label: HTMLLabelElement; input: HTMLElement & { value: string } } {
  const label = h("label", { slot: "label", for: id });
  const input = h("fluent-text-input", { id, slot: "input", type }) as HTMLElement & { value: string };
  const field = h("fluent-field", { "label-position": "above" }, label, input);
  return { field, label, input };
}

/** A Fluent radio with its label. */
function radio(name: string, value: string): { field: HTMLElement; label: HTMLLabelElement; radio: HTMLElement & { checked: boolean } } {
  const id = `${name}-${value}`;
  const input = h("fluent-radio", { id, slot: "input", name, value }) as HTMLElement & { checked: boolean };
  const label = h("label", { slot: "label", for: id });
  return { field: h("fluent-field", { "label-position": "after" }, input, label), label, radio: input };
}

function valueOf(el: EventTarget | null): string {
  const v = (el as { value?: unknown } | null)?.value;
  return typeof v === "string" ? v : "";
}

/** The pane. Construct once; call render(state) after every change. */
/** A dialog closed by Escape answers Cancel (Fluent's toggle event carries its new state in `detail`). */
function cancelOnClose(dialog: HTMLElement, isOpen: () => boolean, cancel: () => void): void {
  dialog.addEventListener("toggle", (e) => {
    const open = (e as unknown as CustomEvent<{ newState?: string }>).detail?.newState === "open";
    if (!open && isOpen()) cancel();
  });
}

/** Shows a dialog that is to be open and was not, hides one that was open and is not to be. */
function showWhile(dialog: { show(): void; hide(): void }, wanted: boolean, wasOpen: boolean): void {
  if (wanted && !wasOpen) dialog.show();
  else if (!wanted && wasOpen) dialog.hide();
}

export class PaneView {
  private lang: Language = "en";
  private readonly texts: Array<[Element, UiKey, UiParams?]> = [];
  private readonly labels: Array<[Element, string, UiKey, UiParams?]> = [];
  private readonly tablist: HTMLElement & { activeid?: string };
  private readonly panels: Record<View, HTMLElement>;
  private readonly statusRegion: HTMLElement;
  private readonly progress: HTMLElement;
  private readonly busyText: HTMLElement;
  private readonly messageBar: HTMLElement;
  private readonly messageLines: HTMLElement;
  private readonly langEn: ReturnType<typeof radio>;
  private readonly langKo: ReturnType<typeof radio>;
  private readonly filter: ReturnType<typeof textField>;
  private readonly catalogNote: HTMLElement;
  private readonly catalogList: HTMLElement;
  private readonly preview: HTMLElement;
  private readonly targetNew: ReturnType<typeof radio>;
  private readonly targetSel: ReturnType<typeof radio>;
  private readonly actionButtons: HTMLElement[] = [];
  private readonly tablesList: HTMLElement;
  private readonly refreshAllButton: HTMLElement;
  private readonly cleanRate: HTMLElement;
  private readonly unitDropdown: HTMLElement & { value: string | null };
  private readonly currencyAuto: ReturnType<typeof radio>;
  private readonly currencyUsd: ReturnType<typeof radio>;
  private readonly currencyKrw: ReturnType<typeof radio>;
  private lastUnitKey = "";
  private readonly dialog: HTMLElement & { show(): void; hide(): void };
  private readonly dialogText: HTMLElement;
  private readonly dialogOverwrite: HTMLElement;
  private readonly dialogFree: HTMLElement;
  private readonly askDialog: HTMLElement & { show(): void; hide(): void };
  private readonly askTitle: HTMLElement;
  private readonly askText: HTMLElement;
  private readonly askFirst: HTMLElement;
  private readonly askSecond: HTMLElement;
  private askOpen = false;
  private readonly refLatest: ReturnType<typeof radio>;
  private readonly refDate: ReturnType<typeof radio>;
  private readonly refPeriod: ReturnType<typeof radio>;
  private readonly refManual: ReturnType<typeof radio>;
  private readonly dateField: ReturnType<typeof textField>;
  private readonly periodField: ReturnType<typeof textField>;
  private readonly basisRadios: Record<"average" | "close", ReturnType<typeof radio>>;
  private readonly sourceRadios: Record<"auto" | "ECB" | "BOK", ReturnType<typeof radio>>;
  private readonly periodOptions: HTMLElement;
  private readonly manual: ReturnType<typeof textField>;
  private readonly manualConfirm: HTMLElement;
  private readonly manualConfirmText: HTMLElement;
  private readonly referenceNow: HTMLElement;
  private readonly ratesOld: HTMLElement;
  private readonly moveBox: HTMLElement;
  private readonly moveText: HTMLElement;
  private readonly moveButton: HTMLElement;
  private readonly feed: ReturnType<typeof textField>;
  private readonly feedAllowed: HTMLElement;
  private lastCatalogKey = "";
  private lastTablesKey = "";
  private dialogOpen = false;

  constructor(
    root: HTMLElement,
    private readonly on: Handlers,
  ) {
    // A constructed stylesheet, not a <style> element: allowed by the page's CSP (style-src 'self').
    if ("adoptedStyleSheets" in document) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }

    // Header: title and the language switch.
    this.langEn = radio("language", "en");
    this.langKo = radio("language", "ko");
    const langGroup = h("fluent-radio-group", { name: "language", orientation: "horizontal" }, this.langEn.field, this.langKo.field);
    langGroup.addEventListener("change", (e) => {
      const v = valueOf(e.currentTarget);
      if (v === "en" || v === "ko") this.on.language(v);
    });
    const header = h("header", {}, h("div", {}, this.text(h("h1"), "appTitle"), this.text(h("p", { class: "subtitle" }), "appSubtitle")), langGroup);
    this.label(langGroup, "aria-label", "languageLabel");

    // Sections.
    const tab = (view: View, key: UiKey) => this.text(h("fluent-tab", { id: `tab-${view}`, "aria-controls": `panel-${view}` }), key);
    this.tablist = h("fluent-tablist", { activeid: "tab-datasets" }, tab("datasets", "tabDatasets"), tab("clean", "tabClean"), tab("settings", "tabSettings"));
    this.label(this.tablist, "aria-label", "tabsLabel");
    this.tablist.addEventListener("change", () => {
      const id = this.tablist.activeid ?? "";
      const view = id.replace(/^tab-/, "");
      if (view === "datasets" || view === "clean" || view === "settings") this.on.view(view);
    });

    // Status: progress while busy, then the outcome.
    this.progress = h("fluent-progress-bar", { hidden: true });
    this.label(this.progress, "aria-label", "progressLabel");
    this.busyText = h("p", { class: "note" });
    const dismiss = h("fluent-button", { slot: "dismiss", appearance: "transparent", "icon-only": true }, "×");
    this.label(dismiss, "aria-label", "dismiss");
    dismiss.addEventListener("click", () => this.on.dismiss());
    this.messageLines = h("div");
    this.messageBar = h("fluent-message-bar", { layout: "multiline", hidden: true }, this.messageLines, dismiss);
    this.statusRegion = h("div", { id: "status-region", role: "status", "aria-live": "polite" }, this.progress, this.busyText, this.messageBar);

    // Datasets panel.
    this.filter = textField("filter", "search");
    this.text(this.filter.label, "filterLabel");
    this.label(this.filter.input, "placeholder", "filterPlaceholder");
    this.filter.input.addEventListener("input", (e) => this.on.filter(valueOf(e.currentTarget)));
    this.catalogNote = h("p", { class: "note" });
    this.catalogList = h("ul", { class: "plain" });
    this.label(this.catalogList, "aria-label", "catalogListLabel");
    this.preview = h("section", { "aria-live": "polite" });
    this.targetNew = radio("target", "newSheet");
    this.targetSel = radio("target", "selection");
    this.text(this.targetNew.label, "targetNewSheet");
    this.text(this.targetSel.label, "targetSelection");
    const targetGroup = h("fluent-radio-group", { name: "target", orientation: "horizontal" }, this.targetNew.field, this.targetSel.field);
    this.label(targetGroup, "aria-label", "targetLabel");
    targetGroup.addEventListener("change", (e) => {
      const v = valueOf(e.currentTarget);
      if (v === "newSheet" || v === "selection") this.on.target(v);
    });
    this.unitDropdown = h("fluent-dropdown", { id: "clean-unit", slot: "input", "aria-labelledby": "clean-unit-label" }) as HTMLElement & { value: string | null };
    this.unitDropdown.addEventListener("change", (e) => {
      const v = valueOf(e.currentTarget);
      this.on.cleanUnit({ power: v === "auto" || v === "" ? null : Number(v) });
    });
    this.currencyAuto = radio("clean-currency", "auto");
    this.currencyUsd = radio("clean-currency", "USD");
    this.currencyKrw = radio("clean-currency", "KRW");
    this.text(this.currencyAuto.label, "cleanCurrencyAuto");
    this.currencyUsd.label.textContent = "USD";
    this.currencyKrw.label.textContent = "KRW";
    const currencyGroup = h("fluent-radio-group", { name: "clean-currency", orientation: "horizontal" }, this.currencyAuto.field, this.currencyUsd.field, this.currencyKrw.field);
    this.label(currencyGroup, "aria-label", "cleanCurrencyLabel");
    currencyGroup.addEventListener("change", (e) => {
      const v = valueOf(e.currentTarget);
      if (v === "auto" || v === "USD" || v === "KRW") this.on.cleanUnit({ currency: v === "auto" ? null : v });
    });
    const loadButton = this.action(this.text(h("fluent-button", { appearance: "primary" }), "loadButton"), () => this.on.load());
    this.tablesList = h("ul", { class: "plain" });
    this.refreshAllButton = this.action(this.text(h("fluent-button"), "refreshAll"), () => this.on.refresh());
    this.panels = {
      datasets: h(
        "section",
        { id: "panel-datasets", class: "panel", role: "tabpanel", "aria-labelledby": "tab-datasets" },
        this.filter.field,
        this.catalogNote,
        this.catalogList,
        this.preview,
        h("fluent-field", { "label-position": "above" }, this.text(h("label", { slot: "label" }), "targetLabel"), h("div", { slot: "input" }, targetGroup)),
        h("div", { class: "actions" }, loadButton),
        h("fluent-divider"),
        this.text(h("h2"), "tablesTitle"),
        this.tablesList,
        h("div", { class: "actions" }, this.refreshAllButton),
      ),
      clean: h(
        "section",
        { id: "panel-clean", class: "panel", role: "tabpanel", "aria-labelledby": "tab-clean", hidden: true },
        this.text(h("p"), "cleanIntro"),
        (this.cleanRate = h("p", { class: "note" })),
        h("fluent-field", { "label-position": "above" }, this.text(h("label", { id: "clean-unit-label", slot: "label" }), "cleanUnitLabel"), this.unitDropdown),
        h("fluent-field", { "label-position": "above" }, this.text(h("label", { slot: "label" }), "cleanCurrencyLabel"), h("div", { slot: "input" }, currencyGroup)),
        h("div", { class: "actions" }, this.action(this.text(h("fluent-button", { appearance: "primary" }), "cleanButton"), () => this.on.clean())),
      ),
      settings: h("section", { id: "panel-settings", class: "panel", role: "tabpanel", "aria-labelledby": "tab-settings", hidden: true }),
    };

    // Settings panel: reference rate, feed. Every control is built once and only updated after,
    // so no popup ever holds an element that a render replaced.
    this.refLatest = radio("reference", "latest");
    this.refDate = radio("reference", "date");
    this.refPeriod = radio("reference", "period");
    this.refManual = radio("reference", "manual");
    this.text(this.refDate.label, "referenceDateOption");
    this.text(this.refPeriod.label, "referencePeriod");
    this.text(this.refManual.label, "referenceManual");
    const refGroup = h("fluent-radio-group", { name: "reference", orientation: "vertical" }, this.refLatest.field, this.refDate.field, this.refPeriod.field, this.refManual.field);
    this.label(refGroup, "aria-label", "referenceLabel");
    refGroup.addEventListener("change", (e) => {
      const v = valueOf(e.currentTarget);
      if (v === "latest" || v === "date" || v === "period" || v === "manual") this.on.draft({ referenceKind: v });
    });
    // Not "reference-date"/"reference-period": those are the radios' ids (`${name}-${value}`).
    this.dateField = textField("date-text");
    this.text(this.dateField.label, "dateLabel");
    this.dateField.input.setAttribute("placeholder", "2024-06-28");
    this.dateField.input.addEventListener("input", (e) => this.on.draft({ dateText: valueOf(e.currentTarget) }));
    this.periodField = textField("period-text");
    this.text(this.periodField.label, "periodLabel");
    this.periodField.input.setAttribute("placeholder", "2024-Q3");
    this.periodField.input.addEventListener("input", (e) => this.on.draft({ periodText: valueOf(e.currentTarget) }));
    this.basisRadios = { average: radio("basis", "average"), close: radio("basis", "close") };
    this.text(this.basisRadios.average.label, "basisAverage");
    this.text(this.basisRadios.close.label, "basisClose");
    const basisGroup = h("fluent-radio-group", { name: "basis", orientation: "vertical" }, this.basisRadios.average.field, this.basisRadios.close.field);
    this.label(basisGroup, "aria-label", "basisLabel");
    basisGroup.addEventListener("change", (e) => {
      const v = valueOf(e.currentTarget);
      if (v === "average" || v === "close") this.on.draft({ basis: v });
    });
    this.sourceRadios = { auto: radio("fx-source", "auto"), ECB: radio("fx-source", "ECB"), BOK: radio("fx-source", "BOK") };
    this.text(this.sourceRadios.auto.label, "sourceAuto");
    this.text(this.sourceRadios.ECB.label, "sourceEcb");
    this.text(this.sourceRadios.BOK.label, "sourceBok");
    const sourceGroup = h("fluent-radio-group", { name: "fx-source", orientation: "vertical" }, this.sourceRadios.auto.field, this.sourceRadios.ECB.field, this.sourceRadios.BOK.field);
    this.label(sourceGroup, "aria-label", "sourceLabel");
    sourceGroup.addEventListener("change", (e) => {
      const v = valueOf(e.currentTarget);
      if (v === "auto" || v === "ECB" || v === "BOK") this.on.draft({ source: v });
    });
    this.periodOptions = h("div", { class: "period-options" }, this.periodField.field, this.text(h("p", { class: "note" }), "basisLabel"), basisGroup, this.text(h("p", { class: "note" }), "sourceLabel"), sourceGroup);
    this.manual = textField("manual-rate");
    this.text(this.manual.label, "manualLabel");
    this.label(this.manual.input, "placeholder", "manualPlaceholder");
    this.manual.input.setAttribute("inputmode", "decimal");
    this.manual.input.addEventListener("input", (e) => this.on.draft({ manualText: valueOf(e.currentTarget) }));
    this.manualConfirmText = h("p");
    this.manualConfirm = h(
      "div",
      { class: "confirm", hidden: true },
      this.manualConfirmText,
      h("div", { class: "actions" }, this.action(this.text(h("fluent-button", { appearance: "primary" }), "manualConfirmYes"), () => this.on.confirmManual())),
    );
    this.referenceNow = h("p", { id: "reference-now", class: "note" });
    this.ratesOld = h("p", { id: "rates-old", class: "warning", hidden: true });
    this.moveText = h("p");
    this.moveButton = this.action(h("fluent-button", { appearance: "primary" }), () => this.on.moveToLatest());
    this.moveBox = h("div", { id: "rates-newer", class: "confirm", hidden: true }, this.moveText, h("div", { class: "actions" }, this.moveButton));
    this.feed = textField("feed-url", "url");
    this.text(this.feed.label, "feedLabel");
    this.feed.input.setAttribute("placeholder", "https://");
    this.feed.input.addEventListener("input", (e) => this.on.draft({ feedText: valueOf(e.currentTarget) }));
    this.panels.settings.append(
      this.text(h("h2"), "referenceLabel"),
      this.text(h("p", { class: "note" }), "referenceHelp"),
      this.referenceNow,
      this.ratesOld,
      this.moveBox,
      refGroup,
      this.dateField.field,
      this.periodOptions,
      this.manual.field,
      this.manualConfirm,
      h("div", { class: "actions" }, this.action(this.text(h("fluent-button", { appearance: "primary" }), "applyReference"), () => this.on.applyReference())),
      h("fluent-divider"),
      this.text(h("h2"), "feedLabel"),
      this.text(h("p", { class: "note" }), "feedHelp"),
      (this.feedAllowed = h("p", { class: "note", id: "feed-allowed" })),
      this.feed.field,
      h("div", { class: "actions" }, this.action(this.text(h("fluent-button"), "feedSave"), () => this.on.saveFeed())),
    );

    // The cleaner's question: what stands where it would write; overwrite, write elsewhere, or cancel.
    this.dialogText = h("div");
    this.dialogOverwrite = this.text(h("fluent-button", { slot: "action" }), "overwrite");
    this.dialogFree = h("fluent-button", { slot: "action", appearance: "primary" });
    const no = this.text(h("fluent-button", { slot: "action" }), "cancel");
    this.dialogOverwrite.addEventListener("click", () => this.on.answerClean("overwrite"));
    this.dialogFree.addEventListener("click", () => this.on.answerClean("free"));
    no.addEventListener("click", () => this.on.answerClean("cancel"));
    const title = this.text(h("h2", { slot: "title", id: "confirm-title" }), "confirmTitle");
    this.dialog = h(
      "fluent-dialog",
      { type: "alert", "aria-labelledby": "confirm-title" },
      h("fluent-dialog-body", {}, title, this.dialogText, this.dialogFree, this.dialogOverwrite, no),
    ) as HTMLElement & { show(): void; hide(): void };
    cancelOnClose(this.dialog, () => this.dialogOpen, () => {
      this.dialogOpen = false;
      this.on.answerClean("cancel");
    });

    // A refresh's question (restore the data or keep the edits) and a load's (refresh that table or add a copy).
    this.askTitle = h("h2", { slot: "title", id: "ask-title" });
    this.askText = h("div");
    this.askFirst = h("fluent-button", { slot: "action", appearance: "primary" });
    this.askSecond = h("fluent-button", { slot: "action" });
    const askCancel = this.text(h("fluent-button", { slot: "action" }), "cancel");
    this.askFirst.addEventListener("click", () => this.on.answerAsk("first"));
    this.askSecond.addEventListener("click", () => this.on.answerAsk("second"));
    askCancel.addEventListener("click", () => this.on.answerAsk("cancel"));
    this.askDialog = h(
      "fluent-dialog",
      { type: "alert", "aria-labelledby": "ask-title", id: "ask-dialog" },
      h("fluent-dialog-body", {}, this.askTitle, this.askText, this.askFirst, this.askSecond, askCancel),
    ) as HTMLElement & { show(): void; hide(): void };
    cancelOnClose(this.askDialog, () => this.askOpen, () => {
      this.askOpen = false;
      this.on.answerAsk("cancel");
    });

    clear(root);
    root.append(h("main", {}, header, this.tablist, this.statusRegion, this.panels.datasets, this.panels.clean, this.panels.settings), this.dialog, this.askDialog);
  }

  /** Registers an element whose text is a UI sentence (re-rendered on language change). */
  private text<E extends Element>(el: E, key: UiKey, params?: UiParams): E {
    this.texts.push([el, key, params]);
    return el;
  }

  /** Registers an attribute whose value is a UI sentence. */
  private label(el: Element, attribute: string, key: UiKey, params?: UiParams): void {
    this.labels.push([el, attribute, key, params]);
  }

  private action(button: HTMLElement, run: () => void): HTMLElement {
    button.addEventListener("click", run);
    this.actionButtons.push(button);
    return button;
  }

  private say(message: UiMessage): string {
    return t(message.key, this.lang, message.params);
  }

  /** Brings the DOM up to date with the state. */
  render(state: State): void {
    const langChanged = state.lang !== this.lang;
    this.lang = state.lang;
    document.documentElement.lang = state.lang;
    for (const [el, key, params] of this.texts) el.textContent = t(key, state.lang, params);
    for (const [el, attribute, key, params] of this.labels) el.setAttribute(attribute, t(key, state.lang, params));
    this.langEn.label.textContent = t("languageEnglish", state.lang);
    this.langKo.label.textContent = t("languageKorean", state.lang);
    this.langEn.radio.checked = state.lang === "en";
    this.langKo.radio.checked = state.lang === "ko";

    // Sections.
    if (this.tablist.activeid !== `tab-${state.view}`) this.tablist.activeid = `tab-${state.view}`;
    for (const view of Object.keys(this.panels) as View[]) this.panels[view].hidden = view !== state.view;

    // Busy and status.
    const busy = isBusy(state);
    for (const button of this.actionButtons) button.toggleAttribute("disabled", busy || !state.inExcel);
    if (state.busy) {
      this.progress.hidden = false;
      if (state.busy.done !== null && state.busy.total !== null && state.busy.total > 1) {
        this.progress.setAttribute("max", String(state.busy.total));
        this.progress.setAttribute("value", String(state.busy.done));
        this.busyText.textContent = `${this.say(state.busy.message)} ${t("busyWriting", state.lang, { done: state.busy.done, total: state.busy.total })}`;
      } else {
        this.progress.removeAttribute("value");
        this.busyText.textContent = this.say(state.busy.message);
      }
    } else {
      this.progress.hidden = true;
      this.busyText.textContent = "";
    }
    if (state.status) {
      this.messageBar.hidden = false;
      this.messageBar.setAttribute("intent", state.status.tone);
      clear(this.messageLines);
      for (const line of state.status.lines) this.messageLines.append(h("p", {}, this.say(line)));
    } else {
      this.messageBar.hidden = true;
    }

    this.renderCatalog(state, langChanged);
    this.renderTables(state, langChanged);
    this.renderSettings(state, langChanged);

    const inUse = rateInUse(state.reference, state.lang);
    this.cleanRate.textContent = t("cleanRate", state.lang, { rate: rateText(inUse.rate), source: inUse.text });

    this.renderCleanUnit(state, langChanged);

    // The cleaner's question.
    const question = state.cleanQuestion;
    if (question !== null) {
      clear(this.dialogText);
      for (const line of question.lines) this.dialogText.append(h("p", {}, this.say(line)));
      this.dialogOverwrite.hidden = !question.overwrite;
      this.dialogFree.hidden = question.free === null;
      this.dialogFree.textContent = question.free ? t("writeFree", state.lang, { free: question.free.address }) : "";
    }
    // The flag first: a dialog hidden here must not read as closed by Escape.
    const cleanWasOpen = this.dialogOpen;
    this.dialogOpen = question !== null;
    showWhile(this.dialog, this.dialogOpen, cleanWasOpen);

    // A refresh's or a load's question.
    const ask = state.ask;
    if (ask !== null) {
      this.askTitle.textContent = t(ask.kind === "refresh" ? "askRefreshTitle" : "askLoadTitle", state.lang);
      clear(this.askText);
      for (const line of ask.lines) this.askText.append(h("p", {}, this.say(line)));
      this.askFirst.textContent = t(ask.kind === "refresh" ? "askRestore" : "askRefreshThat", state.lang);
      this.askSecond.textContent = t(ask.kind === "refresh" ? "askKeep" : "askAddCopy", state.lang);
    }
    const askWasOpen = this.askOpen;
    this.askOpen = ask !== null;
    showWhile(this.askDialog, this.askOpen, askWasOpen);
  }

  /** The unit dropdown (its "Automatic" option says what the last clean found) and the currency radios. */
  private renderCleanUnit(state: State, force: boolean): void {
    const { power, currency } = state.cleanUnit;
    this.currencyAuto.radio.checked = currency === null;
    this.currencyUsd.radio.checked = currency === "USD";
    this.currencyKrw.radio.checked = currency === "KRW";
    const key = JSON.stringify([state.lang, power, state.cleanDetected]);
    if (key === this.lastUnitKey && !force) return;
    this.lastUnitKey = key;
    const listbox = h("fluent-listbox");
    const option = (value: string, text: string) => listbox.append(h("fluent-option", { value, selected: value === (power === null ? "auto" : String(power)) }, text));
    option("auto", t("cleanUnitAuto", state.lang, { detected: detectedText(state.cleanDetected, state.lang) }));
    option("0", t("cleanUnitOne", state.lang));
    for (const [p, name] of UNIT_PICKS) option(String(p), t("cleanUnitPower", state.lang, { name, power: p }));
    clear(this.unitDropdown);
    this.unitDropdown.append(listbox);
  }

  private renderCatalog(state: State, force: boolean): void {
    if (document.activeElement !== this.filter.input && this.filter.input.value !== state.filter) this.filter.input.value = state.filter;
    this.targetNew.radio.checked = state.target === "newSheet";
    this.targetSel.radio.checked = state.target === "selection";
    this.catalogNote.textContent = state.catalog.origin === "none" ? t("catalogLoading", state.lang) : state.catalog.note ? this.say(state.catalog.note) : "";

    const visible = visibleEntries(state);
    const key = JSON.stringify([state.lang, state.filter, state.selectedId, state.catalog.origin, visible.map((e) => `${e.id}@${e.version}`)]);
    if (key === this.lastCatalogKey && !force) return;
    this.lastCatalogKey = key;
    const hadFocus = this.catalogList.contains(document.activeElement);

    clear(this.catalogList);
    if (visible.length === 0 && state.catalog.origin !== "none") this.catalogList.append(h("li", { class: "note" }, t("noMatch", state.lang, { filter: state.filter })));
    let focusTarget: HTMLElement | null = null;
    for (const entry of visible) {
      const selected = entry.id === state.selectedId;
      const button = h("fluent-button", { appearance: selected ? "outline" : "subtle", "aria-pressed": selected ? "true" : "false" }, entry.title[state.lang]);
      button.addEventListener("click", () => this.on.select(entry.id));
      const meta = [
        t("entryAsOf", state.lang, { date: entry.asOf }),
        t("entryRows", state.lang, { rows: entry.rows }),
        t("entrySources", state.lang, { count: entry.sources }),
        t("entryVersion", state.lang, { version: entry.version }),
      ];
      const li = h("li", { class: "entry" }, button, h("span", { class: "meta" }, meta.join(" · ")));
      if (entry.unconfirmed > 0) li.append(h("fluent-badge", { appearance: "tint", color: "warning" }, `⚠ ${t("entryUnconfirmed", state.lang, { count: entry.unconfirmed })}`));
      this.catalogList.append(li);
      if (selected) focusTarget = button;
    }
    if (hadFocus && focusTarget) focusTarget.focus();

    clear(this.preview);
    const entry = selectedEntry(state);
    if (!entry) return;
    const list = h("ul", { class: "plain" });
    for (const row of previewRows(entry, state.lang)) {
      const provenance = row.quote ? t("provenance", state.lang, { source: row.source, quote: row.quote }) : t("provenanceNoQuote", state.lang, { source: row.source });
      list.append(
        h(
          "li",
          { class: row.unconfirmed ? "figure unconfirmed" : "figure" },
          h("div", { class: "head" }, `${row.company} · ${row.metric} · ${row.period}`),
          h("div", { class: "value" }, [row.qualifier ? `${row.qualifier} ${row.value}` : row.value, row.given ? t("previewGiven", state.lang, { day: row.given }) : "", row.status].filter((x) => x !== "").join(" · ")),
          h("div", { class: "provenance" }, provenance),
        ),
      );
    }
    this.preview.append(h("h2", {}, `${t("previewTitle", state.lang)}: ${entry.title[state.lang]}`), list);
    if (entry.rows > 5) this.preview.append(h("p", { class: "note" }, t("previewMore", state.lang, { count: entry.rows - 5 })));
  }

  private renderTables(state: State, force: boolean): void {
    const key = JSON.stringify([state.lang, state.records, state.catalog.entries.map((e) => e.id), state.chartChoice]);
    if (key !== this.lastTablesKey || force) {
      this.lastTablesKey = key;
      clear(this.tablesList);
      if (state.records.length === 0) this.tablesList.append(h("li", { class: "note" }, t("tablesEmpty", state.lang)));
      for (const record of state.records) this.tablesList.append(this.tableItem(state, record));
    }
    const busy = isBusy(state);
    for (const button of this.tablesList.querySelectorAll("fluent-button")) button.toggleAttribute("disabled", busy || !state.inExcel);
    this.refreshAllButton.toggleAttribute("disabled", busy || !state.inExcel || state.records.length === 0);
  }

  private tableItem(state: State, record: TableRecord): HTMLElement {
    const entry = state.catalog.entries.find((e) => e.id === record.datasetId);
    const title = entry ? entry.title[state.lang] : record.datasetId;
    const refresh = h("fluent-button", { size: "small", "aria-label": t("refreshOneLabel", state.lang, { table: record.tableName }) }, t("refreshOne", state.lang));
    refresh.addEventListener("click", () => this.on.refresh(record.tableName));
    const chart = h("fluent-button", { size: "small", "aria-label": t("chartButtonLabel", state.lang, { table: record.tableName }) }, t("chartButton", state.lang));
    chart.addEventListener("click", () => this.on.chart(record.tableName));
    const line = t("tableLine", state.lang, { title, version: record.version, asOf: record.asOf, refreshed: record.refreshedAt.replace("T", " ").slice(0, 16) });
    const item = h("li", { class: "table-item" }, h("span", { class: "name" }, record.tableName), h("span", { class: "meta" }, line), h("div", { class: "actions" }, refresh, chart));
    // The table holds several metrics or currencies: one button per chart it can show.
    const choice = state.chartChoice?.table === record.tableName ? state.chartChoice : null;
    if (choice) {
      const picks = choice.options.map((o) => {
        const params = { metric: o.metric, currency: o.currency, figures: o.figures, table: record.tableName };
        const pick = h("fluent-button", { size: "small", "aria-label": t("chartOptionLabel", state.lang, params) }, t("chartOption", state.lang, params));
        pick.addEventListener("click", () => this.on.chart(record.tableName, o.key));
        return pick;
      });
      item.append(h("p", { class: "note" }, t("chartChoose", state.lang, { table: record.tableName })), h("div", { class: "actions chart-choices" }, ...picks));
    }
    return item;
  }

  private renderSettings(state: State, force: boolean): void {
    void force;
    const { draft } = state;
    const data = fxDataInUse();
    const latest = rateInUse(null, state.lang, data);
    this.refLatest.label.textContent = t("referenceLatestOption", state.lang, { day: data.series.meta.last, rate: rateText(latest.rate) });
    this.refLatest.radio.checked = draft.referenceKind === "latest";
    this.refDate.radio.checked = draft.referenceKind === "date";
    this.refPeriod.radio.checked = draft.referenceKind === "period";
    this.refManual.radio.checked = draft.referenceKind === "manual";
    this.dateField.input.toggleAttribute("disabled", draft.referenceKind !== "date");
    this.periodField.input.toggleAttribute("disabled", draft.referenceKind !== "period");
    for (const [value, r] of Object.entries(this.basisRadios)) {
      r.radio.checked = draft.basis === value;
      r.radio.toggleAttribute("disabled", draft.referenceKind !== "period");
    }
    for (const [value, r] of Object.entries(this.sourceRadios)) {
      r.radio.checked = draft.source === value;
      r.radio.toggleAttribute("disabled", draft.referenceKind !== "period");
    }
    this.manual.input.toggleAttribute("disabled", draft.referenceKind !== "manual");
    if (document.activeElement !== this.dateField.input && this.dateField.input.value !== draft.dateText) this.dateField.input.value = draft.dateText;
    if (document.activeElement !== this.periodField.input && this.periodField.input.value !== draft.periodText) this.periodField.input.value = draft.periodText;
    if (document.activeElement !== this.manual.input && this.manual.input.value !== draft.manualText) this.manual.input.value = draft.manualText;
    if (document.activeElement !== this.feed.input && this.feed.input.value !== draft.feedText) this.feed.input.value = draft.feedText;

    const check = draft.referenceKind === "manual" ? referenceDraft(state) : null;
    const confirming = check !== null && !check.ok && check.confirm === true;
    this.manualConfirm.hidden = !confirming;
    if (confirming) this.manualConfirmText.textContent = t("manualConfirm", state.lang, { rate: draft.manualText.trim() });

    this.referenceNow.textContent = t("referenceNow", state.lang, { text: rateInUse(state.reference, state.lang, data).text });
    const age = ratesAge(state, data);
    this.ratesOld.hidden = !age.old;
    this.ratesOld.textContent = age.old ? t("ratesOld", state.lang, { last: age.last }) : "";
    const offer = moveOffer(state, data);
    this.moveBox.hidden = offer === null;
    if (offer) {
      const params = { fromDay: offer.fromDay, fromRate: rateText(offer.fromRate), toDay: offer.toDay, toRate: rateText(offer.toRate) };
      this.moveText.textContent = t("ratesNewer", state.lang, params);
      this.moveButton.textContent = t("ratesMove", state.lang, params);
    }
    this.feedAllowed.textContent =
      state.feedOrigins === null ? t("feedAllowedAny", state.lang) : t("feedAllowed", state.lang, { origins: state.feedOrigins.join(", ") });
  }
}
