import { nextFreeColumns, onlyValues, rectAddress, targetObstacles, type SheetPicture, type SheetTable } from "../../../src/core/sheet/clean-target";

/** A sheet with tables, spills and cells given as "r,c" → "value" | "formula". */
function picture(options: { tables?: SheetTable[]; spills?: SheetPicture["spills"]; cells?: Record<string, "value" | "formula"> } = {}): SheetPicture {
  const cells = options.cells ?? {};
  return {
    tables: options.tables ?? [],
    spills: options.spills ?? [],
    cell: (r, c) => cells[`${r},${c}`] ?? "empty",
    // The rows a test asks about are 0-5: a column is occupied when any of them holds something.
    column: (c) => (Object.keys(cells).some((k) => Number(k.split(",")[1]) === c && rowsAsked.includes(Number(k.split(",")[0]))) ? "occupied" : "empty"),
  };
}
let rowsAsked: number[] = [0, 1, 2];

// AIFIN_bigtech_capex as loaded: header row 4 (index 3), 17 figures, columns A:N.
const CAPEX: SheetTable = {
  name: "AIFIN_bigtech_capex",
  rect: { r0: 3, c0: 0, r1: 20, c1: 13 },
  headers: ["Company", "Metric", "Period", "Year", "Value", "Low", "High", "Currency", "Qualifier", "Status", "Source", "Quote", "Note", "AIFIN key"],
};

describe("targetObstacles", () => {
  it("names the table columns the target would write into", () => {
    expect(targetObstacles({ r0: 4, c0: 5, r1: 20, c1: 7 }, picture({ tables: [CAPEX] }))).toEqual([
      { kind: "table", table: "AIFIN_bigtech_capex", columns: ["Low", "High", "Currency"], rect: { r0: 4, c0: 5, r1: 20, c1: 7 } },
    ]);
  });

  it("refuses the column right beside a table and the row just below it (Excel grows the table there)", () => {
    expect(targetObstacles({ r0: 4, c0: 14, r1: 20, c1: 16 }, picture({ tables: [CAPEX] }))).toEqual([{ kind: "tableEdge", table: "AIFIN_bigtech_capex", rect: { r0: 4, c0: 14, r1: 20, c1: 14 } }]);
    expect(targetObstacles({ r0: 21, c0: 2, r1: 25, c1: 4 }, picture({ tables: [CAPEX] }))).toEqual([{ kind: "tableEdge", table: "AIFIN_bigtech_capex", rect: { r0: 21, c0: 2, r1: 21, c1: 4 } }]);
    expect(targetObstacles({ r0: 4, c0: 15, r1: 20, c1: 17 }, picture({ tables: [CAPEX] }))).toEqual([]);
  });

  it("names a spilled result by its formula's cell, formulas by their cells, and counts values", () => {
    const obstacles = targetObstacles(
      { r0: 0, c0: 1, r1: 3, c1: 3 },
      picture({ spills: [{ anchor: { row: 0, column: 0 }, rect: { r0: 0, c0: 0, r1: 1, c1: 1 } }], cells: { "0,1": "value", "1,1": "value", "2,2": "formula", "3,3": "value" } }),
    );
    expect(obstacles).toEqual([
      { kind: "spill", anchor: "A1", rect: { r0: 0, c0: 1, r1: 1, c1: 1 } },
      { kind: "formulas", cells: ["C3"], count: 1 },
      { kind: "values", count: 1 },
    ]);
    expect(onlyValues(obstacles)).toBe(false);
    expect(onlyValues([{ kind: "values", count: 1 }])).toBe(true);
  });

  it("does not write over cells it could not read", () => {
    expect(targetObstacles({ r0: 0, c0: 0, r1: 0, c1: 1 }, { tables: [], spills: [], cell: () => "unknown", column: () => "unknown" })).toEqual([{ kind: "unknown", count: 2 }]);
  });
});

describe("nextFreeColumns", () => {
  it("skips a table and the column beside it", () => {
    expect(nextFreeColumns([4, 20], 5, 3, picture({ tables: [CAPEX] }))).toBe(15);
  });

  it("skips columns holding anything in the rows written, and needs `width` of them in a row", () => {
    const p = picture({ cells: { "2,1": "value", "0,3": "formula" } });
    rowsAsked = [0, 1, 2];
    expect(nextFreeColumns([0, 2], 1, 2, p)).toBe(4);
    expect(nextFreeColumns([0, 2], 1, 1, p)).toBe(2);
    rowsAsked = [3, 4, 5];
    expect(nextFreeColumns([3, 5], 1, 2, p)).toBe(1);
  });

  it("does not count a column it could not read as free", () => {
    expect(nextFreeColumns([0, 0], 1, 1, { tables: [], spills: [], cell: () => "empty", column: (c) => (c < 4 ? "unknown" : "empty") })).toBe(4);
  });

  it("is null when the sheet has no room left", () => {
    expect(nextFreeColumns([0, 0], 16_380, 5, picture())).toBeNull();
  });
});

describe("rectAddress", () => {
  it.each([
    [{ r0: 4, c0: 5, r1: 20, c1: 7 }, "F5:H21"],
    [{ r0: 0, c0: 27, r1: 0, c1: 27 }, "AB1"],
  ])("%j is %s", (rect, address) => {
    expect(rectAddress(rect)).toBe(address);
  });
});
