// Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): top functions by self time, with file:line.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * A built file's source map (`FILE.map`, as tsc and esbuild write them) as a lookup from a generated line and column
 * (0-based) to `source:line` (1-based); null where there is none. The bundle's chunks say nothing by their own names.
 */
function sourceMapOf(file) {
  const path = file + ".map";
  if (!existsSync(path)) return null;
  const map = JSON.parse(readFileSync(path, "utf8"));
  const sources = map.sources.map((s) => relative(process.cwd(), join(dirname(file), map.sourceRoot ?? "", s)));
  // Per generated line: [column, source, line] segments in column order (the base64 VLQ fields, each relative).
  const lines = [];
  let source = 0;
  let line = 0;
  for (const text of map.mappings.split(";")) {
    const segs = [];
    let column = 0;
    for (const seg of text.split(",")) {
      if (seg === "") continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = shift = 0;
        }
      }
      column += fields[0];
      if (fields.length < 4) continue;
      source += fields[1];
      line += fields[2];
      segs.push([column, source, line]);
    }
    lines.push(segs);
  }
  return (genLine, genColumn) => {
    const segs = lines[genLine];
    if (!segs || segs.length === 0) return null;
    let best = segs[0];
    for (const s of segs) if (s[0] <= genColumn) best = s;
    return `${sources[best[1]]}:${best[2] + 1}`;
  };
}

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
  const maps = new Map();
  for (const [id, us] of self) {
    const f = byId.get(id).callFrame;
    const path = f.url.startsWith("file://") ? f.url.slice("file://".length) : "";
    if (path && !maps.has(path)) maps.set(path, sourceMapOf(path));
    const mapped = path ? maps.get(path)?.(f.lineNumber, f.columnNumber) : null;
    const file = f.url ? f.url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "") : "";
    const key = `${f.functionName || "(anonymous)"}\t${mapped ?? `${file}:${f.lineNumber + 1}`}`;
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
