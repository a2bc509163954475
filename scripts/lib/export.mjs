// Builds one export of one dialect from the planted world: the file's bytes, its managers file and
// its truth (per record: cluster, temperature, industry, geography, motivation, dead soul; expected
// rejects and warnings), computed from what the file shows under the contract's rules.
import iconv from "iconv-lite";
import { Rng, subSeed } from "./prng.mjs";
import { buildWorld, spell, makePerson, stamp, displayName, DAY } from "./world.mjs";
import { DIALECTS } from "./dialects.mjs";
import { CASTS, OWNER_STYLES, managerName } from "./cast.mjs";
import { cell } from "./format.mjs";
import { breakInn, sfId15, sfId18, zohoId } from "./ids.mjs";
import { translit } from "./world.mjs";
import { US_STATES } from "./tables.mjs";

const BAD_DATE = {
  bitrix24: "31.02.2025 10:15:00", amocrm: "31.02.2025 11:20:00", "1c": "31.02.2025 0:00:00", hubspot: "2025-02-31 10:00",
  salesforce: "2/31/2025", "salesforce-dataloader": "2025-02-31T10:00:00.000Z", zoho: "2025-02-31 10:00:00", pipedrive: "2025-02-31 10:00:00",
  odoo: "2025-02-31 09:30:00", romania: "31.02.2025",
};
const BAD_NUMBER = {
  bitrix24: ["annual_revenue", "уточнить"], amocrm: ["revenue_won", "договорная"], "1c": ["revenue_won", "нет данных"], hubspot: ["employees", "TBD"],
  salesforce: ["employees", "unknown"], "salesforce-dataloader": ["employees", "TBD"], zoho: ["employees", "TBD"], pipedrive: ["activity_count", "many"],
  romania: ["annual_revenue", "necunoscut"],
};

function decorate(rng, rows, dialect) {
  for (const r of rows) {
    if (r.kind !== "company") continue;
    const c = r.company;
    const hot = r.dealsWon > 0;
    r.companyType = rng.weighted([["Клиент", 80], ["Партнер", 6], ["Поставщик", 4], ["Другое", 6], ["", 4]]);
    r.hsType = rng.weighted([["Prospect", 45], ["", 35], ["Partner", 8], ["Reseller", 6], ["Vendor", 3], ["Other", 3]]);
    r.sfType = hot ? rng.weighted([["Customer - Direct", 75], ["Customer - Channel", 25]]) : rng.weighted([["Prospect", 70], ["Other", 10], ["Installation Partner", 5], ["", 15]]);
    r.rating = rng.weighted([["Hot", 25], ["Warm", 35], ["Cold", 25], ["", 15]]);
    r.zohoType = hot ? "Customer" : rng.weighted([["Prospect", 70], ["Partner", 8], ["Distributor", 6], ["", 16]]);
    r.zohoRating = rng.weighted([["Active", 40], ["Acquired", 15], ["", 45]]);
    r.openDeals = rng.int(0, 2); r.lostDeals = rng.int(0, 3);
    r.stateCode = rng.chance(0.15);
    r.vatPrefix = rng.chance(0.4);
    r.supplier = rng.chance(0.05);
    r.longName = displayName(c, "long");
    r.name1C = r.variant === "original" ? (c.nm.form === "ИП" ? r.name : `${c.nm.core} ${c.nm.form}`) : r.name;
    const tags = [];
    if (dialect === "pipedrive") {
      if (hot) tags.push("Customer");
      else if (r.lastActivity && rng.chance(0.6)) tags.push("Warm lead");
      else if (rng.chance(0.4)) tags.push("Cold lead");
      if (rng.chance(0.1)) tags.push("Hot lead");
    } else if (dialect === "odoo") {
      if (hot) tags.push("Customer");
      else if (rng.chance(0.5)) tags.push("Prospect");
      if (rng.chance(0.3)) tags.push(rng.pick(["Service Contract", "VIP", "Trade Show 2025"]));
    } else if (dialect === "amocrm") {
      if (rng.chance(0.3)) tags.push(rng.pick(["выставка", "тендер", "холодный обзвон", "сайт"]));
    } else if (dialect === "zoho") {
      if (rng.chance(0.2)) tags.push(rng.pick(["IMTS 2024", "Key Account", "Service"]));
    }
    r.tags = tags;
  }
}

/** People's rows (amoCRM contacts, Odoo individuals): each company's contact becomes a row of its own. */
function addPeople(rng, rows, spec) {
  const out = [];
  for (const r of rows) {
    out.push(r);
    if (r.kind === "company" && r.contact && r.variant === "original") {
      const name = rng.chance(0.2) ? displayName(r.company, "bare") : r.name;
      out.push({ kind: "person", person: r.contact, companyName: name, company: r.company, cluster: r.cluster, ownerKey: r.ownerKey,
        created: Math.min(r.created + rng.int(1, 30) * DAY, spec.asOf - DAY - 3600000), parentRow: r, bad: {} });
      r.contact = null;
      r.hadPerson = true;
    }
  }
  // Two people whose company is not in the file: clients of their own.
  for (let k = 0; k < 2; k++) {
    const p = makePerson(rng, spec.locale);
    p.role = spec.locale === "ru" ? "Главный инженер" : "Plant Engineer";
    p.phone = spec.locale === "ru" ? "9" + rng.digits(9) : "312555" + rng.digits(4);
    p.email = "";
    const companyName = spec.locale === "ru" ? `ООО "${["Тагилстройдеталь", "Уралэнергоремонт"][k]}"` : ["Granite State Mills Inc.", "Ozark Conveyor LLC"][k];
    const at = Math.floor(out.length * (0.3 + 0.4 * k));
    out.splice(at, 0, { kind: "person_client", person: p, companyName, cluster: "P" + (k + 1), ownerKey: spec.managers[1].key,
      created: stamp(rng, spec.asOf, rng.int(30, 400)), company: null, bad: {} });
  }
  return out;
}

/** Plants the bad values and bad records every export should carry. */
function plantBad(rng, rows, dialectName, d) {
  const expected = { warnings: [], rejects: [] };
  const originals = rows.filter((r) => r.kind === "company" && r.variant === "original" && !r.company.namesakeOf);
  const take = () => originals.splice(rng.int(5, originals.length - 5), 1)[0];
  if (d.header.some((h) => /ИНН|CUI|Tax ID/.test(h)) && rows.some((r) => r.taxId)) {
    const r = take();
    r.bad.tax_id = breakInn(r.taxId);
    expected.warnings.push({ row: r, field: "tax_id", value: r.bad.tax_id, problem: "invalid_tax_id" });
  }
  {
    const r = take();
    r.bad.created_at = BAD_DATE[dialectName];
    expected.warnings.push({ row: r, field: "created_at", value: r.bad.created_at, problem: "invalid_date" });
  }
  if (BAD_NUMBER[dialectName]) {
    const [field, value] = BAD_NUMBER[dialectName];
    const r = take();
    r.bad[field] = value;
    expected.warnings.push({ row: r, field, value, problem: "not_a_number" });
  }
  {
    const r = take();
    r.extraField = d.locale === "ru" ? "доп. офис" : d.locale === "ro" ? "punct de lucru" : "see notes";
    expected.rejects.push({ row: r, error: "extra_field" });
  }
  {
    // A record with no name but an owner, a date and a city: not a continuation, a reject.
    const src = take();
    const r = { ...src, bad: {}, name: "", variant: "no_name", cluster: "", kind: "company", noName: true, extraField: undefined, contact: null, note: "" };
    rows.splice(rows.indexOf(src) + 1, 0, r);
    expected.rejects.push({ row: r, error: "no_name" });
  }
  return expected;
}

/**
 * Builds one export. opts: {dialect, seed, n, asOf ("YYYY-MM-DD"), dupShare, namesakes, branches, file}.
 * Returns {bytes, truth, managersCsv, text}.
 */
export function buildExport(opts) {
  const { d, rows, expected, cast, byKey, userIds, ctx, serial } = prepareRows(opts);
  const asOf = Date.parse(opts.asOf + "T00:00:00Z");

  // Write, tracking each record's physical line.
  const delim = d.delimiter;
  const width = d.header.length;
  const line = (cells) => cells.map((v) => cell(v, delim, d.quoteAll)).join(delim) + (d.trailingDelimiter ? delim : "") + d.eol;
  let text = opts.noHeader ? "" : line(d.header);
  let lineNo = 2;
  const records = [];
  for (const r of rows) {
    const s = line(recordCells(d, opts.dialect, r, ctx, width));
    r.line = lineNo;
    records.push(r);
    text += s;
    lineNo += s.split("\n").length - 1;
  }
  const dataCount = records.filter((r) => r.kind !== "continuation").length;
  const trailer = [];
  if (d.trailer) {
    text += "\n";
    lineNo++;
    for (const t of trailerLines(dataCount)) {
      trailer.push(lineNo++);
      text += cell(t, delim, true) + d.eol;
    }
  }
  if (opts.noTruth) return { text, serial };
  const body = d.encoding === "windows-1251" ? iconv.encode(text, "win1251") : Buffer.from((d.bom ? "\ufeff" : "") + text, "utf8");
  if (d.encoding === "windows-1251" && iconv.decode(body, "win1251") !== text) throw new Error(`${opts.dialect}: text does not fit Windows-1251`);

  const truth = computeTruth({ d, opts, asOf, records, expected, cast, byKey, trailer });
  const managersCsv = managersFile(cast, opts.dialect === "salesforce-dataloader" ? userIds : null);
  return { bytes: body, text, truth, managersCsv };
}

/** A Salesforce report's footer lines, after one blank line. */
export function trailerLines(dataCount) {
  return [`Grand Totals (${dataCount} records)`, "Confidential Information - Do Not Distribute", "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."];
}

/** The cells of one record as its dialect writes it (company, person or continuation row). */
export function recordCells(d, dialect, r, ctx, width) {
  let cells;
  if (r.kind === "continuation") cells = d.continuation(r, ctx, width);
  else if (r.kind === "person" || r.kind === "person_client") cells = d.person(r, ctx);
  else cells = d.row(r, ctx);
  if (r.noName) cells[d.header.indexOf(nameHeader(dialect))] = "";
  if (r.extraField) cells = cells.concat([r.extraField]);
  return cells;
}

/**
 * The planted rows of one export, decorated, with ids and owners' spellings, in file order, and the
 * context the dialect writers need. Shared by the fixtures and the benchmark's row pool.
 */
export function prepareRows(opts) {
  const d = DIALECTS[opts.dialect];
  const locale = d.locale;
  const asOf = Date.parse(opts.asOf + "T00:00:00Z");
  const rng = new Rng(subSeed(opts.seed, opts.dialect + ":" + (opts.file ?? "")));
  const cast = CASTS[locale];
  const spec = { locale, n: opts.n, asOf, managers: cast, unowned: 0.05, dupShare: opts.dupShare ?? 0.07, multiOwnerShare: 0.3,
    namesakes: opts.namesakes ?? 2, branches: d.continuation && opts.dialect === "bitrix24" ? 0.02 : 0, contactShare: 0.6 };
  const world = buildWorld(rng, spec);
  let rows = world.rows;
  decorate(rng, rows, opts.dialect);
  if (d.people) rows = addPeople(rng, rows, spec);
  if (opts.dialect === "odoo") {
    const out = [];
    for (const r of rows) {
      out.push(r);
      if (r.kind === "company" && r.tags && r.tags.length > 1) out.push({ kind: "continuation", parent: r, tag: r.tags[1], company: r.company });
    }
    rows = out;
  }
  const expected = opts.clean ? { warnings: [], rejects: [] } : plantBad(rng, rows, opts.dialect, d);

  // Ids, owners' spellings.
  const byKey = new Map(cast.map((m) => [m.key, m]));
  const styles = OWNER_STYLES[opts.dialect] ?? OWNER_STYLES.default;
  const userIds = new Map(cast.map((m) => [m.key, sfId18(sfId15(rng, "005"))]));
  const zohoUsers = new Map(cast.map((m, i) => [m.key, zohoId("48768760000", 1000 + i * 17)]));
  let serial = opts.serialStart ?? (opts.dialect === "bitrix24" ? 11 : opts.dialect === "pipedrive" ? 101 : 1000);
  for (const r of rows) {
    if (r.kind === "continuation") continue;
    serial += opts.dialect === "bitrix24" ? rng.int(1, 4) : 1;
    r.ownerSpelling = r.ownerKey ? spell(byKey.get(r.ownerKey).person, rng.weighted(styles)) : "";
    switch (opts.dialect) {
      case "bitrix24": case "pipedrive": r.exportId = String(serial); break;
      case "amocrm": r.exportId = String(28400000 + serial * 7 + rng.int(0, 6)); break;
      case "1c": r.exportId = "00-" + String(serial).padStart(8, "0"); break;
      case "hubspot": r.exportId = String(9000000000 + serial * 1013 + rng.int(0, 999)); break;
      case "salesforce": r.exportId = sfId15(rng, "001"); break;
      case "salesforce-dataloader": r.exportId = sfId18(sfId15(rng, "001")); break;
      case "zoho": r.exportId = zohoId("48768760000", 5000 + serial * 3); break;
      default: r.exportId = "";
    }
  }
  const ctx = {
    id: (r) => r.exportId,
    owner: (r) => r.ownerSpelling,
    ownerId: (r) => (opts.dialect === "zoho" ? (r.ownerKey ? zohoUsers.get(r.ownerKey) : "") : r.ownerKey ? userIds.get(r.ownerKey) : ""),
    creatorId: opts.dialect === "zoho" ? zohoUsers.get(cast[1].key) : userIds.get(cast[1].key),
    creatorName: managerName(cast[1]),
    deals: (r) => Array.from({ length: Math.min(r.dealsWon, 3) }, (_, i) => ["Поставка станка", "Сервисный договор", "Запчасти"][i] + " " + (2023 + i)).join(", "),
  };

  return { d, rows, expected, cast, byKey, userIds, ctx, serial };
}

function nameHeader(dialect) {
  return { bitrix24: "Название компании", amocrm: "Название компании", "1c": "Наименование", hubspot: "Company name", salesforce: "Account Name",
    "salesforce-dataloader": "Name", zoho: "Account Name", pipedrive: "Organization - Name", odoo: "Complete Name", romania: "Denumire" }[dialect];
}

/** The managers file: `name,capacity,regions,industries,segments,active,aliases`; the departed owner is left out. */
export function managersFile(cast, userIds) {
  let out = "name,capacity,regions,industries,segments,active,aliases\n";
  for (const m of cast) {
    if (m.inFile === false) continue;
    const aliases = [...(m.aliases ?? [])];
    if (userIds) aliases.push(userIds.get(m.key));
    out += [managerName(m), String(m.capacity ?? 1), (m.regions ?? []).join("|"), "", "", m.active === false ? "false" : "true", aliases.join("|")]
      .map((v) => cell(v, ",", false)).join(",") + "\n";
  }
  return out;
}

/** The region a person-client's landline area code names (US area codes of the tables; Russian mobiles name none). */
function personRegion(r) {
  const digits = String(r.person?.phone ?? "").replace(/\D/g, "");
  if (digits.length !== 10 || digits[0] === "9") return "unknown";
  const st = US_STATES.find((s) => s.cities.some(([, code]) => code === digits.slice(0, 3)));
  return st ? st.name : "unknown";
}

function computeTruth({ d, opts, asOf, records, expected, cast, byKey, trailer }) {
  const has = new Set(d.has);
  const purchaseMapped = has.has("deals_won") || has.has("revenue_won") || has.has("last_purchase_at");
  const rejected = new Set([...expected.rejects.map((x) => x.row)]);
  const blank = (r, f) => f in r.bad;
  const clusters = new Map();
  const idCount = new Map();
  for (const r of records) if (r.exportId) idCount.set(r.exportId, (idCount.get(r.exportId) ?? 0) + 1);
  const clientId = (r) => (r.exportId && idCount.get(r.exportId) === 1 ? r.exportId : r.exportId ? `${r.exportId}@L${r.line}` : `L${r.line}`);
  for (const r of records) {
    if (r.kind === "continuation" || rejected.has(r)) continue;
    const key = r.cluster;
    if (!clusters.has(key)) clusters.set(key, { rows: [], people: [] });
    if (r.kind === "person") clusters.get(key).people.push(r);
    else clusters.get(key).rows.push(r);
  }
  const truthOf = new Map();
  for (const [key, cl] of clusters) {
    const rows = cl.rows;
    if (rows.length === 0) {
      // The company row was rejected: its people are clients of their own (not planted here).
      continue;
    }
    let hot = false, warm = false, contact = cl.people.length > 0, owned = false, created = Infinity, motivation = "unknown", industry = "unknown";
    const owners = new Set();
    for (const r of rows) {
      if (r.ownerKey) { owned = true; owners.add(r.ownerKey); }
      if ((has.has("deals_won") && r.dealsWon > 0) || (has.has("revenue_won") && r.revenueWon > 0 && !blank(r, "revenue_won")) || (has.has("last_purchase_at") && r.lastPurchase)) hot = true;
      const st = r.kind === "company" ? d.status(r) : "";
      if (!purchaseMapped && st === "purchase") hot = true;
      if (st === "engaged") warm = true;
      if ((has.has("activity_count") && r.activityCount > 0 && !blank(r, "activity_count")) || (has.has("last_activity_at") && r.lastActivity)) warm = true;
      if (has.has("contact_name") && r.contact) contact = true;
      if (has.has("created_at") && !blank(r, "created_at")) created = Math.min(created, r.created);
      if (has.has("notes") && r.note && r.company) motivation = r.company.note === r.note ? r.company.motivation : motivation;
      if (r.company && r.industry && (has.has("industry_code") || (has.has("industry") && d.industryLabel(r.company.industry)))) industry = r.company.industry.section;
    }
    const temperature = hot ? "hot" : warm ? "warm" : "cold";
    const dead = owned && !hot && !warm && !contact && created !== Infinity && created < asOf - 90 * DAY;
    const c = rows[0].company;
    const managersOf = [...owners].map((k) => managerName(byKey.get(k)));
    truthOf.set(key, {
      temperature, industry, motivation, dead_soul: dead,
      // A person who is a client of their own has only a phone to place them: its area code, where it has one.
      geography: c ? c.region.name : personRegion(rows[0]),
      contact_person: contact ? (rows.find((r) => r.contact)?.contact ?? cl.people[0]?.person)?.kind ?? "other" : "none",
      owners: managersOf,
      multi_owner: owners.size > 1,
      departed_owner: [...owners].some((k) => byKey.get(k).inFile === false || byKey.get(k).active === false),
      namesake_of: c?.namesakeOf ?? "",
      lines: rows.map((r) => r.line),
    });
  }
  const out = [];
  for (const r of records) {
    if (r.kind === "continuation") {
      const parent = r.parent ?? records[records.indexOf(r) - 1];
      out.push({ line: r.line, kind: "continuation", continues: parent.line });
      continue;
    }
    const base = { line: r.line, id: clientId(r), owner: r.ownerSpelling, owner_manager: r.ownerKey ? managerName(byKey.get(r.ownerKey)) : "" };
    if (rejected.has(r)) { out.push({ ...base, kind: "reject", error: expected.rejects.find((x) => x.row === r).error }); continue; }
    // A person whose company row is rejected is a client of its own (CONTRACT.md, People and companies).
    if (r.kind === "person" && rejected.has(r.parentRow)) { out.push({ ...base, kind: "person_client", cluster: "", orphan_of: r.parentRow.line }); continue; }
    if (r.kind === "person") { out.push({ ...base, kind: "contact", cluster: r.cluster, company_line: r.parentRow.line }); continue; }
    const t = truthOf.get(r.cluster);
    out.push({ ...base, kind: r.kind === "person_client" ? "person_client" : "company", cluster: r.cluster, variant: r.variant,
      temperature: t.temperature, industry: t.industry, geography: t.geography, motivation: t.motivation, dead_soul: t.dead_soul, contact_person: t.contact_person });
  }
  const clustersOut = {};
  for (const [key, t] of [...truthOf].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (t.lines.length > 1 || t.multi_owner || t.namesake_of) clustersOut[key] = { lines: t.lines, owners: t.owners, multi_owner: t.multi_owner, departed_owner: t.departed_owner, namesake_of: t.namesake_of };
  }
  return {
    dialect: opts.dialect === "salesforce-dataloader" ? "salesforce" : opts.dialect === "romania" ? "generic" : opts.dialect,
    writer: opts.dialect, file: opts.file, encoding: d.encoding, delimiter: d.delimiter, bom: d.bom, as_of: opts.asOf, seed: opts.seed,
    counts: {
      records: out.filter((x) => x.kind !== "continuation").length,
      accepted: out.filter((x) => x.kind === "company" || x.kind === "person_client").length,
      rejected: out.filter((x) => x.kind === "reject").length,
      contacts: out.filter((x) => x.kind === "contact").length,
      continuations: out.filter((x) => x.kind === "continuation").length,
      clients: truthOf.size,
    },
    trailer_lines: trailer,
    expected: {
      rejects: expected.rejects.map((x) => ({ line: x.row.line, error: x.error })),
      warnings: expected.warnings.map((x) => ({ line: x.row.line, field: x.field, value: x.value, problem: x.problem })),
    },
    managers: Object.fromEntries(cast.map((m) => [managerName(m), { in_file: m.inFile !== false, active: m.inFile !== false && m.active !== false, capacity: m.capacity ?? 1 }])),
    clusters: clustersOut,
    rows: out,
  };
}
