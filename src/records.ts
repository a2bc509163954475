// The record rules: padding, extra fields, continuation rows, trailers, people's rows and client ids (CONTRACT.md "Records").
import { FIELDS } from "./types.js";
import type { AcceptedRecord, Field, Lang, Mapping, RawPerson, RawRecord, RawTable, RecordsResult, Reject, Warning } from "./types.js";
import { say } from "./i18n.js";
import { nameKey } from "./normalise/names.js";
import { own } from "./io/detach.js";
import { IntSet } from "./int-map.js";

const TEXT = {
  noName: { en: "no company name", ru: "нет названия компании", ro: "lipsește denumirea companiei" },
  extraFields: {
    en: "{n} fields where the header has {h}; the extra ones hold \"{value}\"",
    ru: "{n} полей, а в заголовке {h}; в лишних: «{value}»",
    ro: "{n} câmpuri, dar antetul are {h}; cele în plus conțin „{value}”",
  },
  totals: {
    en: "a report's totals row (\"{label}\"), not a client",
    ru: "итоговая строка отчёта («{label}»), а не клиент",
    ro: "rând de total al raportului („{label}”), nu un client",
  },
  repeatedId: {
    en: "the id {id} names {n} records; this one is {clientId}",
    ru: "id {id} стоит у {n} записей; эта запись — {clientId}",
    ro: "id-ul {id} apare la {n} înregistrări; aceasta este {clientId}",
  },
};

// Fields whose one cell may hold several values (Bitrix24 and amoCRM join phones with `, `).
const PHONE_LIKE = new Set<Field>(["phone", "contact_phone"]);
const EMAIL_LIKE = new Set<Field>(["email", "contact_email"]);
// Values a company may have several of: a row holding only these continues the record above.
const REPEATABLE = new Set<Field>(["tax_id", "phone", "email", "contact_phone", "contact_email"]);
// Requisite headers (Bitrix24's requisite columns, bank details) a mapping may not list: a branch's second
// requisite row fills only these.
const REQUISITE_HEADER =
  /^\s*(кпп|инн|огрн|огрнип|окпо|оквэд|бик|р\/с|к\/с|расч[её]тный сч[её]т|корр?(еспондентский|\.)? ?сч[её]т|банк|наименование банка|банковские реквизиты|kpp|inn|ogrn|bik|iban|swift|bic|cui|cif|cod fiscal|nr\.? ?reg\.? ?com\.?|banca|cont bancar)\s*$/i;
const PHONE_SPLIT = /[,;]\s+/;
const EMAIL_SPLIT = /\s*[,;]\s*/;
const TAG_SPLIT = /\s*[,;]\s*/;

/** The id's value when it is an integer of 1 to 9 digits written without leading zeros, else -1. */
function plainInteger(id: string): number {
  const n = id.length;
  if (n === 0 || n > 9 || (id.charCodeAt(0) === 48 && n > 1)) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = id.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Trims a cell and drops the `'` an export put before `+ - =` to keep a spreadsheet from computing it. */
export function cleanCell(cell: string | undefined): string {
  if (cell === undefined || cell === "") return "";
  // Most cells need nothing: neither end is white space (which starts at U+0009..U+0020, U+00A0 and U+1680 up) nor a `'`.
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  if (first > 32 && first !== 39 && first !== 0xa0 && first < 0x1680 && last > 32 && last !== 0xa0 && last < 0x1680) return cell;
  let v = cell.trim();
  if (v.charCodeAt(0) === 39 /* ' */) {
    const next = v.charCodeAt(1);
    if (next === 43 /* + */ || next === 45 /* - */ || next === 61 /* = */) v = v.slice(1).trim();
  }
  return v;
}

function foldType(value: string): string {
  return value.trim().toLowerCase().replace(/ё/g, "е");
}

/** Where each field's values come from, in field order and column order within a field. */
interface Source {
  field: Field;
  column: number;
}

/** A person's row as read, before it finds its company. */
interface PersonRow {
  name: string;
  company: string;
  role: string;
}

// Records without people or tags share one empty list each (never written to: `pushTags` replaces it).
const NO_CONTACTS: RawPerson[] = Object.freeze([]) as unknown as RawPerson[];
const NO_TAGS: string[] = Object.freeze([]) as unknown as string[];

/** Adds a cell's values for `field` to `out`: the cell cleaned, a phone or e-mail cell split into its values. */
export function pushCellValues(out: string[], field: Field, cell: string | undefined): void {
  const value = cleanCell(cell);
  if (value === "") return;
  const split = PHONE_LIKE.has(field) ? PHONE_SPLIT : EMAIL_LIKE.has(field) ? EMAIL_SPLIT : null;
  if (split !== null && (value.indexOf(",") >= 0 || value.indexOf(";") >= 0)) {
    for (const part of value.split(split)) {
      const v = cleanCell(part);
      if (v) out.push(v);
    }
    return;
  }
  out.push(value);
}

/** A field's raw values: its own list where the record has one, else its columns' cells, cleaned and split. */
export function recordValues(rec: AcceptedRecord, mapping: Mapping, field: Field): string[] {
  const own = rec.raw?.[field];
  if (own) return own;
  const out: string[] = [];
  const columns = mapping.columns[field];
  if (columns) for (const c of columns) pushCellValues(out, field, rec.cells[c]);
  return out;
}

/** Every field's raw values, only fields with values (tests and diagnostics). */
export function recordRaw(rec: AcceptedRecord, mapping: Mapping): Partial<Record<Field, string[]>> {
  const out: Partial<Record<Field, string[]>> = {};
  for (const f of FIELDS) {
    const vs = recordValues(rec, mapping, f);
    if (vs.length > 0) out[f] = vs;
  }
  return out;
}

/** A continuation's value joins the field's values: the record gets its own list the first time. */
function appendValue(target: AcceptedRecord, mapping: Mapping, field: Field, cell: string | undefined): void {
  if (cleanCell(cell) === "") return;
  let raw = target.raw;
  if (raw === null) raw = target.raw = {};
  let list = raw[field];
  if (!list) list = raw[field] = [...recordValues({ ...target, raw: null }, mapping, field)];
  pushCellValues(list, field, cell);
}

function pushTags(rec: { tags: string[] }, value: string): void {
  if (value.indexOf(",") < 0 && value.indexOf(";") < 0) {
    if (rec.tags.length) rec.tags.push(value);
    else rec.tags = [value];
    return;
  }
  for (const part of value.split(TAG_SPLIT)) {
    if (!part) continue;
    if (rec.tags.length) rec.tags.push(part);
    else rec.tags = [part];
  }
}

/** The first filled cell of `columns`, cleaned; "" for none. */
export function firstValue(cells: string[], columns: readonly number[]): string {
  for (let i = 0; i < columns.length; i++) {
    const v = cleanCell(cells[columns[i]!]);
    if (v) return v;
  }
  return "";
}

/** Number of non-empty cells, counting no further than `limit` (enough to tell 0, 1 or more). */
// A report's totals row: its label (`Итого`, `Итого по менеджеру Иванов`, `Grand Total`, `Total general`) in its first
// filled cell, and nothing but figures after it.
const TOTALS = /^(?:итого|всего|итог|total|totals|grand\s+totals?|total\s+general|sub-?totals?)(?:\s*:|\s+(?:по|for|pe)\s.*|\s*\(.*\))?\s*$/i;
const FIGURE = /^\s*[+\-−]?\s*(?:[$€₽£]\s*)?[+\-−]?[\d\s.,\u00a0\u202f]*\d[\d\s.,\u00a0\u202f]*%?\s*(?:₽|\$|€|руб\.?|р\.|rub|usd|eur|lei|ron)?\s*$/i;

/** The label of a totals row (`TOTALS`), else `""`. Most records are let go at their first cell's first letter. */
export function totalsLabel(cells: readonly string[]): string {
  let c = 0;
  while (c < cells.length && (cells[c] === "" || cells[c]!.trim() === "")) c++;
  if (c === cells.length) return "";
  const first = cells[c]!;
  let at = 0;
  while (first.charCodeAt(at) <= 32) at++; // a filled cell: some character is past the spaces
  const letter = first.charCodeAt(at) | 0x20;
  // и и в в (Cyrillic, lower-cased by the same bit) t s g
  if (letter !== 0x438 && letter !== 0x432 && letter !== 0x74 && letter !== 0x73 && letter !== 0x67) return "";
  const label = first.trim();
  if (!TOTALS.test(label)) return "";
  for (let k = c + 1; k < cells.length; k++) {
    const v = cells[k]!;
    if (v !== "" && v.trim() !== "" && !FIGURE.test(v)) return "";
  }
  return label;
}

function countFilled(cells: string[], limit: number): number {
  let n = 0;
  for (const cell of cells) if (cell !== "" && cell.trim() !== "" && ++n >= limit) break;
  return n;
}

/** A record on its way through the rules, with what only a few of them have. */
interface Item {
  rec: AcceptedRecord;
  idValue: string;
  error: string | undefined;
  person: PersonRow | undefined;
  /** A person's row that joined a company (it becomes one of the company's contacts, not a row of its own). */
  joined: boolean;
}

/**
 * The record rules over records fed one at a time (a file read in chunks) or all at once. A record leaves
 * (`takeAccepted`, `rejects`) once nothing later can change it: the next record has begun, and it is not in
 * a run at the end that may turn out to be trailers. With people's rows in the mapping every record stays
 * to the end, since a person joins a company anywhere in the file. Ids repeated across records are only
 * known at the end: `finish` renames what is still here and returns what to rename in what has left.
 */
export class RecordRules {
  private readonly width: number;
  private readonly sources: Source[] = [];
  private readonly idColumns: readonly number[];
  private readonly nameColumns: readonly number[];
  private readonly tagColumns: readonly number[];
  private readonly repeatable: Uint8Array;
  private readonly personValues: Set<string>;
  /** People's rows join companies anywhere in the file: every record stays to the end. */
  readonly keepsAll: boolean;
  /** Records of at most one filled cell since the last record of two: trailers if nothing of two follows. */
  private pending: RawRecord[] = [];
  private seenTwo = false;
  private items: Item[] = [];
  private accepted: AcceptedRecord[] = [];
  readonly rejects: Reject[] = [];
  private readonly seen = new Set<string>();
  /** Ids written as plain integers (most CRMs'), by value: a set of small integers hashes no text. */
  private readonly seenNumbers = new IntSet();
  private readonly repeated = new Map<string, number>();
  private done = false;

  constructor(
    header: readonly string[],
    private readonly delimiter: string,
    private readonly mapping: Mapping,
    private readonly lang: Lang = "en",
  ) {
    // Unnamed trailing header cells (Bitrix24 ends every line with `;`) are padding, not columns: a value under one is extra.
    let width = header.length;
    while (width > 1 && header[width - 1]!.trim() === "") width--;
    this.width = width;
    for (const field of FIELDS) for (const column of mapping.columns[field] ?? []) this.sources.push({ field, column });
    this.idColumns = mapping.columns.id ?? [];
    this.nameColumns = mapping.columns.name ?? [];
    this.tagColumns = mapping.tags;

    // Columns a continuation row may fill (anything else makes it a record of its own).
    const maxColumn = Math.max(width, ...this.sources.map((s) => s.column + 1), ...this.tagColumns.map((c) => c + 1), ...mapping.requisites.map((c) => c + 1), ...mapping.lookupIds.map((c) => c + 1));
    const repeatable = (this.repeatable = new Uint8Array(maxColumn));
    for (const s of this.sources) if (REPEATABLE.has(s.field)) repeatable[s.column] = 1;
    for (const c of this.tagColumns) repeatable[c] = 1;
    for (const c of mapping.requisites) repeatable[c] = 1;
    for (let c = 0; c < width; c++) if (REQUISITE_HEADER.test(header[c]!)) repeatable[c] = 1;
    for (const c of mapping.lookupIds) repeatable[c] = 1; // a lookup's id half says nothing about the record
    this.personValues = new Set((mapping.personType?.personValues ?? []).map(foldType));
    this.keepsAll = mapping.personType !== undefined;
  }

  private continues(cells: string[]): boolean {
    const repeatable = this.repeatable;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      if (cell === "" || repeatable[c] === 1) continue;
      if (cell.trim() !== "") return false;
    }
    return true;
  }

  private appendContinuation(target: AcceptedRecord, cells: string[]): void {
    for (const s of this.sources) appendValue(target, this.mapping, s.field, cells[s.column]);
    for (const c of this.tagColumns) {
      const v = cleanCell(cells[c]);
      if (v) pushTags(target, v);
    }
  }

  /** The next record of the file (after the header). */
  push(record: RawRecord): void {
    if (this.done) throw new Error("RecordRules: push after finish");
    // Trailers: the run of records at the end with at most one filled cell, if any record before has two.
    if (countFilled(record.cells, 2) < 2) {
      this.pending.push(record);
      return;
    }
    this.seenTwo = true;
    if (this.pending.length > 0) {
      for (const p of this.pending) this.rule(p, false);
      this.pending = [];
    }
    this.rule(record, false);
  }

  /** Applies the rules to one record; false once the trailers begin. */
  private rule(record: RawRecord, trailer: boolean): boolean {
    const { line, cells } = record;
    const idValue = this.idColumns.length ? firstValue(cells, this.idColumns) : "";
    const nameValue = this.nameColumns.length ? firstValue(cells, this.nameColumns) : "";
    if (idValue === "" && nameValue === "" && countFilled(cells, 1) === 0) return true; // an all-empty record
    const previous = this.items.length > 0 ? this.items[this.items.length - 1]!.rec : undefined;

    if (trailer) {
      // A lone tag, requisite, phone or e-mail at the end still continues the record above it.
      if (idValue === "" && nameValue === "" && previous && this.continues(cells)) {
        this.appendContinuation(previous, cells);
        return true;
      }
      return false; // the rest are trailers
    }

    const item: Item = { rec: { line, clientId: "", cells, raw: null, contacts: NO_CONTACTS, tags: NO_TAGS, keyedName: "", nameKey: "" }, idValue, error: undefined, person: undefined, joined: false };
    const width = this.width;
    // A wrong field count rejects first; trailing empty fields (Bitrix24's line-ending `;`) are padding.
    if (cells.length > width) {
      let last = -1;
      for (let c = cells.length - 1; c >= width; c--) {
        if (cells[c]!.trim() !== "") {
          last = c;
          break;
        }
      }
      if (last >= 0) {
        let extra = "";
        for (let c = width; c <= last && !extra; c++) extra = cleanCell(cells[c]);
        item.error = say(this.lang, TEXT.extraFields, { n: last + 1, h: width, value: extra.length > 40 ? extra.slice(0, 40) + "…" : extra });
        this.add(item);
        return true;
      }
    }

    const totals = totalsLabel(cells);
    if (totals !== "") {
      item.error = say(this.lang, TEXT.totals, { label: totals.length > 40 ? totals.slice(0, 40) + "…" : totals });
      this.add(item);
      return true;
    }

    const personType = this.mapping.personType;
    let personName = "";
    if (personType && this.personValues.has(foldType(cells[personType.column] ?? ""))) {
      const personCols = this.mapping.person ?? {};
      const companyColumn = personCols.company;
      let name = cleanCell(cells[personCols.fullName ?? -1]);
      if (!name) name = [cleanCell(cells[personCols.firstName ?? -1]), cleanCell(cells[personCols.lastName ?? -1])].filter(Boolean).join(" ");
      const company = companyColumn !== undefined ? cleanCell(cells[companyColumn]) : nameValue;
      // With a company column of its own, the name column is the person's (Odoo writes "Company, Person").
      if (!name && companyColumn !== undefined) name = nameValue;
      if (companyColumn !== undefined && company) {
        const prefix = company + ", ";
        if (name.startsWith(prefix) && name.length > prefix.length) name = name.slice(prefix.length);
      }
      personName = name;
      item.person = { name, company, role: cleanCell(cells[personCols.jobTitle ?? -1]) };
    }

    if (nameValue === "" && personName === "") {
      if (idValue === "" && previous && this.continues(cells)) {
        this.appendContinuation(previous, cells);
        return true;
      }
      item.error = say(this.lang, TEXT.noName);
      this.add(item);
      return true;
    }

    if (record.nameKey !== undefined && item.person === undefined && nameValue !== "") {
      // A company's key the reader thread worked out: of this very name (the same cells, the same name columns).
      item.rec.keyedName = nameValue;
      item.rec.nameKey = record.nameKey;
    }
    const tagColumns = this.tagColumns;
    for (let i = 0; i < tagColumns.length; i++) {
      const v = cleanCell(cells[tagColumns[i]!]);
      if (v) pushTags(item.rec, v);
    }
    this.add(item);
    return true;
  }

  /** A new item: its provisional client_id counted, and the one before it free to leave. */
  private add(item: Item): void {
    // Its own copy: the set of ids lives to the end, and a slice would keep the file's text alive.
    const id = (item.rec.clientId = item.idValue ? own(item.idValue) : `L${item.rec.line}`);
    // One lookup, not has + add. `12` and `012` are two ids: only an integer written without leading zeros is a number here.
    const n = plainInteger(id);
    let again: boolean;
    if (n >= 0) {
      again = !this.seenNumbers.add(n);
    } else {
      const size = this.seen.size;
      again = this.seen.add(id).size === size;
    }
    if (again) this.repeated.set(id, (this.repeated.get(id) ?? 1) + 1);
    if (!this.keepsAll && this.items.length > 0) {
      for (const it of this.items) this.leave(it);
      this.items.length = 0;
    }
    this.items.push(item);
  }

  private leave(it: Item): void {
    if (it.error !== undefined) this.rejects.push({ line: it.rec.line, clientId: it.rec.clientId, error: it.error, raw: it.rec.cells.join(this.delimiter) });
    else this.accepted.push(it.rec);
  }

  /** The accepted records ready to be normalised, in file order (each given once). */
  takeAccepted(): AcceptedRecord[] {
    const out = this.accepted;
    this.accepted = [];
    return out;
  }

  /**
   * The end of the file: the trailers settled, people joined to their companies, repeated ids renamed in
   * what is still here. Returns the counts and the warnings; `repeated` lists the ids to rename in
   * records that left before the end (`renameRepeated`).
   */
  finish(): { warnings: Warning[]; contacts: number; hasIdColumn: boolean; repeated: Map<string, number> } {
    if (this.done) throw new Error("RecordRules: finish twice");
    this.done = true;
    // With no record of two filled cells (a one-column file) nothing is a trailer.
    for (const p of this.pending) if (!this.rule(p, this.seenTwo)) break;
    this.pending = [];
    const items = this.items;
    this.items = [];

    // People's rows join the company of the file whose name has the same match key.
    let joined = 0;
    if (this.keepsAll && items.some((it) => it.person !== undefined)) {
      const mapping = this.mapping;
      // Match keys are costly (transliteration): only files with people's rows need them here.
      // Each name's key is worked out once: a person's company is most often written as the company's own name
      // cell, and the normaliser takes the company's key from its record.
      const companyByKey = new Map<string, Item>();
      const keyOfName = new Map<string, string>();
      for (const it of items) {
        if (it.person !== undefined || it.error !== undefined) continue;
        const name = firstValue(it.rec.cells, this.nameColumns);
        const key = name !== "" && name === it.rec.keyedName ? it.rec.nameKey! : nameKey(name);
        it.rec.keyedName = name;
        it.rec.nameKey = key;
        keyOfName.set(name, key);
        if (key && !companyByKey.has(key)) companyByKey.set(key, it);
      }
      for (const it of items) {
        const person = it.person;
        if (person === undefined || it.error !== undefined) continue;
        const key = person.company ? (keyOfName.get(person.company) ?? nameKey(person.company)) : "";
        const company = key ? companyByKey.get(key) : undefined;
        if (company !== undefined) {
          it.joined = true;
          joined++;
          const value = (f: Field) => recordValues(it.rec, mapping, f);
          const raw: RawPerson = {
            line: it.rec.line,
            name: person.name,
            role: person.role || (value("contact_role")[0] ?? ""),
            phones: [...value("phone"), ...value("contact_phone")],
            emails: [...value("email"), ...value("contact_email")],
          };
          // Flags and lists on the items themselves: a Set or Map keyed by 300k objects gives each an identity hash.
          if (company.rec.contacts === NO_CONTACTS) company.rec.contacts = [raw];
          else company.rec.contacts.push(raw);
        } else if (person.name) {
          (it.rec.raw ??= {}).name = [person.name]; // a client of its own, named by the person
        }
      }
    }

    // client_id: the exported id where it is unique; `L<line>` where missing; `<id>@L<line>` where repeated.
    // Kept to the end, every record is still here (people's rows too): rename them now, in file order.
    const warnings: Warning[] = [];
    if (this.keepsAll && this.repeated.size > 0) {
      for (const it of items) {
        const w = renamed(it.rec, this.repeated, this.lang);
        if (w) warnings.push(w);
      }
    }
    for (const it of items) if (!it.joined) this.leave(it);
    return { warnings, contacts: joined, hasIdColumn: this.idColumns.length > 0, repeated: this.keepsAll ? new Map() : this.repeated };
  }
}

/** Renames a holder of a repeated id to `<id>@L<line>` and returns the warning, or null. */
function renamed(holder: { line: number; clientId: string }, repeated: ReadonlyMap<string, number>, lang: Lang): Warning | null {
  const id = holder.clientId;
  const n = repeated.get(id);
  if (n === undefined) return null;
  holder.clientId = `${id}@L${holder.line}`;
  return { line: holder.line, clientId: holder.clientId, field: "id", value: id, problem: say(lang, TEXT.repeatedId, { id, n, clientId: holder.clientId }) };
}

/**
 * Renames repeated ids in records that left the rules before the end (rows and rejects, merged in file
 * order) and in the warnings already written about them; returns the id warnings, in file order.
 */
export function renameRepeated(repeated: ReadonlyMap<string, number>, rows: Array<{ line: number; clientId: string }>, rejects: Array<{ line: number; clientId: string }>, later: Warning[], lang: Lang): Warning[] {
  const out: Warning[] = [];
  if (repeated.size === 0) return out;
  for (const w of later) if (repeated.has(w.clientId)) w.clientId = `${w.clientId}@L${w.line}`;
  let j = 0;
  for (let i = 0; i <= rows.length; i++) {
    const row = rows[i];
    while (j < rejects.length && (row === undefined || rejects[j]!.line < row.line)) {
      const w = renamed(rejects[j++]!, repeated, lang);
      if (w) out.push(w);
    }
    if (row === undefined) break;
    const w = renamed(row, repeated, lang);
    if (w) out.push(w);
  }
  return out;
}

/** Applies the record rules to the parsed table: accepted records, rejects, id warnings and the row counts. */
export function buildRecords(table: RawTable, mapping: Mapping, lang: Lang = "en"): RecordsResult {
  const rules = new RecordRules(table.header, table.delimiter, mapping, lang);
  for (const record of table.records) rules.push(record);
  const end = rules.finish();
  const accepted = rules.takeAccepted();
  const warnings = [...end.warnings, ...renameRepeated(end.repeated, accepted, rules.rejects, [], lang)];
  return {
    records: accepted,
    rejects: rules.rejects,
    warnings,
    contacts: end.contacts,
    rows: accepted.length + rules.rejects.length + end.contacts,
    hasIdColumn: end.hasIdColumn,
  };
}
