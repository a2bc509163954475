// A large export's command runs on a thread of its own, made with a young generation V8 will not give the main
// thread once it has started (`--max-semi-space-size` is a flag of the node command line, read before any code runs).
// While a file is read, nearly everything this thread allocates is a row that lives to the end, so every scavenge
// copies it; with twice the young generation there are half as many scavenges, which saved ~0.5 s of the 2.7 s spent
// in them on the 300k bench export (`--trace-gc`; BENCHMARKS.md, twenty-second pass). The main thread keeps the terminal: it writes what the command thread says,
// in the order it says it, and draws the progress bar.
import { statSync } from "node:fs";
import { getHeapStatistics } from "node:v8";
import { parentPort, Worker, workerData } from "node:worker_threads";
import { builtFile } from "./built-file.js";
import type { Io } from "./commands/options.js";
import { SegmentError } from "./errors.js";
import { adoptSpareReader, handOverSpareReader, type ReaderChannel } from "./io/prestart.js";
import { advanceProgress, forwardProgress, logAboveProgress, startProgress, stopProgress, type ProgressMessage } from "./progress.js";

/** The CLI's own module, which runs the command when started as the command thread: beside this one once built
 * (or above it, from the bundle's chunks), the built one from the sources (tests build first). */
const CLI = builtFile(import.meta.url, ["./cli.js", "../cli.js", "../dist/cli.js"]);

/**
 * Exports larger than this run on the command thread: 65,000 rows of the Bitrix24 bench export, 150,000 of a Salesforce
 * report. The thread costs ~0.2 s (it takes ~0.1 s to come up and load the CLI); on the 100k Bitrix24 export (50 MB)
 * that about cancels what the collector saves. At 300k, alternating runs gave 5-9% less time on the bench export, up
 * to 6% less or no change on others, and 3% more on Bitrix24 in Windows-1251.
 */
export const COMMAND_THREAD_OVER = 32 << 20;

/**
 * The command thread's young generation, MB: semi-spaces of a third each, 32 MB, twice the main thread's 16. Measured
 * on the 300k bench export (BENCHMARKS.md, twenty-second pass): 96 kept the peak near the main thread's (~820k-870k
 * KB); 120, 144 and 192 all behaved alike (as if each semi-space were rounded up to 64 MB) and peaked at ~940k KB, too
 * near the 1 GB the run must stay under.
 */
export const YOUNG_GENERATION_MB = 96;

/** What the command thread is started with. */
interface CommandThreadData {
  segment: "command";
  argv: string[];
  isTTY: boolean;
  colorLevel: number;
  /** The reader thread the main thread started for the export while this one came up (`prestartReader`). */
  reader: ReaderChannel | null;
}

/** What the command thread posts to the main thread. */
export type CommandMessage = { started: true } | { out: string } | { err: string } | ProgressMessage | { done: number };

/** This thread's start, when it is the command thread (else null). */
export function commandThreadData(): CommandThreadData | null {
  const d = workerData as Partial<CommandThreadData> | null;
  return parentPort !== null && d?.segment === "command" ? (d as CommandThreadData) : null;
}

/**
 * Whether the command reading `exportPath` goes to a command thread: a file larger than COMMAND_THREAD_OVER, or any
 * file with SEGMENT_COMMAND_THREAD=1; never with SEGMENT_COMMAND_THREAD=0. A path that is not a file stays here,
 * where the command says what is wrong with it.
 */
export function commandThreadWanted(exportPath: string): boolean {
  const env = process.env.SEGMENT_COMMAND_THREAD;
  if (env === "0" || CLI === undefined) return false;
  try {
    const stat = statSync(exportPath);
    return stat.isFile() && (env === "1" || stat.size > COMMAND_THREAD_OVER);
  } catch {
    return false;
  }
}

/**
 * Runs the command of `argv` on a command thread, writing what it says through `io`; its exit code, or null when the
 * thread could not start (the caller then runs the command itself). A thread that fails once started (out of memory,
 * an error nothing caught) rejects with the error. A reader thread already started for the export goes with it.
 */
export function runOnCommandThread(argv: string[], exportPath: string, io: Io, colorLevel: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const reader = handOverSpareReader();
    const data: CommandThreadData = { segment: "command", argv, isTTY: io.isTTY, colorLevel, reader };
    // The main thread's own limit for the old generation (a --max-old-space-size given to node included): V8's heap
    // limit less the main thread's young generation (3 × 16 MB unless node was told otherwise).
    const oldMb = Math.max(16, Math.round(getHeapStatistics().heap_size_limit / 1048576) - 48);
    let worker: Worker;
    try {
      worker = new Worker(CLI!, {
        workerData: data,
        transferList: reader ? [reader.port] : [],
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: oldMb },
      });
    } catch {
      resolve(null);
      return;
    }
    let started = false;
    let code: number | null = null;
    let failure: Error | null = null;
    worker.on("message", (m: CommandMessage) => {
      if ("started" in m) started = true;
      else if ("out" in m) io.stdout(m.out);
      else if ("err" in m) io.stderr(m.err);
      else if ("done" in m) code = m.done;
      else if (m.progress === "start") startProgress(m);
      else if (m.progress === "advance") advanceProgress(m.stage);
      else if (m.progress === "log") logAboveProgress(io.stderr, m.text);
      else stopProgress();
    });
    worker.on("error", (e) => {
      failure ??= e;
    });
    worker.on("exit", () => {
      if (code !== null) resolve(code);
      else if (!started) resolve(null);
      else {
        stopProgress();
        // On the main thread V8 would have stopped the process with a trace; here it is one sentence and exit 1.
        if ((failure as NodeJS.ErrnoException | null)?.code === "ERR_WORKER_OUT_OF_MEMORY") {
          reject(new SegmentError("internal", `${exportPath}: the run ran out of memory (its heap may take ${oldMb} MB).`, `Give node more, e.g. NODE_OPTIONS=--max-old-space-size=${2 * oldMb}.`));
        } else reject(failure ?? new Error("the command thread stopped before its command finished"));
      }
    });
  });
}

/**
 * The command thread's start: the terminal is the main thread's, so what the command writes is posted to it (the Io
 * given back); the reader thread the main thread started is this thread's to read with.
 */
export function startCommandThread(data: CommandThreadData): Io {
  const post = (m: CommandMessage) => parentPort!.postMessage(m);
  forwardProgress(post);
  if (data.reader) adoptSpareReader(data.reader);
  post({ started: true });
  return { stdout: (out) => post({ out }), stderr: (err) => post({ err }), isTTY: data.isTTY };
}

/** The command thread's end: its exit code, posted. */
export function commandThreadDone(code: number): void {
  parentPort!.postMessage({ done: code } satisfies CommandMessage);
}
