import { message, type Language, type MessageKey, type MessageParams } from "./messages";

/** The Excel error a core failure becomes: #VALUE!, #NUM! or #N/A. */
export type ErrorKind = "value" | "num" | "na";

/**
 * A failure the user must see, with its Excel error kind and a message from the one table.
 * Core code throws it; adapters turn it into an Excel error carrying the message.
 */
export class AifinError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(message(key, params, "en"));
    this.name = "AifinError";
  }

  /** The message in a language ("en" or "ko"). */
  text(lang: Language = "en"): string {
    return message(this.key, this.params, lang);
  }
}

/** Throws an {@link AifinError} unless `condition` holds. */
export function assert(condition: unknown, kind: ErrorKind, key: MessageKey, params: MessageParams = {}): asserts condition {
  if (!condition) throw new AifinError(kind, key, params);
}
