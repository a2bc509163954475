// With every fair load equal, the balance takes a shortcut for long eligibility lists: the eligible manager lowest in
// the ratio order, instead of looking at each eligible manager in turn. Both give the same moves.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fill, type FillInput } from "../../src/allocate/waterfill.js";

interface Case {
  m: number;
  clients: Array<{ owner: number; weight: number; sig: number; hot: boolean; pool: boolean; protectable: boolean }>;
  sigs: number[][];
  fixed: number[];
  tolerance: number;
  open: boolean[];
}

const caseArb: fc.Arbitrary<Case> = fc.integer({ min: 2, max: 12 }).chain((m) =>
  fc.record({
    m: fc.constant(m),
    // Most lists are long (every manager, or all but one or two): those are the ones the shortcut takes.
    sigs: fc.array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constant(Array.from({ length: m }, (_, i) => i)) },
        { weight: 3, arbitrary: fc.subarray(Array.from({ length: m }, (_, i) => i), { minLength: Math.max(1, m - 2) }) },
        { weight: 1, arbitrary: fc.subarray(Array.from({ length: m }, (_, i) => i), { minLength: 1 }) },
      ),
      { minLength: 1, maxLength: 6 },
    ),
    clients: fc.array(
      fc.record({
        owner: fc.integer({ min: 0, max: m - 1 }),
        weight: fc.constantFrom(1, 1, 1, 1.5, 2, 3),
        sig: fc.nat(),
        hot: fc.boolean(),
        pool: fc.boolean(),
        protectable: fc.boolean(),
      }),
      { minLength: 1, maxLength: 90 },
    ),
    fixed: fc.array(fc.constantFrom(0, 0, 0, 1, 2, 5, 12), { minLength: m, maxLength: m }),
    tolerance: fc.constantFrom(0, 0.05, 0.1, 0.2),
    open: fc.array(fc.boolean(), { minLength: m, maxLength: m }).map((o) => (o.some(Boolean) ? o : o.map((_, i) => i === 0))),
  }),
);

function inputOf(k: Case, exhaustive: boolean): FillInput {
  const sigs = k.sigs.map((l) => [...l]);
  const sig = k.clients.map((c) => c.sig % sigs.length);
  const soft: FillInput["soft"] = [];
  const pool: number[] = [];
  k.clients.forEach((c, i) => {
    // An owned client stays only with an open owner it is eligible for (as the allocation hands them over).
    if (!c.pool && k.open[c.owner] && k.sigs[sig[i]!]!.includes(c.owner)) soft.push({ client: i, owner: c.owner });
    else pool.push(i);
  });
  const total = k.clients.reduce((s, c) => s + c.weight, 0) + k.fixed.reduce((s, f) => s + f, 0);
  const openCount = k.open.filter(Boolean).length;
  return {
    fair: k.open.map((o) => (o ? total / openCount : 0)), open: k.open, tolerance: k.tolerance, total, fixed: k.fixed, load: [...k.fixed],
    weight: k.clients.map((c) => c.weight), rank: k.clients.map((_, i) => i), sigs, sig,
    hot: k.clients.map((c) => c.hot), topValue: k.clients.map(() => false), protectable: k.clients.map((c, i) => c.protectable && pool.includes(i)),
    soft, pool, quota: null, capacity: k.open.map(() => 1), exhaustive,
  };
}

describe("the balance's choice of taker", () => {
  it("is the one found by looking at every eligible manager", () => {
    fc.assert(
      fc.property(caseArb, (k) => {
        const a = inputOf(k, false);
        const b = inputOf(k, true);
        const ra = fill(a, k.clients.length);
        const rb = fill(b, k.clients.length);
        expect([...ra.manager]).toEqual([...rb.manager]);
        expect(a.load).toEqual(b.load);
      }),
      { numRuns: 600 },
    );
  });
});
