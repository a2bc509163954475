// The duplicate matcher on a thread of its own, fed as a streamed export is read: the feature table (the
// matcher's biggest step) is built beside the reading and normalising instead of after them. It gives the
// groups `findDuplicates` gives (the same code over the same rows in the same order); where no thread can
// run, or the thread fails, the matcher runs on this thread.
import { Worker } from "node:worker_threads";
import { builtFile } from "../built-file.js";
import type { DuplicateGroup, Row } from "../types.js";
import { findDuplicates, groupsOf, memberLists, tieRank, type DedupeOptions } from "./index.js";

// Beside this module as tsc writes it; in dist/dedupe/ from the bundle's entry (dist/cli.js, `npm run build`); from the
// sources (tests) and the bundle's chunks (dist/chunks/), the built one (`npm test` builds first).
const WORKER = builtFile(import.meta.url, ["./match-worker.js", "./dedupe/match-worker.js", "../../dist/dedupe/match-worker.js"]);

/**
 * A row in a `rows` message: name key, address, tax id, city, region, postal code, phone, e-mail, then how many phones
 * it has followed by them, the same for its e-mails, then for its domains. One flat list for all the message's rows:
 * a list per row made the thread take two to three times as long to receive a message. A city, region or postal
 * code goes once as text (the message's `places`, in order) and then as its number among the places sent so far.
 */
export const ROW_FIELDS = 8;
/** Places sent as numbers at most; past them, as text. */
const MAX_PLACES = 100_000;

/**
 * The thread's table and its copies of the rows' match values take ~0.4 KB a row beside the rows on this thread:
 * ~130 MB at 300k rows, which a million-row base cannot spare under 2 GB (its peak would move from the matcher
 * to the end of the read, 1.82 -> 1.98 GiB). Past this many rows the matcher stays on this thread.
 */
export const MAX_ROWS = 600_000;

/**
 * Rows that all come at the end of the read (people's rows joining companies anywhere in the file) reach the thread
 * then, beside everything the read left on this thread's heap: the run then peaked near 1.9 times the heap in use
 * once they were made (300k rows: Odoo's 440 MB gave 825–844 MB, amoCRM's 528 MB gave 880–1,054 MB), against 1.5–1.7
 * times with the matcher on this thread. Above this heap (as projected for when all are made, `atEndHeap`) they are
 * matched here, keeping a 300k-row run under 1 GB.
 */
export const AT_END_HEAP = 480 * 1048576;

/**
 * The heap grows by about a fifth while the rows that come at the end of a read are made (300k rows: Odoo's 334 MB
 * became 402 MB, amoCRM's 351 MB 438 MB), and they reach the thread a slice at a time.
 */
const AT_END_GROWTH = 1.3;

/** The heap projected for when every row that comes at the end is made, from `used` with `made` of them (a share) made. */
export function atEndHeap(used: number, made: number): number {
  return used * (1 + (AT_END_GROWTH - 1) * Math.max(0, 1 - made));
}

/**
 * Rows a `rows` message carries at most. A message's flat list of ~15 values a row stays under V8's large-object size
 * (16,384 values): at 8,192 rows a message, a batch's ~1,300 rows made a list that grew by `push` into new large
 * objects, each on freshly mapped pages (`perf record -e page-faults`: 3% of the run's faults, under `feed`).
 */
const FEED_ROWS = 512;
/**
 * Rows posted and not yet taken by the thread at most (their copies wait in its queue, ~0.3 KB each): a thread that
 * falls behind while the export is read gets the rest once the read is over, a piece at a time.
 */
export const MAX_BACKLOG = 32_768;

export type MatchRequest =
  | { rows: Array<string | number>; places: string[] }
  | { links: number }
  | { rank: Int32Array; cannotLink: Array<[number, number]> }
  | { pairs: Int32Array }
  | { sync: true };
export type MatchReply =
  | { subset: number[] }
  | { root: Int32Array }
  | { probability: Float64Array; evidence: string[] }
  | { synced: number }
  | { error: string };

/** A list into a `rows` message: its length, then its values. */
function pushList(flat: Array<string | number>, list: readonly string[]): void {
  flat.push(list.length);
  for (let i = 0; i < list.length; i++) flat.push(list[i]!);
}

/** A list out of a `rows` message at `k` (into `out`, emptied first); where the next field starts. */
export function takeList(flat: ReadonlyArray<string | number>, k: number, out: string[]): number {
  const n = flat[k] as number;
  out.length = 0;
  for (let i = 1; i <= n; i++) out.push(flat[k + i] as string);
  return k + 1 + n;
}

export class MatchThread {
  /** The last `groups` came from the thread (false: the thread failed and this one matched). */
  onThread = false;
  private fed = 0;
  /** Places already sent, by their number on the thread. */
  private readonly placeIds = new Map<string, number>();
  private failed: Error | null = null;
  private waiting: { resolve: (r: MatchReply) => void; reject: (e: Error) => void } | null = null;

  /** Null once stopped. */
  private worker: Worker | null;

  private constructor(
    worker: Worker,
    /** [0]: rows the thread has taken. */
    private readonly taken: Int32Array,
    private readonly backlog: number,
  ) {
    this.worker = worker;
    // The thread keeps the process alive only while this one waits for it (a run that stops early just ends).
    worker.unref();
    worker.on("message", (m: MatchReply) => {
      this.worker?.unref();
      const w = this.waiting;
      this.waiting = null;
      if ("error" in m) this.fail(new Error(m.error), w);
      else w?.resolve(m);
    });
    worker.on("error", (e) => this.fail(e, this.waiting));
    worker.on("exit", (code) => this.fail(new Error(`the matcher's thread stopped (exit code ${code})`), this.waiting));
  }

  /**
   * A matcher thread, or null where none can run (no compiled worker, SEGMENT_MATCH_THREAD=0) or none should: a
   * base of more than MAX_ROWS rows (`rows`: as projected) is matched on this thread, after the read.
   */
  static start(rows = 0, backlog = MAX_BACKLOG): MatchThread | null {
    if (process.env.SEGMENT_MATCH_THREAD === "0" || WORKER === undefined || !(rows <= MAX_ROWS)) return null;
    try {
      const taken = new Int32Array(new SharedArrayBuffer(4));
      // The rows it will be sent, as projected: the size its tables are grown to once they fill as the rows come.
      return new MatchThread(new Worker(WORKER, { workerData: { taken, expectedRows: Number.isFinite(rows) ? Math.round(rows) : 0 } }), taken, backlog);
    } catch {
      return null;
    }
  }

  /**
   * Whether rows that all come at the end of the read may still go to a thread (the heap once they are all made,
   * AT_END_HEAP), with `made` of them (a share) made so far.
   */
  static roomAtEnd(made = 1): boolean {
    return atEndHeap(process.memoryUsage().heapUsed, made) <= AT_END_HEAP;
  }

  private fail(e: Error, w: { reject: (e: Error) => void } | null): void {
    this.failed ??= e;
    this.waiting = null;
    w?.reject(e);
  }

  /** Rows posted so far. */
  get fedRows(): number {
    return this.fed;
  }

  /**
   * Posts `rows[fed..]`, the rows normalised since the last call (rows never change what the matcher reads once
   * made), as far as the backlog allows.
   */
  feed(rows: readonly Row[]): void {
    while (this.worker !== null && this.failed === null && this.fed < rows.length && this.fed - Atomics.load(this.taken, 0) < this.backlog) {
      // At most FEED_ROWS a message: a base whose rows all come at the end is not copied across in one piece.
      const to = Math.min(rows.length, this.fed + FEED_ROWS);
      const flat: Array<string | number> = [];
      const places: string[] = [];
      const ids = this.placeIds;
      // A row's places are shared strings (`share`) from a few thousand: a number each crosses for a few bytes.
      const place = (s: string): string | number => {
        if (s === "") return s;
        let id = ids.get(s);
        if (id === undefined) {
          if (ids.size >= MAX_PLACES) return s;
          ids.set(s, (id = ids.size));
          places.push(s);
        }
        return id;
      };
      for (let i = this.fed; i < to; i++) {
        const row = rows[i]!;
        const v = row.values;
        // The first phone and e-mail count only for a row without lists (`FeatureBuilder.add`): not sent twice.
        flat.push(row.nameKey, v.address, v.tax_id, place(v.city), place(v.region), place(v.postal_code), row.phones.length > 0 ? "" : v.phone, row.emails.length > 0 ? "" : v.email);
        pushList(flat, row.phones);
        pushList(flat, row.emails);
        pushList(flat, row.domains);
      }
      this.fed = to;
      this.worker.postMessage({ rows: flat, places } satisfies MatchRequest);
    }
  }

  private ask(m: MatchRequest, transfer: ArrayBuffer[] = []): Promise<MatchReply> {
    if (this.failed !== null) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.worker!.ref();
      this.worker!.postMessage(m, transfer);
    });
  }

  /** The duplicate groups of `rows` (all of them fed, or fed now); on this thread if the matcher's thread fails. */
  async groups(rows: Row[], opts: DedupeOptions): Promise<DuplicateGroup[]> {
    this.onThread = false;
    try {
      if (rows.length < 2) return [];
      for (;;) {
        this.feed(rows);
        if (this.fed >= rows.length) break;
        await this.ask({ sync: true }); // the thread has taken all it was given
      }
      const { subset } = (await this.ask({ links: rows.length })) as { subset: number[] };
      if (subset.length === 0) {
        this.onThread = true;
        return [];
      }
      const rank = tieRank(rows, opts.seed, subset);
      const { root } = (await this.ask({ rank, cannotLink: opts.cannotLink ?? [] }, [rank.buffer as ArrayBuffer])) as { root: Int32Array };
      const lists = memberLists(rows, subset, root);
      let count = 0;
      for (const list of lists) count += list.length - 1;
      const pairs = new Int32Array(count * 2);
      let k = 0;
      for (const list of lists) for (let m = 1; m < list.length; m++) {
        pairs[k++] = list[m]!;
        pairs[k++] = list[0]!;
      }
      const scores = (await this.ask({ pairs }, [pairs.buffer as ArrayBuffer])) as { probability: Float64Array; evidence: string[] };
      let x = 0;
      this.onThread = true;
      return groupsOf(rows, lists, () => {
        const s = { probability: scores.probability[x]!, evidence: scores.evidence[x]! };
        x++;
        return s;
      });
    } catch {
      // A thread that fails leaves the work to this one: the same groups, later.
      return findDuplicates(rows, opts);
    } finally {
      this.stop();
    }
  }

  stop(): void {
    const w = this.worker;
    if (w === null) return;
    this.worker = null;
    w.removeAllListeners("exit");
    void w.terminate();
  }
}
