// Conflicts: several owners, shared contacts (and switchboards), dead souls, departed owners, bad tax ids.
import { describe, expect, it } from "vitest";
import { findConflicts } from "../../src/dedupe/conflicts.js";
import { mergeClients } from "../../src/dedupe/merge.js";
import type { DuplicateGroup, Field, Manager, RowOwner, Warning } from "../../src/types.js";
import { makeRow } from "./rows.js";

const manager = (name: string, active = true): Manager => ({
  name, capacity: 1, active, regions: [], industries: [], segments: [], aliases: [], slug: name.toLowerCase(), line: 0,
});
const managers = [manager("Иванов Сергей"), manager("Петрова Анна"), manager("Popescu Ion")];
const own = (raw: string, m: number, departed = false): RowOwner => ({ raw, manager: m, departed });
const NONE: RowOwner = { raw: "", manager: -1, departed: false };
const mapped = new Set<Field>(["name", "owner", "deals_won", "created_at", "activity_count", "phone", "email", "status"]);

function scenario() {
  const rows = [
    /* 0 */ makeRow(0, "1", { name: 'ООО "Ромашка"', phone: "+7 495 123-45-67", created_at: "2024-01-01", deals_won: "2" }),
    /* 1 */ makeRow(1, "2", { name: "Ромашка", created_at: "2024-02-01" }),
    /* 2 */ makeRow(2, "3", { name: "ООО «Вектор»", phone: "+7 495 123-45-67", created_at: "2025-01-01", activity_count: "4" }),
    /* 3 */ makeRow(3, "4", { name: "Сухой лист", created_at: "2024-01-15" }),
    /* 4 */ makeRow(4, "5", { name: "Живой лист", created_at: "2024-01-15", contact_name: "Ольга Смирнова" }),
    /* 5 */ makeRow(5, "6", { name: "Новый лист", created_at: "2026-10-20" }),
    /* 6 */ makeRow(6, "7", { name: "Agro Vest SRL", email: "office@agrovest.ro", deals_won: "1" }, "RO"),
    /* 7 */ makeRow(7, "8", { name: "Старая база", created_at: "2023-03-03" }),
  ];
  const owners = [own("Иванов С.", 0), own("Петрова Анна", 1), own("Петрова А.", 1), own("Иванов Сергей", 0), own("Иванов Сергей", 0), own("Popescu Ion", 2), own("Popescu Ion", 2), own("Сидоров Пётр", -1, true)];
  const groups: DuplicateGroup[] = [{ id: "G1", members: [{ row: 0, score: 1, evidence: "" }, { row: 1, score: 0.9, evidence: "name=1.000" }] }];
  const { clients, clientOfRow } = mergeClients(rows, groups);
  const warnings: Warning[] = [{ line: 8, clientId: "7", field: "tax_id", value: "RO123", problem: "wrong check digit" }];
  return { rows, clients, clientOfRow, owners, managers, warnings, asOf: "2026-11-01", deadSoulDays: 90, mapped, lang: "en" as const };
}

describe("findConflicts", () => {
  it("reports one row per client and kind, ordered by kind then client", () => {
    const { conflicts } = findConflicts(scenario());
    expect(conflicts.map((c) => `${c.kind}:${c.clientId}`)).toEqual([
      "multi_owner:1",
      "shared_contact:1",
      "shared_contact:3",
      "dead_soul:4",
      "dead_soul:8",
      "departed_owner:8",
      "invalid_tax_id:7",
    ]);
  });

  it("names the owners and the other rows of a multi-owner client", () => {
    const c = findConflicts(scenario()).conflicts.find((x) => x.kind === "multi_owner")!;
    expect(c.managers).toEqual(["Иванов Сергей", "Петрова Анна"]);
    expect(c.relatedIds).toEqual(["2"]);
    expect(c.detail).toContain("Иванов Сергей, Петрова Анна");
  });

  it("links a shared phone to the other owner's client by survivor id", () => {
    const shared = findConflicts(scenario()).conflicts.filter((x) => x.kind === "shared_contact");
    expect(shared[0]!.relatedIds).toEqual(["3"]);
    expect(shared[1]!.relatedIds).toEqual(["1"]);
    expect(shared[1]!.managers).toEqual(["Петрова Анна", "Иванов Сергей"]);
    expect(shared[1]!.detail).toContain("+74951234567");
  });

  it("finds dead souls only where nothing shows life, and a departed owner's dead soul is both kinds", () => {
    const { deadSoul, conflicts } = findConflicts(scenario());
    // clients: 0 = rows 0+1, 1 = Вектор, 2 = Сухой лист, 3 = Живой лист (contact), 4 = Новый лист (recent), 5 = Agro Vest (bought), 6 = Старая база
    expect(deadSoul).toEqual([false, false, true, false, false, false, true]);
    const departed = conflicts.find((c) => c.kind === "departed_owner")!;
    expect(departed.managers).toEqual(["Сидоров Пётр"]);
  });

  it("does not call a client dead without an owner or without a known created_at", () => {
    const s = scenario();
    s.owners[3] = NONE;
    s.clients[6]!.values.created_at = "";
    expect(findConflicts(s).deadSoul).toEqual([false, false, false, false, false, false, false]);
  });

  it("counts a person who is a client of its own as having no contact person", () => {
    const rows = [
      makeRow(0, "28407587", { name: "Олег Орлов", contact_name: "Олег Орлов", contact_role: "Главный инженер", created_at: "2026-03-07" }),
      makeRow(1, "28407600", { name: "ООО «Уралэнергоремонт»", contact_name: "Олег Орлов", created_at: "2026-03-07" }),
    ];
    const owners = [own("Анна Петрова", 1), own("Анна Петрова", 1)];
    const { clients, clientOfRow } = mergeClients(rows, []);
    const { deadSoul } = findConflicts({ rows, clients, clientOfRow, owners, managers, warnings: [], asOf: "2026-11-01", deadSoulDays: 90, mapped, lang: "ru" });
    expect(deadSoul).toEqual([true, false]);
  });

  it("speaks the run's language", () => {
    const s = { ...scenario(), lang: "ru" as const };
    const c = findConflicts(s).conflicts.find((x) => x.kind === "invalid_tax_id")!;
    expect(c.detail).toContain("строке 8");
    expect(c.resolution).toMatch(/Исправьте/);
  });

  it("reports a switchboard once per client and says what it looks like", () => {
    const rows = Array.from({ length: 8 }, (_, i) => makeRow(i, String(i + 1), { name: `Клиент ${i}`, phone: "8 800 100-00-00" }));
    const owners = rows.map((_, i) => own(i % 2 ? "Петрова Анна" : "Иванов Сергей", i % 2));
    const { clients, clientOfRow } = mergeClients(rows, []);
    const { conflicts } = findConflicts({ rows, clients, clientOfRow, owners, managers, warnings: [], asOf: "2026-11-01", deadSoulDays: 90, mapped, lang: "en" });
    expect(conflicts).toHaveLength(8);
    expect(conflicts[0]!.relatedIds).toEqual(["2", "4", "6", "8"]);
    expect(conflicts[0]!.detail).toMatch(/switchboard/);
  });
  it("does not call a local number without its area code a shared contact: it may be another city's", () => {
    const rows = [
      makeRow(0, "1", { name: "Acme Tooling", phone: "386-5286", created_at: "2026-10-01" }, "US"),
      makeRow(1, "2", { name: "Globex Dies", phone: "386-5286", created_at: "2026-10-01" }, "US"),
      makeRow(2, "3", { name: "Initech Molds", phone: "(312) 555-2671", created_at: "2026-10-01" }, "US"),
      makeRow(3, "4", { name: "Umbrella Casting", phone: "312-555-2671", created_at: "2026-10-01" }, "US"),
    ];
    expect(rows[0]!.phones).toEqual(["3865286"]);
    const owners = [own("Иванов Сергей", 0), own("Петрова Анна", 1), own("Иванов Сергей", 0), own("Петрова Анна", 1)];
    const { clients, clientOfRow } = mergeClients(rows, []);
    const { conflicts } = findConflicts({ rows, clients, clientOfRow, owners, managers, warnings: [], asOf: "2026-11-01", deadSoulDays: 90, mapped, lang: "en" });
    expect(conflicts.filter((c) => c.kind === "shared_contact").map((c) => c.clientId)).toEqual(["3", "4"]);
  });

  it("gives dead souls of one day the detail of their own owners, in survivor order, whatever came before", () => {
    const rows = [
      makeRow(0, "1", { name: "Альфа", created_at: "2024-01-15" }),
      makeRow(1, "2", { name: "Бета", created_at: "2024-01-15" }),
      makeRow(2, "3", { name: "Гамма", created_at: "2024-01-15" }),
      makeRow(3, "4", { name: "Гамма филиал", created_at: "2024-01-15" }),
      makeRow(4, "5", { name: "Дельта", created_at: "2024-01-15" }),
      makeRow(5, "6", { name: "Дельта филиал", created_at: "2024-01-15" }),
      makeRow(6, "7", { name: "Эпсилон", created_at: "2024-01-16" }),
    ];
    const owners = [own("Иванов Сергей", 0), own("Петрова Анна", 1), own("Иванов Сергей", 0), own("Петрова Анна", 1), own("Петрова Анна", 1), own("Иванов Сергей", 0), own("Иванов Сергей", 0)];
    const pair = (id: string, a: number, b: number): DuplicateGroup => ({ id, members: [{ row: a, score: 1, evidence: "" }, { row: b, score: 0.9, evidence: "" }] });
    const { clients, clientOfRow } = mergeClients(rows, [pair("G3", 2, 3), pair("G5", 4, 5)]);
    const input = { rows, clients, clientOfRow, owners, managers, warnings: [], asOf: "2026-11-01", deadSoulDays: 90, mapped, lang: "en" as const };
    const dead = findConflicts(input).conflicts.filter((c) => c.kind === "dead_soul");
    expect(dead.map((c) => [c.clientId, c.managers.join("|")])).toEqual([
      ["1", "Иванов Сергей"], ["2", "Петрова Анна"], ["3", "Иванов Сергей|Петрова Анна"], ["5", "Петрова Анна|Иванов Сергей"], ["7", "Иванов Сергей"],
    ]);
    for (const c of dead) expect(c.detail).toContain(c.managers.join(", "));
    expect(dead[0]!.detail).toContain("2024-01-15");
    expect(dead[4]!.detail).toContain("2024-01-16");
    expect(dead[4]!.detail).not.toBe(dead[0]!.detail);
    expect(dead[0]!.relatedIds).toEqual([]);
    expect(dead[2]!.relatedIds).toEqual(["4"]);
  });
});
