import { describe, expect, it } from "vitest";
import { Memo, MEMO_TRIAL } from "../../src/segmenters/memo.js";

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

  it("remembers no more than its cap", () => {
    const memo = new Memo<number>(100);
    run(memo, Array.from({ length: 1000 }, (_, i) => `t${i % 500}`));
    expect(memo.size).toBe(100);
    expect(memo.get("t99")).toBe(3);
    expect(memo.get("t100")).toBeUndefined();
  });
});
