/* Excel number formats rendered the way a cell shows them: "\"₩\"#,##0" → "₩3,960,000,000,000",
 * "$#,##0.00;($#,##0.00)", "0.0%", "yyyy-mm-dd", "@", "General". Sections (positive;negative;zero;
 * text), quoted and escaped literals, [Red]-style colours, [$₩-ko-KR] currency tags, thousands
 * separators and scaling commas, percent, scientific and date/time codes. A format outside this
 * subset renders as General and says so (`unsupported`), never silently as something else. */

/** What a cell shows for a value under a format. */
export interface FormattedValue {
  readonly text: string;
  /** A colour code from the format ([Red] → "red"). */
  readonly color?: string;
  /** True when the preview could not render this format and fell back to General. */
  readonly unsupported?: boolean;
}

/** A value as the preview's cells hold it. */
export type DisplayValue = number | string | boolean | null;

const COLORS: Record<string, string> = {
  black: "black",
  blue: "blue",
  cyan: "darkcyan",
  green: "green",
  magenta: "magenta",
  red: "#c00000",
  white: "white",
  yellow: "#b58900",
};

/** Excel's General: up to 11 significant characters is what a default-width cell shows; the preview shows 15 digits like the formula bar. */
export function formatGeneral(value: DisplayValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "#NUM!";
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e15 || abs < 1e-9) {
    const [mant, exp] = value.toExponential(14).split("e");
    const trimmed = mant.includes(".") ? mant.replace(/0+$/, "").replace(/\.$/, "") : mant;
    const e = Number(exp);
    return `${trimmed}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const text = String(Number(value.toPrecision(15)));
  return text.includes("e") ? formatGeneral(Number(text)) : text;
}

type Token =
  | { kind: "literal"; text: string }
  | { kind: "digits"; text: string } // a run of 0 # ? , . characters
  | { kind: "percent" }
  | { kind: "exponent"; sign: "+" | "-" }
  | { kind: "text" } // @
  | { kind: "date"; code: string };

interface Section {
  tokens: Token[];
  color?: string;
  condition?: string;
  isDate: boolean;
}

/** Splits a format into its sections, honouring quotes, escapes and brackets. */
function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === "\\" && !quoted && i + 1 < format.length) {
      cur += ch + format[++i];
      continue;
    }
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (ch === "[" && !quoted) bracket = true;
    else if (ch === "]" && !quoted) bracket = false;
    if (ch === ";" && !quoted && !bracket) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

const DATE_CODE = /^(yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p)/i;

/**
 * Characters a format may show without quotes or a backslash (Microsoft's "Review guidelines for
 * customizing a number format"); any other text belongs in "quotes" or after a backslash.
 */
const BARE_LITERALS = new Set([..."$+(:^'{<=-/)!&~}> "]);

/** Tokenizes one section; throws on what the preview does not render. Text shown bare that needs quotes goes to `bare`. */
function parseSection(text: string, bare?: string[]): Section {
  const tokens: Token[] = [];
  let color: string | undefined;
  let condition: string | undefined;
  let isDate = false;
  const pushLiteral = (s: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === "literal") last.text += s;
    else tokens.push({ kind: "literal", text: s });
  };
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    const rest = text.slice(i);
    if (ch === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) throw new Error("unterminated quote");
      pushLiteral(text.slice(i + 1, end));
      i = end + 1;
    } else if (ch === "\\") {
      pushLiteral(text[i + 1] ?? "");
      i += 2;
    } else if (ch === "[") {
      const end = text.indexOf("]", i);
      if (end < 0) throw new Error("unterminated bracket");
      const inner = text.slice(i + 1, end);
      const lower = inner.toLowerCase();
      if (COLORS[lower]) color = COLORS[lower];
      else if (/^color\s*\d+$/i.test(inner)) color = undefined;
      else if (inner.startsWith("$")) {
        const symbol = inner.slice(1).split("-")[0];
        if (symbol) pushLiteral(symbol);
      } else if (/^[<>=]/.test(inner)) condition = inner;
      else throw new Error(`bracket [${inner}]`);
      i = end + 1;
    } else if (ch === "_") {
      pushLiteral(" ");
      i += 2;
    } else if (ch === "*") {
      i += 2;
    } else if (/^[0#?.,]/.test(rest)) {
      let run = "";
      while (i < text.length && /[0#?.,]/.test(text[i])) run += text[i++];
      const last = tokens[tokens.length - 1];
      if (last && last.kind === "digits") last.text += run;
      else tokens.push({ kind: "digits", text: run });
    } else if (ch === "%") {
      tokens.push({ kind: "percent" });
      i++;
    } else if (/^e[+-]/i.test(rest)) {
      tokens.push({ kind: "exponent", sign: rest[1] as "+" | "-" });
      i += 2;
    } else if (ch === "@") {
      tokens.push({ kind: "text" });
      i++;
    } else if (DATE_CODE.test(rest)) {
      const code = DATE_CODE.exec(rest)![0];
      tokens.push({ kind: "date", code });
      isDate = true;
      i += code.length;
    } else if (/[A-Za-z]/.test(ch) && !/^general/i.test(rest)) {
      throw new Error(`code ${ch}`);
    } else if (/^general/i.test(rest)) {
      tokens.push({ kind: "literal", text: "\u0000GENERAL" });
      i += 7;
    } else {
      if (!BARE_LITERALS.has(ch)) bare?.push(ch);
      pushLiteral(ch);
      i++;
    }
  }
  return { tokens, color, condition, isDate };
}

/**
 * Why Excel's documented format syntax does not allow a format, or null: text shown outside quotes
 * that is not one of the characters allowed bare ("₩#,##0" must be written "\"₩\"#,##0" or
 * "[$₩-ko-KR]#,##0"). Formats the preview cannot render are not judged here.
 * @example formatProblem("₩#,##0") // "the text '₩' is not in quotes…"
 * @example formatProblem('"₩"#,##0') // null
 */
export function formatProblem(format: string): string | null {
  const bare: string[] = [];
  try {
    for (const section of splitSections(format)) parseSection(section, bare);
  } catch {
    return null;
  }
  if (bare.length === 0) return null;
  const shown = [...new Set(bare)].join("");
  return `the text '${shown}' is not in quotes: write it "${shown}" or \\${[...shown][0]} (a currency symbol may also be a tag such as [$₩-ko-KR])`;
}

/** Digits with grouping, for the integer part. */
function groupThousands(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Decimal string of |x| rounded half away from zero to `decimals` places. */
function fixed(abs: number, decimals: number): string {
  if (abs >= 1e21) return BigInt(Math.round(abs)).toString() + (decimals > 0 ? "." + "0".repeat(decimals) : "");
  // toFixed rounds the binary value; nudge by the representation error so 1.005 → 1.01 as Excel shows.
  const scaled = Number(abs.toPrecision(15));
  const text = scaled.toFixed(decimals);
  const exact = Number(`${scaled}e${decimals}`);
  const rounded = Math.round(exact);
  if (Number.isFinite(exact) && Math.abs(exact) < 1e15) {
    const digits = String(rounded).padStart(decimals + 1, "0");
    return decimals > 0 ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
  }
  return text;
}

/** Renders a number through a digits pattern like "#,##0.00" (plus % and scaling handled by the caller). */
function renderNumber(abs: number, pattern: string): string {
  const dot = pattern.indexOf(".");
  let intPat = dot >= 0 ? pattern.slice(0, dot) : pattern;
  const fracPat = (dot >= 0 ? pattern.slice(dot + 1) : "").replace(/,/g, "");
  // Trailing commas scale by 1000 each.
  while (intPat.endsWith(",")) {
    intPat = intPat.slice(0, -1);
    abs /= 1000;
  }
  const grouping = intPat.includes(",");
  const intCore = intPat.replace(/,/g, "");
  const minInt = (intCore.match(/0/g) ?? []).length;
  const minFrac = (fracPat.match(/0/g) ?? []).length;
  const maxFrac = fracPat.length;
  let text = fixed(abs, maxFrac);
  let [i, f = ""] = text.split(".");
  while (f.length > minFrac && f.endsWith("0")) f = f.slice(0, -1);
  if (i === "0" && minInt === 0) i = "";
  i = i.padStart(minInt, "0");
  if (grouping) i = groupThousands(i);
  text = f.length > 0 || (dot >= 0 && fracPat.length === 0) ? `${i}.${f}` : i;
  if (dot >= 0 && fracPat.length > 0 && f.length === 0) text = `${i}.`;
  return text;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Excel serial (1900 system, 1899-12-30 epoch) → UTC date parts. */
function serialToParts(serial: number) {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  return {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    wd: d.getUTCDay(),
    h: d.getUTCHours(),
    min: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
  };
}

function renderDate(serial: number, tokens: Token[]): string {
  const p = serialToParts(serial);
  const hasAmPm = tokens.some((t) => t.kind === "date" && /^a/i.test(t.code));
  let out = "";
  tokens.forEach((t, idx) => {
    if (t.kind === "literal") {
      out += t.text;
      return;
    }
    if (t.kind !== "date") {
      out += t.kind === "digits" ? t.text : "";
      return;
    }
    const code = t.code.toLowerCase();
    const prevDate = tokens.slice(0, idx).reverse().find((x) => x.kind === "date") as { code: string } | undefined;
    const nextDate = tokens.slice(idx + 1).find((x) => x.kind === "date") as { code: string } | undefined;
    const isMinute = (code === "m" || code === "mm") && ((prevDate && /^h/i.test(prevDate.code)) || (nextDate && /^s/i.test(nextDate.code)));
    const hour12 = p.h % 12 === 0 ? 12 : p.h % 12;
    switch (code) {
      case "yyyy": out += String(p.y); break;
      case "yy": out += String(p.y % 100).padStart(2, "0"); break;
      case "mmmmm": out += MONTHS[p.m - 1][0]; break;
      case "mmmm": out += MONTHS[p.m - 1]; break;
      case "mmm": out += MONTHS[p.m - 1].slice(0, 3); break;
      case "mm": out += String(isMinute ? p.min : p.m).padStart(2, "0"); break;
      case "m": out += String(isMinute ? p.min : p.m); break;
      case "dddd": out += DAYS[p.wd]; break;
      case "ddd": out += DAYS[p.wd].slice(0, 3); break;
      case "dd": out += String(p.d).padStart(2, "0"); break;
      case "d": out += String(p.d); break;
      case "hh": out += String(hasAmPm ? hour12 : p.h).padStart(2, "0"); break;
      case "h": out += String(hasAmPm ? hour12 : p.h); break;
      case "ss": out += String(p.s).padStart(2, "0"); break;
      case "s": out += String(p.s); break;
      case "am/pm": out += p.h < 12 ? "AM" : "PM"; break;
      case "a/p": out += p.h < 12 ? "A" : "P"; break;
    }
  });
  return out;
}

function renderSection(value: number, section: Section, signed: boolean): string {
  if (section.isDate) return renderDate(value, section.tokens);
  let abs = Math.abs(value);
  if (section.tokens.some((t) => t.kind === "percent")) abs *= 100;
  const digitTokens = section.tokens.filter((t) => t.kind === "digits") as { text: string }[];
  const expIdx = section.tokens.findIndex((t) => t.kind === "exponent");
  let out = "";
  if (expIdx >= 0) {
    const mantPat = digitTokens[0]?.text ?? "0";
    const expPat = (section.tokens.slice(expIdx + 1).find((t) => t.kind === "digits") as { text: string } | undefined)?.text ?? "0";
    const sign = (section.tokens[expIdx] as { sign: "+" | "-" }).sign;
    const intDigits = Math.max(1, (mantPat.split(".")[0].match(/[0#?]/g) ?? []).length);
    let exp = abs === 0 ? 0 : Math.floor(Math.log10(abs));
    exp -= (exp % intDigits + intDigits) % intDigits;
    let mant = abs === 0 ? 0 : abs / 10 ** exp;
    const mantText0 = renderNumber(mant, mantPat);
    if (Number(mantText0.replace(/,/g, "")) >= 10 ** intDigits) {
      exp += intDigits;
      mant = abs / 10 ** exp;
    }
    const mantText = renderNumber(mant, mantPat);
    const expText = String(Math.abs(exp)).padStart(expPat.replace(/[^0]/g, "").length, "0");
    out = `${mantText}E${exp < 0 ? "-" : sign === "+" ? "+" : ""}${expText}`;
    const before = section.tokens.slice(0, section.tokens.indexOf(digitTokens[0] as Token)).map(lit).join("");
    return (signed && value < 0 ? "-" : "") + before + out;
  }
  let placedNumber = false;
  const pattern = digitTokens.map((t) => t.text).join("");
  for (const t of section.tokens) {
    if (t.kind === "literal") out += t.text === "\u0000GENERAL" ? formatGeneral(abs) : t.text;
    else if (t.kind === "percent") out += "%";
    else if (t.kind === "digits") {
      if (!placedNumber) out += renderNumber(abs, pattern);
      placedNumber = true;
    } else if (t.kind === "text") out += formatGeneral(abs);
  }
  // Excel keeps the sign of a negative that rounds to zero (-0.4 under "0" shows "-0").
  return (signed && value < 0 ? "-" : "") + out;
}

function lit(t: Token): string {
  return t.kind === "literal" ? t.text : "";
}

/** True for formats that show numbers as dates or times. */
export function isDateFormat(format: string): boolean {
  try {
    return splitSections(format).some((s) => parseSection(s).isDate);
  } catch {
    return false;
  }
}

/**
 * What a cell with this value and number format shows.
 * @param value - the cell's value (null for empty)
 * @param format - an Excel number format ("General" or "" for none)
 * @returns the text, its colour if the format gives one, and whether the format was unsupported
 * @example formatValue(3960000000000, "₩#,##0").text === "₩3,960,000,000,000"
 */
export function formatValue(value: DisplayValue, format: string): FormattedValue {
  if (value === null) return { text: "" };
  if (!format || /^general$/i.test(format)) return { text: formatGeneral(value) };
  if (typeof value === "boolean") return { text: formatGeneral(value) };
  let sections: Section[];
  try {
    sections = splitSections(format).map((section) => parseSection(section));
  } catch {
    return { text: formatGeneral(value), unsupported: true };
  }
  if (typeof value === "string") {
    const textSection = sections.length >= 4 ? sections[3] : sections.find((s) => s.tokens.some((t) => t.kind === "text"));
    if (!textSection) return { text: value };
    const text = textSection.tokens.map((t) => (t.kind === "text" ? value : lit(t))).join("");
    return { text, color: textSection.color };
  }
  if (!Number.isFinite(value)) return { text: "#NUM!" };
  if (sections.some((s) => s.condition)) return { text: formatGeneral(value), unsupported: true };
  let section = sections[0];
  let signed = true;
  if (value < 0 && sections.length >= 2 && sections[1].tokens.length > 0) {
    section = sections[1];
    signed = false;
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2];
  }
  if (section.isDate && value < 0) return { text: "#".repeat(8) };
  return { text: renderSection(value, section, signed), color: section.color };
}
