import fc from "fast-check";
import { describe, expect, it } from "vitest";
import value, { byFigure } from "../../src/segmenters/value.js";
import { makeClient, testSegmenter } from "../../src/segmenters/tester.js";
// Nine figures summing to 1000: 500 + 200 + 100 reach 80% (A); + 50 + 50 + 40 + 30 reach 97% (B), since 940 is short of 950.
// Ten clients whose won revenue sums to 1000: 500 + 200 + 100 reach 80%, then 50 + 50 + 40 reach 95% (not before 50 + 50 + 40 = 140 > 150? no: 50+50+40 = 140 → 94%, +30 → 97%).
const revenue = [
  ["1001", "ООО «Уралхиммаш»", "500"],
  ["1002", "АО «Сибцем»", "200"],
  ["1003", "ООО «Вектор»", "100"],
  ["1004", "ООО «Арго»", "50"],
  ["1005", "ЗАО «Гранит»", "50"],
  ["1006", "ИП Петров", "40"],
  ["1007", "ООО «Ромашка»", "30"],
  ["1008", "ООО «Берёзка»", "20"],
  ["1009", "ООО «Ландыш»", "10"],
  ["1010", "ООО «Пустышка»", ""],
] as const;

describe("value (ABC)", () => {
  it("A is the smallest top set reaching 80%, B the next 15%, the rest and clients without a figure C", () => {
    const clients = revenue.map(([id, name, v]) => makeClient(id, { name, revenue_won: v, employees: "500" }));
    const [r] = testSegmenter(value, [
      {
        name: "won revenue",
        clients,
        expected: {
          "1001": { label: "A", reason: "won revenue 500: rank 1 of 9, within the top 80% of the total" },
          "1002": "A",
          "1003": "A",
          "1004": "B",
          "1005": "B",
          "1006": "B",
          "1007": "B",
          "1008": "C",
          "1009": "C",
          "1010": { label: "C", reason: "no won revenue figure" },
        },
      },
    ]);
    expect(r!.get("1008")!.reason).toContain("beyond the top 95%");
  });

  it("falls back to annual revenue, then employees, when no client has the earlier figure", () => {
    testSegmenter(value, [
      {
        name: "employees only (bands counted at their lower bound)",
        ctx: { lang: "ro" },
        clients: [
          makeClient("1", { name: "Dacia Parts SRL", employees: "500" }),
          makeClient("2", { name: "Carpați Mobila SRL", employees: "250" }),
          makeClient("3", { name: "Mures Lemn SRL", employees: "50" }),
          makeClient("4", { name: "Agroind Cluj SA", employees: "1" }),
        ],
        // 500 / 801 = 62% < 80%, +250 = 93.6% → A; +50 = 99.9% → B.
        expected: { "1": { label: "A", reason: "angajați 500" }, "2": "A", "3": "B", "4": "C" },
      },
      {
        name: "annual revenue beats employees",
        clients: [
          makeClient("1", { name: "Acme", annual_revenue: "1000000", employees: "10" }),
          makeClient("2", { name: "Globex", annual_revenue: "10000", employees: "90000" }),
        ],
        // 1 000 000 alone is 99% of the total: the second is beyond A and B.
        expected: { "1": { label: "A", reason: "annual revenue" }, "2": "C" },
      },
      {
        name: "no figure at all",
        ctx: { lang: "ru" },
        clients: [makeClient("1", { name: "ООО «Вектор»" }), makeClient("2", { name: "ООО «Арго»" })],
        expected: { "1": { label: "C", reason: "в выгрузке нет" }, "2": "C" },
      },
    ]);
  });

  it("takes the cut-offs from options, and equal figures share a class whatever their order", () => {
    const clients = [
      makeClient("b", { name: "Beta", revenue_won: "100" }),
      makeClient("a", { name: "Alpha", revenue_won: "100" }),
      makeClient("c", { name: "Gamma", revenue_won: "100" }),
      makeClient("d", { name: "Delta", revenue_won: "100" }),
    ];
    const [half, reversed] = testSegmenter(value, [
      { name: "a = 0.5", options: { a: 0.5, b: 0.3 }, clients, expected: { a: "A", b: "A", c: "A", d: "A" } },
      { name: "reversed", options: { a: 0.5, b: 0.3 }, clients: [...clients].reverse() },
    ]);
    for (const id of ["a", "b", "c", "d"]) expect(reversed!.get(id)).toEqual(half!.get(id));
    expect(value.options.safeParse({ a: 0.9, b: 0.2 }).success).toBe(false);
    expect(value.options.safeParse({}).data).toEqual({ a: 0.8, b: 0.15 });
  });
});

describe("value ranks", () => {
  it("ranks equal figures by client id: integers by number, other ids by code units, whatever the input order", () => {
    const clients = [
      makeClient("a", { name: "Alpha", revenue_won: "100" }),
      makeClient("10", { name: "Ten", revenue_won: "100" }),
      makeClient("z", { name: "Zeta", revenue_won: "500" }),
      makeClient("B", { name: "Beta", revenue_won: "100" }),
      makeClient("9", { name: "Nine", revenue_won: "100" }),
      makeClient("q", { name: "Quux" }),
    ];
    const rankOf = (r: Map<string, { reason: string }>, id: string) => /rank (\d+) of 5/.exec(r.get(id)!.reason)?.[1];
    const [given, reversed] = testSegmenter(value, [
      { name: "as given", clients },
      { name: "reversed", clients: [...clients].reverse() },
    ]);
    for (const r of [given!, reversed!]) {
      expect(["z", "9", "10", "B", "a"].map((id) => rankOf(r, id))).toEqual(["1", "2", "3", "4", "5"]);
      expect(r.get("z")!.reason).toBe("won revenue 500: rank 1 of 5, within the top 80% of the total");
      expect(r.get("q")!.reason).toBe("no won revenue figure");
    }
  });
});

describe("byFigure", () => {
  it("orders as the stable comparator sort does: largest figure first, ties by the tie order, equal ties by position", () => {
    // Few distinct figures and ids (many ties and equal ids), or many; positions ascending, possibly with gaps.
    const entry = fc.record({ v: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.double({ min: 0.5, max: 1e9, noNaN: true })), id: fc.integer({ min: 0, max: 6 }), skip: fc.boolean() });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 300 }), (entries) => {
        const vals = new Float64Array(entries.map((e) => e.v));
        const ids = entries.map((e) => e.id);
        const order = entries.flatMap((e, i) => (e.skip ? [] : [i]));
        const tie = (x: number, y: number) => ids[x]! - ids[y]!;
        const expected = order.slice().sort((x, y) => vals[y]! - vals[x]! || tie(x, y));
        byFigure(order, vals, tie);
        expect(order).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});
