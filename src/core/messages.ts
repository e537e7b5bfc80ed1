/**
 * Every user-visible message of the core, in English and Korean: one table, so tests assert on
 * the key and translators edit one file. Placeholders are `{name}`.
 */
export const MESSAGES = {
  notAnAmount: {
    en: "'{text}' is not an amount",
    ko: "'{text}'은(는) 금액이 아닙니다",
  },
  emptyAmount: {
    en: "The amount is empty",
    ko: "금액이 비어 있습니다",
  },
  booleanAmount: {
    en: "{text} is a logical value, not an amount",
    ko: "{text}은(는) 논리값이며 금액이 아닙니다",
  },
  rangeNotAmount: {
    en: "'{text}' is a range of amounts, not one amount: type a single figure",
    ko: "'{text}'은(는) 금액의 범위입니다. 하나의 금액을 입력하세요",
  },
  boundNotAmount: {
    en: "'{text}' is a bound ('{word}'), not an amount: type the figure alone",
    ko: "'{text}'은(는) 한도('{word}')이며 금액이 아닙니다. 금액만 입력하세요",
  },
  wrongCurrency: {
    en: "'{text}' is in {found}, but this function takes {expected}",
    ko: "'{text}'은(는) {found} 금액이지만 이 함수는 {expected} 금액을 받습니다",
  },
  mixedCurrency: {
    en: "The amounts are in different currencies ({a} and {b})",
    ko: "금액의 통화가 서로 다릅니다({a}, {b})",
  },
  textTooLong: {
    en: "The text is too long to be an amount ({length} characters; at most {max})",
    ko: "금액으로 읽기에 텍스트가 너무 깁니다({length}자, 최대 {max}자)",
  },
  rateNotPositive: {
    en: "The rate must be a positive number of won per dollar, not {rate}",
    ko: "환율은 1달러당 원화 금액(양수)이어야 합니다: {rate}",
  },
  notFinite: {
    en: "{text} is not a finite number",
    ko: "{text}은(는) 유한한 숫자가 아닙니다",
  },
  tooLarge: {
    en: "The result is too large for Excel",
    ko: "결과가 Excel에서 다룰 수 있는 범위를 넘습니다",
  },
  unknownStyle: {
    en: "Unknown style '{style}': use one of {styles}",
    ko: "알 수 없는 형식 '{style}': {styles} 중 하나를 쓰세요",
  },
  shapeMismatch: {
    en: "The ranges have different shapes ({a} and {b})",
    ko: "범위의 크기가 서로 다릅니다({a}, {b})",
  },
} as const;

export type MessageKey = keyof typeof MESSAGES;
export type Language = "en" | "ko";
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Renders a message in a language, filling its `{name}` placeholders.
 * @param key - the message's key in {@link MESSAGES}
 * @param params - values for the placeholders
 * @param lang - "en" (default) or "ko"
 * @returns the sentence a user reads
 * @example message("rateNotPositive", { rate: 0 }) // "The rate must be a positive number of won per dollar, not 0"
 */
export function message(key: MessageKey, params: MessageParams = {}, lang: Language = "en"): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
