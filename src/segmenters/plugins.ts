// User segmenter plugins: a .js/.mjs module whose default export is {meta, options, create}, checked before it runs.
import { existsSync } from "node:fs";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { SegmentError } from "../errors.js";
import { FIELDS } from "../types.js";
import type { Segmenter } from "./define.js";

export const SEGMENTER_ID = /^[a-z][a-z0-9_]*$/;

/** The shape every segmenter must have, built-in or not; the options schema is recognised by its `safeParse`. */
export const segmenterShape = z.object({
  meta: z.object({
    id: z.string().regex(SEGMENTER_ID, "expected a lower-case id such as \"tier\" (letters, digits, _)"),
    title: z.string().min(1),
    labels: z.union([
      z.literal("open"),
      z
        .array(z.string().min(1))
        .min(1)
        .refine((l) => new Set(l).size === l.length, "labels must not repeat"),
    ]),
    uses: z.array(z.enum(FIELDS)).default([]),
    description: z.string().optional(),
  }),
  options: z
    .custom<z.ZodType | Record<string, unknown>>((v) => typeof v === "object" && v !== null && !Array.isArray(v), {
      message: "expected a zod schema or an object of default values",
    })
    .optional(),
  create: z.custom<Segmenter["create"]>((v) => typeof v === "function", { message: "expected a function (options, ctx) => (client) => {label, reason}" }),
});

function describe(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join(".");
  return `${path || "default export"}: ${issue.message.replace(/^Invalid input: /, "")}`;
}

const isSchema = (v: unknown): v is z.ZodType => typeof (v as { safeParse?: unknown } | undefined)?.safeParse === "function";

/** A plugin may give its options as plain defaults (`{ micro: 10 }`): each key then takes a value of that type. */
export function schemaFromDefaults(defaults: Record<string, unknown>): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, value] of Object.entries(defaults)) {
    const base: z.ZodType =
      typeof value === "number" ? z.number()
      : typeof value === "string" ? z.string()
      : typeof value === "boolean" ? z.boolean()
      : Array.isArray(value) ? z.array(z.unknown())
      : value !== null && typeof value === "object" ? z.record(z.string(), z.unknown())
      : z.unknown();
    shape[key] = (base as z.ZodType<unknown>).default(value);
  }
  return z.strictObject(shape);
}

/** Checks a segmenter object; `where` names it in the message (a plugin's path). */
export function checkSegmenter(value: unknown, where: string): Segmenter {
  const parsed = segmenterShape.safeParse(value);
  if (!parsed.success) {
    throw new SegmentError("config", `Plugin ${where} is malformed: ${describe(parsed.error.issues[0]!)}.`);
  }
  const s = parsed.data;
  const options = isSchema(s.options) ? s.options : schemaFromDefaults(s.options ?? {});
  if (!options.safeParse({}).success) {
    throw new SegmentError("config", `Plugin ${where} is malformed: options: the schema must accept {} and fill its defaults.`);
  }
  return { meta: s.meta, options, create: s.create } as Segmenter;
}

/** Loads one plugin named in the config (`plugins`), relative to the config file's folder. */
export async function loadPlugin(path: string, configDir: string): Promise<Segmenter> {
  const ext = extname(path).toLowerCase();
  if (ext !== ".js" && ext !== ".mjs") {
    throw new SegmentError("config", `plugins: ${path} must be a .js or .mjs module (got "${ext || "no extension"}").`);
  }
  const file = resolve(configDir, path);
  if (!existsSync(file)) throw new SegmentError("config", `plugins: ${path} does not exist (looked in ${configDir}).`);
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (e) {
    const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new SegmentError("config", `Plugin ${path} could not be loaded: ${msg}.`);
  }
  if (mod.default === undefined) {
    throw new SegmentError("config", `Plugin ${path} is malformed: it has no default export (export default {meta, options, create}).`);
  }
  return checkSegmenter(mod.default, path);
}
