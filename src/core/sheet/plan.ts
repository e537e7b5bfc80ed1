/* The load plan: everything AIFIN writes for one dataset, built as plain values before any Excel
 * call, so the adapter writes each block in one assignment. Layout, relative to the anchor cell:
 *
 *   row 0            title
 *   row 1            As of | <date> | Version | <version>
 *   row 2            (blank)
 *   row 3            table header            ← the dataset table starts here
 *   rows 4…3+n       one row per figure
 *   row 4+n          (blank)
 *   row 5+n          "Sources"
 *   row 6+n…         sources table (header and one row per source)
 *
 * The sources table sits below the dataset table, inside its columns, so when a refresh adds or
 * deletes table rows Excel moves it along with the cells below.
 */
import type { Language } from "../messages";
import type { Dataset, FigureRow, RateRow, Row } from "../data/schema";
import { isRateRow } from "../data/catalog";
import { companyName } from "../data/companies";
import { columnLabels, metricLabel, qualifierLabel, rateKindLabel, sourceKindLabel, statusLabel, usdKrwLabel } from "../data/metrics";
import { escapeCellText } from "./escape";
import { DATE_FORMAT, isoDateToSerial } from "./dates";
import { UNCONFIRMED_MARK, sheetLabel } from "./labels";

/** A value as assigned to `Range.values`: text (escaped), a number, or "" for an empty cell. */
export type Cell = string | number | boolean;

/** The columns of a dataset table, in order. `key` identifies a row across refreshes. */
export const TABLE_COLUMNS = [
  "company",
  "metric",
  "period",
  "year",
  "value",
  "low",
  "high",
  "currency",
  "qualifier",
  "given",
  "status",
  "source",
  "quote",
  "definition",
  "note",
  "key",
] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** The columns of a sources table, in order. */
export const SOURCE_COLUMNS = ["key", "publisher", "title", "date", "kind", "url"] as const;
export type SourceColumn = (typeof SOURCE_COLUMNS)[number];

/**
 * Number formats, exact to the unit: figures are whole dollars or won. "$" may stand bare in a
 * format; "₩" is text there and goes in quotes (Microsoft's format syntax: "₩"#,##0 or
 * [$₩-ko-KR]#,##0).
 */
export const FORMATS = {
  USD: "$#,##0",
  KRW: '"₩"#,##0',
  /** A USD/KRW rate: won per dollar, to the hundredth (more where the source gives more). */
  rate: '"₩"#,##0.00##',
  year: "0",
  general: "General",
  date: DATE_FORMAT,
} as const;

/** A block of cells: a header row (or none) and body rows, with number formats per numeric column. */
export interface TableBlock<C extends string> {
  /** Column ids, in sheet order. */
  readonly columns: readonly C[];
  /** Header texts, in the plan's language (escaped like any text). */
  readonly header: string[];
  /** Body rows, `columns.length` wide. */
  readonly rows: Cell[][];
  /** The row keys (the `key` column, unescaped), one per body row. */
  readonly keys: string[];
  /** Number formats of the numeric columns: column index → one format per body row. */
  readonly formats: ReadonlyMap<number, string[]>;
  /** Cells that link to a document: column index → one URL per body row ("" for none). */
  readonly links: ReadonlyMap<number, string[]>;
}

export interface LoadPlan {
  readonly datasetId: string;
  readonly version: string;
  readonly asOf: string;
  readonly lang: Language;
  /** Row 0: the title, one cell. */
  readonly title: string;
  /** Row 1: as-of label, as-of date serial, version label, version. */
  readonly asOfRow: [string, number | string, string, string];
  readonly table: TableBlock<TableColumn>;
  /** The "Sources" caption above the sources table. */
  readonly sourcesCaption: string;
  readonly sources: TableBlock<SourceColumn>;
  /** Body row indices of unconfirmed figures (their status cell starts with the mark). */
  readonly unconfirmed: number[];
}

/** Rows above the dataset table's header (title, as-of, blank). */
export const ROWS_ABOVE_TABLE = 3;
/** Rows between the dataset table's last row and the sources table's header (blank, caption). */
export const ROWS_BETWEEN_TABLES = 2;

/**
 * The key of a dataset row: company|metric|period (and |the day given, for guidance and other
 * dated statements: each is its own row) for a figure, usd-krw|kind|period (and the basis of a
 * writer's own conversion) for a rate. Stable across languages and refreshes.
 * @example rowKey({ company: "openai", metric: "total", period: "2024", … }) // "openai|total|2024"
 */
export function rowKey(row: Row): string {
  if (isRateRow(row)) {
    const basis = row.basis ? `|${row.basis.company}|${row.basis.metric}` : "";
    return `usd-krw|${row.kind}|${row.period}${basis}`;
  }
  return `${row.company}|${row.metric}|${row.period}${row.given ? `|${row.given}` : ""}`;
}

function safeCompanyName(id: string, lang: Language): string {
  try {
    return companyName(id, lang);
  } catch {
    return id; // a company missing from this build's registry: its id, never a blank
  }
}

/** The status text of a row: the label, marked when unconfirmed. */
export function statusText(row: Row, lang: Language): string {
  const label = statusLabel(row.status, lang);
  return row.status === "unconfirmed" ? `${UNCONFIRMED_MARK} ${label}` : label;
}

/** What a row's cells share with other rows, computed once per plan: its key, its source's cell. */
interface RowContext {
  readonly key: string;
}

/** The fiscal year a row is filed under (a plan's first year), for sorting and pivots. */
function fiscalYearOf(row: FigureRow): number | "" {
  const year = Number(row.period.replace(/^FY/, "").slice(0, 4));
  return Number.isInteger(year) && year > 0 ? year : "";
}

function figureCells(row: FigureRow, lang: Language, shared: RowContext): Record<TableColumn, Cell> {
  return {
    company: safeCompanyName(row.company, lang),
    metric: metricLabel(row.metric, lang),
    period: row.period,
    year: fiscalYearOf(row),
    value: row.value ?? "",
    low: row.low ?? "",
    high: row.high ?? "",
    currency: row.currency,
    qualifier: row.qualifier === "exact" ? "" : qualifierLabel(row.qualifier, lang),
    given: row.given ? (isoDateToSerial(row.given) ?? row.given) : "",
    status: statusText(row, lang),
    source: row.source,
    quote: row.quote ?? "",
    definition: row.definition ?? "",
    note: row.note ?? "",
    key: shared.key,
  };
}

function rateCells(row: RateRow, lang: Language, shared: RowContext): Record<TableColumn, Cell> {
  const kind = rateKindLabel(row.kind, lang);
  return {
    company: usdKrwLabel(lang),
    metric: row.basis ? `${kind}: ${safeCompanyName(row.basis.company, lang)}, ${metricLabel(row.basis.metric, lang)}` : kind,
    period: row.period,
    year: Number(row.period.slice(0, 4)),
    value: row.value,
    low: "",
    high: "",
    currency: "KRW",
    qualifier: "",
    given: row.day ? (isoDateToSerial(row.day) ?? row.day) : "",
    status: statusText(row, lang),
    source: row.source,
    quote: row.quote ?? "",
    definition: row.measure ? row.measure[lang] : "",
    note: row.note ?? "",
    key: shared.key,
  };
}

/** Escapes text cells; numbers and blanks pass through. */
function sheetCell(value: Cell): Cell {
  return typeof value === "string" ? escapeCellText(value) : value;
}

function tableHeaders(lang: Language): Record<TableColumn, string> {
  const c = columnLabels(lang);
  return {
    company: c.company,
    metric: c.metric,
    period: c.period,
    year: sheetLabel("year", lang),
    value: c.value,
    low: sheetLabel("low", lang),
    high: sheetLabel("high", lang),
    currency: c.currency,
    qualifier: sheetLabel("qualifier", lang),
    given: sheetLabel("given", lang),
    status: c.status,
    source: c.source,
    quote: sheetLabel("quote", lang),
    definition: sheetLabel("definition", lang),
    note: sheetLabel("note", lang),
    key: sheetLabel("key", lang),
  };
}

function sourceHeaders(lang: Language): Record<SourceColumn, string> {
  return {
    publisher: sheetLabel("publisher", lang),
    title: sheetLabel("title", lang),
    date: sheetLabel("date", lang),
    kind: sheetLabel("kind", lang),
    url: sheetLabel("url", lang),
    key: sheetLabel("sourceKey", lang),
  };
}

/**
 * The header texts of a dataset table in a language, by column (unescaped, as Excel shows them).
 * @example tableHeader("ko").company // "회사"
 */
export function tableHeader(lang: Language): Readonly<Record<TableColumn, string>> {
  return tableHeaders(lang);
}

/** The header texts of a sources table in a language, by column. */
export function sourcesHeader(lang: Language): Readonly<Record<SourceColumn, string>> {
  return sourceHeaders(lang);
}

function valueFormat(row: Row): string {
  if (isRateRow(row)) return FORMATS.rate;
  return row.currency === "KRW" ? FORMATS.KRW : FORMATS.USD;
}

/**
 * Plans the load of a dataset: the title and as-of rows, the dataset table (header, one row per
 * figure, number formats by currency) and the sources table, every text escaped so that nothing
 * becomes a formula, dates as date serials, years as numbers.
 * @param dataset - a validated dataset (embedded, or from the feed after parseDataset)
 * @param lang - the language of names, labels and headers ("en" or "ko")
 * @returns the plan; the adapter writes it, nothing here touches Excel
 * @example planLoad(datasetById("openai-2024-costs"), "en").table.rows.length // 6
 */
export function planLoad(dataset: Dataset, lang: Language): LoadPlan {
  const { meta, rows } = dataset;
  const sources = new Map(meta.sources.map((s) => [s.id, s]));

  const headerById = tableHeaders(lang);
  // Computed once: a row's key is both a cell and the plan's key list; a source's cell text is the
  // same string in every row citing it (for 100,000 cells, one string per row each would cost MBs).
  const keys = rows.map(rowKey);
  const body = rows.map((row, i) => {
    const shared = { key: keys[i] };
    const cells = isRateRow(row) ? rateCells(row, lang, shared) : figureCells(row, lang, shared);
    return TABLE_COLUMNS.map((c) => sheetCell(cells[c]));
  });
  // The Source cell holds the key of its line in the sources table and links to the document.
  const sourceUrl = (id: string) => sources.get(id)?.url ?? "";
  const valueCol = TABLE_COLUMNS.indexOf("value");
  const formats = new Map<number, string[]>([
    [TABLE_COLUMNS.indexOf("year"), rows.map(() => FORMATS.year)],
    [valueCol, rows.map(valueFormat)],
    [TABLE_COLUMNS.indexOf("low"), rows.map(valueFormat)],
    [TABLE_COLUMNS.indexOf("high"), rows.map(valueFormat)],
    [TABLE_COLUMNS.indexOf("given"), rows.map(() => FORMATS.date)],
  ]);

  const sourceHeaderById = sourceHeaders(lang);
  const sourceRows = meta.sources.map((source) => {
    const cells: Record<SourceColumn, Cell> = {
      key: source.id,
      publisher: source.publisher,
      title: source.title,
      date: source.published ? (isoDateToSerial(source.published) ?? source.published) : "",
      kind: sourceKindLabel(source.kind, lang),
      url: source.url,
    };
    return SOURCE_COLUMNS.map((c) => sheetCell(cells[c]));
  });

  const asOfSerial = isoDateToSerial(meta.asOf);
  return {
    datasetId: meta.id,
    version: meta.version,
    asOf: meta.asOf,
    lang,
    title: escapeCellText(meta.title[lang]),
    asOfRow: [sheetLabel("asOf", lang), asOfSerial ?? escapeCellText(meta.asOf), sheetLabel("version", lang), escapeCellText(meta.version)],
    table: {
      columns: TABLE_COLUMNS,
      header: TABLE_COLUMNS.map((c) => escapeCellText(headerById[c])),
      rows: body,
      keys,
      formats,
      links: new Map([[TABLE_COLUMNS.indexOf("source"), rows.map((row) => sourceUrl(row.source))]]),
    },
    sourcesCaption: sheetLabel("sources", lang),
    sources: {
      columns: SOURCE_COLUMNS,
      header: SOURCE_COLUMNS.map((c) => escapeCellText(sourceHeaderById[c])),
      rows: sourceRows,
      keys: meta.sources.map((s) => s.id),
      formats: new Map([[SOURCE_COLUMNS.indexOf("date"), meta.sources.map(() => FORMATS.date)]]),
      links: new Map([[SOURCE_COLUMNS.indexOf("url"), meta.sources.map((s) => s.url)]]),
    },
    unconfirmed: rows.flatMap((row, i) => (row.status === "unconfirmed" ? [i] : [])),
  };
}

/** The size of the whole block a plan writes: rows and columns from the anchor. */
export function planExtent(plan: LoadPlan): { rows: number; columns: number } {
  const rows = ROWS_ABOVE_TABLE + 1 + plan.table.rows.length + ROWS_BETWEEN_TABLES + 1 + plan.sources.rows.length;
  return { rows, columns: Math.max(plan.table.columns.length, plan.sources.columns.length, 4) };
}
