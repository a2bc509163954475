// Notes classified as the rows are read, and let go: on an export whose every company has notes of its own, the
// notes are the largest thing the rows hold while the file is read.
import type { Config } from "../schema/config.js";
import type { Client, Row, Segment } from "../types.js";
import { classifyAhead, growAhead, RowClient, startAhead, type Ahead } from "./ahead.js";
import type { ClassifyClient, SegmenterContext } from "./define.js";
import motivation, { withNotesClassified, type MotivationOptions } from "./motivation.js";

/**
 * What a row's notes become once classified and let go. Not empty, so a merged client still takes its notes from the
 * row it took them from (the first row with notes, `mergeClients`), and the survivor order still counts the field.
 */
export const CLASSIFIED_NOTES = "\u0000notes classified\u0000";

/**
 * The motivation segmenter run over the rows as they are read (`run` only: `explain` and `propose` show or reuse every
 * field). A row with notes and no motivation value is classified by its notes alone, so its notes go once classified:
 * its label and reason are kept by row (`work`), and a client of one row gets them as the other row-wise built-ins'
 * (`SegmentsAhead`). A merged client whose notes came from such a row gets that row's classification unless its
 * motivation column decides (`withNotesClassified`).
 *
 * Only where nothing else reads the notes: no plugin (which may read any field) and no rule on `notes`. Else null.
 */
export class NotesAhead {
  readonly work: Ahead;
  /** Rows classified so far. */
  private done = 0;
  private rows: readonly Row[] = [];
  private readonly one = new RowClient();

  private constructor(classify: ClassifyClient) {
    this.work = startAhead((client) => (client.values.notes === CLASSIFIED_NOTES ? this.merged(client, classify) : classify(client)), 0);
  }

  static start(config: Config, ctx: SegmenterContext): NotesAhead | null {
    if (config.plugins.length > 0 || config.rules.some((r) => Object.hasOwn(r.when, "notes"))) return null;
    const parsed = motivation.options.safeParse(config.segmenters.motivation ?? {});
    if (!parsed.success) return null; // `runSegmenters` says what is wrong
    return new NotesAhead(motivation.create(parsed.data as MotivationOptions, ctx));
  }

  /** Classifies the rows not yet done (the list only grows) and lets their notes go where they alone decide. */
  step(rows: readonly Row[]): void {
    this.rows = rows;
    const a = this.work;
    growAhead(a, rows.length);
    for (let i = this.done; i < rows.length; i++) {
      const row = rows[i]!;
      if (!classifyAhead(a, this.one.of(row, i), i)) continue;
      const v = row.values;
      if (v.notes !== "" && v.motivation === "") v.notes = CLASSIFIED_NOTES;
    }
    this.done = rows.length;
  }

  /** A merged client whose notes are a row's that went: that row's classification, unless its motivation column decides. */
  private merged(client: Client, classify: ClassifyClient): Segment {
    const a = this.work;
    for (const r of client.rows) {
      const notes = this.rows[r]!.values.notes;
      if (notes === "") continue;
      // The first row with notes gave the client its notes (`mergeClients`): it went, so it was classified.
      const code = a.codes[r]!;
      if (notes !== CLASSIFIED_NOTES || code === 0) break;
      return withNotesClassified(classify, client, { label: a.names[code - 1]!, reason: a.reasons[r]! });
    }
    throw new Error(`client ${client.id}: notes let go without the classification of the row they came from`);
  }
}
