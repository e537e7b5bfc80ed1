/* `npm run bench`: measures, in one run on this machine, and prints one JSON object.
 * Speed goals are compared as ratios measured in the same run (machines are shared and noisy). */
import "../test/setup/custom-functions";
import currency from "currency.js";
import fs from "fs";
import path from "path";
import zlib from "zlib";
import { usdToKrwFunction } from "../src/functions/functions";
import { parseAmount, prepareRate, usdToKrw } from "../src/core/money";
import { loadCorpus } from "../test/corpus/load";
import { syncCounts } from "../test/taskpane/sync-count";
import { engineRatioCustomVsNative, taskpaneReadyMs } from "../preview/bench";
import { peakHeapLoad100k } from "../test/taskpane/heap";

const N = 1_000_000;
const RATE = 1320;
const ROUNDS = 7;

/** Deterministic money-like amounts: dollars with cents, up to a billion. */
function amounts(n: number): number[] {
  let seed = 0x2024;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    out[i] = Math.round((seed / 2 ** 32) * 1e11) / 100;
  }
  return out;
}

/** Median nanoseconds per value of `run` over ROUNDS rounds. */
function nsPerValue(run: () => unknown, n: number): number {
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / n);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const values = amounts(N);
const column = values.map((x) => [x]);
let sink = 0;

const floatBaseline = nsPerValue(() => {
  const out = new Array<number>(N);
  for (let i = 0; i < N; i++) out[i] = Math.round(values[i] * RATE);
  sink += out[N - 1];
}, N);

// The same loop with no output array: the floor of a float conversion, for transparency.
const floatNoOutput = nsPerValue(() => {
  let total = 0;
  for (let i = 0; i < N; i++) total += Math.round(values[i] * RATE);
  sink += total;
}, N);

// The exact core converter alone in a flat loop (no cells, no 2-D result): where the time goes.
const coreExact = nsPerValue(() => {
  const rate = prepareRate(RATE);
  const out = new Array<number>(N);
  for (let i = 0; i < N; i++) out[i] = usdToKrw(values[i], rate);
  sink += out[N - 1];
}, N);

const exact = nsPerValue(() => {
  // With a rate given the function answers at once (its Promise type is for a rate still unknown).
  const out = usdToKrwFunction(column, RATE) as unknown as unknown[][];
  sink += out.length;
}, N);

const currencyNaive = nsPerValue(() => {
  let total = 0;
  for (let i = 0; i < N; i++) total += currency(values[i]).multiply(RATE).value;
  sink += total;
}, N);

// The pasted-amount parser over the corpus of real pasted amounts (refusals included).
const corpus = loadCorpus().map((line) => line.text);
const PARSE_REPEAT = 2000;
const parseNs = nsPerValue(() => {
  for (let r = 0; r < PARSE_REPEAT; r++) {
    for (const text of corpus) {
      try {
        sink += parseAmount(text).value.e;
      } catch {
        sink += 1;
      }
    }
  }
}, corpus.length * PARSE_REPEAT);

/** Gzipped size of a built file (npm run bench builds first). */
function gzipBytes(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}
const dist = path.resolve(process.cwd(), "dist");
const datasetsDir = path.resolve(process.cwd(), "data/datasets");
const datasetsMinified = fs
  .readdirSync(datasetsDir)
  .map((f) => JSON.stringify(JSON.parse(fs.readFileSync(path.join(datasetsDir, f), "utf8"))))
  .join("");

const round = (x: number) => Math.round(x * 100) / 100;

async function main(): Promise<void> {
  const result = {
    values: N,
    usd_to_krw_ns_per_value: round(exact),
    float_baseline_ns_per_value: round(floatBaseline),
    ratio_vs_float: round(exact / floatBaseline),
    float_no_output_ns_per_value: round(floatNoOutput),
    ratio_vs_float_no_output: round(exact / floatNoOutput),
    core_usd_to_krw_flat_ns_per_value: round(coreExact),
    core_ratio_vs_float: round(coreExact / floatBaseline),
    currencyjs_naive_ns_per_value: round(currencyNaive),
    currencyjs_ratio_vs_float: round(currencyNaive / floatBaseline),
    parse_ns_per_text: round(parseNs),
    parse_corpus_lines: corpus.length,
    bundle_gzip_bytes: {
      functions: gzipBytes(path.join(dist, "functions.js")),
      taskpane: gzipBytes(path.join(dist, "taskpane.js")),
      datasets_embedded_in_functions: zlib.gzipSync(datasetsMinified, { level: 9 }).length,
    },
    // context.sync calls counted on the simulated workbook (office-addin-mock) for 1k/10k/100k cells.
    load_syncs: await syncCounts(),
    // The pane's heap while preparing a 100,000-cell load, against the size of the values.
    peak_heap_mb_load_100k: await peakHeapLoad100k(),
    // The preview engine (HyperFormula): 10,000 cells of =AIFIN.USD_TO_KRW(A1, 1320) vs =ROUND(A1*1320, 0).
    engine_ratio_custom_vs_native: round((await engineRatioCustomVsNative()).ratio),
    // The built task pane in Debian's Chromium, navigation to Office.onReady painted (median of loads).
    taskpane_ready_ms: round((await taskpaneReadyMs()).median),
    node: process.version,
  };
  if (sink === -1) console.error("unreachable");
  console.log(JSON.stringify(result, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
