// Reads a CRM export (and the tool's own CSV files): encoding and delimiter sniffing, csv-parse, physical line numbers.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { TextDecoder } from "node:util";
import { parse } from "csv-parse/sync";
import { detach } from "./detach.js";
import { fastParse, fastParseChunk } from "./fast-csv.js";
import { startReader } from "./read-thread.js";
import { SegmentError } from "../errors.js";
import type { RawRecord, RawTable } from "../types.js";

// ---------------------------------------------------------------------------------------------
// encodings

export interface Encoding {
  /** WHATWG name, as reported. */
  name: string;
  /** iconv-lite's name. */
  iconv: string;
}

const enc = (name: string, iconvName = name): Encoding => ({ name, iconv: iconvName });
const UTF8 = enc("utf-8", "utf8");
const UTF16LE = enc("utf-16le");
const UTF16BE = enc("utf-16be");

// Aliases a user may type for --encoding, keyed by the name folded to lower-case letters and digits.
const ENCODING_ALIASES: Record<string, Encoding> = {};
function alias(e: Encoding, ...names: string[]): Encoding {
  for (const n of [e.name, e.iconv, ...names]) ENCODING_ALIASES[foldEncodingName(n)] = e;
  return e;
}
function foldEncodingName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}
alias(UTF8, "utf8", "unicode11utf8");
alias(UTF16LE, "utf16", "ucs2", "unicode", "utf16le");
alias(UTF16BE, "unicodefffe");
const CP1251 = alias(enc("windows-1251"), "cp1251", "win1251", "1251", "win", "ansi1251", "xcp1251");
const KOI8R = alias(enc("koi8-r"), "koi8", "koi8r", "cskoi8r");
const CP866 = alias(enc("ibm866", "cp866"), "cp866", "866", "dos866", "csibm866", "alt");
const MACCYR = alias(enc("x-mac-cyrillic", "maccyrillic"), "maccyrillic", "macintoshcyrillic", "xmacukrainian");
const CP1252 = alias(enc("windows-1252"), "cp1252", "win1252", "1252", "latin1", "iso88591", "l1", "ascii", "usascii");
const CP1250 = alias(enc("windows-1250"), "cp1250", "win1250", "1250");
alias(enc("koi8-u"), "koi8u");
alias(enc("iso-8859-2"), "latin2", "iso88592", "l2");
alias(enc("iso-8859-5"), "iso88595", "cyrillic");
alias(enc("windows-1257"), "cp1257", "win1257");

/** Resolves an `--encoding` value (`cp1251`, `win1251`, `utf8`, ...) or throws a usage error. */
export function resolveEncoding(name: string): Encoding {
  const known = ENCODING_ALIASES[foldEncodingName(name)];
  if (known) return known;
  const lower = name.trim().toLowerCase();
  if (lower && iconv.encodingExists(lower)) return enc(lower);
  throw new SegmentError("usage", `--encoding ${name}: unknown encoding; use one such as utf-8, utf-16le, windows-1251, koi8-r, windows-1250 or windows-1252.`);
}

// Single-byte pages tried when the bytes are not UTF-8; on a tie the earlier wins (a Russian Excel saves cp1251).
const SINGLE_BYTE: Encoding[] = [CP1251, KOI8R, CP866, MACCYR, CP1252, CP1250];

// Relative frequency of Russian letters (per mille), the base of the Cyrillic score.
const RU_FREQ: Record<string, number> = {
  о: 110, е: 85, а: 80, и: 74, н: 67, т: 63, с: 55, р: 47, в: 45, л: 44, к: 35, м: 32, д: 30, п: 28, у: 26,
  я: 20, ы: 19, ь: 17, г: 17, з: 16, б: 16, ч: 14, й: 12, х: 10, ж: 9, ш: 7, ю: 6, ц: 5, щ: 4, э: 3, ф: 3,
  ъ: 0.5, ё: 0.5, і: 1, ї: 0.5, є: 0.5, ґ: 0.3, ў: 0.3,
};
const LATIN_COMMON = new Set("éèêëàâäáãåçîïíìôöóòõúùûüñßøæœšžčćđřěůýąęłńśźżăşţșțőű");
const PUNCT_COMMON = new Set("«»—–№“”„‘’…€\u00a0°·•™©®§±");

// Per byte of a code page: its weight as a character of text, and its case.
interface PageTable {
  weight: Float64Array;
  /** 1 lower-case letter, 2 upper-case letter, 0 other. */
  kind: Uint8Array;
  /** 1 when the byte is a non-ASCII Latin letter (for the run penalty), 2 when a Cyrillic letter. */
  latin: Uint8Array;
}

const tableCache = new Map<string, PageTable>();
function pageTable(e: Encoding): PageTable {
  const cached = tableCache.get(e.iconv);
  if (cached) return cached;
  const bytes = Buffer.alloc(256);
  for (let i = 0; i < 256; i++) bytes[i] = i;
  const chars = Array.from(iconv.decode(bytes, e.iconv));
  const weight = new Float64Array(256);
  const kind = new Uint8Array(256);
  const latin = new Uint8Array(256);
  for (let b = 0; b < 256; b++) {
    const ch = chars[b] ?? "\ufffd";
    const lower = ch.toLowerCase();
    const isLetter = lower !== ch.toUpperCase();
    if (isLetter) kind[b] = ch === lower ? 1 : 2;
    if (b < 0x80) continue;
    const freq = RU_FREQ[lower];
    if (freq !== undefined) {
      latin[b] = 2;
      weight[b] = Math.max(-5, Math.log(freq / 110));
    } else if (isLetter && lower.charCodeAt(0) < 0x400) {
      latin[b] = 1;
      weight[b] = LATIN_COMMON.has(lower) ? -1.5 : -3.5;
    } else if (isLetter) {
      weight[b] = -6; // Serbian/Macedonian-only or other rare letters
    } else {
      weight[b] = PUNCT_COMMON.has(ch) ? -1 : -6;
    }
  }
  const table = { weight, kind, latin };
  tableCache.set(e.iconv, table);
  return table;
}

/** Non-ASCII bytes of one line the code page guess reads at most. */
const PER_LINE = 256;

/**
 * Picks the single-byte page whose reading of the non-ASCII bytes looks most like text: Russian letters by
 * their frequency, few capitals inside words, and Latin accented letters one at a time rather than in runs.
 */
export function guessSingleByte(buf: Uint8Array): Encoding {
  // Positions of non-ASCII bytes, capped: a few tens of thousands settle it. At most PER_LINE of a line, so that one
  // huge cell (a call log of one word repeated) does not outvote the header and the rows around it.
  const positions: number[] = [];
  let onLine = 0;
  for (let i = 0; i < buf.length && positions.length < 50_000; i++) {
    const b = buf[i]!;
    if (b === 0x0a) onLine = 0;
    else if (b >= 0x80 && onLine++ < PER_LINE) positions.push(i);
  }
  let best = SINGLE_BYTE[0]!;
  let bestScore = -Infinity;
  for (const e of SINGLE_BYTE) {
    const t = pageTable(e);
    let score = 0;
    for (const p of positions) {
      const b = buf[p]!;
      score += t.weight[b]!;
      const prev = p > 0 ? buf[p - 1]! : 0x20;
      if (t.kind[b] === 2 && t.kind[prev] === 1) score -= 3; // a capital inside a word
      if (t.latin[b] === 1 && prev >= 0x80 && t.kind[prev] !== 0) score -= 2.5;
      else if (t.latin[b] === 2 && (isAsciiLetter(prev) || isAsciiLetter(p + 1 < buf.length ? buf[p + 1]! : 0x20))) score -= 4; // Latin and Cyrillic in one word
    }
    if (score > bestScore) {
      bestScore = score;
      best = e;
    }
  }
  return best;
}

function isAsciiLetter(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

/** Decides the encoding of an export's bytes: BOM, then UTF-16 without BOM, then UTF-8, then a single-byte page. */
function detectEncoding(buf: Buffer, path: string): { encoding: Encoding; bomLength: number } {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: UTF8, bomLength: 3 };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { encoding: UTF16LE, bomLength: 2 };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { encoding: UTF16BE, bomLength: 2 };
  const kind = binaryKind(buf, path);
  if (kind) throw new SegmentError("input", `${path} ${kind}`);
  const sample = buf.subarray(0, 65536);
  if (sample.indexOf(0) >= 0) {
    // UTF-16 without a BOM puts the zero byte of every ASCII character on the same side.
    let even = 0;
    let odd = 0;
    for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? even++ : odd++;
    const half = sample.length / 2;
    if (odd > half * 0.1 && even < odd * 0.02) return { encoding: UTF16LE, bomLength: 0 };
    if (even > half * 0.1 && odd < even * 0.02) return { encoding: UTF16BE, bomLength: 0 };
    throw notText(path, "it holds NUL bytes");
  }
  checkControlBytes(sample, path);
  if (isUtf8(buf) || mostlyUtf8(buf)) return { encoding: UTF8, bomLength: 0 };
  return { encoding: guessSingleByte(buf), bomLength: 0 };
}

/**
 * A UTF-8 export with a few stray bytes (a cell pasted from elsewhere) is still UTF-8: single-byte Cyrillic or
 * Latin text almost never forms valid multi-byte sequences, so many of them and few broken ones settle it.
 */
function mostlyUtf8(buf: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  const end = Math.min(buf.length, 4 << 20);
  for (let i = 0; i < end; i++) {
    const b = buf[i]!;
    if (b < 0x80) continue;
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < buf.length;
    for (let k = 1; ok && k <= need; k++) ok = (buf[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += need;
    } else invalid++;
  }
  return valid >= 20 && valid >= invalid * 20;
}

/**
 * What a file saved in another format than CSV is, by its first bytes (and, for a zip archive, its name), for the
 * formats an export is mistaken for: a spreadsheet saved as a workbook, a report printed to PDF, an export compressed
 * on the way. The whole sentence after the file's name; undefined for any other file.
 */
export function binaryKind(buf: Uint8Array, path: string): string | undefined {
  const starts = (...bytes: number[]) => buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
  const saveAsCsv = "save it as CSV (in Excel: File, Save As, CSV UTF-8) and run again";
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) {
    const head = Buffer.from(buf.subarray(0, Math.min(buf.length, 4096))).toString("latin1");
    if (head.includes("opendocument.spreadsheet") || /\.ods$/i.test(path)) return "is an OpenDocument spreadsheet (.ods), not a CSV file; save it as CSV (in LibreOffice: File, Save As, Text CSV) and run again.";
    if (head.includes("xl/") || head.includes("[Content_Types].xml") || /\.xls[xmb]$/i.test(path)) return `is an Excel workbook (.xlsx), not a CSV file; ${saveAsCsv}.`;
    return "is a zip archive, not a CSV file; unpack the CSV from it and run again.";
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return `is an Excel 97-2003 workbook (.xls), not a CSV file; ${saveAsCsv}.`;
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "is a PDF document, not a CSV file; export the clients from the CRM as CSV and run again.";
  if (starts(0x1f, 0x8b)) return "is gzip-compressed; unpack it (gunzip) and run again.";
  return undefined;
}

function notText(path: string, why: string): SegmentError {
  return new SegmentError("input", `${path} is not a text export (${why}); save it from the CRM or spreadsheet as CSV.`);
}

// Control bytes other than tab, LF, VT, FF, CR and the DOS end-of-file mark.
function checkControlBytes(sample: Uint8Array, path: string): void {
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 0x1a) || b === 0x7f) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.05) throw notText(path, `${control} control bytes in its first ${sample.length}`);
}

// ---------------------------------------------------------------------------------------------
// delimiters

const DELIMITERS = [",", ";", "\t", "|"];
const DELIMITER_ALIASES: Record<string, string> = {
  tab: "\t", "\\t": "\t", "\t": "\t", comma: ",", semicolon: ";", pipe: "|", ",": ",", ";": ";", "|": "|",
};

/** Resolves a `--delimiter` value (`;`, `tab`, `\t`, ...) or throws a usage error. */
export function resolveDelimiter(value: string): string {
  const known = DELIMITER_ALIASES[value.toLowerCase()] ?? DELIMITER_ALIASES[value.trim().toLowerCase()];
  if (known) return known;
  if (value.length === 1 && value !== '"' && value !== "\n" && value !== "\r") return value;
  throw new SegmentError("usage", `--delimiter ${JSON.stringify(value)}: expected one character such as , ; | or tab.`);
}

/** One scanned record: fields counted by `delim`, how many of them hold any text, and the line it starts on. */
interface Scanned {
  fields: number;
  filled: number;
  line: number;
}

/**
 * Splits text into records the way csv-parse does with `relax_quotes`: a quote opens a quoted field only at
 * the field's start; `""` inside is a quote; a closing quote followed by other text ends the quoting.
 * Blank lines are skipped. Returns `open` = the line of a quoted field that never closes.
 */
function scan(text: string, delim: string, maxRecords: number): { records: Scanned[]; open: number } {
  const records: Scanned[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n && records.length < maxRecords) {
    const start = line;
    let fields = 1;
    let filled = 0;
    let hasText = false;
    let fieldStart = true;
    let blank = true;
    let quoted = false;
    let openLine = 0;
    for (; i < n; i++) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') i++;
          else quoted = false;
        } else {
          if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
          if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") hasText = true;
        }
        continue;
      }
      if (c === "\n" || c === "\r") {
        if (c === "\r" && text[i + 1] === "\n") i++;
        line++;
        i++;
        break;
      }
      blank = false;
      if (c === delim) {
        fields++;
        if (hasText) filled++;
        hasText = false;
        fieldStart = true;
        continue;
      }
      if (c === '"' && fieldStart) {
        quoted = true;
        openLine = line;
      } else if (c !== " " && c !== "\t" && c !== '"') hasText = true;
      fieldStart = false;
    }
    if (quoted) return { records, open: openLine };
    if (hasText) filled++;
    if (!blank) records.push({ fields, filled, line: start });
  }
  return { records, open: 0 };
}

/** Lines a title may take above the header (a report's name, its date, its filters, blank lines). */
const MAX_TITLE_LINES = 20;

/**
 * Where the header is among the scanned records: the first, unless the file opens with a title that a spreadsheet or a
 * CRM's report writes above the table (`Список контрагентов`, `Сформирован: 01.11.2026`, blank lines, each padded with
 * delimiters or not: lines of at most one filled cell). Then the header is the first record after them that names at
 * least three columns, with most records after it as wide. A file of one column stays as it is.
 */
function headerAt(records: readonly Scanned[]): number {
  if (records.length < 3 || records[0]!.filled >= 2) return 0;
  for (let h = 1; h < records.length - 1 && h <= MAX_TITLE_LINES; h++) {
    const header = records[h]!;
    if (header.filled < 2) continue;
    if (header.filled < 3) return 0;
    let same = 0;
    for (let r = h + 1; r < records.length; r++) if (records[r]!.fields === header.fields) same++;
    return same >= 0.8 * (records.length - h - 1) ? h : 0;
  }
  return 0;
}

/**
 * The delimiter whose field count is the same on the header and the most records after it; one that reads the header
 * on the first record before one that reads a title above it (`headerAt`), and the wider reading on a tie.
 */
export function sniffDelimiter(text: string, candidates: string[] = DELIMITERS): string {
  let best = candidates[0]!;
  let bestRank = [-1, -1, 1];
  for (const d of candidates) {
    const { records } = scan(text, d, 40);
    const h = headerAt(records);
    const header = records[h]?.fields ?? 1;
    if (header < 2) continue;
    let same = 0;
    for (let r = h + 1; r < records.length; r++) if (records[r]!.fields === header) same++;
    const score = records.length > h + 1 ? same / (records.length - h - 1) : 1;
    const rank = [h === 0 ? 1 : 0, score, header];
    if (rank[0]! > bestRank[0]! || (rank[0] === bestRank[0] && (score > bestRank[1]! || (score === bestRank[1] && header > bestRank[2]!)))) {
      best = d;
      bestRank = rank;
    }
  }
  return best;
}

/**
 * The title above the header (`headerAt`) in `text` read with `delimiter`: the lines it takes and the UTF-16 units
 * they hold, to skip before the header; nothing for a file whose header comes first.
 */
export function titleAbove(text: string, delimiter: string): { skipLines: number; skip: number } {
  const { records } = scan(text, delimiter, 40);
  const h = headerAt(records);
  if (h === 0) return { skipLines: 0, skip: 0 };
  const lines = records[h]!.line - 1;
  let skip = 0;
  for (let l = 0; l < lines; l++) {
    const nl = text.indexOf("\n", skip);
    const cr = text.indexOf("\r", skip);
    // LF, CRLF or a lone CR ends a line.
    if (cr >= 0 && (nl < 0 || cr < nl)) skip = text[cr + 1] === "\n" ? cr + 2 : cr + 1;
    else skip = nl + 1;
  }
  return { skipLines: lines, skip };
}

// Excel's `sep=;` hint line.
const SEP_LINE = /^sep=(.)\s*$/i;

/** An Excel `sep=;` first line names the delimiter and comes before the header: the hint, and the characters to skip. */
function sepLine(head: string): { sepHint: string | undefined; skipLines: number; skip: number } {
  const nl = head.indexOf("\n");
  const m = SEP_LINE.exec(head.slice(0, nl < 0 ? head.length : nl).replace(/\r$/, ""));
  if (!m) return { sepHint: undefined, skipLines: 0, skip: 0 };
  return { sepHint: m[1], skipLines: 1, skip: nl < 0 ? head.length : nl + 1 };
}

// ---------------------------------------------------------------------------------------------
// parsing

/** Counts line breaks (CRLF, LF or CR each one) in `text`, up to `end`. */
function countBreaks(text: string, end = text.length): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) count++;
  for (let i = text.indexOf("\r"); i >= 0 && i < end; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 10) count++;
  return count;
}

function countBufferBreaks(buf: Buffer): number {
  let count = 0;
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) count++;
  for (let i = buf.indexOf(13); i >= 0; i = buf.indexOf(13, i + 1)) if (buf[i + 1] !== 10) count++;
  return count;
}

function cellBreaks(cells: string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (cell.indexOf("\n") < 0 && cell.indexOf("\r") < 0) continue;
    count += countBreaks(cell);
  }
  return count;
}

const PARSE_OPTIONS = {
  relax_quotes: true,
  relax_column_count: true,
  skip_empty_lines: false,
  quote: '"',
  escape: '"',
} as const;

interface ParseError {
  code?: string;
  message?: string;
}

/**
 * Parses `input` (UTF-8 bytes or text) into records with the physical line where each starts. Blank lines
 * come out of csv-parse as `[""]` and are dropped here; they still count as lines.
 */
function parseRecords(
  input: Buffer | string,
  delimiter: string,
  firstLine: number,
  subject: string,
  code: "input" | "usage",
  text: () => string,
): RawRecord[] {
  let parsed: string[][];
  try {
    // The fast tokenizer answers for well-formed text; csv-parse judges everything else.
    parsed = fastParse(typeof input === "string" ? input : input.toString("utf8"), delimiter) ?? (parse(input, { ...PARSE_OPTIONS, delimiter }) as string[][]);
  } catch (e) {
    const err = e as ParseError;
    if (err.code === "CSV_QUOTE_NOT_CLOSED") {
      const { open } = scan(text(), delimiter, Infinity);
      throw new SegmentError(code, `${subject}: line ${open + firstLine - 1}: a quoted field opens here and never closes, so the rest of the file would be one value.`);
    }
    throw new SegmentError(code, `${subject} cannot be read as CSV (${err.message ?? String(e)}).`);
  }
  const breaks = typeof input === "string" ? countBreaks(input) : countBufferBreaks(input);
  const endsWithBreak = typeof input === "string" ? /[\r\n]$/.test(input) : input.length > 0 && (input[input.length - 1] === 10 || input[input.length - 1] === 13);
  return withLines(parsed, breaks, endsWithBreak, firstLine);
}

/**
 * Records with the physical line each starts on, blank ones dropped: `breaks` is the number of line breaks
 * in the text the records were parsed from, `endsWithBreak` whether it ends with one.
 */
function withLines(parsed: string[][], breaks: number, endsWithBreak: boolean, firstLine: number): RawRecord[] {
  // Without quoted line breaks every record is one line and lines follow by position: no per-cell scan.
  // Line breaks inside quoted cells still to be found; once all are, the remaining records need no scan.
  let inside = breaks + (endsWithBreak ? 0 : 1) - parsed.length;
  const records: RawRecord[] = [];
  let line = firstLine;
  for (let r = 0; r < parsed.length; r++) {
    const cells = parsed[r]!;
    if (!(cells.length === 1 && cells[0] === "")) records.push({ line, cells });
    if (inside > 0) {
      const own = cellBreaks(cells);
      inside -= own;
      line += 1 + own;
    } else line++;
  }
  return records;
}

function readError(path: string, e: unknown, code: "input" | "usage", what?: string): SegmentError {
  const errno = (e as NodeJS.ErrnoException).code;
  const subject = what ? `The ${what} file ${path}` : path;
  if (errno === "ENOENT") return new SegmentError(code, `${subject} does not exist.`);
  if (errno === "EISDIR") return new SegmentError(code, `${subject} is a folder, not a CSV file.`);
  if (errno === "EACCES" || errno === "EPERM") return new SegmentError(code, `${subject} cannot be read: permission denied.`);
  return new SegmentError(code, `${subject} cannot be read (${(e as Error).message}).`);
}

/** Reads a CRM export: detects (or takes) the encoding and the delimiter and returns every record with its line. */
export async function readExport(path: string, opts: { encoding?: string; delimiter?: string } = {}): Promise<RawTable> {
  const forced = opts.encoding ? resolveEncoding(opts.encoding) : undefined;
  const forcedDelimiter = opts.delimiter !== undefined && opts.delimiter !== "" ? resolveDelimiter(opts.delimiter) : undefined;
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    throw readError(path, e, "input");
  }
  if (buf.length === 0) throw new SegmentError("input", `${path} is empty.`);

  let encoding: Encoding;
  let bomLength: number;
  if (forced) {
    encoding = forced;
    const isUtf8Bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
    const isUtf16Bom = (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
    bomLength = encoding === UTF8 && isUtf8Bom ? 3 : encoding.name.startsWith("utf-16") && isUtf16Bom ? 2 : 0;
  } else {
    ({ encoding, bomLength } = detectEncoding(buf, path));
  }

  // UTF-8 goes to csv-parse as bytes (its fastest input); anything else is decoded to text first.
  let input: Buffer | string;
  if (encoding === UTF8) input = buf.subarray(bomLength);
  else input = iconv.decode(buf.subarray(bomLength), encoding.iconv, { stripBOM: true });
  const head = typeof input === "string" ? input.slice(0, 65536) : input.subarray(0, 65536).toString("utf8");
  if (head.trim() === "" && (typeof input === "string" ? input.trim() === "" : input.toString("utf8").trim() === "")) {
    throw new SegmentError("input", `${path} is empty.`);
  }

  const { sepHint, skipLines, skip: offset } = sepLine(head);
  if (offset > 0) {
    // `offset` counts UTF-16 code units of `head`; for bytes, re-measure the skipped prefix in bytes.
    input = typeof input === "string" ? input.slice(offset) : input.subarray(Buffer.byteLength(head.slice(0, offset), "utf8"));
  }
  const body = head.slice(offset);
  const delimiter = forcedDelimiter ?? sepHint ?? sniffDelimiter(body);
  const title = titleAbove(body, delimiter);
  if (title.skip > 0) {
    input = typeof input === "string" ? input.slice(title.skip) : input.subarray(Buffer.byteLength(body.slice(0, title.skip), "utf8"));
  }

  const all = parseRecords(input, delimiter, skipLines + title.skipLines + 1, path, "input", () => (typeof input === "string" ? input : input.toString("utf8")));
  if (all.length === 0) throw new SegmentError("input", `${path} is empty.`);
  const [first, ...records] = all;
  // The header lives for the whole run: its own strings, not slices that would keep the file's text alive.
  const header = first!.cells.map(detach);
  if (header[0]?.charCodeAt(0) === 0xfeff) header[0] = header[0].slice(1);
  return {
    path,
    file: basename(path),
    encoding: encoding.name,
    delimiter,
    header,
    headerLine: first!.line,
    titleLines: title.skipLines,
    records,
  };
}

// ---------------------------------------------------------------------------------------------
// reading in chunks

/** What an export says of itself before its records: the RawTable without them. */
export type ExportHead = Omit<RawTable, "records">;

/** An export read a chunk at a time: its head, then its records in batches. */
export interface ExportStream {
  head: ExportHead;
  /**
   * The records after the header in file order, a chunk's worth at a time. Throws `NotStreamable` where
   * the rest of the file needs the whole-file reader (text csv-parse must judge, bytes that are not UTF-8).
   */
  batches(): Generator<RawRecord[]>;
  /** The share of the file's bytes read so far, 0 to 1. */
  progress(): number;
  /** The records come from the reader thread: their cells are strings of their own, not slices of the file's text. */
  ownCells: boolean;
  /** Records read from now on carry their company name's match key, worked out on the reader thread (`Reader.keyNames`). */
  keyNames(columns: readonly number[]): void;
  close(): void;
}

/** The file needs `readExport`: it has something only the whole-file reader settles. */
export class NotStreamable extends Error {}

/** Where the bytes up to `end` stop on a whole UTF-8 sequence (a sequence cut by the chunk's end waits). */
function wholeUtf8End(buf: Uint8Array, end: number): number {
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = buf[end - back]!;
    if (b < 0x80) return end;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return back < need ? end - back : end;
    }
  }
  return end;
}

export interface StreamOptions {
  encoding?: string;
  delimiter?: string;
  chunkBytes: number;
  /** A file no larger is read whole (default: `chunkBytes`). */
  wholeUpTo?: number;
  /** Bytes of a chunk decoded and tokenized at a time (default PIECE_BYTES; tests set it smaller). */
  pieceBytes?: number;
}

/**
 * Opens a large export to read in chunks of `chunkBytes`, deciding encoding, `sep=` line, delimiter and
 * header from the first chunk as `readExport` decides them from the whole file. Returns null where the
 * whole-file reader should answer: a file of one chunk or less (or `wholeUpTo`), UTF-16, a first chunk that is not plainly
 * UTF-8 or a single-byte page, no line break in the first chunk, and every error (it words them).
 */
export function openExportStream(path: string, opts: StreamOptions): ExportStream | null {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return null;
  }
  let open = true;
  let stop = () => {};
  const close = () => {
    stop();
    if (open) closeSync(fd);
    open = false;
  };
  try {
    const started = startStream(fd, path, opts);
    if (started === null) {
      close();
      return null;
    }
    const { stop: stopReader, ...stream } = started;
    stop = stopReader;
    return { ...stream, close };
  } catch (e) {
    close();
    if (e instanceof SegmentError) return null; // the whole-file reader words it
    throw e;
  }
}

// The bytes the encoding, `sep=` line, delimiter and line ends are judged by (as `readExport` judges them).
const SAMPLE_BYTES = 4 << 20;

/** The stream without its `close`, and how to stop its reader (which `close` does). */
function startStream(fd: number, path: string, opts: StreamOptions): (Omit<ExportStream, "close"> & { stop(): void }) | null {
  const chunkBytes = Math.max(16, opts.chunkBytes);
  const stat = fstatSync(fd);
  if (!stat.isFile() || stat.size <= Math.max(chunkBytes, opts.wholeUpTo ?? 0)) return null;
  const sample = Buffer.allocUnsafe(Math.min(stat.size, SAMPLE_BYTES));
  const sampled = readSync(fd, sample, 0, sample.length, 0);
  if (sampled < sample.length) return null;

  const forced = opts.encoding ? resolveEncoding(opts.encoding) : undefined;
  let encoding: Encoding;
  let bomLength: number;
  if (forced) {
    encoding = forced;
    bomLength = encoding === UTF8 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 3 : 0;
  } else {
    ({ encoding, bomLength } = detectEncoding(sample, path));
  }
  if (encoding.name.startsWith("utf-16")) return null;
  const utf8 = encoding === UTF8;
  if (utf8 && !isUtf8(sample.subarray(bomLength, wholeUtf8End(sample, sample.length)))) return null; // "mostly" UTF-8: the whole file decides
  const sampleText = utf8 ? sample.toString("utf8", bomLength, wholeUtf8End(sample, sample.length)) : iconv.decode(sample.subarray(bomLength), encoding.iconv, { stripBOM: true });
  if (sampleText.trim() === "") return null;

  const head = sampleText.slice(0, 65536);
  const { sepHint, skipLines: sepLines, skip: sepSkip } = sepLine(head);
  const delimiter = opts.delimiter !== undefined && opts.delimiter !== "" ? resolveDelimiter(opts.delimiter) : sepHint ?? sniffDelimiter(head.slice(sepSkip));
  const title = titleAbove(head.slice(sepSkip), delimiter);
  const skip = sepSkip + title.skip;
  const skipLines = sepLines + title.skipLines;
  const firstLf = sampleText.indexOf("\n", skip);
  if (firstLf < 0) return null;
  const crlf = firstLf > skip && sampleText.charCodeAt(firstLf - 1) === 13;

  const plan: ChunkPlan = { path, start: bomLength, size: stat.size, chunkBytes, pieceBytes: Math.max(16, opts.pieceBytes ?? PIECE_BYTES), iconv: utf8 ? null : encoding.iconv, delimiter, crlf, skip, skipLines };
  let position = bomLength;
  const reader = startReader(fd, plan);
  function* chunks(): Generator<RawRecord[]> {
    for (const batch of reader.batches) {
      position = batch.position;
      yield batch.records;
    }
  }

  const source = chunks();
  let first: RawRecord[] = [];
  try {
    for (let next = source.next(); !next.done; next = source.next()) {
      first = next.value;
      if (first.length > 0) break;
    }
  } catch (e) {
    reader.stop();
    if (e instanceof NotStreamable) return null;
    throw e;
  }
  if (first.length === 0) {
    reader.stop();
    return null; // no record at all: the whole-file reader says so
  }
  const headerRecord = first.shift()!;
  const header = headerRecord.cells.map(detach);
  if (header[0]?.charCodeAt(0) === 0xfeff) header[0] = header[0].slice(1);

  function* batches(): Generator<RawRecord[]> {
    if (first.length > 0) yield first;
    first = [];
    yield* source;
  }
  return {
    head: { path, file: basename(path), encoding: encoding.name, delimiter, header, headerLine: headerRecord.line, titleLines: title.skipLines },
    batches,
    progress: () => position / stat.size,
    stop: reader.stop,
    ownCells: reader.owned(),
    keyNames: reader.keyNames,
  };
}

/** How the body of a streamed export is read: everything the first chunks settled. */
export interface ChunkPlan {
  path: string;
  /** Byte offset of the text (after any BOM). */
  start: number;
  size: number;
  chunkBytes: number;
  /** Bytes of a chunk decoded and tokenized at a time (PIECE_BYTES). */
  pieceBytes: number;
  /** iconv-lite's name of a single-byte code page; null for UTF-8. */
  iconv: string | null;
  delimiter: string;
  crlf: boolean;
  /** UTF-16 units of the text to skip first (a `sep=` line, a title above the header), and the lines they hold. */
  skip: number;
  skipLines: number;
  /** Say of each batch whether its chunk has a character past Latin-1 (`wide`). */
  markWide?: boolean;
}

/** The records of one chunk, and how far into the file the reading has come. */
export interface ChunkBatch {
  records: RawRecord[];
  position: number;
  /** With `markWide`: the chunk's text has a character past Latin-1 (its cells are two-byte strings). */
  wide?: boolean;
}

const WIDE = /[^\x00-\xff]/;

/**
 * Bytes of a chunk decoded at a time. V8 puts a string of over 128 KB in a space of its own, on pages mapped for it
 * and unmapped when it dies, and on this machine a page fault costs about as much as decoding the page: the 300k
 * bench export (149 MB of Cyrillic UTF-8) decoded 512 KB at a time takes 1.45 s, 48 KB at a time 0.46 s. Two bytes
 * a character, a piece of 48 KB stays under the line whatever it holds.
 */
const PIECE_BYTES = 48 << 10;

/**
 * A single-byte code page's chunk decoder. The platform's `TextDecoder` (ICU, native) is about four times faster than
 * iconv-lite's table in JavaScript (0.19 against 0.72 s for a 111 MB Windows-1251 export), but its tables are not
 * iconv-lite's everywhere: Windows-1251's unassigned 0x98 is U+0098 to it and U+FFFD to iconv-lite, and Node 20 reads
 * Windows-1252 as Latin-1. So it is taken only for code pages where the two agree on all but a few bytes (unassigned
 * ones, looked for in each chunk by a native scan), and a chunk holding one of those goes to iconv-lite. Without full
 * ICU (no legacy code pages) every chunk does.
 */
export function singleByteDecoder(iconvName: string): (bytes: Buffer) => string {
  const slow = (bytes: Buffer): string => iconv.decode(bytes, iconvName);
  let fast: TextDecoder;
  try {
    fast = new TextDecoder(iconvName);
  } catch {
    return slow;
  }
  const every = Buffer.alloc(256);
  for (let i = 0; i < 256; i++) every[i] = i;
  const ours = slow(every);
  const theirs = fast.decode(every);
  if (ours.length !== 256 || theirs.length !== 256) return slow;
  const differ: number[] = [];
  for (let i = 0; i < 256; i++) if (ours.charCodeAt(i) !== theirs.charCodeAt(i)) differ.push(i);
  if (differ.length > 12) return slow;
  return (bytes) => {
    for (const b of differ) if (bytes.indexOf(b) >= 0) return slow(bytes);
    return fast.decode(bytes);
  };
}

/**
 * The records after `plan.start` a chunk at a time (the header among the first), as `readExport` reads
 * them. Throws `NotStreamable` where only the whole-file reader can answer.
 */
export function* readChunks(fd: number, plan: ChunkPlan): Generator<ChunkBatch> {
  const { path, chunkBytes, pieceBytes, delimiter, crlf } = plan;
  // UTF-8 is checked chunk by chunk (a chunk that is not leaves the file to the whole-file reader); a
  // single-byte page decodes any byte, and keeps no state from one chunk to the next (`plan.start` is past any BOM).
  const decoder = plan.iconv === null ? null : singleByteDecoder(plan.iconv);
  let tail = Buffer.alloc(0);
  // The platform's decoder takes a chunk of valid UTF-8 to the string `toString` gives, faster (about four times on
  // ASCII text); `ignoreBOM` keeps a U+FEFF that starts a chunk, as `toString` does.
  const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
  const decode = (bytes: Buffer, last: boolean): string => {
    if (decoder !== null) return decoder(bytes);
    const all = tail.length > 0 ? Buffer.concat([tail, bytes]) : bytes;
    const end = last ? all.length : wholeUtf8End(all, all.length);
    tail = Buffer.from(all.subarray(end));
    const whole = all.subarray(0, end);
    if (!isUtf8(whole)) throw new NotStreamable(`${path}: not UTF-8 past the first chunk`);
    return utf8.decode(whole);
  };
  let position = plan.start;
  let skip = plan.skip;
  const buf = Buffer.allocUnsafe(chunkBytes);
  let last = false;
  let text = "";
  let line = plan.skipLines + 1;
  while (!last) {
    const filled = readSync(fd, buf, 0, chunkBytes, position);
    position += filled;
    last = filled === 0 || position >= plan.size;
    let records: RawRecord[] = [];
    let wide = false;
    // A chunk is decoded and tokenized a piece at a time, so that no text is past V8's large-object size. A record
    // still open (`text`, tokenized again with each piece) makes the next piece as long as it: a cell of megabytes
    // is not scanned again every 48 KB.
    for (let from = 0, to = 0; from < filled || (from === 0 && last); from = to) {
      to = Math.min(filled, from + Math.max(pieceBytes, text.length));
      const end = last && to === filled;
      // Each piece's text is its own: records sliced from it let it go once they are normalised.
      text += decode(buf.subarray(from, to), end);
      if (skip > 0) {
        const n = Math.min(skip, text.length);
        text = text.slice(n);
        skip -= n;
      }
      const parsed = fastParseChunk(text, delimiter, crlf, end);
      if (parsed === null) throw new NotStreamable(`${path}: near line ${line}, text the whole-file reader must judge`);
      const breaks = countBreaks(text, parsed.consumed);
      const got = withLines(parsed.rows, breaks, end ? /[\r\n]$/.test(text) : true, line);
      if (records.length === 0) records = got;
      else for (let i = 0; i < got.length; i++) records.push(got[i]!);
      if (plan.markWide === true && !wide) wide = WIDE.test(text);
      line += breaks;
      text = end ? "" : text.slice(parsed.consumed);
      if (filled === 0) break;
    }
    if (records.length > 0) yield { records, position, wide };
  }
}

// ---------------------------------------------------------------------------------------------
// the tool's own files

const FORMULA_GUARD = /^'[=+\-@\t\r]/;

/**
 * Reads one of the tool's own CSV files (managers, locks, previous allocation): UTF-8 with or without BOM,
 * `,` or `;`; strips the one `'` the writer put before `= + - @ tab CR`; header lower-cased and trimmed.
 */
export function readToolCsv(path: string, what: string): { header: string[]; rows: { line: number; cells: string[] }[]; delimiter: string } {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw readError(path, e, "usage", what);
  }
  const kind = binaryKind(buf, path);
  if (kind) throw new SegmentError("usage", `The ${what} file ${path} ${kind}`);
  let text: string;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) text = buf.subarray(3).toString("utf8");
  else if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) text = iconv.decode(buf, buf[0] === 0xff ? "utf-16le" : "utf-16be");
  else if (isUtf8(buf)) text = buf.toString("utf8");
  else text = iconv.decode(buf, guessSingleByte(buf).iconv); // a spreadsheet re-saved it in its code page

  let firstLine = 1;
  let sepHint: string | undefined;
  const nl = text.indexOf("\n");
  const m = SEP_LINE.exec(text.slice(0, nl < 0 ? text.length : nl).replace(/\r$/, ""));
  if (m) {
    sepHint = m[1];
    text = nl < 0 ? "" : text.slice(nl + 1);
    firstLine = 2;
  }
  const delimiter = sepHint ?? sniffDelimiter(text.slice(0, 65536), [",", ";"]);
  const parsed = parseRecords(text, delimiter, firstLine, `The ${what} file ${path}`, "usage", () => text);
  const nonEmpty = parsed.filter((r) => r.cells.some((c) => c.trim() !== ""));
  const [first, ...rest] = nonEmpty;
  const header = first ? first.cells.map((h) => h.trim().toLowerCase()) : [];
  const rows = rest.map((r) => ({ line: r.line, cells: r.cells.map((c) => (FORMULA_GUARD.test(c) ? c.slice(1) : c)) }));
  return { header, rows, delimiter };
}
