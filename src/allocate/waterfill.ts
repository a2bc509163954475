// Water-filling as minimal-change rebalancing: owned clients stay, the pool fills the lowest loads,
// then soft clients move away from managers outside the tolerance band, fewest and best moves first.
//
// The steps of `fill`:
//   1. Every soft client (owned by an active, eligible manager, not protected) stays with its owner.
//   2. The pool (released, departed, unowned, contest without evidence) is placed, most constrained
//      first, then heaviest first, onto the eligible manager with the lowest (load + w) / fair; ties go
//      to the manager with the smaller share of hot (or A) clients per capacity, then managers order.
//   3. A placed pool client that is hot or recently active is protected by its new manager from now
//      on (tomorrow's run will see it owned and protected): its weight joins its manager's fixed
//      load, and the level L and the over-protected set are computed again from that fixed load.
//   4. Over-protected managers give away every movable client they can (to the eligible manager with
//      the lowest resulting ratio), within the churn limit.
//   5. Balance: while the most loaded manager is above L·(1 + tol), move one movable client from it to
//      the eligible manager where max(new ratio of the giver, new ratio of the taker) is smallest,
//      provided the taker ends strictly below the giver's current ratio; while a manager is below
//      L·(1 − tol), pull one client into it from the most loaded manager under the same condition.
//      Clients placed from the pool move before the owner's own clients (fewest moves), lighter ones
//      before heavier ones at an equal score, then in tie order (seeded hash, then client_id).
//
// Termination: every move takes a client from a manager at ratio r and leaves both the giver and the
// taker strictly below r, so the vector of ratios sorted high to low decreases lexicographically,
// which can happen only finitely often. Each move costs O(B·M) (B: non-empty (weight, eligibility)
// buckets of the giver, a handful; M managers), so the rebalancing is O(moves·B·M + n log n); with
// every fair load equal, a long eligibility list's taker is found in O(log M) (`lowestEligible`).
//
// Why a rerun with `--previous` on the result moves nobody (no churn limit): on the rerun every row's
// owner is yesterday's manager, so nobody is in the pool (a departed owner's, unowned, not eligible or
// contested client was placed on an active eligible manager yesterday; a dead soul kept by a manager
// who is not its claimant stays, and so does one that only claimants can take). Step 1 therefore
// reproduces yesterday's final assignment exactly. The protected clients on the rerun are yesterday's
// protected and locked clients plus the pool clients step 3 protected yesterday: the same fixed loads
// as yesterday's step 3, hence the same level L and the same over-protected set. The movable clients
// are yesterday's movable clients with the same eligible managers. Steps 4 and 5 only act when a move
// satisfies a condition that depends on nothing but the assignment, L, the over-protected set, the
// movable clients and their eligible managers; yesterday's run ended because no such move existed,
// so none exists on the rerun either, and no client moves.

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

/** Managers whose fixed load exceeds L × fair: they keep exactly their fixed clients. */
export function overProtectedOf(fixed: readonly number[], fair: readonly number[], level: number): boolean[] {
  return fixed.map((f, m) => fair[m]! > 0 && f > level * fair[m]! + 1e-9);
}

export interface FillInput {
  fair: readonly number[];
  /** Managers that may receive clients (active). */
  open: readonly boolean[];
  tolerance: number;
  /** Total weight of allocated clients (T). */
  total: number;
  /** Protected and locked load per manager. */
  fixed: readonly number[];
  /** Starting load per manager (fixed clients, plus a strategy's placements); updated in place. */
  load: number[];
  weight: readonly number[];
  /** Tie rank per client (seeded hash, then client_id). */
  rank: readonly number[];
  /** Eligible managers per eligibility signature, and each client's signature. */
  sigs: readonly (readonly number[])[];
  /**
   * Per signature, the managers of its list that are left out (a dead soul's claimants), each in the list; none where
   * absent. A signature's managers are its list but these.
   */
  sigOut?: readonly (readonly number[])[];
  sig: readonly number[];
  hot: readonly boolean[];
  topValue: readonly boolean[];
  /** A pool client that would be protected once it has a manager (hot or recently active). */
  protectable: readonly boolean[];
  /** Owned clients that stay with their owner unless the balance moves them (not fixed). */
  soft: readonly { client: number; owner: number }[];
  /** Clients with no one to stay with. */
  pool: readonly number[];
  /** Per manager: how many of its soft clients may leave; null = no churn limit. Updated in place. */
  quota: number[] | null;
  capacity: readonly number[];
  /** Every eligible manager looked at, without the shortcuts (equal fair loads, the pool's tree, the lift's reach): their tests compare the two. */
  exhaustive?: boolean;
}

export interface FillResult {
  /** Manager per client for soft and pool clients (others untouched: -1). */
  manager: Int32Array;
  /** Soft clients that stayed because their owner's churn limit was used up. */
  held: Uint8Array;
  /** The level after placed pool clients were protected (step 3). */
  level: number;
  overProtected: boolean[];
}

const EPS = 1e-9;
const NO_MANAGERS: readonly number[] = [];

/** The first of positions 0..n-1 that `isBefore` no longer holds for (n if it holds for all); it must hold for a prefix. */
export function firstNotBefore(n: number, isBefore: (k: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Weights and loads on this grid add up exactly, so that equal sums are equal numbers (`Lowest`). */
const GRID = 1 / 1024;
const onGrid = (x: number): boolean => Number.isFinite(x) && Number.isInteger(x / GRID);

/**
 * Step 2's shortcut where every open manager has the same fair load and capacity and every weight and load is on
 * `GRID`: two ratios are then within EPS of each other only when the loads are equal, and two shares only when the
 * counts are, so the scan's choice is the eligible manager lowest by (load, count, index). A tournament tree per kind
 * of count (none, hot clients, A clients) finds it in O(log M) rather than by looking at each of thousands of
 * managers for every pool client.
 */
class Lowest {
  private readonly size: number;
  private readonly trees: Int32Array[];

  constructor(
    m: number,
    private readonly load: readonly number[],
    private readonly counts: readonly (readonly number[])[],
    private readonly takes: (m: number) => boolean,
  ) {
    let size = 1;
    while (size < m) size *= 2;
    this.size = size;
    this.trees = counts.map(() => new Int32Array(2 * size).fill(-1));
    for (let v = 0; v < counts.length; v++) {
      const t = this.trees[v]!;
      for (let i = 0; i < m; i++) if (takes(i)) t[size + i] = i;
      for (let i = size - 1; i >= 1; i--) t[i] = this.pick(v, t[2 * i]!, t[2 * i + 1]!);
    }
  }

  private pick(v: number, a: number, b: number): number {
    if (a < 0) return b;
    if (b < 0) return a;
    const la = this.load[a]!;
    const lb = this.load[b]!;
    if (la !== lb) return la < lb ? a : b;
    const ca = this.counts[v]![a]!;
    const cb = this.counts[v]![b]!;
    if (ca !== cb) return ca < cb ? a : b;
    return a < b ? a : b;
  }

  private set(v: number, m: number, leaf: number): void {
    const t = this.trees[v]!;
    let i = this.size + m;
    t[i] = leaf;
    for (i >>= 1; i >= 1; i >>= 1) t[i] = this.pick(v, t[2 * i]!, t[2 * i + 1]!);
  }

  /** After manager m's load or counts changed. */
  update(m: number): void {
    const leaf = this.takes(m) ? m : -1;
    for (let v = 0; v < this.trees.length; v++) this.set(v, m, leaf);
  }

  /** The manager lowest by (load, counts[v], index) but those of `out`; -1: none. */
  lowest(v: number, out: readonly number[]): number {
    if (out.length === 0) return this.trees[v]![1]!;
    for (const m of out) this.set(v, m, -1);
    const best = this.trees[v]![1]!;
    for (const m of out) this.set(v, m, this.takes(m) ? m : -1);
    return best;
  }
}

export function fill(input: FillInput, clientCount: number): FillResult {
  const { fair, open, load, weight, rank, sigs, sig, hot, topValue, capacity, protectable, quota } = input;
  const sigOut = input.sigOut ?? [];
  const outOf = (s: number): readonly number[] => sigOut[s] ?? NO_MANAGERS;
  const M = fair.length;
  const manager = new Int32Array(clientCount).fill(-1);
  const held = new Uint8Array(clientCount);
  const ownerOf = new Int32Array(clientCount).fill(-1);
  const hotCount = new Array<number>(M).fill(0);
  const topCount = new Array<number>(M).fill(0);
  const ratio = (m: number): number => (fair[m]! > 0 ? load[m]! / fair[m]! : Infinity);
  const ratioWith = (m: number, w: number): number => (fair[m]! > 0 ? (load[m]! + w) / fair[m]! : Infinity);
  const place = (c: number, m: number): void => {
    manager[c] = m;
    load[m] = load[m]! + weight[c]!;
    if (hot[c]) hotCount[m]!++;
    if (topValue[c]) topCount[m]!++;
  };

  // 1. Owned clients stay where they are.
  for (const { client, owner } of input.soft) {
    ownerOf[client] = owner;
    place(client, owner);
  }

  // 2. The pool, most constrained first, then heaviest first, onto the lowest resulting ratio;
  // managers over-protected by their own fixed clients only when no one else can take the client.
  const level0 = findLevel(input.fixed, fair, input.total);
  const over0 = overProtectedOf(input.fixed, fair, level0);
  const openCount = open.filter(Boolean).length;
  // one constraint per signature, looked up by the sort (no per-comparison work beyond array reads)
  const sigConstraint = sigs.map((list, s) => Math.min(list.length - outOf(s).length, openCount));
  const pool = [...input.pool].sort((a, b) => sigConstraint[sig[a]!]! - sigConstraint[sig[b]!]! || weight[b]! - weight[a]! || rank[a]! - rank[b]!);
  const fixed = [...input.fixed];
  // The shortcut (`Lowest`) where it gives what the scan below gives: every open manager of one fair load and one
  // capacity, every weight and load on the grid and small enough to add up exactly, for lists of every open manager.
  let lowest: Lowest | null = null;
  if (!input.exhaustive && pool.length > 0) {
    let f0 = 0;
    let k0 = 0;
    let sum = 0;
    let ok = true;
    for (let m = 0; m < M && ok; m++) {
      if (!open[m]) continue;
      if (f0 === 0) {
        f0 = fair[m]!;
        k0 = capacity[m]!;
      }
      ok = fair[m] === f0 && capacity[m] === k0 && onGrid(load[m]!);
      sum += Math.abs(load[m]!);
    }
    for (let i = 0; i < pool.length && ok; i++) {
      ok = onGrid(weight[pool[i]!]!) && weight[pool[i]!]! >= 0;
      sum += weight[pool[i]!]!;
    }
    if (ok && f0 > 0 && k0 > 0 && sum < 2 ** 32 && GRID / f0 > 4 * EPS && 1 / k0 > 4 * EPS) {
      lowest = new Lowest(M, load, [new Array<number>(M).fill(0), hotCount, topCount], (m) => open[m]! && !over0[m]);
    }
  }
  // By list, not by signature: thousands of dead souls' signatures share one list (every manager) and leave out one
  // claimant each.
  const fullList = new Map<readonly number[], boolean>();
  /** Whether a signature's list is every open manager, in managers' order. */
  const fullSig = (s: number): boolean => {
    const list = sigs[s]!;
    let ok = fullList.get(list);
    if (ok === undefined) {
      ok = true;
      let seen = 0;
      for (let i = 0; i < list.length && ok; i++) {
        ok = i === 0 || list[i - 1]! < list[i]!;
        if (open[list[i]!]) seen++;
      }
      ok &&= seen === openCount;
      fullList.set(list, ok);
    }
    return ok;
  };
  for (const c of pool) {
    const cands = sigs[sig[c]!]!;
    const out = outOf(sig[c]!);
    const w = weight[c]!;
    if (lowest !== null && fullSig(sig[c]!)) {
      const m = lowest.lowest(hot[c] ? 1 : topValue[c] ? 2 : 0, out);
      // none: every eligible manager is over-protected (or closed), for the scan's second pass
      if (m >= 0) {
        place(c, m);
        lowest.update(m);
        if (protectable[c]) fixed[m] = fixed[m]! + w;
        continue;
      }
    }
    let best = -1;
    let bestRatio = Infinity;
    let bestShare = Infinity;
    for (let pass = 0; pass < 2 && best < 0; pass++) {
      for (const m of cands) {
        if (!open[m] || (pass === 0 && over0[m]) || (out.length !== 0 && out.includes(m))) continue;
        const r = ratioWith(m, w);
        const share = hot[c] ? hotCount[m]! / capacity[m]! : topValue[c] ? topCount[m]! / capacity[m]! : 0;
        if (r < bestRatio - EPS || (Math.abs(r - bestRatio) <= EPS && share < bestShare - EPS)) {
          best = m;
          bestRatio = r;
          bestShare = share;
        }
      }
    }
    if (best < 0) continue;
    place(c, best);
    lowest?.update(best);
    // 3. protected by its new manager from now on
    if (protectable[c]) fixed[best] = fixed[best]! + w;
  }
  const level = findLevel(fixed, fair, input.total);
  const over = overProtectedOf(fixed, fair, level);

  // Movable clients in buckets per manager: key = class (weight, eligibility) × 2 + (own client ? 1 : 0).
  // Each bucket is a stack whose top is the first client in tie order.
  const classOf = new Map<number, Map<number, number>>();
  let classes = 0;
  const clsOf = (c: number): number => {
    let bySig = classOf.get(weight[c]!);
    if (!bySig) classOf.set(weight[c]!, (bySig = new Map()));
    let k = bySig.get(sig[c]!);
    if (k === undefined) bySig.set(sig[c]!, (k = classes++));
    return k;
  };
  const cls = new Int32Array(clientCount);
  const buckets: Map<number, number[]>[] = Array.from({ length: M }, () => new Map());
  const keyOf = (c: number, m: number): number => cls[c]! * 2 + (ownerOf[c] === m ? 1 : 0);
  const push = (c: number, m: number): void => {
    const k = keyOf(c, m);
    const b = buckets[m]!.get(k);
    if (b) b.push(c);
    else buckets[m]!.set(k, [c]);
  };
  const isMovable = new Uint8Array(clientCount);
  for (const { client } of input.soft) isMovable[client] = 1;
  for (const c of pool) if (manager[c]! >= 0 && !protectable[c]) isMovable[c] = 1;
  let lightest = Infinity;
  for (let c = 0; c < clientCount; c++) if (isMovable[c] && weight[c]! < lightest) lightest = weight[c]!;
  // pushed in reverse tie order (ranks are a permutation: no sort needed)
  const byRank = new Int32Array(clientCount);
  for (let c = 0; c < clientCount; c++) byRank[rank[c]!] = c;
  for (let i = clientCount - 1; i >= 0; i--) {
    const c = byRank[i]!;
    if (!isMovable[c]) continue;
    cls[c] = clsOf(c);
    push(c, manager[c]!);
  }

  // Eligibility lists come in managers' order; one that does not (a caller's own) is never searched.
  const sorted = new Int8Array(sigs.length);
  const sortedSig = (s: number): boolean => {
    if (sorted[s] === 0) {
      const list = sigs[s]!;
      let ok = true;
      for (let i = 1; i < list.length && ok; i++) ok = list[i - 1]! < list[i]!;
      sorted[s] = ok ? 1 : -1;
    }
    return sorted[s] === 1;
  };
  const member = (list: readonly number[], m: number): boolean => {
    const i = firstNotBefore(list.length, (k) => list[k]! < m);
    return i < list.length && list[i] === m;
  };
  /**
   * The manager of `eligible` other than `a` lowest in `order` (ratio high to low, then index low to high), the lowest
   * index among ratios within EPS of its own; -1: none. Managers of equal ratio sit in index order, so a block of
   * thousands of them is searched from its start, not walked through.
   */
  const lowestEligible = (order: readonly number[], eligible: readonly number[], out: readonly number[], a: number): number => {
    const takes = (m: number): boolean => member(eligible, m) && (out.length === 0 || !out.includes(m));
    let p = order.length - 1;
    while (p >= 0 && (order[p] === a || !takes(order[p]!))) p--;
    if (p < 0) return -1;
    const top = ratio(order[p]!) + EPS;
    // The first position whose ratio is within EPS of the lowest eligible one (ratios fall along `order`).
    const lo = firstNotBefore(p, (k) => ratio(order[k]!) > top);
    if (ratio(order[lo]!) === ratio(order[p]!)) {
      // One ratio from lo to p: indices rise along it, and the first eligible one is the lowest.
      for (let i = lo; i <= p; i++) if (order[i] !== a && takes(order[i]!)) return order[i]!;
    }
    let best = -1;
    for (let i = lo; i <= p; i++) {
      const b = order[i]!;
      if (b !== a && (best < 0 || b < best) && takes(b)) best = b;
    }
    return best;
  };

  const upper = level * (1 + input.tolerance);
  const lower = level * (1 - input.tolerance);
  let bestKey = -1;
  let bestDst = -1;
  const onlyOne = [0];
  const lowestOne = [0];
  // Set once the balance (step 5) keeps the managers in ratio order (`byRatio`, below).
  let ranked: readonly number[] | null = null;
  /**
   * The best move out of `a` into `only` (or anywhere): clients placed from the pool before the
   * manager's own (fewest moves, and they do not count against the churn limit). An eviction (from
   * an over-protected manager) takes any destination; a balancing move needs the taker to end below
   * the giver's current ratio. Sets bestKey / bestDst; false when there is none.
   */
  const findMove = (a: number, only: number, evict: boolean): boolean => {
    const ra = ratio(a);
    bestKey = -1;
    bestDst = -1;
    onlyOne[0] = only;
    for (let own = 0; own < 2; own++) {
      if (own === 1 && quota && quota[a]! <= 0) break;
      let bestScore = Infinity;
      let bestW = Infinity;
      let bestNewB = Infinity;
      for (const [k, list] of buckets[a]!) {
        if ((k & 1) !== own) continue;
        const c = list[list.length - 1]!;
        const w = weight[c]!;
        const newA = (load[a]! - w) / fair[a]!;
        // Into one manager: that one alone, if eligible (the list's other managers were each looked at and passed
        // over, which with thousands of managers made the lift below cubic).
        const eligible = sigs[sig[c]!]!;
        const out = outOf(sig[c]!);
        const takes = only >= 0 && (sortedSig(sig[c]!) ? member(eligible, only) : eligible.includes(only)) && !out.includes(only);
        let dests = only < 0 ? eligible : takes ? onlyOne : NO_MANAGERS;
        if (only < 0 && !evict && ranked !== null && (eligible.length - out.length) * 2 >= ranked.length && sortedSig(sig[c]!)) {
          // With every fair load equal, the taker the scan below would choose is the eligible manager of the lowest
          // ratio (the lowest index among equal ones): found from the bottom of the ratio order, not by looking at
          // each of thousands of eligible managers.
          lowestOne[0] = lowestEligible(ranked, eligible, out, a);
          dests = lowestOne[0] < 0 ? NO_MANAGERS : lowestOne;
        }
        for (const b of dests) {
          if (b === a || !open[b] || over[b] || (dests === eligible && out.length !== 0 && out.includes(b))) continue;
          const newB = ratioWith(b, w);
          if (!evict && newB >= ra - EPS) continue;
          const score = evict ? newB : Math.max(newA, newB);
          let better = score < bestScore - EPS;
          if (!better && Math.abs(score - bestScore) <= EPS) {
            if (w !== bestW) better = w < bestW;
            else if (Math.abs(newB - bestNewB) > EPS) better = newB < bestNewB;
            else better = b < bestDst || (b === bestDst && k < bestKey);
          }
          if (better) {
            bestScore = score;
            bestW = w;
            bestNewB = newB;
            bestKey = k;
            bestDst = b;
          }
        }
      }
      if (bestDst >= 0) return true;
    }
    return false;
  };
  // The weight of each manager's lightest movable client (NaN: to be worked out again), for `mayGive`.
  const light = new Float64Array(M).fill(NaN);
  const lightestOf = (a: number): number => {
    if (Number.isNaN(light[a]!)) {
      let w = Infinity;
      for (const list of buckets[a]!.values()) w = Math.min(w, weight[list[list.length - 1]!]!);
      light[a] = w;
    }
    return light[a]!;
  };
  const doMove = (a: number, key: number, b: number): void => {
    light[a] = light[b] = NaN;
    const list = buckets[a]!.get(key)!;
    const c = list.pop()!;
    if (list.length === 0) buckets[a]!.delete(key);
    if (ownerOf[c] === a && quota) quota[a]!--;
    load[a] = load[a]! - weight[c]!;
    if (hot[c]) hotCount[a]!--;
    if (topValue[c]) topCount[a]!--;
    place(c, b);
    push(c, b);
  };

  // 4. Over-protected managers keep exactly their fixed clients (as far as eligibility and the churn
  // limit allow); nobody gives them clients back below.
  for (let a = 0; a < M; a++) {
    if (!over[a] || !open[a]) continue;
    while (findMove(a, -1, true)) doMove(a, bestKey, bestDst);
  }

  // 5. Balance within the tolerance band.
  const order = Array.from({ length: M }, (_, m) => m).filter((m) => open[m] && fair[m]! > 0 && !over[m]);
  // Highest ratio first (ties: managers order). A move changes two ratios only: those two are put back in place
  // rather than every manager sorted again (thousands of managers made that the allocation's whole cost).
  const byRatio = [...order];
  const before = (x: number, y: number): number => ratio(y) - ratio(x) || x - y;
  byRatio.sort(before);
  // The shortcut in `findMove` holds where every fair load is the same (every manager of capacity 1, as without -m).
  if (!input.exhaustive && byRatio.every((m) => fair[m] === fair[byRatio[0]!])) ranked = byRatio;
  const take = (m: number): boolean => {
    const at = byRatio.indexOf(m);
    if (at >= 0) byRatio.splice(at, 1);
    return at >= 0;
  };
  const put = (m: number): void => {
    byRatio.splice(firstNotBefore(byRatio.length, (k) => before(byRatio[k]!, m) < 0), 0, m);
  };
  // Both managers of a move come out before either goes back: put back while the other still sat at its old ratio's
  // place, the first was searched for in an order no longer sorted and could land out of it.
  const move = (a: number): void => {
    const b = bestDst;
    doMove(a, bestKey, b);
    const hadA = take(a);
    const hadB = take(b);
    if (hadA) put(a);
    if (hadB) put(b);
  };
  let maxFair = 0;
  for (const m of byRatio) maxFair = Math.max(maxFair, fair[m]!);
  /**
   * False where `findMove(a, -1, false)` cannot find a move: a move needs its taker to end below a's ratio, and no
   * taker ends lower than the lowest ratio now plus a's lightest client over the largest fair load. Managers above the
   * band that cannot give were each looked at again after every move (98k managers: 43 s).
   */
  const mayGive = (a: number): boolean => {
    if (input.exhaustive) return true;
    const floor = ratio(byRatio[byRatio.length - 1]!) + lightestOf(a) / maxFair;
    return floor - 1e-12 * Math.abs(floor) < ratio(a) - EPS;
  };
  const maxIter = 4 * clientCount + 1000;
  for (let iter = 0; iter < maxIter; iter++) {
    let moved = false;
    for (const a of byRatio) {
      if (ratio(a) <= upper + EPS) break;
      if (mayGive(a) && findMove(a, -1, false)) {
        move(a);
        moved = true;
        break;
      }
    }
    if (moved) continue;
    // lift: the lowest manager below the band pulls from the most loaded one that can give
    for (let i = byRatio.length - 1; i >= 0 && !moved; i--) {
      const b = byRatio[i]!;
      if (ratio(b) >= lower - EPS) break;
      // A giver's move needs the taker to end below it (`findMove`): b with the lightest movable client already
      // reaches every manager from here on, and the rest of the order would be looked at for nothing (thousands of
      // managers, every one of them for every manager below the band, made the lift cubic).
      const reach = input.exhaustive ? -Infinity : ratioWith(b, lightest);
      for (const a of byRatio) {
        if (a === b || ratio(a) <= ratio(b) + EPS || ratio(a) - EPS <= reach) break;
        // nor from a giver whose lightest client is too heavy for b (a look at its buckets saved)
        if (!input.exhaustive && ratioWith(b, lightestOf(a)) >= ratio(a) - EPS) continue;
        if (findMove(a, b, false)) {
          move(a);
          moved = true;
          break;
        }
      }
    }
    if (!moved) break;
  }

  if (quota) {
    for (const { client, owner } of input.soft) {
      if (manager[client] === owner && quota[owner]! <= 0 && (over[owner] || ratio(owner) > upper + EPS)) held[client] = 1;
    }
  }
  return { manager, held, level, overProtected: over };
}
