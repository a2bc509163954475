// Values that outlive the read must not keep the file's text alive: V8 substrings of 13 characters or more
// are slices that share their parent (a whole chunk of the file).

const SHORT = 13; // V8 copies substrings shorter than this; longer ones are slices of their parent.
const shared = new Map<string, string>();
const MAX_SHARED = 200_000;

let scratch = Buffer.allocUnsafe(1 << 16);

/**
 * The value as a flat string of its own. Through one reused UTF-16 buffer, not `(s + " ").slice(0, -1)`:
 * that copy is itself a slice (of the flattened concatenation), which costs a 32-byte object more per value.
 */
export function detach(s: string): string {
  if (s.length < SHORT) return s;
  const bytes = s.length * 2;
  if (bytes > scratch.length) scratch = Buffer.allocUnsafe(bytes * 2);
  scratch.write(s, 0, bytes, "utf16le");
  return scratch.toString("utf16le", 0, bytes);
}

/** Written by `flatten`, so that an optimising compiler cannot drop the read that flattens. */
let flatMark = 0;

/**
 * A text made by `+` (a tree of its pieces: a reason filled from a template) made one flat run of characters, in
 * place: V8 flattens a concatenation the first time a character of it is read. Read while the text is young, that
 * is a copy in the young generation; read first by a file writer at the end of a run, the text old, the copy went
 * to fresh old-space pages (the 300k bench export's own reasons: ~0.3 s of segments.csv).
 */
export function flatten(s: string): string {
  if (s.length >= SHORT) flatMark ^= s.charCodeAt(0);
  return s;
}

let owned = false;

/**
 * Whether the cells being read are strings of their own (the reader thread's, src/io/read-thread.ts) rather
 * than slices of a chunk's text: values taken from them then need no copy (`own`).
 */
export function cellsOwned(on: boolean): void {
  owned = on;
}

/** A value taken from a cell (or a piece of one), as a string that keeps no chunk of the file alive. */
export function own(s: string): string {
  return owned ? s : detach(s);
}

/**
 * A value that repeats across rows (a city, a region, an owner, a status) as one shared instance of its
 * own, whatever its length; values past the cap are copied like `detach`.
 */
export function share(s: string): string {
  if (s === "") return s;
  const hit = shared.get(s);
  if (hit !== undefined) return hit;
  const copy = own(s);
  if (shared.size < MAX_SHARED) shared.set(copy, copy);
  return copy;
}

/** Forget the shared values (between runs in one process, e.g. tests). */
export function resetDetached(): void {
  shared.clear();
}
