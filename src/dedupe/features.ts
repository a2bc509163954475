// What the matcher compares, computed once per row into interned ids and flat arrays, plus how often each value occurs.
import { isPublicMailDomain } from "../normalise/contact.js";
import { latinFold } from "../normalise/names.js";
import type { Row } from "../types.js";
import { fnv1a } from "./strings.js";
import { float64Array, int32Array, roomFor, type RowProgress } from "../pages.js";

export type { RowProgress };

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
// Directions abbreviate both ways in US addresses (a Map: an object would answer `constructor`).
const STREET_ALIAS = new Map([["north", "n"], ["south", "s"], ["east", "e"], ["west", "w"]]);

const SPLIT = /[^\p{L}\p{N}]+/u;
const WORD_UNIT = /^[\p{L}\p{N}]$/u;
const CITY_PREFIX = /^(г|гор|город|g|mun|municipiul|oras|orasul|city of)\.?\s+/;
const SPACES = /\s+/g;

// Letter-or-number per UTF-16 unit, filled on first sight: splitting by a charCode loop instead of
// a Unicode regex per row. 0 = not known yet, 1 = word unit, 2 = separator.
const unitClass = new Uint8Array(65536);
function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  let k = unitClass[c]!;
  if (k === 0) unitClass[c] = k = WORD_UNIT.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/** `text.split(/[^\p{L}\p{N}]+/u)` without its empty pieces, appended to `out`. */
export function splitWords(text: string, out: string[]): void {
  const n = text.length;
  let start = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      // Astral letters: rare enough to leave to the regex.
      out.length = 0;
      for (const t of text.split(SPLIT)) if (t.length > 0) out.push(t);
      return;
    }
    if (isWordUnit(c)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(text.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) out.push(start === 0 ? text : text.slice(start));
}

const words: string[] = [];

export function nameTokens(nameKey: string): string[] {
  const out: string[] = [];
  words.length = 0;
  splitWords(nameKey.toLowerCase(), words);
  for (const t of words) {
    if (NAME_STOP.has(t) || out.includes(t)) continue;
    out.push(t);
  }
  return out;
}

/** Two tokens in order, space-joined: what `[a, b].sort().join(" ")` gives. */
function sortedPair(a: string, b: string): string {
  return b < a ? b + " " + a : a + " " + b;
}

/**
 * The numbers in a name key, each without leading zeros, distinct, sorted and space-joined (`avtobaza no 05` → `"5"`,
 * `teddy bear 5 5160 s pulaski` → `"5 5160"`); `""` when it has none. Names rarely hold digits, so this is cheap.
 */
export function nameNumbers(key: string): string {
  let runs: string[] | null = null;
  for (let i = 0; i < key.length; i++) {
    let c = key.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    const start = i;
    while (i + 1 < key.length && (c = key.charCodeAt(i + 1)) >= 48 && c <= 57) i++;
    let from = start;
    while (from < i && key.charCodeAt(from) === 48) from++;
    const run = key.slice(from, i + 1);
    runs ??= [];
    if (!runs.includes(run)) runs.push(run);
  }
  if (runs === null) return "";
  return runs.length === 1 ? runs[0]! : runs.sort().join(" ");
}

/**
 * Whether two names' numbers (`nameNumbers`) say they are different: both hold numbers and neither's are all among
 * the other's (`Автобаза №3` / `Автобаза №5`, `Teddy Bear 1` / `Teddy Bear 2`). A number on one side only
 * (`Teddy Bear 5` / `Teddy Bear 5 (5160 S Pulaski)`, `Mary Crane North 0-3` / `Mary Crane North`) is no clash:
 * sources add street numbers and programme codes to one site's name.
 */
export function numbersClash(a: string, b: string): boolean {
  if (a === b || a === "" || b === "") return false;
  const x = a.split(" ");
  const y = b.split(" ");
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  for (const n of short) if (!long.includes(n)) return true;
  return false;
}

/** The last 10 digits of a phone; `""` when fewer than 7 digits (extensions, junk). */
export function phoneKey(phone: string): string {
  let digits = 0;
  for (let i = 0; i < phone.length; i++) {
    const c = phone.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits < 7) return "";
  if (digits === phone.length) return digits > 10 ? phone.slice(digits - 10) : phone;
  let d = "";
  let skip = digits > 10 ? digits - 10 : 0;
  for (let i = 0; i < phone.length; i++) {
    const c = phone.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    if (skip > 0) skip--;
    else d += phone[i];
  }
  return d;
}

function allDigits(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return t.length > 0;
}

/** `^\d{1,4}[a-zа-я]?$`: a house number, maybe with a letter. */
function isHouse(t: string): boolean {
  let n = t.length;
  if (n === 0 || n > 5) return false;
  const last = t.charCodeAt(n - 1);
  if ((last >= 97 && last <= 122) || (last >= 0x430 && last <= 0x44f)) n--;
  if (n === 0 || n > 4) return false;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function addressParts(address: string): { house: string; street: string[] } {
  let house = "";
  const street: string[] = [];
  words.length = 0;
  splitWords(address.toLowerCase(), words);
  for (let t of words) {
    if (house === "" && isHouse(t)) {
      house = t;
      continue;
    }
    if (STREET_STOP.has(t)) continue;
    // Numbers after the house number are units, rooms or postcodes; ordinals (37th) carry letters.
    if (allDigits(t)) continue;
    t = STREET_ALIAS.get(t) ?? t;
    if (!street.includes(t)) street.push(t);
  }
  return { house, street };
}

/**
 * A city's or region's key: folded, its `г.` or `mun.` gone, and in Latin letters, so that a place written in
 * Cyrillic on one row and transliterated on another (`Екатеринбург` / `Yekaterinburg`) compares as alike.
 */
function fold(s: string): string {
  return latinFold(s.toLowerCase().replace(/ё/g, "е").trim().replace(CITY_PREFIX, ""));
}

/** `hashes` grown to hold `id` (doubling), the new room -1 ("not made yet"). */
function hashRoom(hashes: Int32Array<ArrayBuffer>, id: number): Int32Array<ArrayBuffer> {
  const grown = int32Array(Math.max(id + 1, hashes.length * 2)).fill(-1);
  grown.set(hashes);
  return grown;
}

/**
 * Distinct strings to dense ids; each id's blocking hash (`fnv1a(prefix + value) >>> 1`) on demand.
 * An open-addressing table over typed arrays keyed by FNV-1a: a Map<string, number> costs about a
 * microsecond per new key, and the matcher interns a million of them at 100k rows.
 */
export class Interner {
  /** By id (`size` of them: past the end, room made ahead, `room`). */
  readonly values: string[] = [];
  private count = 0;
  private slots = new Int32Array(1024).fill(-1);
  /** Per id: its full FNV-1a hash (as int32) and its blocking hash (-1 until asked; the list grows only as hashes are asked for). */
  private full = new Int32Array(512);
  private hashes = new Int32Array(512).fill(-1);
  private readonly base: number;
  /**
   * A blocking key's interner (one with a prefix) hashes each new value as it comes: built on the matcher's thread
   * while the export is read, that work is then done before blocking starts.
   */
  private readonly eager: boolean;
  constructor(
    prefix = "",
    /** Rows added so far and expected in all (`FeatureBuilder`): a table that fills as rows come is grown once to its projected size. */
    private readonly progress: RowProgress | null = null,
  ) {
    this.base = fnv1a(prefix);
    this.eager = prefix !== "";
  }
  id(value: string): number {
    const h = fnv1a(value) | 0;
    let mask = this.slots.length - 1;
    let at = h & mask;
    for (;;) {
      const id = this.slots[at]!;
      if (id === -1) break;
      if (this.full[id] === h && this.values[id] === value) return id;
      at = (at + 1) & mask;
    }
    const id = this.count++;
    if (id === this.full.length) this.room(id);
    if (id < this.values.length) this.values[id] = value;
    else this.values.push(value);
    this.full[id] = h;
    if (this.eager) {
      if (id >= this.hashes.length) this.hashes = hashRoom(this.hashes, id);
      this.hashes[id] = fnv1a(value, this.base) >>> 1;
    }
    if (id * 2 >= this.slots.length) {
      // Grow to keep the table at most half full; every slot is re-placed by its stored hash.
      let size = this.slots.length * 2;
      while (size < this.full.length * 2) size *= 2;
      this.slots = int32Array(size).fill(-1);
      mask = this.slots.length - 1;
      for (let k = 0; k <= id; k++) {
        let s = this.full[k]! & mask;
        while (this.slots[s] !== -1) s = (s + 1) & mask;
        this.slots[s] = k;
      }
    } else this.slots[at] = id;
    return id;
  }
  /**
   * Room for ids from `id` on. Doubling, except where a table keeps taking new values as the rows come (`GROW_AHEAD`
   * of them or more): it goes straight to what it will hold at this rate when every row is in, so the values, hashes and
   * slots of a 300k-row export's names, e-mails and tax ids are not copied and re-placed ten times over.
   */
  private room(id: number): void {
    const size = roomFor(id, this.progress);
    const full = int32Array(size);
    full.set(this.full);
    this.full = full;
    if (size > id * 2) {
      const values = new Array<string>(size);
      for (let k = 0; k < id; k++) values[k] = this.values[k]!;
      (this as { values: string[] }).values = values;
      if (this.eager && this.hashes.length < size) this.hashes = hashRoom(this.hashes, size - 1);
    }
  }
  hash(id: number): number {
    // The list grows only in an interner whose hashes are asked for (most never are).
    if (id >= this.hashes.length) this.hashes = hashRoom(this.hashes, id);
    let h = this.hashes[id]!;
    if (h < 0) this.hashes[id] = h = fnv1a(this.values[id]!, this.base) >>> 1;
    return h;
  }
  get size(): number {
    return this.count;
  }
  /** Lets go of the room made ahead: `values` holds exactly `size` values. */
  trim(): void {
    if (this.values.length > this.count) this.values.length = this.count;
  }
}

/** A growing list of int32 (4 bytes a value, where a number[] of ids costs 8 and keeps room for half as many again). */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  /**
   * `progress`: rows added so far and expected in all (`FeatureBuilder`). A list that takes values as the rows come
   * grows, past GROW_AHEAD values, straight to what it will hold once they are all in (`roomFor`), rather than doubling
   * up to it: each doubling of a 300k-row export's lists was a copy into fresh pages (0.3 s of the matcher's thread).
   */
  constructor(private readonly progress: RowProgress | null = null) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = int32Array(roomFor(this.length, this.progress));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
  /**
   * The values as an array of their own length. Room to spare of an eighth or less (a list grown to its projected
   * size: 7% on the 300k bench export, its rows projected 2% high) is kept rather than copied away; more is let go.
   */
  done(): Int32Array {
    if (this.length === this.data.length) return this.data;
    if (this.data.length - this.length <= this.length >> 3) return this.data.subarray(0, this.length);
    const exact = int32Array(this.length);
    exact.set(this.data.subarray(0, this.length));
    return exact;
  }
}

/** Dense ids for numbers (any a double holds exactly), in order of first sight: open addressing over typed arrays. */
class NumberIds {
  private slots = new Int32Array(1024).fill(-1);
  keys = new Float64Array(512);
  count = 0;
  constructor(private readonly progress: RowProgress | null = null) {}
  /** The key's id; a new key gets the next one (`count` grows). */
  id(key: number): number {
    let mask = this.slots.length - 1;
    let at = mix(key) & mask;
    for (;;) {
      const id = this.slots[at]!;
      if (id === -1) break;
      if (this.keys[id] === key) return id;
      at = (at + 1) & mask;
    }
    const id = this.count++;
    if (id === this.keys.length) {
      const keys = float64Array(roomFor(id, this.progress));
      keys.set(this.keys);
      this.keys = keys;
    }
    this.keys[id] = key;
    if (id * 2 >= this.slots.length) {
      // Grow to keep the table at most half full (and as large as the room made for keys); every slot is re-placed by its key.
      let size = this.slots.length * 2;
      while (size < this.keys.length * 2) size *= 2;
      this.slots = int32Array(size).fill(-1);
      mask = this.slots.length - 1;
      for (let k = 0; k <= id; k++) {
        let x = mix(this.keys[k]!) & mask;
        while (this.slots[x] !== -1) x = (x + 1) & mask;
        this.slots[x] = k;
      }
    } else this.slots[at] = id;
    return id;
  }
}

function mix(key: number): number {
  const lo = key % 4294967296;
  const hi = (key - lo) / 4294967296;
  return Math.imul((lo | 0) ^ Math.imul(hi | 0, 0x85ebca6b), 0x9e3779b1) >>> 0;
}

/**
 * Distinct 7-digit phone tails (`phoneTail`) to dense ids, keyed by their number: no string per tail (a
 * million of them at a million rows). The same ids and blocking hashes as an Interner("p:") of the tails.
 */
export class TailInterner {
  private readonly ids: NumberIds;
  private hashes = new Int32Array(512).fill(-1);
  private readonly base = fnv1a("p:");
  /** `progress`: as `Interner`'s. */
  constructor(progress: RowProgress | null = null) {
    this.ids = new NumberIds(progress);
  }
  /** `tail`: exactly 7 digits. */
  id(tail: string): number {
    let key = 0;
    for (let i = 0; i < 7; i++) key = key * 10 + (tail.charCodeAt(i) - 48);
    return this.idOf(key);
  }
  /** The tail as its number, 0..9999999; a new tail's blocking hash is made at once (see Interner). */
  idOf(key: number): number {
    const known = this.ids.count;
    const id = this.ids.id(key);
    if (id === known) this.hash(id);
    return id;
  }
  value(id: number): string {
    return String(this.ids.keys[id]!).padStart(7, "0");
  }
  /** Every tail by id (for tests and explanations). */
  get values(): string[] {
    return Array.from({ length: this.size }, (_, id) => this.value(id));
  }
  hash(id: number): number {
    if (id >= this.hashes.length) this.hashes = hashRoom(this.hashes, id);
    let h = this.hashes[id]!;
    if (h < 0) this.hashes[id] = h = fnv1a(this.value(id), this.base) >>> 1;
    return h;
  }
  get size(): number {
    return this.ids.count;
  }
}

/**
 * Distinct phone keys (`phoneKey`: the last 10 digits of a phone with 7 or more) to dense ids, keyed by
 * number and length: no string per phone. The same ids, in the same order, as an Interner of `phoneKey`s
 * (`phoneKey` and `phoneTail` stay as the plain statement of what these compute; a test holds them equal).
 */
export class PhoneInterner {
  private readonly ids: NumberIds;
  /** `progress`: as `Interner`'s. */
  constructor(progress: RowProgress | null = null) {
    this.ids = new NumberIds(progress);
  }
  /** The phone's key id, -1 when it has fewer than 7 digits. */
  id(phone: string): number {
    // The last (up to) 10 digits, read from the end.
    let value = 0;
    let scale = 1;
    let length = 0;
    let digits = 0;
    for (let i = phone.length - 1; i >= 0; i--) {
      const c = phone.charCodeAt(i) - 48;
      if (c < 0 || c > 9) continue;
      digits++;
      if (length < 10) {
        value += c * scale;
        scale *= 10;
        length++;
      }
    }
    if (digits < 7) return -1;
    // length × 1e10 + the digits' value: exact in a double.
    return this.ids.id(length * 1e10 + value);
  }
  /** The key's last 7 digits as a number (its tail, `phoneTail`). */
  tail(id: number): number {
    return (this.ids.keys[id]! % 1e10) % 1e7;
  }
  value(id: number): string {
    const key = this.ids.keys[id]!;
    const length = Math.floor(key / 1e10);
    return String(key - length * 1e10).padStart(length, "0");
  }
  /**
   * Two keys of one phone where one lacks the area code: the shorter (7 to 9 digits) is how the longer
   * ends. Compared as numbers (the pair scorer's hot loop makes no string).
   */
  localMatch(a: number, b: number): boolean {
    const ka = this.ids.keys[a]!;
    const kb = this.ids.keys[b]!;
    const la = Math.floor(ka / 1e10);
    const lb = Math.floor(kb / 1e10);
    if (la >= 10 && lb >= 10) return false;
    // The longer key's last digits, as many as the shorter has (equal lengths: the keys themselves).
    const short = la < lb ? ka - la * 1e10 : kb - lb * 1e10;
    const long = la < lb ? kb - lb * 1e10 : ka - la * 1e10;
    const length = la < lb ? la : lb;
    return length >= 7 && long % 10 ** length === short;
  }
  /** Two keys of the same length that differ in one digit at most (a typo). */
  nearlyEqual(a: number, b: number): boolean {
    const ka = this.ids.keys[a]!;
    const kb = this.ids.keys[b]!;
    const length = Math.floor(ka / 1e10);
    if (Math.floor(kb / 1e10) !== length) return false;
    // In halves of five digits (small integers): two differing halves differ in two digits at least.
    const x = ka - length * 1e10;
    const y = kb - length * 1e10;
    const xHigh = Math.floor(x / 1e5);
    const yHigh = Math.floor(y / 1e5);
    const xLow = x - xHigh * 1e5;
    const yLow = y - yHigh * 1e5;
    if (xHigh !== yHigh && xLow !== yLow) return false;
    let p = xHigh !== yHigh ? xHigh : xLow;
    let q = xHigh !== yHigh ? yHigh : yLow;
    let diff = 0;
    while (p !== q && diff < 2) {
      const dp = p % 10;
      const dq = q % 10;
      if (dp !== dq) diff++;
      p = (p - dp) / 10;
      q = (q - dq) / 10;
    }
    return diff < 2;
  }
  /** Every key by id (for tests and explanations). */
  get values(): string[] {
    return Array.from({ length: this.size }, (_, id) => this.value(id));
  }
  get size(): number {
    return this.ids.count;
  }
}

/**
 * How many different companies hold each value: a value under many names (a switchboard, a business
 * centre, `info@gmail.com`) proves little. Counted by distinct name fingerprints, so that the
 * duplicates themselves do not make their own phone look common; counts stop at CAP.
 */
const CAP = 64;
class DistinctCounter {
  // Most values sit under one name: keep that name's id (plus one: 0 for none yet), and a Set only once a second one appears.
  private first = new Int32Array(1024);
  private readonly more = new Map<number, Set<number>>();
  /** `progress`: as `IntList`'s (values are ids in order of first sight: about one new a row). */
  constructor(private readonly progress: RowProgress | null = null) {}
  add(value: number, name: number): void {
    let f = this.first;
    if (value >= f.length) {
      let size = roomFor(f.length, this.progress);
      while (size <= value) size *= 2;
      const grown = int32Array(size);
      grown.set(f);
      this.first = f = grown;
    }
    const seen = f[value]! - 1;
    if (seen === -1) f[value] = name + 1;
    else if (seen !== name) {
      const set = this.more.get(value);
      if (set === undefined) this.more.set(value, new Set([seen, name]));
      else if (set.size < CAP) set.add(name);
    }
  }
  counts(size: number): Int32Array {
    const out = int32Array(size).fill(1);
    for (const [v, set] of this.more) out[v] = set.size;
    return out;
  }
}

/**
 * Every row reduced to comparable keys, as parallel arrays indexed by row (or by the distinct name /
 * address a row points to). Lists per row (phones, e-mails, domains) are slices `[start[i], start[i+1])`
 * of one flat id array. An id of -1 is an empty value.
 */
export interface FeatureTable {
  n: number;
  /** Per row: digits of the tax id (else the trimmed value), `""` without one. */
  tax: string[];
  /** Per row: its distinct name (Row.nameKey) in the `name*` arrays. */
  nameOf: Int32Array;
  /** Per name: its tokens `nameTok[nameStart[k] .. nameStart[k+1])`, ids into `vocab`, legal-form leftovers removed, unique, in order. */
  nameStart: Int32Array;
  nameTok: Int32Array;
  /** Per name: the fingerprint (sorted tokens: the same words in any order) id in `fingerprints`. */
  fingerprint: Int32Array;
  /**
   * Per name: the numbers written in it (`nameNumbers`: `"3"` for `Автобаза №3`), `""` for a name without any.
   * Two names whose numbers clash are two sites or two legal entities, however alike their words.
   */
  numbers: string[];
  /** Per name: single-word names' 5-letter prefix and suffix ids in `affixes`, -1 when none. */
  prefix: Int32Array;
  suffix: Int32Array;
  /** Per name: sum of its tokens' IDF weights. */
  weightSum: Float64Array;
  vocab: Interner;
  /** Per token id: IDF weight (a word in many names, `stroy`, says less than a rare one). */
  idf: Float64Array;
  fingerprints: Interner;
  affixPrefix: Interner;
  affixSuffix: Interner;
  taxes: Interner;
  /** Per row: its tax id's id in `taxes`, -1 without one. */
  taxOf: Int32Array;
  /** Phone digit keys (the last 10 digits, 7..10 long) per row; `phoneTail[key]` is the 7-digit tail's id in `tails`. */
  phoneStart: Int32Array;
  phoneIds: Int32Array;
  phones: PhoneInterner;
  phoneTail: Int32Array;
  tails: TailInterner;
  emailStart: Int32Array;
  emailIds: Int32Array;
  emails: Interner;
  domainStart: Int32Array;
  domainIds: Int32Array;
  domains: Interner;
  /** Per row: its distinct address in the `addr*` arrays. */
  addrOf: Int32Array;
  /** Per address: house number id in `houses` (-1 none), street words `streetIds[streetStart[k] ..]` in `streets`. */
  house: Int32Array;
  streetStart: Int32Array;
  streetIds: Int32Array;
  /** Per address: house number and sorted street words (id in `addrKeys`, -1 without both), and the `house longest-word` blocking key. */
  addrKey: Int32Array;
  houseKey: Int32Array;
  houses: Interner;
  streets: Interner;
  addrKeys: Interner;
  houseKeys: Interner;
  /** Per row: folded city / region / postal code ids, -1 when empty. */
  city: Int32Array;
  region: Int32Array;
  postal: Int32Array;
  cities: Interner;
  regions: Interner;
  postals: Interner;
  /** Distinct companies per value id: by phone tail, e-mail, domain, address key. */
  phoneCount: Int32Array;
  emailCount: Int32Array;
  domainCount: Int32Array;
  addrCount: Int32Array;
}

/** The 7-digit tail a phone is counted and blocked by. */
export function phoneTail(p: string): string {
  return p.length > 7 ? p.slice(p.length - 7) : p;
}

function taxKey(raw: string): string {
  let digits = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits === raw.length) return raw;
  if (digits === 0) return raw.trim();
  let d = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) d += raw[i];
  }
  return d;
}

/**
 * A row's phones, e-mails and domains the matcher reads at most, each: a company's own are a handful, but a
 * placeholder company (`Частные лица`, `Private customers`) that thousands of people's rows join carries all of
 * theirs, and every pair it is in compared them all (32k people on one company: the matcher's thread took 21 s
 * instead of 4 on a 100k-row export).
 */
export const MAX_VALUES = 64;

/** Pushes `id` onto `list` unless it is -1 or already among `list[from..]`. */
function pushUnique(list: IntList, from: number, id: number): void {
  if (id < 0) return;
  const data = list.data;
  for (let k = from; k < list.length; k++) if (data[k] === id) return;
  list.push(id);
}

/**
 * The feature table built a row at a time, in row order: from a list of rows (`buildFeatures`), or from rows
 * as a streamed export yields them, on the matcher's thread (`src/dedupe/match-thread.ts`). Work on a value
 * repeated across rows (cities, names, phones) is done once.
 */
export class FeatureBuilder {
  private n = 0;
  /** Shared with the tables that take a new value for most rows (names, e-mails, domains, tax ids, addresses). */
  private readonly progress: RowProgress = { rows: 0, expected: 0 };
  /** Those tables (`projected`): `finish` trims the room they made ahead. */
  private readonly projectedTables: Interner[] = [];
  private readonly vocab = new Interner("w:");
  private readonly fingerprints = this.projected("n:");
  private readonly affixPrefix = new Interner("a:");
  private readonly affixSuffix = new Interner("z:");
  private readonly taxes = this.projected("t:");
  private readonly phones = new PhoneInterner(this.progress);
  private readonly tails = new TailInterner(this.progress);
  private readonly emails = this.projected("e:");
  private readonly domains = this.projected("d:");
  private readonly houses = new Interner();
  private readonly streets = new Interner();
  private readonly addrKeys = this.projected("");
  private readonly houseKeys = this.projected("h:");
  private readonly cities = new Interner();
  private readonly regions = new Interner();
  private readonly postals = new Interner();

  private readonly tax: string[] = [];
  private readonly taxOf = new IntList(this.progress);
  private readonly nameOf = new IntList(this.progress);
  private readonly nameIndex = this.projected("");
  private readonly nameStart = new IntList(this.progress);
  private readonly nameTok = new IntList(this.progress);
  private names = 0;
  private readonly fingerprint = new IntList(this.progress);
  private readonly numbers: string[] = [];
  private readonly prefix = new IntList(this.progress);
  private readonly suffix = new IntList(this.progress);
  private readonly df: number[] = [];

  private readonly phoneStart = new IntList(this.progress);
  private readonly phoneIds = new IntList(this.progress);
  private readonly phoneTailOf = new IntList(this.progress);
  private readonly emailStart = new IntList(this.progress);
  private readonly emailIds = new IntList(this.progress);
  private readonly domainStart = new IntList(this.progress);
  private readonly domainIds = new IntList(this.progress);
  private readonly domainPublic: boolean[] = [];

  private readonly addrOf = new IntList(this.progress);
  private readonly addrIndex = this.projected("");
  private readonly house = new IntList(this.progress);
  private readonly streetStart = new IntList(this.progress);
  private readonly streetIds = new IntList(this.progress);
  private readonly addrKey = new IntList(this.progress);
  private readonly houseKey = new IntList(this.progress);

  private readonly city = new IntList(this.progress);
  private readonly region = new IntList(this.progress);
  private readonly postal = new IntList(this.progress);
  private readonly cityOfRaw = new Map<string, number>();
  private readonly regionOfRaw = new Map<string, number>();
  private readonly postalOfRaw = new Map<string, number>();

  private readonly phoneCounter = new DistinctCounter(this.progress);
  private readonly emailCounter = new DistinctCounter(this.progress);
  private readonly domainCounter = new DistinctCounter(this.progress);
  private readonly addrCounter = new DistinctCounter(this.progress);

  /** A table that takes a new value for most rows, grown to its projected size (`roomFor`). */
  private projected(prefix: string): Interner {
    const t = new Interner(prefix, this.progress);
    this.projectedTables.push(t);
    return t;
  }

  /** `expectedRows`: how many rows will be added, when known or projected (0: unknown); only a hint for table sizes. */
  constructor(expectedRows = 0) {
    this.progress.expected = expectedRows;
    this.nameStart.push(0);
    this.streetStart.push(0);
  }

  get rows(): number {
    return this.n;
  }

  addRow(row: Row): void {
    const v = row.values;
    this.add(row.nameKey, row.phones, v.phone, row.emails, v.email, row.domains, v.address, v.tax_id, v.city, v.region, v.postal_code);
  }

  /** The next row, by what the matcher reads of it: its name key, phones, e-mails and domains (lists, and the first of each field), address and place. */
  add(
    nameKey: string, phones: readonly string[], phone: string, emails: readonly string[], email: string, domains: readonly string[],
    address: string, taxId: string, city: string, region: string, postal: string,
  ): void {
    this.progress.rows = ++this.n;
    const name = this.nameEntry(nameKey);
    this.nameOf.push(name);
    const { nameStart, nameTok, df } = this;
    for (let x = nameStart.data[name]!; x < nameStart.data[name + 1]!; x++) df[nameTok.data[x]!]!++;
    const fp = this.fingerprint.data[name]!;

    const { phoneIds, emailIds, domainIds } = this;
    let from = phoneIds.length;
    this.phoneStart.push(from);
    for (const p of phones) {
      if (phoneIds.length - from >= MAX_VALUES) break;
      pushUnique(phoneIds, from, this.phoneId(p));
    }
    if (phoneIds.length === from && phone) pushUnique(phoneIds, from, this.phoneId(phone));
    for (let x = from; x < phoneIds.length; x++) this.phoneCounter.add(this.phoneTailOf.data[phoneIds.data[x]!]!, fp);

    from = emailIds.length;
    this.emailStart.push(from);
    for (const e of emails) {
      if (emailIds.length - from >= MAX_VALUES) break;
      pushUnique(emailIds, from, this.emailId(e));
    }
    if (emails.length === 0 && email) pushUnique(emailIds, from, this.emailId(email));
    for (let x = from; x < emailIds.length; x++) this.emailCounter.add(emailIds.data[x]!, fp);

    from = domainIds.length;
    this.domainStart.push(from);
    for (const d of domains) {
      if (domainIds.length - from >= MAX_VALUES) break;
      pushUnique(domainIds, from, this.domainId(d));
    }
    for (let x = from; x < domainIds.length; x++) this.domainCounter.add(domainIds.data[x]!, fp);

    const a = this.addressEntry(address);
    this.addrOf.push(a);
    if (this.addrKey.data[a]! >= 0) this.addrCounter.add(this.addrKey.data[a]!, fp);

    const tax = taxId === "" ? "" : taxKey(taxId);
    this.tax.push(tax);
    this.taxOf.push(tax === "" ? -1 : this.taxes.id(tax));
    this.city.push(foldedId(city, this.cityOfRaw, this.cities, false));
    this.region.push(foldedId(region, this.regionOfRaw, this.regions, false));
    this.postal.push(foldedId(postal, this.postalOfRaw, this.postals, true));
  }

  // Values rarely repeat across rows except in duplicates: interning them is the only cache they need.
  private phoneId(raw: string): number {
    const id = this.phones.id(raw);
    if (id === this.phoneTailOf.length) this.phoneTailOf.push(this.tails.idOf(this.phones.tail(id)));
    return id;
  }

  private emailId(raw: string): number {
    const e = raw.toLowerCase().trim();
    return e === "" ? -1 : this.emails.id(e);
  }

  private domainId(raw: string): number {
    let d = raw.toLowerCase();
    if (d.startsWith("www.")) d = d.slice(4);
    if (d === "") return -1;
    const id = this.domains.id(d);
    if (id === this.domainPublic.length) this.domainPublic.push(isPublicMailDomain(d));
    return this.domainPublic[id] ? -1 : id;
  }

  private nameEntry(key: string): number {
    const k = this.nameIndex.id(key);
    if (k < this.names) return k;
    this.names++;
    const tokens = nameTokens(key);
    const { df, nameTok } = this;
    for (const t of tokens) {
      const id = this.vocab.id(t);
      if (id === df.length) df.push(0);
      nameTok.push(id);
    }
    this.nameStart.push(nameTok.length);
    // The fingerprint: the tokens in order, space-joined (two of them compared by hand, not by a sort).
    const n = tokens.length;
    const c = n === 1 ? tokens[0]! : "";
    this.fingerprint.push(this.fingerprints.id(n === 1 ? c : n === 2 ? sortedPair(tokens[0]!, tokens[1]!) : tokens.sort().join(" ")));
    this.numbers.push(nameNumbers(key));
    // A typo in a one-word name (`Romashka` / `Romaska`) keeps its prefix or its suffix; a longer
    // name keeps a shared word despite one typo, so it needs no such key.
    const affixes = tokens.length === 1 && c.length >= 5;
    this.prefix.push(affixes ? this.affixPrefix.id(c.slice(0, 5)) : -1);
    this.suffix.push(affixes ? this.affixSuffix.id(c.slice(-5)) : -1);
    return k;
  }

  private addressEntry(raw: string): number {
    const k = this.addrIndex.id(raw);
    if (k < this.house.length) return k;
    const parts = addressParts(raw);
    this.house.push(parts.house === "" ? -1 : this.houses.id(parts.house));
    for (const s of parts.street) this.streetIds.push(this.streets.id(s));
    this.streetStart.push(this.streetIds.length);
    if (parts.house === "" || parts.street.length === 0) {
      this.addrKey.push(-1);
      this.houseKey.push(-1);
    } else {
      let longest = "";
      for (const s of parts.street) if (s.length > longest.length) longest = s;
      this.houseKey.push(this.houseKeys.id(parts.house + " " + longest));
      this.addrKey.push(this.addrKeys.id(parts.house + " " + (parts.street.length === 1 ? parts.street[0]! : parts.street.slice().sort().join(" "))));
    }
    return k;
  }

  /** The table over every row added (the builder is spent). */
  finish(): FeatureTable {
    const { n, df, names, nameStart, nameTok } = this;
    for (const t of this.projectedTables) t.trim();
    this.phoneStart.push(this.phoneIds.length);
    this.emailStart.push(this.emailIds.length);
    this.domainStart.push(this.domainIds.length);
    const idf = float64Array(df.length);
    for (let id = 0; id < df.length; id++) idf[id] = Math.log(1 + n / df[id]!);
    const weightSum = float64Array(names);
    for (let k = 0; k < names; k++) {
      let s = 0;
      for (let x = nameStart.data[k]!; x < nameStart.data[k + 1]!; x++) s += idf[nameTok.data[x]!]!;
      weightSum[k] = s;
    }
    return {
      n, tax: this.tax, nameOf: this.nameOf.done(), nameStart: nameStart.done(), nameTok: nameTok.done(), fingerprint: this.fingerprint.done(), numbers: this.numbers,
      prefix: this.prefix.done(), suffix: this.suffix.done(), weightSum, vocab: this.vocab, idf, fingerprints: this.fingerprints,
      affixPrefix: this.affixPrefix, affixSuffix: this.affixSuffix, taxes: this.taxes, taxOf: this.taxOf.done(), phoneStart: this.phoneStart.done(),
      phoneIds: this.phoneIds.done(), phones: this.phones, phoneTail: this.phoneTailOf.done(), tails: this.tails,
      emailStart: this.emailStart.done(), emailIds: this.emailIds.done(), emails: this.emails, domainStart: this.domainStart.done(),
      domainIds: this.domainIds.done(), domains: this.domains, addrOf: this.addrOf.done(), house: this.house.done(),
      streetStart: this.streetStart.done(), streetIds: this.streetIds.done(), addrKey: this.addrKey.done(), houseKey: this.houseKey.done(),
      houses: this.houses, streets: this.streets, addrKeys: this.addrKeys, houseKeys: this.houseKeys, city: this.city.done(),
      region: this.region.done(), postal: this.postal.done(), cities: this.cities, regions: this.regions, postals: this.postals,
      phoneCount: this.phoneCounter.counts(this.tails.size),
      emailCount: this.emailCounter.counts(this.emails.size),
      domainCount: this.domainCounter.counts(this.domains.size),
      addrCount: this.addrCounter.counts(this.addrKeys.size),
    };
  }
}

function foldedId(raw: string, cache: Map<string, number>, into: Interner, postalCode: boolean): number {
  if (raw === "") return -1;
  let id = cache.get(raw);
  if (id === undefined) {
    const v = postalCode ? raw.replace(SPACES, "").toLowerCase() : fold(raw);
    id = v === "" ? -1 : into.id(v);
    cache.set(raw, id);
  }
  return id;
}

/** Reads every row once (see FeatureBuilder). */
export function buildFeatures(rows: readonly Row[]): FeatureTable {
  const b = new FeatureBuilder(rows.length);
  for (let i = 0; i < rows.length; i++) b.addRow(rows[i]!);
  return b.finish();
}

/**
 * A distinct name's tokens joined without spaces (typo-tolerant whole-name comparison), made when a pair is
 * compared rather than kept for every name: `""` for a name without tokens.
 */
export function compactName(t: FeatureTable, k: number): string {
  const from = t.nameStart[k]!;
  const to = t.nameStart[k + 1]!;
  if (to === from) return "";
  const words = t.vocab.values;
  if (to - from === 1) return words[t.nameTok[from]!]!;
  let c = "";
  for (let x = from; x < to; x++) c += words[t.nameTok[x]!]!;
  return c;
}

/** One row's features as plain values (for tests and explanations; the matcher reads the table). */
export function rowFeatures(t: FeatureTable, i: number): {
  tokens: string[]; compact: string; fingerprint: string; tax: string; phones: string[]; emails: string[]; domains: string[];
  house: string; street: string[]; addrKey: string; city: string; region: string; postal: string;
} {
  const k = t.nameOf[i]!;
  const a = t.addrOf[i]!;
  const slice = (ids: Int32Array, from: number, to: number, into: { values: string[] }) => {
    const values = into.values;
    return Array.from(ids.subarray(from, to), (id) => values[id]!);
  };
  return {
    tokens: slice(t.nameTok, t.nameStart[k]!, t.nameStart[k + 1]!, t.vocab),
    compact: compactName(t, k),
    fingerprint: t.fingerprints.values[t.fingerprint[k]!]!,
    tax: t.tax[i]!,
    phones: slice(t.phoneIds, t.phoneStart[i]!, t.phoneStart[i + 1]!, t.phones),
    emails: slice(t.emailIds, t.emailStart[i]!, t.emailStart[i + 1]!, t.emails),
    domains: slice(t.domainIds, t.domainStart[i]!, t.domainStart[i + 1]!, t.domains),
    house: t.house[a]! < 0 ? "" : t.houses.values[t.house[a]!]!,
    street: slice(t.streetIds, t.streetStart[a]!, t.streetStart[a + 1]!, t.streets),
    addrKey: t.addrKey[a]! < 0 ? "" : t.addrKeys.values[t.addrKey[a]!]!,
    city: t.city[i]! < 0 ? "" : t.cities.values[t.city[i]!]!,
    region: t.region[i]! < 0 ? "" : t.regions.values[t.region[i]!]!,
    postal: t.postal[i]! < 0 ? "" : t.postals.values[t.postal[i]!]!,
  };
}
