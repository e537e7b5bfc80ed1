import { readWorkbookState, saveReferenceChoice, saveSetting, recalculate } from "../../src/taskpane/excel/settings";
import { SETTING_KEYS } from "../../src/taskpane/records";
import { fakeExcel, WorkbookModel } from "./fake-excel";

describe("workbook settings", () => {
  it("reads nothing from a new workbook, in one sync", async () => {
    const fake = fakeExcel();
    expect(await readWorkbookState(fake.context)).toEqual({ records: [], droppedRecords: 0, reference: null, feedUrl: null, language: null });
    expect(fake.log.syncs).toBe(1);
  });

  it("saves the reference choice and recalculates fully, in one sync", async () => {
    const model = new WorkbookModel();
    const fake = fakeExcel(model);
    await saveReferenceChoice(fake.context, { kind: "period", period: "2024-Q3" });
    expect(model.calculations).toEqual(["Full"]);
    expect(fake.log.syncs).toBe(1);
    expect((await readWorkbookState(fakeExcel(model).context)).reference).toEqual({ kind: "period", period: "2024-Q3" });
    await saveReferenceChoice(fakeExcel(model).context, { kind: "manual", rate: 1350.5 });
    expect((await readWorkbookState(fakeExcel(model).context)).reference).toEqual({ kind: "manual", rate: 1350.5 });
    await saveReferenceChoice(fakeExcel(model).context, null);
    expect((await readWorkbookState(fakeExcel(model).context)).reference).toBeNull();
  });

  it("saves the feed URL and the language", async () => {
    const model = new WorkbookModel();
    await saveSetting(fakeExcel(model).context, SETTING_KEYS.feedUrl, "https://data.example.com/aifin/");
    await saveSetting(fakeExcel(model).context, SETTING_KEYS.language, "ko");
    expect(await readWorkbookState(fakeExcel(model).context)).toMatchObject({ feedUrl: "https://data.example.com/aifin/", language: "ko" });
  });

  it("drops records it cannot read and says how many", async () => {
    const model = new WorkbookModel();
    model.settings.set(SETTING_KEYS.tables, JSON.stringify([{ nonsense: true }]));
    expect(await readWorkbookState(fakeExcel(model).context)).toMatchObject({ records: [], droppedRecords: 1 });
  });

  it("recalculates fully", async () => {
    const model = new WorkbookModel();
    await recalculate(fakeExcel(model).context);
    expect(model.calculations).toEqual(["Full"]);
  });
});
