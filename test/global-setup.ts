// Every temporary folder the tests make (theirs, the CLI's children's, the browser's) goes under one
// parent made here, which is removed when the run ends, so a test run leaves nothing behind in the
// system's temp folder, whichever test failed or forgot to clean up.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "segment-tests-"));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
