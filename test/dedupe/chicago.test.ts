// Accuracy on the public Chicago early-childhood sites benchmark (dedupe-examples, MIT): no labels used.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { findDuplicates } from "../../src/dedupe/index.js";
import { makeRow, pairwise } from "./rows.js";

const FILE = new URL("../../fixtures/chicago-sites/sites.csv", import.meta.url);

describe("chicago-sites benchmark", () => {
  it("reaches precision >= 0.95 and recall >= 0.90 pairwise", () => {
    const records = parse(readFileSync(FILE), { columns: true, bom: true }) as Record<string, string>[];
    const truthOf = records.map((r) => r["True Id"]!);
    const rows = records.map((r, i) =>
      makeRow(i, r["Id"]!, {
        name: r["Site name"],
        address: r["Address"],
        postal_code: r["Zip"],
        phone: r["Phone"],
        website: r["Website"],
        email: r["Email Address"],
        id: r["Id"],
      }, "US"),
    );
    const t0 = performance.now();
    const groups = findDuplicates(rows, { seed: 0 });
    const ms = performance.now() - t0;
    const truth = new Map<string, number[]>();
    truthOf.forEach((t, i) => (truth.get(t) ?? truth.set(t, []).get(t)!).push(i));
    const score = pairwise(groups.map((g) => g.members.map((m) => m.row)), [...truth.values()]);
    console.log(`chicago-sites: ${rows.length} rows, ${groups.length} groups, precision ${score.precision.toFixed(4)}, recall ${score.recall.toFixed(4)} (${score.predictedPairs} predicted / ${score.truePairs} true pairs), ${ms.toFixed(0)} ms`);
    expect(score.truePairs).toBe(6608);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
  });
});
