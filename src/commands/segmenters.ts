// `segment segmenters`: every segmenter of the run (built-in, plugins and rule groups of the config) with its labels and options.
import chalk, { Chalk } from "chalk";
import Table from "cli-table3";
import { loadConfig } from "../config-load.js";
import { say, type Phrase } from "../i18n.js";
import { segmenterConfig } from "../pipeline.js";
import { listSegmenters } from "../segmenters/index.js";
import type { Lang } from "../types.js";
import type { Io } from "./options.js";

export interface SegmentersOptions {
  /** `-c FILE` */
  config?: string;
  json: boolean;
  lang?: Lang;
  color?: boolean;
}

const H: Record<string, Phrase> = {
  id: { en: "id", ru: "id", ro: "id" },
  source: { en: "source", ru: "источник", ro: "sursă" },
  labels: { en: "labels", ru: "метки", ro: "etichete" },
  options: { en: "options", ru: "параметры", ro: "opțiuni" },
  open: { en: "(from the data)", ru: "(из данных)", ro: "(din date)" },
  builtIn: { en: "built-in", ru: "встроенный", ro: "integrat" },
  rules: { en: "config rules", ru: "правила конфигурации", ro: "reguli din configurație" },
  none: { en: "(none)", ru: "(нет)", ro: "(niciuna)" },
};

/** One option per line, `name = value`, long lists cut so the table stays readable. */
function showOptions(options: unknown, none: string): string {
  if (!options || typeof options !== "object" || Object.keys(options).length === 0) return none;
  return Object.entries(options as Record<string, unknown>)
    .map(([k, v]) => {
      let text = JSON.stringify(v);
      if (text.length > 60) text = text.slice(0, 57) + "...";
      return `${k} = ${text}`;
    })
    .join("\n");
}

export async function segmenters(opts: SegmentersOptions, io: Io): Promise<number> {
  const loaded = loadConfig(opts.config);
  const list = await listSegmenters(segmenterConfig(loaded.config), loaded.dir);
  if (opts.json) {
    io.stdout(JSON.stringify({ segmenters: list }, null, 2) + "\n");
    return 0;
  }
  const L: Lang = opts.lang ?? loaded.config.lang ?? "en";
  const c = opts.color !== false && io.isTTY ? chalk : new Chalk({ level: 0 });
  const table = new Table({
    head: [H.id, H.source, H.labels, H.options].map((h) => say(L, h!)),
    style: { head: c.level ? ["cyan"] : [], border: c.level ? ["grey"] : [] },
    wordWrap: true,
    colWidths: [null, null, 30, 70] as unknown as number[],
  });
  for (const s of list) {
    const source = s.source === "plugin" ? s.origin! : s.source === "rules" ? say(L, H.rules!) : say(L, H.builtIn!);
    table.push([
      `${c.bold(s.id)}\n${s.title}`,
      source,
      s.labels === "open" ? say(L, H.open!) : s.labels.join(", "),
      showOptions(s.options, say(L, H.none!)),
    ]);
  }
  io.stdout(table.toString() + "\n");
  return 0;
}
