// Test helper: builds normalised Rows from plain field values with the project's own normalisers.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { nameKey } from "../../src/normalise/names.js";
import { phoneKey } from "../../src/normalise/phones.js";
import { emailDomain, isPublicMailDomain, normaliseEmail, websiteDomain } from "../../src/normalise/contact.js";
import { FIELDS, type Field, type FieldValues, type Row } from "../../src/types.js";
import { pairwiseScore } from "../../scripts/lib/chicago.mjs";

export type Values = Partial<Record<Field, string>> & { phones?: string[]; emails?: string[] };

export function emptyValues(): FieldValues {
  const v = {} as FieldValues;
  for (const f of FIELDS) v[f] = "";
  return v;
}

/** One Row as the normalise stage would give it (close enough for matching). */
export function makeRow(index: number, clientId: string, input: Values, country = "RU"): Row {
  const values = emptyValues();
  for (const f of FIELDS) if (input[f] !== undefined) values[f] = input[f]!.trim();
  const phoneRaw = [...(values.phone ? values.phone.split(/,\s+/) : []), ...(input.phones ?? [])];
  const phones = [...new Set(phoneRaw.map((p) => phoneKey(p, country)).filter(Boolean))];
  values.phone = phones[0] ?? "";
  const emailRaw = [...(values.email ? [values.email] : []), ...(input.emails ?? [])];
  const emails = [...new Set(emailRaw.map((e) => normaliseEmail(e)).filter((e): e is string => e !== null))];
  values.email = emails[0] ?? "";
  const domains: string[] = [];
  const site = values.website ? websiteDomain(values.website) : "";
  if (site) domains.push(site);
  for (const e of emails) {
    const d = emailDomain(e);
    if (d && !isPublicMailDomain(d) && !domains.includes(d)) domains.push(d);
  }
  return {
    index,
    line: index + 2,
    clientId,
    values,
    nameKey: nameKey(values.name),
    phones,
    emails,
    domains,
    contacts: [],
    tags: [],
  };
}

/** Pairwise precision and recall of predicted groups against true clusters (as dedupe-examples scores): the bench's own. */
export function pairwise(predicted: number[][], truth: number[][]): { precision: number; recall: number; predictedPairs: number; truePairs: number } {
  return pairwiseScore(predicted, truth);
}

/** The Chicago early-childhood sites benchmark (fixtures/chicago-sites, MIT) as rows, in file order. */
export function chicagoRows(): Row[] {
  const records = parse(readFileSync(new URL("../../fixtures/chicago-sites/sites.csv", import.meta.url)), { columns: true, bom: true }) as Record<string, string>[];
  return records.map((r, i) =>
    makeRow(i, r["Id"]!, { name: r["Site name"], address: r["Address"], postal_code: r["Zip"], phone: r["Phone"], website: r["Website"], email: r["Email Address"], id: r["Id"] }, "US"),
  );
}
