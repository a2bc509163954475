// `segment init`: a commented starter config with every option at its default, and a managers file from the owners found.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { SegmentError } from "../errors.js";
import { toCsv } from "../io/write-csv.js";
import { prepare } from "../pipeline.js";
import { DEFAULT_CONFIG_FILE } from "../config-load.js";
import type { Io, ReadOptions } from "./options.js";

export function starterConfig(o: { managers: string; preset?: string; lang?: string; defaultCountry?: string; map?: Record<string, string> }): string {
  const mapLines = Object.entries(o.map ?? {}).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  return `// segment configuration (JSON with comments). Paths are relative to this file.
// Every option is shown with its default; delete what you do not need. Command-line flags beat this file.
{
  // The managers file: name, capacity, regions, industries, segments, active, aliases.
  "managers": ${JSON.stringify(o.managers)},

  // Canonical field -> export header, where auto-mapping guessed wrong (same as --map field=Header).
  "map": {
${mapLines.join("\n")}
  },
${o.preset ? `
  // The CRM the export comes from (bitrix24, amocrm, 1c, hubspot, salesforce, zoho, pipedrive, odoo, generic).
  "preset": ${JSON.stringify(o.preset)},
` : ""}
  // Country assumed for phones and regions when the data does not say (ISO code: RU, RO, US...).
  ${o.defaultCountry ? `"default_country": ${JSON.stringify(o.defaultCountry)},` : `// "default_country": "RU",`}

  // Language of reasons, reports and the terminal: ru, ro or en (default: the export's language).
  ${o.lang ? `"lang": ${JSON.stringify(o.lang)},` : `// "lang": "en",`}

  // Options per segmenter; \`segment segmenters\` lists them with their defaults.
  "segmenters": {},

  // Named territories: a manager's "regions" may name a territory; clients are labelled by territory.
  "territories": {
    // "Урал": ["Свердловская область", "Челябинская область", "Пермский край"]
  },

  // User rules, first match wins, e.g.
  // { "segmenter": "priority", "label": "key", "when": { "annual_revenue": { "gte": 100000000 } } }
  "rules": [],

  // User segmenter modules (.js / .mjs with a default export made like the built-ins).
  "plugins": [],

  "allocation": {
    // Workload weight of a client by temperature.
    "weights": { "hot": 3, "warm": 2, "cold": 1 },
    // An owner keeps a client that is hot or had activity within this many days (protection).
    "protection_days": 180,
    // How far from the common level a manager's load may end, as a share of it.
    "tolerance": 0.05,
    // ABC: A is the smallest top set reaching 80% of the total, B the next 15%.
    "value_cutoffs": { "a": 0.8, "b": 0.15 }
  },

  "conflicts": {
    // A client with no activity, no purchase and no contact created more than this many days ago is a dead soul.
    "dead_soul_days": 90
  },

  // A director's locks file: client_id,manager[,note].
  // "locks": "locks.csv",

  // Churn limit per manager and run: a number of clients or "N%".
  // "max_moves": "10%",

  "output": {
    // Delimiter of the CSVs written: "," or ";" (for spreadsheets whose list separator is ";").
    "delimiter": ","
  }
}
`;
}

export async function init(path: string | undefined, opts: ReadOptions, io: Io): Promise<number> {
  const file = resolve(opts.config ?? DEFAULT_CONFIG_FILE);
  const managersFile = join(dirname(file), "managers.csv");
  for (const f of [file, managersFile]) {
    if (existsSync(f)) throw new SegmentError("usage", `${f} already exists; remove it or name another file with -c.`);
  }
  let managersCsv = toCsv(["name", "capacity", "regions", "industries", "segments", "active", "aliases"], []);
  let preset: string | undefined;
  let lang: string | undefined;
  let defaultCountry: string | undefined;
  if (path) {
    // The config being written does not exist yet: read the export with the defaults and the flags.
    const p = await prepare(path, { ...opts, config: undefined, map: opts.map ?? [] }, io);
    preset = p.mapping.dialect === "generic" ? undefined : p.mapping.dialect;
    lang = p.lang;
    defaultCountry = p.defaultCountry || undefined;
    const counts = new Map<string, number>();
    for (const o of p.owners) if (o.manager >= 0) counts.set(p.managers[o.manager]!.name, (counts.get(p.managers[o.manager]!.name) ?? 0) + 1);
    managersCsv = toCsv(
      ["name", "capacity", "regions", "industries", "segments", "active", "aliases"],
      p.managers.map((m) => [m.name, "1", "", "", "", "true", m.aliases.join("|")]),
    );
    io.stderr(`segment: ${p.managers.length} managers found among the owners (${[...counts].map(([n, c]) => `${n} ${c}`).join(", ")}).\n`);
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, starterConfig({ managers: "managers.csv", preset, lang, defaultCountry }));
  writeFileSync(managersFile, managersCsv);
  io.stdout(`${file}\n${managersFile}\n`);
  return 0;
}
