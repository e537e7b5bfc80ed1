/* The CustomFunctions global Excel provides, for tests in node (platform.md: tests must stub it).
 * Error keeps its code and message so tests can assert on both; associate records registrations. */
class StubError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? "");
    this.name = "CustomFunctions.Error";
  }
}

const registrations = new Map<string, (...args: unknown[]) => unknown>();

const stub = {
  Error: StubError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
  associate(id: string, fn: (...args: unknown[]) => unknown) {
    registrations.set(id, fn);
  },
  registrations,
};

(globalThis as unknown as { CustomFunctions: typeof stub }).CustomFunctions = stub;
