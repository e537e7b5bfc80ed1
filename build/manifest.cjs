// @ts-check
/**
 * AIFIN manifest tooling (CommonJS so webpack.config.js and jest can both require it).
 *
 * - productionManifest(xml, prodBaseUrl): swap EVERY dev base URL for the production one.
 * - checkManifest(xml, options): offline structural checks of the XML add-in only manifest.
 *   Microsoft's validator (`office-addin-manifest validate`) is an online service; this is what
 *   we can check here. Each problem string starts with a rule tag ("resid: …", "icon: …").
 *
 * Rules come from the XSDs (OfficeAppManifestV1_1, TaskPaneAppVersionOverridesV1_0,
 * OfficeAppBasicTypesV1_0) and learn.microsoft.com pages on the XML manifest, the shared runtime,
 * Resources and localisation; the AIFIN-specific ones (namespace, ko-KR metadata) are ours.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { XMLParser, XMLValidator } = require("fast-xml-parser");

/** The base URL every dev manifest URL starts with; production builds replace all of them. */
const DEV_BASE_URL = "https://localhost:3000/";

/** Hosts that must never appear in a production manifest. */
const LOOPBACK_RE = /localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0/i;

/** The add-in's custom functions namespace: formulas read =AIFIN.NAME(…), so it never changes. */
const NAMESPACE = "AIFIN";
/** Locale every user-visible string must also be translated to. */
const SECOND_LOCALE = "ko-KR";
const DEFAULT_LOCALE = "en-US";

/** GUIDs that must never be our <Id>: the nil GUID and the one in Microsoft's Excel templates. */
const FORBIDDEN_IDS = ["00000000-0000-0000-0000-000000000000", "ca968be6-628b-4f14-ba3c-3e614effa9bd"];

/** Icon sizes bt:IconList accepts (OfficeAppBasicTypes: 16, 32, 80 mandatory; the rest optional). */
const ICON_LIST_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];
const ICON_LIST_REQUIRED = [16, 32, 80];
/** "The image file size should not exceed 100KB" (ImageResources in OfficeAppBasicTypes). */
const MAX_IMAGE_BYTES = 100 * 1024;

/**
 * Child order required by the XSD sequences, for the parents this manifest uses.
 * Keys are "Parent" or "Parent[xsi:type]"; children not listed are reported as unexpected.
 * @type {Record<string, string[]>}
 */
const CHILD_ORDER = {
  OfficeApp: [
    "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description",
    "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements",
    "DefaultSettings", "Permissions", "VersionOverrides",
  ],
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins", "VersionOverrides"],
  "Host[Workbook]": ["Runtimes", "AllFormFactors", "DesktopFormFactor"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  "ExtensionPoint[CustomFunctions]": ["Script", "Page", "Metadata", "Namespace"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  Group: ["Label", "Icon", "Control"],
  "Control[Button]": ["Label", "Supertip", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  "Action[ShowTaskpane]": ["TaskpaneId", "SourceLocation", "Title"],
};

/**
 * Requirement sets the manifest must declare, each at least at a version: [name, least, why].
 * Which version the code needs is build/api-sets.cjs's business (test/build/api-sets.test.ts).
 * @type {[string, string, string][]}
 */
const REQUIRED_SETS = [
  ["SharedRuntime", "1.1", "the task pane and the functions share one runtime"],
  ["CustomFunctionsRuntime", "1.1", "the add-in has custom functions"],
  ["ExcelApi", "1.1", "the task pane writes to the workbook"],
];

/**
 * Compares "1.13" with "1.9" as versions.
 * @param {string} a
 * @param {string} b
 */
function compareVersion(a, b) {
  const [x1, x2 = 0] = a.split(".").map(Number);
  const [y1, y2 = 0] = b.split(".").map(Number);
  return x1 - y1 || x2 - y2;
}

/** Required children (minOccurs=1) of OfficeApp for a TaskPaneApp. */
const OFFICEAPP_REQUIRED = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings", "Permissions"];

/**
 * Which resource collection a resid on a given element must point into.
 * @type {Record<string, ResourceKind>}
 */
const RESID_KIND = {
  Image: "Images",
  Runtime: "Urls",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};

/** Maximum lengths (OfficeAppBasicTypes): ids 32, short strings 125, long strings 250, URLs 2048. */
const MAX_LEN = { id: 32, ShortStrings: 125, LongStrings: 250, url: 2048 };

/**
 * @typedef {"Images" | "Urls" | "ShortStrings" | "LongStrings"} ResourceKind
 *
 * @typedef {object} XmlNode
 * @property {string} name       element name as written (may carry a prefix, e.g. "bt:Image")
 * @property {string} local      local name without prefix
 * @property {Record<string, string>} attrs
 * @property {XmlNode[]} children
 * @property {string} text       concatenated direct text content, trimmed
 * @property {XmlNode | null} parent
 *
 * @typedef {object} Resource
 * @property {string} id
 * @property {ResourceKind} kind
 * @property {string} value      DefaultValue
 * @property {{ locale: string, value: string }[]} overrides
 * @property {XmlNode} node
 *
 * @typedef {object} CheckOptions
 * @property {string} [assetsDir]  directory holding the icon files named by the manifest's
 *   …/assets/… URLs; without it, icon files are not opened (sizes stated in ids are still checked).
 * @property {boolean} [production]  also require that no URL points at a loopback host.
 * @property {string} [distDir]  a built output directory: every URL under the add-in's base URL
 *   must name a file that exists there (e.g. dist/taskpane.html, dist/functions-ko.json).
 * @property {string} [baseUrl]  the add-in's base URL (default: the directory of
 *   DefaultSettings/SourceLocation, i.e. where taskpane.html lives).
 */

// ---------------------------------------------------------------------------------------------
// Production URL replacement
// ---------------------------------------------------------------------------------------------

/**
 * Normalises and validates a production base URL: https, no credentials/query/fragment,
 * not a loopback host, ending in "/".
 * @param {string} prodBaseUrl
 * @returns {string}
 */
function normaliseBaseUrl(prodBaseUrl) {
  if (typeof prodBaseUrl !== "string" || prodBaseUrl.trim() === "") {
    throw new Error("productionManifest: a production base URL is required (e.g. https://aifin.example.com/)");
  }
  /** @type {URL} */
  let url;
  try {
    url = new URL(prodBaseUrl.trim());
  } catch {
    throw new Error(`productionManifest: "${prodBaseUrl}" is not a valid URL`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`productionManifest: "${prodBaseUrl}" must use https (Office only loads https add-ins)`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(`productionManifest: "${prodBaseUrl}" must not carry credentials, a query or a fragment`);
  }
  if (LOOPBACK_RE.test(url.hostname)) {
    throw new Error(`productionManifest: "${prodBaseUrl}" points at a loopback host`);
  }
  let href = url.href;
  if (!href.endsWith("/")) href += "/";
  return href;
}

/** @param {string} s */
function escapeXmlAttr(s) {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Returns the manifest with EVERY occurrence of DEV_BASE_URL replaced by prodBaseUrl
 * (a missing trailing "/" is added). Throws if prodBaseUrl is not an https URL, or if any
 * loopback host (localhost, 127.0.0.1, …) is left in the result.
 * @param {string} xml
 * @param {string} prodBaseUrl
 * @returns {string}
 */
function productionManifest(xml, prodBaseUrl) {
  const base = escapeXmlAttr(normaliseBaseUrl(prodBaseUrl));
  // split/join replaces all occurrences (String.replace with a string pattern only does the first).
  const out = xml.split(DEV_BASE_URL).join(base);
  const left = out.match(new RegExp(`.{0,40}(${LOOPBACK_RE.source}).{0,40}`, "i"));
  if (left) {
    throw new Error(`productionManifest: a loopback reference is left after replacing ${DEV_BASE_URL}: "${left[0].trim()}"`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// XML reading
// ---------------------------------------------------------------------------------------------

/**
 * Parses XML into a small ordered tree (comments dropped). Assumes well-formed input.
 * @param {string} xml
 * @returns {XmlNode[]} top-level elements
 */
function parseXml(xml) {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  /** @type {any[]} */
  const raw = parser.parse(xml);
  return convert(raw, null);
}

/**
 * @param {any[]} items
 * @param {XmlNode | null} parent
 * @returns {XmlNode[]}
 */
function convert(items, parent) {
  /** @type {XmlNode[]} */
  const nodes = [];
  for (const item of items) {
    const name = Object.keys(item).find((k) => k !== ":@" && k !== "#text");
    if (!name) continue;
    /** @type {XmlNode} */
    const node = {
      name,
      local: name.includes(":") ? name.slice(name.indexOf(":") + 1) : name,
      attrs: item[":@"] ? { ...item[":@"] } : {},
      children: [],
      text: "",
      parent,
    };
    const inner = Array.isArray(item[name]) ? item[name] : [];
    node.text = inner
      .filter((/** @type {any} */ c) => "#text" in c)
      .map((/** @type {any} */ c) => String(c["#text"]))
      .join("")
      .trim();
    node.children = convert(inner, node);
    nodes.push(node);
  }
  return nodes;
}

/**
 * Attribute by name, falling back to its local name (so "xsi:type" also finds "type").
 * @param {XmlNode | null | undefined} node
 * @param {string} name
 * @returns {string | undefined}
 */
function attr(node, name) {
  if (!node) return undefined;
  if (name in node.attrs) return node.attrs[name];
  const local = name.includes(":") ? name.slice(name.indexOf(":") + 1) : name;
  const key = Object.keys(node.attrs).find((k) => k === local || k.endsWith(`:${local}`));
  return key === undefined ? undefined : node.attrs[key];
}

/** @param {XmlNode} node */
function xsiType(node) {
  return attr(node, "xsi:type");
}

/**
 * @param {XmlNode | null | undefined} node
 * @param {string} local
 * @returns {XmlNode[]}
 */
function kids(node, local) {
  return node ? node.children.filter((c) => c.local === local) : [];
}

/**
 * @param {XmlNode | null | undefined} node
 * @param {...string} locals a path of local names
 * @returns {XmlNode | undefined}
 */
function kid(node, ...locals) {
  /** @type {XmlNode | undefined} */
  let cur = node || undefined;
  for (const l of locals) {
    cur = cur ? cur.children.find((c) => c.local === l) : undefined;
  }
  return cur;
}

/**
 * Every element under (and including) node, depth first, in document order.
 * @param {XmlNode} node
 * @returns {XmlNode[]}
 */
function all(node) {
  /** @type {XmlNode[]} */
  const out = [node];
  for (const c of node.children) out.push(...all(c));
  return out;
}

/** @param {XmlNode} node */
function where(node) {
  /** @type {string[]} */
  const names = [];
  /** @type {XmlNode | null} */
  let cur = node;
  while (cur) {
    const t = xsiType(cur);
    names.unshift(t && cur.local !== "OfficeApp" && cur.local !== "VersionOverrides" ? `${cur.local}[${t}]` : cur.local);
    cur = cur.parent;
  }
  return names.join("/");
}

/**
 * Reads width, height and colour type from a PNG's IHDR chunk.
 * @param {Buffer} buf
 * @returns {{ width: number, height: number, colorType: number } | null} null if not a PNG
 */
function readPngSize(buf) {
  const SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length < 26 || SIG.some((b, i) => buf[i] !== b)) return null;
  if (buf.toString("latin1", 12, 16) !== "IHDR") return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), colorType: buf[25] };
}

/**
 * @param {string} s
 * @returns {URL | null}
 */
function tryUrl(s) {
  try {
    return new URL(s);
  } catch {
    return null;
  }
}

/** @param {string | undefined} a @param {string | undefined} b */
function sameLocale(a, b) {
  return (a || "").toLowerCase() === (b || "").toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

/**
 * The requirement sets a manifest declares for the whole add-in (<OfficeApp><Requirements><Sets>),
 * each at its MinVersion (or the Sets' DefaultMinVersion, or 1.1).
 * @param {string} xml
 * @returns {Record<string, string>} set name → version, e.g. { SharedRuntime: "1.1", ExcelApi: "1.13" }
 */
function declaredRequirementSets(xml) {
  const app = parseXml(xml).find((n) => n.local === "OfficeApp");
  const sets = kid(app, "Requirements", "Sets");
  /** @type {Record<string, string>} */
  const out = {};
  for (const set of kids(sets, "Set")) out[attr(set, "Name") ?? ""] = attr(set, "MinVersion") ?? attr(sets, "DefaultMinVersion") ?? "1.1";
  return out;
}

/**
 * Checks an XML add-in only manifest offline. Returns problems, each prefixed with its rule
 * ("xml", "order", "id", "version", "host", "requirement", "permissions", "locale", "length",
 * "resid", "runtime", "taskpane", "metadata", "namespace", "url", "localhost", "origin",
 * "appdomain", "icon", "dist"). An empty array means the manifest passed.
 * @param {string} xml
 * @param {CheckOptions} [options]
 * @returns {string[]}
 */
function checkManifest(xml, options = {}) {
  /** @type {string[]} */
  const problems = [];
  /** @param {string} rule @param {string} msg */
  const report = (rule, msg) => problems.push(`${rule}: ${msg}`);

  // --- well-formed, one OfficeApp root -------------------------------------------------------
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    report("xml", `not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
    return problems;
  }
  const roots = parseXml(xml);
  if (roots.length !== 1 || roots[0].local !== "OfficeApp") {
    report("xml", `the document must have exactly one root element <OfficeApp> (found: ${roots.map((r) => `<${r.name}>`).join(", ") || "none"})`);
    return problems;
  }
  const app = roots[0];
  if (xsiType(app) !== "TaskPaneApp") report("xml", `<OfficeApp> must have xsi:type="TaskPaneApp" (found "${xsiType(app) ?? ""}")`);

  checkOrder(app, report);
  for (const req of OFFICEAPP_REQUIRED) {
    if (!kid(app, req)) report("order", `<OfficeApp> is missing required <${req}>`);
  }

  // --- identity ------------------------------------------------------------------------------
  const id = kid(app, "Id")?.text ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    report("id", `<Id> must be a GUID like 3e139f00-e9fb-49ba-87fc-dbef4bd71802 (found "${id}")`);
  } else if (FORBIDDEN_IDS.includes(id.toLowerCase())) {
    report("id", `<Id> ${id} is the nil GUID or Microsoft's template GUID: generate a new one`);
  }
  const version = kid(app, "Version")?.text ?? "";
  if (!/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(version)) {
    report("version", `<Version> must be four numeric parts like 1.0.0.0 (found "${version}")`);
  }
  const provider = kid(app, "ProviderName")?.text ?? "";
  if (provider.length === 0 || provider.length > MAX_LEN.ShortStrings) {
    report("length", `<ProviderName> must be 1–${MAX_LEN.ShortStrings} characters`);
  }

  // --- hosts, requirements, permissions -------------------------------------------------------
  const hostNames = kids(kid(app, "Hosts"), "Host").map((h) => attr(h, "Name"));
  if (hostNames.length !== 1 || hostNames[0] !== "Workbook") {
    report("host", `<Hosts> must list exactly <Host Name="Workbook"/> (found ${JSON.stringify(hostNames)})`);
  }
  const declared = declaredRequirementSets(xml);
  for (const [name, least, why] of REQUIRED_SETS) {
    const v = declared[name];
    if (v === undefined) {
      report("requirement", `<Requirements><Sets> must declare <Set Name="${name}" MinVersion="…"/> (${why})`);
    } else if (!/^\d+\.\d+$/.test(v) || compareVersion(v, least) < 0) {
      report("requirement", `${name} MinVersion must be a version of at least ${least} (found "${v}"; ${why})`);
    }
  }
  const permissions = kid(app, "Permissions")?.text;
  if (permissions !== "ReadWriteDocument") {
    report("permissions", `<Permissions> must be ReadWriteDocument (found "${permissions ?? ""}")`);
  }

  // --- locale and top-level strings ----------------------------------------------------------
  const defaultLocale = kid(app, "DefaultLocale")?.text ?? "";
  if (!sameLocale(defaultLocale, DEFAULT_LOCALE)) {
    report("locale", `<DefaultLocale> must be ${DEFAULT_LOCALE} (found "${defaultLocale}")`);
  }
  for (const [name, max] of /** @type {const} */ ([["DisplayName", MAX_LEN.ShortStrings], ["Description", MAX_LEN.LongStrings]])) {
    const el = kid(app, name);
    if (!el) continue;
    checkLocaleAware(el, `<${name}>`, max, defaultLocale, true, report);
  }

  // --- VersionOverrides: resources ------------------------------------------------------------
  const vo = kid(app, "VersionOverrides");
  if (!vo) {
    report("order", "<VersionOverrides> is missing: no ribbon, no shared runtime, no custom functions");
    checkUrls(xml, app, new Map(), options, report);
    return problems;
  }
  const voType = xsiType(vo);
  if (voType !== "VersionOverridesV1_0") report("xml", `<VersionOverrides> must have xsi:type="VersionOverridesV1_0" (found "${voType ?? ""}")`);

  /** @type {Map<string, Resource>} */
  const resources = new Map();
  const resourcesEl = kid(vo, "Resources");
  for (const kind of /** @type {ResourceKind[]} */ (["Images", "Urls", "ShortStrings", "LongStrings"])) {
    for (const el of kid(resourcesEl, kind)?.children ?? []) {
      const rid = attr(el, "id") ?? "";
      if (!rid) {
        report("resid", `a <${el.name}> in <bt:${kind}> has no id`);
        continue;
      }
      if (rid.length > MAX_LEN.id) report("length", `resource id "${rid}" is longer than ${MAX_LEN.id} characters`);
      if (resources.has(rid)) {
        report("resid", `resource id "${rid}" is defined more than once`);
        continue;
      }
      resources.set(rid, {
        id: rid,
        kind,
        value: attr(el, "DefaultValue") ?? "",
        overrides: kids(el, "Override").map((o) => ({ locale: attr(o, "Locale") ?? "", value: attr(o, "Value") ?? "" })),
        node: el,
      });
    }
  }

  // --- resid references -----------------------------------------------------------------------
  const hostsEl = kid(vo, "Hosts");
  const referencing = all(vo).filter((n) => attr(n, "resid") !== undefined);
  /** @type {Set<string>} */
  const used = new Set();
  for (const ref of referencing) {
    const rid = attr(ref, "resid") ?? "";
    used.add(rid);
    const res = resources.get(rid);
    if (!res) {
      report("resid", `resid "${rid}" on <${ref.name}> (${where(ref)}) is not defined in <Resources>`);
      continue;
    }
    const want = RESID_KIND[ref.local];
    if (want && res.kind !== want) {
      report("resid", `resid "${rid}" on <${ref.name}> must name a bt:${want.replace(/s$/, "")} resource, but it is in bt:${res.kind}`);
    }
  }
  for (const res of resources.values()) {
    if (!used.has(res.id)) report("resid", `resource "${res.id}" (bt:${res.kind}) is defined but never used`);
  }

  // --- workbook host, shared runtime ---------------------------------------------------------
  const voHosts = kids(hostsEl, "Host");
  const workbook = voHosts.find((h) => xsiType(h) === "Workbook");
  if (voHosts.length !== 1 || !workbook) {
    report("host", `<VersionOverrides><Hosts> must hold exactly one <Host xsi:type="Workbook"> (found ${voHosts.length})`);
  }
  const runtimes = all(vo).filter((n) => n.local === "Runtime");
  const runtimeResid = runtimes.length === 1 ? attr(runtimes[0], "resid") : undefined;
  if (runtimes.length !== 1) {
    report("runtime", `exactly one <Runtime> is required for the shared runtime (found ${runtimes.length}: ${runtimes.map((r) => attr(r, "resid")).join(", ")})`);
  } else {
    if (attr(runtimes[0], "lifetime") !== "long") report("runtime", `<Runtime resid="${runtimeResid}"> must have lifetime="long"`);
    if (runtimes[0].parent?.local !== "Runtimes" || runtimes[0].parent?.parent !== workbook) {
      report("runtime", "<Runtime> must sit in <Runtimes>, the first child of the Workbook <Host>");
    }
  }

  const customFunctions = all(vo).find((n) => n.local === "ExtensionPoint" && xsiType(n) === "CustomFunctions");
  const pageResid = attr(kid(customFunctions, "Page", "SourceLocation"), "resid");
  const functionFiles = all(vo).filter((n) => n.local === "FunctionFile");
  const showTaskpanes = all(vo).filter((n) => n.local === "Action" && xsiType(n) === "ShowTaskpane");
  if (runtimeResid) {
    /** @type {[string, string | undefined][]} */
    const mustShare = [["CustomFunctions <Page><SourceLocation>", pageResid]];
    for (const ff of functionFiles) mustShare.push(["<FunctionFile>", attr(ff, "resid")]);
    for (const st of showTaskpanes) mustShare.push([`ShowTaskpane <SourceLocation> (${where(st)})`, attr(kid(st, "SourceLocation"), "resid")]);
    if (functionFiles.length === 0) report("runtime", `<DesktopFormFactor> needs <FunctionFile resid="${runtimeResid}"/> for the shared runtime`);
    for (const [what, rid] of mustShare) {
      if (rid !== runtimeResid) {
        report("runtime", `${what} uses resid "${rid ?? "(none)"}" but the shared runtime is "${runtimeResid}": every component must use the runtime's resid`);
      }
    }
    const runtimeUrl = resources.get(runtimeResid)?.value;
    const defaultPage = attr(kid(app, "DefaultSettings", "SourceLocation"), "DefaultValue");
    if (runtimeUrl && defaultPage && runtimeUrl !== defaultPage) {
      report("runtime", `<DefaultSettings><SourceLocation> (${defaultPage}) must be the shared runtime page ${runtimeUrl}`);
    }
  }
  if (showTaskpanes.length === 0) report("taskpane", "no ribbon button opens the task pane (Action xsi:type=\"ShowTaskpane\")");
  for (const st of showTaskpanes) {
    const paneId = kid(st, "TaskpaneId");
    // Microsoft's shared-runtime page: a <TaskpaneId> makes Office open a task pane of its own
    // beside the runtime's; the pane of a shared runtime is the <Runtime>'s page, named by resid.
    if (paneId) report("taskpane", `<TaskpaneId>${paneId.text}</TaskpaneId> in ${where(st)} must go: with a shared runtime the ShowTaskpane action opens the runtime's page by its resid alone`);
  }

  // --- custom functions: script, metadata, namespace ----------------------------------------
  if (!customFunctions) {
    report("metadata", `<AllFormFactors> has no <ExtensionPoint xsi:type="CustomFunctions">`);
  } else {
    const scriptRes = resources.get(attr(kid(customFunctions, "Script", "SourceLocation"), "resid") ?? "");
    if (!scriptRes || !/\.js$/i.test(tryUrl(scriptRes.value)?.pathname ?? "")) {
      report("metadata", `CustomFunctions <Script> must point at a .js URL (found "${scriptRes?.value ?? ""}")`);
    }
    const metaResid = attr(kid(customFunctions, "Metadata", "SourceLocation"), "resid");
    const meta = resources.get(metaResid ?? "");
    if (!metaResid) {
      report("metadata", "CustomFunctions has no <Metadata><SourceLocation resid=…/>: Excel cannot find functions.json");
    } else if (meta) {
      if (!/\/functions\.json$/.test(tryUrl(meta.value)?.pathname ?? "")) {
        report("metadata", `metadata URL "${meta.id}" must end in /functions.json (found "${meta.value}")`);
      }
      const ko = meta.overrides.find((o) => sameLocale(o.locale, SECOND_LOCALE));
      if (!ko) {
        report("metadata", `metadata URL "${meta.id}" needs <bt:Override Locale="${SECOND_LOCALE}"> pointing at functions-ko.json`);
      } else if (!/\/functions-ko\.json$/.test(tryUrl(ko.value)?.pathname ?? "")) {
        report("metadata", `metadata URL "${meta.id}" ${SECOND_LOCALE} override must end in /functions-ko.json (found "${ko.value}")`);
      }
    }
    const nsResid = attr(kid(customFunctions, "Namespace"), "resid");
    const ns = resources.get(nsResid ?? "");
    if (!nsResid) {
      report("namespace", `CustomFunctions has no <Namespace resid=…/>: functions would not be =${NAMESPACE}.NAME()`);
    } else if (ns) {
      for (const value of [ns.value, ...ns.overrides.map((o) => o.value)]) {
        if (value.length > 32) report("namespace", `namespace "${value}" is ${value.length} characters; at most 32 are allowed`);
        if (!/^[A-Za-z0-9_]+$/.test(value)) report("namespace", `namespace "${value}" may contain only letters, digits and underscores`);
        if (value !== NAMESPACE) report("namespace", `namespace must be "${NAMESPACE}" in every locale (formulas read =${NAMESPACE}.NAME), found "${value}"`);
      }
    }
  }

  // --- strings: length and ko-KR translations -------------------------------------------------
  const namespaceResid = attr(kid(customFunctions, "Namespace"), "resid");
  for (const res of resources.values()) {
    if (res.kind !== "ShortStrings" && res.kind !== "LongStrings") continue;
    checkLocaleAware(res.node, `string "${res.id}"`, MAX_LEN[res.kind], defaultLocale, res.id !== namespaceResid, report);
  }

  // --- icons referenced from the ribbon ------------------------------------------------------
  for (const list of all(vo).filter((n) => n.local === "Icon")) {
    const sizes = kids(list, "Image").map((img) => Number(attr(img, "size")));
    for (const need of ICON_LIST_REQUIRED) {
      if (!sizes.includes(need)) report("icon", `<Icon> in ${where(list)} lacks the required ${need}px image`);
    }
    for (const img of kids(list, "Image")) {
      const size = Number(attr(img, "size"));
      if (!ICON_LIST_SIZES.includes(size)) report("icon", `<bt:Image size="${attr(img, "size")}"> is not a supported icon size (${ICON_LIST_SIZES.join(", ")})`);
      const res = resources.get(attr(img, "resid") ?? "");
      const stated = res ? statedSize(res.id) : null;
      if (res && stated !== size) {
        report("icon", `<bt:Image size="${size}" resid="${res.id}">: the resource is ${stated ?? "of unstated size"} (its id must say NxN, e.g. Icon.${size}x${size})`);
      }
    }
  }
  /** @type {{ what: string, url: string, size: number }[]} */
  const iconFiles = [];
  for (const res of resources.values()) {
    if (res.kind !== "Images") continue;
    const size = statedSize(res.id);
    if (size === null) {
      report("icon", `image resource "${res.id}" must state its size in its id (e.g. Icon.32x32)`);
      continue;
    }
    for (const url of [res.value, ...res.overrides.map((o) => o.value)]) iconFiles.push({ what: `image "${res.id}"`, url, size });
  }
  for (const [name, size] of /** @type {const} */ ([["IconUrl", 32], ["HighResolutionIconUrl", 64]])) {
    const el = kid(app, name);
    if (!el) {
      report("icon", `<${name}> is missing (a ${size}x${size} PNG)`);
      continue;
    }
    for (const url of [attr(el, "DefaultValue") ?? "", ...kids(el, "Override").map((o) => attr(o, "Value") ?? "")]) {
      iconFiles.push({ what: `<${name}>`, url, size });
    }
  }
  for (const icon of iconFiles) checkIconFile(icon, options.assetsDir, report);

  // --- URLs --------------------------------------------------------------------------------------
  checkUrls(xml, app, resources, options, report);

  // --- same origin for the shared runtime's code ---------------------------------------------
  const pageUrl = tryUrl(attr(kid(app, "DefaultSettings", "SourceLocation"), "DefaultValue") ?? "");
  if (pageUrl && customFunctions) {
    for (const [what, el] of /** @type {const} */ ([["Script", kid(customFunctions, "Script", "SourceLocation")], ["Metadata", kid(customFunctions, "Metadata", "SourceLocation")]])) {
      const res = resources.get(attr(el, "resid") ?? "");
      if (!res) continue;
      for (const v of [res.value, ...res.overrides.map((o) => o.value)]) {
        const u = tryUrl(v);
        if (u && u.origin !== pageUrl.origin) report("origin", `CustomFunctions ${what} ${v} must be served from the task pane's origin ${pageUrl.origin}`);
      }
    }
  }

  // --- AppDomains ----------------------------------------------------------------------------
  const appDomains = kid(app, "AppDomains");
  if (appDomains) {
    const domains = kids(appDomains, "AppDomain");
    if (domains.length === 0) report("appdomain", "<AppDomains> must not be empty: remove it");
    for (const d of domains) {
      const u = tryUrl(d.text);
      if (!u || u.href.replace(/\/$/, "") !== u.origin || d.text.endsWith("/")) {
        report("appdomain", `<AppDomain>${d.text}</AppDomain> must be a bare origin like https://api.example.com (no path, no trailing "/")`);
      } else if (pageUrl && u.origin === pageUrl.origin) {
        report("appdomain", `<AppDomain>${d.text}</AppDomain> is the add-in's own origin: it has no effect, remove it`);
      }
    }
  }

  return problems;
}

/**
 * "Icon.32x32" → 32; null if the id states no square size.
 * @param {string} id
 */
function statedSize(id) {
  const m = /(\d+)x(\d+)$/.exec(id);
  return m && m[1] === m[2] ? Number(m[1]) : null;
}

/**
 * Checks an element with DefaultValue + <Override Locale Value>: lengths, no override for the
 * default locale, no duplicate locales, and (if required) a ko-KR translation.
 * @param {XmlNode} el
 * @param {string} what
 * @param {number} max
 * @param {string} defaultLocale
 * @param {boolean} needKorean
 * @param {(rule: string, msg: string) => void} report
 */
function checkLocaleAware(el, what, max, defaultLocale, needKorean, report) {
  const def = attr(el, "DefaultValue") ?? "";
  if (def.length === 0 || def.length > max) report("length", `${what} DefaultValue must be 1–${max} characters (it has ${def.length})`);
  /** @type {Set<string>} */
  const seen = new Set();
  for (const o of kids(el, "Override")) {
    const locale = attr(o, "Locale") ?? "";
    const value = attr(o, "Value") ?? "";
    if (value.length === 0 || value.length > max) report("length", `${what} ${locale} override must be 1–${max} characters (it has ${value.length})`);
    if (sameLocale(locale, defaultLocale)) report("locale", `${what} has an override for the default locale ${locale}, which Office does not allow`);
    if (seen.has(locale.toLowerCase())) report("locale", `${what} has two overrides for ${locale}`);
    seen.add(locale.toLowerCase());
  }
  if (needKorean && !seen.has(SECOND_LOCALE.toLowerCase())) {
    report("locale", `${what} has no <Override Locale="${SECOND_LOCALE}"> (Korean translation)`);
  }
}

/**
 * @param {{ what: string, url: string, size: number }} icon
 * @param {string | undefined} assetsDir
 * @param {(rule: string, msg: string) => void} report
 */
function checkIconFile(icon, assetsDir, report) {
  const u = tryUrl(icon.url);
  if (!u) return; // reported by the URL checks
  if (!/\.png$/i.test(u.pathname)) report("icon", `${icon.what} ${icon.url} must be a .png`);
  const at = u.pathname.lastIndexOf("/assets/");
  if (at < 0) {
    report("icon", `${icon.what} ${icon.url} must be served from the add-in's assets/ folder`);
    return;
  }
  if (!assetsDir) return;
  const rel = decodeURIComponent(u.pathname.slice(at + "/assets/".length));
  const file = path.resolve(assetsDir, rel);
  if (!file.startsWith(path.resolve(assetsDir) + path.sep)) {
    report("icon", `${icon.what} ${icon.url} escapes the assets folder`);
    return;
  }
  if (!fs.existsSync(file)) {
    report("icon", `${icon.what} ${icon.url}: file ${file} does not exist`);
    return;
  }
  const buf = fs.readFileSync(file);
  const png = readPngSize(buf);
  if (!png) {
    report("icon", `${icon.what} ${file} is not a PNG file`);
    return;
  }
  if (png.width !== icon.size || png.height !== icon.size) {
    report("icon", `${icon.what} ${file} is ${png.width}x${png.height}, expected ${icon.size}x${icon.size}`);
  }
  if (png.colorType !== 6) report("icon", `${icon.what} ${file} must be an RGBA PNG (colour type 6, found ${png.colorType})`);
  if (buf.length > MAX_IMAGE_BYTES) report("icon", `${icon.what} ${file} is ${buf.length} bytes; images must not exceed 100 KB`);
}

/**
 * Every URL-valued setting: parses, https, ≤2048 characters; in production no loopback host;
 * with distDir, every URL under the base URL names a built file.
 * @param {string} xml
 * @param {XmlNode} app
 * @param {Map<string, Resource>} resources
 * @param {CheckOptions} options
 * @param {(rule: string, msg: string) => void} report
 */
function checkUrls(xml, app, resources, options, report) {
  /** @type {{ what: string, url: string }[]} */
  const urls = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const el = kid(app, name);
    if (!el) continue;
    urls.push({ what: `<${name}>`, url: attr(el, "DefaultValue") ?? "" });
    for (const o of kids(el, "Override")) urls.push({ what: `<${name}> ${attr(o, "Locale")}`, url: attr(o, "Value") ?? "" });
  }
  const page = kid(app, "DefaultSettings", "SourceLocation");
  if (page) {
    urls.push({ what: "<DefaultSettings><SourceLocation>", url: attr(page, "DefaultValue") ?? "" });
    for (const o of kids(page, "Override")) urls.push({ what: `<DefaultSettings><SourceLocation> ${attr(o, "Locale")}`, url: attr(o, "Value") ?? "" });
  }
  for (const res of resources.values()) {
    if (res.kind !== "Images" && res.kind !== "Urls") continue;
    urls.push({ what: `resource "${res.id}"`, url: res.value });
    for (const o of res.overrides) urls.push({ what: `resource "${res.id}" ${o.locale}`, url: o.value });
  }

  for (const { what, url } of urls) {
    const u = tryUrl(url);
    if (!u) {
      report("url", `${what} "${url}" is not an absolute URL`);
      continue;
    }
    if (u.protocol !== "https:") report("url", `${what} ${url} must use https`);
    if (url.length > MAX_LEN.url) report("length", `${what} is longer than ${MAX_LEN.url} characters`);
    if (options.production && LOOPBACK_RE.test(u.hostname)) {
      report("localhost", `${what} ${url} points at a loopback host in a production manifest`);
    }
  }
  if (options.production) {
    // Anywhere at all, comments included: a stray dev URL is a bug even where Office ignores it.
    if (LOOPBACK_RE.test(xml)) report("localhost", "the production manifest still mentions a loopback host (localhost / 127.0.0.1)");
  }

  if (options.distDir) {
    const base = options.baseUrl ?? (page ? new URL(".", attr(page, "DefaultValue") ?? "").href : undefined);
    if (!base) {
      report("dist", "cannot tell the add-in's base URL (no DefaultSettings SourceLocation, no baseUrl option)");
      return;
    }
    const root = path.resolve(options.distDir);
    if (!fs.existsSync(root)) {
      report("dist", `build output directory ${root} does not exist`);
      return;
    }
    /** @type {Set<string>} */
    const missing = new Set();
    for (const { what, url } of urls) {
      const u = tryUrl(url);
      if (!u) continue;
      const clean = u.origin + u.pathname;
      if (!clean.startsWith(base)) continue; // another site, e.g. a documentation link
      const rel = decodeURIComponent(clean.slice(base.length)) || "index.html";
      const file = path.resolve(root, rel);
      if (missing.has(file)) continue;
      if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        missing.add(file);
        report("dist", `${what} ${url}: the build output ${root} has no file ${rel}`);
      }
    }
  }
}

/**
 * Element order (the XSD sequences) and unexpected children, for the parents in CHILD_ORDER.
 * @param {XmlNode} app
 * @param {(rule: string, msg: string) => void} report
 */
function checkOrder(app, report) {
  for (const node of all(app)) {
    const t = xsiType(node);
    const order = CHILD_ORDER[t && node.local !== "OfficeApp" && node.local !== "VersionOverrides" ? `${node.local}[${t}]` : node.local];
    if (!order) continue;
    let last = -1;
    /** @type {string | null} */
    let lastName = null;
    for (const c of node.children) {
      const i = order.indexOf(c.local);
      if (i < 0) {
        report("order", `<${c.name}> is not allowed in ${where(node)} (allowed, in this order: ${order.join(", ")})`);
        continue;
      }
      if (i < last) report("order", `<${c.name}> must come before <${lastName}> in ${where(node)} (order: ${order.join(", ")})`);
      else {
        last = i;
        lastName = c.name;
      }
    }
  }
}

module.exports = { DEV_BASE_URL, NAMESPACE, productionManifest, checkManifest, declaredRequirementSets, readPngSize };
