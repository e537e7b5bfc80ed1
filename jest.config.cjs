/** Jest: TypeScript through ts-jest; office-addin-manifest stubbed (see platform.md). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test", "<rootDir>/src"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", esModuleInterop: true, resolveJsonModule: true, isolatedModules: true } }],
  },
  reporters: ["default", "<rootDir>/test/setup/summary-reporter.cjs"],
  setupFiles: ["<rootDir>/test/setup/custom-functions.ts"],
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.ts",
  },
};
