// A batch of records as it crosses from the reader thread to the main thread (src/io/read-thread.ts): the reader
// encodes it (`WireEncoder`), the main thread decodes it (`unwire`).
import { detach } from "./detach.js";
import type { ChunkBatch } from "./read-csv.js";
import type { RawRecord } from "../types.js";

/**
 * A batch as it crosses threads: one flat list of cells, how many belong to each record, each record's line. A cell
 * is its text, or the number of a value its column sent before: `fresh` lists the values this batch sends for the
 * first time, in the order they are numbered within their columns (`freshColumns`).
 */
export interface WireBatch {
  /** The cells in runs of at most WIRE_RUN (a record's cells may go on in the next run). */
  cells: Array<Array<string | number>>;
  counts: Int32Array<ArrayBuffer>;
  lines: Int32Array<ArrayBuffer>;
  position: number;
  fresh: string[];
  freshColumns: number[];
  /** With `keyNames`: each record's company-name match key. */
  keys?: string[];
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
 * Cells a list of the batch holds at most. V8 keeps an array of over 128 KB (16,384 cells) in a space of its own, on
 * pages mapped for it on each side of the thread and unmapped once it dies; one list of a 512 KB chunk's 170k cells
 * cost the reader and the main thread ~8% and ~4% of the run's page faults (`perf record -e page-faults`).
 */
const WIRE_RUN = 8192;

/** Longer cells go as text (a repeated long value is rare, and its lookup costs a hash of it). */
const SHORT_CELL = 64;
/** Cells of a column before it decides whether its values repeat enough. */
const TRIAL = 2048;
/** Distinct values a column sends as numbers at most. */
const MAX_IDS = 4096;

/** One column's values sent as numbers so far. */
class ColumnIds {
  ids = new Map<string, number>();
  seen = 0;
  on = true;
}

/**
 * The reader's side. A column's values that repeat (owners, types, statuses, bands, small counts) cross as numbers:
 * each distinct value goes once as text, in the batch's `fresh` list, and the main thread keeps a table of them per
 * column (`unwire`). A column whose values hardly repeat (names, addresses, timestamps) goes as text after a trial.
 */
export class WireEncoder {
  private readonly columns: ColumnIds[] = [];

  encode(batch: ChunkBatch, keys?: string[]): WireBatch {
    const columns = this.columns;
    const n = batch.records.length;
    const counts = new Int32Array(n);
    const lines = new Int32Array(n);
    const runs: Array<Array<string | number>> = [];
    let cells: Array<string | number> = [];
    runs.push(cells);
    const fresh: string[] = [];
    const freshColumns: number[] = [];
    for (let k = 0; k < n; k++) {
      const r = batch.records[k]!;
      counts[k] = r.cells.length;
      lines[k] = r.line;
      for (let j = 0; j < r.cells.length; j++) {
        if (cells.length === WIRE_RUN) runs.push((cells = []));
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
          // The key outlives the batch: a cell of 13 characters or more is a slice of its chunk's text, and as a key
          // it would keep the whole chunk alive (a column meeting new values all through a file kept hundreds of MB).
          col.ids.set(detach(c), (id = col.ids.size));
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
    return { cells: runs, counts, lines, position: batch.position, fresh, freshColumns, keys };
  }
}

/** The main thread's side: the batch's records, each numbered cell given its column's value (`tables`, one list per column, grown here). */
export function unwire(b: WireBatch, tables: string[][]): ChunkBatch {
  for (let i = 0; i < b.fresh.length; i++) (tables[b.freshColumns[i]!] ??= []).push(b.fresh[i]!);
  const records = new Array<RawRecord>(b.counts.length);
  const keys = b.keys;
  let run = 0;
  let wire = b.cells[0]!;
  let at = 0;
  for (let k = 0; k < records.length; k++) {
    const n = b.counts[k]!;
    const cells = new Array<string>(n);
    for (let j = 0; j < n; j++) {
      if (at === wire.length) {
        wire = b.cells[++run]!;
        at = 0;
      }
      const c = wire[at++]!;
      cells[j] = typeof c === "number" ? tables[j]![c]! : c;
    }
    records[k] = keys === undefined ? { line: b.lines[k]!, cells } : { line: b.lines[k]!, cells, nameKey: keys[k]! };
  }
  return { records, position: b.position };
}
