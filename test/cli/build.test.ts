// The built CLI as `npm run build` leaves it: one bundle (scripts/bundle.mjs) that still finds its two threads.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, segment, tempDir } from "./helpers.js";

const EXPORT = join(ROOT, "fixtures/dialects/bitrix24/bitrix24-companies.csv");

function run(out: string, env: Record<string, string>): { exitCode: number; threads: unknown } {
  // 8 KB chunks: the 36 KB export is streamed, so both threads have work.
  const r = segment(["run", EXPORT, "-o", out, "--as-of", "2026-11-01", "--quiet"], { env: { SEGMENT_TIMINGS: "1", SEGMENT_CHUNK_BYTES: "8192", ...env } });
  const timings = /SEGMENT_TIMINGS (\{.*\})/.exec(r.stderr);
  return { exitCode: r.exitCode, threads: timings ? (JSON.parse(timings[1]!) as { threads: unknown }).threads : undefined };
}

const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();

describe("the built CLI", () => {
  it("is a bundle: dist/cli.js loads its code from dist/chunks, not tsc's files", () => {
    const cli = readFileSync(join(ROOT, "dist/cli.js"), "utf8");
    const imports = [...cli.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]!);
    expect(imports.length).toBeGreaterThan(0);
    for (const spec of imports) expect(spec).toMatch(/^(node:|\.\/chunks\/)/);
  });

  it("reads a streamed export on its reader thread and matches on its matcher thread, as it would on one thread", () => {
    const threaded = tempDir();
    const single = tempDir();
    const a = run(threaded, {});
    const b = run(single, { SEGMENT_READ_THREAD: "0", SEGMENT_MATCH_THREAD: "0" });
    expect(a).toEqual({ exitCode: 0, threads: { command: false, reader: true, matcher: true } });
    expect(b).toEqual({ exitCode: 0, threads: { command: false, reader: false, matcher: false } });
    expect(files(threaded)).toEqual(files(single));
    for (const f of files(threaded).filter((f) => f.endsWith(".csv") || f.endsWith(".md") || f.endsWith(".json"))) {
      expect(readFileSync(join(threaded, f), "utf8"), f).toBe(readFileSync(join(single, f), "utf8"));
    }
  });
});
