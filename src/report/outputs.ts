// The CSV outputs of a run, as file contents keyed by their path in the output folder.
import type { RunResult } from "../pipeline.js";
import type { OutputFiles } from "../io/output-dir.js";
import { toCsv, type Cell } from "../io/write-csv.js";
import type { Conflict, DuplicateGroup, Reject, Warning } from "../types.js";

export const ALLOCATION_HEADER = [
  "client_id", "name", "manager", "previous_manager", "decision", "reason", "temperature", "geography",
  "industry", "value", "motivation", "duplicate_group", "weight",
] as const;

const LABEL_COLUMNS = ["temperature", "geography", "industry", "value", "motivation"] as const;

export function allocationRows(r: RunResult): Cell[][] {
  const cols = LABEL_COLUMNS.map((id) => r.segments.find((s) => s.id === id));
  return r.rows.map((row, i) => {
    const a = r.allocation.rows[i]!;
    const client = r.clientOfRow[i]!;
    return [
      row.clientId,
      row.values.name,
      a.manager,
      a.previousManager,
      a.decision,
      a.reason,
      ...cols.map((c) => c?.labels[client] ?? "unknown"),
      r.clients[client]!.group,
      a.weight,
    ];
  });
}

export function segmentsCsv(r: RunResult, delimiter: string): string {
  const header = ["client_id", ...r.segments.flatMap((s) => [s.id, `${s.id}_reason`])];
  const rows = r.rows.map((row, i) => {
    const c = r.clientOfRow[i]!;
    return [row.clientId, ...r.segments.flatMap((s) => [s.labels[c] ?? "", s.reasons[c] ?? ""])];
  });
  return toCsv(header, rows, delimiter);
}

export function duplicatesCsv(rows: RunResult["rows"], groups: readonly DuplicateGroup[], delimiter: string): string {
  const out: Cell[][] = [];
  for (const g of groups) {
    const survivor = rows[g.members[0]!.row]!.clientId;
    for (const m of g.members) out.push([g.id, rows[m.row]!.clientId, survivor, m.score.toFixed(3), m.evidence]);
  }
  return toCsv(["group_id", "client_id", "survivor_id", "score", "evidence"], out, delimiter);
}

export function conflictsCsv(conflicts: readonly Conflict[], delimiter: string): string {
  return toCsv(
    ["kind", "client_id", "related_ids", "managers", "detail", "resolution"],
    conflicts.map((c) => [c.kind, c.clientId, c.relatedIds.join("|"), c.managers.join("|"), c.detail, c.resolution]),
    delimiter,
  );
}

export function rejectsCsv(rejects: readonly Reject[], delimiter: string): string {
  return toCsv(["line", "client_id", "error", "raw"], rejects.map((r) => [String(r.line), r.clientId, r.error, r.raw]), delimiter);
}

/** Export warnings by line (stable), then the locks file's. */
export function warningsCsv(warnings: readonly Warning[], delimiter: string): string {
  const indexed = warnings.map((w, i) => ({ w, i, lock: w.field === "lock" ? 1 : 0 }));
  indexed.sort((a, b) => a.lock - b.lock || a.w.line - b.w.line || a.i - b.i);
  return toCsv(
    ["line", "client_id", "field", "value", "problem"],
    indexed.map(({ w }) => [String(w.line), w.clientId, w.field, w.value, w.problem]),
    delimiter,
  );
}

/** Every CSV of a run (without the reports and summary). */
export function csvOutputs(r: RunResult, delimiter: string, phases = false): OutputFiles {
  const files: OutputFiles = new Map();
  const alloc = allocationRows(r);
  files.set("allocation.csv", toCsv(ALLOCATION_HEADER, alloc, delimiter));
  const byManager = new Map<string, Cell[][]>();
  for (const m of r.managers) if (m.active) byManager.set(m.name, []);
  alloc.forEach((row, i) => {
    const name = r.allocation.rows[i]!.manager;
    if (name) byManager.get(name)?.push(row);
  });
  files.set("managers/", "");
  for (const m of r.managers) {
    if (!m.active) continue;
    files.set(`managers/${m.slug}.csv`, toCsv(ALLOCATION_HEADER, byManager.get(m.name) ?? [], delimiter));
  }
  files.set("segments.csv", segmentsCsv(r, delimiter));
  files.set("duplicates.csv", duplicatesCsv(r.rows, r.groups, delimiter));
  files.set("conflicts.csv", conflictsCsv(r.conflicts, delimiter));
  files.set("rejects.csv", rejectsCsv(r.rejects, delimiter));
  files.set("warnings.csv", warningsCsv([...r.warnings, ...r.allocation.warnings], delimiter));
  if (phases) {
    files.set(
      "phases.csv",
      toCsv(
        ["phase", "client_id", "name", "from_manager", "to_manager", "reason"],
        r.allocation.phases.map((p) => [String(p.phase), p.clientId, p.name, p.from, p.to, p.reason]),
        delimiter,
      ),
    );
  }
  return files;
}

