// The planted truth: a client base of an industrial-equipment seller (companies, their duplicates,
// namesakes, dead souls, owners) as dialect-free rows that the dialect writers turn into exports.
import * as T from "./tables.mjs";
import { inn10, inn12, kpp, cui, breakInn } from "./ids.mjs";

export const DAY = 86400000;

const TRANSLIT = { а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m", н: "n",
  о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya" };
const RO_ASCII = { ă: "a", â: "a", î: "i", ș: "s", ş: "s", ț: "t", ţ: "t" };

/** Cyrillic → Latin as a Russian company writes its own domain or English name (BGN-like). */
export function translit(s) {
  let out = "";
  for (const ch of s) {
    const lower = ch.toLowerCase();
    const t = TRANSLIT[lower] ?? RO_ASCII[lower];
    if (t === undefined) out += ch;
    else out += ch === lower ? t : t.charAt(0).toUpperCase() + t.slice(1);
  }
  return out;
}

function slug(s) {
  return translit(s).toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/** A person of the locale: parts kept apart so that each CRM can spell the name its own way. */
export function makePerson(rng, locale) {
  if (locale === "ru") {
    const female = rng.chance(0.35);
    const last = rng.pick(T.RU_MALE.last);
    return { locale, female, first: rng.pick(female ? T.RU_FEMALE.first : T.RU_MALE.first),
      last: female ? (last.endsWith("ий") ? last.slice(0, -2) + "ая" : last + "а") : last,
      patr: rng.pick(female ? T.RU_FEMALE.patr : T.RU_MALE.patr) };
  }
  const names = locale === "ro" ? T.RO_NAMES : T.EN_NAMES;
  return { locale, female: false, first: rng.pick(names.first), last: rng.pick(names.last), patr: "" };
}

/** The ways one person's name is spelled in CRMs. */
export function spell(p, style) {
  switch (style) {
    case "last_first": return `${p.last} ${p.first}`;
    case "first_last": return `${p.first} ${p.last}`;
    case "initials": return p.patr ? `${p.last} ${p.first[0]}.${p.patr[0]}.` : `${p.last} ${p.first[0]}.`;
    case "full": return p.patr ? `${p.last} ${p.first} ${p.patr}` : `${p.first} ${p.last}`;
    default: throw new Error(style);
  }
}

function emailLocal(p) {
  return (slug(p.first).slice(0, 1) + "." + slug(p.last)).replace(/'/g, "");
}

function pickRegion(rng, locale) {
  const list = locale === "ru" ? T.RU_REGIONS : locale === "ro" ? T.RO_COUNTIES : T.US_STATES;
  return rng.weighted(list.map((r) => [r, r.weight]));
}

function place(rng, locale, region) {
  if (locale === "ru") {
    const [city, area, post] = rng.pick(region.cities);
    return { city, area, postcode: post + String(rng.int(0, 99)).padStart(3, "0"), street: rng.pick(T.RU_STREETS), house: String(rng.int(1, 120)) };
  }
  if (locale === "ro") {
    return { city: rng.pick(region.cities), area: region.phone, postcode: region.post + String(rng.int(0, 999)).padStart(3, "0"),
      street: rng.pick(T.RO_STREETS), house: String(rng.int(1, 90)) };
  }
  const [city, area, zip] = rng.pick(region.cities);
  return { city, area, postcode: zip, street: rng.pick(T.US_STREETS), house: String(rng.int(100, 9800)) };
}

/** A landline of the place, as national digits without the trunk prefix. */
function landline(rng, locale, area) {
  if (locale === "ru") return area + rng.digits(10 - area.length);
  if (locale === "ro") return area + rng.digits(9 - area.length);
  return area + "555" + rng.digits(4);
}
function mobile(rng, locale) {
  if (locale === "ru") return "9" + rng.pick(["12", "22", "02", "04", "08", "15", "26", "50", "61", "82"]) + rng.digits(7);
  if (locale === "ro") return "7" + rng.pick(["22", "23", "40", "44", "45", "55", "88"]) + rng.digits(6);
  return rng.pick(["312", "630", "773", "216"]) + "555" + rng.digits(4);
}


function uniqueCore(rng, world, make) {
  for (let i = 0; i < 50; i++) {
    const c = make();
    if (!world.cores.has(c)) { world.cores.add(c); return c; }
  }
  // Real bases run out of roots too: companies then add a tail word to a taken name.
  const tails = world.locale === "ru" ? ["-Плюс", "-М", "-Групп", "-Урал", "-Сервис", "-2000", "-Холдинг", " НПО", " ТД"] : world.locale === "ro" ? [" Prod", " Impex", " Group", " Com", " Serv"] : [" Group", " Industries", " Partners", " Holdings", " Works"];
  for (let i = 0; i < 200; i++) {
    const c = make() + rng.pick(tails);
    if (!world.cores.has(c)) { world.cores.add(c); return c; }
  }
  const c = make() + " " + world.cores.size;
  world.cores.add(c);
  return c;
}

function ruName(rng, world, industry, owner) {
  const form = rng.weighted(T.RU_FORMS.map((f) => [f, f.weight]));
  if (form.short === "ИП") {
    return { form: form.short, formLong: form.long, core: `${owner.last} ${owner.first[0]}.${owner.patr[0]}.`, coreLong: `${owner.last} ${owner.first} ${owner.patr}`, quotes: "" };
  }
  const core = uniqueCore(rng, world, () => {
    const r = rng.float();
    if (r < 0.35) return rng.pick(industry.ruStems);
    if (r < 0.5 && form.short !== "ООО") return rng.pick(T.RU_PLANT);
    const p = rng.pick(T.RU_PREFIX), s = rng.pick(T.RU_SUFFIX);
    return p + s;
  });
  return { form: form.short, formLong: form.long, core, coreLong: core, quotes: rng.chance(0.6) ? "\"\"" : "«»" };
}

function roName(rng, world, industry) {
  const form = rng.weighted(T.RO_FORMS);
  const core = uniqueCore(rng, world, () => rng.chance(0.5) ? `${rng.pick(T.RO_PREFIX)} ${rng.pick(industry.roStems)}` : `${rng.pick(industry.roStems)} ${rng.pick(T.RO_PREFIX)}`);
  return { form, core };
}

function enName(rng, world, industry) {
  const form = rng.weighted(T.EN_FORMS);
  const core = uniqueCore(rng, world, () => `${rng.pick(T.EN_PREFIX)} ${rng.pick(industry.enStems)}`);
  return { form, core };
}

/** The company's name as its own documents write it (short legal form). */
export function displayName(c, variant = "short") {
  if (c.locale === "ru") {
    const n = c.nm;
    if (n.form === "ИП") return variant === "long" ? `${n.formLong} ${n.coreLong}` : `ИП ${n.core}`;
    const q = n.quotes || "\"\"";
    if (variant === "long") return `${n.formLong} ${q[0]}${n.core}${q[1]}`;
    if (variant === "bare") return n.core;
    return `${n.form} ${q[0]}${n.core}${q[1]}`;
  }
  if (c.locale === "ro") {
    const { form, core } = c.nm;
    if (variant === "bare") return core;
    if (form === "SC_SRL") return variant === "long" ? `S.C. ${core} S.R.L.` : `SC ${core} SRL`;
    if (variant === "long") return `${core} ${form === "SRL" ? "S.R.L." : form === "SA" ? "S.A." : "P.F.A."}`;
    return `${core} ${form}`;
  }
  const { form, core } = c.nm;
  if (variant === "bare") return core;
  if (variant === "long") return `${core}, ${{ "Inc.": "Incorporated", LLC: "L.L.C.", "Corp.": "Corporation", "Co.": "Company", "Ltd.": "Limited" }[form]}`;
  return `${core} ${form}`;
}

/** Days before as-of, with a working-hours time of day, as a UTC timestamp. */
export function stamp(rng, asOf, daysBefore) {
  return asOf - daysBefore * DAY + (rng.int(8, 19) * 3600 + rng.int(0, 59) * 60 + rng.int(0, 59)) * 1000;
}

/**
 * Builds the base. `spec`: {locale, n, asOf (UTC ms), managers: [{key, person, share, coldBias, spellings: [[style, w]]}],
 * unowned, dupShare, multiOwnerShare, namesakes, branches, contactShare}.
 */
export function buildWorld(rng, spec) {
  const world = { cores: new Set(), companies: [], rows: [], locale: spec.locale };
  const { locale, asOf } = spec;
  const ownerPool = spec.managers.filter((m) => m.share > 0).map((m) => [m, m.share]);
  let seq = 0;
  for (let i = 0; i < spec.n; i++) world.companies.push(makeCompany(rng, world, spec, ownerPool, ++seq));

  // Namesakes: the same name in another city under another tax id — a different company.
  for (let k = 0; k < (spec.namesakes ?? 0); k++) {
    const src = world.companies[rng.int(0, world.companies.length - 1)];
    const c = makeCompany(rng, world, spec, ownerPool, ++seq, src);
    world.companies.push(c);
  }

  for (const c of world.companies) {
    world.rows.push(baseRow(c, "original"));
    if (c.branch) world.rows.push({ kind: "continuation", company: c, parent: world.rows[world.rows.length - 1], kpp: c.branchKpp, created: c.created + 1 });
  }
  // Duplicates: the same company entered again later, spelled otherwise, often by someone else.
  const nd = Math.round(spec.n * (spec.dupShare ?? 0.06));
  const pickable = world.companies.filter((c) => !c.namesakeOf && c.nm.form !== "ИП");
  rng.shuffle(pickable);
  const kinds = ["long_form", "bare", "typo", "phone_only", "caps", "translit", "missing"];
  for (let k = 0; k < nd && k < pickable.length; k++) {
    const c = pickable[k];
    const kind = kinds[k % kinds.length];
    world.rows.push(duplicateRow(rng, c, kind, spec, ownerPool));
    if (k % 9 === 4) world.rows.push(duplicateRow(rng, c, kinds[(k + 3) % kinds.length], spec, ownerPool));
  }
  world.rows.sort((a, b) => a.created - b.created);
  return world;
}

function makeCompany(rng, world, spec, ownerPool, seq, namesakeOf) {
  const { locale, asOf } = spec;
  const industry = namesakeOf ? namesakeOf.industry : rng.weighted(T.INDUSTRIES.map((x) => [x, x.weight]));
  let region = pickRegion(rng, locale);
  if (namesakeOf) while (region === namesakeOf.region) region = pickRegion(rng, locale);
  const pl = place(rng, locale, region);
  const unowned = rng.chance(spec.unowned ?? 0.05);
  const ownerM = unowned ? null : rng.weighted(ownerPool);
  const founder = makePerson(rng, locale);
  const c = { cluster: "K" + String(seq).padStart(4, "0"), locale, country: locale === "ru" ? "RU" : locale === "ro" ? "RO" : "US", industry, region, ...pl, namesakeOf: namesakeOf?.cluster };
  if (namesakeOf) c.nm = namesakeOf.nm;
  else if (locale === "ru") c.nm = ruName(rng, world, industry, founder);
  else if (locale === "ro") c.nm = roName(rng, world, industry);
  else c.nm = enName(rng, world, industry);
  c.name = displayName(c);
  if (locale === "ru") {
    c.taxId = c.nm.form === "ИП" ? inn12(rng, region.inn) : inn10(rng, region.inn);
    c.kpp = c.nm.form === "ИП" ? "" : kpp(rng, region.inn, false);
    c.branch = c.nm.form !== "ИП" && rng.chance(spec.branches ?? 0);
    if (c.branch) c.branchKpp = kpp(rng, region.inn, true);
  } else if (locale === "ro") {
    c.taxId = cui(rng);
    c.regCom = `${region.reg}/${rng.int(100, 9999)}/${rng.int(1991, 2022)}`;
  } else c.taxId = "";
  c.phones = [landline(rng, locale, pl.area)];
  if (rng.chance(0.35)) c.phones.push(rng.chance(0.5) ? mobile(rng, locale) : landline(rng, locale, pl.area));
  const dom = slug(c.nm.form === "ИП" ? c.nm.core.split(" ")[0] + "-" + c.nm.core.split(" ")[1] : c.nm.core).slice(0, 18) + (namesakeOf ? String(rng.int(1, 9)) : "");
  const tld = locale === "ru" ? rng.pick([".ru", ".ru", ".ru", ".com", ".su"]) : locale === "ro" ? ".ro" : rng.pick([".com", ".com", ".net"]);
  c.domain = rng.chance(locale === "ru" && c.nm.form === "ИП" ? 0.1 : 0.75) ? dom + tld : "";
  const pub = locale === "ru" ? T.RU_PUBLIC_MAIL : locale === "ro" ? T.RO_PUBLIC_MAIL : T.EN_PUBLIC_MAIL;
  c.website = c.domain && rng.chance(0.85) ? rng.pick(["https://", "http://www.", "www.", ""]) + c.domain + rng.pick(["", "", "/"]) : "";
  c.emails = [];
  if (c.domain) {
    c.emails.push(rng.pick(locale === "ru" ? ["info", "info", "office", "sales", "zakupki", "snab"] : locale === "ro" ? ["office", "contact", "office", "achizitii"] : ["info", "sales", "office"]) + "@" + c.domain);
  } else if (rng.chance(0.7)) c.emails.push(dom.slice(0, 10) + (rng.chance(0.5) ? region.inn ?? rng.int(1, 99) : "") + "@" + rng.pick(pub));
  c.employees = Math.round(rng.logUniform(4, 3000));
  c.annualRevenue = Math.round(rng.logUniform(3e6, 4e9) / (locale === "ru" ? 1 : 60) / 1000) * 1000;
  c.ownerKey = ownerM ? ownerM.key : "";
  c.ownerM = ownerM;
  // Temperature as planted; what an export shows of it is decided by each dialect.
  const coldBias = ownerM?.coldBias ?? 0;
  c.temp = rng.weighted([["hot", 32 * (1 - coldBias)], ["warm", 43 * (1 - coldBias)], ["cold", 25 + 75 * coldBias]]);
  // Most managers' cold clients are fresh leads; the hoarder's are old names nobody calls.
  c.createdDays = c.temp === "cold" && !coldBias && rng.chance(0.6) ? rng.int(10, 85) : rng.int(20, 3200);
  if (c.temp === "hot") {
    c.createdDays = Math.max(c.createdDays, 200);
    c.dealsWon = rng.int(1, 14);
    c.revenueWon = Math.round(rng.logUniform(2e5, 6e7) / (locale === "ru" ? 1 : 60) * 100) / 100;
    c.lastPurchaseDays = rng.int(5, Math.min(c.createdDays - 10, 900));
    c.lastActivityDays = rng.chance(0.9) ? rng.int(1, Math.min(c.lastPurchaseDays + 60, 500)) : null;
    c.activityCount = c.lastActivityDays === null ? 0 : rng.int(3, 90);
  } else if (c.temp === "warm") {
    c.dealsWon = 0; c.revenueWon = 0; c.lastPurchaseDays = null;
    c.lastActivityDays = rng.int(2, Math.min(c.createdDays, 720));
    c.activityCount = rng.int(1, 25);
  } else {
    c.dealsWon = 0; c.revenueWon = 0; c.lastPurchaseDays = null; c.lastActivityDays = null; c.activityCount = 0;
  }
  c.created = stamp(rng, asOf, c.createdDays);
  c.lastActivity = c.lastActivityDays === null ? null : stamp(rng, asOf, c.lastActivityDays);
  c.lastPurchase = c.lastPurchaseDays === null ? null : stamp(rng, asOf, c.lastPurchaseDays);
  c.stage = c.temp === "hot" ? "customer" : c.temp === "warm" ? rng.weighted([["opportunity", 3], ["sql", 3], ["mql", 2], ["lead", 2]]) : rng.weighted([["lead", 5], ["subscriber", 2], ["none", 3]]);
  c.motivation = rng.weighted(T.MOTIVATION_WEIGHTS);
  const notes = T.NOTES[locale];
  c.note = c.motivation === "unknown" ? (rng.chance(0.5) ? rng.pick(notes.unknown) : "") : rng.pick(notes[c.motivation]);
  // The hoarder's cold clients are mostly names with nobody behind them.
  const contactShare = c.temp === "cold" && coldBias > 0 ? 0.2 : spec.contactShare ?? 0.6;
  if (rng.chance(contactShare)) {
    const p = makePerson(rng, locale);
    const kind = rng.weighted([["decision_maker", 4], ["chooser", 3], ["buyer", 4]]);
    p.kind = kind;
    p.role = rng.pick(T.ROLES[locale][kind]);
    p.phone = mobile(rng, locale);
    p.email = c.domain && rng.chance(0.7) ? emailLocal(p) + "@" + c.domain : "";
    c.contact = p;
  } else c.contact = null;
  c.seq = seq;
  return c;
}

function baseRow(c, variant) {
  return {
    kind: "company", variant, company: c, cluster: c.cluster,
    name: c.name, nameVariant: "short", taxId: c.taxId, kpp: c.kpp ?? "", phones: c.phones.slice(), phoneStyle: 0,
    emails: c.emails.slice(), website: c.website, ownerKey: c.ownerKey, ownerStyle: null,
    created: c.created, lastActivity: c.lastActivity, activityCount: c.activityCount, dealsWon: c.dealsWon,
    revenueWon: c.revenueWon, lastPurchase: c.lastPurchase, stage: c.stage, note: c.note, contact: c.contact,
    employees: c.employees, annualRevenue: c.annualRevenue, industry: true, address: true, bad: {},
  };
}

function typo(rng, s) {
  // A dropped or doubled letter inside the longest word: the kind a hurried manager makes.
  const words = s.split(" ");
  let wi = 0;
  for (let i = 1; i < words.length; i++) if (words[i].length > words[wi].length) wi = i;
  const w = words[wi];
  const i = rng.int(2, Math.max(2, w.length - 3));
  words[wi] = rng.chance(0.5) ? w.slice(0, i) + w.slice(i + 1) : w.slice(0, i) + w[i] + w.slice(i);
  return words.join(" ");
}

function duplicateRow(rng, c, kind, spec, ownerPool) {
  const r = baseRow(c, "duplicate:" + kind);
  r.dupKind = kind;
  const cn = c.nm;
  if (kind === "long_form") r.name = displayName(c, "long");
  else if (kind === "bare") r.name = displayName(c, "bare");
  else if (kind === "typo") r.name = typo(rng, c.name);
  else if (kind === "caps") r.name = c.name.toUpperCase();
  else if (kind === "translit") r.name = c.locale === "ru" ? `${translit(cn.core)} ${cn.form === "ООО" ? "LLC" : cn.form === "АО" || cn.form === "ПАО" ? "JSC" : "CJSC"}` : translit(c.name);
  r.phoneStyle = 1 + rng.int(0, 2);
  if (kind === "phone_only" || kind === "typo" || kind === "translit") r.taxId = rng.chance(0.5) ? c.taxId : "";
  if (kind === "missing") { r.emails = []; r.website = ""; r.phones = r.phones.slice(0, 1); }
  if (rng.chance(0.4)) r.website = "";
  if (rng.chance(0.3)) r.emails = [];
  // Someone else's entry: multi-owner when another manager owns it.
  const other = rng.float();
  if (other < (spec.multiOwnerShare ?? 0.3)) {
    let m = rng.weighted(ownerPool);
    if (m.key === c.ownerKey) m = rng.weighted(ownerPool);
    r.ownerKey = m.key;
  } else if (other < (spec.multiOwnerShare ?? 0.3) + 0.1) r.ownerKey = "";
  const later = rng.int(10, Math.max(11, Math.floor(c.createdDays * 0.8)));
  r.created = c.created + later * DAY;
  // The duplicate's own history: fewer touches, rarely a purchase of its own.
  r.dealsWon = 0; r.revenueWon = 0; r.lastPurchase = null;
  r.activityCount = c.activityCount > 0 && rng.chance(0.5) ? rng.int(1, 5) : 0;
  r.lastActivity = r.activityCount > 0 ? c.lastActivity : null;
  r.stage = c.stage === "customer" ? "lead" : c.stage;
  r.note = "";
  r.contact = null;
  r.industry = rng.chance(0.5);
  r.employees = rng.chance(0.5) ? c.employees : null;
  r.annualRevenue = null;
  return r;
}
