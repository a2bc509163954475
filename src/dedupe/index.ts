// The duplicate matcher: features → blocking → pair scores → clustering → groups in survivor order.
import { FIELDS, type DuplicateGroup, type Row } from "../types.js";
import { candidatePairs, pairFirst, pairSecond } from "./blocking.js";
import { cluster } from "./cluster.js";
import { buildFeatures, type FeatureTable } from "./features.js";
import { pairProbability, scorePair } from "./score.js";
import { compareClientIds, fnv1a } from "./strings.js";
import { float64Array } from "../pages.js";
import { collectIfLarge } from "../heap.js";

export interface DedupeOptions {
  seed: number;
  /** Pairs of row indexes that must not end in one group (locks naming different managers). */
  cannotLink?: Array<[number, number]>;
}

function filledFields(row: Row): number {
  let n = 0;
  for (const f of FIELDS) if (row.values[f] !== "") n++;
  return n;
}

/** The contract's survivor order: most non-empty fields, earliest created_at (missing last), client_id. */
export function compareSurvivor(a: Row, b: Row, fa = filledFields(a), fb = filledFields(b)): number {
  if (fa !== fb) return fb - fa;
  const ca = a.values.created_at;
  const cb = b.values.created_at;
  if (ca !== cb) {
    if (ca === "") return 1;
    if (cb === "") return -1;
    return ca < cb ? -1 : 1;
  }
  return compareClientIds(a.clientId, b.clientId);
}

/**
 * Rows in the contract's tie order: a hash of seed and client_id, then client_id. With `subset`, only
 * those rows are ranked (others get -1): their relative order is the same as among all rows.
 */
export function tieRank(rows: Row[], seed: number, subset?: readonly number[]): Int32Array {
  const base = fnv1a(String(seed) + "\u0000");
  const order = subset ? subset.slice() : rows.map((_, i) => i);
  const hash = float64Array(rows.length);
  for (const i of order) hash[i] = fnv1a(rows[i]!.clientId, base);
  order.sort((x, y) => hash[x]! - hash[y]! || compareClientIds(rows[x]!.clientId, rows[y]!.clientId));
  // An ordinary array, not pages (src/pages.ts): it is transferred to the matcher's thread.
  const rank = new Int32Array(rows.length).fill(-1);
  for (let r = 0; r < order.length; r++) rank[order[r]!] = r;
  return rank;
}

/** Candidate pairs scored, and those above the link threshold kept: parallel lists of rows and probabilities. */
export interface Links {
  li: number[];
  lj: number[];
  lp: number[];
}

export function scoreLinks(t: FeatureTable): Links {
  const pairs = candidatePairs(t);
  const li: number[] = [];
  const lj: number[] = [];
  const lp: number[] = [];
  for (let x = 0; x < pairs.length; x++) {
    const packed = pairs[x]!;
    const i = pairFirst(packed);
    const j = pairSecond(packed);
    const p = pairProbability(t, i, j);
    if (p > 0.5) {
      li.push(i);
      lj.push(j);
      lp.push(p);
    }
  }
  return { li, lj, lp };
}

/** The rows in a link, ascending: only they can share a cluster, so only they are ranked and clustered. */
export function linkedRows(n: number, links: Links): number[] {
  const { li, lj } = links;
  const linked = new Uint8Array(n);
  for (let x = 0; x < li.length; x++) linked[li[x]!] = linked[lj[x]!] = 1;
  const subset: number[] = [];
  for (let i = 0; i < n; i++) if (linked[i]) subset.push(i);
  return subset;
}

/** Cluster root per row (see `cluster`). */
export function clusterLinks(t: FeatureTable, links: Links, rank: Int32Array, cannotLink: Array<[number, number]>): Int32Array {
  const { li, lj, lp } = links;
  return cluster({
    n: t.n,
    links: li.map((i, x) => ({ i, j: lj[x]!, p: lp[x]! })),
    probability: (i, j) => pairProbability(t, i, j),
    tax: t.tax,
    cannotLink,
    rank,
  });
}

/** The clusters of 2 or more rows, each in survivor order (its survivor first), ordered by their survivor's row index. */
export function memberLists(rows: readonly Row[], subset: readonly number[], root: Int32Array): number[][] {
  const byRoot = new Map<number, number[]>();
  for (const i of subset) {
    const r = root[i]!;
    const list = byRoot.get(r);
    if (list) list.push(i);
    else byRoot.set(r, [i]);
  }
  const lists: number[][] = [];
  for (const list of byRoot.values()) {
    if (list.length < 2) continue;
    const filled = new Map(list.map((r) => [r, filledFields(rows[r]!)]));
    list.sort((x, y) => compareSurvivor(rows[x]!, rows[y]!, filled.get(x)!, filled.get(y)!));
    lists.push(list);
  }
  return lists.sort((x, y) => x[0]! - y[0]!);
}

/** The groups of `memberLists`, each member scored against its survivor by `score`. */
export function groupsOf(rows: readonly Row[], lists: readonly number[][], score: (row: number, survivor: number) => { probability: number; evidence: string }): DuplicateGroup[] {
  return lists.map((list) => {
    const survivor = list[0]!;
    const members = list.map((row, k) => {
      if (k === 0) return { row, score: 1, evidence: "" };
      const s = score(row, survivor);
      return { row, score: Math.round(s.probability * 1000) / 1000, evidence: s.evidence };
    });
    return { id: "G" + rows[survivor]!.clientId, members };
  });
}

/**
 * Duplicate groups of 2 or more rows, ordered by their survivor's row index. Independent of row
 * order: every step depends on row contents, file-wide counts and the seeded tie order only.
 */
export function findDuplicates(rows: Row[], opts: DedupeOptions): DuplicateGroup[] {
  const n = rows.length;
  if (n < 2) return [];
  // The feature table lives only in this call: it is garbage as soon as the groups are built.
  const t = buildFeatures(rows);
  // On a large heap, the builder's spare room goes before blocking allocates its keys and pairs.
  collectIfLarge();
  const links = scoreLinks(t);
  if (links.li.length === 0) return [];
  const subset = linkedRows(n, links);
  const root = clusterLinks(t, links, tieRank(rows, opts.seed, subset), opts.cannotLink ?? []);
  return groupsOf(rows, memberLists(rows, subset, root), (row, survivor) => scorePair(t, row, survivor));
}
