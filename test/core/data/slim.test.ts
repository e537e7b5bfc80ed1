/* The functions bundle's copy of the data (build/slim-datasets.cjs) leaves out what the functions
 * never show and the commonest qualifier and status; loaded through the catalog, every row reads
 * as the data file states it. */
import fs from "node:fs";
import path from "node:path";
import { embedded, IMPLIED_ROW_FIELDS } from "../../../src/core/data/catalog";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const slim = require("../../../build/slim-datasets.cjs") as (source: string) => string;
const dir = path.resolve(__dirname, "../../../data/datasets");
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));

describe("the functions bundle's copy of the datasets", () => {
  it.each(files)("%s: every row keeps its value, qualifier and status", (file) => {
    const source = fs.readFileSync(path.join(dir, file), "utf8");
    const whole = JSON.parse(source) as { rows: Array<Record<string, unknown>> };
    const slimmed = JSON.parse(slim(source)) as { rows: Array<Record<string, unknown>> };
    const loaded = embedded(slimmed as never).rows as unknown as Array<Record<string, unknown>>;
    expect(loaded).toHaveLength(whole.rows.length);
    loaded.forEach((row, i) => {
      expect([row.value, row.qualifier, row.status]).toEqual([whole.rows[i].value, whole.rows[i].qualifier, whole.rows[i].status]);
    });
  });

  it("leaves out the implied qualifier and status, and only those values", () => {
    const source = fs.readFileSync(path.join(dir, "bigtech-capex.json"), "utf8");
    const rows = (JSON.parse(slim(source)) as { rows: Array<Record<string, unknown>> }).rows;
    expect(rows.some((r) => r.qualifier === undefined)).toBe(true);
    expect(rows.some((r) => r.status === undefined)).toBe(true);
    expect(rows.every((r) => r.qualifier !== IMPLIED_ROW_FIELDS.qualifier && r.status !== IMPLIED_ROW_FIELDS.status)).toBe(true);
  });

  it("cuts a long reason at a sentence's end or at 80 characters, and names a filing's publisher without the parenthetical", () => {
    const source = fs.readFileSync(path.join(dir, "bigtech-capex.json"), "utf8");
    const whole = JSON.parse(source) as { meta: { sources: Array<{ kind: string; publisher: string }> }; rows: Array<{ note?: string; status: string }> };
    const data = JSON.parse(slim(source)) as { meta: { sources: Array<{ kind: string; publisher: string }> }; rows: Array<{ note?: string }> };
    for (const row of data.rows) if (row.note !== undefined) expect(row.note.length).toBeLessThanOrEqual(82);
    const filings = data.meta.sources.filter((s) => s.kind === "filing");
    expect(filings.length).toBeGreaterThan(0);
    for (const s of filings) expect(s.publisher).not.toMatch(/\(/);
    expect(whole.meta.sources.some((s) => s.kind === "filing" && s.publisher.includes("("))).toBe(true);
  });
});
