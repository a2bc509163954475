// Exit codes and messages of the contract: bad flags, configs, files; never a stack trace without --debug.
import { mkdirSync, writeFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO, DEMO_CONFIG, DEMO_MANAGERS, segment, tempDir } from "./helpers.js";

const dir = tempDir();
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const noTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe("exit codes", () => {
  it("3 for a missing export, naming it", () => {
    const r = segment(["run", join(dir, "nope.csv"), "-o", join(dir, "o1")]);
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toContain("nope.csv");
    noTrace(r.stderr);
  });

  it("3 for an empty file and for a header-only file; inspect reports a header-only file and exits 0", () => {
    const empty = file("empty.csv", "");
    const headerOnly = file("header.csv", "Название компании;ИНН;Ответственный\n");
    for (const f of [empty, headerOnly]) {
      const r = segment(["run", f, "-o", join(dir, "o2")]);
      expect(r.exitCode).toBe(3);
      expect(r.stderr.split("\n").filter(Boolean).length).toBeLessThanOrEqual(3);
      noTrace(r.stderr);
    }
    expect(segment(["inspect", headerOnly]).exitCode).toBe(0);
    expect(existsSync(join(dir, "o2"))).toBe(false);
  });

  it("3 for a file with no name column, suggesting --map", () => {
    const f = file("noname.csv", "Код;Телефон\n1;+7 343 123-45-67\n");
    const r = segment(["run", f, "-o", join(dir, "o3")]);
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toMatch(/--map name=/);
  });

  it("3 for a binary file", () => {
    const f = file("image.csv", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    const r = segment(["run", f, "-o", join(dir, "o4")]);
    expect(r.exitCode).toBe(3);
    noTrace(r.stderr);
  });

  it("2 for an unknown config key, naming its path", () => {
    const cfg = file("bad.config.json", '// comment\n{ "allocation": { "weigths": { "hot": 3 } } }\n');
    const r = segment(["run", DEMO, "-c", cfg, "-o", join(dir, "o5")]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("allocation.weigths");
  });

  it("2 for a config that is not valid JSON, naming the line, the column and what is wrong there", () => {
    const cases: [string, RegExp][] = [
      ['{\n  "allocation": {\n    "tolerance": 0.1\n    "max_moves": 3\n  }\n}\n', /line 4, column 5: not valid JSON: a comma is missing, at: "max_moves"\.$/],
      ['{\n  "allocation": { tolerance: 0.1 }\n}\n', /line 2, column 19: not valid JSON: keys and texts need double quotes, at: tolerance\.$/],
      ['{ "segmenters": { "value": { "a": 0.5, } }', /line 1, column 43: not valid JSON: a closing \} is missing at the end of the file\.$/],
      ['{ "seed": 1 }\n}\n', /line 2, column 1: not valid JSON: text after the end of the object, at: \}\.$/],
    ];
    for (const [i, [text, message]] of cases.entries()) {
      const cfg = file(`syntax${i}.config.json`, text);
      const r = segment(["run", DEMO, "-c", cfg, "-o", join(dir, "o5j")]);
      expect(r.exitCode, text).toBe(2);
      expect(r.stderr.trim(), text).toMatch(new RegExp(`syntax${i}\\.config\\.json, ${message.source}`));
      noTrace(r.stderr);
    }
  });

  it("2 for a bad config value, naming the path and the value", () => {
    const cfg = file("bad2.config.json", '{ "allocation": { "weights": { "hot": "high" } } }');
    const r = segment(["run", DEMO, "-c", cfg, "-o", join(dir, "o6")]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/allocation\.weights\.hot.*"high"/);
  });

  it("2 for a managers file without a name column, naming the file", () => {
    const m = file("managers.csv", "manager,capacity\nИванов,1\n");
    const r = segment(["run", DEMO, "-m", m, "-o", join(dir, "o7")]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("managers.csv");
    noTrace(r.stderr);
  });

  it("2 for --phases without --max-moves and for an unknown flag", () => {
    expect(segment(["run", DEMO, "-m", DEMO_MANAGERS, "--phases", "3", "-o", join(dir, "o8")]).exitCode).toBe(2);
    expect(segment(["run", DEMO, "--no-such-flag"]).exitCode).toBe(2);
    expect(segment(["run", DEMO, "--as-of", "31.02.2026"]).exitCode).toBe(2);
  });

  it("2 for a lock naming an unknown manager, naming the line", () => {
    const locks = file("locks.csv", "client_id,manager,note\n12,Петрова Анна,ok\n13,Нет Такого,?\n");
    const r = segment(["run", DEMO, "-m", DEMO_MANAGERS, "--locks", locks, "-o", join(dir, "o9")]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/line 3/);
  });

  it("4 when a --fail-on condition holds, with every output written", () => {
    const out = join(dir, "o10");
    const r = segment(["run", DEMO, "-c", DEMO_CONFIG, "--as-of", "2026-11-01", "-o", out, "--fail-on", "rejected>0", "--fail-on", "conflicts.multi_owner>1000", "--quiet"]);
    expect(r.exitCode).toBe(4);
    expect(r.stderr).toContain("rejected>0");
    expect(existsSync(join(out, "summary.json"))).toBe(true);
    expect(segment(["run", DEMO, "-c", DEMO_CONFIG, "-o", join(dir, "o11"), "--fail-on", "rejected>>0"]).exitCode).toBe(2);
  });

  it("a killed run's leftovers do not block the next one, and DIR.prev is restored", () => {
    const out = join(dir, "o12");
    mkdirSync(out + ".prev");
    writeFileSync(join(out + ".prev", ".segment-out"), "");
    writeFileSync(join(out + ".prev", "allocation.csv"), "old");
    // A run that fails before writing leaves the restored folder whole.
    const bad = segment(["run", join(dir, "nope.csv"), "-o", out]);
    expect(bad.exitCode).toBe(3);
    expect(readFileSync(join(out, "allocation.csv"), "utf8")).toBe("old");
    const ok = segment(["run", DEMO, "-c", DEMO_CONFIG, "-o", out, "--quiet"]);
    expect(ok.exitCode).toBe(0);
    expect(readFileSync(join(out, "allocation.csv"), "utf8")).not.toBe("old");
    expect(existsSync(out + ".prev")).toBe(false);
  });
});
