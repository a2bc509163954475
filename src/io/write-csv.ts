// Writes the tool's CSVs: UTF-8 with a BOM, RFC 4180 quoting, LF, formula-safe cells.

/** A plain number: an optional sign followed only by digits, spaces, `.` and `,`. */
const PLAIN_NUMBER = /^[+-]?[\d .,]*$/;
const NEEDS_QUOTES = /[",;\n\r]/;

/** A cell a spreadsheet would run as a formula gets a leading `'` (CONTRACT.md, Outputs › Format). */
export function safeCell(value: string): string {
  if (value === "") return value;
  const c = value.charCodeAt(0);
  // = + - @ \t \r
  if (c === 61 || c === 64 || c === 9 || c === 13) return "'" + value;
  if ((c === 43 || c === 45) && !PLAIN_NUMBER.test(value)) return "'" + value;
  return value;
}

function quote(value: string, delimiter: string): string {
  if (value === "") return value;
  if (NEEDS_QUOTES.test(value) || value.includes(delimiter) || value.charCodeAt(0) === 32 || value.charCodeAt(value.length - 1) === 32) {
    return '"' + value.replace(/"/g, '""') + '"';
  }
  return value;
}

export type Cell = string | number;

/** Formats a number with a `.` decimal mark and no exponent noise. */
export function formatNumber(n: number, decimals?: number): string {
  if (!Number.isFinite(n)) return "";
  if (decimals !== undefined) return n.toFixed(decimals);
  return String(Math.round(n * 1e6) / 1e6);
}

/** The whole file as a string, BOM included. */
export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>, delimiter = ","): string {
  const parts: string[] = ["\ufeff", header.map((h) => quote(h, delimiter)).join(delimiter), "\n"];
  for (const row of rows) {
    let line = "";
    for (let i = 0; i < row.length; i++) {
      const v = row[i]!;
      const s = typeof v === "number" ? formatNumber(v) : quote(safeCell(v), delimiter);
      line += i === 0 ? s : delimiter + s;
    }
    parts.push(line, "\n");
  }
  return parts.join("");
}
