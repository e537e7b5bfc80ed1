/* Before any end-to-end test: the built add-in and preview must be in dist/ (npm run build, then
 * the preview build that `npm run test:e2e` runs first), and Debian's Chromium must be installed. */
const fs = require("fs");
const path = require("path");

module.exports = async () => {
  const dist = path.resolve(process.env.AIFIN_DIST || path.join(__dirname, "../../dist"));
  const needed = ["functions.js", "functions.json", "taskpane.html", "taskpane.js", "manifest.xml", "taskpane-preview.html", "preview/index.html", "preview/host.js"];
  const missing = needed.filter((f) => !fs.existsSync(path.join(dist, f)));
  if (missing.length > 0) {
    throw new Error(
      `The end-to-end tests need the built add-in and preview in ${dist}; missing: ${missing.join(", ")}.\n` +
        "Run `npm run build` (the add-in), then `npm run test:e2e` (builds the preview, then tests).",
    );
  }
  const chromium = process.env.AIFIN_CHROMIUM || "/usr/bin/chromium";
  if (!fs.existsSync(chromium)) {
    throw new Error(`Chromium is not at ${chromium}: install Debian's package (apt-get install -y chromium) or set AIFIN_CHROMIUM. Never a downloaded browser.`);
  }
};
