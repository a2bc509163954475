// The run's memory policy: how far V8 lets the heap grow past the live data, and full collections where a
// large heap has just let go of much.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** A heap this large (or projected to be) is held tighter and collected after releases. */
const LARGE_HEAP = 900 * 1048576;
/**
 * A base whose rows will hold less than this keeps the reading's looser growth to the end of the read (fewer full
 * collections). A run peaks at 2.0-2.4 times this projection, the matcher's thread included, so past it the loose
 * second half costs memory a run near 1 GB cannot spare: on the 300k Bitrix24 bench export (projected 394 MB) it
 * peaked at 865-917k KB, against 797-851k KB held from the half, for 0-15% more time (alternating runs; BENCHMARKS.md).
 */
export const SMALL_HEAP = 350 * 1048576;
/**
 * A read base whose heap is below this is allowed twice the growth once read. The stages after the read make much
 * garbage and little that lives; held at 25% they ran full collections one after another, and their peak is below
 * the read's anyway. On the 300k Bitrix24 bench export (430 MB at the end of the read), 50% against 25% in alternating
 * runs: 17.26 against 18.00 s (medians of four), 1.1 CPU s less, peaks 827k against 805k KB; on the heaviest 300k
 * exports (amoCRM's people, 25 more columns and long notes) peaks of 835k and 871k KB against 815k and 831k KB
 * (BENCHMARKS.md, twentieth pass). 100% gave peaks of 876k KB on the bench export for no more speed.
 */
export const MEDIUM_HEAP = 600 * 1048576;
/** SEGMENT_HEAP_GROWTH's default, percent. */
const GROWTH = 25;

/**
 * Once the rows are in, keep the heap near what is live. Left to itself V8 lets the old generation grow to
 * several times the live data between full collections (1.4 GB peak for 0.5 GB live on a 300k-row export).
 * Looser while the first half of the file is read: the rows grow steadily then, and a tight limit would collect
 * again and again for little; tight from the second half on (a small base: once read), so the limit the matcher
 * starts under is already near the live data; once read, twice as loose again below MEDIUM_HEAP.
 * A base whose rows alone will fill a gigabyte (about a million rows) is held tighter still, at the price of more
 * collections: a quarter of that much again would take the run past 2 GB.
 * SEGMENT_HEAP_GROWTH (percent; 0 leaves V8's own policy).
 */
export function holdHeap(phase: "reading" | "half" | "read"): void {
  const growth = Number(process.env.SEGMENT_HEAP_GROWTH ?? GROWTH);
  if (!Number.isInteger(growth) || growth <= 0) return;
  setFlagsFromString(`--heap-growing-percent=${heapGrowth(phase, process.memoryUsage().heapUsed, growth)}`);
}

/** The growth allowed past the live heap at a phase of the read, with `used` bytes of heap in use. */
export function heapGrowth(phase: "reading" | "half" | "read", used: number, growth = GROWTH): number {
  // What the rows will hold once all are in: twice what half of them hold (the heap now, garbage included).
  const projected = phase === "half" ? 2 * used : used;
  const loose = phase === "reading" || (phase === "half" && projected < SMALL_HEAP);
  if (loose) return growth * 3;
  if (projected > LARGE_HEAP) return Math.min(growth, 10);
  return phase === "read" && used < MEDIUM_HEAP ? growth * 2 : growth;
}
/** Whether the heap in use is large (a million-row base): memory then goes before speed. */
export function heapIsLarge(): boolean {
  return process.memoryUsage().heapUsed >= LARGE_HEAP;
}

let fullGc: (() => void) | null | undefined;
/**
 * On a large heap, a full collection right after a release: V8 would otherwise start the next stage under a
 * limit set before the release, its garbage still counted, and that is where a million-row run peaked.
 */
export function collectIfLarge(): void {
  if (!heapIsLarge() || process.env.SEGMENT_HEAP_GROWTH === "0") return;
  if (fullGc === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      fullGc = runInNewContext("gc") as () => void;
    } catch {
      fullGc = null;
    }
  }
  fullGc?.();
}
