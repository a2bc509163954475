// Runs the built binary the way a user does: NO_COLOR, fixed --as-of, output in a temp folder.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
export const BIN = join(ROOT, "bin/segment.js");
export const DEMO = join(ROOT, "fixtures/demo/bitrix24-companies.csv");
export const DEMO_CONFIG = join(ROOT, "fixtures/demo/segment.config.json");
export const DEMO_MANAGERS = join(ROOT, "fixtures/demo/managers.csv");

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function segment(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...opts.env },
    encoding: "utf8",
    input: opts.input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { exitCode: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export const tempDir = (prefix = "segment-test-") => mkdtempSync(join(tmpdir(), prefix));

/** The contract check (a copy of ../shared/tools/check-output.mjs kept in test/support). */
export function checkOutput(dir: string): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, "test/support/check-output.mjs"), dir], { encoding: "utf8" });
  return { exitCode: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A tool CSV as records of strings (BOM stripped, `,` or `;`). */
export function readCsv(path: string): Record<string, string>[] {
  let text = readFileSync(path, "utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const head = text.slice(0, text.indexOf("\n"));
  const sep = head.includes(";") && !head.includes(",") ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === sep) { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, j) => [h, r[j] ?? ""])));
}
