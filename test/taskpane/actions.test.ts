import { allDatasets, datasetById } from "../../src/core/data/catalog";
import type { Dataset } from "../../src/core/data/schema";
import {
  answerClean,
  applyReference,
  chart,
  clean,
  confirmManual,
  loadSelected,
  moveToLatest,
  recordLatest,
  refresh,
  saveFeed,
  setLanguage,
  start,
} from "../../src/taskpane/actions";
import { t } from "../../src/taskpane/i18n";
import { SETTING_KEYS } from "../../src/taskpane/records";
import { referenceDraft } from "../../src/taskpane/state";
import { resetShared } from "../../src/shared/reference-rate";
import { FEED, SHIPPED_RATES, newerRates } from "./fake-feed";
import { FIXTURE } from "./fixture";
import { CHARTED } from "./chart-fixture";
import { columnName } from "./fake-excel";
import { TABLE_COLUMNS } from "../../src/core/sheet/plan";
import { harness, loadedPane, type Harness } from "./harness";

const bump = (d: Dataset, change: (rows: Dataset["rows"]) => Dataset["rows"]): Dataset => ({ meta: { ...d.meta, version: "1.1.0", asOf: "2025-02-01" }, rows: change([...d.rows]) });
const RATES_FILE = `${FEED}ecb-reference-rates.json`;
/** The shipped rates and one more day: 2026-04-14, 1,452.99 KRW per USD (1700.00 ÷ 1.1700). */
const NEWER = newerRates([{ date: "2026-04-14", usd: "1.1700", krw: "1700.00" }]);
const savedReference = (h: Harness) => JSON.parse(String(h.model.settings.get(SETTING_KEYS.reference))) as unknown;
/** Lets a listener's action (fired without being awaited) run to its end. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

afterEach(() => resetShared());

describe("the pane's actions", () => {
  describe("start", () => {
    it("reads the workbook, puts the saved rate in the shared runtime, recalculates, and lists the feed's datasets", async () => {
      const h = harness();
      h.model.settings.set(SETTING_KEYS.reference, JSON.stringify({ kind: "period", period: "2024-Q3", basis: "close" }));
      h.feed.publish(allDatasets());
      await start(h.deps, "ko-KR", true);
      expect(h.choices).toEqual([{ kind: "period", period: "2024-Q3", basis: "close" }]);
      expect(h.model.calculations).toEqual(["Full"]);
      expect(h.runs).toEqual([2]);
      expect(h.state.lang).toBe("ko");
      expect(h.state.reference).toEqual({ kind: "period", period: "2024-Q3", basis: "close" });
      expect(h.state.draft).toMatchObject({ referenceKind: "period", periodText: "2024-Q3", basis: "close" });
      expect(h.state.catalog.origin).toBe("feed");
      expect(h.state.catalog.entries.map((e) => e.id)).toEqual(allDatasets().map((d) => d.meta.id));
      expect(h.state.catalog.entries.every((e) => e.hash?.length === 64)).toBe(true);
      expect(h.latestListener).toBeNull(); // pinned already: nothing to record
    });

    it("reads a setting of the earlier format (a period without a basis) as the period's average", async () => {
      const h = harness();
      h.model.settings.set(SETTING_KEYS.reference, JSON.stringify({ kind: "period", period: "2024-Q3" }));
      h.feed.publish(allDatasets());
      await start(h.deps, "en-US", true);
      expect(h.choices).toEqual([{ kind: "period", period: "2024-Q3" }]);
      expect(h.state.draft).toMatchObject({ referenceKind: "period", periodText: "2024-Q3", basis: "average" });
    });

    it("with no rate saved: the latest rate, no recalculation, and a listener for the functions' first use of it", async () => {
      const h = harness();
      h.feed.publish(allDatasets());
      await start(h.deps, "en-US", true);
      expect(h.choices).toEqual([null]); // known now: functions waiting for the workbook's rate go on
      expect(h.model.calculations).toEqual([]);
      expect(h.latestListener).toEqual(expect.any(Function));
      expect(h.state.today).toBe("2025-03-01");
    });

    it("warns when the saved rate cannot be served by the rates in use (the latest stands in)", async () => {
      const h = harness();
      h.model.settings.set(SETTING_KEYS.reference, JSON.stringify({ kind: "date", day: "2030-01-02" }));
      h.feed.publish(allDatasets());
      await start(h.deps, "en-US", true);
      expect(h.keys()).toEqual(["referenceStale"]);
      expect(h.state.status?.tone).toBe("warning");
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
      expect(h.latestListener).toBeNull();
    });
  });

  describe("newer rates from the feed (installNewerRates)", () => {
    it("installs rates that reach later than those in use, and recalculates the workbook", async () => {
      const h = harness();
      h.feed.publish(allDatasets());
      h.feed.publishRates(NEWER);
      await start(h.deps, "en-US", true);
      expect(h.rates.map((r) => r.meta.last)).toEqual(["2026-04-14"]);
      expect(h.state.ratesLast).toBe("2026-04-14");
      expect(h.model.calculations).toEqual(["Full"]);
      expect(h.state.catalog.origin).toBe("feed");
      expect(h.state.status).toBeNull(); // quietly: the settings show the new rates
    });

    it("does not fetch rates that are not newer than those in use", async () => {
      const h = harness();
      h.feed.publish(allDatasets());
      h.feed.publishRates(SHIPPED_RATES);
      await start(h.deps, "en-US", true);
      expect(h.feed.requested).not.toContain(RATES_FILE);
      expect(h.rates).toEqual([]);
      expect(h.model.calculations).toEqual([]);
    });

    it.each([
      [
        "a file whose hash is not the index's",
        (h: Harness) => {
          h.feed.publishRates(NEWER);
          h.feed.files.set(RATES_FILE, new TextEncoder().encode(JSON.stringify(SHIPPED_RATES)));
        },
        /does not match the fingerprint \(sha256\)/,
      ],
      [
        "a file that does not unpack whole",
        (h: Harness) => void h.feed.publishRates({ ...NEWER, rates: { ...NEWER.rates, USD: NEWER.rates.USD.split(",").slice(1).join(",") } }),
        /is not a valid dataset \(ecb-reference-rates: 6983 USD values for 6984 days\)/,
      ],
    ])("refuses %s, with the reason; the datasets are read, the rates in use stay", async (_, breakIt, reason) => {
      const h = harness();
      h.feed.publish(allDatasets());
      breakIt(h);
      const before = h.state.ratesLast;
      await start(h.deps, "en-US", true);
      expect(h.state.catalog.origin).toBe("feed");
      expect(h.rates).toEqual([]);
      expect(h.state.ratesLast).toBe(before);
      expect(h.model.calculations).toEqual([]);
      expect(h.keys()).toEqual(["ratesNotUpdated"]);
      expect(h.state.status?.tone).toBe("warning");
      expect(String(h.state.status?.lines[0]?.params?.reason)).toMatch(reason);
      expect(h.status()[0]).toMatch(/^The datasets were read, but the newer rates were not: The data feed's file for “ecb-reference-rates”/);
    });

    it("comes with a refresh too, which says so", async () => {
      const h = await loadedPane();
      h.feed.publishRates(NEWER);
      await refresh(h.deps);
      expect(h.rates.map((r) => r.meta.last)).toEqual(["2026-04-14"]);
      // The table was checked against the version it records (the built-in copy): up to date.
      expect(h.keys()).toEqual(["ratesUpdated", "upToDateChecked"]);
      expect(h.status()[0]).toBe("Rates updated to 2026-04-14 from the feed.");
      expect(h.state.status?.tone).toBe("success");
    });

    it("refused with a refresh: the tables still refresh, and the pane says why the rates did not", async () => {
      const h = await loadedPane();
      h.feed.publish([bump(FIXTURE, (rows) => rows.map((r, i) => (i === 0 ? { ...r, note: "revised" } : r))), ...allDatasets()]);
      h.feed.publishRates(NEWER);
      h.feed.files.set(RATES_FILE, new TextEncoder().encode("{}"));
      await refresh(h.deps);
      expect(h.keys()).toEqual(["ratesNotUpdated", "refreshed"]);
      expect(h.state.status?.tone).toBe("warning");
      expect(h.rates).toEqual([]);
    });
  });

  describe("the day the latest rate stood for (recordLatest)", () => {
    it("is saved once, when the functions first use the latest rate, without recalculating", async () => {
      const h = harness();
      h.feed.publish(allDatasets());
      await start(h.deps, "en-US", true);
      const runs = h.runs.length;
      h.latestListener?.("2026-04-13");
      await settle();
      expect(savedReference(h)).toEqual({ kind: "latest", day: "2026-04-13" });
      expect(h.model.calculations).toEqual([]); // the value does not change
      expect(h.runs.length).toBe(runs + 1);
      expect(h.choices).toEqual([null, { kind: "latest", day: "2026-04-13" }]);
      expect(h.state.reference).toEqual({ kind: "latest", day: "2026-04-13" });
      expect(h.keys()).toEqual(["referenceRecorded"]);
      expect(h.status()[0]).toBe("This workbook now keeps the rate of 2026-04-13 as its reference: its numbers will not move when newer rates arrive.");
      expect(h.latestListener).toBeNull(); // once
      await recordLatest(h.deps, "2026-04-14");
      expect(h.runs.length).toBe(runs + 1);
      expect(savedReference(h)).toEqual({ kind: "latest", day: "2026-04-13" });
    });

    it("says so when Excel cannot save it", async () => {
      const h = harness();
      h.deps.dispatch({ type: "started", lang: "en", inExcel: true, records: [], reference: null, feedUrl: null });
      h.faults.push({ what: "settings.add" });
      await recordLatest(h.deps, "2026-04-13");
      expect(h.keys()).toEqual(["excelFailed"]);
      expect(h.model.settings.has(SETTING_KEYS.reference)).toBe(false);
    });
  });

  describe("moving a workbook to the newest rate (moveToLatest)", () => {
    async function pinnedWithNewerRates() {
      const h = harness();
      h.model.settings.set(SETTING_KEYS.reference, JSON.stringify({ kind: "latest", day: "2026-04-13" }));
      h.feed.publish(allDatasets());
      h.feed.publishRates(NEWER);
      await start(h.deps, "en-US", true);
      return h;
    }

    it("keeps a pinned workbook on its day when newer rates arrive", async () => {
      const h = await pinnedWithNewerRates();
      expect(h.rates).toHaveLength(1);
      expect(savedReference(h)).toEqual({ kind: "latest", day: "2026-04-13" });
      expect(h.state.reference).toEqual({ kind: "latest", day: "2026-04-13" });
    });

    it("moves it when asked, saying what changes, and recalculates", async () => {
      const h = await pinnedWithNewerRates();
      const calculations = h.model.calculations.length;
      await moveToLatest(h.deps);
      expect(savedReference(h)).toEqual({ kind: "latest", day: "2026-04-14" });
      expect(h.choices.at(-1)).toEqual({ kind: "latest", day: "2026-04-14" });
      expect(h.state.reference).toEqual({ kind: "latest", day: "2026-04-14" });
      expect(h.model.calculations.length).toBe(calculations + 1);
      expect(h.status()).toEqual(["The workbook now uses 1,452.99 (2026-04-14) instead of 1,489.95 (2026-04-13); it was recalculated."]);
    });

    it("does nothing when there is nothing newer", async () => {
      const h = harness();
      h.model.settings.set(SETTING_KEYS.reference, JSON.stringify({ kind: "latest", day: "2026-04-13" }));
      h.feed.publish(allDatasets());
      await start(h.deps, "en-US", true);
      const runs = h.runs.length;
      await moveToLatest(h.deps);
      expect(h.runs.length).toBe(runs);
      expect(savedReference(h)).toEqual({ kind: "latest", day: "2026-04-13" });
    });
  });

  describe("load", () => {
    it("loads the selected dataset and reports it", async () => {
      const h = harness();
      h.feed.publish([FIXTURE, ...allDatasets()]);
      await start(h.deps, "en-US", true);
      h.deps.dispatch({ type: "select", id: FIXTURE.meta.id });
      await loadSelected(h.deps);
      expect(h.state.records.map((r) => r.tableName)).toEqual(["AIFIN_fixture_figures"]);
      expect(h.state.status?.tone).toBe("success");
      expect(h.status()).toEqual(["Loaded 6 rows of “Fixture figures for tests” into the table AIFIN_fixture_figures on Fixture_figures_for_tests.", "Unconfirmed figures: 1, marked ⚠ and highlighted."]);
      // The read, the write, and the record with Excel's ids of the new tables and sheet.
      expect(h.runs.slice(1)).toEqual([3]);
    });
  });

  describe("refresh", () => {
    it("refreshes from the feed and says what changed", async () => {
      const h = await loadedPane();
      const v2 = bump(FIXTURE, (rows) => rows.map((r, i) => (i < 3 ? { ...r, note: "revised" } : r)));
      h.feed.publish([v2, ...allDatasets()]);
      await refresh(h.deps);
      expect(h.status()).toEqual(["AIFIN_fixture_figures: 3 updated, 0 added, 0 removed; as of 2025-02-01."]);
      expect(h.state.records[0]).toMatchObject({ version: "1.1.0", asOf: "2025-02-01" });
      expect(h.runs.at(-1)).toBe(3);
    });

    it("says a table is up to date, its cells checked against the version it records, without fetching that file again", async () => {
      const h = await loadedPane();
      h.feed.requested.length = 0;
      await refresh(h.deps, "AIFIN_fixture_figures");
      expect(h.status()).toEqual(["AIFIN_fixture_figures is up to date (version 1.0.0, as of 2025-08-01); every cell of AIFIN's matches the data."]);
      expect(h.feed.requested).toEqual([`${FEED}index.json`]);
    });

    describe("with a feed that cannot be used, touches nothing and says why", () => {
      it.each([
        ["offline", (h: Harness) => (h.feed.offline = true), /could not be reached/],
        ["a broken index", (h: Harness) => h.feed.setText(`${FEED}index.json`, "{"), /list of datasets is not valid/],
        [
          "a tampered file",
          (h: Harness) => {
            const v2 = bump(FIXTURE, (rows) => rows.map((r) => ({ ...r, note: "v2" })));
            h.feed.publish([v2]);
            h.feed.setJson(`${FEED}fixture-figures.json`, { ...v2, rows: v2.rows.slice(1) });
          },
          /does not match the fingerprint/,
        ],
        ["an invalid dataset", (h: Harness) => h.feed.publish([bump(FIXTURE, (rows) => rows.map((r) => ({ ...r, source: "nobody" })))]), /is not a valid dataset/],
      ])("%s", async (_, breakIt, sentence) => {
        const h = await loadedPane();
        breakIt(h);
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

    it("reports a deleted table (its id gone, its sheet still there), not a renamed one", async () => {
      const h = await loadedPane();
      h.model.tables.length = 0;
      h.feed.publish([bump(FIXTURE, (r) => r)]);
      await refresh(h.deps);
      expect(h.state.status?.tone).toBe("warning");
      expect(h.keys()).toEqual(["tableDeleted"]);
      expect(h.status()[0]).toMatch(/^The table AIFIN_fixture_figures was deleted \(its sheet Fixture_figures_for_tests is still there\)/);
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
      expect(h.model.grid("Sheet1", "B1:C1")[0]).toEqual([3000000000, 4469850000000]);
      expect(h.status()[0]).toBe("2 amounts converted in Sheet1!A1:A2, written to Sheet1!B1:D2.");
    });

    it("writes at the free columns offered when the user prefers", async () => {
      const h = paneWithPaste(["$3B", "5,803억원"], "mine");
      await clean(h.deps);
      await answerClean(h.deps, "free");
      expect(h.model.grid("Sheet1", "B1:D1")[0]).toEqual(["mine", 3000000000, 4469850000000]);
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
      expect(savedReference(h)).toEqual({ kind: "manual", rate: 1350.5 });
      expect(h.model.calculations).toEqual(["Full"]);
      expect(h.status()).toEqual(["Functions without a rate now use 1,350.5 KRW per USD, typed by hand; the workbook was recalculated."]);
    });

    it.each([
      [{ referenceKind: "latest" as const }, { kind: "latest", day: "2026-04-13" }, /^Functions without a rate now use 1,489\.95 KRW per USD on 2026-04-13/],
      [{ referenceKind: "date" as const, dateText: "2024-06-28" }, { kind: "date", day: "2024-06-28" }, /1,377\.73 KRW per USD on 2024-06-28/],
      [{ referenceKind: "period" as const, periodText: "2024-Q3", basis: "close" as const }, { kind: "period", period: "2024-Q3", basis: "close" }, /1,312\.17 KRW per USD, the close of 2024-Q3/],
      [{ referenceKind: "period" as const, periodText: "2024-Q3", source: "ECB" as const }, { kind: "period", period: "2024-Q3", basis: "average", source: "ECB" }, /1,356\.22 KRW per USD, the average of 2024-Q3/],
    ])("applies %j as %j and states the rate", async (draft, choice, sentence) => {
      const h = harness();
      h.deps.dispatch({ type: "draft", draft });
      await applyReference(h.deps);
      expect(h.choices).toEqual([choice]);
      expect(savedReference(h)).toEqual(choice);
      expect(h.model.calculations).toEqual(["Full"]);
      expect(h.status()[0]).toMatch(sentence);
    });

    it("refuses an invalid rate without touching anything", async () => {
      const h = harness();
      h.deps.dispatch({ type: "draft", draft: { referenceKind: "manual", manualText: "-3" } });
      await applyReference(h.deps);
      expect(h.choices).toEqual([]);
      expect(h.runs).toEqual([]);
      expect(h.status()).toEqual([t("manualInvalid", "en")]);
    });

    it("refuses 1,3,5,0: commas only between groups of three digits", async () => {
      const h = harness();
      h.deps.dispatch({ type: "draft", draft: { referenceKind: "manual", manualText: "1,3,5,0" } });
      await applyReference(h.deps);
      expect(h.runs).toEqual([]);
      expect(h.keys()).toEqual(["manualInvalid"]);
    });

    it("asks before applying a rate outside 100–10,000, and applies it once confirmed", async () => {
      const h = harness();
      h.deps.dispatch({ type: "draft", draft: { referenceKind: "manual", manualText: "50" } });
      await applyReference(h.deps);
      expect(h.runs).toEqual([]);
      expect(h.choices).toEqual([]);
      expect(h.state.status).toBeNull(); // the settings ask the question
      expect(referenceDraft(h.state)).toMatchObject({ ok: false, key: "manualConfirm", confirm: true });
      await confirmManual(h.deps);
      expect(h.choices).toEqual([{ kind: "manual", rate: 50 }]);
      expect(savedReference(h)).toEqual({ kind: "manual", rate: 50 });
      expect(h.model.calculations).toEqual(["Full"]);
    });

    it("refuses a period it has no rate for, saying why", async () => {
      const h = harness();
      h.deps.dispatch({ type: "draft", draft: { referenceKind: "period", periodText: "2026-Q2" } });
      await applyReference(h.deps);
      expect(h.runs).toEqual([]);
      expect(h.keys()).toEqual(["periodNoRate"]);
    });

    it("puts the previous rate back in the shared runtime when Excel cannot save the new one", async () => {
      const h = harness();
      h.deps.dispatch({ type: "referenceSaved", reference: { kind: "manual", rate: 1400 } });
      h.deps.dispatch({ type: "draft", draft: { referenceKind: "manual", manualText: "1,350" } });
      h.faults.push({ what: "settings.add" });
      await applyReference(h.deps);
      expect(h.choices).toEqual([{ kind: "manual", rate: 1350 }, { kind: "manual", rate: 1400 }]);
      expect(h.state.reference).toEqual({ kind: "manual", rate: 1400 });
      expect(h.keys()).toEqual(["excelFailed"]);
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
    h.feed.publish([CHARTED, ...allDatasets()]);
    await start(h.deps, "en-US", true);
    h.deps.dispatch({ type: "select", id: CHARTED.meta.id });
    await loadSelected(h.deps);
    await chart(h.deps, "AIFIN_chart_figures");
    expect(h.status()).toEqual(["AIFIN_chart_figures holds several metrics or currencies, and one chart shows one of each: choose which to chart."]);
    const choice = h.state.chartChoice;
    expect(choice?.options.map((o) => o.metric)).toEqual(["Capital expenditure", "Capex guidance", "AI investment"]);
    await chart(h.deps, "AIFIN_chart_figures", choice!.options[1].key);
    expect(h.state.chartChoice).toBeNull();
    const sheet = h.model.sheets.find((s) => s.charts.length > 0)!;
    const block = `${columnName(TABLE_COLUMNS.length + 1)}4:${columnName(TABLE_COLUMNS.length + 2)}6`;
    expect(h.status()).toEqual([
      `AIFIN_chart_figures: a chart of Capex guidance in USD (2 figures) was inserted; it reads the table through its data in ${sheet.name}!${block}.`,
      "1 figures given as a range (no single value) were left out.",
    ]);
    expect(sheet.charts[0].title).toBe(`${CHARTED.meta.title.en}: Capex guidance, USD (as of ${CHARTED.meta.asOf})`);
    await chart(h.deps, "AIFIN_chart_figures", choice!.options[0].key);
    expect(h.status()[0]).toMatch(/^AIFIN_chart_figures: its chart was updated to Capital expenditure in USD \(3 figures\)/);
    expect(sheet.charts).toHaveLength(1);
  });
});
