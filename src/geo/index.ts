// The gazetteers (RU, RO, US) as lookup Maps built once: region, city, postcode, INN and phone code → region.
import { transliterate } from "transliteration";
import { RU_CITY_VARIANTS, RU_CITY_WORDS, RU_KIND_WORDS, RU_SUBJECTS_RAW } from "./ru.js";
import { RO_COUNTIES_RAW, RO_KIND_WORDS } from "./ro.js";
import { US_KIND_WORDS, US_STATES_RAW } from "./us.js";

export type Country = "RU" | "RO" | "US";
export const COUNTRIES: readonly Country[] = ["RU", "RO", "US"];

/** A region as its country writes it. */
export interface Place {
  /** `""` for a region that config options name but no gazetteer knows. */
  country: Country | "";
  region: string;
}

/** One region of a gazetteer with the codes that point at it (for coverage checks and docs). */
export interface RegionEntry {
  country: Country;
  name: string;
  /** Other names and abbreviations, as written. */
  aliases: string[];
  cities: string[];
  phoneCodes: string[];
  postcodePrefixes: string[];
  /** RU only: INN region codes. */
  taxCodes: string[];
}

const MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const CYRILLIC = /[\u0400-\u04ff]/;

// ASCII and Russian letters, the common case, skip NFD (costly): only `й` and `ё` carry marks there.
const PLAIN = /[^\x00-\x7f\u0430-\u044f\u0451]/;
const YO_YI = /[йё]/g;
const NON_WORD_PLAIN = /[^a-z0-9\u0430-\u044f]+/g;
const yoYi = (c: string): string => (c === "й" ? "и" : "е");

/** Lower case, diacritics and `ё`/`й` marks dropped, every run of punctuation a single space. */
export function foldGeo(text: string): string {
  const lower = text.toLowerCase();
  if (!PLAIN.test(lower)) return lower.replace(YO_YI, yoYi).replace(NON_WORD_PLAIN, " ").trim();
  return lower.normalize("NFD").replace(MARKS, "").replace(NON_WORD, " ").trim();
}

/** The folded words of `text` without the kind words (`обл`, `jud.`, `state`); the whole fold when nothing else is left. */
function keyOf(text: string, drop: ReadonlySet<string>): string {
  const folded = foldGeo(text);
  if (!folded) return "";
  const kept = folded.split(" ").filter((w) => !drop.has(w));
  return kept.length ? kept.join(" ") : folded;
}

function expandRange(spec: string, width: number): string[] {
  const out: string[] = [];
  for (const part of spec.split("|")) {
    if (!part) continue;
    const [a, b] = part.split("-");
    const from = Number(a);
    const to = b === undefined ? from : Number(b);
    for (let n = from; n <= to; n++) out.push(String(n).padStart(width, "0"));
  }
  return out;
}

const list = (s: string | undefined): string[] => (s ? s.split("|").filter(Boolean) : []);

/** One country's lookups. A key that two regions claim maps to `null` (ambiguous: no answer). */
export interface CountryGazetteer {
  country: Country;
  entries: RegionEntry[];
  /** Words dropped before comparing region names. */
  regionDrop: ReadonlySet<string>;
  /** Words dropped before comparing city names. */
  cityDrop: ReadonlySet<string>;
  regions: Map<string, string | null>;
  cities: Map<string, string | null>;
  /** Names folded but with their kind words kept: tried first. */
  exactRegions: Map<string, string | null>;
  exactCities: Map<string, string | null>;
  postcodes: Map<string, string>;
  phones: Map<string, string>;
  taxCodes: Map<string, string>;
  /** Region keys for the prefix fallback (`свердл` → `свердловская`). */
  regionKeyList: string[];
}

function put(map: Map<string, string | null>, key: string, value: string): void {
  if (!key) return;
  const had = map.get(key);
  if (had === undefined) map.set(key, value);
  else if (had !== value) map.set(key, null);
}

/**
 * Adds a name, its transliteration (for Cyrillic) and each side of a ` — ` pair, both as written
 * (`exact`) and without kind words (`map`): `Moscow` is the city, `Moscow Oblast` the oblast, though
 * both are `moscow` once `oblast` is dropped.
 */
function putName(map: Map<string, string | null>, exact: Map<string, string | null>, name: string, value: string, drop: ReadonlySet<string>): void {
  const variants = [name, ...name.split(/\s+[—–]\s+/).filter((p) => p !== name)];
  for (const v of variants) {
    const latin = CYRILLIC.test(v) ? transliterate(v) : "";
    put(exact, foldGeo(v), value);
    put(map, keyOf(v, drop), value);
    if (latin) {
      put(exact, foldGeo(latin), value);
      put(map, keyOf(latin, drop), value);
    }
  }
}

function build(country: Country, entries: RegionEntry[], regionWords: readonly string[], cityWords: readonly string[]): CountryGazetteer {
  const regionDrop = new Set(regionWords.map(foldGeo));
  const cityDrop = new Set(cityWords.map(foldGeo));
  const g: CountryGazetteer = {
    country, entries, regionDrop, cityDrop,
    regions: new Map(), cities: new Map(), exactRegions: new Map(), exactCities: new Map(), postcodes: new Map(), phones: new Map(), taxCodes: new Map(), regionKeyList: [],
  };
  for (const e of entries) {
    putName(g.regions, g.exactRegions, e.name, e.name, regionDrop);
    for (const a of e.aliases) putName(g.regions, g.exactRegions, a, e.name, regionDrop);
    for (const c of e.cities) putName(g.cities, g.exactCities, c, e.name, cityDrop);
    for (const p of e.postcodePrefixes) g.postcodes.set(p, e.name);
    for (const p of e.phoneCodes) g.phones.set(p, e.name);
    for (const t of e.taxCodes) g.taxCodes.set(t, e.name);
  }
  // A two-letter code (`CA`, `CJ`) is only ever an exact answer; the prefix fallback reads longer names.
  g.regionKeyList = [...g.regions.keys()].filter((k) => k.length >= 4 && g.regions.get(k) !== null);
  return g;
}

function parseRu(): RegionEntry[] {
  return RU_SUBJECTS_RAW.map((line) => {
    const [name, en, inn, phone, post, cities, aliases] = line.split(";");
    return {
      country: "RU" as const, name: name!, aliases: [en!, ...list(aliases)], cities: list(cities),
      phoneCodes: list(phone), postcodePrefixes: expandRange(post ?? "", 3), taxCodes: list(inn),
    };
  });
}

function parseRo(): RegionEntry[] {
  return RO_COUNTIES_RAW.map((line) => {
    const [name, code, phone, post, cities, aliases] = line.split(";");
    const phones = list(phone);
    // Each 02x geographic prefix has its 03x twin (0264 / 0364 Cluj, 021 / 031 București).
    const phoneCodes = phones.flatMap((p) => [p, "3" + p.slice(1)]);
    return {
      country: "RO" as const, name: name!, aliases: [code!, ...list(aliases)], cities: list(cities),
      phoneCodes, postcodePrefixes: list(post), taxCodes: [],
    };
  });
}

function parseUs(): RegionEntry[] {
  return US_STATES_RAW.map((line) => {
    const [name, code, zip, phone, cities, aliases] = line.split(";");
    return {
      country: "US" as const, name: name!, aliases: [code!, ...list(aliases)], cities: list(cities),
      phoneCodes: list(phone), postcodePrefixes: expandRange(zip ?? "", 3), taxCodes: [],
    };
  });
}

function buildRu(): CountryGazetteer {
  const g = build("RU", parseRu(), RU_KIND_WORDS, RU_CITY_WORDS);
  for (const [latin, city] of Object.entries(RU_CITY_VARIANTS)) {
    const region = g.cities.get(keyOf(city, g.cityDrop));
    if (region) putName(g.cities, g.exactCities, latin, region, g.cityDrop);
  }
  return g;
}

/** The gazetteers, built on first use and shared by every run of the process. */
let built: Record<Country, CountryGazetteer> | undefined;
export function gazetteers(): Record<Country, CountryGazetteer> {
  built ??= {
    RU: buildRu(),
    RO: build("RO", parseRo(), RO_KIND_WORDS, RO_KIND_WORDS),
    US: build("US", parseUs(), US_KIND_WORDS, US_KIND_WORDS),
  };
  return built;
}

// ---------------------------------------------------------------------------------------------
// countries

const COUNTRY_NAMES: Record<string, Country | "other"> = {};
for (const [code, names] of [
  ["RU", "ru|rus|rf|россия|российская федерация|рф|russia|russian federation|rusia|federatia rusa"],
  ["RO", "ro|rou|romania|румыния|roumanie|rumania|rumänien"],
  ["US", "us|usa|u s|u s a|united states|united states of america|america|сша|соединенные штаты|соединенные штаты америки|statele unite|statele unite ale americii|sua"],
] as const) {
  for (const n of names.split("|")) COUNTRY_NAMES[foldGeo(n)] = code;
}

/** `RU`, `RO`, `US` from a country value (`Россия`, `România`, `United States`, `US`); `other` for any other country; `""` when empty. */
const countryCache = new Map<string, Country | "other" | "">();
export function countryOf(value: string): Country | "other" | "" {
  if (value === "") return "";
  // A country column holds a handful of spellings: fold each once (the cap keeps junk columns bounded).
  let hit = countryCache.get(value);
  if (hit !== undefined) return hit;
  const key = foldGeo(value);
  hit = key ? COUNTRY_NAMES[key] ?? "other" : "";
  if (countryCache.size < 10_000) countryCache.set(value, hit);
  return hit;
}

/** The country whose gazetteer reads a phone in E.164. */
export function phoneCountry(e164: string): Country | "" {
  if (e164.startsWith("+7")) return e164[2] === "7" || e164[2] === "6" ? "" : "RU"; // +7 6xx/7xx: Kazakhstan
  if (e164.startsWith("+40")) return "RO";
  if (e164.startsWith("+1")) return "US";
  return "";
}

// ---------------------------------------------------------------------------------------------
// lookups

/** The region a name or abbreviation names in one country (`Свердловская обл`, `обл. Свердловская`, `Свердл.`, `CA`, `jud. Cluj`). */
export function regionIn(g: CountryGazetteer, text: string, loose = true): string | null {
  const exact = g.exactRegions.get(foldGeo(text));
  if (exact) return exact;
  const key = keyOf(text, g.regionDrop);
  if (!key) return null;
  const hit = g.regions.get(key);
  if (hit !== undefined) return hit;
  // An abbreviation that starts exactly one region's name (`Свердл.`, `Calif.`). In an address only
  // next to a kind word (`Свердл. обл.`): a street such as `Ленин` must not read as a region.
  if (key.length < 4 || key.includes(" ")) return null;
  if (!loose && key === foldGeo(text)) return null;
  let found: string | null = null;
  for (const k of g.regionKeyList) {
    if (!k.startsWith(key)) continue;
    const r = g.regions.get(k)!;
    if (found !== null && found !== r) return null;
    found = r;
  }
  return found;
}

/** The region of a city in one country (`Екатеринбург г`, `Cluj-Napoca`, `Sector 3`). */
export function cityIn(g: CountryGazetteer, text: string): string | null {
  const exact = g.exactCities.get(foldGeo(text));
  if (exact) return exact;
  const key = keyOf(text, g.cityDrop);
  return key ? g.cities.get(key) ?? null : null;
}

const SPACES = /\s+/g;
const RU_RO_POSTCODE = /^\d{6}$/;
const US_ZIP = /^(\d{5})(?:-?\d{4})?$/;

/** The region a postcode's prefix names: RU 6 digits (first 3), RO 6 digits (first 2), US ZIP (first 3). */
export function postcodeIn(g: CountryGazetteer, code: string): { region: string; prefix: string } | null {
  const c = code.replace(SPACES, "");
  let prefix = "";
  if (g.country === "RU" && RU_RO_POSTCODE.test(c)) prefix = c.slice(0, 3);
  else if (g.country === "RO" && RU_RO_POSTCODE.test(c)) prefix = c.slice(0, 2);
  else if (g.country === "US") {
    const m = US_ZIP.exec(c);
    if (m) prefix = m[1]!.slice(0, 3);
  }
  const region = prefix ? g.postcodes.get(prefix) : undefined;
  return region ? { region, prefix } : null;
}

/** Canonical region for a text in any of `countries` (tried in order). */
export function findRegion(text: string, countries: readonly Country[] = COUNTRIES): Place | null {
  const gs = gazetteers();
  for (const c of countries) {
    const r = regionIn(gs[c], text);
    if (r) return { country: c, region: r };
  }
  return null;
}

/** Canonical region of a city in any of `countries` (tried in order). */
export function findCity(text: string, countries: readonly Country[] = COUNTRIES): Place | null {
  const gs = gazetteers();
  for (const c of countries) {
    const r = cityIn(gs[c], text);
    if (r) return { country: c, region: r };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// addresses

const US_STATE_ZIP = /^([A-Za-z]{2})\s+(\d{5}(?:-\d{4})?)$/;
const POSTCODE_PART = /^\d{5,6}(?:-\d{4})?$/;

/** What an address tells: the region part, else a city part, else a US `ST 12345` tail, else its postcode. */
export interface AddressPlace extends Place {
  /** The part of the address that told it. */
  part: string;
  via: "region" | "city" | "postcode";
}

/**
 * Reads a region from a free-form address in 1C order (`620014, Свердловская обл, Екатеринбург г, Малышева ул, дом № 5`),
 * Western order (`12 Main St, Springfield, IL 62701`) or Romanian (`Str. Memorandumului 28, Cluj-Napoca, jud. Cluj, 400114`).
 */
type PartHit = Place & { via: "region" | "city" };
// Per country order (the locator passes a few fixed arrays), per part text.
const partCaches = new WeakMap<readonly Country[], Map<string, PartHit | null>>();
/** Region, else city, of one address part in the first country that knows it; memoised (parts repeat across clients). */
function partPlace(part: string, countries: readonly Country[]): PartHit | null {
  let cache = partCaches.get(countries);
  if (!cache) partCaches.set(countries, (cache = new Map()));
  let hit = cache.get(part);
  if (hit !== undefined) return hit;
  const gs = gazetteers();
  hit = null;
  for (const c of countries) {
    const r = regionIn(gs[c], part, false);
    if (r) { hit = { country: c, region: r, via: "region" }; break; }
  }
  if (!hit) {
    for (const c of countries) {
      const r = cityIn(gs[c], part);
      if (r) { hit = { country: c, region: r, via: "city" }; break; }
    }
  }
  // Street parts are mostly unique: bounded so a million addresses cannot grow it without end.
  if (cache.size < 200_000) cache.set(part, hit);
  return hit;
}

const isSpace = (ch: number): boolean => ch === 32 || (ch >= 9 && ch <= 13) || ch === 160 || ch === 0xfeff || ch === 0x2028 || ch === 0x2029 || ch === 0x1680 || (ch >= 0x2000 && ch <= 0x200a) || ch === 0x202f || ch === 0x205f || ch === 0x3000;
const isPostcodeStart = (ch: number): boolean => ch >= 48 && ch <= 57;

export function addressPlace(address: string, countries: readonly Country[]): AddressPlace | null {
  const gs = gazetteers();
  let city: AddressPlace | null = null;
  let firstPostcode = "";
  let laterPostcodes: string[] | undefined;
  const n = address.length;
  let start = 0;
  // Parts split at `,`, newline and `;`, trimmed, empties skipped (a charCode scan: no arrays per address).
  while (start <= n) {
    let end = start;
    while (end < n) {
      const ch = address.charCodeAt(end);
      if (ch === 44 || ch === 10 || ch === 59) break;
      end++;
    }
    let a = start;
    let b = end;
    while (a < b && isSpace(address.charCodeAt(a))) a++;
    while (b > a && isSpace(address.charCodeAt(b - 1))) b--;
    start = end + 1;
    if (a === b) continue;
    const part = a === 0 && b === n ? address : address.slice(a, b);
    if (countries.includes("US")) {
      const usTail = US_STATE_ZIP.exec(part);
      if (usTail) {
        const r = regionIn(gs.US, usTail[1]!);
        if (r) return { country: "US", region: r, part, via: "region" };
      }
    }
    if (isPostcodeStart(part.charCodeAt(0)) && POSTCODE_PART.test(part)) {
      // Read only if no region or city part answers (most addresses name their region).
      if (firstPostcode === "") firstPostcode = part;
      else (laterPostcodes ??= []).push(part);
      continue;
    }
    const hit = partPlace(part, countries);
    if (hit?.via === "region") return { country: hit.country, region: hit.region, part, via: "region" };
    if (hit && !city) city = { country: hit.country, region: hit.region, part, via: "city" };
  }
  if (city || firstPostcode === "") return city;
  for (const part of laterPostcodes ? [firstPostcode, ...laterPostcodes] : [firstPostcode]) {
    for (const c of countries) {
      const p = postcodeIn(gs[c], part);
      if (p) return { country: c, region: p.region, part, via: "postcode" };
    }
  }
  return null;
}
