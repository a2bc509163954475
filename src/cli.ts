// The command table: one line per command, lazy imports, and the only place that prints errors.
console.error("segment: not implemented yet");
process.exitCode = 1;
