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
    else if (c === 44 || c === 59 || c === 10 || c === 13 || c === delimiterCode) quote = true;
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

/** Where a writer's text goes: a file being written in chunks, or a string being built. */
export type Sink = (chunk: string) => void;

/** Writes rows cell by cell without building an array per row. */
export class CsvWriter {
  private line = "";
  private first = true;
  private pending = "";
  private readonly delimiterCode: number;
  constructor(
    header: readonly string[],
    private readonly delimiter: string,
    private readonly sink: Sink,
  ) {
    this.delimiterCode = delimiter.charCodeAt(0);
    this.pending = "\ufeff";
    for (const h of header) this.cell(h);
    this.end();
  }

  private readonly cache = new Map<string, string>();

  /** A cell whose values repeat (labels, reasons, manager names): each distinct value is encoded once. */
  label(v: string): this {
    let s = this.cache.get(v);
    if (s === undefined) {
      s = encodeCell(v, this.delimiterCode);
      if (this.cache.size < 100_000) this.cache.set(v, s);
    }
    if (this.first) {
      this.line = s;
      this.first = false;
    } else this.line += this.delimiter + s;
    return this;
  }

  cell(v: Cell): this {
    const s = typeof v === "number" ? formatNumber(v) : encodeCell(v, this.delimiterCode);
    if (this.first) {
      this.line = s;
      this.first = false;
    } else this.line += this.delimiter + s;
    return this;
  }

  row(cells: readonly Cell[]): void {
    for (let i = 0; i < cells.length; i++) this.cell(cells[i]!);
    this.end();
  }

  end(): void {
    this.pending += this.line + "\n";
    this.line = "";
    this.first = true;
    if (this.pending.length > 1 << 20) this.flush();
  }

  flush(): void {
    if (this.pending) this.sink(this.pending);
    this.pending = "";
  }
}

/** Produces a file's content into a sink (streamed by the output writer). */
export type Producer = (sink: Sink) => void;

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
  const parts: string[] = [];
  const w = new CsvWriter(header, delimiter, (s) => parts.push(s));
  for (const row of rows) w.row(row);
  w.flush();
  return parts.join("");
}
