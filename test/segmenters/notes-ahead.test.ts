// `run` classifies each row's notes as the rows are read and lets the text go (NotesAhead): the segments must be
// exactly those of a run that keeps the notes, merged clients included.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Io } from "../../src/commands/options.js";
import { analyse, prepare, runPipeline, type Prepared } from "../../src/pipeline.js";
import motivation, { withNotesClassified } from "../../src/segmenters/motivation.js";
import { CLASSIFIED_NOTES } from "../../src/segmenters/notes-ahead.js";
import { makeClient } from "../../src/segmenters/tester.js";
import type { Client } from "../../src/types.js";

const io: Io = { stdout: () => {}, stderr: () => {}, isTTY: false };

const NOTES = [
  "",
  "Главное — цена, просят скидку на объём",
  "Ценят сервис и быструю доставку запчастей",
  "Цена не главное, важнее качество",
  "Звонили директору, обсуждали планы на следующий год",
  "Не цена, а надёжность оборудования",
  "Доверяют нам, давние личные отношения",
  "Сроки поставки сорвали конкуренты; нужен ремонт по гарантии",
];
/** The motivation column: mostly empty, a value with a label, one without. */
const MOTIVES = ["", "", "", "Цена", "Неизвестно", "Качество"];

/** A valid 10-digit INN from 9 digits. */
function inn(body: number): string {
  const d = String(100000000 + body).slice(-9).split("").map(Number);
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  return d.join("") + String((d.reduce((s, x, i) => s + x * w[i]!, 0) % 11) % 10);
}

/**
 * The motivation values and notes of a company entered several times, one pair per row: the first filled motivation
 * value and the first notes are the merged client's, possibly from different rows.
 */
const GROUPS: Array<Array<[string, string]>> = [
  [["Цена", ""], ["", "n"]], // a motivation value with a label decides over notes that went
  [["Неизвестно", ""], ["", "n"]], // one without a label leaves it to the notes
  [["", ""], ["", "n"], ["Качество", "n"]], // none: the notes of the first row with notes
  [["", "n"], ["", "n"]],
  [["Качество", "n"], ["", "n"]], // the row with a motivation value keeps its notes
];

/**
 * A Bitrix24-style export of 120 companies, a third of them entered two or three times (the same INN and phone, the
 * name in another legal form) as GROUPS lays out; "n" is a note from NOTES, and single rows draw both from the lists.
 */
function exportFile(dir: string): string {
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), (seed >>> 12) % n);
  const note = () => NOTES[1 + next(NOTES.length - 1)]!;
  const lines = ["ID;Название компании;ИНН;Рабочий телефон;Ответственный;Мотивация;Комментарий"];
  let id = 1;
  for (let k = 0; k < 120; k++) {
    const rows: Array<[string, string]> = k % 3 === 0 ? GROUPS[(k / 3) % GROUPS.length]!.map(([m, n]) => [m, n && note()]) : [[MOTIVES[next(MOTIVES.length)]!, NOTES[next(NOTES.length)]!]];
    rows.forEach(([motive, notes], c) => {
      const name = c === 0 ? `ООО «Техмаш-${k}»` : `Техмаш-${k} ООО`;
      const phone = `+7 (495) ${200 + k}-${String(10 + (k % 90))}-${String(10 + ((k * 7) % 90))}`;
      lines.push([id++, name, inn(1000 + k), phone, ["Иван Петров", "Мария Соколова"][k % 2], motive, notes].join(";"));
    });
  }
  const file = join(dir, "companies.csv");
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

const opts = (config?: string) => ({ map: [], seed: 0, json: false, quiet: true, color: false, debug: false, asOf: "2026-11-01", config });

describe("notes classified as they are read", () => {
  let dir: string;
  let file: string;
  const env = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "segment-notes-"));
    file = exportFile(dir);
    // Read in chunks, as a large export is: rows come a batch at a time.
    process.env.SEGMENT_CHUNK_BYTES = "2048";
  });
  afterEach(() => {
    process.env = { ...env };
  });

  it.each([
    ["with the matcher's thread", "1"],
    ["without it", "0"],
  ])("%s: the notes go as read, and every client gets the motivation it gets from the text", async (_name, thread) => {
    process.env.SEGMENT_MATCH_THREAD = thread;
    const released = await prepare(file, opts(), io, { ahead: true, release: true });
    const rowsWith = (p: Prepared, pred: (notes: string, motive: string) => boolean) => p.rows.filter((r) => pred(r.values.notes, r.values.motivation)).length;
    // A row with notes and no motivation value lets them go; one with a motivation value keeps them.
    expect(rowsWith(released, (n) => n === CLASSIFIED_NOTES)).toBeGreaterThan(60);
    expect(rowsWith(released, (n, m) => n !== "" && m !== "")).toBeGreaterThan(5);
    expect(rowsWith(released, (n, m) => n === CLASSIFIED_NOTES && m !== "")).toBe(0);
    expect(rowsWith(released, (n, m) => n !== "" && n !== CLASSIFIED_NOTES && m === "")).toBe(0);

    // The merged clients this file must have for the test to mean anything: notes from a row that let them go, and
    // a motivation value that decides (with a label), one that does not, and none.
    const merged = released.clients.filter((c) => c.rows.length > 1 && c.values.notes === CLASSIFIED_NOTES);
    expect(merged.some((c) => c.values.motivation === "Цена")).toBe(true);
    expect(merged.some((c) => c.values.motivation === "Неизвестно")).toBe(true);
    expect(merged.some((c) => c.values.motivation === "")).toBe(true);

    const kept = await prepare(file, opts(), io, { ahead: true });
    expect(rowsWith(kept, (n) => n === CLASSIFIED_NOTES)).toBe(0);
    const a = await analyse(released, true);
    const b = await analyse(kept, false);
    expect(a.segments).toEqual(b.segments);
    expect(a.segments.find((s) => s.id === "motivation")!.labels).toContain("price");
  });

  it("keeps the notes where a rule reads them, and where the run does not let data go", async () => {
    const config = join(dir, "segment.config.json");
    writeFileSync(config, JSON.stringify({ rules: [{ segmenter: "price_talk", label: "yes", when: { notes: { contains: "цен" } } }] }));
    const withRule = await prepare(file, opts(config), io, { ahead: true, release: true });
    expect(withRule.rows.some((r) => r.values.notes === CLASSIFIED_NOTES)).toBe(false);
    const kept = await runPipeline(file, opts(config), io, false);
    const released = await runPipeline(file, opts(config), io, true);
    expect(released.segments).toEqual(kept.segments);
    expect(released.segments.find((s) => s.id === "price_talk")!.labels).toContain("yes");
  });
});

describe("withNotesClassified", () => {
  const classify = motivation.create(motivation.options.parse({}), { clients: [], asOf: "2026-11-01", lang: "ru", dialect: "generic", mapped: new Set(), territories: {}, defaultCountry: "RU" });
  const words = ["цена", "не", "скидку", "сервис", "качество", "а", "доставка", "звонили", "директору", "но", "важно", ",", "."];
  const text = fc.array(fc.constantFrom(...words), { maxLength: 12 }).map((w) => w.join(" "));
  const motive = fc.constantFrom("", "Цена", "цена и сервис", "не цена", "Неизвестно", "качество, не доставка");

  it("gives what the motivation column and the notes' text give together", () => {
    fc.assert(
      fc.property(motive, text.filter((t) => t.trim() !== ""), (m, notes) => {
        const whole: Client = makeClient("c1", { name: "ООО Техмаш", motivation: m, notes });
        const notesAlone = classify(makeClient("c1", { name: "ООО Техмаш", notes }));
        const released: Client = makeClient("c1", { name: "ООО Техмаш", motivation: m, notes: CLASSIFIED_NOTES });
        expect(withNotesClassified(classify, released, notesAlone)).toEqual(classify(whole));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});
