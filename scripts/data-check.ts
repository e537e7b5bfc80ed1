/* npm run data:check — validates every file in data/ (schema and cross-checks) and that the
 * functions bundle embeds exactly the dataset files there. Prints one line per file; exits 1
 * with the problems otherwise. Run: npx tsx scripts/data-check.ts */
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { checkData, type DataFile } from "../src/core/data/schema";
import { allDatasets } from "../src/core/data/catalog";
import { coverageReport } from "../src/core/data/coverage";

const dataDir = resolve(__dirname, "..", "data");
const problems: string[] = [];

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as unknown;
  } catch (error) {
    problems.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

const datasets: DataFile[] = readdirSync(join(dataDir, "datasets"))
  .filter((file) => file.endsWith(".json"))
  .sort()
  .map((file) => ({ file, json: readJson(join(dataDir, "datasets", file)) }));

const result = checkData({
  companies: readJson(join(dataDir, "companies.json")),
  metrics: readJson(join(dataDir, "metrics.json")),
  policy: readJson(join(dataDir, "sources-policy.json")),
  rates: readJson(join(dataDir, "fx", "ecb-reference-rates.json")),
  datasets,
  embeddedIds: allDatasets().map((d) => d.meta.id),
});

for (const line of result.lines) console.log(line);
if (result.problems.length === 0) for (const line of coverageReport(result.datasets)) console.log(line);
problems.push(...result.problems);
if (problems.length > 0) {
  console.error(`\ndata check failed, ${problems.length} problem${problems.length === 1 ? "" : "s"}:`);
  for (const problem of problems) console.error(`- ${problem}`);
  process.exit(1);
}
