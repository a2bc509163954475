// Survivorship: merged clients add up purchases, keep the earliest created_at, union contacts.
import { describe, expect, it } from "vitest";
import { addDecimals, mergeClients } from "../../src/dedupe/merge.js";
import type { DuplicateGroup } from "../../src/types.js";
import { makeRow } from "./rows.js";

describe("mergeClients", () => {
  const rows = [
    makeRow(0, "101", { name: 'ООО "Ромашка"', deals_won: "2", revenue_won: "150000.50", activity_count: "3", created_at: "2023-05-10", last_activity_at: "2025-01-10", city: "", phones: ["+7 495 123-45-67"], owner: "Иванов Сергей" }),
    makeRow(1, "205", { name: "Вектор", city: "Казань", created_at: "2024-01-01" }),
    makeRow(2, "102", { name: "Ромашка", deals_won: "1", revenue_won: "0.25", created_at: "2021-02-03", last_activity_at: "2025-06-01", last_purchase_at: "2024-12-31", city: "Москва", email: "info@romashka.ru", phones: ["8 495 1234567", "+7 495 765-43-21"], owner: "Петрова Анна" }),
    makeRow(3, "300", { name: "Альфа" }),
  ];
  // Survivor order: row 2 has more filled fields than row 0.
  const groups: DuplicateGroup[] = [{ id: "G102", members: [{ row: 2, score: 1, evidence: "" }, { row: 0, score: 0.97, evidence: "name=1.000|phone=1.000" }] }];

  it("orders clients by their first row and maps every row to its client", () => {
    const { clients, clientOfRow } = mergeClients(rows, groups);
    expect(clients.map((c) => c.id)).toEqual(["102", "205", "300"]);
    expect(clients.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(clientOfRow).toEqual([0, 1, 0, 2]);
    expect(clients[0]!.rows).toEqual([2, 0]);
    expect(clients[0]!.group).toBe("G102");
    expect(clients[1]!.group).toBe("");
  });

  it("adds purchases and activities, takes the earliest created_at and the latest other dates", () => {
    const v = mergeClients(rows, groups).clients[0]!.values;
    expect(v.deals_won).toBe("3");
    expect(v.revenue_won).toBe("150000.75");
    expect(v.activity_count).toBe("3");
    expect(v.created_at).toBe("2021-02-03");
    expect(v.last_activity_at).toBe("2025-06-01");
    expect(v.last_purchase_at).toBe("2024-12-31");
  });

  it("takes other fields from the first non-empty row in survivor order and unions phones and e-mails", () => {
    const c = mergeClients(rows, groups).clients[0]!;
    expect(c.values.name).toBe("Ромашка");
    expect(c.values.owner).toBe("Петрова Анна");
    expect(c.values.city).toBe("Москва");
    expect(c.phones).toEqual(["+74951234567", "+74957654321"]);
    expect(c.emails).toEqual(["info@romashka.ru"]);
  });

  it("adds decimals exactly", () => {
    expect(addDecimals(["0.1", "0.2"])).toBe("0.3");
    expect(addDecimals(["1234567.89", "10", "-0.89"])).toBe("1234577");
  });
});
