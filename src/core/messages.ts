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
  noNumber: {
    en: "'{text}' has no number in it",
    ko: "'{text}'에 숫자가 없습니다",
  },
  unexpectedWord: {
    en: "'{text}' is not an amount: '{word}' does not belong in one",
    ko: "'{text}'은(는) 금액이 아닙니다: '{word}'은(는) 금액 표기에 쓰이지 않습니다",
  },
  unitsOutOfOrder: {
    en: "'{text}' has the unit '{unit}' out of order or repeated",
    ko: "'{text}'에서 단위 '{unit}'의 순서가 맞지 않거나 반복됩니다",
  },
  groupTooLarge: {
    en: "'{text}' is not a well-formed amount: '{part}' is too large for its place",
    ko: "'{text}'은(는) 올바른 금액 표기가 아닙니다: '{part}'이(가) 자리에 비해 너무 큽니다",
  },
  twoCurrencies: {
    en: "'{text}' names a currency twice ('{a}' and '{b}'): keep one",
    ko: "'{text}'에 통화가 두 번 나옵니다('{a}', '{b}'). 하나만 쓰세요",
  },
  badDigitGrouping: {
    en: "'{text}': the digits of '{number}' are not grouped in thousands (like 1,234,567)",
    ko: "'{text}': '{number}'의 자릿수 구분이 세 자리 단위가 아닙니다(예: 1,234,567)",
  },
  divideByZero: {
    en: "Division by zero",
    ko: "0으로 나눌 수 없습니다",
  },
  unknownCurrency: {
    en: "Unknown currency '{text}': use USD or KRW",
    ko: "알 수 없는 통화 '{text}': USD 또는 KRW를 쓰세요",
  },
  expensesMissing: {
    en: "NET_LOSS needs expenses as its second argument, or a company name as its first",
    ko: "NET_LOSS에는 두 번째 인수로 비용을, 또는 첫 번째 인수로 회사 이름을 주세요",
  },
  unexpected: {
    en: "Unexpected error: {reason}",
    ko: "예상하지 못한 오류: {reason}",
  },
  shapeMismatch: {
    en: "The ranges have different shapes ({a} and {b})",
    ko: "범위의 크기가 서로 다릅니다({a}, {b})",
  },
  // Arguments of the custom functions (src/functions/cells.ts, functions.ts).
  notOneValue: {
    en: "A single value is expected here, not a range",
    ko: "여기에는 범위가 아닌 하나의 값을 넣으세요",
  },
  dataTypeCell: {
    en: "The cell holds a data type ({text}), not a value: refer to one of its fields, such as A1.Price",
    ko: "셀에 값이 아닌 데이터 형식({text})이 들어 있습니다. A1.Price처럼 그 필드 하나를 참조하세요",
  },
  notANumber: {
    en: "'{text}' is not a number",
    ko: "'{text}'은(는) 숫자가 아닙니다",
  },
  notALogical: {
    en: "'{text}' is not TRUE or FALSE",
    ko: "'{text}'은(는) TRUE 또는 FALSE가 아닙니다",
  },
  netLossExpensesWithCompany: {
    en: "With a company name, NET_LOSS takes no expenses: leave the second argument empty",
    ko: "회사 이름을 줄 때 NET_LOSS에는 비용을 넣지 않습니다. 두 번째 인수를 비워 두세요",
  },
  netLossCompanyArguments: {
    en: "NET_LOSS takes a year, currency or dataset only with a company name as its first argument",
    ko: "NET_LOSS의 연도, 통화, 데이터셋 인수는 첫 번째 인수가 회사 이름일 때만 씁니다",
  },
  noCompaniesInDataset: {
    en: "The dataset '{id}' has no company figures",
    ko: "데이터셋 '{id}'에는 회사 수치가 없습니다",
  },
  // Datasets, companies, metrics and FX rates (src/core/data, src/core/fx).
  unknownCompany: {
    en: "Unknown company '{name}' — see AI_COMPANIES()",
    ko: "알 수 없는 회사 '{name}' — AI_COMPANIES()를 참고하세요",
  },
  emptyCompany: {
    en: "No company given — see AI_COMPANIES()",
    ko: "회사가 주어지지 않았습니다 — AI_COMPANIES()를 참고하세요",
  },
  unknownDataset: {
    en: "Unknown dataset '{id}': use one of {ids}",
    ko: "알 수 없는 데이터셋 '{id}': {ids} 중 하나를 쓰세요",
  },
  unknownMetric: {
    en: "'{metric}' is not a metric: use one of {metrics}",
    ko: "'{metric}'은(는) 지표가 아닙니다: {metrics} 중 하나를 쓰세요",
  },
  badYear: {
    en: "'{year}' is not a year",
    ko: "'{year}'은(는) 연도가 아닙니다",
  },
  noCompanyFigures: {
    en: "{company} has no figures in {datasets}",
    ko: "{companyKo}의 수치가 {datasets}에 없습니다",
  },
  noDefaultMetric: {
    en: "{company} has no spending figure to default to (it has {metrics}): name a metric",
    ko: "{companyKo}에는 기본으로 쓸 지출 수치가 없습니다({metrics}만 있음): 지표를 지정하세요",
  },
  metricNotFound: {
    en: "{company} has no '{metric}' figure in {datasets}: it has {metrics}",
    ko: "{companyKo}의 '{metric}' 수치가 {datasets}에 없습니다: 있는 지표는 {metrics}입니다",
  },
  yearNotFound: {
    en: "{company} has no '{metric}' figure for {year}: years with one are {years}",
    ko: "{companyKo}의 {year}년 '{metric}' 수치가 없습니다: 수치가 있는 연도는 {years}입니다",
  },
  rangeNotValue: {
    en: "{company} {metric} {period} is a range, {low}–{high} {currency}, not one figure: AI_TABLE(\"{dataset}\") shows it",
    ko: "{companyKo}의 {metric} {period} 수치는 하나의 값이 아닌 범위({low}–{high} {currency})입니다: AI_TABLE(\"{dataset}\")에서 볼 수 있습니다",
  },
  badPeriod: {
    en: "'{period}' is not a period: use a year (2024), a quarter (2024-Q3), a month (2024-11) or a date (2024-12-31)",
    ko: "'{period}'은(는) 기간이 아닙니다: 연도(2024), 분기(2024-Q3), 월(2024-11) 또는 날짜(2024-12-31)를 쓰세요",
  },
  noRateForPeriod: {
    en: "No USD/KRW rate for {period}: rates exist for {periods}",
    ko: "{period}의 원/달러 환율이 없습니다: 환율이 있는 기간은 {periods}입니다",
  },
  sourceUnconfirmed: {
    en: "UNCONFIRMED: {note}",
    ko: "미확인: {note}",
  },
  sourceDerived: {
    en: "derived: {note}",
    ko: "계산값: {note}",
  },
  sourceDefaultMetric: {
    en: "metric {metric} (the default)",
    ko: "지표 {metricKo}(기본값)",
  },
  sourceLatestYear: {
    en: "{year}, the latest year with a {metric} figure",
    ko: "{metricKo} 수치가 있는 가장 최근 연도 {year}년",
  },
  sourceConverted: {
    en: "converted at {rate} KRW per USD ({period}, {kind})",
    ko: "{rate}원/달러로 환산({period}, {kindKo})",
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
