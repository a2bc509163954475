// The segmenter registry: built-ins in run order, then the config's plugins and rule groups; runs them and checks every label.
import { z } from "zod";
import { describeIssue } from "../config-load.js";
import { SegmentError } from "../errors.js";
import type { Config } from "../schema/config.js";
import type { Client, Field, Row, SegmentColumn } from "../types.js";
import type { ClassifyClient, Segmenter, SegmenterContext } from "./define.js";
import contacts from "./contacts.js";
import geography from "./geography.js";
import industry from "./industry.js";
import motivation from "./motivation.js";
import { TextPool } from "./memo.js";
import { classifyAhead, labelAhead, RowClient, startAhead, type Ahead } from "./ahead.js";
import type { NotesAhead } from "./notes-ahead.js";
import { loadPlugin } from "./plugins.js";
import { groupRules, ruleSegmenter } from "./rules.js";
import temperature from "./temperature.js";
import value from "./value.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySegmenter = Segmenter<any>;

/** Never equal to any label (labels are strings). */
const NOT_A_LABEL = Symbol("no label yet");

/** Built-ins in run order (CONTRACT.md › segments.csv). */
export const BUILT_IN_SEGMENTERS: readonly AnySegmenter[] = [temperature, geography, industry, value, motivation, contacts];

export type SegmenterSource = "built-in" | "plugin" | "rules";

export interface LoadedSegmenter {
  segmenter: AnySegmenter;
  source: SegmenterSource;
  /** The plugin's path as the config writes it. */
  origin?: string;
}

/**
 * Every segmenter of a run, in run order: the built-ins, then the config's plugins (in `plugins`
 * order), then its rule groups (in order of first appearance). Rules come last so that a rule can
 * read any other segmenter's label (`segment.<id>`).
 */
export async function loadSegmenters(
  config: Config,
  configDir: string,
  lookup: (id: string) => SegmentColumn | undefined = () => undefined,
): Promise<LoadedSegmenter[]> {
  const out: LoadedSegmenter[] = BUILT_IN_SEGMENTERS.map((segmenter) => ({ segmenter, source: "built-in" as const }));
  const owner = new Map<string, LoadedSegmenter>(out.map((l) => [l.segmenter.meta.id, l]));
  const whose = (l: LoadedSegmenter): string => (l.source === "plugin" ? `the plugin ${l.origin}` : l.source === "rules" ? "a rule group" : "a built-in segmenter");
  for (const path of config.plugins) {
    const segmenter = await loadPlugin(path, configDir);
    const clash = owner.get(segmenter.meta.id);
    if (clash) throw new SegmentError("config", `plugins: ${path} uses the id "${segmenter.meta.id}", which is already ${whose(clash)}'s.`);
    const l: LoadedSegmenter = { segmenter, source: "plugin", origin: path };
    owner.set(segmenter.meta.id, l);
    out.push(l);
  }
  for (const group of groupRules(config.rules)) {
    const clash = owner.get(group.id);
    if (clash) {
      throw new SegmentError("config", `rules[${group.rules[0]!.at}].segmenter: "${group.id}" is already ${whose(clash)}'s id; choose another.`);
    }
    const l: LoadedSegmenter = { segmenter: ruleSegmenter(group, lookup), source: "rules" };
    owner.set(group.id, l);
    out.push(l);
  }
  for (const id of Object.keys(config.segmenters)) {
    if (!owner.has(id)) {
      throw new SegmentError("config", `segmenters.${id}: no segmenter has this id (known: ${[...owner.keys()].join(", ")}).`);
    }
  }
  return out;
}

/** A segmenter's options from config `segmenters.<id>`, parsed with its schema. */
export function segmenterOptions(segmenter: AnySegmenter, raw: unknown): unknown {
  const id = segmenter.meta.id;
  const parsed = (segmenter.options as z.ZodType).safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const shifted = { ...issue, path: ["segmenters", id, ...issue.path] } as z.core.$ZodIssue;
  throw new SegmentError("config", describeIssue(shifted, { segmenters: { [id]: raw } }));
}

function failed(l: LoadedSegmenter, what: string, e: unknown): SegmentError {
  if (e instanceof SegmentError) return e;
  const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
  const who = l.source === "plugin" ? `Plugin ${l.origin} (segmenter "${l.segmenter.meta.id}")` : `Segmenter "${l.segmenter.meta.id}"`;
  return new SegmentError(l.source === "built-in" ? "internal" : "config", `${who} failed ${what}: ${msg}.`);
}

/**
 * Built-ins whose `create` never reads `ctx.clients` (value does: its cut-offs): a client of one row gets from them
 * what its row alone gives.
 */
const ROW_WISE: ReadonlySet<AnySegmenter> = new Set([temperature, geography, industry, motivation, contacts]);

/**
 * The row-wise built-ins run over the rows before the clients are known, each row as a client of its own, a piece at a
 * time while the matcher's thread works (`run` on a streamed export). Most clients are one row: their labels are then
 * ready when the clients are, and `runSegmenters` classifies only the merged clients and the rows not reached. A
 * client of one row shares its row's values and lists (`mergeClients`), so it gets what its row got. Motivation may
 * have done its rows already, as they were read (`NotesAhead`).
 */
export class SegmentsAhead {
  /** Rows classified by every segmenter so far. */
  done = 0;
  private constructor(
    private readonly rows: readonly Row[],
    private readonly ahead: Map<string, Ahead>,
    /** The ones `step` works on (not motivation's, where its notes were classified as they were read). */
    private readonly stepping: Ahead[],
  ) {}

  /**
   * Null where the config's options are wrong: `runSegmenters` then says so. With `notes`, motivation's work is the
   * rows' as read; with `others` false, the other built-ins are left to `runSegmenters` (no matcher's thread to wait for).
   */
  static start(rows: readonly Row[], ctx: SegmenterContext, config: Config, notes: NotesAhead | null = null, others = true): SegmentsAhead | null {
    const ahead = new Map<string, Ahead>();
    const stepping: Ahead[] = [];
    try {
      for (const segmenter of BUILT_IN_SEGMENTERS) {
        if (!ROW_WISE.has(segmenter)) continue;
        if (segmenter === motivation && notes !== null) {
          ahead.set(segmenter.meta.id, notes.work);
          continue;
        }
        if (!others) continue;
        const classify = segmenter.create(segmenterOptions(segmenter, config.segmenters[segmenter.meta.id]), ctx) as ClassifyClient;
        const a = startAhead(classify, rows.length, segmenter.meta.ownReasons === true);
        ahead.set(segmenter.meta.id, a);
        stepping.push(a);
      }
    } catch {
      return null;
    }
    return new SegmentsAhead(rows, ahead, stepping);
  }

  /** Classifies up to `count` more rows; false once every row is done. */
  step(count: number): boolean {
    const { rows, stepping } = this;
    const to = Math.min(rows.length, this.done + count);
    if (to === this.done) return false;
    const one = new RowClient();
    for (let i = this.done; i < to; i++) {
      const client = one.of(rows[i]!, i);
      // A row a segmenter fails on, or gives no label string, is left for `runSegmenters`, which reports it.
      for (let k = 0; k < stepping.length; k++) classifyAhead(stepping[k]!, client, i);
    }
    this.done = to;
    return to < rows.length;
  }

  /** A segmenter's work ahead, taken once. */
  take(id: string): Ahead | undefined {
    const a = this.ahead.get(id);
    this.ahead.delete(id);
    return a;
  }
}

/**
 * Runs every segmenter over the merged clients; labels and reasons by client position. `ahead`: the row-wise
 * built-ins' work done while the clients were made, from the same config and context.
 */
export async function runSegmenters(clients: Client[], ctx: SegmenterContext, config: Config, configDir: string, ahead?: SegmentsAhead | null): Promise<SegmentColumn[]> {
  const columns: SegmentColumn[] = [];
  const byId = new Map<string, SegmentColumn>();
  const loaded = await loadSegmenters(config, configDir, (id) => byId.get(id));
  for (const l of loaded) {
    const { meta } = l.segmenter;
    const early = l.source === "built-in" ? ahead?.take(meta.id) : undefined;
    let classify: ReturnType<AnySegmenter["create"]>;
    if (early) classify = early.classify;
    else {
      const options = segmenterOptions(l.segmenter, config.segmenters[meta.id]);
      try {
        classify = l.segmenter.create(options, ctx);
      } catch (e) {
        throw failed(l, "to start", e);
      }
    }
    const closed = meta.labels === "open" ? undefined : new Set(meta.labels);
    const labels = new Array<string>(clients.length);
    const reasons = new Array<string>(clients.length);
    // Labels repeat: the last one checked against the closed set needs no second look.
    let lastGood: unknown = NOT_A_LABEL;
    const pool = early?.pool ?? new TextPool(undefined, meta.ownReasons === true);
    for (let i = 0; i < clients.length; i++) {
      const client = clients[i]!;
      const only = client.rows.length === 1 ? client.rows[0]! : -1;
      let label: unknown = only >= 0 && early ? labelAhead(early, only) : undefined;
      let reason: string;
      if (label !== undefined) reason = early!.reasons[only]!;
      else {
        let seg: unknown;
        try {
          seg = classify(client);
        } catch (e) {
          throw failed(l, `on client ${client.id}`, e);
        }
        const s = seg as { label?: unknown; reason?: unknown } | null;
        label = s && typeof s === "object" ? s.label : undefined;
        reason = pool.share(typeof s?.reason === "string" ? s.reason : "");
      }
      if (label !== lastGood && (typeof label !== "string" || label === "" || (closed && !closed.has(label)))) {
        const who = l.source === "plugin" ? `Plugin ${l.origin} (segmenter "${meta.id}")` : `Segmenter "${meta.id}"`;
        const allowed = closed ? ` (its labels: ${[...closed].join(", ")})` : "";
        throw new SegmentError(
          l.source === "built-in" ? "internal" : "config",
          `${who} gave client ${client.id} the label ${JSON.stringify(label ?? null)}, which is not one of its labels${allowed}.`,
        );
      }
      lastGood = label;
      labels[i] = label as string;
      reasons[i] = reason;
    }
    const col: SegmentColumn = meta.ownReasons === true ? { id: meta.id, labels, reasons, ownReasons: true } : { id: meta.id, labels, reasons };
    columns.push(col);
    byId.set(meta.id, col);
  }
  return columns;
}

export interface SegmenterInfo {
  id: string;
  title: string;
  description: string;
  source: SegmenterSource;
  /** The plugin's path as the config writes it. */
  origin?: string;
  labels: readonly string[] | "open";
  uses: readonly Field[];
  /** The options in force: the config's, defaults filled. */
  options: unknown;
  /** The options with nothing configured. */
  defaults: unknown;
  /** JSON Schema of the options, where zod can express it. */
  schema?: unknown;
}

/** Every segmenter of a config, for `segment segmenters`. */
export async function listSegmenters(config: Config, configDir: string): Promise<SegmenterInfo[]> {
  const loaded = await loadSegmenters(config, configDir);
  return loaded.map((l) => {
    const { meta } = l.segmenter;
    let schema: unknown;
    try {
      schema = z.toJSONSchema(l.segmenter.options as z.ZodType, { io: "input", unrepresentable: "any" });
    } catch {
      schema = undefined;
    }
    return {
      id: meta.id,
      title: meta.title,
      description: meta.description ?? "",
      source: l.source,
      ...(l.origin !== undefined ? { origin: l.origin } : {}),
      labels: meta.labels,
      uses: meta.uses,
      options: segmenterOptions(l.segmenter, config.segmenters[meta.id]),
      defaults: segmenterOptions(l.segmenter, {}),
      schema,
    };
  });
}
