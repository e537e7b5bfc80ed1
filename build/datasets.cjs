/* Publishes the curated datasets for the task pane to refresh from: dist/datasets/<id>.json (the
 * file's bytes as they are in data/) and dist/datasets/index.json listing each with its version,
 * as-of date, row count and content hash, and the ECB rates the same way (index.rates). The functions embed their own copy (offline); the
 * schema check runs before the build (npm run data:check). */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

/**
 * The feed index for a folder of dataset files, and the packed ECB rates beside them.
 * @param {string} dir - data/datasets
 * @param {string} [ratesFile] - data/fx/ecb-reference-rates.json: published as `<its id>.json`, listed in `index.rates`
 * @returns {{index: {datasets: object[], rates?: object}, files: Array<{name: string, bytes: Buffer}>}}
 * @throws Error when a file is not named after its id, or a dataset has the rates file's name
 */
function datasetFeed(dir, ratesFile) {
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({ name, bytes: fs.readFileSync(path.join(dir, name)) }));
  const datasets = files.map(({ name, bytes }) => {
    const { meta, rows } = JSON.parse(bytes.toString("utf8"));
    if (`${meta.id}.json` !== name) throw new Error(`${name}: meta.id is '${meta.id}'; the file must be named after it`);
    return {
      id: meta.id,
      title: meta.title,
      version: meta.version,
      asOf: meta.asOf,
      hash: crypto.createHash("sha256").update(bytes).digest("hex"),
      rows: rows.length,
      file: name,
    };
  });
  const index = { datasets };
  if (ratesFile) {
    const bytes = fs.readFileSync(ratesFile);
    const { meta } = JSON.parse(bytes.toString("utf8"));
    const name = `${meta.id}.json`;
    if (files.some((f) => f.name === name)) throw new Error(`${name}: a dataset has the rates file's name`);
    index.rates = { id: meta.id, version: meta.version, asOf: meta.last, hash: crypto.createHash("sha256").update(bytes).digest("hex"), days: meta.days, file: name };
    files.push({ name, bytes });
  }
  return { index, files };
}

/** Webpack plugin: emits the feed under `datasets/`. */
class DatasetFeedPlugin {
  constructor(options) {
    this.dir = options.dir;
    this.rates = options.rates;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("DatasetFeedPlugin", (compilation) => {
      const { Compilation, sources } = compiler.webpack;
      compilation.contextDependencies.add(this.dir);
      if (this.rates) compilation.fileDependencies.add(this.rates);
      compilation.hooks.processAssets.tap({ name: "DatasetFeedPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const { index, files } = datasetFeed(this.dir, this.rates);
        for (const { name, bytes } of files) compilation.emitAsset(`datasets/${name}`, new sources.RawSource(bytes));
        compilation.emitAsset("datasets/index.json", new sources.RawSource(JSON.stringify(index, null, 2)));
      });
    });
  }
}

module.exports = { datasetFeed, DatasetFeedPlugin };
