// The industry segmenter: a NACE Rev.2 section from an OKVED 2 / CAEN / NACE / NAICS / SIC code, else the industry text, else the name.
import { z } from "zod";
import { say, type Phrase } from "../i18n.js";
import type { Client, Lang } from "../types.js";
import { countryOf, foldGeo } from "../geo/index.js";
import { DIVISION_TITLES, SECTIONS, sectionOfDivision, sectionTitle, type Section } from "./data/nace.js";
import { AMBIGUOUS_PICKLISTS, PICKLISTS, STEMS } from "./data/industry-words.js";
import { NAICS_GROUPS, NAICS_SECTORS, NAICS_SUBSECTORS, SIC_GROUPS, SIC_MAJOR_GROUPS } from "./data/us-codes.js";
import { defineSegmenter, type SegmenterContext } from "./define.js";
import { compileTemplate } from "./words.js";

export const industryOptions = z.strictObject({
  /** How a bare 4-digit code (and a 2-digit one) is read: `auto` (NACE, or SIC/NAICS for US clients and US CRMs), or one system. */
  codeSystem: z.enum(["auto", "nace", "naics", "sic"]).default("auto"),
  /** Extra stems per section (`{"C": ["гальван", "anodiz"]}`), matched like the built-in ones and before them. */
  keywords: z.partialRecord(z.enum(SECTIONS), z.array(z.string())).default({}),
});
export type IndustryOptions = z.infer<typeof industryOptions>;

const P = {
  code: { en: "code {code}, division {div} → {s}", ru: "код {code}, класс {div} → {s}", ro: "cod {code}, diviziunea {div} → {s}" },
  naics: { en: "NAICS {code} → {s}", ru: "NAICS {code} → {s}", ro: "NAICS {code} → {s}" },
  sic: { en: "SIC {code} → {s}", ru: "SIC {code} → {s}", ro: "SIC {code} → {s}" },
  value: { en: "industry \"{value}\" → {s}", ru: "отрасль «{value}» → {s}", ro: "activitatea „{value}” → {s}" },
  words: { en: "words {words} → {s}", ru: "слова {words} → {s}", ro: "cuvintele {words} → {s}" },
  name: { en: "name words {words} → {s}", ru: "слова названия {words} → {s}", ro: "cuvintele din denumire {words} → {s}" },
  noSection: { en: "industry \"{value}\" names no section", ru: "отрасль «{value}» не указывает раздел", ro: "activitatea „{value}” nu indică o secțiune" },
  unknown: { en: "no industry code, industry text or telling name", ru: "нет кода ОКВЭД, описания отрасли или говорящего названия", ro: "niciun cod CAEN, descriere a activității sau denumire grăitoare" },
} satisfies Record<string, Phrase>;

type System = "nace" | "naics" | "sic";
interface CodeHit { section: Section; system: System; code: string; division: string }

// One precompiled pattern: an optional system word, an optional section letter, then the digits.
const CODE = /(?:^|[^\p{L}\p{N}.])(?:(оквэд\s*2?|okved\s*2?|caen|nace|naics|sic)\s*(?:code|код|cod)?\s*[:№#-]?\s*)?(?:([A-Ua-u])\s?)?(\d{2})((?:\.\d{1,2}){0,2}|\d{1,4})(?![\p{N}.]?\d)/u;
const SYSTEM_WORD: Record<string, System> = { оквэд: "nace", okved: "nace", caen: "nace", nace: "nace", naics: "naics", sic: "sic" };

/** Reads the first industry code of a text. `textOnly`: in free text a bare number counts only when dotted or named. */
export function readCode(text: string, fallback: System, textOnly: boolean): CodeHit | null {
  const m = CODE.exec(text.toLowerCase());
  if (!m) return null;
  const named = m[1] ? SYSTEM_WORD[m[1].replace(/[\s2]/g, "")] : undefined;
  const letter = m[2];
  const two = m[3]!;
  const rest = m[4] ?? "";
  const dotted = rest.startsWith(".");
  const code = (letter ? letter.toUpperCase() : "") + two + rest;
  if (textOnly && !named && !dotted && !letter && text.trim() !== two + rest) return null;
  const digits = two + rest.replace(/\./g, "");
  let system: System = named ?? (dotted || letter ? "nace" : fallback);
  // Five or six digits are NAICS whatever the fallback; NACE classes stop at four.
  if (!named && !dotted && !letter && digits.length >= 5) system = "naics";
  if (system === "sic" && digits.length !== 4 && digits.length !== 3 && digits.length !== 2) system = "nace";
  if (system === "naics") {
    const section = NAICS_GROUPS[digits.slice(0, 4)] ?? NAICS_SUBSECTORS[digits.slice(0, 3)] ?? NAICS_SECTORS[two];
    if (section) return { section, system, code, division: two };
    if (named) return null;
    system = "nace";
  }
  if (system === "sic") {
    const section = SIC_GROUPS[digits.slice(0, 3)] ?? SIC_MAJOR_GROUPS[two];
    if (section) return { section, system, code, division: two };
    if (named) return null;
    system = "nace";
  }
  const section = sectionOfDivision(Number(two));
  if (!section || (letter && letter.toUpperCase() !== section)) return null;
  return { section, system: "nace", code, division: two };
}

interface TextHit { section: Section | ""; words: string[] }

/** Stems indexed by their text: whole-word, prefix (tried longest first) and phrase stems. */
class StemIndex {
  private exact = new Map<string, Section>();
  private prefix = new Map<string, Section>();
  /** A phrase, its section, and the phrase after a space (how it is looked for). */
  private phrases: Array<[string, Section, string]> = [];
  private minLen = 99;
  private maxLen = 0;
  private wordCache = new Map<string, { section: Section; stem: string } | null>();

  add(section: Section, stem: string): void {
    const whole = stem.startsWith("=");
    const s = foldGeo(whole ? stem.slice(1) : stem);
    if (!s) return;
    if (s.includes(" ")) this.phrases.push([s, section, " " + s]);
    else if (whole) { if (!this.exact.has(s)) this.exact.set(s, section); }
    else if (!this.prefix.has(s)) {
      this.prefix.set(s, section);
      this.minLen = Math.min(this.minLen, s.length);
      this.maxLen = Math.max(this.maxLen, s.length);
    }
  }

  private word(w: string): { section: Section; stem: string } | null {
    let hit = this.wordCache.get(w);
    if (hit !== undefined) return hit;
    hit = null;
    const e = this.exact.get(w);
    if (e) hit = { section: e, stem: w };
    else {
      for (let len = Math.min(w.length, this.maxLen); len >= this.minLen; len--) {
        const s = this.prefix.get(w.slice(0, len));
        if (s) { hit = { section: s, stem: w.slice(0, len) }; break; }
      }
    }
    if (this.wordCache.size < 200_000) this.wordCache.set(w, hit);
    return hit;
  }

  /**
   * The section with most hits in a folded text (a tie: the one hit first), with the words that hit. Called for
   * each client whose name is read: the hits go into two small lists, no map or closure per call.
   */
  match(folded: string): TextHit | null {
    const sections: Section[] = [];
    const hits: string[] = [];
    if (this.phrases.length) {
      const padded = " " + folded + " ";
      for (const [p, s, spaced] of this.phrases) {
        if (padded.includes(spaced)) {
          sections.push(s);
          hits.push(p);
        }
      }
    }
    for (const w of folded.split(" ")) {
      if (!w) continue;
      const h = this.word(w);
      if (h) {
        sections.push(h.section);
        hits.push(w);
      }
    }
    if (!sections.length) return null;
    if (sections.length === 1) return { section: sections[0]!, words: hits };
    // Sections in the order first hit; the first with most hits wins.
    let best = sections[0]!;
    let bestCount = 0;
    for (let i = 0; i < sections.length; i++) {
      const s = sections[i]!;
      if (sections.indexOf(s) !== i) continue;
      let count = 0;
      for (let j = i; j < sections.length; j++) if (sections[j] === s) count++;
      if (count > bestCount) {
        best = s;
        bestCount = count;
      }
    }
    return { section: best, words: hits.filter((_, i) => sections[i] === best) };
  }
}

const BUILT_IN = new StemIndex();
for (const section of SECTIONS) for (const stem of STEMS[section].split("|")) BUILT_IN.add(section, stem);

/** Folded picklist values and official section / division titles (en, ru, ro) → section. */
const VALUES = new Map<string, Section | "">();
for (const [section, value] of PICKLISTS) if (!VALUES.has(foldGeo(value))) VALUES.set(foldGeo(value), section);
for (const section of SECTIONS) for (const lang of ["en", "ru", "ro"] as const) VALUES.set(foldGeo(sectionTitle(section, lang)), section);
for (const [div, titles] of Object.entries(DIVISION_TITLES)) {
  const section = sectionOfDivision(Number(div));
  if (section) for (const t of titles) if (!VALUES.has(foldGeo(t))) VALUES.set(foldGeo(t), section);
}

const AMBIGUOUS = new Map(AMBIGUOUS_PICKLISTS.map(([value, sections]) => [foldGeo(value), sections]));

const US_DIALECTS = new Set(["salesforce", "hubspot", "zoho", "pipedrive"]);
const LEGAL_QUOTES = /[«»"“”„'`]/g;

/** What the industry of one client is and why. */
export interface IndustryVerdict { label: Section | "unknown"; reason: string }

/** Builds the per-client classifier once per run (caches per distinct code and text). */
export function createIndustryClassifier(options: Partial<IndustryOptions>, ctx: Pick<SegmenterContext, "lang" | "dialect" | "defaultCountry">): (client: Client) => IndustryVerdict {
  const lang: Lang = ctx.lang;
  const chosen = options.codeSystem ?? "auto";
  const usRun = countryOf(ctx.defaultCountry) === "US" || (!ctx.defaultCountry && US_DIALECTS.has(ctx.dialect) && lang === "en");
  // Per distinct industry value: its ambiguous-picklist candidates (folding each value once).
  const ambiguousCache = new Map<string, readonly Section[] | null>();
  const ambiguousOf = (industry: string): readonly Section[] | undefined => {
    let c = ambiguousCache.get(industry);
    if (c === undefined) {
      c = AMBIGUOUS.get(foldGeo(industry)) ?? null;
      if (ambiguousCache.size < 500_000) ambiguousCache.set(industry, c);
    }
    return c ?? undefined;
  };
  const fillName = compileTemplate(P.name[lang]);
  const fillValue = compileTemplate(P.value[lang]);
  const unknownVerdict: IndustryVerdict = { label: "unknown", reason: say(lang, P.unknown) };
  const ambiguousVerdicts = new Map<string, IndustryVerdict>();
  const fallbackOf = (client: Client): System => {
    if (chosen !== "auto") return chosen;
    const c = countryOf(client.values.country);
    if (c === "US") return "sic";
    if (c) return "nace";
    return usRun ? "sic" : "nace";
  };

  let extra: StemIndex | null = null;
  for (const [section, stems] of Object.entries(options.keywords ?? {})) {
    for (const stem of stems ?? []) (extra ??= new StemIndex()).add(section as Section, stem);
  }
  const matchText = (folded: string): TextHit | null => extra?.match(folded) ?? BUILT_IN.match(folded);

  const fromCode = (hit: CodeHit): IndustryVerdict => {
    const s = hit.section;
    const phrase = hit.system === "naics" ? P.naics : hit.system === "sic" ? P.sic : P.code;
    return { label: s, reason: say(lang, phrase, { code: hit.code, div: hit.division, s }) };
  };

  const codeCache = new Map<string, IndustryVerdict | null>();
  const textCache = new Map<string, IndustryVerdict | null>();

  const byText = (raw: string, fallback: System): IndustryVerdict | null => {
    const key = fallback + "\u0000" + raw;
    let v = textCache.get(key);
    if (v !== undefined) return v;
    v = null;
    const folded = foldGeo(raw);
    const listed = VALUES.get(folded);
    if (listed !== undefined) {
      v = listed
        ? { label: listed, reason: say(lang, P.value, { value: raw, s: listed }) }
        : { label: "unknown", reason: say(lang, P.noSection, { value: raw }) };
    } else {
      const code = readCode(raw, fallback, true);
      if (code) v = fromCode(code);
      else {
        const hit = matchText(folded);
        if (hit && hit.section) v = { label: hit.section, reason: say(lang, P.words, { words: hit.words.join(", "), s: hit.section }) };
      }
    }
    if (textCache.size < 500_000) textCache.set(key, v);
    return v;
  };

  return (client) => {
    const v = client.values;
    const fallback = fallbackOf(client);
    if (v.industry_code) {
      const key = fallback + "\u0000" + v.industry_code;
      let hit = codeCache.get(key);
      if (hit === undefined) {
        const code = readCode(v.industry_code, fallback, false);
        hit = code ? fromCode(code) : null;
        codeCache.set(key, hit);
      }
      if (hit) return hit;
    }
    let listedNothing: IndustryVerdict | null = null;
    if (v.industry) {
      const candidates = ambiguousOf(v.industry);
      if (candidates && v.name) {
        const named = matchText(foldGeo(v.name.replace(LEGAL_QUOTES, " ")));
        if (named?.section && candidates.includes(named.section)) {
          return { label: named.section, reason: fillValue({ value: `${v.industry} + ${named.words.join(", ")}`, s: named.section }) };
        }
      }
      if (candidates) {
        let verdict = ambiguousVerdicts.get(v.industry);
        if (!verdict) {
          verdict = { label: candidates[0]!, reason: fillValue({ value: v.industry, s: candidates[0]! }) };
          ambiguousVerdicts.set(v.industry, verdict);
        }
        return verdict;
      }
      const hit = byText(v.industry, fallback);
      if (hit && hit.label !== "unknown") return hit;
      listedNothing = hit;
      // An industry code that did not parse may still carry words (`Обработка металлов`).
      if (v.industry_code && !hit) {
        const h2 = byText(v.industry_code, fallback);
        if (h2 && h2.label !== "unknown") return h2;
      }
    }
    // The name only as the last resort, and never when the CRM said "other" on purpose.
    if (!listedNothing && v.name) {
      const hit = matchText(foldGeo(v.name.replace(LEGAL_QUOTES, " ")));
      if (hit && hit.section) return { label: hit.section, reason: fillName({ words: hit.words.join(", "), s: hit.section }) };
    }
    return listedNothing ?? unknownVerdict;
  };
}

export default defineSegmenter<IndustryOptions>({
  meta: {
    id: "industry",
    title: "Industry",
    labels: [...SECTIONS, "unknown"],
    uses: ["industry_code", "industry", "name", "country"],
    description:
      "NACE Rev.2 section A..U: from an OKVED 2 / CAEN Rev.2 / NACE code's division (NAICS and SIC mapped), else from the " +
      "industry text (CRM picklists, official titles, ru/ro/en word stems), else from words in the company name; else unknown.",
  },
  options: industryOptions,
  create(options, ctx) {
    const classify = createIndustryClassifier(options, ctx);
    return (client) => classify(client);
  },
});

// -------------------------------------------------------------------------------------------------
// Custom industry groups: a segmenter of their own (contract: "Custom industry groups are a segmenter of their own").

export const industryGroupOptions = z.strictObject({
  /** Group name → NACE section letters and/or word stems (`{"Металл": ["C", "металл", "steel"], "Торговля": ["G"]}`), first group wins. */
  groups: z.record(z.string(), z.array(z.string().min(1))).default({}),
});
export type IndustryGroupOptions = z.infer<typeof industryGroupOptions>;

const GP = {
  section: { en: "section {s} → group {g}", ru: "раздел {s} → группа {g}", ro: "secțiunea {s} → grupul {g}" },
  words: { en: "words {words} → group {g}", ru: "слова {words} → группа {g}", ro: "cuvintele {words} → grupul {g}" },
  none: { en: "in no industry group", ru: "не входит ни в одну группу отраслей", ro: "în niciun grup de activități" },
} satisfies Record<string, Phrase>;

const SECTION_SET = new Set<string>(SECTIONS);

/** `industry_group`: the config's own industry groups over the NACE section and the industry text; `other` when none holds. */
export const industryGroup = defineSegmenter<IndustryGroupOptions>({
  meta: {
    id: "industry_group",
    title: "Industry group",
    labels: "open",
    uses: ["industry_code", "industry", "name"],
    description: "The first configured group (segmenters.industry_group.groups) whose sections or word stems hold the client; else other.",
  },
  options: industryGroupOptions,
  create(options, ctx) {
    const classify = createIndustryClassifier({}, ctx);
    const groups = Object.entries(options.groups).map(([name, entries]) => {
      const index = new StemIndex();
      const sections = new Set<string>();
      let hasStems = false;
      for (const e of entries) {
        if (SECTION_SET.has(e.trim().toUpperCase()) && e.trim().length === 1) sections.add(e.trim().toUpperCase());
        else { index.add("A", e); hasStems = true; }
      }
      return { name, sections, index: hasStems ? index : null };
    });
    return (client) => {
      const verdict = classify(client);
      const text = foldGeo(`${client.values.industry} ${client.values.industry_code}`);
      for (const g of groups) {
        if (verdict.label !== "unknown" && g.sections.has(verdict.label)) return { label: g.name, reason: say(ctx.lang, GP.section, { s: verdict.label, g: g.name }) };
        const hit = g.index && text.trim() ? g.index.match(text) : null;
        if (hit) return { label: g.name, reason: say(ctx.lang, GP.words, { words: hit.words.join(", "), g: g.name }) };
      }
      return { label: "other", reason: say(ctx.lang, GP.none) };
    };
  },
});
