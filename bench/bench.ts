/* `npm run bench`: measures, in one run on this machine, and prints one JSON object.
 * Speed goals are compared as ratios measured in the same run (machines are shared and noisy). */
import "../test/setup/custom-functions";
import currency from "currency.js";
import { usdToKrwFunction } from "../src/functions/functions";

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

const exact = nsPerValue(() => {
  const out = usdToKrwFunction(column, RATE);
  sink += out.length;
}, N);

const currencyNaive = nsPerValue(() => {
  let total = 0;
  for (let i = 0; i < N; i++) total += currency(values[i]).multiply(RATE).value;
  sink += total;
}, N);

const round = (x: number) => Math.round(x * 100) / 100;
const result = {
  values: N,
  usd_to_krw_ns_per_value: round(exact),
  float_baseline_ns_per_value: round(floatBaseline),
  ratio_vs_float: round(exact / floatBaseline),
  currencyjs_naive_ns_per_value: round(currencyNaive),
  currencyjs_ratio_vs_float: round(currencyNaive / floatBaseline),
  node: process.version,
};
if (sink === -1) console.error("unreachable");
console.log(JSON.stringify(result, null, 2));
