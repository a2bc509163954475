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
    throw new SegmentError("config", jsonError(path, text, errors[0]!));
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

// What jsonc-parser's error codes mean, in the words of someone editing the file.
const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: "a character that has no place here",
  InvalidNumberFormat: "a number written wrongly",
  PropertyNameExpected: "a key in double quotes was expected",
  ValueExpected: "a value was expected",
  ColonExpected: "a colon after the key was expected",
  CommaExpected: "a comma is missing",
  CloseBraceExpected: "a closing } is missing",
  CloseBracketExpected: "a closing ] is missing",
  EndOfFileExpected: "text after the end of the object",
  InvalidCommentToken: "a comment written wrongly",
  UnexpectedEndOfComment: "a /* comment that never closes",
  UnexpectedEndOfString: "a string that never closes",
  UnexpectedEndOfNumber: "a number cut short",
  InvalidUnicode: "a \\u escape written wrongly",
  InvalidEscapeCharacter: "a backslash escape that JSON does not have",
  InvalidCharacter: "a control character inside a string",
};

/** `FILE, line L, column C: WHAT (near "TEXT").` for the first syntax error in a config file. */
function jsonError(path: string, text: string, e: ParseError): string {
  const before = text.slice(0, e.offset);
  const line = before.split("\n").length;
  const column = e.offset - before.lastIndexOf("\n");
  const code = printParseErrorCode(e.error);
  const near = text.slice(e.offset, e.offset + Math.max(e.length, 1)).split(/\r?\n/)[0]!.slice(0, 40);
  const where = e.offset >= text.length ? " at the end of the file" : near.trim() ? `, at: ${near.trim()}` : "";
  // A bare word is almost always a key or a text someone forgot to quote.
  const complete: ParseError[] = [];
  if (before.trim() !== "") parse(before, complete, { allowTrailingComma: true, disallowComments: false });
  const what = before.trim() !== "" && complete.length === 0 ? JSON_ERRORS.EndOfFileExpected : code === "InvalidSymbol" && /^[\p{L}_]/u.test(near) ? "keys and texts need double quotes" : (JSON_ERRORS[code] ?? code);
  return `${path}, line ${line}, column ${column}: not valid JSON: ${what}${where}.`;
}
