/* The host shim: runs in the task pane's iframe right after the real office.js (from the local
 * @microsoft/office-js package) and before the add-in's unchanged bundles. Outside Office,
 * office.js resolves Office.onReady with host null, leaves Excel undefined and gives
 * CustomFunctions only an `associate` nobody reads. This shim connects the page to the preview
 * workbook that owns it: CustomFunctions (Error, ErrorCode, associate → the workbook's
 * functions), Excel and OfficeExtension over the workbook, Office.onReady resolving with
 * host "Excel", Office.context (display language, requirement sets, document settings) and
 * Office.addin. What it does not implement throws "preview does not implement …". */
import { createCustomFunctionsRuntime } from "../engine/custom-functions-runtime";
import type { Workbook } from "../engine/workbook";
import { OfficeExtensionError, notImplemented, setNotImplementedReporter, strict } from "../excel/client";
import { createExcelNamespace, createOfficeExtensionNamespace } from "../excel/index";
import { PREVIEW_HOST_GLOBAL, type OfficeEnvironment, type PaneConnection, type PreviewHost } from "./contract";

type AnyRecord = Record<string, unknown>;
const win = window as unknown as AnyRecord & Window;

/** The workbook page that framed this pane, if any. */
function findHost(): PreviewHost | null {
  try {
    const parent = window.parent as unknown as AnyRecord;
    if (window.parent !== window && parent && parent[PREVIEW_HOST_GLOBAL]) return parent[PREVIEW_HOST_GLOBAL] as PreviewHost;
  } catch {
    // A cross-origin parent: not the preview.
  }
  return null;
}

/** Requirement sets the preview answers for (Excel on the web's, at the versions the preview follows). */
const REQUIREMENT_SETS: Record<string, number> = {
  excelapi: 1.17,
  customfunctionsruntime: 1.5,
  sharedruntime: 1.1,
  ribbonapi: 1.1,
  addincommands: 1.1,
  dialogapi: 1.2,
  identityapi: 1.3,
};

function isSetSupported(name: string, minVersion?: string | number): boolean {
  const have = REQUIREMENT_SETS[String(name).toLowerCase()];
  if (have === undefined) return false;
  if (minVersion === undefined || minVersion === null || minVersion === "") return true;
  const [haveMajor, haveMinor] = String(have).split(".").map(Number);
  const [wantMajor, wantMinor = 0] = String(minVersion).split(".").map(Number);
  return haveMajor > wantMajor || (haveMajor === wantMajor && (haveMinor || 0) >= wantMinor);
}

type AsyncCallback = (result: { status: string; value?: unknown; error?: unknown; asyncContext?: unknown }) => void;

function asyncDone(args: unknown[], value?: unknown): void {
  const cb = args.find((a) => typeof a === "function") as AsyncCallback | undefined;
  const options = args.find((a) => typeof a === "object" && a !== null) as { asyncContext?: unknown } | undefined;
  if (cb) setTimeout(() => cb({ status: "succeeded", value, asyncContext: options?.asyncContext }), 0);
}

/** Office.context.document.settings (the common API), over the workbook's settings. */
function documentSettings(getWorkbook: () => Workbook) {
  return strict(
    {
      get: (name: string) => {
        const v = getWorkbook().getSetting(name);
        return v === undefined ? null : v;
      },
      set: (name: string, value: unknown) => getWorkbook().setSetting(name, value),
      remove: (name: string) => getWorkbook().deleteSetting(name),
      saveAsync: (...args: unknown[]) => asyncDone(args),
      refreshAsync: (...args: unknown[]) => asyncDone(args),
      addHandlerAsync: (...args: unknown[]) => asyncDone(args),
      removeHandlerAsync: (...args: unknown[]) => asyncDone(args),
    },
    "Office.context.document.settings",
  );
}

function start(host: PreviewHost): void {
  let connection: PaneConnection | null = null;
  let workbook: Workbook | null = null;
  let environment: OfficeEnvironment = { displayLanguage: "en-US" };
  const getWorkbook = () => {
    if (!workbook) throw new OfficeExtensionError("GeneralException", "The preview workbook is not ready: call Excel after Office.onReady.", "Excel.run", 500);
    return workbook;
  };

  // CustomFunctions: associate forwards each registration to the workbook page.
  const customFunctions = createCustomFunctionsRuntime((id, fn) => connection?.associate(id, fn));
  connection = host.attachPane({ makeError: (code, message) => new customFunctions.Error(code, message) });
  setNotImplementedReporter((message) => {
    console.error(message);
    connection?.reportProblem(message);
  });
  win.CustomFunctions = customFunctions;
  win.Excel = createExcelNamespace(getWorkbook);
  win.OfficeExtension = createOfficeExtensionNamespace();

  // Office.onReady resolves once the workbook is connected.
  let resolveReady!: (info: { host: string; platform: string; addin: unknown }) => void;
  const ready = new Promise<{ host: string; platform: string; addin: unknown }>((r) => (resolveReady = r));
  const visibilityHandlers = new Set<(args: { visibilityMode: string }) => void>();
  let startupBehavior = "none";

  const office0 = win.Office as AnyRecord | undefined;
  if (!office0 || typeof office0.onReady !== "function") throw new Error("office.js did not define Office.onReady: the preview loads it before this shim");
  // office.js's own onReady resolves (host null) once it has initialized outside Office; the shim
  // waits for it so that nothing office.js sets up later replaces what the shim defines.
  const officeInitialized = (office0.onReady as () => Promise<unknown>).call(office0);

  const patchOffice = () => {
    const office = win.Office as AnyRecord | undefined;
    if (!office) throw new Error("office.js did not define Office: the preview loads it before this shim");
    office.onReady = (callback?: (info: unknown) => void) =>
      ready.then((info) => {
        if (callback) callback(info);
        return info;
      });
    defineContext(office, strict(
      {
        get displayLanguage() {
          return environment.displayLanguage;
        },
        get contentLanguage() {
          return environment.displayLanguage;
        },
        host: "Excel",
        platform: "OfficeOnline",
        diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0 (AIFIN preview)" },
        requirements: { isSetSupported },
        officeTheme: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#000000", isDarkTheme: false },
        document: strict(
          {
            settings: documentSettings(getWorkbook),
            mode: "readWrite",
            url: "Book1.xlsx",
            getSelectedDataAsync: () => {
              throw notImplemented("Office.context.document.getSelectedDataAsync (use Excel.Range)");
            },
          },
          "Office.context.document",
        ),
        ui: strict(
          {
            displayDialogAsync: () => {
              throw notImplemented("Office.context.ui.displayDialogAsync");
            },
          },
          "Office.context.ui",
        ),
      },
      "Office.context",
    ));
    office.addin = strict(
      {
        showAsTaskpane: () => {
          connection?.setPaneVisible(true);
          for (const h of visibilityHandlers) h({ visibilityMode: "Taskpane" });
          return Promise.resolve();
        },
        hide: () => {
          connection?.setPaneVisible(false);
          for (const h of visibilityHandlers) h({ visibilityMode: "Hidden" });
          return Promise.resolve();
        },
        onVisibilityModeChanged: (handler: (args: { visibilityMode: string }) => void) => {
          visibilityHandlers.add(handler);
          return Promise.resolve(() => {
            visibilityHandlers.delete(handler);
            return Promise.resolve();
          });
        },
        setStartupBehavior: (behavior: string) => {
          startupBehavior = behavior;
          return Promise.resolve();
        },
        getStartupBehavior: () => Promise.resolve(startupBehavior),
      },
      "Office.addin",
    );
  };
  patchOffice();

  const whenScriptsRan = () => {
    const slow = setTimeout(() => connection!.reportProblem("office.js did not finish initializing within 10 s (is dist/preview/office-js/ complete?)"), 10000);
    Promise.all([connection!.scriptsLoaded(), officeInitialized.then(() => clearTimeout(slow))])
      .then(([answer]) => {
        silenceTelemetry();
        workbook = answer.workbook;
        environment = answer.environment;
        patchOffice(); // office.js may have replaced what the shim set while it initialized
        resolveReady({ host: "Excel", platform: "OfficeOnline", addin: { visibilityMode: "Taskpane" } });
        const office = win.Office as AnyRecord;
        if (typeof office.initialize === "function") (office.initialize as (reason: string) => void)("inserted");
        // Ready when onReady callbacks ran and the pane painted.
        return ready.then(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
      })
      .then(() => connection!.paneReady(performance.now()))
      .catch((e) => {
        console.error(e);
        connection!.reportProblem(`The preview could not start the pane: ${(e as Error).message}`);
      });
  };
  // Deferred scripts (the add-in's bundles) have all run by DOMContentLoaded.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", whenScriptsRan, { once: true });
  else whenScriptsRan();
}

/**
 * Sets Office.context. office.js defines it as a getter over OSF._OfficeAppFactory.getContext()
 * once it has initialized (non-configurable): then the factory's getContext answers the shim's.
 */
function defineContext(office: AnyRecord, context: object): void {
  const desc = Object.getOwnPropertyDescriptor(office, "context");
  if (!desc || desc.configurable) {
    Object.defineProperty(office, "context", { value: context, writable: true, configurable: true, enumerable: true });
    return;
  }
  if (desc.writable) {
    office.context = context;
    return;
  }
  const factory = (win.OSF as { _OfficeAppFactory?: { getContext?: () => unknown } } | undefined)?._OfficeAppFactory;
  if (!factory) throw new Error("Office.context is read-only and office.js's context factory is missing: the preview cannot define Office.context");
  factory.getContext = () => context;
}

/**
 * office.js loads a hidden telemetry frame from Microsoft 3 s after it starts, even outside Office:
 * the preview sends nothing anywhere (the page's CSP would block the frame anyway).
 */
function silenceTelemetry(): void {
  const endpoint = (win.OSF as { Logger?: { ulsEndpoint?: { loadProxyFrame?: () => void } } } | undefined)?.Logger?.ulsEndpoint;
  if (endpoint) endpoint.loadProxyFrame = () => undefined;
}

/** Opened on its own (not inside the preview workbook): say so in the page, loudly. */
function standalone(): void {
  const message = "This is the AIFIN preview's task pane page: open /preview/ to use it inside the preview workbook.";
  console.error(message);
  const show = () => {
    const banner = document.createElement("p");
    banner.setAttribute("role", "alert");
    banner.textContent = message;
    banner.style.cssText = "background:#fde7e9;color:#a4262c;padding:8px;margin:0;font:14px sans-serif";
    document.body.prepend(banner);
  };
  if (document.body) show();
  else document.addEventListener("DOMContentLoaded", show, { once: true });
}

const previewHost = findHost();
if (previewHost) start(previewHost);
else standalone();
