// Finds, parses (JSONC) and validates the config file once; every message names the file and the key path.
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import type { z } from "zod";
import { SegmentError } from "./errors.js";
import { configSchema, DEFAULT_CONFIG, type Config } from "./schema/config.js";

export interface LoadedConfig {
  config: Config;
  /** Folder that relative paths in the config are resolved against. */
  dir: string;
  /** The file read, or undefined when none was. */
  path?: string;
}

export const DEFAULT_CONFIG_FILE = "segment.config.json";

/** `-c FILE`, else `./segment.config.json` when it exists, else the defaults. */
export function loadConfig(file?: string): LoadedConfig {
  const path = file ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  if (!path) return { config: DEFAULT_CONFIG, dir: process.cwd() };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new SegmentError("config", `Cannot read the config file ${path}.`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const errors: ParseError[] = [];
  const data: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const e = errors[0]!;
    const line = text.slice(0, e.offset).split("\n").length;
    throw new SegmentError("config", `${path}, line ${line}: not valid JSON (${printParseErrorCode(e.error)}).`);
  }
  const parsed = configSchema.safeParse(data ?? {});
  if (!parsed.success) throw new SegmentError("config", `${path}: ${describeIssue(parsed.error.issues[0]!, data)}`);
  return { config: parsed.data, dir: dirname(resolve(path)), path };
}

/** `allocation.weights.hot: expected a number, got "high"` */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const path = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const key = [...issue.path.map(String), issue.keys[0]].join(".");
    return `${key}: unknown key.`;
  }
  let got: unknown = data;
  for (const k of issue.path) got = got && typeof got === "object" ? (got as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined;
  const shown = got === undefined ? "nothing" : JSON.stringify(got);
  return `${path || "(top level)"}: ${issue.message.replace(/^Invalid input: /, "")}, got ${shown}.`;
}

/** A path from the config, relative to the config file's folder. */
export function configPath(loaded: LoadedConfig, p: string | undefined): string | undefined {
  return p === undefined ? undefined : resolve(loaded.dir, p);
}
