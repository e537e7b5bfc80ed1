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
  targetTable: {
    en: "Nothing was written: the area from the selected cell ({address}) would overlap or touch the table {table}, and Excel would extend that table over the dataset. Select a cell at least a row below and a column right of any table, or load into a new sheet.",
    ko: "아무것도 쓰지 않았습니다. 선택한 셀부터의 영역({address})이 {table} 표와 겹치거나 맞닿아 Excel이 그 표를 데이터셋 위로 늘리게 됩니다. 표에서 한 행 아래, 한 열 오른쪽 이상 떨어진 셀을 선택하거나 새 시트로 불러오세요.",
  },
  targetMerged: {
    en: "Nothing was written: the area from the selected cell has merged cells ({address}). Select another cell or load into a new sheet.",
    ko: "아무것도 쓰지 않았습니다. 선택한 셀부터의 영역에 병합된 셀({address})이 있습니다. 다른 셀을 선택하거나 새 시트로 불러오세요.",
  },
  targetSpill: {
    en: "Nothing was written: a formula's spilled results cross the area from the selected cell ({address}). Select another cell or load into a new sheet.",
    ko: "아무것도 쓰지 않았습니다. 선택한 셀부터의 영역({address})에 수식의 분산 결과가 걸쳐 있습니다. 다른 셀을 선택하거나 새 시트로 불러오세요.",
  },
  loadFailedRestored: {
    en: "Excel could not finish loading “{title}” ({detail}). AIFIN took out what it had written: the workbook is as it was before. Try again later.",
    ko: "Excel에서 “{title}” 불러오기를 마치지 못했습니다({detail}). AIFIN이 쓴 내용을 모두 되돌려 통합 문서는 불러오기 전 그대로입니다. 잠시 후 다시 시도하세요.",
  },
  loadFailedNotRestored: {
    en: "Excel could not finish loading “{title}” ({detail}), and taking out what had been written failed too ({restoreDetail}). Check the sheet for a partial table and delete it, then load again.",
    ko: "Excel에서 “{title}” 불러오기를 마치지 못했고({detail}) 쓴 내용을 되돌리는 것도 실패했습니다({restoreDetail}). 시트에 일부만 쓰인 표가 있는지 확인해 지운 뒤 다시 불러오세요.",
  },
  refreshed: { en: "{table}: {updated} updated, {added} added, {removed} removed; as of {asOf}.", ko: "{table}: {updated}행 수정, {added}행 추가, {removed}행 삭제. 기준일 {asOf}." },
  refreshedRenamed: { en: "{table} (renamed from {old}): {updated} updated, {added} added, {removed} removed; as of {asOf}.", ko: "{table}({old}에서 이름 변경): {updated}행 수정, {added}행 추가, {removed}행 삭제. 기준일 {asOf}." },
  upToDate: { en: "{table} is up to date (version {version}, as of {asOf}).", ko: "{table}은(는) 최신입니다(버전 {version}, 기준일 {asOf})." },
  tableMissing: {
    en: "The table {table} was deleted or renamed before AIFIN knew its id, so it was not refreshed; AIFIN no longer tracks it. Load the dataset again if you need it.",
    ko: "{table} 표가 삭제되었거나, AIFIN이 표의 ID를 알기 전에 이름이 바뀌어 새로 고치지 않았습니다. 더 이상 추적하지 않으니 필요하면 데이터셋을 다시 불러오세요.",
  },
  tableDeleted: {
    en: "The table {table} was deleted (its sheet {sheet} is still there), so it was not refreshed; AIFIN no longer tracks it. Load the dataset again if you need it.",
    ko: "{table} 표가 삭제되어(시트 {sheet}은(는) 남아 있음) 새로 고치지 않았습니다. 더 이상 추적하지 않으니 필요하면 데이터셋을 다시 불러오세요.",
  },
  tableSheetDeleted: {
    en: "The sheet {sheet} that held the table {table} was deleted, so the table was not refreshed; AIFIN no longer tracks it. Load the dataset again if you need it.",
    ko: "{table} 표가 있던 시트 {sheet}이(가) 삭제되어 새로 고치지 않았습니다. 더 이상 추적하지 않으니 필요하면 데이터셋을 다시 불러오세요.",
  },
  tableRenamed: { en: "It was renamed from {old}; AIFIN follows it by Excel's id.", ko: "{old}에서 이름이 바뀐 표입니다. AIFIN은 Excel의 ID로 계속 추적합니다." },
  sheetRenamed: { en: "Its sheet {old} is now called {sheet}.", ko: "시트 {old}의 이름이 {sheet}(으)로 바뀌었습니다." },
  editedIntro: {
    en: "{table} (sheet {sheet}) differs from version {version} of its data, which it records. Nothing was written to it yet:",
    ko: "{table}(시트 {sheet})의 내용이 기록된 데이터 버전 {version}과 다릅니다. 아직 아무것도 쓰지 않았습니다.",
  },
  editedCell: { en: "{address}: {found}, the data says {expected}.", ko: "{address}: {found}, 데이터는 {expected}입니다." },
  editedMore: { en: "…and {count} more cells.", ko: "…외 {count}개 셀." },
  editedRenamed: { en: "The column {column} is now headed {header}.", ko: "{column} 열의 머리글이 {header}(으)로 바뀌었습니다." },
  editedDeleted: { en: "The column {column} was deleted.", ko: "{column} 열이 삭제되었습니다." },
  editedCleared: { en: "{count} rows of the data were cleared.", ko: "데이터 {count}행이 지워졌습니다." },
  editedRemoved: { en: "{count} rows of the data were deleted.", ko: "데이터 {count}행이 삭제되었습니다." },
  editedChoice: {
    en: "Restore puts the data back in these cells, columns and rows (a newer version then comes in too); Keep leaves your edits and remembers them, and refreshes the rest. Deleted columns are put back either way.",
    ko: "되돌리기는 이 셀·열·행에 데이터를 다시 씁니다(새 버전이 있으면 함께 반영). 유지하기는 편집한 내용을 그대로 두고 기억하며 나머지만 새로 고칩니다. 삭제된 열은 어느 쪽이든 다시 넣습니다.",
  },
  askRefreshTitle: { en: "Your edits in AIFIN's cells", ko: "AIFIN 셀의 편집 내용" },
  askRestore: { en: "Restore the data", ko: "데이터로 되돌리기" },
  askKeep: { en: "Keep my edits", ko: "편집 유지" },
  restoredCells: { en: "Cells restored to the data ({count}): {cells}.", ko: "셀 {count}개를 데이터로 되돌렸습니다: {cells}." },
  keptCells: { en: "Cells that keep your edits ({count}): {cells}.", ko: "셀 {count}개는 편집한 값을 유지합니다: {cells}." },
  headersRestored: { en: "Headers put back: {headers}.", ko: "머리글을 되돌렸습니다: {headers}." },
  columnsAdded: { en: "Columns put back: {columns}.", ko: "열을 다시 넣었습니다: {columns}." },
  rowsRestored: { en: "{count} rows of the data were put back.", ko: "데이터 {count}행을 다시 넣었습니다." },
  rowsKeptOut: { en: "{count} rows of the data stay out, as you chose.", ko: "데이터 {count}행은 선택하신 대로 빼 두었습니다." },
  layoutRepaired: {
    en: "{table} was loaded by an earlier AIFIN: it now has the current layout (the columns it lacked added, Source holding each source's key linked to its document, the sources table in the current columns).",
    ko: "{table}은(는) 이전 버전의 AIFIN이 불러온 표입니다. 현재 형식으로 고쳤습니다(없던 열 추가, 출처 열은 문서에 연결된 출처 키, 출처 표는 현재 열 구성).",
  },
  followsDataset: { en: "It now follows the dataset {dataset} (formerly {former}).", ko: "이제 데이터셋 {dataset}(이전 이름 {former})을(를) 따릅니다." },
  notVerified: {
    en: "Its cells could not be checked against version {version}, which this AIFIN does not hold: AIFIN's cells now hold the data of version {now}.",
    ko: "이 AIFIN에 버전 {version}이 없어 셀을 검사하지 못했습니다. AIFIN의 셀은 이제 버전 {now}의 데이터입니다.",
  },
  upToDateChecked: { en: "{table} is up to date (version {version}, as of {asOf}); every cell of AIFIN's matches the data.", ko: "{table}은(는) 최신이며(버전 {version}, 기준일 {asOf}) AIFIN의 모든 셀이 데이터와 같습니다." },
  repairedTable: { en: "{table} (version {version}) was repaired.", ko: "{table}(버전 {version})을(를) 고쳤습니다." },
  askLoadTitle: { en: "This dataset is already in the workbook", ko: "이 데이터셋은 이미 통합 문서에 있습니다" },
  loadTwice: {
    en: "“{title}” is already loaded as the table {table} (sheet {sheet}). Refresh that table, or add a copy?",
    ko: "“{title}”은(는) 이미 {table} 표(시트 {sheet})로 불러왔습니다. 그 표를 새로 고칠까요, 사본을 추가할까요?",
  },
  blankCell: { en: "(blank)", ko: "(빈 칸)" },
  askRefreshThat: { en: "Refresh that table", ko: "그 표 새로 고치기" },
  askAddCopy: { en: "Add a copy", ko: "사본 추가" },
  columnsMissing: {
    en: "{table} was not changed: the column {columns} was renamed or deleted. Rename it back, or load the dataset again.",
    ko: "{table}은(는) 변경하지 않았습니다. {columns} 열의 이름이 바뀌었거나 삭제되었습니다. 이름을 되돌리거나 데이터셋을 다시 불러오세요.",
  },
  tableFiltered: {
    en: "{table} was not changed: rows must be added or removed, and Excel cannot do that while the table is filtered. Clear the filter and refresh again.",
    ko: "{table}은(는) 변경하지 않았습니다. 행을 추가하거나 삭제해야 하는데, 표에 필터가 적용되어 있으면 Excel에서 할 수 없습니다. 필터를 해제하고 다시 새로 고치세요.",
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
    en: "Select pasted amounts, such as “30억 달러(약 3조9600억 원)”, “$3B” or “5,803억원”, or a statement table under a unit header such as “(단위: 억원)” or “(US$ in millions)”. AIFIN writes them as numbers in USD and KRW in the columns to the right, with a note; label columns are left alone, and what it cannot read is marked, never guessed.",
    ko: "붙여넣은 금액(예: “30억 달러(약 3조9600억 원)”, “$3B”, “5,803억원”)이나 “(단위: 억원)”, “(US$ in millions)” 같은 단위 표시 아래의 재무제표 표를 선택하세요. 오른쪽 열에 USD·KRW 숫자와 비고를 씁니다. 항목 이름 열은 그대로 두고, 읽을 수 없는 값은 추측하지 않고 표시합니다.",
  },
  cleanRate: { en: "Conversions use {rate} KRW per USD ({source}).", ko: "환산 환율: 1달러당 {rate}원({source})." },
  cleanButton: { en: "Clean the selected amounts", ko: "선택한 금액 정리" },
  cleanUnitLabel: { en: "Unit of plain numbers", ko: "숫자의 단위" },
  cleanUnitAuto: { en: "Automatic: {detected}", ko: "자동: {detected}" },
  cleanUnitOne: { en: "As written (1)", ko: "그대로(1)" },
  cleanUnitPower: { en: "{name} (10^{power})", ko: "{name}(10^{power})" },
  cleanCurrencyLabel: { en: "Currency of plain numbers", ko: "숫자의 통화" },
  cleanCurrencyAuto: { en: "Automatic", ko: "자동" },
  cleanDetected: { en: "{unit}, from “{text}” in {address}", ko: "{address}의 “{text}”에 따라 {unit}" },
  cleanDetectedNothing: { en: "no unit header was found in or above the last selection", ko: "마지막 선택 영역이나 그 위에 단위 표시가 없었습니다" },
  cleanDetectedNone: { en: "from a unit header in or above the selection, such as (단위: 억원)", ko: "선택 영역이나 그 위의 단위 표시((단위: 억원) 등)에 따라" },
  cleaned: { en: "{read} amounts converted in {address}, written to {target}.", ko: "{address}의 금액 {read}개를 변환해 {target}에 썼습니다." },
  cleanedUnitCaption: { en: "Plain numbers were read in {unit}, as “{text}” in {address} states.", ko: "{address}의 “{text}”에 따라 숫자를 {unit} 단위로 읽었습니다." },
  cleanedUnitChosen: { en: "Plain numbers were read in {unit}, as chosen in the pane.", ko: "창에서 고른 대로 숫자를 {unit} 단위로 읽었습니다." },
  cleanedLabels: { en: "Left alone as labels: column {columns}.", ko: "항목 이름으로 보고 그대로 둔 열: {columns}." },
  cleanedPublished: {
    en: "{published} amounts also state the other currency: written as published beside them; {differing} differ from the conversion by more than 1% (see the note).",
    ko: "{published}개 금액에는 다른 통화 금액도 적혀 있어 발표된 그대로 옆에 썼습니다. 그중 {differing}개는 환산값과 1% 넘게 다릅니다(비고 참고).",
  },
  cleanedUnread: { en: "{unread} cells could not be read: they are marked in red with the reason.", ko: "{unread}개 셀은 읽지 못해 빨간색과 이유로 표시했습니다." },
  cleanedNoCurrency: {
    en: "{count} of them have no currency: choose one under “Currency of plain numbers” and clean again.",
    ko: "그중 {count}개에는 통화가 없습니다. “숫자의 통화”에서 통화를 고르고 다시 정리하세요.",
  },
  confirmTitle: { en: "Where should the cleaned amounts go?", ko: "정리한 금액을 어디에 쓸까요?" },
  cleanTargetIntro: { en: "The cleaned amounts take {columns} columns beside the selection, {target}.", ko: "정리한 금액은 선택 영역 옆 {columns}개 열({target})에 씁니다." },
  cleanObstacleTableAll: {
    en: "The {count} columns to the right ({span}) are columns {columns} of the table {table}; AIFIN never writes into a table.",
    ko: "오른쪽 {count}개 열({span})은 {table} 표의 {columns} 열입니다. AIFIN은 표 안에 쓰지 않습니다.",
  },
  cleanObstacleTable: { en: "{range} is in columns {columns} of the table {table}; AIFIN never writes into a table.", ko: "{range}은(는) {table} 표의 {columns} 열에 있습니다. AIFIN은 표 안에 쓰지 않습니다." },
  cleanObstacleEdge: {
    en: "{range} is right beside the table {table}: Excel would take what is written there into the table.",
    ko: "{range}은(는) {table} 표 바로 옆이라 그곳에 쓰면 Excel이 표에 포함시킵니다.",
  },
  cleanObstacleSpill: { en: "{range} is part of the spilled result of the formula in {anchor}.", ko: "{range}은(는) {anchor} 수식의 분산 범위입니다." },
  cleanObstacleFormulas: { en: "{count} cells there hold formulas ({cells}).", ko: "그곳의 {count}개 셀에 수식이 있습니다({cells})." },
  cleanObstacleUnknown: { en: "{count} cells there could not be checked, so AIFIN will not write over them.", ko: "그곳의 {count}개 셀은 확인할 수 없어 덮어쓰지 않습니다." },
  cleanObstacleValues: { en: "{count} cells there hold values.", ko: "그곳의 {count}개 셀에 값이 있습니다." },
  cleanOfferFree: { en: "The next free columns are {free}.", ko: "다음 빈 열은 {free}입니다." },
  cleanNoFree: { en: "There are no free columns to the right on this sheet: clear some, or copy the amounts to another sheet.", ko: "이 시트 오른쪽에 빈 열이 없습니다. 열을 비우거나 금액을 다른 시트로 복사하세요." },
  writeFree: { en: "Write to {free}", ko: "{free}에 쓰기" },
  overwrite: { en: "Overwrite", ko: "덮어쓰기" },
  cancel: { en: "Cancel", ko: "취소" },
  cleanCancelled: { en: "Nothing was written.", ko: "아무것도 쓰지 않았습니다." },
  cleanNoAmounts: {
    en: "Nothing was written: no column of the selection holds amounts (columns {columns} read as labels). Select the amount columns, or choose a unit and currency for plain numbers.",
    ko: "아무것도 쓰지 않았습니다. 선택 영역에 금액 열이 없습니다({columns} 열은 항목 이름으로 읽었습니다). 금액 열을 선택하거나 숫자의 단위와 통화를 고르세요.",
  },
  nothingSelected: { en: "The selected cells hold no data (nothing was written).", ko: "선택한 셀에 데이터가 없습니다(아무것도 쓰지 않았습니다)." },

  chartTitle: { en: "{title}: {metric}, {currency} (as of {asOf})", ko: "{title}: {metric}, {currency}(기준일 {asOf})" },
  chartInserted: {
    en: "{table}: a chart of {metric} in {currency} ({points} figures) was inserted; it reads the table through its data in {data}.",
    ko: "{table}: {metric}({currency}, {points}개 수치) 차트를 삽입했습니다. 차트는 {data}의 데이터로 표를 읽습니다.",
  },
  chartUpdated: {
    en: "{table}: its chart was updated to {metric} in {currency} ({points} figures), with its data in {data}.",
    ko: "{table}: 차트를 {metric}({currency}, {points}개 수치)로 갱신했습니다. 데이터는 {data}에 있습니다.",
  },
  chartLeftOut: { en: "{count} figures given as a range (no single value) were left out.", ko: "하나의 값이 아닌 범위로 주어진 수치 {count}개는 뺐습니다." },
  chartChoose: {
    en: "{table} holds several metrics or currencies, and one chart shows one of each: choose which to chart.",
    ko: "{table}에는 여러 지표나 통화가 있는데 차트 하나에는 하나씩만 나타냅니다. 차트로 만들 것을 고르세요.",
  },
  chartOption: { en: "{metric} · {currency} ({figures})", ko: "{metric} · {currency}({figures}개)" },
  chartOptionLabel: { en: "Chart {metric} in {currency} from {table}", ko: "{table}의 {metric}({currency}) 차트" },
  chartEmpty: { en: "No chart was inserted: {table} has no figure with a single value.", ko: "차트를 삽입하지 않았습니다. {table}에 하나의 값으로 된 수치가 없습니다." },
  chartMissing: { en: "No chart was inserted: the table {table} was deleted or renamed.", ko: "차트를 삽입하지 않았습니다. {table} 표가 삭제되었거나 이름이 바뀌었습니다." },
  chartColumnsMissing: {
    en: "No chart was inserted: the column {columns} of {table} was renamed or deleted.",
    ko: "차트를 삽입하지 않았습니다. {table}의 {columns} 열의 이름이 바뀌었거나 삭제되었습니다.",
  },

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
  feedAllowed: {
    en: "This build may read feeds from {origins}. A feed elsewhere needs a build that allows it: AIFIN_FEED_URL=https://… npm run build.",
    ko: "이 빌드는 {origins}의 피드만 읽을 수 있습니다. 다른 곳의 피드를 쓰려면 그 주소를 허용하는 빌드가 필요합니다: AIFIN_FEED_URL=https://… npm run build",
  },
  feedAllowedAny: { en: "This page does not restrict where feeds may come from.", ko: "이 페이지는 피드를 읽을 곳을 제한하지 않습니다." },
  feedSave: { en: "Save feed", ko: "피드 저장" },
  feedSaved: { en: "The feed is saved in this workbook: {url}", ko: "피드를 이 통합 문서에 저장했습니다: {url}" },
  feedDefault: { en: "AIFIN's own feed", ko: "AIFIN 기본 피드" },
  feedUrlInvalid: { en: "That is not a web address.", ko: "올바른 웹 주소가 아닙니다." },
  feedUrlNotHttps: { en: "The feed must be an https:// address.", ko: "피드 주소는 https://로 시작해야 합니다." },
  feedUrlNotAllowed: {
    en: "Nothing was saved: this build of AIFIN may read feeds only from {origins}, and its security policy (Content-Security-Policy) would block {origin}. To use that feed, build the add-in with AIFIN_FEED_URL={url} npm run build (the build adds the feed's origin to the policy) and deploy that build.",
    ko: "저장하지 않았습니다. 이 AIFIN 빌드는 {origins}의 피드만 읽을 수 있고, 보안 정책(Content-Security-Policy)이 {origin}을(를) 차단합니다. 그 피드를 쓰려면 AIFIN_FEED_URL={url} npm run build 로 추가 기능을 빌드해(빌드가 피드의 출처를 정책에 넣습니다) 그 빌드를 배포하세요.",
  },
  feedBlocked: {
    en: "The feed {url} saved in this workbook is not one this build of AIFIN may read (it allows {origins}), so it was not used. Nothing in the workbook was changed. Clear the feed in Settings, or use a build made with AIFIN_FEED_URL={url}.",
    ko: "이 통합 문서에 저장된 피드 {url}은(는) 이 AIFIN 빌드가 읽을 수 있는 곳이 아니어서({origins}만 허용) 쓰지 않았습니다. 통합 문서는 변경하지 않았습니다. 설정에서 피드를 비우거나 AIFIN_FEED_URL={url} 로 만든 빌드를 쓰세요.",
  },
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
