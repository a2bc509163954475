// The normalise stage: settles each date and number column, then turns every accepted record into a Row.
import { say } from "../i18n.js";
import type { Phrase } from "../i18n.js";
import { DIALECT_HABITS } from "../schema/dialects.js";
import { DATE_FIELDS, NUMBER_FIELDS } from "../types.js";
import type { AcceptedRecord, DateField, Field, FieldValues, Lang, Mapping, NumberField, Person, RecordsResult, Row, Warning } from "../types.js";
import { emailDomain, isPublicMailDomain, normaliseEmail, websiteDomain } from "./contact.js";
import { isKnownCountry, normaliseCountry } from "./country.js";
import { parseDate, settleDayOrder } from "./dates.js";
import { displayName, legalForm, nameKey } from "./names.js";
import { parseEmployees, parseNumber, settleDecimalMark } from "./numbers.js";
import { normalisePhone } from "./phones.js";
import { isValidCui, isValidInn, normaliseTaxId } from "./taxid.js";

export interface NormaliseContext {
  mapping: Mapping;
  /** The run's language: warnings speak it. */
  lang: Lang;
  /** ISO alpha-2 (or a spelling `normaliseCountry` knows); inferred from the data when absent. */
  defaultCountry?: string;
  /** The export headers' language, the last word on day order and decimal mark; the run's language when absent. */
  headerLang?: Lang;
}

export interface NormaliseResult {
  rows: Row[];
  warnings: Warning[];
  defaultCountry: string;
}

const P = {
  date: { en: "not a valid date (this column reads dates as {order})", ru: "недопустимая дата (в этом столбце даты читаются как {order})", ro: "dată invalidă (coloana citește datele ca {order})" },
  number: { en: "not a number in this column's format (decimal mark \"{mark}\")", ru: "не число в формате этого столбца (десятичный разделитель «{mark}»)", ro: "nu este un număr în formatul coloanei (separator zecimal „{mark}”)" },
  employees: { en: "not a head count or a band such as 50-250", ru: "не численность сотрудников и не диапазон вида 50-250", ro: "nu este un număr de angajați sau un interval precum 50-250" },
  phone: { en: "not a valid phone number", ru: "недействительный номер телефона", ro: "număr de telefon invalid" },
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

/** The default country: the one given, else the one the data points at, else the header language's. */
export function inferDefaultCountry(records: readonly AcceptedRecord[], lang: Lang, given?: string): string {
  if (given) {
    const c = normaliseCountry(given);
    return c.length === 2 ? c.toUpperCase() : c;
  }
  const score = new Map<string, number>();
  const add = (c: string, w: number) => score.set(c, (score.get(c) ?? 0) + w);
  const n = Math.min(records.length, SAMPLE);
  for (let i = 0; i < n; i++) {
    const raw = records[i]!.raw;
    const country = raw.country?.[0];
    if (country) {
      const c = normaliseCountry(country);
      if (isKnownCountry(c)) add(c, 2);
    }
    const phone = raw.phone?.[0];
    if (phone) {
      const t = phone.trim();
      const d = t.replace(DIGITS, "");
      if (t.startsWith("+7") || (d.length === 11 && (d[0] === "8" || d[0] === "7"))) add("RU", 1);
      else if (t.startsWith("+40") || d.startsWith("0040") || (d.length === 10 && d[0] === "0" && "237".includes(d[1]!))) add("RO", 1);
      else if (t.startsWith("+373") || d.startsWith("00373")) add("MD", 1);
      else if (t.startsWith("+1") || (d.length === 10 && !t.startsWith("+") && d[0] !== "0")) add("US", 1);
    }
    const tax = raw.tax_id?.[0];
    if (tax) {
      const t = tax.trim();
      const d = t.replace(DIGITS, "");
      if (/^ro\s*\d/i.test(t)) add("RO", 1);
      else if ((d.length === 10 || d.length === 12) && isValidInn(d)) add("RU", 1);
      else if (d.length >= 2 && d.length <= 9 && isValidCui(d)) add("RO", 1);
    }
    const name = raw.name?.[0];
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

function* fieldValues(records: readonly AcceptedRecord[], field: Field, filter?: RegExp): Generator<string> {
  for (const r of records) {
    const vs = r.raw[field];
    if (!vs) continue;
    for (const v of vs) if (!filter || filter.test(v)) yield v;
  }
}

/** Every field empty, written as one literal so every row's values share one object shape. */
function emptyValues(): FieldValues {
  return { id: "", name: "", tax_id: "", country: "", region: "", city: "", address: "", postal_code: "", phone: "", email: "", website: "", industry: "", industry_code: "", company_type: "", employees: "", annual_revenue: "", owner: "", created_at: "", last_activity_at: "", activity_count: "", deals_won: "", revenue_won: "", last_purchase_at: "", status: "", motivation: "", notes: "", contact_name: "", contact_role: "", contact_phone: "", contact_email: "" };
}

function cachedEmail(cache: Map<string, string | null>, raw: string): string | null {
  let e = cache.get(raw);
  if (e === undefined) {
    e = normaliseEmail(raw);
    cache.set(raw, e);
  }
  return e;
}

function cachedDomain(cache: Map<string, string>, raw: string): string {
  let d = cache.get(raw);
  if (d === undefined) {
    d = websiteDomain(raw);
    cache.set(raw, d);
  }
  return d;
}

function pushUnique(list: string[], seen: Set<string>, value: string): void {
  if (value && !seen.has(value)) {
    seen.add(value);
    list.push(value);
  }
}

/**
 * Every accepted record as a Row: values normalised (dates `YYYY-MM-DD`, numbers plain decimals,
 * phones E.164, e-mails lower-case, tax ids checked, countries ISO alpha-2, names tidied), match keys
 * and every phone, e-mail and domain of the company and its people. A bad optional value is blanked
 * and becomes a warning.
 */
export function normaliseRecords(result: RecordsResult, ctx: NormaliseContext): NormaliseResult {
  const { records } = result;
  const lang = ctx.lang;
  const headerLang = ctx.headerLang ?? ctx.lang;
  const habits = DIALECT_HABITS[ctx.mapping.dialect] ?? { dayFirst: null, decimalComma: null };
  const defaultCountry = inferDefaultCountry(records, headerLang, ctx.defaultCountry);

  // Settle every date and number column once, over all of its values.
  const dayFirst = {} as Record<DateField, boolean>;
  for (const f of DATE_FIELDS) dayFirst[f] = settleDayOrder(fieldValues(records, f), habits.dayFirst, headerLang);
  const decimalComma = {} as Record<NumberField, boolean>;
  for (const f of NUMBER_FIELDS) {
    // Bands (`10,001+`) say nothing about the decimal mark; only plain figures vote.
    const values = fieldValues(records, f, f === "employees" ? PLAIN_NUMERIC : undefined);
    decimalComma[f] = settleDecimalMark(values, habits.decimalComma, headerLang);
  }
  const dateProblem = {} as Record<DateField, string>;
  for (const f of DATE_FIELDS) dateProblem[f] = say(lang, P.date, { order: ORDER[lang][dayFirst[f] ? 0 : 1] });
  const numberProblem = {} as Record<NumberField, string>;
  for (const f of NUMBER_FIELDS) {
    numberProblem[f] = f === "employees" ? say(lang, P.employees) : say(lang, P.number, { mark: decimalComma[f] ? "," : "." });
  }
  const phoneProblem = say(lang, P.phone);
  const emailProblem = say(lang, P.email);

  // Per-distinct-value caches: exports repeat dates, figures and addresses a great deal.
  const dateCache = new Map<string, string | null>();
  const numberCache = new Map<string, string | null>();
  const emailCache = new Map<string, string | null>();
  const domainCache = new Map<string, string>();

  const rows: Row[] = new Array(records.length);
  const warnings: Warning[] = [];

  for (let index = 0; index < records.length; index++) {
    const rec = records[index]!;
    const { line, clientId, raw } = rec;
    const values = emptyValues();

    for (const key in raw) {
      const f = key as Field;
      const vs = raw[f];
      if (!vs || vs.length === 0) continue;
      const first = vs[0]!;
      switch (f) {
        case "name":
          values.name = displayName(first);
          break;
        case "country":
          values.country = normaliseCountry(first);
          break;
        case "phone":
        case "contact_phone":
        case "email":
        case "contact_email":
        case "tax_id":
          break; // below: they depend on the country or feed the lists
        case "created_at":
        case "last_activity_at":
        case "last_purchase_at": {
          const ck = (dayFirst[f] ? "d" : "m") + first;
          let d = dateCache.get(ck);
          if (d === undefined) {
            d = parseDate(first, dayFirst[f]);
            dateCache.set(ck, d);
          }
          if (d === null) warnings.push({ line, clientId, field: f, value: first, problem: dateProblem[f] });
          else values[f] = d;
          break;
        }
        case "employees":
        case "annual_revenue":
        case "activity_count":
        case "deals_won":
        case "revenue_won": {
          const ck = (f === "employees" ? "e" : "n") + (decimalComma[f] ? "," : ".") + first;
          let n = numberCache.get(ck);
          if (n === undefined) {
            n = f === "employees" ? parseEmployees(first, decimalComma[f]) : parseNumber(first, decimalComma[f]);
            numberCache.set(ck, n);
          }
          if (n === null) warnings.push({ line, clientId, field: f, value: first, problem: numberProblem[f] });
          else values[f] = n;
          break;
        }
        default:
          values[f] = first;
      }
    }

    const country = isKnownCountry(values.country) ? values.country : defaultCountry;
    const taxRaw = raw.tax_id?.[0];
    if (taxRaw) {
      const t = normaliseTaxId(taxRaw, country);
      if (t.valid === false) {
        const problem = t.kind === "cui" ? P.cui : t.value.length === 10 || t.value.length === 12 ? P.innCheck : P.innLength;
        warnings.push({ line, clientId, field: "tax_id", value: taxRaw, problem: say(lang, problem) });
      } else values.tax_id = t.value;
    }

    const phones: string[] = [];
    const phoneSeen = new Set<string>();
    for (const f of ["phone", "contact_phone"] as const) {
      const vs = raw[f];
      if (!vs) continue;
      for (const v of vs) {
        const p = normalisePhone(v, defaultCountry);
        if (!p || !p.valid) {
          warnings.push({ line, clientId, field: f, value: v, problem: phoneProblem });
          continue;
        }
        if (!values[f]) values[f] = p.e164;
        pushUnique(phones, phoneSeen, p.e164);
      }
    }
    const emails: string[] = [];
    const emailSeen = new Set<string>();
    for (const f of ["email", "contact_email"] as const) {
      const vs = raw[f];
      if (!vs) continue;
      for (const v of vs) {
        const e = cachedEmail(emailCache, v);
        if (e === null) {
          warnings.push({ line, clientId, field: f, value: v, problem: emailProblem });
          continue;
        }
        if (!values[f]) values[f] = e;
        pushUnique(emails, emailSeen, e);
      }
    }

    const contacts: Person[] = [];
    for (const person of rec.contacts) {
      const pPhones: string[] = [];
      for (const v of person.phones) {
        const p = normalisePhone(v, defaultCountry);
        if (!p || !p.valid) {
          warnings.push({ line: person.line, clientId, field: "contact_phone", value: v, problem: phoneProblem });
          continue;
        }
        if (!pPhones.includes(p.e164)) pPhones.push(p.e164);
        pushUnique(phones, phoneSeen, p.e164);
      }
      const pEmails: string[] = [];
      for (const v of person.emails) {
        const e = cachedEmail(emailCache, v);
        if (e === null) {
          warnings.push({ line: person.line, clientId, field: "contact_email", value: v, problem: emailProblem });
          continue;
        }
        if (!pEmails.includes(e)) pEmails.push(e);
        pushUnique(emails, emailSeen, e);
      }
      contacts.push({ line: person.line, name: person.name.replace(WS, " ").trim(), role: person.role.trim(), phones: pPhones, emails: pEmails });
    }

    const domains: string[] = [];
    const domainSeen = new Set<string>();
    const sites = raw.website;
    if (sites) for (const s of sites) pushUnique(domains, domainSeen, cachedDomain(domainCache, s));
    for (const e of emails) {
      const d = emailDomain(e);
      if (!isPublicMailDomain(d)) pushUnique(domains, domainSeen, d);
    }

    const tags: string[] = [];
    const tagSeen = new Set<string>();
    for (const t of rec.tags) pushUnique(tags, tagSeen, t.trim());

    rows[index] = {
      index,
      line,
      clientId,
      values,
      nameKey: raw.name?.[0] ? nameKey(raw.name[0]) : "",
      phones,
      emails,
      domains,
      contacts,
      tags,
    };
  }

  return { rows, warnings, defaultCountry };
}

