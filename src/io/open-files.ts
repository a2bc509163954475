// The files a run's producers write, by number: each opened on its first chunk, at most OPEN_FILES open at once (the
// least recently written closed, and opened again to append), and any that got no chunk made empty at the end. Used on
// the command's thread (`writeOutputs`) or on the write thread (src/io/write-worker.ts).
import { closeSync, openSync, writeSync } from "node:fs";

/** Files open at once: thousands of managers' files open together ran out of file handles (EMFILE). */
export const OPEN_FILES = 64;

export class OpenFiles {
  private readonly paths: string[] = [];
  /** Open files by number, the least recently written first. */
  private readonly fds = new Map<number, number>();
  private readonly made = new Set<number>();

  /** Numbers a file; nothing is opened yet. */
  add(path: string, file = this.paths.length): number {
    this.paths[file] = path;
    return file;
  }

  has(file: number): boolean {
    return this.paths[file] !== undefined;
  }

  path(file: number): string {
    return this.paths[file] ?? "";
  }

  write(file: number, chunk: Uint8Array): void {
    const fd = this.fd(file);
    for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done, chunk.length - done);
  }

  private fd(file: number): number {
    let fd = this.fds.get(file);
    if (fd !== undefined) {
      this.fds.delete(file);
      this.fds.set(file, fd);
      return fd;
    }
    if (this.fds.size >= OPEN_FILES) {
      const [oldest, oldFd] = this.fds.entries().next().value!;
      this.fds.delete(oldest);
      closeSync(oldFd);
    }
    fd = openSync(this.paths[file]!, this.made.has(file) ? "a" : "w");
    this.made.add(file);
    this.fds.set(file, fd);
    return fd;
  }

  /** Every file closed, and made (empty) if it got nothing. */
  finish(): void {
    const fds = [...this.fds.values()];
    this.fds.clear();
    let failed: unknown = null;
    for (const fd of fds) {
      try {
        closeSync(fd);
      } catch (e) {
        failed ??= e;
      }
    }
    if (failed !== null) throw failed;
    for (let f = 0; f < this.paths.length; f++) {
      if (this.paths[f] !== undefined && !this.made.has(f)) {
        closeSync(openSync(this.paths[f]!, "w"));
        this.made.add(f);
      }
    }
  }

  /** Every open file closed (after a failure too: errors closing are not the one to report). */
  close(): void {
    for (const fd of this.fds.values()) {
      try {
        closeSync(fd);
      } catch {
        // already reported, or nothing to report
      }
    }
    this.fds.clear();
  }
}
