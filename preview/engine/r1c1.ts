/* Formulas between A1 and R1C1 notation, for Range.formulasR1C1 and for conditional-format rules
 * evaluated cell by cell: references are rewritten outside string literals; $ marks absolute. */
import { columnIndex, columnLetters } from "./addresses";

/** Applies `f` to the parts of a formula outside "string literals". */
function outsideStrings(formula: string, f: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : f(part)))
    .join("");
}

const A1_REF = /(?<![A-Za-z0-9_.$\]])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(\[])/g;
const R1C1_REF = /(?<![A-Za-z0-9_.])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(])/g;

/**
 * A1 formula → R1C1 formula, as seen from the cell at (row, col).
 * @example toR1C1("=SUM(A1:B2)", 2, 2) === "=SUM(R[-2]C[-2]:R[-1]C[-1])"
 */
export function toR1C1(formula: string, row: number, col: number): string {
  if (!formula.startsWith("=")) return formula;
  return outsideStrings(formula, (code) =>
    code.replace(A1_REF, (_m, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      const c = columnIndex(letters);
      const r = Number(digits) - 1;
      if (c < 0) return _m;
      const rPart = rowAbs ? `R${r + 1}` : r === row ? "R" : `R[${r - row}]`;
      const cPart = colAbs ? `C${c + 1}` : c === col ? "C" : `C[${c - col}]`;
      return rPart + cPart;
    }),
  );
}

/**
 * R1C1 formula → A1 formula, for the cell at (row, col).
 * @example toA1("=R[-1]C*2", 3, 1) === "=B3*2"
 */
export function toA1(formula: string, row: number, col: number): string {
  if (!formula.startsWith("=")) return formula;
  return outsideStrings(formula, (code) =>
    code.replace(R1C1_REF, (_m, rPart: string | undefined, cPart: string | undefined) => {
      const r = rPart === undefined ? row : rPart.startsWith("[") ? row + Number(rPart.slice(1, -1)) : Number(rPart) - 1;
      const c = cPart === undefined ? col : cPart.startsWith("[") ? col + Number(cPart.slice(1, -1)) : Number(cPart) - 1;
      const rowAbs = rPart !== undefined && !rPart.startsWith("[");
      const colAbs = cPart !== undefined && !cPart.startsWith("[");
      if (r < 0 || c < 0) return "#REF!";
      return `${colAbs ? "$" : ""}${columnLetters(c)}${rowAbs ? "$" : ""}${r + 1}`;
    }),
  );
}

/**
 * Moves the relative parts of an A1 formula's references by (dRow, dCol), as when the formula is
 * applied to another cell (conditional formats, filled formulas).
 * @example shiftA1("=LEFT($J5,1)", 2, 0) === "=LEFT($J7,1)"
 */
export function shiftA1(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return outsideStrings(formula, (code) =>
    code.replace(A1_REF, (m, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      const c = columnIndex(letters);
      if (c < 0) return m;
      const r = Number(digits) - 1 + (rowAbs ? 0 : dRow);
      const c2 = c + (colAbs ? 0 : dCol);
      if (r < 0 || c2 < 0) return "#REF!";
      return `${colAbs}${columnLetters(c2)}${rowAbs}${r + 1}`;
    }),
  );
}
