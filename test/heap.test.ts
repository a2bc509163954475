// The run's heap policy: loose while the first half of the file is read, loose to the end only for a base whose
// rows will hold little, tight once read (less so below MEDIUM_HEAP), tighter still for a base of a gigabyte.
import { describe, expect, it } from "vitest";
import { heapGrowth, MEDIUM_HEAP, SMALL_HEAP } from "../src/heap.js";

const MB = 1048576;

describe("heapGrowth", () => {
  it("lets the heap grow loosely while the first half is read, whatever its size", () => {
    expect(heapGrowth("reading", 20 * MB)).toBe(75);
    expect(heapGrowth("reading", 600 * MB)).toBe(75);
  });

  it("keeps the loose growth to the end of the read only for a base projected under SMALL_HEAP", () => {
    // Half the Salesforce report of 300k rows (projected 276 MB): loose to the end.
    expect(heapGrowth("half", 138 * MB)).toBe(75);
    // Half the Bitrix24 bench export of 300k rows (projected 394 MB): held from the half on.
    expect(heapGrowth("half", 197 * MB)).toBe(25);
    expect(heapGrowth("half", SMALL_HEAP / 2 - 1)).toBe(75);
    expect(heapGrowth("half", SMALL_HEAP / 2)).toBe(25);
  });

  it("holds a read base near its live data (a base under MEDIUM_HEAP twice as loosely), and a base of a gigabyte tighter", () => {
    expect(heapGrowth("read", 150 * MB)).toBe(50);
    // The Bitrix24 bench export of 300k rows once read.
    expect(heapGrowth("read", 427 * MB)).toBe(50);
    expect(heapGrowth("read", MEDIUM_HEAP - 1)).toBe(50);
    expect(heapGrowth("read", MEDIUM_HEAP)).toBe(25);
    expect(heapGrowth("read", 800 * MB)).toBe(25);
    expect(heapGrowth("half", 460 * MB)).toBe(10);
    expect(heapGrowth("read", 950 * MB)).toBe(10);
  });

  it("scales with SEGMENT_HEAP_GROWTH", () => {
    expect(heapGrowth("reading", 20 * MB, 20)).toBe(60);
    expect(heapGrowth("read", 400 * MB, 40)).toBe(80);
    expect(heapGrowth("read", 700 * MB, 40)).toBe(40);
    expect(heapGrowth("read", 950 * MB, 40)).toBe(10);
    expect(heapGrowth("read", 950 * MB, 5)).toBe(5);
  });
});
