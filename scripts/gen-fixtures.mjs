#!/usr/bin/env node
// Regenerates the committed fixtures byte-identically: `node scripts/gen-fixtures.mjs [--out DIR]`
// (DIR defaults to the repository's fixtures/ folder).
import { mkdirSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { buildExport } from "./lib/export.mjs";

const AS_OF = "2026-11-01";
const SEED = 20261101;

/** One small export per dialect: [folder, file name, dialect, companies]. */
export const DIALECT_FIXTURES = [
  ["bitrix24", "bitrix24-companies.csv", "bitrix24", 90],
  ["amocrm", "amocrm-export.csv", "amocrm", 70],
  ["1c", "1c-kontragenty.csv", "1c", 90],
  ["hubspot", "hubspot-crm-exports-all-companies-2026-11-01.csv", "hubspot", 90],
  ["salesforce", "salesforce-accounts-report.csv", "salesforce", 90],
  ["salesforce-dataloader", "extract-account.csv", "salesforce-dataloader", 80],
  ["zoho", "Accounts_001.csv", "zoho", 80],
  ["pipedrive", "organizations-8124533-1.csv", "pipedrive", 80],
  ["odoo", "contact-res-partner.csv", "odoo", 60],
  ["romania", "clienti.csv", "romania", 90],
];

function json(value) {
  return JSON.stringify(value, null, 1) + "\n";
}

function pickLock(truth, test) {
  return truth.rows.find((r) => r.kind === "company" && r.variant === "original" && test(r));
}

function demoLocks(truth) {
  const a = pickLock(truth, (r) => r.owner_manager === "Петрова Анна" && r.temperature === "hot");
  const b = pickLock(truth, (r) => r.owner_manager === "Иванов Сергей" && r.dead_soul);
  const c = pickLock(truth, (r) => r.owner_manager === "Волков Андрей" && r.temperature === "hot");
  return "client_id,manager,note\n" +
    `${a.id},Петрова Анна,"Ключевой клиент, ведёт лично до конца года"\n` +
    `${b.id},Новиков Павел,Передан новичку на развитие\n` +
    `${c.id},Попов Алексей,Договорённость с директором клиента\n`;
}

const DEMO_CONFIG = `// segment's config for the demo: JSON with comments. Paths are relative to this file.
{
  // The sales team; the departed manager (Волков) is simply not in it.
  "managers": "managers.csv",
  "preset": "bitrix24",
  "default_country": "RU",
  "lang": "ru",
  // Territories: a manager's "regions" may name a territory instead of its regions.
  "territories": {
    "Урал": ["Свердловская область", "Челябинская область", "Пермский край", "Курганская область"],
    "Сибирь": ["Тюменская область", "Ханты-Мансийский автономный округ — Югра", "Новосибирская область"],
    "Центр": ["Москва", "Московская область"],
    "Поволжье": ["Республика Татарстан", "Республика Башкортостан", "Самарская область", "Нижегородская область", "Удмуртская Республика", "Оренбургская область"],
    "Юг": ["Краснодарский край", "Ростовская область"]
  },
  "allocation": {
    "weights": { "hot": 3, "warm": 2, "cold": 1 },
    // An owner keeps a client touched in the last half year.
    "protection_days": 180,
    "tolerance": 0.05,
    "value_cutoffs": { "a": 0.8, "b": 0.15 }
  },
  "conflicts": { "dead_soul_days": 90 },
  "locks": "locks.csv",
  // At most a fifth of a manager's clients move in one run.
  "max_moves": "20%",
  "output": { "delimiter": ";" }
}
`;

/** Writes every fixture under `root`; returns the relative paths written. */
export function generateFixtures(root) {
  const written = [];
  const put = (rel, data) => {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, data);
    written.push(rel);
  };
  const demo = buildExport({ dialect: "bitrix24", seed: SEED, n: 740, asOf: AS_OF, file: "bitrix24-companies.csv", dupShare: 0.06, namesakes: 6 });
  put("demo/bitrix24-companies.csv", demo.bytes);
  put("demo/bitrix24-companies.truth.json", json(demo.truth));
  put("demo/managers.csv", demo.managersCsv);
  put("demo/locks.csv", demoLocks(demo.truth));
  put("demo/segment.config.json", DEMO_CONFIG);
  for (const [folder, file, dialect, n] of DIALECT_FIXTURES) {
    const x = buildExport({ dialect, seed: SEED, n, asOf: AS_OF, file });
    put(`dialects/${folder}/${file}`, x.bytes);
    put(`dialects/${folder}/${file.replace(/\.csv$/, "")}.truth.json`, json(x.truth));
    put(`dialects/${folder}/managers.csv`, x.managersCsv);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf("--out");
  const root = i > 0 ? process.argv[i + 1] : join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
  generateFixtures(root);
}
