import { allDatasets, datasetById } from "../../src/core/data/catalog";
import type { Dataset } from "../../src/core/data/schema";
import { answerClean, applyReference, clean, chart, loadSelected, refresh, saveFeed, setLanguage, start, type Deps } from "../../src/taskpane/actions";
import { t } from "../../src/taskpane/i18n";
import { SETTING_KEYS } from "../../src/taskpane/records";
import { initialState, reduce, type State } from "../../src/taskpane/state";
import type { ReferenceChoice } from "../../src/shared/reference-rate";
import { fakeExcel, WorkbookModel } from "./fake-excel";
import { FakeFeed, FEED, PAGE } from "./fake-feed";

/** The pane wired to a simulated workbook and an in-memory feed. */
function harness(options: { model?: WorkbookModel; feed?: FakeFeed; feedOrigins?: readonly string[] } = {}) {
  const model = options.model ?? new WorkbookModel();
  const feed = options.feed ?? new FakeFeed();
  // As a build made with AIFIN_FEED_URL=https://data.example.com/aifin/ allows.
  let state: State = initialState("en", options.feedOrigins ?? ["https://addin.example.com", "https://data.example.com"]);
  const runs: number[] = [];
  const choices: Array<ReferenceChoice | null> = [];
  const deps: Deps = {
    excel: async (action) => {
      const fake = fakeExcel(model);
      const result = await action(fake.context);
      runs.push(fake.log.syncs);
      return result;
    },
    io: feed,
    now: () => "2025-03-01T10:00:00.000Z",
    pageUrl: PAGE,
    setReferenceChoice: (c) => choices.push(c),
    setRates: () => undefined,
    onLatestUsed: () => undefined,
    embedded: allDatasets,
    dispatch: (event) => {
      state = reduce(state, event);
    },
    state: () => state,
  };
  const status = () => (state.status?.lines ?? []).map((l) => t(l.key, state.lang, l.params));
  return { model, feed, deps, runs, choices, status, get state() { return state; } };
}

const bump = (d: Dataset, change: (rows: Dataset["rows"]) => Dataset["rows"]): Dataset => ({ meta: { ...d.meta, version: "1.1.0", asOf: "2025-02-01" }, rows: change([...d.rows]) });

describe("the pane's actions", () => {
  describe("start", () => {
    it("reads the workbook, puts the saved rate in the shared runtime, recalculates, and lists the feed's datasets", async () => {
      const h = harness();
      h.model.settings.set(SETTING_KEYS.reference, JSON.stringify({ kind: "period", period: "2024-Q3" }));
      h.feed.publish(allDatasets());
      await start(h.deps, "ko-KR", true);
      expect(h.choices).toEqual([{ kind: "period", period: "2024-Q3" }]);
      expect(h.model.calculations).toEqual(["Full"]);
      expect(h.runs).toEqual([2]);
      expect(h.state.lang).toBe("ko");
      expect(h.state.catalog.origin).toBe("feed");
      expect(h.state.catalog.entries.map((e) => e.id)).toEqual(allDatasets().map((d) => d.meta.id));
      expect(h.state.catalog.entries.every((e) => e.hash?.length === 64)).toBe(true);
    });

    it("falls back to the built-in data, saying why, when the feed cannot be read", async () => {
      const h = harness();
      h.feed.offline = true;
      await start(h.deps, "en-US", true);
      expect(h.state.catalog.origin).toBe("embedded");
      const note = h.state.catalog.note;
      expect(note && t(note.key, "en", note.params)).toMatch(/^Showing the data built into AIFIN: The data feed at https:\/\/addin.example.com\/aifin\/datasets\/index.json could not be reached/);
    });

    it("works outside Excel (browser preview) and says where to open it", async () => {
      const h = harness();
      h.feed.publish(allDatasets());
      await start(h.deps, "en-US", false);
      expect(h.runs).toEqual([]);
      expect(h.status()).toEqual([t("notInExcel", "en")]);
    });
  });

  describe("load", () => {
    it("loads the selected dataset and reports it", async () => {
      const h = harness();
      h.feed.publish(allDatasets());
      await start(h.deps, "en-US", true);
      h.deps.dispatch({ type: "select", id: "korea-ai-investment" });
      await loadSelected(h.deps);
      expect(h.state.records.map((r) => r.tableName)).toEqual(["AIFIN_korea_ai_investment"]);
      expect(h.state.status?.tone).toBe("success");
      expect(h.status()[0]).toBe(`Loaded 15 rows of “${datasetById("korea-ai-investment").meta.title.en}” into the table AIFIN_korea_ai_investment on Korean companies' AI-related.`);
      expect(h.status()[1]).toBe("Unconfirmed figures: 5, marked ⚠ and highlighted.");
      expect(h.runs.slice(1)).toEqual([2]);
    });
  });

  describe("refresh", () => {
    async function loadedPane() {
      const h = harness();
      h.feed.publish(allDatasets());
      await start(h.deps, "en-US", true);
      h.deps.dispatch({ type: "select", id: "openai-2024-costs" });
      await loadSelected(h.deps);
      return h;
    }

    it("refreshes from the feed and says what changed", async () => {
      const h = await loadedPane();
      const v2 = bump(datasetById("openai-2024-costs"), (rows) => rows.map((r, i) => (i < 3 ? { ...r, note: "revised" } : r)));
      h.feed.publish([v2, ...allDatasets().filter((d) => d.meta.id !== v2.meta.id)]);
      await refresh(h.deps);
      expect(h.status()).toEqual(["AIFIN_openai_2024_costs: 3 updated, 0 added, 0 removed; as of 2025-02-01."]);
      expect(h.state.records[0]).toMatchObject({ version: "1.1.0", asOf: "2025-02-01" });
      expect(h.runs.at(-1)).toBe(3);
    });

    it("says a table is up to date without fetching its file again", async () => {
      const h = await loadedPane();
      h.feed.requested.length = 0;
      await refresh(h.deps, "AIFIN_openai_2024_costs");
      expect(h.status()).toEqual(["AIFIN_openai_2024_costs is up to date (version 1.0.0, as of 2024-08-01)."]);
      expect(h.feed.requested).toEqual([`${FEED}index.json`]);
    });

    describe("with a feed that cannot be used, touches nothing and says why", () => {
      it.each([
        ["offline", (f: FakeFeed) => (f.offline = true), /could not be reached/],
        ["a broken index", (f: FakeFeed) => f.setText(`${FEED}index.json`, "{"), /list of datasets is not valid/],
        [
          "a tampered file",
          (f: FakeFeed) => {
            const v2 = bump(datasetById("openai-2024-costs"), (rows) => rows.slice(1));
            f.publish([v2]);
            f.setJson(`${FEED}openai-2024-costs.json`, { ...v2, rows: v2.rows.slice(1) });
          },
          /does not match the fingerprint/,
        ],
        [
          "an invalid dataset",
          (f: FakeFeed) => f.publish([bump(datasetById("openai-2024-costs"), (rows) => rows.map((r) => ({ ...r, source: "nobody" })))]),
          /is not a valid dataset/,
        ],
      ])("%s", async (_, breakIt, sentence) => {
        const h = await loadedPane();
        breakIt(h.feed);
        const before = h.model.snapshot();
        const runs = h.runs.length;
        await refresh(h.deps);
        expect(h.model.snapshot()).toBe(before);
        expect(h.runs.length).toBe(runs); // Excel was not even called
        expect(h.state.status?.tone).toBe("error");
        expect(h.status()[0]).toMatch(sentence);
        expect(h.status()[0]).toMatch(/Nothing in the workbook was changed\.$/);
      });
    });

    it("reports a deleted table", async () => {
      const h = await loadedPane();
      h.model.tables.length = 0;
      h.feed.publish([bump(datasetById("openai-2024-costs"), (r) => r)]);
      await refresh(h.deps);
      expect(h.state.status?.tone).toBe("warning");
      expect(h.status()[0]).toMatch(/^The table AIFIN_openai_2024_costs was deleted or renamed/);
      expect(h.state.records).toEqual([]);
    });

    it("leaves a table the feed no longer publishes alone", async () => {
      const h = await loadedPane();
      h.feed.publish([datasetById("bigtech-capex")]);
      await refresh(h.deps);
      expect(h.status()[0]).toMatch(/the feed no longer publishes/);
    });

    it("in Korean for a Korean user", async () => {
      const h = await loadedPane();
      h.deps.dispatch({ type: "language", lang: "ko" });
      h.feed.offline = true;
      await refresh(h.deps);
      expect(h.status()[0]).toMatch(/통합 문서는 변경하지 않았습니다\.$/);
    });
  });

  describe("clean", () => {
    function paneWithPaste(values: string[], beside?: string) {
      const h = harness();
      const sheet = h.model.sheets[0];
      values.forEach((v, i) => sheet.set(i, 0, { value: v }));
      if (beside) sheet.set(0, 1, { value: beside });
      h.model.selection = { sheet, rect: { r0: 0, c0: 0, r1: values.length - 1, c1: 0 } };
      return h;
    }

    it("asks before overwriting, then writes when the user agrees", async () => {
      const h = paneWithPaste(["$3B", "5,803억원"], "mine");
      await clean(h.deps);
      expect(h.state.cleanQuestion).toEqual({
        lines: [
          { key: "cleanTargetIntro", params: { columns: 3, target: "Sheet1!B1:D2" } },
          { key: "cleanObstacleValues", params: { count: 1 } },
          { key: "cleanOfferFree", params: { free: "Sheet1!C1:E2" } },
        ],
        overwrite: true,
        free: { column: 2, address: "Sheet1!C1:E2" },
      });
      expect(h.model.grid("Sheet1", "B1")[0][0]).toBe("mine");
      await answerClean(h.deps, "overwrite");
      expect(h.state.cleanQuestion).toBeNull();
      expect(h.model.grid("Sheet1", "B1:C1")[0]).toEqual([3000000000, 4196250000000]);
      expect(h.status()[0]).toBe("2 amounts converted in Sheet1!A1:A2, written to Sheet1!B1:D2.");
    });

    it("writes at the free columns offered when the user prefers", async () => {
      const h = paneWithPaste(["$3B", "5,803억원"], "mine");
      await clean(h.deps);
      await answerClean(h.deps, "free");
      expect(h.model.grid("Sheet1", "B1:D1")[0]).toEqual(["mine", 3000000000, 4196250000000]);
      expect(h.status()[0]).toBe("2 amounts converted in Sheet1!A1:A2, written to Sheet1!C1:E2.");
    });

    it("writes nothing when the user declines", async () => {
      const h = paneWithPaste(["$3B"], "mine");
      await clean(h.deps);
      const before = h.model.snapshot();
      await answerClean(h.deps, "cancel");
      expect(h.model.snapshot()).toBe(before);
      expect(h.state.cleanQuestion).toBeNull();
      expect(h.status()).toEqual(["Nothing was written."]);
    });

    it("converts at the rate the user chose", async () => {
      const h = paneWithPaste(["$1"]);
      h.deps.dispatch({ type: "started", lang: "en", inExcel: true, records: [], reference: { kind: "manual", rate: 1300 }, feedUrl: null });
      await clean(h.deps);
      expect(h.model.grid("Sheet1", "C1")[0][0]).toBe(1300);
    });

    it("reads a statement column in the unit its header states, and says where the unit came from", async () => {
      const h = paneWithPaste(["(단위: 억원)", "5803", "(4,000)", "△4,000"]);
      await clean(h.deps);
      expect(h.model.grid("Sheet1", "C2:C4").map((r) => r[0])).toEqual([580300000000, -400000000000, -400000000000]);
      expect(h.status()).toEqual(["3 amounts converted in Sheet1!A1:A4, written to Sheet1!B1:D4.", "Plain numbers were read in 억원 (10^8 KRW), as “(단위: 억원)” in Sheet1!A1 states."]);
      expect(h.state.cleanDetected).toMatchObject({ caption: { text: "(단위: 억원)", address: "Sheet1!A1", power: 8, currency: "KRW" } });
    });

    it("reads plain numbers in the unit and currency picked in the pane", async () => {
      const h = paneWithPaste(["1,234", "(56)"]);
      await clean(h.deps);
      expect(h.status()).toEqual([
        "0 amounts converted in Sheet1!A1:A2, written to Sheet1!B1:D2.",
        "2 cells could not be read: they are marked in red with the reason.",
        "2 of them have no currency: choose one under “Currency of plain numbers” and clean again.",
      ]);
      h.deps.dispatch({ type: "cleanUnit", unit: { power: 6, currency: "USD" } });
      await clean(h.deps, { overwrite: true });
      expect(h.model.grid("Sheet1", "B1:B2").map((r) => r[0])).toEqual([1234000000, -56000000]);
      expect(h.status()[1]).toBe("Plain numbers were read in US$ millions, as chosen in the pane.");
    });
  });

  describe("settings", () => {
    it("applies a manual reference rate: shared runtime, workbook setting, full recalculation", async () => {
      const h = harness();
      h.deps.dispatch({ type: "draft", draft: { referenceKind: "manual", manualText: "1,350.5" } });
      await applyReference(h.deps);
      expect(h.choices).toEqual([{ kind: "manual", rate: 1350.5 }]);
      expect(JSON.parse(String(h.model.settings.get(SETTING_KEYS.reference)))).toEqual({ kind: "manual", rate: 1350.5 });
      expect(h.model.calculations).toEqual(["Full"]);
      expect(h.status()[0]).toMatch(/^Functions without a rate now use 1,350.5 KRW per USD/);
    });

    it("refuses an invalid rate without touching anything", async () => {
      const h = harness();
      h.deps.dispatch({ type: "draft", draft: { referenceKind: "manual", manualText: "-3" } });
      await applyReference(h.deps);
      expect(h.choices).toEqual([]);
      expect(h.runs).toEqual([]);
      expect(h.status()).toEqual([t("manualInvalid", "en")]);
    });

    it("refuses a feed URL that is not https", async () => {
      const h = harness();
      h.deps.dispatch({ type: "draft", draft: { feedText: "http://data.example.com/" } });
      await saveFeed(h.deps);
      expect(h.runs).toEqual([]);
      expect(h.status()).toEqual([t("feedUrlNotHttps", "en")]);
    });

    it("saves an https feed URL and reads the catalog from it", async () => {
      const h = harness();
      h.feed.publish(allDatasets().slice(0, 2), "https://data.example.com/aifin/");
      h.deps.dispatch({ type: "draft", draft: { feedText: "https://data.example.com/aifin" } });
      await saveFeed(h.deps);
      expect(h.model.settings.get(SETTING_KEYS.feedUrl)).toBe("https://data.example.com/aifin/");
      expect(h.state.catalog).toMatchObject({ origin: "feed" });
      expect(h.state.catalog.entries).toHaveLength(2);
    });

    it("refuses a feed at an origin this build's security policy would block, saying how to build for it", async () => {
      const h = harness({ feedOrigins: ["https://addin.example.com"] });
      h.feed.publish(allDatasets().slice(0, 2), "https://data.example.com/aifin/");
      h.deps.dispatch({ type: "draft", draft: { feedText: "https://data.example.com/aifin" } });
      await saveFeed(h.deps);
      expect(h.runs).toEqual([]);
      expect(h.model.settings.has(SETTING_KEYS.feedUrl)).toBe(false);
      expect(h.feed.requested).toEqual([]);
      expect(h.status()).toEqual([
        "Nothing was saved: this build of AIFIN may read feeds only from https://addin.example.com, and its security policy (Content-Security-Policy) would block https://data.example.com. To use that feed, build the add-in with AIFIN_FEED_URL=https://data.example.com/aifin/ npm run build (the build adds the feed's origin to the policy) and deploy that build.",
      ]);
    });

    it("does not fetch a feed saved in the workbook that this build may not read, and says so", async () => {
      const h = harness({ feedOrigins: ["https://addin.example.com"] });
      h.model.settings.set(SETTING_KEYS.feedUrl, "https://data.example.com/aifin/");
      h.feed.publish(allDatasets());
      await start(h.deps, "en-US", true);
      expect(h.feed.requested).toEqual([]);
      expect(h.state.catalog.origin).toBe("embedded");
      const note = h.state.catalog.note;
      expect(note && t(note.key, "en", note.params)).toMatch(/^Showing the data built into AIFIN: The feed https:\/\/data\.example\.com\/aifin\/ saved in this workbook is not one this build of AIFIN may read \(it allows https:\/\/addin\.example\.com\)/);
      h.deps.dispatch({ type: "select", id: "bigtech-capex" });
      await loadSelected(h.deps);
      const before = h.model.snapshot();
      await refresh(h.deps);
      expect(h.feed.requested).toEqual([]);
      expect(h.model.snapshot()).toBe(before);
      expect(h.status()[0]).toMatch(/^The feed https:\/\/data\.example\.com\/aifin\/ saved in this workbook is not one this build of AIFIN may read/);
    });

    it("switches the language and saves it", async () => {
      const h = harness();
      h.deps.dispatch({ type: "started", lang: "en", inExcel: true, records: [], reference: null, feedUrl: null });
      await setLanguage(h.deps, "ko");
      expect(h.state.lang).toBe("ko");
      expect(h.model.settings.get(SETTING_KEYS.language)).toBe("ko");
    });
  });

  it("offers the metrics of a table to chart, then inserts the one picked, titled with the dataset, metric, currency and as-of date", async () => {
    const h = harness();
    h.feed.publish(allDatasets());
    await start(h.deps, "en-US", true);
    h.deps.dispatch({ type: "select", id: "bigtech-capex" });
    await loadSelected(h.deps);
    await chart(h.deps, "AIFIN_bigtech_capex");
    expect(h.status()).toEqual(["AIFIN_bigtech_capex holds several metrics or currencies, and one chart shows one of each: choose which to chart."]);
    const choice = h.state.chartChoice;
    expect(choice?.options.map((o) => o.metric)).toEqual(["Capital expenditure", "AI data-center infrastructure plan", "Capex guidance", "AI investment"]);
    await chart(h.deps, "AIFIN_bigtech_capex", choice!.options[2].key);
    expect(h.state.chartChoice).toBeNull();
    const sheet = h.model.sheets.find((s) => s.charts.length > 0)!;
    expect(h.status()).toEqual([
      `AIFIN_bigtech_capex: a chart of Capex guidance in USD (2 figures) was inserted; it reads the table through its data in '${sheet.name}'!P4:Q6.`,
      "1 figures given as a range (no single value) were left out.",
    ]);
    expect(sheet.charts[0].title).toBe(`${datasetById("bigtech-capex").meta.title.en}: Capex guidance, USD (as of 2025-08-27)`);
    await chart(h.deps, "AIFIN_bigtech_capex", choice!.options[0].key);
    expect(h.status()[0]).toMatch(/^AIFIN_bigtech_capex: its chart was updated to Capital expenditure in USD \(12 figures\)/);
    expect(sheet.charts).toHaveLength(1);
  });
});
