// Words and word-stem matching shared by the text segmenters (motivation cues, contact roles): words found in one pass
// over the characters, folded once; stems indexed by their first two letters.

const FOLD_CHARS = /[ёăâîșşțţ]/g;
const FOLD_MAP: Record<string, string> = { ё: "е", ă: "a", â: "a", î: "i", ș: "s", ş: "s", ț: "t", ţ: "t" };
/** Lower case, `ё`→`е`, Romanian diacritics dropped (CRM users type `pret` as often as `preț`). */
export function foldText(text: string): string {
  return text.toLowerCase().replace(FOLD_CHARS, (c) => FOLD_MAP[c] ?? c);
}

/** The folded words of a text; apostrophes stay inside words so `isn't` stays one word. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  return scan(text, out, null) ? out : wordsByRegex(text);
}

/**
 * The folded words of a text in clauses: a new clause wherever a clause mark (`CLAUSE_SPLIT`: `.` `;` `!` `?` `,` `:`
 * brackets, line breaks, dashes, a hyphen between spaces) stands between two words. Clauses without words are left out.
 */
export function clausesOf(text: string): string[][] {
  const out: string[][] = [];
  if (scan(text, [], out)) return out;
  const slow: string[][] = [];
  for (const part of text.split(CLAUSE_SPLIT)) {
    const words = wordsByRegex(part);
    if (words.length) slow.push(words);
  }
  return slow;
}

const CLAUSE_SPLIT = /[.;!?,:()\[\]\n\r—–]+|\s-\s/;
const WORD_SPLIT = /[^\p{L}\p{N}']+/u;

/** The words as the regexes find them: the definition `scan` keeps to, and the way for text it leaves. */
function wordsByRegex(text: string): string[] {
  const out: string[] = [];
  for (const w of foldText(text).split(WORD_SPLIT)) {
    const t = w.replace(/^'+|'+$/g, "");
    if (t) out.push(t);
  }
  return out;
}

// What a UTF-16 code unit is to `scan`, worked out the first time it is met: a word character (a letter, a digit or
// `'` once lower-cased and folded) that stays as it is, one that changes, a separator, or one `scan` leaves to the
// regexes (a surrogate, `İ`, which lower-cases to two characters, and `Σ`, whose lower case depends on its place).
const K_SAME = 1;
const K_CHANGES = 2;
const K_SEPARATOR = 3;
const K_SLOW = 4;
const KIND = new Uint8Array(65536);
const WORD_CHAR = /^[\p{L}\p{N}']$/u;
function kindOf(c: number): number {
  let k = KIND[c]!;
  if (k !== 0) return k;
  if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3a3) k = K_SLOW;
  else {
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    const folded = FOLD_MAP[lower] ?? lower;
    k = lower.length !== 1 ? K_SLOW : !WORD_CHAR.test(folded) ? K_SEPARATOR : folded === ch ? K_SAME : K_CHANGES;
  }
  KIND[c] = k;
  return k;
}

/** `.;!?,:()[]`, line breaks, em and en dashes: each breaks a clause. */
function isClauseMark(c: number): boolean {
  return c === 46 || c === 59 || c === 33 || c === 63 || c === 44 || c === 58 || c === 40 || c === 41 || c === 91 || c === 93 || c === 10 || c === 13 || c === 0x2014 || c === 0x2013;
}

/** What `\s` matches. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The words of a text in one pass over its characters, as `wordsByRegex` finds them (and, with `clauses`, grouped as
 * `CLAUSE_SPLIT` splits the text): into `words`, or into `clauses` with `words` as the clause being filled. False,
 * with nothing to use, for text with a character it leaves to the regexes.
 */
function scan(text: string, words: string[], clauses: string[][] | null): boolean {
  const n = text.length;
  let cur = words;
  let broken = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = kindOf(c);
    if (k === K_SEPARATOR) {
      if (clauses !== null && !broken && (isClauseMark(c) || (c === 45 && i > 0 && i + 1 < n && isSpace(text.charCodeAt(i - 1)) && isSpace(text.charCodeAt(i + 1))))) broken = true;
      i++;
      continue;
    }
    if (k === K_SLOW) return false;
    let changes = k === K_CHANGES;
    let j = i + 1;
    for (; j < n; j++) {
      const kj = kindOf(text.charCodeAt(j));
      if (kj === K_SEPARATOR) break;
      if (kj === K_SLOW) return false;
      if (kj === K_CHANGES) changes = true;
    }
    let s = i;
    let e = j;
    while (s < e && text.charCodeAt(s) === 39) s++;
    while (e > s && text.charCodeAt(e - 1) === 39) e--;
    i = j;
    if (s === e) continue;
    const w = changes ? foldText(text.slice(s, e)) : text.slice(s, e);
    if (clauses !== null) {
      if (broken && cur.length > 0) {
        clauses.push(cur);
        cur = [];
      }
      broken = false;
    }
    cur.push(w);
  }
  if (clauses !== null && cur.length > 0) clauses.push(cur);
  return true;
}

/** A word's first two characters as a number (no string made per word): one character and two never share a key. */
function prefixKey(word: string): number {
  return word.length === 1 ? word.charCodeAt(0) : word.charCodeAt(0) * 65536 + word.charCodeAt(1) + 65536;
}

export interface StemHit<T> {
  tag: T;
  /** The stem as listed. */
  stem: string;
  /** The words of the text that matched, as written (folded). */
  text: string;
  /** Index of the first matched word. */
  at: number;
}

interface Entry<T> {
  tag: T;
  stem: string;
  parts: string[];
}

/**
 * A matcher of stems over word lists. A stem matches a word it begins; a stem of several words
 * matches consecutive words. Parts no longer than `wholeWordUpTo` must match whole words, so that
 * `ceo` or `it` do not fire inside longer words.
 */
export class StemMatcher<T> {
  /** Entries by the first two characters of their first word (`prefixKey`). */
  private readonly byPrefix = new Map<number, Entry<T>[]>();
  private readonly exclusions: string[];
  constructor(
    stems: ReadonlyArray<{ tag: T; stems: readonly string[] }>,
    private readonly wholeWordUpTo = 0,
    exclusions: readonly string[] = [],
  ) {
    this.exclusions = exclusions.map(foldText);
    for (const { tag, stems: list } of stems) {
      for (const raw of list) {
        const parts = wordsOf(raw);
        if (!parts.length) continue;
        const key = prefixKey(parts[0]!);
        const entries = this.byPrefix.get(key) ?? [];
        entries.push({ tag, stem: raw, parts });
        this.byPrefix.set(key, entries);
      }
    }
  }

  private excluded(word: string): boolean {
    for (const x of this.exclusions) if (word.startsWith(x)) return true;
    return false;
  }

  private partMatches(part: string, word: string): boolean {
    return part.length <= this.wholeWordUpTo ? word === part : word.startsWith(part);
  }

  /**
   * Every stem found in `words`, in text order; a word begun by an exclusion (`центр` for `цен`) matches nothing, and
   * the words a phrase took (`in stock`) are not matched again by a stem of one of them (`stoc`).
   */
  find(words: readonly string[]): StemHit<T>[] {
    const hits: StemHit<T>[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const entries = this.byPrefix.get(prefixKey(w));
      if (!entries || this.excluded(w)) continue;
      let longest = 1;
      for (const e of entries) {
        if (i + e.parts.length > words.length) continue;
        let ok = true;
        for (let k = 0; k < e.parts.length && ok; k++) ok = this.partMatches(e.parts[k]!, words[i + k]!);
        if (!ok) continue;
        hits.push({ tag: e.tag, stem: e.stem, text: words.slice(i, i + e.parts.length).join(" "), at: i });
        if (e.parts.length > longest) longest = e.parts.length;
      }
      i += longest - 1;
    }
    return hits;
  }
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A phrase's text for one language split once at its `{name}` placeholders, so filling it per
 * client is plain concatenation (a `replace` with a callback per client costs microseconds each). A placeholder
 * with no value stays as written.
 */
export function compileTemplate(text: string): (vars: Record<string, string | number>) => string {
  const parts: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    parts.push(text.slice(last, m.index));
    names.push(m[1]!);
    last = m.index! + m[0].length;
  }
  const tail = text.slice(last);
  // Made by `+`: a tree of pieces that shares the values (a client's figure, a contact's name) rather than copying them
  // into one flat string. On the 1M bench export, filled by one join, the value and contacts segmenters' reasons held
  // 39 MB more at the conflicts stage and the run peaked 74 MiB higher (1,838 MiB). Below a large heap, a reason kept
  // as it is made is flattened in place while it is young (`TextPool`), its pieces then garbage.
  return (vars) => {
    let out = "";
    for (let i = 0; i < names.length; i++) {
      const v = vars[names[i]!];
      out += parts[i]! + (v === undefined ? `{${names[i]}}` : String(v));
    }
    return out + tail;
  };
}
