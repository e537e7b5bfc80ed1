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
  it.each(files)("%s: every row keeps every field the functions read, with its value, qualifier and status", (file) => {
    const source = fs.readFileSync(path.join(dir, file), "utf8");
    const whole = JSON.parse(source) as { rows: Array<Record<string, unknown>> };
    const loaded = embedded(JSON.parse(slim(source)) as never).rows as unknown as Array<Record<string, unknown>>;
    expect(loaded).toHaveLength(whole.rows.length);
    const dropped = new Set(["label", "published", "unit", "derivedFrom", "measure", "quote", "definition", "note", "source"]);
    loaded.forEach((row, i) => {
      const kept = Object.fromEntries(Object.entries(whole.rows[i]).filter(([key]) => !dropped.has(key)));
      expect(Object.fromEntries(Object.entries(row).filter(([key]) => !dropped.has(key)))).toEqual(kept);
      expect(typeof row.source).toBe("string");
    });
  });

  it("ships the rows as columns, and a range's null value stays null", () => {
    const source = fs.readFileSync(path.join(dir, "bigtech-capex.json"), "utf8");
    const whole = JSON.parse(source) as { rows: Array<Record<string, unknown>> };
    const packed = JSON.parse(slim(source)) as { rows: { count: number; columns: Record<string, unknown[]> } };
    expect(Array.isArray(packed.rows)).toBe(false);
    expect(packed.rows.count).toBe(whole.rows.length);
    const ranges = whole.rows.flatMap((row, i) => (row.value === null ? [i] : []));
    expect(ranges.length).toBeGreaterThan(0);
    const loaded = embedded(packed as never).rows as unknown as Array<Record<string, unknown>>;
    for (const i of ranges) expect(loaded[i]).toHaveProperty("value", null);
  });

  it("leaves out the implied qualifier and status, and only those values", () => {
    const source = fs.readFileSync(path.join(dir, "bigtech-capex.json"), "utf8");
    const { columns } = (JSON.parse(slim(source)) as { rows: { columns: Record<string, unknown[]> } }).rows;
    expect(columns.qualifier.some((q) => q === null)).toBe(true);
    expect(columns.status.some((s) => s === null)).toBe(true);
    expect(columns.qualifier.every((q) => q !== IMPLIED_ROW_FIELDS.qualifier) && columns.status.every((s) => s !== IMPLIED_ROW_FIELDS.status)).toBe(true);
  });

  it("cuts a long reason at a sentence's end or at 100 characters, and names a filing's publisher without the parenthetical", () => {
    const source = fs.readFileSync(path.join(dir, "bigtech-capex.json"), "utf8");
    const whole = JSON.parse(source) as { meta: { sources: Array<{ kind: string; publisher: string }> }; rows: Array<{ note?: string; status: string }> };
    const data = JSON.parse(slim(source)) as { meta: { sources: Array<{ kind: string; publisher: string }> }; rows: { columns: { note: Array<string | null> } } };
    const notes = data.rows.columns.note.filter((n): n is string => n !== null);
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note.length).toBeLessThanOrEqual(102);
    const filings = data.meta.sources.filter((s) => s.kind === "filing");
    expect(filings.length).toBeGreaterThan(0);
    for (const s of filings) expect(s.publisher).not.toMatch(/\(/);
    expect(whole.meta.sources.some((s) => s.kind === "filing" && s.publisher.includes("("))).toBe(true);
  });
});
