// OnceList: a row's phones, e-mails and domains each once, in the order met, however many there are.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OnceList } from "../../src/normalise/index.js";

describe("OnceList", () => {
  it("keeps each value once, in the order first met, past the length where it takes a Set, and empties for the next row", () => {
    const list = new OnceList();
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789".split("")).map(String), { maxLength: 4 }).map((a) => a.join("")), { maxLength: 200, size: "max" }), (values) => {
        list.reset();
        for (const v of values) list.add(v);
        expect(list.list).toEqual([...new Set(values)]);
      }),
      { numRuns: 2000 },
    );
  });

  it("takes 20,000 people's phones on one company in linear time and keeps them all", () => {
    const list = new OnceList();
    for (let i = 0; i < 20_000; i++) list.add(`+7495${String(i % 10_000).padStart(7, "0")}`);
    expect(list.list).toHaveLength(10_000);
    expect(list.list[9_999]).toBe("+74950009999");
    expect(list.reset().list).toEqual([]);
  });
});
