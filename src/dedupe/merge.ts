// Survivorship: a duplicate group's rows become one client (the contract's "Clients" paragraph).
import { DATE_FIELDS, FIELDS, type Client, type DuplicateGroup, type Field, type FieldValues, type Person, type Row } from "../types.js";
import { int32Array } from "../pages.js";

// Purchases and activities add up; every other number takes the first non-empty value.
const SUMMED: ReadonlySet<Field> = new Set<Field>(["deals_won", "revenue_won", "activity_count"]);
const DATES: ReadonlySet<Field> = new Set<Field>(DATE_FIELDS);

/** Adds decimal strings without binary drift (`0.1 + 0.2` is `0.3`): scaled to the longest fraction. */
export function addDecimals(values: readonly string[]): string {
  let scale = 0;
  for (const v of values) {
    const dot = v.indexOf(".");
    if (dot >= 0) scale = Math.max(scale, v.length - dot - 1);
  }
  let total = 0n;
  for (const v of values) {
    const neg = v.startsWith("-");
    const body = neg ? v.slice(1) : v;
    const dot = body.indexOf(".");
    const int = dot >= 0 ? body.slice(0, dot) : body;
    const frac = (dot >= 0 ? body.slice(dot + 1) : "").padEnd(scale, "0");
    const n = BigInt((int || "0") + frac);
    total += neg ? -n : n;
  }
  const neg = total < 0n;
  let digits = (neg ? -total : total).toString().padStart(scale + 1, "0");
  if (scale > 0) {
    const int = digits.slice(0, digits.length - scale);
    const frac = digits.slice(digits.length - scale).replace(/0+$/, "");
    digits = frac ? `${int}.${frac}` : int;
  }
  return (neg ? "-" : "") + digits;
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

function mergeValues(rows: readonly Row[]): FieldValues {
  const out = {} as FieldValues;
  for (const f of FIELDS) {
    if (SUMMED.has(f)) {
      const parts = rows.map((r) => r.values[f]).filter((v) => v !== "" && PLAIN_DECIMAL.test(v));
      out[f] = parts.length === 0 ? "" : addDecimals(parts);
    } else if (DATES.has(f)) {
      // ISO dates compare as strings; created_at is the earliest, other dates the latest.
      let best = "";
      for (const r of rows) {
        const d = r.values[f];
        if (d === "") continue;
        if (best === "" || (f === "created_at" ? d < best : d > best)) best = d;
      }
      out[f] = best;
    } else {
      let first = "";
      for (const r of rows) {
        if (r.values[f] !== "") {
          first = r.values[f];
          break;
        }
      }
      out[f] = first;
    }
  }
  return out;
}

function union(lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) for (const v of list) if (!seen.has(v)) (seen.add(v), out.push(v));
  return out;
}

function unionPeople(rows: readonly Row[]): Person[] {
  const seen = new Set<string>();
  const out: Person[] = [];
  for (const r of rows) {
    for (const p of r.contacts) {
      const key = `${p.line}\u0000${p.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

function toClient(index: number, rows: readonly Row[], order: number[], group: string): Client {
  const survivor = rows[order[0]!]!;
  if (order.length === 1) {
    // A client of one row shares that row's values and lists: nothing downstream mutates them.
    return {
      index, id: survivor.clientId, rows: order, group, values: survivor.values, phones: survivor.phones,
      emails: survivor.emails, domains: survivor.domains, contacts: survivor.contacts, tags: survivor.tags,
    };
  }
  const members = order.map((i) => rows[i]!);
  return {
    index,
    id: survivor.clientId,
    rows: order,
    group,
    values: mergeValues(members),
    phones: union(members.map((r) => r.phones)),
    emails: union(members.map((r) => r.emails)),
    domains: union(members.map((r) => r.domains)),
    contacts: unionPeople(members),
    tags: union(members.map((r) => r.tags)),
  };
}

/**
 * One client per duplicate group and per row in none, ordered by their first row in input order;
 * `clientOfRow[row]` is the client's index.
 */
export function mergeClients(rows: Row[], groups: DuplicateGroup[]): { clients: Client[]; clientOfRow: number[] } {
  const groupOfRow = int32Array(rows.length).fill(-1);
  for (let k = 0; k < groups.length; k++) for (const m of groups[k]!.members) groupOfRow[m.row] = k;
  const clients: Client[] = [];
  const clientOfRow = new Array<number>(rows.length).fill(-1);
  for (let i = 0; i < rows.length; i++) {
    if (clientOfRow[i] !== -1) continue;
    const k = groupOfRow[i]!;
    const index = clients.length;
    if (k === -1) {
      clients.push(toClient(index, rows, [i], ""));
      clientOfRow[i] = index;
    } else {
      const g = groups[k]!;
      const order = g.members.map((m) => m.row);
      clients.push(toClient(index, rows, order, g.id));
      for (const r of order) clientOfRow[r] = index;
    }
  }
  return { clients, clientOfRow };
}
