// The balance's Gini coefficient (summary.json `balance.gini`): capacity-weighted, over the managers' load ratios.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { weightedGini } from "../../src/allocate/stats.js";

/** The definition: every pair of managers. */
function pairwise(r: readonly number[], w: readonly number[]): number {
  let wsum = 0;
  let mean = 0;
  for (let i = 0; i < r.length; i++) {
    wsum += w[i]!;
    mean += w[i]! * r[i]!;
  }
  if (wsum <= 0 || mean <= 0) return 0;
  mean /= wsum;
  let diff = 0;
  for (let i = 0; i < r.length; i++) for (let j = 0; j < r.length; j++) diff += w[i]! * w[j]! * Math.abs(r[i]! - r[j]!);
  return diff / (2 * wsum * wsum * mean);
}

describe("weightedGini", () => {
  it("is 0 for equal ratios and 0.5 for one loaded manager of two", () => {
    expect(weightedGini([1.2, 1.2, 1.2], [1, 2, 3])).toBe(0);
    expect(weightedGini([0, 1], [1, 1])).toBe(0.5);
    // a manager of capacity 3 at ratio 1 and one of capacity 1 at ratio 0: 2·3·1·1 / (2·16·0.75)
    expect(weightedGini([1, 0], [3, 1])).toBeCloseTo(0.25, 12);
    expect(weightedGini([], [])).toBe(0);
  });

  it("is the definition over every pair of managers", () => {
    const manager = fc.record({ r: fc.double({ min: 0, max: 10, noNaN: true }), w: fc.constantFrom(0.5, 1, 1, 2, 3) });
    fc.assert(
      fc.property(fc.array(manager, { maxLength: 60 }), (ms) => {
        const r = ms.map((m) => m.r);
        const w = ms.map((m) => m.w);
        expect(weightedGini(r, w)).toBeCloseTo(pairwise(r, w), 10);
      }),
      { numRuns: 500 },
    );
  });
});
