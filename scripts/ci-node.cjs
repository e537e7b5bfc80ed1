/* The Node.js CI runs on: the one on PATH when package.json's `engines` accept it, otherwise the
 * newest major the engines name, fetched once from the npm registry (the `node-linux-<arch>`
 * package, which holds the official binary) into a cache folder. Runs before `npm ci`, so it uses
 * no dependency.
 *
 *   node scripts/ci-node.cjs   prints the folder to put first on PATH ("" when the running Node serves)
 *
 * Environment: AIFIN_CI_CACHE (default ~/.cache/aifin-ci). */
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");

/** package.json's engines.node. */
function enginesRange() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).engines.node;
}

function parts(version) {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(String(version).trim());
  if (!m) throw new Error(`not a version: ${version}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function atLeast(v, floor) {
  for (let i = 0; i < 3; i++) if (v[i] !== floor[i]) return v[i] > floor[i];
  return true;
}

/**
 * Whether a version is in an engines range made of `^X.Y.Z` and `>=X.Y.Z` alternatives joined by `||`
 * (the only forms package.json uses; anything else is refused rather than guessed).
 * @param {string} version - e.g. "v22.15.0"
 * @param {string} range - e.g. "^22.15.0 || ^24.0.0"
 * @returns {boolean}
 */
function satisfies(version, range) {
  const v = parts(version);
  return range.split("||").some((alternative) => {
    const m = /^\s*(\^|>=\s*)(\d+\.\d+\.\d+)\s*$/.exec(alternative);
    if (!m) throw new Error(`engines range form not understood: '${alternative.trim()}' (use ^X.Y.Z or >=X.Y.Z)`);
    const floor = parts(m[2]);
    return atLeast(v, floor) && (m[1] !== "^" || v[0] === floor[0]);
  });
}

/**
 * The newest major version a range names (the one CI fetches when the running Node is outside it).
 * @param {string} range
 * @returns {number}
 */
function newestMajor(range) {
  return Math.max(...range.split("||").map((alternative) => parts(alternative.replace(/^\s*(\^|>=)\s*/, ""))[0]));
}

/** Fetches node-linux-<arch>@<major> into the cache (once) and returns its bin folder. */
function fetchNode(major, range) {
  const cache = process.env.AIFIN_CI_CACHE || path.join(os.homedir(), ".cache", "aifin-ci");
  const pkg = `node-${process.platform}-${process.arch}`;
  const dir = path.join(cache, `${pkg}-${major}`);
  const bin = path.join(dir, "package", "bin");
  const node = path.join(bin, "node");
  if (!fs.existsSync(node)) {
    fs.mkdirSync(dir, { recursive: true });
    const file = execFileSync("npm", ["pack", `${pkg}@${major}`, "--silent", "--pack-destination", dir], { encoding: "utf8" }).trim().split("\n").pop();
    execFileSync("tar", ["xzf", path.join(dir, file), "-C", dir]);
    fs.rmSync(path.join(dir, file));
  }
  const version = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
  if (!satisfies(version, range)) throw new Error(`${pkg}@${major} is ${version}, outside the engines range ${range}`);
  return bin;
}

if (require.main === module) {
  const range = enginesRange();
  if (satisfies(process.version, range)) {
    process.stdout.write("");
  } else {
    const major = newestMajor(range);
    console.error(`== node ${process.version} is outside package.json's engines (${range}): using Node.js ${major} from the npm registry`);
    process.stdout.write(fetchNode(major, range));
  }
}

module.exports = { enginesRange, newestMajor, satisfies };
