/* The curated datasets embedded in the bundle, so the functions work offline. The JSON is typed
 * with the schema's inferred types (`import type`: zod stays out of the bundle); the files are
 * validated by `npm run data:check` and the tests, not at run time. */
import { AifinError } from "../errors";
import type { Dataset, FigureRow, RateRow, Row } from "./schema";
import aiLabs from "../../../data/datasets/ai-labs.json";
import bigtechCapex from "../../../data/datasets/bigtech-capex.json";
import bigtechFinancials from "../../../data/datasets/bigtech-financials.json";
import koreaAiInvestment from "../../../data/datasets/korea-ai-investment.json";
import usdKrwRates from "../../../data/datasets/usd-krw-rates.json";

/**
 * The qualifier and status a row has when its embedded copy names none: the functions bundle's
 * copy of the data leaves out these commonest values to stay within its size goal
 * (build/slim-datasets.cjs); the data files and the pane's copy always state them.
 */
export const IMPLIED_ROW_FIELDS = { qualifier: "exact", status: "confirmed" } as const;

/** The functions bundle's rows as columns (build/slim-datasets.cjs): null where a row has no such field, `nulls` the rows whose field is null. */
interface ColumnarRows {
  readonly count: number;
  readonly columns: Readonly<Record<string, readonly unknown[]>>;
  readonly nulls: Readonly<Record<string, readonly number[]>>;
}

/** The rows of a columnar copy, each with the fields it has. */
function rowsFromColumns(packed: ColumnarRows): Array<Record<string, unknown>> {
  const rows = Array.from({ length: packed.count }, () => ({}) as Record<string, unknown>);
  for (const [key, values] of Object.entries(packed.columns)) {
    values.forEach((value, i) => {
      if (value !== null) rows[i][key] = value;
    });
  }
  for (const [key, indices] of Object.entries(packed.nulls)) for (const i of indices) rows[i][key] = null;
  return rows;
}

/**
 * A JSON import as the schema's type, with the implied fields put back; the data check and the
 * tests have validated the file.
 * @param json - a dataset file as imported (whole, or the functions bundle's slimmed, columnar copy)
 * @returns the dataset, every figure row with its qualifier and every row with its status
 * @example embedded({ meta, rows: [{ company: "meta", value: 1 }] }).rows[0].status // "confirmed"
 */
export function embedded(json: object): Dataset {
  const file = json as { rows: unknown };
  if (!Array.isArray(file.rows)) file.rows = rowsFromColumns(file.rows as ColumnarRows);
  const dataset = file as Dataset;
  for (const row of dataset.rows as Array<{ kind?: string; qualifier?: string; status?: string }>) {
    if (row.kind === undefined) row.qualifier ??= IMPLIED_ROW_FIELDS.qualifier;
    row.status ??= IMPLIED_ROW_FIELDS.status;
  }
  return dataset;
}

/**
 * The catalog, in the order the pane lists it. A lookup without a dataset does not depend on
 * this order: it takes the best source among all of them (lookup.ts).
 */
const DATASETS: readonly Dataset[] = [
  embedded(bigtechCapex),
  embedded(bigtechFinancials),
  embedded(koreaAiInvestment),
  embedded(aiLabs),
  embedded(usdKrwRates),
];

/** The id of the dataset holding the USD/KRW reference rates. */
export const RATES_DATASET_ID = "usd-krw-rates";

/**
 * Every embedded dataset, in the default lookup order.
 * @returns bigtech-capex, bigtech-financials, korea-ai-investment, ai-labs, usd-krw-rates
 * @example allDatasets().map((d) => d.meta.id)[0] // "bigtech-capex"
 */
export function allDatasets(): readonly Dataset[] {
  return DATASETS;
}

/**
 * Dataset ids that were shipped once and withdrawn, with the datasets that now answer their
 * questions: a workbook's formula naming one gets the reason, never another dataset's figures.
 * `column-2024`, the 2024 매거진동아 print column AIFIN began from, has no address a reader can
 * follow (data/curation/column-2024.md keeps what it said).
 */
const WITHDRAWN: ReadonlyMap<string, string> = new Map([["column-2024", "ai-labs, korea-ai-investment"]]);

/**
 * One embedded dataset by id (case and surrounding spaces ignored).
 * @param id - a dataset id, e.g. "bigtech-capex", or a former id ("openai-2024-costs" → ai-labs)
 * @returns the dataset
 * @throws AifinError #N/A "withdrawnDataset" for a withdrawn id, naming the datasets that answer instead
 * @throws AifinError #N/A "unknownDataset" listing the ids that exist
 * @example datasetById("bigtech-capex").rows.length // 17
 */
export function datasetById(id: string): Dataset {
  // Ids are short: a long text is refused before it is copied and lower-cased.
  const wanted = id.length > 200 ? null : id.trim().toLowerCase();
  // A dataset answers to its former ids too (tables and formulas made with them keep working).
  const found = DATASETS.find((d) => d.meta.id === wanted) ?? DATASETS.find((d) => wanted !== null && (d.meta.formerIds ?? []).includes(wanted));
  const instead = found || wanted === null ? undefined : WITHDRAWN.get(wanted);
  if (instead !== undefined) throw new AifinError("na", "withdrawnDataset", { id: id.trim(), instead });
  if (!found) throw new AifinError("na", "unknownDataset", { id, ids: DATASETS.map((d) => d.meta.id).join(", ") });
  return found;
}

/** True for a USD/KRW rate row, false for a company figure. */
export function isRateRow(row: Row): row is RateRow {
  return "kind" in row;
}

/** The company figures of a dataset (rate rows left out). */
export function figureRows(dataset: Dataset): FigureRow[] {
  return dataset.rows.filter((row): row is FigureRow => !isRateRow(row));
}

/** The rate rows of a dataset (company figures left out). */
export function rateRows(dataset: Dataset): RateRow[] {
  return dataset.rows.filter(isRateRow);
}
