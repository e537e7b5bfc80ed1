/* npm run data:check — validates every file in data/ (schema and cross-checks) and that the
 * functions bundle embeds exactly the dataset files there. Prints one line per file; exits 1
 * with the problems otherwise. Run: npx tsx scripts/data-check.ts [DATA_DIR] (default: data/). */
import { resolve } from "node:path";
import { checkData } from "../src/core/data/schema";
import { coverageReport } from "../src/core/data/coverage";
import { readDataDir } from "./data-dir";

const dataDir = resolve(process.argv[2] ?? resolve(__dirname, "..", "data"));
const { input, problems } = readDataDir(dataDir);
const result = checkData(input);

for (const line of result.lines) console.log(line);
if (result.problems.length === 0) for (const line of coverageReport(result.datasets)) console.log(line);
problems.push(...result.problems);
if (problems.length > 0) {
  console.error(`\ndata check failed, ${problems.length} problem${problems.length === 1 ? "" : "s"}:`);
  for (const problem of problems) console.error(`- ${problem}`);
  process.exit(1);
}
