// The command table: one entry per command, lazy imports, and the only place that prints errors and sets the exit code.
import { Command, CommanderError, Option } from "commander";
import { isSegmentError, SegmentError } from "./errors.js";
import { processIo, type Io } from "./commands/options.js";
import { DIALECTS } from "./types.js";
import { stopProgress } from "./progress.js";
import { dropSpareReader, prestartReader } from "./io/prestart.js";
import { commandThreadData, commandThreadDone, commandThreadWanted, runOnCommandThread, startCommandThread } from "./command-thread.js";

const collect = (value: string, previous: string[] = []) => [...previous, value];

function intOption(flag: string) {
  return (v: string) => {
    if (!/^-?\d+$/.test(v.trim())) throw new SegmentError("usage", `${flag} expects a whole number, got "${v}".`);
    return Number(v);
  };
}

/** The commands that read an export (`readOptions`): their first argument is its path. */
const readsExport = new WeakSet<Command>();

/** Options of every command that reads an export. */
function readOptions(cmd: Command): Command {
  readsExport.add(cmd);
  return cmd
    .option("-c, --config <file>", "config file (JSON with comments); default ./segment.config.json when present")
    .option("--map <field=Header>", "map a canonical field to a header (repeatable; beats auto-mapping)", collect, [])
    .addOption(new Option("--preset <dialect>", "force a CRM dialect").choices([...DIALECTS]))
    .option("--encoding <enc>", "force the export's encoding (utf-8, windows-1251, utf-16le, ...)")
    .option("--delimiter <c>", "force the export's delimiter (',' ';' tab '|')")
    .option("--as-of <date>", "the date recency rules count from, YYYY-MM-DD (default: today)")
    .option("--seed <n>", "tie-break seed", intOption("--seed"), 0)
    .addOption(new Option("--lang <lang>", "language of reasons, reports and the terminal").choices(["ru", "ro", "en"]))
    .option("--json", "machine-readable result on stdout", false)
    .option("--quiet", "no progress or logs on stderr", false)
    .option("--no-color", "no colour in the terminal")
    .option("--debug", "stack traces on errors", false);
}

/** Options of the commands that allocate. */
function allocateOptions(cmd: Command): Command {
  return cmd
    .option("-m, --managers <file>", "managers file (CSV: name, capacity, regions, industries, segments, active, aliases)")
    .option("--previous <allocation.csv>", "yesterday's allocation.csv: keeps allocations stable")
    .option("--locks <locks.csv>", "director's locks: client_id,manager[,note]")
    .option("--max-moves <n>", "churn limit per manager: a number of clients or a share such as 10%");
}

type Handler = (io: Io) => Promise<number>;

/** `setHandler`'s `exportPath`: the export the command will read, when it reads one. */
export function buildProgram(io: Io, setHandler: (h: Handler, debug: boolean, exportPath?: string) => void): Command {
  const program = new Command("segment")
    .description("Split a CRM client base fairly between sales managers: segment, deduplicate, allocate, report.")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s.startsWith("error:") ? "segment: " + s.slice(7) : s) })
    // Before the commands are made, so that each inherits it: usage errors become exit 2, not commander's 1.
    .exitOverride();

  const on = (cmd: Command, fn: (...args: any[]) => Promise<number>) =>
    cmd.action((...args: any[]) => {
      const opts = args[args.length - 2] as { debug?: boolean };
      const exportPath = readsExport.has(cmd) && typeof args[0] === "string" ? args[0] : undefined;
      setHandler(() => fn(...args.slice(0, -1)), Boolean(opts?.debug), exportPath);
    });

  on(
    allocateOptions(readOptions(program.command("run").argument("<export>").description("the whole pipeline: read, normalise, deduplicate, segment, allocate, write every output")))
      .option("-o, --out <dir>", "output folder", "segment-out")
      .option("--phases <k>", "also write phases.csv: the moves of K successive runs (needs --max-moves)", intOption("--phases"))
      .option("--fail-on <expr>", "exit 4 when a summary.json condition holds, e.g. rejected>0 (repeatable)", collect, []),
    async (path: string, opts) => (await import("./commands/run.js")).run(path, opts, io),
  );
  on(
    readOptions(program.command("inspect").argument("<export>").description("detected encoding, delimiter, CRM dialect, column mapping and fill rates")),
    async (path: string, opts) => (await import("./commands/inspect.js")).inspect(path, opts, io),
  );
  on(
    readOptions(program.command("init").argument("[export]").description("write a starter config and a managers file from the owners found")),
    async (path: string | undefined, opts) => (await import("./commands/init.js")).init(path, opts, io),
  );
  on(
    readOptions(program.command("segments").argument("<export>").description("segmentation only; --matrix a,b prints a cross-tab of two segmenters"))
      .option("--matrix <a,b>", "cross-tab of two segmenters"),
    async (path: string, opts) => (await import("./commands/segments.js")).segments(path, opts, io),
  );
  on(
    allocateOptions(readOptions(program.command("dedupe").argument("<export>").description("duplicates and conflicts only")))
      .option("-o, --out <dir>", "output folder", "segment-dedupe"),
    async (path: string, opts) => (await import("./commands/dedupe.js")).dedupe(path, opts, io),
  );
  on(
    program
      .command("diff")
      .argument("<old>", "the earlier allocation.csv")
      .argument("<new>", "the later allocation.csv")
      .description("per manager: kept, gained, lost; every moved client")
      .option("--json", "machine-readable result on stdout", false)
      .addOption(new Option("--lang <lang>", "language").choices(["ru", "ro", "en"]))
      .option("--no-color", "no colour")
      .option("--debug", "stack traces on errors", false),
    async (a: string, b: string, opts) => (await import("./commands/diff.js")).diff(a, b, opts, io),
  );
  on(
    allocateOptions(readOptions(program.command("explain").argument("<export>").argument("<client-id>").description("why is this client where it is: fields, segments, duplicates, decision"))),
    async (path: string, id: string, opts) => (await import("./commands/explain.js")).explain(path, id, opts, io),
  );
  on(
    allocateOptions(readOptions(program.command("propose").argument("<export>").description("compare allocation strategies side by side")))
      .requiredOption("--strategies <list>", "comma-separated: balanced, geography, industry, keep-all-owners, max-moves=N[%]")
      .option("-o, --out <dir>", "also write each strategy's outputs under DIR/<strategy>"),
    async (path: string, opts) => (await import("./commands/propose.js")).propose(path, opts, io),
  );
  on(
    program
      .command("segmenters")
      .description("list every segmenter (built-in and plugins) with its labels and options")
      .option("-c, --config <file>", "config file")
      .option("--json", "machine-readable result on stdout", false)
      .addOption(new Option("--lang <lang>", "language").choices(["ru", "ro", "en"]))
      .option("--no-color", "no colour")
      .option("--debug", "stack traces on errors", false),
    async (opts) => (await import("./commands/segmenters.js")).segmenters(opts, io),
  );
  return program;
}

function report(e: unknown, debug: boolean, io: Io): number {
  stopProgress();
  if (isSegmentError(e)) {
    io.stderr(`segment: ${e.message}\n`);
    if (e.hint) io.stderr(`${e.hint}\n`);
    if (debug && e.stack) io.stderr(e.stack + "\n");
    return e.exitCode;
  }
  const err = e as Error;
  io.stderr(`segment: unexpected error: ${err?.message ?? String(e)}${debug ? "" : " (run with --debug for details)"}\n`);
  if (debug && err?.stack) io.stderr(err.stack + "\n");
  return 1;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const debug = argv.includes("--debug");
  let handler: Handler | undefined;
  let exportPath: string | undefined;
  const program = buildProgram(io, (h, _debug, path) => {
    handler = h;
    exportPath = path;
  });
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      return 2;
    }
    return report(e, debug, io);
  }
  if (!handler) return 0;
  const chalk = (await import("chalk")).default;
  // On the command thread, the terminal's colours are the main thread's (this thread's stdout is no terminal).
  const thread = commandThreadData();
  if (thread) chalk.level = thread.colorLevel as typeof chalk.level;
  if (argv.includes("--no-color") || process.env.NO_COLOR) chalk.level = 0;
  try {
    // The reader thread comes up while the command's code loads (a large export only).
    if (exportPath !== undefined) prestartReader(exportPath);
    // A large export's command runs on a thread with a larger young generation, the reader thread handed to it; here
    // only if that thread cannot start.
    if (exportPath !== undefined && thread === null && commandThreadWanted(exportPath)) {
      const code = await runOnCommandThread(argv, exportPath, io, chalk.level);
      if (code !== null) return code;
      prestartReader(exportPath);
    }
    return await handler(io);
  } catch (e) {
    return report(e, debug, io);
  } finally {
    dropSpareReader();
    stopProgress();
  }
}

const thread = commandThreadData();
if (thread) commandThreadDone(await main(thread.argv, startCommandThread(thread)));
else process.exitCode = await main(process.argv.slice(2));
