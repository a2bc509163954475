// An owner column of many one-off values (here 120 "managers"): every one gets its file and its summary line, and the
// terminal table shows the first TABLE_MANAGERS of them with a line naming how many more there are.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TABLE_MANAGERS } from "../../src/report/terminal.js";
import { checkOutput, segment, tempDir } from "./helpers.js";

describe("a run with more managers than the terminal table shows", () => {
  it("lists TABLE_MANAGERS of them at the terminal, and all of them in the outputs", () => {
    const dir = tempDir();
    const file = join(dir, "owners.csv");
    const lines = ["ID;Название компании;Ответственный;Город;Телефон"];
    for (let i = 1; i <= 600; i++) lines.push(`${i};ООО Компания ${i} ${"абвгдежзик"[i % 10]}${i * 7919};Менеджер ${((i - 1) % 120) + 1};Пермь;+7 342 2${String(100000 + i)}`);
    writeFileSync(file, lines.join("\n") + "\n");
    const out = join(dir, "out");
    const r = segment(["run", file, "-o", out, "--as-of", "2026-11-01", "--lang", "en", "--quiet"]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(checkOutput(out).exitCode).toBe(0);
    expect(readdirSync(join(out, "managers"))).toHaveLength(120);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as { managers: Array<{ name: string }> };
    expect(summary.managers).toHaveLength(120);
    const rows = r.stdout.split("\n").filter((l) => /│ Менеджер \d+ /.test(l));
    expect(rows).toHaveLength(TABLE_MANAGERS);
    expect(rows[0]).toContain("Менеджер 1 ");
    expect(r.stdout).toContain(`… and ${120 - TABLE_MANAGERS} more managers: every one is in summary.json and report.md`);
    expect(readFileSync(join(out, "report.md"), "utf8")).toContain("Менеджер 120");
  });
});
