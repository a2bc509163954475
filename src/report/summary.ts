// summary.json: counts, segment distributions, per-manager loads and balance figures (CONTRACT.md › summary.json).
import type { RunResult } from "../pipeline.js";
import { countLabels } from "../segmenters/matrix.js";
import { CONFLICT_KINDS, type Balance, type ConflictKind, type ManagerStats } from "../types.js";

export interface Summary {
  input: RunResult["input"];
  as_of: string;
  lang: string;
  seed: number;
  duplicates: { groups: number; rows: number };
  conflicts: Record<ConflictKind, number>;
  segments: Record<string, Record<string, number>>;
  managers: ManagerStats[];
  balance: Balance;
  decisions: { kept: number; moved: number; assigned: number; unassigned: number };
  locks: { applied: number; unknown_client: number };
  warnings: Record<string, number>;
  max_moves: { count: number | null; percent: number | null };
}

/** Labels counted per client, in first-seen order of a stable sort (by count desc, then label). */
export function distribution(labels: readonly string[]): Record<string, number> {
  const sorted = [...countLabels(labels)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.fromEntries(sorted);
}

export function buildSummary(r: RunResult, maxMoves?: { count?: number; percent?: number }): Summary {
  const conflicts = Object.fromEntries(CONFLICT_KINDS.map((k) => [k, 0])) as Record<ConflictKind, number>;
  for (const c of r.conflicts) conflicts[c.kind]++;
  const segments: Record<string, Record<string, number>> = {};
  for (const col of r.segments) segments[col.id] = distribution(col.labels);
  const warnings: Record<string, number> = {};
  for (const w of [...r.warnings, ...r.allocation.warnings]) warnings[w.field] = (warnings[w.field] ?? 0) + 1;
  return {
    input: r.input,
    as_of: r.asOf,
    lang: r.lang,
    seed: r.seed,
    duplicates: { groups: r.groups.length, rows: r.groups.reduce((n, g) => n + g.members.length, 0) },
    conflicts,
    segments,
    managers: r.allocation.managers,
    balance: r.allocation.balance,
    decisions: r.allocation.decisions,
    locks: r.allocation.locks,
    warnings: Object.fromEntries(Object.entries(warnings).sort(([a], [b]) => (a < b ? -1 : 1))),
    max_moves: { count: maxMoves?.count ?? null, percent: maxMoves?.percent ?? null },
  };
}

const OPS = [">=", "<=", "==", "!=", ">", "<"] as const;

/** `--fail-on rejected>0`: PATH OP NUMBER over summary.json; a missing key reads 0. */
export function parseFailOn(expr: string): { path: string; op: (typeof OPS)[number]; value: number } {
  const s = expr.replace(/\s+/g, "");
  for (const op of OPS) {
    const i = s.indexOf(op);
    if (i > 0) {
      const path = s.slice(0, i);
      const value = Number(s.slice(i + op.length));
      if (/^[A-Za-z_][\w.]*$/.test(path) && s.slice(i + op.length) !== "" && Number.isFinite(value)) return { path, op, value };
      break;
    }
  }
  throw new Error(`--fail-on "${expr}": expected PATH OP NUMBER, e.g. rejected>0 or conflicts.multi_owner>10`);
}

function lookup(obj: unknown, path: string): number {
  let cur: unknown = obj;
  for (const k of path.split(".")) {
    if (cur && typeof cur === "object" && k in (cur as object)) cur = (cur as Record<string, unknown>)[k];
    else return Number.NaN;
  }
  return typeof cur === "number" ? cur : Number.NaN;
}

/** The conditions that hold, as they were written. */
export function failingConditions(summary: unknown, exprs: readonly string[]): string[] {
  const held: string[] = [];
  for (const expr of exprs) {
    const { path, op, value } = parseFailOn(expr);
    let v = lookup(summary, path);
    if (Number.isNaN(v)) v = lookup(summary, "input." + path);
    if (Number.isNaN(v)) v = 0;
    const ok = op === ">" ? v > value : op === ">=" ? v >= value : op === "<" ? v < value : op === "<=" ? v <= value : op === "==" ? v === value : v !== value;
    if (ok) held.push(`${expr} (${path} = ${v})`);
  }
  return held;
}
