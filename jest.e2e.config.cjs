/** Jest for the end-to-end tests (npm run test:e2e): Chromium drives the preview workbook served from
 * dist/. Separate from jest.config.cjs so the unit run stays fast; one test file at a time (each
 * starts its own server and browser). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: { target: "ES2022", module: "commonjs", moduleResolution: "node", esModuleInterop: true, resolveJsonModule: true, isolatedModules: true } }],
  },
  maxWorkers: 1,
  testTimeout: 120_000,
  globalSetup: "<rootDir>/test/e2e/global-setup.cjs",
  reporters: ["default", ["<rootDir>/test/setup/summary-reporter.cjs", { run: "e2e" }]],
};
