// Values that outlive the read must not keep the whole decoded file alive: V8 slices share their parent.

const SHORT = 13; // V8 copies substrings shorter than this; longer ones are slices of their parent.
const interned = new Map<string, string>();

/**
 * The value as a string of its own: short values that repeat across rows (owners, cities, statuses) are
 * interned to one shared instance; longer ones are copied, so the file's text can be collected.
 */
export function detach(s: string): string {
  const n = s.length;
  if (n < SHORT) return s;
  if (n <= 48) {
    const hit = interned.get(s);
    if (hit !== undefined) return hit;
    const own = (s + " ").slice(0, -1);
    if (interned.size < 200_000) interned.set(own, own);
    return own;
  }
  // Concatenation then slice makes V8 flatten into a new string: the result no longer points into the file.
  return (s + " ").slice(0, -1);
}

/** Forget the interned values (between runs in one process, e.g. tests). */
export function resetDetached(): void {
  interned.clear();
}
