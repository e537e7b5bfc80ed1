/* Korean custom-function metadata, derived at build time from the generated functions.json and a
 * hand-kept translation table (src/functions/functions.ko.json). The metadata plugin writes only
 * English; Excel reads functions-ko.json through the manifest's ko-KR override. */
const fs = require("fs");

/**
 * Builds the Korean metadata from the English metadata and the translation table.
 * @param {{functions: Array<{id: string, description?: string, parameters?: Array<{name: string, description?: string}>, result?: object}>}} metadata
 * @param {Record<string, {description: string, parameters?: Record<string, string>}>} table
 * @returns {{metadata: object, problems: string[]}} problems is empty when every function and
 *   parameter has a translation and the table names nothing that does not exist.
 */
function deriveKorean(metadata, table) {
  const problems = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(table)) {
    if (!ids.has(id)) problems.push(`functions.ko.json translates ${id}, which is not a function`);
  }
  const functions = metadata.functions.map((fn) => {
    const entry = table[fn.id];
    if (!entry || !entry.description) {
      problems.push(`${fn.id} has no Korean description`);
      return fn;
    }
    const params = entry.parameters || {};
    const names = new Set((fn.parameters || []).map((p) => p.name));
    for (const name of Object.keys(params)) {
      if (!names.has(name)) problems.push(`functions.ko.json translates ${fn.id}(${name}), which is not a parameter`);
    }
    const parameters = (fn.parameters || []).map((p) => {
      if (!params[p.name]) problems.push(`${fn.id}(${p.name}) has no Korean description`);
      return { ...p, description: params[p.name] || p.description };
    });
    return { ...fn, description: entry.description, parameters };
  });
  return { metadata: { ...metadata, functions }, problems };
}

/** Webpack plugin: emits `output` from `input` (an emitted asset) and `table`; problems fail the build. */
class KoreanMetadataPlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    const { input, output, table } = this.options;
    compiler.hooks.thisCompilation.tap("KoreanMetadataPlugin", (compilation) => {
      const { Compilation, sources, WebpackError } = compiler.webpack;
      compilation.fileDependencies.add(table);
      compilation.hooks.processAssets.tap(
        // Derived from the finished functions.json (HostOptionsPlugin writes it at ADDITIONAL).
        { name: "KoreanMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_DERIVED },
        () => {
          const asset = compilation.getAsset(input);
          if (!asset) {
            compilation.errors.push(new WebpackError(`${input} was not generated, so ${output} cannot be derived`));
            return;
          }
          const english = JSON.parse(asset.source.source().toString());
          const translations = JSON.parse(fs.readFileSync(table, "utf8"));
          const { metadata, problems } = deriveKorean(english, translations);
          for (const p of problems) compilation.errors.push(new WebpackError(p));
          compilation.emitAsset(output, new sources.RawSource(JSON.stringify(metadata, null, 2)));
        },
      );
    });
  }
}

module.exports = { deriveKorean, KoreanMetadataPlugin };
