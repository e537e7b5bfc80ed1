/* npm run data:fx on small files made here in the ECB's format (good and bad): what it writes,
 * what it prints, and that a bad file writes nothing. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strToU8, zipSync } from "fflate";

const ROOT = resolve(__dirname, "../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const header = "Date,USD,JPY,KRW,";
const good = `${header}\n1999-01-05,1.1790,130.96,1398.59,\n1999-01-04,1.1789,133.73,1398.59,\n`;

function run(args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(TSX, [join(ROOT, "scripts/data-fx.ts"), ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

describe("npm run data:fx", () => {
  const dir = mkdtempSync(join(tmpdir(), "aifin-fx-"));

  it("builds the data file from a CSV and from the ECB's zip, and says what changed", () => {
    writeFileSync(join(dir, "good.csv"), good);
    const out = join(dir, "rates.json");
    const first = run([join(dir, "good.csv"), "--out", out]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/2 days, 1999-01-04 to 1999-01-05/);
    expect(JSON.parse(readFileSync(out, "utf8")).meta).toMatchObject({ last: "1999-01-05", version: "1999.1.5", base: "EUR" });

    const newer = good.replace(`${header}\n`, `${header}\n1999-01-06,1.1743,131.42,1400.23,\n`);
    writeFileSync(join(dir, "eurofxref-hist.zip"), zipSync({ "eurofxref-hist.csv": strToU8(newer) }));
    const second = run([join(dir, "eurofxref-hist.zip"), "--out", out]);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/1 new day: 1999-01-06 to 1999-01-06 \(was to 1999-01-05\)/);
  }, 60_000);

  it("refuses a bad file with the line and the reason, and writes nothing", () => {
    const bad = good.replace("1398.59,\n1999", "-3,\n1999");
    writeFileSync(join(dir, "bad.csv"), bad);
    const out = join(dir, "never.json");
    const result = run([join(dir, "bad.csv"), "--out", out]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/refused, nothing written/);
    expect(result.out).toMatch(/line 2: KRW on 1999-01-05 is '-3', not a number/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("refuses a zip that does not hold one CSV", () => {
    writeFileSync(join(dir, "empty.zip"), zipSync({ "readme.txt": strToU8("x") }));
    const result = run([join(dir, "empty.zip"), "--dry-run"]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/the zip holds 0 CSV files/);
  }, 60_000);
});
