/**
 * The money core: exact decimals, USD↔KRW conversion, reading and writing amounts.
 * Pure TypeScript (no Office, no DOM, no fetch); every rounding is named and applied once.
 */
export {
  type Dec,
  decAdd,
  decCompare,
  decDivRoundHalfAwayFromZero,
  decFromDigits,
  decFromNumber,
  decIsZero,
  decMul,
  decNeg,
  decRoundHalfAwayFromZero,
  decScale,
  decSign,
  decSub,
  decToNumber,
  decToString,
} from "./decimal";
export { type PreparedRate, convertAmount, decToExcelNumber, krwToUsd, prepareRate, usdToKrw } from "./convert";
export { currencyCode } from "./currency";
export { type Currency, type ParsedAmount, amountFrom, parseAmount } from "./parse";
export { formatKrw } from "./format";
