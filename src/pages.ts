// Large typed arrays on memory pages of their own, so that the system gets their memory back once they are collected.
//
// A typed array's memory comes from malloc. glibc's malloc maps a large block on its own pages and unmaps it when it is
// freed, but each time it frees such a block it raises the size from which it maps (up to 32 MB), and a block below that
// size comes from its heap. That heap keeps what is freed for reuse and rarely gives it back. So by the time the matcher
// builds its tables, most of them come from malloc's heap, and once freed their memory stays resident to the end of the
// run. Measured on a million-row run: its peak was 1,954,692 KB, and 1,801,748 KB with malloc told to map every block
// from 1 MB (MALLOC_MMAP_THRESHOLD_=1048576); with these pages (and two full collections), 1,816,072 KB.
// A WebAssembly.Memory is mapped pages that V8 unmaps when the memory is collected, whatever malloc does. V8 reserves
// about 10 GiB of address space for each (guard regions): a run's virtual size reaches terabytes, its resident size is
// unaffected, and under a `ulimit -v` the reservation fails and the arrays come from malloc again.
//
// Not for an array whose buffer is transferred to another thread: a memory's buffer is copied, not moved (`tieRank`'s
// ranks, the pairs sent to the matcher's thread).

// The one part of the WebAssembly API used here (the project's `lib` has no WebAssembly declarations).
declare const WebAssembly: { Memory: new (descriptor: { initial: number; maximum: number }) => { readonly buffer: ArrayBuffer } };

const PAGE = 65536;
/** A 32-bit memory's limit (4 GiB). */
const MAX_PAGES = 65536;
/** Below 1 MB, malloc's heap is the right place (and a 64 KB page would waste much of a small array). */
const DEFAULT_FROM = 1 << 20;

let from = DEFAULT_FROM;
let available = process.env.SEGMENT_PAGES !== "0";

/** For tests: arrays of `bytes` and up on pages (0: every array; Infinity: none); `undefined` restores 1 MB. */
export function pagesFrom(bytes: number | undefined): void {
  from = bytes ?? DEFAULT_FROM;
}

function pagesFor(bytes: number): ArrayBuffer | null {
  if (!available || bytes < from || bytes === 0) return null;
  const pages = Math.ceil(bytes / PAGE);
  if (pages > MAX_PAGES) return null;
  try {
    return new WebAssembly.Memory({ initial: pages, maximum: pages }).buffer;
  } catch {
    // No address space for it (a ulimit -v, say): malloc from now on, without asking again.
    available = false;
    return null;
  }
}

/** A zeroed Int32Array of `length` values: on pages of its own from 1 MB. */
export function int32Array(length: number): Int32Array<ArrayBuffer> {
  const pages = pagesFor(length * 4);
  return pages ? new Int32Array(pages, 0, length) : new Int32Array(length);
}

/** A zeroed Float64Array of `length` values: on pages of its own from 1 MB. */
export function float64Array(length: number): Float64Array<ArrayBuffer> {
  const pages = pagesFor(length * 8);
  return pages ? new Float64Array(pages, 0, length) : new Float64Array(length);
}

/** A table past this many values, still growing as rows come, is grown to its projected size (`roomFor`). */
const GROW_AHEAD = 8192;

/** Rows added so far, and how many are expected in all (0: unknown). */
export interface RowProgress {
  rows: number;
  expected: number;
}

/**
 * The room a table full at `id` values grows to: twice as much, or, past GROW_AHEAD values with rows still to come,
 * what it will hold at this rate once they are all in (5% more; at most 4 values a row). Each doubling of a table that
 * takes values as rows come is a copy into fresh pages, which cost more here than the work done on them.
 */
export function roomFor(id: number, p: RowProgress | null): number {
  const size = id * 2;
  if (p === null || id < GROW_AHEAD || p.rows <= 0 || p.expected <= p.rows) return size;
  return Math.max(size, Math.min(Math.ceil(((id * p.expected) / p.rows) * 1.05), p.expected * 4));
}
