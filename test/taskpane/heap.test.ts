import { datasetById } from "../../src/core/data/catalog";
import { TABLE_COLUMNS } from "../../src/core/sheet/plan";
import { peakHeapLoad100k, peakHeapOfLoad, valuesBytes } from "./heap";

describe("the pane's heap while preparing a load (bench: peak_heap_mb_load_100k)", () => {
  it("sizes values as UTF-16 text and 8-byte numbers", () => {
    expect(valuesBytes([["ab", 1, ""], [true, "한국"]])).toBe(4 + 8 + 0 + 8 + 4);
  });

  it("stays within 3× the size of the values for 100,000 cells", async () => {
    const figure = await peakHeapLoad100k();
    expect(figure.gc).toBe(true);
    expect(figure.cells).toBeGreaterThanOrEqual(100_000);
    expect(figure.values_mb).toBeGreaterThan(1);
    expect(figure.peak_heap_mb).toBeGreaterThan(figure.values_mb * 0.5); // it measures something
    expect(figure.ratio).toBeLessThanOrEqual(3);
    expect(figure.ratio).toBeCloseTo(figure.peak_heap_mb / figure.values_mb, 1);
  }, 60_000);

  it("measures a small load too", async () => {
    const dataset = datasetById("bigtech-capex");
    const figure = await peakHeapOfLoad(dataset);
    expect(figure.cells).toBe(dataset.rows.length * TABLE_COLUMNS.length);
    expect(figure.request_json_mb).toBeGreaterThanOrEqual(0);
  });
});
