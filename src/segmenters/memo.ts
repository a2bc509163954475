// A memo of values by text, and a pool of texts, that keep themselves only where texts repeat.
import { detach } from "../io/detach.js";

/** Lookups a memo makes before it decides whether it pays. */
export const MEMO_TRIAL = 4096;

/**
 * Values by text where the texts repeat across a base (templated notes, a region's reason): each distinct text is
 * worked out once. Where they hardly repeat (each client's own notes, a reason naming a client's own figures), the memo
 * would only hold a copy of every text: after `MEMO_TRIAL` lookups with fewer than one in eight found, it lets go of
 * what it holds and remembers nothing more.
 */
export class Memo<V> {
  private map: Map<string, V> | null = new Map();
  private asked = 0;
  private found = 0;

  /** @param cap entries kept at most; past it, new texts are not remembered. */
  constructor(private readonly cap = Number.POSITIVE_INFINITY) {}

  /** Whether the memo still remembers (a caller may then skip making a key). */
  get active(): boolean {
    return this.map !== null;
  }

  /** The value remembered for `key`, if any. Every lookup counts towards the trial. */
  get(key: string): V | undefined {
    const map = this.map;
    if (map === null) return undefined;
    const v = map.get(key);
    if (v !== undefined) this.found++;
    if (++this.asked === MEMO_TRIAL && this.found < MEMO_TRIAL / 8) this.map = null;
    return v;
  }

  /** Remembers `value` for `key` while the memo is active and under its cap. */
  set(key: string, value: V): void {
    const map = this.map;
    if (map !== null && map.size < this.cap) map.set(key, value);
  }

  /** Entries held (tests). */
  get size(): number {
    return this.map?.size ?? 0;
  }
}

/**
 * Texts that repeat (a segmenter's reasons: a region, a NACE class, "no activity") kept one instance each, flat rather
 * than as the concatenation they were built as. Past `cap` texts, or where they hardly repeat (value's name each
 * client's figure and rank), each text is kept as it comes (`Memo`).
 */
export class TextPool {
  private readonly same: Memo<string>;
  constructor(cap = 100_000) {
    this.same = new Memo<string>(cap);
  }
  share(text: string): string {
    if (!this.same.active) return text;
    const seen = this.same.get(text);
    if (seen !== undefined) return seen;
    const flat = detach(text);
    this.same.set(flat, flat);
    return flat;
  }
}
