/* Excel on the web refuses a request (one context.sync) whose payload passes 5 MB, and fails one
 * whose response does: 5,000,000 bytes, counted as the JSON the request or response carries. The
 * adapter queues its writes as steps with a size and packs them, in order, into requests of at
 * most 4,000,000 bytes (one sync when everything fits); it reads large ranges in row slices sized
 * the same way. The million bytes left over are for what the count leaves out (the envelope of
 * each operation beyond OPERATION_OVERHEAD_BYTES). */
import type { Cell } from "./plan";

/** Excel on the web's limit on one request and on one response: 5,000,000 bytes, not 5 MiB. */
export const REQUEST_LIMIT_BYTES = 5_000_000;
/** The most one request (or one response) of ours carries, by our count: a fifth under the limit. */
export const CHUNK_BYTES = 4_000_000;
/** What one queued operation adds to a request besides its data (ids, method, property names): a generous guess. */
export const OPERATION_OVERHEAD_BYTES = 256;

function utf8StringBytes(text: string): number {
  let bytes = 2; // the quotes
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes += 2; // \" and \\
    else if (code < 0x20) bytes += code === 0x0a || code === 0x0d || code === 0x09 || code === 0x08 || code === 0x0c ? 2 : 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The bytes one cell takes in a request's JSON.
 * @example cellBytes("₩") // 5 (two quotes and three UTF-8 bytes)
 */
export function cellBytes(value: Cell | null): number {
  if (typeof value === "string") return utf8StringBytes(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === "boolean") return value ? 4 : 5;
  return 4; // null
}

/**
 * The bytes a row takes in a request's JSON: its cells, commas and brackets.
 * @example rowBytes([1, "a"]) // 7, as JSON.stringify([1,"a"]).length
 */
export function rowBytes(row: readonly (Cell | null)[]): number {
  let bytes = 2 + Math.max(0, row.length - 1);
  for (const cell of row) bytes += cellBytes(cell);
  return bytes;
}

/**
 * The bytes a 2-D array takes in a request's JSON (exactly `JSON.stringify(matrix)`'s UTF-8 length).
 * @example matrixBytes([[1, 2], [3, 4]]) // 13
 */
export function matrixBytes(matrix: readonly (readonly (Cell | null)[])[]): number {
  let bytes = 2 + Math.max(0, matrix.length - 1);
  for (const row of matrix) bytes += rowBytes(row);
  return bytes;
}

/**
 * Cuts a matrix into consecutive row ranges of at most `maxBytes` each (a single row larger than
 * that gets a range of its own).
 * @param rows - the rows to cut
 * @param maxBytes - the most one range may take
 * @returns [start, end) ranges covering every row, in order
 * @example rowSlices([[1], [2], [3]], 8) // [[0, 2], [2, 3]]
 */
export function rowSlices(rows: readonly (readonly (Cell | null)[])[], maxBytes: number): Array<[number, number]> {
  const slices: Array<[number, number]> = [];
  let start = 0;
  let bytes = 2;
  for (let i = 0; i < rows.length; i++) {
    const size = rowBytes(rows[i]) + 1;
    if (i > start && bytes + size > maxBytes) {
      slices.push([start, i]);
      start = i;
      bytes = 2;
    }
    bytes += size;
  }
  if (rows.length > 0) slices.push([start, rows.length]);
  return slices;
}

/**
 * Groups steps, in order, into requests of at most `requestBytes` each (all in one when they fit;
 * a step larger than that alone). Order is kept: a request holds consecutive steps.
 * @param sizes - each step's bytes (data plus {@link OPERATION_OVERHEAD_BYTES})
 * @param requestBytes - the most one request carries ({@link CHUNK_BYTES} by default)
 * @returns the steps' indices, one array per request
 * @example packRequests([3_000_000, 3_000_000]) // [[0], [1]]
 */
export function packRequests(sizes: readonly number[], requestBytes = CHUNK_BYTES): number[][] {
  const requests: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  sizes.forEach((size, i) => {
    if (current.length > 0 && bytes + size > requestBytes) {
      requests.push(current);
      current = [];
      bytes = 0;
    }
    current.push(i);
    bytes += size;
  });
  if (current.length > 0) requests.push(current);
  return requests;
}
