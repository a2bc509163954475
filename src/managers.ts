// Managers: the managers file, managers derived from owner values, and owner → manager matching.
import { slugify } from "transliteration";
import { SegmentError } from "./errors.js";
import { say } from "./i18n.js";
import { readToolCsv } from "./io/read-csv.js";
import type { Lang, Manager, Row, RowOwner, Warning } from "./types.js";

/** The table a tool-file reader hands back (see `readToolCsv`). */
export interface ToolTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
  delimiter: string;
}

const SPACES = /\s+/g;
const WORD_SPLIT = /[\s,;]+/;
// A word made only of initials (`с.`, `с.п.`): split after each dot so glued initials count one by one.
const AFTER_DOT = /(?<=\.)/;
const INITIAL = /^\p{L}\.?$/u;

/** Folds case, spacing and `ё` so that spellings of one person compare equal. */
export function foldOwner(value: string): string {
  return value.toLowerCase().replace(/ё/g, "е").replace(SPACES, " ").trim();
}

/** The folded words of a name; glued initials (`С.П.`) become separate initials. */
export function nameWords(value: string): string[] {
  const out: string[] = [];
  for (const token of foldOwner(value).split(WORD_SPLIT)) {
    if (!token) continue;
    for (const part of token.split(AFTER_DOT)) if (part && part !== ".") out.push(part);
  }
  return out;
}

const isInitial = (w: string): boolean => INITIAL.test(w);

/** How a manager's name word meets an owner word: 2 in full, 1 as an initial, 0 not at all. */
function wordFit(nameWord: string, ownerWord: string): number {
  if (nameWord === ownerWord) return isInitial(nameWord) ? 1 : 2;
  if (isInitial(ownerWord) && !isInitial(nameWord) && nameWord[0] === ownerWord[0]) return 1;
  if (isInitial(nameWord) && !isInitial(ownerWord) && ownerWord[0] === nameWord[0]) return 1;
  return 0;
}

/**
 * True when every word of `name` appears among `owner`'s words (each owner word used once), all but
 * one possibly as an initial. Names have a handful of words, so a backtracking search is cheap.
 */
export function wordsMatch(name: string[], owner: string[]): boolean {
  if (name.length === 0 || name.length > owner.length) return false;
  const used = new Array<boolean>(owner.length).fill(false);
  const go = (i: number, full: number): boolean => {
    if (i === name.length) return full >= 1 || name.every(isInitial);
    for (let j = 0; j < owner.length; j++) {
      if (used[j]) continue;
      const fit = wordFit(name[i]!, owner[j]!);
      if (fit === 0) continue;
      used[j] = true;
      const ok = go(i + 1, full + (fit === 2 ? 1 : 0));
      used[j] = false;
      if (ok) return true;
    }
    return false;
  };
  return go(0, 0);
}

/** Precomputed matching keys of a managers list (built once per list). */
interface MatchIndex {
  exact: Map<string, number[]>;
  words: string[][];
}
const indexCache = new WeakMap<readonly Manager[], MatchIndex>();

function matchIndex(managers: readonly Manager[]): MatchIndex {
  let index = indexCache.get(managers);
  if (index) return index;
  const exact = new Map<string, number[]>();
  const add = (key: string, i: number): void => {
    if (!key) return;
    const list = exact.get(key);
    if (!list) exact.set(key, [i]);
    else if (!list.includes(i)) list.push(i);
  };
  managers.forEach((m, i) => {
    add(foldOwner(m.name), i);
    for (const a of m.aliases) add(foldOwner(a), i);
  });
  index = { exact, words: managers.map((m) => nameWords(m.name)) };
  indexCache.set(managers, index);
  return index;
}

/** Whom an owner value names: `manager` index, -1 for none; `ambiguous` when several matched. */
export interface OwnerMatch {
  manager: number;
  ambiguous: boolean;
  candidates: number[];
}

/**
 * Matches one owner value. An exact name or alias names its manager outright (an alias is the most
 * explicit evidence there is); otherwise the name-words rule applies, and several matches match none.
 */
export function matchOwner(value: string, managers: readonly Manager[]): OwnerMatch {
  const folded = foldOwner(value);
  if (!folded) return { manager: -1, ambiguous: false, candidates: [] };
  const index = matchIndex(managers);
  const exact = index.exact.get(folded);
  if (exact && exact.length === 1) return { manager: exact[0]!, ambiguous: false, candidates: exact };
  const words = nameWords(value);
  const candidates: number[] = [];
  for (let i = 0; i < managers.length; i++) if (wordsMatch(index.words[i]!, words)) candidates.push(i);
  if (exact && exact.length > 1) for (const i of exact) if (!candidates.includes(i)) candidates.push(i);
  candidates.sort((a, b) => a - b);
  if (candidates.length === 1) return { manager: candidates[0]!, ambiguous: false, candidates };
  return { manager: -1, ambiguous: candidates.length > 1, candidates };
}

const AMBIGUOUS = {
  en: "matches several managers ({names}); treated as no owner",
  ru: "подходит нескольким менеджерам ({names}); считается без ответственного",
  ro: "se potrivește cu mai mulți responsabili ({names}); tratat ca fără responsabil",
};

/**
 * The owner of every row. With a managers file an owner matching no active manager is departed;
 * without one (managers derived from the owners) nobody is departed.
 */
export function matchOwners(
  rows: readonly Row[],
  managers: readonly Manager[],
  fromFile: boolean,
  lang: Lang,
): { owners: RowOwner[]; warnings: Warning[] } {
  // Owner values are a few spellings repeated over the whole base: one (read-only) RowOwner and one
  // warning text per distinct value, shared by its rows.
  const none: RowOwner = { raw: "", manager: -1, departed: false };
  const cache = new Map<string, { owner: RowOwner; ambiguous: string }>();
  const owners: RowOwner[] = new Array(rows.length);
  const warnings: Warning[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const raw = row.values.owner ?? "";
    let hit = cache.get(raw);
    if (!hit) {
      if (!raw.trim()) hit = { owner: none, ambiguous: "" };
      else {
        const m = matchOwner(raw, managers);
        const active = m.manager >= 0 && managers[m.manager]!.active;
        hit = {
          owner: { raw, manager: m.manager, departed: fromFile && !active },
          ambiguous: m.ambiguous ? say(lang, AMBIGUOUS, { names: m.candidates.map((i) => managers[i]!.name).join(", ") }) : "",
        };
      }
      cache.set(raw, hit);
    }
    if (hit.ambiguous) warnings.push({ line: row.line, clientId: row.clientId, field: "owner", value: raw, problem: hit.ambiguous });
    owners[r] = hit.owner;
  }
  return { owners, warnings };
}

/** `managers/<slug>.csv` names: Latin, lower-case, `-` between runs; clashes get `-2`, `-3` in list order. */
export function assignSlugs(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = slugify(name, { lowercase: true, separator: "-", allowedChars: "a-zA-Z0-9" })
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "manager";
    let slug = base;
    for (let k = 2; taken.has(slug); k++) slug = `${base}-${k}`;
    taken.add(slug);
    return slug;
  });
}

/**
 * The pairs i < j of spellings that are one person: the same words, or one side's words all among the other's
 * (`wordsMatch`, initials as in owner matching; the shorter side, or the first of two as long). Every word of that
 * side must fit a word of the other, and a fit needs the same first letter: so its partners are looked up by its word
 * with the fewest possible partners (the word itself or its initial; for an initial, any word with its letter), not
 * among all the spellings.
 */
export function samePairs(spellings: ReadonlyArray<{ key: string; words: string[] }>): Array<[number, number]> {
  const n = spellings.length;
  const byWord = new Map<string, number[]>();
  const byInitial = new Map<string, number[]>();
  const byLetter = new Map<string, number[]>();
  const put = (map: Map<string, number[]>, k: string, i: number): void => {
    const list = map.get(k);
    if (list === undefined) map.set(k, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const { key, words } = spellings[i]!;
    put(byKey, key, i);
    for (const w of words) {
      put(byWord, w, i);
      put(byLetter, w[0]!, i);
      if (isInitial(w)) put(byInitial, w[0]!, i);
    }
  }
  const found = new Set<number>();
  const out: Array<[number, number]> = [];
  const pair = (i: number, j: number): void => {
    const k = i * n + j;
    if (found.has(k)) return;
    found.add(k);
    out.push([i, j]);
  };
  for (const group of byKey.values()) for (let x = 0; x < group.length; x++) for (let y = x + 1; y < group.length; y++) pair(group[x]!, group[y]!);
  const NONE: number[] = [];
  for (let a = 0; a < n; a++) {
    const name = spellings[a]!.words;
    if (name.length === 0) continue;
    let anchor: number[][] = [];
    let size = Infinity;
    for (const w of name) {
      const lists = isInitial(w) ? [byLetter.get(w[0]!) ?? NONE] : [byWord.get(w) ?? NONE, byInitial.get(w[0]!) ?? NONE];
      const total = lists.reduce((t, l) => t + l.length, 0);
      if (total < size) {
        size = total;
        anchor = lists;
      }
    }
    for (const list of anchor) {
      for (const b of list) {
        if (b === a) continue;
        const owner = spellings[b]!.words;
        // `a` is the name side: the shorter, or the first of two as long
        if (owner.length < name.length || (owner.length === name.length && b < a)) continue;
        if (wordsMatch(name, owner)) pair(Math.min(a, b), Math.max(a, b));
      }
    }
  }
  return out;
}

/**
 * Managers from the owner values of an export (no `-m`): spellings of one person join, named by the
 * most frequent spelling (ties: first seen), listed by first appearance. A spelling that would join
 * people who do not join each other (`Иванов` beside `Иванов Сергей` and `Иванов Пётр`) stays alone.
 * Spellings are compared only where they could match (`samePairs`), so an owner column of 100k distinct values (a
 * wrong column) does not take S² comparisons.
 */
export function deriveManagers(ownerValues: readonly string[]): Manager[] {
  const spellings: { value: string; key: string; words: string[]; count: number }[] = [];
  const byValue = new Map<string, number>();
  // Raw cell → spelling (-1: blank), so each distinct cell is trimmed and squeezed once.
  const byRaw = new Map<string, number>();
  for (const v of ownerValues) {
    const known = byRaw.get(v);
    if (known !== undefined) {
      if (known >= 0) spellings[known]!.count++;
      continue;
    }
    const value = v.trim().replace(SPACES, " ");
    if (!value) {
      byRaw.set(v, -1);
      continue;
    }
    const at = byValue.get(value);
    if (at !== undefined) {
      byRaw.set(v, at);
      spellings[at]!.count++;
      continue;
    }
    const words = nameWords(value);
    byRaw.set(v, spellings.length);
    byValue.set(value, spellings.length);
    spellings.push({ value, key: [...words].sort().join(" "), words, count: 1 });
  }
  const n = spellings.length;
  const parent = spellings.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const neighbours: number[][] = spellings.map(() => []);
  for (const [i, j] of samePairs(spellings)) {
    neighbours[i]!.push(j);
    neighbours[j]!.push(i);
  }
  const alone = neighbours.map((ns) => {
    for (let x = 0; x < ns.length; x++)
      for (let y = x + 1; y < ns.length; y++) if (!neighbours[ns[x]!]!.includes(ns[y]!)) return true;
    return false;
  });
  for (let i = 0; i < n; i++) {
    if (alone[i]) continue;
    for (const j of neighbours[i]!) if (!alone[j]) parent[find(j)] = find(i);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  }
  const ordered = [...groups.values()].sort((a, b) => a[0]! - b[0]!);
  const names = ordered.map((g) => {
    let best = g[0]!;
    for (const i of g) if (spellings[i]!.count > spellings[best]!.count) best = i;
    return spellings[best]!.value;
  });
  const slugs = assignSlugs(names);
  return ordered.map((g, k) => ({
    name: names[k]!,
    capacity: 1,
    active: true,
    regions: [],
    industries: [],
    segments: [],
    aliases: g.map((i) => spellings[i]!.value).filter((v) => v !== names[k]),
    slug: slugs[k]!,
    line: 0,
  }));
}

const TRUE_WORDS = new Set(["true", "yes", "1", "да", "da", "y", "д"]);
const FALSE_WORDS = new Set(["false", "no", "0", "нет", "nu", "n"]);
const MANAGER_COLUMNS = ["name", "capacity", "regions", "industries", "segments", "active", "aliases"] as const;
type ManagerColumn = (typeof MANAGER_COLUMNS)[number];

const splitList = (cell: string): string[] =>
  cell.split("|").map((s) => s.trim()).filter((s) => s.length > 0);

/** Parses a managers table already read from `file`; every problem is a SegmentError naming file and line. */
export function parseManagers(file: string, table: ToolTable): Manager[] {
  const col: Partial<Record<ManagerColumn, number>> = {};
  table.header.forEach((h, i) => {
    const key = h.trim().toLowerCase() as ManagerColumn;
    if ((MANAGER_COLUMNS as readonly string[]).includes(key) && col[key] === undefined) col[key] = i;
  });
  if (col.name === undefined) {
    throw new SegmentError("managers", `${file}, line 1: no "name" column (header: ${table.header.join(table.delimiter)}).`);
  }
  const cell = (cells: string[], c: ManagerColumn): string => {
    const i = col[c];
    return i === undefined ? "" : (cells[i] ?? "").trim();
  };
  const managers: Manager[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    if (cells.every((c) => !c.trim())) continue;
    const name = cell(cells, "name").replace(SPACES, " ");
    if (!name) throw new SegmentError("managers", `${file}, line ${line}: the name is empty.`);
    const folded = foldOwner(name);
    const first = seen.get(folded);
    if (first !== undefined) {
      throw new SegmentError("managers", `${file}, line ${line}: duplicate manager "${name}" (first on line ${first}).`);
    }
    seen.set(folded, line);
    const capText = cell(cells, "capacity");
    let capacity = 1;
    if (capText) {
      capacity = Number(capText.replace(",", "."));
      if (!/^\s*\d*[.,]?\d+\s*$/.test(capText) || !Number.isFinite(capacity) || capacity <= 0) {
        const pct = /^\s*(\d+(?:[.,]\d+)?)\s*%\s*$/.exec(capText);
        const hint =
          capacity === 0 ? " (a manager on leave stays on the list with active=false)"
          : pct && Number(pct[1]!.replace(",", ".")) > 0 ? ` (a share of a full workload is written as a fraction: ${formatShare(Number(pct[1]!.replace(",", ".")) / 100)})`
          : "";
        throw new SegmentError("managers", `${file}, line ${line}: capacity must be a number above 0, got "${capText}"${hint}.`);
      }
    }
    const activeText = cell(cells, "active").toLowerCase();
    let active = true;
    if (activeText) {
      if (TRUE_WORDS.has(activeText)) active = true;
      else if (FALSE_WORDS.has(activeText)) active = false;
      else {
        throw new SegmentError(
          "managers",
          `${file}, line ${line}: active must be true or false (yes/no, 1/0, да/нет, da/nu), got "${cell(cells, "active")}".`,
        );
      }
    }
    const segments = splitList(cell(cells, "segments")).map((entry) => {
      const at = entry.indexOf(":");
      if (at <= 0 || at === entry.length - 1) {
        throw new SegmentError("managers", `${file}, line ${line}: a segments entry must be "segmenter:label", got "${entry}".`);
      }
      return { segmenter: entry.slice(0, at).trim().toLowerCase(), label: entry.slice(at + 1).trim() };
    });
    managers.push({
      name,
      capacity,
      active,
      regions: splitList(cell(cells, "regions")),
      industries: splitList(cell(cells, "industries")).map((s) => s.toUpperCase()),
      segments,
      aliases: splitList(cell(cells, "aliases")),
      slug: "",
      line,
    });
  }
  const slugs = assignSlugs(managers.map((m) => m.name));
  managers.forEach((m, i) => (m.slug = slugs[i]!));
  return managers;
}

/** Reads a managers file (`-m`): `,` or `;`, BOM, leading `'` stripped by the tool-file reader. */
export function readManagers(path: string): Manager[] {
  const table = readToolCsv(path, "managers");
  return parseManagers(path, table);
}

function formatShare(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}
