/* Webpack loader for the functions bundle only: the data files as the custom functions use them.
 * The functions cite a figure by publisher, date, URL and kind, with its status, qualifier and the
 * reason a figure is unconfirmed or derived; they never show the curators' notes on confirmed
 * figures, the quote, the definition, the published wording, a document's title or the notes of
 * sources, nor metric descriptions, nor the parenthetical after a filing's or release's publisher, and the reason of an unconfirmed or derived figure is cut to
 * its first sentences: those stay in the data files, the feed and the tables the pane
 * loads (which cite the title too). Source ids become short numbers; the rows become columns, and
 * the commonest qualifier and status are implied. This keeps the functions
 * bundle, which embeds the full ECB daily history too, within its size goal (BENCHMARKS.md). */
const DROP_ROW = ["label", "published", "unit", "derivedFrom", "measure", "quote", "definition"];
/** The reason AI_SOURCE gives for an unconfirmed or derived figure is cut to this length, at a sentence's end where one is near ("…" marks the cut; the whole note is in the data files and the tables). */
const NOTE_LENGTH = 100;
/** A row's qualifier and status when its slimmed copy has none (the same pair as IMPLIED_ROW_FIELDS in src/core/data/catalog.ts). */
const IMPLIED = { qualifier: "exact", status: "confirmed" };
/** Kinds whose publisher is the company itself: AI_SOURCE names it without the curators' parenthetical on how the document was read (the data files keep it). */
const OWN_KINDS = new Set(["filing", "company_release", "company_release_copy"]);

/** A note cut at a sentence's end within `NOTE_LENGTH`, or at the length, with "…". */
function shortNote(note) {
  if (note.length <= NOTE_LENGTH) return note;
  const head = note.slice(0, NOTE_LENGTH);
  const end = Math.max(head.lastIndexOf(". "), head.lastIndexOf("; "));
  return `${end > 60 ? head.slice(0, end + 1) : head.trimEnd()} …`;
}

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
    if (OWN_KINDS.has(s.kind) && typeof s.publisher === "string") s.publisher = s.publisher.replace(/\s*\(.*\)\s*$/, "") || s.publisher;
  });
  for (const m of data.meta.mentions ?? []) {
    delete m.quote;
    m.source = ids.get(m.source) ?? m.source;
  }
  for (const row of data.rows) {
    for (const key of DROP_ROW) delete row[key];
    if (row.status === "confirmed") delete row.note;
    else if (typeof row.note === "string") row.note = shortNote(row.note);
    // The commonest values are implied (src/core/data/catalog.ts puts them back when it loads).
    if (row.qualifier === IMPLIED.qualifier) delete row.qualifier;
    if (row.status === IMPLIED.status) delete row.status;
    row.source = ids.get(row.source) ?? row.source;
  }
  data.rows = columnar(data.rows);
  return JSON.stringify(data);
};

/**
 * Rows as columns: one array per field, null where a row has no such field, and `nulls` listing
 * the rows whose field is null itself (a range's value). About 1.4 KB less gzipped than row
 * objects; src/core/data/catalog.ts (rowsFromColumns) rebuilds the rows.
 */
function columnar(rows) {
  const columns = {};
  const nulls = {};
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  for (const key of keys) {
    columns[key] = rows.map((row, i) => {
      if (!(key in row)) return null;
      if (row[key] === null) (nulls[key] ??= []).push(i);
      return row[key];
    });
  }
  return { count: rows.length, columns, nulls };
}
