// Fuzzing the whole pipeline: random quoting, delimiters, encodings and junk never crash it, lose a row, or break the contract.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { isSegmentError } from "../../src/errors.js";
import { writeOutputs } from "../../src/io/output-dir.js";
import { runPipeline } from "../../src/pipeline.js";
import { renderHtml } from "../../src/report/html.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { csvOutputs } from "../../src/report/outputs.js";
import { buildSummary } from "../../src/report/summary.js";
import type { Io } from "../../src/commands/options.js";
import { ROOT, tempDir } from "../cli/helpers.js";

const HEADERS = [
  ["Название компании", "ИНН", "Телефон", "E-mail", "Ответственный", "Дата создания", "Комментарий", "Кол-во сотрудников"],
  ["Company name", "Company owner", "Phone Number", "Create Date", "Last Activity Date", "Industry", "Annual Revenue", "City"],
  ["Denumire", "CUI", "Județ", "Telefon", "Responsabil", "Cod CAEN", "Observații", "Data"],
];
const VALUES = [
  "ООО \"Ромашка\"", "АО «Завод»", "7707083893", "7707083894", "+7 (343) 123-45-67", "8 912 345 67 89", "info@firm.ru",
  "Иванов Сергей", "Петрова А.", "25.04.2025 14:33:12", "31.02.2025", "2026-03-01T23:15:00.000Z", "1 234 567,89", "много",
  "Midwest Tooling Inc.", "=HYPERLINK(\"x\")", "+SUM(1)", "@cmd", "-5", "Sarah Chen", "Transilvania Utilaje SRL", "RO14399840",
  "0264 123 456", "Cluj", "28.22", "более 500", "50-250", "", "", "", " ", "'+40 722 123 456", "a;b", "a,b", "line\nbreak",
  "\"quoted\"", "x\ty", "Ёлка", "ăîșț", "\u0000", "\u00a0", "Grand Totals (3 records)",
];

const cellArb = fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 8 }));

function toCsv(rows: string[][], delimiter: string, quoteAll: boolean): string {
  return rows
    .map((r) => r.map((v) => (quoteAll || /["\n\r]/.test(v) || v.includes(delimiter) ? `"${v.replace(/"/g, '""')}"` : v)).join(delimiter))
    .join("\r\n") + "\n";
}

const io: Io = { stdout: () => undefined, stderr: () => undefined, isTTY: false };

describe("fuzzed exports", () => {
  it("never crash, never lose a row, and always give a conforming folder", async () => {
    const dir = tempDir("segment-fuzz-");
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 }),
        fc.array(fc.array(cellArb, { minLength: 0, maxLength: 10 }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(",", ";", "\t", "|"),
        fc.constantFrom("utf-8", "utf-8-bom", "windows-1251", "utf-16le"),
        fc.boolean(),
        async (h, body, delimiter, encoding, quoteAll) => {
          n++;
          const text = toCsv([HEADERS[h]!, ...body], delimiter, quoteAll);
          const file = join(dir, `f${n}.csv`);
          const bytes =
            encoding === "utf-8" ? Buffer.from(text, "utf8")
            : encoding === "utf-8-bom" ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")])
            : encoding === "utf-16le" ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")])
            : iconv.encode(text, "win1251");
          writeFileSync(file, bytes);
          let result;
          try {
            result = await runPipeline(file, { map: [], seed: 0, json: false, quiet: true, color: false, debug: false, asOf: "2026-11-01" }, io);
          } catch (e) {
            // The only acceptable failures are the contract's input errors (e.g. every row blank: header only).
            expect(isSegmentError(e) && e.exitCode === 3, String((e as Error).stack)).toBe(true);
            return;
          }
          const s = buildSummary(result);
          expect(s.input.accepted + s.input.rejected + s.input.contacts).toBe(s.input.rows);
          expect(result.allocation.rows).toHaveLength(result.rows.length);
          const files = csvOutputs(result, ",");
          files.set("summary.json", JSON.stringify(s, null, 2));
          files.set("report.md", renderMarkdown(result, s));
          files.set("report.html", renderHtml(result, s));
          const out = join(dir, `o${n}`);
          await writeOutputs(out, files);
          const check = spawnSync(process.execPath, [join(ROOT, "test/support/check-output.mjs"), out], { encoding: "utf8" });
          expect(check.stdout, `${file}\n${check.stdout}`).toContain("conforms");
        },
      ),
      { numRuns: 30, seed: 20261126 },
    );
  }, 300_000);
});
