// warnings.csv's order (locks last, then by line, then as listed), sorted as numbers: the same as the comparator's.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { warningOrder } from "../../src/report/outputs.js";
import type { Warning } from "../../src/types.js";

const warning = fc.record({
  line: fc.integer({ min: 0, max: 60 }),
  clientId: fc.constantFrom("1", "2", "17"),
  field: fc.constantFrom("phone", "email", "created_at", "lock"),
  value: fc.string({ maxLength: 3 }),
  problem: fc.constant("bad"),
});

function byComparator(lists: Warning[][]): Warning[] {
  const all = lists.flat();
  const lock = (x: Warning) => (x.field === "lock" ? 1 : 0);
  return all.map((x, i) => ({ x, i })).sort((a, b) => lock(a.x) - lock(b.x) || a.x.line - b.x.line || a.i - b.i).map((e) => e.x);
}

describe("warningOrder", () => {
  it("orders warnings of one or two lists as the comparator does (locks last, then line, then as listed)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(warning, { maxLength: 80, size: "max" }), { minLength: 1, maxLength: 3 }), (lists) => {
        const flat = lists.flat();
        const got = [...warningOrder(lists)].map((i) => flat[i]!);
        const want = byComparator(lists);
        expect(got.length).toBe(want.length);
        for (let i = 0; i < got.length; i++) expect(got[i]).toBe(want[i]);
      }),
      { numRuns: 1000 },
    );
  });

  it("falls back to the comparator for a line that is not a whole number", () => {
    const lists: Warning[][] = [[
      { line: 3, clientId: "1", field: "lock", value: "", problem: "p" },
      { line: 2.5, clientId: "1", field: "phone", value: "", problem: "p" },
      { line: 1, clientId: "1", field: "phone", value: "", problem: "p" },
    ]];
    expect([...warningOrder(lists)].map((i) => lists[0]![i]!.line)).toEqual([1, 2.5, 3]);
  });
});
