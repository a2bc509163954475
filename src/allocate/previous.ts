// `--previous allocation.csv`: yesterday's manager of each row becomes its owner, so reruns stay stable.
import { SegmentError } from "../errors.js";
import { readToolCsv } from "../io/read-csv.js";
import { foldOwner, matchOwner, type ToolTable } from "../managers.js";
import type { Manager, Row, RowOwner } from "../types.js";

/** client_id → yesterday's manager (`""` = unassigned yesterday), from a table read from `file`. */
export function parsePrevious(file: string, table: ToolTable): Map<string, string> {
  const header = table.header.map((h) => h.trim().toLowerCase());
  const idCol = header.indexOf("client_id");
  const managerCol = header.indexOf("manager");
  if (idCol < 0 || managerCol < 0) {
    const missing = idCol < 0 ? "client_id" : "manager";
    throw new SegmentError("previous", `${file}, line 1: not an allocation.csv of this tool: no "${missing}" column.`);
  }
  const previous = new Map<string, string>();
  const lineOf = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    if (cells.every((c) => !c.trim())) continue;
    const id = (cells[idCol] ?? "").trim();
    if (!id) throw new SegmentError("previous", `${file}, line ${line}: the client_id is empty.`);
    const manager = (cells[managerCol] ?? "").trim();
    const had = previous.get(id);
    if (had !== undefined && had !== manager) {
      throw new SegmentError(
        "previous",
        `${file}, line ${line}: client_id "${id}" names manager "${manager}" but line ${lineOf.get(id)} names "${had}".`,
      );
    }
    previous.set(id, manager);
    lineOf.set(id, line);
  }
  return previous;
}

/** Reads a previous allocation.csv of this tool (`,` or `;`, leading `'` stripped by the reader). */
export function readPrevious(path: string): Map<string, string> {
  return parsePrevious(path, readToolCsv(path, "previous"));
}

/**
 * Gives every row found in `previous` yesterday's manager as its owner (for every rule and as
 * previous_manager). A manager no longer on the list, or inactive, is a departed owner.
 */
export function applyPrevious(
  rows: readonly Row[],
  owners: readonly RowOwner[],
  previous: ReadonlyMap<string, string>,
  managers: readonly Manager[],
): { owners: RowOwner[]; applied: boolean[] } {
  const byName = new Map<string, number>();
  managers.forEach((m, i) => byName.set(foldOwner(m.name), i));
  const cache = new Map<string, number>();
  const out: RowOwner[] = new Array(rows.length);
  const applied: boolean[] = new Array(rows.length).fill(false);
  for (let r = 0; r < rows.length; r++) {
    const name = previous.get(rows[r]!.clientId);
    if (name === undefined) {
      out[r] = owners[r]!;
      continue;
    }
    applied[r] = true;
    if (!name) {
      out[r] = { raw: "", manager: -1, departed: false };
      continue;
    }
    let m = cache.get(name);
    if (m === undefined) {
      m = byName.get(foldOwner(name)) ?? matchOwner(name, managers).manager;
      cache.set(name, m);
    }
    out[r] = { raw: name, manager: m, departed: m < 0 || !managers[m]!.active };
  }
  return { owners: out, applied };
}
