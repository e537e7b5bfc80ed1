import { allDatasets, datasetById } from "../../src/core/data/catalog";
import { catalogEntry, feedDraft, initialState, isBusy, previewRows, rateInUse, reduce, referenceDraft, selectedEntry, visibleEntries, type Event, type State } from "../../src/taskpane/state";

const entries = allDatasets().map((d) => catalogEntry(d, null));
const withCatalog = (events: Event[] = []): State =>
  [{ type: "catalog", origin: "embedded", entries, note: null } as Event, ...events].reduce(reduce, initialState("en"));

describe("the pane's state", () => {
  it("starts in English on the datasets view with nothing selected", () => {
    expect(initialState("en")).toMatchObject({ lang: "en", view: "datasets", selectedId: null, busy: null, status: null, target: "newSheet" });
  });

  it("selects the first dataset when the catalog arrives, and keeps a selection that still exists", () => {
    expect(withCatalog().selectedId).toBe("column-2024");
    const s = withCatalog([{ type: "select", id: "bigtech-capex" }, { type: "catalog", origin: "feed", entries, note: null }]);
    expect(s.selectedId).toBe("bigtech-capex");
  });

  it("ignores the selection of a dataset it does not list", () => {
    expect(withCatalog([{ type: "select", id: "nope" }]).selectedId).toBe("column-2024");
  });

  describe("filter", () => {
    it.each([
      ["naver", ["column-2024", "korea-ai-investment"]],
      ["네이버", ["column-2024", "korea-ai-investment"]],
      ["capex", ["bigtech-capex"]],
      ["OPENAI 2024", ["column-2024", "openai-2024-costs"]],
      ["환율", ["column-2024", "usd-krw-rates"]],
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

  it("fills the settings form from the workbook's saved choice", () => {
    const s = reduce(initialState("en"), { type: "started", lang: "ko", inExcel: true, records: [], reference: { kind: "manual", rate: 1350.5 }, feedUrl: "https://x.example/" });
    expect(s.draft).toMatchObject({ referenceKind: "manual", manualText: "1350.5", feedText: "https://x.example/" });
  });
});

describe("referenceDraft", () => {
  const draft = (d: Partial<State["draft"]>) => reduce(initialState("en"), { type: "draft", draft: d });
  it.each([
    [{ referenceKind: "default" as const }, { ok: true, choice: null }],
    [{ referenceKind: "period" as const, period: "2024-Q3" }, { ok: true, choice: { kind: "period", period: "2024-Q3" } }],
    [{ referenceKind: "period" as const, period: "1999" }, { ok: false, key: "periodInvalid" }],
    [{ referenceKind: "manual" as const, manualText: "1,350.5" }, { ok: true, choice: { kind: "manual", rate: 1350.5 } }],
    [{ referenceKind: "manual" as const, manualText: " 1320 " }, { ok: true, choice: { kind: "manual", rate: 1320 } }],
    [{ referenceKind: "manual" as const, manualText: "0" }, { ok: false, key: "manualInvalid" }],
    [{ referenceKind: "manual" as const, manualText: "-5" }, { ok: false, key: "manualInvalid" }],
    [{ referenceKind: "manual" as const, manualText: "abc" }, { ok: false, key: "manualInvalid" }],
    [{ referenceKind: "manual" as const, manualText: "" }, { ok: false, key: "manualInvalid" }],
    [{ referenceKind: "manual" as const, manualText: "1e3" }, { ok: false, key: "manualInvalid" }],
  ])("%j → %j", (d, expected) => {
    expect(referenceDraft(draft(d))).toEqual(expected);
  });
});

describe("feedDraft", () => {
  it("checks the typed feed URL", () => {
    expect(feedDraft(reduce(initialState("en"), { type: "draft", draft: { feedText: "http://x.example" } }))).toEqual({ ok: false, key: "feedUrlNotHttps" });
  });
});

describe("rateInUse", () => {
  it("is the manual rate, the period's rate, or the data's reference", () => {
    expect(rateInUse({ kind: "manual", rate: 1300 }).rate).toBe(1300);
    expect(rateInUse({ kind: "period", period: "2024-Q3" }).rate).toBe(1358.35);
    expect(rateInUse(null).rate).toBe(1398.75);
  });
  it("falls back to the reference for a period the data no longer has, and says so", () => {
    expect(rateInUse({ kind: "period", period: "1999-Q1" })).toMatchObject({ rate: 1398.75, stale: true });
  });
});

describe("previewRows", () => {
  it("shows each figure with its source and quote", () => {
    const [first] = previewRows(catalogEntry(datasetById("openai-2024-costs"), null), "en", 1);
    expect(first).toEqual({
      company: "OpenAI",
      metric: "Total spending",
      period: "2024",
      value: "$8,500,000,000",
      status: "confirmed",
      unconfirmed: false,
      source: "AI Times (aitimes.com), relaying The Information, 2024-07-24",
      quote: "운영 비용은 최대 85억달러(약 12조원)에 달할 것",
    });
  });
  it("shows a published range and marks unconfirmed figures", () => {
    const rows = previewRows(catalogEntry(datasetById("openai-2024-costs"), null), "en", 6);
    expect(rows.find((r) => r.metric === "Revenue")?.value).toBe("$3,500,000,000–$4,500,000,000");
    const korea = previewRows(catalogEntry(datasetById("korea-ai-investment"), null), "ko", 1)[0];
    expect(korea).toMatchObject({ company: "네이버", unconfirmed: true, status: "⚠ 미확인", value: "₩1,809,100,000,000" });
  });
});
