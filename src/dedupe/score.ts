// Pair scoring: log-odds evidence per field (Fellegi-Sunter style, hand-set weights) with frequency adjustment.
import { phoneTail, type Features, type Frequencies } from "./features.js";
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
let cachedVocab: string[] | null = null;

function tokenIdSim(x: number, y: number, vocab: string[]): number {
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

/** Weighted share of A's tokens found in B (soft matching); A's weights are its tokens' IDF. */
function containment(a: Features, b: Features, vocab: string[]): number {
  let matched = 0;
  const ai = a.ids;
  const bi = b.ids;
  for (let x = 0; x < ai.length; x++) {
    const ta = ai[x]!;
    let best = 0;
    for (let y = 0; y < bi.length; y++) {
      const s = tokenIdSim(ta, bi[y]!, vocab);
      if (s > best) {
        best = s;
        if (s === 1) break;
      }
    }
    matched += a.weights[x]! * best;
  }
  return matched;
}

/** Name similarity in [0,1] and containment (one name inside the other). */
export function nameSimilarity(a: Features, b: Features, fr: Frequencies): { sim: number; sub: number } {
  if (a.compact === "" || b.compact === "") return { sim: 0, sub: 0 };
  if (a.compact === b.compact) return { sim: 1, sub: 1 };
  const ab = containment(a, b, fr.vocab);
  const ba = containment(b, a, fr.vocab);
  const dice = (ab + ba) / (a.weightSum + b.weightSum);
  const sub = Math.max(a.weightSum > 0 ? ab / a.weightSum : 0, b.weightSum > 0 ? ba / b.weightSum : 0);
  let sim = dice;
  // Whole-name Jaro-Winkler catches split and joined words (`Roma Shka` / `Romashka`); with the same
  // number of words the token measure already sees a typo. Only between names of like length, and
  // not on long names, which their tokens serve well (JW's cost grows with the square of the length).
  const la = a.compact.length;
  const lb = b.compact.length;
  if (sim < 0.95 && a.ids.length !== b.ids.length && Math.max(la, lb) <= 32 && Math.min(la, lb) >= 0.8 * Math.max(la, lb)) {
    const jw = jaroWinkler(a.compact, b.compact);
    if (jw >= 0.94 && jw > sim) sim = jw;
  }
  return { sim, sub };
}

function phoneMatch(a: string, b: string): boolean {
  if (a === b) return true;
  // A 7-digit local number matches the same number with its area code.
  if (a.length < 10 || b.length < 10) {
    const short = a.length < b.length ? a : b;
    const long = a.length < b.length ? b : a;
    return short.length >= 7 && long.endsWith(short);
  }
  return false;
}

/** Some pair of phones of the same length differs in one digit: a typo, not evidence against. */
function nearPhone(a: Features, b: Features): boolean {
  for (const pa of a.phones) {
    for (const pb of b.phones) {
      if (pa.length !== pb.length) continue;
      let diff = 0;
      for (let i = 0; i < pa.length && diff < 2; i++) if (pa.charCodeAt(i) !== pb.charCodeAt(i)) diff++;
      if (diff < 2) return true;
    }
  }
  return false;
}

function sharedPhone(a: Features, b: Features, fr: Frequencies): number {
  let best = -1;
  for (const pa of a.phones) {
    for (const pb of b.phones) {
      if (!phoneMatch(pa, pb)) continue;
      const w = byFrequency(PHONE, fr.phone.get(phoneTail(pa)) ?? 1);
      if (w > best) best = w;
    }
  }
  return best;
}

function sharedValue(a: string[], b: string[], freq: Map<string, number>, weight: number): number {
  let best = -1;
  for (const x of a) {
    if (!b.includes(x)) continue;
    const w = byFrequency(weight, freq.get(x) ?? 1);
    if (w > best) best = w;
  }
  return best;
}

function found(t: string, list: string[]): boolean {
  for (const u of list) if (tokenSim(t, u) > 0) return true;
  return false;
}

function streetSimilarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let inA = 0;
  for (const t of a) if (found(t, b)) inA++;
  let inB = 0;
  for (const t of b) if (found(t, a)) inB++;
  // Containment: one source writes `3630 S. Wells Rm. 105`, another `3630 S Wells Ave`.
  return Math.max(inA / a.length, inB / b.length);
}

const f3 = (x: number): string => x.toFixed(3);

/** Scores a pair of rows. Pure: depends only on the two rows and the file's frequencies. */
export function scorePair(a: Features, b: Features, fr: Frequencies, withEvidence = true): PairScore {
  // The hot loop asks only for the probability; evidence strings are built for group members.
  const evidence: string[] | null = withEvidence ? [] : null;
  let veto = false;
  let L = PRIOR;
  let phoneAgrees = false;

  if (a.tax !== "" && b.tax !== "") {
    if (a.tax === b.tax) {
      L += TAX_EQUAL;
      evidence?.push("tax_id=1.000");
    } else {
      veto = true;
      L -= 20;
    }
  }

  const name = nameSimilarity(a, b, fr);
  if (a.compact !== "" && b.compact !== "") {
    const s = name.sim;
    if (s >= 0.95) L += 5;
    else if (s >= 0.85) L += 3.5;
    else if (s >= 0.7) L += 1.5;
    else if (s >= 0.5) L -= 0.5;
    else L -= 2;
    // One name inside the other (`Easter Seals Near South` in `Easter Seals Society ... Near South Side`).
    if (s < 0.95 && name.sub >= 0.95) L += 1.5;
    if (s >= 0.7 || name.sub >= 0.95) evidence?.push("name=" + f3(s));
  }

  if (a.phones.length > 0 && b.phones.length > 0) {
    const w = sharedPhone(a, b, fr);
    if (w >= 0) {
      L += w;
      phoneAgrees = true;
      evidence?.push("phone=1.000");
    } else if (!nearPhone(a, b)) L -= 0.5;
  }
  if (a.emails.length > 0 && b.emails.length > 0) {
    const w = sharedValue(a.emails, b.emails, fr.email, EMAIL);
    if (w >= 0) {
      L += w;
      evidence?.push("email=1.000");
    } else L -= 0.5;
  }
  if (a.domains.length > 0 && b.domains.length > 0) {
    const w = sharedValue(a.domains, b.domains, fr.domain, DOMAIN);
    if (w >= 0) {
      L += w;
      evidence?.push("website=1.000");
    } else L -= 1;
  }

  if (a.house !== "" && b.house !== "") {
    if (a.house !== b.house) L -= 4;
    else {
      const s = streetSimilarity(a.street, b.street);
      if (s >= 0.8) {
        L += byFrequency(ADDRESS, fr.address.get(a.addrKey) ?? 1);
        // Phone and address together: two independent identifiers agreeing on one place and line.
        if (phoneAgrees) L += 1;
        evidence?.push("address=" + f3(s));
      } else if (a.street.length > 0 && b.street.length > 0) L -= 1;
    }
  } else if (a.street.length > 0 && b.street.length > 0) {
    const s = streetSimilarity(a.street, b.street);
    if (s >= 0.8) {
      L += 1;
      evidence?.push("address=" + f3(s));
    }
  }

  if (a.city !== "" && b.city !== "") {
    // A typo in a city name (`Brașov` / `Brasov` once folded) keeps the length within two.
    if (a.city === b.city || (Math.abs(a.city.length - b.city.length) <= 2 && jaroWinkler(a.city, b.city) >= 0.92)) {
      L += 0.5;
      evidence?.push("city=1.000");
    } else L -= 3;
  }
  if (a.region !== "" && b.region !== "") {
    if (a.region === b.region) evidence?.push("region=1.000");
    else L -= 1;
  }
  if (a.postal !== "" && b.postal !== "") {
    if (a.postal === b.postal) {
      L += 1;
      evidence?.push("postal_code=1.000");
    } else L -= 1.5;
  }

  const probability = veto ? 0 : 1 / (1 + Math.exp(-L));
  return { logOdds: L, probability, veto, evidence: evidence ? evidence.join("|") : "" };
}
