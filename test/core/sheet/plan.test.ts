import { datasetById } from "../../../src/core/data/catalog";
import { parseDataset } from "../../../src/core/data/schema";
import type { Dataset } from "../../../src/core/data/schema";
import { FORMATS, SOURCE_COLUMNS, TABLE_COLUMNS, planExtent, planLoad, rowKey } from "../../../src/core/sheet/plan";
import { syntheticDataset } from "../../taskpane/synthetic";

const col = (name: (typeof TABLE_COLUMNS)[number]) => TABLE_COLUMNS.indexOf(name);

describe("planLoad", () => {
  describe("the dataset table", () => {
    const plan = planLoad(datasetById("openai-2024-costs"), "en");

    it("has a header row of the table columns in the plan's language", () => {
      expect(plan.table.header).toEqual([
        "Company",
        "Metric",
        "Period",
        "Year",
        "Value",
        "Low",
        "High",
        "Currency",
        "Qualifier",
        "Status",
        "Source",
        "Quote",
        "Note",
        "AIFIN key",
      ]);
      expect(planLoad(datasetById("openai-2024-costs"), "ko").table.header.slice(0, 3)).toEqual(["회사", "지표", "기간"]);
    });

    it("writes one row per figure, values as numbers in whole units", () => {
      expect(plan.table.rows).toHaveLength(6);
      const total = plan.table.rows[0];
      expect(total[col("company")]).toBe("OpenAI");
      expect(total[col("value")]).toBe(8500000000);
      expect(total[col("currency")]).toBe("USD");
      expect(total[col("qualifier")]).toBe("up to");
    });

    it("types the period as text (never a number or date) and the year as a number", () => {
      const row = plan.table.rows[0];
      expect(row[col("period")]).toBe("'2024");
      expect(row[col("year")]).toBe(2024);
      expect(plan.table.formats.get(col("year"))?.[0]).toBe("0");
    });

    it("writes a published range as low and high with the value left empty", () => {
      const revenue = plan.table.rows.find((r) => r[col("key")] === "openai|revenue|2024");
      expect(revenue?.[col("value")]).toBe("");
      expect(revenue?.[col("low")]).toBe(3500000000);
      expect(revenue?.[col("high")]).toBe(4500000000);
    });

    it("formats figures by currency, exact to the unit", () => {
      const korea = planLoad(datasetById("korea-ai-investment"), "en");
      expect(korea.table.formats.get(col("value"))?.every((f) => f === FORMATS.KRW)).toBe(true);
      expect(plan.table.formats.get(col("value"))?.every((f) => f === FORMATS.USD)).toBe(true);
      // "₩" is text in a format: in quotes, as Microsoft's format syntax asks ("$" may stand bare).
      expect(FORMATS.KRW).toBe('"₩"#,##0');
      expect(FORMATS.rate).toBe('"₩"#,##0.00##');
      expect(FORMATS.USD).toBe("$#,##0");
    });

    it("carries each figure's source and quote", () => {
      const row = plan.table.rows[0];
      expect(row[col("source")]).toBe("AI Times (aitimes.com), relaying The Information (2024-07-24)");
      expect(row[col("quote")]).toBe("운영 비용은 최대 85억달러(약 12조원)에 달할 것");
    });

    it("keys rows by company|metric|period", () => {
      expect(plan.table.keys[0]).toBe("openai|total|2024");
      expect(plan.table.rows.map((r) => r[col("key")])).toEqual(plan.table.keys);
    });
  });

  describe("unconfirmed figures", () => {
    const plan = planLoad(datasetById("korea-ai-investment"), "en");
    it("are marked in the status column and listed", () => {
      expect(plan.unconfirmed.length).toBeGreaterThan(0);
      for (const i of plan.unconfirmed) expect(plan.table.rows[i][col("status")]).toBe("⚠ UNCONFIRMED");
      expect(planLoad(datasetById("korea-ai-investment"), "ko").table.rows[plan.unconfirmed[0]][col("status")]).toBe("⚠ 미확인");
    });
  });

  describe("rate rows", () => {
    const plan = planLoad(datasetById("usd-krw-rates"), "en");
    it("show USD/KRW, the kind, the period as text and the rate in won per dollar", () => {
      const q1 = plan.table.rows[0];
      expect(q1[col("company")]).toBe("USD/KRW");
      expect(q1[col("metric")]).toBe("Quarterly average");
      expect(q1[col("period")]).toBe("'2024-Q1");
      expect(q1[col("year")]).toBe("");
      expect(q1[col("value")]).toBe(1329.4);
      expect(plan.table.formats.get(col("value"))?.[0]).toBe(FORMATS.rate);
    });

    it("give each of the column's implied rates its own key", () => {
      const column = planLoad(datasetById("column-2024"), "en");
      expect(new Set(column.table.keys).size).toBe(column.table.keys.length);
    });
  });

  describe("the sources table", () => {
    const plan = planLoad(datasetById("openai-2024-costs"), "en");
    it("lists publisher, title, date, url and status of every source", () => {
      expect(plan.sources.header).toEqual(["Publisher", "Title", "Date", "URL", "Status", "AIFIN key"]);
      expect(plan.sources.rows).toHaveLength(3);
      const first = plan.sources.rows[0];
      expect(first[SOURCE_COLUMNS.indexOf("publisher")]).toBe("AI Times (aitimes.com), relaying The Information");
      expect(first[SOURCE_COLUMNS.indexOf("date")]).toBe(45497); // 2024-07-24 as a date serial
      expect(plan.sources.formats.get(SOURCE_COLUMNS.indexOf("date"))?.[0]).toBe("yyyy-mm-dd");
      expect(first[SOURCE_COLUMNS.indexOf("url")]).toBe("aitimes.com/news/articleView.html?idxno=161952");
      expect(plan.sources.rows[1][SOURCE_COLUMNS.indexOf("date")]).toBe("");
    });
  });

  describe("the title and as-of rows", () => {
    it("give the title, the as-of date as a date serial and the version as text", () => {
      const plan = planLoad(datasetById("openai-2024-costs"), "en");
      expect(plan.title).toBe("OpenAI 2024 costs, revenue and loss (The Information, relayed)");
      expect(plan.asOfRow).toEqual(["As of", 45505, "Version", "'1.0.0"]);
    });
  });

  describe("escaping", () => {
    it("escapes every text from the data that would become a formula", () => {
      const base = datasetById("openai-2024-costs");
      const hostile: Dataset = {
        meta: { ...base.meta, title: { en: "=cmd|' /C calc'!A0", ko: "@SUM(1)" }, sources: base.meta.sources.map((s, i) => (i === 0 ? { ...s, publisher: "+evil", title: "-2+3" } : s)) },
        rows: base.rows.map((r, i) => (i === 0 ? { ...r, note: '=HYPERLINK("http://evil","x")', quote: "@x" } : r)),
      };
      expect(parseDataset(hostile).ok).toBe(true);
      const plan = planLoad(hostile, "en");
      expect(plan.title).toBe("'=cmd|' /C calc'!A0");
      expect(plan.table.rows[0][col("note")]).toBe(`'=HYPERLINK("http://evil","x")`);
      expect(plan.table.rows[0][col("quote")]).toBe("'@x");
      expect(plan.table.rows[0][col("source")]).toBe("'+evil (2024-07-24)");
      expect(plan.sources.rows[0][1]).toBe("'-2+3");
      const cells = [plan.title, ...plan.table.rows.flat(), ...plan.sources.rows.flat()];
      expect(cells.filter((c) => typeof c === "string" && /^[=+\-@]/.test(c))).toEqual([]);
    });
  });

  it("measures the block it writes", () => {
    const plan = planLoad(datasetById("openai-2024-costs"), "en");
    expect(planExtent(plan)).toEqual({ rows: 3 + 1 + 6 + 2 + 1 + 3, columns: 14 });
  });

  it("plans a 100,000-cell dataset", () => {
    const plan = planLoad(syntheticDataset(100_000), "en");
    expect(plan.table.rows.length * TABLE_COLUMNS.length).toBeGreaterThanOrEqual(99_990);
    expect(new Set(plan.table.keys).size).toBe(plan.table.rows.length);
  });
});

describe("rowKey", () => {
  it("is company|metric|period for a figure and usd-krw|kind|period for a rate", () => {
    const [figure] = datasetById("openai-2024-costs").rows;
    const [rate] = datasetById("usd-krw-rates").rows;
    expect(rowKey(figure)).toBe("openai|total|2024");
    expect(rowKey(rate)).toBe("usd-krw|quarter_average|2024-Q1");
  });
});
