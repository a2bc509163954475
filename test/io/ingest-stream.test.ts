// A large export is read in chunks; whatever the chunk size, the rows, rejects and warnings are the ones
// the whole-file reader gives (which is the reader every other test pins down).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingest, type Ingested } from "../../src/ingest.js";
import { DEFAULT_CONFIG } from "../../src/schema/config.js";
import { resetDetached } from "../../src/io/detach.js";

const root = join(import.meta.dirname, "../../fixtures");
const exports = [
  ...readdirSync(join(root, "dialects")).flatMap((d) => readdirSync(join(root, "dialects", d)).filter((f) => /\.(csv|txt)$/.test(f) && f !== "managers.csv").map((f) => join(root, "dialects", d, f))),
  ...readdirSync(join(root, "edge")).filter((f) => /\.(csv|txt)$/.test(f)).map((f) => join(root, "edge", f)),
  join(root, "hostile", "formulas.csv"),
  join(root, "demo", "bitrix24-companies.csv"),
];

async function read(path: string, chunkBytes: number): Promise<Ingested | string> {
  resetDetached();
  try {
    return await ingest(path, { config: DEFAULT_CONFIG, map: [], chunkBytes });
  } catch (e) {
    return (e as Error).message;
  }
}

const comparable = (r: Ingested | string) => {
  if (typeof r === "string") return r;
  const { path, file, encoding, delimiter, header, headerLine } = r.head;
  return { ...r, head: { path, file, encoding, delimiter, header, headerLine }, streamed: undefined, readMs: undefined };
};

describe("reading in chunks", () => {
  it.each(exports.map((p) => [p.slice(root.length + 1), p]))("%s: the same rows, rejects and warnings at any chunk size", async (_name, path) => {
    const whole = await read(path, 1 << 30);
    if (typeof whole !== "string") expect(whole.streamed).toBe(false);
    for (const size of [16, 61, 257, 4096]) {
      const chunked = await read(path, size);
      expect(comparable(chunked), `chunks of ${size} bytes`).toEqual(comparable(whole));
    }
  });

  it("streams the exports it can and falls back for the rest", async () => {
    const streamed = await read(join(root, "demo", "bitrix24-companies.csv"), 4096);
    expect(typeof streamed !== "string" && streamed.streamed).toBe(true);
    // A stray quote csv-parse must judge: the whole-file reader takes over, with the same result.
    const stray = await read(join(root, "edge", "unquoted-quotes.csv"), 16);
    expect(typeof stray !== "string" && stray.rows.length).toBeGreaterThan(0);
  });
});
