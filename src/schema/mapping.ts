// Header → canonical field mapping: detect the CRM dialect, match headers by dialect and synonyms, apply --map.
import { distance } from "fastest-levenshtein";
import { SegmentError } from "../errors.js";
import { DIALECTS, FIELDS, type Dialect, type Field, type Mapping } from "../types.js";
import {
  DIALECT_COLUMNS, PEOPLE_CONVENTIONS, PIPEDRIVE_ADDRESS_PARTS, PIPEDRIVE_PERSON, PIPEDRIVE_PREFIX,
  type DialectColumn, type Target,
} from "./dialects.js";
import { FIELD_SYNONYMS, HINT_SYNONYMS, MULTI_COLUMN_FIELDS, REQUISITE_SYNONYMS, TAG_SYNONYMS } from "./synonyms.js";

const COMBINING = /[\u0300-\u036f]/g;
const NOT_ALNUM = /[^\p{L}\p{N}]+/gu;
const WHITESPACE = /\s/;
const LOOKUP_ID = /^(.+)\.id$/i;
const SALESFORCE_CUSTOM = /__c$/i;
const OF_ADDRESS = /^(.+) of (.+)$/i;
const ADDRESS_DASH = /^address - (.+)$/i;

/** Folds a header for matching: no BOM, lower case, no diacritics (`ё`→`е`, `ș`→`s`), trimmed. */
export function foldHeader(header: string): string {
  return header.replace(/^\uFEFF/, "").normalize("NFKD").replace(COMBINING, "").toLowerCase().trim();
}

/** The compact match key: folded, letters and digits only (`E-mail`, `Email`, `EMAIL` are one key). */
export function headerKey(header: string): string {
  return foldHeader(header).replace(NOT_ALNUM, "");
}

function headerWords(header: string): string[] {
  return foldHeader(header).split(NOT_ALNUM).filter(Boolean);
}

const FIELD_SET: ReadonlySet<string> = new Set(FIELDS);

interface Match {
  target: Target;
  /** Lower wins among columns feeding one single-valued field. */
  rank: number;
  /** The dialect table said "known column, unused on purpose". */
  why?: DialectColumn["why"];
}

/** Synonyms by key; the first field to claim a key keeps it (a test checks no key is claimed twice). */
const SYNONYMS = new Map<string, Match>();
for (const field of FIELDS) {
  FIELD_SYNONYMS[field].forEach((s, i) => {
    const key = headerKey(s);
    if (!SYNONYMS.has(key)) SYNONYMS.set(key, { target: field, rank: 10 + i });
  });
}
for (const s of TAG_SYNONYMS) if (!SYNONYMS.has(headerKey(s))) SYNONYMS.set(headerKey(s), { target: "tags", rank: 10 });
for (const s of REQUISITE_SYNONYMS) if (!SYNONYMS.has(headerKey(s))) SYNONYMS.set(headerKey(s), { target: "requisites", rank: 10 });

const tableOf = (columns: readonly DialectColumn[]): Map<string, DialectColumn> => {
  const m = new Map<string, DialectColumn>();
  for (const col of columns) if (!m.has(headerKey(col.header))) m.set(headerKey(col.header), col);
  return m;
};
const TABLES = Object.fromEntries(
  Object.entries(DIALECT_COLUMNS).map(([d, cols]) => [d, tableOf(cols)]),
) as Record<Exclude<Dialect, "generic">, Map<string, DialectColumn>>;
const PIPEDRIVE_PERSON_TABLE = tableOf(PIPEDRIVE_PERSON);
const PIPEDRIVE_PARTS = new Map(Object.entries(PIPEDRIVE_ADDRESS_PARTS).map(([k, v]) => [headerKey(k), v]));

/** Indexes of the trailing empty headers (Bitrix24 ends every line with `;`): they are padding, not columns. */
function trailingEmptyFrom(header: readonly string[]): number {
  let end = header.length;
  while (end > 0 && header[end - 1]!.trim() === "") end--;
  return end;
}

/** The readable half of a lookup pair exists: `Account Owner.id` beside `Account Owner`. */
function lookupIdColumns(header: readonly string[]): Set<number> {
  const names = new Set(header.map((h) => h.trim()));
  const ids = new Set<number>();
  header.forEach((h, i) => {
    const m = LOOKUP_ID.exec(h.trim());
    if (m && names.has(m[1]!.trim())) ids.add(i);
  });
  return ids;
}

export interface DialectGuess {
  dialect: Dialect;
  /** 0..1, two decimals. */
  confidence: number;
  /** Evidence per dialect (for tests and `--debug`). */
  scores: Record<Dialect, number>;
}

const DETECT_THRESHOLD = 2;
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Which CRM wrote this header: the dialect whose distinctive headers add up most, else `generic`. */
export function detectDialect(header: readonly string[]): DialectGuess {
  const scores = Object.fromEntries(DIALECTS.map((d) => [d, 0])) as Record<Dialect, number>;
  const seen = new Set<string>();
  const lookups = lookupIdColumns(header);
  header.forEach((raw, i) => {
    const h = raw.trim();
    if (h === "") return;
    if (lookups.has(i)) {
      scores.zoho += 2;
      return;
    }
    const prefixed = PIPEDRIVE_PREFIX.exec(h);
    if (prefixed) {
      scores.pipedrive += prefixed[1]!.toLowerCase() === "organization" ? 1 : 0.5;
      return;
    }
    if (SALESFORCE_CUSTOM.test(h)) scores.salesforce += 1;
    const key = headerKey(h.replace(SALESFORCE_CUSTOM, ""));
    if (seen.has(key)) return;
    seen.add(key);
    const spaceless = !WHITESPACE.test(h);
    for (const d of Object.keys(TABLES) as Exclude<Dialect, "generic">[]) {
      const col = TABLES[d].get(key);
      if (col && col.signature > 0 && (col.form !== "api" || spaceless)) scores[d] += col.signature;
    }
  });
  const ranked = DIALECTS.filter((d) => d !== "generic").sort((a, b) => scores[b] - scores[a]);
  const best = ranked[0]!;
  const second = scores[ranked[1]!];
  const top = scores[best];
  if (top < DETECT_THRESHOLD) {
    return { dialect: "generic", confidence: round2(Math.max(0, 1 - top / (2 * DETECT_THRESHOLD))), scores };
  }
  const strength = Math.min(1, top / 5);
  const margin = (top - second) / top;
  return { dialect: best, confidence: round2(0.5 * strength + 0.5 * margin), scores };
}

/** Where one header goes under a dialect: its dialect entry, else a synonym; undefined when nothing fits. */
function matchHeader(raw: string, dialect: Dialect): Match | undefined {
  const h = raw.trim();
  const prefixed = PIPEDRIVE_PREFIX.exec(h);
  if (prefixed) {
    const entity = prefixed[1]!.toLowerCase();
    const rest = prefixed[2]!.trim();
    if (entity === "organization") {
      const part = OF_ADDRESS.exec(rest) ?? ADDRESS_DASH.exec(rest);
      const partName = part ? part[1]! : undefined;
      if (partName !== undefined && PIPEDRIVE_PARTS.has(headerKey(partName))) {
        return { target: PIPEDRIVE_PARTS.get(headerKey(partName))!, rank: 1 };
      }
      const col = TABLES.pipedrive.get(headerKey(rest));
      if (col) return { target: col.target, rank: col.priority, why: col.why };
      return SYNONYMS.get(headerKey(rest));
    }
    if (entity === "person") {
      const col = PIPEDRIVE_PERSON_TABLE.get(headerKey(rest));
      if (col) return { target: col.target, rank: col.priority };
      // newer exports split by kind: `Person - Phone - Work`, `Person - Email - Home`
      const first = headerWords(rest)[0];
      if (first === "phone") return { target: "contact_phone", rank: 2 };
      if (first === "email") return { target: "contact_email", rank: 2 };
    }
    return undefined;
  }
  const key = headerKey(h.replace(SALESFORCE_CUSTOM, ""));
  if (dialect !== "generic") {
    const col = TABLES[dialect].get(key);
    if (col) return { target: col.target, rank: col.priority, why: col.why };
  }
  return SYNONYMS.get(key);
}

function findColumn(header: readonly string[], wanted: string): number {
  const exact = header.findIndex((h) => h.trim() === wanted.trim());
  if (exact >= 0) return exact;
  const key = headerKey(wanted);
  return key === "" ? -1 : header.findIndex((h) => headerKey(h) === key);
}

function flagText(field: string, headerName: string): string {
  return `--map ${field}=${headerName}`;
}

/**
 * `--map field=Header` flags (repeatable) over the config's `map`: a flag without `=` or naming an
 * unknown field is a usage error naming the flag; `field=` (no header) leaves that field unmapped.
 */
export function parseMapFlags(flags: readonly string[], base: Partial<Record<Field, string>> = {}): Partial<Record<Field, string>> {
  const map: Partial<Record<Field, string>> = { ...base };
  for (const flag of flags) {
    const eq = flag.indexOf("=");
    const field = flag.slice(0, eq).trim();
    if (eq < 1 || !FIELD_SET.has(field)) {
      throw new SegmentError("usage", `--map ${flag}: expected field=Header with a field among ${FIELDS.join(", ")}.`);
    }
    map[field as Field] = flag.slice(eq + 1).trim();
  }
  return map;
}

/**
 * Maps an export's header to the canonical fields. The dialect is `preset` or detected; each header
 * feeds at most one field; a single-valued field fed by several headers keeps the strongest and
 * leaves the rest unmapped (a second tax id becomes a requisite); `map` overrides everything.
 */
export function mapHeader(header: string[], opts: { preset?: Dialect; map?: Partial<Record<Field, string>> } = {}): Mapping {
  const guess = opts.preset ? { dialect: opts.preset, confidence: 1 } : detectDialect(header);
  const dialect = guess.dialect;
  const end = trailingEmptyFrom(header);
  const lookups = lookupIdColumns(header);
  const { forced, cleared } = opts.map ? resolveOverrides(header, opts.map) : { forced: new Map<number, Field>(), cleared: new Set<Field>() };
  for (const col of forced.keys()) lookups.delete(col);

  const candidates = new Map<Field, { col: number; rank: number }[]>();
  const tags: number[] = [];
  const requisites: number[] = [];
  const personTypeCols: number[] = [];
  const personRoles: { firstName?: number; lastName?: number; company?: number } = {};
  const placed = new Set<number>();
  /** Known columns left unused on purpose: a name may still fall back on them. */
  const known: number[] = [];

  for (let i = 0; i < end; i++) {
    if (lookups.has(i) || forced.has(i) || header[i]!.trim() === "") continue;
    const m = matchHeader(header[i]!, dialect);
    if (!m) continue;
    const t = m.target;
    if (t === null) known.push(i);
    else if (t === "tags") tags.push(i);
    else if (t === "requisites") requisites.push(i);
    else if (t === "personType") personTypeCols.push(i);
    else if (t === "person.firstName") personRoles.firstName ??= i;
    else if (t === "person.lastName") personRoles.lastName ??= i;
    else if (t === "person.company") personRoles.company ??= i;
    else {
      const list = candidates.get(t) ?? [];
      list.push({ col: i, rank: m.rank });
      candidates.set(t, list);
    }
  }

  // 1C's `Клиент` checkbox is unused, but in a list with no other name it is the name
  if (!candidates.has("name") && !cleared.has("name")) {
    const fallback = known.find((i) => SYNONYMS.get(headerKey(header[i]!))?.target === "name");
    if (fallback !== undefined) candidates.set("name", [{ col: fallback, rank: 99 }]);
  }

  const columns: Partial<Record<Field, number[]>> = {};
  for (const field of FIELDS) {
    const list = candidates.get(field);
    if (!list || cleared.has(field)) continue;
    if (MULTI_COLUMN_FIELDS.has(field)) {
      columns[field] = list.map((c) => c.col);
      continue;
    }
    let best = list[0]!;
    for (const c of list) if (c.rank < best.rank) best = c;
    columns[field] = [best.col];
    // a second INN is a branch's requisite, not another client
    if (field === "tax_id") for (const c of list) if (c !== best) requisites.push(c.col);
  }

  for (const [col, field] of forced) columns[field] = [col];

  for (const cols of Object.values(columns)) for (const i of cols) placed.add(i);
  for (const i of tags) placed.add(i);
  for (const i of requisites) placed.add(i);
  for (const i of lookups) placed.add(i);

  const mapping: Mapping = {
    dialect,
    confidence: guess.confidence,
    columns,
    unmapped: [],
    lookupIds: [...lookups].sort((a, b) => a - b),
    tags: tags.sort((a, b) => a - b),
    requisites: requisites.sort((a, b) => a - b),
  };

  const conventions = PEOPLE_CONVENTIONS[dialect];
  if (conventions && personTypeCols.length > 0) {
    let chosen: { col: number; conv: (typeof conventions)[number] } | undefined;
    for (const conv of conventions) {
      const col = personTypeCols.find((i) => headerKey(header[i]!) === headerKey(conv.header));
      if (col !== undefined) {
        chosen = { col, conv };
        break;
      }
    }
    if (chosen) {
      const { col, conv } = chosen;
      mapping.personType = { column: col, personValues: conv.personValues, companyValues: conv.companyValues };
      placed.add(col);
      const person: NonNullable<Mapping["person"]> = {};
      const fullName = columns[conv.fullNameField]?.[0];
      if (fullName !== undefined) person.fullName = fullName;
      if (personRoles.firstName !== undefined) person.firstName = personRoles.firstName;
      if (personRoles.lastName !== undefined) person.lastName = personRoles.lastName;
      const company = conv.companyFrom === "name" ? columns.name?.[0] : personRoles.company;
      if (company !== undefined) person.company = company;
      const jobTitle = columns.contact_role?.[0];
      if (jobTitle !== undefined) person.jobTitle = jobTitle;
      for (const i of [person.firstName, person.lastName, person.company]) if (i !== undefined) placed.add(i);
      mapping.person = person;
    }
  }

  for (let i = 0; i < header.length; i++) {
    if (placed.has(i)) continue;
    if (i >= end) continue;
    mapping.unmapped.push(header[i]!);
  }
  return mapping;
}

/** Validates `--map` entries: the column each forced field takes, and the fields cleared with `field=`. */
function resolveOverrides(header: readonly string[], map: Partial<Record<Field, string>>): { forced: Map<number, Field>; cleared: Set<Field> } {
  const forced = new Map<number, Field>();
  const cleared = new Set<Field>();
  for (const [field, wanted] of Object.entries(map) as [string, string | undefined][]) {
    if (!FIELD_SET.has(field)) {
      throw new SegmentError("usage", `${flagText(field, wanted ?? "")}: "${field}" is not a field; fields are ${FIELDS.join(", ")}.`);
    }
    if (wanted === undefined) continue;
    if (wanted.trim() === "") {
      cleared.add(field as Field);
      continue;
    }
    const col = findColumn(header, wanted);
    if (col < 0) {
      const names = header.filter((h) => h.trim() !== "").map((h) => `"${h}"`).join(", ");
      throw new SegmentError("usage", `${flagText(field, wanted)}: the export has no column "${wanted}"; its columns are ${names}.`);
    }
    forced.set(col, field as Field);
  }
  return { forced, cleared };
}

// ---------------------------------------------------------------------------------------------
// suggestions for `inspect`

interface SynonymWords {
  field: Field;
  words: string[];
  size: number;
}

let suggestionIndex: { words: SynonymWords[]; keys: { key: string; field: Field }[] } | undefined;

function suggestions(): NonNullable<typeof suggestionIndex> {
  if (suggestionIndex) return suggestionIndex;
  const words: SynonymWords[] = [];
  const keys: { key: string; field: Field }[] = [];
  for (const field of FIELDS) {
    for (const s of [...FIELD_SYNONYMS[field], ...(HINT_SYNONYMS[field] ?? [])]) {
      const w = headerWords(s);
      if (w.length === 0) continue;
      words.push({ field, words: w, size: w.join("").length });
      keys.push({ key: headerKey(s), field });
    }
  }
  suggestionIndex = { words, keys };
  return suggestionIndex;
}

/** Romanian case endings longer than the three letters an ending usually takes (`utilizatorului`, `clientilor`). */
const LONG_ENDINGS: ReadonlySet<string> = new Set(["ului", "ilor"]);

/**
 * A header word carries a synonym word: equal, or an inflected form of a long enough stem (`телефона`, `адреса`,
 * `utilizatorului`). A longer tail makes another word (`пользовательское` is not `пользователь`, `username` not `user`).
 */
const carries = (word: string, syn: string): boolean => {
  if (word === syn) return true;
  if (syn.length < 4 || !word.startsWith(syn)) return false;
  const tail = word.length - syn.length;
  return tail <= 3 || LONG_ENDINGS.has(word.slice(syn.length));
};

/** Why a known column of this dialect is left unused, if the dialect says so. */
export function unusedReason(headerName: string, dialect: Dialect): DialectColumn["why"] | "known" | undefined {
  const m = matchHeader(headerName, dialect);
  if (!m || m.target !== null) return undefined;
  return m.why ?? "known";
}

/**
 * The field a person would most likely map an unmapped header to, or undefined: an exact synonym
 * (a losing second address), a looser hint word (`Тип`), every word of a synonym within the header
 * (`Телефон директора`), else a near spelling (`Adresa sedului`).
 */
export function suggestField(headerName: string, dialect: Dialect = "generic"): Field | undefined {
  const m = matchHeader(headerName, dialect);
  if (m && m.target !== null && FIELD_SET.has(m.target)) return m.target as Field;
  const idx = suggestions();
  const key = headerKey(headerName);
  if (key === "") return undefined;
  for (const k of idx.keys) if (k.key === key) return k.field;
  const words = headerWords(headerName);
  let best: SynonymWords | undefined;
  for (const s of idx.words) {
    if (best && s.size <= best.size) continue;
    if (s.words.every((sw) => words.some((w) => carries(w, sw)))) best = s;
  }
  if (best) return best.field;
  if (key.length < 5) return undefined;
  const limit = key.length >= 9 ? 2 : 1;
  let near: { field: Field; d: number } | undefined;
  for (const k of idx.keys) {
    if (Math.abs(k.key.length - key.length) > limit) continue;
    const d = distance(k.key, key);
    if (d <= limit && (!near || d < near.d)) near = { field: k.field, d };
  }
  return near?.field;
}
