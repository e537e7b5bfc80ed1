import fs from "fs";
import path from "path";
import { UI, languageFor, t } from "../../src/taskpane/i18n";
import { SHEET_LABELS } from "../../src/core/sheet/labels";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ["the pane's catalogue (i18n.ts)", UI as Record<string, Record<string, string>>],
  ["the sheet labels (core/sheet/labels.ts)", SHEET_LABELS as Record<string, Record<string, string>>],
])("%s", (_, table) => {
  it.each(Object.keys(table))("%s has English and Korean, with the same placeholders", (key) => {
    const entry = table[key];
    expect(Object.keys(entry).sort()).toEqual(["en", "ko"]);
    expect(entry.en.trim()).not.toBe("");
    expect(entry.ko.trim()).not.toBe("");
    expect(placeholders(entry.ko)).toEqual(placeholders(entry.en));
  });
});

describe("t", () => {
  it("fills placeholders in the language asked", () => {
    expect(t("refreshed", "en", { table: "T", updated: 3, added: 1, removed: 0, asOf: "2024-08-01" })).toBe("T: 3 updated, 1 added, 0 removed; as of 2024-08-01.");
    expect(t("refreshed", "ko", { table: "T", updated: 3, added: 1, removed: 0, asOf: "2024-08-01" })).toBe("T: 3행 수정, 1행 추가, 0행 삭제. 기준일 2024-08-01.");
  });

  it("leaves an unknown placeholder visible rather than blank", () => {
    expect(t("entryRows", "en")).toBe("rows: {rows}");
  });
});

describe("languageFor", () => {
  it.each([
    ["ko-KR", null, "ko"],
    ["ko", null, "ko"],
    ["en-US", null, "en"],
    ["ja-JP", null, "en"],
    [undefined, null, "en"],
    ["en-US", "ko", "ko"],
    ["ko-KR", "en", "en"],
  ] as const)("display %s, saved %s → %s", (display, saved, lang) => {
    expect(languageFor(display, saved)).toBe(lang);
  });
});

describe("the pane's catalogue has no dead sentences", () => {
  it("every key is used by the pane", () => {
    const dir = path.resolve(__dirname, "../../src/taskpane");
    const code = ["actions.ts", "state.ts", "view.ts", "taskpane.ts", "feed.ts", "clean-messages.ts"].map((f) => fs.readFileSync(path.join(dir, f), "utf8")).join("\n");
    const unused = Object.keys(UI).filter((key) => !new RegExp(`["']${key}["']`).test(code));
    expect(unused).toEqual([]);
  });
});
