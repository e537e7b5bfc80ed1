/* Queued writes with their size, sent in as few requests as Excel on the web's 5,000,000-byte
 * limit allows: one sync when everything fits 4,000,000 bytes, otherwise requests of at most that,
 * in order. When a request fails, Excel has applied the operations of that request that came
 * before the failing one (a batch is not a transaction) and none after it: runSteps says which
 * request failed, so the caller knows which steps may have been applied and can put them back. */
import { CHUNK_BYTES, OPERATION_OVERHEAD_BYTES, cellBytes, matrixBytes, packRequests, rowSlices, unescapeCellText, type Cell, type LinkWrite } from "../../core/sheet";

/** The largest piece of one matrix a step assigns: four of them and the small steps fit one request. */
export const SLICE_BYTES = Math.floor(CHUNK_BYTES * 0.24);

/** The payload limits steps are cut and packed by, and reads sized by: Excel on the web's by default (tests pass smaller ones). */
export interface PayloadLimits {
  /** The most one request carries (every step in one request when they fit). */
  readonly requestBytes: number;
  /** The largest piece of one matrix in a step. */
  readonly sliceBytes: number;
  /** The most one response brings back (reads of large ranges are cut by rows to fit). */
  readonly responseBytes: number;
}

export const EXCEL_LIMITS: PayloadLimits = { requestBytes: CHUNK_BYTES, sliceBytes: SLICE_BYTES, responseBytes: CHUNK_BYTES };

/** One queued operation and the bytes it adds to a request. */
export interface Step {
  readonly bytes: number;
  readonly run: () => void;
}

/** Called after each request: requests done, requests in all. */
export type Progress = (done: number, total: number) => void;

/** A step that carries no bulk data (creating a table, a format, a setting). */
export function smallStep(run: () => void): Step {
  return { bytes: OPERATION_OVERHEAD_BYTES, run };
}

/** The properties of a range a step assigns a matrix to. */
export type MatrixProperty = "values" | "numberFormat" | "formulas" | "formulasR1C1";

/**
 * Steps that assign `rows` to a range property, cut by rows into pieces of at most 960,000 bytes.
 * @param rows - the matrix to assign
 * @param target - the range of `count` rows starting `offset` rows into the matrix's place
 * @param property - "values", "numberFormat", "formulas" or "formulasR1C1"
 * @param sliceBytes - the largest piece (SLICE_BYTES by default)
 */
export function matrixSteps(rows: readonly (readonly Cell[])[], target: (offset: number, count: number) => Excel.Range, property: MatrixProperty, sliceBytes = SLICE_BYTES): Step[] {
  // Pieces under a quarter of a request pack into 4 MB requests with little room wasted.
  return rowSlices(rows, sliceBytes).map(([start, end]) => {
    // One matrix: the piece is a view of it until the step runs (no copy held per step).
    const whole = start === 0 && end === rows.length;
    return {
      bytes: matrixBytes(whole ? rows : rows.slice(start, end)) + OPERATION_OVERHEAD_BYTES,
      run: () => {
        target(start, end - start)[property] = (whole ? rows : rows.slice(start, end)) as Cell[][];
      },
    };
  });
}

/** What one link adds to a request besides its two strings: the cell's range, the assignment and the object's keys. */
export const LINK_OVERHEAD_BYTES = 2 * OPERATION_OVERHEAD_BYTES + 64;

/**
 * Steps that link cells to documents: one `Range.hyperlink = {address, textToDisplay}` per cell
 * (Excel applies a link set on a block to every cell but shows the text only in the first, and
 * per-cell properties in one call need ExcelApi 1.9), or, for a link whose URL is "", the cell's
 * link removed (`clear("RemoveHyperlinks")`, content and formats kept); cut into pieces of at
 * most `sliceBytes` like the matrices.
 * @param links - the cells, with the text each shows as written to `values` (escaped)
 * @param cellAt - the cell at a block's row and column
 * @param sliceBytes - the largest piece (SLICE_BYTES by default)
 */
export function linkSteps(links: readonly LinkWrite[], cellAt: (row: number, col: number) => Excel.Range, sliceBytes = SLICE_BYTES): Step[] {
  const steps: Step[] = [];
  let start = 0;
  let bytes = 0;
  const flush = (end: number) => {
    if (end > start) {
      const from = start;
      steps.push({
        bytes,
        run: () => {
          for (let i = from; i < end; i++) {
            const { row, col, url, text } = links[i];
            if (url === "") cellAt(row, col).clear("RemoveHyperlinks");
            else cellAt(row, col).hyperlink = { address: url, textToDisplay: unescapeCellText(String(text)) };
          }
        },
      });
    }
    start = end;
    bytes = 0;
  };
  links.forEach((link, i) => {
    const size = LINK_OVERHEAD_BYTES + cellBytes(link.url) + cellBytes(link.text);
    if (i > start && bytes + size > sliceBytes) flush(i);
    bytes += size;
  });
  flush(links.length);
  return steps;
}

/**
 * The link steps of one column of a freshly written block: a link for each cell that has a URL.
 * @param urls - one URL per row of the block, "" for a cell without a link
 * @param texts - the text of each cell as written to `values` (escaped)
 * @param cellAt - the cell of row `i` of the block
 */
export function hyperlinkSteps(urls: readonly string[], texts: readonly Cell[], cellAt: (i: number) => Excel.Range, sliceBytes = SLICE_BYTES): Step[] {
  const links = urls.flatMap((url, row) => (url === "" ? [] : [{ row, col: 0, url, text: texts[row] }]));
  return linkSteps(links, (row) => cellAt(row), sliceBytes);
}

/** A request of runSteps failed: the steps before `firstUnsent` were sent, `sentFrom` on may or may not have been applied. */
export class StepsFailedError extends Error {
  constructor(
    /** The error of the failed sync. */
    readonly failure: unknown,
    /** Index of the first step of the failed request. */
    readonly sentFrom: number,
    /** Index of the first step never sent (after the failed request). */
    readonly firstUnsent: number,
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
    this.name = "StepsFailedError";
  }
}

/**
 * Runs steps in requests: queues each request's steps, then syncs once per request.
 * @param limits - payload limits (Excel on the web's by default)
 * @returns the number of syncs made
 * @throws StepsFailedError when a sync fails: which steps were sent
 */
export async function runSteps(context: Excel.RequestContext, steps: readonly Step[], onProgress?: Progress, limits: PayloadLimits = EXCEL_LIMITS): Promise<number> {
  if (steps.length === 0) return 0;
  const requests = packRequests(
    steps.map((s) => s.bytes),
    limits.requestBytes,
  );
  for (let i = 0; i < requests.length; i++) {
    try {
      // A step that throws while queuing counts as its request failing: what it queued before goes
      // out with the next sync, so the caller's repair (which reads first) sees it applied.
      for (const index of requests[i]) steps[index].run();
      await context.sync();
    } catch (error) {
      const request = requests[i];
      throw new StepsFailedError(error, request[0], request[request.length - 1] + 1);
    }
    onProgress?.(i + 1, requests.length);
  }
  return requests.length;
}

/** An action whose writes failed, after what they changed was put back (or could not be). */
export class WritesFailedError extends Error {
  constructor(
    /** The error Excel gave for the failed write. */
    readonly failure: unknown,
    /** True when every change was undone: the workbook is as it was before the action. */
    readonly restored: boolean,
    /** Why putting back failed, when it did. */
    readonly restoreError: unknown,
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}
