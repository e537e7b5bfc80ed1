import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { AifinError } from "../../../src/core/errors";
import { allDatasets, datasetById, figureRows, isRateRow, rateRows } from "../../../src/core/data/catalog";

describe("allDatasets", () => {
  it("lists the catalog: company documents first, the column and the official rates last", () => {
    expect(allDatasets().map((d) => d.meta.id)).toEqual(["bigtech-capex", "bigtech-financials", "korea-ai-investment", "ai-labs", "column-2024", "usd-krw-rates"]);
  });

  it("holds at least 300 figure rows", () => {
    expect(allDatasets().reduce((n, d) => n + figureRows(d).length, 0)).toBeGreaterThanOrEqual(300);
  });
});

describe("datasetById", () => {
  it.each(["bigtech-capex", " BigTech-Capex "])("finds %p", (id) => {
    expect(datasetById(id).meta.id).toBe("bigtech-capex");
  });

  it("finds a dataset by a former id, so tables loaded under it still refresh", () => {
    expect(datasetById("openai-2024-costs").meta.id).toBe("ai-labs");
  });

  it("throws #N/A unknownDataset listing the ids", () => {
    let error: unknown;
    try {
      datasetById("capex");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AifinError);
    expect([(error as AifinError).kind, (error as AifinError).key]).toEqual(["na", "unknownDataset"]);
    expect((error as AifinError).message).toBe(
      "Unknown dataset 'capex': use one of bigtech-capex, bigtech-financials, korea-ai-investment, ai-labs, column-2024, usd-krw-rates",
    );
  });
});

describe("row kinds", () => {
  it("splits the column into 6 figures and 4 implied rates", () => {
    const column = datasetById("column-2024");
    expect(figureRows(column)).toHaveLength(6);
    expect(rateRows(column).map((r) => r.kind)).toEqual(["column_implied", "column_implied", "column_implied", "column_implied"]);
    expect(column.rows.filter(isRateRow)).toHaveLength(4);
  });
});

describe("the functions bundle stays free of zod", () => {
  // Everything the custom functions import from src/core/data and src/core/fx; schema.ts alone
  // (build, data check, task pane feeds) may import zod.
  const root = join(__dirname, "../../../src/core");
  const files = ["data", "fx"].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith(".ts") && f !== "schema.ts")
      .map((f) => join(dir, f)),
  );

  it.each(files)("%s imports neither zod nor the schema at run time", (file) => {
    const source = readFileSync(join(root, file), "utf8");
    const runtimeImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1]);
    expect(runtimeImports.filter((spec) => spec === "zod" || spec.endsWith("/schema"))).toEqual([]);
  });
});
