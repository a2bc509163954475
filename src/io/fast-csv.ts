// A fast tokenizer for well-formed exports; anything irregular is left to csv-parse (the authority).
//
// Why: csv-parse walks every character through a state machine, so reading costs as much as the rest of
// the pipeline. Most records of a real export hold no quote at all (split natively), and quoted fields
// can be crossed with `indexOf`. The result is csv-parse's own (`relax_quotes`, `relax_column_count`,
// empty lines kept as `[""]`) wherever this returns one: a property test compares the two.

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Splits `text` into records of cells as csv-parse does with this project's options, or returns null when
 * the text has a construct only csv-parse should judge (a character after a closing quote, an unclosed
 * quote, mixed line ends).
 */
export function fastParse(text: string, delimiter: string): string[][] | null {
  // The terminator is the first line break's, as csv-parse detects it.
  const firstLf = text.indexOf("\n");
  const crlf = firstLf > 0 && text.charCodeAt(firstLf - 1) === CR;
  return fastParseChunk(text, delimiter, crlf, true)?.rows ?? null;
}

/** Complete records of a piece of text, and where the first incomplete one starts. */
export interface ParsedChunk {
  rows: string[][];
  consumed: number;
}

/**
 * `fastParse` over one piece of a file read in chunks: with `final` false, a record that may go on in the
 * next chunk (no line break after it yet, a quoted field still open) is left unparsed and `consumed` says
 * where it starts; with `final` true the piece is the end of the file. `crlf`: the file's terminator is CRLF
 * (a CR anywhere else outside quotes, as a lone CR in an LF file, is left to csv-parse).
 */
export function fastParseChunk(text: string, delimiter: string, crlf: boolean, final: boolean): ParsedChunk | null {
  if (delimiter.length !== 1) return null;
  if (!crlf && text.indexOf("\r") >= 0) return null;
  const dc = delimiter.charCodeAt(0);
  const n = text.length;
  const rows: string[][] = [];
  let pos = 0;
  let nextQuote = text.indexOf('"');
  let nextCr = crlf ? text.indexOf("\r") : -1;
  records: while (pos < n) {
    const nl = text.indexOf("\n", pos);
    if (nl < 0 && !final) break; // the last record's line break is in the next chunk
    const lineEnd = nl < 0 ? n : nl;
    if (nextQuote >= 0 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
    if (nextQuote < 0 || nextQuote >= lineEnd) {
      // No quote on this line: the record is the line (with CRLF, the line must end in exactly that).
      if (crlf) {
        if (nextCr >= 0 && nextCr < pos) nextCr = text.indexOf("\r", pos);
        if (nl >= 0 ? text.charCodeAt(nl - 1) !== CR || nextCr < nl - 1 : nextCr >= 0) return null;
      }
      const end = crlf && nl >= 0 ? lineEnd - 1 : lineEnd;
      rows.push(text.slice(pos, end).split(delimiter));
      pos = nl < 0 ? n : nl + 1;
      continue;
    }
    // A record with quotes, field by field.
    const row: string[] = [];
    let p = pos;
    for (;;) {
      if (text.charCodeAt(p) === QUOTE) {
        let s = p + 1;
        let value = "";
        for (;;) {
          const q = text.indexOf('"', s);
          if (q < 0 || (q + 1 >= n && !final)) {
            if (final) return null; // never closes
            break records; // closes (or is a doubled quote) in the next chunk
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(s, q + 1);
            s = q + 2;
            continue;
          }
          value += text.slice(s, q);
          p = q + 1;
          break;
        }
        row.push(value);
        if (p >= n) {
          if (!final) break records;
          pos = n;
          break;
        }
        const c = text.charCodeAt(p);
        if (c === dc) {
          p++;
          continue;
        }
        if (c === LF && !crlf) {
          pos = p + 1;
          break;
        }
        if (c === CR && crlf && text.charCodeAt(p + 1) === LF) {
          pos = p + 2;
          break;
        }
        if (c === CR && crlf && p + 1 >= n && !final) break records;
        return null; // text after a closing quote
      }
      // Unquoted: up to the next delimiter or the end of the line; quotes inside are data.
      const d = text.indexOf(delimiter, p);
      const l = text.indexOf("\n", p);
      if (l < 0 && !final) break records;
      const le = l < 0 ? n : l;
      if (d >= 0 && d < le) {
        row.push(text.slice(p, d));
        p = d + 1;
        continue;
      }
      if (crlf) {
        const cr = text.indexOf("\r", p);
        if (l >= 0 ? text.charCodeAt(l - 1) !== CR || cr < l - 1 : cr >= 0) return null;
      }
      row.push(text.slice(p, crlf && l >= 0 ? le - 1 : le));
      pos = l < 0 ? n : l + 1;
      break;
    }
    rows.push(row);
  }
  return { rows, consumed: pos };
}
