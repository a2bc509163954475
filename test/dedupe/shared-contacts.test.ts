// shared_contact conflicts on values held by many clients (switchboards, shared mailboxes): each client's report
// equals the one the plain per-client definition gives, and a value on tens of thousands of clients stays linear.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findConflicts } from "../../src/dedupe/conflicts.js";
import { mergeClients } from "../../src/dedupe/merge.js";
import type { Client, Conflict, DuplicateGroup, Field, Manager, RowOwner } from "../../src/types.js";
import { makeRow } from "./rows.js";

const manager = (name: string): Manager => ({
  name, capacity: 1, active: true, regions: [], industries: [], segments: [], aliases: [], slug: name.toLowerCase(), line: 0,
});
const managers = [manager("Иванов Сергей"), manager("Петрова Анна"), manager("Popescu Ion")];
const mapped = new Set<Field>(["name", "owner", "phone", "email", "created_at"]);
/** Owner cells: managers (under other spellings too) and people who are not managers, one in two spellings. */
const OWNERS: RowOwner[] = [
  { raw: "Иванов Сергей", manager: 0, departed: false },
  { raw: "Иванов С.", manager: 0, departed: false },
  { raw: "Петрова Анна", manager: 1, departed: false },
  { raw: "Popescu Ion", manager: 2, departed: false },
  { raw: "Сидоров Пётр", manager: -1, departed: true },
  { raw: "сидоров  пётр", manager: -1, departed: true },
  { raw: "", manager: -1, departed: false },
];

/**
 * The definition, client by client (the code before it was made linear): the clients of other owner keys on each of
 * the client's values, counted once, in index order; their owners' names after the client's own; the values sorted.
 */
function expected(clients: Client[], owners: RowOwner[]): Map<string, { related: string[]; n: number; managers: string[]; values: string[]; widest: number }> {
  const refOf = (o: RowOwner) => (o.raw.trim() === "" ? null : o.manager >= 0 ? { key: "m" + o.manager, name: managers[o.manager]!.name } : { key: "r" + o.raw.trim().toLowerCase().replace(/\s+/g, " "), name: o.raw.trim() });
  const ownersOf = clients.map((c) => {
    const out: Array<{ key: string; name: string }> = [];
    for (const r of c.rows) {
      const ref = refOf(owners[r]!);
      if (ref && !out.some((x) => x.key === ref.key)) out.push(ref);
    }
    return out;
  });
  const keyOf = ownersOf.map((l) => l.map((o) => o.key).sort().join("\u0000"));
  const holders = new Map<string, number[]>();
  for (const c of clients) {
    if (ownersOf[c.index]!.length === 0) continue;
    for (const v of [...c.phones.map((p) => "p" + p), ...c.emails.map((e) => "e" + e)]) {
      const list = holders.get(v) ?? [];
      if (!list.includes(c.index)) list.push(c.index);
      holders.set(v, list);
    }
  }
  const out = new Map<string, { related: string[]; n: number; managers: string[]; values: string[]; widest: number }>();
  for (const c of clients) {
    const others = new Set<number>();
    const values: string[] = [];
    let widest = 0;
    for (const [v, list] of holders) {
      if (!list.includes(c.index)) continue;
      const o = list.filter((cj) => keyOf[cj] !== keyOf[c.index]);
      if (o.length === 0) continue;
      for (const cj of o) others.add(cj);
      values.push(v);
      widest = Math.max(widest, list.length);
    }
    if (others.size === 0) continue;
    const sorted = [...others].sort((a, b) => a - b);
    const involved = ownersOf[c.index]!.map((o) => o.name);
    for (const cj of sorted) for (const o of ownersOf[cj]!) if (!involved.includes(o.name)) involved.push(o.name);
    out.set(c.id, { related: sorted.slice(0, 20).map((cj) => clients[cj]!.id), n: sorted.length, managers: involved, values: values.sort(), widest });
  }
  return out;
}

function check(conflicts: Conflict[], want: ReturnType<typeof expected>): void {
  const shared = conflicts.filter((c) => c.kind === "shared_contact");
  expect(shared.map((c) => c.clientId).sort()).toEqual([...want.keys()].sort());
  for (const c of shared) {
    const w = want.get(c.clientId)!;
    expect(c.relatedIds).toEqual(w.related);
    expect(c.managers).toEqual(w.managers);
    const values = w.values.map((v) => (v[0] === "p" ? "Phone " : "E-mail ") + v.slice(1));
    const list = (items: string[], total: number, max: number) => (total <= max ? items.join(", ") : `${items.slice(0, max).join(", ")} and ${total - max} more`);
    let detail = `${list(values, values.length, 3)} also belongs to ${w.n} client(s) of other owners: ${list(w.related, w.n, 5)}.`;
    if (w.widest > 5) detail += ` Shared by ${w.widest} clients, it looks like a switchboard or a common mailbox.`;
    expect(c.detail).toBe(detail);
  }
}

/** A base of `size` rows: phones and e-mails drawn from small pools (a few on most rows), some rows merged. */
const bases = fc.record({
  size: fc.integer({ min: 2, max: 260 }),
  phones: fc.integer({ min: 1, max: 40 }),
  emails: fc.integer({ min: 1, max: 40 }),
  wide: fc.double({ min: 0, max: 0.9, noNaN: true }),
  merged: fc.double({ min: 0, max: 0.3, noNaN: true }),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
});

function build(b: { size: number; phones: number; emails: number; wide: number; merged: number; seed: number }) {
  let x = b.seed;
  const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const pick = (n: number) => Math.floor(rnd() * n);
  const rows = Array.from({ length: b.size }, (_, i) => {
    const phones: string[] = [];
    const emails: string[] = [];
    if (rnd() < b.wide) phones.push("+7 800 100-00-00"); // the switchboard
    if (rnd() < b.wide / 2) emails.push("info@mail.ru");
    for (let k = pick(3); k > 0; k--) phones.push(`+7 495 123-45-${String(10 + pick(b.phones)).padStart(2, "0")}`);
    if (rnd() < 0.5) emails.push(`office${pick(b.emails)}@firm.ru`);
    return makeRow(i, String(i + 1), { name: `Клиент ${i}`, phones, emails });
  });
  const owners = rows.map(() => OWNERS[pick(OWNERS.length)]!);
  const groups: DuplicateGroup[] = [];
  for (let i = 0; i + 1 < rows.length; i += 2) {
    if (rnd() < b.merged) groups.push({ id: `G${i}`, members: [{ row: i, score: 1, evidence: "" }, { row: i + 1, score: 0.9, evidence: "" }] });
  }
  const { clients, clientOfRow } = mergeClients(rows, groups);
  return { rows, clients, clientOfRow, owners, managers, warnings: [], asOf: "2026-11-01", deadSoulDays: 90, mapped, lang: "en" as const };
}

describe("shared contacts", () => {
  it("gives each client the others, owners and values of the per-client definition, wide values included", () => {
    fc.assert(
      fc.property(bases, (b) => {
        const input = build(b);
        check(findConflicts(input).conflicts, expected(input.clients, input.owners));
      }),
      { numRuns: 300 },
    );
  });

  it("reports a switchboard on 30,000 clients of three owners once per client, with the first 20 others", () => {
    const n = 30_000;
    const rows = Array.from({ length: n }, (_, i) => makeRow(i, String(i + 1), { name: `Клиент ${i}`, phone: "8 800 100-00-00", email: i % 1000 === 7 ? `shop${Math.floor(i / 1000) % 2}@firm.ru` : "" }));
    const owners = rows.map((_, i) => OWNERS[[0, 2, 3][i % 3]!]!);
    const { clients, clientOfRow } = mergeClients(rows, []);
    const { conflicts } = findConflicts({ rows, clients, clientOfRow, owners, managers, warnings: [], asOf: "2026-11-01", deadSoulDays: 90, mapped, lang: "en" });
    const shared = conflicts.filter((c) => c.kind === "shared_contact");
    expect(shared).toHaveLength(n);
    // Client 1 (Иванов) shares the phone with every client of the two other managers: 20,000 of them.
    expect(shared[0]!.relatedIds).toEqual(["2", "3", "5", "6", "8", "9", "11", "12", "14", "15", "17", "18", "20", "21", "23", "24", "26", "27", "29", "30"]);
    expect(shared[0]!.detail).toBe("Phone +78001000000 also belongs to 20000 client(s) of other owners: 2, 3, 5, 6, 8 and 19995 more. Shared by 30000 clients, it looks like a switchboard or a common mailbox.");
    expect(shared[0]!.managers).toEqual(["Иванов Сергей", "Петрова Анна", "Popescu Ion"]);
    // Clients 1 and 4 (both Иванов, the phone alone) read the same others: one list each for all such clients, not
    // 20 ids and 3 names kept per client (an export whose 300k rows shared a phone went past 1 GB).
    expect(shared[3]!.relatedIds).toBe(shared[0]!.relatedIds);
    expect(shared[3]!.managers).toBe(shared[0]!.managers);
    // Client 8 (Петрова) also holds shop0@firm.ru, as clients 2008 (Иванов), 4008 (Popescu)... do: already counted.
    expect(shared[7]!.detail).toMatch(/^E-mail shop0@firm\.ru, Phone \+78001000000 also belongs to 20000 client\(s\) of other owners: 1, 3, 4, 6, 7 and 19995 more\./);
  });
});
