// The output folder's files written in one pass: a producer may write hundreds of files beside its own, more than it
// may hold open at once; each must end up with every chunk written to it, in order.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OPEN_FILES, writeOutputs, type OutputFiles } from "../../src/io/output-dir.js";
import type { Sink } from "../../src/io/write-csv.js";
import { WRITE_THREAD_ROWS } from "../../src/io/write-thread.js";
import { tempDir } from "../cli/helpers.js";

describe.each([
  ["on this thread", 0],
  ["on the write thread", WRITE_THREAD_ROWS],
])("a producer's files beside its own, written %s", (_, rows) => {
  it("each gets every chunk in order, with more of them than may be open at once", async () => {
    const sides = OPEN_FILES * 3 + 7;
    const files: OutputFiles = new Map();
    files.set("all.csv", (sink, open) => {
      const sinks: Sink[] = [];
      for (let f = 0; f < sides; f++) sinks.push(open(`managers/m-${f}.csv`));
      // Chunks in turn across every file, three rounds, so that each file is closed and opened again between them;
      // one file is opened and never written.
      for (let round = 0; round < 3; round++) {
        for (let f = 0; f < sides - 1; f++) sinks[f]!(Buffer.from(`${f}:${round}\n`));
        sink(Buffer.from(`round ${round}\n`));
      }
    });
    const out = join(tempDir(), "out");
    await writeOutputs(out, files, "-o", rows);
    expect(readFileSync(join(out, "all.csv"), "utf8")).toBe("round 0\nround 1\nround 2\n");
    expect(readdirSync(join(out, "managers")).length).toBe(sides);
    for (let f = 0; f < sides - 1; f++) expect(readFileSync(join(out, `managers/m-${f}.csv`), "utf8")).toBe(`${f}:0\n${f}:1\n${f}:2\n`);
    expect(readFileSync(join(out, `managers/m-${sides - 1}.csv`), "utf8")).toBe("");
  });
});
