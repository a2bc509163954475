// The record rules: padding, extra fields, continuation rows, trailers, people's rows and client ids (CONTRACT.md "Records").
import { FIELDS } from "./types.js";
import type { AcceptedRecord, Field, Lang, Mapping, RawPerson, RawTable, RecordsResult, Reject, Warning } from "./types.js";
import { say } from "./i18n.js";
import { nameKey } from "./normalise/names.js";

const TEXT = {
  noName: { en: "no company name", ru: "нет названия компании", ro: "lipsește denumirea companiei" },
  extraFields: {
    en: "{n} fields where the header has {h}; the extra ones hold \"{value}\"",
    ru: "{n} полей, а в заголовке {h}; в лишних: «{value}»",
    ro: "{n} câmpuri, dar antetul are {h}; cele în plus conțin „{value}”",
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

function firstValue(cells: string[], columns: readonly number[]): string {
  for (let i = 0; i < columns.length; i++) {
    const v = cleanCell(cells[columns[i]!]);
    if (v) return v;
  }
  return "";
}

/** Number of non-empty cells, counting no further than `limit` (enough to tell 0, 1 or more). */
function countFilled(cells: string[], limit: number): number {
  let n = 0;
  for (const cell of cells) if (cell !== "" && cell.trim() !== "" && ++n >= limit) break;
  return n;
}

/** Applies the record rules to the parsed table: accepted records, rejects, id warnings and the row counts. */
export function buildRecords(table: RawTable, mapping: Mapping, lang: Lang = "en"): RecordsResult {
  // Unnamed trailing header cells (Bitrix24 ends every line with `;`) are padding, not columns: a value under one is extra.
  let width = table.header.length;
  while (width > 1 && table.header[width - 1]!.trim() === "") width--;
  const sources: Source[] = [];
  for (const field of FIELDS) for (const column of mapping.columns[field] ?? []) sources.push({ field, column });
  const idColumns = mapping.columns.id ?? [];
  const nameColumns = mapping.columns.name ?? [];
  const tagColumns = mapping.tags;

  // Columns a continuation row may fill (anything else makes it a record of its own).
  const maxColumn = Math.max(width, ...sources.map((s) => s.column + 1), ...tagColumns.map((c) => c + 1), ...mapping.requisites.map((c) => c + 1), ...mapping.lookupIds.map((c) => c + 1));
  const repeatable = new Uint8Array(maxColumn);
  for (const s of sources) if (REPEATABLE.has(s.field)) repeatable[s.column] = 1;
  for (const c of tagColumns) repeatable[c] = 1;
  for (const c of mapping.requisites) repeatable[c] = 1;
  for (let c = 0; c < width; c++) if (REQUISITE_HEADER.test(table.header[c]!)) repeatable[c] = 1;
  for (const c of mapping.lookupIds) repeatable[c] = 1; // a lookup's id half says nothing about the record

  const personType = mapping.personType;
  const personValues = new Set((personType?.personValues ?? []).map(foldType));
  const personCols = mapping.person ?? {};
  const companyColumn = personCols.company;

  const continues = (cells: string[]): boolean => {
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      if (cell === "" || repeatable[c] === 1) continue;
      if (cell.trim() !== "") return false;
    }
    return true;
  };
  const appendContinuation = (target: AcceptedRecord, cells: string[]): void => {
    for (const s of sources) appendValue(target, mapping, s.field, cells[s.column]);
    for (const c of tagColumns) {
      const v = cleanCell(cells[c]);
      if (v) pushTags(target, v);
    }
  };

  // Trailers: the run of records at the end with at most one filled cell, if any record before has two.
  const records = table.records;
  let trailerStart = records.length;
  for (let r = records.length - 1; r >= 0; r--) {
    if (countFilled(records[r]!.cells, 2) >= 2) {
      trailerStart = r + 1;
      break;
    }
  } // with no record of two filled cells (a one-column file) nothing is a trailer

  // Every record on its way (accepted, rejected, or a person's row), and what only a few of them have.
  const items: AcceptedRecord[] = [];
  const idValues: string[] = [];
  const errors = new Map<number, string>();
  const persons = new Map<number, PersonRow>();
  for (let r = 0; r < records.length; r++) {
    const { line, cells } = records[r]!;
    const idValue = idColumns.length ? firstValue(cells, idColumns) : "";
    const nameValue = nameColumns.length ? firstValue(cells, nameColumns) : "";
    if (idValue === "" && nameValue === "" && countFilled(cells, 1) === 0) continue; // an all-empty record
    const previous = items.length > 0 ? items[items.length - 1]! : undefined;

    if (r >= trailerStart) {
      // A lone tag, requisite, phone or e-mail at the end still continues the record above it.
      if (idValue === "" && nameValue === "" && previous && continues(cells)) {
        appendContinuation(previous, cells);
        continue;
      }
      break; // the rest are trailers
    }

    const item: AcceptedRecord = { line, clientId: "", cells, raw: null, contacts: NO_CONTACTS, tags: NO_TAGS };

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
        errors.set(items.length, say(lang, TEXT.extraFields, { n: last + 1, h: width, value: extra.length > 40 ? extra.slice(0, 40) + "…" : extra }));
        items.push(item);
        idValues.push(idValue);
        continue;
      }
    }

    let personName = "";
    if (personType && personValues.has(foldType(cells[personType.column] ?? ""))) {
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
      persons.set(items.length, { name, company, role: cleanCell(cells[personCols.jobTitle ?? -1]) });
    }

    if (nameValue === "" && personName === "") {
      if (idValue === "" && previous && continues(cells)) {
        appendContinuation(previous, cells);
        continue;
      }
      errors.set(items.length, say(lang, TEXT.noName));
      items.push(item);
      idValues.push(idValue);
      continue;
    }

    for (let i = 0; i < tagColumns.length; i++) {
      const v = cleanCell(cells[tagColumns[i]!]);
      if (v) pushTags(item, v);
    }
    items.push(item);
    idValues.push(idValue);
  }

  // People's rows join the company of the file whose name has the same match key.
  const joined = new Set<number>();
  if (persons.size > 0) {
    const contactsOf = new Map<number, RawPerson[]>();
    // Match keys are costly (transliteration): only files with people's rows need them here.
    const companyByKey = new Map<string, number>();
    for (let i = 0; i < items.length; i++) {
      if (persons.has(i) || errors.has(i)) continue;
      const key = nameKey(firstValue(items[i]!.cells, nameColumns));
      if (key && !companyByKey.has(key)) companyByKey.set(key, i);
    }
    for (const [i, person] of persons) {
      if (errors.has(i)) continue;
      const it = items[i]!;
      const key = person.company ? nameKey(person.company) : "";
      const company = key ? companyByKey.get(key) : undefined;
      if (company !== undefined) {
        joined.add(i);
        const value = (f: Field) => recordValues(it, mapping, f);
        const raw: RawPerson = {
          line: it.line,
          name: person.name,
          role: person.role || (value("contact_role")[0] ?? ""),
          phones: [...value("phone"), ...value("contact_phone")],
          emails: [...value("email"), ...value("contact_email")],
        };
        let list = contactsOf.get(company);
        if (!list) contactsOf.set(company, (list = []));
        list.push(raw);
      } else if (person.name) {
        (it.raw ??= {}).name = [person.name]; // a client of its own, named by the person
      }
    }
    for (const [i, list] of contactsOf) items[i]!.contacts = list;
  }

  // client_id: the exported id where it is unique; `L<line>` where missing; `<id>@L<line>` where repeated.
  const seen = new Set<string>();
  const repeated = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const id = (it.clientId = idValues[i] || `L${it.line}`);
    const size = seen.size;
    if (seen.add(id).size === size) repeated.set(id, (repeated.get(id) ?? 1) + 1); // one lookup, not has + add
  }
  const warnings: Warning[] = [];
  if (repeated.size > 0) {
    for (const it of items) {
      const id = it.clientId;
      const n = repeated.get(id);
      if (n === undefined) continue;
      it.clientId = `${id}@L${it.line}`;
      warnings.push({ line: it.line, clientId: it.clientId, field: "id", value: id, problem: say(lang, TEXT.repeatedId, { id, n, clientId: it.clientId }) });
    }
  }

  const rejects: Reject[] = [];
  let accepted = items;
  if (errors.size > 0 || joined.size > 0) {
    accepted = [];
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      const error = errors.get(i);
      if (error !== undefined) rejects.push({ line: it.line, clientId: it.clientId, error, raw: it.cells.join(table.delimiter) });
      else if (!joined.has(i)) accepted.push(it);
    }
  }

  return {
    records: accepted,
    rejects,
    warnings,
    contacts: joined.size,
    rows: accepted.length + rejects.length + joined.size,
    hasIdColumn: idColumns.length > 0,
  };
}
