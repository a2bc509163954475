// The matcher on its own thread, fed as a streamed export is read, gives exactly the groups of the matcher run
// on the main thread; a thread that fails leaves the work to the main thread, with the same groups.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { generate } from "../../scripts/gen-export.mjs";
import { findDuplicates } from "../../src/dedupe/index.js";
import { AT_END_HEAP, atEndHeap, MatchThread, MAX_ROWS } from "../../src/dedupe/match-thread.js";
import { runPipeline } from "../../src/pipeline.js";
import type { Io } from "../../src/commands/options.js";
import type { Row } from "../../src/types.js";
import { chicagoRows } from "./rows.js";
import { syntheticRows } from "./synthetic.js";

/** The rows fed as a streamed read feeds them: a growing list, posted every `batch` rows. */
async function threaded(rows: Row[], batch: number, opts: Parameters<typeof findDuplicates>[1], backlog?: number) {
  const thread = MatchThread.start(0, backlog);
  expect(thread).not.toBeNull();
  const growing: Row[] = [];
  for (let i = 0; i < rows.length; i += batch) {
    growing.push(...rows.slice(i, i + batch));
    thread!.feed(growing);
  }
  const groups = await thread!.groups(growing, opts);
  expect(thread!.onThread).toBe(true);
  return groups;
}

describe("the matcher's thread", () => {
  afterEach(() => vi.restoreAllMocks());

  it("gives the main thread's groups on the Chicago sites (2,000 groups of branches, shared phones and sites)", async () => {
    const rows = chicagoRows();
    const expected = findDuplicates(rows, { seed: 3 });
    expect(expected.length).toBeGreaterThan(500);
    expect(await threaded(rows, 250, { seed: 3 })).toEqual(expected);
  });

  it("gives the main thread's groups on a synthetic Russian base, with locks keeping rows apart", async () => {
    const { rows } = syntheticRows(4000, 5);
    const free = findDuplicates(rows, { seed: 1 });
    const g = free[0]!;
    const cannotLink: Array<[number, number]> = [[g.members[0]!.row, g.members[1]!.row]];
    const expected = findDuplicates(rows, { seed: 1, cannotLink });
    expect(expected).not.toEqual(free);
    expect(await threaded(rows, 333, { seed: 1, cannotLink })).toEqual(expected);
  });

  it("reads every phone and e-mail of a row, not only the first (the second one is what links these copies)", async () => {
    const { rows, companyOf } = syntheticRows(3000, 9);
    // Each company's phone and e-mail come second on every row; first, an office line and a mailbox of that row alone.
    const lists = rows.map((row, i) => {
      const phones = ["+7495" + String(1_000_000 + i), ...row.phones];
      const emails = [`office${i}@mail.ru`, `sales@company${companyOf[i]}.ru`];
      return { ...row, phones, emails, values: { ...row.values, phone: phones[0]!, email: emails[0]! } };
    });
    const expected = findDuplicates(lists, { seed: 2 });
    // Read by their first values only, fewer copies link: the lists matter here.
    const firstOnly = lists.map((row) => ({ ...row, phones: [row.values.phone], emails: [row.values.email] }));
    expect(findDuplicates(firstOnly, { seed: 2 })).not.toEqual(expected);
    expect(await threaded(lists, 700, { seed: 2 })).toEqual(expected);
  });

  it("holds back rows past its backlog while it is behind, and takes them when asked for the groups", async () => {
    const rows = chicagoRows();
    const expected = findDuplicates(rows, { seed: 4 });
    const thread = MatchThread.start(0, 300)!;
    const growing: Row[] = [];
    for (let i = 0; i < rows.length; i += 100) {
      growing.push(...rows.slice(i, i + 100));
      thread.feed(growing);
    }
    // Fed in one synchronous go, the thread (still starting) has taken few: most rows are held back.
    expect(thread.fedRows).toBeLessThan(rows.length / 2);
    expect(await thread.groups(growing, { seed: 4 })).toEqual(expected);
    expect(thread.onThread).toBe(true);
    expect(thread.fedRows).toBe(rows.length);
  });

  it("sends a large batch of rows in messages whose lists stay under V8's large-object size", async () => {
    const { rows } = syntheticRows(5000, 7);
    const expected = findDuplicates(rows, { seed: 5 });
    const posted = vi.spyOn(Worker.prototype, "postMessage");
    // A reader's batch of a 512 KB chunk holds ~1,300 rows; here 2,500 at a time.
    const groups = await threaded(rows, 2500, { seed: 5 });
    const lists = posted.mock.calls.map(([m]) => m as { rows?: unknown[] }).filter((m) => m.rows !== undefined);
    expect(lists.length).toBeGreaterThan(4);
    // 16,384 values of 8 bytes: 128 KB, past which V8 puts an array on pages mapped for it alone.
    for (const m of lists) expect(m.rows!.length).toBeLessThan(16_384);
    expect(groups).toEqual(expected);
  });

  it("falls back to the main thread when the thread fails (here: it was fed other rows than it is asked about)", async () => {
    const { rows } = syntheticRows(600, 2);
    const thread = MatchThread.start()!;
    thread.feed(rows);
    const fewer = rows.slice(0, 500);
    const expected = findDuplicates(fewer, { seed: 0 });
    expect(expected.length).toBeGreaterThan(0);
    expect(await thread.groups(fewer, { seed: 0 })).toEqual(expected);
    expect(thread.onThread).toBe(false);
  });

  it("is not started for a base projected past MAX_ROWS (its memory would take a million-row run past 2 GB)", () => {
    expect(MatchThread.start(MAX_ROWS + 1)).toBeNull();
    const small = MatchThread.start(MAX_ROWS);
    expect(small).not.toBeNull();
    small!.stop();
  });
});

describe("a streamed run matches on the matcher's thread", () => {
  const io: Io = { stdout: () => {}, stderr: () => {}, isTTY: false };
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "match-thread-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** `segment run`'s pipeline over a generated export read in 256 KB chunks; with `thread`, the matcher may take its own. */
  async function streamedRun(file: string, thread: boolean, atEndRows?: number) {
    const saved = { chunk: process.env.SEGMENT_CHUNK_BYTES, thread: process.env.SEGMENT_MATCH_THREAD, atEnd: process.env.SEGMENT_AT_END_ROWS };
    process.env.SEGMENT_CHUNK_BYTES = "262144";
    if (atEndRows === undefined) delete process.env.SEGMENT_AT_END_ROWS;
    else process.env.SEGMENT_AT_END_ROWS = String(atEndRows);
    if (thread) delete process.env.SEGMENT_MATCH_THREAD;
    else process.env.SEGMENT_MATCH_THREAD = "0";
    const grouped = vi.spyOn(MatchThread.prototype, "groups");
    try {
      const result = await runPipeline(file, { map: [], seed: 0, json: false, quiet: true, color: false, debug: false, asOf: "2026-11-01" }, io);
      const threads = grouped.mock.contexts as MatchThread[];
      return { result, threads: threads.length, onThread: threads.length === 1 && threads[0]!.onThread };
    } finally {
      grouped.mockRestore();
      for (const [k, v] of [["SEGMENT_CHUNK_BYTES", saved.chunk], ["SEGMENT_MATCH_THREAD", saved.thread], ["SEGMENT_AT_END_ROWS", saved.atEnd]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }

  // Company exports stream their rows as they are read; amoCRM's and Odoo's hold people's rows, so theirs come at the
  // end, and go to the thread as they are made (here all at once: fewer than a slice of SEGMENT_AT_END_ROWS).
  const dialects: Array<[string, boolean]> = [
    ["bitrix24", true], ["1c", true], ["hubspot", true], ["salesforce", true], ["zoho", true], ["pipedrive", true], ["romania", true],
    ["amocrm", false], ["odoo", false],
  ];
  it.each(dialects)("%s, 8,000 rows: the groups and decisions of the matcher on the main thread", async (dialect, streamsRows) => {
    const file = join(dir, `${dialect}.csv`);
    generate({ rows: 8_000, seed: 5, dialect, out: file });
    const plain = await streamedRun(file, false);
    expect(plain.threads).toBe(0);
    // The rows the thread had when first fed: a share of them while the file is read, or all of them at its end.
    const original = MatchThread.prototype.feed;
    let first = -1;
    const feed = vi.spyOn(MatchThread.prototype, "feed").mockImplementation(function (this: MatchThread, rows) {
      if (first < 0) first = rows.length;
      original.call(this, rows);
    });
    let threaded: Awaited<ReturnType<typeof streamedRun>>;
    try {
      threaded = await streamedRun(file, true);
    } finally {
      feed.mockRestore();
    }
    expect(threaded.threads).toBe(1);
    expect(threaded.onThread).toBe(true);
    if (streamsRows) expect(first).toBeLessThan(threaded.result.rows.length);
    else expect(first).toBe(threaded.result.rows.length);
    expect(threaded.result.groups.length).toBeGreaterThan(100);
    expect(threaded.result.groups).toEqual(plain.result.groups);
    // With the thread, the row-wise segmenters work while it does: the same labels and reasons.
    expect(threaded.result.segments).toEqual(plain.result.segments);
    expect(threaded.result.allocation.rows).toEqual(plain.result.allocation.rows);
  });

  it("odoo, 12,000 rows made 1,000 at a time at the end: the thread takes each slice as it is made, with the same groups", async () => {
    const file = join(dir, "odoo-slices.csv");
    generate({ rows: 12_000, seed: 5, dialect: "odoo", out: file });
    const plain = await streamedRun(file, false);
    const original = MatchThread.prototype.feed;
    const fed: number[] = [];
    const feed = vi.spyOn(MatchThread.prototype, "feed").mockImplementation(function (this: MatchThread, rows) {
      fed.push(rows.length);
      original.call(this, rows);
    });
    let sliced: Awaited<ReturnType<typeof streamedRun>>;
    try {
      sliced = await streamedRun(file, true, 1_000);
    } finally {
      feed.mockRestore();
    }
    const rows = sliced.result.rows.length;
    expect(rows).toBeGreaterThan(7_000);
    expect(sliced.threads).toBe(1);
    expect(sliced.onThread).toBe(true);
    // The rows once the normaliser's sample of 5,000 records is in, then a slice more at each call, then all of them.
    const distinct = [...new Set(fed)];
    expect(distinct.slice(0, 3)).toEqual([5_000, 6_000, 7_000]);
    expect(distinct.at(-1)).toBe(rows);
    expect(rows - distinct.at(-2)!).toBeLessThanOrEqual(1_000);
    expect(sliced.result.groups.length).toBeGreaterThan(100);
    expect(sliced.result.groups).toEqual(plain.result.groups);
    expect(sliced.result.rows).toEqual(plain.result.rows);
    expect(sliced.result.allocation.rows).toEqual(plain.result.allocation.rows);
  });

  it("projects the heap for when rows that come at the end are all made, deciding at the first slice", () => {
    expect(atEndHeap(400, 1)).toBe(400);
    expect(atEndHeap(400, 0)).toBeCloseTo(520);
    expect(atEndHeap(400, 0.5)).toBeCloseTo(460);
  });

  it("matches rows that come at the end on this thread when the heap leaves no room for the thread's copy", async () => {
    const file = join(dir, "odoo-full-heap.csv");
    generate({ rows: 4_000, seed: 7, dialect: "odoo", out: file });
    const real = process.memoryUsage.bind(process);
    // A heap past AT_END_HEAP, as a 300k-row amoCRM export leaves it (528 MB); then one just at it.
    const heap = vi.spyOn(process, "memoryUsage").mockImplementation((() => ({ ...real(), heapUsed: AT_END_HEAP + 1 })) as typeof process.memoryUsage);
    try {
      const full = await streamedRun(file, true);
      expect(full.threads).toBe(0);
      heap.mockImplementation((() => ({ ...real(), heapUsed: AT_END_HEAP })) as typeof process.memoryUsage);
      const room = await streamedRun(file, true);
      expect(room.threads).toBe(1);
      expect(room.result.groups).toEqual(full.result.groups);
      // Made a slice at a time, the decision comes with the first rows (here 5,000 of 8,145), on the heap projected
      // for when all are made: 95% of AT_END_HEAP now is past it then.
      const larger = join(dir, "odoo-larger.csv");
      generate({ rows: 12_000, seed: 7, dialect: "odoo", out: larger });
      heap.mockImplementation((() => ({ ...real(), heapUsed: AT_END_HEAP * 0.95 })) as typeof process.memoryUsage);
      const whole = await streamedRun(larger, true);
      expect(whole.threads).toBe(1);
      const sliced = await streamedRun(larger, true, 1_000);
      expect(sliced.threads).toBe(0);
      expect(sliced.result.groups).toEqual(whole.result.groups);
    } finally {
      heap.mockRestore();
    }
  });

  it("stops the thread it started when the run fails after the read (a locks file naming an unknown manager)", async () => {
    const file = join(dir, "locks-fail.csv");
    generate({ rows: 8_000, seed: 6, dialect: "bitrix24", out: file });
    const locks = join(dir, "bad-locks.csv");
    writeFileSync(locks, "client_id,manager\n1,Nobody Known\n");
    const saved = process.env.SEGMENT_CHUNK_BYTES;
    process.env.SEGMENT_CHUNK_BYTES = "262144";
    const started = vi.spyOn(MatchThread, "start");
    const stopped = vi.spyOn(MatchThread.prototype, "stop");
    try {
      await expect(runPipeline(file, { map: [], seed: 0, json: false, quiet: true, color: false, debug: false, asOf: "2026-11-01", locks }, io)).rejects.toThrow(/Nobody Known/);
      const thread = started.mock.results[0]!.value as MatchThread;
      expect(thread).toBeInstanceOf(MatchThread);
      expect(stopped.mock.contexts).toContain(thread);
    } finally {
      if (saved === undefined) delete process.env.SEGMENT_CHUNK_BYTES;
      else process.env.SEGMENT_CHUNK_BYTES = saved;
    }
  });
});
