// `segment propose`: several allocation strategies on the same clients, compared in one table.
import chalk, { Chalk } from "chalk";
import Table from "cli-table3";
import { SegmentError } from "../errors.js";
import { say } from "../i18n.js";
import { checkOutputDir, writeOutputs, type OutputFiles } from "../io/output-dir.js";
import { analyse, parseMaxMoves, prepare, runAllocation, type RunResult, type Strategy } from "../pipeline.js";
import { renderHtmlModel } from "../report/html.js";
import { buildModel, workedClients } from "../report/model.js";
import { renderMarkdownModel } from "../report/markdown.js";
import { csvOutputs } from "../report/outputs.js";
import { buildSummary, type Summary } from "../report/summary.js";
import type { AllocateOptions, Io } from "./options.js";

const BASE: readonly Strategy[] = ["balanced", "geography", "industry", "keep-all-owners"];

interface StrategySpec {
  name: string;
  strategy: Strategy;
  maxMoves?: { count?: number; percent?: number };
}

export function parseStrategies(list: string, defaultMaxMoves?: { count?: number; percent?: number }): StrategySpec[] {
  const specs: StrategySpec[] = [];
  for (const raw of list.split(",").map((s) => s.trim()).filter(Boolean)) {
    const mm = /^max-moves=(.+)$/.exec(raw);
    if (mm) specs.push({ name: raw, strategy: "balanced", maxMoves: parseMaxMoves(mm[1], "--strategies max-moves") });
    else if ((BASE as readonly string[]).includes(raw)) specs.push({ name: raw, strategy: raw as Strategy, maxMoves: raw === "keep-all-owners" ? undefined : defaultMaxMoves });
    else throw new SegmentError("usage", `--strategies: unknown strategy "${raw}"; use ${BASE.join(", ")} or max-moves=N[%].`);
  }
  if (!specs.length) throw new SegmentError("usage", "--strategies needs at least one strategy.");
  return specs;
}

export interface StrategyRow {
  strategy: string;
  max_load_ratio: number;
  min_load_ratio: number;
  gini: number;
  moves: number;
  kept: number;
  assigned: number;
  unassigned: number;
  protected_kept: number;
  protected_total: number;
  hot_spread: number;
  a_spread: number;
}

const H = {
  strategy: { en: "Strategy", ru: "Стратегия", ro: "Strategie" },
  max: { en: "Max ratio", ru: "Макс. доля", ro: "Raport max" },
  min: { en: "Min ratio", ru: "Мин. доля", ro: "Raport min" },
  gini: { en: "Gini", ru: "Джини", ro: "Gini" },
  moves: { en: "Moves", ru: "Перемещения", ro: "Mutări" },
  kept: { en: "Kept", ru: "Остались", ro: "Păstrați" },
  prot: { en: "Protected kept", ru: "Защищённые у владельца", ro: "Protejați păstrați" },
  hot: { en: "Hot spread", ru: "Разброс горячих", ro: "Dispersie fierbinți" },
  a: { en: "A spread", ru: "Разброс A", ro: "Dispersie A" },
  title: { en: "Strategies compared on {n} rows ({clients} clients, {managers} active managers)", ru: "Сравнение стратегий: {n} строк ({clients} клиентов, {managers} активных менеджеров)", ro: "Strategii comparate pe {n} rânduri ({clients} clienți, {managers} manageri activi)" },
};

/**
 * Protected clients (an active owner, and hot or worked within the protection window) kept by one of
 * their owners: the same yardstick for every strategy, whatever rule each strategy applied.
 */
function protectedKept(r: RunResult): { kept: number; total: number } {
  const isWorked = workedClients(r);
  let kept = 0;
  let total = 0;
  for (const client of r.clients) {
    const owners = new Set<string>();
    for (const i of client.rows) {
      const o = r.owners[i]!;
      if (o.manager >= 0 && r.managers[o.manager]!.active) owners.add(r.managers[o.manager]!.name);
    }
    if (!owners.size) continue;
    if (!isWorked(client.index)) continue;
    total++;
    if (owners.has(r.allocation.rows[client.rows[0]!]!.manager)) kept++;
  }
  return { kept, total };
}

export async function propose(path: string, opts: AllocateOptions & { strategies: string; out?: string }, io: Io): Promise<number> {
  if (opts.out) checkOutputDir(opts.out);
  const p = await prepare(path, opts, io, { ahead: true });
  const defaultMax = parseMaxMoves(opts.maxMoves ?? p.config.max_moves);
  const specs = parseStrategies(opts.strategies, defaultMax);
  const a = await analyse(p);
  const rows: StrategyRow[] = [];
  const files: OutputFiles = new Map();
  for (const spec of specs) {
    const allocation = runAllocation(a, { maxMoves: spec.maxMoves, strategy: spec.strategy });
    const result: RunResult = { ...a, allocation };
    const summary: Summary = buildSummary(result, spec.maxMoves);
    const prot = protectedKept(result);
    rows.push({
      strategy: spec.name,
      max_load_ratio: summary.balance.max_load_ratio,
      min_load_ratio: summary.balance.min_load_ratio,
      gini: summary.balance.gini,
      moves: summary.decisions.moved,
      kept: summary.decisions.kept,
      assigned: summary.decisions.assigned,
      unassigned: summary.decisions.unassigned,
      protected_kept: prot.kept,
      protected_total: prot.total,
      hot_spread: summary.balance.hot_spread,
      a_spread: summary.balance.a_spread,
    });
    if (opts.out) {
      const dir = spec.name.replace(/[^a-z0-9-]+/gi, "-").replace(/^-|-$/g, "");
      for (const [rel, content] of csvOutputs(result, a.config.output.delimiter)) files.set(`${dir}/${rel}`, content);
      files.set(`${dir}/summary.json`, JSON.stringify(summary, null, 2) + "\n");
      const model = buildModel(result, summary);
      files.set(`${dir}/report.md`, renderMarkdownModel(model));
      files.set(`${dir}/report.html`, renderHtmlModel(model));
    }
  }
  if (opts.out) {
    files.set("comparison.json", JSON.stringify({ strategies: rows }, null, 2) + "\n");
    // Every strategy's CSVs: as many rows again for each.
    await writeOutputs(opts.out, files, "-o", p.rows.length * specs.length);
  }
  if (opts.json) {
    io.stdout(JSON.stringify({ strategies: rows }, null, 2) + "\n");
    return 0;
  }
  const c = opts.color !== false && io.isTTY ? chalk : new Chalk({ level: 0 });
  const L = p.lang;
  io.stdout(c.bold(say(L, H.title, { n: p.rows.length, clients: p.clients.length, managers: p.managers.filter((m) => m.active).length })) + "\n");
  const table = new Table({
    head: [H.strategy, H.max, H.min, H.gini, H.moves, H.kept, H.prot, H.hot, H.a].map((h) => say(L, h)),
    style: { head: c.level ? ["cyan"] : [], border: c.level ? ["grey"] : [] },
    colAligns: ["left", "right", "right", "right", "right", "right", "right", "right", "right"],
  });
  const best = Math.min(...rows.map((r) => r.max_load_ratio));
  for (const r of rows) {
    table.push([
      r.strategy,
      r.max_load_ratio === best ? c.green(r.max_load_ratio.toFixed(2)) : r.max_load_ratio.toFixed(2),
      r.min_load_ratio.toFixed(2),
      r.gini.toFixed(3),
      String(r.moves),
      String(r.kept),
      `${r.protected_kept}/${r.protected_total}`,
      r.hot_spread.toFixed(3),
      r.a_spread.toFixed(3),
    ]);
  }
  io.stdout(table.toString() + "\n");
  return 0;
}
