/* Build of the local preview workbook, separate from the add-in (webpack.config.js), so that
 * HyperFormula and the preview never enter dist/functions.js or dist/taskpane.js. Run it after
 * the add-in build, into the same dist/:
 *
 *   dist/preview/index.html, workbook.js  the preview workbook page (grid + HyperFormula)
 *   dist/preview/host.js                  the shim the pane page loads after office.js
 *   dist/preview/office-js/…              office.js from the local @microsoft/office-js package
 *   dist/taskpane-preview.html            the BUILT dist/taskpane.html with only the office.js tag
 *                                         swapped for the local copy + shim (same folder as the
 *                                         original, so its relative URLs resolve identically)
 *
 *   npx webpack --config webpack.preview.config.js --mode production
 */
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/package.json"));
/** What office.js loads outside Office (checked in Chromium: office.js, then the O15 init helper). */
const OFFICE_JS_FILES = ["office.js", "o15apptofilemappingtable.js", "en-us/office_strings.js", "ko-kr/office_strings.js"];
/** The CDN office.js tag, quoted or not (a production build minifies the page). */
const CDN_OFFICE_JS = /<script\b[^>]*\bsrc=(["']?)https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js\1[^>]*>\s*<\/script>/i;

/**
 * Derives dist/taskpane-preview.html from the built dist/taskpane.html: the CDN office.js tag
 * becomes the local office.js preceded by `OsfOptOut` (office.js otherwise navigates a framed page
 * to about:blank) and followed by the preview's host shim; a CSP keeps office.js's telemetry frame
 * from loading. Everything else, including the add-in's own script tags, is the built page.
 */
class PreviewPanePagePlugin {
  constructor(options) {
    this.source = options.source;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("PreviewPanePagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "PreviewPanePagePlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const { RawSource } = compiler.webpack.sources;
        compilation.fileDependencies.add(this.source);
        if (!fs.existsSync(this.source)) {
          compilation.errors.push(new compiler.webpack.WebpackError(`${this.source} is missing: build the add-in first (npm run build), then the preview.`));
          return;
        }
        const html = fs.readFileSync(this.source, "utf8");
        if (!CDN_OFFICE_JS.test(html)) {
          compilation.errors.push(new compiler.webpack.WebpackError(`${this.source} does not load office.js from Microsoft's CDN: the preview cannot swap in the local copy.`));
          return;
        }
        const local = [
          '<meta http-equiv="Content-Security-Policy" content="frame-src \'self\'">',
          '<script src="preview/office-js-setup.js"></script>',
          '<script src="preview/office-js/office.js"></script>',
          '<script src="preview/host.js"></script>',
        ].join("\n  ");
        const page = html.replace(CDN_OFFICE_JS, `<!-- AIFIN preview: office.js from the local @microsoft/office-js package, then the preview host shim. -->\n  ${local}`);
        compilation.emitAsset("taskpane-preview.html", new RawSource(page));
        compilation.emitAsset(
          "preview/office-js-setup.js",
          new RawSource(
            "/* office.js redirects a framed page it does not know to about:blank unless OsfOptOut is defined; the preview frames the pane. */\nwindow.OsfOptOut = true;\n",
          ),
        );
      });
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  void argv;
  const dist = path.resolve(__dirname, env.dist || process.env.AIFIN_DIST || "dist");
  return {
    name: "preview",
    // Never an eval devtool: the pane page's Content-Security-Policy allows no eval, and host.js runs there.
    devtool: "source-map",
    entry: {
      "preview/workbook": "./preview/workbook/main.ts",
      "preview/host": "./preview/host/main.ts",
    },
    output: {
      path: dist,
      filename: "[name].js",
      clean: false,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true } } }],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "preview/index.html",
        template: "./preview/workbook/index.html",
        chunks: ["preview/workbook"],
      }),
      new CopyWebpackPlugin({
        patterns: OFFICE_JS_FILES.map((f) => ({ from: path.join(OFFICE_JS_DIR, "dist", f), to: `preview/office-js/${f}` })),
      }),
      new PreviewPanePagePlugin({ source: path.join(dist, "taskpane.html") }),
    ],
  };
};
