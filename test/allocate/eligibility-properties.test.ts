// Property tests with eligibility lists and a churn limit: reruns stay put, nightly runs converge.
import { it, expect } from "vitest";
import fc from "fast-check";
import { allocate } from "../../src/allocate/index.js";
import { build, mgrs, withPrevious, type Spec } from "./helpers.js";
it("with regions and industries restricting managers: a rerun moves nobody; capped nightly runs reach the unlimited balance", () => {
  const names = ["Иванов Сергей", "Петрова Анна", "Сидоров Олег", "Popescu Ion", "Rusu Elena"];
  const m = mgrs("name,capacity,regions,industries,active\nИванов Сергей,1,Центр,,\nПетрова Анна,0.5,,C|G,\nСидоров Олег,1,,,false\nPopescu Ion,1,Cluj|Iași,,\nRusu Elena,1,,,");
  const arb = fc.array(fc.record({ owner: fc.integer({ min: -1, max: 4 }), temp: fc.constantFrom("hot", "warm", "cold"), activity: fc.boolean(), group: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }), dead: fc.boolean(), geo: fc.constantFrom("Москва", "Cluj", "Iași", "unknown"), ind: fc.constantFrom("C", "G", "unknown") }), { minLength: 1, maxLength: 80 });
  fc.assert(fc.property(arb, fc.integer({ min: 0, max: 50 }), fc.constantFrom(undefined, 10, 30), (gen, seed, pct) => {
    const specs: Spec[] = gen.map((g, i) => ({ name: `Client ${i}`, owner: g.owner < 0 ? "" : names[g.owner], temp: g.temp as Spec["temp"], activity: g.activity ? "2026-10-01" : "", group: g.group, geo: g.geo, industry: g.ind, dead: g.dead && g.owner >= 0 && g.temp === "cold" && !g.activity }));
    const input = build(specs, m, { seed });
    const a = allocate(input);
    const b = allocate(withPrevious(input, a.rows.map((r) => r.manager)));
    expect(b.rows.map((r) => r.manager)).toEqual(a.rows.map((r) => r.manager));
    if (pct) {
      let cur = { ...input, options: { ...input.options, maxMoves: { percent: pct } } };
      let last = allocate(cur);
      for (let k = 0; k < 12; k++) last = allocate({ ...withPrevious(input, last.rows.map((r) => r.manager)), options: cur.options });
      expect(last.balance.max_load_ratio).toBeLessThanOrEqual(a.balance.max_load_ratio * 1.02 + 1e-9);
    }
  }), { numRuns: 120 });
});
