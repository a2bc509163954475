// Locks (`--locks`): the director's word on single clients, beating every rule of the policy.
import { SegmentError } from "../errors.js";
import { say } from "../i18n.js";
import { readToolCsv } from "../io/read-csv.js";
import { matchOwner, type ToolTable } from "../managers.js";
import type { Lang, Lock, Manager, Row, Warning } from "../types.js";

/** The word a locked client's reason begins with. */
export const LOCKED = { en: "Locked", ru: "Закреплено", ro: "Blocat" };

/** Parses a locks table read from `file`; the lock's manager matches like an owner and must be active. */
export function parseLocks(file: string, table: ToolTable, managers: readonly Manager[]): Lock[] {
  const header = table.header.map((h) => h.trim().toLowerCase());
  const idCol = header.indexOf("client_id");
  const managerCol = header.indexOf("manager");
  const noteCol = header.indexOf("note");
  if (idCol < 0 || managerCol < 0) {
    throw new SegmentError("locks", `${file}, line 1: the header must have "client_id" and "manager" columns, got "${table.header.join(table.delimiter)}".`);
  }
  const locks: Lock[] = [];
  const first = new Map<string, Lock>();
  for (const { line, cells } of table.rows) {
    if (cells.every((c) => !c.trim())) continue;
    const clientId = (cells[idCol] ?? "").trim();
    const value = (cells[managerCol] ?? "").trim();
    if (!clientId) throw new SegmentError("locks", `${file}, line ${line}: the client_id is empty.`);
    if (!value) throw new SegmentError("locks", `${file}, line ${line}: the manager is empty.`);
    const m = matchOwner(value, managers);
    if (m.manager < 0) {
      const why = m.ambiguous ? "matches several managers" : "is not in the managers list";
      throw new SegmentError("locks", `${file}, line ${line}: manager "${value}" ${why}.`);
    }
    const manager = managers[m.manager]!;
    if (!manager.active) {
      throw new SegmentError("locks", `${file}, line ${line}: manager "${value}" is inactive (active=false) and cannot take locked clients.`);
    }
    const lock: Lock = { line, clientId, manager: manager.name, note: noteCol >= 0 ? (cells[noteCol] ?? "").trim() : "" };
    const before = first.get(clientId);
    if (before && before.manager !== lock.manager) {
      throw new SegmentError(
        "locks",
        `${file}, lines ${before.line} and ${line}: client_id "${clientId}" is locked to two managers, "${before.manager}" and "${lock.manager}".`,
      );
    }
    if (!before) first.set(clientId, lock);
    locks.push(lock);
  }
  return locks;
}

/** Reads a locks file: header `client_id,manager` and an optional `note`. */
export function readLocks(path: string, managers: readonly Manager[]): Lock[] {
  return parseLocks(path, readToolCsv(path, "locks"), managers);
}

const NOT_IN_EXPORT = {
  en: "the locked client is not in the export; lock ignored",
  ru: "закреплённого клиента нет в выгрузке; закрепление пропущено",
  ro: "clientul blocat nu este în export; blocarea este ignorată",
};

/** Lock lines whose client_id is in the export (with the row index), and a warning for each other line. */
export function resolveLocks(
  locks: readonly Lock[],
  rows: readonly Row[],
  lang: Lang,
): { found: { lock: Lock; row: number }[]; warnings: Warning[] } {
  const found: { lock: Lock; row: number }[] = [];
  if (locks.length === 0) return { found, warnings: [] };
  const rowOf = new Map<string, number>();
  for (const row of rows) rowOf.set(row.clientId, row.index);
  const warnings: Warning[] = [];
  for (const lock of locks) {
    const row = rowOf.get(lock.clientId);
    if (row === undefined) {
      warnings.push({ line: lock.line, clientId: lock.clientId, field: "lock", value: lock.manager, problem: say(lang, NOT_IN_EXPORT) });
    } else found.push({ lock, row });
  }
  return { found, warnings };
}

/** Row-index pairs locked to different managers: the matcher must not put them in one client. */
export function cannotLinkFromLocks(locks: readonly Lock[], rows: readonly Row[]): Array<[number, number]> {
  if (locks.length === 0) return [];
  const rowOf = new Map<string, number>();
  for (const row of rows) rowOf.set(row.clientId, row.index);
  const byManager = new Map<string, number[]>();
  for (const lock of locks) {
    const row = rowOf.get(lock.clientId);
    if (row === undefined) continue;
    const list = byManager.get(lock.manager);
    if (!list) byManager.set(lock.manager, [row]);
    else if (!list.includes(row)) list.push(row);
  }
  const groups = [...byManager.values()];
  const pairs: Array<[number, number]> = [];
  for (let a = 0; a < groups.length; a++)
    for (let b = a + 1; b < groups.length; b++)
      for (const x of groups[a]!) for (const y of groups[b]!) pairs.push(x < y ? [x, y] : [y, x]);
  return pairs;
}
