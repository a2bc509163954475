// Phone numbers: E.164 with a validity verdict, a cheap digits key for matching, and the area code for geography.
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { CountryCode } from "libphonenumber-js/max";
import { IntMap } from "../int-map.js";

export interface Phone {
  e164: string;
  valid: boolean;
}

// Extensions and their many spellings go: they never identify the company.
const EXTENSION = /\s*[,;(]?\s*(?:доб(?:авочный)?|вн(?:утр(?:енний)?)?|ext(?:ension)?|int|interior|x|#)\s*[.:]?\s*\d{1,6}\s*\)?\s*$/i;
const NON_DIGIT = /\D+/g;
const LEADING_PLUS = /^[^\d+]*\+/;

/** Calling codes by their value (`IS_CALLING_CODE[7]` for Russia's `7`): none starts with 0. */
const IS_CALLING_CODE = new Uint8Array(1000);
const CC_OF_COUNTRY = new Map<string, string>();
for (const c of getCountries()) {
  const cc = getCountryCallingCode(c);
  IS_CALLING_CODE[Number(cc)] = 1;
  CC_OF_COUNTRY.set(c, cc);
}

/**
 * The number in international form by the default country's dialling habits, without the library:
 * `+<digits>` where the country can be told, else the bare digits; `""` without digits.
 */
function cheapE164(digits: string, plus: boolean, country: string): string {
  const n = digits.length;
  if (n === 0) return "";
  if (plus) return "+" + digits;
  if (digits.startsWith("00")) return "+" + digits.slice(2);
  switch (country) {
    case "RU":
    case "KZ":
      if (n === 11 && (digits[0] === "8" || digits[0] === "7")) return "+7" + digits.slice(1);
      if (n === 10) return "+7" + digits;
      // Russia's old international prefix: 8 10 <number>.
      if (n > 11 && digits.startsWith("810")) return "+" + digits.slice(3);
      break;
    case "RO":
      if (n === 10 && digits[0] === "0") return "+40" + digits.slice(1);
      if (n === 9 && digits[0] !== "0") return "+40" + digits;
      if (n === 11 && digits.startsWith("40")) return "+" + digits;
      break;
    case "US":
    case "CA":
      if (n === 10) return "+1" + digits;
      if (n === 11 && digits[0] === "1") return "+" + digits;
      break;
    default: {
      const cc = CC_OF_COUNTRY.get(country);
      if (cc) {
        if (digits[0] === "0") return "+" + cc + digits.slice(1);
        if (digits.startsWith(cc) && n > 9) return "+" + digits;
        return "+" + cc + digits;
      }
    }
  }
  // A Russian number written with its trunk 8 reads the same whatever the default country.
  if (n === 11 && digits[0] === "8") return "+7" + digits.slice(1);
  return digits;
}

function splitExtension(raw: string): { digits: string; plus: boolean } {
  // Most numbers hold only digits, spaces, `+ ( ) - .`: no extension can hide there, so one pass reads them.
  let digits = "";
  let plus = false;
  let runStart = -1;
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) {
      digits += raw.slice(runStart, i);
      runStart = -1;
    }
    if (c === 43 /* + */) {
      if (digits === "") plus = true;
    } else if (c !== 32 && c !== 40 && c !== 41 && c !== 45 && c !== 46 && c !== 0xa0) return splitExtensionSlow(raw);
  }
  if (runStart >= 0) digits += runStart === 0 ? raw : raw.slice(runStart);
  return { digits, plus };
}

function splitExtensionSlow(raw: string): { digits: string; plus: boolean } {
  const s = raw.replace(EXTENSION, "");
  return { digits: s.replace(NON_DIGIT, ""), plus: LEADING_PLUS.test(s) };
}

/** A number a spreadsheet showed in scientific notation, which is how it saved it (`7,34312E+10`): its digits are lost. */
const SCIENTIFIC = /^\s*[+-]?\d+(?:[.,]\d+)?\s*[eE]\s*\+?\s*\d{1,2}\s*$/;

export function inScientificNotation(raw: string): boolean {
  return SCIENTIFIC.test(raw);
}

/**
 * A number written without its area code, as people write their own city's numbers (`386-5286`, `234-56-78`): its
 * seven digits, else `""`. Not a phone the tool can call or place, but the same seven digits on two records of one
 * city are evidence that they are one company, so the matcher reads them (`Row.phones`). Placeholders go: one digit
 * seven times, or a run up or down (`1234567`).
 */
export function localNumber(raw: string): string {
  if (SCIENTIFIC.test(raw)) return ""; // `7,3431E+10`: seven digits, none of them a number's
  const { digits, plus } = splitExtension(raw);
  if (plus || digits.length !== 7) return "";
  let same = true;
  let up = true;
  let down = true;
  for (let i = 1; i < 7; i++) {
    const d = digits.charCodeAt(i) - digits.charCodeAt(i - 1);
    same &&= d === 0;
    up &&= d === 1;
    down &&= d === -1;
  }
  return same || up || down ? "" : digits;
}

/** Whether a phone of a row's list is a local number (`localNumber`) rather than a number in E.164. */
export function isLocalNumber(phone: string): boolean {
  return phone.charCodeAt(0) !== 43; // +
}

// Per default country, per raw value.
const keyCaches = new Map<string, Map<string, string>>();

/** A cheap matching key (no library): `+<digits>` by the default country's habits, else the digits. */
export function phoneKey(raw: string, defaultCountry: string): string {
  let cache = keyCaches.get(defaultCountry);
  if (cache === undefined) keyCaches.set(defaultCountry, (cache = new Map()));
  let k = cache.get(raw);
  if (k === undefined) {
    const { digits, plus } = splitExtension(raw);
    k = cheapE164(digits, plus, defaultCountry);
    cache.set(raw, k);
  }
  return k;
}

// The library's verdict (~15 µs) is cached per calling code, first five national digits and length:
// the metadata's patterns decide validity on a number's prefix and length (checked against the
// library on random RU, RO, US and MD numbers: no disagreement). The calling code and the five digits
// after it are one small integer (at most eight digits, none leading: their count is the integer's),
// and its verdicts are bits of another, by length (`IntMap`): nothing is made per number looked up.
const verdictCache = new IntMap();
/** Bits a length's verdict is shifted by in `verdictCache`'s values: one that it is known, one that it is valid. */
const VALID_SHIFT = 14;

function isValidE164(e164: string): boolean {
  // `+` and its digits: up to 15 where `normalisePhone` asks (a longer number is not cached).
  const n = e164.length - 1;
  if (n > VALID_SHIFT + 1) return parsePhoneNumberFromString(e164)?.isValid() ?? false;
  if (n < 2 || e164.charCodeAt(1) === 48) return false;
  let prefix = 0;
  let ccLength = 0;
  for (let k = 1; k <= 3 && k < n; k++) {
    prefix = prefix * 10 + (e164.charCodeAt(k) - 48);
    if (IS_CALLING_CODE[prefix] === 1) {
      ccLength = k;
      break;
    }
  }
  if (ccLength === 0) return false;
  const head = ccLength + 5 < n ? ccLength + 5 : n;
  for (let i = ccLength + 1; i <= head; i++) prefix = prefix * 10 + (e164.charCodeAt(i) - 48);
  const known = 1 << (n - 2);
  const verdicts = verdictCache.get(prefix, 0);
  if ((verdicts & known) !== 0) return (verdicts & (known << VALID_SHIFT)) !== 0;
  const valid = parsePhoneNumberFromString(e164)?.isValid() ?? false;
  verdictCache.set(prefix, verdicts | known | (valid ? known << VALID_SHIFT : 0));
  return valid;
}

// Other readings tried when the default country's reading is not a valid number.
const ALTERNATES = ["RU", "RO", "US", "MD"];
// The library's reading of numbers the digit rules do not settle, per default country and raw value.
const libraryCaches = new Map<string, Map<string, Phone | null>>();

/**
 * The number in E.164 with a validity verdict; `null` when it cannot be a phone number (no or too
 * few digits, or digits a spreadsheet rounded away: `inScientificNotation`). Extensions are dropped.
 */
export function normalisePhone(raw: string, defaultCountry: string): Phone | null {
  // Its mantissa's digits would read as another number (`7.91234E+10` as Moldova's +373 79123410).
  if (raw.includes("E") || raw.includes("e")) {
    if (SCIENTIFIC.test(raw)) return null;
  }
  const { digits, plus } = splitExtension(raw);
  if (digits.length < 6 || digits.length > 17) return null;
  const e164 = cheapE164(digits, plus, defaultCountry);
  if (e164.startsWith("+") && e164.length <= 16 && isValidE164(e164)) return { e164, valid: true };
  if (!plus) {
    for (const c of ALTERNATES) {
      if (c === defaultCountry) continue;
      const alt = cheapE164(digits, false, c);
      if (alt.startsWith("+") && alt.length <= 16 && isValidE164(alt)) return { e164: alt, valid: true };
    }
  }
  let cache = libraryCaches.get(defaultCountry);
  if (cache === undefined) libraryCaches.set(defaultCountry, (cache = new Map()));
  let hit = cache.get(raw);
  if (hit === undefined) cache.set(raw, (hit = libraryReading(raw, defaultCountry, e164)));
  return hit;
}

/** Formats the digit rules do not know: the library reads it once. */
function libraryReading(raw: string, defaultCountry: string, e164: string): Phone | null {
  const cc = CC_OF_COUNTRY.has(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  const p = parsePhoneNumberFromString(raw.replace(EXTENSION, ""), cc);
  if (p) {
    if (p.isValid()) return { e164: p.number, valid: true };
    if (!e164.startsWith("+")) e164 = p.number;
  }
  if (!e164.startsWith("+") || e164.length > 16) return null;
  return { e164, valid: false };
}

const RU_NON_GEOGRAPHIC = new Set(["800", "801", "802", "803", "804", "805", "806", "807", "808", "809"]);
const US_TOLL_FREE = new Set(["800", "833", "844", "855", "866", "877", "888", "900"]);

/**
 * The area code that places a landline: RU the 3-digit ABC code after +7 (mobile `9xx` and
 * non-geographic `80x` give `""`), RO the 2 (Bucharest `21`/`31`) or 3 digits after +40 (mobile
 * `7xx` gives `""`), US/Canada the 3 digits after +1; other countries `""`.
 */
export function areaCode(e164: string): string {
  if (e164.startsWith("+7") && e164.length === 12) {
    const d = e164[2];
    if (d !== "3" && d !== "4" && d !== "8") return "";
    const abc = e164.slice(2, 5);
    return RU_NON_GEOGRAPHIC.has(abc) ? "" : abc;
  }
  if (e164.startsWith("+40") && e164.length === 12) {
    const d = e164[3];
    if (d !== "2" && d !== "3") return "";
    const two = e164.slice(3, 5);
    return two === "21" || two === "31" ? two : e164.slice(3, 6);
  }
  if (e164.startsWith("+1") && e164.length === 12) {
    const a = e164.slice(2, 5);
    return US_TOLL_FREE.has(a) ? "" : a;
  }
  return "";
}

/** Forget the per-value caches: their keys are the file's cells, which would keep its text alive. */
export function clearPhoneCaches(): void {
  keyCaches.clear();
  libraryCaches.clear();
}
