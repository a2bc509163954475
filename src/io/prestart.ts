// A reader thread started before it has a plan: the CLI starts one as soon as it knows the export is large (its
// arguments parsed), while this thread still loads the command's code, and `startReader` takes it once the file's
// encoding and delimiter are settled. A thread takes ~0.2-0.3 s to come up and load its modules; started with its
// plan it was the main thread's first wait of every streamed run (BENCHMARKS.md, twenty-first pass).
// Kept apart from read-thread.ts, which loads the reader's own code (iconv-lite, the tokenizer): the CLI imports this.
import { statSync } from "node:fs";
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import { builtFile } from "../built-file.js";

// Beside this module as tsc writes it; in dist/io/ from the bundle's entry (dist/cli.js, `npm run build`); from the
// sources (tests) and the bundle's chunks (dist/chunks/), the built one (`npm test` builds first).
export const READ_WORKER = builtFile(import.meta.url, ["./read-worker.js", "./io/read-worker.js", "../../dist/io/read-worker.js"]);

/** Files larger than this are streamed, so read on a thread (`ingest`'s WHOLE_UP_TO, or SEGMENT_CHUNK_BYTES when set). */
const STREAMED_OVER = 2 << 20;

/**
 * A started reader thread and its channel. `state`: [0] messages posted by the reader, [1] messages taken by the
 * thread that reads (the main thread, or the command thread), [2] 1 once the plan is posted (the thread waits on it).
 */
export interface SpareReader {
  /** Null on the command thread, which was handed the channel of a thread the main thread started (`adoptSpareReader`). */
  worker: Worker | null;
  state: Int32Array;
  port: MessagePort;
}

let spare: SpareReader | null = null;
/** A started thread whose channel went to the command thread: stopped here once the command is done (`dropSpareReader`). */
let handedOver: Worker | null = null;

/** A new reader thread; it waits for its plan (`givePlan`) unless `plan` is given now. */
export function spawnReader(script: URL, plan: unknown): SpareReader {
  const state = new Int32Array(new SharedArrayBuffer(12));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: { plan, state, port: port2 }, transferList: [port2] });
  } catch (e) {
    port1.close();
    port2.close();
    throw e;
  }
  worker.unref();
  // A thread that fails to start says so here, later, when this thread is free again; its silence is what counts.
  worker.on("error", () => {});
  return { worker, state, port: port1 };
}

/** Hands a thread started without a plan the plan to read. */
export function givePlan(r: SpareReader, plan: unknown): void {
  r.port.postMessage({ plan });
  Atomics.store(r.state, 2, 1);
  Atomics.notify(r.state, 2);
}

/**
 * Starts a reader thread for the export at `path` when it will be streamed (larger than the whole-file limit) and
 * threads are allowed (SEGMENT_READ_THREAD is not `0`). Anything amiss (no such file, no worker) starts nothing: the
 * read then goes as it would have.
 */
export function prestartReader(path: string): void {
  if (spare !== null || READ_WORKER === undefined || process.env.SEGMENT_READ_THREAD === "0") return;
  const given = Number(process.env.SEGMENT_CHUNK_BYTES);
  const over = Number.isFinite(given) && given > 0 ? given : STREAMED_OVER;
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size <= over) return;
    spare = spawnReader(READ_WORKER, null);
  } catch {
    spare = null;
  }
}

/** The thread `prestartReader` started, once (null when there is none). */
export function takeSpareReader(): SpareReader | null {
  const r = spare;
  spare = null;
  return r;
}

/** A started thread's channel, for the command thread (src/command-thread.ts); the thread itself stays this one's. */
export interface ReaderChannel {
  state: Int32Array;
  port: MessagePort;
}

/** The channel of the thread `prestartReader` started, to hand to the command thread (null when there is none). */
export function handOverSpareReader(): ReaderChannel | null {
  const r = takeSpareReader();
  if (r === null) return null;
  handedOver = r.worker;
  return { state: r.state, port: r.port };
}

/** On the command thread: the reader thread the main thread started is the one this thread's read takes. */
export function adoptSpareReader(channel: ReaderChannel): void {
  spare = { worker: null, state: channel.state, port: channel.port };
}

/** Stops a started thread nobody took (a run that failed before its read), and one handed over once its command is done. */
export function dropSpareReader(): void {
  if (handedOver !== null) void handedOver.terminate();
  handedOver = null;
  const r = takeSpareReader();
  if (r === null) return;
  void r.worker?.terminate();
  r.port.close();
}
