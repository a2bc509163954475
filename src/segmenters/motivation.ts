// Motivation: what moves the client (service, price, relationship, quality, delivery) from the motivation column, else from cues in the notes.
import { z } from "zod";
import { say, type Phrase } from "../i18n.js";
import type { Client, Lang, Segment } from "../types.js";
import { defineSegmenter, type ClassifyClient } from "./define.js";
import { Memo } from "./memo.js";
import { clausesOf, StemMatcher, type StemHit } from "./words.js";

/** The labels in tie order: with as many cues, the earlier wins. */
export const MOTIVATIONS = ["service", "price", "relationship", "quality", "delivery"] as const;
export type Motivation = (typeof MOTIVATIONS)[number];

/** Word stems per motivation, Russian, Romanian (written without diacritics: they are folded away) and English. */
export const MOTIVATION_CUES: Record<Motivation, readonly string[]> = {
  service: [
    "сервис", "обслуживан", "ремонт", "гаранти", "поддержк", "техподдержк", "пусконаладк", "запчаст",
    "простои", "простоя", "простоев", "простоям",
    "service", "servici", "intretinere", "reparat", "garanti", "suport", "asistenta", "piese de schimb",
    "maintenance", "support", "repair", "warranty", "after sales", "downtime", "spare part",
  ],
  price: [
    "цен", "дешев", "скидк", "бюджет", "стоимост", "дорого", "дороже", "недорог", "экономи",
    "pret", "ieftin", "reducer", "discount", "cost", "buget", "scump",
    "price", "pricing", "cheap", "budget", "expensive",
  ],
  relationship: [
    "отношени", "доверя", "довери", "личн", "знаком", "лояльн", "дружеск", "дружб",
    "relati", "incredere", "loial", "prieten", "cunostint", "personal",
    "relationship", "trust", "loyal", "friend",
  ],
  quality: [
    "качеств", "надежн", "долговечн", "брак",
    "calitat", "fiabil", "durabil", "defect",
    "quality", "reliab", "durab",
  ],
  delivery: [
    "срок", "доставк", "быстр", "логистик", "отгрузк", "наличи",
    "livr", "termen", "rapid", "transport", "stoc",
    "deliver", "lead time", "fast", "on time", "quick", "shipping", "in stock",
  ],
};

/** Words that begin like a cue but mean something else (`центр`, `ценный` are not about price). */
const EXCLUSIONS = ["центр", "ценн", "цени", "ценя", "ценю", "ценил", "ценз", "pretin", "pretent", "costum", "stocat"];

const NEGATIONS = new Set(["не", "нет", "ни", "неважно", "неважна", "неважен", "not", "no", "never", "nu", "nici", "niciun", "nicio", "irrelevant"]);
/** `не только цена` is not a negation of price. */
const NOT_ONLY = new Set(["только", "лишь", "only", "just", "doar", "numai"]);
/** Words that start a new clause: `не цена, а качество`. */
const CLAUSE_WORDS = new Set(["но", "а", "зато", "однако", "хотя", "but", "however", "though", "although", "whereas", "dar", "ci", "insa", "totusi"]);
/** How far (in words) a negation reaches for the cue it negates. */
const NEGATION_REACH = 4;

const cueList = z.array(z.string().min(2));
export const motivationOptions = z.strictObject({
  /** Extra stems per motivation, added to the built-in dictionaries. */
  cues: z
    .strictObject({
      service: cueList.optional(),
      price: cueList.optional(),
      relationship: cueList.optional(),
      quality: cueList.optional(),
      delivery: cueList.optional(),
    })
    .default({}),
  /** Extra words that must not count although a stem begins them. */
  exclusions: z.array(z.string().min(2)).default([]),
});
export type MotivationOptions = z.infer<typeof motivationOptions>;

const LABEL_WORD: Record<Motivation, Phrase> = {
  service: { en: "service", ru: "сервис", ro: "service" },
  price: { en: "price", ru: "цена", ro: "preț" },
  relationship: { en: "relationship", ru: "отношения", ro: "relație" },
  quality: { en: "quality", ru: "качество", ro: "calitate" },
  delivery: { en: "delivery", ru: "сроки и доставка", ro: "livrare" },
};

const T: Record<string, Phrase> = {
  column: { en: "motivation column \"{v}\": {label}", ru: "поле мотивации «{v}»: {label}", ro: "câmpul motivație „{v}”: {label}" },
  notes: { en: "notes: {cues}", ru: "в заметках: {cues}", ro: "în note: {cues}" },
  negated: { en: "ignored as negated: {words}", ru: "не учтено из-за отрицания: {words}", ro: "ignorat din cauza negației: {words}" },
  unknown: {
    en: "no motivation cues in the motivation column or the notes",
    ru: "нет признаков мотивации ни в поле мотивации, ни в заметках",
    ro: "niciun indiciu de motivație în câmpul motivație sau în note",
  },
};

interface Tally {
  label: Motivation | undefined;
  counts: Map<Motivation, string[]>;
  negated: string[];
}

/** Splits text into clauses: punctuation (`clausesOf`), then conjunctions that turn the sentence (`but`, `а`, `dar`). */
function clauses(text: string): string[][] {
  const out: string[][] = [];
  for (const words of clausesOf(text)) {
    let from = 0;
    for (let i = 0; i < words.length; i++) {
      if (!CLAUSE_WORDS.has(words[i]!)) continue;
      if (i > from) out.push(words.slice(from, i));
      from = i + 1;
    }
    if (from === 0) out.push(words);
    else if (from < words.length) out.push(words.slice(from));
  }
  return out;
}

const isNegation = (words: readonly string[], i: number): boolean => {
  const w = words[i]!;
  if (!NEGATIONS.has(w) && !w.endsWith("n't")) return false;
  const next = words[i + 1];
  return next === undefined || !NOT_ONLY.has(next);
};

function tally(matcher: StemMatcher<Motivation>, text: string, negation: boolean): Tally {
  const counts = new Map<Motivation, string[]>();
  const negated: string[] = [];
  for (const words of clauses(text)) {
    const hits = matcher.find(words);
    if (!hits.length) continue;
    let dropped: Set<StemHit<Motivation>> | null = null;
    if (negation) {
      // A negation negates the nearest cue of its clause (`цена не главное`, `не важна цена`), not every cue in it.
      for (let i = 0; i < words.length; i++) {
        if (!isNegation(words, i)) continue;
        let best: StemHit<Motivation> | undefined;
        let bestDist = NEGATION_REACH + 1;
        for (const h of hits) {
          const d = Math.abs(h.at - i);
          if (d < bestDist) (best = h), (bestDist = d);
        }
        if (best) (dropped ??= new Set()).add(best);
      }
    }
    for (const h of hits) {
      if (dropped?.has(h)) {
        negated.push(h.text);
        continue;
      }
      const list = counts.get(h.tag) ?? [];
      list.push(h.text);
      counts.set(h.tag, list);
    }
  }
  let label: Motivation | undefined;
  let most = 0;
  for (const m of MOTIVATIONS) {
    const n = counts.get(m)?.length ?? 0;
    if (n > most) (most = n), (label = m);
  }
  return { label, counts, negated };
}

const quoteList = (lang: Lang, words: readonly string[]): string => {
  const [o, c] = lang === "ru" ? ["«", "»"] : lang === "ro" ? ["„", "”"] : ["\"", "\""];
  return [...new Set(words)].map((w) => `${o}${w}${c}`).join(", ");
};

/**
 * What `classify` gives a client whose notes were classified already, as `notes` (the notes of a row read in a run that
 * let them go, `NotesAhead`): the motivation column decides where it gives a label, as it does over the text.
 */
export function withNotesClassified(classify: ClassifyClient, client: Client, notes: Segment): Segment {
  if (client.values.motivation === "") return notes;
  const byColumn = classify({ ...client, values: { ...client.values, notes: "" } });
  return byColumn.label === "unknown" ? notes : byColumn;
}

export default defineSegmenter<MotivationOptions>({
  meta: {
    id: "motivation",
    title: "Motivation",
    labels: [...MOTIVATIONS, "unknown"],
    uses: ["motivation", "notes"],
    description: "An explicit motivation column beats the notes; in the notes the motivation with the most cues wins (ties: service, price, relationship, quality, delivery); negated cues do not count.",
  },
  options: motivationOptions,
  create(options, ctx) {
    const { lang } = ctx;
    const matcher = new StemMatcher<Motivation>(
      MOTIVATIONS.map((tag) => ({ tag, stems: [...MOTIVATION_CUES[tag], ...(options.cues[tag] ?? [])] })),
      2,
      [...EXCLUSIONS, ...options.exclusions],
    );
    const unknown: Segment = { label: "unknown", reason: say(lang, T.unknown!) };
    // Notes repeat across a base (templates, copied rows): each distinct text is classified once, while that pays.
    const memo = new Memo<Segment>();
    const classify = (motivation: string, notes: string): Segment => {
      if (motivation) {
        const t = tally(matcher, motivation, true);
        if (t.label) return { label: t.label, reason: say(lang, T.column!, { v: motivation, label: say(lang, LABEL_WORD[t.label]) }) };
      }
      if (!notes) return unknown;
      const t = tally(matcher, notes, true);
      const negatedNote = t.negated.length ? say(lang, T.negated!, { words: quoteList(lang, t.negated) }) : "";
      if (!t.label) return negatedNote ? { label: "unknown", reason: `${unknown.reason}; ${negatedNote}` } : unknown;
      const cues = MOTIVATIONS.filter((m) => t.counts.has(m))
        .sort((a, b) => t.counts.get(b)!.length - t.counts.get(a)!.length || MOTIVATIONS.indexOf(a) - MOTIVATIONS.indexOf(b))
        .map((m) => `${say(lang, LABEL_WORD[m])} ×${t.counts.get(m)!.length} (${quoteList(lang, t.counts.get(m)!)})`)
        .join(", ");
      const reason = say(lang, T.notes!, { cues }) + (negatedNote ? `; ${negatedNote}` : "");
      return { label: t.label, reason };
    };
    return (client) => {
      const { motivation, notes } = client.values;
      if (!motivation && !notes) return unknown;
      if (!memo.active) return classify(motivation, notes);
      const key = motivation + "\u0000" + notes;
      let seg = memo.get(key);
      if (seg === undefined) memo.set(key, (seg = classify(motivation, notes)));
      return seg;
    };
  },
});
