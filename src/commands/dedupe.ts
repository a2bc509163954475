// `segment dedupe`: duplicates and conflicts only, written to `-o DIR` (default ./segment-dedupe), with a summary.
import { say, type Phrase } from "../i18n.js";
import { checkOutputDir, writeOutputs, type OutputFiles } from "../io/output-dir.js";
import { conflictsOf, prepare } from "../pipeline.js";
import { conflictsCsv, duplicatesCsv, rejectsCsv, warningsCsv } from "../report/outputs.js";
import { CONFLICT_KINDS, type ConflictKind } from "../types.js";
import type { AllocateOptions, Io } from "./options.js";

const T: Record<string, Phrase> = {
  rows: { en: "{file}: {rows} rows, {accepted} accepted, {rejected} rejected, {contacts} contact rows", ru: "{file}: строк {rows}, принято {accepted}, отклонено {rejected}, строк контактов {contacts}", ro: "{file}: {rows} rânduri, {accepted} acceptate, {rejected} respinse, {contacts} rânduri de contact" },
  dups: { en: "duplicates: {groups} groups covering {members} rows ({clients} clients in all)", ru: "дубли: {groups} групп, в них {members} строк (всего клиентов {clients})", ro: "duplicate: {groups} grupuri cu {members} rânduri ({clients} clienți în total)" },
  conflicts: { en: "conflicts:", ru: "конфликты:", ro: "conflicte:" },
  written: { en: "written to {out}: duplicates.csv, conflicts.csv, rejects.csv, warnings.csv", ru: "записано в {out}: duplicates.csv, conflicts.csv, rejects.csv, warnings.csv", ro: "scris în {out}: duplicates.csv, conflicts.csv, rejects.csv, warnings.csv" },
};

export async function dedupe(path: string, opts: AllocateOptions & { out?: string }, io: Io): Promise<number> {
  const out = opts.out ?? "segment-dedupe";
  checkOutputDir(out);
  const p = await prepare(path, opts, io);
  const { conflicts } = conflictsOf(p);
  const delimiter = p.config.output.delimiter;
  const files: OutputFiles = new Map();
  files.set("duplicates.csv", duplicatesCsv(p.rows, p.groups, delimiter));
  files.set("conflicts.csv", conflictsCsv(conflicts, delimiter));
  files.set("rejects.csv", rejectsCsv(p.rejects, delimiter));
  files.set("warnings.csv", warningsCsv([p.warnings], delimiter));
  await writeOutputs(out, files);

  const byKind = Object.fromEntries(CONFLICT_KINDS.map((k) => [k, 0])) as Record<ConflictKind, number>;
  for (const c of conflicts) byKind[c.kind]++;
  const members = p.groups.reduce((n, g) => n + g.members.length, 0);
  if (opts.json) {
    const result = { input: p.input, duplicates: { groups: p.groups.length, rows: members }, clients: p.clients.length, conflicts: byKind };
    io.stdout(JSON.stringify(result, null, 2) + "\n");
    return 0;
  }
  const lines = [
    say(p.lang, T.rows!, { file: p.input.file, rows: p.input.rows, accepted: p.input.accepted, rejected: p.input.rejected, contacts: p.input.contacts }),
    say(p.lang, T.dups!, { groups: p.groups.length, members, clients: p.clients.length }),
    say(p.lang, T.conflicts!),
    ...CONFLICT_KINDS.map((k) => `  ${k.padEnd(15)} ${byKind[k]}`),
    say(p.lang, T.written!, { out }),
  ];
  io.stdout(lines.join("\n") + "\n");
  return 0;
}
