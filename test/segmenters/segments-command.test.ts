import { describe, expect, it, vi } from "vitest";
import { configSchema } from "../../src/schema/config.js";
import { makeClient } from "../../src/segmenters/tester.js";
import { FIELDS, type Field } from "../../src/types.js";

// The command's own work is running the segmenters and tabulating; `prepare` (the lead's) is stood in for.
const clients = [
  makeClient("1", { name: "ООО «Уралхиммаш»", deals_won: "3", revenue_won: "900000", notes: "Просят скидку" }, { index: 0 }),
  makeClient("2", { name: "ООО «Вектор»", deals_won: "1", revenue_won: "100", activity_count: "4", notes: "Важно качество" }, { index: 1 }),
  makeClient("3", { name: "ИП Петров", last_activity_at: "2026-05-02", notes: "Просят скидку" }, { index: 2 }),
  makeClient("4", { name: "ООО «Арго»" }, { index: 3 }),
];
vi.mock("../../src/pipeline.js", () => ({
  prepare: async () => ({
    clients,
    rows: clients,
    lang: "en",
    config: configSchema.parse({}),
    configDir: process.cwd(),
    segmenterContext: { clients, asOf: "2026-06-01", lang: "en", dialect: "bitrix24", mapped: new Set<Field>(FIELDS), territories: {}, defaultCountry: "RU" },
  }),
  segmenterConfig: (c: unknown) => c,
}));
const { segments } = await import("../../src/commands/segments.js");

function capture() {
  let out = "";
  return { io: { stdout: (t: string) => void (out += t), stderr: () => {}, isTTY: false }, out: () => out };
}
const opts = { map: [], seed: 0, json: true, quiet: true, color: false, debug: false };

describe("segment segments", () => {
  it("gives each segmenter's distribution and the matrix as JSON", async () => {
    const c = capture();
    expect(await segments("export.csv", { ...opts, matrix: "temperature,motivation" }, c.io)).toBe(0);
    const json = JSON.parse(c.out());
    expect(json.segments.temperature).toEqual({ hot: 2, warm: 1, cold: 1 });
    expect(json.segments.value).toEqual({ A: 1, B: 0, C: 3 });
    expect(json.segments.motivation).toEqual({ service: 0, price: 2, relationship: 0, quality: 1, delivery: 0, unknown: 1 });
    expect(json.matrix.rows).toBe("temperature");
    expect(json.matrix.columns).toBe("motivation");
    expect(json.matrix.cells.hot).toEqual({ service: 0, price: 1, relationship: 0, quality: 1, delivery: 0, unknown: 0 });
    expect(json.matrix.cells.cold.unknown).toBe(1);
  });

  it("prints tables with counts, shares and row shares", async () => {
    const c = capture();
    await segments("export.csv", { ...opts, json: false, matrix: "temperature,value" }, c.io);
    const text = c.out();
    expect(text).toContain("4 clients from 4 rows");
    expect(text).toMatch(/hot\s*│\s*2\s*│\s*50\.0%/);
    expect(text).toMatch(/hot\s*│\s*1 \(50\.0%\)\s*│\s*0 \(0\.0%\)\s*│\s*1 \(50\.0%\)\s*│\s*2/);
    expect(text).toMatch(/total\s*│\s*1 \(25\.0%\)/);
  });

  it("names a bad --matrix", async () => {
    await expect(segments("export.csv", { ...opts, matrix: "temperature,size" }, capture().io)).rejects.toThrow(/--matrix temperature,size: "size" is no segmenter/);
    await expect(segments("export.csv", { ...opts, matrix: "temperature" }, capture().io)).rejects.toThrow(/expected two segmenter ids/);
  });
});
