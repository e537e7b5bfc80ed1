/* Task pane entry: the only side effects of the pane live here (Office.onReady, the DOM, fetch,
 * crypto, the clock, Excel.run). Everything else is pure (core, state, i18n, feed checks) or a
 * thin adapter taking a request context (./excel).
 *
 * UI: Fluent UI web components v3 rather than Fluent UI React v9. They are framework-free (no
 * React runtime in the bundle) and style themselves through constructable stylesheets
 * (adoptedStyleSheets), so the pane can run under a strict Content-Security-Policy without
 * 'unsafe-inline' for styles; React v9's Griffel injects <style> tags at run time. Our own layout
 * styles go the same way (view.ts), and the page has no inline script or style. */
import { allDatasets } from "../core/data/catalog";
import { onLatestUsed, setReferenceChoice, setSharedRates } from "../shared/reference-rate";
import { answerAsk, answerClean, applyReference, chart, clean, confirmManual, loadSelected, moveToLatest, refresh, saveFeed, setLanguage, start, type Deps } from "./actions";
import { allowedFeedOrigins, type FeedIO } from "./feed";
import { httpFeed } from "./feed-http";
import { applyTheme } from "./fluent";
import { languageFor } from "./i18n";
import { initialState, reduce, type Event, type State } from "./state";
import { PaneView } from "./view";

/* No requirement-set checks here: manifest.xml declares the ExcelApi and CustomFunctionsRuntime
 * versions the code uses (test/build/api-sets.test.ts holds it to that), so Excel loads the add-in
 * only where they are all there. */

/** The feed over fetch: 15 s at most per file, 2 MiB at most per file (see feed-http.ts). Same
 * origin by default; a configured feed is https (checked before it is saved). */
const browserFeed: FeedIO = httpFeed({ fetch: (url, init) => fetch(url, init) });

function boot(info: { host: Office.HostType | null }): void {
  const root = document.getElementById("app");
  if (!root) return;
  applyTheme();
  const inExcel = info.host === Office.HostType.Excel;
  const displayLanguage = Office.context?.displayLanguage ?? navigator.language;
  // What this page's Content-Security-Policy lets the pane fetch (the build wrote it): settings accept only those feeds.
  const policies = [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => m.getAttribute("content") ?? "");
  let state: State = initialState(languageFor(displayLanguage, null), allowedFeedOrigins(policies, window.location.href));
  let view: PaneView | null = null;
  const dispatch = (event: Event) => {
    state = reduce(state, event);
    view?.render(state);
  };
  const deps: Deps = {
    excel: (action) => Excel.run((context) => action(context)),
    io: browserFeed,
    now: () => new Date().toISOString(),
    pageUrl: window.location.href,
    setReferenceChoice,
    setRates: setSharedRates,
    onLatestUsed,
    embedded: allDatasets,
    dispatch,
    state: () => state,
  };
  view = new PaneView(root, {
    view: (v) => dispatch({ type: "view", view: v }),
    filter: (text) => dispatch({ type: "filter", text }),
    select: (id) => dispatch({ type: "select", id }),
    target: (target) => dispatch({ type: "target", target }),
    load: () => void loadSelected(deps),
    refresh: (table) => void refresh(deps, table),
    chart: (table, choice) => void chart(deps, table, choice ?? null),
    clean: () => void clean(deps),
    cleanUnit: (unit) => dispatch({ type: "cleanUnit", unit }),
    answerClean: (choice) => void answerClean(deps, choice),
    answerAsk: (choice) => void answerAsk(deps, choice),
    dismiss: () => dispatch({ type: "dismiss" }),
    language: (lang) => void setLanguage(deps, lang),
    draft: (draft) => dispatch({ type: "draft", draft }),
    applyReference: () => void applyReference(deps),
    confirmManual: () => void confirmManual(deps),
    moveToLatest: () => void moveToLatest(deps),
    saveFeed: () => void saveFeed(deps),
  });
  view.render(state);
  void start(deps, displayLanguage, inExcel);
}

Office.onReady(boot);
