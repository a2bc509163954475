// Timestamps are counted by their date part (a column of them is a few thousand days, not one value per
// row): the key must read exactly as the whole value, and never hide a value that would be a warning.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateKey, dayKey, parseDate, settleDayOrderCounted } from "../../src/normalise/dates.js";

const pad = (n: number) => String(n).padStart(2, "0");

describe("dateKey", () => {
  it("shortens only valid timestamps, and the short key parses and votes as the whole value", () => {
    let shortened = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1700, max: 2300 }),
        fc.integer({ min: 0, max: 26 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom(0, 1, 2),
        (d, m, y, h, mi, s, shape) => {
          const v = shape === 0 ? `${pad(d)}.${pad(m)}.${y} ${pad(h)}:${pad(mi)}:${pad(s)}` : `${y}-${pad(m)}-${pad(d)}${shape === 1 ? " " : "T"}${pad(h)}:${pad(mi)}:${pad(s)}`;
          const k = dateKey(v);
          if (k !== v) {
            shortened++;
            expect(k).toBe(v.slice(0, 10));
            // A shortened value always parses: its raw text is never a warning's value.
            expect(parseDate(v, true)).not.toBeNull();
          }
          for (const dayFirst of [true, false]) expect(parseDate(k, dayFirst)).toBe(parseDate(v, dayFirst));
          for (const habit of [true, false, null]) expect(settleDayOrderCounted([k], [1], habit)).toBe(settleDayOrderCounted([v], [1], habit));
        },
      ),
      { numRuns: 20_000, seed: 20261127 },
    );
    expect(shortened).toBeGreaterThan(1000);
  });

  it("keeps whole what it cannot vouch for", () => {
    for (const v of ["31.02.2024 10:00:00", "29.01.2018 25:46:31", "29.01.2018 12:46", "01/02/2025 10:00:00", "2024-13-01 00:00:00", "29.01.2018", "29.01.2018г 12:46:31"]) {
      expect(dateKey(v)).toBe(v);
    }
    expect(dateKey("29.01.2018 12:46:31")).toBe("29.01.2018");
    expect(dateKey("2026-09-28T12:20:24")).toBe("2026-09-28");
  });
});

describe("dayKey", () => {
  it("numbers the ten-character keys: the same number exactly when dateKey gives the same text", () => {
    // Few days, so values share keys: timestamps of both shapes (valid or not), bare dates, and other text.
    const value = fc.tuple(
      fc.constantFrom(0, 1, 29, 31), fc.constantFrom(1, 2, 13), fc.constantFrom(2019, 2024), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }),
      fc.constantFrom("dotted", "iso", "isoT", "date", "isoDate", "slash", "short"),
    ).map(([d, m, y, h, mi, shape]) => {
      const time = `${pad(h)}:${pad(mi)}:${pad(mi)}`;
      if (shape === "dotted") return `${pad(d)}.${pad(m)}.${y} ${time}`;
      if (shape === "iso" || shape === "isoT") return `${y}-${pad(m)}-${pad(d)}${shape === "iso" ? " " : "T"}${time}`;
      if (shape === "date") return `${pad(d)}.${pad(m)}.${y}`;
      if (shape === "isoDate") return `${y}-${pad(m)}-${pad(d)}`;
      if (shape === "slash") return `${pad(d)}/${pad(m)}/${y} ${time}`;
      return `${d}.${m}.${y}`;
    });
    let shared = 0;
    fc.assert(
      fc.property(fc.array(value, { minLength: 2, maxLength: 40 }), (values) => {
        for (const a of values) {
          const ka = dayKey(a);
          if (ka >= 0) expect(dateKey(a)).toMatch(/^(?:\d\d\.\d\d\.\d{4}|\d{4}-\d\d-\d\d)$/);
          else expect(dateKey(a).length === 10 && /^(?:\d\d\.\d\d\.\d{4}|\d{4}-\d\d-\d\d)$/.test(dateKey(a))).toBe(false);
          for (const b of values) {
            const kb = dayKey(b);
            if (ka < 0 || kb < 0) continue;
            expect(ka === kb, `${a} / ${b}`).toBe(dateKey(a) === dateKey(b));
            if (ka === kb && a !== b) shared++;
          }
        }
      }),
      { numRuns: 2000, seed: 20261127 },
    );
    expect(shared).toBeGreaterThan(200);
    expect(dayKey("29.01.2018 12:46:31")).toBe(dayKey("29.01.2018"));
    expect(dayKey("2026-09-28T12:20:24")).toBe(dayKey("2026-09-28 01:00:00"));
    expect(dayKey("31.02.2024 10:00:00")).toBe(-1);
    expect(dayKey("01.02.2024")).not.toBe(dayKey("2024-02-01"));
    // The same eight digits in the two shapes are two texts (a bare value is its own key, date or not).
    expect(dayKey("20.19.0101")).toBeGreaterThanOrEqual(0);
    expect(dayKey("20.19.0101")).not.toBe(dayKey("2019-01-01"));
  });
});
