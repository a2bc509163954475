// Pair scoring: log-odds evidence per field (Fellegi-Sunter style, hand-set weights) with frequency adjustment.
import { compactName, numbersClash, type FeatureTable } from "./features.js";
import { jaroWinkler } from "./strings.js";

/** Evidence that two rows are one company, and which fields agreed. */
export interface PairScore {
  /** Summed log-odds; > 0 means more likely one company than two. */
  logOdds: number;
  /** Match probability in [0,1]. */
  probability: number;
  /** Different valid tax ids: two legal entities, never one client. */
  veto: boolean;
  /** `field=similarity` of the fields that agreed, `|`-joined, contract order. */
  evidence: string;
}

// Weights in natural-log odds. PRIOR makes an exact rare name alone just enough, and an exact name in
// another city not enough: the namesake rule of the brief.
const PRIOR = -4;
const TAX_EQUAL = 12;
const PHONE = 4;
const EMAIL = 4;
const DOMAIN = 3;
const ADDRESS = 4.5;
/** Names whose numbers clash (`numbersClash`): numbered sites or entities of one family, not one company. */
const NUMBER_CLASH = 6;

/** A shared value's weight shrinks as more companies hold it; above 20 (a switchboard) it is 0. */
function byFrequency(weight: number, companies: number): number {
  if (companies <= 5) return weight;
  if (companies <= 10) return weight / 2;
  if (companies <= 20) return weight / 4;
  return 0;
}

// Token pairs recur across thousands of row pairs (a file has far fewer distinct words than pairs):
// their similarity is cached by the pair of token ids in an open-addressing table of typed arrays
// (a Map keyed by x * 2^26 + y hashes heap numbers and was the matcher's hot spot).
const CACHE_BITS = 20;
const CACHE_SIZE = 1 << CACHE_BITS;
const cacheX = new Int32Array(CACHE_SIZE).fill(-1);
const cacheY = new Int32Array(CACHE_SIZE);
const cacheS = new Float64Array(CACHE_SIZE);
let cacheUsed = 0;
let cachedVocab: readonly string[] | null = null;

function tokenIdSim(x: number, y: number, vocab: readonly string[]): number {
  if (x === y) return 1;
  if (x > y) {
    const t = x;
    x = y;
    y = t;
  }
  if (vocab !== cachedVocab || cacheUsed > CACHE_SIZE >> 1) {
    cacheX.fill(-1);
    cacheUsed = 0;
    cachedVocab = vocab;
  }
  let h = (Math.imul(x, 0x9e3779b1) ^ Math.imul(y, 0x85ebca6b)) >>> (32 - CACHE_BITS);
  for (;;) {
    const cx = cacheX[h]!;
    if (cx === -1) break;
    if (cx === x && cacheY[h] === y) return cacheS[h]!;
    h = (h + 1) & (CACHE_SIZE - 1);
  }
  const s = tokenSim(vocab[x]!, vocab[y]!);
  cacheX[h] = x;
  cacheY[h] = y;
  cacheS[h] = s;
  cacheUsed++;
  return s;
}

/** Similarity of two tokens: typos in long tokens, abbreviations as prefixes (`inst` / `institute`). */
function tokenSim(a: string, b: string): number {
  if (a === b) return 1;
  const short = a.length < b.length ? a : b;
  const long = a.length < b.length ? b : a;
  if (short.length >= 3 && long.startsWith(short)) return 0.8;
  // An initial (`Соколов А.В.` / `Соколов Андрей Викторович`).
  if (short.length === 1 && long.length > 1 && long.charCodeAt(0) === short.charCodeAt(0)) return 0.7;
  if (short.length < 4) return 0;
  // Cheap reject before Jaro-Winkler: very different lengths never reach 0.88.
  if (long.length - short.length > 3) return 0;
  const s = jaroWinkler(a, b);
  return s >= 0.88 ? s : 0;
}

// nameSimilarity's second result: no object per pair in the hot loop.
let lastSub = 0;

/** Weighted share of A's tokens found in B (soft matching); A's weights are its tokens' IDF. */
function containment(t: FeatureTable, a: number, b: number): number {
  const tok = t.nameTok;
  const vocab = t.vocab.values;
  const idf = t.idf;
  const bFrom = t.nameStart[b]!;
  const bTo = t.nameStart[b + 1]!;
  let matched = 0;
  for (let x = t.nameStart[a]!, aTo = t.nameStart[a + 1]!; x < aTo; x++) {
    const ta = tok[x]!;
    let best = 0;
    for (let y = bFrom; y < bTo; y++) {
      const s = tokenIdSim(ta, tok[y]!, vocab);
      if (s > best) {
        best = s;
        if (s === 1) break;
      }
    }
    matched += idf[ta]! * best;
  }
  return matched;
}

/** Name similarity in [0,1] of two distinct names (Features.nameOf); containment (one name inside the other) in `lastSub`. */
function nameSim(t: FeatureTable, a: number, b: number): number {
  const ca = compactName(t, a);
  const cb = compactName(t, b);
  if (ca === "" || cb === "") return (lastSub = 0);
  if (ca === cb) return (lastSub = 1);
  const ab = containment(t, a, b);
  const ba = containment(t, b, a);
  const wa = t.weightSum[a]!;
  const wb = t.weightSum[b]!;
  const dice = (ab + ba) / (wa + wb);
  lastSub = Math.max(wa > 0 ? ab / wa : 0, wb > 0 ? ba / wb : 0);
  let sim = dice;
  // Whole-name Jaro-Winkler catches split and joined words (`Roma Shka` / `Romashka`); with the same
  // number of words the token measure already sees a typo. Only between names of like length, and
  // not on long names, which their tokens serve well (JW's cost grows with the square of the length).
  const la = ca.length;
  const lb = cb.length;
  const na = t.nameStart[a + 1]! - t.nameStart[a]!;
  const nb = t.nameStart[b + 1]! - t.nameStart[b]!;
  if (sim < 0.95 && na !== nb && Math.max(la, lb) <= 32 && Math.min(la, lb) >= 0.8 * Math.max(la, lb)) {
    const jw = jaroWinkler(ca, cb);
    if (jw >= 0.94 && jw > sim) sim = jw;
  }
  return sim;
}

/** Name similarity in [0,1] and containment of rows i and j. */
export function nameSimilarity(t: FeatureTable, i: number, j: number): { sim: number; sub: number } {
  const sim = nameSim(t, t.nameOf[i]!, t.nameOf[j]!);
  return { sim, sub: lastSub };
}

/** Some pair of phones of the same length differs in one digit: a typo, not evidence against. */
function nearPhone(t: FeatureTable, i: number, j: number): boolean {
  const phones = t.phones;
  for (let x = t.phoneStart[i]!; x < t.phoneStart[i + 1]!; x++) {
    const pa = t.phoneIds[x]!;
    for (let y = t.phoneStart[j]!; y < t.phoneStart[j + 1]!; y++) if (phones.nearlyEqual(pa, t.phoneIds[y]!)) return true;
  }
  return false;
}

function sharedPhone(t: FeatureTable, i: number, j: number): number {
  let best = -1;
  const phones = t.phones;
  for (let x = t.phoneStart[i]!; x < t.phoneStart[i + 1]!; x++) {
    const ia = t.phoneIds[x]!;
    for (let y = t.phoneStart[j]!; y < t.phoneStart[j + 1]!; y++) {
      const ib = t.phoneIds[y]!;
      // Equal keys are one id; a 7-digit local number matches the same number with its area code.
      if (ia !== ib && !phones.localMatch(ia, ib)) continue;
      const w = byFrequency(PHONE, t.phoneCount[t.phoneTail[ia]!]!);
      if (w > best) best = w;
    }
  }
  return best;
}

function sharedValue(ids: Int32Array, start: Int32Array, i: number, j: number, count: Int32Array, weight: number): number {
  let best = -1;
  const jFrom = start[j]!;
  const jTo = start[j + 1]!;
  for (let x = start[i]!, to = start[i + 1]!; x < to; x++) {
    const id = ids[x]!;
    let found = false;
    for (let y = jFrom; y < jTo; y++) {
      if (ids[y] === id) {
        found = true;
        break;
      }
    }
    if (!found) continue;
    const w = byFrequency(weight, count[id]!);
    if (w > best) best = w;
  }
  return best;
}

function foundWord(w: string, t: FeatureTable, from: number, to: number): boolean {
  for (let y = from; y < to; y++) if (tokenSim(w, t.streets.values[t.streetIds[y]!]!) > 0) return true;
  return false;
}

/** Street similarity of two distinct addresses (Features.addrOf). */
function streetSimilarity(t: FeatureTable, a: number, b: number): number {
  const aFrom = t.streetStart[a]!;
  const aTo = t.streetStart[a + 1]!;
  const bFrom = t.streetStart[b]!;
  const bTo = t.streetStart[b + 1]!;
  if (aFrom === aTo || bFrom === bTo) return 0;
  const words = t.streets.values;
  let inA = 0;
  for (let x = aFrom; x < aTo; x++) if (foundWord(words[t.streetIds[x]!]!, t, bFrom, bTo)) inA++;
  let inB = 0;
  for (let y = bFrom; y < bTo; y++) if (foundWord(words[t.streetIds[y]!]!, t, aFrom, aTo)) inB++;
  // Containment: one source writes `3630 S. Wells Rm. 105`, another `3630 S Wells Ave`.
  return Math.max(inA / (aTo - aFrom), inB / (bTo - bFrom));
}

const f3 = (x: number): string => x.toFixed(3);

// Set by logOdds: different valid tax ids.
let vetoed = false;

/** Summed log-odds of rows i and j; `ev` collects the fields that agreed when given. */
function logOdds(t: FeatureTable, i: number, j: number, ev: string[] | null): number {
  vetoed = false;
  let L = PRIOR;
  let phoneAgrees = false;

  const ta = t.tax[i]!;
  const tb = t.tax[j]!;
  if (ta !== "" && tb !== "") {
    if (ta === tb) {
      L += TAX_EQUAL;
      ev?.push("tax_id=1.000");
    } else {
      vetoed = true;
      L -= 20;
    }
  }

  const na = t.nameOf[i]!;
  const nb = t.nameOf[j]!;
  const s = nameSim(t, na, nb);
  if (t.nameStart[na + 1]! > t.nameStart[na]! && t.nameStart[nb + 1]! > t.nameStart[nb]!) {
    const sub = lastSub;
    if (s >= 0.95) L += 5;
    else if (s >= 0.85) L += 3.5;
    else if (s >= 0.7) L += 1.5;
    else if (s >= 0.5) L -= 0.5;
    else L -= 2;
    // One name inside the other (`Easter Seals Near South` in `Easter Seals Society ... Near South Side`).
    if (s < 0.95 && sub >= 0.95) L += 1.5;
    if (s >= 0.7 || sub >= 0.95) ev?.push("name=" + f3(s));
  }
  if (namesClash(t, na, nb)) L -= NUMBER_CLASH;

  if (t.phoneStart[i + 1]! > t.phoneStart[i]! && t.phoneStart[j + 1]! > t.phoneStart[j]!) {
    const w = sharedPhone(t, i, j);
    if (w >= 0) {
      L += w;
      phoneAgrees = true;
      ev?.push("phone=1.000");
    } else if (!nearPhone(t, i, j)) L -= 0.5;
  }
  if (t.emailStart[i + 1]! > t.emailStart[i]! && t.emailStart[j + 1]! > t.emailStart[j]!) {
    const w = sharedValue(t.emailIds, t.emailStart, i, j, t.emailCount, EMAIL);
    if (w >= 0) {
      L += w;
      ev?.push("email=1.000");
    } else L -= 0.5;
  }
  if (t.domainStart[i + 1]! > t.domainStart[i]! && t.domainStart[j + 1]! > t.domainStart[j]!) {
    const w = sharedValue(t.domainIds, t.domainStart, i, j, t.domainCount, DOMAIN);
    if (w >= 0) {
      L += w;
      ev?.push("website=1.000");
    } else L -= 1;
  }

  const aa = t.addrOf[i]!;
  const ab = t.addrOf[j]!;
  const ha = t.house[aa]!;
  const hb = t.house[ab]!;
  const streetsA = t.streetStart[aa + 1]! > t.streetStart[aa]!;
  const streetsB = t.streetStart[ab + 1]! > t.streetStart[ab]!;
  if (ha >= 0 && hb >= 0) {
    if (ha !== hb) L -= 4;
    else {
      const s = aa === ab ? (streetsA ? 1 : 0) : streetSimilarity(t, aa, ab);
      if (s >= 0.8) {
        const key = t.addrKey[aa]!;
        L += byFrequency(ADDRESS, key < 0 ? 1 : t.addrCount[key]!);
        // Phone and address together: two independent identifiers agreeing on one place and line.
        if (phoneAgrees) L += 1;
        ev?.push("address=" + f3(s));
      } else if (streetsA && streetsB) L -= 1;
    }
  } else if (streetsA && streetsB) {
    const s = aa === ab ? 1 : streetSimilarity(t, aa, ab);
    if (s >= 0.8) {
      L += 1;
      ev?.push("address=" + f3(s));
    }
  }

  const cityA = t.city[i]!;
  const cityB = t.city[j]!;
  if (cityA >= 0 && cityB >= 0) {
    // A typo in a city name (`Brașov` / `Brasov` once folded) keeps the length within two.
    if (cityA === cityB || citiesAlike(t.cities.values[cityA]!, t.cities.values[cityB]!)) {
      L += 0.5;
      ev?.push("city=1.000");
    } else L -= 3;
  }
  const ra = t.region[i]!;
  const rb = t.region[j]!;
  if (ra >= 0 && rb >= 0) {
    if (ra === rb) ev?.push("region=1.000");
    else L -= 1;
  }
  const pa = t.postal[i]!;
  const pb = t.postal[j]!;
  if (pa >= 0 && pb >= 0) {
    if (pa === pb) {
      L += 1;
      ev?.push("postal_code=1.000");
    } else L -= 1.5;
  }
  return L;
}

function citiesAlike(a: string, b: string): boolean {
  return Math.abs(a.length - b.length) <= 2 && jaroWinkler(a, b) >= 0.92;
}

/** Whether distinct names `na` and `nb` (FeatureTable.nameOf) hold numbers that clash (`numbersClash`). */
export function namesClash(t: FeatureTable, na: number, nb: number): boolean {
  return na !== nb && numbersClash(t.numbers[na]!, t.numbers[nb]!);
}

/** The match probability of rows i and j in [0,1]: the hot loop's question. */
export function pairProbability(t: FeatureTable, i: number, j: number): number {
  const L = logOdds(t, i, j, null);
  return vetoed ? 0 : 1 / (1 + Math.exp(-L));
}

/** Scores a pair of rows. Pure: depends only on the two rows and the file's frequencies. */
export function scorePair(t: FeatureTable, i: number, j: number): PairScore {
  const evidence: string[] = [];
  const L = logOdds(t, i, j, evidence);
  const veto = vetoed;
  return { logOdds: L, probability: veto ? 0 : 1 / (1 + Math.exp(-L)), veto, evidence: evidence.join("|") };
}
