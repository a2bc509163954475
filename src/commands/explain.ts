// `segment explain`: why is this client where it is — its fields, segments, duplicate evidence and the allocation decision.
import chalk, { Chalk } from "chalk";
import { SegmentError } from "../errors.js";
import { say } from "../i18n.js";
import { runPipeline, type RunResult } from "../pipeline.js";
import { isLocalNumber } from "../normalise/phones.js";
import { nearMisses } from "../dedupe/near.js";
import { FIELDS } from "../types.js";
import type { AllocateOptions, Io } from "./options.js";

const T = {
  notFound: { en: "{file}: no client with id \"{id}\" (ids are the export's ids, or L<line> for rows without one).", ru: "{file}: нет клиента с id \"{id}\" (id — из выгрузки или L<строка> для строк без id).", ro: "{file}: niciun client cu id-ul \"{id}\" (id-urile sunt cele din export sau L<linie> pentru rândurile fără id)." },
  client: { en: "Client {id}: {name} (line {line})", ru: "Клиент {id}: {name} (строка {line})", ro: "Client {id}: {name} (linia {line})" },
  fields: { en: "Fields after normalisation", ru: "Поля после нормализации", ro: "Câmpuri după normalizare" },
  segments: { en: "Segments", ru: "Сегменты", ro: "Segmente" },
  dups: { en: "Duplicate group {group}: {n} rows, survivor {survivor}", ru: "Группа дублей {group}: {n} строк, основная {survivor}", ro: "Grup de duplicate {group}: {n} rânduri, supraviețuitor {survivor}" },
  noDups: { en: "Duplicates: none found", ru: "Дубли: не найдены", ro: "Duplicate: niciunul găsit" },
  conflicts: { en: "Conflicts", ru: "Конфликты", ro: "Conflicte" },
  decision: { en: "Allocation: {manager} — {rule}: {why}", ru: "Распределение: {manager} — {rule}: {why}", ro: "Alocare: {manager} — {rule}: {why}" },
  rows: { en: "Rows", ru: "Строки", ro: "Rânduri" },
  nobody: { en: "(nobody)", ru: "(никто)", ro: "(nimeni)" },
  contacts: { en: "Contacts", ru: "Контакты", ro: "Contacte" },
  near: { en: "Alike, not merged", ru: "Похожие, но не объединены", ro: "Asemănătoare, neunite" },
  apartNumbers: { en: "the numbers in the names differ ({a} / {b})", ru: "номера в названиях различаются ({a} / {b})", ro: "numerele din denumiri diferă ({a} / {b})" },
  apartTax: { en: "different tax ids", ru: "разные ИНН", ro: "coduri fiscale diferite" },
  local: { en: "(without an area code: used to find duplicates only)", ru: "(без кода города: только для поиска дублей)", ro: "(fără prefix: doar pentru găsirea duplicatelor)" },
};

export function explainData(r: RunResult, id: string) {
  const rowIndex = r.rows.findIndex((row) => row.clientId === id);
  if (rowIndex < 0) return undefined;
  const ci = r.clientOfRow[rowIndex]!;
  const client = r.clients[ci]!;
  const group = r.groups.find((g) => g.id === client.group);
  const decision = r.allocation.clientDecisions.find((d) => d.client === ci);
  const row = r.rows[rowIndex]!;
  return {
    client_id: row.clientId,
    line: row.line,
    survivor_id: client.id,
    fields: Object.fromEntries(FIELDS.filter((f) => client.values[f] !== "").map((f) => [f, client.values[f]])),
    row_fields: Object.fromEntries(FIELDS.filter((f) => row.values[f] !== "").map((f) => [f, row.values[f]])),
    phones: client.phones.filter((p) => !isLocalNumber(p)),
    local_numbers: client.phones.filter(isLocalNumber),
    emails: client.emails,
    contacts: client.contacts,
    segments: Object.fromEntries(r.segments.map((s) => [s.id, { label: s.labels[ci], reason: s.reasons[ci] }])),
    duplicates: group
      ? {
          group_id: group.id,
          members: group.members.map((m) => ({ client_id: r.rows[m.row]!.clientId, line: r.rows[m.row]!.line, name: r.rows[m.row]!.values.name, score: Number(m.score.toFixed(3)), evidence: m.evidence })),
        }
      : null,
    // The rows most like this one that are another client, and what kept them apart (duplicates.csv shows only groups).
    near_misses: nearMisses(r.rows, rowIndex, (j) => r.clientOfRow[j] === ci).map((m) => ({
      client_id: r.rows[m.row]!.clientId,
      line: r.rows[m.row]!.line,
      name: r.rows[m.row]!.values.name,
      score: Number(m.probability.toFixed(3)),
      evidence: m.evidence,
      apart: m.apart,
      numbers: m.numbers,
    })),
    conflicts: r.conflicts.filter((c) => c.clientId === client.id || c.relatedIds.includes(row.clientId)).map((c) => ({ kind: c.kind, detail: c.detail, resolution: c.resolution, managers: c.managers })),
    allocation: {
      manager: decision?.manager ?? r.allocation.rows[rowIndex]!.manager,
      rule: decision?.rule ?? "",
      why: decision?.why ?? "",
      rows: client.rows.map((i) => ({ client_id: r.rows[i]!.clientId, previous_manager: r.allocation.rows[i]!.previousManager, manager: r.allocation.rows[i]!.manager, decision: r.allocation.rows[i]!.decision, reason: r.allocation.rows[i]!.reason, weight: r.allocation.rows[i]!.weight })),
    },
  };
}

export async function explain(path: string, id: string, opts: AllocateOptions, io: Io): Promise<number> {
  const r = await runPipeline(path, opts, io);
  const data = explainData(r, id.trim());
  if (!data) throw new SegmentError("usage", say(r.lang, T.notFound, { file: r.input.file, id }));
  if (opts.json) {
    io.stdout(JSON.stringify(data, null, 2) + "\n");
    return 0;
  }
  const c = opts.color !== false && io.isTTY ? chalk : new Chalk({ level: 0 });
  const L = r.lang;
  const out: string[] = [];
  out.push(c.bold(say(L, T.client, { id: data.client_id, name: data.fields.name ?? "", line: data.line })));
  out.push("", c.underline(say(L, T.fields)));
  const width = Math.max(...Object.keys(data.fields).map((k) => k.length));
  for (const [k, v] of Object.entries(data.fields)) out.push(`  ${k.padEnd(width)}  ${String(v).replace(/\s+/g, " ").slice(0, 160)}`);
  if (data.phones.length > 1) out.push(`  ${"phones".padEnd(width)}  ${data.phones.join(", ")}`);
  if (data.local_numbers.length > 0) out.push(`  ${"local".padEnd(width)}  ${data.local_numbers.join(", ")}  ${c.dim(say(L, T.local))}`);
  if (data.emails.length > 1) out.push(`  ${"emails".padEnd(width)}  ${data.emails.join(", ")}`);
  if (data.contacts.length) {
    out.push("", c.underline(say(L, T.contacts)));
    for (const p of data.contacts) out.push(`  ${p.name}${p.role ? ` — ${p.role}` : ""}${p.phones.length ? `, ${p.phones.join(", ")}` : ""}${p.emails.length ? `, ${p.emails.join(", ")}` : ""}`);
  }
  out.push("", c.underline(say(L, T.segments)));
  const sw = Math.max(...Object.keys(data.segments).map((k) => k.length));
  for (const [k, s] of Object.entries(data.segments)) out.push(`  ${k.padEnd(sw)}  ${c.bold(String(s.label))}  ${s.reason}`);
  out.push("");
  if (data.duplicates) {
    out.push(c.underline(say(L, T.dups, { group: data.duplicates.group_id, n: data.duplicates.members.length, survivor: data.survivor_id })));
    for (const m of data.duplicates.members) out.push(`  ${m.client_id.padEnd(12)} ${m.score.toFixed(3)}  ${m.name}  ${c.dim(m.evidence)}`);
  } else out.push(say(L, T.noDups));
  if (data.near_misses.length) {
    out.push("", c.underline(say(L, T.near)));
    for (const m of data.near_misses) {
      const why = [...(m.apart.includes("tax_id") ? [say(L, T.apartTax)] : []), ...(m.numbers ? [say(L, T.apartNumbers, { a: m.numbers[0], b: m.numbers[1] })] : [])];
      out.push(`  ${m.client_id.padEnd(12)} ${m.score.toFixed(3)}  ${m.name}  ${c.dim(m.evidence)}${why.length ? `  — ${why.join("; ")}` : ""}`);
    }
  }
  if (data.conflicts.length) {
    out.push("", c.underline(say(L, T.conflicts)));
    for (const k of data.conflicts) out.push(`  ${c.yellow(k.kind)}: ${k.detail} → ${k.resolution}`);
  }
  out.push("", c.bold(say(L, T.decision, { manager: data.allocation.manager || say(L, T.nobody), rule: data.allocation.rule, why: data.allocation.why })));
  for (const row of data.allocation.rows) {
    out.push(`  ${row.client_id.padEnd(12)} ${row.previous_manager || "—"} → ${row.manager || "—"}  ${row.decision}  ${c.dim(row.reason)}`);
  }
  io.stdout(out.join("\n") + "\n");
  return 0;
}
