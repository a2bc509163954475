// The segmenter registry: built-ins in run order, then the config's plugins and rule groups; runs them and checks every label.
import { detach } from "../io/detach.js";
import { z } from "zod";
import { describeIssue } from "../config-load.js";
import { SegmentError } from "../errors.js";
import type { Config } from "../schema/config.js";
import type { Client, Field, SegmentColumn } from "../types.js";
import type { Segmenter, SegmenterContext } from "./define.js";
import contacts from "./contacts.js";
import geography from "./geography.js";
import industry from "./industry.js";
import motivation from "./motivation.js";
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

const MAX_SHARED_REASONS = 100_000;

/** Runs every segmenter over the merged clients; labels and reasons by client position. */
export async function runSegmenters(clients: Client[], ctx: SegmenterContext, config: Config, configDir: string): Promise<SegmentColumn[]> {
  const columns: SegmentColumn[] = [];
  const byId = new Map<string, SegmentColumn>();
  const loaded = await loadSegmenters(config, configDir, (id) => byId.get(id));
  for (const l of loaded) {
    const { meta } = l.segmenter;
    const options = segmenterOptions(l.segmenter, config.segmenters[meta.id]);
    let classify: ReturnType<AnySegmenter["create"]>;
    try {
      classify = l.segmenter.create(options, ctx);
    } catch (e) {
      throw failed(l, "to start", e);
    }
    const closed = meta.labels === "open" ? undefined : new Set(meta.labels);
    const labels = new Array<string>(clients.length);
    const reasons = new Array<string>(clients.length);
    // Labels repeat: the last one checked against the closed set needs no second look.
    let lastGood: unknown = NOT_A_LABEL;
    // Reasons repeat too (a region, a NACE class, "no activity"): one instance each, flat rather than the
    // concatenation it was built as.
    const sameReason = new Map<string, string>();
    for (let i = 0; i < clients.length; i++) {
      const client = clients[i]!;
      let seg: unknown;
      try {
        seg = classify(client);
      } catch (e) {
        throw failed(l, `on client ${client.id}`, e);
      }
      const s = seg as { label?: unknown; reason?: unknown } | null;
      const label = s && typeof s === "object" ? s.label : undefined;
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
      let reason = typeof s!.reason === "string" ? s!.reason : "";
      const seen = sameReason.get(reason);
      if (seen !== undefined) reason = seen;
      else if (sameReason.size < MAX_SHARED_REASONS) {
        reason = detach(reason);
        sameReason.set(reason, reason);
      }
      reasons[i] = reason;
    }
    const col: SegmentColumn = { id: meta.id, labels, reasons };
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
