import { isResponseTooLarge, readBlocks, type BlockRead } from "../../src/taskpane/excel/reads";
import type { PayloadLimits } from "../../src/taskpane/excel/steps";
import { fakeExcel, WorkbookModel, type Value } from "./fake-excel";

/** A sheet with blocks of `rows` rows of `text` in columns A:C, at rows 0, 10,000, 20,000… */
function workbook(blocks: Array<{ rows: number; text: string }>) {
  const model = new WorkbookModel();
  const sheet = model.sheets[0];
  blocks.forEach((b, k) => {
    const rows: Value[][] = Array.from({ length: b.rows }, (_, i) => [`${b.text}${i}`, i, i % 2 === 0]);
    model.write(sheet, k * 10_000, 0, rows);
  });
  return model;
}

function reading(fake: ReturnType<typeof fakeExcel>, blocks: Array<{ rows: number }>): BlockRead[] {
  const sheet = fake.context.workbook.worksheets.getItem("Sheet1");
  return blocks.map((b, k) => ({ block: () => sheet.getRange(`A${k * 10_000 + 1}:C${k * 10_000 + b.rows}`), expectedColumns: 3 }));
}

const limits = (responseBytes: number): PayloadLimits => ({ requestBytes: 4_000_000, sliceBytes: 1_000_000, responseBytes });

describe("readBlocks", () => {
  it("reads small blocks whole, together, in one sync", async () => {
    const blocks = [{ rows: 5, text: "a" }, { rows: 7, text: "b" }];
    const fake = fakeExcel(workbook(blocks));
    const read = await readBlocks(fake.context, reading(fake, blocks), limits(4_000_000));
    expect(read.syncs).toBe(1);
    expect(read.rowCounts).toEqual([5, 7]);
    expect(read.columnCounts).toEqual([3, 3]);
    expect(read.cells[1].values[6]).toEqual(["b6", 6, true]);
    expect(read.cells[0].formats[0]).toEqual(["General", "General", "General"]);
  });

  it("cuts a large block into row slices whose responses fit the budget, rows in order", async () => {
    const blocks = [{ rows: 2_000, text: "x".repeat(100) }];
    const fake = fakeExcel(workbook(blocks));
    const budget = 100_000;
    const read = await readBlocks(fake.context, reading(fake, blocks), limits(budget));
    expect(read.cells[0].values.map((r) => r[1])).toEqual(Array.from({ length: 2_000 }, (_, i) => i));
    expect(read.syncs).toBe(fake.log.responses.length);
    expect(read.syncs).toBeGreaterThan(5);
    // The first slice is sized by a guess; each later one by what was measured, a quarter to spare.
    for (const bytes of fake.log.responses) expect(bytes).toBeLessThanOrEqual(budget);
    expect(Math.max(...fake.log.responses.slice(1, -1))).toBeGreaterThan(budget * 0.6);
  });

  it("asks again in smaller slices when Excel refuses a response as too large (nothing was written)", async () => {
    const blocks = [{ rows: 300, text: "y".repeat(50) }];
    const fake = fakeExcel(workbook(blocks));
    const sync = fake.context.sync;
    let refused = 0;
    fake.context.sync = async () => {
      await sync();
      // The first two syncs come back too large (their cells were huge by Excel's count).
      if (refused < 2) {
        refused++;
        throw Object.assign(new Error("The response payload size has exceeded the limit."), { code: "ResponsePayloadSizeLimitExceeded" });
      }
    };
    let queued = 0;
    const read = await readBlocks(fake.context, reading(fake, blocks), limits(4_000_000), () => queued++);
    expect(read.cells[0].values).toHaveLength(300);
    expect(read.rowCounts).toEqual([300]);
    expect(queued).toBe(3); // the caller's own loads of the first sync, queued again each time it was asked again
    expect(read.syncs).toBe(3);
  });

  it("passes on any other failure", async () => {
    const fake = fakeExcel(workbook([{ rows: 3, text: "z" }]));
    fake.context.sync = async () => {
      throw Object.assign(new Error("GeneralException"), { code: "GeneralException" });
    };
    await expect(readBlocks(fake.context, reading(fake, [{ rows: 3 }]), limits(4_000_000))).rejects.toThrow("GeneralException");
  });

  it("recognises Excel's refusal by its code or its message", () => {
    expect(isResponseTooLarge({ code: "ResponsePayloadSizeLimitExceeded" })).toBe(true);
    expect(isResponseTooLarge(new Error("ResponsePayloadSizeLimitExceeded: …"))).toBe(true);
    expect(isResponseTooLarge(new Error("RequestPayloadSizeLimitExceeded"))).toBe(false);
  });
});
