// What the matcher compares, computed once per row, plus how often each value occurs in the file.
import { isPublicMailDomain } from "../normalise/contact.js";
import type { Row } from "../types.js";

/** One row reduced to comparable keys. */
export interface Features {
  /** Name tokens (from Row.nameKey), legal-form leftovers removed, unique, in order. */
  tokens: string[];
  /** Tokens joined without spaces: typo-tolerant whole-name comparison. */
  compact: string;
  /** Sorted tokens joined by a space: the same words in any order. */
  fingerprint: string;
  /** Token ids in Frequencies.vocab and their IDF weights (filled by countFrequencies). */
  ids: number[];
  weights: number[];
  weightSum: number;
  /** House number and sorted street words, `""` without both. */
  addrKey: string;
  tax: string;
  /** Phone digit keys: the last 10 digits (7..10 long). */
  phones: string[];
  emails: string[];
  domains: string[];
  /** House number (first short number of the address), `""` when none. */
  house: string;
  /** Street words of the address: types (st, ул), units and numbers removed. */
  street: string[];
  city: string;
  region: string;
  postal: string;
}

// Noise words; legal forms are already gone from Row.nameKey (src/normalise/names.ts).
const NAME_STOP = new Set(["the", "and", "of", "si", "et"]);

// Street types, units and filler in EN/RU/RO addresses (transliterated and not).
const STREET_STOP = new Set([
  "st", "street", "str", "ave", "av", "avenue", "rd", "road", "blvd", "boulevard", "dr", "drive",
  "pl", "place", "ln", "lane", "ct", "court", "pkwy", "parkway", "hwy", "highway", "ter", "way",
  "rm", "room", "ste", "suite", "unit", "apt", "fl", "floor", "bldg", "building", "no", "nr",
  "ul", "ulitsa", "ulica", "d", "dom", "k", "korp", "korpus", "str", "stroenie", "of", "ofis", "kv",
  "pr", "prt", "prospekt", "pr-t", "per", "pereulok", "sh", "shosse", "nab", "pl", "ploshchad", "g", "gorod",
  "ул", "улица", "д", "дом", "к", "корп", "корпус", "стр", "строение", "оф", "офис", "кв", "пр", "пр-т",
  "проспект", "пер", "переулок", "ш", "шоссе", "наб", "пл", "площадь", "г", "город", "пом", "помещение",
  "strada", "bd", "bulevardul", "bulevard", "calea", "sos", "soseaua", "nr", "bl", "sc", "et", "ap",
  "jud", "judetul", "sector", "mun", "municipiul", "oras",
  "il", "chicago", "moskva", "москва",
]);
// Directions abbreviate both ways in US addresses.
const STREET_ALIAS: Record<string, string> = { north: "n", south: "s", east: "e", west: "w" };

const SPLIT = /[^\p{L}\p{N}]+/u;
const DIGITS_ONLY = /\D+/g;
const HOUSE = /^\d{1,4}[a-zа-я]?$/;
const ALL_DIGITS = /^\d+$/;
const CITY_PREFIX = /^(г|гор|город|g|mun|municipiul|oras|orasul|city of)\.?\s+/;

export function nameTokens(nameKey: string): string[] {
  const out: string[] = [];
  for (const t of nameKey.toLowerCase().split(SPLIT)) {
    if (t.length === 0 || NAME_STOP.has(t) || out.includes(t)) continue;
    out.push(t);
  }
  return out;
}

/** The last 10 digits of a phone; `""` when fewer than 7 digits (extensions, junk). */
export function phoneKey(phone: string): string {
  const d = phone.replace(DIGITS_ONLY, "");
  if (d.length < 7) return "";
  return d.length > 10 ? d.slice(d.length - 10) : d;
}

export function addressParts(address: string): { house: string; street: string[] } {
  let house = "";
  const street: string[] = [];
  for (let t of address.toLowerCase().split(SPLIT)) {
    if (t.length === 0) continue;
    if (house === "" && HOUSE.test(t)) {
      house = t;
      continue;
    }
    if (STREET_STOP.has(t)) continue;
    // Numbers after the house number are units, rooms or postcodes; ordinals (37th) carry letters.
    if (ALL_DIGITS.test(t)) continue;
    t = STREET_ALIAS[t] ?? t;
    if (!street.includes(t)) street.push(t);
  }
  return { house, street };
}

function fold(s: string): string {
  return s.toLowerCase().replace(/ё/g, "е").trim().replace(CITY_PREFIX, "");
}

function uniq(list: string[]): string[] {
  const out: string[] = [];
  for (const v of list) if (v !== "" && !out.includes(v)) out.push(v);
  return out;
}

export function extractFeatures(row: Row): Features {
  const tokens = nameTokens(row.nameKey);
  const v = row.values;
  const phones = uniq(row.phones.map(phoneKey));
  if (phones.length === 0 && v.phone) {
    const k = phoneKey(v.phone);
    if (k) phones.push(k);
  }
  const emails = uniq((row.emails.length > 0 ? row.emails : v.email ? [v.email] : []).map((e) => e.toLowerCase().trim()));
  const domains = uniq(row.domains.map((d) => d.toLowerCase().replace(/^www\./, ""))).filter((d) => !isPublicMailDomain(d));
  const { house, street } = addressParts(v.address);
  const addrKey = house === "" || street.length === 0 ? "" : house + " " + [...street].sort().join(" ");
  return {
    tokens,
    compact: tokens.join(""),
    fingerprint: [...tokens].sort().join(" "),
    ids: [],
    weights: [],
    weightSum: 0,
    addrKey,
    tax: v.tax_id.replace(DIGITS_ONLY, "") || v.tax_id.trim(),
    phones,
    emails,
    domains,
    house,
    street,
    city: fold(v.city),
    region: fold(v.region),
    postal: v.postal_code.replace(/\s+/g, "").toLowerCase(),
  };
}

/**
 * How many different companies hold each value: a value under many names (a switchboard, a business
 * centre, `info@gmail.com`) proves little. Counted by distinct name fingerprints, so that the
 * duplicates themselves do not make their own phone look common; counts stop at CAP.
 */
export interface Frequencies {
  rows: number;
  /** Every distinct name token; Features.ids index it. */
  vocab: string[];
  phone: Map<string, number>;
  email: Map<string, number>;
  domain: Map<string, number>;
  address: Map<string, number>;
}

const CAP = 64;

/** The 7-digit tail a phone is counted and blocked by. */
export function phoneTail(p: string): string {
  return p.length > 7 ? p.slice(p.length - 7) : p;
}

class DistinctCounter {
  // Most values sit under one name: keep that name, and a Set only once a second one appears.
  private readonly names = new Map<string, string | Set<string>>();
  add(value: string, name: string): void {
    if (value === "") return;
    const seen = this.names.get(value);
    if (seen === undefined) this.names.set(value, name);
    else if (typeof seen === "string") {
      if (seen !== name) this.names.set(value, new Set([seen, name]));
    } else if (seen.size < CAP) seen.add(name);
  }
  counts(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [v, seen] of this.names) out.set(v, typeof seen === "string" ? 1 : seen.size);
    return out;
  }
}

/** Counts values over the file; also interns each row's name tokens and sets their IDF weights. */
export function countFrequencies(features: Features[]): Frequencies {
  const idOf = new Map<string, number>();
  const vocab: string[] = [];
  const df: number[] = [];
  const phone = new DistinctCounter();
  const email = new DistinctCounter();
  const domain = new DistinctCounter();
  const address = new DistinctCounter();
  for (const f of features) {
    const ids: number[] = new Array(f.tokens.length);
    for (let k = 0; k < f.tokens.length; k++) {
      const t = f.tokens[k]!;
      let id = idOf.get(t);
      if (id === undefined) {
        id = vocab.length;
        idOf.set(t, id);
        vocab.push(t);
        df.push(0);
      }
      df[id]!++;
      ids[k] = id;
    }
    f.ids = ids;
    const name = f.fingerprint;
    for (const p of f.phones) phone.add(phoneTail(p), name);
    for (const e of f.emails) email.add(e, name);
    for (const d of f.domains) domain.add(d, name);
    address.add(f.addrKey, name);
  }
  // IDF: a word in many names (`stroy`, `center`) says less than a rare one.
  const idf = df.map((d) => Math.log(1 + features.length / d));
  for (const f of features) {
    f.weights = f.ids.map((id) => idf[id]!);
    f.weightSum = 0;
    for (const w of f.weights) f.weightSum += w;
  }
  return { rows: features.length, vocab, phone: phone.counts(), email: email.counts(), domain: domain.counts(), address: address.counts() };
}
