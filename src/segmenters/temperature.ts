// Temperature: hot (bought), warm (knows us: activity or an engaged status), cold (neither); also the advice per group.
import { z } from "zod";
import { say, type Phrase } from "../i18n.js";
import type { Client, Field, Lang, Segment } from "../types.js";
import { defineSegmenter } from "./define.js";
import { compileTemplate, foldText } from "./words.js";

export const TEMPERATURES = ["hot", "warm", "cold"] as const;
export type Temperature = (typeof TEMPERATURES)[number];

const PURCHASE_FIELDS: readonly Field[] = ["deals_won", "revenue_won", "last_purchase_at"];

/**
 * Statuses are compared as keys: folded, every non-letter dropped, so HubSpot's internal
 * `marketingqualifiedlead` and its label `Marketing Qualified Lead` are one status.
 * An entry ending in `*` matches any status it begins (Salesforce `Customer - Direct`).
 */
export const DEFAULT_CUSTOMER_STATUSES = ["customer*", "клиент", "client", "clienti"];
export const DEFAULT_ENGAGED_STATUSES = [
  "marketingqualifiedlead", "Marketing Qualified Lead", "MQL",
  "salesqualifiedlead", "Sales Qualified Lead", "SQL",
  "opportunity",
  "Warm lead",
];
/** Engaged only where the client also has logged activity (Salesforce / Zoho `Prospect`). */
export const DEFAULT_ENGAGED_WITH_ACTIVITY = ["prospect"];

const KEY_DROP = /[^\p{L}\p{N}*]+/gu;
function statusKey(s: string): string {
  return foldText(s).replace(KEY_DROP, "");
}

/** A compiled status list: exact keys and prefixes. */
class StatusSet {
  private readonly exact = new Set<string>();
  private readonly prefixes: string[] = [];
  constructor(entries: readonly string[]) {
    for (const e of entries) {
      const k = statusKey(e);
      if (k.endsWith("*")) this.prefixes.push(k.slice(0, -1));
      else if (k) this.exact.add(k);
    }
  }
  // Statuses are a short picklist: each distinct one is keyed once (bounded against free-text columns).
  private readonly seen = new Map<string, boolean>();
  has(status: string): boolean {
    let yes = this.seen.get(status);
    if (yes !== undefined) return yes;
    yes = this.test(status);
    if (this.seen.size < 100_000) this.seen.set(status, yes);
    return yes;
  }
  private test(status: string): boolean {
    const k = statusKey(status);
    if (!k) return false;
    if (this.exact.has(k)) return true;
    for (const p of this.prefixes) if (p && k.startsWith(p)) return true;
    return false;
  }
}

const NO_VALUES: readonly string[] = [];

/** Every status-like value of a client: status (several may share a cell), company type, tags / labels. */
function statusValues(client: Client): readonly string[] {
  const { status, company_type } = client.values;
  const tags = client.tags;
  // The common case, one plain status or type and no tags, needs no array of its own.
  if (tags.length === 0 && !status.includes(",")) {
    const s = status.trim();
    const t = company_type.trim();
    if (!company_type) return s ? [s] : NO_VALUES;
    if (!s && !status) return t ? [t] : [""];
  }
  const out: string[] = [];
  if (status) for (const s of status.split(",")) if (s.trim()) out.push(s.trim());
  if (company_type) out.push(company_type.trim());
  for (const t of tags) if (t.trim()) out.push(t.trim());
  return out;
}

const num = (v: string): number => (v === "" ? 0 : Number(v) || 0);

interface Compiled {
  customer: StatusSet;
  engaged: StatusSet;
  engagedWithActivity: StatusSet;
}

const DEFAULT_COMPILED: Compiled = {
  customer: new StatusSet(DEFAULT_CUSTOMER_STATUSES),
  engaged: new StatusSet(DEFAULT_ENGAGED_STATUSES),
  engagedWithActivity: new StatusSet(DEFAULT_ENGAGED_WITH_ACTIVITY),
};

const purchaseMapped = (mapped: ReadonlySet<Field>): boolean => PURCHASE_FIELDS.some((f) => mapped.has(f));

function customerStatus(client: Client, mapped: ReadonlySet<Field>, c: Compiled): string | undefined {
  // A status only stands in for purchases the export does not have: Bitrix24 marks new companies `Клиент` by default.
  if (purchaseMapped(mapped)) return undefined;
  return statusValues(client).find((s) => c.customer.has(s));
}

const hasActivity = (client: Client): boolean => num(client.values.activity_count) > 0 || client.values.last_activity_at !== "";

function engagedStatus(client: Client, c: Compiled): string | undefined {
  const statuses = statusValues(client);
  const plain = statuses.find((s) => c.engaged.has(s));
  if (plain !== undefined) return plain;
  return hasActivity(client) ? statuses.find((s) => c.engagedWithActivity.has(s)) : undefined;
}

/** Bought at least once: won deals, won revenue, a purchase date, or (where the export has none of those) a customer status. */
export function hasPurchaseEvidence(client: Client, mapped: ReadonlySet<Field>): boolean {
  const v = client.values;
  if (num(v.deals_won) > 0 || num(v.revenue_won) > 0 || v.last_purchase_at !== "") return true;
  return customerStatus(client, mapped, DEFAULT_COMPILED) !== undefined;
}

/** An engaged CRM status with the default lists (HubSpot MQL/SQL/opportunity, Pipedrive `Warm lead`, a `Prospect` with activity). */
export function isEngaged(client: Client): boolean {
  return engagedStatus(client, DEFAULT_COMPILED) !== undefined;
}

const T: Record<string, Phrase> = {
  deals: { en: "{n} won deals", ru: "выигранных сделок: {n}", ro: "tranzacții câștigate: {n}" },
  deal1: { en: "1 won deal", ru: "выигранных сделок: 1", ro: "tranzacții câștigate: 1" },
  revenue: { en: "won revenue {v}", ru: "выручка по сделкам {v}", ro: "venituri din vânzări {v}" },
  purchase: { en: "last purchase {d}", ru: "последняя покупка {d}", ro: "ultima achiziție {d}" },
  customer: { en: "customer status \"{s}\"", ru: "статус клиента «{s}»", ro: "statut de client „{s}”" },
  activities: { en: "{n} activities", ru: "активностей: {n}", ro: "activități: {n}" },
  activity1: { en: "1 activity", ru: "активностей: 1", ro: "activități: 1" },
  lastActivity: { en: "last activity {d}", ru: "последняя активность {d}", ro: "ultima activitate {d}" },
  engaged: { en: "engaged status \"{s}\"", ru: "статус интереса «{s}»", ro: "statut de interes „{s}”" },
  cold: {
    en: "no purchase, activity or engaged status",
    ru: "нет покупок, активностей и статуса интереса",
    ro: "fără achiziții, activități sau statut de interes",
  },
};

const ADVICE: Record<Temperature, Phrase> = {
  hot: {
    en: "Keep them: look after the relationship and grow repeat orders.",
    ru: "Удержать: беречь отношения и развивать повторные заказы.",
    ro: "Păstrați-i: îngrijiți relația și dezvoltați comenzile repetate.",
  },
  warm: {
    en: "Start cooperating: turn their interest into a first order.",
    ru: "Начать сотрудничество: превратить интерес в первый заказ.",
    ro: "Începeți colaborarea: transformați interesul într-o primă comandă.",
  },
  cold: {
    en: "Get acquainted: an easy first step, a call or a visit to learn what they need.",
    ru: "Познакомиться: лёгкий первый шаг, звонок или визит, чтобы узнать, что им нужно.",
    ro: "Faceți cunoștință: un prim pas ușor, un apel sau o vizită pentru a afla ce le trebuie.",
  },
};

const adviceText = z.union([
  z.string().min(1),
  z.strictObject({ en: z.string().min(1).optional(), ru: z.string().min(1).optional(), ro: z.string().min(1).optional() }),
]);

export const temperatureOptions = z.strictObject({
  /** Statuses that are purchase evidence where the export maps no purchase field; `*` at the end matches a prefix. */
  customerStatuses: z.array(z.string().min(1)).default(DEFAULT_CUSTOMER_STATUSES),
  /** Statuses that make a client warm. */
  engagedStatuses: z.array(z.string().min(1)).default(DEFAULT_ENGAGED_STATUSES),
  /** Statuses that make a client warm only together with logged activity. */
  engagedWithActivity: z.array(z.string().min(1)).default(DEFAULT_ENGAGED_WITH_ACTIVITY),
  /** The advice per group shown in the report: a text, or one per language. */
  advice: z
    .strictObject({ hot: adviceText.optional(), warm: adviceText.optional(), cold: adviceText.optional() })
    .default({}),
});
export type TemperatureOptions = z.infer<typeof temperatureOptions>;

/** The advice for each temperature in the run's language, the config's text where it gives one. */
export function temperatureAdvice(lang: Lang, options?: Partial<Pick<TemperatureOptions, "advice">>): Record<Temperature, string> {
  const out = {} as Record<Temperature, string>;
  for (const t of TEMPERATURES) {
    const own = options?.advice?.[t];
    if (typeof own === "string") out[t] = own;
    else out[t] = own?.[lang] ?? say(lang, ADVICE[t]);
  }
  return out;
}

export default defineSegmenter<TemperatureOptions>({
  meta: {
    id: "temperature",
    title: "Temperature",
    labels: TEMPERATURES,
    uses: ["deals_won", "revenue_won", "last_purchase_at", "activity_count", "last_activity_at", "status", "company_type"],
    description: "hot: bought at least once; warm: logged activity or an engaged CRM status; cold: neither.",
  },
  options: temperatureOptions,
  create(options, ctx) {
    const compiled: Compiled = {
      customer: new StatusSet(options.customerStatuses),
      engaged: new StatusSet(options.engagedStatuses),
      engagedWithActivity: new StatusSet(options.engagedWithActivity),
    };
    const { lang, mapped } = ctx;
    // Reasons are filled per client: split each phrase once rather than `say` with a regex every time.
    const f = Object.fromEntries(Object.entries(T).map(([k, p]) => [k, compileTemplate(p[lang])]));
    const cold: Segment = { label: "cold", reason: say(lang, T.cold!) };
    return (client): Segment => {
      const v = client.values;
      const hot: string[] = [];
      const deals = num(v.deals_won);
      if (deals > 0) hot.push(deals === 1 ? f.deal1!({}) : f.deals!({ n: v.deals_won }));
      if (num(v.revenue_won) > 0) hot.push(f.revenue!({ v: v.revenue_won }));
      if (v.last_purchase_at) hot.push(f.purchase!({ d: v.last_purchase_at }));
      if (!hot.length) {
        const s = customerStatus(client, mapped, compiled);
        if (s !== undefined) hot.push(f.customer!({ s }));
      }
      if (hot.length) return { label: "hot", reason: hot.join(", ") };

      const warm: string[] = [];
      const acts = num(v.activity_count);
      if (acts > 0) warm.push(acts === 1 ? f.activity1!({}) : f.activities!({ n: v.activity_count }));
      if (v.last_activity_at) warm.push(f.lastActivity!({ d: v.last_activity_at }));
      const s = engagedStatus(client, compiled);
      if (s !== undefined) warm.push(f.engaged!({ s }));
      if (warm.length) return { label: "warm", reason: warm.join(", ") };
      return cold;
    };
  },
});
