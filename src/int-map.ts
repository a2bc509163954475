// Non-negative 32-bit integers as keys, over typed arrays (open addressing, linear probing): where a `Set<number>` or
// `Map<number, number>` is asked once a row, its hash table of entries costs several times as much.
import { int32Array } from "./pages.js";

/** Slot marking no key. */
const EMPTY = -1;

/**
 * Integer keys (0 to 2^31 - 1) with an integer value each: 8 bytes a slot, the table at most half full. The phone
 * verdicts (`isValidE164`) in a `Map` took ~0.15 s of the 300k bench export's read.
 */
export class IntMap {
  private keys = new Int32Array(1024).fill(EMPTY);
  private values = new Int32Array(1024);
  /** The slot `find` last ended on: the key's, or the empty one where it would go. */
  private at = 0;
  size = 0;

  /** The key's value, or `missing`. */
  get(key: number, missing: number): number {
    return this.find(key) ? this.values[this.at]! : missing;
  }

  set(key: number, value: number): void {
    if (this.find(key)) this.values[this.at] = value;
    else this.put(key, value);
  }

  /** Whether the key is in the table; `at` is then its slot, else the empty slot it would take. */
  protected find(key: number): boolean {
    const keys = this.keys;
    const mask = keys.length - 1;
    let at = Math.imul(key, 0x9e3779b1) & mask;
    for (;;) {
      const k = keys[at]!;
      if (k === key) {
        this.at = at;
        return true;
      }
      if (k === EMPTY) {
        this.at = at;
        return false;
      }
      at = (at + 1) & mask;
    }
  }

  /** Puts the key and its value in the empty slot `find` left in `at` (the table may then grow: `at` no longer holds). */
  protected put(key: number, value: number): void {
    this.keys[this.at] = key;
    this.values[this.at] = value;
    if (++this.size * 2 > this.keys.length) this.grow();
  }

  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    this.keys = int32Array(keys.length * 2).fill(EMPTY);
    this.values = int32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k === EMPTY) continue;
      let to = Math.imul(k, 0x9e3779b1) & mask;
      while (this.keys[to] !== EMPTY) to = (to + 1) & mask;
      this.keys[to] = k;
      this.values[to] = values[i]!;
    }
  }
}

/**
 * The integers seen so far: the client ids a CRM writes as plain integers. A `Set<number>` of them cost ~1.5 µs an id
 * on the 300k bench export (0.45 s of the command thread's read, `--cpu-prof`); here a multiply and a probe or two.
 */
export class IntSet extends IntMap {
  /** Adds `n`; false when it was there already. */
  add(n: number): boolean {
    if (this.find(n)) return false;
    this.put(n, 0);
    return true;
  }
}
