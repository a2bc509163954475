// The output files written on a thread of their own: the same bytes as writing them on this thread, a chunk longer
// than a slot split across slots, files past the open-file limit appended to, and a failed write reported as
// `writeSync` reports it, stopping the run's writing.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { OPEN_FILES } from "../../src/io/open-files.js";
import { fileWriter, SLOT_BYTES, SLOTS, SyncFiles, WRITE_THREAD_ROWS, WriteThread, type FileWriter } from "../../src/io/write-thread.js";
import { writeOutputs, type OutputFiles } from "../../src/io/output-dir.js";
import { tempDir } from "../cli/helpers.js";

/** Writes `chunks` (file number, bytes) in order through `w` into files f0… of `dir`; the files' contents. */
function writeAll(w: FileWriter, dir: string, files: number, chunks: Array<[number, Uint8Array]>): string[] {
  const ids = Array.from({ length: files }, (_, f) => w.add(join(dir, `f${f}.bin`)));
  for (const [f, bytes] of chunks) w.write(ids[f]!, bytes);
  w.finish();
  return ids.map((_, f) => readFileSync(join(dir, `f${f}.bin`)).toString("latin1"));
}

const started: WriteThread[] = [];
function thread(): WriteThread {
  const t = WriteThread.start();
  expect(t).not.toBeNull();
  started.push(t!);
  return t!;
}

describe("the write thread", () => {
  afterEach(() => {
    for (const t of started.splice(0)) t.stop();
    delete process.env.SEGMENT_WRITE_THREAD;
  });

  it("writes what this thread writes: chunks in order, some longer than a slot, more files than may be open", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: OPEN_FILES + 9 }),
        fc.array(fc.tuple(fc.nat(), fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constantFrom(SLOT_BYTES - 1, SLOT_BYTES, SLOT_BYTES + 1, 2 * SLOT_BYTES + 7))), { maxLength: 3 * SLOTS + 20 }),
        (files, plan) => {
          // Each chunk's bytes tell its place: a chunk lost, repeated or out of order changes a file.
          const chunks = plan.map(([f, n], k): [number, Uint8Array] => [f % files, new Uint8Array(n).map((_, i) => (k * 31 + i) % 251)]);
          const a = tempDir();
          const b = tempDir();
          expect(writeAll(thread(), a, files, chunks)).toEqual(writeAll(new SyncFiles(), b, files, chunks));
        },
      ),
      { numRuns: 25, seed: 20261128 },
    );
  });

  it("reports a failed write as writeSync does (code, path) and writes nothing more", () => {
    const dir = tempDir();
    const w = thread();
    const ok = w.add(join(dir, "ok.bin"));
    const bad = w.add(join(dir, "no-such-folder", "bad.bin"));
    const after = w.add(join(dir, "after.bin"));
    let caught: NodeJS.ErrnoException | null = null;
    try {
      w.write(ok, new Uint8Array(10));
      w.write(bad, new Uint8Array(10));
      // Past the slots: the failure surfaces while this thread waits for room, at the latest in finish.
      for (let i = 0; i < SLOTS + 2; i++) w.write(after, new Uint8Array(SLOT_BYTES));
      w.finish();
    } catch (e) {
      caught = e as NodeJS.ErrnoException;
    }
    expect(caught?.code).toBe("ENOENT");
    expect(caught?.path).toBe(join(dir, "no-such-folder", "bad.bin"));
    expect(readFileSync(join(dir, "ok.bin")).length).toBe(10);
    expect(existsSync(join(dir, "after.bin"))).toBe(false);
  });

  it("is taken for a run of WRITE_THREAD_ROWS rows or more, or whenever SEGMENT_WRITE_THREAD=1; never with 0", () => {
    const kinds = (rows: number) => {
      const w = fileWriter(rows);
      w.stop();
      return w instanceof WriteThread ? "thread" : "here";
    };
    expect(kinds(WRITE_THREAD_ROWS - 1)).toBe("here");
    expect(kinds(WRITE_THREAD_ROWS)).toBe("thread");
    process.env.SEGMENT_WRITE_THREAD = "1";
    expect(kinds(10)).toBe("thread");
    process.env.SEGMENT_WRITE_THREAD = "0";
    expect(kinds(WRITE_THREAD_ROWS * 10)).toBe("here");
  });

  it("keeps the previous output folder, and leaves nothing half-written, when a write on the thread fails", async () => {
    const root = tempDir();
    const out = join(root, "out");
    mkdirSync(out);
    writeFileSync(join(out, ".segment-out"), "");
    writeFileSync(join(out, "allocation.csv"), "the previous run's\n");
    const files: OutputFiles = new Map();
    // A manager's file whose path another manager's file makes a folder: its first chunk fails on the thread.
    files.set("allocation.csv", (sink, open) => {
      sink(Buffer.from("client_id\n"));
      const clash = open("managers/sub");
      open("managers/sub/other.csv");
      for (let i = 0; i < SLOTS + 3; i++) clash(new Uint8Array(SLOT_BYTES));
    });
    await expect(writeOutputs(out, files, "-o", WRITE_THREAD_ROWS)).rejects.toMatchObject({ code: "EISDIR" });
    expect(readFileSync(join(out, "allocation.csv"), "utf8")).toBe("the previous run's\n");
    expect(readFileSyncSafe(join(root))).not.toContain("tmp-");
  });
});

function readFileSyncSafe(dir: string): string {
  return readdirSync(dir).join(" ");
}
