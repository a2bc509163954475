// `segment diff old.csv new.csv`: per manager kept, gained, lost, and every moved client.
import Table from "cli-table3";
import { Chalk } from "chalk";
import { SegmentError } from "../errors.js";
import { say } from "../i18n.js";
import { readToolCsv } from "../io/read-csv.js";
import { allocationRows, diffAllocations } from "../allocate/diff.js";
import type { Lang } from "../types.js";
import type { Io } from "./options.js";

const H = {
  manager: { en: "manager", ru: "менеджер", ro: "responsabil" },
  kept: { en: "kept", ru: "сохранено", ro: "păstrați" },
  gained: { en: "gained", ru: "получено", ro: "primiți" },
  lost: { en: "lost", ru: "потеряно", ro: "pierduți" },
  client: { en: "client", ru: "клиент", ro: "client" },
  name: { en: "name", ru: "название", ro: "denumire" },
  from: { en: "from", ru: "от", ro: "de la" },
  to: { en: "to", ru: "к", ro: "la" },
  reason: { en: "reason", ru: "причина", ro: "motiv" },
  moved: { en: "{n} moved clients", ru: "перемещено клиентов: {n}", ro: "{n} clienți mutați" },
};

function read(path: string) {
  const table = readToolCsv(path, "allocation");
  try {
    return allocationRows(path, table);
  } catch (e) {
    throw new SegmentError("usage", (e as Error).message);
  }
}

export async function diff(oldPath: string, newPath: string, opts: { json: boolean; lang?: Lang; color: boolean }, io: Io): Promise<number> {
  const result = diffAllocations(read(oldPath), read(newPath));
  if (opts.json) {
    io.stdout(JSON.stringify(result, null, 2) + "\n");
    return 0;
  }
  const lang = opts.lang ?? "en";
  const chalk = new Chalk({ level: opts.color !== false && io.isTTY && !process.env.NO_COLOR ? 1 : 0 });
  const style = { head: [], border: [] as string[] };
  const managers = new Table({ head: [H.manager, H.kept, H.gained, H.lost].map((p) => chalk.bold(say(lang, p))), style });
  for (const m of result.managers) managers.push([m.name, m.kept, m.gained, m.lost]);
  io.stdout(managers.toString() + "\n");
  io.stdout(say(lang, H.moved, { n: result.moves.length }) + "\n");
  if (result.moves.length > 0) {
    const moves = new Table({ head: [H.client, H.name, H.from, H.to, H.reason].map((p) => chalk.bold(say(lang, p))), style });
    for (const m of result.moves) moves.push([m.client_id, m.name, m.from, m.to, m.locked ? chalk.yellow(m.reason) : m.reason]);
    io.stdout(moves.toString() + "\n");
  }
  return 0;
}
