/* What the task pane and the custom functions share in the one JavaScript context of the shared
 * runtime. Each bundle has its own copy of every module, so the state lives on the global object
 * under registry symbols: one slot, both readers.
 * - the workbook's reference-rate choice, and whether it has been read from the workbook yet (the
 *   functions wait for it rather than calculate with a default: Excel may calculate before the
 *   pane has started);
 * - a newer ECB rates file the pane brought from the feed;
 * - who to tell when the functions first used the unpinned latest rate (the pane records its day). */
import type { ReferenceChoice } from "../core/fx/reference";
import type { PackedRates } from "../core/fx/ecb";

export type { ReferenceChoice } from "../core/fx/reference";

/** The workbook setting holding the reference-rate choice (JSON text; empty: none). */
export const REFERENCE_SETTING = "aifin.reference";

interface Shared {
  choice: ReferenceChoice | null;
  /** Resolved once the workbook's saved choice has been read (by either bundle). */
  restored: Promise<void> | null;
  settle: (() => void) | null;
  known: boolean;
  rates: PackedRates | null;
  onLatestUsed: ((day: string) => void) | null;
  /** The day of the latest rate the functions used while no choice was pinned, not yet told to a listener. */
  usedDay: string | null;
}

const SLOT = Symbol.for("aifin.shared");

function shared(): Shared {
  const holder = globalThis as { [SLOT]?: Shared };
  holder[SLOT] ??= { choice: null, restored: null, settle: null, known: false, rates: null, onLatestUsed: null, usedDay: null };
  return holder[SLOT];
}

/** The choice in force, or null for the data's latest rate. */
export function referenceChoice(): ReferenceChoice | null {
  return shared().choice;
}

/** Sets (or, with null, clears) the choice, and marks the workbook's choice known; the caller recalculates the workbook afterwards. */
export function setReferenceChoice(choice: ReferenceChoice | null): void {
  const s = shared();
  s.choice = choice;
  markReferenceKnown();
}

/** True once the workbook's saved choice has been read (or set by the pane). */
export function referenceKnown(): boolean {
  return shared().known;
}

/** Marks the saved choice as read: functions waiting for it go on. */
export function markReferenceKnown(): void {
  const s = shared();
  s.known = true;
  s.settle?.();
}

/**
 * A promise that resolves once the workbook's saved choice is known. Outside Office (tests, a
 * host without workbook settings) the caller marks it known at start.
 */
export function whenReferenceKnown(): Promise<void> {
  const s = shared();
  if (s.known) return Promise.resolve();
  s.restored ??= new Promise<void>((resolve) => {
    s.settle = resolve;
  });
  return s.restored;
}

/** A newer ECB rates file from the feed, or null (the bundle's own). */
export function sharedRates(): PackedRates | null {
  return shared().rates;
}

/** Installs rates from the feed for the functions to use; the caller recalculates. */
export function setSharedRates(rates: PackedRates | null): void {
  shared().rates = rates;
}

/**
 * The pane's listener for the use of the unpinned latest rate; told at once of a use that
 * happened before it was registered.
 */
export function onLatestUsed(listener: ((day: string) => void) | null): void {
  const s = shared();
  s.onLatestUsed = listener;
  const day = s.usedDay;
  if (listener && day !== null) {
    s.usedDay = null;
    listener(day);
  }
}

/** Tells the pane that a function used the unpinned latest rate of `day` (so it records the day), or keeps it until a pane listens. */
export function latestUsed(day: string): void {
  const s = shared();
  if (s.onLatestUsed) s.onLatestUsed(day);
  else s.usedDay ??= day;
}

/** Forgets everything (tests). */
export function resetShared(): void {
  const holder = globalThis as { [SLOT]?: Shared };
  delete holder[SLOT];
}
