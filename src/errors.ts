// The closed list of fatal errors and their exit codes (CONTRACT.md, "Exit codes").

export type ErrorCode =
  | "usage" // bad flag or argument
  | "config" // bad config file or key
  | "managers" // bad managers file
  | "locks" // bad locks file
  | "previous" // bad --previous file
  | "output" // output folder not ours, or in use
  | "input" // export unreadable, empty, header only, no name column
  | "fail_on" // a --fail-on condition held
  | "not_implemented"
  | "internal";

const EXIT: Record<ErrorCode, number> = {
  usage: 2,
  config: 2,
  managers: 2,
  locks: 2,
  previous: 2,
  output: 2,
  input: 3,
  fail_on: 4,
  not_implemented: 1,
  internal: 1,
};

/** A fatal problem: one or two plain sentences naming the file, line, flag or config path and the value. */
export class SegmentError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;
  readonly hint?: string;
  constructor(code: ErrorCode, message: string, hint?: string) {
    super(message);
    this.name = "SegmentError";
    this.code = code;
    this.exitCode = EXIT[code];
    this.hint = hint;
  }
}

export const isSegmentError = (e: unknown): e is SegmentError => e instanceof SegmentError;
