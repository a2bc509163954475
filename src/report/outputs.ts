// The CSV outputs of a run, streamed row by row into the output folder.
import type { RunResult } from "../pipeline.js";
import type { OutputFiles } from "../io/output-dir.js";
import { BUFFER_BYTES, csvProducer, CsvWriter, type Producer } from "../io/write-csv.js";
import type { Conflict, DuplicateGroup, Reject, Row, Warning } from "../types.js";

export const ALLOCATION_HEADER = [
  "client_id", "name", "manager", "previous_manager", "decision", "reason", "temperature", "geography",
  "industry", "value", "motivation", "duplicate_group", "weight",
] as const;

const LABEL_COLUMNS = ["temperature", "geography", "industry", "value", "motivation"] as const;

/**
 * allocation.csv and every active manager's file in one pass: each row is encoded once, into allocation.csv,
 * and its bytes copied into its manager's file (rows keep input order in both).
 */
function allocationProducer(r: RunResult, delimiter: string): Producer {
  return (sink, open) => {
    const cols = LABEL_COLUMNS.map((id) => r.segments.find((s) => s.id === id)?.labels);
    const all = new CsvWriter(ALLOCATION_HEADER, delimiter, sink);
    // Each manager's writer holds a buffer until the end: sized by its rows (up to the usual megabyte), thousands of
    // managers (an owner column of one-off values) took a megabyte each.
    const rowsOf = new Map<string, number>();
    for (const a of r.allocation.rows) if (a.manager) rowsOf.set(a.manager, (rowsOf.get(a.manager) ?? 0) + 1);
    const byManager = new Map<string, CsvWriter>();
    for (const m of r.managers) {
      if (!m.active) continue;
      const bytes = Math.min(BUFFER_BYTES, 4096 + (rowsOf.get(m.name) ?? 0) * 256);
      byManager.set(m.name, new CsvWriter(ALLOCATION_HEADER, delimiter, open(`managers/${m.slug}.csv`), bytes));
    }
    for (let i = 0; i < r.rows.length; i++) {
      const a = r.allocation.rows[i]!;
      const row = r.rows[i]!;
      const client = r.clientOfRow[i]!;
      all.cell(row.clientId).cell(row.values.name).label(a.manager).label(a.previousManager).label(a.decision).label(a.reason);
      for (const labels of cols) all.label(labels?.[client] ?? "unknown");
      all.label(r.clients[client]!.group).cell(a.weight);
      all.end();
      if (a.manager) byManager.get(a.manager)?.copyRow(all.lastRow());
    }
    all.flush();
    for (const w of byManager.values()) w.flush();
  };
}

export function segmentsProducer(r: RunResult, delimiter: string): Producer {
  const header = ["client_id", ...r.segments.flatMap((s) => [s.id, `${s.id}_reason`])];
  return csvProducer(header, delimiter, (w) => {
    for (let i = 0; i < r.rows.length; i++) {
      const c = r.clientOfRow[i]!;
      w.cell(r.rows[i]!.clientId);
      for (const s of r.segments) {
        w.label(s.labels[c] ?? "");
        // A client's own reason (a figure and its rank, a contact's mailbox) is new to the writer: looked up among the
        // texts written so far, most were hashed and kept for nothing (300k bench export: the file took 0.89 s against
        // 1.02 s, medians of six alternating runs).
        if (s.ownReasons) w.cell(s.reasons[c] ?? "");
        else w.label(s.reasons[c] ?? "");
      }
      w.end();
    }
  });
}

export function duplicatesCsv(rows: readonly Row[], groups: readonly DuplicateGroup[], delimiter: string): Producer {
  return csvProducer(["group_id", "client_id", "survivor_id", "score", "evidence"], delimiter, (w) => {
    for (const g of groups) {
      const survivor = rows[g.members[0]!.row]!.clientId;
      for (const m of g.members) w.cell(g.id).cell(rows[m.row]!.clientId).cell(survivor).cell(m.score.toFixed(3)).cell(m.evidence).end();
    }
  });
}

export function conflictsCsv(conflicts: readonly Conflict[], delimiter: string): Producer {
  return csvProducer(["kind", "client_id", "related_ids", "managers", "detail", "resolution"], delimiter, (w) => {
    // Kinds, details and resolutions repeat (one text for every dead soul registered on the same day): encoded once each.
    for (const c of conflicts) w.label(c.kind).cell(c.clientId).cell(c.relatedIds.join("|")).cell(c.managers.join("|")).label(c.detail).label(c.resolution).end();
  });
}

export function rejectsCsv(rejects: readonly Reject[], delimiter: string): Producer {
  return csvProducer(["line", "client_id", "error", "raw"], delimiter, (w) => {
    for (const r of rejects) w.cell(String(r.line)).cell(r.clientId).cell(r.error).cell(r.raw).end();
  });
}

/** Export warnings by line (stable), then the locks file's. */
export function warningsCsv(lists: ReadonlyArray<readonly Warning[]>, delimiter: string): Producer {
  return csvProducer(["line", "client_id", "field", "value", "problem"], delimiter, (w) => {
    const order = warningOrder(lists);
    const first = lists[0] ?? [];
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      const x = i < first.length ? first[i]! : warningAt(lists, i);
      w.cell(String(x.line)).cell(x.clientId).cell(x.field).cell(x.value).cell(x.problem).end();
    }
  });
}

/** The `i`th warning of the lists one after the other. */
function warningAt(lists: ReadonlyArray<readonly Warning[]>, i: number): Warning {
  for (const list of lists) {
    if (i < list.length) return list[i]!;
    i -= list.length;
  }
  throw new Error(`warningAt: no warning ${i}`);
}

/**
 * The order of the warnings of several lists (indexes into them one after the other) in warnings.csv: locks last,
 * then by line, then as listed. Sorted as numbers in a typed array: a garbled column warns on every row, and 2.4M
 * warnings of a 300k-row export took an array of indexes, a sort's copy of it and a copy of the lists at the run's peak.
 */
export function warningOrder(lists: ReadonlyArray<readonly Warning[]>): Int32Array {
  let total = 0;
  let maxLine = 0;
  let plain = true;
  for (const list of lists) {
    total += list.length;
    for (const x of list) {
      if (!(Number.isInteger(x.line) && x.line >= 0)) plain = false;
      else if (x.line > maxLine) maxLine = x.line;
    }
  }
  const lock = (x: Warning) => (x.field === "lock" ? 1 : 0);
  if (!plain || 2 * (maxLine + 1) * total >= Number.MAX_SAFE_INTEGER) {
    const at = (i: number) => warningAt(lists, i);
    const order = Array.from({ length: total }, (_, i) => i);
    order.sort((a, b) => lock(at(a)) - lock(at(b)) || at(a).line - at(b).line || a - b);
    return Int32Array.from(order);
  }
  const keys = new Float64Array(total);
  let i = 0;
  for (const list of lists) for (const x of list) keys[i] = (lock(x) * (maxLine + 1) + x.line) * total + i++;
  keys.sort();
  const order = new Int32Array(total);
  for (let k = 0; k < total; k++) order[k] = keys[k]! % total;
  return order;
}

/** Every CSV of a run (without the reports and summary). */
export function csvOutputs(r: RunResult, delimiter: string, phases = false): OutputFiles {
  const files: OutputFiles = new Map();
  files.set("managers/", "");
  files.set("allocation.csv", allocationProducer(r, delimiter));
  files.set("segments.csv", segmentsProducer(r, delimiter));
  files.set("duplicates.csv", duplicatesCsv(r.rows, r.groups, delimiter));
  files.set("conflicts.csv", conflictsCsv(r.conflicts, delimiter));
  files.set("rejects.csv", rejectsCsv(r.rejects, delimiter));
  files.set("warnings.csv", warningsCsv([r.warnings, r.allocation.warnings], delimiter));
  if (phases) {
    files.set(
      "phases.csv",
      csvProducer(["phase", "client_id", "name", "from_manager", "to_manager", "reason"], delimiter, (w) => {
        for (const p of r.allocation.phases) w.cell(String(p.phase)).cell(p.clientId).cell(p.name).cell(p.from).cell(p.to).cell(p.reason).end();
      }),
    );
  }
  return files;
}
