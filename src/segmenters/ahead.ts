// What a row-wise segmenter gave each row before the clients were known, each row classified as a client of its own.
import type { Client, Row } from "../types.js";
import type { ClassifyClient } from "./define.js";
import { TextPool } from "./memo.js";

/**
 * One row-wise segmenter's work ahead: its classifier, its reasons, and each row's label (by number: 0 for a row not
 * done, else one more than the label's place in `names`) and reason.
 */
export interface Ahead {
  classify: ClassifyClient;
  pool: TextPool;
  codes: Uint8Array;
  names: string[];
  codeOf: Map<string, number>;
  reasons: string[];
}

/** `ownReasons`: the segmenter's reasons are kept as given (`SegmenterMeta.ownReasons`). */
export function startAhead(classify: ClassifyClient, rows: number, ownReasons = false): Ahead {
  return { classify, pool: new TextPool(undefined, ownReasons), codes: new Uint8Array(rows), names: [], codeOf: new Map(), reasons: new Array<string>(rows) };
}

/** Room for `rows` rows (a list of rows that grows as the file is read). */
export function growAhead(a: Ahead, rows: number): void {
  if (rows <= a.codes.length) return;
  const codes = new Uint8Array(Math.max(rows, a.codes.length * 2));
  codes.set(a.codes);
  a.codes = codes;
}

/** A row's label as the segmenter gave it ahead, or undefined where it was not done. */
export function labelAhead(a: Ahead, row: number): string | undefined {
  const code = a.codes[row]!;
  return code === 0 ? undefined : a.names[code - 1];
}

/**
 * Classifies row `i` as `client` (the row as a client of its own). False where the row is left to the run over the
 * clients, which reports what went wrong: the classifier threw, gave anything but a label string, or a label past the
 * 255 a row's code can name.
 */
export function classifyAhead(a: Ahead, client: Client, i: number): boolean {
  let s: { label?: unknown; reason?: unknown } | null;
  try {
    s = a.classify(client) as typeof s;
  } catch {
    return false;
  }
  if (s === null || typeof s !== "object" || typeof s.label !== "string") return false;
  let code = a.codeOf.get(s.label);
  if (code === undefined) {
    if (a.names.length === 255) return false;
    a.codeOf.set(s.label, (code = a.names.push(s.label)));
  }
  a.codes[i] = code;
  a.reasons[i] = a.pool.share(typeof s.reason === "string" ? s.reason : "");
  return true;
}

/** A client object for one row after another, refilled: classifiers are pure and keep nothing of the client they are given. */
export class RowClient {
  readonly client: Client = { index: 0, id: "", rows: [0], group: "", values: undefined as never, phones: [], emails: [], domains: [], contacts: [], tags: [] };
  /** The client standing for row `i`. */
  of(row: Row, i: number): Client {
    const client = this.client;
    client.index = client.rows[0] = i;
    client.id = row.clientId;
    client.values = row.values;
    client.phones = row.phones;
    client.emails = row.emails;
    client.domains = row.domains;
    client.contacts = row.contacts;
    client.tags = row.tags;
    return client;
  }
}
