// Writes the tool's CSVs: UTF-8 with a BOM, RFC 4180 quoting, LF, formula-safe cells; streamed in chunks.

/** A plain number: an optional sign followed only by digits, spaces, `.` and `,`. */
const PLAIN_NUMBER = /^[+-]?[\d .,]*$/;

/** A cell a spreadsheet would run as a formula gets a leading `'` (CONTRACT.md, Outputs › Format). */
export function safeCell(value: string): string {
  if (value === "") return value;
  const c = value.charCodeAt(0);
  // = @ \t \r
  if (c === 61 || c === 64 || c === 9 || c === 13) return "'" + value;
  // + -
  if ((c === 43 || c === 45) && !PLAIN_NUMBER.test(value)) return "'" + value;
  return value;
}

/** A character (not the quote itself) that makes its cell quoted: `,`, `;`, a line break or the delimiter. */
function quotes(c: number, delimiterCode: number): boolean {
  return c === 44 || c === 59 || c === 10 || c === 13 || c === delimiterCode;
}

/**
 * One cell as it goes into the file: formula-safe, quoted when it holds a quote, `,`, `;`, a line break
 * or the delimiter, or starts or ends with a space. One pass over the characters, no regex.
 */
export function encodeCell(raw: string, delimiterCode: number): string {
  const value = safeCell(raw);
  const n = value.length;
  if (n === 0) return value;
  let quote = value.charCodeAt(0) === 32 || value.charCodeAt(n - 1) === 32;
  let hasQuote = false;
  for (let i = 0; i < n && !hasQuote; i++) {
    const c = value.charCodeAt(i);
    if (c === 34) hasQuote = quote = true;
    else if (quotes(c, delimiterCode)) quote = true;
  }
  if (!quote) return value;
  return '"' + (hasQuote ? value.replace(/"/g, '""') : value) + '"';
}

export type Cell = string | number;

/** Formats a number with a `.` decimal mark and no exponent noise. */
export function formatNumber(n: number, decimals?: number): string {
  if (!Number.isFinite(n)) return "";
  if (decimals !== undefined) return n.toFixed(decimals);
  return String(Math.round(n * 1e6) / 1e6);
}

/**
 * Where a writer's bytes go: a file being written in chunks, or a string being built. The chunk is a view of
 * the writer's own buffer, valid only during the call (write it or copy it).
 */
export type Sink = (chunk: Uint8Array) => void;

export const BUFFER_BYTES = 1 << 20;
const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);
const LABEL_CACHE = 100_000;
/** Labels a column writes before it decides whether caching pays. */
const LABEL_TRIAL = 2048;
/** A label met once: encoded and cached only when it comes again. */
const SEEN_ONCE = new Uint8Array(0);

/**
 * Writes rows cell by cell straight into a byte buffer (UTF-8), flushed to the sink a megabyte at a time:
 * no string per row, no concatenation, each distinct label encoded once. A row is never split between two
 * flushes, so a finished row can be copied into another writer (`row bytes` → `copyRow`).
 */
export class CsvWriter {
  private buf: Buffer;
  private pos = 0;
  /** Where the row being written (or the last one finished) starts. */
  private rowStart = 0;
  private first = true;
  /** The cell being written: its position in the row. */
  private column = -1;
  private readonly delimiterCode: number;
  /**
   * Labels by column: a column's few labels stay in a small map, apart from a column of reasons that nearly never
   * repeat; LABEL_CACHE entries in all.
   */
  private readonly caches: Array<Map<string, Uint8Array> | null> = [];
  private cached = 0;
  /** By column: labels written, and those not found in the cache (null cache: the column gave up caching). */
  private readonly asked: number[] = [];
  private readonly misses: number[] = [];

  constructor(
    header: readonly string[],
    delimiter: string,
    private readonly sink: Sink,
    bufferBytes = BUFFER_BYTES,
  ) {
    this.buf = Buffer.allocUnsafe(Math.max(16, bufferBytes));
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 127) throw new Error(`CsvWriter: the delimiter must be one ASCII character, got "${delimiter}"`);
    this.delimiterCode = delimiter.charCodeAt(0);
    this.buf.set(BOM, 0);
    this.pos = this.rowStart = BOM.length;
    for (const h of header) this.cell(h);
    this.end();
  }

  /** Room for `bytes` more in the buffer: finished rows go to the sink; the row being written moves to the front. */
  private room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    if (this.rowStart > 0) this.sink(this.buf.subarray(0, this.rowStart));
    const partial = this.pos - this.rowStart;
    if (partial + bytes > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, (partial + bytes) * 2));
      this.buf.copy(grown, 0, this.rowStart, this.pos);
      this.buf = grown;
    } else this.buf.copyWithin(0, this.rowStart, this.pos);
    this.rowStart = 0;
    this.pos = partial;
  }

  /** The separator before a cell (none before a row's first). */
  private separate(): void {
    this.column++;
    if (this.first) {
      this.first = false;
      this.rowStart = this.pos;
    } else this.buf[this.pos++] = this.delimiterCode;
  }

  /** Text already encoded for the file. Short ASCII text is copied by hand: a native call costs more than it. */
  private put(s: string): void {
    const n = s.length;
    this.room(n * 3 + 1);
    this.separate();
    const buf = this.buf;
    let pos = this.pos;
    if (n <= 24) {
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c > 127) break;
        buf[pos + i] = c;
      }
      if (i === n) {
        this.pos = pos + n;
        return;
      }
    }
    this.pos = pos + buf.write(s, pos);
  }

  /**
   * A cell whose values repeat (labels, reasons, manager names): a value seen twice is encoded once and copied
   * from then on; one seen once (a reason naming a client's own figures) is written as it is.
   */
  label(v: string): this {
    const column = this.column + 1;
    let cache = this.caches[column];
    if (cache === null) return this.cell(v);
    cache ??= this.startCache(column);
    if (++this.asked[column]! === LABEL_TRIAL && LABEL_TRIAL - this.misses[column]! < LABEL_TRIAL / 8) {
      // A column whose values hardly repeat (a reason naming each client's rank) stops caching, leaving the room to
      // the columns that do repeat.
      this.cached -= cache.size;
      this.caches[column] = null;
      return this.cell(v);
    }
    const b = cache.get(v);
    if (b === undefined || b === SEEN_ONCE) {
      this.misses[column]!++;
      const at = this.text(v);
      if (this.cached < LABEL_CACHE) {
        if (b === undefined) this.cached++;
        cache.set(v, b === undefined ? SEEN_ONCE : Buffer.from(this.buf.subarray(at, this.pos)));
      }
      return this;
    }
    const n = b.length;
    this.room(n + 1);
    this.separate();
    const buf = this.buf;
    const pos = this.pos;
    // A short label by hand: a native copy costs more than it.
    if (n <= 24) for (let i = 0; i < n; i++) buf[pos + i] = b[i]!;
    else buf.set(b, pos);
    this.pos = pos + n;
    return this;
  }

  private startCache(column: number): Map<string, Uint8Array> {
    const cache = new Map<string, Uint8Array>();
    this.caches[column] = cache;
    this.asked[column] = this.misses[column] = 0;
    return cache;
  }

  cell(v: Cell): this {
    if (typeof v === "number") this.put(formatNumber(v));
    else this.text(v);
    return this;
  }

  /**
   * A text cell, written as `encodeCell` and UTF-8 would write it, in one pass over its characters: each is encoded by
   * hand (a lone surrogate as U+FFFD, as Node's encoder does), a quote doubled, and the cell quoted where it needs to be
   * (the bytes then move one place for the opening quote). A native write per cell, after a pass of its own to decide
   * the quoting, cost more. Returns where the cell's bytes start.
   */
  private text(v: string): number {
    const n = v.length;
    const c0 = n === 0 ? 0 : v.charCodeAt(0);
    // What a spreadsheet would run (= @ tab CR; + or - unless a plain number) takes `safeCell`'s path.
    if (c0 === 61 || c0 === 64 || c0 === 9 || c0 === 13 || c0 === 43 || c0 === 45) {
      const s = encodeCell(v, this.delimiterCode);
      this.put(s);
      return this.pos - Buffer.byteLength(s);
    }
    this.room(n * 3 + 3);
    this.separate();
    const buf = this.buf;
    const start = this.pos;
    const d = this.delimiterCode;
    let quote = c0 === 32 || (n > 0 && v.charCodeAt(n - 1) === 32);
    let p = start;
    for (let i = 0; i < n; i++) {
      const c = v.charCodeAt(i);
      if (c < 0x80) {
        if (c === 34) {
          buf[p++] = 34;
          quote = true;
        } else if (quotes(c, d)) quote = true;
        buf[p++] = c;
      } else if (c < 0x800) {
        buf[p++] = 0xc0 | (c >> 6);
        buf[p++] = 0x80 | (c & 63);
      } else if (c < 0xd800 || c > 0xdfff) {
        buf[p++] = 0xe0 | (c >> 12);
        buf[p++] = 0x80 | ((c >> 6) & 63);
        buf[p++] = 0x80 | (c & 63);
      } else {
        const low = c <= 0xdbff && i + 1 < n ? v.charCodeAt(i + 1) : 0;
        if (low >= 0xdc00 && low <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          i++;
          buf[p++] = 0xf0 | (cp >> 18);
          buf[p++] = 0x80 | ((cp >> 12) & 63);
          buf[p++] = 0x80 | ((cp >> 6) & 63);
          buf[p++] = 0x80 | (cp & 63);
        } else {
          buf[p++] = 0xef;
          buf[p++] = 0xbf;
          buf[p++] = 0xbd;
        }
      }
    }
    if (quote) {
      if (p - start <= 32) for (let k = p; k > start; k--) buf[k] = buf[k - 1]!;
      else buf.copyWithin(start + 1, start, p);
      buf[start] = 34;
      buf[p + 1] = 34;
      p += 2;
    }
    this.pos = p;
    return start;
  }

  row(cells: readonly Cell[]): void {
    for (let i = 0; i < cells.length; i++) this.cell(cells[i]!);
    this.end();
  }

  end(): void {
    if (this.first) this.separate(); // an empty row is one empty cell
    this.room(1);
    this.buf[this.pos++] = 10;
    this.first = true;
    this.column = -1;
  }

  /** The bytes of the row just ended, line break included (valid until the next cell). */
  lastRow(): Uint8Array {
    return this.buf.subarray(this.rowStart, this.pos);
  }

  /** Appends a whole row written by another writer with the same delimiter (`lastRow()`). */
  copyRow(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.rowStart = this.pos;
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  flush(): void {
    if (this.pos > 0) this.sink(this.buf.subarray(0, this.pos));
    this.pos = this.rowStart = 0;
  }
}

/** Produces a file's content into a sink; `open` gives the sink of another file written in the same pass. */
export type Producer = (sink: Sink, open: (rel: string) => Sink) => void;

/** A CSV file produced row by row. */
export function csvProducer(header: readonly string[], delimiter: string, fill: (w: CsvWriter) => void): Producer {
  return (sink) => {
    const w = new CsvWriter(header, delimiter, sink);
    fill(w);
    w.flush();
  };
}

/** The whole file as a string, BOM included (small files). */
export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>, delimiter = ","): string {
  const parts: Buffer[] = [];
  const w = new CsvWriter(header, delimiter, (chunk) => parts.push(Buffer.from(chunk)));
  for (const row of rows) w.row(row);
  w.flush();
  return Buffer.concat(parts).toString("utf8");
}
