// Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): top functions by self time, with file:line.
import { readFileSync } from "node:fs";

/**
 * Top `n` functions by self time: [{ms, share, name, where}], `where` as `file:line` (1-based).
 * With `under` (a function name), only samples taken while that function was on the stack count:
 * one stage's own profile out of a whole run's.
 */
export function topSelf(path, n = 15, under = "") {
  const prof = JSON.parse(readFileSync(path, "utf8"));
  const byId = new Map(prof.nodes.map((x) => [x.id, x]));
  let keep = null;
  if (under) {
    keep = new Set();
    const walk = (id, inside) => {
      const node = byId.get(id);
      const now = inside || node.callFrame.functionName === under;
      if (now) keep.add(id);
      for (const c of node.children ?? []) walk(c, now);
    };
    walk(prof.nodes[0].id, false);
  }
  const self = new Map();
  // Samples are node ids; time deltas sit beside them (microseconds).
  for (let i = 0; i < prof.samples.length; i++) {
    const id = prof.samples[i];
    if (keep && !keep.has(id)) continue;
    self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  const agg = new Map();
  for (const [id, us] of self) {
    const f = byId.get(id).callFrame;
    const file = f.url ? f.url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "") : "";
    const key = `${f.functionName || "(anonymous)"}\t${file}:${f.lineNumber + 1}`;
    agg.set(key, (agg.get(key) ?? 0) + us);
  }
  return [...agg].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => {
    const [name, where] = k.split("\t");
    return { ms: us / 1000, share: us / total, name, where };
  });
}

if (process.argv[1] && process.argv[1].endsWith("cpuprofile.mjs")) {
  // `node scripts/lib/cpuprofile.mjs FILE [N] [UNDER-FUNCTION]`
  for (const r of topSelf(process.argv[2], Number(process.argv[3] ?? 15), process.argv[4] ?? "")) {
    console.log(`${r.ms.toFixed(0).padStart(7)} ms ${(r.share * 100).toFixed(1).padStart(5)}%  ${r.name}  ${r.where}`);
  }
}
