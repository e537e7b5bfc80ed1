/* The Office requirement sets: every Office API member the shipped code (src/) uses lies within
 * the sets manifest.xml declares, or behind an isSetSupported gate, and the manifest asks for no
 * more than the code needs (build/api-sets.cjs reads the [Api set: …] annotations of the typings
 * through the TypeScript compiler). */
import path from "path";
import ts from "typescript";

interface ApiUse {
  member: string;
  set: string;
  version: string;
  file: string;
  line: number;
  gate: { set: string; version: string } | null;
}
interface ApiSets {
  apiSetOf(text: string): { set: string; version: string } | null;
  apiUses(program: ts.Program, include: (fileName: string) => boolean, root: string, functionsCode?: (fileName: string) => boolean): ApiUse[];
  checkApiSets(root: string): { uses: ApiUse[]; declared: Record<string, string>; needed: Record<string, string>; problems: string[] };
  compareVersions(a: string, b: string): number;
  uncovered(uses: ApiUse[], declared: Record<string, string>): string[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { apiSetOf, apiUses, checkApiSets, compareVersions, uncovered } = require("../../build/api-sets.cjs") as ApiSets;

const ROOT = path.resolve(__dirname, "../..");

/** The uses in a piece of code compiled against the Office typings (a file that exists nowhere). */
function usesIn(code: string, functionsCode?: (fileName: string) => boolean): ApiUse[] {
  const file = path.join(ROOT, "test/build/__fixture__.ts");
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ES2020,
    strict: true,
    noEmit: true,
    types: ["office-js", "custom-functions-runtime"],
    typeRoots: [path.join(ROOT, "node_modules/@types")],
  };
  const host = ts.createCompilerHost(options);
  const real = { getSourceFile: host.getSourceFile, fileExists: host.fileExists, readFile: host.readFile };
  host.getSourceFile = (name, language, ...rest) => (path.resolve(name) === file ? ts.createSourceFile(name, code, language, true) : real.getSourceFile(name, language, ...rest));
  host.fileExists = (name) => path.resolve(name) === file || real.fileExists(name);
  host.readFile = (name) => (path.resolve(name) === file ? code : real.readFile(name));
  const program = ts.createProgram({ rootNames: [file], options, host });
  return apiUses(program, (name) => path.resolve(name) === file, ROOT, functionsCode);
}

describe("the shipped code and manifest.xml", () => {
  const result = checkApiSets(ROOT);

  it("uses no Office API member outside the declared requirement sets", () => {
    expect(result.problems).toEqual([]);
  });

  it("declares each set at exactly the version the code needs (no host is turned away for nothing)", () => {
    expect(result.declared).toEqual({ SharedRuntime: "1.1", ...result.needed });
  });

  it("sees the members the code is known to use, with their sets", () => {
    const seen = (member: string) => result.uses.find((u) => u.member === member);
    expect(seen("Excel.Range.values")).toMatchObject({ set: "ExcelApi", version: "1.1" });
    expect(seen("Excel.Range.conditionalFormats")).toMatchObject({ set: "ExcelApi", version: "1.6" });
    // Through destructuring: const { Error: ExcelError, ErrorCode } = CustomFunctions (cells.ts).
    expect(seen("CustomFunctions.Error")).toMatchObject({ set: "CustomFunctionsRuntime", version: "1.2", file: "src/functions/cells.ts" });
    expect(seen("CustomFunctions.ErrorCode.invalidValue")).toMatchObject({ set: "CustomFunctionsRuntime", version: "1.3" });
    // The functions read the workbook's saved rate themselves (startup.ts): settings, and a context
    // of their own, which only a shared runtime gives custom functions.
    expect(seen("Excel.Workbook.settings")).toMatchObject({ set: "ExcelApi", version: "1.4", file: "src/functions/startup.ts" });
    expect(seen("Excel.RequestContext")).toMatchObject({ set: "SharedRuntime", version: "1.1", file: "src/functions/functions.ts" });
    expect(result.needed.SharedRuntime).toBe("1.1");
  });

  it("never reads anything outside src/ (what ships)", () => {
    expect(result.uses.every((u) => u.file.startsWith("src/"))).toBe(true);
  });
});

describe("apiSetOf", () => {
  it.each([
    ["[Api set: ExcelApi 1.7]", { set: "ExcelApi", version: "1.7" }],
    ["[Api set: CustomFunctionsRuntime 1.3]", { set: "CustomFunctionsRuntime", version: "1.3" }],
    // Several versions for one member: the most the use may need.
    ["[Api set: ExcelApi 1.1 for get, 1.8 for set]", { set: "ExcelApi", version: "1.8" }],
    ["[Api set: ExcelApi 1.1 for adding a single row; 1.4 allows adding of multiple rows; 1.15 for adding `alwaysInsert` parameter.]", { set: "ExcelApi", version: "1.15" }],
    ["no annotation", null],
  ])("%s is %j", (text, expected) => {
    expect(apiSetOf(text)).toEqual(expected);
  });

  it("compares versions as versions, not decimals", () => {
    expect(compareVersions("1.13", "1.9")).toBeGreaterThan(0);
    expect(compareVersions("1.10", "1.1")).toBeGreaterThan(0);
    expect(compareVersions("1.3", "1.3")).toBe(0);
  });
});

describe("apiUses and uncovered on code written for the purpose", () => {
  const uses = usesIn(`
    export async function f(context: Excel.RequestContext): Promise<unknown> {
      const r = context.workbook.getSelectedRange();
      r.getMergedAreasOrNullObject();
      if (Office.context.requirements.isSetSupported("ExcelApi", "1.13")) r.getMergedAreasOrNullObject();
      const spill = Office.context.requirements.isSetSupported("ExcelApi", "1.12") && r.getSpillParentOrNullObject();
      const merged = Office.context.requirements.isSetSupported("ExcelApi", "1.9") ? r.getMergedAreasOrNullObject() : null;
      const { Error: E } = CustomFunctions;
      return [spill, merged, new E(CustomFunctions.ErrorCode.invalidValue)];
    }
  `);
  const declared = { ExcelApi: "1.12", CustomFunctionsRuntime: "1.2" };
  const problems = uncovered(uses, declared);

  it("finds members through property access and destructuring, with the line", () => {
    expect(uses.filter((u) => u.member === "Excel.Range.getMergedAreasOrNullObject").map((u) => [u.line, u.version])).toEqual([
      [4, "1.13"],
      [5, "1.13"],
      [7, "1.13"],
    ]);
    expect(uses.find((u) => u.member === "CustomFunctions.Error")).toMatchObject({ line: 8, version: "1.2" });
  });

  it("reports an ungated use above the declared version, a set not declared high enough, and a gate that checks too little", () => {
    expect(problems).toEqual([
      "test/build/__fixture__.ts:4 Excel.Range.getMergedAreasOrNullObject needs ExcelApi 1.13: the manifest declares ExcelApi 1.12",
      "test/build/__fixture__.ts:7 Excel.Range.getMergedAreasOrNullObject needs ExcelApi 1.13: the manifest declares ExcelApi 1.12; the gate around it checks ExcelApi 1.9",
      "test/build/__fixture__.ts:9 CustomFunctions.ErrorCode.invalidValue needs CustomFunctionsRuntime 1.3: the manifest declares CustomFunctionsRuntime 1.2",
    ]);
  });

  it("accepts a use behind an if, && or ?: gate for at least its version", () => {
    expect(uses.find((u) => u.line === 5 && u.member === "Excel.Range.getMergedAreasOrNullObject")?.gate).toEqual({ set: "ExcelApi", version: "1.13" });
    expect(uses.find((u) => u.member === "Excel.Range.getSpillParentOrNullObject")?.gate).toEqual({ set: "ExcelApi", version: "1.12" });
    // With ExcelApi 1.1 declared, the gated uses of lines 5 and 6 are still fine; 4 and 7 are not.
    expect(uncovered(uses, { ExcelApi: "1.1", CustomFunctionsRuntime: "1.3" }).filter((p) => !p.includes("getSelectedRange"))).toEqual([
      expect.stringMatching(/^test\/build\/__fixture__\.ts:4 Excel\.Range\.getMergedAreasOrNullObject /),
      expect.stringMatching(/^test\/build\/__fixture__\.ts:7 Excel\.Range\.getMergedAreasOrNullObject /),
    ]);
  });

  it("counts a RequestContext made in the functions' code as needing SharedRuntime 1.1, and one made elsewhere as needing nothing", () => {
    const code = "export const read = () => new Excel.RequestContext().workbook.settings;";
    expect(uncovered(usesIn(code, () => true), { ExcelApi: "1.4" })).toEqual([
      "test/build/__fixture__.ts:1 Excel.RequestContext needs SharedRuntime 1.1: the manifest does not declare SharedRuntime",
    ]);
    expect(uncovered(usesIn(code, () => false), { ExcelApi: "1.4" })).toEqual([]);
  });

  it("reports a set the manifest does not declare at all", () => {
    expect(uncovered(uses, { ExcelApi: "1.13" })).toContain("test/build/__fixture__.ts:8 CustomFunctions.Error needs CustomFunctionsRuntime 1.2: the manifest does not declare CustomFunctionsRuntime");
  });
});
