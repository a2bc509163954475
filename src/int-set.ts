// A set of non-negative 32-bit integers over one typed array (open addressing, linear probing).
import { int32Array } from "./pages.js";

/** Slot marking no value. */
const EMPTY = -1;

/**
 * The integers seen so far (0 to 2^31 - 1): the client ids a CRM writes as plain integers. A `Set<number>` of them cost
 * ~1.5 µs an id on the 300k bench export (0.45 s of the command thread's read, `--cpu-prof`); here an id costs a
 * multiply and a probe or two, and 4 bytes a slot with the table at most half full (4 MB at 300k ids).
 */
export class IntSet {
  private slots = new Int32Array(1024).fill(EMPTY);
  size = 0;

  /** Adds `n`; false when it was there already. */
  add(n: number): boolean {
    let mask = this.slots.length - 1;
    let at = Math.imul(n, 0x9e3779b1) & mask;
    for (;;) {
      const v = this.slots[at]!;
      if (v === EMPTY) break;
      if (v === n) return false;
      at = (at + 1) & mask;
    }
    this.slots[at] = n;
    if (++this.size * 2 > this.slots.length) {
      const old = this.slots;
      this.slots = int32Array(old.length * 2).fill(EMPTY);
      mask = this.slots.length - 1;
      for (let i = 0; i < old.length; i++) {
        const v = old[i]!;
        if (v === EMPTY) continue;
        let to = Math.imul(v, 0x9e3779b1) & mask;
        while (this.slots[to] !== EMPTY) to = (to + 1) & mask;
        this.slots[to] = v;
      }
    }
    return true;
  }
}
