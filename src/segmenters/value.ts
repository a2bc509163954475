// Value (ABC): A is the smallest top set of clients reaching `a` of the total figure, B the next `b`, the rest C.
import { z } from "zod";
import { say, type Phrase } from "../i18n.js";
import type { Client, Field } from "../types.js";
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

/** The classes by index (0, 1, 2). */
const CLASSES = ["A", "B", "C"] as const;

const pct = (x: number): string => String(Math.round(x * 1000) / 10);

/** The figure of a normalised number field: positive and finite, else undefined. */
function figure(v: string): number | undefined {
  if (v === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

const INTEGER = /^\d{1,15}$/;
/** Numeric order when both ids are integers, else code units (CONTRACT.md › Determinism). */
function compareIds(xId: string, xn: number, yId: string, yn: number): number {
  if (xn >= 0 && yn >= 0 && xn !== yn) return xn - yn;
  return xId < yId ? -1 : xId > yId ? 1 : 0;
}

/**
 * Sorts `order` (client positions, ascending) by figure, largest first, equal figures by `tie`, as the stable
 * `order.sort((x, y) => vals[y] - vals[x] || tie(x, y))` would. The distinct figures are sorted natively and the
 * positions dealt into one bucket per figure: on 280k clients with 1,617 distinct figures (a Salesforce report's
 * annual revenue) 0.26 s against the comparator sort's 0.5–0.7 s.
 */
export function byFigure(order: number[], vals: Float64Array, tie: (x: number, y: number) => number): void {
  const m = order.length;
  if (m < 2) return;
  const distinct = new Float64Array(m);
  for (let k = 0; k < m; k++) distinct[k] = -vals[order[k]!]!;
  distinct.sort();
  // The distinct figures, largest first (negated, sorted ascending, then turned back in place).
  let u = 0;
  for (let k = 0; k < m; k++) if (u === 0 || -distinct[k]! !== distinct[u - 1]) distinct[u++] = -distinct[k]!;
  // Each position's bucket (binary search over the descending figures), then the buckets' starts.
  const bucket = new Int32Array(m);
  const start = new Int32Array(u + 1);
  for (let k = 0; k < m; k++) {
    const v = vals[order[k]!]!;
    let lo = 0;
    let hi = u - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (distinct[mid]! > v) lo = mid + 1;
      else hi = mid;
    }
    bucket[k] = lo;
    start[lo + 1]!++;
  }
  for (let b = 0; b < u; b++) start[b + 1]! += start[b]!;
  const at = start.slice(0, u);
  const out = new Int32Array(m);
  // Positions enter their bucket in their current order: a bucket of equal figures is then sorted stably by `tie`.
  for (let k = 0; k < m; k++) out[at[bucket[k]!]!++] = order[k]!;
  for (let b = 0; b < u; b++) {
    if (start[b + 1]! - start[b]! < 2) continue;
    const tied = Array.from(out.subarray(start[b]!, start[b + 1]!)).sort(tie);
    for (let k = 0; k < tied.length; k++) out[start[b]! + k] = tied[k]!;
  }
  for (let k = 0; k < m; k++) order[k] = out[k]!;
}

/** A template with the run's constant placeholders filled, the per-client ones left in place. */
function fillConstants(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export default defineSegmenter<ValueOptions>({
  meta: {
    id: "value",
    title: "Value (ABC)",
    labels: ["A", "B", "C"],
    uses: [...VALUE_FIELDS],
    description: "Clients ranked by the first of won revenue, annual revenue, employees that any client has: A reaches 80% of the total, B the next 15%, the rest C.",
    ownReasons: true,
  },
  options: valueOptions,
  create(options, ctx) {
    const { clients, lang } = ctx;
    const field = VALUE_FIELDS.find((f) => clients.some((c) => figure(c.values[f]) !== undefined));
    const t = T;
    if (!field) {
      const reason = say(lang, t.noField!);
      return () => ({ label: "C", reason });
    }
    const fieldWord = say(lang, FIELD_WORD[field]);
    // Parallel arrays by client position (no object per client), gathered in one pass over the clients: figure, its
    // text, the id and the id as an integer for the order. The steps below then read them by rank, in any order,
    // without going back to a client object, and the reasons are made in position order (280k clients of a Salesforce
    // report: 0.8-1.5 -> 0.4-0.9 s; of the Bitrix24 bench, 185-230 -> 83-121 ms).
    const n = clients.length;
    const vals = new Float64Array(n);
    const texts = new Array<string>(n);
    const idOf = new Array<string>(n);
    const ids = new Float64Array(n);
    const order: number[] = [];
    let total = 0;
    for (let i = 0; i < n; i++) {
      const c = clients[i]!;
      const text = c.values[field];
      const v = figure(text);
      if (v === undefined) continue;
      vals[i] = v;
      texts[i] = text;
      idOf[i] = c.id;
      ids[i] = INTEGER.test(c.id) ? Number(c.id) : -1;
      order.push(i);
      total += v;
    }
    byFigure(order, vals, (x, y) => compareIds(idOf[x]!, ids[x]!, idOf[y]!, ids[y]!));
    const aLimit = options.a * total;
    const abLimit = (options.a + options.b) * total;
    // A client is in a class while the sum above it has not reached the class's limit; equal figures
    // share the class of the first of them, so the split never depends on how ties are ordered.
    // The run's constants go into the templates once; per client only the figure and the rank remain.
    const consts = { field: fieldWord, a: pct(options.a), b: pct(options.b), ab: pct(options.a + options.b), n: order.length };
    const fill = [
      compileTemplate(fillConstants(T.A![lang], consts)),
      compileTemplate(fillConstants(T.B![lang], consts)),
      compileTemplate(fillConstants(T.C![lang], consts)),
    ];
    // By position: the class (0 A, 1 B, 2 C; -1 no figure) and the rank, then the reasons in position order.
    const classOf = new Int8Array(n).fill(-1);
    const rankOf = new Int32Array(n);
    let before = 0;
    let prevV = NaN;
    let prevClass = 2;
    for (let r = 0; r < order.length; r++) {
      const i = order[r]!;
      const v = vals[i]!;
      const k = v === prevV ? prevClass : before < aLimit ? 0 : before < abLimit ? 1 : 2;
      classOf[i] = k;
      rankOf[i] = r + 1;
      before += v;
      prevV = v;
      prevClass = k;
    }
    const labels = new Array<string | undefined>(n);
    const reasons = new Array<string | undefined>(n);
    const vars: Record<string, string | number> = { v: "", rank: 0 };
    for (let i = 0; i < n; i++) {
      const k = classOf[i]!;
      if (k < 0) continue;
      labels[i] = CLASSES[k]!;
      vars.v = texts[i]!;
      vars.rank = rankOf[i]!;
      reasons[i] = fill[k]!(vars);
    }
    const noneReason = say(lang, t.none!, { field: fieldWord });
    // A client of the run by its position; any other client (a tester's) by its id.
    let byId: Map<string, number> | undefined;
    const positionOf = (client: Client): number => {
      if (clients[client.index] === client) return client.index;
      byId ??= new Map(clients.map((c, i) => [c.id, i]));
      return byId.get(client.id) ?? -1;
    };
    return (client) => {
      const i = positionOf(client);
      const label = i >= 0 ? labels[i] : undefined;
      return label === undefined ? { label: "C", reason: noneReason } : { label, reason: reasons[i]! };
    };
  },
});
