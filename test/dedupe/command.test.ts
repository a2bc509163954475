// `segment dedupe` on the demo Bitrix24 export: the four files, and groups equal to the fixture's truth.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { dedupe } from "../../src/commands/dedupe.js";
import type { AllocateOptions, Io } from "../../src/commands/options.js";
import { pairwise } from "./rows.js";

const DEMO = new URL("../../fixtures/demo/", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "segment-dedupe-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Truth {
  rows: { line: number; id?: string; cluster?: string; dead_soul?: boolean }[];
}

describe("segment dedupe", () => {
  it("writes duplicates, conflicts, rejects and warnings, and finds the planted duplicates", async () => {
    const out = join(work, "out");
    let stdout = "";
    const io: Io = { stdout: (t) => void (stdout += t), stderr: () => {}, isTTY: false };
    const opts: AllocateOptions & { out: string } = {
      map: [], seed: 0, json: true, quiet: true, color: false, debug: false, asOf: "2026-11-01",
      config: join(DEMO, "segment.config.json"), managers: join(DEMO, "managers.csv"), out,
    };
    expect(await dedupe(join(DEMO, "bitrix24-companies.csv"), opts, io)).toBe(0);
    const summary = JSON.parse(stdout) as { duplicates: { groups: number; rows: number }; conflicts: Record<string, number> };

    const read = (f: string) => parse(readFileSync(join(out, f)), { bom: true, delimiter: [",", ";"], columns: true }) as Record<string, string>[];
    const dups = read("duplicates.csv");
    const conflicts = read("conflicts.csv");
    expect(Object.keys(dups[0]!)).toEqual(["group_id", "client_id", "survivor_id", "score", "evidence"]);
    expect(Object.keys(conflicts[0]!)).toEqual(["kind", "client_id", "related_ids", "managers", "detail", "resolution"]);
    expect(read("rejects.csv").length).toBeGreaterThan(0);
    expect(readFileSync(join(out, "warnings.csv"), "utf8").startsWith("\ufeffline")).toBe(true);
    expect(dups.length).toBe(summary.duplicates.rows);
    for (const d of dups) {
      expect(d.group_id).toBe("G" + d.survivor_id);
      expect(d.score).toMatch(/^(0|1)\.\d{3}$/);
      if (d.client_id === d.survivor_id) expect(d.score).toBe("1.000");
    }

    const truth = JSON.parse(readFileSync(join(DEMO, "bitrix24-companies.truth.json"), "utf8")) as Truth;
    const lineOfId = new Map(truth.rows.filter((r) => r.id).map((r) => [r.id!, r.line]));
    const groups = new Map<string, number[]>();
    for (const d of dups) (groups.get(d.group_id) ?? groups.set(d.group_id, []).get(d.group_id)!).push(lineOfId.get(d.client_id)!);
    const clusters = new Map<string, number[]>();
    for (const r of truth.rows) if (r.cluster) (clusters.get(r.cluster) ?? clusters.set(r.cluster, []).get(r.cluster)!).push(r.line);
    const s = pairwise([...groups.values()], [...clusters.values()]);
    console.log(`demo: ${summary.duplicates.groups} groups, precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} of ${s.truePairs} pairs`);
    expect(s.precision).toBeGreaterThanOrEqual(0.98);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);

    // Every dead soul the fixture planted is reported on its client's survivor.
    const survivorOf = new Map(dups.map((d) => [d.client_id, d.survivor_id]));
    const dead = new Set(conflicts.filter((c) => c.kind === "dead_soul").map((c) => c.client_id));
    const idOfLine = new Map(truth.rows.filter((r) => r.id).map((r) => [r.line, r.id!]));
    for (const r of truth.rows.filter((x) => x.dead_soul)) {
      const id = idOfLine.get(r.line)!;
      expect(dead.has(survivorOf.get(id) ?? id)).toBe(true);
    }
    expect(summary.conflicts.dead_soul).toBe(dead.size);
  });

  it("groups a number written without its area code with the same number in full, not with another number", async () => {
    // Names alone (`ООО «Березка»` / `Березка ТК`, name 0.667) are not enough; the phone decides. Rows 5 and 6 are the
    // control: the same names, with different local numbers.
    const file = join(work, "local.csv");
    writeFileSync(file, [
      "ID;Название компании;Рабочий телефон;Город;Ответственный",
      "1;ООО «Березка»;+7 (343) 321-11-29;Екатеринбург;Иван Петров",
      "2;Березка ТК;321-11-29;Екатеринбург;Анна Смирнова",
      "3;Northside Tool Supply;+1 (312) 555-0188;Chicago;John Smith",
      "4;Northside Supply Co;555-0188;Chicago;Mary Jones",
      "5;ООО «Кедр»;+7 (343) 321-11-25;Екатеринбург;Иван Петров",
      "6;Кедр ТК;321-11-26;Екатеринбург;Анна Смирнова",
    ].join("\n") + "\n");
    const out = join(work, "local-out");
    const io: Io = { stdout: () => {}, stderr: () => {}, isTTY: false };
    expect(await dedupe(file, { map: [], seed: 0, quiet: true, color: false, debug: false, asOf: "2026-11-01", out }, io)).toBe(0);
    const dups = parse(readFileSync(join(out, "duplicates.csv")), { bom: true, columns: true }) as Record<string, string>[];
    expect(dups.map((d) => [d.group_id, d.client_id])).toEqual([["G1", "1"], ["G1", "2"], ["G3", "3"], ["G3", "4"]]);
    expect(dups.find((d) => d.client_id === "2")!.evidence).toContain("phone=1.000");
  });
});
