import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { allocate, type AllocationInput } from "../../src/allocate/index.js";
import { findLevel } from "../../src/allocate/waterfill.js";
import { applyPrevious } from "../../src/allocate/previous.js";
import { cannotLinkFromLocks, parseLocks } from "../../src/allocate/locks.js";
import { diffAllocations } from "../../src/allocate/diff.js";
import { build, cold, mgrs, type Spec } from "./helpers.js";

describe("allocation policy", () => {
  it("hoarder gives away unprotected clients, part-timer gets half, departed owner's clients are released, newcomers fill", () => {
    const specs: Spec[] = [
      ...cold(40, "Иванов Сергей"),
      { name: "ООО Вектор", owner: "Иванов С.П.", temp: "hot" },
      { name: "АО Звезда", owner: "Иванов Сергей", activity: "2026-09-01" },
      ...cold(6, "Сидоров Олег"),
      ...cold(4, ""),
    ];
    const res = allocate(build(specs, mgrs()));
    const byName = Object.fromEntries(res.managers.map((m) => [m.name, m]));
    expect(res.rows[40]).toMatchObject({ manager: "Иванов Сергей", decision: "kept" });
    expect(res.rows[40]!.reason).toMatch(/Protected/);
    expect(res.rows[41]).toMatchObject({ manager: "Иванов Сергей", decision: "kept" });
    for (let r = 42; r < 48; r++) expect(res.rows[r]!.decision).toBe("assigned");
    for (let r = 42; r < 48; r++) expect(res.rows[r]!.manager).not.toBe("Сидоров Олег");
    expect(res.rows[42]!.reason).toMatch(/Сидоров Олег has left/);
    expect(byName["Сидоров Олег"]).toMatchObject({ clients: 0, fair_load: 0, lost: 6 });
    // T = 40 + 3 + 1 + 6 + 4 = 54, C = 3.5
    expect(byName["Петрова Анна"]!.fair_load).toBeCloseTo((54 * 0.5) / 3.5, 3);
    for (const m of res.managers.filter((m) => m.active)) expect(Math.abs(m.load_ratio - res.balance.level)).toBeLessThanOrEqual(Math.max(0.05, 3 / m.fair_load) + 1e-9);
    expect(res.decisions.kept + res.decisions.moved + res.decisions.assigned + res.decisions.unassigned).toBe(specs.length);
    expect(res.balance.unconstrained_max_load_ratio).toBe(res.balance.max_load_ratio);
    expect(byName["Popescu Ion"]!.gained).toBeGreaterThan(0);
  });

  it("over-protected manager keeps exactly its fixed clients", () => {
    const hot: Spec[] = Array.from({ length: 10 }, (_, i) => ({ name: `ООО Хит ${i}`, owner: "Иванов Сергей", temp: "hot" as const }));
    const specs = [...hot, ...cold(5, "Иванов Сергей", "ИП Холод"), ...cold(5, "")];
    const m = mgrs("name,capacity\nИванов Сергей,1\nPopescu Ion,1");
    const res = allocate(build(specs, m));
    expect(res.managers[0]!.load).toBe(30);
    for (let r = 10; r < 15; r++) expect(res.rows[r]).toMatchObject({ manager: "Popescu Ion", decision: "moved" });
    // T = 40, fair 20 each: L = 1 with fixed 30 > 20 → over-protected; level solves 30 + 20L = 40
    expect(res.balance.level).toBe(0.5);
  });

  it("contest: strongest evidence wins, losers' rows moved, no evidence releases", () => {
    const specs: Spec[] = [
      { name: "ООО Альфа", owner: "Иванов Сергей", deals: "2", group: 1 },
      { name: "Альфа ООО", owner: "Popescu Ion", deals: "5", group: 1 },
      { name: "ООО Бета", owner: "Иванов Сергей", group: 2 },
      { name: "Бета", owner: "Rusu Elena", group: 2 },
    ];
    const res = allocate(build(specs, mgrs()));
    expect(res.rows[1]).toMatchObject({ manager: "Popescu Ion", decision: "kept" });
    expect(res.rows[0]).toMatchObject({ manager: "Popescu Ion", decision: "moved" });
    expect(res.rows[0]!.reason).toMatch(/Contested/);
    expect(res.rows[2]!.decision).toBe("assigned");
    expect(res.rows[3]!.decision).toBe("assigned");
    expect(res.rows[2]!.manager).toBe(res.rows[3]!.manager);
    expect(res.rows[1]!.weight).toBe(0);
    expect(res.rows[0]!.weight).toBe(1);
  });

  it("dead soul goes to someone other than its claimant", () => {
    const specs: Spec[] = [{ name: "ООО Пустышка", owner: "Иванов Сергей", dead: true }, ...cold(3, "Иванов Сергей")];
    const res = allocate(build(specs, mgrs("name\nИванов Сергей\nPopescu Ion")));
    expect(res.rows[0]).toMatchObject({ manager: "Popescu Ion", decision: "assigned" });
    expect(res.rows[0]!.reason).toMatch(/Dead soul/);
  });

  it("eligibility: regions via territory, industries, segments, unknown labels", () => {
    const m = mgrs("name,regions,industries,segments\nИванов Сергей,Центр,,\nPopescu Ion,Cluj,C,\nRusu Elena,,,value:A");
    const specs: Spec[] = [
      { name: "ООО Тула-Мет", owner: "Popescu Ion", geo: "Тула", industry: "C" },
      { name: "SC Metal SRL", geo: "Cluj", industry: "C" },
      { name: "SC Agro SRL", geo: "Cluj", industry: "A" },
      { name: "SC Mare SRL", geo: "unknown", value: "A" },
      { name: "SC Mic SRL", geo: "unknown", value: "C" },
    ];
    const res = allocate(build(specs, m));
    expect(res.rows[0]).toMatchObject({ manager: "Иванов Сергей", decision: "assigned" });
    expect(res.rows[0]!.reason).toMatch(/Outside the eligibility of Popescu Ion/);
    expect(res.rows[1]!.manager).toBe("Popescu Ion");
    expect(res.rows[2]).toMatchObject({ manager: "", decision: "unassigned" });
    expect(res.rows[2]!.reason).toMatch(/No eligible manager/);
    expect(res.rows[3]!.manager).toBe("Rusu Elena");
    expect(res.rows[4]).toMatchObject({ manager: "", decision: "unassigned" });
  });

  it("locks beat protection and eligibility, cover the whole group, warn on unknown clients", () => {
    const m = mgrs("name,regions\nИванов Сергей,\nPopescu Ion,Cluj");
    const specs: Spec[] = [
      { name: "ООО Хит", owner: "Иванов Сергей", temp: "hot" },
      { name: "ООО Группа", owner: "Иванов Сергей", group: 7 },
      { name: "Группа ООО", owner: "Иванов Сергей", group: 7 },
      ...cold(4, ""),
    ];
    const locks = parseLocks("locks.csv", { header: ["client_id", "manager", "note"], delimiter: ",", rows: [
      { line: 2, cells: ["1000", "Ion Popescu", "director's call"] },
      { line: 3, cells: ["1002", "Popescu Ion", ""] },
      { line: 4, cells: ["9999", "Popescu Ion", ""] },
    ] }, m);
    const res = allocate(build(specs, m, { lang: "ru" }, locks));
    expect(res.rows[0]).toMatchObject({ manager: "Popescu Ion", decision: "moved", reason: "Закреплено: director's call" });
    expect(res.rows[1]).toMatchObject({ manager: "Popescu Ion", decision: "moved" });
    expect(res.rows[2]!.reason.startsWith("Закреплено")).toBe(true);
    expect(res.locks).toEqual({ applied: 2, unknown_client: 1 });
    expect(res.warnings[0]).toMatchObject({ line: 4, field: "lock", clientId: "9999" });
  });

  it("lock file errors and cannot-link pairs", () => {
    const m = mgrs();
    const t = (rows: string[][]) => ({ header: ["client_id", "manager"], delimiter: ";", rows: rows.map((cells, i) => ({ line: i + 2, cells })) });
    expect(() => parseLocks("locks.csv", t([["1", "Сидоров Олег"]]), m)).toThrow(/locks.csv, line 2: .*inactive/);
    expect(() => parseLocks("locks.csv", t([["1", "Nobody Here"]]), m)).toThrow(/line 2/);
    expect(() => parseLocks("locks.csv", t([["1", "Иванов Сергей"], ["1", "Popescu Ion"]]), m)).toThrow(/lines 2 and 3/);
    const specs = cold(3, "");
    const input = build(specs, m);
    const locks = parseLocks("locks.csv", t([["1000", "Иванов Сергей"], ["1001", "Popescu Ion"], ["1002", "Иванов С."]]), m);
    expect(cannotLinkFromLocks(locks, input.rows)).toEqual([[0, 1], [1, 2]]);
  });

  it("churn limit 0 moves nobody; N% caps each manager's moves and reports the unconstrained ratio", () => {
    const specs = [...cold(30, "Иванов Сергей"), ...cold(2, "Popescu Ion")];
    const m = mgrs("name\nИванов Сергей\nPopescu Ion");
    const zero = allocate(build(specs, m, { maxMoves: { count: 0 } }));
    expect(zero.decisions.moved).toBe(0);
    expect(zero.balance.max_load_ratio).toBeGreaterThan(zero.balance.unconstrained_max_load_ratio);
    expect(zero.balance.unconstrained_max_load_ratio).toBe(1);
    const ten = allocate(build(specs, m, { maxMoves: { percent: 10 } }));
    expect(ten.decisions.moved).toBe(3);
    const unlimited = allocate(build(specs, m));
    expect(unlimited.decisions.moved).toBe(14);
  });

  it("phases converge on the unlimited run's balance", () => {
    const specs = [...cold(40, "Иванов Сергей"), ...cold(10, "Popescu Ion"), ...cold(4, "Rusu Elena")];
    const m = mgrs("name\nИванов Сергей\nPopescu Ion\nRusu Elena");
    const res = allocate(build(specs, m, { maxMoves: { percent: 20 }, phases: 6 }));
    expect(res.phases.filter((p) => p.phase === 1).length).toBe(res.decisions.moved);
    const phaseCount = new Set(res.phases.map((p) => p.phase)).size;
    expect(phaseCount).toBeGreaterThan(1);
    // replay the plan: each client's last destination
    const final = new Map<string, string>();
    for (const r of specs.keys()) final.set(String(1000 + r), specs[r]!.owner!);
    for (const p of res.phases) final.set(p.clientId, p.to);
    const load = new Map<string, number>();
    for (const v of final.values()) load.set(v, (load.get(v) ?? 0) + 1);
    const maxRatio = Math.max(...[...load.values()].map((l) => l / (specs.length / 3)));
    expect(maxRatio).toBeLessThanOrEqual(res.balance.unconstrained_max_load_ratio * 1.02 + 1e-9);
  });

  it("keep-all-owners and geography strategies", () => {
    const specs: Spec[] = [...cold(10, "Иванов Сергей").map((s) => ({ ...s, geo: "Москва" })), ...cold(6, "").map((s, i) => ({ ...s, geo: i < 3 ? "Cluj" : "Iași" }))];
    const m = mgrs("name\nИванов Сергей\nPopescu Ion");
    const keep = allocate(build(specs, m, { strategy: "keep-all-owners" }));
    expect(keep.decisions.moved).toBe(0);
    const geo = allocate(build(specs, m, { strategy: "geography" }));
    const of = (i: number) => geo.rows[i]!.manager;
    expect(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(of)).size).toBe(1);
    expect(new Set([10, 11, 12].map(of)).size).toBe(1);
  });

  it("--previous: rerun on the result moves nobody", () => {
    const specs = [...cold(20, "Иванов Сергей"), ...cold(5, ""), { name: "ООО Пустышка", owner: "Popescu Ion", dead: true }];
    const m = mgrs("name\nИванов Сергей\nPopescu Ion\nRusu Elena");
    const input = build(specs, m);
    const first = allocate(input);
    const previous = new Map(input.rows.map((r, i) => [r.clientId, first.rows[i]!.manager]));
    const { owners, applied } = applyPrevious(input.rows, input.owners, previous, m);
    const second = allocate({ ...input, owners, previousApplied: applied, exportOwners: input.owners });
    expect(second.decisions.moved).toBe(0);
    expect(second.decisions.assigned).toBe(0);
    expect(second.rows.map((r) => r.manager)).toEqual(first.rows.map((r) => r.manager));
    const d = diffAllocations(
      first.rows.map((r, i) => ({ clientId: input.rows[i]!.clientId, name: "", manager: r.manager, reason: r.reason })),
      second.rows.map((r, i) => ({ clientId: input.rows[i]!.clientId, name: "", manager: r.manager, reason: r.reason })),
    );
    expect(d.moves).toEqual([]);
  });

  it("level: least L with Σ max(fixed, L·fair) ≥ T", () => {
    expect(findLevel([0, 0], [10, 10], 20)).toBe(1);
    expect(findLevel([30, 0], [20, 20], 40)).toBeCloseTo(0.5);
    expect(findLevel([5, 0, 0], [10, 10, 10], 30)).toBeCloseTo(1);
  });
});

