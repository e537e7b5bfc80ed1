import { mergeRecords, parseFeedSetting, parseLanguage, parseRecords, parseReferenceChoice, type TableRecord } from "../../src/taskpane/records";

const record = (tableName: string, version = "1.0.0"): TableRecord => ({
  datasetId: "bigtech-capex",
  version,
  hash: null,
  asOf: "2025-08-27",
  refreshedAt: "2025-01-01T00:00:00.000Z",
  tableName,
  tableId: null,
  worksheetId: null,
  sheetName: null,
  sourcesTableName: `${tableName}_Sources`,
  sourcesTableId: null,
  asOfName: `${tableName}_AsOf`,
  lang: "en",
  kept: [],
});

describe("workbook records", () => {
  it("read back what was written, as an object or as JSON text", () => {
    const records = [record("A"), record("B")];
    expect(parseRecords(records)).toEqual({ records, dropped: 0 });
    expect(parseRecords(JSON.stringify(records))).toEqual({ records, dropped: 0 });
  });

  it("read a record of the previous release (no ids, no kept edits) with those empty", () => {
    const { worksheetId: _w, sheetName: _s, sourcesTableId: _t, kept: _k, ...previous } = record("A");
    expect(parseRecords([previous]).records).toEqual([record("A")]);
  });

  it("keep the user's kept edits", () => {
    const kept = { ...record("A"), kept: [{ kind: "cell" as const, key: "a|b|2024", column: "value", value: 999 }, { kind: "row" as const, key: "a|b|2023" }, { kind: "header" as const, column: "value", header: "Amount" }] };
    expect(parseRecords([kept]).records).toEqual([kept]);
  });

  it("drop entries that are not records, and count them", () => {
    expect(parseRecords([record("A"), { tableName: 3 }, "x"])).toEqual({ records: [record("A")], dropped: 2 });
    expect(parseRecords("not json")).toEqual({ records: [], dropped: 1 });
    expect(parseRecords(undefined)).toEqual({ records: [], dropped: 0 });
  });

  it("merge: replace by table name, append new ones, forget removed ones, follow renames", () => {
    const existing = [record("A"), record("B"), record("C")];
    expect(mergeRecords(existing, [record("B", "2.0.0"), record("D")]).map((r) => `${r.tableName}@${r.version}`)).toEqual(["A@1.0.0", "B@2.0.0", "C@1.0.0", "D@1.0.0"]);
    expect(mergeRecords(existing, [], ["B"]).map((r) => r.tableName)).toEqual(["A", "C"]);
    expect(mergeRecords(existing, [record("A2", "2.0.0")], [], new Map([["A", "A2"]])).map((r) => `${r.tableName}@${r.version}`)).toEqual(["A2@2.0.0", "B@1.0.0", "C@1.0.0"]);
  });

  it.each([
    [JSON.stringify({ kind: "period", period: "2024-Q3" }), { kind: "period", period: "2024-Q3" }],
    [{ kind: "manual", rate: 1300 }, { kind: "manual", rate: 1300 }],
    [JSON.stringify({ kind: "manual", rate: -1 }), null],
    ["", null],
    [undefined, null],
  ])("reference choice %j → %j", (value, choice) => {
    expect(parseReferenceChoice(value)).toEqual(choice);
  });

  it("read the language and the feed URL", () => {
    expect(parseLanguage("ko")).toBe("ko");
    expect(parseLanguage("fr")).toBeNull();
    expect(parseFeedSetting(" https://x.example/ ")).toBe("https://x.example/");
    expect(parseFeedSetting("")).toBeNull();
  });
});
