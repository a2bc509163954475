// The duplicate matcher: features → blocking → pair scores → clustering → groups in survivor order.
import { FIELDS, type DuplicateGroup, type Row } from "../types.js";
import { candidatePairs, unpackPair } from "./blocking.js";
import { cluster } from "./cluster.js";
import { countFrequencies, extractFeatures } from "./features.js";
import { scorePair } from "./score.js";
import { compareClientIds, fnv1a } from "./strings.js";

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

/** Rows in the contract's tie order: a hash of seed and client_id, then client_id. */
export function tieRank(rows: Row[], seed: number): Int32Array {
  const base = fnv1a(String(seed) + "\u0000");
  const hash = rows.map((r) => fnv1a(r.clientId, base));
  const order = rows.map((_, i) => i);
  order.sort((x, y) => hash[x]! - hash[y]! || compareClientIds(rows[x]!.clientId, rows[y]!.clientId));
  const rank = new Int32Array(rows.length);
  order.forEach((row, r) => (rank[row] = r));
  return rank;
}

/**
 * Duplicate groups of 2 or more rows, ordered by their survivor's row index. Independent of row
 * order: every step depends on row contents, file-wide counts and the seeded tie order only.
 */
export function findDuplicates(rows: Row[], opts: DedupeOptions): DuplicateGroup[] {
  const n = rows.length;
  if (n < 2) return [];
  const features = rows.map(extractFeatures);
  const freq = countFrequencies(features);
  const pairs = candidatePairs(features);
  const links: { i: number; j: number; p: number }[] = [];
  for (let x = 0; x < pairs.length; x++) {
    const [i, j] = unpackPair(pairs[x]!);
    const s = scorePair(features[i]!, features[j]!, freq, false);
    if (s.probability > 0.5) links.push({ i, j, p: s.probability });
  }
  const rank = tieRank(rows, opts.seed);
  const root = cluster({
    n,
    links,
    probability: (i, j) => scorePair(features[i]!, features[j]!, freq, false).probability,
    tax: features.map((f) => f.tax),
    cannotLink: opts.cannotLink ?? [],
    rank,
  });

  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = root[i]!;
    const list = byRoot.get(r);
    if (list) list.push(i);
    else if (links.length > 0) byRoot.set(r, [i]);
  }
  const groups: { survivor: number; group: DuplicateGroup }[] = [];
  for (const list of byRoot.values()) {
    if (list.length < 2) continue;
    const filled = new Map(list.map((r) => [r, filledFields(rows[r]!)]));
    list.sort((x, y) => compareSurvivor(rows[x]!, rows[y]!, filled.get(x)!, filled.get(y)!));
    const survivor = list[0]!;
    const members = list.map((row, k) => {
      if (k === 0) return { row, score: 1, evidence: "" };
      const s = scorePair(features[row]!, features[survivor]!, freq);
      return { row, score: Math.round(s.probability * 1000) / 1000, evidence: s.evidence };
    });
    groups.push({ survivor, group: { id: "G" + rows[survivor]!.clientId, members } });
  }
  groups.sort((x, y) => x.survivor - y.survivor);
  return groups.map((g) => g.group);
}
