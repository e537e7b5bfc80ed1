/* Rebuilding data/fx/ecb-reference-rates.json from a newer ECB file (npm run data:fx): read and
 * check the CSV, pack it, and say what changed against the shipped file. Pure: the command
 * (scripts/data-fx.ts) does the reading and writing. */
import { ECB_HISTORY_URL, LARGE_MOVE, isoToDayNumber, packRates, parseEcbCsv, unpackRates, fixingText, dayNumberToIso, type EcbProblem, type PackedRates } from "./ecb";
import { crossHundredths } from "./series";

/** The id of the packed ECB rates, in data/fx/ and in the feed. */
export const ECB_RATES_ID = "ecb-reference-rates";

/** The provenance every packed file states. */
export const ECB_PROVENANCE = {
  publisher: "European Central Bank",
  title: "Euro foreign exchange reference rates, full history (eurofxref-hist)",
  url: ECB_HISTORY_URL,
  note: "Source: ECB. Units of each currency per 1 EUR, set at about 14:10 CET on TARGET business days. Won per US dollar is derived (KRW ÷ USD, exact, rounded half away from zero to 2 decimals); the ECB publishes no KRW/USD rate.",
} as const;

/** The version of a packed file: its last day as a semantic version (2026-04-13 → 2026.4.13), so newer data is a higher version. */
export function ratesVersion(last: string): string {
  const [y, m, d] = last.split("-").map(Number);
  return `${y}.${m}.${d}`;
}

/** A day-on-day move of won per dollar beyond {@link LARGE_MOVE}, for a person to check. */
export interface LargeMove {
  readonly from: string;
  readonly to: string;
  readonly before: string;
  readonly after: string;
  readonly change: string;
}

/** What an update would do. */
export type RatesUpdate =
  | { readonly ok: true; readonly packed: PackedRates; readonly report: readonly string[]; readonly moves: readonly LargeMove[]; readonly changed: boolean }
  | { readonly ok: false; readonly problems: readonly EcbProblem[] };

const shown = (hundredths: number) => fixingText(hundredths, 2);

/**
 * Reads a newer ECB history and compares it with the shipped file.
 * @param csv - eurofxref-hist.csv as text
 * @param current - the shipped data file, or null when there is none yet
 * @returns the new file and a report (days added, days whose fixings changed, days missing from
 *   the new file, large moves), or the problems that refuse the file
 */
export function planRatesUpdate(csv: string, current: PackedRates | null): RatesUpdate {
  const parsed = parseEcbCsv(csv);
  if (!parsed.ok) return parsed;
  const days = parsed.days;
  const last = days[days.length - 1].date;
  const packed = packRates(days, { id: ECB_RATES_ID, version: ratesVersion(last), source: ECB_PROVENANCE });
  const unpacked = unpackRates(packed);

  const moves: LargeMove[] = [];
  let previous = -1;
  for (let i = 0; i < days.length; i++) {
    const cross = crossHundredths(unpacked.values.KRW[i], unpacked.decimals.KRW, unpacked.values.USD[i], unpacked.decimals.USD);
    if (previous > 0 && Math.abs(cross - previous) / previous > LARGE_MOVE) {
      const change = ((cross - previous) / previous) * 100;
      moves.push({ from: days[i - 1].date, to: days[i].date, before: shown(previous), after: shown(cross), change: `${change > 0 ? "+" : ""}${change.toFixed(1)}%` });
    }
    previous = cross;
  }

  const report: string[] = [`${packed.meta.days} days, ${packed.meta.first} to ${packed.meta.last}`];
  let changed = current === null;
  if (current === null) {
    report.push("no shipped file: all days are new");
  } else {
    if (isoToDayNumber(last) < isoToDayNumber(current.meta.last)) {
      return { ok: false, problems: [{ line: 0, reason: `the file ends at ${last}, before the shipped file's last day ${current.meta.last}: a newer history never ends earlier` }] };
    }
    const old = unpackRates(current);
    const oldIndex = new Map<number, number>();
    old.days.forEach((day, i) => oldIndex.set(day, i));
    const newDays = new Set<number>(unpacked.days);
    const added: string[] = [];
    const revised: string[] = [];
    for (let i = 0; i < unpacked.days.length; i++) {
      const day = unpacked.days[i];
      const j = oldIndex.get(day);
      if (j === undefined) {
        added.push(dayNumberToIso(day));
        continue;
      }
      for (const code of ["USD", "KRW"] as const) {
        const before = fixingText(old.values[code][j], old.decimals[code]);
        const after = fixingText(unpacked.values[code][i], unpacked.decimals[code]);
        if (Number(before) !== Number(after)) revised.push(`${dayNumberToIso(day)} ${code} ${before} → ${after}`);
      }
    }
    const dropped = [...old.days].filter((day) => !newDays.has(day)).map(dayNumberToIso);
    if (added.length > 0) report.push(`${added.length} new day${added.length === 1 ? "" : "s"}: ${added[0]} to ${added[added.length - 1]} (was to ${current.meta.last})`);
    else report.push(`no new days (the shipped file already ends at ${current.meta.last})`);
    if (revised.length > 0) report.push(`${revised.length} fixing${revised.length === 1 ? "" : "s"} revised: ${revised.slice(0, 20).join("; ")}${revised.length > 20 ? "; …" : ""}`);
    if (dropped.length > 0) report.push(`${dropped.length} shipped day${dropped.length === 1 ? " is" : "s are"} not in the new file: ${dropped.slice(0, 20).join(", ")}${dropped.length > 20 ? ", …" : ""}`);
    changed = added.length + revised.length + dropped.length > 0;
  }
  for (const move of moves) report.push(`flag: won per dollar moved ${move.change} from ${move.from} (${move.before}) to ${move.to} (${move.after}): check it against another source`);
  return { ok: true, packed, report, moves, changed };
}
