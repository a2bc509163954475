// Read → map → record rules → normalise: the export in, its rows out. A large export goes through in
// chunks, so its text and cells never all live at once; a small one (or one only the whole-file reader
// settles) is read whole. Both give the same rows, rejects and warnings.
import { cellsOwned, own } from "./io/detach.js";
import { NotStreamable, openExportStream, readExport, type ExportHead } from "./io/read-csv.js";
import { SegmentError } from "./errors.js";
import { langFromHeaders } from "./i18n.js";
import { RecordRules, renameRepeated } from "./records.js";
import { mapHeader, parseMapFlags } from "./schema/mapping.js";
import { Normaliser } from "./normalise/index.js";
import { clearNameCaches } from "./normalise/names.js";
import { clearPhoneCaches } from "./normalise/phones.js";
import { clearCountryCache } from "./normalise/country.js";
import type { Config } from "./schema/config.js";
import type { AcceptedRecord, Field, Lang, Mapping, RawRecord, Reject, Row, Warning } from "./types.js";

export interface IngestOptions {
  config: Config;
  map: string[];
  preset?: Mapping["dialect"];
  encoding?: string;
  delimiter?: string;
  lang?: Lang;
  /** Bytes per chunk (`SEGMENT_CHUNK_BYTES`); files no larger are read whole (without either: WHOLE_UP_TO). */
  chunkBytes?: number;
  /** Called once, when half of a streamed file is read (the rows are half in: the memory policy may tighten). */
  onHalfRead?: () => void;
  /** Keep only the first rows and count the filled values of all (`inspect`; see `NormaliseContext.keepRows`). */
  keepRows?: number;
  /** Keep the cells of the first records as read, every column (`inspect`: what unmapped columns hold). */
  keepCells?: number;
  /**
   * A streamed file: called with the rows so far and the share of the file read, after each batch and at the end (the
   * list only grows). Rows made once the file is read (`read` 1) come a slice at a time with `inAll`, the rows there
   * will be once all are made.
   */
  onRows?: (rows: readonly Row[], read: number, inAll?: number) => void;
  /** A streamed read given up for the whole-file reader: the rows given to `onRows` so far are void. */
  onRestart?: () => void;
  /** Called once the header is mapped and the language known, before any row is made (again after a restart). */
  onFrame?: (mapping: Mapping, lang: Lang) => void;
}

export interface Ingested {
  head: ExportHead;
  mapping: Mapping;
  lang: Lang;
  rows: Row[];
  /** Rows accepted (with `keepRows`, more than `rows` holds). */
  accepted: number;
  /** With `keepRows`: per field, the accepted rows whose normalised value is not empty. */
  filled?: Partial<Record<Field, number>>;
  rejects: Reject[];
  /** Record and normalisation warnings, each value its own copy (not a slice of the file's text). */
  warnings: Warning[];
  /** People's rows joined to a company. */
  contacts: number;
  /** Non-blank records after the header (trailers included). */
  records: number;
  hasIdColumn: boolean;
  defaultCountry: string;
  /** Read in chunks (false: read whole). */
  streamed: boolean;
  /** Milliseconds spent reading and tokenizing (the rest of the time went to the rules and normalisation). */
  readMs: number;
  /** The file was read on the reader thread (src/io/read-thread.ts). */
  readThread: boolean;
  /** With `keepCells`: the first records' cells, own copies. */
  cells?: string[][];
}

/**
 * Bytes read, decoded and tokenized at a time. Each chunk's cells are all alive on the reader thread until the chunk
 * is posted, and its young generation copied them again and again: at 2 MB a chunk the reader's scavenges copied
 * 350 MB and promoted 565 MB over the 300k Bitrix24 bench export (1.3 s of pauses, and 17 full collections), at
 * 512 KB 85 MB and 105 MB (0.35 s, 5). Smaller still saves the reader little more (256 KB: 54 MB and 46 MB) for a
 * batch's fixed costs on both threads (BENCHMARKS.md, seventeenth pass).
 */
const DEFAULT_CHUNK = 512 << 10;
/**
 * With the default chunk, a file this small is read whole, as it was when chunks were 2 MB: a read on threads pays off
 * only past a few thousand rows.
 */
const WHOLE_UP_TO = 2 << 20;
/** Records made into rows at a time when they all come at the end of a streamed read (SEGMENT_AT_END_ROWS). */
const AT_END_SLICE = 16_384;

function atEndSliceFromEnv(): number {
  const v = Number(process.env.SEGMENT_AT_END_ROWS);
  return Number.isInteger(v) && v > 0 ? v : AT_END_SLICE;
}

function chunkBytesFromEnv(): number | undefined {
  const v = Number(process.env.SEGMENT_CHUNK_BYTES);
  return Number.isFinite(v) && v > 0 ? v : undefined;
}

/** The header mapped and the run's language settled; the export's own errors for a header without names. */
function frame(head: ExportHead, opts: IngestOptions): { mapping: Mapping; lang: Lang } {
  const { config } = opts;
  const mapping = mapHeader(head.header, { preset: opts.preset ?? config.preset, map: parseMapFlags(opts.map, config.map) });
  if (!mapping.columns.name?.length) {
    throw new SegmentError("input", `${head.path}: no column for the company name (headers: ${head.header.filter(Boolean).slice(0, 8).join(", ")}); name it with --map name=Header.`);
  }
  const lang: Lang = opts.lang ?? config.lang ?? langFromHeaders(head.header);
  return { mapping, lang };
}

/** Values quoted from the file become copies, so the chunk they came from can be collected. */
function detachFrom(warnings: Warning[], from: number, rejects: Reject[], fromReject: number): void {
  for (let i = from; i < warnings.length; i++) warnings[i]!.value = own(warnings[i]!.value);
  for (let i = fromReject; i < rejects.length; i++) {
    const r = rejects[i]!;
    r.error = own(r.error);
    r.raw = own(r.raw);
    r.clientId = own(r.clientId);
  }
}

/** The export's rows: streamed where it can be, else read whole. */
export async function ingest(path: string, opts: IngestOptions): Promise<Ingested> {
  const given = opts.chunkBytes ?? chunkBytesFromEnv();
  const stream = openExportStream(path, { encoding: opts.encoding, delimiter: opts.delimiter, chunkBytes: given ?? DEFAULT_CHUNK, wholeUpTo: given ?? WHOLE_UP_TO });
  if (stream !== null) {
    try {
      cellsOwned(stream.ownCells);
      return { ...run(stream.head, opts, stream.batches(), true, stream.progress, stream.keyNames), readThread: stream.ownCells };
    } catch (e) {
      if (!(e instanceof NotStreamable)) throw e;
      // Something past the first chunk only the whole-file reader settles: start over with it.
      opts.onRestart?.();
    } finally {
      cellsOwned(false);
      stream.close();
    }
  }
  const table = await readExport(path, { encoding: opts.encoding, delimiter: opts.delimiter });
  const records = table.records;
  table.records = [];
  return run(table, opts, [records], false);
}

function run(head: ExportHead, opts: IngestOptions, batches: Iterable<RawRecord[]>, streamed: boolean, progress = () => 1, keyNames?: (columns: readonly number[]) => void): Ingested {
  const { mapping, lang } = frame(head, opts);
  opts.onFrame?.(mapping, lang);
  const rules = new RecordRules(head.header, head.delimiter, mapping, lang);
  // Records kept to the end are joined by their names' keys once the file is read: the reader thread works them out
  // as it reads, while the other core would be idle.
  if (rules.keepsAll && keyNames !== undefined) keyNames(mapping.columns.name ?? []);
  const normaliser = new Normaliser({ mapping, lang, headerLang: langFromHeaders(head.header), defaultCountry: opts.config.default_country?.toUpperCase(), keepRows: opts.keepRows });
  let count = 0;
  let readMs = 0;
  const keepCells = opts.keepCells ?? 0;
  const cells: string[][] | undefined = keepCells > 0 ? [] : undefined;
  let half = opts.onHalfRead;
  let t = performance.now();
  const iterator = batches[Symbol.iterator]();
  for (;;) {
    const next = iterator.next();
    const now = performance.now();
    readMs += now - t;
    if (next.done) break;
    const batch = next.value;
    count += batch.length;
    const rejectsBefore = rules.rejects.length;
    if (cells !== undefined && cells.length < keepCells) for (let i = 0; i < batch.length && cells.length < keepCells; i++) cells.push(batch[i]!.cells.map(own));
    for (let i = 0; i < batch.length; i++) rules.push(batch[i]!);
    batch.length = 0;
    if (streamed) {
      const warnings = normaliser.warningsSoFar();
      const before = warnings.length;
      normaliser.push(rules.takeAccepted());
      const read = progress();
      if (read > 0 && read < 1) normaliser.expect(count / read);
      opts.onRows?.(normaliser.rowsSoFar(), read);
      detachFrom(warnings, before, rules.rejects, rejectsBefore);
      // The normalisers' per-value caches are keyed by this chunk's cells.
      clearNameCaches();
      clearPhoneCaches();
      clearCountryCache();
      if (half !== undefined && progress() >= 0.5) {
        half();
        half = undefined;
      }
    }
    t = performance.now();
  }
  if (count === 0) throw new SegmentError("input", `${head.path}: the file has a header but no data rows.`);
  // Streamed, what came so far is copied already; read whole, nothing is.
  const rejectsLeft = streamed ? rules.rejects.length : 0;
  const warningsLeft = streamed ? normaliser.warningsSoFar().length : 0;
  const end = rules.finish();
  const accepted: Array<AcceptedRecord | undefined> = rules.takeAccepted();
  const slice = atEndSliceFromEnv();
  if (streamed && opts.onRows && accepted.length > slice) {
    // Rows that all come at the end (people's rows join companies anywhere in the file, as in Odoo's) are made a
    // slice at a time, each slice handed on at once: the matcher's thread works while the rest are made, and each
    // slice's records may go as soon as its rows are made.
    const inAll = normaliser.rowsSoFar().length + accepted.length;
    for (let i = 0; i < accepted.length; i += slice) {
      const to = Math.min(accepted.length, i + slice);
      normaliser.push(accepted.slice(i, to) as AcceptedRecord[]);
      accepted.fill(undefined, i, to);
      opts.onRows(normaliser.rowsSoFar(), 1, inAll);
    }
  } else normaliser.push(accepted as AcceptedRecord[]);
  const norm = normaliser.finish();
  if (streamed) opts.onRows?.(norm.rows, 1);
  const rejects = rules.rejects;
  // Ids repeated across records are known only now: rename the rows, rejects and warnings that carry one.
  const idWarnings = renameRepeated(end.repeated, norm.rows, rejects, norm.warnings, lang);
  detachFrom(norm.warnings, warningsLeft, rejects, rejectsLeft); // the id warnings quote ids, own copies already
  const warnings = [...end.warnings, ...idWarnings, ...norm.warnings];
  return {
    head,
    mapping,
    lang,
    rows: norm.rows,
    accepted: norm.count,
    filled: norm.filled,
    rejects,
    warnings,
    contacts: end.contacts,
    records: count,
    hasIdColumn: end.hasIdColumn,
    defaultCountry: norm.defaultCountry,
    streamed,
    readMs,
    readThread: false,
    ...(cells !== undefined ? { cells } : {}),
  };
}
