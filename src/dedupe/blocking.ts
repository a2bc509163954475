// Blocking: rows share a key (tax id, phone, e-mail, domain, name words, address) before they are compared.
import { phoneTail, type Features } from "./features.js";
import { fnv1a } from "./strings.js";

/** Blocks larger than this are skipped: a key held by that many rows (a switchboard, `Apteka`) proves little. */
export const MAX_BLOCK = 40;

// Keys are hashed to 31 bits and packed with the row index into one double, so blocking is one numeric
// sort of a Float64Array instead of millions of map entries. A hash collision only adds candidates.
const ROW_BITS = 22;
const ROW_SPACE = 2 ** ROW_BITS;
export const MAX_ROWS = ROW_SPACE;

/** The blocking keys of one row, each prefixed by its kind so kinds never collide. */
export function blockingKeys(f: Features): string[] {
  const keys: string[] = [];
  if (f.tax !== "") keys.push("t:" + f.tax);
  for (const p of f.phones) keys.push("p:" + phoneTail(p));
  for (const e of f.emails) keys.push("e:" + e);
  for (const d of f.domains) keys.push("d:" + d);
  if (f.tokens.length > 0) {
    // Fingerprint: the same words in any order.
    keys.push("n:" + f.fingerprint);
    // Each word: one typo or one missing word still leaves a shared word.
    for (const t of f.tokens) if (t.length >= 2) keys.push("w:" + t);
    // Whole-name prefix and suffix: a typo in a one-word name (`Romashka` / `Romaska`) keeps one of them.
    // A longer name keeps a shared word despite one typo, so it needs no such key.
    if (f.tokens.length === 1 && f.compact.length >= 5) {
      keys.push("a:" + f.compact.slice(0, 5));
      keys.push("z:" + f.compact.slice(-5));
    }
  }
  if (f.addrKey !== "") {
    let longest = "";
    for (const s of f.street) if (s.length > longest.length) longest = s;
    keys.push("h:" + f.house + " " + longest);
  }
  return keys;
}

/**
 * Candidate pairs (i < j) of rows sharing a block of at most MAX_BLOCK rows, each pair once,
 * packed as i * 2^22 + j and sorted ascending.
 */
export function candidatePairs(features: Features[]): Float64Array {
  const n = features.length;
  if (n > MAX_ROWS) throw new RangeError(`dedupe: at most ${MAX_ROWS} rows, got ${n}`);
  let entries = new Float64Array(Math.max(16, n * 8));
  let m = 0;
  for (let i = 0; i < n; i++) {
    const keys = blockingKeys(features[i]!);
    for (let k = 0; k < keys.length; k++) {
      if (m === entries.length) {
        const grown = new Float64Array(entries.length * 2);
        grown.set(entries);
        entries = grown;
      }
      entries[m++] = (fnv1a(keys[k]!) >>> 1) * ROW_SPACE + i;
    }
  }
  const sorted = entries.subarray(0, m).sort();

  let pairs = new Float64Array(Math.max(16, n * 4));
  let p = 0;
  let start = 0;
  while (start < m) {
    const key = Math.floor(sorted[start]! / ROW_SPACE);
    let end = start + 1;
    while (end < m && Math.floor(sorted[end]! / ROW_SPACE) === key) end++;
    const size = end - start;
    if (size >= 2 && size <= MAX_BLOCK) {
      for (let x = start; x < end; x++) {
        const i = sorted[x]! % ROW_SPACE;
        for (let y = x + 1; y < end; y++) {
          const j = sorted[y]! % ROW_SPACE;
          if (i === j) continue; // one row with two keys of the same hash
          if (p === pairs.length) {
            const grown = new Float64Array(pairs.length * 2);
            grown.set(pairs);
            pairs = grown;
          }
          pairs[p++] = i < j ? i * ROW_SPACE + j : j * ROW_SPACE + i;
        }
      }
    }
    start = end;
  }
  const all = pairs.subarray(0, p).sort();
  let u = 0;
  for (let x = 0; x < all.length; x++) if (x === 0 || all[x] !== all[x - 1]) all[u++] = all[x]!;
  return all.slice(0, u);
}

export function unpackPair(packed: number): [number, number] {
  return [Math.floor(packed / ROW_SPACE), packed % ROW_SPACE];
}
