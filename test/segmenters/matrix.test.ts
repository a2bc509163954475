import { describe, expect, it } from "vitest";
import { crossTab, distribution, orderLabels } from "../../src/segmenters/matrix.js";
import type { SegmentColumn } from "../../src/types.js";

const col = (id: string, labels: string[]): SegmentColumn => ({ id, labels, reasons: labels.map(() => "r") });

describe("matrix", () => {
  const temperature = col("temperature", ["hot", "cold", "warm", "cold", "hot", "cold"]);
  const value = col("value", ["A", "C", "B", "C", "C", "A"]);

  it("cross-tabs two segmenters over the same clients, with totals", () => {
    const t = crossTab(temperature, value, { rows: ["hot", "warm", "cold"], columns: ["A", "B", "C"] });
    expect(t.rows).toBe("temperature");
    expect(t.columns).toBe("value");
    expect(t.rowLabels).toEqual(["hot", "warm", "cold"]);
    expect(t.cells).toEqual({
      hot: { A: 1, B: 0, C: 1 },
      warm: { A: 0, B: 1, C: 0 },
      cold: { A: 1, B: 0, C: 2 },
    });
    expect(t.rowTotals).toEqual({ hot: 2, warm: 1, cold: 3 });
    expect(t.columnTotals).toEqual({ A: 2, B: 1, C: 3 });
    expect(t.total).toBe(6);
  });

  it("orders open labels by count, then by code units, and keeps a closed set's zero rows", () => {
    const geo = col("geography", ["Москва", "Cluj", "Москва", "Свердловская область", "Cluj", "unknown"]);
    expect(orderLabels(new Map([["b", 1], ["a", 1], ["c", 3]]))).toEqual(["c", "a", "b"]);
    expect(Object.keys(distribution(geo))).toEqual(["Cluj", "Москва", "unknown", "Свердловская область"]);
    const t = crossTab(geo, value, { columns: ["A", "B", "C"] });
    expect(t.cells["Москва"]).toEqual({ A: 1, B: 1, C: 0 });
    expect(distribution(col("motivation", ["price", "price"]), ["service", "price", "unknown"])).toEqual({ service: 0, price: 2, unknown: 0 });
  });

  it("refuses columns of different lengths", () => {
    expect(() => crossTab(temperature, col("value", ["A"]))).toThrow(/6 clients/);
  });
});
