import { AifinError } from "../../src/core/errors";

/** The AifinError `run` throws (fails the test if it throws nothing or something else). */
export function failure(run: () => unknown): AifinError {
  try {
    run();
  } catch (error) {
    if (error instanceof AifinError) return error;
    throw error;
  }
  throw new Error("expected an AifinError, nothing was thrown");
}
