/* The reference-rate choice the task pane makes and the custom functions read. In the shared
 * runtime both bundles run in one JavaScript context but each has its own copy of every module,
 * so the choice lives on the global object under a registry symbol: one slot, both readers. */

/** The user's choice of reference rate: a dataset period (e.g. "2024-Q3") or a manual rate. */
export type ReferenceChoice = { readonly kind: "period"; readonly period: string } | { readonly kind: "manual"; readonly rate: number };

const SLOT = Symbol.for("aifin.referenceChoice");

type Holder = { [SLOT]?: ReferenceChoice | null };

/** The choice in force, or null for the data file's own reference rate. */
export function referenceChoice(): ReferenceChoice | null {
  return (globalThis as Holder)[SLOT] ?? null;
}

/** Sets (or, with null, clears) the choice; the caller recalculates the workbook afterwards. */
export function setReferenceChoice(choice: ReferenceChoice | null): void {
  (globalThis as Holder)[SLOT] = choice;
}
