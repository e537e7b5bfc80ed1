/* Every sentence the task pane shows, in English and Korean: one table, so tests check that every
 * key has both and translators edit one file. Placeholders are `{name}`. Failures are sentences a
 * finance user understands and say what was (not) changed in the workbook. */
import type { Language } from "../core/messages";

export const UI = {
  appTitle: { en: "AIFIN", ko: "AIFIN" },
  appSubtitle: { en: "Sourced AI-spending data for Excel", ko: "출처가 있는 AI 지출 데이터" },
  languageLabel: { en: "Language", ko: "언어" },
  languageEnglish: { en: "English", ko: "English" },
  languageKorean: { en: "한국어", ko: "한국어" },
  tabsLabel: { en: "Sections", ko: "메뉴" },
  tabDatasets: { en: "Datasets", ko: "데이터셋" },
  tabClean: { en: "Clean amounts", ko: "금액 정리" },
  tabSettings: { en: "Settings", ko: "설정" },

  filterLabel: { en: "Filter datasets", ko: "데이터셋 찾기" },
  filterPlaceholder: { en: "Company, metric or title", ko: "회사, 지표 또는 제목" },
  catalogFromFeed: { en: "Datasets published at {host}.", ko: "{host}에 게시된 데이터셋입니다." },
  catalogEmbedded: { en: "Showing the data built into AIFIN: {reason}", ko: "AIFIN에 내장된 데이터를 표시합니다: {reason}" },
  catalogLastGood: { en: "Showing the datasets last read from the feed: {reason}", ko: "피드에서 마지막으로 읽은 데이터셋을 표시합니다: {reason}" },
  catalogLoading: { en: "Reading the list of datasets…", ko: "데이터셋 목록을 읽는 중…" },
  catalogListLabel: { en: "Datasets", ko: "데이터셋" },
  entryAsOf: { en: "As of {date}", ko: "기준일 {date}" },
  entryRows: { en: "rows: {rows}", ko: "{rows}행" },
  entrySources: { en: "sources: {count}", ko: "출처 {count}개" },
  entryVersion: { en: "version {version}", ko: "버전 {version}" },
  entryUnconfirmed: { en: "{count} unconfirmed", ko: "미확인 {count}건" },
  noMatch: { en: "No dataset matches “{filter}”.", ko: "“{filter}”에 맞는 데이터셋이 없습니다." },
  previewTitle: { en: "First rows", ko: "처음 몇 행" },
  previewMore: { en: "…and {count} more rows.", ko: "…외 {count}행" },
  previewGiven: { en: "given on {day}", ko: "{day} 발표" },
  provenance: { en: "{source}: “{quote}”", ko: "{source}: “{quote}”" },
  provenanceNoQuote: { en: "{source} (no quote recorded)", ko: "{source} (인용문 없음)" },

  targetLabel: { en: "Load into", ko: "불러올 위치" },
  targetNewSheet: { en: "A new sheet", ko: "새 시트" },
  targetSelection: { en: "The selected cell", ko: "선택한 셀" },
  loadButton: { en: "Load dataset", ko: "데이터셋 불러오기" },
  selectFirst: { en: "Choose a dataset in the list first.", ko: "먼저 목록에서 데이터셋을 고르세요." },

  tablesTitle: { en: "Tables in this workbook", ko: "이 통합 문서의 표" },
  tablesEmpty: { en: "No dataset loaded in this workbook yet.", ko: "이 통합 문서에 불러온 데이터셋이 아직 없습니다." },
  tableLine: { en: "{title} · version {version} · as of {asOf} · refreshed {refreshed}", ko: "{title} · 버전 {version} · 기준일 {asOf} · 새로 고침 {refreshed}" },
  refreshOne: { en: "Refresh", ko: "새로 고침" },
  refreshOneLabel: { en: "Refresh {table}", ko: "{table} 새로 고침" },
  refreshAll: { en: "Refresh all", ko: "모두 새로 고침" },
  chartButton: { en: "Chart", ko: "차트" },
  chartButtonLabel: { en: "Insert a chart of {table}", ko: "{table} 차트 삽입" },

  busyLoading: { en: "Loading {title}…", ko: "{title} 불러오는 중…" },
  busyRefreshing: { en: "Refreshing…", ko: "새로 고치는 중…" },
  busyCleaning: { en: "Reading the selected amounts…", ko: "선택한 금액을 읽는 중…" },
  busyChart: { en: "Inserting the chart…", ko: "차트를 삽입하는 중…" },
  busySaving: { en: "Saving…", ko: "저장하는 중…" },
  busyWriting: { en: "Writing to Excel: part {done} of {total}", ko: "Excel에 쓰는 중: {total}개 중 {done}번째" },

  loaded: { en: "Loaded {rows} rows of “{title}” into the table {table} on {sheet}.", ko: "“{title}” {rows}행을 {sheet} 시트의 {table} 표로 불러왔습니다." },
  loadedUnconfirmed: { en: "Unconfirmed figures: {count}, marked ⚠ and highlighted.", ko: "미확인 수치 {count}건은 ⚠ 표시와 색으로 구분했습니다." },
  targetNotEmpty: {
    en: "Nothing was written: the area from the selected cell is not empty (there is data in {address}). Select an empty cell or load into a new sheet.",
    ko: "아무것도 쓰지 않았습니다. 선택한 셀부터의 영역이 비어 있지 않습니다({address}에 데이터가 있음). 빈 셀을 선택하거나 새 시트로 불러오세요.",
  },
  refreshed: { en: "{table}: {updated} updated, {added} added, {removed} removed; as of {asOf}.", ko: "{table}: {updated}행 수정, {added}행 추가, {removed}행 삭제. 기준일 {asOf}." },
  refreshedRenamed: { en: "{table} (renamed from {old}): {updated} updated, {added} added, {removed} removed; as of {asOf}.", ko: "{table}({old}에서 이름 변경): {updated}행 수정, {added}행 추가, {removed}행 삭제. 기준일 {asOf}." },
  upToDate: { en: "{table} is up to date (version {version}, as of {asOf}).", ko: "{table}은(는) 최신입니다(버전 {version}, 기준일 {asOf})." },
  tableMissing: {
    en: "The table {table} was deleted or renamed, so it was not refreshed; AIFIN no longer tracks it. Load the dataset again if you need it.",
    ko: "{table} 표가 삭제되었거나 이름이 바뀌어 새로 고치지 않았습니다. 더 이상 추적하지 않으니 필요하면 데이터셋을 다시 불러오세요.",
  },
  columnsMissing: {
    en: "{table} was not changed: the column {columns} was renamed or deleted. Rename it back, or load the dataset again.",
    ko: "{table}은(는) 변경하지 않았습니다. {columns} 열의 이름이 바뀌었거나 삭제되었습니다. 이름을 되돌리거나 데이터셋을 다시 불러오세요.",
  },
  tableFiltered: {
    en: "{table} was not changed: rows must be added or removed, and Excel cannot do that while the table is filtered. Clear the filter and refresh again.",
    ko: "{table}은(는) 변경하지 않았습니다. 행을 추가하거나 삭제해야 하는데, 표에 필터가 적용되어 있으면 Excel에서 할 수 없습니다. 필터를 해제하고 다시 새로 고치세요.",
  },
  excelTooOld: {
    en: "This version of Excel lacks features AIFIN's pane needs (Excel JavaScript API 1.7). The functions still work; update Office or use Excel on the web.",
    ko: "이 Excel 버전에는 AIFIN 창에 필요한 기능(Excel JavaScript API 1.7)이 없습니다. 함수는 그대로 쓸 수 있습니다. Office를 업데이트하거나 웹용 Excel을 쓰세요.",
  },
  sourcesMissing: { en: "{table}: its sources table was not found, so the sources were not updated.", ko: "{table}: 출처 표를 찾지 못해 출처는 갱신하지 않았습니다." },
  notInFeed: { en: "{table} was left as it is: the feed no longer publishes “{dataset}”.", ko: "{table}은(는) 그대로 두었습니다. 피드에 “{dataset}” 데이터셋이 더 이상 없습니다." },
  nothingToRefresh: { en: "No dataset is loaded in this workbook yet: load one first.", ko: "이 통합 문서에 불러온 데이터셋이 없습니다. 먼저 불러오세요." },
  refreshedDroppedRecords: { en: "{count} AIFIN records in this workbook could not be read and were ignored.", ko: "이 통합 문서의 AIFIN 기록 {count}개를 읽을 수 없어 무시했습니다." },

  feedOffline: {
    en: "The data feed at {url} could not be reached (offline, or blocked). Nothing in the workbook was changed.",
    ko: "데이터 피드({url})에 연결할 수 없습니다(오프라인이거나 차단됨). 통합 문서는 변경하지 않았습니다.",
  },
  feedHttp: { en: "The data feed answered {status} for {url}. Nothing in the workbook was changed.", ko: "데이터 피드가 {url}에 대해 {status} 오류를 보냈습니다. 통합 문서는 변경하지 않았습니다." },
  feedTimeout: {
    en: "The data feed at {url} did not answer within {seconds} seconds, so AIFIN stopped waiting. Nothing in the workbook was changed.",
    ko: "데이터 피드({url})가 {seconds}초 안에 응답하지 않아 기다리기를 멈췄습니다. 통합 문서는 변경하지 않았습니다.",
  },
  feedTooLarge: {
    en: "A file of the data feed ({url}) is larger than {limit} MB, too large to be a dataset. Nothing in the workbook was changed.",
    ko: "데이터 피드의 파일({url})이 {limit}MB를 넘어 데이터셋이라기에 너무 큽니다. 통합 문서는 변경하지 않았습니다.",
  },
  feedIndexNotJson: {
    en: "The data feed's list of datasets is not valid: it is not readable JSON ({problem}). Nothing in the workbook was changed.",
    ko: "데이터 피드의 데이터셋 목록이 올바르지 않습니다. 읽을 수 있는 JSON이 아닙니다({problem}). 통합 문서는 변경하지 않았습니다.",
  },
  feedFileNotJson: {
    en: "The data feed's file for “{dataset}” is not readable JSON ({problem}): it may be damaged or cut short. Nothing in the workbook was changed.",
    ko: "데이터 피드의 “{dataset}” 파일이 읽을 수 있는 JSON이 아닙니다({problem}). 손상되었거나 잘렸을 수 있습니다. 통합 문서는 변경하지 않았습니다.",
  },
  feedDowngrade: {
    en: "The data feed offers “{dataset}” version {offered}, older than version {loaded} already loaded in this workbook; AIFIN does not go back to an older version. Nothing in the workbook was changed.",
    ko: "데이터 피드가 “{dataset}” 버전 {offered}을(를) 제공하지만, 이 통합 문서에 이미 불러온 버전 {loaded}보다 오래되었습니다. AIFIN은 이전 버전으로 되돌리지 않습니다. 통합 문서는 변경하지 않았습니다.",
  },
  feedBadIndex: {
    en: "The data feed's list of datasets is not valid ({problem}). Nothing in the workbook was changed.",
    ko: "데이터 피드의 데이터셋 목록이 올바르지 않습니다({problem}). 통합 문서는 변경하지 않았습니다.",
  },
  feedBadFile: {
    en: "The data feed's file for “{dataset}” is not a valid dataset ({problem}). Nothing in the workbook was changed.",
    ko: "데이터 피드의 “{dataset}” 파일이 올바른 데이터셋이 아닙니다({problem}). 통합 문서는 변경하지 않았습니다.",
  },
  feedHashMismatch: {
    en: "The data feed's file for “{dataset}” does not match the fingerprint (sha256) the feed lists for it: it may be damaged or tampered with. Nothing in the workbook was changed.",
    ko: "데이터 피드의 “{dataset}” 파일이 목록의 지문(sha256)과 다릅니다. 손상되었거나 변조되었을 수 있습니다. 통합 문서는 변경하지 않았습니다.",
  },
  feedMismatch: {
    en: "The data feed's file for “{dataset}” holds “{found}” version {version}, not what the feed's list says. Nothing in the workbook was changed.",
    ko: "데이터 피드의 “{dataset}” 파일에 목록과 다른 “{found}” 버전 {version}이(가) 들어 있습니다. 통합 문서는 변경하지 않았습니다.",
  },

  cleanIntro: {
    en: "Select one column of pasted amounts, such as “30억 달러(약 3조9600억 원)”, “$3B” or “5,803억원”. AIFIN writes them as numbers in USD and KRW in the three columns to the right, with a note; what it cannot read is marked, never guessed.",
    ko: "붙여넣은 금액이 있는 열 하나를 선택하세요(예: “30억 달러(약 3조9600억 원)”, “$3B”, “5,803억원”). 오른쪽 세 열에 USD·KRW 숫자와 비고를 씁니다. 읽을 수 없는 값은 추측하지 않고 표시합니다.",
  },
  cleanRate: { en: "Conversions use {rate} KRW per USD ({source}).", ko: "환산 환율: 1달러당 {rate}원({source})." },
  cleanButton: { en: "Clean the selected column", ko: "선택한 열 정리" },
  cleaned: { en: "{read} amounts converted in {address}.", ko: "{address}의 금액 {read}개를 변환했습니다." },
  cleanedUnread: { en: "{unread} cells could not be read: they are marked in red with the reason.", ko: "{unread}개 셀은 읽지 못해 빨간색과 이유로 표시했습니다." },
  confirmTitle: { en: "Overwrite cells?", ko: "셀을 덮어쓸까요?" },
  confirmOverwrite: {
    en: "{cells} cells in the three columns to the right of the selection are not empty. Overwrite them with the cleaned amounts?",
    ko: "선택 영역 오른쪽 세 열에 비어 있지 않은 셀이 {cells}개 있습니다. 정리한 금액으로 덮어쓸까요?",
  },
  overwrite: { en: "Overwrite", ko: "덮어쓰기" },
  cancel: { en: "Cancel", ko: "취소" },
  cleanCancelled: { en: "Nothing was written.", ko: "아무것도 쓰지 않았습니다." },
  notOneColumn: { en: "Select a single column of amounts (nothing was written).", ko: "금액이 있는 열 하나만 선택하세요(아무것도 쓰지 않았습니다)." },
  nothingSelected: { en: "The selected cells hold no data (nothing was written).", ko: "선택한 셀에 데이터가 없습니다(아무것도 쓰지 않았습니다)." },

  chartTitle: { en: "{title} (as of {asOf})", ko: "{title}(기준일 {asOf})" },
  chartInserted: { en: "Chart inserted beside {table}.", ko: "{table} 옆에 차트를 삽입했습니다." },
  chartMixed: {
    en: "No chart was inserted: {table} holds figures in {currencies}, and one axis cannot show dollars and won together.",
    ko: "차트를 삽입하지 않았습니다. {table}에 {currencies} 수치가 섞여 있어 한 축에 달러와 원을 함께 표시할 수 없습니다.",
  },
  chartMissing: { en: "No chart was inserted: the table {table} was deleted or renamed.", ko: "차트를 삽입하지 않았습니다. {table} 표가 삭제되었거나 이름이 바뀌었습니다." },
  chartColumnsMissing: { en: "No chart was inserted: the Company or Value column of {table} was renamed or deleted.", ko: "차트를 삽입하지 않았습니다. {table}의 회사 또는 값 열의 이름이 바뀌었거나 삭제되었습니다." },

  referenceLabel: { en: "Reference USD/KRW rate", ko: "기준 원/달러 환율" },
  referenceHelp: {
    en: "Used by USD_TO_KRW and KRW_TO_USD when no rate is given, and by the cleaner. Saved in this workbook.",
    ko: "환율 인수 없이 USD_TO_KRW, KRW_TO_USD를 쓸 때와 금액 정리에 쓰입니다. 이 통합 문서에 저장됩니다.",
  },
  referenceNow: { en: "In use: {text}", ko: "사용 중: {text}" },
  referenceLatestOption: { en: "The latest rate ({day}, {rate}), kept for this workbook once used", ko: "최신 환율({day}, {rate}). 이 통합 문서에서 한 번 쓰면 그날 환율로 고정됩니다" },
  referenceDateOption: { en: "The rate of a date", ko: "특정 날짜의 환율" },
  referencePeriod: { en: "A month, quarter or year", ko: "월·분기·연도" },
  referenceManual: { en: "A rate I type", ko: "직접 입력" },
  dateLabel: { en: "Date (YYYY-MM-DD)", ko: "날짜(YYYY-MM-DD)" },
  periodLabel: { en: "Period (2024-11, 2024-Q3 or 2024)", ko: "기간(2024-11, 2024-Q3 또는 2024)" },
  basisLabel: { en: "Basis", ko: "기준" },
  basisAverage: { en: "Average", ko: "평균" },
  basisClose: { en: "Close (last business day)", ko: "기말(마지막 영업일)" },
  sourceLabel: { en: "Source", ko: "출처" },
  sourceAuto: { en: "Official where held, else ECB-derived", ko: "공식 수치가 있으면 공식, 없으면 ECB 기준 계산" },
  sourceEcb: { en: "ECB-derived", ko: "ECB 기준환율에서 계산" },
  sourceBok: { en: "Bank of Korea / Seoul market", ko: "한국은행·서울외환시장" },
  manualLabel: { en: "KRW per USD", ko: "1달러당 원" },
  manualPlaceholder: { en: "e.g. 1,350.5", ko: "예: 1,350.5" },
  applyReference: { en: "Apply and recalculate", ko: "적용하고 다시 계산" },
  referenceSaved: { en: "Functions without a rate now use {text}; the workbook was recalculated.", ko: "환율 인수가 없는 함수는 이제 {text}을(를) 씁니다. 통합 문서를 다시 계산했습니다." },
  manualSource: { en: "{rate} KRW per USD, typed by hand", ko: "1달러당 {rate}원, 직접 입력" },
  manualInvalid: { en: "Type a positive number of won per dollar, such as 1,350.5 (commas only between groups of three digits).", ko: "1달러당 원화를 양수로 입력하세요(예: 1,350.5, 쉼표는 세 자리마다만)." },
  manualConfirm: { en: "{rate} KRW per USD is outside 100–10,000. Apply it anyway?", ko: "1달러당 {rate}원은 100~10,000 범위를 벗어납니다. 그래도 적용할까요?" },
  manualConfirmYes: { en: "Apply this rate", ko: "이 환율 적용" },
  dateInvalid: { en: "Type a real date written YYYY-MM-DD, such as 2024-06-28.", ko: "YYYY-MM-DD 형식의 실제 날짜를 입력하세요(예: 2024-06-28)." },
  dateNoRate: { en: "The rates do not cover that date (they run from {first} to {last}).", ko: "환율 데이터가 그 날짜를 포함하지 않습니다({first}~{last})." },
  periodInvalid: { en: "Type a month (2024-11), a quarter (2024-Q3) or a year (2024).", ko: "월(2024-11), 분기(2024-Q3) 또는 연도(2024)를 입력하세요." },
  periodNoRate: { en: "No rate for that period on that basis and source (a period not over yet, or no official figure).", ko: "그 기간·기준·출처의 환율이 없습니다(끝나지 않은 기간이거나 공식 수치가 없음)." },
  referenceStale: { en: "The rate saved in this workbook cannot be served by the rate data: the latest rate is used.", ko: "이 통합 문서에 저장된 환율을 환율 데이터로 구할 수 없어 최신 환율을 씁니다." },
  ratesOld: { en: "Rates end {last}: refresh to get newer rates.", ko: "환율이 {last}에서 끝납니다. 새로 고침으로 최신 환율을 받으세요." },
  ratesNewer: { en: "Newer rates are here: this workbook uses {fromRate} ({fromDay}); the latest is {toRate} ({toDay}). Move the workbook to the latest rate? Every function without a rate will change.", ko: "최신 환율이 있습니다. 이 통합 문서는 {fromRate}({fromDay})을 쓰고 최신 환율은 {toRate}({toDay})입니다. 최신 환율로 옮길까요? 환율 인수가 없는 모든 함수 값이 바뀝니다." },
  ratesMove: { en: "Move to {toDay}", ko: "{toDay}로 옮기기" },
  ratesMoved: { en: "The workbook now uses {toRate} ({toDay}) instead of {fromRate} ({fromDay}); it was recalculated.", ko: "통합 문서가 이제 {fromRate}({fromDay}) 대신 {toRate}({toDay})을 씁니다. 다시 계산했습니다." },
  ratesNotUpdated: { en: "The datasets were read, but the newer rates were not: {reason}", ko: "데이터셋은 읽었지만 새 환율은 받지 못했습니다: {reason}" },
  ratesUpdated: { en: "Rates updated to {last} from the feed.", ko: "피드에서 {last}까지의 환율을 받았습니다." },
  referenceRecorded: { en: "This workbook now keeps the rate of {day} as its reference: its numbers will not move when newer rates arrive.", ko: "이 통합 문서는 이제 {day} 환율을 기준으로 유지합니다. 새 환율이 와도 값이 저절로 바뀌지 않습니다." },

  feedLabel: { en: "Data feed URL", ko: "데이터 피드 URL" },
  feedHelp: { en: "Leave empty to use the datasets published with AIFIN. Only https:// addresses are accepted.", ko: "비워 두면 AIFIN과 함께 게시된 데이터셋을 씁니다. https:// 주소만 받습니다." },
  feedSave: { en: "Save feed", ko: "피드 저장" },
  feedSaved: { en: "The feed is saved in this workbook: {url}", ko: "피드를 이 통합 문서에 저장했습니다: {url}" },
  feedDefault: { en: "AIFIN's own feed", ko: "AIFIN 기본 피드" },
  feedUrlInvalid: { en: "That is not a web address.", ko: "올바른 웹 주소가 아닙니다." },
  feedUrlNotHttps: { en: "The feed must be an https:// address.", ko: "피드 주소는 https://로 시작해야 합니다." },
  feedUrlCredentials: { en: "A feed address cannot contain a user name or password.", ko: "피드 주소에는 사용자 이름이나 암호를 넣을 수 없습니다." },
  languageSaved: { en: "The pane now speaks English (saved in this workbook).", ko: "이제 한국어로 표시합니다(이 통합 문서에 저장됨)." },

  excelFailed: { en: "Excel could not finish: {detail}. Nothing after that point was written.", ko: "Excel에서 작업을 마치지 못했습니다: {detail}. 그 이후는 쓰지 않았습니다." },
  refreshFailedRestored: {
    en: "Excel could not finish the refresh ({detail}). AIFIN put {tables} back exactly as before the refresh; nothing in the workbook was changed. Try again later.",
    ko: "Excel에서 새로 고침을 마치지 못했습니다({detail}). {tables} 표를 새로 고치기 전 상태 그대로 되돌렸으며 통합 문서는 변경되지 않았습니다. 잠시 후 다시 시도하세요.",
  },
  refreshFailedNotRestored: {
    en: "Excel could not finish the refresh ({detail}), and putting the tables back failed too ({restoreDetail}): {tables} may be partly updated. Refresh again to finish it, or load the dataset again.",
    ko: "Excel에서 새로 고침을 마치지 못했고({detail}) 표를 되돌리는 것도 실패했습니다({restoreDetail}). {tables} 표가 일부만 갱신되었을 수 있습니다. 다시 새로 고쳐 마무리하거나 데이터셋을 다시 불러오세요.",
  },
  excelFailedRead: { en: "Excel could not read the workbook: {detail}. Nothing was changed.", ko: "Excel에서 통합 문서를 읽지 못했습니다: {detail}. 아무것도 바꾸지 않았습니다." },
  notInExcel: { en: "Open this pane from Excel's ribbon (Home › AIFIN) to work with a workbook.", ko: "통합 문서에서 쓰려면 Excel 리본(홈 › AIFIN)에서 이 창을 여세요." },
  dismiss: { en: "Dismiss", ko: "닫기" },
  progressLabel: { en: "Progress", ko: "진행 상황" },
} as const satisfies Record<string, Record<Language, string>>;

export type UiKey = keyof typeof UI;
export type UiParams = Readonly<Record<string, string | number>>;

/** A sentence to show, kept as key and parameters so it re-renders in the other language. */
export interface UiMessage {
  readonly key: UiKey;
  readonly params?: UiParams;
}

/**
 * A UI sentence in a language, `{name}` placeholders filled.
 * @example t("refreshed", "en", { table: "T", updated: 3, added: 1, removed: 0, asOf: "2024-08-01" }) // "T: 3 updated, 1 added, 0 removed; as of 2024-08-01."
 */
export function t(key: UiKey, lang: Language, params: UiParams = {}): string {
  return UI[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * The pane's language: the one saved in the workbook, else Office's display language ("ko-KR" → ko), else English.
 * @example languageFor("ko-KR", null) // "ko"
 */
export function languageFor(displayLanguage: string | null | undefined, saved: Language | null): Language {
  if (saved) return saved;
  return typeof displayLanguage === "string" && /^ko\b/i.test(displayLanguage) ? "ko" : "en";
}
