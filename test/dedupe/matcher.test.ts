// Matcher building blocks and properties: string measures, blocking caps, order independence.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { findDuplicates } from "../../src/dedupe/index.js";
import { blockingKeys, candidatePairs, MAX_BLOCK, unpackPair } from "../../src/dedupe/blocking.js";
import { addressParts, buildFeatures, nameNumbers, numbersClash, phoneKey, rowFeatures } from "../../src/dedupe/features.js";
import { nameKey } from "../../src/normalise/names.js";
import { compareClientIds, jaroWinkler } from "../../src/dedupe/strings.js";
import { makeRow } from "./rows.js";

describe("string measures", () => {
  it("computes Jaro-Winkler as published (MARTHA/MARHTA, DWAYNE/DUANE, DIXON/DICKSONX)", () => {
    expect(jaroWinkler("martha", "marhta")).toBeCloseTo(0.961, 3);
    expect(jaroWinkler("dwayne", "duane")).toBeCloseTo(0.84, 3);
    expect(jaroWinkler("dixon", "dicksonx")).toBeCloseTo(0.813, 3);
    expect(jaroWinkler("romashka", "romashka")).toBe(1);
    expect(jaroWinkler("", "abc")).toBe(0);
  });
  it("orders client ids numerically when both are integers, else by code units", () => {
    expect(["10", "9", "100", "L5", "A-2"].sort(compareClientIds)).toEqual(["9", "10", "100", "A-2", "L5"]);
    expect(compareClientIds("12345678901234567890", "9")).toBeGreaterThan(0);
  });
});

describe("features", () => {
  it("reads house number and street words from EN, RU and RO addresses", () => {
    expect(addressParts("3630 S. Wells Rm. 105")).toEqual({ house: "3630", street: ["s", "wells"] });
    expect(addressParts("200 West Madison Street, Suite 400")).toEqual({ house: "200", street: ["w", "madison"] });
    expect(addressParts("ул. Садовая, д. 12, оф. 4")).toEqual({ house: "12", street: ["садовая"] });
    expect(addressParts("Str. Memorandumului nr. 21")).toEqual({ house: "21", street: ["memorandumului"] });
  });
  it("keys phones on their last ten digits and drops short ones", () => {
    expect(phoneKey("+74951234567")).toBe("4951234567");
    expect(phoneKey("+40721234567")).toBe("0721234567");
    expect(phoneKey("5348440")).toBe("5348440");
    expect(phoneKey("12-34")).toBe("");
  });
  it("never uses a public mail domain as a company domain", () => {
    const f = rowFeatures(buildFeatures([makeRow(0, "1", { name: "Ромашка", email: "romashka77@mail.ru", website: "romashka.ru" })]), 0);
    expect(f.domains).toEqual(["romashka.ru"]);
  });
});

describe("numbers in names", () => {
  it("reads a name's numbers without leading zeros, each once, sorted", () => {
    expect(nameNumbers(nameKey("Автобаза № 05"))).toBe("5");
    expect(nameNumbers(nameKey("El Valor Teddy Bear 5 (5160 S Pulaski)"))).toBe("5 5160");
    expect(nameNumbers(nameKey("СМУ-4 и СМУ-4"))).toBe("4");
    expect(nameNumbers(nameKey("Завод 00"))).toBe("0");
    expect(nameNumbers(nameKey("ООО «Ромашка»"))).toBe("");
  });

  it("calls numbers a clash only when both names have some and neither's are all among the other's", () => {
    expect(numbersClash("3", "5")).toBe(true);
    expect(numbersClash("1 2", "2 3")).toBe(true);
    expect(numbersClash("5", "5 5160")).toBe(false);
    expect(numbersClash("5160 5", "5")).toBe(false);
    expect(numbersClash("", "2")).toBe(false);
    expect(numbersClash("3", "3")).toBe(false);
  });

  const group = (names: string[], extra: Record<string, string> = {}) =>
    findDuplicates(names.map((name, i) => makeRow(i, String(i + 1), { name, city: "Екатеринбург", ...extra })), { seed: 0 })
      .map((g) => g.members.map((m) => m.row).sort());

  it("keeps numbered sites of one name apart, even on a shared phone, and merges one number written two ways", () => {
    // `Автобаза №3` / `Автобаза № 5` scored 0.96 on the name alone and were merged.
    expect(group(["Автобаза №3", "Автобаза № 5"])).toEqual([]);
    expect(group(["ООО «Teddy Bear 1»", "ООО «Teddy Bear 2»"], { phone: "+7 343 555-01-27" })).toEqual([]);
    expect(group(["Автобаза №3", "Автобаза № 03"])).toEqual([[0, 1]]);
    expect(group(["ДСК-1", "ДСК 1"])).toEqual([[0, 1]]);
    // A number on one side is no clash (a source adds a street number to a site's name).
    expect(group(["El Valor Teddy Bear 5", "El Valor Teddy Bear 5 (5160 S Pulaski)"], { phone: "+7 343 555-01-27" })).toEqual([[0, 1]]);
  });

  it("lets an equal tax id outweigh clashing numbers: one legal entity renamed", () => {
    expect(group(["Автобаза №3", "Автобаза № 5"], { tax_id: "7707083893" })).toEqual([[0, 1]]);
  });
});

describe("blocking", () => {
  it("skips a call-centre phone shared by 500 rows and does not link them on it", () => {
    const first = ["Альфа", "Бета", "Гамма", "Дельта", "Сигма", "Омега", "Вега", "Кедр", "Лотос", "Факел", "Север", "Восток", "Радуга", "Заря", "Титан", "Феникс", "Орион", "Меридиан", "Гранит", "Импульс"];
    const second = ["Строй", "Трейд", "Логистик", "Агро", "Медиа", "Софт", "Фарм", "Энерго", "Авто", "Металл", "Текстиль", "Пласт", "Сервис", "Консалт", "Девелопмент", "Инвест", "Транс", "Мебель", "Продукт", "Электро", "Климат", "Упак", "Бетон", "Кабель", "Оптика"];
    const rows = Array.from({ length: 500 }, (_, i) =>
      makeRow(i, String(i + 1), { name: `${first[i % 20]} ${second[Math.floor(i / 20)]}`, phone: "8 800 555-35-35", city: i % 2 ? "Москва" : "Казань" }),
    );
    const features = buildFeatures(rows);
    expect(blockingKeys(features, 0)).toContain("p:5553535");
    const pairs = candidatePairs(features);
    // Without the cap the phone block alone gives 124,750 pairs.
    expect(pairs.length).toBeLessThan(20_000);
    expect(findDuplicates(rows, { seed: 1 })).toEqual([]);
  });
  it("produces each pair once, i < j, and only within blocks of at most MAX_BLOCK rows", () => {
    const rows = Array.from({ length: MAX_BLOCK + 5 }, (_, i) => makeRow(i, String(i), { name: `Vector ${i}`, phone: i < 3 ? "+40 264 111 222" : "" }, "RO"));
    const pairs = Array.from(candidatePairs(buildFeatures(rows)), unpackPair);
    const keys = new Set(pairs.map(([a, b]) => `${a}-${b}`));
    expect(keys.size).toBe(pairs.length);
    for (const [a, b] of pairs) expect(a).toBeLessThan(b);
    // `vector` is in 45 names (block skipped); the phone block of 3 rows gives 3 pairs.
    expect(keys.has("0-1") && keys.has("0-2") && keys.has("1-2")).toBe(true);
    expect(keys.has("3-4")).toBe(false);
  });
});

describe("order independence", () => {
  const base = [
    { name: 'ООО "Ромашка"', phone: "+7 495 123-45-67", city: "Москва" },
    { name: "Romashka LLC", phone: "8 (495) 1234567" },
    { name: "Общество с ограниченной ответственностью «Ромашка»", email: "info@romashka.ru", city: "Москва" },
    { name: "Ромашка", email: "info@romashka.ru" },
    { name: "ООО «Вектор»", city: "Казань" },
    { name: "Вектор ООО", city: "Самара" },
    { name: "Агро Вест", phone: "+7 343 200-11-22" },
    { name: "Agro Vest", phone: "83432001122", city: "Екатеринбург" },
    { name: "Агро-Вест Плюс", city: "Екатеринбург" },
    { name: "Acme Widgets Inc", website: "acme.com" },
    { name: "ACME Widgets", email: "bob@acme.com" },
    { name: "Acme Gadgets", email: "ann@acme.com" },
  ];
  const canonical = (rows: ReturnType<typeof makeRow>[], groups: ReturnType<typeof findDuplicates>) =>
    groups.map((g) => ({ id: g.id, members: g.members.map((m) => ({ id: rows[m.row]!.clientId, score: m.score, evidence: m.evidence })) }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));

  it("gives the same groups, survivors, scores and evidence for any row order", () => {
    const reference = base.map((v, i) => makeRow(i, `C${i}`, v));
    const expected = canonical(reference, findDuplicates(reference, { seed: 7 }));
    expect(expected.length).toBeGreaterThanOrEqual(3);
    fc.assert(
      fc.property(fc.shuffledSubarray(base.map((_, i) => i), { minLength: base.length, maxLength: base.length }), (order) => {
        const rows = order.map((k, i) => makeRow(i, `C${k}`, base[k]!));
        const groups = findDuplicates(rows, { seed: 7 });
        expect(canonical(rows, groups)).toEqual(expected);
        // Groups come in the order of their survivors' rows.
        const survivors = groups.map((g) => g.members[0]!.row);
        expect([...survivors].sort((a, b) => a - b)).toEqual(survivors);
      }),
      { numRuns: 60 },
    );
  });
});
