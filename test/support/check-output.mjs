#!/usr/bin/env node
// Copy of ../shared/tools/check-output.mjs (the contract check), so tests run without ../shared. Checks a `segment run` output folder.
// Usage: node check-output.mjs OUT_DIR        exit 0 when it conforms, 1 with one line per problem.
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node check-output.mjs OUT_DIR");
  process.exit(2);
}
const problems = [];
const fail = (m) => problems.push(m);

// The delimiter of the tool's CSVs: `,` unless allocation.csv's header says `;` (config output.delimiter).
let SEP = ",";
if (existsSync(join(dir, "allocation.csv"))) {
  const head = readFileSync(join(dir, "allocation.csv"), "utf8").split("\n", 1)[0];
  if (head.includes(";") && !head.includes(",")) SEP = ";";
}

// RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF, embedded newlines.
function readCsv(path) {
  let text = readFileSync(path, "utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [], field = "", i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      field += c; i++; continue;
    }
    if (c === '"' && field === "") { quoted = true; i++; continue; }
    if (c === SEP) { row.push(field); field = ""; i++; continue; }
    if (c === "\r" && text[i + 1] === "\n") { i++; continue; }
    if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; continue; }
    field += c; i++;
  }
  if (field !== "" || row.length) { row.push(field); rows.push(row); }
  const [header = [], ...body] = rows;
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ""]))), widths: body.map((r) => r.length) };
}

const HEADERS = {
  "allocation.csv": "client_id,name,manager,previous_manager,decision,reason,temperature,geography,industry,value,motivation,duplicate_group,weight",
  "duplicates.csv": "group_id,client_id,survivor_id,score,evidence",
  "conflicts.csv": "kind,client_id,related_ids,managers,detail,resolution",
  "rejects.csv": "line,client_id,error,raw",
  "warnings.csv": "line,client_id,field,value,problem",
};
const VOCAB = {
  decision: ["kept", "moved", "assigned", "unassigned"],
  temperature: ["hot", "warm", "cold"],
  value: ["A", "B", "C"],
  industry: [..."ABCDEFGHIJKLMNOPQRSTU", "unknown"],
  motivation: ["service", "price", "relationship", "quality", "delivery", "unknown"],
};
const KINDS = ["multi_owner", "shared_contact", "dead_soul", "departed_owner", "invalid_tax_id"];

const need = (f) => {
  if (!existsSync(join(dir, f))) { fail(`missing ${f}`); return false; }
  return true;
};
const tables = {};
for (const [f, h] of Object.entries(HEADERS)) {
  if (!need(f)) continue;
  const t = readCsv(join(dir, f));
  tables[f] = t;
  if (readFileSync(join(dir, f)).subarray(0, 3).toString("hex") !== "efbbbf") fail(`${f}: no UTF-8 BOM at the start`);
  if (t.header.join(",") !== h) fail(`${f}: header is "${t.header.join(",")}", expected "${h}"`);
  t.widths.forEach((w, i) => { if (w !== t.header.length) fail(`${f}: data row ${i + 1} has ${w} fields, header has ${t.header.length}`); });
}
for (const f of ["segments.csv", "summary.json", "report.md", "report.html", ".segment-out"]) need(f);
if (existsSync(join(dir, "segments.csv"))) {
  const t = readCsv(join(dir, "segments.csv"));
  const h = t.header;
  if (h[0] !== "client_id" || h.length < 3 || h.length % 2 !== 1 || h.slice(1).some((c, i) => i % 2 === 1 && c !== `${h[i]}_reason`))
    fail(`segments.csv: header "${h.join(",")}" is not client_id then <id>,<id>_reason pairs`);
  tables["segments.csv"] = t;
}

// Spreadsheet formula injection: no cell may start like a formula.
const risky = (v) => /^[=@\t\r]/.test(v) || /^[+-](?![\d.,\s]*$)/.test(v);
for (const [f, t] of Object.entries(tables)) {
  for (const r of t.rows) for (const [k, v] of Object.entries(r)) if (risky(v)) { fail(`${f}: column ${k} holds a formula-like value ${JSON.stringify(v.slice(0, 40))}`); break; }
}

const alloc = tables["allocation.csv"];
if (alloc) {
  for (const [col, words] of Object.entries(VOCAB)) {
    const bad = alloc.rows.filter((r) => !words.includes(r[col]));
    if (bad.length) fail(`allocation.csv: ${bad.length} rows have ${col} outside {${words.join(",")}}, e.g. "${bad[0][col]}"`);
  }
  const ids = new Set();
  for (const r of alloc.rows) { if (ids.has(r.client_id)) { fail(`allocation.csv: client_id ${r.client_id} appears twice`); break; } ids.add(r.client_id); }
  const noManager = alloc.rows.filter((r) => (r.decision === "unassigned") !== (r.manager === ""));
  if (noManager.length) fail(`allocation.csv: ${noManager.length} rows where decision=unassigned does not match an empty manager`);
  // All members of a duplicate group share one manager.
  const groupManager = new Map();
  for (const r of alloc.rows) {
    if (!r.duplicate_group) continue;
    const m = groupManager.get(r.duplicate_group);
    if (m === undefined) groupManager.set(r.duplicate_group, r.manager);
    else if (m !== r.manager) { fail(`allocation.csv: duplicate group ${r.duplicate_group} is split between "${m}" and "${r.manager}"`); break; }
  }
  // managers/*.csv partition the allocated rows.
  if (existsSync(join(dir, "managers"))) {
    const seen = new Map();
    for (const f of readdirSync(join(dir, "managers")).filter((f) => f.endsWith(".csv"))) {
      const t = readCsv(join(dir, "managers", f));
      if (t.header.join(",") !== HEADERS["allocation.csv"]) fail(`managers/${f}: header differs from allocation.csv`);
      const owners = new Set(t.rows.map((r) => r.manager));
      if (owners.size > 1) fail(`managers/${f}: rows of ${owners.size} managers in one file`);
      for (const r of t.rows) {
        if (seen.has(r.client_id)) fail(`managers/${f}: client ${r.client_id} also in managers/${seen.get(r.client_id)}`);
        seen.set(r.client_id, f);
      }
    }
    const allocated = alloc.rows.filter((r) => r.manager !== "");
    if (seen.size !== allocated.length) fail(`managers/: ${seen.size} rows, allocation.csv has ${allocated.length} allocated rows`);
  } else fail("missing managers/");
  const seg = tables["segments.csv"];
  if (seg && seg.rows.map((r) => r.client_id).join("\n") !== alloc.rows.map((r) => r.client_id).join("\n"))
    fail("segments.csv: its client_id column is not allocation.csv's, row for row");
  if (tables["duplicates.csv"]) {
    const groups = new Set(tables["duplicates.csv"].rows.map((d) => d.group_id));
    const stray = alloc.rows.find((r) => r.duplicate_group && !groups.has(r.duplicate_group));
    if (stray) fail(`allocation.csv: duplicate_group ${stray.duplicate_group} is not a group_id of duplicates.csv`);
    for (const d of tables["duplicates.csv"].rows) {
      if (!ids.has(d.client_id)) { fail(`duplicates.csv: client ${d.client_id} is not in allocation.csv`); break; }
    }
  }
}
if (tables["conflicts.csv"]) {
  const bad = tables["conflicts.csv"].rows.filter((r) => !KINDS.includes(r.kind));
  if (bad.length) fail(`conflicts.csv: unknown kind "${bad[0].kind}" (${bad.length} rows)`);
}
if (existsSync(join(dir, "summary.json"))) {
  let s;
  try { s = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")); } catch (e) { fail(`summary.json: not JSON (${e.message})`); }
  if (s) {
    const i = s.input ?? {};
    if (![i.rows, i.accepted, i.rejected, i.contacts].every(Number.isInteger)) fail("summary.json: input.rows/accepted/rejected/contacts must be integers");
    else {
      if (i.accepted + i.rejected + i.contacts !== i.rows) fail(`summary.json: accepted ${i.accepted} + rejected ${i.rejected} + contacts ${i.contacts} != rows ${i.rows}`);
      if (alloc && alloc.rows.length !== i.accepted) fail(`summary.json: accepted ${i.accepted}, allocation.csv has ${alloc.rows.length} rows`);
      if (tables["rejects.csv"] && tables["rejects.csv"].rows.length !== i.rejected) fail(`summary.json: rejected ${i.rejected}, rejects.csv has ${tables["rejects.csv"].rows.length} rows`);
    }
    for (const k of ["as_of", "duplicates", "conflicts", "segments", "managers", "balance", "decisions"]) if (!(k in s)) fail(`summary.json: no "${k}"`);
    if (s.balance && typeof s.balance.max_load_ratio !== "number") fail("summary.json: balance.max_load_ratio must be a number");
    if (s.decisions) {
      for (const k of ["kept", "moved", "assigned", "unassigned"]) {
        if (!Number.isInteger(s.decisions[k])) fail(`summary.json: decisions.${k} must be an integer (0 included)`);
        else if (alloc && alloc.rows.filter((r) => r.decision === k).length !== s.decisions[k]) fail(`summary.json: decisions.${k}=${s.decisions[k]}, allocation.csv has ${alloc.rows.filter((r) => r.decision === k).length}`);
      }
    }
    if (Array.isArray(s.managers) && alloc) {
      for (const m of s.managers) {
        const mine = alloc.rows.filter((r) => r.manager === m.name);
        const clients = new Set(mine.map((r) => r.duplicate_group || "row:" + r.client_id)).size;
        if (mine.length !== m.rows) fail(`summary.json: manager "${m.name}" has rows=${m.rows}, allocation.csv gives ${mine.length}`);
        if (clients !== m.clients) fail(`summary.json: manager "${m.name}" has clients=${m.clients}, allocation.csv gives ${clients} (a duplicate group is one client)`);
      }
    }
    if (s.conflicts) for (const k of KINDS) if (!Number.isInteger(s.conflicts[k])) fail(`summary.json: conflicts.${k} must be an integer (0 included)`);
    if (s.balance) for (const k of ["min_load_ratio", "level", "unconstrained_max_load_ratio", "gini", "hot_spread", "a_spread"]) if (typeof s.balance[k] !== "number") fail(`summary.json: balance.${k} must be a number`);
    if (!s.locks || !Number.isInteger(s.locks.applied) || !Number.isInteger(s.locks.unknown_client)) fail("summary.json: locks.applied and locks.unknown_client must be integers (0 without locks)");
  }
}
if (problems.length) {
  for (const p of problems.slice(0, 40)) console.log(p);
  if (problems.length > 40) console.log(`... and ${problems.length - 40} more`);
  console.log(`check-output: ${problems.length} problems`);
  process.exit(1);
}
console.log("check-output: conforms");
