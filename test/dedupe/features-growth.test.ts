// The feature table does not depend on how many rows its builder was told to expect: its lists and counters grow to
// a projected size as rows come (`roomFor`), and a wrong projection must only cost room or copies, never a value.
// Blocking's keys sorted by buckets come out as a plain sort gives them.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sortKeys } from "../../src/dedupe/blocking.js";
import { buildFeatures, FeatureBuilder, type FeatureTable } from "../../src/dedupe/features.js";
import type { Row } from "../../src/types.js";
import { makeRow } from "./rows.js";

const WORDS = ["Ромашка", "Альфа", "Бета", "Уралсталь", "Механический", "Завод", "Техно", "Сервис", "Агро", "Монтаж", "Север", "Трубпром", "Плюс", "Восток", "Энерго"];
const CITIES = ["г. Курган", "г. Челябинск", "г. Тольятти", "г. Екатеринбург", "г. Самара"];

/** A base of `n` companies: one-, two- and three-word names, some numbered; phones and mailboxes a few share. */
function base(n: number): Row[] {
  const rows: Row[] = [];
  let seed = 12345;
  const next = (m: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % m;
  };
  for (let i = 0; i < n; i++) {
    const words = 1 + next(3);
    const name = Array.from({ length: words }, () => WORDS[next(WORDS.length)]).join(" ") + (next(5) === 0 ? ` ${next(300)}` : "");
    // One row in fifty calls a switchboard many companies share; one in a hundred a shared mailbox.
    const phone = next(50) === 0 ? "+7 (343) 222-00-00" : `+7 (${300 + next(600)}) ${100 + next(900)}-${10 + next(90)}-${10 + next(90)}`;
    const email = next(100) === 0 ? "info@mail.ru" : `office${i}@company${next(n)}.ru`;
    const address = `${100000 + next(500000)}, ${CITIES[next(CITIES.length)]}, ул. Ленина, д. ${1 + next(120)}`;
    rows.push(makeRow(i, String(i + 1), { name: `ООО «${name}»`, phone, email, address, tax_id: next(3) === 0 ? "" : String(7700000000 + next(99999)), city: CITIES[next(CITIES.length)]!.slice(3) }));
  }
  return rows;
}

/** Every field of a table as plain values (typed arrays as arrays, interners as their values). */
function plain(t: FeatureTable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(t)) {
    if (ArrayBuffer.isView(v)) out[k] = Array.from(v as Int32Array);
    else if (v !== null && typeof v === "object" && "values" in v && !Array.isArray(v)) out[k] = (v as { values: unknown }).values;
    else out[k] = v;
  }
  return out;
}

describe("feature table growth", () => {
  const rows = base(20_000);
  const built = (expected: number): Record<string, unknown> => {
    const b = new FeatureBuilder(expected);
    for (const row of rows) b.addRow(row);
    return plain(b.finish());
  };
  const doubling = built(0);

  it("is the same whether the rows were expected, under- or over-projected, or not known", () => {
    expect(Object.keys(doubling).length).toBeGreaterThan(40);
    expect(built(rows.length)).toEqual(doubling);
    expect(built(rows.length / 4)).toEqual(doubling);
    expect(built(rows.length * 3)).toEqual(doubling);
    expect(plain(buildFeatures(rows))).toEqual(doubling);
  });

  it("counts the names a shared phone and a shared mailbox sit under, one per distinct fingerprint", () => {
    const t = buildFeatures(rows);
    const board = t.phoneTail[t.phoneIds[t.phoneStart[rows.findIndex((r) => r.values.phone === "+73432220000")]!]!]!;
    const fingerprints = new Set<number>();
    rows.forEach((r, i) => {
      if (r.values.phone === "+73432220000") fingerprints.add(t.fingerprint[t.nameOf[i]!]!);
    });
    expect(fingerprints.size).toBeGreaterThan(64);
    // Counts stop at 64.
    expect(t.phoneCount[board]).toBe(64);
    const own = t.emailIds[t.emailStart[1]!]!;
    expect(t.emailCount[own]).toBe(1);
  });

  it("gives a two-word name one fingerprint whichever order its words come in", () => {
    const t = buildFeatures([makeRow(0, "1", { name: "ООО «Бета Альфа»" }), makeRow(1, "2", { name: "Альфа Бета" }), makeRow(2, "3", { name: "Альфа" })]);
    expect(t.fingerprint[t.nameOf[0]!]).toBe(t.fingerprint[t.nameOf[1]!]);
    expect(t.fingerprint[t.nameOf[2]!]).not.toBe(t.fingerprint[t.nameOf[0]!]);
    const key = t.fingerprints.values[t.fingerprint[t.nameOf[0]!]!]!;
    expect(key.split(" ")).toEqual([...key.split(" ")].sort());
    expect(key.split(" ")).toHaveLength(2);
  });
});

describe("sortKeys", () => {
  /** Packed keys as blocking makes them: a 31-bit hash times 2^22 plus a row, rows ascending within a hash's run. */
  const packed = (hashes: readonly number[], rows: readonly number[]): Float64Array => Float64Array.from(hashes, (h, k) => h * 2 ** 22 + rows[k]!);

  it("sorts as a plain sort does: uniform hashes, a few hot ones, repeats, and the largest key", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        (hot, n, seed) => {
          let s = seed;
          const next = (m: number): number => {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0;
            return s % m;
          };
          const hashes = Array.from({ length: n }, () => (next(3) === 0 ? hot[next(hot.length)]! : next(2 ** 31)));
          const rows = Array.from({ length: n }, () => next(2 ** 22));
          if (n > 0) {
            hashes[0] = 2 ** 31 - 1;
            rows[0] = 2 ** 22 - 1;
          }
          // As blocking writes them (rows ascending) and in any order.
          const byRow = packed(hashes, [...rows].sort((a, b) => a - b));
          const keys = packed(hashes, rows);
          for (const k of [byRow, keys]) {
            const expected = Float64Array.from(k).sort();
            sortKeys(k);
            expect(k).toEqual(expected);
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it("sorts a list holding a value that is no packed key whole", () => {
    const keys = Float64Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 20_000);
    keys[5] = 2 ** 60;
    sortKeys(keys);
    expect(keys[19_999]).toBe(2 ** 60);
    for (let i = 1; i < keys.length; i++) expect(keys[i]! >= keys[i - 1]!).toBe(true);
  });
});
