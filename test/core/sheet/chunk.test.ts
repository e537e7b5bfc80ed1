import fc from "fast-check";
import { CHUNK_BYTES, REQUEST_LIMIT_BYTES, cellBytes, matrixBytes, packRequests, rowSlices } from "../../../src/core/sheet/chunk";

const utf8 = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");
const cell = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean());

describe("byte estimates", () => {
  it.each([["abc"], ["₩#,##0"], ['quote " and \\ slash'], ["😀"], ["line\nbreak\u0001"], [123456789], [-1.5], [true], [false]])("cellBytes(%j) is its JSON's UTF-8 length", (value) => {
    expect(cellBytes(value)).toBe(utf8(value));
  });

  it("matrixBytes is JSON.stringify's UTF-8 length", () => {
    fc.assert(fc.property(fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 5 }), (m) => matrixBytes(m) === utf8(m)));
  });
});

describe("rowSlices", () => {
  it("covers every row once, in order, each slice within the limit unless a single row is larger", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 4 }), { maxLength: 40 }), fc.integer({ min: 10, max: 200 }), (rows, max) => {
        const slices = rowSlices(rows, max);
        let next = 0;
        for (const [start, end] of slices) {
          if (start !== next || end <= start) return false;
          if (end - start > 1 && matrixBytes(rows.slice(start, end)) > max) return false;
          next = end;
        }
        return next === rows.length;
      }),
    );
  });
});

describe("packRequests", () => {
  it("keeps everything in one request when it fits 4,000,000 bytes", () => {
    expect(packRequests([1_000_000, 2_000_000, 900_000])).toEqual([[0, 1, 2]]);
  });

  it("splits into requests of at most 4,000,000 bytes otherwise, in order", () => {
    const sizes = [3_000_000, 1_000_000, 2_500_000, 500, 3_900_000];
    const requests = packRequests(sizes);
    expect(requests).toEqual([[0, 1], [2, 3], [4]]);
    for (const r of requests) expect(r.reduce((a, i) => a + sizes[i], 0)).toBeLessThanOrEqual(CHUNK_BYTES);
  });

  it("splits 4.9 MB: under 5 MiB, but over the 5,000,000 bytes Excel on the web counts", () => {
    expect(packRequests([2_450_000, 2_450_000])).toEqual([[0], [1]]);
  });

  it("counts the limit as Excel on the web does: 5,000,000 bytes, a fifth kept in reserve", () => {
    expect(REQUEST_LIMIT_BYTES).toBe(5_000_000);
    expect(CHUNK_BYTES).toBe(4_000_000);
  });
});
