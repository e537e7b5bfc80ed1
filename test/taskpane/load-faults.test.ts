/* Workbook faults during a load: a load is all or nothing, like a refresh. Whatever write fails
 * (applied or not, in one request or several), the load takes out what it wrote (the new sheet, or
 * the block's cells, tables and name) and the records are as before: the workbook is byte for byte
 * what it was, and the pane says so. */
import { allDatasets, datasetById } from "../../src/core/data/catalog";
import { loadSelected, start } from "../../src/taskpane/actions";
import { LoadFailedError, loadDataset, type LoadTarget } from "../../src/taskpane/excel/load";
import { t } from "../../src/taskpane/i18n";
import { SETTING_KEYS } from "../../src/taskpane/records";
import { fakeExcel, WorkbookModel, type Fault } from "./fake-excel";
import { FIXTURE } from "./fixture";
import { harness } from "./harness";
import { syntheticDataset } from "./synthetic";

const NOW = "2025-01-15T09:30:00.000Z";

/** A workbook with the user's work in it and one dataset loaded before (records to keep). */
async function scene(): Promise<WorkbookModel> {
  const model = new WorkbookModel();
  model.write(model.sheets[0], 0, 0, [["My budget", 1200]]);
  // A small dataset: the scene is built again for every write of the loop below.
  const first = await loadDataset(fakeExcel(model).context, { dataset: FIXTURE, lang: "en", target: "newSheet", hash: "h0", now: NOW });
  if (first.kind !== "loaded") throw new Error("scene");
  model.selection = { sheet: model.sheets[0], rect: { r0: 4, c0: 2, r1: 4, c1: 2 } }; // Sheet1!C5
  return model;
}

async function loadWith(model: WorkbookModel, target: LoadTarget, faults: Fault[], dataset = datasetById("ai-labs")) {
  const fake = fakeExcel(model);
  for (const f of faults) fake.log.fail(f);
  try {
    const result = await loadDataset(fake.context, { dataset, lang: "en", target, hash: "h1", now: NOW });
    return { fake, result, error: null as unknown };
  } catch (error) {
    return { fake, result: null, error };
  }
}

describe.each(["newSheet", "selection"] as const)("a write failing during a load (%s)", (target) => {
  it.each([false, true])("at any write, applied %s, leaves the workbook and the records byte for byte as before", async (applied) => {
    const clean = await loadWith(await scene(), target, []);
    expect(clean.result?.kind).toBe("loaded");
    const writes = clean.fake.log.queued.length;
    expect(writes).toBeGreaterThan(10);
    for (let k = 1; k <= writes; k++) {
      const model = await scene();
      const before = model.snapshot();
      const records = model.settings.get(SETTING_KEYS.tables);
      const { error } = await loadWith(model, target, [{ nth: k, applied }]);
      const at = `fault at write ${k} (${clean.fake.log.queued[k - 1].what})`;
      expect([at, error instanceof LoadFailedError && error.restored]).toEqual([at, true]);
      expect([at, model.snapshot() === before]).toEqual([at, true]);
      expect(model.settings.get(SETTING_KEYS.tables)).toBe(records);
    }
  }, 60_000);

  it("in one of several requests (a load past 4,000,000 bytes) is taken out the same", async () => {
    const big = syntheticDataset(60_000, { padding: "x".repeat(1_000) });
    const clean = await loadWith(await scene(), target, [], big);
    expect(clean.fake.log.syncs).toBeGreaterThanOrEqual(target === "newSheet" ? 3 : 4);
    const model = await scene();
    const before = model.snapshot();
    const lastSync = clean.fake.log.syncs;
    const { error } = await loadWith(model, target, [{ sync: lastSync }], big);
    expect(error).toBeInstanceOf(LoadFailedError);
    expect((error as LoadFailedError).restored).toBe(true);
    expect(model.snapshot()).toBe(before);
  }, 60_000);
});

describe("the pane reports a failed load", () => {
  it.each(["en", "ko"] as const)("in %s: nothing left behind, the records unchanged", async (lang) => {
    const h = harness();
    h.feed.publish(allDatasets());
    await start(h.deps, lang === "ko" ? "ko-KR" : "en-US", true);
    h.deps.dispatch({ type: "select", id: "ai-labs" });
    const before = h.model.snapshot();
    h.faults.push({ what: "tables.add" });
    await loadSelected(h.deps);
    expect(h.model.snapshot()).toBe(before);
    expect(h.state.records).toEqual([]);
    expect(h.keys()).toEqual(["loadFailedRestored"]);
    const title = datasetById("ai-labs").meta.title[lang];
    expect(h.status()[0]).toBe(t("loadFailedRestored", lang, { title, detail: "GeneralException: the write tables.add failed (injected)" }));
  });

  it("says to check the sheet when taking out failed too", async () => {
    const h = harness();
    h.feed.publish(allDatasets());
    await start(h.deps, "en-US", true);
    h.deps.dispatch({ type: "select", id: "ai-labs" });
    h.faults.push({ what: "tables.add" }, { what: "worksheet.delete" });
    await loadSelected(h.deps);
    expect(h.keys()).toEqual(["loadFailedNotRestored"]);
  });
});
