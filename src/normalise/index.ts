// The normalise stage: settles each date and number column, then turns every accepted record into a Row.
import { own, share } from "../io/detach.js";
import { say } from "../i18n.js";
import type { Phrase } from "../i18n.js";
import { DIALECT_HABITS } from "../schema/dialects.js";
import { roomFor } from "../pages.js";
import { cleanCell, pushCellValues } from "../records.js";
import { DATE_FIELDS, FIELDS, NUMBER_FIELDS, type DateField, type NumberField } from "../types.js";
import type { AcceptedRecord, Field, FieldValues, Lang, Mapping, Person, RecordsResult, Row, Warning } from "../types.js";
import { emailDomain, isPublicMailDomain, normaliseEmail, websiteDomain } from "./contact.js";
import { clearCountryCache, isKnownCountry, normaliseCountry } from "./country.js";
import { dateKey, dayKey, parseDate, settleDayOrderCounted } from "./dates.js";
import { clearNameCaches, displayName, legalForm, nameKey } from "./names.js";
import { parseEmployees, parseNumber, settleDecimalMarkCounted } from "./numbers.js";
import { clearPhoneCaches, inScientificNotation, localNumber, normalisePhone } from "./phones.js";
import { isValidCui, isValidInn, normaliseTaxId } from "./taxid.js";

export interface NormaliseContext {
  mapping: Mapping;
  /** The run's language: warnings speak it. */
  lang: Lang;
  /** ISO alpha-2 (or a spelling `normaliseCountry` knows); inferred from the data when absent. */
  defaultCountry?: string;
  /** The export headers' language, the last word on day order and decimal mark; the run's language when absent. */
  headerLang?: Lang;
  /**
   * Keep only the first `keepRows` rows and count, per field, the rows whose value is filled once normalised
   * (`inspect` on an export of any size). The dates and numbers of rows not kept make no warnings.
   */
  keepRows?: number;
}

export interface NormaliseResult {
  rows: Row[];
  warnings: Warning[];
  defaultCountry: string;
  /** Rows made (with `keepRows`, more than `rows` holds). */
  count: number;
  /** With `keepRows`: per field, the rows whose normalised value is not empty. */
  filled?: Partial<Record<Field, number>>;
}

const P = {
  date: { en: "not a valid date (this column reads dates as {order})", ru: "недопустимая дата (в этом столбце даты читаются как {order})", ro: "dată invalidă (coloana citește datele ca {order})" },
  number: { en: "not a number in this column's format (decimal mark \"{mark}\")", ru: "не число в формате этого столбца (десятичный разделитель «{mark}»)", ro: "nu este un număr în formatul coloanei (separator zecimal „{mark}”)" },
  employees: { en: "not a head count or a band such as 50-250", ru: "не численность сотрудников и не диапазон вида 50-250", ro: "nu este un număr de angajați sau un interval precum 50-250" },
  phone: { en: "not a valid phone number", ru: "недействительный номер телефона", ro: "număr de telefon invalid" },
  scientific: {
    en: "a spreadsheet wrote this number in scientific notation and rounded it; keep the column as text when saving",
    ru: "табличный редактор записал число в экспоненциальной форме и округлил его; сохраняйте столбец как текст",
    ro: "foaia de calcul a scris numărul în notație științifică și l-a rotunjit; păstrați coloana ca text la salvare",
  },
  localPhone: { en: "a local number without its area code: used to find duplicates only", ru: "местный номер без кода города: используется только для поиска дублей", ro: "număr local fără prefix: folosit doar la găsirea duplicatelor" },
  email: { en: "not a valid e-mail address", ru: "недействительный адрес электронной почты", ro: "adresă de e-mail invalidă" },
  innLength: { en: "invalid tax id: an INN has 10 or 12 digits", ru: "недействительный ИНН: в ИНН 10 или 12 цифр", ro: "cod fiscal invalid: un INN are 10 sau 12 cifre" },
  innCheck: { en: "invalid tax id: the INN check digits do not match", ru: "недействительный ИНН: не сходятся контрольные цифры", ro: "cod fiscal invalid: cifrele de control ale INN nu corespund" },
  cui: { en: "invalid tax id: the CUI check digit does not match", ru: "недействительный налоговый номер: не сходится контрольная цифра CUI", ro: "cod fiscal invalid: cifra de control a CUI nu corespunde" },
} satisfies Record<string, Phrase>;

const ORDER: Record<Lang, [string, string]> = {
  en: ["day/month/year", "month/day/year"],
  ru: ["день/месяц/год", "месяц/день/год"],
  ro: ["zi/lună/an", "lună/zi/an"],
};

const CYRILLIC = /[\u0400-\u04ff]/;
const ROMANIAN_LETTERS = /[șşțţăâîȘŞȚŢĂÂÎ]/;
const ROMANIAN_FORMS = new Set(["SRL", "SA", "SC", "PFA", "II", "IF", "SNC", "SCS", "RA"]);
const DIGITS = /\D+/g;
const PLAIN_NUMERIC = /^[\d\s\u00a0\u202f.,]+$/;
const WS = /\s+/g;
const SAMPLE = 5000;

/** Field kinds in the row loop (an integer switch, not a string one). */
const K_PLAIN = 0;
const K_NAME = 1;
const K_COUNTRY = 2;
const K_LATER = 3;
const K_DATE = 4;
const K_NUMBER = 5;
const K_EMPLOYEES = 6;

// Fields whose one cell may hold several values: their first value is the cell's first part.
const SPLIT_FIELDS = new Set<Field>(["phone", "contact_phone", "email", "contact_email"]);

/** How the row loop treats one field of the mapping. */
interface Plan {
  field: Field;
  kind: number;
  columns: readonly number[];
  split: boolean;
  /** Index in FIELDS. */
  at: number;
  /** Dates and numbers: the column's values interned, settled and parsed once each at the end. */
  interned: Interned | null;
  dayFirst: boolean;
  decimalComma: boolean;
  problem: string;
}

/** The field's first raw value (as `recordValues(...)[0]`), without building the list. */
function firstOf(rec: AcceptedRecord, field: Field, columns: readonly number[], split: boolean): string {
  const raw = rec.raw;
  if (raw !== null) {
    const own = raw[field];
    if (own) return own[0] ?? "";
  }
  const cells = rec.cells;
  for (let i = 0; i < columns.length; i++) {
    const v = cleanCell(cells[columns[i]!]);
    if (v === "") continue;
    if (split && (v.indexOf(",") >= 0 || v.indexOf(";") >= 0)) {
      const parts: string[] = [];
      pushCellValues(parts, field, v);
      if (parts.length > 0) return parts[0]!;
      continue;
    }
    return v;
  }
  return "";
}

/** The field's raw values written into `out` from its start (no new list per record); their count. */
function valuesOf(out: string[], rec: AcceptedRecord, field: Field, columns: readonly number[]): number {
  const own = rec.raw !== null ? rec.raw[field] : undefined;
  if (own) {
    for (let i = 0; i < own.length; i++) out[i] = own[i]!;
    return own.length;
  }
  const cells = rec.cells;
  let n = 0;
  for (let i = 0; i < columns.length; i++) {
    const v = cleanCell(cells[columns[i]!]);
    if (v === "") continue;
    if (SPLIT_FIELDS.has(field) && (v.indexOf(",") >= 0 || v.indexOf(";") >= 0)) {
      const parts: string[] = [];
      pushCellValues(parts, field, v);
      for (const part of parts) out[n++] = part;
    } else out[n++] = v;
  }
  return n;
}

/** The default country: the one given, else the one the data points at, else the header language's. */
export function inferDefaultCountry(records: readonly AcceptedRecord[], lang: Lang, given?: string, mapping?: Mapping): string {
  if (given) {
    const c = normaliseCountry(given);
    return c.length === 2 ? c.toUpperCase() : c;
  }
  const columns = mapping?.columns ?? {};
  const first = (rec: AcceptedRecord, f: Field) => firstOf(rec, f, columns[f] ?? NO_COLUMNS, SPLIT_FIELDS.has(f));
  const score = new Map<string, number>();
  const add = (c: string, w: number) => score.set(c, (score.get(c) ?? 0) + w);
  const n = Math.min(records.length, SAMPLE);
  for (let i = 0; i < n; i++) {
    const rec = records[i]!;
    const country = first(rec, "country");
    if (country) {
      const c = normaliseCountry(country);
      if (isKnownCountry(c)) add(c, 2);
    }
    const phone = first(rec, "phone");
    if (phone) {
      const t = phone.trim();
      const d = t.replace(DIGITS, "");
      if (t.startsWith("+7") || (d.length === 11 && (d[0] === "8" || d[0] === "7"))) add("RU", 1);
      else if (t.startsWith("+40") || d.startsWith("0040") || (d.length === 10 && d[0] === "0" && "237".includes(d[1]!))) add("RO", 1);
      else if (t.startsWith("+373") || d.startsWith("00373")) add("MD", 1);
      else if (t.startsWith("+1") || (d.length === 10 && !t.startsWith("+") && d[0] !== "0")) add("US", 1);
    }
    const tax = first(rec, "tax_id");
    if (tax) {
      const t = tax.trim();
      const d = t.replace(DIGITS, "");
      if (/^ro\s*\d/i.test(t)) add("RO", 1);
      else if ((d.length === 10 || d.length === 12) && isValidInn(d)) add("RU", 1);
      else if (d.length >= 2 && d.length <= 9 && isValidCui(d)) add("RO", 1);
    }
    const name = first(rec, "name");
    if (name) {
      if (CYRILLIC.test(name)) add("RU", 1);
      else {
        const f = legalForm(name);
        if (ROMANIAN_LETTERS.test(name) || ROMANIAN_FORMS.has(f)) add("RO", 1);
        else if (f === "LLC" || f === "INC" || f === "CORP") add("US", 0.5);
      }
    }
  }
  let best = "";
  let bestScore = 0;
  for (const [c, s] of score) {
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  if (best) return best;
  return lang === "ru" ? "RU" : lang === "ro" ? "RO" : "US";
}

const NO_COLUMNS: readonly number[] = [];

/** A column past this many distinct values, most of its values new (amounts, revenues), stops interning. */
const SPILL_AT = 20_000;

/**
 * A column's values interned as the records go by: the distinct values, how often each occurs, and each
 * record's first value by number (the column is settled once every value is counted). A column whose values
 * are mostly distinct stops looking its values up and lists each as it comes (`distinct` may then repeat a
 * value: the votes that settle a column are sums, and parsing is per value, so nothing changes but the cost of a
 * lookup in a map of a value per row).
 */
class Interned {
  private readonly ids = new Map<string, number>();
  /** Dates: the id of each day by its number (`dayKey`), found without making the key's text. */
  private readonly days = new Map<number, number>();
  private spilled = false;
  /** Values counted so far. */
  private seen = 0;
  readonly distinct: string[] = [];
  readonly counts: number[] = [];
  /** Per record, the index of its first value in `distinct`, -1 for none. */
  first = new Int32Array(1024);
  length = 0;

  /** Timestamps are counted by the part that decides their date (`dateKey`). */
  private readonly dates: boolean;

  constructor(
    private readonly field: Field,
    private readonly columns: readonly number[],
    /** Rows expected in all, as projected while a file is read (`Normaliser.expect`; 0: not known). */
    private readonly expected: { rows: number } = { rows: 0 },
  ) {
    this.dates = (DATE_FIELDS as readonly string[]).includes(field);
  }

  add(rec: AcceptedRecord, scratch: string[]): void {
    // Most date and number fields are one column of plain cells: its cell is the one value (as `valuesOf` gives it).
    let n: number;
    if (this.columns.length === 1 && (rec.raw === null || rec.raw[this.field] === undefined)) {
      const v = cleanCell(rec.cells[this.columns[0]!]);
      n = v === "" ? 0 : 1;
      scratch[0] = v;
    } else n = valuesOf(scratch, rec, this.field, this.columns);
    if (this.length === this.first.length) {
      // One value a row: past a few thousand, straight to the projected count rather than doubling up to it.
      const grown = new Int32Array(roomFor(this.length, { rows: this.length, expected: this.expected.rows }));
      grown.set(this.first);
      this.first = grown;
    }
    let first = -1;
    for (let i = 0; i < n; i++) {
      const raw = scratch[i]!;
      const day = this.dates ? dayKey(raw) : -1;
      let id = day >= 0 ? this.days.get(day) : undefined;
      if (id === undefined) {
        const v = this.dates ? dateKey(raw) : raw;
        id = this.spilled ? undefined : this.ids.get(v);
        if (id === undefined) {
          id = this.distinct.length;
          // Interned values outlive the chunk they came from.
          const copy = own(v);
          if (!this.spilled) this.ids.set(copy, id);
          this.distinct.push(copy);
          this.counts.push(0);
        }
        if (day >= 0) this.days.set(day, id);
      }
      this.counts[id]!++;
      if (i === 0) first = id;
    }
    this.first[this.length++] = first;
    this.seen += n;
    if (!this.spilled && this.distinct.length >= SPILL_AT && this.distinct.length * 2 > this.seen) {
      this.spilled = true;
      this.ids.clear();
    }
  }
}

/**
 * A settled date or number into a row's values, a function a field: a store by a field name that varies from one
 * column to the next is a megamorphic one (300k rows, eight columns: ~0.2 s).
 */
const SETTERS: Record<DateField | NumberField, (values: FieldValues, value: string) => void> = {
  created_at: (o, s) => {
    o.created_at = s;
  },
  last_activity_at: (o, s) => {
    o.last_activity_at = s;
  },
  last_purchase_at: (o, s) => {
    o.last_purchase_at = s;
  },
  employees: (o, s) => {
    o.employees = s;
  },
  annual_revenue: (o, s) => {
    o.annual_revenue = s;
  },
  activity_count: (o, s) => {
    o.activity_count = s;
  },
  deals_won: (o, s) => {
    o.deals_won = s;
  },
  revenue_won: (o, s) => {
    o.revenue_won = s;
  },
};

/** The row's values from a list in FIELDS order, written as one literal so every row's values share one object shape. */
function valuesFrom(v: string[], clientId: string): FieldValues {
  // Own copies (the row outlives the chunk of the file it came from); values that repeat across rows (places, owners, statuses) one shared instance each;
  // phones and e-mails are made, or copied, where they are normalised.
  return { id: v[0] === clientId ? clientId : own(v[0]!), name: own(v[1]!), tax_id: own(v[2]!), country: share(v[3]!), region: share(v[4]!), city: share(v[5]!), address: own(v[6]!), postal_code: share(v[7]!), phone: v[8]!, email: v[9]!, website: own(v[10]!), industry: share(v[11]!), industry_code: share(v[12]!), company_type: share(v[13]!), employees: share(v[14]!), annual_revenue: share(v[15]!), owner: share(v[16]!), created_at: share(v[17]!), last_activity_at: share(v[18]!), activity_count: share(v[19]!), deals_won: share(v[20]!), revenue_won: share(v[21]!), last_purchase_at: share(v[22]!), status: share(v[23]!), motivation: share(v[24]!), notes: own(v[25]!), contact_name: own(v[26]!), contact_role: share(v[27]!), contact_phone: v[28]!, contact_email: v[29]! };
}
const FIELD_INDEX = new Map<Field, number>(FIELDS.map((f, i) => [f, i]));
if (FIELDS.length !== 30 || FIELDS[29] !== "contact_email" || FIELDS[14] !== "employees") throw new Error("valuesFrom no longer matches FIELDS");

/** The one empty list rows without phones, e-mails, domains, people or tags share (nothing downstream writes to a row's lists). */
export const NOTHING: never[] = Object.freeze([]) as unknown as never[];

// A list grown by `push` keeps room for 17 values; rows live to the end of the run, so they keep exact copies.
function exact(list: string[]): string[] {
  return list.length === 0 ? NOTHING : list.length === 1 ? [list[0]!] : list.slice();
}

function ownAll(list: string[]): string[] {
  if (list.length === 0) return NOTHING;
  const out = new Array<string>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = own(list[i]!);
  return out;
}

/**
 * Every accepted record as a Row: values normalised (dates `YYYY-MM-DD`, numbers plain decimals,
 * phones E.164, e-mails lower-case, tax ids checked, countries ISO alpha-2, names tidied), match keys
 * and every phone, e-mail and domain of the company and its people. A bad optional value is blanked
 * and becomes a warning.
 */
export function normaliseRecords(result: RecordsResult, ctx: NormaliseContext): NormaliseResult {
  const n = new Normaliser(ctx);
  n.push(result.records);
  return n.finish();
}

/**
 * A row's values each once, in the order met: `includes` while the list is short (a company's own phones), a Set
 * once it is long (a placeholder company that thousands of people's rows join: `includes` made that quadratic).
 */
export class OnceList {
  readonly list: string[] = [];
  private seen: Set<string> | null = null;

  /** Empty, for the next row. */
  reset(): this {
    this.list.length = 0;
    this.seen = null;
    return this;
  }

  add(value: string): void {
    const list = this.list;
    if (this.seen === null) {
      if (list.includes(value)) return;
      list.push(value);
      if (list.length > 16) this.seen = new Set(list);
    } else if (!this.seen.has(value)) {
      this.seen.add(value);
      list.push(value);
    }
  }
}

/**
 * The normalise stage over records fed in batches (a file read in chunks) or all at once. The first
 * records (up to SAMPLE) wait until the default country is inferred from them; date and number fields
 * are counted as the rows go by and filled in at the end, when each column's day order or decimal mark
 * is settled over all of its values.
 */
export class Normaliser {
  private readonly rows: Row[] = [];
  private readonly warnings: Warning[] = [];
  /** Records waiting for the default country; null once it is known. */
  private sample: AcceptedRecord[] | null = [];
  private plans: Plan[] = [];
  private listFields: Array<{ field: "phone" | "contact_phone" | "email" | "contact_email"; columns: readonly number[]; at: number; phone: boolean }> = [];
  private present = new Set<Field>();
  private defaultCountry = "";
  private readonly scratch: string[] = [];
  private readonly phones = new OnceList();
  private readonly emails = new OnceList();
  private readonly domains = new OnceList();
  /** A row's local numbers (`localNumber`): they follow its numbers in E.164 in `Row.phones`. */
  private readonly locals = new OnceList();
  private readonly v: string[] = new Array<string>(FIELDS.length).fill("");
  /** Rows made so far (kept or not). */
  private count = 0;
  /** `keepRows`: filled values per field, by index in FIELDS; null when every row is kept. */
  private readonly filled: Int32Array | null;
  private readonly keep: number;
  private readonly lang: Lang;
  private readonly headerLang: Lang;
  private readonly phoneProblem: string;
  private readonly localPhoneProblem: string;
  private readonly scientificProblem: string;
  private readonly emailProblem: string;

  constructor(private readonly ctx: NormaliseContext) {
    this.lang = ctx.lang;
    this.headerLang = ctx.headerLang ?? ctx.lang;
    this.phoneProblem = say(this.lang, P.phone);
    this.localPhoneProblem = say(this.lang, P.localPhone);
    this.scientificProblem = say(this.lang, P.scientific);
    this.emailProblem = say(this.lang, P.email);
    this.keep = ctx.keepRows ?? Infinity;
    this.filled = ctx.keepRows === undefined ? null : new Int32Array(FIELDS.length);
  }

  /** Rows expected in all (`expect`). */
  private readonly expected = { rows: 0 };

  /**
   * How many records the caller expects in all, projected from the share of the file read so far: the date and
   * number columns make room for that many at once rather than doubling up to it. Only a hint.
   */
  expect(rows: number): void {
    if (Number.isFinite(rows) && rows > 0) this.expected.rows = Math.min(Math.round(rows), 1 << 26);
  }

  /** The rows so far, in order (the list only grows; what the matcher reads of a row is final once it is made). */
  rowsSoFar(): readonly Row[] {
    return this.rows;
  }

  /** The warnings so far (the caller may replace their values with copies). */
  warningsSoFar(): Warning[] {
    return this.warnings;
  }

  push(records: readonly AcceptedRecord[]): void {
    const sample = this.sample;
    if (sample === null) {
      this.rowsOf(records);
      return;
    }
    for (const r of records) sample.push(r);
    if (sample.length >= SAMPLE) this.begin();
  }

  private begin(): void {
    const sample = this.sample!;
    this.sample = null;
    const { mapping } = this.ctx;
    this.defaultCountry = inferDefaultCountry(sample, this.headerLang, this.ctx.defaultCountry, mapping);
    // The fields to fill: the mapped ones, and any a record holds values of its own for (continuations, people).
    const present = this.present;
    for (const f of FIELDS) if (mapping.columns[f]?.length) present.add(f);
    for (const rec of sample) if (rec.raw !== null) for (const f in rec.raw) present.add(f as Field);
    const columnsOf = (f: Field): readonly number[] => mapping.columns[f] ?? NO_COLUMNS;
    for (const f of FIELDS) {
      if (!present.has(f)) continue;
      const plan: Plan = { field: f, at: FIELD_INDEX.get(f)!, kind: K_PLAIN, columns: columnsOf(f), split: SPLIT_FIELDS.has(f), interned: null, dayFirst: false, decimalComma: false, problem: "" };
      if ((DATE_FIELDS as readonly string[]).includes(f)) {
        plan.kind = K_DATE;
        plan.interned = new Interned(f, plan.columns, this.expected);
      } else if ((NUMBER_FIELDS as readonly string[]).includes(f)) {
        plan.kind = f === "employees" ? K_EMPLOYEES : K_NUMBER;
        plan.interned = new Interned(f, plan.columns, this.expected);
      } else if (f === "name") plan.kind = K_NAME;
      else if (f === "country") plan.kind = K_COUNTRY;
      else if (plan.split || f === "tax_id") plan.kind = K_LATER;
      this.plans.push(plan);
    }
    for (const f of ["phone", "contact_phone", "email", "contact_email"] as const) if (present.has(f)) this.listFields.push({ field: f, columns: columnsOf(f), at: FIELD_INDEX.get(f)!, phone: f === "phone" || f === "contact_phone" });
    this.rowsOf(sample);
  }

  /** The end: each date and number column settled over all of its values and written into the rows. */
  finish(): NormaliseResult {
    if (this.sample !== null) this.begin();
    const { lang, headerLang, rows, warnings } = this;
    const habits = DIALECT_HABITS[this.ctx.mapping.dialect] ?? { dayFirst: null, decimalComma: null };
    const columns: Array<{ first: Int32Array; results: Array<string | null>; set: (values: FieldValues, value: string) => void }> = [];
    for (const plan of this.plans) {
      const col = plan.interned;
      if (col === null) continue;
      if (plan.kind === K_DATE) {
        plan.dayFirst = settleDayOrderCounted(col.distinct, col.counts, habits.dayFirst, headerLang);
        plan.problem = say(lang, P.date, { order: ORDER[lang][plan.dayFirst ? 0 : 1] });
      } else {
        // Bands (`10,001+`) say nothing about the decimal mark; only plain figures vote.
        plan.decimalComma = settleDecimalMarkCounted(col.distinct, col.counts, habits.decimalComma, headerLang, plan.kind === K_EMPLOYEES ? PLAIN_NUMERIC : undefined);
        plan.problem = plan.kind === K_EMPLOYEES ? say(lang, P.employees) : say(lang, P.number, { mark: plan.decimalComma ? "," : "." });
      }
      const results = new Array<string | null>(col.distinct.length);
      for (let id = 0; id < col.distinct.length; id++) {
        const value = col.distinct[id]!;
        results[id] = plan.kind === K_DATE ? parseDate(value, plan.dayFirst) : plan.kind === K_EMPLOYEES ? parseEmployees(value, plan.decimalComma) : parseNumber(value, plan.decimalComma);
      }
      const field = plan.field;
      if (results.includes(null)) {
        for (let r = 0; r < rows.length; r++) {
          const id = col.first[r]!;
          if (id < 0 || results[id] !== null) continue;
          const row = rows[r]!;
          warnings.push({ line: row.line, clientId: row.clientId, field, value: col.distinct[id]!, problem: plan.problem });
        }
      }
      columns.push({ first: col.first, results, set: SETTERS[field as DateField | NumberField] });
      if (this.filled !== null) {
        let n = 0;
        for (let r = 0; r < this.count; r++) {
          const id = col.first[r]!;
          if (id >= 0 && results[id] !== null && results[id] !== "") n++;
        }
        this.filled[plan.at] = n;
      }
      plan.interned = null;
    }
    // Then each row's columns at once: a row's values are reached once, not once a column.
    for (let r = 0; r < rows.length; r++) {
      const values = rows[r]!.values;
      for (let k = 0; k < columns.length; k++) {
        const c = columns[k]!;
        const id = c.first[r]!;
        if (id < 0) continue;
        const result = c.results[id]!;
        if (result !== null) c.set(values, result);
      }
    }
    // The caches are keyed by the file's cells: dropping them lets the decoded text go.
    clearNameCaches();
    clearPhoneCaches();
    clearCountryCache();
    const filled = this.filled;
    const counted = filled === null ? undefined : Object.fromEntries([...this.present].map((f) => [f, filled[FIELD_INDEX.get(f)!]!]));
    return { rows, warnings, defaultCountry: this.defaultCountry, count: this.count, filled: counted };
  }

  private rowsOf(records: readonly AcceptedRecord[]): void {
    const { plans, listFields, scratch, v, rows, warnings, defaultCountry, phoneProblem, localPhoneProblem, scientificProblem, emailProblem, lang, present } = this;
    const mapping = this.ctx.mapping;
    const taxColumns = mapping.columns.tax_id ?? NO_COLUMNS;
    const websiteColumns = mapping.columns.website ?? NO_COLUMNS;
    const TAX = FIELD_INDEX.get("tax_id")!;
    const COUNTRY = FIELD_INDEX.get("country")!;

    for (let r = 0; r < records.length; r++) {
      const rec = records[r]!;
      const index = this.count++;
      const line = rec.line;
      const clientId = rec.clientId;
      if (rec.raw !== null) for (const f in rec.raw) if (!present.has(f as Field)) throw new Error(`normalise: field ${f} appeared after the sample`);
      v.fill("");
      let rawName = "";

      for (let p = 0; p < plans.length; p++) {
        const plan = plans[p]!;
        if (plan.kind === K_LATER) continue; // below: they depend on the country or feed the lists
        if (plan.interned !== null) {
          plan.interned.add(rec, scratch); // filled in at the end, once the column is settled
          continue;
        }
        const first = firstOf(rec, plan.field, plan.columns, plan.split);
        if (first === "") continue;
        switch (plan.kind) {
          case K_NAME:
            rawName = first;
            v[plan.at] = displayName(first);
            break;
          case K_COUNTRY:
            v[plan.at] = normaliseCountry(first);
            break;
          default:
            v[plan.at] = first;
        }
      }
      const country = isKnownCountry(v[COUNTRY]!) ? v[COUNTRY]! : defaultCountry;
      const taxRaw = firstOf(rec, "tax_id", taxColumns, false);
      if (taxRaw) {
        const t = normaliseTaxId(taxRaw, country);
        if (t.valid === false) {
          const problem = inScientificNotation(taxRaw) ? P.scientific : t.kind === "cui" ? P.cui : t.value.length === 10 || t.value.length === 12 ? P.innCheck : P.innLength;
          warnings.push({ line, clientId, field: "tax_id", value: taxRaw, problem: say(lang, problem) });
        } else v[TAX] = t.value;
      }

      // Phones and e-mails: every value, each once. Lists gathered in scratch lists; the row keeps exact copies (`exact`).
      const phones = this.phones.reset();
      const locals = this.locals.reset();
      const emails = this.emails.reset();
      for (let l = 0; l < listFields.length; l++) {
        const { field: f, columns, at, phone } = listFields[l]!;
        const count = valuesOf(scratch, rec, f, columns);
        for (let i = 0; i < count; i++) {
          const value = scratch[i]!;
          if (phone) {
            const p = normalisePhone(value, defaultCountry);
            if (!p || !p.valid) {
              const local = localNumber(value);
              if (local) locals.add(local);
              warnings.push({ line, clientId, field: f, value, problem: local ? localPhoneProblem : inScientificNotation(value) ? scientificProblem : phoneProblem });
              continue;
            }
            if (!v[at]) v[at] = p.e164;
            phones.add(p.e164);
          } else {
            const found = normaliseEmail(value);
            if (found === null) {
              warnings.push({ line, clientId, field: f, value, problem: emailProblem });
              continue;
            }
            const e = own(found); // one copy for the field and the list
            if (!v[at]) v[at] = e;
            if (e) emails.add(e);
          }
        }
      }

      let contacts: Person[] = NOTHING;
      if (rec.contacts.length > 0) {
        contacts = [];
        for (const person of rec.contacts) {
          const pPhones: string[] = [];
          for (const value of person.phones) {
            const p = normalisePhone(value, defaultCountry);
            if (!p || !p.valid) {
              const local = localNumber(value);
              if (local) locals.add(local);
              warnings.push({ line: person.line, clientId, field: "contact_phone", value, problem: local ? localPhoneProblem : inScientificNotation(value) ? scientificProblem : phoneProblem });
              continue;
            }
            if (!pPhones.includes(p.e164)) pPhones.push(p.e164);
            if (p.e164) phones.add(p.e164);
          }
          const pEmails: string[] = [];
          for (const value of person.emails) {
            const found = normaliseEmail(value);
            if (found === null) {
              warnings.push({ line: person.line, clientId, field: "contact_email", value, problem: emailProblem });
              continue;
            }
            const e = own(found);
            if (!pEmails.includes(e)) pEmails.push(e);
            if (e) emails.add(e);
          }
          contacts.push({ line: person.line, name: own(person.name.replace(WS, " ").trim()), role: own(person.role.trim()), phones: pPhones, emails: exact(pEmails) });
        }
      }

      for (let i = 0; i < locals.list.length; i++) phones.add(locals.list[i]!);

      const domains = this.domains.reset();
      if (websiteColumns.length > 0 || (rec.raw !== null && rec.raw.website)) {
        const count = valuesOf(scratch, rec, "website", websiteColumns);
        for (let i = 0; i < count; i++) {
          const d = websiteDomain(scratch[i]!);
          if (d) domains.add(d);
        }
      }
      for (let i = 0; i < emails.list.length; i++) {
        const d = emailDomain(emails.list[i]!);
        if (d && !isPublicMailDomain(d)) domains.add(d);
      }

      let tags: string[] = NOTHING;
      if (rec.tags.length > 0) {
        tags = [];
        for (const t of rec.tags) {
          const tag = t.trim();
          if (tag && !tags.includes(tag)) tags.push(tag);
        }
      }

      // Everything kept is its own copy: a slice would keep the chunk of the file it came from alive.
      const row: Row = { index, line, clientId, values: valuesFrom(v, clientId), nameKey: rawName ? own(rawName === rec.keyedName ? rec.nameKey! : nameKey(rawName)) : "", phones: exact(phones.list), emails: exact(emails.list), domains: ownAll(domains.list), contacts, tags: ownAll(tags) };
      if (index < this.keep) rows.push(row);
      const filled = this.filled;
      if (filled !== null) for (let i = 0; i < FIELDS.length; i++) if (v[i] !== "") filled[i]!++;
    }
  }
}
