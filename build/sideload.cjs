/* What `npm start` prints: where the add-in is served and how to sideload its manifest. */

/**
 * The sideloading steps for Excel on the web, Windows and Mac, for a served base URL.
 * @param {string} baseUrl - e.g. "https://localhost:3000/"
 * @returns {string} text for the terminal
 */
function sideloadInstructions(baseUrl) {
  return [
    "",
    `AIFIN is served at ${baseUrl} (task pane: ${baseUrl}taskpane.html, manifest: ${baseUrl}manifest.xml).`,
    "The development certificate is self-signed: open the task pane URL once in your browser and accept it,",
    "or trust it in your system's certificate store, before Excel can load the add-in.",
    "",
    "Sideload dist/manifest.xml:",
    "  Excel on the web: Insert > Add-ins > My Add-ins > Upload My Add-in, choose dist/manifest.xml.",
    "  Excel on Windows: put dist/manifest.xml in a shared folder, add that folder as a Trusted Add-in Catalog",
    "    (File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs, tick Show in Menu),",
    "    restart Excel, then Insert > My Add-ins > Shared Folder > AIFIN.",
    "  Excel on Mac: copy dist/manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/",
    "    (create the folder if needed), restart Excel, then Insert > My Add-ins > AIFIN.",
    "Then type =AIFIN.USD_TO_KRW(1.15, 1310) in a cell: it shows 1507.",
    "",
  ].join("\n");
}

module.exports = { sideloadInstructions };
