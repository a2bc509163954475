#!/usr/bin/env node
// `npm run bench [-- --sizes 100000,300000 --runs 3 --seed 1 --profile 300000 --no-write]`: times the whole
// `segment run` against csv-parse merely parsing the same export, per size, scores `segment dedupe` on the Chicago
// sites benchmark (`scripts/lib/chicago.mjs`), and writes its report at the head of BENCHMARKS.md (the passes
// recorded below the report stay).
// `--dialect D` benches another generated dialect; `--dialect all` (or `hubspot,odoo,...`) sweeps several and prints
// one table of them, BENCHMARKS.md untouched; `--encoding native` writes 1C and Bitrix24 in Windows-1251.
// `--heavy notes,wide` (or `wide+notes`, `switchboard`, `all`) benches heavier rows made from the Bitrix24 export
// (`scripts/heavy-export.mjs`: notes of their own on every company, 25 more columns, both, or one phone on every
// company), one table, BENCHMARKS.md untouched.
//
// Each measurement is a child process of its own, timed by /usr/bin/time (wall, CPU, peak RSS) where
// it exists, else by the wall clock and /proc/<pid>/status VmHWM polled until exit. CPU seconds are
// reported beside wall seconds because a shared 2-core machine makes wall time noisy.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { GENERATOR_VERSION } from "./gen-export.mjs";
import { DIALECTS } from "./lib/dialects.mjs";
import { benchChicago, chicagoReport } from "./lib/chicago.mjs";
import { topSelf } from "./lib/cpuprofile.mjs";
import { peakVerdict } from "./lib/targets.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
// SEGMENT_BENCH_CACHE moves the generated exports elsewhere (the bench's own test uses a temporary folder).
const CACHE = process.env.SEGMENT_BENCH_CACHE || join(ROOT, ".bench-cache");
const STAGES = ["read", "normalise", "owners", "dedupe", "segment", "conflicts", "allocate", "write"];
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
/** The functions each timed stage runs under (src/pipeline.ts, src/commands/run.ts), to cut a run's profile by stage. */
const STAGE_ROOTS = {
  read: ["readExport", "chunks", "batches"], normalise: ["buildRecords", "normaliseRecords", "rowsOf", "rule"], owners: ["deriveManagers", "readManagers", "matchOwners"],
  dedupe: ["findDuplicates", "mergeClients"], segment: ["runSegmenters"], conflicts: ["findConflicts"], allocate: ["runAllocation"],
  write: ["buildSummary", "csvOutputs", "renderMarkdown", "renderHtml", "writeOutputs"],
};

function arg(name, fallback) {
  const i = process.argv.indexOf("--" + name);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const flag = (name) => process.argv.includes("--" + name);

const median = (xs) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "–");
const human = (n) => (n >= 1e6 && n % 1e6 === 0 ? n / 1e6 + "M" : n >= 1e3 && n % 1e3 === 0 ? n / 1e3 + "k" : String(n));

/** Runs `cmd args` to completion: {code, wall, cpu, rssMb, stdout, stderr}. */
function measure(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const timed = TIME ? [TIME, ["-f", "BENCH_TIME %e %U %S %M", cmd, ...args]] : [cmd, args];
    const t0 = process.hrtime.bigint();
    const child = spawn(timed[0], timed[1], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "", stderr = "", hwm = 0;
    child.stdout.on("data", (b) => { if (stdout.length < 1e6) stdout += b; });
    child.stderr.on("data", (b) => { if (stderr.length < 1e6) stderr += b; });
    // Without GNU time: the child's own high-water mark, read until it exits.
    const poll = TIME ? null : setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) hwm = Math.max(hwm, Number(m[1]));
      } catch { /* exited */ }
    }, 20);
    child.on("close", (code) => {
      if (poll) clearInterval(poll);
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      let cpu = NaN, rssMb = hwm / 1024;
      const m = /BENCH_TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
      if (m) { cpu = Number(m[2]) + Number(m[3]); rssMb = Number(m[4]) / 1024; }
      resolve({ code, wall, cpu, rssMb, stdout, stderr });
    });
  });
}

/** The cached export of `size` rows (generated once per size, seed, dialect and generator version). */
async function exportFile(size, seed, dialect, encoding = "utf-8") {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `${dialect}-${size}-s${seed}${encoding === "native" ? "-native" : ""}-g${GENERATOR_VERSION}.csv`);
  if (existsSync(file)) return file;
  // Exports of an older generator are never read again, and a 1M-row one is half a gigabyte.
  for (const f of readdirSync(CACHE)) if (/-g\d+\.csv(\.part)?$/.test(f) && !f.endsWith(`-g${GENERATOR_VERSION}.csv`)) rmSync(join(CACHE, f), { force: true });
  const part = file + ".part";
  process.stderr.write(`generating ${human(size)} rows → ${file}\n`);
  const r = await measure(process.execPath, [join(ROOT, "scripts/gen-export.mjs"), "--rows", String(size), "--seed", String(seed), "--dialect", dialect, "--encoding", encoding, "--out", part]);
  if (r.code !== 0) throw new Error(`gen-export failed: ${r.stderr.trim()}`);
  process.stderr.write(`  ${fmt(r.wall)} s wall, ${fmt(r.cpu)} s CPU (${fmt((r.cpu / size) * 1e6, 1)} µs a row), ${fmt(statSync(part).size / 1048576, 0)} MB\n`);
  renameSync(part, file);
  return file;
}

/** Heavier rows than the generator's, as `scripts/heavy-export.mjs` makes them from its Bitrix24 export. */
const HEAVY = {
  notes: ["--note-chars", "200"],
  wide: ["--columns", "25"],
  "wide+notes": ["--columns", "25", "--note-chars", "200"],
  switchboard: ["--one-phone"],
};

/** The cached heavier variant `kind` of the Bitrix24 export of `size` rows. */
async function heavyFile(size, seed, kind) {
  const base = await exportFile(size, seed, "bitrix24");
  const file = join(CACHE, `bitrix24-${size}-s${seed}-${kind.replace("+", "-")}-g${GENERATOR_VERSION}.csv`);
  if (existsSync(file)) return file;
  const part = file + ".part";
  process.stderr.write(`making ${kind} rows → ${file}\n`);
  const r = await measure(process.execPath, [join(ROOT, "scripts/heavy-export.mjs"), "--from", base, "--out", part, ...HEAVY[kind]]);
  if (r.code !== 0) throw new Error(`heavy-export failed: ${r.stderr.trim()}`);
  renameSync(part, file);
  return file;
}

function parseTimings(stderr) {
  const m = /SEGMENT_TIMINGS (\{.*\})/.exec(stderr);
  if (!m) return null;
  try { return JSON.parse(m[1]); } catch { return null; }
}

async function runSegment(file, extraNode = []) {
  const out = mkdtempSync(join(tmpdir(), "segment-bench-"));
  try {
    const r = await measure(process.execPath, [...extraNode, join(ROOT, "bin/segment.js"), "run", file, "-o", join(out, "out"), "--as-of", "2026-11-01", "--quiet"], { SEGMENT_TIMINGS: "1" });
    r.timings = parseTimings(r.stderr);
    return r;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** One export of `size` rows timed `runsSmall` times (once past 300k rows): csv-parse alone, then `segment run`, interleaved. */
async function benchSize(size, runsSmall, seed, dialect, encoding, heavy) {
  const file = heavy ? await heavyFile(size, seed, heavy) : await exportFile(size, seed, dialect, encoding);
  const runs = size > 300000 ? 1 : runsSmall;
  const parse = [], seg = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved, so that both sides share whatever else the machine is doing.
    const p = await measure(process.execPath, [join(ROOT, "scripts/lib/parse-only.mjs"), file, DIALECTS[dialect].delimiter]);
    if (p.code !== 0) throw new Error(`parse-only failed: ${p.stderr.trim()}`);
    parse.push(p);
    const s = await runSegment(file);
    if (s.code !== 0 && s.code !== 2) process.stderr.write(`segment run exited ${s.code}: ${s.stderr.trim().split("\n").slice(-3).join(" | ")}\n`);
    seg.push(s);
    process.stderr.write(`${heavy ? `${dialect} (${heavy})` : dialect} ${human(size)} run ${i + 1}/${runs}: parse ${fmt(p.wall)} s (${fmt(p.cpu)} CPU, ${fmt(p.rssMb, 0)} MB), segment ${fmt(s.wall)} s (${fmt(s.cpu)} CPU, ${fmt(s.rssMb, 0)} MB) exit ${s.code}\n`);
  }
  const ok = seg.filter((s) => s.timings);
  const stages = Object.fromEntries(STAGES.map((k) => [k, median(ok.map((s) => s.timings[k] / 1000))]));
  return {
    size, runs, exit: seg.map((s) => s.code), bytes: statSync(file).size,
    parseWall: median(parse.map((p) => p.wall)), parseCpu: median(parse.map((p) => p.cpu)), parseMb: Math.max(...parse.map((p) => p.rssMb)),
    segWall: median(seg.map((s) => s.wall)), segCpu: median(seg.map((s) => s.cpu)), segMb: Math.max(...seg.map((s) => s.rssMb)),
    stages, reportedRss: Math.max(0, ...ok.map((s) => s.timings.rss_mb ?? 0)),
    // Each run's own ratio (its parse-only and segment runs side by side): on a machine whose speed drifts, the
    // medians of the two columns can come from runs minutes apart.
    ratios: seg.map((s, i) => s.wall / parse[i].wall),
  };
}

/** The sweep over several dialects: one row per dialect and size (printed, not written to BENCHMARKS.md). */
function sweepReport(rows, m) {
  const cmd = "npm run bench -- " + process.argv.slice(2).join(" ");
  const L = [];
  L.push(`Command: \`${cmd}\`. Machine: ${m.nproc} cores, ${m.model}, Node ${m.node}; load average at start ${m.load}, at the end ${loadavg().map((x) => x.toFixed(1)).join(" ")}.`, "");
  L.push("Each export is made by `scripts/gen-export.mjs` for the dialect (heavier rows: `scripts/heavy-export.mjs` from its Bitrix24 export); the ratio is the median `segment run` wall time over the median csv-parse-only wall time, with each run's own ratio beside it.", "");
  L.push("| dialect | rows | bytes a row | parse-only s (CPU s) | segment s (CPU s) | ratio | run by run | peak MiB | exit |");
  L.push("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |");
  for (const r of rows) {
    L.push(`| ${r.dialect} | ${human(r.size)} | ${fmt(r.bytes / r.size, 0)} | ${fmt(r.parseWall)} (${fmt(r.parseCpu)}) | ${fmt(r.segWall)} (${fmt(r.segCpu)}) | ${fmt(r.segWall / r.parseWall)}× | ${r.ratios.map((x) => fmt(x)).join(", ")} | ${fmt(r.segMb, 0)} | ${[...new Set(r.exit)].join(",")} |`);
  }
  return L.join("\n") + "\n";
}

function machine() {
  let model = "unknown";
  try { model = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? model; } catch { /* not Linux */ }
  let nproc = String(cpus().length);
  try { nproc = execFileSync("nproc", { encoding: "utf8" }).trim(); } catch { /* no coreutils */ }
  return { nproc, node: process.version, model, load: loadavg().map((x) => x.toFixed(1)).join(" ") };
}

async function main() {
  const sizes = (arg("sizes", "100000,300000,1000000")).split(",").map((s) => Number(s.replace(/k$/i, "000").replace(/m$/i, "000000")));
  const runsSmall = Number(arg("runs", "3"));
  const seed = Number(arg("seed", "1"));
  const dialectArg = arg("dialect", "bitrix24");
  const dialects = dialectArg === "all" ? Object.keys(DIALECTS) : dialectArg.split(",");
  const dialect = dialects[0];
  const encoding = arg("encoding", "utf-8");
  const profileSize = arg("profile") ? Number(arg("profile")) : null;
  const heavyArg = arg("heavy");
  const heavy = heavyArg === undefined ? [] : heavyArg === "all" ? Object.keys(HEAVY) : heavyArg.split(",");
  if (dialects.some((d) => !DIALECTS[d]) || sizes.some((s) => !(s > 0)) || !(runsSmall > 0) || !["utf-8", "native"].includes(encoding) || heavy.some((h) => !HEAVY[h])) {
    throw new Error(`usage: bench.mjs [--sizes 100000,300000,1000000] [--runs 3] [--seed 1] [--dialect bitrix24|all|D1,D2,...] [--encoding utf-8|native] [--heavy notes,wide,wide+notes,switchboard|all] [--profile SIZE] [--no-write]\ndialects: ${Object.keys(DIALECTS).join(", ")}; heavier rows: ${Object.keys(HEAVY).join(", ")}`);
  }
  if (!existsSync(join(ROOT, "dist/cli.js"))) throw new Error("dist/ is missing: run `npm run build` first");
  const m = machine();
  process.stderr.write(`machine: ${m.nproc} cores, ${m.model}, node ${m.node}, load ${m.load}\n`);

  if (heavy.length > 0) {
    const rows = [];
    for (const h of heavy) for (const size of sizes) rows.push({ dialect: `bitrix24 (${h})`, ...(await benchSize(size, runsSmall, seed, "bitrix24", "utf-8", h)) });
    process.stdout.write(sweepReport(rows, m));
    return;
  }
  if (dialects.length > 1) {
    const rows = [];
    for (const d of dialects) for (const size of sizes) rows.push({ dialect: d, ...(await benchSize(size, runsSmall, seed, d, encoding)) });
    process.stdout.write(sweepReport(rows, m));
    return;
  }

  const results = [];
  for (const size of sizes) results.push(await benchSize(size, runsSmall, seed, dialect, encoding));
  const chicago = await benchChicago(ROOT, measure, runsSmall);
  process.stderr.write(`chicago-sites: precision ${fmt(chicago.precision, 4)}, recall ${fmt(chicago.recall, 4)}\n`);

  let profile = null;
  if (profileSize) {
    const file = await exportFile(profileSize, seed, dialect, encoding);
    const dir = mkdtempSync(join(tmpdir(), "segment-prof-"));
    const s = await runSegment(file, ["--cpu-prof", "--cpu-prof-dir=" + dir]);
    // The profile of the thread that ran the pipeline: the command thread's for a large export (src/command-thread.ts),
    // else the main thread's (`CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`, thread 0); not the reader's or
    // the matcher's.
    const profiles = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
    const ranPipeline = (f) => JSON.parse(readFileSync(join(dir, f), "utf8")).nodes.some((n) => n.callFrame.functionName === "runPipeline");
    const prof = profiles.find(ranPipeline) ?? profiles.find((f) => f.split(".")[4] === "0") ?? profiles[0];
    const byStage = {};
    if (prof) {
      for (const [stage, roots] of Object.entries(STAGE_ROOTS)) {
        const merged = new Map();
        for (const root of roots) {
          for (const t of topSelf(join(dir, prof), 200, root)) {
            const key = t.name + "\t" + t.where;
            const x = merged.get(key) ?? { ...t, ms: 0 };
            x.ms += t.ms;
            merged.set(key, x);
          }
        }
        byStage[stage] = [...merged.values()].sort((a, b) => b.ms - a.ms).slice(0, 15);
      }
    }
    profile = { size: profileSize, timings: s.timings, top: prof ? topSelf(join(dir, prof), 15) : [], byStage };
    rmSync(dir, { recursive: true, force: true });
  }

  const text = report(results, m, profile, dialect, encoding, chicago);
  process.stdout.write(text);
  if (!flag("no-write")) writeReport(text);
}

/**
 * BENCHMARKS.md (SEGMENT_BENCH_OUT moves it, for the bench's own test) gets this run's report at its head; the
 * passes written below it (from its first `## ` heading on) stay.
 */
function writeReport(text) {
  const path = process.env.SEGMENT_BENCH_OUT || join(ROOT, "BENCHMARKS.md");
  let history = "";
  if (existsSync(path)) {
    const old = readFileSync(path, "utf8");
    const at = old.search(/^## /m);
    if (at >= 0) history = "\n" + old.slice(at);
  }
  const tmp = path + ".tmp";
  writeFileSync(tmp, text + history);
  renameSync(tmp, path);
}

function report(results, m, profile, dialect, encoding, chicago) {
  const cmd = "npm run bench" + (process.argv.length > 2 ? " -- " + process.argv.slice(2).join(" ") : "");
  const L = [];
  L.push("# Benchmarks", "");
  const what = dialect === "bitrix24" && encoding === "utf-8"
    ? "a generated Bitrix24 company export (UTF-8 with BOM, `;`, every cell quoted,"
    : `a generated ${dialect} export (${encoding === "native" ? "in the CRM's own encoding" : "UTF-8"}, \`${DIALECTS[dialect].delimiter}\`,`;
  L.push(`Command: \`${cmd}\` — each export is ${what}`,
    "~5% planted duplicates, 8 managers and a departed one, dead souls, a few bad rows; `scripts/gen-export.mjs`), run as",
    "`node bin/segment.js run FILE -o TMPDIR --as-of 2026-11-01 --quiet` with `SEGMENT_TIMINGS=1`, against csv-parse merely",
    "streaming the same file into header-keyed records (`scripts/lib/parse-only.mjs`). Times are medians over the runs, each run a",
    "fresh process; CPU = user + system seconds; peak = the process's maximum RSS.", "");
  L.push(`Machine: ${m.nproc} cores (\`nproc\`), ${m.model}, Node ${m.node}; load average at start ${m.load}, at the end ${loadavg().map((x) => x.toFixed(1)).join(" ")}`
    + " (a load above the core count makes wall times, and to a lesser degree CPU times, run high: compare the CPU ratio).", "");
  L.push("| rows | runs | parse-only s (CPU s) | segment s (CPU s) | ratio wall (CPU) | rows/s | peak MiB parse / segment | exit |");
  L.push("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const r of results) {
    L.push(`| ${human(r.size)} | ${r.runs} | ${fmt(r.parseWall)} (${fmt(r.parseCpu)}) | ${fmt(r.segWall)} (${fmt(r.segCpu)}) | ${fmt(r.segWall / r.parseWall)} (${fmt(r.segCpu / r.parseCpu)}) | ${fmt(r.size / r.segWall, 0)} | ${fmt(r.parseMb, 0)} / ${fmt(r.segMb, 0)} | ${[...new Set(r.exit)].join(",")} |`);
  }
  L.push("", "Per stage (seconds, from `SEGMENT_TIMINGS`; the budget is the parse-only time of the same file; the export is read in chunks",
    "on a second thread while the command's thread (src/command-thread.ts) applies the record rules and normalisers: `read` is that",
    "thread's time taking batches from the reader (waiting, and receiving the cells), `normalise` the rules and normalisers):", "");
  L.push(`| rows | ${STAGES.join(" | ")} | sum | rss MB (reported) |`);
  L.push(`| ---: | ${STAGES.map(() => "---:").join(" | ")} | ---: | ---: |`);
  for (const r of results) {
    const sum = STAGES.reduce((a, k) => a + (Number.isFinite(r.stages[k]) ? r.stages[k] : 0), 0);
    L.push(`| ${human(r.size)} | ${STAGES.map((k) => fmt(r.stages[k])).join(" | ")} | ${fmt(sum)} | ${r.reportedRss || "–"} |`);
  }
  const a = results.find((r) => r.size === 100000), b = results.find((r) => r.size === 300000);
  if (a && b) {
    L.push("", `Growth 100k → 300k (time ratio / size ratio; 1.00 = linear): parse-only ${fmt(b.parseWall / a.parseWall / 3)}, segment ${fmt(b.segWall / a.segWall / 3)} wall, ${fmt(b.segCpu / a.segCpu / 3)} CPU;`
      + " per stage " + STAGES.map((k) => `${k} ${fmt(b.stages[k] / a.stages[k] / 3)}`).join(", ") + ".");
  }
  L.push("", "Targets:", "");
  for (const r of results) {
    if (r.size === 300000) {
      L.push(`- 300k: segment ≤ 3× parse-only: ${fmt(r.segWall / r.parseWall)}× wall, ${fmt(r.segCpu / r.parseCpu)}× CPU — ${r.segWall / r.parseWall <= 3 ? "met" : "NOT met"} (run by run: ${r.ratios.map((x) => fmt(x) + "×").join(", ")}); peak < 1 GB: ${peakVerdict(r.segMb, 1)}.`);
    }
    if (r.size === 1000000) L.push(`- 1M: peak < 2 GB: ${peakVerdict(r.segMb, 2)}.`);
  }
  if (!results.some((r) => r.size === 300000)) L.push("- 300k: not measured in this pass.");
  if (!results.some((r) => r.size === 1000000)) L.push("- 1M: not measured in this pass.");
  if (profile) {
    L.push("", `Profile of one run at ${human(profile.size)} rows (\`node --cpu-prof\`), top functions by self time:`, "");
    const table = (rows) => {
      L.push("| ms | function | where |", "| ---: | --- | --- |");
      for (const t of rows) L.push(`| ${fmt(t.ms, 0)} | ${t.name.replace(/\|/g, "\\|")} | ${t.where} |`);
    };
    table(profile.top);
    // The slowest stages by their own timing in the profiled run, each cut out of the profile.
    const slow = profile.timings ? STAGES.filter((k) => profile.byStage[k]?.length).sort((a, b) => profile.timings[b] - profile.timings[a]).slice(0, 3) : [];
    for (const k of slow) {
      L.push("", `Stage \`${k}\` (${fmt(profile.timings[k] / 1000)} s in the profiled run), top functions by self time under ${STAGE_ROOTS[k].map((f) => "`" + f + "`").join(", ")}:`, "");
      table(profile.byStage[k]);
    }
  }
  L.push("", ...chicagoReport(chicago, fmt));
  return L.join("\n") + "\n";
}

main().catch((err) => {
  process.stderr.write(String(err?.message ?? err) + "\n");
  process.exit(1);
});
