import { datasetById } from "../../src/core/data/catalog";
import { cleanSelection } from "../../src/taskpane/excel/clean";
import { loadDataset } from "../../src/taskpane/excel/load";
import { TABLE_COLUMNS } from "../../src/core/sheet/plan";
import { columnName, fakeExcel, WorkbookModel, TableModel, parseA1 } from "./fake-excel";

function workbookWith(column: Array<string | number>, at = "B2", formats?: string[]) {
  const model = new WorkbookModel();
  const sheet = model.sheets[0];
  const start = parseA1(at);
  column.forEach((v, i) => sheet.set(start.r0 + i, start.c0, v === "" ? undefined : { value: v, ...(formats?.[i] ? { format: formats[i] } : {}) }));
  model.selection = { sheet, rect: { r0: start.r0, c0: start.c0, r1: start.r0 + column.length - 1, c1: start.c0 } };
  return model;
}

async function clean(model: WorkbookModel, overwrite = false, lang: "en" | "ko" = "en", more: { at?: number; unit?: { power: number | null; currency: "USD" | "KRW" | null } } = {}) {
  const fake = fakeExcel(model);
  const result = await cleanSelection(fake.context, { rate: 1320, lang, overwrite, ...more });
  return { ...fake, result };
}

/** Cells of a sheet as JSON, to show they did not change. */
function cellsOf(model: WorkbookModel, sheet: string): string {
  return JSON.stringify([...model.sheet(sheet).cells].sort());
}

describe("cleanSelection", () => {
  it("writes numeric USD and KRW columns beside the pasted text, with the parser's readings", async () => {
    const model = workbookWith(["Amount", "30억 달러(약 3조9600억 원)", "$3B", "5,803억원"]);
    const { result, log } = await clean(model);
    expect(result).toMatchObject({ kind: "cleaned", read: 3, unread: 0, published: 1, differing: 0, address: "Sheet1!B2:B5", target: "Sheet1!C2:F5", syncs: 4 });
    expect(model.grid("Sheet1", "C2:E5")).toEqual([
      ["USD", "KRW", "Published KRW"],
      [3000000000, 3960000000000, 3960000000000],
      [3000000000, 3960000000000, ""],
      [439621212.12, 580300000000, ""],
    ]);
    expect(model.sheets[0].get(2, 2)?.format).toBe("$#,##0");
    expect(model.sheets[0].get(4, 2)?.format).toBe("$#,##0.00");
    expect(model.sheets[0].get(2, 3)?.format).toBe('"₩"#,##0');
    // The selection's extent, its data (and the rows above, the tables), the target and the columns beside it, the writes.
    expect(log.syncs).toBe(4);
  });

  it("marks cells it could not read, with the reason, and never writes a guess", async () => {
    const model = workbookWith(["$3B", "35억~45억달러", "3,000"]);
    const { result, log } = await clean(model);
    expect(result).toMatchObject({ kind: "cleaned", read: 1, unread: 2 });
    expect(model.grid("Sheet1", "C3:D4")).toEqual([
      ["", ""],
      ["", ""],
    ]);
    expect(String(model.grid("Sheet1", "E3")[0][0])).toMatch(/^⚠ not read: .*range of amounts/);
    expect(String(model.grid("Sheet1", "E4")[0][0])).toMatch(/no currency/);
    const filled = log.ranges.filter((r) => r.format.fill.color === "#FFC7CE").map((r) => r.__address);
    expect(filled).toEqual(["Sheet1!C3:E4"]);
  });

  it("asks before overwriting cells that are not empty, and writes nothing until asked again", async () => {
    const model = workbookWith(["$3B", "$4B"]);
    model.sheets[0].set(2, 3, { value: "keep me" }); // D3
    const before = model.snapshot();
    const first = await clean(model);
    expect(first.result).toEqual({
      kind: "needsConfirmation",
      cells: 1,
      address: "Sheet1!B2:B3",
      target: { address: "Sheet1!C2:E3", columns: 3, free: { column: 4, address: "Sheet1!E2:G3" } },
      syncs: 3,
    });
    expect(model.snapshot()).toBe(before);
    const second = await clean(model, true);
    expect(second.result).toMatchObject({ kind: "cleaned", read: 2 });
    expect(model.grid("Sheet1", "D3")[0][0]).toBe(5280000000000);
  });

  it("reads only the used part of a whole selected column", async () => {
    const model = workbookWith(["$3B", "$4B"]);
    model.selection = { sheet: model.sheets[0], rect: { r0: 0, c0: 1, r1: 1_048_575, c1: 1 } };
    const { result } = await clean(model);
    expect(result).toMatchObject({ kind: "cleaned", read: 2, address: "Sheet1!B2:B3" });
  });

  it("says so when the selection is empty", async () => {
    const model = new WorkbookModel();
    model.sheets[0].set(0, 0, { value: "elsewhere" });
    model.selection = { sheet: model.sheets[0], rect: { r0: 5, c0: 5, r1: 9, c1: 5 } };
    expect((await clean(model)).result).toEqual({ kind: "nothingSelected", syncs: 1 });
  });

  it("notes in Korean for a Korean user", async () => {
    const model = workbookWith(["3,000"]);
    await clean(model, false, "ko");
    expect(String(model.grid("Sheet1", "E2")[0][0])).toMatch(/^⚠ 읽지 못함/);
  });

  describe("never writes into a table, beside one, into a spill or over a formula", () => {
    async function loadedCapex() {
      const model = new WorkbookModel();
      const loaded = await loadDataset(fakeExcel(model).context, { dataset: datasetById("bigtech-capex"), lang: "en", target: "newSheet", hash: null, now: "2025-01-01T00:00:00Z" });
      if (loaded.kind !== "loaded") throw new Error("load failed");
      const sheet = model.sheet(loaded.sheetName);
      const table = model.table("AIFIN_bigtech_capex")!;
      // The Value column's figures, as a user selects them.
      model.selection = { sheet, rect: { r0: table.row + 1, c0: 4, r1: table.row + table.rows, c1: 4 } };
      return { model, sheet, table };
    }

    it("names the table columns in the way (Low, High, Currency of AIFIN_bigtech_capex) and offers the next free columns", async () => {
      const { model, sheet, table } = await loadedCapex();
      const before = model.snapshot();
      const { result } = await clean(model);
      expect(model.snapshot()).toBe(before);
      expect(result).toMatchObject({ kind: "blocked", obstacles: [{ kind: "table", table: "AIFIN_bigtech_capex", columns: ["Low", "High", "Currency"] }] });
      if (result.kind !== "blocked") throw new Error(result.kind);
      // The table spans A to its last column; the one after is right beside it (Excel would grow
      // the table): the next is the first free column, and the cleaner writes three from there.
      const width = TABLE_COLUMNS.length;
      const free = width + 1;
      const [p, q, r] = [free, free + 1, free + 2].map(columnName);
      expect(result.target.free).toEqual({ column: free, address: `${sheet.name}!${p}${table.row + 2}:${r}${table.row + table.rows + 1}` });

      const table0 = cellsOf(model, sheet.name);
      const second = await clean(model, false, "en", { at: result.target.free!.column });
      // Every figure is read; a range row (Low–High, no Value) is blank and stays blank.
      const figures = model.grid(sheet.name, `E${table.row + 2}:E${table.row + table.rows + 1}`).filter((r) => typeof r[0] === "number").length;
      expect(second.result).toMatchObject({ kind: "cleaned", read: figures, unread: 0 });
      expect(model.grid(sheet.name, `${p}${table.row + 2}:${q}${table.row + 2}`)[0][0]).toBe(model.grid(sheet.name, `E${table.row + 2}`)[0][0]);
      expect({ rect: table.rect, width: table.width }).toEqual({ rect: model.table("AIFIN_bigtech_capex")!.rect, width });
      // Only the new columns changed.
      const changed = [...model.sheet(sheet.name).cells.keys()].filter((k) => !table0.includes(`"${k}"`)).map((k) => Number(k.split(",")[1]));
      expect(new Set(changed)).toEqual(new Set([free, free + 1, free + 2]));
    });

    it("refuses the cells right beside a table, where Excel would grow it over the amounts", async () => {
      const model = workbookWith(["Amount", "$3B", "$4B"], "C1");
      const sheet = model.sheets[0];
      // A user's table whose last column is the pasted one.
      sheet.set(0, 1, { value: "Name" });
      model.tables.push(new TableModel("Mine", model.newId(), sheet, 0, 1, 2, 2));
      const { result } = await clean(model);
      expect(result).toMatchObject({ kind: "blocked", obstacles: [{ kind: "tableEdge", table: "Mine" }], target: { free: { column: 4, address: "Sheet1!E1:G3" } } });
    });

    it("refuses the cells just below a table", async () => {
      const model = workbookWith(["$3B", "$4B"], "B4");
      const sheet = model.sheets[0];
      ["Q", "R", "S"].forEach((h, j) => sheet.set(0, 2 + j, { value: h }));
      model.tables.push(new TableModel("Above", model.newId(), sheet, 0, 2, 3, 2)); // C1:E3
      const { result } = await clean(model);
      expect(result).toMatchObject({ kind: "blocked", obstacles: [{ kind: "tableEdge", table: "Above", rect: { r0: 3, c0: 2, r1: 3, c1: 4 } }] });
    });

    it("refuses a spilled result, naming its formula", async () => {
      const model = workbookWith(["$3B", "$4B", "$5B"], "A2");
      const sheet = model.sheets[0];
      sheet.set(0, 2, { value: 1, formula: "=SEQUENCE(4)" });
      [2, 3, 4].forEach((v, i) => sheet.set(1 + i, 2, { value: v }));
      sheet.spills.push({ anchor: { r: 0, c: 2 }, rect: { r0: 0, c0: 2, r1: 3, c1: 2 } });
      const before = model.snapshot();
      const { result } = await clean(model, true);
      expect(model.snapshot()).toBe(before);
      expect(result).toMatchObject({ kind: "blocked", obstacles: [{ kind: "spill", anchor: "C1", rect: { r0: 1, c0: 2, r1: 3, c1: 2 } }], target: { free: { column: 3 } } });
    });

    it("refuses formula cells even when the user agreed to overwrite values", async () => {
      const model = workbookWith(["$3B", "$4B"]);
      model.sheets[0].set(2, 3, { value: 8, formula: "=A1*2" }); // D3
      const before = model.snapshot();
      const { result } = await clean(model, true);
      expect(model.snapshot()).toBe(before);
      expect(result).toMatchObject({ kind: "blocked", obstacles: [{ kind: "formulas", cells: ["D3"], count: 1 }] });
    });
  });

  it("reads the target's cells and one small answer for each column beside it, not the whole width of a large sheet", async () => {
    const model = new WorkbookModel();
    const sheet = model.sheets[0];
    const rows = 2000;
    for (let r = 0; r < rows; r++) {
      sheet.set(r, 0, { value: `$${r + 1}B` });
      for (let c = 1; c < 30; c++) sheet.set(r, c, { value: `cell ${r}-${c}` });
    }
    model.selection = { sheet, rect: { r0: 0, c0: 0, r1: rows - 1, c1: 0 } };
    const { result, log } = await clean(model);
    expect(result).toMatchObject({ kind: "needsConfirmation", target: { free: { column: 30 } } });
    // The target (3 columns × 2,000 rows, values and formulas) is about 200 KB; the 29 columns beside, read whole, would be 2 MB.
    const targetBytes = 3 * rows * 2 * JSON.stringify("cell 1999-29").length;
    expect(log.responses[2]).toBeLessThan(targetBytes * 1.5);
  });

  it("writes nothing when no column of several holds amounts, and names them", async () => {
    const model = new WorkbookModel();
    const sheet = model.sheets[0];
    [["Company", "Country"], ["Naver", "Korea"], ["Meta", "US"]].forEach((row, r) => row.forEach((v, c) => sheet.set(r, c, { value: v })));
    model.selection = { sheet, rect: { r0: 0, c0: 0, r1: 2, c1: 1 } };
    const before = model.snapshot();
    expect((await clean(model)).result).toEqual({ kind: "noAmounts", labels: ["A", "B"], syncs: 2 });
    expect(model.snapshot()).toBe(before);
  });

  describe("statement tables", () => {
    it("reads a column under (단위: 억원) in the row above the selection, and says where the unit came from", async () => {
      const model = workbookWith(["(단위: 억원)", "5803", "1,234", "(4,000)", "△4,000"], "B1");
      model.selection = { sheet: model.sheets[0], rect: { r0: 1, c0: 1, r1: 4, c1: 1 } };
      const { result } = await clean(model);
      expect(result).toMatchObject({ kind: "cleaned", read: 4, unit: { power: 8, currency: "KRW", caption: { text: "(단위: 억원)", address: "Sheet1!B1" } } });
      expect(model.grid("Sheet1", "D2:D5").map((r) => r[0])).toEqual([580300000000, 123400000000, -400000000000, -400000000000]);
    });

    it("finds the caption at the top right of the table, as filings put it", async () => {
      const model = new WorkbookModel();
      const sheet = model.sheets[0];
      const rows = [
        ["", "", "(단위: 백만원)"],
        ["구분", "2023", "2024"],
        ["매출액", "5,803", "6,100"],
        ["영업이익", "(400)", "△200"],
      ];
      rows.forEach((row, r) => row.forEach((v, c) => (v === "" ? undefined : sheet.set(r, c, { value: v }))));
      model.selection = { sheet, rect: { r0: 1, c0: 0, r1: 3, c1: 2 } };
      const { result } = await clean(model);
      expect(result).toMatchObject({ kind: "cleaned", read: 4, labels: ["A"], target: "Sheet1!D2:H4", unit: { caption: { address: "Sheet1!C1" } } });
      expect(model.grid("Sheet1", "D2:H2")[0]).toEqual(["2023 USD", "2023 KRW", "2024 USD", "2024 KRW", "AIFIN note"]);
      expect(model.grid("Sheet1", "E3:E4").map((r) => r[0])).toEqual([5803000000, -400000000]);
      expect(model.grid("Sheet1", "A2:A4").map((r) => r[0])).toEqual(["구분", "매출액", "영업이익"]);
    });

    it("uses the unit and currency picked in the pane over the headers", async () => {
      const model = workbookWith(["(In millions)", "1,234"], "A1");
      const { result } = await clean(model, false, "en", { unit: { power: null, currency: "USD" } });
      expect(result).toMatchObject({ kind: "cleaned", read: 1, unit: { power: 6, currency: "USD", powerChosen: false, currencyChosen: true } });
      expect(model.grid("Sheet1", "B2")[0][0]).toBe(1234000000);
    });
  });
});
