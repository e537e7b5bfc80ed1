/* `npm start`: builds the add-in and the preview workbook (development, rebuilt on change), serves
 * dist/ twice — https://localhost:3000 for Excel (the manifest's URLs, webpack-dev-server's
 * self-signed certificate, as before) and http://127.0.0.1:3001/preview/ for the preview workbook
 * (plain http: no certificate to accept) — opens the preview in a browser when there is a
 * display (else prints its address), and prints how to sideload the manifest.
 *
 * Environment: AIFIN_PREVIEW_PORT (default 3001), BROWSER=none (do not open a browser).
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const { startStaticServer } = require("./preview-server.cjs");
const { sideloadInstructions } = require("../build/sideload.cjs");

/** The add-in's own build (webpack.config.js, unchanged) as `webpack serve --mode development` runs it. */
function addinConfig() {
  const config = require(path.join(root, "webpack.config.js"))({}, { mode: "development" });
  config.mode = "development";
  config.name = "addin";
  // The pages' Content-Security-Policy allows no eval: a development build must not use eval source maps.
  if (String(config.devtool).includes("eval")) config.devtool = "source-map";
  // The add-in build cleans dist/; the preview's files live there too.
  config.output = { ...config.output, clean: { keep: /^(preview[\\/]|taskpane-preview\.html)/ } };
  return config;
}

function previewConfig() {
  const config = require(path.join(root, "webpack.preview.config.js"))({}, { mode: "development" });
  config.mode = "development";
  config.dependencies = ["addin"];
  return config;
}

/** True when a browser window can be opened here. */
function hasDisplay() {
  if (process.env.BROWSER === "none" || process.env.CI) return false;
  if (process.platform === "darwin" || process.platform === "win32") return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function openBrowser(url) {
  const [cmd, args] =
    process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : ["xdg-open", [url]];
  try {
    const child = spawn(cmd, args, { stdio: "ignore", detached: true });
    child.on("error", () => console.log(`(Could not open a browser: open ${url} yourself.)`));
    child.unref();
  } catch {
    console.log(`(Could not open a browser: open ${url} yourself.)`);
  }
}

async function main() {
  const addin = addinConfig();
  const compiler = webpack([addin, previewConfig()]);
  const devServer = new WebpackDevServer(
    {
      ...addin.devServer,
      // build/sideload.cjs is printed below, once, with the preview's address.
      onListening: undefined,
    },
    compiler,
  );

  let preview = null;
  let announcedAt = 0;
  compiler.hooks.done.tap("aifin-preview-start", async (stats) => {
    if (stats.hasErrors()) {
      // The first preview build can run before the add-in's page is on disk; it builds again when it is.
      if (announcedAt) console.error("\nThe build has errors (above); the preview shows the last good build.\n");
      return;
    }
    if (announcedAt) {
      // The preview page is derived from the add-in's page, so it follows each add-in rebuild once more.
      if (Date.now() - announcedAt > 5000) console.log(`Rebuilt: reload ${preview.url}preview/ to see the change.`);
      return;
    }
    announcedAt = Date.now();
    const wanted = Number(process.env.AIFIN_PREVIEW_PORT ?? 3001);
    try {
      preview = await startStaticServer({ root: path.join(root, "dist"), port: wanted });
    } catch {
      preview = await startStaticServer({ root: path.join(root, "dist"), port: 0 });
    }
    const address = `${preview.url}preview/`;
    console.log(sideloadInstructions(`https://localhost:${addin.devServer.port}/`));
    console.log("No Excel here? The preview workbook runs the same add-in in your browser:");
    console.log(`  ${address}`);
    console.log("  (a spreadsheet calculated by HyperFormula with the real task pane beside it; Ctrl+C stops both servers)\n");
    if (hasDisplay()) openBrowser(address);
  });

  const stop = async () => {
    await devServer.stop().catch(() => undefined);
    if (preview) await preview.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await devServer.start();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
