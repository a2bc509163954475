// The compact terminal summary that ends `segment run`: one table per manager, coloured on a TTY.
import chalk, { Chalk } from "chalk";
import Table from "cli-table3";
import { say } from "../i18n.js";
import type { RunResult } from "../pipeline.js";
import type { Summary } from "./summary.js";

const T = {
  title: { en: "segment: {accepted} clients' rows allocated to {managers} managers", ru: "segment: {accepted} строк клиентов распределены между {managers} менеджерами", ro: "segment: {accepted} rânduri de clienți repartizate la {managers} manageri" },
  manager: { en: "Manager", ru: "Менеджер", ro: "Manager" },
  clients: { en: "Clients", ru: "Клиенты", ro: "Clienți" },
  load: { en: "Load", ru: "Нагрузка", ro: "Încărcare" },
  fair: { en: "Fair", ru: "Норма", ro: "Echitabil" },
  ratio: { en: "Ratio", ru: "Доля", ro: "Raport" },
  kept: { en: "Kept", ru: "Остались", ro: "Păstrați" },
  gained: { en: "Gained", ru: "Получены", ro: "Primiți" },
  lost: { en: "Lost", ru: "Отданы", ro: "Cedați" },
  inactive: { en: "(inactive)", ru: "(неактивен)", ro: "(inactiv)" },
  input: { en: "Input: {rows} rows, {accepted} accepted, {rejected} rejected, {contacts} contacts ({dialect}, {encoding})", ru: "Вход: {rows} строк, принято {accepted}, отклонено {rejected}, контактов {contacts} ({dialect}, {encoding})", ro: "Intrare: {rows} rânduri, {accepted} acceptate, {rejected} respinse, {contacts} contacte ({dialect}, {encoding})" },
  dups: { en: "Duplicates: {groups} groups ({rows} rows). Conflicts: {conflicts}", ru: "Дубли: {groups} групп ({rows} строк). Конфликты: {conflicts}", ro: "Duplicate: {groups} grupuri ({rows} rânduri). Conflicte: {conflicts}" },
  decisions: { en: "Decisions: {kept} kept, {moved} moved, {assigned} assigned, {unassigned} unassigned", ru: "Решения: оставлено {kept}, передано {moved}, назначено {assigned}, без менеджера {unassigned}", ro: "Decizii: {kept} păstrați, {moved} mutați, {assigned} atribuiți, {unassigned} nealocați" },
  balance: { en: "Balance: load ratio {min}–{max} (level {level}, Gini {gini})", ru: "Баланс: доля нагрузки {min}–{max} (уровень {level}, Джини {gini})", ro: "Echilibru: raport de încărcare {min}–{max} (nivel {level}, Gini {gini})" },
  more: { en: "… and {n} more managers: every one is in summary.json and report.md", ru: "… и ещё {n} менеджеров: все они есть в summary.json и report.md", ro: "… și încă {n} manageri: toți sunt în summary.json și report.md" },
  written: { en: "Outputs written to {out}/ (report.html, allocation.csv, managers/…)", ru: "Результаты записаны в {out}/ (report.html, allocation.csv, managers/…)", ro: "Rezultatele au fost scrise în {out}/ (report.html, allocation.csv, managers/…)" },
};

const f2 = (n: number) => n.toFixed(2);

/**
 * Managers the table shows at most, in the managers' order: an owner column of one-off values makes thousands of
 * "managers", and a table of them (cli-table3 took 12 s over 10,000) helps no one at a terminal.
 */
export const TABLE_MANAGERS = 50;

export function renderTerminal(r: RunResult, s: Summary, opts: { color: boolean; out: string }): string {
  const c = opts.color ? chalk : new Chalk({ level: 0 });
  const L = r.lang;
  const lines: string[] = [];
  lines.push(c.bold(say(L, T.title, { accepted: s.input.accepted, managers: s.managers.filter((m) => m.active).length })));
  lines.push(say(L, T.input, { ...s.input }));
  const nConflicts = Object.entries(s.conflicts).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(", ") || "0";
  lines.push(say(L, T.dups, { groups: s.duplicates.groups, rows: s.duplicates.rows, conflicts: nConflicts }));
  const table = new Table({
    head: [T.manager, T.clients, T.load, T.fair, T.ratio, T.kept, T.gained, T.lost].map((p) => say(L, p)),
    style: { head: opts.color ? ["cyan"] : [], border: opts.color ? ["grey"] : [] },
    colAligns: ["left", "right", "right", "right", "right", "right", "right", "right"],
  });
  const level = s.balance.level;
  for (const m of s.managers.slice(0, TABLE_MANAGERS)) {
    const off = m.active && level > 0 && Math.abs(m.load_ratio - level) > 0.05 * level;
    const ratio = m.active ? (off ? c.yellow(f2(m.load_ratio)) : c.green(f2(m.load_ratio))) : "";
    table.push([
      m.active ? m.name : c.dim(`${m.name} ${say(L, T.inactive)}`),
      String(m.clients),
      f2(m.load),
      m.active ? f2(m.fair_load) : "",
      ratio,
      String(m.kept),
      String(m.gained),
      String(m.lost),
    ]);
  }
  lines.push(table.toString());
  if (s.managers.length > TABLE_MANAGERS) lines.push(c.dim(say(L, T.more, { n: s.managers.length - TABLE_MANAGERS })));
  lines.push(say(L, T.decisions, { ...s.decisions }));
  lines.push(say(L, T.balance, { min: f2(s.balance.min_load_ratio), max: f2(s.balance.max_load_ratio), level: f2(s.balance.level), gini: s.balance.gini.toFixed(3) }));
  lines.push(c.dim(say(L, T.written, { out: opts.out })));
  return lines.join("\n") + "\n";
}
