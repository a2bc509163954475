// The config file (JSONC), validated once at the edge: an unknown key or a bad value is exit 2 naming its path.
import { z } from "zod";
import { DIALECTS, FIELDS } from "../types.js";

const maxMoves = z.union([z.number().int().min(0), z.string().regex(/^\d+(\.\d+)?%$/, "expected a number or \"N%\"")]);

/** A user rule: the first rule whose conditions all hold gives the client its label. */
export const ruleSchema = z.strictObject({
  /** Segmenter id the rule writes to (rules with the same segmenter form one segmenter). */
  segmenter: z.string().regex(/^[a-z][a-z0-9_]*$/).default("rules"),
  /** The label given when every condition holds. */
  label: z.string().min(1),
  /** Conditions on canonical fields (or on another segmenter's label as `segment.<id>`), all must hold. */
  when: z.record(
    z.string(),
    z.union([
      z.string(),
      z.number(),
      z.strictObject({
        eq: z.union([z.string(), z.number()]).optional(),
        ne: z.union([z.string(), z.number()]).optional(),
        in: z.array(z.union([z.string(), z.number()])).optional(),
        contains: z.string().optional(),
        matches: z.string().optional(),
        gt: z.number().optional(),
        gte: z.number().optional(),
        lt: z.number().optional(),
        lte: z.number().optional(),
        empty: z.boolean().optional(),
      }),
    ]),
  ).default({}),
  /** Text for the reason column; defaults to the conditions. */
  reason: z.string().optional(),
});
export type Rule = z.infer<typeof ruleSchema>;

export const configSchema = z.strictObject({
  /** Path of the managers file, relative to the config file. */
  managers: z.string().optional(),
  /** Canonical field → export header, as `--map`. */
  map: z.partialRecord(z.enum(FIELDS), z.string()).optional(),
  /** Force a CRM dialect, as `--preset`. */
  preset: z.enum(DIALECTS).optional(),
  /** ISO 3166 alpha-2 country assumed for phones and regions when the data does not say (`RU`, `RO`, `US`). */
  default_country: z.string().regex(/^[A-Za-z]{2}$/).optional(),
  /** Language of reasons, reports and the terminal. */
  lang: z.enum(["en", "ru", "ro"]).optional(),
  /** Options per segmenter id (built-in or plugin). */
  segmenters: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  /** Named territories: territory → regions. */
  territories: z.record(z.string(), z.array(z.string())).default({}),
  /** User rules, in order. */
  rules: z.array(ruleSchema).default([]),
  /** Paths of user segmenter modules, relative to the config file. */
  plugins: z.array(z.string()).default([]),
  allocation: z.strictObject({
    /** Workload weight of a client by temperature. */
    weights: z.strictObject({
      hot: z.number().positive().default(3),
      warm: z.number().positive().default(2),
      cold: z.number().positive().default(1),
    }).default({ hot: 3, warm: 2, cold: 1 }),
    /** An owner keeps a client with activity at most this many days before --as-of. */
    protection_days: z.number().int().min(0).default(180),
    /** Allowed distance from the common level, as a share of it. */
    tolerance: z.number().min(0).max(1).default(0.05),
    /** ABC cut-offs: A reaches `a` of the total, B the next `b`. */
    value_cutoffs: z.strictObject({
      a: z.number().gt(0).lt(1).default(0.8),
      b: z.number().gt(0).lt(1).default(0.15),
    }).default({ a: 0.8, b: 0.15 }),
  }).default({ weights: { hot: 3, warm: 2, cold: 1 }, protection_days: 180, tolerance: 0.05, value_cutoffs: { a: 0.8, b: 0.15 } }),
  conflicts: z.strictObject({
    /** A client with no activity created more than this many days before --as-of is a dead soul. */
    dead_soul_days: z.number().int().min(0).default(90),
  }).default({ dead_soul_days: 90 }),
  /** Path of a locks file, relative to the config file. */
  locks: z.string().optional(),
  /** Churn limit: a number of clients or `"N%"` per manager and run. */
  max_moves: maxMoves.optional(),
  output: z.strictObject({
    /** Delimiter of the CSVs written: `,` (default) or `;`. */
    delimiter: z.enum([",", ";"]).default(","),
  }).default({ delimiter: "," }),
});

export type Config = z.infer<typeof configSchema>;
export const DEFAULT_CONFIG: Config = configSchema.parse({});
