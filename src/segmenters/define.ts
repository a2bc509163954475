// The segmenter plugin interface: data (`meta`, an options schema) plus `create`, as ESLint rules are.
import type { z } from "zod";
import type { Client, Dialect, Field, Lang, Segment } from "../types.js";

/** What a segmenter may know about the run when it is created. */
export interface SegmenterContext {
  /** Every merged client of the run, frozen: `create` may precompute over them (ABC cut-offs). */
  clients: readonly Client[];
  /** `--as-of`, `YYYY-MM-DD`: the day recency rules count from. */
  asOf: string;
  lang: Lang;
  dialect: Dialect;
  /** Canonical fields the export maps to a column (temperature: "where the export maps none of ..."). */
  mapped: ReadonlySet<Field>;
  /** Config `territories`: territory name → regions. */
  territories: Readonly<Record<string, readonly string[]>>;
  /** Config `default_country`, ISO 3166 alpha-2 (`RU`, `RO`, `US`), or `""` when unknown. */
  defaultCountry: string;
}

export interface SegmenterMeta {
  id: string;
  title: string;
  /** The closed set of labels, or `"open"` where labels come from the data (geography, rules). */
  labels: readonly string[] | "open";
  /** Canonical fields it reads (documentation and `segment segmenters`). */
  uses: readonly Field[];
  description?: string;
  /**
   * The segmenter hands out one string for each reason that repeats, and its other reasons are each a client's own
   * (a figure and its rank, a contact's name): they are kept as given, not looked up in a pool of texts (`TextPool`).
   */
  ownReasons?: boolean;
}

export type ClassifyClient = (client: Client) => Segment;

export interface Segmenter<O = unknown> {
  meta: SegmenterMeta;
  /** zod schema of its options (config `segmenters.<id>`); must accept `{}` and fill defaults. */
  options: z.ZodType<O>;
  /** Once per run; returns a pure per-client function. */
  create(options: O, ctx: SegmenterContext): ClassifyClient;
}

export function defineSegmenter<O>(segmenter: Segmenter<O>): Segmenter<O> {
  return segmenter;
}
