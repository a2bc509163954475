// Clustering: strongest links first, a merge only when the two clusters match on average (no chaining).
import { int32Array } from "../pages.js";

/** How a link between two rows scores; the cluster step asks again for pairs blocking never produced. */
export type PairProbability = (i: number, j: number) => number;

export interface ClusterInput {
  n: number;
  /** Candidate links (i, j, probability(i, j)); only those above THRESHOLD are used. */
  links: { i: number; j: number; p: number }[];
  probability: PairProbability;
  /** Per row: its valid tax id or `""`; a cluster never holds two different ones. */
  tax: string[];
  /** Pairs of rows that must not end in one cluster. */
  cannotLink: Array<[number, number]>;
  /** Tie order of rows, independent of input order (seeded hash, then client_id). */
  rank: Int32Array;
}

/** A link needs a match probability above this. */
export const THRESHOLD = 0.5;
/** Two clusters merge when their members' average match probability is above this. */
export const MERGE_THRESHOLD = 0.4;
/** Average linkage looks at most this many members of each side (in rank order) on big clusters. */
const SAMPLE = 40;
/** Pair scores kept for average linkage at most (~50 MB); past it, further pairs are scored each time they come up. */
const MEMO_LIMIT = 1_000_000;

/** Cluster id per row: rows sharing an id are one company. Ids are root row indexes. */
export function cluster(input: ClusterInput): Int32Array {
  const { n, rank } = input;
  const parent = int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  // Member lists only for rows that take part in a merge: most rows are never linked.
  const members: (number[] | undefined)[] = new Array(n);
  const membersOf = (r: number): number[] => members[r] ?? (members[r] = [r]);
  const tax: string[] = input.tax.slice();
  const cannot = new Map<number, number[]>();
  for (const [a, b] of input.cannotLink) {
    if (a === b) continue;
    (cannot.get(a) ?? cannot.set(a, []).get(a)!).push(b);
    (cannot.get(b) ?? cannot.set(b, []).get(b)!).push(a);
  }
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };

  // As clusters grow, average linkage asks about the same two rows again and again (a base where most companies
  // have branches: 1.3M questions about 0.3M pairs): each ordered pair is scored once.
  // Per first row, its second rows' scores (small-integer keys: cheaper than one map keyed by x·n + y).
  const memo: Array<Map<number, number> | undefined> = new Array(n);
  let memoSize = 0;
  const remember = (x: number, y: number, q: number): void => {
    if (memoSize >= MEMO_LIMIT) return;
    (memo[x] ??= new Map()).set(y, q);
    memoSize++;
  };
  const score = (x: number, y: number): number => {
    let q = memo[x]?.get(y);
    if (q === undefined) {
      q = Math.round(input.probability(x, y) * 1e9);
      remember(x, y, q);
    }
    return q;
  };

  // Probabilities are compared as integers of 1e-9 so that sums never depend on addition order.
  const links = input.links
    .filter((l) => l.p > THRESHOLD)
    .map((l) => ({ i: l.i, j: l.j, q: Math.round(l.p * 1e9), lo: Math.min(rank[l.i]!, rank[l.j]!), hi: Math.max(rank[l.i]!, rank[l.j]!) }));
  // A link's own score is its pair's, in the order it was scored.
  for (const l of links) remember(l.i, l.j, l.q);
  links.sort((x, y) => y.q - x.q || x.lo - y.lo || x.hi - y.hi);

  for (const link of links) {
    const ra = find(link.i);
    const rb = find(link.j);
    if (ra === rb) continue;
    if (tax[ra] !== "" && tax[rb] !== "" && tax[ra] !== tax[rb]) continue;
    const A = membersOf(ra);
    const B = membersOf(rb);
    let forbidden = false;
    const [small, otherRoot] = A.length <= B.length ? [A, rb] : [B, ra];
    for (const x of small) {
      const cl = cannot.get(x);
      if (cl && cl.some((y) => find(y) === otherRoot)) {
        forbidden = true;
        break;
      }
    }
    if (forbidden) continue;
    if (A.length > 1 || B.length > 1) {
      const sa = A.length > SAMPLE ? A.slice(0, SAMPLE) : A;
      const sb = B.length > SAMPLE ? B.slice(0, SAMPLE) : B;
      let sum = 0;
      for (const x of sa) for (const y of sb) sum += score(x, y);
      if (sum <= MERGE_THRESHOLD * 1e9 * sa.length * sb.length) continue;
    }
    // Keep the member list in rank order, so a sample is the same whatever the input order.
    const [keep, gone] = A.length >= B.length ? [ra, rb] : [rb, ra];
    parent[gone] = keep;
    const merged = A.concat(B);
    merged.sort((x, y) => rank[x]! - rank[y]!);
    members[keep] = merged;
    members[gone] = [];
    if (tax[keep] === "") tax[keep] = tax[gone]!;
  }
  const out = int32Array(n);
  for (let i = 0; i < n; i++) out[i] = find(i);
  return out;
}
