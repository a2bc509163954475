// The write thread (src/io/write-thread.ts): writes each slot the command's thread posts to its file, in order, and
// marks it written; a failed write is reported once and the rest is only marked, so that the command's thread stops.
import { receiveMessageOnPort, workerData } from "node:worker_threads";
import { OpenFiles } from "./open-files.js";
import { DONE, END, FAILED, POSTED, SLOT_BYTES, SLOTS, type FailMessage, type FileMessage, type WriteWorkerData } from "./write-thread.js";

const { ctrl, meta, data, port } = workerData as WriteWorkerData;
const files = new OpenFiles();
let failed = false;

/** Takes the files the command's thread has told of so far; false once there are none left to take. */
function learn(): boolean {
  const got = receiveMessageOnPort(port);
  if (got === undefined) return false;
  const m = got.message as FileMessage;
  files.add(m.path, m.file);
  return true;
}

/** The path of `file`: its message is sent before its first slot. */
function know(file: number): void {
  while (!files.has(file)) if (!learn()) throw new Error(`the write thread was not told of file ${file}`);
}

function fail(e: unknown, file: number): void {
  failed = true;
  const err = e as NodeJS.ErrnoException;
  port.postMessage({ message: err?.message ?? String(e), code: err?.code, syscall: err?.syscall, path: err?.path ?? files.path(file) } satisfies FailMessage);
  Atomics.store(ctrl, FAILED, 1);
}

let done = 0;
for (let end = false; !end; ) {
  while (Atomics.load(ctrl, POSTED) === done) Atomics.wait(ctrl, POSTED, done);
  const s = done % SLOTS;
  const file = meta[2 * s]!;
  const length = meta[2 * s + 1]!;
  end = length === END;
  if (!failed) {
    try {
      if (end) {
        // Every file told of, written to or not (a manager with no client still gets a file).
        while (learn());
        files.finish();
      } else {
        know(file);
        files.write(file, data.subarray(s * SLOT_BYTES, s * SLOT_BYTES + length));
      }
    } catch (e) {
      fail(e, file);
    }
  }
  done++;
  Atomics.store(ctrl, DONE, done);
  Atomics.notify(ctrl, DONE);
}
if (failed) files.close();
