// `segment segments <export> [--matrix a,b]`: segmentation only — each segmenter's distribution, and the cross-tab of two.
import chalk, { Chalk } from "chalk";
import Table from "cli-table3";
import { SegmentError } from "../errors.js";
import { say, type Phrase } from "../i18n.js";
import { prepare, segmenterConfig } from "../pipeline.js";
import { loadSegmenters, runSegmenters } from "../segmenters/index.js";
import { crossTab, distribution } from "../segmenters/matrix.js";
import type { Io, ReadOptions } from "./options.js";

const H: Record<string, Phrase> = {
  title: { en: "{clients} clients from {rows} rows", ru: "{clients} клиентов из {rows} строк", ro: "{clients} clienți din {rows} rânduri" },
  label: { en: "label", ru: "метка", ro: "etichetă" },
  clients: { en: "clients", ru: "клиентов", ro: "clienți" },
  share: { en: "share", ru: "доля", ro: "pondere" },
  total: { en: "total", ru: "итого", ro: "total" },
  matrix: { en: "{a} × {b}: clients (share of the row)", ru: "{a} × {b}: клиенты (доля строки)", ro: "{a} × {b}: clienți (ponderea rândului)" },
};

const percent = (n: number, of: number): string => (of === 0 ? "0.0%" : `${((100 * n) / of).toFixed(1)}%`);

/** `a,b` → two segmenter ids that ran. */
function parseMatrix(value: string, known: readonly string[]): [string, string] {
  const parts = value.split(",").map((s) => s.trim());
  const bad = parts.find((p) => !known.includes(p));
  if (parts.length !== 2 || !parts[0] || !parts[1] || bad !== undefined) {
    const why = bad !== undefined && bad !== "" ? `"${bad}" is no segmenter` : "expected two segmenter ids such as temperature,value";
    throw new SegmentError("usage", `--matrix ${value}: ${why} (known: ${known.join(", ")}).`);
  }
  return [parts[0], parts[1]];
}

export async function segments(path: string, opts: ReadOptions & { matrix?: string }, io: Io): Promise<number> {
  const p = await prepare(path, opts, io);
  const config = segmenterConfig(p.config);
  const columns = await runSegmenters(p.clients, p.segmenterContext, config, p.configDir);
  const labelsOf = new Map((await loadSegmenters(config, p.configDir)).map((l) => [l.segmenter.meta.id, l.segmenter.meta.labels]));
  const ids = columns.map((c) => c.id);
  const pair = opts.matrix !== undefined ? parseMatrix(opts.matrix, ids) : undefined;

  const dist: Record<string, Record<string, number>> = {};
  for (const col of columns) dist[col.id] = distribution(col, labelsOf.get(col.id));
  const tab = pair
    ? crossTab(columns.find((c) => c.id === pair[0])!, columns.find((c) => c.id === pair[1])!, { rows: labelsOf.get(pair[0]), columns: labelsOf.get(pair[1]) })
    : undefined;

  if (opts.json) {
    const out: Record<string, unknown> = { segments: dist };
    if (tab) out.matrix = { rows: tab.rows, columns: tab.columns, cells: tab.cells };
    io.stdout(JSON.stringify(out, null, 2) + "\n");
    return 0;
  }

  const c = opts.color !== false && io.isTTY ? chalk : new Chalk({ level: 0 });
  const L = p.lang;
  const style = { head: c.level ? ["cyan"] : [], border: c.level ? ["grey"] : [] };
  const total = p.clients.length;
  io.stdout(c.bold(say(L, H.title!, { clients: total, rows: p.rows.length })) + "\n");
  for (const col of columns) {
    const table = new Table({
      head: [`${col.id}: ${say(L, H.label!)}`, say(L, H.clients!), say(L, H.share!)],
      style,
      colAligns: ["left", "right", "right"],
    });
    for (const [label, n] of Object.entries(dist[col.id]!)) table.push([label, String(n), percent(n, total)]);
    io.stdout(table.toString() + "\n");
  }
  if (tab) {
    io.stdout(c.bold(say(L, H.matrix!, { a: tab.rows, b: tab.columns })) + "\n");
    const table = new Table({
      head: [`${tab.rows} \\ ${tab.columns}`, ...tab.columnLabels, say(L, H.total!)],
      style,
      colAligns: ["left", ...tab.columnLabels.map(() => "right" as const), "right"],
    });
    for (const r of tab.rowLabels) {
      const rowTotal = tab.rowTotals[r]!;
      table.push([r, ...tab.columnLabels.map((col) => `${tab.cells[r]![col]} (${percent(tab.cells[r]![col]!, rowTotal)})`), String(rowTotal)]);
    }
    table.push([
      say(L, H.total!),
      ...tab.columnLabels.map((col) => `${tab.columnTotals[col]} (${percent(tab.columnTotals[col]!, tab.total)})`),
      String(tab.total),
    ]);
    io.stdout(table.toString() + "\n");
  }
  return 0;
}
