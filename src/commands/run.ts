// `segment run`: the whole pipeline, every output written atomically, a summary on the terminal.
import { loadConfig } from "../config-load.js";
import { SegmentError } from "../errors.js";
import { checkOutputDir, writeOutputs } from "../io/output-dir.js";
import { parseMaxMoves, reportTimings, runPipeline, stage } from "../pipeline.js";
import { csvOutputs } from "../report/outputs.js";
import { buildSummary, failingConditions, parseFailOn } from "../report/summary.js";
import { renderMarkdownModel } from "../report/markdown.js";
import { renderHtmlModel } from "../report/html.js";
import { buildModel } from "../report/model.js";
import { renderTerminal } from "../report/terminal.js";
import type { Io, RunOptions } from "./options.js";

export async function run(path: string, opts: RunOptions, io: Io): Promise<number> {
  const out = opts.out ?? "segment-out";
  for (const expr of opts.failOn ?? []) {
    try {
      parseFailOn(expr);
    } catch (e) {
      throw new SegmentError("usage", (e as Error).message + ".");
    }
  }
  if (opts.phases !== undefined) {
    if (opts.phases < 1) throw new SegmentError("usage", `--phases expects a number of phases from 1, got ${opts.phases}.`);
  }
  const maxMoves = parseMaxMoves(opts.maxMoves ?? loadConfig(opts.config).config.max_moves);
  if (opts.phases !== undefined && !maxMoves) throw new SegmentError("usage", "--phases needs --max-moves (or max_moves in the config): without a churn limit there is one phase.");
  checkOutputDir(out);
  const result = await runPipeline(path, opts, io, true);
  const summary = buildSummary(result, maxMoves);
  const delimiter = result.config.output.delimiter;
  const files = csvOutputs(result, delimiter, opts.phases !== undefined);
  files.set("summary.json", JSON.stringify(summary, null, 2) + "\n");
  const model = buildModel(result, summary);
  files.set("report.md", renderMarkdownModel(model));
  files.set("report.html", renderHtmlModel(model));
  await writeOutputs(out, files, "-o", result.rows.length);
  stage("write");
  reportTimings(io);

  if (opts.json) io.stdout(JSON.stringify(summary, null, 2) + "\n");
  else io.stdout(renderTerminal(result, summary, { color: opts.color !== false && io.isTTY, out }));
  const held = failingConditions(summary, opts.failOn ?? []);
  if (held.length) {
    io.stderr(`segment: --fail-on condition held: ${held.join("; ")}. Outputs were written to ${out}.\n`);
    return 4;
  }
  return 0;
}
