// The reader thread (src/io/read-thread.ts): reads, decodes and tokenizes the plan's chunks and posts them,
// at most AHEAD batches ahead of the main thread.
import { closeSync, openSync } from "node:fs";
import { receiveMessageOnPort, workerData, type MessagePort } from "node:worker_threads";
import { clearNameCaches, nameKey } from "../normalise/names.js";
import { firstValue } from "../records.js";
import { NotStreamable, readChunks, type ChunkPlan } from "./read-csv.js";
import { AHEAD, type KeyColumns, type WireMessage } from "./read-thread.js";
import { WireEncoder } from "./wire.js";

const { plan: given, state, port } = workerData as { plan: ChunkPlan | null; state: Int32Array; port: MessagePort };
/** The plan came with the thread, or comes as its first message (a thread started early: `prestartReader`). */
const plan = given ?? waitForPlan();

function waitForPlan(): ChunkPlan {
  for (;;) {
    const got = receiveMessageOnPort(port);
    if (got !== undefined) return (got.message as { plan: ChunkPlan }).plan;
    Atomics.wait(state, 2, 0, 1000);
  }
}

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

/** The name columns whose first filled cell is keyed for each record, once the main thread asks (`keyNames`). */
let keyColumns: number[] | null = null;
function keysOf(records: ReadonlyArray<{ cells: string[] }>, nameColumns: readonly number[]): string[] {
  const keys = new Array<string>(records.length);
  for (let k = 0; k < records.length; k++) {
    const name = firstValue(records[k]!.cells, nameColumns);
    keys[k] = name === "" ? "" : nameKey(name);
  }
  // The caches are keyed by this chunk's cells.
  clearNameCaches();
  return keys;
}

const encoder = new WireEncoder();
post({ hello: true });
let fd = -1;
try {
  fd = openSync(plan.path, "r");
  for (const batch of readChunks(fd, { ...plan, markWide: true })) {
    const asked = receiveMessageOnPort(port);
    if (asked !== undefined) keyColumns = (asked.message as KeyColumns).keyColumns;
    const keys = keyColumns === null ? undefined : keysOf(batch.records, keyColumns);
    const wire = encoder.encode(batch, keys);
    post({ batch: wire }, [wire.counts.buffer, wire.lines.buffer]);
  }
  post({ done: true });
} catch (e) {
  post({ error: e instanceof NotStreamable ? "not-streamable" : "failed", message: e instanceof Error ? e.message : String(e) });
} finally {
  if (fd >= 0) closeSync(fd);
}
