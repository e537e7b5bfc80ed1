/* Specifications of the Node.js versions AIFIN states: package.json's `engines` (which npm checks),
 * the README (which a newcomer reads) and CI (.ci/run) say the same range, and it is a range every
 * installed dependency accepts (an `npm install` on it prints no EBADENGINE warning). */
import fs from "fs";
import path from "path";
import semver from "semver";

const root = path.resolve(__dirname, "../..");
const ours = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { engines: { node: string } }).engines.node;

/** Every installed package's declared Node.js range, by its folder under node_modules. */
function declaredRanges(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const folder = path.join(dir, entry.name);
      if (entry.name.startsWith("@")) {
        walk(folder);
        continue;
      }
      const manifest = path.join(folder, "package.json");
      if (fs.existsSync(manifest)) {
        const engines = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { engines?: { node?: unknown } }).engines;
        if (typeof engines?.node === "string") out.push([path.relative(path.join(root, "node_modules"), folder), engines.node]);
      }
      walk(path.join(folder, "node_modules"));
    }
  };
  walk(path.join(root, "node_modules"));
  return out;
}

describe("the Node.js versions AIFIN states", () => {
  it("are a valid range", () => {
    expect(semver.validRange(ours)).not.toBeNull();
  });

  it("are accepted by every installed dependency (Fluent UI declares ^22 || ^24, webpack-cli's rechoir ≥ 22.15)", () => {
    const ranges = declaredRanges();
    expect(ranges.length).toBeGreaterThan(100);
    const refusing = ranges.filter(([, range]) => !semver.subset(ours, range)).map(([name, range]) => `${name} (${range})`);
    expect(refusing).toEqual([]);
  });

  it("are the ones the README states", () => {
    expect(fs.readFileSync(path.join(root, "README.md"), "utf8")).toContain(`Node.js \`${ours}\``);
  });

  describe("are the ones CI runs on (.ci/run, through scripts/ci-node.cjs)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ciNode = require("../../scripts/ci-node.cjs") as { enginesRange(): string; newestMajor(range: string): number; satisfies(version: string, range: string): boolean };

    it("reads the range from package.json", () => {
      expect(ciNode.enginesRange()).toBe(ours);
      expect(fs.readFileSync(path.join(root, ".ci/run"), "utf8")).toContain("node scripts/ci-node.cjs");
    });

    it.each(["v20.20.2", "v21.7.0", "v22.14.0", "v22.15.0", "v22.23.5", "v23.0.0", "v24.0.0", "v24.22.3", "v25.1.0", "v26.0.0"])("judges %s as semver does", (version) => {
      expect(ciNode.satisfies(version, ours)).toBe(semver.satisfies(version, ours));
    });

    it("fetches the newest major the range names when the running Node is outside it", () => {
      expect(ciNode.newestMajor(ours)).toBe(semver.major(semver.minVersion(ours.split("||").pop() ?? "") ?? "0.0.0"));
      expect(ciNode.satisfies(`v${ciNode.newestMajor(ours)}.99.0`, ours)).toBe(true);
    });

    it("refuses a range form it does not understand rather than guessing", () => {
      expect(() => ciNode.satisfies("v22.0.0", "22.x")).toThrow(/not understood/);
    });
  });
});
