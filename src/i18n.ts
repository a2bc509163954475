// The run's language: each module keeps its own phrases as {en, ru, ro} and picks one with `say`.
import type { Lang } from "./types.js";

export type Phrase = Record<Lang, string>;

/** Picks the phrase for `lang` and fills `{name}` placeholders from `vars`. */
export function say(lang: Lang, phrase: Phrase, vars?: Record<string, string | number>): string {
  const text = phrase[lang] ?? phrase.en;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

const CYRILLIC = /[\u0400-\u04ff]/;
const ROMANIAN = /[ăâîșşțţĂÂÎȘŞȚŢ]|\b(denumire|judet|județ|oras|oraș|localitate|adresa|adresă|telefon|responsabil|firma|firmă|cod fiscal|cui|caen|agent|data)\b/i;

/** The export's language told by its headers: Russian, Romanian, else English. */
export function langFromHeaders(header: string[]): Lang {
  const text = header.join(" ");
  if (CYRILLIC.test(text)) return "ru";
  if (ROMANIAN.test(text)) return "ro";
  return "en";
}
