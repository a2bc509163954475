// The shared segmenter tester (as ESLint's RuleTester): every segmenter, built-in or user, through the same checks.
import { isDeepStrictEqual } from "node:util";
import { FIELDS, type Client, type Field, type FieldValues, type Segment } from "../types.js";
import type { Segmenter, SegmenterContext } from "./define.js";
import { checkSegmenter } from "./plugins.js";

export interface SegmenterCase {
  /** Shown when the case fails. */
  name: string;
  /** Every client of the run (the context's clients); each is classified. */
  clients: Client[];
  /** Raw options as in config `segmenters.<id>`; parsed with the segmenter's schema. */
  options?: unknown;
  /** Context fields other than `clients`; the rest default to a generic English run on 2026-06-01 mapping every field. */
  ctx?: Partial<Omit<SegmenterContext, "clients">>;
  /** Expected result per client id: a label, or a label with a reason pattern. Clients not named are only checked generically. */
  expected?: Record<string, string | { label: string; reason?: string | RegExp }>;
}

export class SegmenterTestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SegmenterTestError";
  }
}

/** Freezes a value and everything it holds, so a segmenter that writes to its input fails loudly (ESM code is strict). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (value instanceof Set || value instanceof Map) return value;
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/** A client with every field present (`""` for empty), for tests and examples. */
export function makeClient(id: string, values: Partial<FieldValues>, extra: Partial<Omit<Client, "id" | "values">> = {}): Client {
  const all = Object.fromEntries(FIELDS.map((f) => [f, values[f] ?? ""])) as FieldValues;
  return {
    index: extra.index ?? 0,
    id,
    rows: extra.rows ?? [extra.index ?? 0],
    group: extra.group ?? "",
    values: all,
    phones: extra.phones ?? [],
    emails: extra.emails ?? [],
    domains: extra.domains ?? [],
    contacts: extra.contacts ?? [],
    tags: extra.tags ?? [],
  };
}

function context(clients: readonly Client[], partial: SegmenterCase["ctx"]): SegmenterContext {
  return {
    clients,
    asOf: "2026-06-01",
    lang: "en",
    dialect: "generic",
    mapped: new Set<Field>(FIELDS),
    territories: {},
    defaultCountry: "",
    ...partial,
  };
}

/**
 * Runs `segmenter` over each case: its shape, options accepting `{}`, frozen inputs, a label in the
 * closed set with a non-empty reason for every client, the same output when run twice, and the
 * expected labels. Throws a SegmenterTestError naming the case and the client; returns the results.
 */
export function testSegmenter<O>(segmenter: Segmenter<O>, cases: readonly SegmenterCase[]): Map<string, Segment>[] {
  const id = (segmenter as { meta?: { id?: string } }).meta?.id ?? "?";
  const fail = (where: string, msg: string): never => {
    throw new SegmenterTestError(`segmenter "${id}", ${where}: ${msg}`);
  };
  let checked: Segmenter;
  try {
    checked = checkSegmenter(segmenter, `"${id}"`);
  } catch (e) {
    return fail("shape", (e as Error).message);
  }
  const closed = checked.meta.labels === "open" ? undefined : new Set(checked.meta.labels);
  const results: Map<string, Segment>[] = [];
  for (const c of cases) {
    const where = `case "${c.name}"`;
    const clients = c.clients.map((cl, i) => ({ ...cl, index: i }));
    const ids = new Set(clients.map((cl) => cl.id));
    if (ids.size !== clients.length) fail(where, "client ids repeat");
    for (const want of Object.keys(c.expected ?? {})) if (!ids.has(want)) fail(where, `expected names client "${want}", which the case does not have`);
    const parsed = checked.options.safeParse(c.options ?? {});
    if (!parsed.success) fail(where, `options rejected: ${parsed.error?.issues[0]?.message ?? "invalid"}`);
    const ctx = deepFreeze(context(deepFreeze(clients), c.ctx));
    const run = (): Segment[] => {
      let classify: (client: Client) => Segment;
      try {
        classify = checked.create(parsed.data, ctx);
      } catch (e) {
        return fail(where, `create threw: ${(e as Error).message}`);
      }
      return clients.map((cl) => {
        try {
          const s = classify(cl);
          return { label: s?.label, reason: s?.reason } as Segment;
        } catch (e) {
          return fail(`${where}, client "${cl.id}"`, `threw: ${(e as Error).message}`);
        }
      });
    };
    const first = run();
    const second = run();
    const out = new Map<string, Segment>();
    clients.forEach((cl, i) => {
      const at = `${where}, client "${cl.id}"`;
      const s = first[i]!;
      if (typeof s.label !== "string" || s.label === "") fail(at, `label must be a non-empty string, got ${JSON.stringify(s.label)}`);
      if (closed && !closed.has(s.label)) fail(at, `label "${s.label}" is not among ${[...closed].join(", ")}`);
      if (typeof s.reason !== "string" || s.reason.trim() === "") fail(at, `reason must be a non-empty string, got ${JSON.stringify(s.reason)}`);
      if (!isDeepStrictEqual(s, second[i])) fail(at, `not deterministic: ${JSON.stringify(s)} then ${JSON.stringify(second[i])}`);
      const want = c.expected?.[cl.id];
      if (want !== undefined) {
        const label = typeof want === "string" ? want : want.label;
        if (s.label !== label) fail(at, `expected label "${label}", got "${s.label}" (reason: ${s.reason})`);
        const r = typeof want === "string" ? undefined : want.reason;
        if (r !== undefined && !(typeof r === "string" ? s.reason.includes(r) : r.test(s.reason))) {
          fail(at, `reason ${JSON.stringify(s.reason)} does not match ${String(r)}`);
        }
      }
      out.set(cl.id, s);
    });
    results.push(out);
  }
  return results;
}
