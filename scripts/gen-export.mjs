#!/usr/bin/env node
// Streams a large export for the benchmark in constant memory:
// `node scripts/gen-export.mjs --rows 300000 --seed 1 --dialect bitrix24 --out FILE`. Prints nothing but errors.
import { openSync, writeSync, closeSync } from "node:fs";
import iconv from "iconv-lite";
import { buildExport } from "./lib/export.mjs";
import { DIALECTS } from "./lib/dialects.mjs";

function arg(name, fallback) {
  const i = process.argv.indexOf("--" + name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

try {
  const rows = Number(arg("rows", "300000"));
  const seed = Number(arg("seed", "1"));
  const dialect = arg("dialect", "bitrix24");
  const out = arg("out");
  const d = DIALECTS[dialect];
  if (!out || !d || !(rows > 0)) throw new Error("usage: gen-export.mjs --rows N --seed S --dialect " + Object.keys(DIALECTS).join("|") + " --out FILE");
  const fd = openSync(out, "w");
  const encode = (s) => (d.encoding === "windows-1251" ? iconv.encode(s, "win1251") : Buffer.from(s, "utf8"));
  if (d.bom) writeSync(fd, Buffer.from("\ufeff", "utf8"));
  // Batches of companies, each a small world with its own ~5% duplicates; ids run on across batches.
  const BATCH = 250;
  let written = 0, serial = undefined, batch = 0;
  while (written < rows) {
    const n = Math.min(BATCH, Math.ceil((rows - written) / 1.06));
    const x = buildExport({ dialect, seed, n: Math.max(n, 20), asOf: "2026-11-01", file: "bench-" + batch, dupShare: 0.05, namesakes: 1,
      clean: batch > 0, noTruth: true, noHeader: batch > 0, serialStart: serial });
    serial = x.serial;
    let text = x.text;
    const lines = text.split(d.eol);
    text = "";
    let count = 0;
    for (let i = 0; i < lines.length - 1; i++) {
      // Trim to the exact row count (header not counted).
      if (batch === 0 && i === 0) { text += lines[i] + d.eol; continue; }
      if (written + count >= rows) break;
      text += lines[i] + d.eol;
      count++;
    }
    writeSync(fd, encode(text));
    written += count;
    batch++;
  }
  closeSync(fd);
} catch (err) {
  process.stderr.write(String(err?.message ?? err) + "\n");
  process.exit(1);
}
