// The memory targets, as the bench judges them.

/**
 * A peak (MiB, as the bench's columns give it: KB of maximum RSS / 1024) against a target of `gb` GB, read strictly as
 * `gb` × 10⁹ bytes: a 1,000 MiB peak is 1.05 × 10⁹ B, over 1 GB.
 */
export function peakVerdict(mib, gb) {
  const bytes = mib * 1048576;
  const met = Number.isFinite(bytes) && bytes < gb * 1e9;
  return `${Number.isFinite(mib) ? mib.toFixed(0) : "–"} MiB (${Number.isFinite(bytes) ? (bytes / 1e9).toFixed(2) : "–"} × 10⁹ B) — ${met ? "met" : "NOT met"}`;
}
