// Numbers as CRMs and spreadsheets write them (`1 234 567,89`, `1.234.567,89`, `1,234,567.89`, `₽`, `lei`) → plain decimals.
import type { Lang } from "../types.js";

// Currency signs and codes, and the spaces used to group digits (1C writes a no-break space).
const CURRENCY = /(?:руб(?:лей|ля|ль)?\.?|р\.|₽|rub|rur|lei|ron|mdl|леев|лей|usd|eur|gbp|us\$|\$|€|£|¥|₴|₸|тенге|грн\.?)/giu;
const SPACES = /[\s\u00a0\u202f\u2009\u2007']+/g;
const NEG_PAREN = /^\((.*)\)$/;
const PLAIN = /^\d+$/;
const COMMA_DECIMAL = /^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;
const DOT_DECIMAL = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const SPACE_GROUPED = /^\d{1,3}(?:[\s\u00a0\u202f\u2009']\d{3})+(?:[.,]\d+)?$/;

/** The value without currency, spaces and sign: `{body, negative}`; body `""` when nothing numeric is left. */
function clean(raw: string): { body: string; negative: boolean } {
  let s = raw.trim().replace(CURRENCY, "").trim();
  let negative = false;
  const paren = NEG_PAREN.exec(s);
  if (paren) {
    negative = true;
    s = paren[1]!.trim();
  }
  if (s.startsWith("-") || s.startsWith("−")) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  return { body: s.replace(SPACES, ""), negative };
}

/** The plain decimal: no leading zeros, no trailing fractional zeros, `.` as the mark. */
function canonical(intPart: string, frac: string, negative: boolean): string {
  let i = intPart.replace(/^0+(?=\d)/, "");
  if (i === "") i = "0";
  const f = frac.replace(/0+$/, "");
  const out = f ? `${i}.${f}` : i;
  return negative && out !== "0" ? "-" + out : out;
}

/**
 * The number as a plain decimal string with `.`, or null when the value is not a number written the
 * column's way (`decimalComma`: `,` is the decimal mark and `.` or a space groups thousands).
 */
export function parseNumber(raw: string, decimalComma: boolean): string | null {
  const { body, negative } = clean(raw);
  if (!body) return null;
  if (PLAIN.test(body)) return canonical(body, "", negative);
  if (decimalComma) {
    const m = COMMA_DECIMAL.exec(body);
    if (!m) return null;
    const [int, frac = ""] = body.split(",");
    return canonical(int!.replace(/\./g, ""), frac, negative);
  }
  const m = DOT_DECIMAL.exec(body);
  if (!m) return null;
  const [int, frac = ""] = body.split(".");
  return canonical(int!.replace(/,/g, ""), frac, negative);
}

/** What one value says about its column's decimal mark: true `,`, false `.`, null nothing. */
export function decimalEvidence(raw: string): boolean | null {
  const trimmed = raw.trim();
  // `1 234,567` groups with spaces, so its one mark is the decimal mark, however many digits follow.
  const spaceGrouped = SPACE_GROUPED.test(trimmed.replace(CURRENCY, "").trim());
  const { body } = clean(raw);
  const comma = body.lastIndexOf(",");
  const dot = body.lastIndexOf(".");
  if (comma >= 0 && dot >= 0) return comma > dot;
  if (comma >= 0) {
    if (body.indexOf(",") !== comma) return false;
    const after = body.length - comma - 1;
    if (after === 3 && !spaceGrouped) return null;
    return after > 0 ? true : null;
  }
  if (dot >= 0) {
    if (body.indexOf(".") !== dot) return true;
    const after = body.length - dot - 1;
    if (after === 3 && !spaceGrouped) return null;
    return after > 0 ? false : null;
  }
  return null;
}

/**
 * The column's decimal mark, true for `,`: by the values that settle it (majority; a tie to the
 * dialect's habit), else the dialect's habit, else the header language (ru, ro: `,`; en: `.`).
 */
export function settleDecimalMark(values: Iterable<string>, habit: boolean | null, lang: Lang = "en"): boolean {
  let comma = 0;
  let dot = 0;
  for (const v of values) {
    const e = decimalEvidence(v);
    if (e === true) comma++;
    else if (e === false) dot++;
  }
  return decimalMarkOf(comma, dot, habit, lang);
}

/** `settleDecimalMark` over distinct values and how often each occurs (each distinct value is read once); only values `filter` passes vote. */
export function settleDecimalMarkCounted(distinct: readonly string[], counts: ArrayLike<number>, habit: boolean | null, lang: Lang = "en", filter?: RegExp): boolean {
  let comma = 0;
  let dot = 0;
  for (let i = 0; i < distinct.length; i++) {
    const v = distinct[i]!;
    if (filter && !filter.test(v)) continue;
    const n = counts[i]!;
    const e = decimalEvidence(v);
    if (e === true) comma += n;
    else if (e === false) dot += n;
  }
  return decimalMarkOf(comma, dot, habit, lang);
}

function decimalMarkOf(comma: number, dot: number, habit: boolean | null, lang: Lang): boolean {
  if (comma > dot) return true;
  if (dot > comma) return false;
  if (habit !== null) return habit;
  return lang !== "en";
}

// `50-250`, `51 – 200`: a band counts as its lower bound.
const FROM = /^(?:от|from|de\s+la|între|intre|between)\s+/iu;
const RANGE = /^(\d[\d\s\u00a0\u202f.,']*)\s*(?:-|–|—|to|до|и|and|și|si|pana\s+la|până\s+la)\s*\d[\d\s\u00a0\u202f.,']*$/iu;
const PLUS = /^(\d[\d\s\u00a0\u202f.,']*)\s*\+$/;
const ABOVE = /^(?:более|больше|свыше|от|over|more\s+than|above|from|peste|mai\s+mult\s+de|>|>=|≥)\s*(\d[\d\s\u00a0\u202f.,']*)$/iu;
const BELOW = /^(?:менее|меньше|до|under|less\s+than|below|up\s+to|sub|mai\s+puțin\s+de|mai\s+putin\s+de|<|<=|≤)\s*\d[\d\s\u00a0\u202f.,']*$/iu;
const GROUPED_INT = /[\s\u00a0\u202f',.](?=\d{3}(?:\D|$))/g;
const EMPLOYEE_WORDS = /\s*(?:сотрудник(?:ов|а)?|чел(?:овек)?\.?|employees?|people|persons?|angaja[țţt]i)\s*$/iu;

function bandInt(s: string): string | null {
  const digits = s.trim().replace(GROUPED_INT, "");
  return PLAIN.test(digits) ? canonical(digits, "", false) : null;
}

/**
 * The head count: a number, or a band's lower bound (`50-250` → 50, `более 500` → 500, `500+` →
 * 500, `10 001+` → 10001, `менее 50` → 1); null when it is neither.
 */
export function parseEmployees(raw: string, decimalComma: boolean): string | null {
  const s = raw.trim().replace(EMPLOYEE_WORDS, "");
  const m = RANGE.exec(s.replace(FROM, "")) ?? PLUS.exec(s) ?? ABOVE.exec(s);
  if (m) return bandInt(m[1]!);
  if (BELOW.test(s)) return "1";
  return parseNumber(s, decimalComma);
}

/** A plain decimal written in one of the four styles (tests use it for round trips). */
export function formatNumber(plain: string, style: "plain" | "space-comma" | "dot-comma" | "comma-dot"): string {
  const neg = plain.startsWith("-");
  const [int, frac] = (neg ? plain.slice(1) : plain).split(".");
  if (style === "plain") return plain;
  const sep = style === "space-comma" ? "\u00a0" : style === "dot-comma" ? "." : ",";
  const mark = style === "comma-dot" ? "." : ",";
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return (neg ? "-" : "") + grouped + (frac ? mark + frac : "");
}
