// The whole pipeline against the planted truth of every dialect fixture: counts, rejects, labels, dead souls, duplicates.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Io } from "../../src/commands/options.js";
import { runPipeline, type RunResult } from "../../src/pipeline.js";
import { ROOT } from "../cli/helpers.js";

interface TruthRow {
  line: number;
  id?: string;
  kind: string;
  cluster?: string;
  temperature?: string;
  industry?: string;
  geography?: string;
  motivation?: string;
  dead_soul?: boolean;
}
interface Truth {
  dialect: string;
  file: string;
  as_of: string;
  counts: { records: number; accepted: number; rejected: number; contacts: number };
  expected: { rejects: { line: number }[] };
  clusters: Record<string, { lines: number[]; owners: string[]; multi_owner: boolean; namesake_of: string }>;
  rows: TruthRow[];
}

const io: Io = { stdout: () => undefined, stderr: () => undefined, isTTY: false };
const DIR = join(ROOT, "fixtures/dialects");
const cases = readdirSync(DIR).filter((d) => existsSync(join(DIR, d)));

const pairs = (groups: number[][]) => {
  const s = new Set<string>();
  for (const g of groups) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) s.add(`${Math.min(g[i]!, g[j]!)}-${Math.max(g[i]!, g[j]!)}`);
  return s;
};

interface Score {
  name: string;
  counts: string;
  temperature: number;
  industry: number;
  geography: number;
  motivation: number;
  deadP: number;
  deadR: number;
  dupP: number;
  dupR: number;
  multiOwnerR: number;
}
const scores: Score[] = [];

function score(name: string, t: Truth, r: RunResult): Score {
  const byLine = new Map(r.rows.map((row, i) => [row.line, i]));
  const labelOf = (id: string, line: number) => {
    const col = r.segments.find((s) => s.id === id)!;
    return col.labels[r.clientOfRow[byLine.get(line)!]!];
  };
  const clientsRows = t.rows.filter((x) => (x.kind === "company" || x.kind === "person_client") && byLine.has(x.line));
  const acc = (field: "temperature" | "industry" | "geography" | "motivation") => {
    const rows = clientsRows.filter((x) => x[field] !== undefined);
    return rows.filter((x) => labelOf(field, x.line) === x[field]).length / (rows.length || 1);
  };
  // Dead souls per client (truth per row: a client is a dead soul when its survivor's truth says so).
  const truthDead = new Set(clientsRows.filter((x) => x.dead_soul).map((x) => r.clientOfRow[byLine.get(x.line)!]!));
  const found = new Set(r.deadSoul.map((d, c) => (d ? c : -1)).filter((c) => c >= 0));
  const tp = [...found].filter((c) => truthDead.has(c)).length;
  // Duplicate pairs by line.
  const truthGroups = Object.values(t.clusters).map((c) => c.lines.filter((l) => byLine.has(l))).filter((g) => g.length > 1);
  const predGroups = r.groups.map((g) => g.members.map((m) => r.rows[m.row]!.line));
  const tPairs = pairs(truthGroups);
  const pPairs = pairs(predGroups);
  const shared = [...pPairs].filter((p) => tPairs.has(p)).length;
  // Multi-owner clusters reported.
  const multi = Object.values(t.clusters).filter((c) => c.multi_owner && c.lines.some((l) => byLine.has(l)));
  const reported = new Set(r.conflicts.filter((c) => c.kind === "multi_owner").map((c) => c.clientId));
  const multiHit = multi.filter((c) => c.lines.some((l) => byLine.has(l) && reported.has(r.clients[r.clientOfRow[byLine.get(l)!]!]!.id))).length;
  return {
    name,
    counts: `${r.input.accepted}/${r.input.rejected}/${r.input.contacts} vs ${t.counts.accepted}/${t.counts.rejected}/${t.counts.contacts}`,
    temperature: acc("temperature"),
    industry: acc("industry"),
    geography: acc("geography"),
    motivation: acc("motivation"),
    deadP: found.size ? tp / found.size : 1,
    deadR: truthDead.size ? tp / truthDead.size : 1,
    dupP: pPairs.size ? shared / pPairs.size : 1,
    dupR: tPairs.size ? shared / tPairs.size : 1,
    multiOwnerR: multi.length ? multiHit / multi.length : 1,
  };
}

describe.each(cases)("fixture %s", (name) => {
  let t: Truth;
  let r: RunResult;
  let s: Score;
  beforeAll(async () => {
    const truthFile = readdirSync(join(DIR, name)).find((f) => f.endsWith(".truth.json"))!;
    t = JSON.parse(readFileSync(join(DIR, name, truthFile), "utf8"));
    const managers = join(DIR, name, "managers.csv");
    r = await runPipeline(join(DIR, name, t.file), { map: [], seed: 0, json: false, quiet: true, color: false, debug: false, asOf: t.as_of, managers: existsSync(managers) ? managers : undefined }, io);
    s = score(name, t, r);
    scores.push(s);
  });

  it("accounts for every record as the truth does", () => {
    expect(r.input.accepted).toBe(t.counts.accepted);
    expect(r.input.rejected).toBe(t.counts.rejected);
    expect(r.input.contacts).toBe(t.counts.contacts);
    expect(r.rejects.map((x) => x.line).sort((a, b) => a - b)).toEqual(t.expected.rejects.map((x) => x.line).sort((a, b) => a - b));
  });

  it("labels clients as the truth does", () => {
    expect(s.temperature).toBeGreaterThanOrEqual(0.995);
    expect(s.industry).toBeGreaterThanOrEqual(0.95);
    expect(s.geography).toBeGreaterThanOrEqual(0.99);
    expect(s.motivation).toBeGreaterThanOrEqual(0.95);
  });

  it("finds dead souls, duplicates and multi-owner companies", () => {
    expect(s.deadP).toBeGreaterThanOrEqual(0.95);
    expect(s.deadR).toBeGreaterThanOrEqual(0.95);
    expect(s.dupP).toBeGreaterThanOrEqual(0.98);
    expect(s.dupR).toBeGreaterThanOrEqual(0.9);
    expect(s.multiOwnerR).toBeGreaterThanOrEqual(0.95);
  });
});

describe("scores", () => {
  it("prints the table", () => {
    const f = (x: number) => x.toFixed(3);
    console.log(["fixture             counts(acc/rej/con)        temp   ind    geo    motiv  deadP  deadR  dupP   dupR   multi",
      ...scores.map((s) => `${s.name.padEnd(20)}${s.counts.padEnd(27)}${[s.temperature, s.industry, s.geography, s.motivation, s.deadP, s.deadR, s.dupP, s.dupR, s.multiOwnerR].map(f).join("  ")}`)].join("\n"));
    expect(scores.length).toBe(cases.length);
  });
});
