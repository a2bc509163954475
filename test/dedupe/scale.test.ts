// Cost of the matcher on synthetic CRM rows: close to linear (BENCH_ROWS=1000000 for the big run).
import { describe, expect, it } from "vitest";
import { findDuplicates } from "../../src/dedupe/index.js";
import { syntheticRows } from "./synthetic.js";
import { pairwise } from "./rows.js";

describe("matcher cost", () => {
  it("grows about linearly with the number of rows", () => {
    const big = Number(process.env.BENCH_ROWS ?? 0);
    const sizes = big > 0 ? [big / 10, big] : [4_000, 16_000];
    findDuplicates(syntheticRows(2_000, 9).rows, { seed: 0 }); // warm the JIT up
    const ms: number[] = [];
    for (const n of sizes) {
      const { rows, companies, companyOf } = syntheticRows(n);
      // CPU time, not wall time: other processes on the machine must not fail the test.
      const c0 = process.cpuUsage();
      const groups = findDuplicates(rows, { seed: 0 });
      const c = process.cpuUsage(c0);
      ms.push((c.user + c.system) / 1000);
      const merged = rows.length - groups.reduce((s, g) => s + g.members.length - 1, 0);
      console.log(`dedupe ${n} rows: ${ms.at(-1)!.toFixed(0)} ms CPU, ${groups.length} groups, ${merged} clients (${companies} planted)`);
      const truth: number[][] = Array.from({ length: companies }, () => []);
      companyOf.forEach((c, row) => truth[c]!.push(row));
      const s = pairwise(groups.map((g) => g.members.map((m) => m.row)), truth);
      console.log(`  pairwise precision ${s.precision.toFixed(4)}, recall ${s.recall.toFixed(4)}`);
      expect(s.precision).toBeGreaterThanOrEqual(0.98);
      expect(s.recall).toBeGreaterThanOrEqual(0.9);
    }
    // Ten (or four) times the rows may not cost much more than proportionally more time.
    const ratio = sizes[1]! / sizes[0]!;
    expect(ms[1]! / ms[0]!).toBeLessThan(ratio * 2);
  });
});
