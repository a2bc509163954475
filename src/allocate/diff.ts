// `segment diff`: what changed between two allocation.csv files, per manager and per moved client.
import { LOCKED } from "./locks.js";
import type { ToolTable } from "../managers.js";

export interface DiffManager {
  name: string;
  kept: number;
  gained: number;
  lost: number;
}

export interface DiffMove {
  client_id: string;
  name: string;
  from: string;
  to: string;
  reason: string;
  locked: boolean;
}

export interface AllocationDiff {
  managers: DiffManager[];
  moves: DiffMove[];
}

export interface AllocationRow {
  clientId: string;
  name: string;
  manager: string;
  reason: string;
}

const LOCK_WORDS = Object.values(LOCKED);

/** The rows of an allocation.csv table (`client_id`, `name`, `manager`, `reason` columns). */
export function allocationRows(file: string, table: ToolTable): AllocationRow[] {
  const h = table.header.map((x) => x.trim().toLowerCase());
  const id = h.indexOf("client_id");
  const manager = h.indexOf("manager");
  if (id < 0 || manager < 0) {
    throw new Error(`${file}, line 1: not an allocation.csv of this tool: it needs "client_id" and "manager" columns.`);
  }
  const name = h.indexOf("name");
  const reason = h.indexOf("reason");
  return table.rows.map(({ cells }) => ({
    clientId: (cells[id] ?? "").trim(),
    name: name >= 0 ? (cells[name] ?? "") : "",
    manager: (cells[manager] ?? "").trim(),
    reason: reason >= 0 ? (cells[reason] ?? "") : "",
  }));
}

/**
 * Compares two allocations by client_id. Managers are listed in order of first appearance (old file,
 * then new); a client in only one file counts as gained or lost.
 */
export function diffAllocations(oldRows: readonly AllocationRow[], newRows: readonly AllocationRow[]): AllocationDiff {
  const order: string[] = [];
  const stats = new Map<string, DiffManager>();
  const get = (n: string): DiffManager => {
    let s = stats.get(n);
    if (!s) {
      s = { name: n, kept: 0, gained: 0, lost: 0 };
      stats.set(n, s);
      order.push(n);
    }
    return s;
  };
  const before = new Map<string, AllocationRow>();
  for (const r of oldRows) {
    before.set(r.clientId, r);
    if (r.manager) get(r.manager);
  }
  for (const r of newRows) if (r.manager) get(r.manager);
  const moves: DiffMove[] = [];
  const seen = new Set<string>();
  for (const r of newRows) {
    seen.add(r.clientId);
    const old = before.get(r.clientId);
    const from = old?.manager ?? "";
    if (from && from === r.manager) get(from).kept++;
    else {
      if (from) get(from).lost++;
      if (r.manager) get(r.manager).gained++;
      if (from || r.manager) {
        moves.push({
          client_id: r.clientId,
          name: r.name || old?.name || "",
          from,
          to: r.manager,
          reason: r.reason,
          locked: LOCK_WORDS.some((w) => r.reason.startsWith(w)),
        });
      }
    }
  }
  for (const r of oldRows) if (!seen.has(r.clientId) && r.manager) get(r.manager).lost++;
  return { managers: order.map((n) => stats.get(n)!), moves };
}
