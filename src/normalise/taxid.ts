// Tax ids: Russian INN and Romanian CUI/CIF with their check digits; other countries' codes kept as written.

export type TaxIdKind = "inn" | "cui" | "other";

export interface TaxId {
  /** Digits for INN and CUI (no `RO`), the compact code for others; `""` when nothing is left. */
  value: string;
  /** `null`: no rule to check it by. */
  valid: boolean | null;
  kind: TaxIdKind;
}

// Labels people type in front of the number: `ИНН 7707083893`, `CUI: RO 14399840`, `VAT DE123`.
const LABEL = /^\s*(?:инн|inn|cui|cif|c\.u\.i\.|c\.i\.f\.|cod\s+fiscal|cod\s+unic(?:\s+de\s+[iî]nregistrare)?|vat(?:\s+(?:no|number|id))?|tax\s*id|tin|ein|idno)\s*(?:№|no\.?|nr\.?)?\s*[:#.]?\s*/i;
const RO_PREFIX = /^ro\s*/i;
const DIGITS_ONLY = /^\d+$/;
const HAS_DIGIT = /\d/;
const SEPARATORS = /[\s.\-/\u00a0\u202f]+/g;
const INN_KPP = /^(\d{10}|\d{12})\s*[/\\|,;]\s*\d{9}$/;

const INN10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const CUI_KEY = [7, 5, 3, 2, 1, 7, 5, 3, 2];

function checkDigit(digits: string, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits.charCodeAt(i) - 48) * weights[i]!;
  return (sum % 11) % 10;
}

/** The tax service's check: 10 digits for a company, 12 for a person or ИП. */
export function isValidInn(inn: string): boolean {
  if (!DIGITS_ONLY.test(inn)) return false;
  if (inn.length === 10) return checkDigit(inn, INN10) === inn.charCodeAt(9) - 48;
  if (inn.length === 12) {
    return checkDigit(inn, INN11) === inn.charCodeAt(10) - 48 && checkDigit(inn, INN12) === inn.charCodeAt(11) - 48;
  }
  return false;
}

/** Romania's CUI/CIF: 2 to 10 digits, the last a check digit by the key 753217532. */
export function isValidCui(cui: string): boolean {
  if (!DIGITS_ONLY.test(cui) || cui.length < 2 || cui.length > 10) return false;
  const body = cui.slice(0, -1).padStart(9, "0");
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (body.charCodeAt(i) - 48) * CUI_KEY[i]!;
  const c = ((sum * 10) % 11) % 10;
  return c === cui.charCodeAt(cui.length - 1) - 48;
}

/**
 * The tax id in its normal form with a verdict. `country` is the row's ISO code (or the default
 * country). Russia: INN (a 9- or 11-digit value whose leading zero a spreadsheet ate is restored when
 * that makes it valid; a 9-digit KPP alone is not a tax id). Romania (or an `RO` prefix): CUI.
 * Elsewhere a 10- or 12-digit value that passes the INN check is an INN; anything else is kept as
 * written, compacted and upper-cased, unchecked.
 */
export function normaliseTaxId(raw: string, country: string): TaxId {
  let s = raw.trim().replace(LABEL, "");
  const innKpp = INN_KPP.exec(s);
  if (innKpp) s = innKpp[1]!;
  const roPrefixed = RO_PREFIX.test(s) && HAS_DIGIT.test(s.slice(2, 4));
  if (roPrefixed) s = s.replace(RO_PREFIX, "");
  const compact = s.replace(SEPARATORS, "");
  // Placeholders (`-`, `нет`, `n/a`) hold no number: an empty value, not an invalid one.
  if (!HAS_DIGIT.test(compact)) return { value: "", valid: null, kind: country === "RO" ? "cui" : country === "RU" ? "inn" : "other" };
  const digits = DIGITS_ONLY.test(compact);

  if (roPrefixed || (country === "RO" && digits)) {
    return { value: compact, valid: digits && isValidCui(compact), kind: "cui" };
  }
  if (country === "RU") {
    if (digits && (compact.length === 9 || compact.length === 11) && isValidInn("0" + compact)) {
      return { value: "0" + compact, valid: true, kind: "inn" };
    }
    return { value: compact, valid: digits && isValidInn(compact), kind: "inn" };
  }
  if (digits && (compact.length === 10 || compact.length === 12) && isValidInn(compact)) {
    return { value: compact, valid: true, kind: "inn" };
  }
  return { value: compact.toUpperCase(), valid: null, kind: "other" };
}

/** The two-digit region code an INN starts with (`66` Свердловская область), `""` for anything else. */
export function innRegion(inn: string): string {
  return DIGITS_ONLY.test(inn) && (inn.length === 10 || inn.length === 12) ? inn.slice(0, 2) : "";
}
