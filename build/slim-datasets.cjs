/* Webpack loader for the functions bundle only: the data files as the custom functions use them.
 * The functions cite a figure by publisher, date, URL and kind, with its status, qualifier and the
 * reason a figure is unconfirmed or derived; they never show the curators' notes on confirmed
 * figures, the quote, the definition, the published wording, a document's title or the notes of
 * sources, nor metric descriptions: those stay in the data files, the feed and the tables the pane
 * loads (which cite the title too). Source ids become short numbers. This keeps the functions
 * bundle, which embeds the full ECB daily history too, within its size goal (BENCHMARKS.md). */
const DROP_ROW = ["label", "published", "unit", "derivedFrom", "measure", "quote", "definition"];

module.exports = function slimDatasets(source) {
  const data = JSON.parse(source);
  if (data && Array.isArray(data.metrics)) {
    for (const metric of data.metrics) delete metric.description;
    return JSON.stringify(data);
  }
  if (!data || !data.meta || !Array.isArray(data.rows)) return source;
  delete data.meta.description;
  const ids = new Map();
  data.meta.sources.forEach((s, i) => {
    ids.set(s.id, String(i));
    s.id = String(i);
    delete s.note;
    delete s.title;
  });
  for (const m of data.meta.mentions ?? []) {
    delete m.quote;
    m.source = ids.get(m.source) ?? m.source;
  }
  for (const row of data.rows) {
    for (const key of DROP_ROW) delete row[key];
    if (row.status === "confirmed") delete row.note;
    row.source = ids.get(row.source) ?? row.source;
  }
  return JSON.stringify(data);
};
