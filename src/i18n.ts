// The run's language: each module keeps its own phrases as {en, ru, ro} and picks one with `say`.
import type { Lang } from "./types.js";

export type Phrase = Record<Lang, string>;

/** A template split once into literal text (even slots) and placeholder names (odd slots). */
const compiled = new Map<string, string[]>();
function compile(text: string): string[] {
  let parts = compiled.get(text);
  if (!parts) {
    parts = text.split(/\{(\w+)\}/);
    compiled.set(text, parts);
  }
  return parts;
}

/**
 * Picks the phrase for `lang` and fills `{name}` placeholders from `vars`. The text is made by one join, a flat string:
 * made by `+`, it was a tree of pieces that the CSV writer and every lookup walked or flattened again.
 */
export function say(lang: Lang, phrase: Phrase, vars?: Record<string, string | number>): string {
  const text = phrase[lang] ?? phrase.en;
  if (!vars) return text;
  const parts = compile(text);
  if (parts.length === 1) return text;
  const pieces = new Array<string>(parts.length);
  pieces[0] = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i]!;
    const v = vars[k];
    pieces[i] = v === undefined ? `{${k}}` : typeof v === "string" ? v : String(v);
    pieces[i + 1] = parts[i + 1]!;
  }
  return pieces.join("");
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
