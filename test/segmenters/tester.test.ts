import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineSegmenter } from "../../src/segmenters/define.js";
import { makeClient, testSegmenter } from "../../src/segmenters/tester.js";
import type { Segment } from "../../src/types.js";

const clients = [makeClient("1", { name: "ООО «Вектор»", city: "Екатеринбург" }), makeClient("2", { name: "Dacia Parts SRL", city: "Cluj-Napoca" })];
const base = { title: "T", uses: ["city" as const] };

describe("the shared segmenter tester", () => {
  it("passes a well-behaved segmenter and returns its results", () => {
    const ok = defineSegmenter({
      meta: { id: "script", labels: ["cyrillic", "latin"], ...base },
      options: z.strictObject({}),
      create: () => (c) => ({ label: /[а-я]/i.test(c.values.city) ? "cyrillic" : "latin", reason: `city ${c.values.city}` }),
    });
    const [r] = testSegmenter(ok, [{ name: "two cities", clients, expected: { "1": "cyrillic", "2": { label: "latin", reason: /Cluj/ } } }]);
    expect(r!.get("1")).toEqual({ label: "cyrillic", reason: "city Екатеринбург" });
  });

  it("fails a label outside the closed set, an empty reason, a wrong expectation", () => {
    const make = (f: (city: string) => Segment) =>
      defineSegmenter({ meta: { id: "bad", labels: ["a", "b"], ...base }, options: z.strictObject({}), create: () => (c) => f(c.values.city) });
    expect(() => testSegmenter(make(() => ({ label: "z", reason: "r" })), [{ name: "x", clients }])).toThrow(/label "z" is not among a, b/);
    expect(() => testSegmenter(make(() => ({ label: "a", reason: " " })), [{ name: "x", clients }])).toThrow(/reason must be a non-empty string/);
    expect(() => testSegmenter(make(() => ({ label: "a", reason: "r" })), [{ name: "x", clients, expected: { "2": "b" } }])).toThrow(/expected label "b", got "a"/);
    expect(() => testSegmenter(make(() => ({ label: "a", reason: "r" })), [{ name: "x", clients, expected: { "9": "b" } }])).toThrow(/does not have/);
  });

  it("fails a segmenter that writes to its input or answers differently the second time", () => {
    const mutating = defineSegmenter({
      meta: { id: "mutating", labels: ["a"], ...base },
      options: z.strictObject({}),
      create: () => (c) => {
        c.values.city = c.values.city.toUpperCase();
        return { label: "a", reason: "r" };
      },
    });
    expect(() => testSegmenter(mutating, [{ name: "x", clients }])).toThrow(/threw: .*read only|threw: .*read-only/i);
    let calls = 0;
    const drifting = defineSegmenter({
      meta: { id: "drifting", labels: ["a", "b"], ...base },
      options: z.strictObject({}),
      create: () => () => ({ label: calls++ < 2 ? "a" : "b", reason: "r" }),
    });
    expect(() => testSegmenter(drifting, [{ name: "x", clients }])).toThrow(/not deterministic/);
  });

  it("fails a segmenter whose options do not accept {}", () => {
    const strict = defineSegmenter({
      meta: { id: "strict", labels: ["a"], ...base },
      options: z.strictObject({ required: z.string() }),
      create: () => () => ({ label: "a", reason: "r" }),
    });
    expect(() => testSegmenter(strict, [{ name: "x", clients }])).toThrow(/must accept \{\}/);
  });
});
