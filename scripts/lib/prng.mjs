// Seeded randomness for the fixture generators: mulberry32 plus the few draws they need (no Math.random).

/** A mulberry32 generator: same seed, same sequence, on every platform. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed with a label so that each fixture draws from its own stream. */
export function subSeed(seed, label) {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The draws the generators use, over one stream. */
export class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  float() { return this.next(); }
  /** Integer in [lo, hi]. */
  int(lo, hi) { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  chance(p) { return this.next() < p; }
  pick(list) { return list[Math.floor(this.next() * list.length)]; }
  /** Picks by weight from `[[value, weight], ...]`. */
  weighted(pairs) {
    let total = 0;
    for (const p of pairs) total += p[1];
    let r = this.next() * total;
    for (const p of pairs) {
      r -= p[1];
      if (r < 0) return p[0];
    }
    return pairs[pairs.length - 1][0];
  }
  shuffle(list) {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = list[i]; list[i] = list[j]; list[j] = t;
    }
    return list;
  }
  digits(n) {
    let s = "";
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 10);
    return s;
  }
  /** Log-uniform value in [lo, hi]: revenues and headcounts spread over orders of magnitude. */
  logUniform(lo, hi) { return Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo))); }
}
