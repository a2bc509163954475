import { describe, expect, it } from "vitest";
import { flatten } from "../../src/io/detach.js";
import { Memo, MEMO_TRIAL, TextPool } from "../../src/segmenters/memo.js";

/** Looks every text up, remembering its length where it was not found; how many were found. */
function run(memo: Memo<number>, texts: readonly string[]): number {
  let found = 0;
  for (const t of texts) {
    if (memo.get(t) !== undefined) found++;
    else memo.set(t, t.length);
  }
  return found;
}

describe("Memo", () => {
  it("works each repeating text out once and keeps remembering past the trial", () => {
    const memo = new Memo<number>();
    const texts = Array.from({ length: 3 * MEMO_TRIAL }, (_, i) => `region ${i % 40}`);
    expect(run(memo, texts)).toBe(texts.length - 40);
    expect(memo.active).toBe(true);
    expect(memo.size).toBe(40);
    expect(memo.get("region 7")).toBe("region 7".length);
  });

  it("lets go of everything once the trial finds the texts hardly repeat", () => {
    const memo = new Memo<number>();
    // One text in ten repeats: under the one in eight the memo asks for.
    const texts = Array.from({ length: MEMO_TRIAL }, (_, i) => (i % 10 === 9 ? "the same note" : `note of client ${i}`));
    run(memo, texts);
    expect(memo.active).toBe(false);
    expect(memo.size).toBe(0);
    memo.set("note of client 1", 1);
    expect(memo.get("note of client 1")).toBeUndefined();
  });

  it("stays where one text in six repeats", () => {
    const memo = new Memo<number>();
    const texts = Array.from({ length: MEMO_TRIAL }, (_, i) => (i % 6 === 5 ? "the same note" : `note of client ${i}`));
    run(memo, texts);
    expect(memo.active).toBe(true);
  });

  it("counts only the texts not found where asked to: a memo of short texts keeps texts found a little less often", () => {
    // Two texts in 17 are repeats of one: 0.118 of the lookups, under one in eight; but 0.133 of the texts not found.
    const texts = Array.from({ length: 2 * MEMO_TRIAL }, (_, i) => (i % 17 === 0 || i % 17 === 9 ? "the same reason" : `reason ${i}`));
    const lookups = new Memo<number>();
    const misses = new Memo<number>({ trial: "misses" });
    run(lookups, texts);
    run(misses, texts);
    expect(lookups.active).toBe(false);
    expect(misses.active).toBe(true);
  });

  it("remembers no more than its cap", () => {
    const memo = new Memo<number>({ cap: 100 });
    run(memo, Array.from({ length: 1000 }, (_, i) => `t${i % 500}`));
    expect(memo.size).toBe(100);
    expect(memo.full).toBe(true);
    expect(memo.get("t99")).toBe(3);
    expect(memo.get("t100")).toBeUndefined();
  });
});

describe("TextPool", () => {
  /** A reason as a template fills it: a concatenation of a constant, a client's figure and its rank. */
  const reason = (i: number): string => "выручка по сделкам " + String(1000 + i * 7.5) + ": место " + String(i + 1) + " из 300000";

  it("gives every text back as it was, whichever way the pool keeps it", () => {
    const keep = new TextPool(undefined, true);
    const keepLarge = new TextPool(undefined, true, false);
    const capped = new TextPool(10);
    const pooled = new TextPool();
    for (let i = 0; i < 2 * MEMO_TRIAL; i++) {
      const text = reason(i % 3 === 0 ? 0 : i);
      const expected = `выручка по сделкам ${1000 + (i % 3 === 0 ? 0 : i) * 7.5}: место ${(i % 3 === 0 ? 0 : i) + 1} из 300000`;
      // Kept as it comes: the same string, flattened in place.
      expect(keep.share(text)).toBe(text);
      expect(keepLarge.share(text)).toBe(expected);
      expect(capped.share(text)).toBe(expected);
      expect(pooled.share(text)).toBe(expected);
    }
  });

  it("shares one instance of a text that repeats", () => {
    const pool = new TextPool();
    const first = pool.share(reason(5));
    expect(pool.share(reason(5))).toBe(first);
  });
});

describe("flatten", () => {
  it("returns the text it is given, short, long, empty or in pieces", () => {
    for (const s of ["", "a", "twelve chars", "thirteen char", "Иванов " + "Иван " + "Иванович", "x".repeat(10_000) + "ё"]) {
      expect(flatten(s)).toBe(s);
      expect(flatten(s).length).toBe(s.length);
    }
  });
});
