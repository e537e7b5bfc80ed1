import { planLoad, planTableUpdate, TABLE_COLUMNS, type Cell } from "../../../src/core/sheet";
import { unescapeCellText } from "../../../src/core/sheet/escape";
import { applyCheck, bodyCellAddress, checkTable, isIntact, keptAfter, keptStanding, needsAnswer, type KeptEdit } from "../../../src/core/sheet/verify";
import { FIXTURE } from "../../taskpane/fixture";

const plan = planLoad(FIXTURE, "en");
const col = (c: (typeof TABLE_COLUMNS)[number]) => TABLE_COLUMNS.indexOf(c);
const HEADERS = plan.table.header.map(unescapeCellText);
/** The table as Excel gives it back right after the load: every text unescaped. */
const asRead = (): Cell[][] => plan.table.rows.map((row) => row.map((v) => (typeof v === "string" ? unescapeCellText(v) : v)));
const MS_CAPEX = plan.table.keys.indexOf("microsoft|capex|FY2025");

/** The table as read, as refresh.ts builds it: every column by index. */
function existing(headers: readonly string[], rows: readonly Cell[][]) {
  const body = new Map(headers.map((_, p) => [p, rows.map((r) => r[p] ?? "")] as const));
  return { headers, body, rowCount: rows.length, lastRowFormulasR1C1: null };
}

describe("checkTable", () => {
  it("finds nothing in a table as it was loaded", () => {
    const check = checkTable(plan.table, HEADERS, asRead(), []);
    expect(check).toMatchObject({ renamed: [], deleted: [], cells: [], cleared: [], removed: [] });
    expect(isIntact(check)).toBe(true);
  });

  it("reports a figure typed over, by cell, with what the data says", () => {
    const rows = asRead();
    rows[MS_CAPEX][col("value")] = 999;
    const check = checkTable(plan.table, HEADERS, rows, []);
    expect(check.cells).toEqual([{ row: MS_CAPEX, col: col("value"), column: "value", key: "microsoft|capex|FY2025", found: 999, expected: 64551000000, kept: false }]);
    expect(needsAnswer(check)).toBe(true);
    // The header row is the table's first: a table loaded at A1 has it in row 4 (A4).
    expect(bodyCellAddress({ row: 3, column: 0 }, MS_CAPEX, col("value"))).toBe(`E${5 + MS_CAPEX}`);
  });

  it.each([
    ["period", "FY2024"],
    ["status", "unconfirmed"],
    ["source", "news-161952"],
    ["qualifier", "about"],
    ["quote", "something else"],
  ] as const)("checks every column of ours: %s", (column, value) => {
    const rows = asRead();
    rows[MS_CAPEX][col(column)] = value;
    expect(checkTable(plan.table, HEADERS, rows, []).cells.map((c) => c.column)).toEqual([column]);
  });

  it("never looks at the user's columns or rows", () => {
    const headers = [...HEADERS, "My column"];
    const rows = [...asRead().map((r) => [...r, "mine"]), [...new Array<Cell>(HEADERS.length).fill(""), "my row"]];
    rows[rows.length - 1][0] = "My company";
    expect(isIntact(checkTable(plan.table, headers, rows, []))).toBe(true);
  });

  it("does not ask again about an edit the user kept, while it stands; a new value is asked about", () => {
    const rows = asRead();
    rows[MS_CAPEX][col("value")] = 999;
    const kept: KeptEdit[] = [{ kind: "cell", key: "microsoft|capex|FY2025", column: "value", value: 999 }];
    const check = checkTable(plan.table, HEADERS, rows, kept);
    expect(check.cells[0].kept).toBe(true);
    expect(needsAnswer(check)).toBe(false);
    rows[MS_CAPEX][col("value")] = 1000;
    expect(needsAnswer(checkTable(plan.table, HEADERS, rows, kept))).toBe(true);
  });

  it("finds a renamed column by its cells and a deleted one by their absence", () => {
    const headers = HEADERS.map((h) => (h === "Value" ? "Amount" : h));
    const without = (rows: Cell[][]) => rows.map((r) => r.filter((_, j) => j !== col("note")));
    const check = checkTable(plan.table, without([headers]).flat() as string[], without(asRead()), []);
    expect(check.renamed).toEqual([{ column: "value", header: "Amount", at: col("value"), kept: false, former: false }]);
    expect(check.deleted).toEqual(["note"]);
    expect(check.cells).toEqual([]);
  });

  it("reads a column under a header AIFIN used before without asking", () => {
    const headers = HEADERS.map((h, j) => (j === col("given") ? "Given on" : h));
    const check = checkTable(plan.table, headers, asRead(), [], { given: ["Given on"] });
    expect(check.renamed).toEqual([{ column: "given", header: "Given on", at: col("given"), kept: false, former: true }]);
    expect(needsAnswer(check)).toBe(false);
    expect(isIntact(check)).toBe(false); // the header is put back all the same
  });

  it("tells a cleared row (matched to the row it held) from a deleted one", () => {
    const rows = asRead();
    const cleared = rows.map((r, i) => (i === 1 ? r.map(() => "") : r));
    const naver = plan.table.keys.indexOf("naver|ai_investment|2023");
    const check = checkTable(plan.table, HEADERS, cleared.filter((_, i) => i !== naver), []);
    expect(check.cleared).toEqual([{ row: 1, key: plan.table.keys[1] }]);
    expect(check.removed).toEqual([{ key: "naver|ai_investment|2023", kept: false }]);
  });
});

describe("applyCheck", () => {
  it("restores: the typed-over cell is rewritten with the data, the renamed header put back, the deleted column added, the cleared row rewritten in place", () => {
    const headers = HEADERS.map((h) => (h === "Value" ? "Amount" : h)).filter((_, j) => j !== col("note"));
    const rows = asRead().map((r, i) => (i === 1 ? r.map(() => "") : r)).map((r) => r.filter((_, j) => j !== col("note")));
    rows[MS_CAPEX][col("value")] = 999;
    const check = checkTable(plan.table, headers, rows, []);
    const applied = applyCheck(plan.table, existing(headers, rows), check, keptStanding(check));
    expect(applied.addColumns).toEqual(["Note"]);
    expect(applied.headerWrites).toEqual([{ col: col("value"), text: "Value" }]);
    const update = planTableUpdate(applied.block, applied.existing);
    if (!update.ok) throw new Error(update.missing.join());
    expect(update.counts).toMatchObject({ added: 0, removed: 0 });
    const rewritten = new Set(update.writes.flatMap((w) => w.values.map((_, k) => w.row + k)));
    // The cleared row and the typed-over one; and the Naver row, whose note comes back with its column.
    expect([...rewritten].sort()).toEqual([1, MS_CAPEX, plan.table.keys.indexOf("naver|ai_investment|2023")].sort());
    const value = update.writes.find((w) => w.row <= MS_CAPEX && w.row + w.values.length > MS_CAPEX && w.col <= col("value") && w.col + w.values[0].length > col("value"))!;
    expect(value.values[MS_CAPEX - value.row][col("value") - value.col]).toBe(64551000000);
  });

  it("keeps: the user's value stays and is remembered; the rows they took out stay out", () => {
    const rows = asRead();
    rows[MS_CAPEX][col("value")] = 999;
    const naver = plan.table.keys.indexOf("naver|ai_investment|2023");
    const shown = rows.filter((_, i) => i !== naver);
    const check = checkTable(plan.table, HEADERS, shown, []);
    const kept = keptAfter(check);
    expect(kept).toEqual([
      { kind: "cell", key: "microsoft|capex|FY2025", column: "value", value: 999 },
      { kind: "row", key: "naver|ai_investment|2023" },
    ]);
    const applied = applyCheck(plan.table, existing(HEADERS, shown), check, kept);
    const update = planTableUpdate(applied.block, applied.existing);
    expect(update).toMatchObject({ ok: true, writes: [], add: null, deletes: [] });
    // And the next check says nothing new.
    expect(needsAnswer(checkTable(plan.table, HEADERS, shown, kept))).toBe(false);
  });

  it("keeps a cleared row blank: the refresh neither writes nor deletes it, and does not ask again", () => {
    const cleared = asRead().map((r, i) => (i === 1 ? r.map(() => "") : r));
    const check = checkTable(plan.table, HEADERS, cleared, []);
    const kept = keptAfter(check);
    expect(kept).toEqual([{ kind: "row", key: plan.table.keys[1] }]);
    const applied = applyCheck(plan.table, existing(HEADERS, cleared), check, kept);
    expect(planTableUpdate(applied.block, applied.existing)).toMatchObject({ ok: true, writes: [], add: null, deletes: [] });
    const again = checkTable(plan.table, HEADERS, cleared, kept);
    expect(again).toMatchObject({ cleared: [], removed: [{ key: plan.table.keys[1], kept: true }] });
    expect(needsAnswer(again)).toBe(false);
  });
});
