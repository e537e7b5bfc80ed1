/* Reads the data directory the way `npm run data:check` checks it: the registry, the metric list,
 * the sources policy, the packed ECB rates and every dataset file, parsed but not yet validated.
 * Shared by scripts/data-check.ts and the importers' apply step (scripts/data-import.ts), so both
 * check exactly the same thing. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { DataFile, checkData } from "../src/core/data/schema";
import { allDatasets } from "../src/core/data/catalog";

/** What `checkData` (src/core/data/schema.ts) takes, read from one data directory. */
export type DataInput = Parameters<typeof checkData>[0];

/**
 * Reads every file `npm run data:check` validates.
 * @param dataDir - the data directory (the repository's data/, or a copy)
 * @returns the parsed files, and one line per file that could not be read or parsed
 */
export function readDataDir(dataDir: string): { input: DataInput; problems: string[] } {
  const problems: string[] = [];
  const readJson = (path: string): unknown => {
    try {
      return JSON.parse(readFileSync(path, "utf8")) as unknown;
    } catch (error) {
      problems.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };
  const datasets: DataFile[] = readdirSync(join(dataDir, "datasets"))
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({ file, json: readJson(join(dataDir, "datasets", file)) }));
  const input: DataInput = {
    companies: readJson(join(dataDir, "companies.json")),
    metrics: readJson(join(dataDir, "metrics.json")),
    policy: readJson(join(dataDir, "sources-policy.json")),
    rates: readJson(join(dataDir, "fx", "ecb-reference-rates.json")),
    datasets,
    embeddedIds: allDatasets().map((d) => d.meta.id),
  };
  return { input, problems };
}
