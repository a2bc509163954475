import { describe, expect, it } from "vitest";
import { SegmentError } from "../../src/errors.js";
import { groupRules, ruleSegmenter } from "../../src/segmenters/rules.js";
import { makeClient, testSegmenter } from "../../src/segmenters/tester.js";
import { ruleSchema } from "../../src/schema/config.js";
import type { SegmentColumn } from "../../src/types.js";

const rules = (raw: unknown[]) => raw.map((r) => ruleSchema.parse(r));

const clients = [
  makeClient("1", { name: "ООО «Уралхиммаш»", industry_code: "20.14", employees: "1200", region: "Свердловская область" }, { tags: ["VIP"] }),
  makeClient("2", { name: "Dacia Parts SRL", industry_code: "29.32", employees: "80", region: "Argeș" }),
  makeClient("3", { name: "ИП Петров", employees: "", region: "Москва" }),
  makeClient("4", { name: "Acme Robotics", employees: "15", region: "California" }),
];

describe("rules", () => {
  it("groups rules by segmenter id in order of first appearance", () => {
    const groups = groupRules(rules([
      { segmenter: "tier", label: "key", when: {} },
      { label: "x" },
      { segmenter: "tier", label: "other" },
    ]));
    expect(groups.map((g) => [g.id, g.rules.map((r) => r.at)])).toEqual([["tier", [0, 2]], ["rules", [1]]]);
  });

  it("the first rule whose conditions all hold gives the label, else unknown", () => {
    const [group] = groupRules(rules([
      { segmenter: "tier", label: "key", when: { employees: { gte: 1000 } } },
      { segmenter: "tier", label: "key", when: { tags: "vip" } },
      { segmenter: "tier", label: "auto", when: { industry_code: { matches: "^29\\." }, region: { in: ["Argeș", "Cluj"] } }, reason: "automotive in the west" },
      { segmenter: "tier", label: "small", when: { employees: { lt: 50, empty: false } } },
    ]));
    const tier = ruleSegmenter(group!, () => undefined);
    expect(tier.meta.labels).toEqual(["key", "auto", "small", "unknown"]);
    testSegmenter(tier, [
      {
        name: "tiers",
        clients,
        expected: {
          "1": { label: "key", reason: "rule 1: employees ≥ 1000" },
          "2": { label: "auto", reason: "automotive in the west" },
          "3": { label: "unknown", reason: "no rule matched" },
          "4": { label: "small", reason: "rule 4: employees < 50 and not empty" },
        },
      },
      {
        name: "russian reasons",
        ctx: { lang: "ru" },
        clients: [clients[2]!],
        expected: { "3": { label: "unknown", reason: "ни одно правило не подошло" } },
      },
    ]);
  });

  it("compares text folded (case, ё) and reads labels of segmenters that ran before", () => {
    const temperature: SegmentColumn = { id: "temperature", labels: ["hot", "cold", "warm", "hot"], reasons: ["", "", "", ""] };
    const [group] = groupRules(rules([
      { segmenter: "focus", label: "grow", when: { "segment.temperature": "hot", region: { ne: "california" } } },
      { segmenter: "focus", label: "moscow", when: { region: "МОСКВА" } },
      { segmenter: "focus", label: "rest", when: {} },
    ]));
    testSegmenter(ruleSegmenter(group!, (id) => (id === "temperature" ? temperature : undefined)), [
      { name: "focus", clients, expected: { "1": "grow", "2": "rest", "3": "moscow", "4": "rest" } },
    ]);
  });

  it("names the config path of a bad condition", () => {
    const run = (raw: unknown[]) => {
      const [group] = groupRules(rules(raw));
      return () => testSegmenter(ruleSegmenter(group!, () => undefined), [{ name: "x", clients }]);
    };
    expect(run([{ label: "a", when: { revenue: { gt: 1 } } }])).toThrow(/rules\[0\]\.when\.revenue: unknown field "revenue"/);
    expect(run([{ label: "a" }, { label: "b", when: { "segment.value": "A" } }])).toThrow(/rules\[1\]\.when\.segment\.value: no segmenter "value" runs before "rules"/);
    expect(run([{ label: "a", when: { name: { matches: "(" } } }])).toThrow(/rules\[0\]\.when\.name\.matches: not a valid regular expression/);
    expect(run([{ label: "a", when: { name: {} } }])).toThrow(/rules\[0\]\.when\.name: the condition is empty/);
    try {
      const [group] = groupRules(rules([{ label: "a", when: { revenue: 1 } }]));
      ruleSegmenter(group!, () => undefined).create({}, { clients: [], asOf: "2026-06-01", lang: "en", dialect: "generic", mapped: new Set(), territories: {}, defaultCountry: "" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SegmentError);
      expect((e as SegmentError).exitCode).toBe(2);
    }
  });
});
