// `run` lets row data go once no later stage reads it (releaseMatchData); the decisions, conflicts and segments
// must be exactly those of a run that keeps everything.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPipeline, type RunResult } from "../src/pipeline.js";
import type { Io } from "../src/commands/options.js";

const root = join(import.meta.dirname, "../fixtures");
const io: Io = { stdout: () => {}, stderr: () => {}, isTTY: false };
const cases = readdirSync(join(root, "dialects")).map((d) => {
  const dir = join(root, "dialects", d);
  const truth = JSON.parse(readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith(".truth.json"))!), "utf8")) as { file: string; as_of: string };
  const managers = join(dir, "managers.csv");
  return { name: d, file: join(dir, truth.file), asOf: truth.as_of, managers: existsSync(managers) ? managers : undefined, config: undefined as string | undefined };
});
cases.push({ name: "demo", file: join(root, "demo", "bitrix24-companies.csv"), asOf: "2026-11-01", managers: undefined, config: join(root, "demo", "segment.config.json") });

const outcome = (r: RunResult) => ({
  allocation: r.allocation.rows,
  decisions: r.allocation.clientDecisions,
  conflicts: r.conflicts,
  deadSoul: r.deadSoul,
  segments: r.segments,
  groups: r.groups,
  names: r.rows.map((row) => row.values.name),
});

describe("releasing row data a run no longer reads", () => {
  it.each(cases.map((c) => [c.name, c]))("%s: the same decisions, conflicts and segments", async (_name, c) => {
    const opts = { map: [], seed: 0, json: false, quiet: true, color: false, debug: false, asOf: c.asOf, managers: c.managers, config: c.config };
    const kept = await runPipeline(c.file, opts, io, false);
    const released = await runPipeline(c.file, opts, io, true);
    expect(outcome(released)).toEqual(outcome(kept));
    // And it did let go: none of the released values or match lists are left, on rows or merged clients.
    const gone = ["address", "notes", "website", "tax_id", "contact_role", "email", "phone", "contact_name", "contact_phone", "contact_email"] as const;
    const held = (values: Record<string, string>) => gone.filter((f) => values[f] !== "");
    expect(released.rows.flatMap((r) => held(r.values))).toEqual([]);
    expect(released.clients.flatMap((c) => held(c.values))).toEqual([]);
    expect(released.rows.every((r) => r.phones.length + r.emails.length + r.domains.length + r.contacts.length + r.tags.length === 0 && r.nameKey === "")).toBe(true);
    // The run that keeps everything still has them (each export fills at least two of these fields).
    expect(gone.filter((f) => kept.rows.some((r) => r.values[f] !== "")).length).toBeGreaterThanOrEqual(2);
  });
});
