// The byte writer gives exactly the text a plain string encoder gives, at any buffer size, and a row copied
// into a second writer (allocation.csv → a manager's file) is the same bytes.
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvWriter, encodeCell, toCsv, type Cell } from "../../src/io/write-csv.js";

/** The reference: every cell encoded as a string, joined, BOM first. */
function reference(header: readonly string[], rows: readonly (readonly Cell[])[], delimiter: string): string {
  const line = (cells: readonly Cell[]) => cells.map((c) => (typeof c === "number" ? String(Math.round(c * 1e6) / 1e6) : encodeCell(c, delimiter.charCodeAt(0)))).join(delimiter) + "\n";
  return "\ufeff" + line(header) + rows.map(line).join("");
}

function written(header: readonly string[], rows: readonly (readonly Cell[])[], delimiter: string, bytes: number, labels: boolean[]) {
  const parts: Buffer[] = [];
  const copies: Buffer[] = [];
  const w = new CsvWriter(header, delimiter, (c) => parts.push(Buffer.from(c)), bytes);
  const tee = new CsvWriter(header, delimiter, (c) => copies.push(Buffer.from(c)), bytes);
  for (const row of rows) {
    row.forEach((c, k) => (labels[k % labels.length] && typeof c === "string" ? w.label(c) : w.cell(c)));
    w.end();
    tee.copyRow(w.lastRow());
  }
  w.flush();
  tee.flush();
  return { text: Buffer.concat(parts).toString("utf8"), copy: Buffer.concat(copies).toString("utf8") };
}

const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom("hot", "warm", "Курганская область", 'ООО "Ромашка"', "=SUM(A1)", "-5", " lead", "a;b", "line\nbreak", "x".repeat(300), ""),
);
const cell: fc.Arbitrary<Cell> = fc.oneof(text, text, fc.double({ noNaN: true, min: -1e9, max: 1e9 }), fc.integer());

describe("CsvWriter", () => {
  it("writes what the string encoder writes, at any buffer size, and copies rows byte for byte", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { maxLength: 40 }),
        fc.constantFrom(",", ";"),
        fc.constantFrom(16, 37, 256, 1 << 20),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
        (rows, delimiter, bytes, labels) => {
          const header = ["client_id", "name", "note"];
          const expected = reference(header, rows, delimiter);
          const got = written(header, rows, delimiter, bytes, labels);
          expect(got.text).toBe(expected);
          expect(got.copy).toBe(expected);
        },
      ),
      { numRuns: 400, seed: 20261127 },
    );
  });

  it("keeps a cell larger than its buffer whole, and a repeated label identical on every row", () => {
    const long = "Заметка: ".repeat(500) + '"цитата"';
    const rows: Cell[][] = [];
    for (let i = 0; i < 50; i++) rows.push([String(i), i % 2 ? long : "Защищён: покупающий клиент", 3.5]);
    const got = written(["a", "b", "c"], rows, ";", 64, [false, true, false]);
    expect(got.text).toBe(reference(["a", "b", "c"], rows, ";"));
    const back = parse(got.text.slice(1), { delimiter: ";" }) as string[][];
    expect(back).toHaveLength(51);
    expect(back[2]![1]).toBe(long);
  });

  it("stops caching a label column whose values hardly repeat, keeps the others, and writes the same bytes", () => {
    const rows: Cell[][] = [];
    for (let i = 0; i < 5000; i++) {
      // value_reason-like (unique: the rank), temperature-like (three labels), a reason of fifty values.
      rows.push([String(i), `годовой оборот ${1000 + (i % 7)}: место ${i + 1} из 5000`, ["hot", "warm", "cold"][i % 3]!, `note ${i % 50}`]);
    }
    const header = ["client_id", "value_reason", "temperature", "note"];
    const parts: Buffer[] = [];
    const w = new CsvWriter(header, ";", (c) => parts.push(Buffer.from(c)), 4096);
    for (const row of rows) {
      w.cell(row[0]!);
      for (let k = 1; k < 4; k++) w.label(row[k] as string);
      w.end();
    }
    w.flush();
    expect(Buffer.concat(parts).toString("utf8")).toBe(reference(header, rows, ";"));
    const caches = (w as unknown as { caches: Array<Map<string, Uint8Array> | null> }).caches;
    expect(caches[1]).toBeNull();
    expect(caches[2]!.size).toBe(3);
    expect(caches[3]).not.toBeNull();
  });

  it("writes the bytes of Node's UTF-8 encoder for any text: lone surrogates, astral letters, quotes, formulas", () => {
    // Any UTF-16 code units (lone surrogates too), and texts of the kinds the outputs hold.
    const anyText = fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.string({ unit: fc.constantFrom("a", "Я", "ă", "€", "😀", '"', ",", ";", " ", "\n", "\ud83d", "\ude00", "=", "\t"), maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(anyText, { minLength: 1, maxLength: 6 }), { maxLength: 20 }), fc.constantFrom(",", ";", "\t"), fc.constantFrom(16, 64, 1 << 20), fc.boolean(), (rows, delimiter, bytes, labels) => {
        const header = ["a", "b"];
        const expected = Buffer.from(reference(header, rows, delimiter), "utf8");
        const parts: Buffer[] = [];
        const w = new CsvWriter(header, delimiter, (c) => parts.push(Buffer.from(c)), bytes);
        for (const row of rows) {
          // As labels, each value twice, so that the second comes from the cache of the first's bytes.
          for (const c of row) (labels ? w.label(c) : w.cell(c));
          w.end();
          if (labels) {
            for (const c of row) w.label(c);
            w.end();
          }
        }
        w.flush();
        const twice = labels ? rows.flatMap((r) => [r, r]) : rows;
        expect(Buffer.concat(parts).equals(labels ? Buffer.from(reference(header, twice, delimiter), "utf8") : expected)).toBe(true);
      }),
      { numRuns: 500, seed: 20261128 },
    );
  });

  it("builds small files as a string (toCsv) with the BOM and formula-safe cells", () => {
    expect(toCsv(["name", "capacity"], [["=cmd", 5], ["Иванов Сергей", 1.25]])).toBe("\ufeffname,capacity\n'=cmd,5\nИванов Сергей,1.25\n");
  });
});
