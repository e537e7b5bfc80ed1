/* Queued writes with their size, sent in as few requests as Excel on the web's 5 MB limit allows:
 * one sync when everything fits, otherwise requests of at most 4 MB, in order. */
import { CHUNK_BYTES, OPERATION_OVERHEAD_BYTES, matrixBytes, packRequests, rowSlices, type Cell } from "../../core/sheet";

/** The largest piece of one matrix a step assigns: four of them and the small steps fit one 4 MB request. */
export const SLICE_BYTES = Math.floor(CHUNK_BYTES * 0.24);

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
export type MatrixProperty = "values" | "numberFormat" | "formulasR1C1";

/**
 * Steps that assign `rows` to a range property, cut by rows into pieces of at most 0.96 MB.
 * @param rows - the matrix to assign
 * @param target - the range of `count` rows starting `offset` rows into the matrix's place
 * @param property - "values", "numberFormat" or "formulasR1C1"
 */
export function matrixSteps(rows: readonly (readonly Cell[])[], target: (offset: number, count: number) => Excel.Range, property: MatrixProperty): Step[] {
  // Pieces under a quarter of a request pack into 4 MB requests with little room wasted.
  return rowSlices(rows, SLICE_BYTES).map(([start, end]) => {
    const slice = rows.slice(start, end) as Cell[][];
    return {
      bytes: matrixBytes(slice) + OPERATION_OVERHEAD_BYTES,
      run: () => {
        target(start, end - start)[property] = slice;
      },
    };
  });
}

/**
 * Runs steps in requests: queues each request's steps, then syncs once per request.
 * @returns the number of syncs made
 */
export async function runSteps(context: Excel.RequestContext, steps: readonly Step[], onProgress?: Progress): Promise<number> {
  if (steps.length === 0) return 0;
  const requests = packRequests(steps.map((s) => s.bytes));
  for (let i = 0; i < requests.length; i++) {
    for (const index of requests[i]) steps[index].run();
    await context.sync();
    onProgress?.(i + 1, requests.length);
  }
  return requests.length;
}
