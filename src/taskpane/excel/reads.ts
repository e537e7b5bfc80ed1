/* Reading large ranges within Excel on the web's 5,000,000-byte response limit: the cells of each
 * block (a table body) come back in row slices, as many slices per sync as fit the response
 * budget. The size of a cell is not known before it is read, so the first slices are sized by a
 * generous guess and later ones by what the earlier ones measured (with a quarter to spare); a
 * sync that Excel still refuses as too large (nothing is written in these syncs, so it is safe to
 * ask again) is asked again in slices half as large. */
import { matrixBytes, type Cell } from "../../core/sheet";
import type { PayloadLimits } from "./steps";

/** Cells as read: values, formulas and number formats of the same rows. */
export interface Cells {
  readonly values: unknown[][];
  readonly formulas: unknown[][];
  readonly formats: unknown[][];
}

/** A block to read whole, in row slices. */
export interface BlockRead {
  /** The block (its rowCount and columnCount are loaded in the first sync). */
  readonly block: () => Excel.Range;
  /** Its width as expected before the first sync (the plan's columns): sizes the first slice. */
  readonly expectedColumns: number;
}

/** What readBlocks read: each block's cells and size, and the syncs it made. */
export interface BlocksRead {
  readonly cells: Cells[];
  readonly rowCounts: number[];
  readonly columnCounts: number[];
  readonly syncs: number;
}

/** The bytes a cell is guessed to take, per property read, before any was measured (real data: about 17). */
export const GUESSED_BYTES_PER_CELL = 40;
/** What a measured size is multiplied by before it sizes the next slices. */
const MARGIN = 1.25;

/** True for Excel's refusal of a response that would pass the payload limit. */
export function isResponseTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || (error instanceof Error && /ResponsePayloadSizeLimitExceeded/.test(error.message));
}

/** One slice queued in a sync: which block, from which row, how many rows, through which proxy. */
interface Slice {
  readonly index: number;
  readonly offset: number;
  readonly count: number;
  readonly range: Excel.Range;
}

/**
 * Reads the values, formulas and number formats of every block, in row slices of at most
 * `limits.responseBytes` a sync (by estimate), in order.
 * @param context - the request context
 * @param reads - the blocks
 * @param limits - the payload limits (Excel on the web's by default)
 * @param queueFirst - queues the caller's other loads for the first sync (called again if that sync is asked again)
 * @returns the cells of each block (rows in order), its size, and the syncs made
 * @throws what a sync failed with, unless it was a response too large that smaller slices avoid
 */
export async function readBlocks(context: Excel.RequestContext, reads: readonly BlockRead[], limits: PayloadLimits, queueFirst: () => void = () => undefined): Promise<BlocksRead> {
  const cells = reads.map((): { values: unknown[][]; formulas: unknown[][]; formats: unknown[][] } => ({ values: [], formulas: [], formats: [] }));
  const rowCounts: Array<number | null> = reads.map(() => null);
  const columnCounts: number[] = reads.map((r) => r.expectedColumns);
  /** Bytes a row of each block is expected to take (values, formulas and formats). */
  const rowBytes = reads.map((r) => 3 * GUESSED_BYTES_PER_CELL * Math.max(1, r.expectedColumns));
  const done = reads.map(() => 0);
  let syncs = 0;
  let first = true;
  for (;;) {
    const pending = reads.map((_, i) => i).filter((i) => rowCounts[i] === null || done[i] < (rowCounts[i] as number));
    if (pending.length === 0 && !first) break;
    const sizes: Excel.Range[] = [];
    if (first) {
      queueFirst();
      for (const r of reads) {
        const block = r.block();
        block.load("rowCount, columnCount");
        sizes.push(block);
      }
    }
    let budget = limits.responseBytes;
    const slices: Slice[] = [];
    for (const i of pending) {
      const left = rowCounts[i] === null ? Number.POSITIVE_INFINITY : (rowCounts[i] as number) - done[i];
      // Sizes unknown (the first sync): each block an equal share, most are far smaller than their share.
      const fit = Math.floor((first ? limits.responseBytes / pending.length : budget) / rowBytes[i]);
      if (fit < 1 && slices.length > 0) break; // the next sync takes it
      const count = Math.max(1, Math.min(left, fit)); // a row larger than the budget goes alone
      const block = reads[i].block();
      // Before the size is known the slice may reach past the block: cut to it.
      const range = rowCounts[i] === null ? block.getRow(0).getResizedRange(count - 1, 0).getIntersectionOrNullObject(block) : block.getRow(done[i]).getResizedRange(count - 1, 0);
      range.load("values, formulas, numberFormat");
      slices.push({ index: i, offset: done[i], count, range });
      budget -= count * rowBytes[i];
      if (budget < rowBytes[i]) break;
    }
    try {
      await context.sync();
      syncs++;
    } catch (error) {
      syncs++;
      if (!isResponseTooLarge(error) || slices.every((s) => s.count === 1)) throw error;
      for (const s of slices) rowBytes[s.index] *= 2;
      continue; // the same rows again, in slices half as large (the first sync's loads included)
    }
    if (first) {
      sizes.forEach((block, i) => {
        rowCounts[i] = block.rowCount;
        columnCounts[i] = block.columnCount;
      });
      first = false;
    }
    for (const s of slices) {
      if (s.range.isNullObject) continue;
      const got = { values: s.range.values, formulas: s.range.formulas, formats: s.range.numberFormat };
      const rows = got.values.length;
      for (let k = 0; k < rows; k++) {
        cells[s.index].values.push(got.values[k]);
        cells[s.index].formulas.push(got.formulas[k]);
        cells[s.index].formats.push(got.formats[k]);
      }
      done[s.index] += rows;
      if (rows > 0) {
        const measured = (matrixBytes(got.values as Cell[][]) + matrixBytes(got.formulas as Cell[][]) + matrixBytes(got.formats as Cell[][])) / rows;
        rowBytes[s.index] = Math.max(1, Math.ceil(measured * MARGIN));
      }
    }
  }
  return { cells, rowCounts: rowCounts.map((n) => n ?? 0), columnCounts, syncs };
}
