// The matcher's numeric interners (no string per phone or tail) give the ids, values and blocking hashes the
// string interner gives for the same keys.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Interner, PhoneInterner, TailInterner, phoneKey, phoneTail } from "../../src/dedupe/features.js";
import { fnv1a } from "../../src/dedupe/strings.js";

const phone = fc.oneof(
  fc.stringMatching(/^\+?[0-9 ()-]{0,18}$/),
  fc.constantFrom("+7 (343) 123-45-67", "8 912 345-67-89", "0722 123 456", "+40 21 555 0100", "(415) 555-2671", "12-34", "n/a", "000-0000", "+1 800 000 0007 ext. 12"),
);

describe("blocking hashes", () => {
  it("are what blocking asks of a value, whether made as it is interned (a key's prefix) or when asked", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 12 }), { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 9_999_999 }), { maxLength: 40 }), (words, keys) => {
        const eager = new Interner("w:");
        const plain = new Interner();
        for (const w of words) {
          const id = eager.id(w);
          expect(plain.id(w)).toBe(id);
          expect(eager.hash(id)).toBe(fnv1a(w, fnv1a("w:")) >>> 1);
          expect(plain.hash(id)).toBe(fnv1a(w) >>> 1);
        }
        const tails = new TailInterner();
        for (const k of keys) {
          const id = tails.idOf(k);
          expect(tails.hash(id)).toBe(fnv1a(String(k).padStart(7, "0"), fnv1a("p:")) >>> 1);
        }
      }),
      { numRuns: 200, seed: 20261127 },
    );
  });
});

describe("interners past their first room", () => {
  it("give every value its id and blocking hash, whether the hashes were made as values came or asked for at the end", () => {
    const words = Array.from({ length: 5000 }, (_, k) => `слово${k % 3000}-${(k * 7919) % 1013}`);
    const eager = new Interner("w:");
    const lazy = new Interner();
    const ids = words.map((w) => eager.id(w));
    expect(words.map((w) => lazy.id(w))).toEqual(ids);
    expect(eager.size).toBeGreaterThan(2048);
    // Asked in a scattered order, so the lazy list grows from an id far past its room.
    const order = Array.from({ length: eager.size }, (_, k) => (k * 2741) % eager.size);
    for (const id of order) {
      expect(eager.hash(id)).toBe(fnv1a(eager.values[id]!, fnv1a("w:")) >>> 1);
      expect(lazy.hash(id)).toBe(fnv1a(lazy.values[id]!) >>> 1);
    }
    for (const [k, w] of words.entries()) expect(eager.id(w)).toBe(ids[k]);
  });
});

describe("interners grown to their projected size", () => {
  it("give the ids, values and hashes of interners that double, however good or bad the projection, and trim to exactly their values", () => {
    // 30,000 values over 40,000 rows, new ones coming at the start and repeats later: the projection at 8,192 values is
    // too high; with 2,000 rows expected it is too low; with 0 there is none.
    const words = Array.from({ length: 40_000 }, (_, k) => (k < 20_000 ? `имя-${k}` : `имя-${(k * 7919) % 30_000}`));
    const plain = new Interner("n:");
    const ids = words.map((w) => plain.id(w));
    for (const expected of [0, 2_000, 40_000, 400_000]) {
      const progress = { rows: 0, expected };
      const grown = new Interner("n:", progress);
      for (const [k, w] of words.entries()) {
        progress.rows = k + 1;
        expect(grown.id(w)).toBe(ids[k]);
      }
      expect(grown.size).toBe(plain.size);
      for (const [k, w] of words.entries()) expect(grown.id(w)).toBe(ids[k]);
      for (let id = 0; id < grown.size; id += 97) expect(grown.hash(id)).toBe(plain.hash(id));
      grown.trim();
      plain.trim();
      expect(grown.values).toEqual(plain.values);
      expect(grown.values.length).toBe(grown.size);
    }
  });

  it("numeric ones too: phones and their tails get the ids and values of tables that double", () => {
    const phones = Array.from({ length: 30_000 }, (_, k) => `+7 343 ${String(1_000_000 + ((k * 7919) % 20_000)).slice(1)}`);
    const plain = new PhoneInterner();
    const plainTails = new TailInterner();
    const ids = phones.map((p) => plain.id(p));
    const tailIds = ids.map((id) => plainTails.idOf(plain.tail(id)));
    for (const expected of [2_000, 30_000, 300_000]) {
      const progress = { rows: 0, expected };
      const grown = new PhoneInterner(progress);
      const tails = new TailInterner(progress);
      for (const [k, p] of phones.entries()) {
        progress.rows = k + 1;
        const id = grown.id(p);
        expect(id).toBe(ids[k]);
        expect(tails.idOf(grown.tail(id))).toBe(tailIds[k]);
      }
      expect(grown.values).toEqual(plain.values);
      expect(tails.values).toEqual(plainTails.values);
    }
  });
});

describe("numeric interners", () => {
  it("PhoneInterner: the ids, keys and tails of an Interner of phoneKey", () => {
    fc.assert(
      fc.property(fc.array(phone, { maxLength: 60 }), (phones) => {
        const numeric = new PhoneInterner();
        const strings = new Interner();
        const tails = new TailInterner();
        const tailStrings = new Interner("p:");
        for (const p of phones) {
          const key = phoneKey(p);
          const id = numeric.id(p);
          if (key === "") {
            expect(id).toBe(-1);
            continue;
          }
          expect(id).toBe(strings.id(key));
          expect(numeric.value(id)).toBe(key);
          const tail = tails.idOf(numeric.tail(id));
          expect(tail).toBe(tailStrings.id(phoneTail(key)));
          expect(tails.value(tail)).toBe(phoneTail(key));
          expect(tails.hash(tail)).toBe(tailStrings.hash(tail));
        }
        expect(numeric.values).toEqual(strings.values);
      }),
      { numRuns: 500, seed: 20261127 },
    );
  });

  it("PhoneInterner: comparing keys as numbers says what comparing their digits says", () => {
    // The string rules the pair scorer used: a local number (7-9 digits) ends the longer key; a typo is one digit.
    const localMatch = (a: string, b: string) => {
      if (a.length >= 10 && b.length >= 10) return false;
      const short = a.length < b.length ? a : b;
      const long = a.length < b.length ? b : a;
      return short.length >= 7 && long.endsWith(short);
    };
    const nearlyEqual = (a: string, b: string) => {
      if (a.length !== b.length) return false;
      let diff = 0;
      for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) diff++;
      return diff < 2;
    };
    // Numbers that share endings, differ in a digit, or carry a leading zero (kept by the key's length).
    const digits = fc.stringMatching(/^[0-9]{7,12}$/);
    const related = fc.tuple(digits, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 11 }), fc.constantFrom("0", "1", "9")).map(([d, cut, at, c]) => [d, d.slice(Math.min(cut, d.length - 7)), d.slice(0, at) + c + d.slice(at + 1)]);
    fc.assert(
      fc.property(fc.array(fc.oneof(digits.map((d) => [d]), related), { minLength: 1, maxLength: 12 }), (groups) => {
        const phones = new PhoneInterner();
        const ids = groups.flat().map((p) => phones.id(p)).filter((id) => id >= 0);
        for (const a of ids) {
          for (const b of ids) {
            expect(phones.localMatch(a, b), `${phones.value(a)} ${phones.value(b)}`).toBe(localMatch(phones.value(a), phones.value(b)));
            expect(phones.nearlyEqual(a, b), `${phones.value(a)} ${phones.value(b)}`).toBe(nearlyEqual(phones.value(a), phones.value(b)));
          }
        }
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });
});
