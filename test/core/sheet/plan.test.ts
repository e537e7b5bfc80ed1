import { allDatasets, datasetById, isRateRow } from "../../../src/core/data/catalog";
import { parseDataset } from "../../../src/core/data/schema";
import type { Dataset } from "../../../src/core/data/schema";
import { FORMATS, SOURCE_COLUMNS, TABLE_COLUMNS, planExtent, planLoad, rowKey } from "../../../src/core/sheet/plan";
import { FIXTURE, FIXTURE_URLS } from "../../taskpane/fixture";
import { syntheticDataset } from "../../taskpane/synthetic";
import { retype } from "../../taskpane/fake-excel";

/** Two rates a writer's own conversions imply (kind column_implied, each with the figure it comes from), for the fixture's source. */
const IMPLIED = (["training", "total"] as const).map((metric, i) => ({
  period: "2024",
  kind: "column_implied" as const,
  basis: { company: "openai", metric },
  value: [1320, 1321.25][i],
  source: FIXTURE.meta.sources[0].id,
  status: "derived" as const,
  note: "The writer's own conversion.",
})) as unknown as Dataset["rows"];

const col = (name: (typeof TABLE_COLUMNS)[number]) => TABLE_COLUMNS.indexOf(name);
const src = (name: (typeof SOURCE_COLUMNS)[number]) => SOURCE_COLUMNS.indexOf(name);

describe("planLoad", () => {
  const plan = planLoad(FIXTURE, "en");
  const row = (key: string) => {
    const found = plan.table.rows[plan.table.keys.indexOf(key)];
    if (!found) throw new Error(`no row ${key}`);
    return found;
  };

  describe("the dataset table", () => {
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
        "Date (given / session)",
        "Status",
        "Source",
        "Quote",
        "Definition",
        "Note",
        "AIFIN key",
      ]);
      expect(planLoad(FIXTURE, "ko").table.header.slice(0, 3)).toEqual(["회사", "지표", "기간"]);
      expect(planLoad(FIXTURE, "ko").table.header[col("given")]).toBe("날짜(발표/거래일)");
    });

    it("writes one row per figure, values as numbers in whole units, as published", () => {
      expect(plan.table.rows).toHaveLength(FIXTURE.rows.length);
      const total = row("openai|total|2024");
      expect(total[col("company")]).toBe("OpenAI");
      expect(total[col("metric")]).toBe("Total spending");
      expect(total[col("value")]).toBe(8500000000);
      expect(total[col("currency")]).toBe("USD");
      expect(row("microsoft|capex|FY2025")[col("value")]).toBe(64551000000); // "(64,551)" in millions, not re-rounded
    });

    it.each([
      ["openai|total|2024", "up to"],
      ["microsoft|capex_guidance|FY2026-Q1|2025-07-30", "over"],
      ["openai|revenue|2024", "range"],
      ["microsoft|capex|FY2025", ""],
    ])("states the qualifier of %s as %p (nothing for an exact figure)", (key, qualifier) => {
      expect(row(key)[col("qualifier")]).toBe(qualifier);
    });

    it("states qualifiers in Korean for a Korean plan", () => {
      const ko = planLoad(FIXTURE, "ko");
      expect(ko.table.rows[0][col("qualifier")]).toBe("최대");
    });

    it("types the period as text (never a number or date) and the fiscal year as a number", () => {
      expect(row("openai|total|2024")[col("period")]).toBe("'2024");
      expect(row("openai|total|2024")[col("year")]).toBe(2024);
      expect(row("microsoft|capex|FY2025")[col("period")]).toBe("FY2025");
      expect(row("microsoft|capex|FY2025")[col("year")]).toBe(2025);
      expect(row("microsoft|capex_guidance|FY2026-Q1|2025-07-30")[col("year")]).toBe(2026);
      expect(plan.table.formats.get(col("year"))?.[0]).toBe("0");
    });

    it("gives a plan's span of years its first year", () => {
      const korea = planLoad(datasetById("korea-ai-investment"), "en");
      const span = korea.table.rows.find((r) => r[col("period")] === "'2022-2026");
      expect(span?.[col("year")]).toBe(2022);
    });

    it("writes a published range as low and high with the value left empty", () => {
      const revenue = row("openai|revenue|2024");
      expect(revenue[col("value")]).toBe("");
      expect(revenue[col("low")]).toBe(3500000000);
      expect(revenue[col("high")]).toBe(4500000000);
    });

    it("writes the day guidance was given as a date, and nothing for figures without one", () => {
      const i = plan.table.keys.indexOf("microsoft|capex_guidance|FY2026-Q1|2025-07-30");
      expect(plan.table.rows[i][col("given")]).toBe(45868); // 2025-07-30
      expect(plan.table.formats.get(col("given"))?.[i]).toBe(FORMATS.date);
      expect(row("openai|total|2024")[col("given")]).toBe("");
    });

    it("formats figures by currency, exact to the unit", () => {
      const formats = plan.table.formats.get(col("value")) ?? [];
      expect(formats[plan.table.keys.indexOf("naver|ai_investment|2023")]).toBe(FORMATS.KRW);
      expect(formats[plan.table.keys.indexOf("openai|total|2024")]).toBe(FORMATS.USD);
      expect(plan.table.formats.get(col("low"))?.[plan.table.keys.indexOf("openai|revenue|2024")]).toBe(FORMATS.USD);
      // "₩" is text in a format: in quotes, as Microsoft's format syntax asks ("$" may stand bare).
      expect(FORMATS.KRW).toBe('"₩"#,##0');
      expect(FORMATS.rate).toBe('"₩"#,##0.00##');
      expect(FORMATS.USD).toBe("$#,##0");
    });

    it("carries each figure's source key, quote and definition", () => {
      const capex = row("microsoft|capex|FY2025");
      expect(capex[col("source")]).toBe("ms-annual-2025");
      expect(capex[col("quote")]).toBe("Additions to property and equipment (64,551)");
      expect(capex[col("definition")]).toBe("Additions to property and equipment");
      expect(row("openai|total|2024")[col("definition")]).toBe("");
    });

    it("links each Source cell to its source's URL, every source having one", () => {
      const links = plan.table.links.get(col("source"));
      expect([...plan.table.links.keys()]).toEqual([col("source")]);
      const urls: Record<string, string> = { "news-161952": FIXTURE_URLS.news, "ms-annual-2025": FIXTURE_URLS.filing, "print-column": FIXTURE_URLS.column };
      expect(links).toEqual(FIXTURE.rows.map((r) => urls[r.source]));
    });

    it("keys rows by company|metric|period, and dated statements by the day given too", () => {
      expect(plan.table.keys).toEqual([
        "openai|total|2024",
        "openai|revenue|2024",
        "microsoft|capex|FY2025",
        "microsoft|capex_guidance|FY2026-Q1|2025-07-30",
        "naver|ai_investment|2023",
        "usd-krw|year_end_close|2024",
      ]);
      expect(plan.table.rows.map((r) => r[col("key")])).toEqual(plan.table.keys);
    });
  });

  describe("unconfirmed figures", () => {
    it("are marked in the status column and listed", () => {
      expect(plan.unconfirmed).toEqual([plan.table.keys.indexOf("naver|ai_investment|2023")]);
      for (const i of plan.unconfirmed) expect(plan.table.rows[i][col("status")]).toBe("⚠ UNCONFIRMED");
      expect(planLoad(FIXTURE, "ko").table.rows[plan.unconfirmed[0]][col("status")]).toBe("⚠ 미확인");
      expect(row("openai|total|2024")[col("status")]).toBe("confirmed");
    });
  });

  describe("rate rows", () => {
    it("show USD/KRW, the kind, the period as text, its year, the session's day and the measure", () => {
      const i = plan.table.keys.indexOf("usd-krw|year_end_close|2024");
      const close = plan.table.rows[i];
      expect(close[col("company")]).toBe("USD/KRW");
      expect(close[col("metric")]).toBe("Year-end close");
      expect(close[col("period")]).toBe("'2024");
      expect(close[col("year")]).toBe(2024);
      expect(close[col("value")]).toBe(1472.5);
      expect(close[col("currency")]).toBe("KRW");
      expect(close[col("given")]).toBe(45656); // 2024-12-30, the session it closed
      expect(close[col("definition")]).toBe("Seoul market daytime close");
      expect(planLoad(FIXTURE, "ko").table.rows[i][col("definition")]).toBe("서울외환시장 주간 종가");
      expect(plan.table.formats.get(col("value"))?.[i]).toBe(FORMATS.rate);
    });

    it("give each of a column's implied rates its own key", () => {
      const withImplied = { ...FIXTURE, rows: [...FIXTURE.rows, ...IMPLIED] } as Dataset;
      const keys = planLoad(withImplied, "en").table.keys;
      expect(keys.filter((k) => k.startsWith("usd-krw|column_implied|"))).toHaveLength(2);
      expect(new Set(keys).size).toBe(keys.length);
    });
  });

  describe("the sources table", () => {
    it("lists key, publisher, title, date, kind and URL of every source", () => {
      expect(plan.sources.header).toEqual(["Source", "Publisher", "Title", "Date", "Kind", "URL"]);
      expect(plan.sources.rows).toEqual([
        ["news-161952", "Example News, relaying The Information", "OpenAI's 2024 costs", 45497, "news", FIXTURE_URLS.news],
        ["ms-annual-2025", "Microsoft", "Annual Report 2025", 45868, "filing", FIXTURE_URLS.filing],
        ["print-column", "A magazine", "A column on AI spending", 45536, "column", FIXTURE_URLS.column],
      ]);
      expect(plan.sources.keys).toEqual(["news-161952", "ms-annual-2025", "print-column"]);
      expect(plan.sources.formats.get(src("date"))?.[0]).toBe("yyyy-mm-dd");
    });

    it("links the URL cells, and no other", () => {
      expect([...plan.sources.links.keys()]).toEqual([src("url")]);
      expect(plan.sources.links.get(src("url"))).toEqual([FIXTURE_URLS.news, FIXTURE_URLS.filing, FIXTURE_URLS.column]);
    });

    it("names the kinds in Korean for a Korean plan", () => {
      const ko = planLoad(FIXTURE, "ko");
      expect(ko.sources.header).toEqual(["출처", "발행처", "제목", "날짜", "종류", "URL"]);
      expect(ko.sources.rows.map((r) => r[src("kind")])).toEqual(["보도", "공시", "칼럼"]);
    });

    it("keeps a source's key equal to what its rows' Source cells hold", () => {
      for (const dataset of allDatasets()) {
        const p = planLoad(dataset, "en");
        const keys = new Set(p.sources.rows.map((r) => r[src("key")]));
        for (const r of p.table.rows) expect(keys).toContain(r[col("source")]);
      }
    });
  });

  describe("every shipped dataset", () => {
    it.each(allDatasets().map((d) => [d.meta.id, d] as const))("%s: every row planned, keys unique, every Source cell linked to its source's URL", (_id, dataset) => {
      const p = planLoad(dataset, "en");
      expect(p.table.rows).toHaveLength(dataset.rows.length);
      expect(new Set(p.table.keys).size).toBe(p.table.keys.length);
      const urls = new Map(dataset.meta.sources.map((s) => [s.id, s.url]));
      expect(p.table.links.get(col("source"))).toEqual(dataset.rows.map((r) => urls.get(r.source)));
      for (const r of p.table.rows) expect(r).toHaveLength(TABLE_COLUMNS.length);
      // A link's text to display goes in as typed input does: no key or URL Excel would retype (a number, a date, a formula).
      for (const source of dataset.meta.sources) {
        expect(retype(source.id)).toEqual({ value: source.id });
        if (source.url) expect(retype(source.url)).toEqual({ value: source.url });
      }
      const rates = dataset.rows.filter(isRateRow).length;
      expect(p.table.rows.filter((r) => r[col("company")] === "USD/KRW")).toHaveLength(rates);
    });
  });

  describe("the title and as-of rows", () => {
    it("give the title, the as-of date as a date serial and the version as text", () => {
      expect(plan.title).toBe("Fixture figures for tests");
      expect(plan.asOfRow).toEqual(["As of", 45870, "Version", "'1.0.0"]);
    });
  });

  describe("escaping", () => {
    it("escapes every text from the data that would become a formula", () => {
      const hostile: Dataset = {
        meta: { ...FIXTURE.meta, title: { en: "=cmd|' /C calc'!A0", ko: "@SUM(1)" }, sources: FIXTURE.meta.sources.map((s, i) => (i === 0 ? { ...s, publisher: "+evil", title: "-2+3" } : s)) },
        rows: FIXTURE.rows.map((r, i) => (i === 0 ? { ...r, note: '=HYPERLINK("http://evil","x")', definition: "-1" } : r)),
      };
      expect(parseDataset(hostile).ok).toBe(true);
      const p = planLoad(hostile, "en");
      expect(p.title).toBe("'=cmd|' /C calc'!A0");
      expect(p.table.rows[0][col("note")]).toBe(`'=HYPERLINK("http://evil","x")`);
      expect(p.table.rows[0][col("definition")]).toBe("'-1");
      expect(p.sources.rows[0][src("publisher")]).toBe("'+evil");
      expect(p.sources.rows[0][src("title")]).toBe("'-2+3");
      const cells = [p.title, ...p.table.rows.flat(), ...p.sources.rows.flat()];
      expect(cells.filter((c) => typeof c === "string" && /^[=+\-@]/.test(c))).toEqual([]);
    });
  });

  it("measures the block it writes", () => {
    expect(planExtent(plan)).toEqual({ rows: 3 + 1 + 6 + 2 + 1 + 3, columns: TABLE_COLUMNS.length });
    expect(TABLE_COLUMNS).toHaveLength(16);
  });

  it("plans a 100,000-cell dataset", () => {
    const big = planLoad(syntheticDataset(100_000), "en");
    expect(big.table.rows.length * TABLE_COLUMNS.length).toBeGreaterThanOrEqual(100_000 - TABLE_COLUMNS.length);
    expect(new Set(big.table.keys).size).toBe(big.table.rows.length);
  });
});

describe("rowKey", () => {
  it("is company|metric|period for a figure, |given added for a dated one, and usd-krw|kind|period for a rate", () => {
    const [total, , , guidance, , close] = FIXTURE.rows;
    expect(rowKey(total)).toBe("openai|total|2024");
    expect(rowKey(guidance)).toBe("microsoft|capex_guidance|FY2026-Q1|2025-07-30");
    expect(rowKey(close)).toBe("usd-krw|year_end_close|2024");
  });

  it("adds the basis of a writer's implied rate", () => {
    const implied = IMPLIED.find((r) => isRateRow(r) && r.kind === "column_implied");
    if (!implied) throw new Error("IMPLIED holds implied rates");
    expect(rowKey(implied)).toBe("usd-krw|column_implied|2024|openai|training");
  });

  it("gives each dated statement of the same period its own key (guidance is dated history)", () => {
    const [, , , guidance] = FIXTURE.rows;
    const later = { ...guidance, given: "2025-10-29" };
    expect(rowKey(later)).not.toBe(rowKey(guidance));
  });
});
