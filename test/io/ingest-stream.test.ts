// A large export is read in chunks; whatever the chunk size, the rows, rejects and warnings are the ones
// the whole-file reader gives (which is the reader every other test pins down).
import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingest, type Ingested } from "../../src/ingest.js";
import { DEFAULT_CONFIG } from "../../src/schema/config.js";
import { resetDetached } from "../../src/io/detach.js";
import { openExportStream } from "../../src/io/read-csv.js";
import { adoptSpareReader, dropSpareReader, handOverSpareReader, prestartReader, takeSpareReader } from "../../src/io/prestart.js";
import { nameKey } from "../../src/normalise/names.js";
import { cleanCell } from "../../src/records.js";

const root = join(import.meta.dirname, "../../fixtures");
const exports = [
  ...readdirSync(join(root, "dialects")).flatMap((d) => readdirSync(join(root, "dialects", d)).filter((f) => /\.(csv|txt)$/.test(f) && f !== "managers.csv").map((f) => join(root, "dialects", d, f))),
  ...readdirSync(join(root, "edge")).filter((f) => /\.(csv|txt)$/.test(f)).map((f) => join(root, "edge", f)),
  join(root, "hostile", "formulas.csv"),
  join(root, "demo", "bitrix24-companies.csv"),
];

async function read(path: string, chunkBytes: number, thread = true): Promise<Ingested | string> {
  resetDetached();
  const before = process.env.SEGMENT_READ_THREAD;
  process.env.SEGMENT_READ_THREAD = thread ? "1" : "0";
  try {
    return await ingest(path, { config: DEFAULT_CONFIG, map: [], chunkBytes });
  } catch (e) {
    return (e as Error).message;
  } finally {
    if (before === undefined) delete process.env.SEGMENT_READ_THREAD;
    else process.env.SEGMENT_READ_THREAD = before;
  }
}

const comparable = (r: Ingested | string) => {
  if (typeof r === "string") return r;
  const { path, file, encoding, delimiter, header, headerLine, titleLines } = r.head;
  return { ...r, head: { path, file, encoding, delimiter, header, headerLine, titleLines }, streamed: undefined, readMs: undefined, readThread: undefined };
};

describe("reading in chunks", () => {
  it.each(exports.map((p) => [p.slice(root.length + 1), p]))("%s: the same rows, rejects and warnings at any chunk size", async (_name, path) => {
    const whole = await read(path, 1 << 30);
    if (typeof whole !== "string") expect(whole.streamed).toBe(false);
    for (const size of [16, 61, 257, 4096]) {
      // Read on the reader thread (src/io/read-thread.ts) and on this one: the same records either way.
      for (const thread of [true, false]) {
        const chunked = await read(path, size, thread);
        // A streamed read says which thread it was read on (SEGMENT_TIMINGS reports it).
        if (typeof chunked !== "string" && chunked.streamed) expect(chunked.readThread).toBe(thread);
        expect(comparable(chunked), `chunks of ${size} bytes, ${thread ? "reader thread" : "this thread"}`).toEqual(comparable(whole));
      }
    }
  });

  it("reads with a thread started before its plan (the CLI's early start) the records read any other way", async () => {
    const demo = join(root, "demo", "bitrix24-companies.csv");
    const whole = await read(demo, 1 << 30);
    const env = { chunk: process.env.SEGMENT_CHUNK_BYTES, thread: process.env.SEGMENT_READ_THREAD };
    try {
      // The demo export is streamed in chunks of 4 KB: started early, its thread is the one the read takes.
      process.env.SEGMENT_CHUNK_BYTES = "4096";
      delete process.env.SEGMENT_READ_THREAD;
      prestartReader(demo);
      const early = await read(demo, 4096);
      expect(typeof early !== "string" && early.readThread).toBe(true);
      expect(comparable(early)).toEqual(comparable(whole));
      expect(takeSpareReader()).toBeNull();

      // Its channel handed to another thread (the command thread's, `adoptSpareReader`), which reads with it, without
      // the thread's handle; the thread that started it stops it once the command is done.
      prestartReader(demo);
      const channel = handOverSpareReader();
      expect(channel).not.toBeNull();
      expect(takeSpareReader()).toBeNull();
      adoptSpareReader(channel!);
      // Threads turned off for the read itself: only the adopted thread can read on a thread.
      const adopted = await read(demo, 4096, false);
      expect(typeof adopted !== "string" && adopted.readThread).toBe(true);
      expect(comparable(adopted)).toEqual(comparable(whole));
      expect(takeSpareReader()).toBeNull();
      dropSpareReader();

      // Nothing is started for a file read whole, a missing file, or with threads turned off.
      process.env.SEGMENT_CHUNK_BYTES = String(statSync(demo).size);
      prestartReader(demo);
      expect(takeSpareReader()).toBeNull();
      prestartReader(join(root, "no-such-export.csv"));
      expect(takeSpareReader()).toBeNull();
      process.env.SEGMENT_CHUNK_BYTES = "4096";
      process.env.SEGMENT_READ_THREAD = "0";
      prestartReader(demo);
      expect(takeSpareReader()).toBeNull();
      // One that no read takes is stopped when the command ends.
      delete process.env.SEGMENT_READ_THREAD;
      prestartReader(demo);
      dropSpareReader();
      expect(takeSpareReader()).toBeNull();
    } finally {
      for (const [k, v] of [["SEGMENT_CHUNK_BYTES", env.chunk], ["SEGMENT_READ_THREAD", env.thread]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it("streams the exports it can and falls back for the rest", async () => {
    const streamed = await read(join(root, "demo", "bitrix24-companies.csv"), 4096);
    expect(typeof streamed !== "string" && streamed.streamed).toBe(true);
    // A stray quote csv-parse must judge: the whole-file reader takes over, with the same result.
    const stray = await read(join(root, "edge", "unquoted-quotes.csv"), 16);
    expect(typeof stray !== "string" && stray.rows.length).toBeGreaterThan(0);
  });

  it("gives repeated values sent as numbers back as the text they stand for: columns that repeat, that stop repeating, and that pass the cap", async () => {
    const dir = mkdtempSync(join(tmpdir(), "segment-stream-"));
    const path = join(dir, "columns.csv");
    const owners = ["Иванов Сергей", "Петрова Анна", "Смирнов Дмитрий"];
    const lines = ["ID;Название компании;Ответственный;Статус;Город;Комментарий"];
    for (let i = 1; i <= 9000; i++) {
      // Город: 700 values over the first 3,000 rows (numbered), then a new one each row until past the 4,096 a column may number.
      const code = i <= 3000 ? `K-${i % 700}` : `K-${i}`;
      const status = i % 5 === 0 ? "" : i % 2 ? "Клиент" : "Потенциальный";
      lines.push(`${i};ООО Ромашка ${i};${owners[i % 3]};${status};${code};${i % 7 === 0 ? "звонить после обеда, " + "очень ".repeat(12) + "важно" : "ok"}`);
    }
    writeFileSync(path, lines.join("\n") + "\n");
    const whole = await read(path, 1 << 30);
    const chunked = await read(path, 65536, true);
    expect(typeof chunked !== "string" && chunked.streamed).toBe(true);
    expect(comparable(chunked)).toEqual(comparable(whole));
    const rows = typeof chunked === "string" ? [] : chunked.rows;
    expect(rows).toHaveLength(9000);
    expect(rows[8999]!.values.owner).toBe(owners[0]);
  });

  it("keeps a U+FEFF that starts a chunk (a byte-order mark pasted into a cell is text, not the file's mark)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "segment-stream-"));
    const path = join(dir, "mark.csv");
    const text = ["ID;Название компании;Комментарий", "1;ООО Ромашка;звонить", "2;Альфа;ждут\ufeffсчёт", "3;Бета;", ""].join("\n");
    writeFileSync(path, text);
    // The chunk size that makes the second chunk start at the mark's first byte.
    const at = Buffer.from(text).indexOf(Buffer.from("\ufeff"));
    const whole = await read(path, 1 << 30);
    for (const thread of [true, false]) {
      const chunked = await read(path, at, thread);
      expect(typeof chunked !== "string" && chunked.streamed).toBe(true);
      expect(comparable(chunked)).toEqual(comparable(whole));
    }
    expect(typeof whole !== "string" && whole.rows.map((r) => r.values.notes)).toEqual(["звонить", "ждут\ufeffсчёт", ""]);
  });

  it("reads a file no larger than `wholeUpTo` whole, whatever the chunk size", () => {
    const path = join(root, "demo", "bitrix24-companies.csv");
    const size = statSync(path).size;
    expect(size).toBeGreaterThan(4096);
    expect(openExportStream(path, { chunkBytes: 4096, wholeUpTo: size })).toBeNull();
    const stream = openExportStream(path, { chunkBytes: 4096, wholeUpTo: size - 1 });
    expect(stream).not.toBeNull();
    try {
      // Chunks of 4 KB: more than one batch.
      expect([...stream!.batches()].length).toBeGreaterThan(1);
    } finally {
      stream!.close();
    }
  });

  it("gives the same records whatever piece of a chunk is decoded and tokenized at a time", () => {
    // A chunk is decoded a piece at a time (PIECE_BYTES): a piece may end inside a character, a quoted cell, a CRLF.
    const records = (path: string, pieceBytes: number, thread: boolean) => {
      const before = process.env.SEGMENT_READ_THREAD;
      process.env.SEGMENT_READ_THREAD = thread ? "1" : "0";
      try {
        const stream = openExportStream(path, { chunkBytes: 4096, wholeUpTo: 0, pieceBytes });
        if (stream === null) return null;
        try {
          return [...stream.batches()].flat().map((r) => ({ line: r.line, cells: r.cells }));
        } catch (e) {
          return (e as Error).constructor.name;
        } finally {
          stream.close();
        }
      } finally {
        if (before === undefined) delete process.env.SEGMENT_READ_THREAD;
        else process.env.SEGMENT_READ_THREAD = before;
      }
    };
    // A note of 120 KB (quoted, with line breaks, doubled quotes and Cyrillic) spans many chunks and pieces.
    const dir = mkdtempSync(join(tmpdir(), "segment-stream-"));
    const long = join(dir, "long-note.csv");
    const note = Array.from({ length: 1500 }, (_, i) => `звонок ${i}: просили ""КП"" на станок;\nперезвонить`).join(" ");
    const lines = ["ID;Название компании;Комментарий"];
    for (let i = 1; i <= 40; i++) lines.push(`${i};"ООО ""Ромашка ${i}""";"${i === 20 ? note : "ок"}"`);
    writeFileSync(long, lines.join("\r\n") + "\r\n");
    let compared = 0;
    for (const path of [...exports, long]) {
      const whole = records(path, 4096, false);
      if (whole === null || typeof whole === "string") continue;
      compared++;
      for (const piece of [16, 61, 257, 1000]) {
        // The reader thread takes the plan as it is (one piece size is enough to show it: each start costs a thread).
        for (const thread of piece === 257 ? [false, true] : [false]) expect(records(path, piece, thread), `${path}: pieces of ${piece} bytes, ${thread ? "reader thread" : "this thread"}`).toEqual(whole);
      }
    }
    // The dialects' and the demo's exports: Cyrillic in UTF-8 and Windows-1251, CRLF, quoted line breaks.
    expect(compared).toBeGreaterThan(10);
    const withNote = records(long, 4096, false);
    expect(Array.isArray(withNote) && withNote.find((r) => r.cells[0] === "20")!.cells[2]).toBe(note.replaceAll('""', '"'));
  });

  it("works out the company names' match keys on the reader thread once asked, for the records read from then on", () => {
    const path = join(root, "dialects", "odoo", "contact-res-partner.csv");
    const stream = openExportStream(path, { chunkBytes: 1024 });
    expect(stream).not.toBeNull();
    try {
      expect(stream!.ownCells).toBe(true);
      expect(stream!.head.header[0]).toBe("Complete Name");
      stream!.keyNames([0]);
      const records = [...stream!.batches()].flat();
      const keyed = records.filter((r) => r.nameKey !== undefined);
      // The batches read ahead before the ask go without keys; every later one has them, each of its own name.
      expect(keyed.length).toBeGreaterThan(records.length / 2);
      expect(records.at(-1)!.nameKey).toBeDefined();
      for (const r of keyed) expect(r.nameKey, `line ${r.line}`).toBe(cleanCell(r.cells[0]) === "" ? "" : nameKey(cleanCell(r.cells[0])));
      // The key drops the legal form: "Northstar Trucking LLC", the last record.
      expect(records.at(-1)!.nameKey).toBe("northstar trucking");
    } finally {
      stream!.close();
    }
  });

  it("hands a file to the whole-file reader when something past the first chunks needs it, with the same result", async () => {
    const dir = mkdtempSync(join(tmpdir(), "segment-stream-"));
    const good = Array.from({ length: 300 }, (_, i) => `${i + 1};"ООО ""Ромашка ${i}""";Екатеринбург;+7 343 123-45-${String(i % 100).padStart(2, "0")}`);
    const header = "ID;Название компании;Город;Телефон";
    // A stray quote csv-parse must judge (text after a closing quote), far past the first chunk.
    const stray = join(dir, "stray.csv");
    writeFileSync(stray, [header, ...good.slice(0, 250), '251;"Альфа"x;Пермь;', ...good.slice(251), ""].join("\n"));
    // Bytes that are not UTF-8 (a cp1251 letter) past the 4 MB the encoding is judged by.
    const bytes = join(dir, "bytes.csv");
    const many = Array.from({ length: 90_000 }, (_, i) => `${i + 1};ООО Ромашка ${i};Екатеринбург;`).join("\n");
    writeFileSync(bytes, Buffer.concat([Buffer.from(header + "\n" + many + "\n"), Buffer.from([0x39, 0x3b, 0xc0, 0xeb, 0xfc, 0xf4, 0xe0, 0x3b, 0x3b, 0x0a]), Buffer.from(good.join("\n") + "\n")]));
    for (const [path, chunk] of [[stray, 512], [bytes, 65536]] as const) {
      const whole = await read(path, 1 << 30);
      const chunked = await read(path, chunk);
      expect(typeof chunked !== "string" && chunked.streamed, path).toBe(false);
      expect(comparable(chunked)).toEqual(comparable(whole));
      expect(typeof whole !== "string" && whole.rows.length).toBeGreaterThan(290);
    }
  });
});

describe("keeping only the first rows (inspect)", () => {
  it.each(exports.filter((p) => p.includes("dialects") || p.includes("demo")).map((p) => [p.slice(root.length + 1), p]))(
    "%s: the filled counts and first rows of the full read, read whole and in chunks",
    async (_name, path) => {
      resetDetached();
      const full = await ingest(path, { config: DEFAULT_CONFIG, map: [], chunkBytes: 1 << 30 });
      const filled = (f: string) => full.rows.filter((r) => r.values[f as keyof typeof r.values] !== "").length;
      for (const chunkBytes of [1 << 30, 4096]) {
        resetDetached();
        const kept = await ingest(path, { config: DEFAULT_CONFIG, map: [], chunkBytes, keepRows: 3 });
        expect(kept.streamed).toBe(chunkBytes === 4096);
        expect(kept.accepted).toBe(full.rows.length);
        expect(kept.rows).toEqual(full.rows.slice(0, 3));
        expect(kept.rejects).toEqual(full.rejects);
        expect(kept.filled).toBeDefined();
        // Every field a row holds: date and number columns are counted once settled, at the end.
        for (const [f, n] of Object.entries(kept.filled!)) expect(n, `${f}, chunks of ${chunkBytes} bytes`).toBe(filled(f));
        expect(Object.values(kept.filled!).some((n) => n > 0 && n < full.rows.length)).toBe(true);
      }
    },
  );
});
