// The balance's lift (waterfill step 5): a manager below the tolerance band pulls a client from the most loaded
// manager that has one it may take, even when nobody is above the band.
import { describe, expect, it } from "vitest";
import { fill, type FillInput } from "../../src/allocate/waterfill.js";

/** Three managers of equal capacity, every client weight 1, owned as `owners` says; `sigOf` gives each client's eligible managers. */
function input(owners: number[], sigOf: (owner: number) => number, sigs: number[][]): FillInput {
  const n = owners.length;
  return {
    fair: [10, 10, 10], open: [true, true, true], tolerance: 0.1, total: n, fixed: [0, 0, 0], load: [0, 0, 0],
    weight: owners.map(() => 1), rank: owners.map((_, i) => i), sigs, sig: owners.map(sigOf),
    hot: owners.map(() => false), topValue: owners.map(() => false), protectable: owners.map(() => false),
    soft: owners.map((owner, client) => ({ client, owner })), pool: [], quota: null, capacity: [1, 1, 1],
  };
}

const counts = (manager: Int32Array) => [0, 1, 2].map((m) => manager.filter((x) => x === m).length);
// 11 clients of the first manager, 11 of the second, 8 of the third: the top two sit on the band's edge (level 10,
// upper 11), the third below it (lower 9).
const owners = [...Array(11).fill(0), ...Array(11).fill(1), ...Array(8).fill(2)] as number[];

describe("the lift", () => {
  it("pulls one client into the manager below the band from the first of the most loaded", () => {
    const { manager } = fill(input(owners, () => 0, [[0, 1, 2]]), owners.length);
    expect(counts(manager)).toEqual([10, 11, 9]);
    const moved = [...manager].map((m, c) => (m !== owners[c] ? c : -1)).filter((c) => c >= 0);
    // The first manager's client first in tie order (ranks are client order; a bucket's top is the first).
    expect(moved).toEqual([0]);
  });

  it("pulls from the next most loaded manager when the first one's clients may not go to it", () => {
    // The first manager's clients are eligible for the first two managers only.
    const { manager } = fill(input(owners, (o) => (o === 0 ? 1 : 0), [[0, 1, 2], [0, 1]]), owners.length);
    expect(counts(manager)).toEqual([11, 10, 9]);
    const moved = [...manager].map((m, c) => (m !== owners[c] ? c : -1)).filter((c) => c >= 0);
    expect(moved).toEqual([11]);
  });
});
