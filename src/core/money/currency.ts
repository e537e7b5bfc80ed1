import { AifinError } from "../errors";
import type { Currency } from "./parse";

/** Currency names a user may type for a function's currency argument, by currency. */
const NAMES: Readonly<Record<Currency, readonly string[]>> = {
  USD: ["usd", "us$", "$", "dollar", "dollars", "달러", "미국달러", "불"],
  KRW: ["krw", "₩", "￦", "won", "원", "원화"],
};

/**
 * Reads a currency argument: "USD"/"KRW" and their common names and symbols, any case.
 * @param text - what the user typed; blank or null means "as published"
 * @returns "USD", "KRW", or null for blank
 * @throws AifinError #VALUE! "unknownCurrency" for anything else
 * @example currencyCode("원") // "KRW"
 */
export function currencyCode(text: string | null | undefined): Currency | null {
  if (text === null || text === undefined || text.trim() === "") return null;
  // No currency name is long: refused before NFKC, which may make a long text 18× longer.
  if (text.length > 32) throw new AifinError("value", "unknownCurrency", { text });
  const key = text.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, "");
  for (const currency of Object.keys(NAMES) as Currency[]) {
    if (NAMES[currency].includes(key)) return currency;
  }
  throw new AifinError("value", "unknownCurrency", { text });
}
