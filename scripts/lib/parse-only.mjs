// The benchmark's baseline: csv-parse merely streaming an export into header-keyed records, nothing else.
// `node scripts/lib/parse-only.mjs FILE DELIMITER` prints the record count.
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";

const [file, delimiter = ","] = process.argv.slice(2);
let count = 0;
const parser = createReadStream(file).pipe(parse({ columns: true, bom: true, delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: true }));
parser.on("data", () => { count++; });
parser.on("error", (err) => { process.stderr.write(String(err?.message ?? err) + "\n"); process.exit(1); });
parser.on("end", () => { process.stdout.write(count + "\n"); });
