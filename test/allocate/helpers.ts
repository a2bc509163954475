// Builders for allocation tests: rows, clients, segments and owners from short client specs.
import { matchOwners, parseManagers } from "../../src/managers.js";
import { applyPrevious } from "../../src/allocate/previous.js";
import type { AllocationInput } from "../../src/allocate/index.js";
import { FIELDS, type Client, type Lock, type Manager, type Row } from "../../src/types.js";

export interface Spec { name: string; owner?: string; temp?: "hot" | "warm" | "cold"; geo?: string; industry?: string; value?: string; activity?: string; deals?: string; dead?: boolean; group?: number }

export const MANAGERS = "name,capacity,regions,industries,active\nИванов Сергей,1,,,\nПетрова Анна,0.5,,,\nСидоров Олег,1,,,false\nPopescu Ion,1,,,\nRusu Elena,1,,,";
export const mgrs = (text = MANAGERS): Manager[] => {
  const [h, ...rest] = text.split("\n");
  return parseManagers("managers.csv", { header: h!.split(","), delimiter: ",", rows: rest.map((l, i) => ({ line: i + 2, cells: l.split(",") })) });
};

export function build(specs: Spec[], managers: Manager[], extra: Partial<AllocationInput["options"]> = {}, locks: Lock[] = []): AllocationInput {
  const rows: Row[] = specs.map((s, i) => {
    const values = Object.fromEntries(FIELDS.map((f) => [f, ""])) as Row["values"];
    Object.assign(values, { name: s.name, owner: s.owner ?? "", last_activity_at: s.activity ?? "", deals_won: s.deals ?? "" });
    return { index: i, line: i + 2, clientId: String(1000 + i), values, nameKey: s.name.toLowerCase(), phones: [], emails: [], domains: [], contacts: [], tags: [] };
  });
  // rows with the same `group` form one client; the first is the survivor
  const clients: Client[] = [];
  const clientOfRow: number[] = [];
  const byGroup = new Map<number, number>();
  specs.forEach((s, i) => {
    const g = s.group !== undefined ? byGroup.get(s.group) : undefined;
    if (g !== undefined) {
      clients[g]!.rows.push(i);
      clientOfRow.push(g);
      clients[g]!.group = `G${clients[g]!.id}`;
      return;
    }
    const c = clients.length;
    if (s.group !== undefined) byGroup.set(s.group, c);
    clients.push({ index: c, id: rows[i]!.clientId, rows: [i], group: "", values: { ...rows[i]!.values }, phones: [], emails: [], domains: [], contacts: [], tags: [] });
    clientOfRow.push(c);
  });
  for (const c of clients) {
    const acts = c.rows.map((r) => rows[r]!.values.last_activity_at).filter(Boolean).sort();
    c.values.last_activity_at = acts.at(-1) ?? "";
  }
  const first = (c: Client) => specs[c.rows[0]!]!;
  const col = (id: string, f: (s: Spec) => string) => ({ id, labels: clients.map((c) => f(first(c))), reasons: clients.map(() => "") });
  const { owners } = matchOwners(rows, managers, true, "en");
  return {
    rows, clients, clientOfRow, managers, owners, previousApplied: rows.map(() => false),
    segments: [col("temperature", (s) => s.temp ?? "cold"), col("geography", (s) => s.geo ?? "unknown"), col("industry", (s) => s.industry ?? "unknown"), col("value", (s) => s.value ?? "C")],
    territories: { Центр: ["Москва", "Тула"] },
    deadSoul: clients.map((c) => !!first(c).dead),
    locks,
    options: { weights: { hot: 3, warm: 2, cold: 1 }, protectionDays: 180, tolerance: 0.05, asOf: "2026-11-01", seed: 0, lang: "en", strategy: "balanced", ...extra },
  };
}

export const cold = (n: number, owner: string, prefix = "ООО Ромашка"): Spec[] => Array.from({ length: n }, (_, i) => ({ name: `${prefix} ${owner} ${i}`, owner }));


/** The same input rerun with `--previous` = the allocation `rows` (yesterday's managers). */
export function withPrevious(input: AllocationInput, managersOut: readonly string[]): AllocationInput {
  const previous = new Map(input.rows.map((r, i) => [r.clientId, managersOut[i]!]));
  const { owners, applied } = applyPrevious(input.rows, input.owners, previous, input.managers);
  return { ...input, owners, previousApplied: applied, exportOwners: input.exportOwners ?? input.owners };
}
