/* Build of the AIFIN add-in: the shared-runtime page (task pane + functions), the functions
 * bundle and its generated metadata (English and Korean), assets and the manifest, into dist/.
 *
 *   npm run build                                   production, manifest keeps dev URLs (warned)
 *   AIFIN_PROD_URL=https://host/path/ npm run build production manifest with every dev URL replaced
 *   npm run build -- --env prodUrl=https://host/path/   same, as a webpack --env
 *   --env outDir=<folder>                           build into another folder than dist/ (npm test's
 *                                                   production-URL check uses .build-check/, so
 *                                                   dist/ stays what `npm start` serves)
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { productionManifest, checkManifest, DEV_BASE_URL } = require("./build/manifest.cjs");
const { KoreanMetadataPlugin } = require("./build/functions-ko.cjs");
const { HostOptionsPlugin } = require("./build/functions-json.cjs");
const { DatasetFeedPlugin } = require("./build/datasets.cjs");
const { contentSecurityPolicy } = require("./build/csp.cjs");

const DEV_PORT = 3000;
module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const prodUrl = env.prodUrl || process.env.AIFIN_PROD_URL || "";
  const outDir = path.resolve(__dirname, env.outDir || "dist");

  // The feeds the pane may refresh from besides its own origin (one https URL, or several separated
  // by commas): the page's CSP allows their origins, and the feed-URL setting accepts only those.
  const feedUrl = env.feedUrl || process.env.AIFIN_FEED_URL || "";
  const csp = contentSecurityPolicy(feedUrl);

  /** The manifest as it ships: production URLs when one is given, checked either way. */
  function manifestFor(content) {
    let xml = content.toString("utf8");
    if (prodUrl) xml = productionManifest(xml, prodUrl);
    const problems = checkManifest(xml, { assetsDir: path.resolve(__dirname, "assets"), production: Boolean(prodUrl) });
    if (problems.length > 0) throw new Error("manifest.xml has problems:\n- " + problems.join("\n- "));
    return xml;
  }

  return {
    devtool: production ? "source-map" : "eval-source-map",
    entry: {
      // The functions build in their own layer, so their copy of the datasets can be slimmed.
      functions: { import: "./src/functions/functions.ts", layer: "functions" },
      taskpane: "./src/taskpane/taskpane.ts",
    },
    experiments: { layers: true },
    output: {
      path: outDir,
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true } } },
        { test: /data[\\/](?:datasets[\\/][^\\/]+|metrics)\.json$/, issuerLayer: "functions", use: path.resolve(__dirname, "build/slim-datasets.cjs") },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      // allowErrorForDataTypeAny, which JSDoc cannot say (see build/functions-json.cjs), before the Korean copy is derived.
      new HostOptionsPlugin({ asset: "functions.json" }),
      new KoreanMetadataPlugin({
        input: "functions.json",
        output: "functions-ko.json",
        table: path.resolve(__dirname, "src/functions/functions.ko.json"),
      }),
      new DatasetFeedPlugin({ dir: path.resolve(__dirname, "data/datasets"), rates: path.resolve(__dirname, "data/fx/ecb-reference-rates.json") }),
      // The shared runtime page hosts both the task pane and the functions (one JS context).
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        csp, // written first in <head> by the template: a CSP meta only governs what follows it
      }),
      new HtmlWebpackPlugin({
        filename: "support.html",
        template: "./src/taskpane/support.html",
        inject: false,
        csp,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: manifestFor },
        ],
      }),
      {
        apply(compiler) {
          compiler.hooks.done.tap("AifinManifestNotice", () => {
            if (production && !prodUrl) {
              console.warn(`[aifin] ${path.relative(__dirname, outDir)}/manifest.xml still points at ${DEV_BASE_URL}: set AIFIN_PROD_URL or --env prodUrl=… for a production manifest.`);
            }
          });
        },
      },
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      host: "localhost",
      port: DEV_PORT,
      server: "https",
      headers: { "Access-Control-Allow-Origin": "*" },
      hot: false,
      liveReload: false,
      client: false,
      devMiddleware: { writeToDisk: true },
      onListening(devServer) {
        const { sideloadInstructions } = require("./build/sideload.cjs");
        console.log(sideloadInstructions(`https://localhost:${devServer.server.address().port}/`));
      },
    },
  };
};
