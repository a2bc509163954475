// Blocking: rows share a key (tax id, phone, e-mail, domain, name words, address) before they are compared.
import type { FeatureTable } from "./features.js";
import { heapIsLarge } from "../heap.js";
import { float64Array } from "../pages.js";

/** Blocks larger than this are skipped: a key held by that many rows (a switchboard, `Apteka`) proves little. */
export const MAX_BLOCK = 40;

// Keys are hashed to 31 bits and packed with the row index into one double, so blocking is one numeric
// sort of a Float64Array instead of millions of map entries. A hash collision only adds candidates.
// Each distinct value's hash is computed once (FeatureTable's interners), never per row.
const ROW_BITS = 22;
const ROW_SPACE = 2 ** ROW_BITS;
export const MAX_ROWS = ROW_SPACE;
/** A packed key is below this (31 bits of hash, 22 of row). */
const KEY_SPACE = 2 ** 53;
/** Bits of the hash `sortKeys` sorts by in one pass. */
const DIGIT_BITS = 11;

/** The blocking keys of one row, each prefixed by its kind so kinds never collide (for tests and explanations). */
export function blockingKeys(t: FeatureTable, i: number): string[] {
  const keys: string[] = [];
  if (t.tax[i] !== "") keys.push("t:" + t.tax[i]);
  for (let x = t.phoneStart[i]!; x < t.phoneStart[i + 1]!; x++) keys.push("p:" + t.tails.value(t.phoneTail[t.phoneIds[x]!]!));
  for (let x = t.emailStart[i]!; x < t.emailStart[i + 1]!; x++) keys.push("e:" + t.emails.values[t.emailIds[x]!]);
  for (let x = t.domainStart[i]!; x < t.domainStart[i + 1]!; x++) keys.push("d:" + t.domains.values[t.domainIds[x]!]);
  const k = t.nameOf[i]!;
  if (t.nameStart[k + 1]! > t.nameStart[k]!) {
    keys.push("n:" + t.fingerprints.values[t.fingerprint[k]!]);
    for (let x = t.nameStart[k]!; x < t.nameStart[k + 1]!; x++) {
      const w = t.vocab.values[t.nameTok[x]!]!;
      if (w.length >= 2) keys.push("w:" + w);
    }
    if (t.prefix[k]! >= 0) keys.push("a:" + t.affixPrefix.values[t.prefix[k]!], "z:" + t.affixSuffix.values[t.suffix[k]!]);
  }
  const a = t.addrOf[i]!;
  if (t.houseKey[a]! >= 0) keys.push("h:" + t.houseKeys.values[t.houseKey[a]!]);
  return keys;
}

/**
 * Candidate pairs (i < j) of rows sharing a block of at most MAX_BLOCK rows, each pair once,
 * packed as i * 2^22 + j and sorted ascending. The same keys as blockingKeys, by their hashes.
 */
export function candidatePairs(t: FeatureTable): Float64Array {
  const n = t.n;
  if (n > MAX_ROWS) throw new RangeError(`dedupe: at most ${MAX_ROWS} rows, got ${n}`);
  // Hash per distinct token: a word shorter than 2 letters is no key (-1).
  const wordHash = float64Array(t.vocab.size);
  for (let id = 0; id < wordHash.length; id++) wordHash[id] = t.vocab.values[id]!.length >= 2 ? t.vocab.hash(id) : -1;

  // Each row's tax id hash, once.
  const taxHash = float64Array(n).fill(-1);
  for (let i = 0; i < n; i++) if (t.taxOf[i]! >= 0) taxHash[i] = t.taxes.hash(t.taxOf[i]!);

  // The keys are counted first: at a million rows the list is ~80 MB, and growing it by doubling would hold
  // three times that for a moment. The count reads the same conditions as the fill below, without the hashes.
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (taxHash[i]! >= 0) count++;
    count += t.phoneStart[i + 1]! - t.phoneStart[i]! + t.emailStart[i + 1]! - t.emailStart[i]! + t.domainStart[i + 1]! - t.domainStart[i]!;
    const k = t.nameOf[i]!;
    if (t.nameStart[k + 1]! > t.nameStart[k]!) {
      count++;
      for (let x = t.nameStart[k]!; x < t.nameStart[k + 1]!; x++) if (wordHash[t.nameTok[x]!]! >= 0) count++;
      if (t.prefix[k]! >= 0) count += 2;
    }
    if (t.houseKey[t.addrOf[i]!]! >= 0) count++;
  }
  const keys = (entries: Float64Array): number => {
    let m = 0;
    const push = (hash: number, i: number): void => {
      entries[m++] = hash * ROW_SPACE + i;
    };
    for (let i = 0; i < n; i++) {
      if (taxHash[i]! >= 0) push(taxHash[i]!, i);
      for (let x = t.phoneStart[i]!; x < t.phoneStart[i + 1]!; x++) push(t.tails.hash(t.phoneTail[t.phoneIds[x]!]!), i);
      for (let x = t.emailStart[i]!; x < t.emailStart[i + 1]!; x++) push(t.emails.hash(t.emailIds[x]!), i);
      for (let x = t.domainStart[i]!; x < t.domainStart[i + 1]!; x++) push(t.domains.hash(t.domainIds[x]!), i);
      const k = t.nameOf[i]!;
      if (t.nameStart[k + 1]! > t.nameStart[k]!) {
        push(t.fingerprints.hash(t.fingerprint[k]!), i);
        for (let x = t.nameStart[k]!; x < t.nameStart[k + 1]!; x++) {
          const h = wordHash[t.nameTok[x]!]!;
          if (h >= 0) push(h, i);
        }
        if (t.prefix[k]! >= 0) {
          push(t.affixPrefix.hash(t.prefix[k]!), i);
          push(t.affixSuffix.hash(t.suffix[k]!), i);
        }
      }
      const a = t.addrOf[i]!;
      if (t.houseKey[a]! >= 0) push(t.houseKeys.hash(t.houseKey[a]!), i);
    }
    return m;
  };
  const sorted = float64Array(count);
  const m = keys(sorted);
  if (m !== count) throw new Error(`dedupe: counted ${count} blocking keys, wrote ${m}`);
  sortKeys(sorted);

  // Blocks by key, in the same two passes: how many pairs, then the pairs.
  const blockPairs = (pairs: Float64Array | null): number => {
    let p = 0;
    let start = 0;
    while (start < m) {
      const key = Math.floor(sorted[start]! / ROW_SPACE);
      const limit = (key + 1) * ROW_SPACE;
      let end = start + 1;
      while (end < m && sorted[end]! < limit) end++;
      const size = end - start;
      if (size >= 2 && size <= MAX_BLOCK) {
        const base = key * ROW_SPACE;
        for (let x = start; x < end; x++) {
          const i = sorted[x]! - base;
          for (let y = x + 1; y < end; y++) {
            const j = sorted[y]! - base;
            if (i === j) continue; // one row with two keys of the same hash
            // Entries of a block are sorted by row, so i < j.
            if (pairs !== null) pairs[p] = i * ROW_SPACE + j;
            p++;
          }
        }
      }
      start = end;
    }
    return p;
  };
  const pairs = float64Array(blockPairs(null));
  const p = blockPairs(pairs);
  const all = pairs.subarray(0, p).sort();
  let u = 0;
  for (let x = 0; x < all.length; x++) if (x === 0 || all[x] !== all[x - 1]) all[u++] = all[x]!;
  return all.slice(0, u);
}

/**
 * Packed keys (a 31-bit hash times 2^22 plus a row) sorted ascending in place, as `keys.sort()` sorts them. By the
 * hash, 11 bits a pass from the lowest (stable, through a second list), then each run of one hash put in order of
 * row where it is not already: blocking writes its keys row by row, so its runs are. A 300k-row export's 2.6 million
 * keys: 310-380 ms sorted whole, ~140 ms so (a benchmark of the two, fresh pages for the second list included). Where
 * the heap is large (a million rows, matched on the command's thread) the second list is not spared: sorted whole.
 */
export function sortKeys(keys: Float64Array): void {
  const n = keys.length;
  if (n < 1 << 14 || heapIsLarge()) {
    keys.sort();
    return;
  }
  for (let x = 0; x < n; x++) {
    const v = keys[x]!;
    if (!(v >= 0 && v < KEY_SPACE)) {
      // Not a packed key: sorted whole.
      keys.sort();
      return;
    }
  }
  const count = new Int32Array(1 << DIGIT_BITS);
  let from: Float64Array = keys;
  let to: Float64Array = float64Array(n);
  for (let shift = ROW_BITS; shift < 53; shift += DIGIT_BITS) {
    const div = 2 ** shift;
    const mask = (1 << Math.min(DIGIT_BITS, 53 - shift)) - 1;
    count.fill(0);
    for (let x = 0; x < n; x++) count[(from[x]! / div) & mask]!++;
    let sum = 0;
    for (let d = 0; d <= mask; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let x = 0; x < n; x++) {
      const v = from[x]!;
      to[count[(v / div) & mask]!++] = v;
    }
    const t = from;
    from = to;
    to = t;
  }
  if (from !== keys) keys.set(from);
  // Runs of one hash whose rows came out of order.
  let start = 0;
  let ordered = true;
  for (let x = 1; x <= n; x++) {
    if (x < n && Math.floor(keys[x]! / ROW_SPACE) === Math.floor(keys[start]! / ROW_SPACE)) {
      if (keys[x]! < keys[x - 1]!) ordered = false;
      continue;
    }
    if (!ordered) keys.subarray(start, x).sort();
    start = x;
    ordered = true;
  }
}

export function unpackPair(packed: number): [number, number] {
  return [Math.floor(packed / ROW_SPACE), packed % ROW_SPACE];
}

export function pairFirst(packed: number): number {
  return Math.floor(packed / ROW_SPACE);
}

export function pairSecond(packed: number): number {
  return packed % ROW_SPACE;
}
