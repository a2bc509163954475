// The matcher's numeric interners (no string per phone or tail) give the ids, values and blocking hashes the
// string interner gives for the same keys.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Interner, PhoneInterner, TailInterner, phoneKey, phoneTail } from "../../src/dedupe/features.js";

const phone = fc.oneof(
  fc.stringMatching(/^\+?[0-9 ()-]{0,18}$/),
  fc.constantFrom("+7 (343) 123-45-67", "8 912 345-67-89", "0722 123 456", "+40 21 555 0100", "(415) 555-2671", "12-34", "n/a", "000-0000", "+1 800 000 0007 ext. 12"),
);

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
});
