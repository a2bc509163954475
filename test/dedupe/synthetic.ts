// Synthetic CRM rows for the matcher's cost measurements (test/dedupe/scale.test.ts, scripts/bench-dedupe.mjs).
import { FIELDS, type FieldValues, type Row } from "../../src/types.js";

const SYL = [
  "ro", "ma", "shka", "vek", "tor", "al", "fa", "ter", "mi", "nal", "gaz", "prom", "stroy", "trans", "lo", "gis",
  "tik", "agro", "med", "soft", "fin", "ka", "sa", "ne", "vo", "ur", "sib", "neft", "les", "bel", "kor", "dan",
  "zel", "bor", "vit", "ost", "ra", "pol", "yug", "sev", "zap", "vost", "grad", "mir", "svet", "dar", "ton", "kam",
  "lin", "ples", "ars", "tes", "gor", "ek", "in", "ob", "ol", "ark", "bat", "pik",
];
const CITIES = Array.from({ length: 40 }, (_, i) => "city" + i);

/** A small deterministic generator (mulberry32): the same rows on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` rows of about n/1.25 companies: a fifth of the rows are re-typed copies (a typo, another phone format). */
export function syntheticRows(n: number, seed = 1): { rows: Row[]; companies: number; companyOf: number[] } {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  // Three or four syllables: a distinctive word is rare, as a real company's own word is.
  const word = () => pick(SYL) + pick(SYL) + pick(SYL) + (r() < 0.5 ? pick(SYL) : "");
  const rows: Row[] = [];
  let companies = 0;
  const companyOf: number[] = [];
  while (rows.length < n) {
    companies++;
    const name = r() < 0.15 ? word() : word() + " " + word();
    const phone = "+7" + String(9_000_000_000 + Math.floor(r() * 999_999_999));
    const city = pick(CITIES);
    const copies = r() < 0.2 ? 2 : 1;
    for (let c = 0; c < copies && rows.length < n; c++) {
      const i = rows.length;
      let key = name;
      if (c > 0 && r() < 0.5) {
        const at = 1 + Math.floor(r() * (name.length - 2));
        key = name.slice(0, at) + name.slice(at + 1); // one letter dropped
      }
      const values = {} as FieldValues;
      for (const f of FIELDS) values[f] = "";
      values.name = key;
      values.city = city;
      const phones = c > 0 && r() < 0.3 ? [] : [phone];
      values.phone = phones[0] ?? "";
      companyOf.push(companies - 1);
      rows.push({ index: i, line: i + 2, clientId: String(i + 1), values, nameKey: key, phones, emails: [], domains: [], contacts: [], tags: [] });
    }
  }
  return { rows, companies, companyOf };
}
