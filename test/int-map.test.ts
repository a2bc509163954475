import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IntMap, IntSet } from "../src/int-map.js";

describe("IntSet", () => {
  it("says of each integer whether it was new, as a Set does, through its growth", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })), { maxLength: 5000 }), (values) => {
        const set = new IntSet();
        const reference = new Set<number>();
        for (const v of values) {
          expect(set.add(v)).toBe(!reference.has(v));
          reference.add(v);
        }
        expect(set.size).toBe(reference.size);
      }),
      { numRuns: 60, seed: 20261128 },
    );
  });

  it("keeps 300,000 sequential ids and the largest and smallest, and finds each again", () => {
    const set = new IntSet();
    let added = 0;
    for (let id = 1; id <= 300_000; id++) if (set.add(id)) added++;
    expect(added).toBe(300_000);
    expect(set.add(0)).toBe(true);
    expect(set.add(2 ** 31 - 1)).toBe(true);
    let again = 0;
    for (let id = 0; id <= 300_000; id += 997) if (!set.add(id)) again++;
    expect(again).toBe(301);
    expect(set.add(2 ** 31 - 1)).toBe(false);
    expect(set.add(300_001)).toBe(true);
    expect(set.size).toBe(300_003);
  });
});

describe("IntMap", () => {
  it("keeps the last value set for each key, as a Map does, through its growth", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), { maxLength: 5000 }), (pairs) => {
        const map = new IntMap();
        const reference = new Map<number, number>();
        for (const [k, v] of pairs) {
          expect(map.get(k, 7)).toBe(reference.get(k) ?? 7);
          map.set(k, v);
          reference.set(k, v);
        }
        expect(map.size).toBe(reference.size);
        for (const [k, v] of reference) expect(map.get(k, 7)).toBe(v);
      }),
      { numRuns: 40, seed: 20261128 },
    );
  });
});
