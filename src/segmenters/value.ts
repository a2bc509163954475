// Value (ABC): A is the smallest top set of clients reaching `a` of the total figure, B the next `b`, the rest C.
import { z } from "zod";
import { say, type Phrase } from "../i18n.js";
import type { Field, Segment } from "../types.js";
import { defineSegmenter } from "./define.js";
import { compileTemplate } from "./words.js";

/** Figures in order of preference: the first that any client has ranks every client. */
export const VALUE_FIELDS = ["revenue_won", "annual_revenue", "employees"] as const satisfies readonly Field[];
type ValueField = (typeof VALUE_FIELDS)[number];

export const valueOptions = z
  .strictObject({
    /** Share of the total that class A reaches (config `allocation.value_cutoffs.a`). */
    a: z.number().gt(0).lt(1).default(0.8),
    /** Share of the total that class B adds after A (config `allocation.value_cutoffs.b`). */
    b: z.number().gt(0).lt(1).default(0.15),
  })
  .refine((o) => o.a + o.b <= 1, { message: "a + b must not exceed 1", path: ["b"] });
export type ValueOptions = z.infer<typeof valueOptions>;

const FIELD_WORD: Record<ValueField, Phrase> = {
  revenue_won: { en: "won revenue", ru: "выручка по сделкам", ro: "venituri din vânzări" },
  annual_revenue: { en: "annual revenue", ru: "годовой оборот", ro: "cifra de afaceri anuală" },
  employees: { en: "employees", ru: "сотрудников", ro: "angajați" },
};

const T: Record<string, Phrase> = {
  A: { en: "{field} {v}: rank {rank} of {n}, within the top {a}% of the total", ru: "{field} {v}: место {rank} из {n}, в первых {a}% суммы", ro: "{field} {v}: locul {rank} din {n}, în primele {a}% din total" },
  B: { en: "{field} {v}: rank {rank} of {n}, within the next {b}% of the total", ru: "{field} {v}: место {rank} из {n}, в следующих {b}% суммы", ro: "{field} {v}: locul {rank} din {n}, în următoarele {b}% din total" },
  C: { en: "{field} {v}: rank {rank} of {n}, beyond the top {ab}% of the total", ru: "{field} {v}: место {rank} из {n}, за пределами первых {ab}% суммы", ro: "{field} {v}: locul {rank} din {n}, în afara primelor {ab}% din total" },
  none: { en: "no {field} figure", ru: "нет данных: {field}", ro: "fără date: {field}" },
  noField: {
    en: "the export has no won revenue, annual revenue or employees",
    ru: "в выгрузке нет выручки по сделкам, годового оборота и числа сотрудников",
    ro: "exportul nu are venituri din vânzări, cifră de afaceri sau număr de angajați",
  },
};

const pct = (x: number): string => String(Math.round(x * 1000) / 10);

/** The figure of a normalised number field: positive and finite, else undefined. */
function figure(v: string): number | undefined {
  if (v === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

const INTEGER = /^\d{1,15}$/;
/** Numeric order when both ids are integers, else code units (CONTRACT.md › Determinism). */
function compareIds(x: { id: string; n: number }, y: { id: string; n: number }): number {
  if (x.n >= 0 && y.n >= 0 && x.n !== y.n) return x.n - y.n;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

export default defineSegmenter<ValueOptions>({
  meta: {
    id: "value",
    title: "Value (ABC)",
    labels: ["A", "B", "C"],
    uses: [...VALUE_FIELDS],
    description: "Clients ranked by the first of won revenue, annual revenue, employees that any client has: A reaches 80% of the total, B the next 15%, the rest C.",
  },
  options: valueOptions,
  create(options, ctx) {
    const { clients, lang } = ctx;
    const field = VALUE_FIELDS.find((f) => clients.some((c) => figure(c.values[f]) !== undefined));
    const labelOf = new Map<string, Segment>();
    const t = T;
    if (!field) {
      const reason = say(lang, t.noField!);
      return () => ({ label: "C", reason });
    }
    const fieldWord = say(lang, FIELD_WORD[field]);
    const ranked: { id: string; v: number; raw: string; n: number }[] = [];
    let total = 0;
    for (const c of clients) {
      const v = figure(c.values[field]);
      if (v === undefined) continue;
      ranked.push({ id: c.id, v, raw: c.values[field], n: INTEGER.test(c.id) ? Number(c.id) : -1 });
      total += v;
    }
    ranked.sort((x, y) => y.v - x.v || compareIds(x, y));
    const aLimit = options.a * total;
    const abLimit = (options.a + options.b) * total;
    // A client is in a class while the sum above it has not reached the class's limit; equal figures
    // share the class of the first of them, so the split never depends on how ties are ordered.
    const fill = { A: compileTemplate(T.A![lang]), B: compileTemplate(T.B![lang]), C: compileTemplate(T.C![lang]) } as Record<string, (v: Record<string, string | number>) => string>;
    const shares = { field: fieldWord, a: pct(options.a), b: pct(options.b), ab: pct(options.a + options.b), n: ranked.length };
    let before = 0;
    let prevV = NaN;
    let prevLabel = "C";
    for (let i = 0; i < ranked.length; i++) {
      const r = ranked[i]!;
      const label = r.v === prevV ? prevLabel : before < aLimit ? "A" : before < abLimit ? "B" : "C";
      labelOf.set(r.id, { label, reason: fill[label]!({ ...shares, v: r.raw, rank: i + 1 }) });
      before += r.v;
      prevV = r.v;
      prevLabel = label;
    }
    const none: Segment = { label: "C", reason: say(lang, t.none!, { field: fieldWord }) };
    return (client) => labelOf.get(client.id) ?? none;
  },
});
