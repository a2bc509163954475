// `npm run bench` writes its report at the head of BENCHMARKS.md and keeps the passes recorded below it.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const ROOT = join(import.meta.dirname, "../..");
const BENCH = join(ROOT, "scripts/bench.mjs");

describe("bench: the report written into BENCHMARKS.md", () => {
  let dir = "";
  let out = "";
  let code = -1;
  let stderr = "";
  let benchmarksMtime = 0;
  const passes = "## Fifteenth pass: inputs whose shape made a step quadratic\n\nWhat was measured then.\n\n## Fourteenth pass\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "bench-report-"));
    out = join(dir, "BENCHMARKS.md");
    writeFileSync(out, "# Benchmarks\n\nThe previous run's report, replaced.\n\n" + passes);
    benchmarksMtime = statSync(join(ROOT, "BENCHMARKS.md")).mtimeMs;
    await new Promise<void>((resolve) => {
      execFile(process.execPath, [BENCH, "--sizes", "400", "--runs", "1"], { cwd: ROOT, env: { ...process.env, SEGMENT_BENCH_CACHE: join(dir, "cache"), SEGMENT_BENCH_OUT: out } }, (err, _stdout, err2) => {
        code = err ? ((err as { code?: number }).code ?? 1) : 0;
        stderr = err2;
        resolve();
      });
    });
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("puts this run's table at the head and keeps every pass below it, word for word", () => {
    expect(code, stderr).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text.startsWith("# Benchmarks\n")).toBe(true);
    expect(text).not.toContain("The previous run's report, replaced.");
    const head = text.slice(0, text.indexOf("## Fifteenth pass"));
    expect(head).toMatch(/^\| 400 \| 1 \| [\d.]+ \([\d.]+\) \| [\d.]+ \([\d.]+\) \|/m);
    expect(head).toContain("- 300k: not measured in this pass.");
    // The duplicate finder scored on the Chicago sites benchmark, through `segment dedupe`, under a heading the next
    // run does not take for a pass of its own.
    const chicago = /^\| 3337 \| (\d+) \| (\d+) \| 6608 \| ([\d.]+) \| ([\d.]+) \|/m.exec(head);
    expect(chicago, head).not.toBeNull();
    expect(Number(chicago![3])).toBeGreaterThanOrEqual(0.95);
    expect(Number(chicago![4])).toBeGreaterThanOrEqual(0.9);
    expect(head).toContain("### Duplicates: the Chicago sites benchmark");
    expect(head).toContain("recall ≥ 0.90 with no labels: met.");
    expect(text.endsWith("\n\n" + passes)).toBe(true);
    // The project's own BENCHMARKS.md is not touched when the report goes elsewhere.
    expect(statSync(join(ROOT, "BENCHMARKS.md")).mtimeMs).toBe(benchmarksMtime);
  });
});
