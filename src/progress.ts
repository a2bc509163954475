// The progress bar on stderr for long runs: on a terminal only, never with --quiet, --json or in CI.
import cliProgress from "cli-progress";

const STAGES = ["read", "normalise", "owners", "dedupe", "segment", "conflicts", "allocate", "write"];
let bar: cliProgress.SingleBar | undefined;

export function startProgress(opts: { quiet?: boolean; json?: boolean }): void {
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
  if (!bar) return;
  const i = STAGES.indexOf(stage);
  if (i < 0) return;
  bar.update(i + 1, { stage: STAGES[i + 1] ?? "" });
  if (i === STAGES.length - 1) stopProgress();
}

export function stopProgress(): void {
  bar?.stop();
  bar = undefined;
}

/** A log line printed while the bar is up: clear the bar's line, print, let the bar draw again. */
export function logAboveProgress(write: (text: string) => void, text: string): void {
  if (!bar) return write(text);
  write("\r\x1b[K" + text);
  (bar as unknown as { render(force?: boolean): void }).render(true);
}
