/* npm run data:import end to end on the fixtures, in a copy of data/ whose big-tech and Korean
 * datasets are small hand-curated ones: the proposal and report it writes, bad files refused with
 * nothing written, apply writing the datasets so that npm run data:check passes, and the --fetch
 * refusals that need no network. */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Dataset } from "../../src/core/data/schema";
import { FIXTURES, ROOT, handRow, synthetic } from "./support";

const TSX = join(ROOT, "node_modules/.bin/tsx");

function run(script: string, args: string[], env: Record<string, string> = {}): { code: number; out: string } {
  const clean = { ...process.env, AIFIN_SEC_USER_AGENT: "", AIFIN_DART_KEY: "", ...env };
  try {
    return { code: 0, out: execFileSync(TSX, [join(ROOT, script), ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: clean }) };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}
const importer = (args: string[], env?: Record<string, string>) => run("scripts/data-import.ts", args, env);

/** A copy of data/ with the importers' target datasets replaced by small ones. */
function dataCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "aifin-import-"));
  cpSync(join(ROOT, "data"), join(dir, "data"), { recursive: true });
  const datasets: Dataset[] = [
    synthetic("bigtech-capex", [handRow("microsoft", "capex", "FY2024", 44500000000, "$44.5 billion")]),
    synthetic("bigtech-financials", [handRow("tesla", "revenue", "2024", 97000000000, "$97 billion")]),
    synthetic("korea-ai-investment", [handRow("samsung-electronics", "capex", "2025", 52700000000000, "52조7천억원", "KRW")]),
  ];
  for (const d of datasets) writeFileSync(join(dir, "data/datasets", `${d.meta.id}.json`), `${JSON.stringify(d, null, 1)}\n`);
  return join(dir, "data");
}
const readDataset = (data: string, id: string) => JSON.parse(readFileSync(join(data, "datasets", `${id}.json`), "utf8")) as Dataset;
const sec = (name: string) => join(FIXTURES, "sec", name);
const dart = (name: string) => join(FIXTURES, "dart", name);

describe("npm run data:import", () => {
  const data = dataCopy();
  const work = mkdtempSync(join(tmpdir(), "aifin-proposal-"));
  afterAll(() => {
    rmSync(join(data, ".."), { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it("imports company facts into a proposal and a report, and applies the accepted part so the data check passes", () => {
    const out = join(work, "sec.json");
    const imported = importer(["sec", sec("microsoft-companyfacts.json"), sec("nvidia-companyfacts.json"), "--data", data, "--out", out]);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/^sec import of 2 files: \d+ new, 0 changed, 1 conflicting, 0 confirming, 0 unchanged; 1 restatement$/m);
    expect(imported.out).toMatch(/^ {2}! microsoft:capex:FY2024 \(bigtech-capex\): they differ by 500,000,000 \(1\.14%\)$/m);
    expect(JSON.parse(readFileSync(out, "utf8"))).toMatchObject({ format: "aifin-import-proposal", importer: "sec" });
    expect(readFileSync(join(work, "sec.txt"), "utf8")).toContain("CONFLICTS (a hand-curated figure differs from the filing) (1)");

    const applied = importer(["apply", out, "--accept", "all", "--data", data]);
    expect(applied.code).toBe(0);
    expect(applied.out).toMatch(/^bigtech-capex: 5 added, 0 replaced; 4 sources added; version 1\.0\.0 → 1\.1\.0 \(minor\); asOf 2025-07-30$/m);
    expect(applied.out).toContain("data check (npm run data:check) on the result: passed");
    expect(readDataset(data, "bigtech-capex").rows).toHaveLength(6);
    expect(readDataset(data, "bigtech-capex").rows[0]).toMatchObject({ period: "FY2024", value: 44500000000 });
    expect(run("scripts/data-check.ts", [data]).code).toBe(0);

    const conflict = importer(["apply", out, "--accept", "microsoft:capex:FY2024", "--data", data]);
    expect(conflict.code).toBe(0);
    expect(readDataset(data, "bigtech-capex").meta.version).toBe("2.0.0");
    expect(readDataset(data, "bigtech-capex").rows[0]).toMatchObject({ period: "FY2024", value: 44000000000, source: "sec-0000950170-24-087843" });
    expect(run("scripts/data-check.ts", [data]).code).toBe(0);
  }, 120_000);

  it("refuses to apply a proposal again once the data has moved on, writing nothing", () => {
    const data = dataCopy();
    const out = join(work, "again.json");
    expect(importer(["sec", sec("nvidia-companyfacts.json"), "--data", data, "--out", out]).code).toBe(0);
    expect(importer(["apply", out, "--accept", "all", "--data", data]).code).toBe(0);
    const before = readFileSync(join(data, "datasets/bigtech-financials.json"), "utf8");
    const again = importer(["apply", out, "--accept", "all", "--data", data]);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/refused, nothing written:\n- nvidia:revenue:FY2025-Q4: bigtech-financials changed since the proposal was made/);
    expect(readFileSync(join(data, "datasets/bigtech-financials.json"), "utf8")).toBe(before);
    rmSync(join(data, ".."), { recursive: true, force: true });
  }, 120_000);

  it("imports and applies a year of DART reports", () => {
    const out = join(work, "dart.json");
    const files = ["samsung-2025-q1.json", "samsung-2025-h1.json", "samsung-2025-q3.json", "samsung-2025-annual.json"].map(dart);
    const imported = importer(["dart", ...files, "--data", data, "--out", out]);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/^ {2}! samsung-electronics:capex:2025 \(korea-ai-investment\): they differ by 700,000,000,000 \(1\.35%\)$/m);
    expect(importer(["apply", out, "--accept", "all", "--data", data]).code).toBe(0);
    expect(readDataset(data, "korea-ai-investment").meta).toMatchObject({ version: "1.1.0", asOf: "2026-03-10" });
    expect(run("scripts/data-check.ts", [data]).code).toBe(0);
  }, 120_000);

  it.each([
    ["sec", sec("bad-off-calendar.json"), /- .*bad-off-calendar\.json: PaymentsToAcquirePropertyPlantAndEquipment USD 15500000000 \(2024-07-01 to 2024-10-15/],
    ["sec", sec("bad-malformed.json"), /- .*bad-malformed\.json: malformed JSON/],
    ["dart", dart("bad-status-020.json"), /- .*bad-status-020\.json: DART status 020: 요청 제한을 초과하였습니다\./],
    ["dart", dart("bad-untracked.json"), /- .*bad-untracked\.json: corp_code 00999999 is not a company we track/],
  ])("%s refuses %s with the file and the reason, writing nothing", (kind, file, reason) => {
    const out = join(work, `never-${kind}.json`);
    const result = importer([kind, file, "--data", data, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^refused, nothing written \(1 problem\):$/m);
    expect(result.out).toMatch(reason);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it.each([
    [["sec", "--fetch"], /AIFIN_SEC_USER_AGENT is not set/],
    [["dart", "--fetch"], /AIFIN_DART_KEY is not set/],
  ])("%j refuses before any request when the credential is missing", (args, reason) => {
    const save = join(work, "downloads");
    const result = importer([...args, "--data", data, "--save", save]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^refused, nothing written: /m);
    expect(result.out).toMatch(reason);
    expect(existsSync(save)).toBe(false);
  }, 60_000);

  it.each([
    [["apply", "x.json"], /apply: say what to accept/],
    [["sec"], /sec: name the files to import, or --fetch/],
    [["frobnicate"], /^usage: npm run data:import/m],
  ])("%j is a usage error", (args, message) => {
    const result = importer([...args, "--data", data]);
    expect(result.code).toBe(2);
    expect(result.out).toMatch(message);
  }, 60_000);

  it("refuses a file that is not a proposal", () => {
    const file = join(work, "not-a-proposal.json");
    writeFileSync(file, JSON.stringify({ items: [] }));
    const result = importer(["apply", file, "--accept", "all", "--data", data]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/refused, nothing written: not a proposal made by npm run data:import/);
  }, 60_000);
});
