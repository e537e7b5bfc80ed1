/* Datasets for the chart tests, valid in the current format (the feed accepts them), whose figures the tests know by heart: three
 * capex figures of two companies, guidance (one a range, left out of a chart), a won figure; and a
 * year of quarterly rates. They do not move when the curated data does. */
import type { Dataset } from "../../src/core/data/schema";
import { FIXTURE } from "./fixture";

const [, range, msCapex, msGuidance, naver] = FIXTURE.rows as Array<Extract<Dataset["rows"][number], { company: string }>>;

export const CHARTED: Dataset = {
  meta: { ...FIXTURE.meta, id: "chart-figures", title: { en: "Chart figures", ko: "차트 수치" } },
  rows: [
    { ...msCapex, period: "FY2024", label: "Year Ended June 30, 2024", value: 44477000000, published: "(44,477)", quote: "Additions to property and equipment (44,477)" },
    msCapex,
    { ...msCapex, company: "alphabet", period: "2024", label: undefined, value: 52535000000, published: "(52,535)", quote: "Purchases of property and equipment (52,535)" },
    msGuidance,
    { ...msGuidance, company: "alphabet", period: "2025", value: 85000000000, published: "$85 billion", qualifier: "about", given: "2025-07-23", quote: "capital expenditures of approximately $85 billion in 2025" },
    { ...range, company: "alphabet", metric: "capex_guidance", period: "2025", low: 91000000000, high: 93000000000, published: "$91 billion to $93 billion", given: "2025-10-29", quote: "in the range of $91 billion to $93 billion" },
    naver,
  ],
};

/** Quarterly averages of 2024 (KRW per USD), filed out of order. */
export const QUARTERS: Dataset = {
  meta: { ...FIXTURE.meta, id: "chart-rates", title: { en: "Chart rates", ko: "차트 환율" }, sources: FIXTURE.meta.sources.slice(0, 1) },
  rows: [
    ["2024-Q3", 1358.35],
    ["2024-Q1", 1329.44],
    ["2024-Q2", 1371.24],
    ["2024-Q4", 1396.84],
  ].map(([period, value]) => ({
    period: String(period),
    kind: "quarter_average" as const,
    value: Number(value),
    published: `${value}원`,
    source: "news-161952",
    quote: `${period} 평균 ${value}원`,
    status: "confirmed" as const,
  })),
};
