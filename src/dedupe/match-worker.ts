// The matcher's thread (src/dedupe/match-thread.ts): builds the feature table from rows as a streamed export is
// read, then scores the candidate pairs, clusters and scores each group's members when asked.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { FeatureBuilder, type FeatureTable } from "./features.js";
import { clusterLinks, linkedRows, scoreLinks, type Links } from "./index.js";
import { ROW_FIELDS, takeList, type MatchReply, type MatchRequest } from "./match-thread.js";
import { scorePair } from "./score.js";

const port = parentPort!;
const { taken } = workerData as { taken: Int32Array };

// While the export is read, the reader and the main thread keep both cores busy: this thread takes what they leave
// (Linux: a nice value of its own, by thread id). Once the read is over its work (the rows still waiting, then the
// pairs) is the one the main thread waits for, so it goes back to the usual priority where the system allows.
function nice(value: number): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (tid > 0) setPriority(tid, value);
  } catch {
    // Elsewhere (or not allowed) it simply shares the cores.
  }
}
nice(19);
let hurried = false;
/** Back to nice 0 once the main thread says the read is over (`taken[1]`), before the rows still waiting. */
function hurry(): void {
  if (hurried || Atomics.load(taken, 1) === 0) return;
  hurried = true;
  nice(0);
}
let builder: FeatureBuilder | null = new FeatureBuilder();
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
    hurry();
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
    hurry();
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
