// `npm run build`, after tsc: bundles the CLI and its worker threads from the sources into dist/cli.js,
// dist/io/read-worker.js, dist/io/write-worker.js and dist/dedupe/match-worker.js (over tsc's files of those names), their shared code in
// dist/chunks/. Node then loads a few files instead of ~280 (zod and libphonenumber-js come as ~95 files each),
// which took ~0.3 s of every run's start. Each command's code still loads only when the command runs.
// tsc's other files stay in dist/ for the tests and scripts that import them. esbuild's own postinstall is not needed
// (its binary comes as the optional dependency for the platform), so package.json's `allowScripts` denies it.
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  // tsc's dist/ runs as it is, only slower to start.
  process.stderr.write("bundle: esbuild is not installed; dist/ stays as tsc wrote it.\n");
  process.exit(0);
}

const chunks = join(ROOT, "dist/chunks");
rmSync(chunks, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: { cli: "src/cli.ts", "io/read-worker": "src/io/read-worker.ts", "io/write-worker": "src/io/write-worker.ts", "dedupe/match-worker": "src/dedupe/match-worker.ts" },
  outdir: "dist",
  chunkNames: "chunks/[hash]",
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // jsonc-parser's `main` is a UMD build whose requires a bundler cannot follow; its `module` is plain ESM.
  mainFields: ["module", "main"],
  // The CommonJS packages bundled in (iconv-lite, proper-lockfile…) require Node's own modules.
  banner: { js: 'import { createRequire as __segmentCreateRequire } from "node:module"; const require = __segmentCreateRequire(import.meta.url);' },
  sourcemap: true,
  sourcesContent: false,
  logLevel: "warning",
});
