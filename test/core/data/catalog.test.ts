import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { AifinError } from "../../../src/core/errors";
import { allDatasets, datasetById, figureRows, isRateRow, rateRows } from "../../../src/core/data/catalog";
import { failure } from "../../support/failure";

describe("allDatasets", () => {
  it("lists the catalog: company documents first, the official rates last", () => {
    expect(allDatasets().map((d) => d.meta.id)).toEqual(["bigtech-capex", "bigtech-financials", "korea-ai-investment", "ai-labs", "usd-krw-rates"]);
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
      "Unknown dataset 'capex': use one of bigtech-capex, bigtech-financials, korea-ai-investment, ai-labs, usd-krw-rates",
    );
  });

  it("answers a withdrawn id with the reason and the datasets that answer instead, never another dataset's figures", () => {
    const error = failure(() => datasetById(" Column-2024 "));
    expect([error.kind, error.key]).toEqual(["na", "withdrawnDataset"]);
    expect(error.message).toBe(
      "The dataset 'Column-2024' was withdrawn: its figures had no document a reader can follow. Its questions are answered from ai-labs, korea-ai-investment (leave the dataset out for the best source)",
    );
  });
});

describe("row kinds", () => {
  it("splits the rates dataset into rate rows, and a company dataset into figures", () => {
    const rates = datasetById("usd-krw-rates");
    expect(figureRows(rates)).toHaveLength(0);
    expect(rates.rows.every(isRateRow)).toBe(true);
    expect(rateRows(datasetById("ai-labs"))).toHaveLength(0);
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
