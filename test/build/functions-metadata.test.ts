/* Specifications of the generated function metadata (dist/functions.json, written by the
 * metadata plugin during `npm run build`, which `npm test` runs first) and its Korean twin. */
import fs from "fs";
import path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withHostOptions } = require("../../build/functions-json.cjs") as { withHostOptions: (m: Metadata) => Metadata };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { deriveKorean } = require("../../build/functions-ko.cjs") as {
  deriveKorean: (m: Metadata, t: Record<string, unknown>) => { metadata: Metadata; problems: string[] };
};

interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
}
interface Metadata {
  allowErrorForDataTypeAny?: boolean;
  allowCustomDataForDataTypeAny?: boolean;
  functions: FunctionMeta[];
}

const dist = path.resolve(__dirname, "../../dist");
const read = (file: string): Metadata => JSON.parse(fs.readFileSync(path.join(dist, file), "utf8"));

/** The permanent ids and the shape of each function's parameters: [name, optional, dimensionality]. */
const EXPECTED: Record<string, Array<[string, boolean, string]>> = {
  USD_TO_KRW: [
    ["amount", false, "matrix"],
    ["rate", true, "scalar"],
  ],
  KRW_TO_USD: [
    ["amount", false, "matrix"],
    ["rate", true, "scalar"],
  ],
  NET_LOSS: [
    ["revenue", false, "matrix"],
    ["expenses", true, "matrix"],
    ["period", true, "scalar"],
    ["currency", true, "scalar"],
    ["dataset", true, "scalar"],
  ],
  KRW_PARSE: [["text", false, "matrix"]],
  KRW_FORMAT: [
    ["amount", false, "matrix"],
    ["style", true, "scalar"],
    ["decimals", true, "scalar"],
  ],
  AI_SPEND: [
    ["company", false, "scalar"],
    ["metric", true, "scalar"],
    ["period", true, "scalar"],
    ["currency", true, "scalar"],
    ["dataset", true, "scalar"],
    ["given", true, "scalar"],
  ],
  AI_REVENUE: [
    ["company", false, "scalar"],
    ["period", true, "scalar"],
    ["currency", true, "scalar"],
  ],
  FX_RATE: [
    ["period", true, "matrix"],
    ["basis", true, "scalar"],
    ["source", true, "scalar"],
  ],
  FX_SOURCE: [
    ["period", true, "scalar"],
    ["basis", true, "scalar"],
    ["source", true, "scalar"],
  ],
  AI_COMPANIES: [["dataset", true, "scalar"]],
  AI_TABLE: [
    ["dataset", false, "scalar"],
    ["headers", true, "scalar"],
  ],
  AI_SOURCE: [
    ["company", false, "scalar"],
    ["metric", true, "scalar"],
    ["period", true, "scalar"],
    ["currency", true, "scalar"],
    ["dataset", true, "scalar"],
    ["given", true, "scalar"],
  ],
};

/** Functions whose result spills (a range in, or a list or table out): FX_RATE takes a range of dates. */
const SPILLS = ["USD_TO_KRW", "KRW_TO_USD", "NET_LOSS", "KRW_PARSE", "KRW_FORMAT", "FX_RATE", "AI_COMPANIES", "AI_TABLE"];

const metadata = read("functions.json");
const byId = new Map(metadata.functions.map((f) => [f.id, f]));

describe("how Excel calls the functions (the options heading dist/functions.json and functions-ko.json)", () => {
  it.each(["functions.json", "functions-ko.json"])("%s lets error cells of a range reach the functions, so a bad cell errors alone", (file) => {
    const m = read(file);
    expect(m.allowErrorForDataTypeAny).toBe(true);
    // Data-type cells arrive as objects: src/functions/cells.ts basicValue reads or refuses them.
    expect(m.allowCustomDataForDataTypeAny).toBe(true);
  });

  it("the arguments that receive errors and data types are those typed any: the amounts and FX_RATE's dates (ranges: an error stays in its cell) and the lookups' arguments (read whatever their type: an error is passed on as it is)", () => {
    const anyParams = metadata.functions.flatMap((f) => f.parameters.filter((p) => p.type === "any").map((p) => `${f.id}(${p.name})`));
    const ranges = ["USD_TO_KRW(amount)", "KRW_TO_USD(amount)", "NET_LOSS(revenue)", "NET_LOSS(expenses)", "KRW_PARSE(text)", "KRW_FORMAT(amount)", "FX_RATE(period)"];
    const lookups = [
      "NET_LOSS(period)",
      ...["company", "metric", "period", "currency", "dataset", "given"].map((p) => `AI_SPEND(${p})`),
      ...["company", "period", "currency"].map((p) => `AI_REVENUE(${p})`),
      "FX_RATE(basis)",
      "FX_RATE(source)",
      ...["period", "basis", "source"].map((p) => `FX_SOURCE(${p})`),
      "AI_COMPANIES(dataset)",
      "AI_TABLE(dataset)",
      "AI_TABLE(headers)",
      ...["company", "metric", "period", "currency", "dataset", "given"].map((p) => `AI_SOURCE(${p})`),
    ];
    expect([...anyParams].sort()).toEqual([...ranges, ...lookups].sort());
    expect(metadata.functions.flatMap((f) => f.parameters.filter((p) => p.type === "any" && p.dimensionality === "matrix").map((p) => `${f.id}(${p.name})`))).toEqual(ranges);
  });

  it("withHostOptions puts the options at the head, over whatever the generator wrote", () => {
    const out = withHostOptions({ allowCustomDataForDataTypeAny: false, functions: [] } as unknown as Metadata);
    expect(Object.keys(out)).toEqual(["allowCustomDataForDataTypeAny", "allowErrorForDataTypeAny", "functions"]);
    expect(out).toMatchObject({ allowCustomDataForDataTypeAny: true, allowErrorForDataTypeAny: true });
  });
});

describe("dist/functions.json", () => {
  it("declares every permanent id, each under its own name", () => {
    for (const id of Object.keys(EXPECTED)) {
      expect(byId.get(id)?.name).toBe(id);
    }
  });

  it.each(Object.entries(EXPECTED))("%s has the parameters, optional flags and dimensionality it promises", (id, params) => {
    const fn = byId.get(id)!;
    expect(fn.parameters.map((p) => [p.name, p.optional === true, p.dimensionality ?? "scalar"])).toEqual(params);
  });

  it("describes every function and every parameter", () => {
    for (const fn of metadata.functions) {
      expect(fn.description?.trim()).toBeTruthy();
      for (const p of fn.parameters) expect([fn.id, p.name, p.description?.trim()]).toEqual([fn.id, p.name, expect.any(String)]);
    }
  });

  it("returns spilled ranges where a range is taken or a list is given, single values elsewhere", () => {
    for (const id of Object.keys(EXPECTED)) {
      expect([id, byId.get(id)!.result.dimensionality ?? "scalar"]).toEqual([id, SPILLS.includes(id) ? "matrix" : "scalar"]);
    }
  });

  it("declares nothing beyond the permanent ids", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("registers each function in the bundle with CustomFunctions.associate", () => {
    const bundle = fs.readFileSync(path.join(dist, "functions.js"), "utf8");
    for (const id of Object.keys(EXPECTED)) expect(bundle).toContain(`"${id}"`);
    expect(bundle).toMatch(/associate/);
  });
});

describe("dist/functions-ko.json", () => {
  const korean = read("functions-ko.json");

  it("has the same functions, ids and parameters as the English metadata", () => {
    const shape = (m: Metadata) => m.functions.map((f) => [f.id, f.name, f.parameters.map((p) => [p.name, p.type, p.optional])]);
    expect(shape(korean)).toEqual(shape(metadata));
  });

  it("describes every function and parameter in Korean", () => {
    const hangul = /[\uAC00-\uD7A3]/;
    for (const fn of korean.functions) {
      expect([fn.id, hangul.test(fn.description ?? "")]).toEqual([fn.id, true]);
      for (const p of fn.parameters) expect([fn.id, p.name, hangul.test(p.description ?? "")]).toEqual([fn.id, p.name, true]);
    }
  });
});

describe("deriveKorean", () => {
  const english: Metadata = {
    functions: [
      { id: "F", name: "F", description: "english", parameters: [{ name: "x", description: "x en", type: "number" }], result: {} },
    ],
  };

  it("translates descriptions and keeps everything else", () => {
    const { metadata: out, problems } = deriveKorean(english, { F: { description: "한국어", parameters: { x: "엑스" } } });
    expect(problems).toEqual([]);
    expect(out.functions[0]).toEqual({ ...english.functions[0], description: "한국어", parameters: [{ name: "x", description: "엑스", type: "number" }] });
  });

  it.each([
    ["a missing function", {}, "F has no Korean description"],
    ["a missing parameter", { F: { description: "한국어", parameters: {} } }, "F(x) has no Korean description"],
    ["an unknown function", { F: { description: "한", parameters: { x: "엑스" } }, G: { description: "지" } }, "translates G, which is not a function"],
    ["an unknown parameter", { F: { description: "한", parameters: { x: "엑스", y: "와이" } } }, "translates F(y), which is not a parameter"],
  ])("reports %s", (_, table, problem) => {
    expect(deriveKorean(english, table).problems.join("\n")).toContain(problem);
  });
});
