// The duplicate finder's accuracy on the Chicago early-childhood sites benchmark (fixtures/chicago-sites, MIT; 3,337 rows
// of 1,162 organisations, ground truth in `True Id`), scored as its README says: the label column removed before the
// tool sees the file, `segment dedupe FILE --map "name=Site name"` run as a user would, then every pair of rows inside
// each predicted group against every pair inside each true cluster.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/** Pairwise precision and recall of predicted groups against true clusters, groups given as lists of row ids. */
export function pairwiseScore(predicted, truth) {
  const pairs = (groups) => {
    const s = new Set();
    for (const g of groups) {
      const m = [...g].sort();
      for (let i = 0; i < m.length; i++) for (let j = i + 1; j < m.length; j++) s.add(m[i] + "\u0000" + m[j]);
    }
    return s;
  };
  const p = pairs(predicted);
  const t = pairs(truth);
  let shared = 0;
  for (const k of p) if (t.has(k)) shared++;
  return { precision: p.size ? shared / p.size : 1, recall: t.size ? shared / t.size : 1, predictedPairs: p.size, truePairs: t.size };
}

const groupsOf = (rows, key, member) => {
  const m = new Map();
  for (const r of rows) (m.get(r[key]) ?? m.set(r[key], []).get(r[key])).push(r[member]);
  return [...m.values()];
};

/**
 * Runs `segment dedupe` on the benchmark `runs` times through `measure(cmd, args)` (the bench's timer): the score of the
 * last run (the tool is deterministic) and each run's wall seconds and peak MiB.
 */
export async function benchChicago(root, measure, runs) {
  const records = parse(readFileSync(join(root, "fixtures/chicago-sites/sites.csv")), { columns: true, bom: true });
  const dir = mkdtempSync(join(tmpdir(), "segment-chicago-"));
  try {
    const file = join(dir, "sites.csv");
    writeFileSync(file, stringify(records, { header: true, columns: Object.keys(records[0]).filter((c) => c !== "True Id") }));
    const walls = [];
    const peaks = [];
    let last;
    for (let i = 0; i < runs; i++) {
      const out = join(dir, "out");
      rmSync(out, { recursive: true, force: true });
      last = await measure(process.execPath, [join(root, "bin/segment.js"), "dedupe", file, "--map", "name=Site name", "-o", out, "--quiet"]);
      if (last.code !== 0) throw new Error(`segment dedupe on the chicago-sites benchmark exited ${last.code}: ${last.stderr.trim()}`);
      walls.push(last.wall);
      peaks.push(last.rssMb);
    }
    const dups = parse(readFileSync(join(dir, "out/duplicates.csv")), { columns: true, bom: true });
    const score = pairwiseScore(groupsOf(dups, "group_id", "client_id"), groupsOf(records, "True Id", "Id"));
    return { rows: records.length, groups: new Set(dups.map((d) => d.group_id)).size, ...score, walls, peaks };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The report's section on it. */
export function chicagoReport(c, fmt) {
  const verdict = c.precision >= 0.95 && c.recall >= 0.9 ? "met" : "NOT met";
  const walls = [...c.walls].sort((a, b) => a - b);
  return [
    "### Duplicates: the Chicago sites benchmark",
    "",
    "`segment dedupe` on `fixtures/chicago-sites/sites.csv` without its `True Id` column (`--map \"name=Site name\"`, nothing",
    "else), scored pairwise against `True Id` as the benchmark's README says (`scripts/lib/chicago.mjs`):",
    "",
    "| rows | groups found | predicted pairs | true pairs | precision | recall | wall s (median) | peak MiB |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    `| ${c.rows} | ${c.groups} | ${c.predictedPairs} | ${c.truePairs} | ${fmt(c.precision, 4)} | ${fmt(c.recall, 4)} | ${fmt(walls[(walls.length - 1) >> 1])} | ${fmt(Math.max(...c.peaks), 0)} |`,
    "",
    `Target precision ≥ 0.95 and recall ≥ 0.90 with no labels: ${verdict}.`,
  ];
}
