// The reader thread (src/io/read-thread.ts): reads, decodes and tokenizes the plan's chunks and posts them,
// at most AHEAD batches ahead of the main thread.
import { closeSync, openSync } from "node:fs";
import { receiveMessageOnPort, workerData, type MessagePort } from "node:worker_threads";
import { clearNameCaches, nameKey } from "../normalise/names.js";
import { firstValue } from "../records.js";
import { NotStreamable, readChunks, type ChunkPlan } from "./read-csv.js";
import { AHEAD, type KeyColumns, type WireMessage } from "./read-thread.js";

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

/**
 * A column's values that repeat (owners, types, statuses, bands, small counts) cross as numbers: each distinct value
 * goes once as text, in the batch's `fresh` list, and the main thread keeps a table of them per column
 * (src/io/read-thread.ts). A column whose values hardly repeat (names, addresses, timestamps) goes as text after a trial.
 */
class ColumnIds {
  ids = new Map<string, number>();
  seen = 0;
  on = true;
}
/** Longer cells go as text (a repeated long value is rare, and its lookup costs a hash of it). */
const SHORT_CELL = 64;
/** Cells of a column before it decides whether its values repeat enough. */
const TRIAL = 2048;
/** Distinct values a column sends as numbers at most. */
const MAX_IDS = 4096;
const columns: ColumnIds[] = [];

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

post({ hello: true });
let fd = -1;
try {
  fd = openSync(plan.path, "r");
  for (const batch of readChunks(fd, { ...plan, markWide: true })) {
    const asked = receiveMessageOnPort(port);
    if (asked !== undefined) keyColumns = (asked.message as KeyColumns).keyColumns;
    const n = batch.records.length;
    const counts = new Int32Array(n);
    const lines = new Int32Array(n);
    const cells: Array<string | number> = [];
    const fresh: string[] = [];
    const freshColumns: number[] = [];
    for (let k = 0; k < n; k++) {
      const r = batch.records[k]!;
      counts[k] = r.cells.length;
      lines[k] = r.line;
      for (let j = 0; j < r.cells.length; j++) {
        const c = batch.wide ? narrow(r.cells[j]!) : r.cells[j]!;
        const col = c === "" || c.length > SHORT_CELL ? undefined : (columns[j] ??= new ColumnIds());
        if (col === undefined || !col.on) {
          cells.push(c);
          continue;
        }
        let id = col.ids.get(c);
        if (id === undefined) {
          if (col.ids.size >= MAX_IDS) {
            cells.push(c);
            continue;
          }
          col.ids.set(c, (id = col.ids.size));
          fresh.push(c);
          freshColumns.push(j);
        }
        cells.push(id);
        if (++col.seen === TRIAL && col.ids.size > TRIAL / 2) {
          // Mostly distinct: text from now on (the numbers already sent stay valid on the main thread).
          col.on = false;
          col.ids.clear();
        }
      }
    }
    const keys = keyColumns === null ? undefined : keysOf(batch.records, keyColumns);
    post({ batch: { cells, counts, lines, position: batch.position, fresh, freshColumns, keys } }, [counts.buffer, lines.buffer]);
  }
  post({ done: true });
} catch (e) {
  post({ error: e instanceof NotStreamable ? "not-streamable" : "failed", message: e instanceof Error ? e.message : String(e) });
} finally {
  if (fd >= 0) closeSync(fd);
}
