import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import type { ChunkBatch } from "../../src/io/read-csv.js";
import { unwire, WireEncoder } from "../../src/io/wire.js";
import type { RawRecord } from "../../src/types.js";

/** Every batch through the encoder and back, as the two threads pass them. */
function roundTrip(batches: ChunkBatch[], keys?: (b: ChunkBatch) => string[]): ChunkBatch[] {
  const encoder = new WireEncoder();
  const tables: string[][] = [];
  // structuredClone: what postMessage does to a batch between the threads
  return batches.map((b) => unwire(structuredClone(encoder.encode(b, keys?.(b))), tables));
}

const OWNERS = ["Мария Соколова", "Сергей Иванов", "Laura Schmidt", "Анна Петрова"];

/** A Bitrix24-like batch: ids, names that hardly repeat, owners and statuses that do, long comments, empty cells. */
function batchOf(from: number, n: number, wide: boolean): ChunkBatch {
  const records: RawRecord[] = [];
  for (let i = from; i < from + n; i++) {
    const cells = [
      String(i),
      wide ? `ООО «Компания ${i}»` : `Company ${i} LLC`,
      OWNERS[i % OWNERS.length]!,
      i % 3 === 0 ? "" : "Клиент",
      // an ASCII cell of 13+ characters in a two-byte chunk (narrowed on the way)
      `info${i % 50}@example-company.com`,
      // longer than a repeating cell may be
      "Просили коммерческое предложение, обсуждали сроки поставки и сервисное обслуживание. ".repeat(1 + (i % 2)),
      // a column whose values repeat at first, then never: past the cap of values sent as numbers
      i < 3000 ? `band ${i % 40}` : `region ${i}`,
    ];
    records.push({ line: i + 2, cells: i % 17 === 0 ? cells.slice(0, 5) : cells });
  }
  return { records, position: from * 100, wide };
}

describe("the reader thread's wire", () => {
  it("gives the main thread every record as it was read: cells, lines, positions and name keys", () => {
    const batches: ChunkBatch[] = [];
    // Batches of up to 17,500 cells: a batch's cells cross in runs of 8,192, a record's cells may straddle two runs.
    for (let from = 0, k = 0, n = 700; from < 20_000; from += n, k++, n = k % 2 ? 2500 : 700) batches.push(batchOf(from, n, k % 3 !== 2));
    const keys = (b: ChunkBatch) => b.records.map((r) => r.cells[1]!.toLowerCase());
    const out = roundTrip(batches, keys);
    expect(out).toHaveLength(batches.length);
    expect(Math.max(...batches.map((b) => b.records.reduce((n, r) => n + r.cells.length, 0)))).toBeGreaterThan(2 * 8192);
    for (let b = 0; b < batches.length; b++) {
      expect(out[b]!.position).toBe(batches[b]!.position);
      expect(out[b]!.records).toEqual(batches[b]!.records.map((r) => ({ ...r, nameKey: r.cells[1]!.toLowerCase() })));
    }
    // without keys, records carry none
    expect(roundTrip([batchOf(0, 50, true)])[0]!.records[0]).toEqual({ line: 2, cells: batchOf(0, 1, true).records[0]!.cells });
  });

  it("sends a repeating value once as text and then as its number", () => {
    const encoder = new WireEncoder();
    const first = encoder.encode(batchOf(0, 400, true));
    const second = encoder.encode(batchOf(400, 400, true));
    // the owners column: four values, each sent once
    expect(first.fresh.filter((v) => OWNERS.includes(v))).toEqual(OWNERS);
    expect(second.fresh.filter((v) => OWNERS.includes(v))).toEqual([]);
    expect(second.cells.flat().filter((c) => typeof c === "number").length).toBeGreaterThan(1000);
    // names hardly repeat: after a trial of 2,048 cells they go as text
    for (let from = 800; from < 2400; from += 400) encoder.encode(batchOf(from, 400, true));
    const late = encoder.encode(batchOf(3000, 50, true));
    expect(late.cells.flat()).toContain("ООО «Компания 3001»");
    // the band column kept numbering its values, new ones too, up to 4,096 of them; past those, text
    expect(late.fresh).toContain("region 3001");
    expect(late.cells.flat()).not.toContain("region 3001");
    for (let from = 3050; from < 7500; from += 500) encoder.encode(batchOf(from, 500, true));
    const past = encoder.encode(batchOf(7500, 10, true));
    expect(past.cells.flat()).toContain("region 7501");
    expect(past.fresh).not.toContain("region 7501");
  });

  it("keeps no chunk of the file alive: a value sent as a number is kept as a copy, not a slice of its chunk", () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const encoder = new WireEncoder();
    const heap = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = heap();
    // 40 chunks of 1M two-byte characters (80 MB): each brings a new value of a repeating column, a slice of the
    // chunk's text as the reader's cells are
    for (let k = 0; k < 40; k++) {
      const chunk = Buffer.from(`Ответственный ${String(k).padStart(3, "0")};` + "д".repeat(1_000_000)).toString("utf8");
      const owner = chunk.slice(0, 17);
      const records: RawRecord[] = [];
      for (let i = 0; i < 60; i++) records.push({ line: k * 60 + i + 2, cells: [String(k * 60 + i), owner] });
      encoder.encode({ records, position: k, wide: true });
    }
    const kept = heap() - before;
    expect(kept).toBeLessThan(16 * 1048576);
    // the encoder is still live (it numbers the 40 owners)
    expect(encoder.encode({ records: [{ line: 1, cells: ["0", "Ответственный 000"] }], position: 0, wide: true }).cells).toEqual([["0", 0]]);
  });
});
