// An owner column of one-off values makes a manager of every owner (no managers file). report.html then draws and
// lists the first HTML_MANAGERS of them with a note of how many more there are; report.md and summary.json keep all.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HTML_MANAGERS } from "../../src/report/html.js";
import { checkOutput, segment, tempDir } from "../cli/helpers.js";

const SURNAMES = ["Иванов", "Петров", "Сидоров", "Кузнецов", "Смирнов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков"];
const NAMES = ["Алексей", "Борис", "Виктор", "Григорий", "Дмитрий", "Евгений", "Игорь", "Кирилл", "Леонид", "Максим", "Никита", "Олег"];

describe("report.html with more managers than it draws", () => {
  it("draws and lists the first of them, says how many more, and report.md and summary.json keep every one", () => {
    const owners = SURNAMES.flatMap((s) => NAMES.map((n) => `${s} ${n}`));
    expect(owners.length).toBeGreaterThan(HTML_MANAGERS);
    const lines = ["Название компании;Ответственный;Телефон;Дата создания"];
    owners.forEach((o, i) => lines.push(`ООО "${SURNAMES[i % 13]}-${NAMES[i % 12]} Трейд ${i}";${o};+7 495 ${String(1000000 + i * 7919).slice(0, 7)};01.0${1 + (i % 9)}.2024`));
    const dir = tempDir();
    const file = join(dir, "companies.csv");
    writeFileSync(file, lines.join("\r\n") + "\r\n");
    const out = join(dir, "out");
    expect(segment(["run", file, "-o", out, "--as-of", "2026-11-01", "--quiet"]).exitCode).toBe(0);
    expect(checkOutput(out).stdout).toContain("conforms");

    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    const managers: string[] = summary.managers.map((m: { name: string }) => m.name);
    expect(new Set(managers)).toEqual(new Set(owners));
    const html = readFileSync(join(out, "report.html"), "utf8");
    const afterBars = [...html.matchAll(/<rect data-manager="([^"]*)" data-kind="after"/g)].map((x) => x[1]);
    expect(afterBars).toEqual(managers.slice(0, HTML_MANAGERS));
    expect([...html.matchAll(/data-more="(\d+)"/g)].map((x) => Number(x[1]))).toEqual(Array(4).fill(managers.length - HTML_MANAGERS));
    expect(html).toContain(`и ещё ${managers.length - HTML_MANAGERS} менеджеров`);
    const md = readFileSync(join(out, "report.md"), "utf8");
    for (const name of managers) expect(md).toContain(name);
  });
});
