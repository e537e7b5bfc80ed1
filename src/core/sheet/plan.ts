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
import type { Dataset, FigureRow, RateRow, Row, Source } from "../data/schema";
import { isRateRow } from "../data/catalog";
import { companyName } from "../data/companies";
import { columnLabels, metricLabel, qualifierLabel, rateKindLabel, statusLabel, usdKrwLabel } from "../data/metrics";
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
  "status",
  "source",
  "quote",
  "note",
  "key",
] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** The columns of a sources table, in order. */
export const SOURCE_COLUMNS = ["publisher", "title", "date", "url", "status", "key"] as const;
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
 * The key of a dataset row: company|metric|period for a figure, usd-krw|kind|period (and the
 * basis of a writer's own conversion) for a rate. Stable across languages and refreshes.
 * @example rowKey({ company: "openai", metric: "total", period: "2024", … }) // "openai|total|2024"
 */
export function rowKey(row: Row): string {
  if (isRateRow(row)) {
    const basis = row.basis ? `|${row.basis.company}|${row.basis.metric}` : "";
    return `usd-krw|${row.kind}|${row.period}${basis}`;
  }
  return `${row.company}|${row.metric}|${row.period}`;
}

function safeCompanyName(id: string, lang: Language): string {
  try {
    return companyName(id, lang);
  } catch {
    return id; // a company missing from this build's registry: its id, never a blank
  }
}

function sourceCell(source: Source | undefined, id: string): string {
  if (!source) return id;
  return source.published ? `${source.publisher} (${source.published})` : source.publisher;
}

/** The status text of a row: the label, marked when unconfirmed. */
export function statusText(row: Row, lang: Language): string {
  const label = statusLabel(row.status, lang);
  return row.status === "unconfirmed" ? `${UNCONFIRMED_MARK} ${label}` : label;
}

/** What a row's cells share with other rows, computed once per plan: its key, its source's cell. */
interface RowContext {
  readonly key: string;
  readonly sourceText: string;
}

function figureCells(row: FigureRow, lang: Language, source: Source | undefined, shared: RowContext): Record<TableColumn, Cell> {
  return {
    company: safeCompanyName(row.company, lang),
    metric: metricLabel(row.metric, lang),
    period: row.period,
    year: row.year,
    value: row.value ?? "",
    low: row.low ?? "",
    high: row.high ?? "",
    currency: row.currency,
    qualifier: row.qualifier ? qualifierLabel(row.qualifier, lang) : "",
    status: statusText(row, lang),
    source: shared.sourceText,
    quote: row.quote ?? source?.quote ?? "",
    note: row.note ?? "",
    key: shared.key,
  };
}

function rateCells(row: RateRow, lang: Language, source: Source | undefined, shared: RowContext): Record<TableColumn, Cell> {
  const kind = rateKindLabel(row.kind, lang);
  return {
    company: usdKrwLabel(lang),
    metric: row.basis ? `${kind}: ${safeCompanyName(row.basis.company, lang)}, ${metricLabel(row.basis.metric, lang)}` : kind,
    period: row.period,
    year: "",
    value: row.value,
    low: "",
    high: "",
    currency: "KRW",
    qualifier: "",
    status: statusText(row, lang),
    source: shared.sourceText,
    quote: row.quote ?? source?.quote ?? "",
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
    status: c.status,
    source: c.source,
    quote: sheetLabel("quote", lang),
    note: sheetLabel("note", lang),
    key: sheetLabel("key", lang),
  };
}

function sourceHeaders(lang: Language): Record<SourceColumn, string> {
  return {
    publisher: sheetLabel("publisher", lang),
    title: sheetLabel("title", lang),
    date: sheetLabel("date", lang),
    url: sheetLabel("url", lang),
    status: columnLabels(lang).status,
    key: sheetLabel("key", lang),
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

/** A source's status: the least certain status among the rows citing it ("mention only" if none). */
function sourceStatus(source: Source, rows: readonly Row[], lang: Language): string {
  const cited = rows.filter((r) => r.source === source.id);
  if (cited.length === 0) return sheetLabel("mentionOnly", lang);
  const worst = cited.find((r) => r.status === "unconfirmed") ?? cited.find((r) => r.status === "derived") ?? cited[0];
  return statusText(worst, lang);
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
  const sourceTexts = new Map(meta.sources.map((s) => [s.id, sourceCell(s, s.id)]));
  const body = rows.map((row, i) => {
    const source = sources.get(row.source);
    const shared = { key: keys[i], sourceText: sourceTexts.get(row.source) ?? row.source };
    const cells = isRateRow(row) ? rateCells(row, lang, source, shared) : figureCells(row, lang, source, shared);
    return TABLE_COLUMNS.map((c) => sheetCell(cells[c]));
  });
  const valueCol = TABLE_COLUMNS.indexOf("value");
  const formats = new Map<number, string[]>([
    [TABLE_COLUMNS.indexOf("year"), rows.map(() => FORMATS.year)],
    [valueCol, rows.map(valueFormat)],
    [TABLE_COLUMNS.indexOf("low"), rows.map(valueFormat)],
    [TABLE_COLUMNS.indexOf("high"), rows.map(valueFormat)],
  ]);

  const sourceHeaderById = sourceHeaders(lang);
  const sourceRows = meta.sources.map((source) => {
    const cells: Record<SourceColumn, Cell> = {
      publisher: source.publisher,
      title: source.title,
      date: source.published ? (isoDateToSerial(source.published) ?? source.published) : "",
      url: source.url ?? "",
      status: sourceStatus(source, rows, lang),
      key: source.id,
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
    },
    sourcesCaption: sheetLabel("sources", lang),
    sources: {
      columns: SOURCE_COLUMNS,
      header: SOURCE_COLUMNS.map((c) => escapeCellText(sourceHeaderById[c])),
      rows: sourceRows,
      keys: meta.sources.map((s) => s.id),
      formats: new Map([[SOURCE_COLUMNS.indexOf("date"), meta.sources.map(() => FORMATS.date)]]),
    },
    unconfirmed: rows.flatMap((row, i) => (row.status === "unconfirmed" ? [i] : [])),
  };
}

/** The size of the whole block a plan writes: rows and columns from the anchor. */
export function planExtent(plan: LoadPlan): { rows: number; columns: number } {
  const rows = ROWS_ABOVE_TABLE + 1 + plan.table.rows.length + ROWS_BETWEEN_TABLES + 1 + plan.sources.rows.length;
  return { rows, columns: Math.max(plan.table.columns.length, plan.sources.columns.length, 4) };
}
