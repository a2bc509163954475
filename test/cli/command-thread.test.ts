// A large export's command runs on a thread of its own (src/command-thread.ts): what the user sees and gets must be
// what the same command gives on the main thread, exit codes and messages included.
import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { COMMAND_THREAD_OVER, commandThreadWanted } from "../../src/command-thread.js";
import { DEMO, DEMO_CONFIG, segment, tempDir, type CliResult } from "./helpers.js";

const ON = { SEGMENT_COMMAND_THREAD: "1" };
const OFF = { SEGMENT_COMMAND_THREAD: "0" };

const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();

/** The same command on the command thread and on the main thread, its output folder (if any) in two temp folders. */
function both(args: (out: string) => string[], env: Record<string, string> = {}): { on: CliResult; off: CliResult; outs: [string, string] } {
  const outs: [string, string] = [join(tempDir(), "out"), join(tempDir(), "out")];
  const on = segment(args(outs[0]), { env: { ...env, ...ON } });
  const off = segment(args(outs[1]), { env: { ...env, ...OFF } });
  // The folders' names differ; nothing else may.
  for (const [r, out] of [[on, outs[0]], [off, outs[1]]] as const) {
    r.stdout = r.stdout.replaceAll(out, "OUT");
    r.stderr = r.stderr.replaceAll(out, "OUT");
  }
  return { on, off, outs };
}

describe("the command thread", () => {
  it("runs a command with the same outputs, stdout, stderr and exit code as the main thread", () => {
    const { on, off, outs } = both((out) => ["run", DEMO, "-c", DEMO_CONFIG, "--as-of", "2026-11-01", "-o", out]);
    expect(on.exitCode).toBe(0);
    expect(on).toEqual(off);
    expect(on.stdout).toContain("OUT");
    expect(on.stderr).toMatch(/bitrix24-companies\.csv: windows-1251/);
    expect(files(outs[0])).toEqual(files(outs[1]));
    expect(files(outs[0]).length).toBeGreaterThan(8);
    for (const f of files(outs[0]).filter((f) => /\.(csv|md|json|html)$/.test(f))) {
      expect(readFileSync(join(outs[0], f), "utf8"), f).toBe(readFileSync(join(outs[1], f), "utf8"));
    }
  });

  it("is the thread a large export's command runs on, and only then (SEGMENT_TIMINGS says which threads a run had)", () => {
    const threads = (env: Record<string, string>) => {
      const r = segment(["run", DEMO, "-c", DEMO_CONFIG, "--as-of", "2026-11-01", "-o", join(tempDir(), "out"), "--quiet"], { env: { SEGMENT_TIMINGS: "1", ...env } });
      expect(r.exitCode).toBe(0);
      return (JSON.parse(/SEGMENT_TIMINGS (\{.*\})/.exec(r.stderr)![1]!) as { threads: { command: boolean } }).threads.command;
    };
    expect(threads(ON)).toBe(true);
    expect(threads(OFF)).toBe(false);
    // The demo is far below the size that takes the thread by itself.
    expect(threads({})).toBe(false);
  });

  it("reads with the reader thread the main thread started for it, and matches on its own matcher thread", () => {
    // 8 KB chunks: the demo export is streamed, so the main thread starts a reader and hands it over.
    const env = { SEGMENT_TIMINGS: "1", SEGMENT_CHUNK_BYTES: "8192" };
    const { on, off, outs } = both((out) => ["run", DEMO, "-c", DEMO_CONFIG, "--as-of", "2026-11-01", "-o", out, "--quiet"], env);
    const threads = (r: CliResult) => (JSON.parse(/SEGMENT_TIMINGS (\{.*\})/.exec(r.stderr)![1]!) as { threads: unknown }).threads;
    expect(threads(on)).toEqual({ command: true, reader: true, matcher: true });
    expect(threads(off)).toEqual({ command: false, reader: true, matcher: true });
    expect([on.exitCode, on.stdout]).toEqual([off.exitCode, off.stdout]);
    for (const f of files(outs[0]).filter((f) => /\.(csv|md|json)$/.test(f))) {
      expect(readFileSync(join(outs[0], f), "utf8"), f).toBe(readFileSync(join(outs[1], f), "utf8"));
    }
  });

  it("gives back the command's exit codes and messages: a usage error, a failed --fail-on, a missing config", () => {
    const missing = join(tempDir(), "none.json");
    const cases: Array<[(out: string) => string[], number, RegExp]> = [
      [(out) => ["run", DEMO, "-c", DEMO_CONFIG, "--as-of", "2026-13-01", "-o", out], 2, /--as-of expects a date YYYY-MM-DD, got "2026-13-01"/],
      [(out) => ["run", DEMO, "-c", DEMO_CONFIG, "--as-of", "2026-11-01", "-o", out, "--quiet", "--fail-on", "rejected>0"], 4, /--fail-on condition held: rejected>0/],
      [(out) => ["run", DEMO, "-c", missing, "-o", out], 2, /none\.json/],
    ];
    for (const [args, code, message] of cases) {
      const { on, off } = both(args);
      expect(on.exitCode, message.source).toBe(code);
      expect(on.stderr).toMatch(message);
      expect(on).toEqual(off);
    }
  });

  it("says in a sentence that a run ran out of memory, exit 1, nothing written (on the main thread V8 stops the process)", () => {
    const out = join(tempDir(), "out");
    // 16 MB of old generation: the command needs several times that (the demo's run takes 64-72 MB).
    const r = segment(["run", DEMO, "-c", DEMO_CONFIG, "--as-of", "2026-11-01", "-o", out, "--quiet"], { env: { ...ON, NODE_OPTIONS: "--max-old-space-size=16" } });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(`segment: ${DEMO}: the run ran out of memory (its heap may take 16 MB).\nGive node more, e.g. NODE_OPTIONS=--max-old-space-size=32.\n`);
    expect(existsSync(out)).toBe(false);
  });

  it("writes --json and `explain` to stdout as the main thread does", () => {
    const json = both((out) => ["run", DEMO, "-c", DEMO_CONFIG, "--as-of", "2026-11-01", "-o", out, "--json"]);
    expect(json.on).toEqual(json.off);
    expect((JSON.parse(json.on.stdout) as { input: { rows: number } }).input.rows).toBe(796);
    const explain = both(() => ["explain", DEMO, "12", "-c", DEMO_CONFIG, "--as-of", "2026-11-01"]);
    expect(explain.on.exitCode).toBe(0);
    expect(explain.on).toEqual(explain.off);
    expect(explain.on.stdout.length).toBeGreaterThan(500);
  });
});

describe("which exports go to the command thread", () => {
  const saved = process.env.SEGMENT_COMMAND_THREAD;
  afterEach(() => {
    if (saved === undefined) delete process.env.SEGMENT_COMMAND_THREAD;
    else process.env.SEGMENT_COMMAND_THREAD = saved;
  });

  it("a file over the size, any file when forced, never when turned off, and no path that is not a file", () => {
    const dir = tempDir();
    const large = join(dir, "large.csv");
    // A sparse file (grown with a hole): its size is what counts, not its bytes on disk.
    writeFileSync(large, "name\n");
    truncateSync(large, COMMAND_THREAD_OVER + 1);
    writeFileSync(join(dir, "small.csv"), "name\nООО Ромашка\n");
    delete process.env.SEGMENT_COMMAND_THREAD;
    expect(commandThreadWanted(large)).toBe(true);
    expect(commandThreadWanted(join(dir, "small.csv"))).toBe(false);
    expect(commandThreadWanted(dir)).toBe(false);
    expect(commandThreadWanted(join(dir, "missing.csv"))).toBe(false);
    process.env.SEGMENT_COMMAND_THREAD = "1";
    expect(commandThreadWanted(join(dir, "small.csv"))).toBe(true);
    expect(commandThreadWanted(join(dir, "missing.csv"))).toBe(false);
    process.env.SEGMENT_COMMAND_THREAD = "0";
    expect(commandThreadWanted(large)).toBe(false);
  });
});
