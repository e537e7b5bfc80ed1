import { allDatasets, datasetById } from "../../src/core/data/catalog";
import { fxDataFrom } from "../../src/core/fx/rates";
import {
  PLAUSIBLE_RATE,
  catalogEntry,
  feedDraft,
  initialState,
  isBusy,
  moveOffer,
  previewRows,
  rateInUse,
  ratesAge,
  reduce,
  referenceDraft,
  selectedEntry,
  visibleEntries,
  type Event,
  type State,
} from "../../src/taskpane/state";
import type { ReferenceChoice } from "../../src/shared/reference-rate";
import { newerRates } from "./fake-feed";
import { FIXTURE } from "./fixture";

const entries = allDatasets().map((d) => catalogEntry(d, null));
const withCatalog = (events: Event[] = []): State =>
  [{ type: "catalog", origin: "embedded", entries, note: null } as Event, ...events].reduce(reduce, initialState("en"));
const started = (reference: ReferenceChoice | null, today = "2026-04-20"): State =>
  reduce(initialState("en"), { type: "started", lang: "en", inExcel: true, records: [], reference, feedUrl: null, today });

/** The latest rate of the shipped data, 2026-04-13, as the pane states it. */
const LATEST = 1489.95;

describe("the pane's state", () => {
  it("starts in English on the datasets view with nothing selected", () => {
    expect(initialState("en")).toMatchObject({ lang: "en", view: "datasets", selectedId: null, busy: null, status: null, target: "newSheet" });
  });

  it("selects the first dataset when the catalog arrives, and keeps a selection that still exists", () => {
    expect(withCatalog().selectedId).toBe(allDatasets()[0].meta.id);
    const s = withCatalog([{ type: "select", id: "ai-labs" }, { type: "catalog", origin: "feed", entries, note: null }]);
    expect(s.selectedId).toBe("ai-labs");
  });

  it("ignores the selection of a dataset it does not list", () => {
    expect(withCatalog([{ type: "select", id: "nope" }]).selectedId).toBe(allDatasets()[0].meta.id);
  });

  describe("filter", () => {
    it.each([
      ["naver", ["korea-ai-investment"]],
      ["네이버", ["korea-ai-investment"]],
      ["openai", ["ai-labs"]],
      ["OPENAI 2024", []],
      ["nvidia", ["bigtech-capex", "bigtech-financials"]],
      ["앤트로픽", ["ai-labs"]],
      ["환율", ["usd-krw-rates"]],
      ["zzz", []],
      ["", allDatasets().map((d) => d.meta.id)],
    ])("%s → %j", (text, ids) => {
      expect(visibleEntries(withCatalog([{ type: "filter", text }])).map((e) => e.id)).toEqual(ids);
    });

    it("hides the preview of a selection the filter hides", () => {
      const s = withCatalog([{ type: "select", id: "bigtech-capex" }, { type: "filter", text: "naver" }]);
      expect(selectedEntry(s)).toBeNull();
    });
  });

  it("goes busy, shows progress, then a status; busy disables actions", () => {
    let s = withCatalog([{ type: "busy", message: { key: "busyRefreshing" } }]);
    expect(isBusy(s)).toBe(true);
    s = reduce(s, { type: "progress", done: 1, total: 3 });
    expect(s.busy).toMatchObject({ done: 1, total: 3 });
    s = reduce(s, { type: "done", tone: "success", lines: [{ key: "refreshAll" }] });
    expect(isBusy(s)).toBe(false);
    expect(s.status).toEqual({ tone: "success", lines: [{ key: "refreshAll" }] });
  });

  it("waits for the user's answer before overwriting", () => {
    const question = { lines: [{ key: "cleanObstacleValues" as const, params: { count: 4 } }], overwrite: true, free: { column: 5, address: "Sheet1!F1:H4" } };
    let s = withCatalog([{ type: "busy", message: { key: "busyCleaning" } }, { type: "cleanQuestion", question }]);
    expect(s.cleanQuestion).toEqual(question);
    expect(s.busy).toBeNull();
    expect(isBusy(s)).toBe(true);
    s = reduce(s, { type: "confirmClosed" });
    expect(isBusy(s)).toBe(false);
  });

  it("keeps the cleaner's unit and currency choices, each on its own", () => {
    let s = reduce(initialState("en"), { type: "cleanUnit", unit: { power: 8 } });
    s = reduce(s, { type: "cleanUnit", unit: { currency: "KRW" } });
    expect(s.cleanUnit).toEqual({ power: 8, currency: "KRW" });
    s = reduce(s, { type: "cleanUnit", unit: { power: null } });
    expect(s.cleanUnit).toEqual({ power: null, currency: "KRW" });
  });

  it("switches language without losing anything else", () => {
    const s = withCatalog([{ type: "filter", text: "naver" }, { type: "language", lang: "ko" }]);
    expect(s).toMatchObject({ lang: "ko", filter: "naver" });
  });

  it("keeps today's date from the start, for the age of the rates", () => {
    expect(started(null, "2026-12-01").today).toBe("2026-12-01");
    expect(reduce(started(null), { type: "rates", last: "2026-05-29" }).ratesLast).toBe("2026-05-29");
  });

  describe("fills the settings form from the workbook's saved choice", () => {
    it.each([
      [null, { referenceKind: "latest" }],
      [{ kind: "latest", day: "2026-04-10" }, { referenceKind: "latest" }],
      [{ kind: "date", day: "2024-06-28" }, { referenceKind: "date", dateText: "2024-06-28" }],
      [{ kind: "period", period: "2024-Q3", basis: "close", source: "ECB" }, { referenceKind: "period", periodText: "2024-Q3", basis: "close", source: "ECB" }],
      [{ kind: "period", period: "2024" }, { referenceKind: "period", periodText: "2024", basis: "average", source: "auto" }],
      [{ kind: "manual", rate: 1350.5 }, { referenceKind: "manual", manualText: "1350.5", manualConfirmed: false }],
    ] as Array<[ReferenceChoice | null, object]>)("%j → %j", (reference, draft) => {
      const s = reduce(initialState("en"), { type: "started", lang: "ko", inExcel: true, records: [], reference, feedUrl: "https://x.example/" });
      expect(s.draft).toMatchObject({ ...draft, feedText: "https://x.example/" });
    });

    it("and again from what was saved, keeping the feed URL typed", () => {
      let s = reduce(started(null), { type: "draft", draft: { feedText: "https://typed.example/", referenceKind: "manual", manualText: "1,400" } });
      s = reduce(s, { type: "referenceSaved", reference: { kind: "manual", rate: 1400 } });
      expect(s.reference).toEqual({ kind: "manual", rate: 1400 });
      expect(s.draft).toMatchObject({ referenceKind: "manual", manualText: "1400", feedText: "https://typed.example/" });
    });
  });
});

describe("referenceDraft", () => {
  const draft = (...drafts: Array<Partial<State["draft"]>>) => drafts.reduce((s, d) => reduce(s, { type: "draft", draft: d }), initialState("en"));

  describe("the latest rate", () => {
    it("is the latest day of the rates in use, pinned to that day", () => {
      expect(referenceDraft(draft({ referenceKind: "latest" }))).toEqual({ ok: true, choice: { kind: "latest", day: "2026-04-13" } });
    });
  });

  describe("a date", () => {
    it.each([
      ["2024-06-28", { ok: true, choice: { kind: "date", day: "2024-06-28" } }],
      [" 2024-07-13 ", { ok: true, choice: { kind: "date", day: "2024-07-13" } }], // a Saturday: the Friday's rate is used
      ["2024-02-30", { ok: false, key: "dateInvalid" }],
      ["2024/06/28", { ok: false, key: "dateInvalid" }],
      ["", { ok: false, key: "dateInvalid" }],
      ["1998-12-31", { ok: false, key: "dateNoRate", params: { first: "1999-01-04", last: "2026-04-13" } }],
      ["2026-05-01", { ok: false, key: "dateNoRate", params: { first: "1999-01-04", last: "2026-04-13" } }],
    ])("%j → %j", (dateText, expected) => {
      expect(referenceDraft(draft({ referenceKind: "date", dateText }))).toEqual(expected);
    });
  });

  describe("a month, quarter or year on a basis", () => {
    it.each([
      [{ periodText: "2024-Q3" }, { ok: true, choice: { kind: "period", period: "2024-Q3", basis: "average" } }],
      [{ periodText: "2024-Q3", basis: "close" as const }, { ok: true, choice: { kind: "period", period: "2024-Q3", basis: "close" } }],
      [{ periodText: "2024-11", source: "ECB" as const }, { ok: true, choice: { kind: "period", period: "2024-11", basis: "average", source: "ECB" } }],
      [{ periodText: "2024", basis: "close" as const, source: "BOK" as const }, { ok: true, choice: { kind: "period", period: "2024", basis: "close", source: "BOK" } }],
      [{ periodText: "2024-Q5" }, { ok: false, key: "periodInvalid" }],
      [{ periodText: "2024-13" }, { ok: false, key: "periodInvalid" }],
      [{ periodText: "2024-06-28" }, { ok: false, key: "periodInvalid" }], // a day is the date option
      [{ periodText: "" }, { ok: false, key: "periodInvalid" }],
      [{ periodText: "2026-Q2" }, { ok: false, key: "periodNoRate" }], // not over
      [{ periodText: "1998" }, { ok: false, key: "periodNoRate" }], // before the series
      [{ periodText: "2023-Q1", source: "BOK" as const }, { ok: false, key: "periodNoRate" }], // no official figure held
    ])("%j → %j", (d, expected) => {
      expect(referenceDraft(draft({ referenceKind: "period", ...d }))).toEqual(expected);
    });
  });

  describe("a typed rate", () => {
    it.each([
      ["1,350.5", { ok: true, choice: { kind: "manual", rate: 1350.5 } }],
      [" 1320 ", { ok: true, choice: { kind: "manual", rate: 1320 } }],
      ["100", { ok: true, choice: { kind: "manual", rate: 100 } }],
      ["10,000", { ok: true, choice: { kind: "manual", rate: 10000 } }],
      ["1,3,5,0", { ok: false, key: "manualInvalid" }],
      ["13,50", { ok: false, key: "manualInvalid" }],
      ["1,350,", { ok: false, key: "manualInvalid" }],
      ["0", { ok: false, key: "manualInvalid" }],
      ["-5", { ok: false, key: "manualInvalid" }],
      ["abc", { ok: false, key: "manualInvalid" }],
      ["", { ok: false, key: "manualInvalid" }],
      ["1e3", { ok: false, key: "manualInvalid" }],
    ])("%j → %j", (manualText, expected) => {
      expect(referenceDraft(draft({ referenceKind: "manual", manualText }))).toEqual(expected);
    });

    it.each(["50", "99.99", "10,000.01", "12,000"])("%s, outside 100–10,000, waits for the user's confirmation", (manualText) => {
      expect(PLAUSIBLE_RATE).toEqual({ low: 100, high: 10_000 });
      expect(referenceDraft(draft({ referenceKind: "manual", manualText }))).toEqual({ ok: false, key: "manualConfirm", params: { rate: manualText }, confirm: true });
    });

    it("applies it once confirmed, and asks again for another rate typed after", () => {
      const confirmed = draft({ referenceKind: "manual", manualText: "50" }, { manualConfirmed: true });
      expect(referenceDraft(confirmed)).toEqual({ ok: true, choice: { kind: "manual", rate: 50 } });
      expect(referenceDraft(reduce(confirmed, { type: "draft", draft: { manualText: "60" } }))).toMatchObject({ ok: false, key: "manualConfirm", confirm: true });
    });

    it("does not take a confirmation given with the rate itself (it is for a rate already shown)", () => {
      expect(referenceDraft(draft({ referenceKind: "manual", manualText: "50", manualConfirmed: true }))).toMatchObject({ ok: false, confirm: true });
    });
  });
});

describe("feedDraft", () => {
  it("checks the typed feed URL", () => {
    expect(feedDraft(reduce(initialState("en"), { type: "draft", draft: { feedText: "http://x.example" } }))).toEqual({ ok: false, key: "feedUrlNotHttps" });
  });
});

describe("rateInUse", () => {
  it.each([
    [null, LATEST, /^1,489\.95 KRW per USD on 2026-04-13, derived from ECB reference rates/],
    [{ kind: "latest", day: "2026-04-10" }, 1483.27, /on 2026-04-10, derived from ECB/],
    [{ kind: "date", day: "2024-07-13" }, 1375.47, /on 2024-07-12, the latest ECB business day on or before 2024-07-13/],
    [{ kind: "period", period: "2024-Q3" }, 1358.35, /the quarterly average of 2024-Q3, Seoul market quarterly average \(Bank of Korea/],
    [{ kind: "period", period: "2024-Q3", basis: "close" }, 1312.17, /the close of 2024-Q3 \(its last ECB business day, 2024-09-30\)/],
    [{ kind: "period", period: "2024-Q3", source: "ECB" }, 1356.22, /the average of 2024-Q3 .* derived from ECB/],
    [{ kind: "manual", rate: 1300 }, 1300, /^1,300 KRW per USD, typed by hand$/],
  ] as Array<[ReferenceChoice | null, number, RegExp]>)("%j is %d, stated as FX_SOURCE states it", (choice, rate, text) => {
    const found = rateInUse(choice);
    expect(found).toMatchObject({ rate, stale: false });
    expect(found.text).toMatch(text);
  });

  it("states it in Korean for a Korean pane", () => {
    expect(rateInUse({ kind: "manual", rate: 1300 }, "ko").text).toBe("1달러당 1,300원, 직접 입력");
  });

  it.each([
    [{ kind: "date", day: "2026-04-14" }],
    [{ kind: "period", period: "2026-Q2" }],
    [{ kind: "period", period: "1998" }],
    [{ kind: "period", period: "2024-Q3", basis: "close", source: "BOK" }],
  ] as Array<[ReferenceChoice]>)("falls back to the latest rate, and says so, for %j, which the rates cannot serve", (choice) => {
    expect(rateInUse(choice)).toMatchObject({ rate: LATEST, stale: true });
  });
});

describe("ratesAge", () => {
  it.each([
    ["2026-04-13", false],
    ["2026-05-13", false], // 30 days
    ["2026-05-14", true], // 31 days
    ["2026-12-01", true],
    ["1970-01-01", false], // before the start tells the day
  ])("rates ending 2026-04-13, today %s: old %s", (today, old) => {
    expect(ratesAge(started(null, today))).toEqual({ last: "2026-04-13", old });
  });

  it("follows newer rates from the feed", () => {
    const data = fxDataFrom(newerRates([{ date: "2026-05-13", usd: "1.1500", krw: "1700.00" }]));
    expect(ratesAge(started(null, "2026-06-12"), data)).toEqual({ last: "2026-05-13", old: false });
    expect(ratesAge(started(null, "2026-06-13"), data)).toEqual({ last: "2026-05-13", old: true });
  });
});

describe("moveOffer", () => {
  const newer = fxDataFrom(newerRates([{ date: "2026-04-14", usd: "1.1700", krw: "1700.00" }]));

  it("offers a workbook pinned to an earlier day's latest rate the newest one, with both rates", () => {
    expect(moveOffer(started({ kind: "latest", day: "2026-04-13" }), newer)).toEqual({ fromDay: "2026-04-13", fromRate: LATEST, toDay: "2026-04-14", toRate: 1452.99 });
  });

  it.each([
    ["no choice yet (nothing pinned)", null],
    ["pinned to the newest day already", { kind: "latest", day: "2026-04-14" }],
    ["a date the user chose", { kind: "date", day: "2026-04-13" }],
    ["a period", { kind: "period", period: "2024-Q3" }],
    ["a typed rate", { kind: "manual", rate: 1400 }],
  ] as Array<[string, ReferenceChoice | null]>)("offers nothing for %s", (_, choice) => {
    expect(moveOffer(started(choice), newer)).toBeNull();
  });

  it("offers nothing while the rates in use are those the workbook is pinned to", () => {
    expect(moveOffer(started({ kind: "latest", day: "2026-04-13" }))).toBeNull();
  });
});

describe("previewRows", () => {
  it("shows each figure with its source, quote and qualifier", () => {
    const [first] = previewRows(catalogEntry(FIXTURE, null), "en", 1);
    expect(first).toEqual({
      company: "OpenAI",
      metric: "Total spending",
      period: "2024",
      value: "$8,500,000,000",
      qualifier: "up to",
      given: null,
      status: "confirmed",
      unconfirmed: false,
      source: "Example News, relaying The Information, 2024-07-24",
      quote: "운영 비용은 최대 85억달러(약 12조원)에 달할 것",
    });
  });

  it("shows a published range, dated guidance, unconfirmed figures and rates by their kind", () => {
    const rows = previewRows(catalogEntry(FIXTURE, null), "en", 6);
    expect(rows[1]).toMatchObject({ metric: "Revenue", value: "$3,500,000,000–$4,500,000,000", qualifier: null });
    expect(rows[2]).toMatchObject({ period: "FY2025", qualifier: null, source: "Microsoft, 2025-07-30" });
    expect(rows[3]).toMatchObject({ metric: "Capex guidance", qualifier: "over", given: "2025-07-30" });
    expect(rows[4]).toMatchObject({ company: "Naver", unconfirmed: true, status: "⚠ UNCONFIRMED", value: "₩2,000,000,000,000", source: "A magazine, 2024-09-01" });
    expect(rows[5]).toMatchObject({ company: "USD/KRW", metric: "Year-end close", value: "₩1,472.5", given: null });
    const ko = previewRows(catalogEntry(FIXTURE, null), "ko", 6);
    expect(ko[4]).toMatchObject({ company: "네이버", status: "⚠ 미확인" });
    expect(ko[0].qualifier).toBe("최대");
    expect(ko[5].metric).toBe("연말 종가");
  });

  it("keeps a report's own words: its bound shown with the figure, none for an exact one", () => {
    const labs = previewRows(catalogEntry(datasetById("ai-labs"), null), "en", 5).slice(3);
    expect(labs.map((r) => [r.metric, r.qualifier, r.value])).toEqual([
      ["Annualized revenue run rate", null, "$14,000,000,000"],
      ["Annualized revenue run rate", "about", "$20,000,000,000"],
    ]);
  });
});
