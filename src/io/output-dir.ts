// The output folder: refuse folders that are not ours, lock beside it, write into a temporary folder and swap it in.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import lockfile from "proper-lockfile";
import { SegmentError } from "../errors.js";
import type { Producer } from "./write-csv.js";
import { fileWriter, type FileWriter } from "./write-thread.js";

export { OPEN_FILES } from "./open-files.js";

export const MARKER = ".segment-out";

/**
 * Files to write, by path relative to the output folder: the whole content, or a producer that streams it
 * in chunks (large CSVs never exist as one string). A path ending in `/` is a folder.
 */
export type OutputFiles = Map<string, string | Buffer | Producer>;

function writeProduced(target: string, produce: Producer, files: FileWriter): void {
  const main = files.add(target);
  produce(
    (chunk) => files.write(main, chunk),
    (rel) => {
      const path = join(dirname(target), rel);
      mkdirSync(dirname(path), { recursive: true });
      const file = files.add(path);
      return (chunk) => files.write(file, chunk);
    },
  );
}

function isOurs(dir: string): boolean {
  const entries = readdirSync(dir);
  return entries.length === 0 || entries.includes(MARKER);
}

/** Checks before any work is done, so a bad `-o` fails fast with exit 2. */
export function checkOutputDir(dir: string, flag = "-o"): void {
  const abs = resolve(dir);
  recoverPrevious(abs);
  if (!existsSync(abs)) return;
  if (!statSync(abs).isDirectory()) throw new SegmentError("output", `${flag} ${dir} is a file, not a folder.`);
  if (!isOurs(abs)) {
    throw new SegmentError("output", `${flag} ${dir} is not empty and was not written by segment (no ${MARKER} marker); choose another folder.`);
  }
}

/** A run killed between the two renames leaves DIR.prev without DIR: put it back. */
function recoverPrevious(abs: string): void {
  const prev = abs + ".prev";
  if (existsSync(prev) && !existsSync(abs)) renameSync(prev, abs);
  else if (existsSync(prev)) rmSync(prev, { recursive: true, force: true });
}

/** Temporary folders of killed runs (we hold the lock, so no live run owns one). */
function removeLeftovers(abs: string): void {
  const prefix = basename(abs) + ".tmp-";
  for (const name of readdirSync(dirname(abs))) {
    if (name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length))) rmSync(join(dirname(abs), name), { recursive: true, force: true });
  }
}

/**
 * Writes every file into `DIR.tmp-<pid>` beside DIR, then swaps it in: DIR → DIR.prev, tmp → DIR,
 * DIR.prev removed. A lock beside DIR keeps a second run out; a stale lock (killed run) is taken over.
 * The CSVs of a run of `rows` rows are written on a thread of their own where that pays (`fileWriter`).
 */
export async function writeOutputs(dir: string, files: OutputFiles, flag = "-o", rows = 0): Promise<void> {
  const abs = resolve(dir);
  const parent = dirname(abs);
  mkdirSync(parent, { recursive: true });
  // The lock is the folder `<lockTarget>.lock` (proper-lockfile, `realpath: false`: no file of that name is needed), and
  // goes with the run, so a finished run leaves nothing beside DIR.
  const lockTarget = join(parent, "." + basename(abs) + ".segment-lock");
  const lock = () => lockfile.lock(lockTarget, { stale: 15_000, update: 5_000, realpath: false });
  let release: () => Promise<void>;
  try {
    release = await lock().catch(async (e: unknown) => {
      // A run killed a moment ago leaves a lock that is not stale yet: its owner's pid says it is gone.
      if (!orphaned(lockTarget)) throw e;
      rmSync(lockTarget + ".lock", { recursive: true, force: true });
      return lock();
    });
  } catch {
    throw new SegmentError("output", `${flag} ${dir} is in use by another segment run (lock ${lockTarget}.lock); wait for it to finish.`);
  }
  writeFileSync(lockTarget + ".pid", String(process.pid));
  const tmp = `${abs}.tmp-${process.pid}`;
  let writer: FileWriter | null = null;
  try {
    checkOutputDir(dir, flag);
    removeLeftovers(abs);
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    for (const [rel, content] of files) {
      const target = join(tmp, rel);
      if (rel.endsWith("/")) {
        mkdirSync(target, { recursive: true });
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      if (typeof content === "function") writeProduced(target, content, (writer ??= fileWriter(rows)));
      else writeFileSync(target, content);
    }
    writer?.finish();
    writeFileSync(join(tmp, MARKER), "");
    const prev = abs + ".prev";
    if (existsSync(abs)) renameSync(abs, prev);
    renameSync(tmp, abs);
    rmSync(prev, { recursive: true, force: true });
  } catch (e) {
    writer?.stop();
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    rmSync(lockTarget + ".pid", { force: true });
    await release().catch(() => undefined);
  }
}

/**
 * Whether the lock beside an output folder belongs to a process that no longer exists: its pid file was
 * written by this lock's holder (after the lock was made) and names no live process. Anything unsure
 * (no pid file, one older than the lock, no creation time from the file system) counts as held.
 */
function orphaned(lockTarget: string): boolean {
  try {
    const pidFile = lockTarget + ".pid";
    const pid = Number(readFileSync(pidFile, "utf8").trim());
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
    const born = statSync(lockTarget + ".lock").birthtimeMs;
    if (!(born > 0) || statSync(pidFile).mtimeMs < born) return false;
    try {
      process.kill(pid, 0);
      return false;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === "ESRCH";
    }
  } catch {
    return false;
  }
}
