// The body of a streamed export read on a second thread: decoding and tokenizing run beside the rules and
// normalisers, and the cells arrive as strings of their own (not slices of a chunk's text). The rules stay
// synchronous: the main thread takes each batch as it comes (Atomics.wait, receiveMessageOnPort), and the
// reader stays at most AHEAD batches ahead, so memory holds a few chunks whatever the file's size.
import { receiveMessageOnPort, type Worker } from "node:worker_threads";
import { NotStreamable, readChunks, type ChunkBatch, type ChunkPlan } from "./read-csv.js";
import { givePlan, READ_WORKER, spawnReader, takeSpareReader, type SpareReader } from "./prestart.js";
import { unwire, type WireBatch } from "./wire.js";

/** Batches read ahead of the one the main thread is working on. */
export const AHEAD = 3;
/** A reader thread that has not said hello by then is given up for reading on the main thread. */
const START_MS = 5_000;
/** A reader thread silent this long (a chunk is half a megabyte) has died: the run stops with an error rather than wait forever. */
const STALL_MS = 300_000;

export interface Reader {
  batches: Iterable<ChunkBatch>;
  stop(): void;
  /**
   * From the next batch the thread reads on, each record carries the match key of its company name (`nameKey`), the
   * first filled cell of `columns` (an export whose rows all come at the end: the keys are worked out while this
   * thread takes the cells, not after the read). Read on this thread: nothing.
   */
  keyNames(columns: readonly number[]): void;
  /** The batches so far came from the reader thread: their cells are strings of their own. */
  owned(): boolean;
}

/** What this thread tells the reader: the name columns to key (`keyNames`). */
export interface KeyColumns {
  keyColumns: number[];
}
export type WireMessage = { hello: true } | { batch: WireBatch } | { done: true } | { error: "not-streamable" | "failed"; message: string };

/**
 * The plan's batches: from a reader thread where one can run (the compiled `read-worker.js` is there and
 * SEGMENT_READ_THREAD is not `0`), else read on this thread. Both give the same batches.
 */
export function startReader(fd: number, plan: ChunkPlan): Reader {
  // A thread the CLI started early (`prestartReader`) is taken whatever this run's settings: it was started under them.
  const spare = takeSpareReader();
  if (spare !== null) {
    givePlan(spare, plan);
    return threadReader(fd, plan, spare);
  }
  if (process.env.SEGMENT_READ_THREAD === "0" || READ_WORKER === undefined) return { batches: readChunks(fd, plan), stop: () => {}, owned: () => false, keyNames: () => {} };
  let started: SpareReader;
  try {
    started = spawnReader(READ_WORKER, plan);
  } catch {
    return { batches: readChunks(fd, plan), stop: () => {}, owned: () => false, keyNames: () => {} };
  }
  return threadReader(fd, plan, started);
}

function threadReader(fd: number, plan: ChunkPlan, thread: SpareReader): Reader {
  const { state, port: port1 } = thread;
  // A thread handed over by the main thread (`adoptSpareReader`) has no handle here: it ends after its last batch, and
  // the main thread stops it if the read stops first.
  let worker: Worker | null = thread.worker;
  let open = true;
  let started = false;
  const stop = () => {
    if (!open) return;
    open = false;
    void worker?.terminate();
    worker = null;
    port1.close();
  };

  function* batches(): Generator<ChunkBatch> {
    let taken = 0;
    // Each column's values sent as numbers (`unwire`); let go with the reader.
    const tables: string[][] = [];
    const deadline = Date.now() + START_MS;
    let heard = Date.now();
    try {
      for (;;) {
        while (Atomics.load(state, 0) <= taken) {
          if (started && Date.now() - heard > STALL_MS) throw new Error(`${plan.path}: the reader thread stopped answering`);
          if (!started && Date.now() > deadline) {
            // The thread never came up (no worker support here): read on this thread from the start.
            stop();
            started = false;
            yield* readChunks(fd, plan);
            return;
          }
          Atomics.wait(state, 0, taken, 100);
        }
        const got = receiveMessageOnPort(port1);
        if (got === undefined) continue; // counted a moment before it is queued: look again
        taken++;
        heard = Date.now();
        Atomics.store(state, 1, taken);
        Atomics.notify(state, 1);
        const m = got.message as WireMessage;
        if ("hello" in m) started = true;
        else if ("batch" in m) yield unwire(m.batch, tables);
        else if ("done" in m) return;
        else if (m.error === "not-streamable") throw new NotStreamable(m.message);
        else throw new Error(m.message);
      }
    } finally {
      stop();
    }
  }
  const keyNames = (columns: readonly number[]) => {
    if (open) port1.postMessage({ keyColumns: [...columns] } satisfies KeyColumns);
  };
  return { batches: batches(), stop, owned: () => started && open, keyNames };
}
