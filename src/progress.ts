// The progress bar on stderr for long runs: on a terminal only, never with --quiet, --json or in CI.
import cliProgress from "cli-progress";

const STAGES = ["read", "normalise", "owners", "dedupe", "segment", "conflicts", "allocate", "write"];
let bar: cliProgress.SingleBar | undefined;

/** What a command thread posts in place of drawing the bar (the main thread draws it: src/command-thread.ts). */
export type ProgressMessage =
  | { progress: "start"; quiet: boolean; json: boolean }
  | { progress: "advance"; stage: string }
  | { progress: "log"; text: string }
  | { progress: "stop" };
let forward: ((m: ProgressMessage) => void) | null = null;

/** On a command thread: the bar's calls are posted to the main thread. */
export function forwardProgress(post: (m: ProgressMessage) => void): void {
  forward = post;
}

export function startProgress(opts: { quiet?: boolean; json?: boolean }): void {
  if (forward) return forward({ progress: "start", quiet: Boolean(opts.quiet), json: Boolean(opts.json) });
  stopProgress();
  if (opts.quiet || opts.json || !process.stderr.isTTY || process.env.CI) return;
  bar = new cliProgress.SingleBar(
    { format: "segment {bar} {percentage}% {stage}", stream: process.stderr, clearOnComplete: true, hideCursor: true, barsize: 24 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(STAGES.length, 0, { stage: "read" });
}

/** A stage has finished. */
export function advanceProgress(stage: string): void {
  if (forward) return forward({ progress: "advance", stage });
  if (!bar) return;
  const i = STAGES.indexOf(stage);
  if (i < 0) return;
  bar.update(i + 1, { stage: STAGES[i + 1] ?? "" });
  if (i === STAGES.length - 1) stopProgress();
}

export function stopProgress(): void {
  if (forward) return forward({ progress: "stop" });
  bar?.stop();
  bar = undefined;
}

/** A log line printed while the bar is up: clear the bar's line, print, let the bar draw again. */
export function logAboveProgress(write: (text: string) => void, text: string): void {
  if (forward) return forward({ progress: "log", text });
  if (!bar) return write(text);
  write("\r\x1b[K" + text);
  (bar as unknown as { render(force?: boolean): void }).render(true);
}
