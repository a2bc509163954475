// The committed fixtures are what the seeded generator writes, byte for byte, and their truth files point at real records.
import { describe, it, expect } from "vitest";
import { mkdtempSync, readFileSync, rmSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { parse } from "csv-parse/sync";

const root = join(import.meta.dirname, "..");
// @ts-expect-error plain ESM JavaScript without types
const gen = (await import("../scripts/gen-fixtures.mjs")) as { generateFixtures(dir: string): string[] };

function files(dir: string, base = ""): string[] {
  return readdirSync(join(dir, base)).flatMap((f) => (statSync(join(dir, base, f)).isDirectory() ? files(dir, join(base, f)) : [join(base, f)]));
}

describe("fixture generator", () => {
  const tmp = mkdtempSync(join(tmpdir(), "segment-fixtures-"));
  const written = gen.generateFixtures(tmp);

  it("regenerates the committed fixtures byte-identically", () => {
    expect(written.length).toBeGreaterThan(30);
    for (const rel of written) expect(readFileSync(join(tmp, rel)).equals(readFileSync(join(root, "fixtures", rel))), rel).toBe(true);
  });

  it("is deterministic across runs", () => {
    const again = mkdtempSync(join(tmpdir(), "segment-fixtures-"));
    gen.generateFixtures(again);
    for (const rel of written) expect(readFileSync(join(again, rel)).equals(readFileSync(join(tmp, rel))), rel).toBe(true);
    rmSync(again, { recursive: true, force: true });
  });

  it("writes Windows-1251 without BOM for Bitrix24 and 1C, with Cyrillic that survives decoding", () => {
    for (const rel of ["demo/bitrix24-companies.csv", "dialects/1c/1c-kontragenty.csv"]) {
      const bytes = readFileSync(join(tmp, rel));
      expect(bytes[0]).not.toBe(0xef);
      expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
      const text = iconv.decode(bytes, "win1251");
      expect(text).toMatch(/ООО|АО/);
      expect(text).toMatch(/[а-яё]{4,}/);
    }
    const b24 = iconv.decode(readFileSync(join(tmp, "demo/bitrix24-companies.csv")), "win1251");
    for (const l of b24.split("\n").filter(Boolean)) expect(l.endsWith("\";")).toBe(true);
  });

  it("truth files reference existing records, and every record is accounted for", () => {
    const truthFiles = written.filter((f) => f.endsWith(".truth.json"));
    expect(truthFiles.length).toBe(11);
    for (const rel of truthFiles) {
      const truth = JSON.parse(readFileSync(join(tmp, rel), "utf8"));
      const csvRel = rel.replace(/\.truth\.json$/, ".csv");
      const bytes = readFileSync(join(tmp, csvRel));
      const text = truth.encoding === "windows-1251" ? iconv.decode(bytes, "win1251") : bytes.toString("utf8");
      const recs = parse(text, { delimiter: truth.delimiter, bom: true, relax_column_count: true, info: true, skip_empty_lines: true }) as { info: { lines: number }; record: string[] }[];
      const starts = new Map<number, string[]>();
      for (const r of recs) {
        // csv-parse reports the line a record ends on; a record spanning lines starts earlier.
        const first = r.info.lines - (r.record.join("").split("\n").length - 1);
        starts.set(first, r.record);
      }
      const expectedLines = new Set<number>(truth.rows.map((r: { line: number }) => r.line));
      for (const r of truth.rows) expect(starts.has(r.line), `${rel} line ${r.line}`).toBe(true);
      for (const line of starts.keys()) if (line > 1) expect(expectedLines.has(line) || truth.trailer_lines.includes(line), `${rel} line ${line} not in truth`).toBe(true);
      for (const w of truth.expected.warnings) expect(starts.get(w.line)!.includes(w.value), `${rel} warning at ${w.line}`).toBe(true);
      for (const r of truth.rows) if (r.kind === "company") expect(["hot", "warm", "cold"]).toContain(r.temperature);
      expect(truth.counts.records).toBe(truth.counts.accepted + truth.counts.rejected + truth.counts.contacts);
    }
  });

  it("plants the duplicates, multi-owner clients, dead souls and bad values the demo needs", () => {
    const truth = JSON.parse(readFileSync(join(tmp, "demo/bitrix24-companies.truth.json"), "utf8"));
    expect(truth.counts.records).toBeGreaterThan(700);
    const clusters = Object.values(truth.clusters) as { lines: number[]; multi_owner: boolean; namesake_of: string }[];
    expect(clusters.filter((c) => c.lines.length > 1).length).toBeGreaterThan(30);
    expect(clusters.filter((c) => c.multi_owner).length).toBeGreaterThan(5);
    expect(clusters.filter((c) => c.namesake_of).length).toBeGreaterThan(2);
    const rows = truth.rows.filter((r: { kind: string }) => r.kind === "company");
    const dead = rows.filter((r: { dead_soul: boolean }) => r.dead_soul);
    const byOwner = (name: string) => dead.filter((r: { owner_manager: string }) => r.owner_manager === name).length;
    expect(byOwner("Иванов Сергей")).toBeGreaterThan(dead.length / 2);
    expect(truth.expected.rejects.map((r: { error: string }) => r.error).sort()).toEqual(["extra_field", "no_name"]);
    expect(truth.expected.warnings.map((w: { field: string }) => w.field).sort()).toEqual(["annual_revenue", "created_at", "tax_id"]);
    const managers = readFileSync(join(tmp, "demo/managers.csv"), "utf8");
    expect(managers).toContain("Кузнецова Елена,1,,,,false");
    expect(managers).not.toContain("Волков");
    expect(rows.some((r: { owner_manager: string }) => r.owner_manager === "Волков Андрей")).toBe(true);
  });
});
