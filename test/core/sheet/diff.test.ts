import type { Dataset } from "../../../src/core/data/schema";
import { unescapeCellText } from "../../../src/core/sheet/escape";
import { planTableUpdate, sumCounts, type ExistingTable } from "../../../src/core/sheet/diff";
import { TABLE_COLUMNS, planLoad, type Cell, type TableBlock, type TableColumn } from "../../../src/core/sheet/plan";
import { FIXTURE, FIXTURE_URLS } from "../../taskpane/fixture";

/** The table as Excel shows it after a load of `block`: text unescaped, optional user columns after ours. */
function asLoaded(block: TableBlock<TableColumn>, user: { header: string; cells: Cell[]; formula?: string }[] = []): ExistingTable {
  const headers = [...block.header.map(unescapeCellText), ...user.map((u) => u.header)];
  const body = new Map<number, Cell[]>();
  block.columns.forEach((_, j) => body.set(j, block.rows.map((r) => (typeof r[j] === "string" ? unescapeCellText(r[j] as string) : r[j]))));
  const last = block.rows.length - 1;
  const lastRow: Cell[] | null =
    block.rows.length === 0 ? null : [...block.rows[last].map((c) => (typeof c === "string" ? unescapeCellText(c) : c)), ...user.map((u) => u.formula ?? u.cells[last] ?? "")];
  return { headers, body, rowCount: block.rows.length, lastRowFormulasR1C1: lastRow };
}

const base = FIXTURE;
const v1 = planLoad(base, "en").table;
const valueCol = TABLE_COLUMNS.indexOf("value");
/** The first column after ours: where a column the user added sits. */
const userCol = TABLE_COLUMNS.length;

function edited(change: (rows: Dataset["rows"]) => Dataset["rows"]): TableBlock<TableColumn> {
  return planLoad({ meta: { ...base.meta, version: "1.1.0" }, rows: change([...base.rows]) }, "en").table;
}

describe("planTableUpdate", () => {
  it("writes nothing when nothing changed", () => {
    const update = planTableUpdate(v1, asLoaded(v1));
    expect(update).toMatchObject({ ok: true, counts: { updated: 0, added: 0, removed: 0, unchanged: 6 }, writes: [], deletes: [], add: null });
  });

  it("rewrites only the changed rows, in place", () => {
    const v2 = edited((rows) => rows.map((r, i) => (i === 2 ? { ...r, value: 64552000000, published: "(64,552)" } : r)));
    const update = planTableUpdate(v2, asLoaded(v1));
    if (!update.ok) throw new Error("expected ok");
    expect(update.counts).toEqual({ updated: 1, added: 0, removed: 0, unchanged: 5 });
    expect(update.writes).toHaveLength(1);
    expect(update.writes[0]).toMatchObject({ row: 2, col: 0 });
    expect(update.writes[0].values[0][valueCol]).toBe(64552000000);
    // Year, value, low, high and the day given: each numeric column's format, on that row only.
    expect(update.formatWrites.map((w) => [w.row, w.col])).toEqual([
      [2, TABLE_COLUMNS.indexOf("year")],
      [2, valueCol],
      [2, TABLE_COLUMNS.indexOf("low")],
      [2, TABLE_COLUMNS.indexOf("high")],
      [2, TABLE_COLUMNS.indexOf("given")],
    ]);
  });

  it("groups consecutive changed rows into one write", () => {
    const v2 = edited((rows) => rows.map((r, i) => (i >= 1 && i <= 3 ? { ...r, note: `changed ${i}` } : r)));
    const update = planTableUpdate(v2, asLoaded(v1));
    if (!update.ok) throw new Error("expected ok");
    expect(update.writes).toHaveLength(1);
    expect(update.writes[0].row).toBe(1);
    expect(update.writes[0].values).toHaveLength(3);
  });

  it("deletes rows gone from the data, last first", () => {
    const v2 = edited((rows) => rows.filter((_, i) => i !== 1 && i !== 4));
    const update = planTableUpdate(v2, asLoaded(v1));
    if (!update.ok) throw new Error("expected ok");
    expect(update.counts).toMatchObject({ removed: 2, added: 0, updated: 0 });
    expect(update.deletes).toEqual([
      { row: 4, count: 1 },
      { row: 1, count: 1 },
    ]);
  });

  it("appends new rows at the end, full width, with the user's calculated column filled down", () => {
    const extra = { ...base.rows[0], metric: "inference", period: "2025", value: 5000000000, published: "50억달러", qualifier: "exact" as const };
    const v2 = edited((rows) => [...rows, extra]);
    const existing = asLoaded(v1, [{ header: "My share", cells: [1, 2, 3, 4, 5, 6], formula: "=RC[-12]*0.1" }]);
    const update = planTableUpdate(v2, existing);
    if (!update.ok) throw new Error("expected ok");
    expect(update.counts).toMatchObject({ added: 1, updated: 0, removed: 0 });
    expect(update.add?.values[0]).toHaveLength(TABLE_COLUMNS.length + 1);
    expect(update.add?.values[0][TABLE_COLUMNS.indexOf("key")]).toBe("openai|inference|2025");
    expect(update.add?.values[0][TABLE_COLUMNS.indexOf("qualifier")]).toBe("");
    expect(update.add?.values[0][userCol]).toBe("");
    expect(update.add?.formulasR1C1).toEqual([{ col: userCol, formula: "=RC[-12]*0.1" }]);
    expect(update.add?.formats.find((f) => f.col === valueCol)?.values).toEqual([["$#,##0"]]);
  });

  it("adds a newer guidance statement for the same period beside the earlier one, never over it", () => {
    const earlier = base.rows[3];
    if (!("given" in earlier)) throw new Error("row 3 is the fixture's guidance");
    const newer = { ...earlier, given: "2025-10-29", value: 35000000000, published: "$35 billion", quote: "capital expenditures of over $35 billion in the first quarter" };
    const update = planTableUpdate(edited((rows) => [...rows, newer]), asLoaded(v1));
    if (!update.ok) throw new Error("expected ok");
    expect(update.counts).toMatchObject({ added: 1, updated: 0, removed: 0 });
    expect(update.add?.values[0][TABLE_COLUMNS.indexOf("key")]).toBe("microsoft|capex_guidance|FY2026-Q1|2025-10-29");
  });

  describe("links", () => {
    const sourceCol = TABLE_COLUMNS.indexOf("source");
    const urls = (block: TableBlock<TableColumn>) => block.links.get(sourceCol) ?? [];

    it("writes none when nothing changed", () => {
      const update = planTableUpdate(v1, { ...asLoaded(v1), links: new Map([[sourceCol, urls(v1)]]) });
      expect(update).toMatchObject({ ok: true, linkWrites: [] });
    });

    it("relinks each kept row whose source changed to its new source's URL", () => {
      const v2 = edited((rows) => rows.map((r, i) => (i === 0 ? { ...r, source: "ms-annual-2025" } : i === 2 ? { ...r, source: "print-column" } : r)));
      const update = planTableUpdate(v2, asLoaded(v1));
      if (!update.ok) throw new Error("expected ok");
      expect(update.linkWrites).toEqual([
        { row: 0, col: sourceCol, url: urls(v2)[0], text: "ms-annual-2025" },
        { row: 2, col: sourceCol, url: FIXTURE_URLS.column, text: "print-column" },
      ]);
      expect(urls(v2)[0]).toMatch(/^https:/);
    });

    it("relinks, and counts as updated, a row whose text is the same but whose source's URL changed", () => {
      const moved = urls(v1).map((u, i) => (i === 3 ? "https://old.example.com/x" : u));
      const update = planTableUpdate(v1, { ...asLoaded(v1), links: new Map([[sourceCol, moved]]) });
      if (!update.ok) throw new Error("expected ok");
      expect(update.linkWrites).toEqual([{ row: 3, col: sourceCol, url: urls(v1)[3], text: "ms-annual-2025" }]);
      expect(update.counts).toMatchObject({ updated: 1, unchanged: 5 });
    });

    it("links every added row to its source's URL, counted from the first row added", () => {
      const news = { ...base.rows[0], period: "2025" };
      const column = { ...base.rows[4], period: "2024" };
      const update = planTableUpdate(edited((rows) => [...rows, column, news]), asLoaded(v1));
      if (!update.ok) throw new Error("expected ok");
      expect(update.add?.links).toEqual([
        { row: 0, col: sourceCol, url: FIXTURE_URLS.column, text: "print-column" },
        { row: 1, col: sourceCol, url: urls(v1)[0], text: "news-161952" },
      ]);
    });
  });

  it("finds our columns by header wherever the user moved them, and never writes the user's", () => {
    const loaded = asLoaded(v1);
    // The user inserted a column "Comment" before "Value" (table column 4).
    const headers = [...loaded.headers.slice(0, 4), "Comment", ...loaded.headers.slice(4)];
    const body = new Map<number, readonly Cell[]>();
    loaded.body.forEach((cells, c) => body.set(c < 4 ? c : c + 1, cells));
    const v2 = edited((rows) => rows.map((r, i) => (i === 0 ? { ...r, value: 9000000000, published: "90억달러", note: "new" } : r)));
    const update = planTableUpdate(v2, { ...loaded, headers, body });
    if (!update.ok) throw new Error("expected ok");
    expect(update.writes.map((w) => [w.col, w.values[0].length])).toEqual([
      [0, 4],
      [5, TABLE_COLUMNS.length - 4], // Value to the key: the columns after the user's
    ]);
    expect(update.writes.every((w) => w.col !== 4)).toBe(true);
  });

  it("leaves rows the user added (no key) alone", () => {
    const loaded = asLoaded(v1);
    const body = new Map<number, readonly Cell[]>();
    loaded.body.forEach((cells, c) => body.set(c, [...cells, c === 0 ? "My row" : ""]));
    const update = planTableUpdate(v1, { ...loaded, body, rowCount: 7 });
    expect(update).toMatchObject({ ok: true, counts: { updated: 0, removed: 0, added: 0, unchanged: 6 }, deletes: [] });
  });

  it("reports our headers that are missing (renamed by the user)", () => {
    const loaded = asLoaded(v1);
    const headers = loaded.headers.map((h) => (h === "Value" ? "Amount" : h));
    expect(planTableUpdate(v1, { ...loaded, headers })).toEqual({ ok: false, missing: ["Value"] });
  });

  it("counts 3 updated, 1 added, 0 removed", () => {
    const extra = { ...base.rows[0], metric: "inference", period: "2025", value: 1, published: "$1", qualifier: "exact" as const };
    const v2 = edited((rows) => [...rows.map((r, i) => (i < 3 ? { ...r, note: "revised" } : r)), extra]);
    const update = planTableUpdate(v2, asLoaded(v1));
    expect(update.ok && update.counts).toEqual({ updated: 3, added: 1, removed: 0, unchanged: 3 });
  });
});

describe("sumCounts", () => {
  it("adds counts", () => {
    expect(
      sumCounts([
        { updated: 1, added: 0, removed: 2, unchanged: 3 },
        { updated: 2, added: 1, removed: 0, unchanged: 0 },
      ]),
    ).toEqual({ updated: 3, added: 1, removed: 2, unchanged: 3 });
  });
});
