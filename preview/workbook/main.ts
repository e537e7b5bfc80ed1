/* The preview workbook page: reads the built functions.json and the manifest's namespace, frames
 * the add-in's real task pane (taskpane-preview.html: the built taskpane.html with office.js from
 * the local package and the host shim), turns the functions bundle's registrations into
 * HyperFormula functions, and shows the workbook both of them work on. */
import { checkRegistrations, parseFunctionsMetadata, type FunctionsMetadata } from "../engine/functions-metadata";
import type { AssociatedFunction } from "../engine/custom-functions-runtime";
import { Workbook } from "../engine/workbook";
import { PREVIEW_HOST_GLOBAL, type PaneConnection, type PaneSide, type PreviewHost } from "../host/contract";
import { GridView } from "./grid";

/** What tests and the bench read from the page (`window.aifinPreview`). */
export interface PreviewHandle {
  workbook: Workbook | null;
  /** Milliseconds from this page's navigation start to the pane's Office.onReady having run and painted. */
  paneReadyMs: number | null;
  /** Registrations the functions bundle made, by id. */
  registeredIds: string[];
  namespace: string;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url, { cache: "no-store" });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

/** The custom-functions namespace from the manifest (`<Namespace resid="…"/>` → its short string). */
function namespaceFromManifest(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const ns = doc.getElementsByTagName("Namespace")[0]?.getAttribute("resid");
  if (!ns) throw new Error("manifest.xml declares no custom-functions <Namespace>");
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    if (el.localName === "String" && el.getAttribute("id") === ns && el.parentElement?.localName === "ShortStrings") {
      const value = el.getAttribute("DefaultValue");
      if (value) return value;
    }
  }
  throw new Error(`manifest.xml has no short string "${ns}" for the namespace`);
}

function displayLanguage(): string {
  const fromQuery = new URLSearchParams(location.search).get("lang");
  const stored = (() => {
    try {
      return localStorage.getItem("aifin-preview-display-language");
    } catch {
      return null;
    }
  })();
  return fromQuery ?? stored ?? "en-US";
}

async function main(): Promise<void> {
  const handle: PreviewHandle = { workbook: null, paneReadyMs: null, registeredIds: [], namespace: "" };
  (window as unknown as { aifinPreview: PreviewHandle }).aifinPreview = handle;
  const loading = $("loading");
  const pendingProblems: string[] = [];
  const problem = (message: string) => {
    if (handle.workbook) handle.workbook.reportProblem(message);
    else pendingProblems.push(message);
    console.error(`[preview] ${message}`);
  };

  let metadata: FunctionsMetadata;
  let namespace: string;
  try {
    const [json, manifest] = await Promise.all([fetchText("../functions.json"), fetchText("../manifest.xml")]);
    metadata = parseFunctionsMetadata(json);
    namespace = namespaceFromManifest(manifest);
  } catch (e) {
    loading.textContent = `The preview cannot start: ${(e as Error).message}. Build the add-in first (npm run build).`;
    loading.setAttribute("role", "alert");
    return;
  }
  handle.namespace = namespace;

  let language = displayLanguage();
  const select = $<HTMLSelectElement>("display-language");
  select.value = language;
  // Office starts add-ins again when its display language changes: the pane reloads, the workbook stays.
  select.addEventListener("change", () => {
    language = select.value;
    try {
      localStorage.setItem("aifin-preview-display-language", language);
    } catch {
      // no storage: the query string still works
    }
    const url = new URL(location.href);
    url.searchParams.set("lang", language);
    history.replaceState(null, "", url.toString());
    delete document.documentElement.dataset.paneReady;
    frame.contentWindow?.location.reload();
  });

  const registry = new Map<string, AssociatedFunction>();
  let recalculateWhenReady = false;
  let pane: PaneSide | null = null;
  const paneBox = $("pane");
  const toggle = $<HTMLButtonElement>("toggle-pane");
  const setPaneVisible = (visible: boolean) => {
    paneBox.hidden = !visible;
    toggle.setAttribute("aria-pressed", String(visible));
  };
  toggle.addEventListener("click", () => setPaneVisible(paneBox.hidden));

  const host: PreviewHost = {
    version: 1,
    attachPane(side: PaneSide): PaneConnection {
      pane = side;
      registry.clear();
      return {
        associate(id, fn) {
          registry.set(id.toUpperCase(), fn);
        },
        async scriptsLoaded() {
          handle.registeredIds = [...registry.keys()];
          for (const p of checkRegistrations(metadata, handle.registeredIds)) problem(p);
          if (!handle.workbook) {
            const wb = new Workbook({
              namespace,
              metadata,
              functions: {
                lookup: (id) => registry.get(id.toUpperCase()),
                makeError: (code, message) => pane!.makeError(code, message),
              },
            });
            handle.workbook = wb;
            for (const p of pendingProblems.splice(0)) wb.reportProblem(p);
            new GridView(wb, {
              area: $("sheet-area"),
              nameBox: $<HTMLInputElement>("name-box"),
              formulaBar: $<HTMLInputElement>("formula-bar"),
              tableName: $<HTMLInputElement>("table-name"),
              tabs: $("sheet-tabs"),
              addSheet: $<HTMLButtonElement>("add-sheet"),
              status: $("status"),
              problems: $("problems"),
              calcState: $("calc-state"),
            });
          } else {
            // A reloaded pane brought new function objects: everything is calculated again once
            // its Office.onReady callbacks ran (the functions take their message language there).
            recalculateWhenReady = true;
          }
          return { workbook: handle.workbook, environment: { displayLanguage: language } };
        },
        reportProblem: problem,
        paneReady(paneNow: number) {
          if (recalculateWhenReady) {
            recalculateWhenReady = false;
            handle.workbook?.calculate("Full");
          }
          const paneOrigin = frame.contentWindow?.performance.timeOrigin ?? performance.timeOrigin;
          handle.paneReadyMs = Math.round(paneOrigin + paneNow - performance.timeOrigin);
          document.documentElement.dataset.paneReady = "true";
        },
        setPaneVisible,
      };
    },
  };
  (window as unknown as Record<string, unknown>)[PREVIEW_HOST_GLOBAL] = host;

  const frame = document.createElement("iframe");
  frame.title = "AIFIN task pane";
  frame.src = "../taskpane-preview.html";
  paneBox.append(frame);
  frame.addEventListener("load", () => {
    // The pane page must load this preview's shim; a pane without it never connects.
    setTimeout(() => {
      if (!handle.workbook) problem("The task pane did not connect to the preview within 10 s: is dist/taskpane-preview.html built by webpack.preview.config.js?");
    }, 10000);
  });
}

void main();
