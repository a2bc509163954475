// Property: any table written with random quoting, delimiter, line ends and encoding reads back cell for cell, line for line.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import fc from "fast-check";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { readExport } from "../../src/io/read-csv.js";

const HEADERS = ["ID", "Название компании", "Телефон", "E-mail", "Ответственный", "Город", "Комментарий", "ИНН", "Дата создания"];
const WORDS = ["ООО", "«Ромашка»", "Екатеринбург", "Иванов Сергей", "клиент", "Acme Corp", "+7 (343) 123-45-67", "info@romashka.ru", "25.04.2025", "1 234,50", "№ 5", " ", ""];
const SPECIALS = [",", ";", "\t", "|", '"', "\n", "\r\n", "\r", '""', "'+", "'="];
const ENCODINGS = ["utf-8", "utf-8-bom", "windows-1251", "utf-16le"] as const;
const DELIMITERS = [",", ";", "\t", "|"];

const cell = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...SPECIALS) }), { maxLength: 4 }).map((parts) => parts.join(""));

const tableArb = fc.integer({ min: 2, max: 6 }).chain((width) =>
  fc.record({
    header: fc.shuffledSubarray(HEADERS, { minLength: width, maxLength: width }),
    rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 12 }),
    // per row: blank lines written before it, and whether each cell is quoted even when it need not be
    blanks: fc.array(fc.nat({ max: 2 }), { minLength: 12, maxLength: 12 }),
    quoteAll: fc.array(fc.boolean(), { minLength: 13, maxLength: 13 }),
    delimiter: fc.constantFrom(...DELIMITERS),
    eol: fc.constantFrom("\n", "\r\n"),
    finalEol: fc.boolean(),
    encoding: fc.constantFrom(...ENCODINGS),
  }),
);

/** Physical line breaks in text: CRLF, LF and a lone CR each count one. */
function breaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

function render(cells: string[], delimiter: string, quoteAll: boolean): string {
  return cells
    .map((c) => (quoteAll || /[,;\t|"\r\n]/.test(c) || c === "" ? `"${c.replace(/"/g, '""')}"` : c))
    .join(delimiter);
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "segment-prop-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("write-then-read round trip", () => {
  it("returns the same cells with the physical line of each record", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(tableArb, async (t) => {
        let text = render(t.header, t.delimiter, t.quoteAll[0]!) + t.eol;
        let line = 2;
        const expected: { line: number; cells: string[] }[] = [];
        t.rows.forEach((row, i) => {
          text += t.eol.repeat(t.blanks[i]!);
          line += t.blanks[i]!;
          const rendered = render(row, t.delimiter, t.quoteAll[i + 1]!);
          expected.push({ line, cells: row });
          text += rendered + t.eol;
          line += 1 + breaks(rendered);
        });
        if (!t.finalEol) text = text.slice(0, -t.eol.length);
        const bytes =
          t.encoding === "utf-8" ? Buffer.from(text, "utf8")
          : t.encoding === "utf-8-bom" ? Buffer.from("\ufeff" + text, "utf8")
          : t.encoding === "utf-16le" ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])
          : iconv.encode(text, "win1251");
        const path = join(dir, `t${n++}.csv`);
        writeFileSync(path, bytes);
        const read = await readExport(path);
        expect(read.encoding).toBe(t.encoding === "utf-8-bom" ? "utf-8" : t.encoding);
        expect(read.delimiter).toBe(t.delimiter);
        expect(read.header).toEqual(t.header);
        expect(read.records).toEqual(expected);
      }),
      { numRuns: 250, seed: 20261101 },
    );
  });
});
