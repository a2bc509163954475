// segments.csv writes the value and contacts segmenters' reasons (each mostly a client's own: a figure and its rank, a
// contact's name or mailbox) as they are, without the writer's cache of repeated texts; every cell must still be the
// reason the client was given, quoted as any other cell.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { Io } from "../../src/commands/options.js";
import { runPipeline } from "../../src/pipeline.js";
import { segmentsProducer } from "../../src/report/outputs.js";
import { ROOT, tempDir } from "../cli/helpers.js";

const io: Io = { stdout: () => {}, stderr: () => {}, isTTY: false };

function produced(producer: ReturnType<typeof segmentsProducer>): string {
  const chunks: Buffer[] = [];
  producer((c) => chunks.push(Buffer.from(c)), () => () => {});
  return Buffer.concat(chunks).toString("utf8").replace(/^\uFEFF/, "");
}

describe("segments.csv and the segmenters whose reasons are their clients' own", () => {
  it("writes every reason as the client was given it, own reasons included, on the demo export", async () => {
    const r = await runPipeline(join(ROOT, "fixtures/demo/bitrix24-companies.csv"), { map: [], seed: 0, quiet: true, asOf: "2026-11-01" }, io);
    const own = r.segments.filter((s) => s.ownReasons).map((s) => s.id);
    expect(own).toEqual(["value", "contacts"]);

    const records = parse(produced(segmentsProducer(r, ",")), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(r.rows.length);
    const distinct = new Set<string>();
    records.forEach((rec, i) => {
      const c = r.clientOfRow[i]!;
      expect(rec.client_id).toBe(r.rows[i]!.clientId);
      for (const s of r.segments) {
        expect(rec[s.id]).toBe(s.labels[c]);
        expect(rec[`${s.id}_reason`]).toBe(s.reasons[c]);
      }
      distinct.add(rec.value_reason!);
    });
    // The value reasons name each client's figure and rank: many distinct texts, which is why they skip the cache.
    expect(distinct.size).toBeGreaterThan(records.length / 8);
  });

  it("quotes an own reason that holds the delimiter and quote marks", async () => {
    // A contact's name goes into the contacts reason as the export wrote it.
    const dir = tempDir();
    const file = join(dir, "companies.csv");
    const lines = [
      "Название компании;Ответственный;Контакт;Должность контакта;E-mail контакта",
      'ООО "Альфа";Иван Петров;"Анна, ""Бета""";Директор;anna@alfa.ru',
      "ООО Гамма;Иван Петров;;;info@gamma.ru",
    ];
    writeFileSync(file, lines.join("\r\n") + "\r\n");
    const r = await runPipeline(file, { map: [], seed: 0, quiet: true, asOf: "2026-11-01" }, io);
    const contacts = r.segments.find((s) => s.id === "contacts")!;
    expect(contacts.ownReasons).toBe(true);
    const text = produced(segmentsProducer(r, ","));
    expect(text).toContain(',decision_maker,"ЛПР: «Директор» (Анна, ""Бета"")"\n');
    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(records.map((rec) => rec.contacts_reason)).toEqual(r.rows.map((_, i) => contacts.reasons[r.clientOfRow[i]!]));
    expect(records[0]!.contacts_reason).toBe('ЛПР: «Директор» (Анна, "Бета")');
    expect(records[1]!.contacts_reason).toBe("только общие ящики: info@gamma.ru");
  });
});
