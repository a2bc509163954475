// The fast tokenizer agrees with csv-parse (this project's options) wherever it answers, and declines the rest.
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastParse, fastParseChunk } from "../../src/io/fast-csv.js";

const OPTIONS = { relax_quotes: true, relax_column_count: true, skip_empty_lines: false, quote: '"', escape: '"' } as const;
const reference = (text: string, delimiter: string) => parse(text, { ...OPTIONS, delimiter }) as string[][];

describe("fastParse", () => {
  it("reads real export shapes exactly as csv-parse does", () => {
    const cases: [string, string][] = [
      ['"ID";"Название компании";"Телефон";\n"15";"ООО ""Ромашка""";"+7 (343) 123-45-67, +7 912 345-67-89";\n', ";"],
      ['1;ООО "Ромашка";Екатеринбург\n2;АО «Завод»;Пермь\n', ";"],
      ['"Complete Name","Phone"\r\n"Acme, Inc","\'+1 555 0100"\r\n"Line\nbreak","x"\r\n', ","],
      ["a,b,c\n\n1,2,3\n", ","],
      ["a\tb\n1\t\"quoted\ttab\"\n", "\t"],
      ["a|b\n1|2", "|"],
      ['a,b\n"x",""\n"",y\n', ","],
    ];
    for (const [text, d] of cases) expect(fastParse(text, d), text).toEqual(reference(text, d));
  });

  it("declines what only csv-parse should judge", () => {
    expect(fastParse('a,b\n"open,never closes\n', ",")).toBeNull();
    expect(fastParse('a,b\n"x"y,z\n', ",")).toBeNull();
    expect(fastParse("a,b\r\n1,2\n3,4\r\n", ",")).toBeNull();
    expect(fastParse("a,b\r1,2\r", ",")).toBeNull();
  });

  it("agrees with csv-parse on random text wherever it answers", () => {
    const piece = fc.constantFrom("a", "Б", "ș", " ", '"', '""', ",", ";", "\n", "\r\n", "\t", "x y", "'+7", "");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.constantFrom(",", ";", "\t"), (parts, d) => {
        const text = parts.join("");
        const fast = fastParse(text, d);
        if (fast === null) return;
        let ref: string[][];
        try {
          ref = reference(text, d);
        } catch {
          throw new Error(`fastParse answered where csv-parse fails: ${JSON.stringify(text)}`);
        }
        expect(fast).toEqual(ref);
      }),
      { numRuns: 3000 },
    );
  });

  it("answers for the common shapes rather than always declining", () => {
    const rows = Array.from({ length: 200 }, (_, i) => `"${i}";"ООО ""Имя ${i}""";"Город";`).join("\n");
    expect(fastParse(rows, ";")).toHaveLength(200);
  });

  it("reads a file in chunks exactly as in one piece, wherever either answers", () => {
    // Chunked: parse what is complete, carry the rest over to the next chunk, the last chunk final.
    const chunked = (text: string, d: string, cuts: number[]): string[][] | null => {
      const firstLf = text.indexOf("\n");
      const crlf = firstLf > 0 && text.charCodeAt(firstLf - 1) === 13;
      const ends = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
      const rows: string[][] = [];
      let carry = "";
      let from = 0;
      for (const end of [...ends, text.length]) {
        const piece = carry + text.slice(from, end);
        from = Math.max(from, end);
        const r = fastParseChunk(piece, d, crlf, end >= text.length);
        if (r === null) return null;
        rows.push(...r.rows);
        carry = piece.slice(r.consumed);
        if (end >= text.length) break;
      }
      return rows;
    };
    const piece = fc.constantFrom("a", "Б", " ", '"', '""', ",", ";", "\n", "\r\n", "x y", "");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.constantFrom(",", ";"), fc.array(fc.nat(), { maxLength: 6 }), (parts, d, cuts) => {
        const text = parts.join("");
        const whole = fastParse(text, d);
        const inChunks = chunked(text, d, cuts);
        // A record split across chunks is never read differently; a decline in one is a decline in both.
        expect(inChunks).toEqual(whole);
      }),
      { numRuns: 3000 },
    );
    expect(fastParseChunk('a;b\n"x\ny";2\n"open', ";", false, false)).toEqual({ rows: [["a", "b"], ["x\ny", "2"]], consumed: 12 });
  });
});
