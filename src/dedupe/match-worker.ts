// The matcher's thread (src/dedupe/match-thread.ts): builds the feature table from rows as a streamed export is
// read, then scores the candidate pairs, clusters and scores each group's members when asked.
import { parentPort, workerData } from "node:worker_threads";
import { FeatureBuilder, type FeatureTable } from "./features.js";
import { clusterLinks, linkedRows, scoreLinks, type Links } from "./index.js";
import { ROW_FIELDS, takeList, type MatchReply, type MatchRequest } from "./match-thread.js";
import { scorePair } from "./score.js";

const port = parentPort!;
const { taken, expectedRows } = workerData as { taken: Int32Array; expectedRows?: number };

// The thread runs at the usual priority. It once took nice 19 while the export was read (the main thread's path was the
// one not to slow down), but its own work became the longer path: on the 300k exports the main thread then sat idle
// 3-5 s waiting for it after the read; at nice 0, 9 of 11 paired 300k runs over five dialects took 0.4-1.9 s less, the
// other two 0.3-0.4 s more (BENCHMARKS.md, seventeenth pass).
let builder: FeatureBuilder | null = new FeatureBuilder(expectedRows ?? 0);
let table: FeatureTable | null = null;
let links: Links | null = null;
/** The places the main thread has sent, by number (`rows` messages). */
const places: string[] = [];
const placeOf = (v: string | number): string => (typeof v === "number" ? places[v]! : v);
/** A row's lists as taken from a message, refilled for each row (`FeatureBuilder.add` keeps none of them). */
const phones: string[] = [];
const emails: string[] = [];
const domains: string[] = [];

function handle(m: MatchRequest): MatchReply | null {
  if ("rows" in m) {
    const f = m.rows;
    const b = builder!;
    for (const p of m.places) places.push(p);
    for (let k = 0; k < f.length; ) {
      const at = k;
      k = takeList(f, k + ROW_FIELDS, phones);
      k = takeList(f, k, emails);
      k = takeList(f, k, domains);
      b.add(f[at] as string, phones, f[at + 6] as string, emails, f[at + 7] as string, domains, f[at + 1] as string, f[at + 2] as string, placeOf(f[at + 3]!), placeOf(f[at + 4]!), placeOf(f[at + 5]!));
    }
    Atomics.store(taken, 0, b.rows);
    return null;
  }
  if ("sync" in m) return { synced: builder!.rows };
  if ("links" in m) {
    if (builder!.rows !== m.links) throw new Error(`the matcher's thread has ${builder!.rows} rows, not ${m.links}`);
    table = builder!.finish();
    builder = null;
    links = scoreLinks(table);
    return { subset: links.li.length === 0 ? [] : linkedRows(table.n, links) };
  }
  if ("rank" in m) {
    const root = clusterLinks(table!, links!, m.rank, m.cannotLink);
    links = null;
    return { root };
  }
  const { pairs } = m;
  const probability = new Float64Array(pairs.length / 2);
  const evidence = new Array<string>(pairs.length / 2);
  for (let x = 0; x < probability.length; x++) {
    const s = scorePair(table!, pairs[2 * x]!, pairs[2 * x + 1]!);
    probability[x] = s.probability;
    evidence[x] = s.evidence;
  }
  return { probability, evidence };
}

port.on("message", (m: MatchRequest) => {
  try {
    const reply = handle(m);
    if (reply !== null) port.postMessage(reply);
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies MatchReply);
  }
});
