// Identifiers with real check digits: Russian INN/KPP, Romanian CUI, Salesforce 18-char ids, Zoho ids.

const INN10_W = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_W1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_W2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits, weights) {
  let s = 0;
  for (let i = 0; i < weights.length; i++) s += Number(digits[i]) * weights[i];
  return String((s % 11) % 10);
}

/** A legal entity's 10-digit INN: region code, tax office, serial, check digit (FNS weights). */
export function inn10(rng, regionCode) {
  const body = regionCode + String(rng.int(1, 99)).padStart(2, "0") + rng.digits(5);
  return body + checkDigit(body, INN10_W);
}

/** A sole trader's (ИП) 12-digit INN with its two check digits. */
export function inn12(rng, regionCode) {
  let body = regionCode + String(rng.int(1, 99)).padStart(2, "0") + rng.digits(6);
  body += checkDigit(body, INN12_W1);
  return body + checkDigit(body, INN12_W2);
}

export function isValidInn(inn) {
  if (/^\d{10}$/.test(inn)) return checkDigit(inn, INN10_W) === inn[9];
  if (/^\d{12}$/.test(inn)) return checkDigit(inn, INN12_W1) === inn[10] && checkDigit(inn, INN12_W2) === inn[11];
  return false;
}

/** The same INN with its check digit broken: a typo a CRM does not catch. */
export function breakInn(inn) {
  const last = Number(inn[inn.length - 1]);
  return inn.slice(0, -1) + String((last + 1) % 10);
}

/** KPP: tax office (region code + office), reason code 01 (head office) or 43/45 (a branch), serial. */
export function kpp(rng, regionCode, branch) {
  return regionCode + String(rng.int(1, 99)).padStart(2, "0") + (branch ? rng.pick(["43", "45"]) : "01") + "001";
}

const CUI_KEY = "753217532";

/** A Romanian CUI (cod unic de înregistrare): 2-9 digits and a check digit over the key 753217532. */
export function cui(rng) {
  const body = String(rng.int(1000000, 49999999));
  const padded = body.padStart(9, "0");
  let s = 0;
  for (let i = 0; i < 9; i++) s += Number(padded[i]) * Number(CUI_KEY[i]);
  const c = ((s * 10) % 11) % 10;
  return body + String(c);
}

export function isValidCui(value) {
  const v = value.replace(/^RO/i, "").trim();
  if (!/^\d{2,10}$/.test(v)) return false;
  const body = v.slice(0, -1).padStart(9, "0");
  let s = 0;
  for (let i = 0; i < 9; i++) s += Number(body[i]) * Number(CUI_KEY[i]);
  return String(((s * 10) % 11) % 10) === v[v.length - 1];
}

const SF_SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
const SF_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Salesforce's case-safe suffix: one character per 5-character chunk, a bit per upper-case letter. */
export function sfId18(id15) {
  let suffix = "";
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15[chunk * 5 + i];
      if (c >= "A" && c <= "Z") bits |= 1 << i;
    }
    suffix += SF_SUFFIX[bits];
  }
  return id15 + suffix;
}

/** A 15-character Salesforce id with a key prefix (`001` account, `005` user) and the pod `Wj0`. */
export function sfId15(rng, prefix) {
  let s = prefix + "Wj00000";
  while (s.length < 15) s += SF_CHARS[rng.int(0, SF_CHARS.length - 1)];
  return s;
}

/** Zoho's exported record id: `zcrm_` and 19 digits, the org's prefix first. */
export function zohoId(orgPrefix, serial) {
  return "zcrm_" + orgPrefix + String(serial).padStart(19 - orgPrefix.length, "0");
}
