import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clausesOf, compileTemplate, foldText, StemMatcher, wordsOf } from "../../src/segmenters/words.js";

// The definitions the one-pass scanner keeps to, as the regexes say them.
const WORD_SPLIT = /[^\p{L}\p{N}']+/u;
const CLAUSE_SPLIT = /[.;!?,:()\[\]\n\r—–]+|\s-\s/;
function wordsByRegex(text: string): string[] {
  return foldText(text)
    .split(WORD_SPLIT)
    .map((w) => w.replace(/^'+|'+$/g, ""))
    .filter((w) => w !== "");
}
const clausesByRegex = (text: string): string[][] => text.split(CLAUSE_SPLIT).map(wordsByRegex).filter((c) => c.length > 0);

// What CRM notes and job titles hold: three scripts in both cases, Romanian diacritics old and new, `ё`, apostrophes,
// digits, clause marks, hyphens and dashes, white space of every kind; and what the scanner leaves to the regexes:
// `İ` (two characters in lower case), `Σ` (its lower case depends on its place), letters past the BMP, combining marks.
const UNITS = [
  ..."Просят СКИДКУ цену ёЁ а но Ценят качество",
  ..."Prețul ȘȚ şţ ĂÂÎ ăâî dar insa",
  ..."Price isn't the ISSUE; but SERVICE",
  ..."0123456789'''",
  ..." .;!?,:()[]\n\r—–-\t\u00a0\u2009\u202f\u3000\ufeff\u200b/\\\"«»„“",
  "İ", "Σ", "ς", "\u0306", "𝐀", "😀", "\ud800", "ǅ", "Ⅻ", "²", "ß", "ﬁ",
];
const text = fc.oneof(
  fc.string({ maxLength: 80, unit: fc.constantFrom(...UNITS) }),
  fc.string({ maxLength: 40 }),
  fc.string({ maxLength: 30, unit: "grapheme" }),
  fc.string({ maxLength: 20, unit: "binary" }),
);

describe("words", () => {
  it("finds the words the regexes find, in any text", () => {
    fc.assert(fc.property(text, (s) => {
        expect(wordsOf(s)).toEqual(wordsByRegex(s));
      }), { numRuns: 3000 });
  });

  it("groups them in the clauses the regexes split", () => {
    fc.assert(fc.property(text, (s) => {
        expect(clausesOf(s)).toEqual(clausesByRegex(s));
      }), { numRuns: 3000 });
  });

  it("reads notes as people write them", () => {
    expect(wordsOf("Просят СКИДКУ на объём, сравнивают цены")).toEqual(["просят", "скидку", "на", "объем", "сравнивают", "цены"]);
    expect(wordsOf("'Prețul' contează; ȘEFUL isn't here")).toEqual(["pretul", "conteaza", "seful", "isn't", "here"]);
    expect(clausesOf("Цена не главное - важен сервис. Доставка: в срок")).toEqual([["цена", "не", "главное"], ["важен", "сервис"], ["доставка"], ["в", "срок"]]);
    // a hyphen inside a word or beside one space only does not break a clause
    expect(clausesOf("пуско-наладка -важна")).toEqual([["пуско", "наладка", "важна"]]);
    // text the scanner leaves to the regexes comes out the same
    // (`Σ` ends a word in lower case unless a cased letter follows, past `.`, `:` or `'`, which the case rules skip)
    for (const s of ["İSTANBUL ΣΟΦΟΣ 𝐀bc", "ΟΣ.Α", "ΑΣ:Β ΣΑ", "AΣ'B", "Σ"]) expect(wordsOf(s), s).toEqual(wordsByRegex(s));
    expect(wordsOf("ΟΣ.Α")).toEqual(["οσ", "α"]);
  });

  it("matches stems over the words: several-word stems, whole short words, exclusions", () => {
    const m = new StemMatcher(
      [
        { tag: "price", stems: ["цен", "скидк", "low price"] },
        { tag: "it", stems: ["it"] },
      ],
      2,
      ["центр"],
    );
    const hits = m.find(wordsOf("Цены выше, чем в центре; просят скидку. Low prices, IT department, italian"));
    expect(hits.map((h) => [h.tag, h.text, h.at])).toEqual([
      ["price", "цены", 0],
      ["price", "скидку", 6],
      ["price", "low prices", 7],
      ["it", "it", 9],
    ]);
  });

  it("does not match again, by a stem of one of them, the words a phrase took", () => {
    const m = new StemMatcher([{ tag: "delivery", stems: ["stoc", "in stock", "fast"] }, { tag: "service", stems: ["spare part", "part"] }]);
    const hits = m.find(wordsOf("Fast: spare parts in stock, stock checked, parts"));
    expect(hits.map((h) => [h.tag, h.text, h.at])).toEqual([
      ["delivery", "fast", 0],
      ["service", "spare parts", 1],
      ["delivery", "in stock", 3],
      ["delivery", "stock", 5],
      ["service", "parts", 7],
    ]);
  });
});

describe("compileTemplate", () => {
  it("fills each placeholder with its value, numbers as text, and leaves one without a value as written", () => {
    const fill = compileTemplate("выручка по сделкам {v}: место {rank} из {n}");
    expect(fill({ v: "19195111.77", rank: 11609, n: 73985 })).toBe("выручка по сделкам 19195111.77: место 11609 из 73985");
    expect(fill({ v: "0", rank: 2 })).toBe("выручка по сделкам 0: место 2 из {n}");
    expect(compileTemplate("{a}{b}")({ a: "x", b: 0 })).toBe("x0");
    expect(compileTemplate("no placeholders")({ a: 1 })).toBe("no placeholders");
  });

  it("gives each call its own text: a filling leaves nothing of its values to the next", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.oneof(fc.string(), fc.integer())), { minLength: 1, maxLength: 6 }), (calls) => {
        const fill = compileTemplate("[{a}] and ({b}) end");
        const made = calls.map(([a, b]) => fill({ a, b }));
        calls.forEach(([a, b], i) => expect(made[i]).toBe(`[${a}] and (${String(b)}) end`));
      }),
      { numRuns: 200 },
    );
  });
});
