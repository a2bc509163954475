// Policy helpers: tie order, eligibility, protection and contest evidence (pure, per client).
import type { Client, Manager, Row, SegmentColumn } from "../types.js";
import { foldOwner } from "../managers.js";
import { compareClientIds, fnv1a as hash } from "../dedupe/strings.js";
import { dayNumber } from "../normalise/dates.js";

/** FNV-1a (32 bit): a small stable hash for seeded tie-breaks (one implementation, shared with the matcher). */
export const fnv1a = (text: string): number => hash(text);

/** FNV-1a continued from the hash `h` of a prefix: hash(prefix + text) without building the string. */
const fnv1aFrom = (h: number, text: string): number => hash(text, h);

/** client_id order: numerically when both are integers, else by code units (CONTRACT.md, Determinism). */
export const compareIds = compareClientIds;

/** Rank of every client in tie order: a hash of seed and client_id, then client_id. */
export function tieRanks(clients: readonly Client[], seed: number): number[] {
  const n = clients.length;
  // hash × 2^21 + index is exact in a double (2^53) for up to 2M clients: a native numeric sort,
  // then runs of equal hashes (rare) re-sorted by client_id
  const packed = new Float64Array(n);
  const SHIFT = 2 ** 21;
  const wide = n >= SHIFT;
  const prefix = fnv1a(`${seed}:`);
  for (let i = 0; i < n; i++) packed[i] = wide ? fnv1aFrom(prefix, clients[i]!.id) : fnv1aFrom(prefix, clients[i]!.id) * SHIFT + i;
  let order: number[];
  if (wide) {
    order = clients.map((_, i) => i);
    order.sort((x, y) => packed[x]! - packed[y]! || compareIds(clients[x]!.id, clients[y]!.id));
  } else {
    packed.sort();
    order = new Array<number>(n);
    for (let i = 0; i < n; i++) order[i] = packed[i]! % SHIFT;
    for (let i = 0; i < n; ) {
      const h = Math.floor(packed[i]! / SHIFT);
      let j = i + 1;
      while (j < n && Math.floor(packed[j]! / SHIFT) === h) j++;
      if (j - i > 1) {
        const run = order.slice(i, j).sort((x, y) => compareIds(clients[x]!.id, clients[y]!.id));
        for (let k = i; k < j; k++) order[k] = run[k - i]!;
      }
      i = j;
    }
  }
  const rank = new Array<number>(n);
  for (let i = 0; i < n; i++) rank[order[i]!] = i;
  return rank;
}

export { dayNumber };

export const num = (v: string | undefined): number => {
  if (!v) return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
};

/** A contestant's evidence over the rows it owns: deals won, revenue won, latest activity, activity count. */
export interface Evidence {
  deals: number;
  revenue: number;
  lastActivity: string;
  activities: number;
}

export function evidenceOf(rows: readonly Row[], rowIdx: readonly number[]): Evidence {
  const e: Evidence = { deals: 0, revenue: 0, lastActivity: "", activities: 0 };
  for (const r of rowIdx) {
    const v = rows[r]!.values;
    e.deals += num(v.deals_won);
    e.revenue += num(v.revenue_won);
    if (v.last_activity_at && v.last_activity_at > e.lastActivity) e.lastActivity = v.last_activity_at;
    e.activities += num(v.activity_count);
  }
  return e;
}

export const hasEvidence = (e: Evidence): boolean =>
  e.deals > 0 || e.revenue > 0 || e.lastActivity !== "" || e.activities > 0;

/** Positive when `a` is stronger evidence than `b`. */
export function compareEvidence(a: Evidence, b: Evidence): number {
  if (a.deals !== b.deals) return a.deals - b.deals;
  if (a.revenue !== b.revenue) return a.revenue - b.revenue;
  if (a.lastActivity !== b.lastActivity) return a.lastActivity > b.lastActivity ? 1 : -1;
  return a.activities - b.activities;
}

/** The label of segmenter `id` for a client, `unknown` when that segmenter did not run. */
export function labelOf(segments: ReadonlyMap<string, SegmentColumn>, id: string, client: number): string {
  return segments.get(id)?.labels[client] ?? "unknown";
}

/** Why a manager's eligibility excludes a client (first failing column), or "" when eligible. */
export type Failure = "" | "regions" | "industries" | "segments";

/**
 * Eligibility of clients for managers, cached per distinct (geography, region, industry, segment
 * labels) so that a 300k-row export costs one check per distinct combination and manager.
 */
export class Eligibility {
  private readonly territoriesOf = new Map<string, string[]>();
  private readonly segmenterIds: string[];
  private readonly cache = new Map<string, { eligible: number[]; failures: Failure[] }>();
  /** When no manager restricts anything, every client gets this one answer. */
  private readonly everyone: { eligible: number[]; failures: Failure[] } | null = null;

  constructor(
    private readonly managers: readonly Manager[],
    private readonly clients: readonly Client[],
    private readonly segments: ReadonlyMap<string, SegmentColumn>,
    territories: Readonly<Record<string, readonly string[]>>,
  ) {
    for (const [name, regions] of Object.entries(territories)) {
      for (const region of regions) {
        const key = foldOwner(region);
        const list = this.territoriesOf.get(key);
        if (list) list.push(foldOwner(name));
        else this.territoriesOf.set(key, [foldOwner(name)]);
      }
    }
    const ids = new Set<string>();
    for (const m of managers) for (const s of m.segments) ids.add(s.segmenter);
    this.segmenterIds = [...ids].sort();
    if (managers.every((m) => m.regions.length === 0 && m.industries.length === 0 && m.segments.length === 0)) {
      const eligible: number[] = [];
      managers.forEach((m, i) => m.active && eligible.push(i));
      this.everyone = { eligible, failures: managers.map((): Failure => "") };
    }
  }

  /** Active managers eligible for the client, in list order, and each manager's failing column. */
  of(client: number): { eligible: number[]; failures: Failure[] } {
    if (this.everyone) return this.everyone;
    const geo = labelOf(this.segments, "geography", client);
    const region = this.clients[client]!.values.region ?? "";
    const industry = labelOf(this.segments, "industry", client);
    let key = `${geo}\u0001${region}\u0001${industry}`;
    for (const id of this.segmenterIds) key += `\u0001${labelOf(this.segments, id, client)}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const places = new Set<string>();
    const unknownGeo = geo === "unknown" || geo === "";
    if (!unknownGeo) {
      for (const name of [geo, region]) {
        if (!name) continue;
        const f = foldOwner(name);
        places.add(f);
        for (const t of this.territoriesOf.get(f) ?? []) places.add(t);
      }
    }
    const eligible: number[] = [];
    const failures: Failure[] = [];
    this.managers.forEach((m, i) => {
      let fail: Failure = "";
      if (m.regions.length > 0 && (unknownGeo || !m.regions.some((r) => places.has(foldOwner(r))))) fail = "regions";
      else if (m.industries.length > 0 && (industry === "unknown" || !m.industries.includes(industry.toUpperCase()))) fail = "industries";
      else if (
        m.segments.length > 0 &&
        !m.segments.some((s) => {
          const label = labelOf(this.segments, s.segmenter, client);
          return label !== "unknown" && label.toLowerCase() === s.label.toLowerCase();
        })
      ) fail = "segments";
      failures.push(fail);
      if (m.active && fail === "") eligible.push(i);
    });
    const result = { eligible, failures };
    this.cache.set(key, result);
    return result;
  }
}
