/* The sentences of the cleaner: what stands where it would write, and what it did. Pure (results
 * in, UI messages out), so the wording is tested without Excel. */
import { columnLetters, rectAddress, unitName, type Obstacle } from "../core/sheet";
import type { Language } from "../core/messages";
import type { CleanResult, CleanTarget, UnitUsed } from "./excel/clean";
import { t, type UiMessage } from "./i18n";
import type { CleanQuestion } from "./state";

function msg(key: UiMessage["key"], params?: UiMessage["params"]): UiMessage {
  return params === undefined ? { key } : { key, params };
}

/** Column letters of a range of columns: "F:H" (or "F" for one). */
function columnSpan(c0: number, c1: number): string {
  return c0 === c1 ? columnLetters(c0) : `${columnLetters(c0)}:${columnLetters(c1)}`;
}

/** The first and last column of an address such as "Sheet1!F5:I21". */
function targetColumns(address: string): [string, string] {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const [a, b] = local.split(":");
  const letters = (cell: string) => cell.replace(/[^A-Z]/gi, "");
  return [letters(a), letters(b ?? a)];
}

function obstacleLine(o: Obstacle, target: CleanTarget): UiMessage {
  switch (o.kind) {
    case "table": {
      const [first, last] = targetColumns(target.address);
      const all = columnSpan(o.rect.c0, o.rect.c1) === (first === last ? first : `${first}:${last}`);
      return all
        ? msg("cleanObstacleTableAll", { count: o.columns.length, columns: o.columns.join(", "), table: o.table, span: columnSpan(o.rect.c0, o.rect.c1) })
        : msg("cleanObstacleTable", { range: rectAddress(o.rect), columns: o.columns.join(", "), table: o.table });
    }
    case "tableEdge":
      return msg("cleanObstacleEdge", { range: rectAddress(o.rect), table: o.table });
    case "spill":
      return msg("cleanObstacleSpill", { range: rectAddress(o.rect), anchor: o.anchor });
    case "formulas":
      return msg("cleanObstacleFormulas", { count: o.count, cells: o.cells.join(", ") + (o.count > o.cells.length ? ", …" : "") });
    case "unknown":
      return msg("cleanObstacleUnknown", { count: o.count });
    case "values":
      return msg("cleanObstacleValues", { count: o.count });
  }
}

/**
 * The question the pane asks when something stands where the cleaned amounts would go.
 * @param result - a "blocked" or "needsConfirmation" result of cleanSelection
 */
export function cleanQuestion(result: Extract<CleanResult, { kind: "blocked" | "needsConfirmation" }>): CleanQuestion {
  const { target } = result;
  const lines: UiMessage[] = [msg("cleanTargetIntro", { columns: target.columns, target: target.address })];
  if (result.kind === "blocked") lines.push(...result.obstacles.map((o) => obstacleLine(o, target)));
  else lines.push(msg("cleanObstacleValues", { count: result.cells }));
  lines.push(target.free ? msg("cleanOfferFree", { free: target.free.address }) : msg("cleanNoFree"));
  return { lines, overwrite: result.kind === "needsConfirmation", free: target.free };
}

/** Where the unit the plain numbers were read in came from, as a sentence. */
export function unitLine(unit: UnitUsed, lang: Language): UiMessage | null {
  const name = unitName({ power: unit.power, currency: unit.currency }, lang);
  if (unit.powerChosen || unit.currencyChosen) return msg("cleanedUnitChosen", { unit: name });
  if (unit.caption) return msg("cleanedUnitCaption", { unit: name, text: unit.caption.text, address: unit.caption.address });
  return null;
}

/** What a clean did, line by line. */
export function cleanedLines(result: Extract<CleanResult, { kind: "cleaned" }>, lang: Language): UiMessage[] {
  const lines = [msg("cleaned", { read: result.read, address: result.address, target: result.target })];
  const unit = unitLine(result.unit, lang);
  if (unit) lines.push(unit);
  if (result.labels.length > 0) lines.push(msg("cleanedLabels", { columns: result.labels.join(", ") }));
  if (result.published > 0) lines.push(msg("cleanedPublished", { published: result.published, differing: result.differing }));
  if (result.unread > 0) lines.push(msg("cleanedUnread", { unread: result.unread }));
  if (result.noCurrency > 0) lines.push(msg("cleanedNoCurrency", { count: result.noCurrency }));
  return lines;
}

/** The sentence of the pickers' "Automatic" choice: what the last clean found. */
export function detectedText(unit: UnitUsed | null, lang: Language): string {
  if (unit === null) return t("cleanDetectedNone", lang);
  if (unit.caption) return t("cleanDetected", lang, { unit: unitName(unit.caption, lang), text: unit.caption.text, address: unit.caption.address });
  return t("cleanDetectedNothing", lang);
}
