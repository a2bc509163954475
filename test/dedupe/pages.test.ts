// Large typed arrays on pages of their own (src/pages.ts): the same values as ordinary arrays, and the matcher finds
// the same groups whichever arrays hold its tables.
import { afterEach, describe, expect, it } from "vitest";
import { findDuplicates } from "../../src/dedupe/index.js";
import { float64Array, int32Array, pagesFrom } from "../../src/pages.js";
import { chicagoRows } from "./rows.js";
import { syntheticRows } from "./synthetic.js";

afterEach(() => pagesFrom(undefined));

describe("typed arrays on pages", () => {
  it("are zeroed and of the asked length; from 1 MB their buffer is whole 64 KiB pages", () => {
    const small = int32Array(1000);
    expect(small.length).toBe(1000);
    expect(small.buffer.byteLength).toBe(4000);
    const big = int32Array(300_000); // 1.2 MB: 19 pages
    expect(big.length).toBe(300_000);
    expect(big.buffer.byteLength).toBe(19 * 65536);
    expect(big.every((v) => v === 0)).toBe(true);
    const f = float64Array(200_000);
    expect(f.buffer.byteLength).toBe(25 * 65536);
    f.fill(-1);
    f[3] = 2.5;
    f.subarray(0, 10).sort();
    expect(Array.from(f.subarray(0, 10))).toEqual([-1, -1, -1, -1, -1, -1, -1, -1, -1, 2.5]);
    expect(f[10]).toBe(-1);
  });

  it("can be turned off or on for every size", () => {
    pagesFrom(Infinity);
    expect(int32Array(300_000).buffer.byteLength).toBe(1_200_000);
    pagesFrom(0);
    expect(int32Array(10).buffer.byteLength).toBe(65536);
    expect(int32Array(0).length).toBe(0);
  });
});

describe("the matcher's tables on pages", () => {
  const groupsWith = (rows: Parameters<typeof findDuplicates>[0], bytes: number) => {
    pagesFrom(bytes);
    return findDuplicates(rows, { seed: 7 });
  };

  it("finds the same groups, scores and evidence on the Chicago sites", () => {
    const rows = chicagoRows();
    const plain = groupsWith(rows, Infinity);
    expect(plain.length).toBeGreaterThan(500);
    expect(groupsWith(rows, 0)).toEqual(plain);
  });

  it("finds the same groups on planted duplicates with tax ids, phones and addresses", () => {
    const { rows } = syntheticRows(3000, 5);
    const plain = groupsWith(rows, Infinity);
    expect(plain.length).toBeGreaterThan(50);
    expect(groupsWith(rows, 0)).toEqual(plain);
  });
});
