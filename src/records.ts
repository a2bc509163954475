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
  /** 0 one value, 1 phones, 2 e-mails. */
  split: 0 | 1 | 2;
}

/** One record on its way: accepted, rejected, or a person's row waiting to find its company. */
interface Item {
  line: number;
  cells: string[];
  idValue: string;
  nameValue: string;
  raw: Partial<Record<Field, string[]>>;
  tags: string[];
  error: string;
  person: boolean;
  personName: string;
  personCompany: string;
  personRole: string;
  clientId: string;
  /** Index of the company item this person joined, or -1. */
  joined: number;
}

// Arrays start as literals of their first value: a push onto `[]` reserves 17 slots, which on 300k records
// with a dozen fields is most of this stage's garbage.
function pushValues(raw: Partial<Record<Field, string[]>>, source: Source, value: string): void {
  if (source.split !== 0 && (value.indexOf(",") >= 0 || value.indexOf(";") >= 0)) {
    for (const part of value.split(source.split === 1 ? PHONE_SPLIT : EMAIL_SPLIT)) {
      const v = cleanCell(part);
      if (!v) continue;
      const list = raw[source.field];
      if (list) list.push(v);
      else raw[source.field] = [v];
    }
    return;
  }
  const list = raw[source.field];
  if (list) list.push(value);
  else raw[source.field] = [value];
}

function pushTags(item: { tags: string[] }, value: string): void {
  if (value.indexOf(",") < 0 && value.indexOf(";") < 0) {
    if (item.tags.length) item.tags.push(value);
    else item.tags = [value];
    return;
  }
  for (const part of value.split(TAG_SPLIT)) {
    if (!part) continue;
    if (item.tags.length) item.tags.push(part);
    else item.tags = [part];
  }
}

function firstValue(cells: string[], columns: readonly number[] | undefined): string {
  if (!columns) return "";
  for (const c of columns) {
    const v = cleanCell(cells[c]);
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
  for (const field of FIELDS) {
    for (const column of mapping.columns[field] ?? []) {
      sources.push({ field, column, split: PHONE_LIKE.has(field) ? 1 : EMAIL_LIKE.has(field) ? 2 : 0 });
    }
  }
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

  // Trailers: the run of records at the end with at most one filled cell, if any record before has two.
  const records = table.records;
  let trailerStart = records.length;
  for (let r = records.length - 1; r >= 0; r--) {
    if (countFilled(records[r]!.cells, 2) >= 2) {
      trailerStart = r + 1;
      break;
    }
  } // with no record of two filled cells (a one-column file) nothing is a trailer

  const items: Item[] = [];
  for (let r = 0; r < records.length; r++) {
    const { line, cells } = records[r]!;
    const idValue = firstValue(cells, idColumns);
    const nameValue = firstValue(cells, nameColumns);
    if (idValue === "" && nameValue === "" && countFilled(cells, 1) === 0) continue; // an all-empty record
    const previous = items.length > 0 ? items[items.length - 1]! : undefined;

    if (r >= trailerStart) {
      // A lone tag, requisite, phone or e-mail at the end still continues the record above it.
      if (idValue === "" && nameValue === "" && previous && continues(cells)) {
        appendContinuation(previous, cells, sources, tagColumns);
        continue;
      }
      break; // the rest are trailers
    }

    const item: Item = {
      line, cells, idValue, nameValue, raw: {}, tags: [], error: "",
      person: false, personName: "", personCompany: "", personRole: "", clientId: "", joined: -1,
    };

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
        item.error = say(lang, TEXT.extraFields, { n: last + 1, h: width, value: extra.length > 40 ? extra.slice(0, 40) + "…" : extra });
        items.push(item);
        continue;
      }
    }

    if (personType && personValues.has(foldType(cells[personType.column] ?? ""))) {
      item.person = true;
      let name = cleanCell(cells[personCols.fullName ?? -1]);
      if (!name) name = [cleanCell(cells[personCols.firstName ?? -1]), cleanCell(cells[personCols.lastName ?? -1])].filter(Boolean).join(" ");
      item.personCompany = companyColumn !== undefined ? cleanCell(cells[companyColumn]) : nameValue;
      // With a company column of its own, the name column is the person's (Odoo writes "Company, Person").
      if (!name && companyColumn !== undefined) name = nameValue;
      if (companyColumn !== undefined && item.personCompany) {
        const prefix = item.personCompany + ", ";
        if (name.startsWith(prefix) && name.length > prefix.length) name = name.slice(prefix.length);
      }
      item.personName = name;
      item.personRole = cleanCell(cells[personCols.jobTitle ?? -1]);
    }

    const hasName = nameValue !== "" || item.personName !== "";
    if (!hasName) {
      if (idValue === "" && previous && continues(cells)) {
        appendContinuation(previous, cells, sources, tagColumns);
        continue;
      }
      item.error = say(lang, TEXT.noName);
      items.push(item);
      continue;
    }

    for (const s of sources) {
      const v = cleanCell(cells[s.column]);
      if (v) pushValues(item.raw, s, v);
    }
    for (const c of tagColumns) {
      const v = cleanCell(cells[c]);
      if (v) pushTags(item, v);
    }
    items.push(item);
  }

  // People's rows join the company of the file whose name has the same match key.
  const contactsOf = new Map<number, RawPerson[]>();
  if (items.some((it) => it.person)) {
    // Match keys are costly (transliteration): only files with people's rows need them here.
    const companyByKey = new Map<string, number>();
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      if (it.person || it.error) continue;
      const key = nameKey(it.nameValue);
      if (key && !companyByKey.has(key)) companyByKey.set(key, i);
    }
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      if (!it.person || it.error) continue;
      const key = it.personCompany ? nameKey(it.personCompany) : "";
      const company = key ? companyByKey.get(key) : undefined;
      if (company !== undefined) {
        it.joined = company;
        const person: RawPerson = {
          line: it.line,
          name: it.personName,
          role: it.personRole || (it.raw.contact_role?.[0] ?? ""),
          phones: [...(it.raw.phone ?? []), ...(it.raw.contact_phone ?? [])],
          emails: [...(it.raw.email ?? []), ...(it.raw.contact_email ?? [])],
        };
        let list = contactsOf.get(company);
        if (!list) contactsOf.set(company, (list = []));
        list.push(person);
      } else if (it.personName) {
        it.raw.name = [it.personName]; // a client of its own, named by the person
      }
    }
  }

  // client_id: the exported id where it is unique; `L<line>` where missing; `<id>@L<line>` where repeated.
  const seen = new Set<string>();
  const repeated = new Map<string, number>();
  for (const it of items) {
    const id = (it.clientId = it.idValue || `L${it.line}`);
    if (!seen.has(id)) seen.add(id);
    else repeated.set(id, (repeated.get(id) ?? 1) + 1);
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

  const accepted: AcceptedRecord[] = [];
  const rejects: Reject[] = [];
  let contacts = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.error) rejects.push({ line: it.line, clientId: it.clientId, error: it.error, raw: it.cells.join(table.delimiter) });
    else if (it.joined >= 0) contacts++;
    else accepted.push({ line: it.line, clientId: it.clientId, raw: it.raw, contacts: contactsOf.get(i) ?? [], tags: it.tags });
  }

  return {
    records: accepted,
    rejects,
    warnings,
    contacts,
    rows: accepted.length + rejects.length + contacts,
    hasIdColumn: idColumns.length > 0,
  };
}

/** A continuation row's values join the record above: its fields' values and its tags. */
function appendContinuation(target: Item, cells: string[], sources: Source[], tagColumns: number[]): void {
  for (const s of sources) {
    const v = cleanCell(cells[s.column]);
    if (v) pushValues(target.raw, s, v);
  }
  for (const c of tagColumns) {
    const v = cleanCell(cells[c]);
    if (v) pushTags(target, v);
  }
}
