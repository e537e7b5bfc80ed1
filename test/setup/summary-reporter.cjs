/* Prints the plain closing line CI reads ("N passed, N failed") after jest's own summary, and
 * records the counts per jest config in test-results/ so .ci/run can close with the total of the
 * unit and end-to-end runs. */
const fs = require("fs");
const path = require("path");

class SummaryReporter {
  constructor(globalConfig, options = {}) {
    this.config = globalConfig;
    this.run = options.run || "unit";
  }
  onRunComplete(_contexts, results) {
    const counts = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    const tail = counts.skipped > 0 ? `, ${counts.skipped} skipped` : "";
    process.stdout.write(`\nTests: ${counts.passed} passed, ${counts.failed} failed${tail}\n`);
    const dir = path.join(this.config.rootDir, "test-results");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `counts-${this.run}.json`), JSON.stringify(counts));
  }
}
module.exports = SummaryReporter;
