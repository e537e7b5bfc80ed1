/**
 * The AIFIN add-in manifest, as a specification.
 *
 * manifest.xml is checked offline by build/manifest.cjs (Microsoft's validator is an online
 * service). Each rule below has one passing case (the real manifest) and at least one failing
 * case made by mutating the XML text, so a rule that stops working fails here.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** The API of build/manifest.cjs (plain CommonJS shared with webpack.config.js). */
interface CheckOptions {
  assetsDir?: string;
  production?: boolean;
  distDir?: string;
  baseUrl?: string;
}
interface ManifestTools {
  DEV_BASE_URL: string;
  NAMESPACE: string;
  productionManifest(xml: string, prodBaseUrl: string): string;
  checkManifest(xml: string, options?: CheckOptions): string[];
  readPngSize(buf: Buffer): { width: number; height: number; colorType: number } | null;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tools = require("../build/manifest.cjs") as ManifestTools;
const { DEV_BASE_URL, productionManifest, checkManifest, readPngSize } = tools;

const ROOT = path.resolve(__dirname, "..");
const ASSETS = path.join(ROOT, "assets");
const SOURCE = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const PROD_BASE = "https://aifin.example.com/app/";
const DEV = { assetsDir: ASSETS };

/** Replaces exactly one occurrence of `from`, failing loudly if the manifest no longer has it. */
function mutate(xml: string, from: string, to: string): string {
  const at = xml.indexOf(from);
  if (at < 0) throw new Error(`test fixture out of date: manifest.xml no longer contains ${JSON.stringify(from)}`);
  return xml.slice(0, at) + to + xml.slice(at + from.length);
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** Asserts that some problem is tagged with `rule` and mentions `fragment`. */
function expectProblem(problems: string[], rule: string, fragment: string | RegExp): void {
  const hit = problems.some((p) => p.startsWith(`${rule}: `) && (typeof fragment === "string" ? p.includes(fragment) : fragment.test(p)));
  if (!hit) {
    throw new Error(`expected a "${rule}" problem mentioning ${String(fragment)}; got:\n  ${problems.join("\n  ") || "(no problems)"}`);
  }
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aifin-manifest-"));
  tempDirs.push(dir);
  return dir;
}
/** A copy of assets/ that a test may damage. */
function assetsCopy(): string {
  const dir = tempDir();
  for (const f of fs.readdirSync(ASSETS)) fs.copyFileSync(path.join(ASSETS, f), path.join(dir, f));
  return dir;
}
afterAll(() => {
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});

describe("manifest.xml in the repository", () => {
  test("passes every check in dev mode", () => {
    expect(checkManifest(SOURCE, DEV)).toEqual([]);
  });

  test("uses the dev base URL https://localhost:3000/ for every add-in URL, many times over", () => {
    expect(DEV_BASE_URL).toBe("https://localhost:3000/");
    const loopbackMentions = count(SOURCE, "localhost");
    expect(count(SOURCE, DEV_BASE_URL)).toBe(loopbackMentions);
    // More than one: a first-occurrence-only replace (Microsoft's template bug) would show.
    expect(loopbackMentions).toBeGreaterThanOrEqual(10);
  });

  test("declares the shared runtime on the task pane page and the AIFIN namespace", () => {
    expect(SOURCE).toContain('<Runtime resid="Taskpane.Url" lifetime="long"/>');
    expect(SOURCE).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
    expect(SOURCE).toContain('<bt:String id="Functions.Namespace" DefaultValue="AIFIN"/>');
    expect(SOURCE).toContain('Value="https://localhost:3000/functions-ko.json"');
  });

  test.each([16, 32, 64, 80])("assets/icon-%i.png is an RGBA PNG of exactly that size", (size) => {
    const png = readPngSize(fs.readFileSync(path.join(ASSETS, `icon-${size}.png`)));
    expect(png).toEqual({ width: size, height: size, colorType: 6 });
  });
});

describe("productionManifest", () => {
  test("replaces EVERY dev base URL, and the result passes the production checks", () => {
    const devCount = count(SOURCE, DEV_BASE_URL);
    const prod = productionManifest(SOURCE, PROD_BASE);
    expect(prod).not.toContain("localhost");
    expect(count(prod, PROD_BASE)).toBe(devCount);
    expect(prod).toContain(`${PROD_BASE}functions-ko.json`);
    expect(checkManifest(prod, { assetsDir: ASSETS, production: true })).toEqual([]);
  });

  test("adds a missing trailing slash to the production base URL", () => {
    const prod = productionManifest(SOURCE, "https://aifin.example.com/app");
    expect(prod).toContain("https://aifin.example.com/app/taskpane.html");
    expect(prod).not.toContain("apptaskpane");
  });

  test.each([
    ["plain http", "http://aifin.example.com/"],
    ["not a URL", "aifin.example.com/app/"],
    ["empty", ""],
    ["another scheme", "ftp://aifin.example.com/"],
    ["a query string", "https://aifin.example.com/?v=1"],
    ["a loopback host", "https://127.0.0.1:8443/"],
  ])("rejects a production base URL with %s", (_what, url) => {
    expect(() => productionManifest(SOURCE, url)).toThrow(/productionManifest/);
  });

  test("throws if a loopback URL survives the replacement", () => {
    const stray = mutate(SOURCE, "<SupportUrl DefaultValue=\"https://localhost:3000/support.html\"/>", "<SupportUrl DefaultValue=\"https://localhost:8080/help\"/>");
    expect(() => productionManifest(stray, PROD_BASE)).toThrow(/loopback/);
  });

  test("the unreplaced dev manifest fails the production checks", () => {
    expectProblem(checkManifest(SOURCE, { assetsDir: ASSETS, production: true }), "localhost", "https://localhost:3000/taskpane.html");
  });
});

describe("checkManifest: one failing case per rule", () => {
  type Case = [rule: string, change: string, xml: () => string, fragment: string | RegExp, options?: () => CheckOptions];
  const cases: Case[] = [
    ["xml", "malformed XML", () => mutate(SOURCE, "</Permissions>", "</Permission>"), "not well-formed"],
    ["order", "elements out of XSD order", () => mutate(SOURCE, "<Id>3e139f00-e9fb-49ba-87fc-dbef4bd71802</Id>\n  <Version>0.2.0.0</Version>", "<Version>0.2.0.0</Version>\n  <Id>3e139f00-e9fb-49ba-87fc-dbef4bd71802</Id>"), "must come before"],
    ["id", "an id that is not a GUID", () => mutate(SOURCE, "<Id>3e139f00-e9fb-49ba-87fc-dbef4bd71802</Id>", "<Id>aifin-addin</Id>"), "GUID"],
    ["id", "Microsoft's template GUID", () => mutate(SOURCE, "3e139f00-e9fb-49ba-87fc-dbef4bd71802", "ca968be6-628b-4f14-ba3c-3e614effa9bd"), "template"],
    ["version", "a three-part version", () => mutate(SOURCE, "<Version>0.2.0.0</Version>", "<Version>0.1.0</Version>"), "four numeric parts"],
    ["host", "a Word host", () => mutate(SOURCE, '<Host Name="Workbook"/>', '<Host Name="Document"/>'), "Workbook"],
    ["requirement", "no SharedRuntime requirement", () => mutate(SOURCE, '<Set Name="SharedRuntime" MinVersion="1.1"/>', ""), "SharedRuntime"],
    ["requirement", "SharedRuntime below 1.1", () => mutate(SOURCE, '<Set Name="SharedRuntime" MinVersion="1.1"/>', '<Set Name="SharedRuntime" MinVersion="1.0"/>'), "at least 1.1"],
    ["requirement", "no CustomFunctionsRuntime requirement", () => mutate(SOURCE, '<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>', ""), "CustomFunctionsRuntime"],
    ["requirement", "no ExcelApi requirement", () => mutate(SOURCE, '<Set Name="ExcelApi" MinVersion="1.13"/>', ""), "ExcelApi"],
    ["permissions", "a weaker permission", () => mutate(SOURCE, "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>"), "ReadWriteDocument"],
    ["resid", "a resid that is not defined", () => mutate(SOURCE, '<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>'), '"Group.Missing"'],
    ["resid", "a resource nobody uses", () => mutate(SOURCE, "</bt:Urls>", '<bt:Url id="Orphan.Url" DefaultValue="https://localhost:3000/orphan.html"/></bt:Urls>'), '"Orphan.Url"'],
    ["resid", "a resid of the wrong kind", () => mutate(SOURCE, '<Label resid="Group.Label"/>', '<Label resid="GetStarted.Description"/>'), "bt:ShortString"],
    ["length", "a resource id longer than 32 characters", () => SOURCE.split("GetStarted.LearnMoreUrl").join("GetStarted.LearnMoreUrl.ForTheAddIn"), "longer than 32"],
    ["runtime", "a second runtime resid", () => mutate(SOURCE, '<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Taskpane.Url" lifetime="long"/><Runtime resid="Functions.Script.Url" lifetime="long"/>'), "exactly one <Runtime>"],
    ["runtime", "a short-lived runtime", () => mutate(SOURCE, 'lifetime="long"', 'lifetime="short"'), 'lifetime="long"'],
    ["runtime", "a FunctionFile on another page", () => mutate(SOURCE, '<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="GetStarted.LearnMoreUrl"/>'), "<FunctionFile>"],
    ["runtime", "functions on their own page", () => mutate(SOURCE, '<Page>\n              <SourceLocation resid="Taskpane.Url"/>', '<Page>\n              <SourceLocation resid="GetStarted.LearnMoreUrl"/>'), "<Page>"],
    ["taskpane", "a ShowTaskpane with a TaskpaneId (a second pane beside the shared runtime's)", () => mutate(SOURCE, '<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ShowTaskpane">\n                    <TaskpaneId>AIFIN.Taskpane</TaskpaneId>'), "TaskpaneId"],
    ["taskpane", "no ShowTaskpane action", () => mutate(SOURCE, '<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ExecuteFunction">'), "opens the task pane"],
    ["metadata", "the metadata URL missing", () => mutate(SOURCE, '<Metadata>\n              <SourceLocation resid="Functions.Metadata.Url"/>\n            </Metadata>', ""), "functions.json"],
    ["metadata", "no ko-KR metadata override", () => mutate(SOURCE, '<bt:Override Locale="ko-KR" Value="https://localhost:3000/functions-ko.json"/>', ""), "functions-ko.json"],
    ["metadata", "a metadata file with another name", () => mutate(SOURCE, 'DefaultValue="https://localhost:3000/functions.json"', 'DefaultValue="https://localhost:3000/metadata.json"'), "/functions.json"],
    ["namespace", "a namespace of 33 characters", () => mutate(SOURCE, 'id="Functions.Namespace" DefaultValue="AIFIN"', `id="Functions.Namespace" DefaultValue="${"A".repeat(33)}"`), "33 characters"],
    ["namespace", "a namespace with a hyphen", () => mutate(SOURCE, 'id="Functions.Namespace" DefaultValue="AIFIN"', 'id="Functions.Namespace" DefaultValue="AI-FIN"'), "letters, digits and underscores"],
    ["namespace", "another namespace", () => mutate(SOURCE, 'id="Functions.Namespace" DefaultValue="AIFIN"', 'id="Functions.Namespace" DefaultValue="CONTOSO"'), '"AIFIN"'],
    ["url", "an http URL", () => mutate(SOURCE, 'DefaultValue="https://localhost:3000/functions.js"', 'DefaultValue="http://localhost:3000/functions.js"'), "must use https"],
    ["url", "a relative URL", () => mutate(SOURCE, '<SupportUrl DefaultValue="https://localhost:3000/support.html"/>', '<SupportUrl DefaultValue="support.html"/>'), "not an absolute URL"],
    ["origin", "functions served from another site", () => mutate(SOURCE, 'DefaultValue="https://localhost:3000/functions.js"', 'DefaultValue="https://cdn.example.com/functions.js"'), "origin"],
    ["locale", "a display name without ko-KR", () => mutate(SOURCE, '<Override Locale="ko-KR" Value="AIFIN"/>', ""), "<DisplayName>"],
    ["locale", "a description without ko-KR", () => SOURCE.replace(/(<Description DefaultValue="[^"]*">)\s*<Override Locale="ko-KR"[^>]*\/>/, "$1"), "<Description>"],
    ["locale", "a button label without ko-KR", () => mutate(SOURCE, '<bt:Override Locale="ko-KR" Value="작업 창 열기"/>', ""), '"TaskpaneButton.Label"'],
    ["locale", "another default locale", () => mutate(SOURCE, "<DefaultLocale>en-US</DefaultLocale>", "<DefaultLocale>en-GB</DefaultLocale>"), "en-US"],
    ["length", "a tooltip longer than 250 characters", () => mutate(SOURCE, 'DefaultValue="Open the AIFIN task pane', `DefaultValue="${"x".repeat(250)}Open the AIFIN task pane`), "1–250"],
    ["appdomain", "the add-in's own origin as an AppDomain", () => mutate(SOURCE, "<Hosts>\n    <Host Name", "<AppDomains><AppDomain>https://localhost:3000</AppDomain></AppDomains>\n  <Hosts>\n    <Host Name"), "own origin"],
    ["icon", "a ribbon image size that differs from its resource", () => mutate(SOURCE, '<bt:Image size="32" resid="Icon.32x32"/>', '<bt:Image size="32" resid="Icon.64x64"/>'), 'size="32" resid="Icon.64x64"'],
    ["icon", "a missing icon file", () => SOURCE, "icon-80.png", () => {
      const dir = assetsCopy();
      fs.rmSync(path.join(dir, "icon-80.png"));
      return { assetsDir: dir };
    }],
    ["icon", "an icon of the wrong size", () => SOURCE, "is 32x32, expected 16x16", () => {
      const dir = assetsCopy();
      fs.copyFileSync(path.join(ASSETS, "icon-32.png"), path.join(dir, "icon-16.png"));
      return { assetsDir: dir };
    }],
    ["icon", "a high-resolution icon of the wrong size", () => mutate(SOURCE, '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>', '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-80.png"/>'), "expected 64x64"],
    ["icon", "an icon that is not RGBA", () => SOURCE, "RGBA", () => {
      const dir = assetsCopy();
      const buf = fs.readFileSync(path.join(dir, "icon-64.png"));
      buf[25] = 2; // IHDR colour type: truecolour without alpha
      fs.writeFileSync(path.join(dir, "icon-64.png"), buf);
      return { assetsDir: dir };
    }],
    ["dist", "a build output without the Korean metadata", () => SOURCE, "functions-ko.json", () => {
      const dir = tempDir();
      for (const f of ["taskpane.html", "functions.js", "functions.json", "support.html"]) fs.writeFileSync(path.join(dir, f), "");
      fs.mkdirSync(path.join(dir, "assets"));
      for (const f of fs.readdirSync(ASSETS)) fs.copyFileSync(path.join(ASSETS, f), path.join(dir, "assets", f));
      return { assetsDir: ASSETS, distDir: dir };
    }],
  ];

  // Object rows: with positional rows of uneven length jest would pass `done` as the last argument.
  const rows = cases.map(([rule, change, xml, fragment, options]) => ({ rule, change, xml, fragment, options }));
  test.each(rows)("$rule: $change is reported", ({ rule, xml, fragment, options }) => {
    expectProblem(checkManifest(xml(), options ? options() : DEV), rule, fragment);
  });

  test("every rule the checker knows has a failing case above", () => {
    const rules = new Set(cases.map(([rule]) => rule));
    for (const r of ["xml", "order", "id", "version", "host", "requirement", "permissions", "resid", "runtime", "taskpane", "metadata", "namespace", "url", "origin", "locale", "length", "appdomain", "icon", "dist"]) {
      expect(rules).toContain(r);
    }
    // "localhost" is covered in the productionManifest tests.
  });

  test("a complete build output passes the dist check", () => {
    const dir = tempDir();
    for (const f of ["taskpane.html", "functions.js", "functions.json", "functions-ko.json", "support.html"]) fs.writeFileSync(path.join(dir, f), "");
    fs.mkdirSync(path.join(dir, "assets"));
    for (const f of fs.readdirSync(ASSETS)) fs.copyFileSync(path.join(ASSETS, f), path.join(dir, "assets", f));
    expect(checkManifest(SOURCE, { assetsDir: ASSETS, distDir: dir })).toEqual([]);
  });
});

describe("readPngSize", () => {
  test("reads width, height and colour type from the IHDR chunk", () => {
    const buf = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(buf, 0);
    buf.writeUInt32BE(13, 8);
    buf.write("IHDR", 12, "latin1");
    buf.writeUInt32BE(300, 16);
    buf.writeUInt32BE(20, 20);
    buf[24] = 8;
    buf[25] = 6;
    expect(readPngSize(buf)).toEqual({ width: 300, height: 20, colorType: 6 });
  });

  test("returns null for something that is not a PNG", () => {
    expect(readPngSize(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
  });
});

// `npm test` builds twice: dist/ as `npm run build` makes it (the development manifest that
// `npm start` serves and the README tells a newcomer to sideload), and the production-URL check
// (`npm run build:check`) into its own folder, .build-check/, so dist/ never points elsewhere.
const DIST = path.join(ROOT, "dist");
const CHECK = path.join(ROOT, ".build-check");
const CHECK_URL = "https://aifin.example.com/addin/";

describe("the built manifests", () => {
  test("dist/manifest.xml is the development manifest (every URL on localhost), and passes the checks against dist/", () => {
    const built = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    expect(built).toBe(SOURCE);
    expect(built).not.toContain("aifin.example.com");
    expect(checkManifest(built, { assetsDir: path.join(DIST, "assets"), production: false, distDir: DIST })).toEqual([]);
  });

  test("no file in dist/ names the production check's URL", () => {
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const naming = files(DIST).filter((f) => /\.(xml|html|json|js)$/.test(f) && fs.readFileSync(f, "utf8").includes("aifin.example.com"));
    expect(naming.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  test("the production-URL check (.build-check/) replaced every development URL, and passes the checks against its own output", () => {
    const built = fs.readFileSync(path.join(CHECK, "manifest.xml"), "utf8");
    expect(count(built, DEV_BASE_URL)).toBe(0);
    expect(count(built, CHECK_URL)).toBe(count(SOURCE, DEV_BASE_URL));
    expect(checkManifest(built, { assetsDir: path.join(CHECK, "assets"), production: true, distDir: CHECK })).toEqual([]);
  });
});
