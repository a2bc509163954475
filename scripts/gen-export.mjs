#!/usr/bin/env node
// Streams a large export for the benchmark in constant memory, ~1-3 µs a row:
// `node scripts/gen-export.mjs --rows 300000 --seed 1 --dialect bitrix24 --out FILE [--encoding utf-8|native]`.
// Prints nothing but errors.
//
// Why a pool: building a planted world costs ~80 µs a company, so the world is built once per seed
// (a few thousand companies with their ~5% duplicates, namesakes, dead souls, owners and bad rows)
// and each row is pre-rendered as a template. The file is that pool written over and over; each pass
// gives every company a new identity (name tail, tax id, phone digits, domain), a new record id and a
// fresh owner spelling, so passes never merge into each other, while a company's duplicates inside a
// pass share the pass's identity and still match as the fixtures' do.
import { openSync, writeSync, closeSync } from "node:fs";
import iconv from "iconv-lite";
import { prepareRows, recordCells, trailerLines } from "./lib/export.mjs";
import { DIALECTS } from "./lib/dialects.mjs";
import { OWNER_STYLES } from "./lib/cast.mjs";
import { cell } from "./lib/format.mjs";
import { Rng, subSeed } from "./lib/prng.mjs";
import { spell, translit } from "./lib/world.mjs";
import { sfId18 } from "./lib/ids.mjs";

/** Bumped whenever the output for the same arguments changes (the bench cache keys on it). */
export const GENERATOR_VERSION = 3;

// Slot markers: private-use characters that no real value holds.
const M = {
  ID: "\ue000", OWNER: "\ue001", TAX: "\ue002", TAX_BAD: "\ue003",
  TAIL: "\ue004", TAIL_UP: "\ue005", TAIL_LAT: "\ue006", DOMAIN: "\ue007", INITIALS: "\ue008",
  PHONE: 0xe010, // + 8 * phone slot (0, 1: company; 2: contact) + digit position (0..5)
};
const PHONE_DIGITS = 6;
const LETTERS = "АБВГДЕИКЛМНОПРСТФЮЯЭ";
const INITIALS = Array.from({ length: 400 }, (_, i) => `${LETTERS[i % 20]}.${LETTERS[Math.floor(i / 20)]}.`);
const POW10 = [1, 10, 100, 1000, 10000, 100000];
const TAILS = {
  ru: ["-Плюс", "-М", "-Групп", "-Урал", "-Сервис", "-Холдинг", " НПО", " ТД", "-Центр", "-Про", "-Инвест", "-Снаб", "-Трейд", "-Регион", "-Сибирь", "-Волга", "-Юг", "-Север", "-Техно", "-Строй"],
  ro: [" Prod", " Impex", " Group", " Com", " Serv", " Tech", " Trans", " Invest", " Construct", " Distribution", " Industrial", " Solutions"],
  en: [" Group", " Industries", " Partners", " Holdings", " Works", " Systems", " Supply", " Technologies", " Services", " Solutions", " International", " Manufacturing"],
};

function arg(name, fallback) {
  const i = process.argv.indexOf("--" + name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/** The company name's tail in pass `k`: none in the first pass, then a real-looking suffix. */
function tailOf(locale, k) {
  if (k === 0) return "";
  const list = TAILS[locale];
  const n = Math.floor((k - 1) / list.length);
  return list[(k - 1) % list.length] + (n === 0 ? "" : String(n + 1));
}

/** Puts the name-tail marker right after the company's core name, whichever spelling the row uses. */
function markName(name, c, row) {
  if (!name || !c) return name;
  const core = c.nm.core;
  if (c.nm.form === "ИП") {
    // A sole trader is a person: a pass gives the surname other initials, not a tail.
    const i = name.lastIndexOf(core), sp = core.lastIndexOf(" ");
    return i < 0 || sp < 0 ? name : name.slice(0, i + sp + 1) + M.INITIALS + name.slice(i + core.length);
  }
  for (const m of [M.TAIL, M.TAIL_UP, M.TAIL_LAT]) {
    const v = m === M.TAIL ? core : m === M.TAIL_UP ? core.toUpperCase() : translit(core);
    const i = name.lastIndexOf(v);
    if (i >= 0) return name.slice(0, i + v.length) + m + name.slice(i + v.length);
  }
  // A typo inside the core: what follows the core in the clean name follows it here too.
  const after = c.name.length - (c.name.indexOf(core) + core.length);
  if (row?.dupKind === "typo" && after >= 0 && after < name.length) return name.slice(0, name.length - after) + M.TAIL + name.slice(name.length - after);
  return name;
}

function markPhone(digits, slot) {
  if (!digits || digits.length <= PHONE_DIGITS + 2) return digits;
  let s = digits.slice(0, digits.length - PHONE_DIGITS);
  for (let i = 0; i < PHONE_DIGITS; i++) s += String.fromCharCode(M.PHONE + slot * 8 + i);
  return s;
}

/** Replaces the company's domain (and a public mailbox's local part) with a marked one. */
function markMail(s, c, marked) {
  if (!s) return s;
  if (c.domain && s.includes(c.domain)) return s.split(c.domain).join(marked);
  const at = s.indexOf("@");
  return at > 0 ? s.slice(0, at) + M.DOMAIN + s.slice(at) : s;
}

/** Marks every per-pass part of the pool's rows (companies first: rows share their objects). */
function markPool(rows) {
  const companies = new Set();
  for (const r of rows) if (r.company) companies.add(r.company);
  const domains = new Map();
  for (const c of companies) {
    if (c.domain) {
      const dot = c.domain.lastIndexOf(".");
      domains.set(c, c.domain.slice(0, dot) + M.DOMAIN + c.domain.slice(dot));
    }
  }
  const contacts = new Set();
  const markPerson = (p, c) => {
    if (!p || contacts.has(p)) return;
    contacts.add(p);
    p.phone = markPhone(p.phone, 2);
    if (c) p.email = markMail(p.email, c, domains.get(c));
  };
  for (const r of rows) {
    const c = r.company;
    if (r.kind !== "continuation") {
      r.exportId = M.ID;
      r.ownerSpelling = r.ownerKey ? M.OWNER : "";
    }
    if (!c) { markPerson(r.person, null); continue; }
    if (r.taxId && r.taxId === c.taxId) r.taxId = M.TAX;
    if (r.bad && "tax_id" in r.bad) r.bad.tax_id = M.TAX_BAD;
    if (r.phones) r.phones = r.phones.map((p, i) => markPhone(p, Math.min(i, 1)));
    if (r.emails) r.emails = r.emails.map((e) => markMail(e, c, domains.get(c)));
    if (r.website) r.website = markMail(r.website, c, domains.get(c));
    r.name = markName(r.name, c, r);
    if (r.longName) r.longName = markName(r.longName, c, r);
    if (r.name1C) r.name1C = markName(r.name1C, c, r);
    if (r.companyName) r.companyName = markName(r.companyName, c, r);
    markPerson(r.contact, c);
    markPerson(r.person, c);
  }
  // Continuation rows read the company's own tax id.
  for (const c of companies) if (c.taxId) c.taxId = M.TAX;
}

/** Splits a rendered line into literal parts and slot codes. */
function compile(line) {
  const parts = [], slots = [];
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charCodeAt(i);
    if (ch >= 0xe000 && ch <= 0xe0ff) {
      parts.push(line.slice(from, i));
      slots.push(ch);
      from = i + 1;
    }
  }
  parts.push(line.slice(from));
  return { parts, slots };
}

const INN10_W = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_W1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_W2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const CUI_KEY = [7, 5, 3, 2, 1, 7, 5, 3, 2];
function check(s, w) {
  let t = 0;
  for (let i = 0; i < w.length; i++) t += (s.charCodeAt(i) - 48) * w[i];
  return String((t % 11) % 10);
}
/** A valid tax id unique to `u` (a company in a pass): same region code as the pool's. */
function taxIdOf(locale, prefix, long, u) {
  if (locale === "ru") {
    if (long) { let b = prefix + String((u * 7654321 + 13) % 1e8).padStart(8, "0"); b += check(b, INN12_W1); return b + check(b, INN12_W2); }
    const b = prefix + String((u * 7654321 + 13) % 1e7).padStart(7, "0");
    return b + check(b, INN10_W);
  }
  const body = String(1000000 + ((u * 7919 + 13) % 48999999));
  const padded = body.padStart(9, "0");
  let t = 0;
  for (let i = 0; i < 9; i++) t += (padded.charCodeAt(i) - 48) * CUI_KEY[i];
  return body + String(((t * 10) % 11) % 10);
}

const SF_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
function idOf(dialect, serial, rng) {
  switch (dialect) {
    case "bitrix24": case "pipedrive": return String(serial);
    case "amocrm": return String(28400000 + serial * 7 + rng.int(0, 6));
    case "1c": return "00-" + String(serial).padStart(8, "0");
    case "hubspot": return String(9000000000 + serial * 1013 + rng.int(0, 999));
    case "salesforce": case "salesforce-dataloader": {
      let s = "", n = serial;
      for (let i = 0; i < 5; i++) { s = SF_CHARS[n % 62] + s; n = Math.floor(n / 62); }
      const id = "001Wj00000" + s;
      return dialect === "salesforce" ? id : sfId18(id);
    }
    case "zoho": return "zcrm_48768760000" + String(5000 + serial * 3).padStart(8, "0");
    default: return "";
  }
}

/**
 * Writes `rows` records of `dialect` to `out`. `encoding`: "native" keeps the dialect's code page
 * (Windows-1251 encoded a chunk at a time), "utf-8" writes UTF-8 (with a BOM where the dialect is
 * Russian: a Bitrix24 cloud portal writes UTF-8 with a BOM).
 */
export function generate({ rows, seed, dialect, out: out_, encoding = "native", pool: poolSize = 2000 }) {
  const d = DIALECTS[dialect];
  const n = Math.max(40, Math.min(poolSize, Math.ceil(rows / 1.05)));
  const p = prepareRows({ dialect, seed, n, asOf: "2026-11-01", file: "bench-pool", dupShare: 0.05, namesakes: Math.ceil(n / 200) });
  markPool(p.rows);
  const locale = d.locale;
  const delim = d.delimiter, width = d.header.length;
  const line = (cells) => cells.map((v) => cell(v, delim, d.quoteAll)).join(delim) + (d.trailingDelimiter ? delim : "") + d.eol;

  // Per pool row: template, owner, company number, tax id shape.
  const owners = [...p.byKey.keys()];
  const styles = OWNER_STYLES[dialect] ?? OWNER_STYLES.default;
  const styleNames = styles.map((s) => s[0]);
  const styleWeights = styles.map((s) => s[1]);
  const spellings = owners.map((k) => styleNames.map((s) => spell(p.byKey.get(k).person, s)));
  const companySeq = new Map();
  const taxShape = new Map();
  const templates = [];
  for (const r of p.rows) {
    const t = compile(line(recordCells(d, dialect, r, p.ctx, width)));
    const c = r.company;
    if (c && !companySeq.has(c)) {
      companySeq.set(c, companySeq.size);
      taxShape.set(c, { long: c.nm.form === "ИП", prefix: locale === "ru" ? (c.region.inn ?? "66") : "" });
    }
    t.record = r.kind !== "continuation";
    t.owner = r.ownerKey ? owners.indexOf(r.ownerKey) : -1;
    t.seq = c ? companySeq.get(c) : -1;
    t.tax = c ? taxShape.get(c) : null;
    templates.push(t);
  }
  // Companies-less rows (people of their own) get numbers after the companies'.
  let extra = companySeq.size;
  for (const t of templates) if (t.seq < 0) t.seq = extra++;
  const perPass = extra;

  const rng = new Rng(subSeed(seed, dialect + ":bench-rows"));
  const utf8 = encoding === "utf-8" || d.encoding !== "windows-1251";
  const enc = (str) => (utf8 ? Buffer.from(str, "utf8") : iconv.encode(str, "win1251"));
  // Everything is encoded once up front: the hot loop only copies bytes into one 1 MB buffer.
  for (const t of templates) {
    t.parts = t.parts.map(enc);
    t.slots = Uint16Array.from(t.slots);
  }
  const ownerBytes = spellings.map((list) => list.map(enc));
  const initials = INITIALS.map(enc);
  const CHUNK = 1 << 20;
  const out = Buffer.allocUnsafe(CHUNK + (1 << 16));
  let pos = 0;
  const fd = openSync(out_, "w");
  const flush = () => {
    if (pos > 0) writeSync(fd, out, 0, pos);
    pos = 0;
  };
  const put = (b) => {
    if (b.length < 24) for (let i = 0; i < b.length; i++) out[pos++] = b[i];
    else { out.set(b, pos); pos += b.length; }
  };
  const putAscii = (str) => {
    for (let i = 0; i < str.length; i++) out[pos++] = str.charCodeAt(i);
  };
  if (utf8 && (d.bom || locale === "ru")) put(Buffer.from("\ufeff", "utf8"));
  put(enc(line(d.header)));

  let written = 0, serial = dialect === "bitrix24" ? 11 : dialect === "pipedrive" ? 101 : 1000;
  const phone = [0, 0, 0];
  let totalW = 0;
  for (const w of styleWeights) totalW += w;
  for (let k = 0; written < rows; k++) {
    const tailStr = tailOf(locale, k);
    const tail = enc(tailStr), tailUp = enc(tailStr.toUpperCase()), tailLat = enc(translit(tailStr));
    const domainTail = enc(translit(tailStr).toLowerCase().replace(/[^a-z0-9]+/g, ""));
    for (let j = 0; j < templates.length && written < rows; j++) {
      const t = templates[j];
      const u = k * perPass + t.seq;
      let id = "", owner = null, tax = "";
      if (t.record) {
        serial += dialect === "bitrix24" ? rng.int(1, 4) : 1;
        written++;
      }
      const parts = t.parts, slots = t.slots;
      put(parts[0]);
      for (let i = 0; i < slots.length; i++) {
        const m = slots[i];
        switch (m) {
          case 0xe000: putAscii(id || (id = idOf(dialect, serial, rng))); break;
          case 0xe001: {
            if (!owner) {
              let x = rng.float() * totalW, si = 0;
              while (si < styleWeights.length - 1 && (x -= styleWeights[si]) >= 0) si++;
              owner = ownerBytes[t.owner][si];
            }
            put(owner);
            break;
          }
          case 0xe002: putAscii(tax || (tax = taxIdOf(locale, t.tax.prefix, t.tax.long, u))); break;
          case 0xe003: {
            const x = tax || (tax = taxIdOf(locale, t.tax.prefix, t.tax.long, u));
            putAscii(x.slice(0, -1));
            out[pos++] = 48 + ((x.charCodeAt(x.length - 1) - 47) % 10);
            break;
          }
          case 0xe004: put(tail); break;
          case 0xe005: put(tailUp); break;
          case 0xe006: put(tailLat); break;
          case 0xe007: put(domainTail); break;
          case 0xe008: put(initials[(k * 37 + t.seq) % 400]); break;
          default: {
            // Six digits unique to (company in this pass, phone slot), most significant first.
            const slot = (m - M.PHONE) >> 3, at = (m - M.PHONE) & 7;
            if (at === 0) phone[slot] = ((u * 3 + slot) * 480287 + 104729) % 1e6;
            out[pos++] = 48 + (Math.floor(phone[slot] / POW10[PHONE_DIGITS - 1 - at]) % 10);
          }
        }
        put(parts[i + 1]);
      }
      if (pos > CHUNK) flush();
    }
  }
  if (d.trailer) {
    let tail = "\n";
    for (const t of trailerLines(written)) tail += cell(t, delim, true) + d.eol;
    put(enc(tail));
  }
  flush();
  closeSync(fd);
  return { rows: written, poolRows: templates.length, perPass };
}

if (process.argv[1] && process.argv[1].endsWith("gen-export.mjs")) {
  try {
    const rows = Number(arg("rows", "300000"));
    const seed = Number(arg("seed", "1"));
    const dialect = arg("dialect", "bitrix24");
    const out = arg("out");
    const encoding = arg("encoding", "native");
    if (!out || !DIALECTS[dialect] || !(rows > 0) || !["native", "utf-8"].includes(encoding)) {
      throw new Error("usage: gen-export.mjs --rows N --seed S --dialect " + Object.keys(DIALECTS).join("|") + " --out FILE [--encoding native|utf-8]");
    }
    generate({ rows, seed, dialect, out, encoding });
  } catch (err) {
    process.stderr.write(String(err?.message ?? err) + "\n");
    process.exit(1);
  }
}
