// A placeholder company that thousands of people's rows join (`Частные лица`) carries all their phones and e-mails:
// the matcher reads at most MAX_VALUES of each, so every pair it is in stays cheap, and the other rows match as before.
import { describe, expect, it } from "vitest";
import { buildFeatures, MAX_VALUES } from "../../src/dedupe/features.js";
import { findDuplicates } from "../../src/dedupe/index.js";
import type { Row } from "../../src/types.js";
import { makeRow } from "./rows.js";

function base(people: number): Row[] {
  const phones = Array.from({ length: people }, (_, i) => `+7 916 ${String(1_000_000 + i).slice(1, 4)}-${String(i % 100).padStart(2, "0")}-${String((i / 100) % 100 | 0).padStart(2, "0")}`);
  const emails = Array.from({ length: people }, (_, i) => `person${i}@mail.ru`);
  const rows: Row[] = [makeRow(0, "1", { name: "Частные лица", phones, emails })];
  // Companies, each entered twice (same phone, the name spelt two ways), and one whose phone is a person's.
  for (let k = 0; k < 40; k++) {
    const phone = `+7 495 ${String(200 + k)}-10-${String(10 + k)}`;
    rows.push(makeRow(rows.length, String(rows.length + 1), { name: `ООО "Завод ${k} Прогресс"`, phone, city: "Москва" }));
    rows.push(makeRow(rows.length, String(rows.length + 1), { name: `Завод ${k} Прогресс ООО`, phone, city: "Москва" }));
  }
  rows.push(makeRow(rows.length, String(rows.length + 1), { name: "ИП Сидоров", phone: phones[people - 1]! }));
  return rows;
}

describe("a placeholder company with thousands of people", () => {
  it("gives the matcher at most MAX_VALUES phones and e-mails of a row, every value a company of its own has", () => {
    const rows = base(5_000);
    expect(rows[0]!.phones).toHaveLength(5_000);
    const t = buildFeatures(rows);
    expect(t.phoneStart[1]! - t.phoneStart[0]!).toBe(MAX_VALUES);
    expect(t.emailStart[1]! - t.emailStart[0]!).toBe(MAX_VALUES);
    expect(t.phoneStart[2]! - t.phoneStart[1]!).toBe(1);
  });

  it("leaves the other rows' groups as they are without it", () => {
    const rows = base(5_000);
    const groups = (list: Row[]) => findDuplicates(list, { seed: 0 }).map((g) => g.members.map((m) => list[m.row]!.clientId).sort().join(",")).sort();
    const without = rows.slice(1).map((r, i) => ({ ...r, index: i }));
    expect(groups(rows)).toEqual(groups(without));
    expect(groups(rows)).toHaveLength(40);
  });
});
