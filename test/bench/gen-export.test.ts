// The benchmark's export generator: exact row counts, valid and per-pass-unique identities, planted duplicates, determinism.
import { describe, it, expect, beforeAll } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { parse } from "csv-parse/sync";
// @ts-expect-error: a plain .mjs script without types
import { generate } from "../../scripts/gen-export.mjs";

const INN10_W = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_W1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_W2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const checkDigit = (s: string, w: number[]) => String(w.reduce((a, x, i) => a + Number(s[i]) * x, 0) % 11 % 10);
function validInn(inn: string): boolean {
  if (/^\d{10}$/.test(inn)) return checkDigit(inn, INN10_W) === inn[9];
  if (/^\d{12}$/.test(inn)) return checkDigit(inn, INN12_W1) === inn[10] && checkDigit(inn, INN12_W2) === inn[11];
  return false;
}

let dir = "";
let bytes: Buffer;
let rows: string[][];
const ROWS = 3000;
let poolRows = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "gen-export-"));
  // A small pool so that the file holds several passes over it.
  poolRows = generate({ rows: ROWS, seed: 3, dialect: "bitrix24", out: join(dir, "a.csv"), encoding: "utf-8", pool: 500 }).poolRows;
  bytes = readFileSync(join(dir, "a.csv"));
  rows = parse(bytes, { bom: true, delimiter: ";", relax_column_count: true });
  return () => rmSync(dir, { recursive: true, force: true });
});

describe("gen-export", () => {
  const col = (name: string) => rows[0].indexOf(name);

  it("writes a Bitrix24 header and exactly the requested records, in UTF-8 with a BOM", () => {
    expect(bytes.subarray(0, 3).toString("hex")).toBe("efbbbf");
    expect(rows[0][1]).toBe("Название компании");
    const records = rows.slice(1).filter((r) => r[col("ID")] !== "");
    expect(records.length).toBe(ROWS);
    expect(new Set(records.map((r) => r[col("ID")])).size).toBe(ROWS);
    expect(bytes.toString("utf8")).not.toMatch(/[\ue000-\ue0ff]/);
  });

  it("gives every pass new identities: tax ids valid, shared only inside a planted duplicate group", () => {
    const byInn = new Map<string, string[]>();
    for (const r of rows.slice(1)) {
      const inn = r[col("ИНН")];
      if (!inn || r[col("ID")] === "") continue;
      byInn.set(inn, [...(byInn.get(inn) ?? []), r[col("Название компании")]]);
    }
    const invalid = [...byInn.keys()].filter((x) => !validInn(x));
    // One planted broken tax id per pass.
    expect(invalid.length).toBeGreaterThan(0);
    expect(invalid.length).toBeLessThanOrEqual(Math.ceil(ROWS / poolRows));
    const groups = [...byInn.values()].filter((names) => names.length > 1);
    // ~5% duplicates: a few per cent of companies appear twice or thrice under one tax id.
    expect(groups.length).toBeGreaterThan(ROWS * 0.01);
    expect(groups.length).toBeLessThan(ROWS * 0.08);
    expect(Math.max(...groups.map((g) => g.length))).toBeLessThanOrEqual(4);
  });

  it("keeps names, phones and domains apart between passes", () => {
    const count = (name: string) => {
      const m = new Map<string, number>();
      for (const r of rows.slice(1)) if (r[col(name)]) m.set(r[col(name)], (m.get(r[col(name)]) ?? 0) + 1);
      return m;
    };
    const names = count("Название компании");
    expect(names.size).toBeGreaterThan(ROWS * 0.85);
    expect(Math.max(...names.values())).toBeLessThan(10);
    const sites = count("Сайт");
    expect(Math.max(...sites.values())).toBeLessThanOrEqual(4);
    expect([...names.keys()].some((n) => /-Плюс|-Групп| НПО/.test(n))).toBe(true);
  });

  it("has owners spelled several ways, a departed manager among them, and unowned clients", () => {
    const owners = new Set(rows.slice(1).map((r) => r[col("Ответственный")]));
    expect(owners.has("Андрей Волков") || owners.has("Волков Андрей")).toBe(true);
    expect(owners.has("Сергей Иванов") && owners.has("Иванов Сергей")).toBe(true);
    expect(owners.has("")).toBe(true);
  });

  it("is deterministic, and cp1251 output is the same text", () => {
    generate({ rows: ROWS, seed: 3, dialect: "bitrix24", out: join(dir, "b.csv"), encoding: "utf-8", pool: 500 });
    expect(readFileSync(join(dir, "b.csv")).equals(bytes)).toBe(true);
    generate({ rows: ROWS, seed: 3, dialect: "bitrix24", out: join(dir, "c.csv"), encoding: "native", pool: 500 });
    const cp = readFileSync(join(dir, "c.csv"));
    expect(cp.subarray(0, 3).toString("hex")).not.toBe("efbbbf");
    expect(new TextDecoder("windows-1251").decode(cp)).toBe(bytes.subarray(3).toString("utf8"));
  });
});
