/* Specifications of what the built pages may run and reach (issue: security). */
import fs from "fs";
import path from "path";
import { allowedFeedOrigins } from "../../src/taskpane/feed";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { contentSecurityPolicy } = require("../../build/csp.cjs") as { contentSecurityPolicy: (feed: string) => string };

const root = path.resolve(__dirname, "../..");
const pages = fs.readdirSync(path.join(root, "dist")).filter((f) => f.endsWith(".html"));

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe("contentSecurityPolicy", () => {
  it("allows scripts only from the add-in and Office's CDN, with no inline script or eval", () => {
    const policy = directives(contentSecurityPolicy(""));
    expect(policy.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
  });

  it("lets the pane connect to a configured https feed's origin, and nothing else", () => {
    expect(directives(contentSecurityPolicy("https://feed.example.com/aifin/index.json")).get("connect-src")).toEqual([
      "'self'",
      "https://feed.example.com",
    ]);
  });

  it("refuses a feed that is not https", () => {
    expect(() => contentSecurityPolicy("http://feed.example.com/")).toThrow(/https/);
    expect(() => contentSecurityPolicy("https://a.example.com/, http://b.example.com/")).toThrow(/https/);
  });

  it("allows several feeds given with commas or spaces, each origin once", () => {
    expect(directives(contentSecurityPolicy("https://a.example.com/x/, https://b.example.com:8443/y https://a.example.com/z/")).get("connect-src")).toEqual([
      "'self'",
      "https://a.example.com",
      "https://b.example.com:8443",
    ]);
  });

  it("is what the pane reads back as the origins a feed may come from", () => {
    const policy = contentSecurityPolicy("https://feed.example.com/aifin/");
    expect(allowedFeedOrigins([policy], "https://addin.example.com/aifin/taskpane.html")).toEqual(["https://addin.example.com", "https://feed.example.com"]);
    expect(allowedFeedOrigins([contentSecurityPolicy("")], "https://addin.example.com/aifin/taskpane.html")).toEqual(["https://addin.example.com"]);
  });
});

describe.each(pages)("dist/%s", (page) => {
  const html = fs.readFileSync(path.join(root, "dist", page), "utf8");

  it("declares the policy before anything it governs", () => {
    const head = html.slice(html.indexOf("<head>"), html.indexOf("</head>"));
    const tags = head.match(/<(script|meta|link|style)\b[^>]*>/g) ?? [];
    const cspAt = tags.findIndex((t) => /http-equiv=["']?Content-Security-Policy/i.test(t));
    expect(cspAt).toBeGreaterThanOrEqual(0);
    expect(tags.slice(0, cspAt).every((t) => /^<meta\b/.test(t) && !/http-equiv/i.test(t))).toBe(true);
    expect(tags[cspAt]).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it("has no inline script and no inline event handler", () => {
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc=/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});

describe("source", () => {
  function files(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      return e.isDirectory() ? files(full) : /\.(ts|html)$/.test(e.name) ? [full] : [];
    });
  }

  it("never parses data as HTML (innerHTML, outerHTML, insertAdjacentHTML, document.write)", () => {
    const offenders = files(path.join(root, "src"))
      .filter((f) => /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/.test(fs.readFileSync(f, "utf8")));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });
});
