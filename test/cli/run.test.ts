// `segment run` end to end on the demo export: the contract, determinism, stable reruns, the reports.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkOutput, DEMO, DEMO_CONFIG, readCsv, segment, tempDir } from "./helpers.js";

const AS_OF = ["--as-of", "2026-11-01"];
const DEMO_DIR = dirname(DEMO_CONFIG);

describe("segment run on the demo export", () => {
  let dir: string;
  let out: string;
  beforeAll(() => {
    dir = tempDir();
    out = join(dir, "out");
    const r = segment(["run", DEMO, "-c", DEMO_CONFIG, ...AS_OF, "-o", out]);
    expect(r.stderr).not.toMatch(/unexpected|at .*\.js:\d+/);
    expect(r.exitCode).toBe(0);
  });

  it("writes a folder that meets the contract", () => {
    const check = checkOutput(out);
    expect(check.stdout).toContain("conforms");
    expect(existsSync(join(out, ".segment-out"))).toBe(true);
  });

  it("accounts for every record and allocates every accepted row", () => {
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    const alloc = readCsv(join(out, "allocation.csv"));
    expect(summary.input.accepted + summary.input.rejected + summary.input.contacts).toBe(summary.input.rows);
    expect(alloc).toHaveLength(summary.input.accepted);
    expect(alloc.filter((r) => r.decision === "unassigned")).toHaveLength(0);
    // Departed owner Волков keeps nothing; the newcomers are served.
    expect(alloc.some((r) => r.manager.includes("Волков"))).toBe(false);
    const loads = Object.fromEntries(summary.managers.map((m: { name: string; load_ratio: number }) => [m.name, m.load_ratio]));
    expect(loads["Новиков Павел"]).toBeGreaterThan(0.9);
    expect(loads["Морозова Ольга"]).toBeGreaterThan(0.9);
    // The manager on leave gets nothing and has no file.
    expect(alloc.some((r) => r.manager === "Кузнецова Елена")).toBe(false);
    expect(readdirSync(join(out, "managers")).sort()).toEqual(
      ["ivanov-sergey", "morozova-olga", "novikov-pavel", "petrova-anna", "popov-aleksey", "smirnov-dmitriy", "sokolova-mariya"].map((s) => s + ".csv"),
    );
  });

  it("honours the director's locks with the note in the reason", () => {
    const alloc = readCsv(join(out, "allocation.csv"));
    const byId = new Map(alloc.map((r) => [r.client_id, r]));
    expect(byId.get("47")!.manager).toBe("Петрова Анна");
    expect(byId.get("24")!.manager).toBe("Новиков Павел");
    expect(byId.get("24")!.reason).toMatch(/^Закреплено.*новичку/);
    expect(byId.get("14")!.manager).toBe("Попов Алексей");
  });

  it("gives identical bytes for identical inputs", () => {
    const again = join(dir, "again");
    expect(segment(["run", DEMO, "-c", DEMO_CONFIG, ...AS_OF, "-o", again, "--quiet"]).exitCode).toBe(0);
    for (const f of ["allocation.csv", "segments.csv", "duplicates.csv", "conflicts.csv", "summary.json", "report.md", "report.html", "warnings.csv"]) {
      expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
    }
  });

  it("moves nobody on a rerun with --previous", () => {
    // Without a churn limit, a run reaches the balance at once; the rerun must then change nothing.
    const cfgDir = tempDir();
    for (const f of ["managers.csv", "locks.csv"]) copyFileSync(join(DEMO_DIR, f), join(cfgDir, f));
    writeFileSync(join(cfgDir, "segment.config.json"), readFileSync(DEMO_CONFIG, "utf8").replace(/^\s*"max_moves".*$/m, ""));
    const config = join(cfgDir, "segment.config.json");
    const first = join(dir, "unlimited");
    expect(segment(["run", DEMO, "-c", config, ...AS_OF, "-o", first, "--quiet"]).exitCode).toBe(0);
    const out = first;
    const rerun = join(dir, "rerun");
    const r = segment(["run", DEMO, "-c", config, ...AS_OF, "-o", rerun, "--previous", join(out, "allocation.csv"), "--json", "--quiet"]);
    expect(r.exitCode).toBe(0);
    const before = new Map(readCsv(join(out, "allocation.csv")).map((x) => [x.client_id, x.manager]));
    const after = readCsv(join(rerun, "allocation.csv"));
    const moved = after.filter((x) => x.manager !== before.get(x.client_id));
    expect(moved).toEqual([]);
    expect(JSON.parse(r.stdout).decisions.moved).toBe(0);
  });

  it("writes a Markdown report naming every manager", () => {
    const md = readFileSync(join(out, "report.md"), "utf8");
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    for (const m of summary.managers) expect(md).toContain(m.name);
    expect(md).toMatch(/^# Распределение клиентской базы/);
  });

  it("replaces the previous outputs whole and refuses a folder that is not its own", () => {
    const foreign = join(dir, "foreign");
    segment(["run", DEMO, "-c", DEMO_CONFIG, ...AS_OF, "-o", foreign, "--quiet"]);
    writeFileSync(join(dir, "notes.txt"), "mine");
    const r = segment(["run", DEMO, "-c", DEMO_CONFIG, ...AS_OF, "-o", dir, "--quiet"]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/not empty and was not written by segment/);
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("mine");
  });
});

describe("segment run on a report saved with a title above its header", () => {
  it("says where the header was found, keeps the file's line numbers, and writes a conforming folder", () => {
    const dir = tempDir();
    const out = join(dir, "out");
    const r = segment(["run", join(DEMO_DIR, "..", "edge", "1c-report-title.csv"), ...AS_OF, "-o", out]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain('1c-report-title.csv: windows-1251, ";", 1c, 7 records, the header on line 5 below a title of 4 line(s)');
    expect(checkOutput(out).exitCode).toBe(0);
    const rows = readCsv(join(out, "allocation.csv"));
    expect(rows.map((x) => x.client_id)).toEqual(["00-00001001", "00-00001002", "00-00001003", "00-00001004", "00-00001005", "00-00001006"]);
  });
});
