// The options every command that reads an export shares, as commander hands them to a command module.
import { stopProgress } from "../progress.js";
import type { Dialect, Lang } from "../types.js";

export interface ReadOptions {
  /** `-c FILE` */
  config?: string;
  /** `--map field=Header`, repeatable */
  map: string[];
  preset?: Dialect;
  encoding?: string;
  delimiter?: string;
  /** `YYYY-MM-DD`; default the local date at start */
  asOf?: string;
  seed: number;
  lang?: Lang;
  json: boolean;
  quiet: boolean;
  color: boolean;
  debug: boolean;
}

export interface AllocateOptions extends ReadOptions {
  managers?: string;
  previous?: string;
  locks?: string;
  maxMoves?: string;
}

export interface RunOptions extends AllocateOptions {
  out?: string;
  phases?: number;
  failOn: string[];
}

/** Where a command writes: results to stdout, progress and logs to stderr. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal (colour, tables). */
  isTTY: boolean;
}

export const processIo: Io = {
  // Results end the progress bar first, so that the two never share a line.
  stdout: (t) => {
    stopProgress();
    process.stdout.write(t);
  },
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
};
