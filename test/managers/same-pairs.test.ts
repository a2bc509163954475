// Derived managers: spellings are compared only where they could be one person, and that finds every pair the
// comparison of all pairs finds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveManagers, nameWords, samePairs, wordsMatch } from "../../src/managers.js";

/** Every pair, as deriveManagers compared them before. */
function allPairs(spellings: { key: string; words: string[] }[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < spellings.length; i++)
    for (let j = i + 1; j < spellings.length; j++) {
      const a = spellings[i]!.words;
      const b = spellings[j]!.words;
      if (spellings[i]!.key === spellings[j]!.key || (a.length <= b.length ? wordsMatch(a, b) : wordsMatch(b, a))) out.push(`${i},${j}`);
    }
  return out.sort();
}

const WORDS = ["Иванов", "Иванова", "Сергей", "С.", "С", "И.", "Пётр", "Петров", "П.", "Ion", "Popescu", "I.", "P.", "Anna", "A.", "2", "отдел", "С.П.", ".", "ёж", "Ёж"];
const spelling = fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }).map((ws) => ws.join(" "));

describe("samePairs", () => {
  it("finds the pairs that comparing every pair finds, initials, glued initials, empty and repeated words included", () => {
    fc.assert(
      fc.property(fc.array(spelling, { maxLength: 40, size: "max" }), (values) => {
        const spellings = values.map((v) => {
          const words = nameWords(v);
          return { key: [...words].sort().join(" "), words };
        });
        expect(samePairs(spellings).map(([i, j]) => `${i},${j}`).sort()).toEqual(allPairs(spellings));
      }),
      { numRuns: 1500 },
    );
  });

  it("derives 20,000 managers from an owner column of 20,000 distinct values without comparing them all", () => {
    const values = Array.from({ length: 20_000 }, (_, i) => `Менеджер ${i}`);
    values.push("Иванов Сергей", "Иванов С.");
    const managers = deriveManagers(values);
    expect(managers).toHaveLength(20_001);
    expect(managers.at(-1)!.name).toBe("Иванов Сергей");
    expect(managers.at(-1)!.aliases).toEqual(["Иванов С."]);
  });
});
