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
const KEY_TOKEN_MAP = new Map(Object.entries(KEY_TOKENS));
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

export { fold as latinFold };

interface Analysed {
  key: string;
  form: string;
}

// Names that take the general path (dots in Cyrillic names, `''`, combining marks, rare scripts):
// their results are kept, since that path is dear.
const cache = new Map<string, Analysed>();

function analyse(raw: string): Analysed {
  const fast = analyseFast(raw);
  if (fast !== null) return fast;
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
    if (t.includes(".")) pushDotted(tokens, t);
    else tokens.push(t === "si" ? "and" : t);
  }
  const result = finish(tokens, null);
  cache.set(raw, result);
  return result;
}

function pushDotted(tokens: string[], t: string): void {
  if (DOTTED_LETTERS.test(t)) {
    // `S.I.` collapses to a word; `si` as a word means "and", so the key stays the same when keyed again.
    const word = t.replace(/\./g, "");
    tokens.push(word === "si" ? "and" : word);
  }
  else for (const part of t.split(".")) if (part) tokens.push(part === "si" ? "and" : part);
}

/** Legal forms found and taken out of the tokens; `joined` is the tokens already joined by spaces, if at hand. */
function finish(tokens: string[], joined: string | null): Analysed {
  // Which tokens go: a bit each (names have a handful of words), a list for a name of more than 31.
  let gone = 0;
  const goneList: Uint8Array | null = tokens.length > 31 ? new Uint8Array(tokens.length) : null;
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
        const k = i + j;
        if ((goneList !== null ? goneList[k] === 1 : (gone & (1 << k)) !== 0) || tokens[k] !== p.tokens[j]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      for (let j = 0; j < n; j++) {
        if (goneList !== null) goneList[i + j] = 1;
        else gone |= 1 << (i + j);
      }
      if (i < formAt) {
        form = p.form;
        formAt = i;
      }
      break;
    }
  }
  let any = gone !== 0;
  for (let i = 0; i < tokens.length; i++) {
    if (goneList !== null ? goneList[i] === 1 : (gone & (1 << i)) !== 0) continue;
    const f = KEY_TOKEN_MAP.get(tokens[i]!);
    if (f === undefined) continue;
    if (goneList !== null) goneList[i] = 1;
    else gone |= 1 << i;
    any = true;
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
  if (!any && (goneList === null || !goneList.includes(1))) return { key: joined ?? tokens.join(" "), form };
  let key = "";
  for (let i = 0; i < tokens.length; i++) {
    if (goneList !== null ? goneList[i] === 1 : (gone & (1 << i)) !== 0) continue;
    key = key === "" ? tokens[i]! : key + " " + tokens[i]!;
  }
  // A name that is nothing but legal forms keeps them: an empty key would match everything.
  if (key === "") key = tokens.join(" ");
  return { key, form };
}

// The fast path's view of each character (once lower-cased), built on first sight
// by running the general path's steps on the character alone: its Latin letters, a word break, nothing,
// or a sign that the name needs the general path.
// 0: the general path (the table's default).
const PIECE_SEP = 1;
const PIECE_DROP = 2;
const PIECE_TEXT = 3;
const PIECE_AND = 4;
const PIECE_LIMIT = 0x2070;
const pieceKind = new Uint8Array(PIECE_LIMIT);
const pieceKnown = new Uint8Array(PIECE_LIMIT);
const pieceText: string[] = new Array<string>(PIECE_LIMIT).fill("");
/** Letters and digits (`\p{L}\p{N}`), for the standalone `и` rule; 2 = not known yet. */
const letterOrNumber = new Uint8Array(PIECE_LIMIT).fill(2);
const MARK = /\p{M}/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const NOT_KEY_CHAR = /[^a-z0-9.]/g;

function learnPiece(code: number): void {
  pieceKnown[code] = 1;
  const ch = String.fromCharCode(code);
  if (code === 38 /* & */) {
    pieceKind[code] = PIECE_AND;
    return;
  }
  // Greek (context-dependent lower case), Cyrillic letters that case-fold onto а-я (the initials rule), marks (composition).
  if ((code >= 0x370 && code < 0x400) || (code >= 0x1c80 && code < 0x1c90) || MARK.test(ch)) return; // SLOW
  const folded = fold(ch.replace(DOUBLE_QUOTES, " ").replace(SINGLE_QUOTES, ""));
  if (folded.toLowerCase() !== folded || folded !== fold(folded)) return; // not a fixed point: SLOW
  const text = folded.replace(NOT_KEY_CHAR, " ");
  if (text === "") pieceKind[code] = PIECE_DROP;
  else if (text.trim() === "") pieceKind[code] = PIECE_SEP;
  else if (text.indexOf(" ") < 0) {
    pieceKind[code] = PIECE_TEXT;
    pieceText[code] = text;
  }
}

function isLetterOrNumber(code: number): boolean {
  let v = letterOrNumber[code]!;
  if (v === 2) letterOrNumber[code] = v = LETTER_OR_NUMBER.test(String.fromCharCode(code)) ? 1 : 0;
  return v === 1;
}

// The fast path writes the key's ASCII text here, then reads it back as one string.
let keyBuf = Buffer.allocUnsafe(256);
// Buffer's own latin1Slice skips `toString`'s argument handling (a good part of the cost for a short key); `toString` where it is missing.
const latin1: (buf: Buffer, end: number) => string =
  typeof (keyBuf as unknown as { latin1Slice?: unknown }).latin1Slice === "function"
    ? (buf, end) => (buf as unknown as { latin1Slice(start: number, end: number): string }).latin1Slice(0, end)
    : (buf, end) => buf.toString("latin1", 0, end);

/**
 * `analyse` in one pass over the characters, for the names that need nothing more (nearly all):
 * the same key and form as the general path, or null to send the name there.
 */
function analyseFast(raw: string): Analysed | null {
  const s = raw; // lower-cased a character at a time below (no copy of the name)
  const n = s.length;
  // Each character gives at most a few letters (transliteration); a longer name is rare: grow once.
  if (keyBuf.length < n * 8 + 8) keyBuf = Buffer.allocUnsafe(n * 8 + 8);
  const buf = keyBuf;
  let pos = 0;
  let pendingSep = false;
  let initialDot = -1;
  let dotted = false;
  tokStart = 0;
  tokCount = 0;
  tokHits = 0;
  firstHit = false;
  firstLen = 0;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c >= 0x410 && c <= 0x42f) c += 32;
    else if (c >= 0x80) {
      c = lowerCode(c);
      if (c < 0) return null;
    }
    // a-z, 0-9 and `.` are their own key text.
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46) {
      if (c === 46) {
        if (i === initialDot) {
          pendingSep = true; // the dot of a person's initial (`Т.Б.`) parts words
          continue;
        }
        dotted = true;
      }
      if (pendingSep) {
        if (pos > 0) {
          endToken(buf, pos);
          buf[pos++] = 32;
        }
        pendingSep = false;
      }
      buf[pos++] = c;
      continue;
    }
    if (c >= PIECE_LIMIT) return null;
    if (c === 39 /* ' */ && i + 1 < n && s.charCodeAt(i + 1) === 39) return null; // `''` is a double quote
    if (pieceKnown[c] === 0) learnPiece(c);
    let kind = pieceKind[c]!;
    if (c >= 0x400 && c < 0x500) {
      // A standalone `и` means "and" (its neighbours as the general path sees them: a dropped quote next to it is rare).
      if (c === 0x438) {
        const prev = i > 0 ? s.charCodeAt(i - 1) : 32;
        const next = i + 1 < n ? s.charCodeAt(i + 1) : 32;
        if (prev >= PIECE_LIMIT || next >= PIECE_LIMIT) return null;
        if (isSingleQuote(prev) || isSingleQuote(next)) return null;
        if (!isLetterOrNumber(prev) && !isLetterOrNumber(next) && next !== 46) kind = PIECE_AND;
      }
      // A letter of its own before a dot is a person's initial (`Иванов И.И.`): the dot parts words.
      if (((c >= 0x430 && c <= 0x44f) || c === 0x451) && i + 1 < n && isSingleQuote(s.charCodeAt(i + 1))) return null; // a dropped quote before a dot
      if (((c >= 0x430 && c <= 0x44f) || c === 0x451) && i + 1 < n && s.charCodeAt(i + 1) === 46) {
        const prev = i > 0 ? s.charCodeAt(i - 1) : 32;
        if (prev >= PIECE_LIMIT || isSingleQuote(prev)) return null;
        if (!isLetterOrNumber(prev)) {
          initialDot = i + 1;
          pendingSep = true; // an initial is a word of its own, whatever stands before it
        }
      }
    }
    switch (kind) {
      case PIECE_SEP:
        pendingSep = true;
        break;
      case PIECE_DROP:
        break; // the neighbours join into one word
      case PIECE_TEXT: {
        if (pendingSep) {
          if (pos > 0) {
            endToken(buf, pos);
            buf[pos++] = 32;
          }
          pendingSep = false;
        }
        const t = pieceText[c]!;
        for (let j = 0; j < t.length; j++) {
          const b = t.charCodeAt(j);
          if (b === 46) dotted = true;
          buf[pos++] = b;
        }
        break;
      }
      case PIECE_AND:
        if (pos > 0) {
          endToken(buf, pos);
          buf[pos++] = 32;
        }
        buf[pos++] = 97;
        buf[pos++] = 110;
        buf[pos++] = 100;
        pendingSep = true;
        break;
      default:
        return null;
    }
  }
  if (pos === 0) return EMPTY_ANALYSED;
  endToken(buf, pos);
  const out = latin1(buf, pos);
  if (!dotted) {
    // No word can be a legal form or `si`: the text is the key.
    if (tokHits === 0) return { key: out, form: "" };
    // Only the first word can, and it is a one-word form (`ООО Ромашка`): the rest is the key.
    if (tokHits === 1 && firstHit && tokCount >= 2) {
      const first = out.slice(0, firstLen);
      const f = KEY_TOKEN_MAP.get(first);
      if (f !== undefined && f !== "SC" && !phrasesByFirst().has(first)) return { key: out.slice(firstLen + 1), form: f };
    }
  }
  const parts = out.split(" ");
  if (dotted) {
    const tokens: string[] = [];
    for (const t of parts) {
      if (t.includes(".")) pushDotted(tokens, t);
      else tokens.push(t === "si" ? "and" : t);
    }
    return tokens.length === 0 ? EMPTY_ANALYSED : finish(tokens, null);
  }
  let si = false;
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === "si") {
      parts[i] = "and";
      si = true;
    }
  }
  return finish(parts, si ? null : out);
}

const EMPTY_ANALYSED: Analysed = Object.freeze({ key: "", form: "" });

// The words of the key being written: where the current one starts, how many there were, and which of
// them may be a legal form, a phrase's first word or `si` (by a hash of their letters: a collision only
// sends the name down the longer road).
let tokStart = 0;
let tokCount = 0;
let tokHits = 0;
let firstHit = false;
let firstLen = 0;
let formHashes: Set<number> | null = null;

function wordHash(bytes: ArrayLike<number>, start: number, end: number): number {
  let h = end - start;
  for (let j = start; j < end; j++) h = (Math.imul(h, 31) + bytes[j]!) | 0;
  return h;
}

function endToken(buf: Buffer, end: number): void {
  if (formHashes === null) {
    formHashes = new Set();
    const words = [...KEY_TOKEN_MAP.keys(), ...phrasesByFirst().keys(), "si"];
    for (const w of words) {
      const bytes = Buffer.from(w, "latin1");
      formHashes.add(wordHash(bytes, 0, bytes.length));
    }
  }
  if (formHashes.has(wordHash(buf, tokStart, end))) {
    tokHits++;
    if (tokCount === 0) firstHit = true;
  }
  if (tokCount === 0) firstLen = end - tokStart;
  tokCount++;
  tokStart = end + 1; // past the space that follows
}

// Lower case of each character the fast path meets, -1 where it is not one character.
const lowerOf = new Int32Array(PIECE_LIMIT).fill(-2);

function lowerCode(code: number): number {
  if (code >= PIECE_LIMIT) return code; // sends the name to the general path
  let l = lowerOf[code]!;
  if (l === -2) {
    const s = String.fromCharCode(code).toLowerCase();
    lowerOf[code] = l = s.length === 1 ? s.charCodeAt(0) : -1;
  }
  return l;
}

function isSingleQuote(code: number): boolean {
  return code === 39 || code === 0x2018 || code === 0x2019 || code === 0x201a || code === 0x201b || code === 0x60 || code === 0xb4;
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
  // Most names are already tidy: one pass tells, and the name itself is the answer.
  const t = tidy(raw);
  if (t !== null) return t;
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

/**
 * The name as `displayName` gives it when that is no more than each quote mark (`«`, `„`, ...) written
 * as `"`: no space at either end or twice, no other white space, no two quote marks together, no
 * space inside a pair, no `''`, no long legal form. Null for any other name.
 */
function tidy(raw: string): string | null {
  const n = raw.length;
  if (n === 0) return null;
  let quotes = 0;
  let q1 = -1;
  let q2 = -1;
  let fancy = false;
  let prevQuote = false;
  let prev = 32; // a leading space is not tidy
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    let quote = false;
    if (c === 32) {
      if (prev === 32) return null;
    } else if (c === 34) quote = true;
    else if (c < 32) return null;
    else if (c === 39) {
      if (prev === 39) return null;
    } else if (c >= 0x80) {
      const k = UNTIDY.get(c);
      if (k === 1) return null;
      if (k === 2) quote = fancy = true;
    }
    if (quote) {
      if (prevQuote || ++quotes > 2) return null;
      if (q1 < 0) q1 = i;
      else q2 = i;
    }
    prevQuote = quote;
    prev = c;
  }
  if (prev === 32) return null;
  if (quotes === 2 && (raw.charCodeAt(q1 + 1) === 32 || raw.charCodeAt(q2 - 1) === 32)) return null;
  if (LONG_FORM_WORD.test(raw)) return null;
  return fancy ? raw.replace(DISPLAY_QUOTES, '"') : raw;
}

// White space other than the plain space, and the quotes `displayName` rewrites.
const UNTIDY = new Map<number, 1 | 2>();
for (const c of [0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) UNTIDY.set(c, 1);
for (const c of "«»„“”‟〝〞＂") UNTIDY.set(c.charCodeAt(0), 2);

/** Forget the per-value caches: their keys are the file's cells, which would keep its text alive. */
export function clearNameCaches(): void {
  cache.clear();
  displayCache.clear();
}
