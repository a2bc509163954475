// Ops' nightly job: one run at a time, stale locks, a run killed midway leaves the previous outputs whole.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import lockfile from "proper-lockfile";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, DEMO, DEMO_CONFIG, ROOT, segment, tempDir } from "./helpers.js";

const dir = tempDir();

describe("the output folder's lock", () => {
  it("stops a second run on a folder in use with exit 2 and a clear message", async () => {
    const out = join(dir, "busy");
    const lockTarget = join(dir, ".busy.segment-lock");
    writeFileSync(lockTarget, "");
    const release = await lockfile.lock(lockTarget, { stale: 15_000, update: 5_000, realpath: false });
    try {
      const r = segment(["run", DEMO, "-c", DEMO_CONFIG, "-o", out, "--quiet"]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/in use by another segment run/);
      expect(existsSync(out)).toBe(false);
    } finally {
      await release();
    }
  });

  it("leaves nothing beside the output folder once a run is done", () => {
    const parent = join(dir, "clean");
    mkdirSync(parent);
    for (let i = 0; i < 2; i++) expect(segment(["run", DEMO, "-c", DEMO_CONFIG, "-o", join(parent, "out"), "--quiet"]).exitCode).toBe(0);
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  it("takes over a stale lock left by a killed run", () => {
    const out = join(dir, "stale");
    const lockDir = join(dir, ".stale.segment-lock.lock");
    writeFileSync(join(dir, ".stale.segment-lock"), "");
    mkdirSync(lockDir);
    const old = new Date(Date.now() - 120_000);
    utimesSync(lockDir, old, old);
    const r = segment(["run", DEMO, "-c", DEMO_CONFIG, "-o", out, "--quiet"]);
    expect(r.exitCode).toBe(0);
    expect(existsSync(join(out, "allocation.csv"))).toBe(true);
  });
});

describe("a lock left by a run killed a moment ago", () => {
  // A pid that surely names no process: a child that has exited.
  const deadPid = () => spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout.trim();

  it("is taken over at once when its owner's pid names no process", () => {
    const out = join(dir, "orphan");
    writeFileSync(join(dir, ".orphan.segment-lock"), "");
    mkdirSync(join(dir, ".orphan.segment-lock.lock")); // fresh: not stale for another 15 s
    writeFileSync(join(dir, ".orphan.segment-lock.pid"), deadPid()); // written by the lock's holder, after the lock
    const r = segment(["run", DEMO, "-c", DEMO_CONFIG, "-o", out, "--quiet"]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(existsSync(join(out, "allocation.csv"))).toBe(true);
    expect(existsSync(join(dir, ".orphan.segment-lock.pid"))).toBe(false);
  });

  it("still holds when the pid file is older than the lock (its holder has not written its own yet)", () => {
    const out = join(dir, "young");
    writeFileSync(join(dir, ".young.segment-lock"), "");
    writeFileSync(join(dir, ".young.segment-lock.pid"), deadPid());
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, ".young.segment-lock.pid"), old, old);
    mkdirSync(join(dir, ".young.segment-lock.lock"));
    const r = segment(["run", DEMO, "-c", DEMO_CONFIG, "-o", out, "--quiet"]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/in use by another segment run/);
  });
});

describe("a run killed midway", () => {
  let big: string;
  beforeAll(() => {
    big = join(dir, "big.csv");
    const g = spawnSync(process.execPath, [join(ROOT, "scripts/gen-export.mjs"), "--rows", "40000", "--seed", "3", "--dialect", "hubspot", "--out", big], { encoding: "utf8" });
    expect(g.status, g.stderr).toBe(0);
  });

  it("leaves the previous outputs whole, and the next run succeeds", async () => {
    const out = join(dir, "nightly");
    expect(segment(["run", DEMO, "-c", DEMO_CONFIG, "-o", out, "--quiet"]).exitCode).toBe(0);
    const before = readFileSync(join(out, "allocation.csv"));
    for (const delay of [300, 1500, 4000]) {
      const child = spawn(process.execPath, [BIN, "run", big, "-o", out, "--quiet", "--as-of", "2026-11-01"], { stdio: "ignore" });
      // Listened for from the start: a run that finishes before the kill has exited already.
      const exited = new Promise((r) => child.on("exit", r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill("SIGKILL");
      await exited;
      // Whatever moment it died at, the folder is the old run's or (had it finished) a whole new one.
      const now = readFileSync(join(out, "allocation.csv"));
      if (!now.equals(before)) expect(readFileSync(join(out, "summary.json"), "utf8")).toMatch(/"accepted"/);
      expect(existsSync(join(out, ".segment-out"))).toBe(true);
    }
    const again = segment(["run", DEMO, "-c", DEMO_CONFIG, "-o", out, "--quiet"]);
    expect(again.exitCode).toBe(0);
    expect(readFileSync(join(out, "allocation.csv")).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.startsWith("nightly.tmp-"))).toEqual([]);
  }, 120_000);
});
