import { cleanSelection } from "../../src/taskpane/excel/clean";
import { fakeExcel, WorkbookModel, parseA1 } from "./fake-excel";

function workbookWith(column: Array<string | number>, at = "B2", formats?: string[]) {
  const model = new WorkbookModel();
  const sheet = model.sheets[0];
  const start = parseA1(at);
  column.forEach((v, i) => sheet.set(start.r0 + i, start.c0, v === "" ? undefined : { value: v, ...(formats?.[i] ? { format: formats[i] } : {}) }));
  model.selection = { sheet, rect: { r0: start.r0, c0: start.c0, r1: start.r0 + column.length - 1, c1: start.c0 } };
  return model;
}

async function clean(model: WorkbookModel, overwrite = false, lang: "en" | "ko" = "en") {
  const fake = fakeExcel(model);
  const result = await cleanSelection(fake.context, { rate: 1320, lang, overwrite });
  return { ...fake, result };
}

describe("cleanSelection", () => {
  it("writes numeric USD and KRW columns beside the pasted text, with the parser's readings", async () => {
    const model = workbookWith(["Amount", "30억 달러(약 3조9600억 원)", "$3B", "5,803억원"]);
    const { result, log } = await clean(model);
    expect(result).toEqual({ kind: "cleaned", read: 3, unread: 0, address: "Sheet1!B2:B5", syncs: 2 });
    expect(model.grid("Sheet1", "C2:D5")).toEqual([
      ["USD", "KRW"],
      [3000000000, 3960000000000],
      [3000000000, 3960000000000],
      [439621212.12, 580300000000],
    ]);
    expect(model.sheets[0].get(2, 2)?.format).toBe("$#,##0");
    expect(model.sheets[0].get(4, 2)?.format).toBe("$#,##0.00");
    expect(model.sheets[0].get(2, 3)?.format).toBe('"₩"#,##0');
    expect(log.syncs).toBe(2);
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
    expect(first.result).toEqual({ kind: "needsConfirmation", cells: 1, address: "Sheet1!B2:B3", syncs: 1 });
    expect(model.snapshot()).toBe(before);
    const second = await clean(model, true);
    expect(second.result).toMatchObject({ kind: "cleaned", read: 2 });
    expect(model.grid("Sheet1", "D3")[0][0]).toBe(5280000000000);
  });

  it("refuses a selection of more than one column", async () => {
    const model = workbookWith(["$3B"]);
    model.selection = { sheet: model.sheets[0], rect: { r0: 1, c0: 1, r1: 2, c1: 2 } };
    const before = model.snapshot();
    expect((await clean(model)).result).toEqual({ kind: "notOneColumn", syncs: 1 });
    expect(model.snapshot()).toBe(before);
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
});
