// `npm run bench -- --dialect a,b`: a sweep over dialects prints one table row per dialect and size, and leaves
// BENCHMARKS.md alone; a dialect it does not know stops it with the usage and the list of dialects.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

// @ts-expect-error: a plain .mjs script without types
import { GENERATOR_VERSION } from "../../scripts/gen-export.mjs";

const ROOT = join(import.meta.dirname, "../..");
const BENCH = join(ROOT, "scripts/bench.mjs");

function bench(args: string[], cache: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BENCH, ...args], { cwd: ROOT, env: { ...process.env, SEGMENT_BENCH_CACHE: cache } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("bench: a sweep over dialects", () => {
  let cache = "";
  let out = { code: -1, stdout: "", stderr: "" };
  let benchmarksMtime = 0;

  beforeAll(async () => {
    cache = mkdtempSync(join(tmpdir(), "bench-sweep-"));
    benchmarksMtime = statSync(join(ROOT, "BENCHMARKS.md")).mtimeMs;
    out = await bench(["--sizes", "400", "--runs", "2", "--dialect", "odoo,1c", "--encoding", "native"], cache);
  }, 120_000);

  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it("prints one row per dialect, with both runs' ratios and a clean exit", () => {
    expect(out.code).toBe(0);
    const rows = out.stdout.split("\n").filter((l) => /^\| (odoo|1c) \|/.test(l));
    expect(rows.map((l) => l.split("|")[1]!.trim())).toEqual(["odoo", "1c"]);
    for (const row of rows) {
      const cells = row.split("|").map((c) => c.trim());
      expect(cells[2]).toBe("400");
      expect(Number(cells[3])).toBeGreaterThan(100); // bytes a row
      expect(cells[6]).toMatch(/^\d+\.\d\d×$/);
      expect(cells[7]!.split(", ")).toHaveLength(2);
      expect(cells[9]).toBe("0");
    }
  });

  it("writes each dialect's export in its own encoding into the cache it is given, and leaves BENCHMARKS.md alone", () => {
    expect(readdirSync(cache).sort()).toEqual([`1c-400-s1-native-g${GENERATOR_VERSION}.csv`, `odoo-400-s1-native-g${GENERATOR_VERSION}.csv`]);
    // 1C's own code page is Windows-1251: not UTF-8.
    const oneC = readFileSync(join(cache, `1c-400-s1-native-g${GENERATOR_VERSION}.csv`));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(oneC)).toThrow();
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(join(cache, `odoo-400-s1-native-g${GENERATOR_VERSION}.csv`)))).not.toThrow();
    expect(statSync(join(ROOT, "BENCHMARKS.md")).mtimeMs).toBe(benchmarksMtime);
  });

  it("stops on a dialect it does not know, naming the ones it does", async () => {
    const bad = await bench(["--sizes", "400", "--dialect", "odoo,nope"], cache);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("dialects: bitrix24, amocrm, 1c");
  });
});

describe("bench: heavier rows", () => {
  let cache = "";
  let out = { code: -1, stdout: "", stderr: "" };

  beforeAll(async () => {
    cache = mkdtempSync(join(tmpdir(), "bench-heavy-"));
    out = await bench(["--sizes", "400", "--runs", "1", "--heavy", "notes,wide"], cache);
  }, 120_000);

  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it("makes each variant once from the Bitrix24 export and prints a row for each", () => {
    expect(out.code).toBe(0);
    expect(readdirSync(cache).sort()).toEqual(
      [`bitrix24-400-s1-g${GENERATOR_VERSION}.csv`, `bitrix24-400-s1-notes-g${GENERATOR_VERSION}.csv`, `bitrix24-400-s1-wide-g${GENERATOR_VERSION}.csv`].sort(),
    );
    const rows = out.stdout.split("\n").filter((l) => l.startsWith("| bitrix24 ("));
    expect(rows.map((l) => l.split("|")[1]!.trim())).toEqual(["bitrix24 (notes)", "bitrix24 (wide)"]);
    const bytes = (l: string) => Number(l.split("|")[3]!.trim());
    const plain = statSync(join(cache, `bitrix24-400-s1-g${GENERATOR_VERSION}.csv`)).size / 400;
    // ~200 more characters of notes (two bytes each in UTF-8), 25 more columns.
    for (const row of rows) expect(bytes(row)).toBeGreaterThan(plain + 200);
    for (const row of rows) expect(row.split("|")[9]!.trim()).toBe("0");
  });

  it("stops on a variant it does not know, naming the ones it does", async () => {
    const bad = await bench(["--sizes", "400", "--heavy", "tall"], cache);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("heavier rows: notes, wide, wide+notes");
  });
});
