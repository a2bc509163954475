// The reader thread (src/io/read-thread.ts): reads, decodes and tokenizes the plan's chunks and posts them,
// at most AHEAD batches ahead of the main thread.
import { closeSync, openSync } from "node:fs";
import { workerData, type MessagePort } from "node:worker_threads";
import { NotStreamable, readChunks, type ChunkPlan } from "./read-csv.js";
import { AHEAD, type WireMessage } from "./read-thread.js";

const { plan, state, port } = workerData as { plan: ChunkPlan; state: Int32Array; port: MessagePort };

function post(m: WireMessage, transfer: ArrayBuffer[] = []): void {
  for (;;) {
    const taken = Atomics.load(state, 1);
    if (Atomics.load(state, 0) - taken < AHEAD) break;
    Atomics.wait(state, 1, taken, 1000);
  }
  port.postMessage(m, transfer);
  Atomics.add(state, 0, 1);
  Atomics.notify(state, 0);
}

// A chunk with any letter past Latin-1 (Cyrillic) decodes to a two-byte string, and so do its cells; an
// ASCII cell long enough to be kept (an e-mail, a site, a timestamp) is copied to one byte a character.
const ASCII = /^[\x00-\x7f]*$/;
const LONG = 13;
let scratch = Buffer.allocUnsafe(1 << 16);
function narrow(cell: string): string {
  if (cell.length < LONG || !ASCII.test(cell)) return cell;
  if (cell.length > scratch.length) scratch = Buffer.allocUnsafe(cell.length * 2);
  const n = scratch.write(cell, 0, "latin1");
  return scratch.toString("latin1", 0, n);
}

post({ hello: true });
let fd = -1;
try {
  fd = openSync(plan.path, "r");
  for (const batch of readChunks(fd, { ...plan, markWide: true })) {
    const n = batch.records.length;
    const counts = new Int32Array(n);
    const lines = new Int32Array(n);
    const cells: string[] = [];
    for (let k = 0; k < n; k++) {
      const r = batch.records[k]!;
      counts[k] = r.cells.length;
      lines[k] = r.line;
      if (batch.wide) for (const c of r.cells) cells.push(narrow(c));
      else for (const c of r.cells) cells.push(c);
    }
    post({ batch: { cells, counts, lines, position: batch.position } }, [counts.buffer, lines.buffer]);
  }
  post({ done: true });
} catch (e) {
  post({ error: e instanceof NotStreamable ? "not-streamable" : "failed", message: e instanceof Error ? e.message : String(e) });
} finally {
  if (fd >= 0) closeSync(fd);
}
