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
  badDecimals: {
    en: "Decimals must be a whole number from 0 to {max} for the style {style}, not {decimals}",
    ko: "{style} 형식의 소수 자릿수는 0부터 {max}까지의 정수여야 합니다: {decimals}",
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
  withdrawnDataset: {
    en: "The dataset '{id}' was withdrawn: its figures had no document a reader can follow. Its questions are answered from {instead} (leave the dataset out for the best source)",
    ko: "데이터셋 '{id}'은(는) 철회되었습니다: 독자가 따라가 볼 수 있는 문서가 없는 수치였습니다. 같은 질문은 {instead}에서 답합니다(데이터셋을 비우면 가장 좋은 출처)",
  },
  unknownDataset: {
    en: "Unknown dataset '{id}': use one of {ids}",
    ko: "알 수 없는 데이터셋 '{id}': {ids} 중 하나를 쓰세요",
  },
  unknownMetric: {
    en: "'{metric}' is not a metric: use one of {metrics} (data/README.md lists all)",
    ko: "'{metric}'은(는) 지표가 아닙니다: {metrics} 중 하나를 쓰세요(전체 목록은 data/README.md)",
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
  periodNotFound: {
    en: "{company} has no '{metric}' figure for {period}: periods with one are {periods}",
    ko: "{companyKo}의 {period} '{metric}' 수치가 없습니다: 수치가 있는 기간은 {periods}입니다",
  },
  badFiscalPeriod: {
    en: "'{period}' is not a fiscal period: use a year (2025, \"FY2025\") or a quarter (\"2025-Q3\", \"FY2025-Q3\", \"Q3 FY2025\", \"3Q25\"), in the company's own fiscal calendar",
    ko: "'{period}'은(는) 회계 기간이 아닙니다: 연도(2025, \"FY2025\") 또는 분기(\"2025-Q3\", \"FY2025-Q3\", \"Q3 FY2025\", \"3Q25\")를 회사의 회계연도 기준으로 쓰세요",
  },
  badGivenDate: {
    en: "'{text}' is not a date written YYYY-MM-DD (the day guidance was given)",
    ko: "'{text}'은(는) YYYY-MM-DD 형식의 날짜(가이던스 발표일)가 아닙니다",
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
  badBasis: {
    en: "'{text}' is not a basis: use \"average\" (the period's mean) or \"close\" (its last business day)",
    ko: "'{text}'은(는) 기준이 아닙니다: \"average\"(기간 평균) 또는 \"close\"(마지막 영업일)를 쓰세요",
  },
  badFxSource: {
    en: "'{text}' is not a rate source: use \"ECB\" (derived from ECB reference rates) or \"BOK\" (Bank of Korea / Seoul market), or leave it out",
    ko: "'{text}'은(는) 환율 출처가 아닙니다: \"ECB\"(ECB 기준환율에서 계산) 또는 \"BOK\"(한국은행·서울외환시장)를 쓰거나 비워 두세요",
  },
  fxBeforeSeries: {
    en: "No USD/KRW rate for {period}: the rates start on {first}",
    ko: "{period}의 원/달러 환율이 없습니다: 환율은 {first}부터 있습니다",
  },
  fxAfterSeries: {
    en: "No USD/KRW rate for {period}: rates end {last}; refresh to get newer rates",
    ko: "{period}의 원/달러 환율이 없습니다: 환율은 {last}까지 있습니다. 새로 고침으로 최신 환율을 받으세요",
  },
  fxPeriodNotOver: {
    en: "No USD/KRW rate for {period}: rates end {last}, before the period does; refresh to get newer rates",
    ko: "{period}의 원/달러 환율이 없습니다: 환율이 {last}에서 끝나 기간을 다 채우지 못합니다. 새로 고침으로 최신 환율을 받으세요",
  },
  fxNoBusinessDay: {
    en: "No USD/KRW rate for {period}: it has no ECB business day",
    ko: "{period}의 원/달러 환율이 없습니다: ECB 영업일이 없는 기간입니다",
  },
  noOfficialRate: {
    en: "No official (Bank of Korea / Seoul market) USD/KRW {basis} for {period}: official figures held are {periods}; leave the source out for the ECB-derived rate",
    ko: "{period}의 공식(한국은행·서울외환시장) 원/달러 {basis} 환율이 없습니다: 보유한 공식 수치는 {periods}입니다. 출처를 비우면 ECB 기준환율에서 계산한 환율을 씁니다",
  },
  fxDayText: {
    en: "{rate} KRW per USD on {day}{asked}, derived from ECB reference rates (KRW and USD per EUR: {krw} and {usd}; {publisher}, {url})",
    ko: "{day}{asked} 1달러당 {rate}원, ECB 기준환율에서 계산(1유로당 원화 {krw}, 달러 {usd}; {publisher}, {url})",
  },
  fxAskedBefore: {
    en: ", the latest ECB business day on or before {asked}",
    ko: "({asked} 당일 또는 그 이전 가장 최근 ECB 영업일)",
  },
  fxCloseText: {
    en: "{rate} KRW per USD, the close of {period} (its last ECB business day, {day}), derived from ECB reference rates (KRW and USD per EUR: {krw} and {usd}; {publisher}, {url})",
    ko: "{period} 기말 1달러당 {rate}원(마지막 ECB 영업일 {day}), ECB 기준환율에서 계산(1유로당 원화 {krw}, 달러 {usd}; {publisher}, {url})",
  },
  fxAverageText: {
    en: "{rate} KRW per USD, the average of {period} ({start} to {end}: the mean of {count} daily rates, {firstDay} to {lastDay}, rounded half away from zero), derived from ECB reference rates ({publisher}, {url})",
    ko: "{period} 평균 1달러당 {rate}원({start}~{end}: {firstDay}~{lastDay}의 일별 환율 {count}개 평균, 반올림), ECB 기준환율에서 계산({publisher}, {url})",
  },
  fxOfficialText: {
    en: "{rate} KRW per USD, the {kind} of {period}, {basisNote} — {publisher}, {title} ({published}), {url}",
    ko: "{period} {kindKo} 1달러당 {rate}원, {basisNote} — {publisher}, {title} ({published}), {url}",
  },
  fxUnconfirmed: {
    en: "UNCONFIRMED: {note}",
    ko: "미확인: {note}",
  },
  fxReferenceNote: {
    en: "the workbook's reference rate ({choice})",
    ko: "통합 문서의 기준 환율({choice})",
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
  sourceLatestPeriod: {
    en: "{period}, the latest period with a {metric} figure",
    ko: "{metricKo} 수치가 있는 가장 최근 기간 {period}",
  },
  sourceGiven: {
    en: "{qualifier} given on {date}",
    ko: "{date} 발표 {qualifier}",
  },
  sourcePeriod: {
    en: "{period} = {start} to {end}",
    ko: "{period} = {start}~{end}",
  },
  sourceBestOf: {
    en: "the best of {count} sources for this figure ({dataset}; AI_TABLE shows the others)",
    ko: "이 수치의 출처 {count}곳 중 가장 좋은 출처({dataset}; 나머지는 AI_TABLE에서 볼 수 있습니다)",
  },
  sourceConvertedAt: {
    en: "converted to {currency} at {rate}",
    ko: "{rate}(으)로 {currency} 환산",
  },
  sourcePublishedOther: {
    en: "the source itself published {amount} ({published}), {difference} from the conversion",
    ko: "출처가 직접 밝힌 금액은 {amount}({published})로 환산액과 {difference} 차이",
  },
  netLossBuilt: {
    en: "net loss = total spending ({total}) − revenue ({revenue})",
    ko: "순손실 = 총지출({total}) − 매출({revenue})",
  },
  netLossQualified: {
    en: "{metric} is {qualifier}, so the loss is too",
    ko: "{metric}이(가) {qualifier} 수치이므로 손실도 마찬가지입니다",
  },
  referenceTakesNoBasis: {
    en: "The reference rate takes no basis or source: give a period, or choose the reference rate in the task pane's settings",
    ko: "기준 환율에는 기준이나 출처를 줄 수 없습니다: 기간을 주거나 작업 창 설정에서 기준 환율을 고르세요",
  },
  referenceLatest: {
    en: "the latest rate in the data",
    ko: "데이터의 최신 환율",
  },
  referencePinnedLatest: {
    en: "the latest rate when the workbook first used it, {day}",
    ko: "통합 문서가 처음 사용할 때의 최신 환율, {day}",
  },
  referencePinnedDate: {
    en: "pinned to {day}",
    ko: "{day}로 고정",
  },
  referencePinnedPeriod: {
    en: "pinned to {period} ({basis})",
    ko: "{period}({basis})로 고정",
  },
  referenceManual: {
    en: "a rate typed in the settings",
    ko: "설정에 직접 입력한 환율",
  },
  referenceManualText: {
    en: "{rate} KRW per USD, typed by hand",
    ko: "1달러당 {rate}원, 직접 입력",
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
