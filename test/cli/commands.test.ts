// The other commands run for real: segmenters, segments --matrix, explain, diff, propose, init → run -c, dedupe; formula safety.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkOutput, DEMO, DEMO_CONFIG, DEMO_MANAGERS, readCsv, ROOT, segment, tempDir } from "./helpers.js";

const AS_OF = ["--as-of", "2026-11-01"];
const dir = tempDir();
let base: string;

beforeAll(() => {
  base = join(dir, "base");
  expect(segment(["run", DEMO, "-c", DEMO_CONFIG, ...AS_OF, "-o", base, "--quiet"]).exitCode).toBe(0);
});

describe("segment segmenters", () => {
  it("lists the built-ins and a user plugin written with no imports", () => {
    const cfg = join(dir, "plugin.config.json");
    writeFileSync(cfg, JSON.stringify({ plugins: [join(ROOT, "fixtures/plugins/fleet-age.mjs")], segmenters: { fleet_age: { renewalYears: 10 } } }));
    const r = segment(["segmenters", "-c", cfg, "--json"]);
    expect(r.exitCode).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; labels: unknown }[];
    const ids = (Array.isArray(list) ? list : (list as unknown as { segmenters: typeof list }).segmenters).map((s) => s.id);
    expect(ids.slice(0, 6)).toEqual(["temperature", "geography", "industry", "value", "motivation", "contacts"]);
    expect(ids).toContain("fleet_age");
    const human = segment(["segmenters", "-c", cfg]);
    expect(human.stdout).toContain("fleet_age");
  });

  it("runs the plugin in a full run and writes its column", () => {
    const cfg = join(dir, "plugin-run.config.json");
    writeFileSync(cfg, JSON.stringify({ managers: DEMO_MANAGERS, plugins: [join(ROOT, "fixtures/plugins/fleet-age.mjs")] }));
    const out = join(dir, "plugin-out");
    const r = segment(["run", DEMO, "-c", cfg, ...AS_OF, "-o", out, "--quiet"]);
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    const seg = readCsv(join(out, "segments.csv"));
    expect(Object.keys(seg[0]!)).toContain("fleet_age_reason");
    expect(new Set(seg.map((s) => s.fleet_age))).toContain("unknown");
  });

  it("rejects a malformed plugin with exit 2 naming it", () => {
    const cfg = join(dir, "bad-plugin.config.json");
    writeFileSync(cfg, JSON.stringify({ plugins: [join(ROOT, "fixtures/plugins/bad-no-labels.mjs")] }));
    const r = segment(["segmenters", "-c", cfg]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("bad-no-labels.mjs");
  });
});

describe("segment segments --matrix", () => {
  it("cross-tabs two segmenters; the cells add up to the clients", () => {
    const r = segment(["segments", DEMO, ...AS_OF, "--matrix", "temperature,value", "--json", "--quiet"]);
    expect(r.exitCode).toBe(0);
    const data = JSON.parse(r.stdout);
    const clients = Object.values(data.segments.temperature as Record<string, number>).reduce((a, b) => a + b, 0);
    const cells = Object.values(data.matrix.cells as Record<string, Record<string, number>>).flatMap((row) => Object.values(row));
    expect(cells.reduce((a, b) => a + b, 0)).toBe(clients);
    const human = segment(["segments", DEMO, ...AS_OF, "--matrix", "temperature,value", "--quiet"]);
    expect(human.stdout).toMatch(/hot/);
  });
});

describe("segment explain", () => {
  it("says why a locked client is where it is, with its segments and fields", () => {
    const r = segment(["explain", DEMO, "24", "-c", DEMO_CONFIG, ...AS_OF, "--quiet"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("Новиков Павел");
    expect(r.stdout).toMatch(/Закреплено/);
    expect(r.stdout).toMatch(/temperature/);
    const j = JSON.parse(segment(["explain", DEMO, "24", "-c", DEMO_CONFIG, ...AS_OF, "--quiet", "--json"]).stdout);
    expect(j.allocation.manager).toBe("Новиков Павел");
    expect(j.segments.temperature.reason).not.toBe("");
  });

  it("explains a member of a duplicate group with its evidence", () => {
    const dups = readCsv(join(base, "duplicates.csv"));
    const member = dups.find((d) => d.client_id !== d.survivor_id)!;
    const j = JSON.parse(segment(["explain", DEMO, member.client_id, "-c", DEMO_CONFIG, ...AS_OF, "--quiet", "--json"]).stdout);
    expect(j.duplicates.group_id).toBe(member.group_id);
    expect(j.duplicates.members.map((m: { client_id: string }) => m.client_id)).toContain(member.survivor_id);
    // Rows alike but not merged are other clients only, never the group's own members.
    const inGroup = new Set(j.duplicates.members.map((m: { client_id: string }) => m.client_id));
    for (const m of j.near_misses as Array<{ client_id: string }>) expect(inGroup.has(m.client_id)).toBe(false);
  });

  it("shows a number written without its area code apart, as matching evidence only", () => {
    const odoo = join(ROOT, "fixtures/edge/odoo-contacts.csv");
    const text = segment(["explain", odoo, "L5", ...AS_OF, "--quiet", "--lang", "en"]).stdout;
    expect(text).toMatch(/^ {2}local +5550120 {2}\(without an area code: used to find duplicates only\)$/m);
    const j = JSON.parse(segment(["explain", odoo, "L5", ...AS_OF, "--quiet", "--json"]).stdout);
    expect(j.phones).toEqual([]);
    expect(j.local_numbers).toEqual(["5550120"]);
  });

  it("shows the rows most like the client that are another client, and what kept them apart", () => {
    const file = join(tempDir(), "numbered.csv");
    writeFileSync(file, [
      "ID;Название компании;ИНН;Рабочий телефон;Город;Ответственный",
      "1;Автобаза №3;;+7 (343) 555-01-27;Екатеринбург;Иван Петров",
      "2;Автобаза № 5;;+7 (343) 555-01-27;Екатеринбург;Анна Смирнова",
      "3;ООО «Вектор»;7707083893;;Екатеринбург;Иван Петров",
      "4;Вектор ООО;7736207543;;Екатеринбург;Анна Смирнова",
      "5;ООО «Кедр»;;+7 (343) 321-11-25;Пермь;Иван Петров",
    ].join("\n") + "\n");
    const j = JSON.parse(segment(["explain", file, "1", ...AS_OF, "--quiet", "--json"]).stdout);
    expect(j.duplicates).toBeNull();
    expect(j.near_misses).toEqual([{ client_id: "2", line: 3, name: "Автобаза № 5", score: expect.any(Number), evidence: "name=0.964|phone=1.000|city=1.000", apart: ["numbers"], numbers: ["3", "5"] }]);
    expect(j.near_misses[0].score).toBeLessThan(0.5);
    const vektor = JSON.parse(segment(["explain", file, "3", ...AS_OF, "--quiet", "--json"]).stdout);
    expect(vektor.near_misses.map((m: { client_id: string; apart: string[] }) => [m.client_id, m.apart])).toEqual([["4", ["tax_id"]]]);
    // A client nothing resembles has none.
    expect(JSON.parse(segment(["explain", file, "5", ...AS_OF, "--quiet", "--json"]).stdout).near_misses).toEqual([]);
    const text = segment(["explain", file, "2", ...AS_OF, "--quiet", "--lang", "en"]).stdout;
    expect(text).toMatch(/^Alike, not merged$/m);
    expect(text).toMatch(/^ {2}1 +0\.\d{3} {2}Автобаза №3 {2}name=0\.964\|phone=1\.000\|city=1\.000 {2}— the numbers in the names differ \(5 \/ 3\)$/m);
  });

  it("exits 2 for an id that is not in the export", () => {
    expect(segment(["explain", DEMO, "no-such-id", "-c", DEMO_CONFIG, ...AS_OF, "--quiet"]).exitCode).toBe(2);
  });
});

describe("segment diff", () => {
  it("lists per manager kept, gained, lost and every moved client", () => {
    const next = join(dir, "next");
    expect(segment(["run", DEMO, "-c", DEMO_CONFIG, ...AS_OF, "-o", next, "--previous", join(base, "allocation.csv"), "--quiet"]).exitCode).toBe(0);
    const r = segment(["diff", join(base, "allocation.csv"), join(next, "allocation.csv"), "--json"]);
    expect(r.exitCode).toBe(0);
    const d = JSON.parse(r.stdout);
    const oldRows = readCsv(join(base, "allocation.csv"));
    const newRows = new Map(readCsv(join(next, "allocation.csv")).map((x) => [x.client_id, x.manager]));
    const moved = oldRows.filter((x) => newRows.get(x.client_id) !== x.manager).length;
    expect(d.moves.length).toBe(moved);
    expect(segment(["diff", join(base, "allocation.csv"), join(next, "allocation.csv")]).stdout).toMatch(/Иванов Сергей/);
  });
});

describe("segment propose", () => {
  it("compares the strategies named, the do-nothing baseline moving nobody", () => {
    const r = segment(["propose", DEMO, "-c", DEMO_CONFIG, ...AS_OF, "--strategies", "balanced,geography,industry,keep-all-owners,max-moves=10%", "--json", "--quiet"]);
    expect(r.exitCode).toBe(0);
    const rows = JSON.parse(r.stdout).strategies as { strategy: string; moves: number; max_load_ratio: number }[];
    expect(rows.map((x) => x.strategy)).toEqual(["balanced", "geography", "industry", "keep-all-owners", "max-moves=10%"]);
    const balanced = rows.find((x) => x.strategy === "balanced")!;
    // The do-nothing baseline moves only what it cannot keep: contest losers and locked clients.
    const keepAll = rows.find((x) => x.strategy === "keep-all-owners")! as { moves: number; protected_kept: number; protected_total: number };
    expect(keepAll.moves).toBeLessThanOrEqual(10);
    expect(keepAll.protected_total).toBeGreaterThan(100);
    // Only eligibility (Соколова works the Урал territory alone) and locks take protected clients away.
    expect(keepAll.protected_kept / keepAll.protected_total).toBeGreaterThan(0.85);
    expect((balanced as unknown as typeof keepAll).protected_kept).toBeGreaterThanOrEqual(keepAll.protected_kept - 3);
    expect(balanced.max_load_ratio).toBeLessThanOrEqual(rows.find((x) => x.strategy === "keep-all-owners")!.max_load_ratio);
    expect(segment(["propose", DEMO, "--strategies", "fastest"]).exitCode).toBe(2);
  });

  it("writes each strategy's outputs with -o", () => {
    const out = join(dir, "proposals");
    expect(segment(["propose", DEMO, "-c", DEMO_CONFIG, ...AS_OF, "--strategies", "balanced,max-moves=25%", "-o", out, "--quiet"]).exitCode).toBe(0);
    expect(readdirSync(out).sort()).toEqual([".segment-out", "balanced", "comparison.json", "max-moves-25"].sort());
    expect(existsSync(join(out, "max-moves-25", "allocation.csv"))).toBe(true);
  });
});

describe("segment init → run -c", () => {
  it("writes a config and managers file that run accepts unchanged", () => {
    const cwd = tempDir();
    const r = segment(["init", DEMO, "-c", join(cwd, "segment.config.json"), ...AS_OF, "--quiet"]);
    expect(r.exitCode).toBe(0);
    const managers = readCsv(join(cwd, "managers.csv"));
    // Without a managers file the owners' spellings of one person join under the most frequent one.
    expect(managers.some((m) => /Иванов/.test(m.name))).toBe(true);
    expect(managers.filter((m) => /Иванов/.test(m.name))).toHaveLength(1);
    expect(readFileSync(join(cwd, "segment.config.json"), "utf8")).toMatch(/protection_days/);
    const run = segment(["run", DEMO, "-c", join(cwd, "segment.config.json"), ...AS_OF, "-o", join(cwd, "out"), "--quiet"]);
    expect(run.exitCode).toBe(0);
    expect(checkOutput(join(cwd, "out")).stdout).toContain("conforms");
    expect(segment(["init", "-c", join(cwd, "segment.config.json")]).exitCode).toBe(2);
  });
});

describe("segment dedupe", () => {
  it("writes the duplicates, conflicts, rejects and warnings", () => {
    const out = join(dir, "dd");
    const r = segment(["dedupe", DEMO, "-m", DEMO_MANAGERS, ...AS_OF, "-o", out, "--quiet"]);
    expect(r.exitCode).toBe(0);
    for (const f of ["duplicates.csv", "conflicts.csv", "rejects.csv", "warnings.csv"]) expect(existsSync(join(out, f)), f).toBe(true);
    expect(readCsv(join(out, "duplicates.csv")).length).toBeGreaterThan(10);
  });
});

describe("formula injection", () => {
  it("neutralises every cell a spreadsheet would run", () => {
    const out = join(dir, "hostile");
    const r = segment(["run", join(ROOT, "fixtures/hostile/formulas.csv"), "-m", join(ROOT, "fixtures/hostile/managers.csv"), ...AS_OF, "-o", out, "--quiet"]);
    expect(r.exitCode).toBe(0);
    expect(checkOutput(out).stdout).toContain("conforms");
    for (const f of ["allocation.csv", "segments.csv", "warnings.csv", "conflicts.csv", "duplicates.csv"]) {
      const text = readFileSync(join(out, f), "utf8");
      // As a spreadsheet sees it: every cell after a delimiter, quote or line start.
      expect(text).not.toMatch(/(^|[,\n]|,")[=@]/);
      expect(text).not.toMatch(/(^|[,\n]|,")\+(?![\d .,]*[,"\n])/);
    }
    const alloc = readCsv(join(out, "allocation.csv"));
    expect(alloc[0]!.name.startsWith("'=HYPERLINK")).toBe(true);
  });
});

describe("advice per temperature group", () => {
  it("comes from the config when it gives its own text, in the report", () => {
    const cfg = join(dir, "advice.config.json");
    writeFileSync(cfg, JSON.stringify({ managers: DEMO_MANAGERS, segmenters: { temperature: { advice: { cold: "Позвонить, представиться, пригласить на выставку" } } } }));
    const out = join(dir, "advice");
    expect(segment(["run", DEMO, "-c", cfg, ...AS_OF, "-o", out, "--quiet"]).exitCode).toBe(0);
    const md = readFileSync(join(out, "report.md"), "utf8");
    expect(md).toContain("Позвонить, представиться, пригласить на выставку");
    expect(md).toMatch(/\| warm \| \d+ \| [\d.]+% \| Начать сотрудничество/);
  });
});
