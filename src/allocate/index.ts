// The allocation policy: locks, eligibility, protection, contests, releases, churn limit, balance.
import { say, say as sayOnce, type Phrase } from "../i18n.js";
import type {
  Balance, Client, ClientDecision, Decision, Lang, Lock, Manager, ManagerStats, PhaseMove, Row, RowAllocation,
  RowOwner, SegmentColumn, Warning,
} from "../types.js";
import { LOCKED, resolveLocks } from "./locks.js";
import { compareEvidence, dayNumber, Eligibility, evidenceOf, hasEvidence, labelOf, tieRanks, type Failure } from "./policy.js";
import { computeStats, round4 } from "./stats.js";
import { fill, firstNotBefore } from "./waterfill.js";

export type Strategy = "balanced" | "geography" | "industry" | "keep-all-owners";

export interface AllocationOptions {
  weights: { hot: number; warm: number; cold: number };
  protectionDays: number;
  tolerance: number;
  maxMoves?: { count?: number; percent?: number };
  phases?: number;
  asOf: string;
  seed: number;
  lang: Lang;
  strategy: Strategy;
}

export interface AllocationInput {
  rows: Row[];
  clients: Client[];
  clientOfRow: number[];
  managers: Manager[];
  /** Owner per row after `applyPrevious`. */
  owners: RowOwner[];
  /** The row's owner came from `--previous`. */
  previousApplied: boolean[];
  /** Owner per row as the export names it (before `--previous`); defaults to `owners`. */
  exportOwners?: RowOwner[];
  segments: SegmentColumn[];
  territories: Record<string, string[]>;
  deadSoul: boolean[];
  locks: Lock[];
  options: AllocationOptions;
}

export interface AllocationResult {
  rows: RowAllocation[];
  managers: ManagerStats[];
  balance: Balance;
  decisions: Record<Decision, number>;
  locks: { applied: number; unknown_client: number };
  warnings: Warning[];
  phases: PhaseMove[];
  clientDecisions: ClientDecision[];
}

type Release = "" | "dead_soul" | "departed" | "unowned" | "not_eligible" | "contest";

/** What the policy settled for one client. */
interface ClientPlan {
  manager: number;
  rule: string;
  owner: number;
  release: Release;
  lock: Lock | null;
  contestants: number[];
  protectedBy: "" | "hot" | "activity";
  held: boolean;
  /** Releasing owner's name (departed / dead soul / not eligible). */
  from: string;
  failures: Failure[];
}

interface Plan {
  clients: ClientPlan[];
  weight: number[];
  hot: boolean[];
  topValue: boolean[];
  level: number;
  lockLines: number;
  unknownLocks: number;
  warnings: Warning[];
}

const T = {
  protectedHot: { en: "Protected: a buying client of {owner}", ru: "Защищён: покупающий клиент менеджера {owner}", ro: "Protejat: client cu achiziții al lui {owner}" },
  protectedActivity: { en: "Protected: activity on {date}", ru: "Защищён: активность {date}", ro: "Protejat: activitate la {date}" },
  stays: { en: "Stays with its owner", ru: "Остаётся у своего менеджера", ro: "Rămâne la responsabilul său" },
  keepAll: { en: "Stays with its owner (keep-all-owners)", ru: "Остаётся у своего менеджера (keep-all-owners)", ro: "Rămâne la responsabilul său (keep-all-owners)" },
  held: { en: "Stays: churn limit of {owner} reached", ru: "Остаётся: лимит перемещений {owner} исчерпан", ro: "Rămâne: limita de mutări a lui {owner} atinsă" },
  balance: { en: "Moved from {from} to balance the load", ru: "Передан от {from} для выравнивания нагрузки", ro: "Mutat de la {from} pentru echilibrarea încărcării" },
  won: { en: "Contest won against {others}: stronger evidence", ru: "Спор выигран у {others}: больше доказательств", ro: "Disputa câștigată față de {others}: dovezi mai puternice" },
  contested: { en: "Contested: went to {winner}, stronger evidence", ru: "Спорный: передан {winner} — больше доказательств", ro: "Disputat: atribuit lui {winner}, dovezi mai puternice" },
  contestNone: { en: "Contested by {names} with no evidence: released", ru: "Спор {names} без доказательств: освобождён", ro: "Disputat de {names} fără dovezi: eliberat" },
  departed: { en: "Owner {from} has left: released", ru: "Менеджер {from} выбыл: клиент освобождён", ro: "Responsabilul {from} a plecat: client eliberat" },
  unowned: { en: "No owner: assigned from the pool", ru: "Без ответственного: назначен из пула", ro: "Fără responsabil: atribuit din rezervă" },
  deadSoul: { en: "Dead soul of {from}: released", ru: "Мёртвая душа менеджера {from}: освобождён", ro: "Client inactiv al lui {from}: eliberat" },
  notEligible: { en: "Outside the eligibility of {from}: released", ru: "Не подходит менеджеру {from}: освобождён", ro: "În afara criteriilor lui {from}: eliberat" },
  joins: { en: "Follows its client's manager", ru: "Следует за менеджером клиента", ro: "Urmează responsabilul clientului" },
  unassigned: { en: "No eligible manager ({why})", ru: "Нет подходящего менеджера ({why})", ro: "Niciun responsabil eligibil ({why})" },
  noManagers: { en: "no active manager", ru: "нет активных менеджеров", ro: "niciun responsabil activ" },
  regions: { en: "region {label}", ru: "регион {label}", ro: "regiunea {label}" },
  industries: { en: "industry {label}", ru: "отрасль {label}", ro: "industria {label}" },
  segments: { en: "segments", ru: "сегменты", ro: "segmente" },
  territory: { en: "{label} goes to one manager", ru: "{label} закреплён за одним менеджером", ro: "{label} merge la un singur responsabil" },
  lockConflict: { en: "another lock of this client names {manager}; the first lock line holds", ru: "другое закрепление этого клиента называет {manager}; действует первое", ro: "altă blocare a acestui client numește {manager}; prima linie rămâne" },
};

/** Shared by every client without a contest (never mutated). */
const NO_CONTESTANTS: number[] = [];

const weightOf = (label: string, w: AllocationOptions["weights"]): number =>
  label === "hot" ? w.hot : label === "warm" ? w.warm : w.cold;

/** Runs the policy once; `limited` applies the churn limit (off for the unconstrained figure). */
function plan(input: AllocationInput, limited: boolean): Plan {
  const { rows, clients, managers, owners, options } = input;
  const lang = options.lang;
  const exportOwners = input.exportOwners ?? owners;
  const segments = new Map(input.segments.map((s) => [s.id, s]));
  const N = clients.length;
  const M = managers.length;
  const rank = tieRanks(clients, options.seed);
  const temperature = segments.get("temperature")?.labels;
  const value = segments.get("value")?.labels;
  const weight = new Array<number>(N);
  const hot = new Array<boolean>(N);
  const topValue = new Array<boolean>(N);
  for (let c = 0; c < N; c++) {
    const t = temperature?.[c] ?? "unknown";
    weight[c] = weightOf(t, options.weights);
    hot[c] = t === "hot";
    topValue[c] = value?.[c] === "A";
  }
  // Activity dates repeat across a base: one day number per distinct date.
  const days = new Map<string, number>();
  const dayOf = (date: string): number => {
    let d = days.get(date);
    if (d === undefined) days.set(date, (d = dayNumber(date)));
    return d;
  };
  const eligibility = new Eligibility(managers, clients, segments, input.territories);
  const asOfDay = dayNumber(options.asOf);
  const warnings: Warning[] = [];

  // locks: the first lock line of a client holds (the matcher keeps differently locked rows apart)
  const { found, warnings: lockWarnings } = resolveLocks(input.locks, rows, lang);
  warnings.push(...lockWarnings);
  const lockOf: (Lock | null)[] = new Array(N).fill(null);
  let lockLines = 0;
  for (const { lock, row } of found) {
    const c = input.clientOfRow[row]!;
    const had = lockOf[c];
    if (had && had.manager !== lock.manager) {
      warnings.push({ line: lock.line, clientId: lock.clientId, field: "lock", value: lock.manager, problem: say(lang, T.lockConflict, { manager: had.manager }) });
      continue;
    }
    lockOf[c] = had ?? lock;
    lockLines++;
  }
  const managerIndex = new Map(managers.map((m, i) => [m.name, i]));

  const plans: ClientPlan[] = new Array(N);
  // Signatures: a list of eligible managers and the managers of it left out (a dead soul's claimants), so that a
  // dead soul's candidates (every eligible manager but its claimant) are not a list of their own: with thousands of
  // owners that made a list of thousands for each claimant. Two signatures are one when they leave the same managers
  // in the same order. They are found by a hash of their managers, a sum that leaving one out takes from, each
  // hash's signatures compared in full (a joined text as the key cost 113 of a 156 s run with 5,000 managers).
  const sigIndex = new Map<number, number[]>();
  const sigs: (readonly number[])[] = [];
  const sigOut: (readonly number[])[] = [];
  const sig = new Array<number>(N).fill(0);
  // Eligibility hands out one array per distinct combination: most lookups hit by identity
  const sigByList = new Map<readonly number[], number>();
  const sigByOut = new Map<readonly number[], Map<number | string, number>>();
  const sums = new Map<readonly number[], number>();
  const mix = (m: number): number => Math.imul((m + 1) ^ 0x5bd1e995, 0x2c1b3c6d) ^ (m >>> 3);
  const sumOf = (list: readonly number[]): number => {
    let h = sums.get(list);
    if (h === undefined) {
      h = list.length;
      for (const m of list) h = (h + mix(m)) | 0;
      sums.set(list, h);
    }
    return h;
  };
  const sameContent = (a: readonly number[], ao: readonly number[], b: readonly number[], bo: readonly number[]): boolean => {
    if (a.length - ao.length !== b.length - bo.length) return false;
    let i = 0;
    let j = 0;
    for (;;) {
      while (i < a.length && ao.length !== 0 && ao.includes(a[i]!)) i++;
      while (j < b.length && bo.length !== 0 && bo.includes(b[j]!)) j++;
      if (i === a.length || j === b.length) return i === a.length && j === b.length;
      if (a[i] !== b[j]) return false;
      i++;
      j++;
    }
  };
  /** The signature of `list` but `out` (managers of `list`, each once). */
  const sigOf = (list: readonly number[], out: readonly number[] = NO_CONTESTANTS): number => {
    let byOut: Map<number | string, number> | undefined;
    const key = out.length === 1 ? out[0]! : out.join(",");
    if (out.length === 0) {
      const hit = sigByList.get(list);
      if (hit !== undefined) return hit;
    } else {
      byOut = sigByOut.get(list);
      if (byOut === undefined) sigByOut.set(list, (byOut = new Map()));
      const hit = byOut.get(key);
      if (hit !== undefined) return hit;
    }
    let h = sumOf(list) - out.length;
    for (const m of out) h = (h - mix(m)) | 0;
    let bucket = sigIndex.get(h);
    if (bucket === undefined) sigIndex.set(h, (bucket = []));
    let s = bucket.find((k) => sameContent(sigs[k]!, sigOut[k]!, list, out));
    if (s === undefined) {
      s = sigs.length;
      sigs.push(list);
      sigOut.push(out);
      bucket.push(s);
    }
    if (byOut === undefined) sigByList.set(list, s);
    else byOut.set(key, s);
    return s;
  };
  // Whether a manager is in an eligibility list: by halves where the list is in managers' order (as Eligibility's
  // are), not by a walk through thousands of managers for every client.
  const ascending = new Map<readonly number[], boolean>();
  const has = (list: readonly number[], m: number): boolean => {
    if (list.length < 16) return list.includes(m);
    let up = ascending.get(list);
    if (up === undefined) {
      up = true;
      for (let i = 1; i < list.length && up; i++) up = list[i - 1]! < list[i]!;
      ascending.set(list, up);
    }
    if (!up) return list.includes(m);
    const at = firstNotBefore(list.length, (k) => list[k]! < m);
    return at < list.length && list[at] === m;
  };
  const single = managers.map((_, m) => [m]);
  const fixedLoad = new Array<number>(M).fill(0);
  const soft: { client: number; owner: number }[] = [];
  const pool: number[] = [];
  const protectable = new Array<boolean>(N).fill(false);
  const allocated = new Array<boolean>(N).fill(false);
  const ownedBefore = new Array<number>(M).fill(0);

  for (let c = 0; c < N; c++) {
    const client = clients[c]!;
    const { eligible, failures } = eligibility.of(c);
    const p: ClientPlan = { manager: -1, rule: "balance", owner: -1, release: "", lock: null, contestants: NO_CONTESTANTS, protectedBy: "", held: false, from: "", failures };
    plans[c] = p;
    const lock = lockOf[c];
    let activeOwners: readonly number[];
    let rawOwner = "";
    if (client.rows.length === 1) {
      // most clients are one row: its owner alone, a shared one-element list, no array per client
      const o = owners[client.rows[0]!]!;
      if (o.raw) rawOwner = o.manager >= 0 ? managers[o.manager]!.name : o.raw;
      activeOwners = o.manager >= 0 && managers[o.manager]!.active ? single[o.manager]! : NO_CONTESTANTS;
    } else {
      const list: number[] = [];
      for (const r of client.rows) {
        const o = owners[r]!;
        if (o.raw && !rawOwner) rawOwner = o.manager >= 0 ? managers[o.manager]!.name : o.raw;
        if (o.manager >= 0 && managers[o.manager]!.active && !list.includes(o.manager)) list.push(o.manager);
      }
      list.sort((a, b) => a - b);
      activeOwners = list;
    }
    for (const m of activeOwners) ownedBefore[m]!++;
    if (lock) {
      const m = managerIndex.get(lock.manager)!;
      p.lock = lock;
      p.manager = m;
      p.rule = "lock";
      fixedLoad[m]! += weight[c]!;
      allocated[c] = true;
      continue;
    }
    if (eligible.length === 0) {
      p.rule = "eligibility";
      continue;
    }
    allocated[c] = true;
    let owner = -1;
    if (activeOwners.length > 1) {
      p.contestants = activeOwners as number[];
      let best = -1;
      let bestEv = evidenceOf(rows, []);
      for (const m of activeOwners) {
        const ev = evidenceOf(rows, client.rows.filter((r) => owners[r]!.manager === m));
        if (best < 0 || compareEvidence(ev, bestEv) > 0) {
          best = m;
          bestEv = ev;
        }
      }
      if (hasEvidence(bestEv)) {
        owner = best;
        p.rule = "contest";
      } else p.release = "contest";
    } else if (activeOwners.length === 1) owner = activeOwners[0]!;
    else {
      p.release = rawOwner ? "departed" : "unowned";
      p.from = rawOwner;
    }
    let out: readonly number[] = NO_CONTESTANTS;
    if (owner >= 0 && !has(eligible, owner)) {
      p.release = "not_eligible";
      p.from = managers[owner]!.name;
      p.rule = "eligibility";
      owner = -1;
    }
    if (input.deadSoul[c] && options.strategy !== "keep-all-owners") {
      // a dead soul goes away from the owners the export names; with --previous, yesterday's manager
      // keeps it when it is not one of them (or when only they can take it), and the claimants stay
      // excluded, so that a rerun on the result finds it where it is
      const claimants = new Set<number>();
      for (const r of client.rows) if (exportOwners[r]!.manager >= 0) claimants.add(exportOwners[r]!.manager);
      const left: number[] = [];
      for (const m of claimants) if (has(eligible, m)) left.push(m);
      left.sort((a, b) => a - b);
      const others = eligible.length - left.length;
      const keptByPrevious = owner >= 0 && (!claimants.has(owner) || others === 0) && client.rows.some((r) => input.previousApplied[r]);
      if (others > 0 && left.length > 0) out = left.length === 1 ? single[left[0]!]! : left;
      if (owner >= 0 && !keptByPrevious) {
        p.release = "dead_soul";
        p.from = managers[owner]!.name;
        p.rule = "release";
        owner = -1;
      }
    }
    if (p.release && p.rule === "balance") p.rule = "release";
    p.owner = owner;
    sig[c] = sigOf(eligible, out);
    const activity = client.values.last_activity_at ? dayOf(client.values.last_activity_at) : NaN;
    const protects = hot[c]! || asOfDay - activity <= options.protectionDays;
    if (owner < 0) {
      // placed from the pool, it is protected by its new manager (as on tomorrow's run)
      protectable[c] = options.strategy === "balanced" && protects;
      pool.push(c);
      continue;
    }
    if (options.strategy === "keep-all-owners") {
      p.manager = owner;
      p.rule = p.rule === "contest" ? "contest" : "owner";
      fixedLoad[owner]! += weight[c]!;
    } else if (options.strategy === "balanced" && protects) {
      p.manager = owner;
      p.protectedBy = hot[c] ? "hot" : "activity";
      if (p.rule !== "contest") p.rule = "protection";
      fixedLoad[owner]! += weight[c]!;
    } else soft.push({ client: c, owner });
  }

  // fair loads; the level is found in `fill`, without eligibility
  let total = 0;
  for (let c = 0; c < N; c++) if (allocated[c]) total += weight[c]!;
  let cap = 0;
  for (const m of managers) if (m.active) cap += m.capacity;
  const fair = managers.map((m) => (m.active && cap > 0 ? (total * m.capacity) / cap : 0));
  const load = [...fixedLoad];

  let softIn = soft;
  let poolIn = pool;
  if (options.strategy === "geography" || options.strategy === "industry") {
    // territories (or industries) first: each label's clients go to one manager, labels balanced by capacity
    const id = options.strategy;
    const groups = new Map<string, number[]>();
    const rest: number[] = [];
    for (const c of [...soft.map((s) => s.client), ...pool]) {
      const label = labelOf(segments, id, c);
      if (label === "unknown" || label === "") rest.push(c);
      else {
        const g = groups.get(label);
        if (g) g.push(c);
        else groups.set(label, [c]);
      }
    }
    const list = [...groups.entries()].map(([label, cs]) => ({ label, cs, w: cs.reduce((s, c) => s + weight[c]!, 0) }));
    list.sort((a, b) => b.w - a.w || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    for (const g of list) {
      let common: number[] | null = null;
      for (const c of g.cs) {
        const s = sig[c]!;
        const out = sigOut[s]!;
        common = (common ?? sigs[s]!).filter((m) => (common === null || has(sigs[s]!, m)) && !out.includes(m));
      }
      let best = -1;
      let bestR = Infinity;
      for (const m of common ?? []) {
        const r = fair[m]! > 0 ? (load[m]! + g.w) / fair[m]! : Infinity;
        if (r < bestR - 1e-9) { best = m; bestR = r; }
      }
      if (best < 0) { rest.push(...g.cs); continue; }
      for (const c of g.cs) {
        plans[c]!.manager = best;
        plans[c]!.rule = "balance";
        load[best]! += weight[c]!;
      }
    }
    softIn = [];
    poolIn = rest;
  }

  let quota: number[] | null = null;
  const mm = options.maxMoves;
  if (limited && mm && (mm.count !== undefined || mm.percent !== undefined)) {
    quota = ownedBefore.map((n) => {
      const byPercent = mm.percent !== undefined ? Math.ceil((mm.percent * n) / 100 - 1e-9) : Infinity;
      const byCount = mm.count !== undefined ? mm.count : Infinity;
      return Math.min(byPercent, byCount);
    });
  }
  const result = fill(
    {
      fair, open: managers.map((m) => m.active), tolerance: options.tolerance, total, fixed: fixedLoad,
      load, weight, rank, sigs, sigOut, sig, hot, topValue, protectable, soft: softIn, pool: poolIn, quota,
      capacity: managers.map((m) => m.capacity),
    },
    N,
  );
  const level = result.level;
  for (const { client } of softIn) plans[client]!.held = result.held[client] === 1;
  for (const c of [...softIn.map((s) => s.client), ...poolIn]) {
    const p = plans[c]!;
    p.manager = result.manager[c]!;
    if (p.held) p.rule = "churn_limit";
    else if (p.manager === p.owner && p.rule === "balance") p.rule = "owner";
  }
  return { clients: plans, weight, hot, topValue, level, lockLines, unknownLocks: lockWarnings.length, warnings };
}

/** The rows' allocation and per-client decisions of one plan. */
function describe(input: AllocationInput, pl: Plan): { rows: RowAllocation[]; decisions: ClientDecision[]; counts: Record<Decision, number> } {
  const { rows, clients, managers, owners, options } = input;
  const lang = options.lang;
  const out: RowAllocation[] = new Array(rows.length);
  const decisions: ClientDecision[] = new Array(clients.length);
  // counted here rather than in a second pass over every row
  let kept = 0, moved = 0, assigned = 0, unassigned = 0;
  const name = (m: number): string => (m >= 0 ? managers[m]!.name : "");
  const segments = new Map(input.segments.map((s) => [s.id, s]));
  // the same few sentences repeat for thousands of clients: fill each placeholder set once
  // (every phrase here has at most one placeholder, so its value alone keys the text)
  const memo = new Map<Phrase, Map<string, string>>();
  const say = (l: Lang, phrase: Phrase, vars?: Record<string, string>): string => {
    let byVars = memo.get(phrase);
    if (!byVars) memo.set(phrase, (byVars = new Map()));
    let key = "";
    if (vars) for (const k in vars) key = vars[k]!;
    let text = byVars.get(key);
    if (text === undefined) byVars.set(key, (text = sayOnce(l, phrase, vars)));
    return text;
  };
  for (let c = 0; c < clients.length; c++) {
    const client = clients[c]!;
    const p = pl.clients[c]!;
    const f = p.manager;
    let clientWhy = "";
    if (f < 0) {
      const parts: string[] = [];
      const failing = new Set(p.failures.filter((x, m) => x && managers[m]!.active));
      if (failing.has("regions")) parts.push(say(lang, T.regions, { label: labelOf(segments, "geography", c) }));
      if (failing.has("industries")) parts.push(say(lang, T.industries, { label: labelOf(segments, "industry", c) }));
      if (failing.has("segments")) parts.push(say(lang, T.segments));
      clientWhy = say(lang, T.unassigned, { why: parts.length ? parts.join(", ") : say(lang, T.noManagers) });
    } else if (p.lock) {
      clientWhy = say(lang, LOCKED) + (p.lock.note ? `: ${p.lock.note}` : "");
    } else if (p.release === "contest") clientWhy = say(lang, T.contestNone, { names: p.contestants.map(name).join(", ") });
    else if (p.release === "departed") clientWhy = say(lang, T.departed, { from: p.from });
    else if (p.release === "unowned") clientWhy = say(lang, T.unowned);
    else if (p.release === "dead_soul") clientWhy = say(lang, T.deadSoul, { from: p.from });
    else if (p.release === "not_eligible") clientWhy = say(lang, T.notEligible, { from: p.from });
    else if (f === p.owner) {
      if (p.rule === "contest") clientWhy = say(lang, T.won, { others: p.contestants.filter((m) => m !== f).map(name).join(", ") });
      else if (p.protectedBy === "hot") clientWhy = say(lang, T.protectedHot, { owner: name(f) });
      else if (p.protectedBy === "activity") clientWhy = say(lang, T.protectedActivity, { date: client.values.last_activity_at });
      else if (p.held) clientWhy = say(lang, T.held, { owner: name(f) });
      else if (options.strategy === "keep-all-owners") clientWhy = say(lang, T.keepAll);
      else clientWhy = say(lang, T.stays);
    } else if (options.strategy === "geography" || options.strategy === "industry") {
      clientWhy = say(lang, T.territory, { label: labelOf(segments, options.strategy, c) });
    } else clientWhy = say(lang, T.balance, { from: name(p.owner) });
    decisions[c] = { client: c, manager: name(f), rule: p.rule, why: clientWhy };

    for (const r of client.rows) {
      const o = owners[r]!;
      const previousManager = o.manager >= 0 ? managers[o.manager]!.name : o.raw;
      const activeOwner = o.manager >= 0 && managers[o.manager]!.active;
      let decision: Decision;
      let reason = clientWhy;
      if (f < 0) decision = "unassigned";
      else if (p.lock) decision = activeOwner && o.manager === f ? "kept" : activeOwner ? "moved" : "assigned";
      else if (p.release) decision = "assigned";
      else if (activeOwner && o.manager === f) decision = "kept";
      else if (activeOwner) {
        decision = "moved";
        if (p.contestants.includes(o.manager) && p.rule === "contest") reason = say(lang, T.contested, { winner: name(f) });
        else if (o.manager !== p.owner) reason = say(lang, T.balance, { from: name(o.manager) });
      } else {
        decision = "assigned";
        if (f === p.owner) reason = say(lang, T.joins);
      }
      if (decision === "kept") kept++;
      else if (decision === "moved") moved++;
      else if (decision === "assigned") assigned++;
      else unassigned++;
      out[r] = { manager: name(f), previousManager, decision, reason, weight: r === client.rows[0] ? pl.weight[c]! : 0 };
    }
  }
  return { rows: out, decisions, counts: { kept, moved, assigned, unassigned } };
}

/** Rows whose manager changes in a plan: moved rows, and reassigned rows that had a manager. */
function movesOf(input: AllocationInput, rowsOut: readonly RowAllocation[], phase: number): PhaseMove[] {
  const moves: PhaseMove[] = [];
  for (let r = 0; r < rowsOut.length; r++) {
    const a = rowsOut[r]!;
    if (!a.manager || a.manager === a.previousManager) continue;
    if (a.decision === "moved" || (a.decision === "assigned" && a.previousManager)) {
      const row = input.rows[r]!;
      moves.push({ phase, clientId: row.clientId, name: row.values.name, from: a.previousManager, to: a.manager, reason: a.reason });
    }
  }
  return moves;
}

/** The allocation of a run: the policy with the director's controls, its figures and phased plan. */
export function allocate(input: AllocationInput): AllocationResult {
  const { managers, options, clients } = input;
  const hasLimit = !!options.maxMoves && (options.maxMoves.count !== undefined || options.maxMoves.percent !== undefined);
  const main = plan(input, true);
  const { rows, decisions: clientDecisions, counts: decisions } = describe(input, main);
  const managerIndex = new Map(managers.map((m, i) => [m.name, i]));
  const single = managers.map((_, m) => [m]);
  const none: number[] = [];
  const figures = (pl: Plan) => {
    const before = new Array<readonly number[]>(clients.length);
    for (let c = 0; c < clients.length; c++) {
      const client = clients[c]!;
      if (client.rows.length === 1) {
        const m = input.owners[client.rows[0]!]!.manager;
        before[c] = m >= 0 ? single[m]! : none;
        continue;
      }
      const set: number[] = [];
      for (const r of client.rows) {
        const o = input.owners[r]!;
        if (o.manager >= 0 && !set.includes(o.manager)) set.push(o.manager);
      }
      before[c] = set;
    }
    const final = new Array<number>(clients.length);
    const rowCount = new Array<number>(clients.length);
    for (let c = 0; c < clients.length; c++) {
      final[c] = pl.clients[c]!.manager;
      rowCount[c] = clients[c]!.rows.length;
    }
    return computeStats({ managers, final, weight: pl.weight, rowCount, before, hot: pl.hot, topValue: pl.topValue, level: pl.level });
  };
  const stats = figures(main);
  const unconstrained = hasLimit ? figures(plan(input, false)).balance.max_load_ratio : stats.balance.max_load_ratio;

  const phases: PhaseMove[] = [];
  if (hasLimit && options.phases && options.phases > 0) {
    phases.push(...movesOf(input, rows, 1));
    let last = rows;
    for (let k = 2; k <= options.phases; k++) {
      const owners: RowOwner[] = last.map((a) =>
        a.manager ? { raw: a.manager, manager: managerIndex.get(a.manager) ?? -1, departed: false } : { raw: "", manager: -1, departed: false },
      );
      const next: AllocationInput = {
        ...input,
        owners,
        previousApplied: owners.map(() => true),
        exportOwners: input.exportOwners ?? input.owners,
      };
      const described = describe(next, plan(next, true)).rows;
      phases.push(...movesOf(next, described, k));
      last = described;
    }
  }
  return {
    rows,
    managers: stats.managers,
    balance: { ...stats.balance, unconstrained_max_load_ratio: round4(unconstrained) },
    decisions,
    locks: { applied: main.lockLines, unknown_client: main.unknownLocks },
    warnings: main.warnings,
    phases,
    clientDecisions,
  };
}
