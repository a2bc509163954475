// Wires the stages: read → map → records → normalise → owners → dedupe → merge → segment → conflicts → allocate.
import { basename } from "node:path";
import { advanceProgress, logAboveProgress, startProgress } from "./progress.js";
import { configPath, loadConfig, type LoadedConfig } from "./config-load.js";
import { SegmentError } from "./errors.js";
import { ingest } from "./ingest.js";
import { collectIfLarge, holdHeap } from "./heap.js";
import { commandThreadData } from "./command-thread.js";
import { NOTHING } from "./normalise/index.js";
import { assignSlugs, deriveManagers, matchOwners, readManagers } from "./managers.js";
import { applyPrevious, readPrevious } from "./allocate/previous.js";
import { cannotLinkFromLocks, readLocks } from "./allocate/locks.js";
import { findDuplicates } from "./dedupe/index.js";
import { MatchThread } from "./dedupe/match-thread.js";
import { mergeClients } from "./dedupe/merge.js";
import { findConflicts } from "./dedupe/conflicts.js";
import { runSegmenters, SegmentsAhead } from "./segmenters/index.js";
import { NotesAhead } from "./segmenters/notes-ahead.js";
import { allocate, type AllocationResult } from "./allocate/index.js";
import type { SegmenterContext } from "./segmenters/define.js";
import type { AllocateOptions, Io, ReadOptions } from "./commands/options.js";
import type { Config } from "./schema/config.js";
import {

  type Client,
  type Conflict,
  type DuplicateGroup,
  type Field,
  type FieldValues,
  type Lang,
  type Lock,
  type Manager,
  type Mapping,
  type RawTable,
  type Reject,
  type Row,
  type RowOwner,
  type SegmentColumn,
  type Warning,
} from "./types.js";

export interface Prepared {
  loaded: LoadedConfig;
  config: Config;
  configDir: string;
  table: Omit<RawTable, "records">;
  mapping: Mapping;
  lang: Lang;
  asOf: string;
  seed: number;
  /** input counts (summary.json `input`) */
  input: { file: string; encoding: string; delimiter: string; dialect: string; rows: number; accepted: number; rejected: number; contacts: number };
  hasIdColumn: boolean;
  rows: Row[];
  rejects: Reject[];
  warnings: Warning[];
  defaultCountry: string;
  managers: Manager[];
  managersFromFile: boolean;
  owners: RowOwner[];
  /** Owners as the export names them (before `--previous`). */
  exportOwners: RowOwner[];
  previousApplied: boolean[];
  locks: Lock[];
  groups: DuplicateGroup[];
  clients: Client[];
  clientOfRow: number[];
  mapped: Set<Field>;
  segmenterContext: SegmenterContext;
  /** The row-wise segmenters' work done while the matcher's thread worked (`prepare`'s `ahead`), taken by `analyse`. */
  segmentsAhead: SegmentsAhead | null;
}

export interface Analysed extends Prepared {
  segments: SegmentColumn[];
  conflicts: Conflict[];
  deadSoul: boolean[];
}

export interface RunResult extends Analysed {
  allocation: AllocationResult;
}

/** The local date at start, `YYYY-MM-DD`. */
export function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function checkAsOf(v: string | undefined): string {
  if (v === undefined) return today();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : undefined;
  if (!m || !d || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) {
    throw new SegmentError("usage", `--as-of expects a date YYYY-MM-DD, got "${v}".`);
  }
  return v;
}

/** Stage timings for `npm run bench` (stderr, only with SEGMENT_TIMINGS=1; never in an output file). */
const timings: Record<string, number> = {};
const heap: Record<string, number> = {};
const peak: Record<string, number> = {};
/**
 * Which threads this run had: the command's own (src/command-thread.ts), the reader's and the matcher's (a run
 * without one is slower, not wrong).
 */
const threadsUsed: { command?: boolean; reader?: boolean; matcher?: boolean } = {};
let mark = performance.now();
export function stage(name: string): void {
  const now = performance.now();
  timings[name] = (timings[name] ?? 0) + (now - mark);
  if (process.env.SEGMENT_TIMINGS === "1") {
    // With `node --expose-gc`, the live heap (after a full collection) rather than what happens to be allocated.
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) gc();
    heap[name] = Math.round(process.memoryUsage().heapUsed / 1048576);
    // The process's high-water mark so far: the stage in which it rises is the one that sets the peak.
    peak[name] = Math.round(process.resourceUsage().maxRSS / 1024);
  }
  mark = now;
  advanceProgress(name);
  if (process.env.SEGMENT_HEAP_SNAPSHOT === name) void import("node:v8").then((v8) => v8.writeHeapSnapshot(`/tmp/segment-${name}.heapsnapshot`));
}
/** Ends a stage whose time is shared: `parts` get their measured milliseconds, `rest` what remains. */
export function stageSplit(parts: Record<string, number>, rest: string): void {
  const now = performance.now();
  let given = 0;
  for (const [name, ms] of Object.entries(parts)) {
    timings[name] = (timings[name] ?? 0) + ms;
    given += ms;
    advanceProgress(name);
  }
  mark = now - Math.max(0, now - mark - given);
  stage(rest);
}
export function reportTimings(io: Io): void {
  if (process.env.SEGMENT_TIMINGS !== "1") return;
  const mem = process.memoryUsage();
  io.stderr(`SEGMENT_TIMINGS ${JSON.stringify({ ...Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])), rss_mb: Math.round(mem.rss / 1048576), heap_mb: heap, peak_mb: peak, threads: threadsUsed })}\n`);
}

function log(io: Io, opts: ReadOptions, text: string): void {
  if (!opts.quiet) logAboveProgress(io.stderr, text + "\n");
}

const FORMULA_START = /^[=+\-@\t\r\s]+/;

/**
 * A manager's name goes into every output; one that a spreadsheet would run (an owner value `=cmd|...`)
 * is shown without its leading formula characters and keeps the raw value as an alias, so it still matches.
 */
export function safeManagerNames(managers: Manager[]): Manager[] {
  if (!managers.some((m) => FORMULA_START.test(m.name))) return managers;
  const renamed = managers.map((m) => {
    if (!FORMULA_START.test(m.name)) return m;
    const name = m.name.replace(FORMULA_START, "") || `(${m.name.trim()})`;
    return { ...m, name, aliases: [...m.aliases, m.name] };
  });
  const slugs = assignSlugs(renamed.map((m) => m.name));
  return renamed.map((m, i) => ({ ...m, slug: slugs[i]! }));
}

/** Rows the segmenters classify ahead between two turns of the event loop (a few milliseconds). */
const AHEAD_ROWS = 1024;

/** Runs `work` a piece at a time, letting the event loop turn between pieces, until `p` settles or `work` is done. */
async function whileWaiting<T>(p: Promise<T>, work: () => boolean): Promise<T> {
  let settled = false;
  const done = () => {
    settled = true;
  };
  p.then(done, done);
  while (!settled && work()) await new Promise<void>((resolve) => setImmediate(resolve));
  return p;
}

/** What `prepare` does beyond its stages, for a caller that goes on to `analyse`. */
export interface PrepareWork {
  /** The row-wise segmenters work while the matcher's thread does. */
  ahead?: boolean;
  /**
   * Rows' notes go as soon as the motivation segmenter has classified them, as the file is read (`run`, whose later
   * stages read no notes; `NotesAhead`).
   */
  release?: boolean;
}

/** Read, map, validate, normalise, match owners, deduplicate and merge: everything up to segmentation. */
export async function prepare(path: string, opts: AllocateOptions, io: Io, work: PrepareWork = {}): Promise<Prepared> {
  // A run that stops between the read and the groups (a bad managers or locks file) stops the matcher's thread too:
  // unref'd, it would not keep the process alive, but a long-lived process (the test runner, a caller) would keep its memory.
  const threads: { matcher?: MatchThread | null } = {};
  try {
    return await prepareWith(path, opts, io, work, threads);
  } catch (e) {
    threads.matcher?.stop();
    throw e;
  }
}

async function prepareWith(path: string, opts: AllocateOptions, io: Io, work: PrepareWork, threads: { matcher?: MatchThread | null }): Promise<Prepared> {
  mark = performance.now();
  startProgress(opts);
  const loaded = loadConfig(opts.config);
  const { config } = loaded;
  const asOf = checkAsOf(opts.asOf);
  const seed = opts.seed ?? 0;

  holdHeap("reading");
  // A streamed export feeds the matcher's thread as it is read (decided once its size in rows can be told). One whose
  // rows all come at the end (people's rows join companies anywhere in the file, as in Odoo's) still goes to the
  // thread where the heap leaves room for its copy of them, a slice at a time as they are made (decided at the first
  // slice, on the heap projected for the last); once they are made, this one runs the segmenters ahead.
  let matcher: MatchThread | null | undefined;
  const onRows = (rows: readonly Row[], read: number, inAll?: number) => {
    if (matcher === undefined) {
      if (rows.length === 0) return;
      if (read < 1) matcher = MatchThread.start(rows.length / read);
      else matcher = MatchThread.roomAtEnd(inAll === undefined ? 1 : rows.length / inAll) ? MatchThread.start(inAll ?? rows.length) : null;
      threads.matcher = matcher;
    }
    matcher?.feed(rows);
    notesAhead?.step(rows);
  };
  const onRestart = () => {
    matcher?.stop();
    matcher = null;
    notesAhead = null; // the whole-file read maps the header again (onFrame) and starts another
  };
  // Notes classified as the rows come (`work.release`), with the run's context as far as the header tells it (no
  // clients, the config's default country): motivation reads the language only.
  let notesAhead: NotesAhead | null = null;
  const onFrame = (mapping: Mapping, lang: Lang) => {
    if (work.release && process.env.SEGMENT_NOTES_AHEAD !== "0") {
      notesAhead = NotesAhead.start(segmenterConfig(config), contextOf(config, asOf, mapping, lang, config.default_country?.toUpperCase() ?? ""));
    }
  };
  const ingested = await ingest(path, { config, map: opts.map ?? [], preset: opts.preset, encoding: opts.encoding, delimiter: opts.delimiter, lang: opts.lang, onHalfRead: () => holdHeap("half"), onRows, onRestart, onFrame });
  // Reading and normalising go hand in hand over a streamed file: the read's share is this thread's time taking the reader's batches.
  stageSplit({ read: ingested.readMs }, "normalise");
  threadsUsed.command = commandThreadData() !== null;
  threadsUsed.reader = ingested.readThread;
  holdHeap("read");
  const { head: table, mapping, lang, rows } = ingested;
  const { rejects, contacts, hasIdColumn } = ingested;
  const inputRows = rows.length + rejects.length + contacts;
  if (inputRows === 0) throw new SegmentError("input", `${path}: the file has a header but no data rows.`);
  log(io, opts, `segment: ${table.file}: ${table.encoding}, "${table.delimiter === "\t" ? "\\t" : table.delimiter}", ${mapping.dialect}, ${ingested.records} records${table.titleLines > 0 ? `, the header on line ${table.headerLine} below a title of ${table.titleLines} line(s)` : ""}`);
  const warnings: Warning[] = ingested.warnings;

  // Managers: -m, else the config's, else the owners found.
  const managersPath = opts.managers ?? configPath(loaded, config.managers);
  const managersFromFile = managersPath !== undefined;
  const managers = safeManagerNames(managersFromFile ? readManagers(managersPath) : deriveManagers(rows.map((r) => r.values.owner)));
  const matched = matchOwners(rows, managers, managersFromFile, lang);
  warnings.push(...matched.warnings);
  let owners = matched.owners;
  let previousApplied = rows.map(() => false);
  const previousPath = opts.previous;
  if (previousPath) {
    if (!hasIdColumn) log(io, opts, `segment: warning: the export has no id column, so --previous matches clients by their line positions.`);
    const previous = readPrevious(previousPath);
    const applied = applyPrevious(rows, owners, previous, managers);
    owners = applied.owners;
    previousApplied = applied.applied;
  }

  const locksPath = opts.locks ?? configPath(loaded, config.locks);
  let locks: Lock[] = [];
  if (locksPath) {
    if (!hasIdColumn) log(io, opts, `segment: warning: the export has no id column, so --locks matches clients by their line positions.`);
    locks = readLocks(locksPath, managers);
  }
  const cannotLink = cannotLinkFromLocks(locks, rows);

  stage("owners");
  const defaultCountry = ingested.defaultCountry;
  const segmenterContext = contextOf(config, asOf, mapping, lang, defaultCountry);
  const { mapped } = segmenterContext;
  // The rows made since the last batch (or every row of a file read whole) have their notes classified too.
  const notes = notesAhead as NotesAhead | null; // set in onFrame
  notes?.step(rows);
  // While the matcher's thread works, this one classifies rows ahead with the segmenters that need no clients
  // (SEGMENT_AHEAD=0 turns it off, to compare). Notes classified as they were read are handed on in any case, also
  // where another built-in's options are wrong (`runSegmenters` reports those).
  const others = !!matcher && work.ahead === true && process.env.SEGMENT_AHEAD !== "0";
  const segmentsAheadOf = (): SegmentsAhead | null => {
    if (!others && notes === null) return null;
    const segmenters = segmenterConfig(config);
    return SegmentsAhead.start(rows, segmenterContext, segmenters, notes, others) ?? (notes && SegmentsAhead.start(rows, segmenterContext, segmenters, notes, false));
  };
  let groups: DuplicateGroup[];
  let segmentsAhead: SegmentsAhead | null = null;
  threadsUsed.matcher = !!matcher;
  if (matcher) {
    const matched = matcher.groups(rows, { seed, cannotLink });
    segmentsAhead = segmentsAheadOf();
    groups = segmentsAhead && others ? await whileWaiting(matched, () => segmentsAhead!.step(AHEAD_ROWS)) : await matched;
  } else {
    groups = findDuplicates(rows, { seed, cannotLink });
    // The matcher's table is garbage now: on a large heap it goes before the clients are made.
    collectIfLarge();
    segmentsAhead = segmentsAheadOf();
  }
  const { clients, clientOfRow } = mergeClients(rows, groups);
  segmenterContext.clients = clients;
  stage("dedupe");
  return {
    loaded,
    config,
    configDir: loaded.dir,
    table,
    mapping,
    lang,
    asOf,
    seed,
    input: {
      file: basename(table.file),
      encoding: table.encoding,
      delimiter: table.delimiter,
      dialect: mapping.dialect,
      rows: inputRows,
      accepted: rows.length,
      rejected: rejects.length,
      contacts,
    },
    hasIdColumn,
    rows,
    rejects,
    warnings,
    defaultCountry,
    managers,
    managersFromFile,
    owners,
    exportOwners: matched.owners,
    previousApplied,
    locks,
    groups,
    clients,
    clientOfRow,
    mapped,
    segmenterContext,
    segmentsAhead,
  };
}

/** What the segmenters may know of the run (`SegmenterContext`) before the clients are made. */
function contextOf(config: Config, asOf: string, mapping: Mapping, lang: Lang, defaultCountry: string): SegmenterContext & { mapped: Set<Field> } {
  const mapped = new Set<Field>(Object.entries(mapping.columns).filter(([, cols]) => cols && cols.length).map(([f]) => f as Field));
  return { clients: [], asOf, lang, dialect: mapping.dialect, mapped, territories: config.territories, defaultCountry };
}

/** The config's segmenter options, with the ABC cut-offs fed from `allocation.value_cutoffs`. */
export function segmenterConfig(config: Config): Config {
  const value = { ...config.allocation.value_cutoffs, ...(config.segmenters.value ?? {}) };
  return { ...config, segmenters: { ...config.segmenters, value } };
}

/** The conflicts of the prepared clients, and which clients are dead souls. */
export function conflictsOf(p: Prepared): { conflicts: Conflict[]; deadSoul: boolean[] } {
  return findConflicts({
    rows: p.rows,
    clients: p.clients,
    clientOfRow: p.clientOfRow,
    owners: p.owners,
    managers: p.managers,
    warnings: p.warnings,
    asOf: p.asOf,
    deadSoulDays: p.config.conflicts.dead_soul_days,
    mapped: p.mapped,
    lang: p.lang,
  });
}

/** Segments and conflicts over the merged clients; with `release`, what later stages never read goes as soon as it can (`run`). */
export async function analyse(p: Prepared, release = false): Promise<Analysed> {
  if (release) releaseMatchData(p, "dedupe");
  const ahead = p.segmentsAhead;
  p.segmentsAhead = null;
  const segments = await runSegmenters(p.clients, p.segmenterContext, segmenterConfig(p.config), p.configDir, ahead);
  stage("segment");
  if (release) releaseMatchData(p, "segments");
  const { conflicts, deadSoul } = conflictsOf(p);
  stage("conflicts");
  if (release) releaseMatchData(p, "conflicts");
  return { ...p, segments, conflicts, deadSoul };
}

export type Strategy = "balanced" | "geography" | "industry" | "keep-all-owners";

/** `--max-moves 10%` / `25` / config `max_moves`. */
export function parseMaxMoves(v: string | number | undefined, flag = "--max-moves"): { count?: number; percent?: number } | undefined {
  if (v === undefined || v === "") return undefined;
  const s = String(v).trim();
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(s);
  if (!m) throw new SegmentError("usage", `${flag} expects a number of clients or a share such as 10%, got "${s}".`);
  const n = Number(m[1]);
  if (m[2]) return { percent: n };
  if (!Number.isInteger(n)) throw new SegmentError("usage", `${flag} expects a whole number of clients or a share such as 10%, got "${s}".`);
  return { count: n };
}

export function runAllocation(
  a: Analysed,
  opts: { maxMoves?: { count?: number; percent?: number }; phases?: number; strategy?: Strategy },
): AllocationResult {
  const alloc = a.config.allocation;
  return allocate({
    rows: a.rows,
    clients: a.clients,
    clientOfRow: a.clientOfRow,
    managers: a.managers,
    owners: a.owners,
    exportOwners: a.exportOwners,
    previousApplied: a.previousApplied,
    segments: a.segments,
    territories: a.config.territories,
    deadSoul: a.deadSoul,
    locks: a.locks,
    options: {
      weights: alloc.weights,
      protectionDays: alloc.protection_days,
      tolerance: alloc.tolerance,
      maxMoves: opts.maxMoves,
      phases: opts.phases,
      asOf: a.asOf,
      seed: a.seed,
      lang: a.lang,
      strategy: opts.strategy ?? "balanced",
    },
  });
}

// What a `run` no longer reads once segmented (the conflicts need names, contacts, phones, e-mails, statuses and tags) and once
// the conflicts are found (allocation reads names, regions, dates and counts; the outputs, names): the values that
// are mostly one of a kind per row, and the match lists. Each field by name: stores through a list of keys took twice
// as long over 300k rows (both releases: 0.18-0.24 s against 0.09-0.11 s).
function blankAfterSegments(v: FieldValues): void {
  v.address = "";
  v.notes = "";
  v.website = "";
  v.tax_id = "";
  v.contact_role = "";
}
function blankAfterConflicts(v: FieldValues): void {
  v.email = "";
  v.phone = "";
  v.contact_name = "";
  v.contact_phone = "";
  v.contact_email = "";
}

/**
 * Lets the data the later stages of a `run` never read go, a third of the rows' memory on a large export (on a
 * large heap, collected at once). Not for `explain` or `propose` (they show or reuse every field).
 */
export function releaseMatchData(a: Prepared, after: "dedupe" | "segments" | "conflicts"): void {
  if (after === "dedupe") {
    // The match key only the matcher reads (clients carry none).
    for (const row of a.rows) row.nameKey = "";
    collectIfLarge();
    return;
  }
  const blank = after === "segments" ? blankAfterSegments : blankAfterConflicts;
  for (const row of a.rows) {
    blank(row.values);
    if (after === "segments") row.domains = NOTHING;
    else row.phones = row.emails = row.contacts = row.tags = NOTHING;
  }
  for (const client of a.clients) {
    if (client.rows.length > 1) blank(client.values);
    if (after === "segments") client.domains = NOTHING;
    else client.phones = client.emails = client.contacts = client.tags = NOTHING;
  }
  collectIfLarge();
}

/** The whole pipeline short of writing; with `release` (`run`), data goes once no later stage reads it. */
export async function runPipeline(path: string, opts: AllocateOptions & { phases?: number }, io: Io, release = false): Promise<RunResult> {
  const p = await prepare(path, opts, io, { ahead: true, release });
  const a = await analyse(p, release);
  const maxMoves = parseMaxMoves(opts.maxMoves ?? p.config.max_moves);
  const allocation = runAllocation(a, { maxMoves, phases: opts.phases });
  stage("allocate");
  return { ...a, allocation };
}
