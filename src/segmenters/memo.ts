// A memo of values by text, and a pool of texts, that keep themselves only where texts repeat.
import { heapIsLarge } from "../heap.js";
import { detach, flatten } from "../io/detach.js";

/** What a memo counts before it decides whether it pays. */
export const MEMO_TRIAL = 4096;

export interface MemoOptions {
  /** Entries kept at most; past it, new texts are not remembered. */
  cap?: number;
  /**
   * What the trial counts: every lookup (the default: a memo whose keys cost much to keep, such as whole notes), or
   * only the texts not found (a memo of short texts, which may keep remembering texts that repeat less often).
   */
  trial?: "lookups" | "misses";
}

/**
 * Values by text where the texts repeat across a base (templated notes, a region's reason): each distinct text is
 * worked out once. Where they hardly repeat (each client's own notes, a reason naming a client's own figures), the memo
 * would only hold a copy of every text: after `MEMO_TRIAL` lookups (or texts not found) with fewer than
 * `MEMO_TRIAL / 8` found, it lets go of what it holds and remembers nothing more.
 */
export class Memo<V> {
  private map: Map<string, V> | null = new Map();
  private asked = 0;
  private found = 0;
  private readonly cap: number;
  private readonly misses: boolean;

  constructor(options: MemoOptions = {}) {
    this.cap = options.cap ?? Number.POSITIVE_INFINITY;
    this.misses = options.trial === "misses";
  }

  /** Whether the memo still remembers (a caller may then skip making a key). */
  get active(): boolean {
    return this.map !== null;
  }

  /** Whether it holds as many entries as it may: it remembers no new text. */
  get full(): boolean {
    return this.map !== null && this.map.size >= this.cap;
  }

  /** The value remembered for `key`, if any; the lookup counts towards the trial. */
  get(key: string): V | undefined {
    const map = this.map;
    if (map === null) return undefined;
    const v = map.get(key);
    if (v !== undefined) {
      this.found++;
      if (this.misses) return v;
    }
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
 * than as the concatenation they were built as. Past `cap` distinct texts, or where texts hardly repeat (value's name
 * each client's figure and rank), each text is kept as it comes. The trial counts texts not found: a reason is short,
 * and one found a time in ten is still worth its entry.
 */
export class TextPool {
  private readonly same: Memo<string> | null;
  /**
   * `keep`: texts are kept as they come (a segmenter whose reasons are its own, `SegmenterMeta.ownReasons`).
   * `flat`: a text kept as it came is flattened in place while it is young (`flatten`), not where it is first read
   * (segments.csv, once it is old: 0.36 s of the 300k bench export's write stage, six alternating runs). Off where the
   * heap is large: flat, a million rows' reasons held 66 MB more than as the pieces they share with the rows.
   */
  constructor(cap = 100_000, keep = false, private readonly flat = !heapIsLarge()) {
    this.same = keep ? null : new Memo<string>({ cap, trial: "misses" });
  }

  share(text: string): string {
    const same = this.same;
    if (same === null || !same.active) return this.flat ? flatten(text) : text;
    const seen = same.get(text);
    if (seen !== undefined) return seen;
    if (same.full) return this.flat ? flatten(text) : text;
    const flat = detach(text);
    same.set(flat, flat);
    return flat;
  }
}
