// Word-stem matching shared by the text segmenters (motivation cues, contact roles): fold once, index stems by their first letters.

const FOLD_CHARS = /[ёăâîșşțţ]/g;
const FOLD_MAP: Record<string, string> = { ё: "е", ă: "a", â: "a", î: "i", ș: "s", ş: "s", ț: "t", ţ: "t" };
const WORD_SPLIT = /[^\p{L}\p{N}']+/u;

/** Lower case, `ё`→`е`, Romanian diacritics dropped (CRM users type `pret` as often as `preț`). */
export function foldText(text: string): string {
  return text.toLowerCase().replace(FOLD_CHARS, (c) => FOLD_MAP[c] ?? c);
}

/** The folded words of a text; apostrophes stay inside words so `isn't` stays one word. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const w of foldText(text).split(WORD_SPLIT)) {
    const t = w.replace(/^'+|'+$/g, "");
    if (t) out.push(t);
  }
  return out;
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
  private readonly byPrefix = new Map<string, Entry<T>[]>();
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
        const key = parts[0]!.slice(0, 2);
        const entries = this.byPrefix.get(key) ?? [];
        entries.push({ tag, stem: raw, parts });
        this.byPrefix.set(key, entries);
      }
    }
  }

  private partMatches(part: string, word: string): boolean {
    return part.length <= this.wholeWordUpTo ? word === part : word.startsWith(part);
  }

  /** Every stem found in `words`, in text order; a word begun by an exclusion (`центр` for `цен`) matches nothing. */
  find(words: readonly string[]): StemHit<T>[] {
    const hits: StemHit<T>[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const entries = this.byPrefix.get(w.slice(0, 2));
      if (!entries) continue;
      if (this.exclusions.some((x) => w.startsWith(x))) continue;
      for (const e of entries) {
        if (i + e.parts.length > words.length) continue;
        let ok = true;
        for (let k = 0; k < e.parts.length && ok; k++) ok = this.partMatches(e.parts[k]!, words[i + k]!);
        if (ok) hits.push({ tag: e.tag, stem: e.stem, text: words.slice(i, i + e.parts.length).join(" "), at: i });
      }
    }
    return hits;
  }
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A phrase's text for one language split once at its `{name}` placeholders, so filling it per
 * client is plain concatenation (a `replace` with a callback per client costs microseconds each).
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
  return (vars) => {
    let out = "";
    for (let i = 0; i < names.length; i++) {
      const v = vars[names[i]!];
      out += parts[i]! + (v === undefined ? `{${names[i]}}` : String(v));
    }
    return out + tail;
  };
}
