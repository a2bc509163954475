// Water-filling: the level L, then the pool poured onto managers up to it, then improving moves.
//
// Complexity: level O(M log M); greedy O(P log P + P·M) for P clients in the pool and M managers;
// each improving move costs O(B·M) with B the distinct (weight, eligibility) buckets of one manager
// (a handful), and every move makes the ratio vector sorted high-to-low strictly smaller
// lexicographically, so the search ends. Without eligibility limits the greedy largest-first pass
// onto the lowest (load + w) / fair already ends every manager within w_max / fair of L: a manager
// below that would have received the last client placed anywhere above it.

/** Least L with Σ max(fixed, L × fair) ≥ T, over managers with fair > 0. */
export function findLevel(fixed: readonly number[], fair: readonly number[], total: number): number {
  const idx: number[] = [];
  for (let m = 0; m < fair.length; m++) if (fair[m]! > 0) idx.push(m);
  if (total <= 0 || idx.length === 0) return 0;
  // Σ max(fixed, L·fair) is piecewise linear and increasing in L: walk the break points fixed/fair.
  idx.sort((a, b) => fixed[a]! / fair[a]! - fixed[b]! / fair[b]! || a - b);
  let fixedAbove = 0;
  for (const m of idx) fixedAbove += fixed[m]!;
  let fairBelow = 0;
  let prev = 0;
  for (const m of idx) {
    const bp = fixed[m]! / fair[m]!;
    // on [prev, bp]: sum = L·fairBelow + fixedAbove
    if (fairBelow > 0) {
      const l = (total - fixedAbove) / fairBelow;
      if (l <= bp + 1e-12) return Math.max(prev, l);
    } else if (fixedAbove >= total) return prev;
    fixedAbove -= fixed[m]!;
    fairBelow += fair[m]!;
    prev = bp;
  }
  return Math.max(prev, (total - fixedAbove) / fairBelow);
}

export interface FillInput {
  fair: readonly number[];
  /** Managers that may receive clients (active). */
  open: readonly boolean[];
  overProtected: readonly boolean[];
  level: number;
  tolerance: number;
  weightMax: number;
  /** Starting load per manager (fixed clients); updated in place. */
  load: number[];
  weight: readonly number[];
  /** Tie rank per client (seeded hash, then client_id). */
  rank: readonly number[];
  /** Eligible managers per eligibility signature, and each client's signature. */
  sigs: readonly (readonly number[])[];
  sig: readonly number[];
  hot: readonly boolean[];
  topValue: readonly boolean[];
  /** Owned clients that may stay with their owner (not fixed). */
  soft: readonly { client: number; owner: number }[];
  /** Clients with no one to stay with. */
  pool: readonly number[];
  /** Per manager: how many of its soft clients may leave; null = no churn limit. */
  quota: number[] | null;
  capacity: readonly number[];
}

export interface FillResult {
  /** Manager per client for soft and pool clients (others untouched: -1). */
  manager: Int32Array;
  /** Soft clients that stayed because their owner's churn limit was used up. */
  held: Uint8Array;
}

const EPS = 1e-9;

export function fill(input: FillInput, clientCount: number): FillResult {
  const { fair, open, overProtected, level, load, weight, rank, sigs, sig, hot, topValue, capacity } = input;
  const M = fair.length;
  const manager = new Int32Array(clientCount).fill(-1);
  const held = new Uint8Array(clientCount);
  const isSoftOf = new Int32Array(clientCount).fill(-1);
  const target = fair.map((f, m) => (overProtected[m] ? load[m]! : level * f));
  const hotCount = new Array<number>(M).fill(0);
  const topCount = new Array<number>(M).fill(0);
  const ratio = (m: number, extra = 0): number => (fair[m]! > 0 ? (load[m]! + extra) / fair[m]! : Infinity);
  const place = (c: number, m: number): void => {
    manager[c] = m;
    load[m] = load[m]! + weight[c]!;
    if (hot[c]) hotCount[m]!++;
    if (topValue[c]) topCount[m]!++;
  };

  // 1. Owned clients stay while their owner is under the level (all of them under a churn limit).
  const soft = [...input.soft].sort((a, b) => weight[a.client]! - weight[b.client]! || rank[a.client]! - rank[b.client]!);
  const pool = [...input.pool];
  for (const { client, owner } of soft) {
    isSoftOf[client] = owner;
    if (input.quota || load[owner]! + weight[client]! <= target[owner]! + EPS) place(client, owner);
    else pool.push(client);
  }

  // 2. The pool, most constrained first, then heaviest first, onto the lowest resulting ratio.
  const openCount = open.filter(Boolean).length;
  const constraint = (c: number): number => (sigs[sig[c]!]!.length < openCount ? sigs[sig[c]!]!.length : openCount);
  pool.sort((a, b) => constraint(a) - constraint(b) || weight[b]! - weight[a]! || rank[a]! - rank[b]!);
  const totalCap = capacity.reduce((s, c, m) => (open[m] ? s + c : s), 0) || 1;
  for (const c of pool) {
    const cands = sigs[sig[c]!]!;
    let best = -1;
    let bestRatio = Infinity;
    let bestShare = Infinity;
    for (let pass = 0; pass < 2 && best < 0; pass++) {
      for (const m of cands) {
        if (!open[m] || (pass === 0 && overProtected[m])) continue;
        const r = ratio(m, weight[c]!);
        // the owner first (fewest moves), then hot and A clients spread in proportion to capacity
        const share = m === isSoftOf[c] ? -1 : hot[c] ? hotCount[m]! / capacity[m]! : topValue[c] ? topCount[m]! / capacity[m]! : 0;
        if (r < bestRatio - EPS || (Math.abs(r - bestRatio) <= EPS && share < bestShare - EPS)) {
          best = m;
          bestRatio = r;
          bestShare = share;
        }
      }
    }
    if (best >= 0) place(c, best);
  }
  void totalCap;

  // 3. Improving moves: lower the highest ratio, then lift managers left far below the level.
  type Bucket = number[];
  const buckets: Map<string, Bucket>[] = Array.from({ length: M }, () => new Map());
  const keyOf = (c: number, m: number): string => `${isSoftOf[c] === m ? 1 : 0}|${weight[c]}|${sig[c]}`;
  const addToBucket = (c: number, m: number): void => {
    const k = keyOf(c, m);
    const b = buckets[m]!.get(k);
    if (b) b.push(c);
    else buckets[m]!.set(k, [c]);
  };
  // later-ranked clients are popped first, so lists are filled in reverse tie order
  const movable = [...soft.map((s) => s.client), ...pool].filter((c) => manager[c]! >= 0);
  movable.sort((a, b) => rank[b]! - rank[a]!);
  for (const c of movable) addToBucket(c, manager[c]!);

  const quota = input.quota;
  const band = (m: number): number => Math.max(input.tolerance * level, fair[m]! > 0 ? input.weightMax / fair[m]! : 0);

  /** Best move out of `a`: [bucket key, destination], free clients before soft ones (fewest moves). */
  const bestMoveFrom = (a: number, only?: number): [string, number] | null => {
    const ra = ratio(a);
    for (const softPass of [0, 1]) {
      if (softPass === 1 && quota && quota[a]! <= 0) break;
      let bestKey = "";
      let bestDst = -1;
      let bestScore = Infinity;
      let bestNewB = Infinity;
      for (const [k, list] of buckets[a]!) {
        if (list.length === 0 || (k.charCodeAt(0) === 49) !== (softPass === 1)) continue;
        const c = list[list.length - 1]!;
        const w = weight[c]!;
        const newA = (load[a]! - w) / fair[a]!;
        for (const b of sigs[sig[c]!]!) {
          if (b === a || !open[b] || overProtected[b] || (only !== undefined && b !== only)) continue;
          const newB = ratio(b, w);
          if (newB >= ra - EPS) continue;
          const score = Math.max(newA, newB);
          if (score < bestScore - EPS || (Math.abs(score - bestScore) <= EPS && (newB < bestNewB - EPS || (Math.abs(newB - bestNewB) <= EPS && b < bestDst)))) {
            bestScore = score;
            bestNewB = newB;
            bestKey = k;
            bestDst = b;
          }
        }
      }
      if (bestDst >= 0) return [bestKey, bestDst];
    }
    return null;
  };
  const doMove = (a: number, key: string, b: number): void => {
    const c = buckets[a]!.get(key)!.pop()!;
    if (isSoftOf[c] === a && quota) quota[a]!--;
    load[a] = load[a]! - weight[c]!;
    if (hot[c]) hotCount[a]!--;
    if (topValue[c]) topCount[a]!--;
    place(c, b);
    addToBucket(c, b);
  };

  const order = Array.from({ length: M }, (_, m) => m).filter((m) => open[m] && fair[m]! > 0);
  const maxIter = 4 * clientCount + 1000;
  for (let iter = 0; iter < maxIter; iter++) {
    let moved = false;
    const byRatio = [...order].sort((x, y) => ratio(y) - ratio(x) || x - y);
    for (const a of byRatio) {
      if (ratio(a) <= level + EPS) break;
      const mv = bestMoveFrom(a);
      if (mv) {
        doMove(a, mv[0], mv[1]);
        moved = true;
        break;
      }
    }
    if (moved) continue;
    // lift: the lowest manager below its band pulls from the highest one that can give
    for (let i = byRatio.length - 1; i >= 0 && !moved; i--) {
      const b = byRatio[i]!;
      if (overProtected[b] || ratio(b) >= level - band(b) - EPS) continue;
      for (const a of byRatio) {
        if (a === b || ratio(a) <= ratio(b) + EPS) continue;
        const mv = bestMoveFrom(a, b);
        if (mv) {
          doMove(a, mv[0], mv[1]);
          moved = true;
          break;
        }
      }
    }
    if (!moved) break;
  }

  if (quota) {
    for (const { client, owner } of soft) {
      if (manager[client] === owner && quota[owner]! <= 0 && ratio(owner) > level + band(owner) + EPS) held[client] = 1;
    }
  }
  return { manager, held };
}
