// Near misses for `segment explain`: the rows most like a client's row that the matcher did not put in its client, and
// what kept each apart. Built again from the rows (the run's feature table lives on the matcher's thread): one
// client's question, asked once, so a table and a pass over every row's blocking keys are cheap enough.
import { blockingKeys } from "./blocking.js";
import { buildFeatures } from "./features.js";
import { namesClash, nameSimilarity, scorePair } from "./score.js";
import type { Row } from "../types.js";

/** What kept a pair apart: two valid tax ids that differ, or numbers in the names that clash (`numbersClash`). */
export type Apart = "tax_id" | "numbers";

export interface NearMiss {
  row: number;
  probability: number;
  /** As in duplicates.csv: the fields that agreed. */
  evidence: string;
  /** The names' numbers, when they clash (`"3"`, `"5"`). */
  numbers: [string, string] | null;
  apart: Apart[];
}

/** A pair this likely, or one kept apart only by a rule on names this alike, is worth showing. */
const SHOWN_FROM = 0.05;
const ALIKE_NAMES = 0.85;

/**
 * Up to `limit` rows sharing a blocking key with row `i` and not in its client (`sameClient`), most likely first: those
 * scored at SHOWN_FROM or more, and those a rule kept apart (tax ids, numbers) whose names are alike.
 */
export function nearMisses(rows: readonly Row[], i: number, sameClient: (j: number) => boolean, limit = 3): NearMiss[] {
  const t = buildFeatures(rows);
  const mine = new Set(blockingKeys(t, i));
  const found: Array<NearMiss & { sim: number }> = [];
  for (let j = 0; j < t.n; j++) {
    if (j === i || sameClient(j)) continue;
    if (!blockingKeys(t, j).some((k) => mine.has(k))) continue;
    const s = scorePair(t, i, j);
    const clash = namesClash(t, t.nameOf[i]!, t.nameOf[j]!);
    const apart: Apart[] = [];
    if (s.veto) apart.push("tax_id");
    if (clash) apart.push("numbers");
    const { sim } = nameSimilarity(t, i, j);
    if (s.probability < SHOWN_FROM && !(apart.length > 0 && sim >= ALIKE_NAMES)) continue;
    found.push({ row: j, probability: s.probability, evidence: s.evidence, numbers: clash ? [t.numbers[t.nameOf[i]!]!, t.numbers[t.nameOf[j]!]!] : null, apart, sim });
  }
  found.sort((a, b) => b.probability - a.probability || b.sim - a.sim || a.row - b.row);
  return found.slice(0, limit).map(({ sim: _sim, ...m }) => m);
}
