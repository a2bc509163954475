// The output files written on a thread of their own: the command's thread encodes the CSVs a megabyte at a time and
// copies each chunk into one of a few shared slots; the write thread (src/io/write-worker.ts) writes the slots to their
// files. The kernel's work of taking a run's bytes into the page cache then runs beside the encoding, on the core the
// stages after the read leave idle: on the 300k-row bench export, 309 MB took 0.2-0.36 s of `writeSync` on the
// command's thread (0.9 s where the pages were new to the machine). The files are the same either way; where no thread
// can run, they are written here (`SyncFiles`).
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { builtFile } from "../built-file.js";
import { OpenFiles } from "./open-files.js";
import { BUFFER_BYTES } from "./write-csv.js";

/** Beside this module as tsc writes it; in dist/io/ from the bundle's entry (dist/cli.js); from the sources (tests), the built one. */
const WRITE_WORKER = builtFile(import.meta.url, ["./write-worker.js", "./io/write-worker.js", "../../dist/io/write-worker.js"]);

/** Slots the command's thread may fill ahead of the writing. */
export const SLOTS = 8;
/** Bytes a slot holds: a CSV writer's chunk; a longer chunk takes several. */
export const SLOT_BYTES = BUFFER_BYTES;
/** A slot's length saying: no more slots; close every file (made empty where it got nothing) and end. */
export const END = -1;
/** `ctrl`'s cells: slots posted, slots written, and 1 once a write failed. */
export const POSTED = 0;
export const DONE = 1;
export const FAILED = 2;
/** A write thread that takes no slot for this long has died: the run stops with an error rather than wait forever. */
const STALL_MS = 300_000;

/** What the command's thread tells the write thread of a file before its first slot. */
export interface FileMessage {
  file: number;
  path: string;
}
/** What the write thread tells of a failed write: the error as `writeSync` gave it. */
export interface FailMessage {
  message: string;
  code?: string;
  syscall?: string;
  path?: string;
}
export interface WriteWorkerData {
  ctrl: Int32Array;
  meta: Int32Array;
  data: Uint8Array;
  port: MessagePort;
}

/** Where a run's producers write their files (numbered as they are added). */
export interface FileWriter {
  add(path: string): number;
  write(file: number, chunk: Uint8Array): void;
  /** Every file written out, closed, and made where it got nothing; the first failure thrown. */
  finish(): void;
  /** Gives up (after a failure): nothing more is written. */
  stop(): void;
}

/** The files written on this thread. */
export class SyncFiles implements FileWriter {
  private readonly files = new OpenFiles();
  add(path: string): number {
    return this.files.add(path);
  }
  write(file: number, chunk: Uint8Array): void {
    this.files.write(file, chunk);
  }
  finish(): void {
    this.files.finish();
  }
  stop(): void {
    this.files.close();
  }
}

/** An error as the write thread reported it, shaped as `writeSync`'s own (code, syscall, path). */
function failure(m: FailMessage | undefined): Error {
  const e = new Error(m?.message ?? "the write thread stopped") as NodeJS.ErrnoException;
  if (m?.code) e.code = m.code;
  if (m?.syscall) e.syscall = m.syscall;
  if (m?.path) e.path = m.path;
  return e;
}

export class WriteThread implements FileWriter {
  private posted = 0;
  private files = 0;
  private worker: Worker | null;

  private constructor(
    worker: Worker,
    private readonly ctrl: Int32Array,
    private readonly meta: Int32Array,
    private readonly data: Uint8Array,
    private readonly port: MessagePort,
  ) {
    this.worker = worker;
    // The thread keeps nothing alive: the command's thread waits for it in `finish`.
    worker.unref();
    worker.on("error", () => {
      Atomics.store(ctrl, FAILED, 1);
    });
  }

  /** A write thread, or null where none can run (no compiled worker, SEGMENT_WRITE_THREAD=0, no threads here). */
  static start(): WriteThread | null {
    if (process.env.SEGMENT_WRITE_THREAD === "0" || WRITE_WORKER === undefined) return null;
    try {
      const ctrl = new Int32Array(new SharedArrayBuffer(3 * 4));
      const meta = new Int32Array(new SharedArrayBuffer(SLOTS * 2 * 4));
      const data = new Uint8Array(new SharedArrayBuffer(SLOTS * SLOT_BYTES));
      const { port1, port2 } = new MessageChannel();
      // It keeps a few small objects: a small heap (its young generation is what a thread's memory mostly is).
      const worker = new Worker(WRITE_WORKER, {
        workerData: { ctrl, meta, data, port: port2 } satisfies WriteWorkerData,
        transferList: [port2],
        resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 },
      });
      return new WriteThread(worker, ctrl, meta, data, port1);
    } catch {
      return null;
    }
  }

  add(path: string): number {
    const file = this.files++;
    // Sent before any slot of the file: the thread reads its messages when it meets a file it does not know.
    this.port.postMessage({ file, path } satisfies FileMessage);
    return file;
  }

  write(file: number, chunk: Uint8Array): void {
    for (let at = 0; at < chunk.length; at += SLOT_BYTES) {
      const n = Math.min(SLOT_BYTES, chunk.length - at);
      const s = this.slot();
      this.data.set(n === chunk.length ? chunk : chunk.subarray(at, at + n), s * SLOT_BYTES);
      this.post(s, file, n);
    }
  }

  finish(): void {
    this.post(this.slot(), 0, END);
    this.wait(this.posted);
    this.check();
    this.stop();
  }

  stop(): void {
    const w = this.worker;
    if (w === null) return;
    this.worker = null;
    this.port.close();
    void w.terminate();
  }

  /** A free slot, once the thread has written enough of those posted before. */
  private slot(): number {
    this.wait(this.posted - SLOTS + 1);
    return this.posted % SLOTS;
  }

  private post(s: number, file: number, length: number): void {
    this.meta[2 * s] = file;
    this.meta[2 * s + 1] = length;
    this.posted++;
    Atomics.store(this.ctrl, POSTED, this.posted);
    Atomics.notify(this.ctrl, POSTED);
  }

  /** Waits until the thread has written `count` slots; throws its failure, if any. */
  private wait(count: number): void {
    this.check();
    let heard = Date.now();
    for (;;) {
      const done = Atomics.load(this.ctrl, DONE);
      if (done >= count) return;
      if (Atomics.wait(this.ctrl, DONE, done, 1000) === "timed-out") {
        this.check();
        if (Date.now() - heard > STALL_MS) throw new Error("the write thread stopped answering");
      } else heard = Date.now();
    }
  }

  private check(): void {
    if (Atomics.load(this.ctrl, FAILED) === 0) return;
    const got = receiveMessageOnPort(this.port);
    this.stop();
    throw failure(got?.message as FailMessage | undefined);
  }
}

/**
 * Rows from which the files go to the write thread: a smaller run's ~1 KB a row are written in a few tens of
 * milliseconds, about what starting the thread takes.
 */
export const WRITE_THREAD_ROWS = 50_000;

/** The files of a run with this many rows: on the write thread where it pays (SEGMENT_WRITE_THREAD=1: always). */
export function fileWriter(rows: number): FileWriter {
  const on = process.env.SEGMENT_WRITE_THREAD;
  if (on === "1" || (on !== "0" && rows >= WRITE_THREAD_ROWS)) return WriteThread.start() ?? new SyncFiles();
  return new SyncFiles();
}
