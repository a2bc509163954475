// What the human reports show, computed once from a run: both report.md and report.html render this.
import { say, type Phrase } from "../i18n.js";
import { temperatureAdvice } from "../segmenters/temperature.js";
import { dayNumber } from "../normalise/dates.js";
import type { RunResult } from "../pipeline.js";
import type { Summary } from "./summary.js";
import type { ConflictKind, Lang } from "../types.js";

export interface ManagerLine {
  name: string;
  active: boolean;
  capacity: number;
  clients: number;
  loadBefore: number;
  loadAfter: number;
  fair: number;
  ratioBefore: number;
  ratioAfter: number;
  kept: number;
  gained: number;
  lost: number;
  /** Share of the manager's clients that are worked: hot, or activity within the protection window. */
  activeShare: number;
  hot: number;
  valueA: number;
}

export interface ReportModel {
  lang: Lang;
  title: string;
  summary: Summary;
  managers: ManagerLine[];
  segments: { id: string; counts: [string, number][] }[];
  matrix: { rows: string[]; cols: string[]; cells: number[][] } | null;
  advice: { label: string; count: number; share: number; text: string }[];
  conflicts: { kind: ConflictKind; count: number; examples: { clientId: string; name: string; managers: string; detail: string; resolution: string }[] }[];
  duplicates: { groupId: string; members: { clientId: string; name: string; score: string; evidence: string }[] }[];
  moved: { clientId: string; name: string; from: string; to: string; reason: string }[];
}

const TITLE: Phrase = { en: "Client base split — {file}", ru: "Распределение клиентской базы — {file}", ro: "Repartizarea bazei de clienți — {file}" };

/**
 * Whether a client is worked: hot, or with activity within the protection window before --as-of (the
 * "active client base" of the report, and the protected clients `propose` compares strategies on).
 */
export function workedClients(r: RunResult): (client: number) => boolean {
  const temperature = r.segments.find((x) => x.id === "temperature");
  const asOfDay = dayNumber(r.asOf);
  const days = r.config.allocation.protection_days;
  return (c) => {
    if (temperature?.labels[c] === "hot") return true;
    const last = r.clients[c]!.values.last_activity_at;
    return last !== "" && asOfDay - dayNumber(last) <= days;
  };
}

export function buildModel(r: RunResult, s: Summary): ReportModel {
  const L = r.lang;
  const temp = r.segments.find((x) => x.id === "temperature");
  const value = r.segments.find((x) => x.id === "value");
  const byName = new Map(r.managers.map((m, i) => [m.name, i]));
  const before = new Array<number>(r.managers.length).fill(0);
  const hot = new Array<number>(r.managers.length).fill(0);
  const aCount = new Array<number>(r.managers.length).fill(0);
  const worked = new Array<number>(r.managers.length).fill(0);
  const isWorked = workedClients(r);
  for (const client of r.clients) {
    let weight = 0;
    let prev = -1;
    let now = -1;
    for (const i of client.rows) {
      const a = r.allocation.rows[i]!;
      weight += a.weight;
      if (prev < 0 && a.previousManager && byName.has(a.previousManager)) prev = byName.get(a.previousManager)!;
      if (now < 0 && a.manager) now = byName.get(a.manager) ?? -1;
    }
    if (prev >= 0) before[prev]! += weight;
    if (now >= 0) {
      const t = temp?.labels[client.index];
      if (t === "hot") hot[now]!++;
      if (value?.labels[client.index] === "A") aCount[now]!++;
      if (isWorked(client.index)) worked[now]!++;
    }
  }
  const totalBefore = before.reduce((a, b) => a + b, 0);
  const capActive = s.managers.filter((m) => m.active).reduce((a, m) => a + m.capacity, 0);
  const managers: ManagerLine[] = s.managers.map((m, i) => {
    const fairBefore = m.active && capActive ? (totalBefore * m.capacity) / capActive : 0;
    return {
      name: m.name,
      active: m.active,
      capacity: m.capacity,
      clients: m.clients,
      loadBefore: before[i]!,
      loadAfter: m.load,
      fair: m.fair_load,
      ratioBefore: fairBefore ? before[i]! / fairBefore : 0,
      ratioAfter: m.load_ratio,
      kept: m.kept,
      gained: m.gained,
      lost: m.lost,
      activeShare: m.clients ? worked[i]! / m.clients : 0,
      hot: hot[i]!,
      valueA: aCount[i]!,
    };
  });

  const segments = r.segments.map((col) => ({ id: col.id, counts: Object.entries(s.segments[col.id] ?? {}) as [string, number][] }));
  let matrix: ReportModel["matrix"] = null;
  if (temp && value) {
    const rows = ["hot", "warm", "cold"];
    const cols = ["A", "B", "C"];
    const cells = rows.map(() => cols.map(() => 0));
    for (let c = 0; c < r.clients.length; c++) {
      const ri = rows.indexOf(temp.labels[c]!);
      const ci = cols.indexOf(value.labels[c]!);
      if (ri >= 0 && ci >= 0) cells[ri]![ci]!++;
    }
    matrix = { rows, cols, cells };
  }
  const total = r.clients.length || 1;
  // The advice per group is the temperature segmenter's, with the config's own text where it gives one.
  const adviceText = temperatureAdvice(L, r.config.segmenters.temperature as Parameters<typeof temperatureAdvice>[1]);
  const advice = (["cold", "warm", "hot"] as const).map((label) => {
    const count = s.segments.temperature?.[label] ?? 0;
    return { label, count, share: count / total, text: adviceText[label] };
  });

  const names = (ids: string[]) => ids.join(", ");
  const kinds = ["multi_owner", "shared_contact", "dead_soul", "departed_owner", "invalid_tax_id"] as ConflictKind[];
  const byKind = kinds.map((kind) => r.conflicts.filter((c) => c.kind === kind));
  // Only the examples' names are needed: look up those few ids, not a map of every row.
  const nameOf = new Map<string, string>();
  for (const all of byKind) for (const c of all.slice(0, 10)) nameOf.set(c.clientId, "");
  for (const row of r.rows) if (nameOf.get(row.clientId) === "") nameOf.set(row.clientId, row.values.name);
  const conflicts = kinds.map((kind, k) => {
    const all = byKind[k]!;
    return {
      kind,
      count: all.length,
      examples: all.slice(0, 10).map((c) => ({ clientId: c.clientId, name: nameOf.get(c.clientId) ?? "", managers: names(c.managers), detail: c.detail, resolution: c.resolution })),
    };
  });
  const duplicates = [...r.groups]
    .sort((a, b) => b.members.length - a.members.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, 12)
    .map((g) => ({
      groupId: g.id,
      members: g.members.map((m) => ({ clientId: r.rows[m.row]!.clientId, name: r.rows[m.row]!.values.name, score: m.score.toFixed(3), evidence: m.evidence })),
    }));
  const moved: ReportModel["moved"] = [];
  for (let i = 0; i < r.rows.length && moved.length < 40; i++) {
    const a = r.allocation.rows[i]!;
    if (a.decision !== "moved") continue;
    const row = r.rows[i]!;
    moved.push({ clientId: row.clientId, name: row.values.name, from: a.previousManager, to: a.manager, reason: a.reason });
  }
  return { lang: L, title: say(L, TITLE, { file: s.input.file }), summary: s, managers, segments, matrix, advice, conflicts, duplicates, moved };
}

/** Words the two renderers share. */
export const W = {
  overview: { en: "Overview", ru: "Итоги", ro: "Rezumat" },
  asOf: { en: "As of {date}", ru: "На дату {date}", ro: "La data de {date}" },
  input: { en: "Rows read", ru: "Прочитано строк", ro: "Rânduri citite" },
  accepted: { en: "Accepted", ru: "Принято", ro: "Acceptate" },
  rejected: { en: "Rejected", ru: "Отклонено", ro: "Respinse" },
  contacts: { en: "Contacts' rows", ru: "Строк контактов", ro: "Rânduri de contacte" },
  clients: { en: "Clients", ru: "Клиенты", ro: "Clienți" },
  dupGroups: { en: "Duplicate groups", ru: "Группы дублей", ro: "Grupuri de duplicate" },
  loadTitle: { en: "Workload against the fair line", ru: "Нагрузка относительно справедливой нормы", ro: "Încărcarea față de linia echitabilă" },
  loadNote: { en: "Load is the sum of client weights (hot 3, warm 2, cold 1 by default); the fair load is the total shared by capacity. A ratio of 1.00 is exactly fair.", ru: "Нагрузка — сумма весов клиентов (по умолчанию горячий 3, тёплый 2, холодный 1); норма — общая нагрузка, разделённая по ёмкости. Доля 1,00 — ровно по норме.", ro: "Încărcarea este suma ponderilor clienților (implicit fierbinte 3, cald 2, rece 1); încărcarea echitabilă este totalul împărțit după capacitate. Un raport de 1,00 este exact echitabil." },
  before: { en: "before", ru: "до", ro: "înainte" },
  after: { en: "after", ru: "после", ro: "după" },
  fair: { en: "fair", ru: "норма", ro: "echitabil" },
  manager: { en: "Manager", ru: "Менеджер", ro: "Manager" },
  capacity: { en: "Capacity", ru: "Ёмкость", ro: "Capacitate" },
  loadBefore: { en: "Load before", ru: "Нагрузка до", ro: "Încărcare înainte" },
  loadAfter: { en: "Load after", ru: "Нагрузка после", ro: "Încărcare după" },
  fairLoad: { en: "Fair load", ru: "Норма", ro: "Încărcare echitabilă" },
  ratio: { en: "Ratio", ru: "Доля", ro: "Raport" },
  kept: { en: "Kept", ru: "Остались", ro: "Păstrați" },
  gained: { en: "Gained", ru: "Получены", ro: "Primiți" },
  lost: { en: "Lost", ru: "Отданы", ro: "Cedați" },
  activeShare: { en: "Active base", ru: "Активная база", ro: "Bază activă" },
  moreManagers: { en: "… and {n} more managers: every one is in summary.json and report.md", ru: "… и ещё {n} менеджеров: все они есть в summary.json и report.md", ro: "… și încă {n} manageri: toți sunt în summary.json și report.md" },
  activeNote: { en: "Active client base: the share of a manager's clients that are worked (hot, or with activity within the protection window).", ru: "Активная клиентская база: доля клиентов менеджера, с которыми работают (горячие или с активностью в окне защиты).", ro: "Baza activă de clienți: ponderea clienților unui manager care sunt lucrați (fierbinți sau cu activitate în fereastra de protecție)." },
  inactive: { en: "inactive", ru: "неактивен", ro: "inactiv" },
  movesTitle: { en: "Kept, gained and lost clients", ru: "Оставленные, полученные и отданные клиенты", ro: "Clienți păstrați, primiți și cedați" },
  balance: { en: "Balance", ru: "Баланс", ro: "Echilibru" },
  maxRatio: { en: "Largest load ratio", ru: "Наибольшая доля нагрузки", ro: "Cel mai mare raport de încărcare" },
  minRatio: { en: "Smallest load ratio", ru: "Наименьшая доля нагрузки", ro: "Cel mai mic raport de încărcare" },
  level: { en: "Common level", ru: "Общий уровень", ro: "Nivel comun" },
  unconstrained: { en: "Largest ratio without the churn limit", ru: "Наибольшая доля без лимита перемещений", ro: "Cel mai mare raport fără limita de mutări" },
  priceOfLimit: { en: "The churn limit costs {d} of load ratio this run; nightly runs with --previous close the gap.", ru: "Лимит перемещений стоит {d} доли нагрузки в этом запуске; ночные запуски с --previous сокращают разрыв.", ro: "Limita de mutări costă {d} din raportul de încărcare la această rulare; rulările nocturne cu --previous reduc diferența." },
  gini: { en: "Gini (capacity-weighted)", ru: "Джини (с учётом ёмкости)", ro: "Gini (ponderat cu capacitatea)" },
  hotSpread: { en: "Hot clients spread", ru: "Разброс горячих клиентов", ro: "Dispersia clienților fierbinți" },
  aSpread: { en: "A clients spread", ru: "Разброс клиентов A", ro: "Dispersia clienților A" },
  decisions: { en: "Decisions", ru: "Решения", ro: "Decizii" },
  segmentsTitle: { en: "Segments", ru: "Сегменты", ro: "Segmente" },
  matrixTitle: { en: "Temperature × value (clients)", ru: "Температура × ценность (клиенты)", ro: "Temperatură × valoare (clienți)" },
  adviceTitle: { en: "What to do with each group", ru: "Что делать с каждой группой", ro: "Ce e de făcut cu fiecare grup" },
  conflictsTitle: { en: "Conflicts", ru: "Конфликты", ro: "Conflicte" },
  duplicatesTitle: { en: "Duplicates (largest groups)", ru: "Дубли (крупнейшие группы)", ro: "Duplicate (cele mai mari grupuri)" },
  movedTitle: { en: "Clients moved between managers (first 40)", ru: "Клиенты, переданные другим менеджерам (первые 40)", ro: "Clienți mutați între manageri (primii 40)" },
  none: { en: "None.", ru: "Нет.", ro: "Niciunul." },
  kind: { en: "Kind", ru: "Вид", ro: "Tip" },
  count: { en: "Count", ru: "Количество", ro: "Număr" },
  client: { en: "Client", ru: "Клиент", ro: "Client" },
  name: { en: "Name", ru: "Название", ro: "Denumire" },
  managers: { en: "Managers", ru: "Менеджеры", ro: "Manageri" },
  detail: { en: "Detail", ru: "Суть", ro: "Detaliu" },
  resolution: { en: "Resolution", ru: "Решение", ro: "Soluție" },
  score: { en: "Score", ru: "Сходство", ro: "Scor" },
  evidence: { en: "Evidence", ru: "Совпадения", ro: "Dovezi" },
  from: { en: "From", ru: "От", ro: "De la" },
  to: { en: "To", ru: "К", ro: "La" },
  reason: { en: "Reason", ru: "Причина", ro: "Motiv" },
  label: { en: "Label", ru: "Метка", ro: "Etichetă" },
  share: { en: "Share", ru: "Доля", ro: "Pondere" },
  group: { en: "Group", ru: "Группа", ro: "Grup" },
  kinds: {
    multi_owner: { en: "Several owners", ru: "Несколько владельцев", ro: "Mai mulți proprietari" },
    shared_contact: { en: "Shared contact", ru: "Общий контакт", ro: "Contact comun" },
    dead_soul: { en: "Dead souls", ru: "«Мёртвые души»", ro: "Suflete moarte" },
    departed_owner: { en: "Departed owner", ru: "Ушедший владелец", ro: "Proprietar plecat" },
    invalid_tax_id: { en: "Invalid tax id", ru: "Неверный ИНН", ro: "Cod fiscal invalid" },
  } as Record<ConflictKind, Phrase>,
  decisionWords: {
    kept: { en: "kept", ru: "оставлено", ro: "păstrați" },
    moved: { en: "moved", ru: "передано", ro: "mutați" },
    assigned: { en: "assigned", ru: "назначено", ro: "atribuiți" },
    unassigned: { en: "unassigned", ru: "без менеджера", ro: "nealocați" },
  } as Record<string, Phrase>,
};

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
export const num2 = (x: number) => x.toFixed(2);
