// Company names: a tidy display form, and a match key that survives legal forms, quotes, case and script.
import { transliterate } from "transliteration";

// Long legal forms and their short form, for display (Russian, Romanian, English).
const LONG_FORMS: Array<[RegExp, string]> = [
  [/федеральное\s+государственное\s+унитарное\s+предприятие/giu, "ФГУП"],
  [/государственное\s+унитарное\s+предприятие/giu, "ГУП"],
  [/муниципальное\s+унитарное\s+предприятие/giu, "МУП"],
  [/общество\s+с\s+ограниченной\s+ответственностью/giu, "ООО"],
  [/публичное\s+акционерное\s+общество/giu, "ПАО"],
  [/непубличное\s+акционерное\s+общество/giu, "НАО"],
  [/закрытое\s+акционерное\s+общество/giu, "ЗАО"],
  [/открытое\s+акционерное\s+общество/giu, "ОАО"],
  [/акционерное\s+общество/giu, "АО"],
  [/индивидуальный\s+предприниматель/giu, "ИП"],
  [/автономная\s+некоммерческая\s+организация/giu, "АНО"],
  [/некоммерческая\s+организация/giu, "НКО"],
  [/societate(?:a)?\s+cu\s+r[ăa]spundere\s+limitat[ăa]/giu, "SRL"],
  [/societate(?:a)?\s+pe\s+ac[țţt]iuni/giu, "SA"],
  [/persoan[ăa]\s+fizic[ăa]\s+autorizat[ăa]/giu, "PFA"],
  [/limited\s+liability\s+company/giu, "LLC"],
  [/limited\s+liability\s+partnership/giu, "LLP"],
  [/public\s+limited\s+company/giu, "PLC"],
];

// A word every long form above contains: most names skip the long-form pass.
const LONG_FORM_WORD = /общество|предпри|организац|societate|persoan|limited|public/i;

// Key-side phrases (in the key's own folded, transliterated spelling), longest first.
const KEY_PHRASES_SOURCE: Array<[string, string]> = [
  ["федеральное государственное унитарное предприятие", "ФГУП"],
  ["государственное унитарное предприятие", "ГУП"],
  ["муниципальное унитарное предприятие", "МУП"],
  ["общество с ограниченной ответственностью", "ООО"],
  ["публичное акционерное общество", "ПАО"],
  ["непубличное акционерное общество", "НАО"],
  ["закрытое акционерное общество", "ЗАО"],
  ["открытое акционерное общество", "ОАО"],
  ["акционерное общество", "АО"],
  ["индивидуальный предприниматель", "ИП"],
  ["автономная некоммерческая организация", "АНО"],
  ["некоммерческая организация", "НКО"],
  ["societate cu raspundere limitata", "SRL"],
  ["societatea cu raspundere limitata", "SRL"],
  ["societate pe actiuni", "SA"],
  ["societatea pe actiuni", "SA"],
  ["persoana fizica autorizata", "PFA"],
  ["intreprindere individuala", "II"],
  ["intreprindere familiala", "IF"],
  ["societate in comandita simpla", "SCS"],
  ["societate in nume colectiv", "SNC"],
  ["regie autonoma", "RA"],
  ["limited liability company", "LLC"],
  ["limited liability partnership", "LLP"],
  ["limited partnership", "LP"],
  ["public limited company", "PLC"],
];

// Single-token legal forms in key spelling → the normalised form `legalForm` reports.
const KEY_TOKENS: Record<string, string> = {
  ooo: "ООО", ao: "АО", pao: "ПАО", zao: "ЗАО", oao: "ОАО", nao: "НАО", ip: "ИП", nko: "НКО",
  gup: "ГУП", mup: "МУП", fgup: "ФГУП", ano: "АНО",
  srl: "SRL", sa: "SA", sc: "SC", pfa: "PFA", ii: "II", if: "IF", scs: "SCS", snc: "SNC", ra: "RA",
  llc: "LLC", inc: "INC", incorporated: "INC", ltd: "LTD", limited: "LTD", corp: "CORP",
  corporation: "CORP", co: "CO", company: "CO", gmbh: "GMBH", ag: "AG", plc: "PLC", llp: "LLP",
  lp: "LP", bv: "BV", nv: "NV", sarl: "SARL", sas: "SAS", spa: "SPA", oy: "OY", ab: "AB",
};

const CYRILLIC = /[\u0400-\u04ff]/;
const CYRILLIC_INITIALS = /(?<![\p{L}\p{N}])[а-яё]\.(?:\s*[а-яё]\.)*/giu;
const INITIAL_DOTS = /[.\s]+/g;
const NON_ASCII = /[^\x00-\x7f]/;
const RO_DIACRITICS = /[șşțţăâîȘŞȚŢĂÂÎ]/g;
const RO_FOLD: Record<string, string> = {
  ș: "s", ş: "s", ț: "t", ţ: "t", ă: "a", â: "a", î: "i",
  Ș: "s", Ş: "s", Ț: "t", Ţ: "t", Ă: "a", Â: "a", Î: "i",
};
const DOUBLE_QUOTES = /[«»"„“”‟〝〞＂]+|''/g;
const SINGLE_QUOTES = /['‘’‚‛`´]/g;
// `и` standing alone (not an initial `И.`), `și`, `and` and `&` all mean "and".
const AND_WORDS = /(?<![\p{L}\p{N}])и(?![\p{L}\p{N}.])/giu;
const AMP = /&/g;
const TOKEN_SPLIT = /[^a-z0-9.]+/;
const DOTTED_LETTERS = /^(?:[a-z]\.)+[a-z]?$/;
const WS = /\s+/g;

let keyPhrases: Map<string, Array<{ tokens: string[]; form: string }>> | null = null;

/** Key-side phrases by their first token, longest first. */
function phrasesByFirst(): Map<string, Array<{ tokens: string[]; form: string }>> {
  if (!keyPhrases) {
    keyPhrases = new Map();
    for (const [p, form] of KEY_PHRASES_SOURCE) {
      const tokens = fold(p).split(" ").filter(Boolean);
      const list = keyPhrases.get(tokens[0]!) ?? [];
      list.push({ tokens, form });
      list.sort((a, b) => b.tokens.length - a.tokens.length);
      keyPhrases.set(tokens[0]!, list);
    }
  }
  return keyPhrases;
}

// The package's transliteration of each character, looked up once: calling it per name costs ~6 µs,
// a table walk a fraction of that. (Its word spacing for CJK is lost; keys only need to agree with each other.)
const charLatin = new Map<string, string>();

function latinOf(ch: string): string {
  let l = charLatin.get(ch);
  if (l === undefined) {
    l = transliterate(ch).toLowerCase();
    charLatin.set(ch, l);
  }
  return l;
}

/** Lower-case, `ё`→`е`, Romanian diacritics folded, Cyrillic and other scripts transliterated. */
function fold(raw: string): string {
  let s = raw.toLowerCase().replace(/ё/g, "е");
  s = s.replace(RO_DIACRITICS, (c) => RO_FOLD[c] ?? c);
  if (!NON_ASCII.test(s)) return s;
  s = s.normalize("NFC").replace(DOUBLE_QUOTES, " ").replace(SINGLE_QUOTES, "");
  let out = "";
  for (const ch of s) out += ch.charCodeAt(0) < 128 ? ch : latinOf(ch);
  return out;
}

interface Analysed {
  key: string;
  form: string;
}

const cache = new Map<string, Analysed>();

function analyse(raw: string): Analysed {
  const hit = cache.get(raw);
  if (hit) return hit;
  let s = raw.replace(DOUBLE_QUOTES, " ").replace(SINGLE_QUOTES, "");
  if (s.includes("&")) s = s.replace(AMP, " and ");
  const cyr = CYRILLIC.test(s);
  if (cyr) {
    if (s.includes("и") || s.includes("И")) s = s.replace(AND_WORDS, " and ");
    // `S.R.L.` is one word, but a Cyrillic `И.И.` is a person's initials: letters of their own.
    if (s.includes(".")) s = s.replace(CYRILLIC_INITIALS, (m) => " " + m.replace(INITIAL_DOTS, " ") + " ");
  }
  s = fold(s);
  const tokens: string[] = [];
  for (const t of s.split(TOKEN_SPLIT)) {
    if (!t) continue;
    if (t.includes(".")) {
      if (DOTTED_LETTERS.test(t)) tokens.push(t.replace(/\./g, ""));
      else for (const part of t.split(".")) if (part) tokens.push(part === "si" ? "and" : part);
    } else tokens.push(t === "si" ? "and" : t);
  }
  const keep = new Array<boolean>(tokens.length).fill(true);
  let form = "";
  let formAt = Infinity;
  let scSeen = false;
  const byFirst = phrasesByFirst();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const candidates = byFirst.get(tokens[i]!);
    if (!candidates) continue;
    for (const p of candidates) {
      const n = p.tokens.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let j = 0; j < n; j++) {
        if (!keep[i + j] || tokens[i + j] !== p.tokens[j]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      for (let j = 0; j < n; j++) keep[i + j] = false;
      if (i < formAt) {
        form = p.form;
        formAt = i;
      }
      break;
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (!keep[i]) continue;
    const f = KEY_TOKENS[tokens[i]!];
    if (!f) continue;
    keep[i] = false;
    // `S.C.` only prefixes a Romanian company whose real form (SRL, SA) follows.
    if (f === "SC") {
      scSeen = true;
      continue;
    }
    if (i < formAt) {
      form = f;
      formAt = i;
    }
  }
  if (!form && scSeen) form = "SC";
  let kept = tokens.filter((_, i) => keep[i]);
  // A name that is nothing but legal forms keeps them: an empty key would match everything.
  if (kept.length === 0) kept = tokens;
  const result = { key: kept.join(" "), form };
  cache.set(raw, result);
  return result;
}

/** The match key: folded, legal forms and quotes removed, Latin script, tokens joined by one space. */
export function nameKey(raw: string): string {
  return analyse(raw).key;
}

/** The legal form a name carries, normalised (`ООО`, `SRL`, `LLC`, ...), or `""`. */
export function legalForm(raw: string): string {
  return analyse(raw).form;
}

/** A key's tokens (as `nameKey` joined them). */
export function nameTokens(key: string): string[] {
  return key ? key.split(" ") : [];
}

const DISPLAY_QUOTES = /[«»"„“”‟〝〞＂]+|''/g;
const SPACE_IN_QUOTES = /"\s*([^"]*?)\s*"/g;
const displayCache = new Map<string, string>();

/** The name as shown: trimmed, one kind of quotes, single spaces, long legal forms shortened. */
export function displayName(raw: string): string {
  const hit = displayCache.get(raw);
  if (hit !== undefined) return hit;
  let s = raw.replace(/[\u00a0\u202f\t\r\n]/g, " ").replace(WS, " ").trim();
  s = s.replace(DISPLAY_QUOTES, '"');
  if (LONG_FORM_WORD.test(s)) for (const [re, short] of LONG_FORMS) s = s.replace(re, short);
  const q = s.indexOf('"');
  if (q >= 0 && s.indexOf('"', s.indexOf('"', q + 1) + 1) < 0) s = s.replace(SPACE_IN_QUOTES, '"$1"');
  s = s.replace(WS, " ").trim();
  displayCache.set(raw, s);
  return s;
}
