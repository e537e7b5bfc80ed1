/* Bundles the benchmark the way the add-in ships (production mode: modules concatenated and
 * minified), so it measures the code Excel runs rather than a per-module CommonJS transform. */
const path = require("path");

module.exports = {
  mode: "production",
  target: "node20",
  entry: path.resolve(__dirname, "bench.ts"),
  output: { path: path.resolve(__dirname, "../.bench"), filename: "bench.cjs", clean: true },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true, transpileOnly: true } } }],
  },
  performance: { hints: false },
  stats: "errors-warnings",
};
