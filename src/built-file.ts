// Where a thread's or the CLI's built module is, seen from the module that starts it.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The first of `paths` (relative to the module at `from`, its `import.meta.url`) that exists: beside it as tsc writes
 * it, in dist/ from the bundle's entry or its chunks, or the built one from the sources (the tests build first).
 */
export function builtFile(from: string, paths: readonly string[]): URL | undefined {
  return paths.map((p) => new URL(p, from)).find((u) => existsSync(fileURLToPath(u)));
}
