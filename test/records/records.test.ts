// buildRecords on the edge-case exports: padding, extra fields, continuation rows, trailers, people's rows, client ids.
import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { readExport } from "../../src/io/read-csv.js";
import { buildRecords, cleanCell, recordRaw, totalsLabel } from "../../src/records.js";
import { nameKey } from "../../src/normalise/names.js";
import type { Field, Mapping, RawTable } from "../../src/types.js";

const edge = (name: string) => join(import.meta.dirname, "../../fixtures/edge", name);

/** A mapping built by hand from header names, as the mapping stage would. */
function mapping(header: string[], fields: Partial<Record<Field, string | string[]>>, extra: Partial<Mapping> = {}): Mapping {
  const col = (h: string) => {
    const i = header.indexOf(h);
    if (i < 0) throw new Error(`no header ${h}`);
    return i;
  };
  const columns: Partial<Record<Field, number[]>> = {};
  for (const [field, names] of Object.entries(fields)) columns[field as Field] = (Array.isArray(names) ? names : [names]).map(col);
  return { dialect: "generic", confidence: 1, columns, unmapped: [], lookupIds: [], tags: [], requisites: [], ...extra };
}

function table(header: string[], rows: string[][], delimiter = ","): RawTable {
  return { path: "t.csv", file: "t.csv", encoding: "utf-8", delimiter, header, headerLine: 1, titleLines: 0, records: rows.map((cells, i) => ({ line: i + 2, cells })) };
}

describe("Bitrix24 cp1251 with a requisite continuation row", async () => {
  const t = await readExport(edge("bitrix24-cp1251.csv"));
  const col = (h: string) => t.header.indexOf(h);
  const m = mapping(
    t.header,
    { id: "ID", name: "Название компании", phone: "Телефон", email: "E-mail", company_type: "Тип компании", owner: "Ответственный", created_at: "Дата создания", tax_id: "ИНН" },
    { dialect: "bitrix24", requisites: [col("ИНН"), col("КПП")] },
  );
  const r = buildRecords(t, m, "ru");

  it("pads the line-ending empty field and counts the continuation in no row", () => {
    expect(r.records.map((x) => x.clientId)).toEqual(["101", "102", "103"]);
    expect(r.rows).toBe(3);
    expect(r.rejects).toEqual([]);
    expect(r.hasIdColumn).toBe(true);
  });

  it("appends the second requisite's INN to the company above", () => {
    expect(recordRaw(r.records[0]!, m).tax_id).toEqual(["6671234567", "6671234567"]);
    expect(r.records[0]!.line).toBe(2);
  });

  it("splits a multi-phone cell and a multi-email cell", () => {
    expect(recordRaw(r.records[0]!, m).phone).toEqual(["+7 (343) 123-45-67", "+7 912 345-67-89"]);
    expect(recordRaw(r.records[2]!, m).email).toEqual(["sales@uralmash.ru", "zakaz@uralmash.ru"]);
    expect(recordRaw(r.records[1]!, m).email).toBeUndefined();
  });
});

describe("Odoo contacts: second tag row, apostrophes, individuals", async () => {
  const t = await readExport(edge("odoo-contacts.csv"));
  const col = (h: string) => t.header.indexOf(h);
  const m = mapping(
    t.header,
    { name: "Complete Name", email: "Email", phone: "Phone", owner: "Salesperson", city: "City", country: "Country", company_type: "Company Type" },
    {
      dialect: "odoo",
      tags: [col("Tags")],
      personType: { column: col("Company Type"), personValues: ["individual"], companyValues: ["company"] },
      person: { company: col("Related Company"), jobTitle: col("Job Position") },
    },
  );
  const r = buildRecords(t, m);

  it("gives the second tag to the record above", () => {
    expect(r.records[0]!.tags).toEqual(["Services", "Consulting"]);
  });

  it("strips the leading apostrophe before + - =", () => {
    expect(recordRaw(r.records[0]!, m).phone).toEqual(["+1 555 0100"]);
    expect(recordRaw(r.records[1]!, m).phone).toEqual(["-555 0120"]);
    expect(recordRaw(r.records[2]!, m).phone).toEqual(["=1+1"]);
  });

  it("makes an individual of a company in the file that company's contact", () => {
    const azure = r.records[0]!;
    expect(azure.contacts).toEqual([
      { line: 4, name: "Brandon Freeman", role: "Creative Director", phones: ["+1 555 0101"], emails: ["brandon.freeman55@example.com"] },
    ]);
    expect(r.contacts).toBe(1);
  });

  it("keeps an individual without a company as a client of its own", () => {
    expect(r.records.map((x) => recordRaw(x, m).name?.[0])).toEqual(["Azure Interior", "Deco Addict", "Lonely Freelancer"]);
    expect(r.records.map((x) => x.clientId)).toEqual(["L2", "L5", "L6"]);
    expect(r.hasIdColumn).toBe(false);
  });

  it("joins a person whose company is written in another form, and gives each company its name's key", () => {
    const header = ["Complete Name", "Company Type", "Related Company"];
    const tt = table(header, [
      ["Azure Interior LLC", "Company", ""],
      ["Azure Interior LLC, Brandon Freeman", "Individual", "Azure Interior LLC"],
      ["Deco Addict", "Company", ""],
      ["AZURE INTERIOR, llc, Nicole Ford", "Individual", "AZURE INTERIOR, llc"],
      ["Lonely Freelancer", "Individual", "Nowhere Ltd"],
    ]);
    const mm = mapping(header, { name: "Complete Name" }, {
      dialect: "odoo",
      personType: { column: 1, personValues: ["individual"], companyValues: ["company"] },
      person: { company: 2 },
    });
    const rr = buildRecords(tt, mm);
    expect(rr.records.map((x) => x.contacts.map((p) => p.name))).toEqual([["Brandon Freeman", "Nicole Ford"], [], []]);
    expect(rr.records.map((x) => [x.keyedName, x.nameKey])).toEqual([["Azure Interior LLC", nameKey("Azure Interior LLC")], ["Deco Addict", nameKey("Deco Addict")], ["", ""]]);
    expect(rr.contacts).toBe(2);
  });

  it("counts accepted + rejected + contacts", () => {
    expect(r.rows).toBe(4);
    expect(r.rows).toBe(r.records.length + r.rejects.length + r.contacts);
  });
});

describe("Salesforce report trailers", async () => {
  const t = await readExport(edge("salesforce-report.csv"));
  const m = mapping(t.header, { owner: "Account Owner", name: "Account Name", region: "Billing State/Province", status: "Type", id: "Account ID" }, { dialect: "salesforce" });
  const r = buildRecords(t, m);

  it("drops the three trailer lines", () => {
    expect(r.records.map((x) => recordRaw(x, m).name?.[0])).toEqual(["TreasuryPath", "Example Publishing", "Edge Communications"]);
    expect(r.rows).toBe(3);
    expect(r.rejects).toEqual([]);
  });

  it("would reject the same line before the end of the data", () => {
    const header = ["Account Owner", "Account Name", "Type"];
    const tt = table(header, [["Carolyn Philips", "TreasuryPath", "Prospect"], ["Grand Totals (3 records)", "", ""], ["Sarah Chen", "Globex", "Customer - Direct"]]);
    const rr = buildRecords(tt, mapping(header, { owner: "Account Owner", name: "Account Name", status: "Type" }));
    expect(rr.rejects).toEqual([{ line: 3, clientId: "L3", error: "a report's totals row (\"Grand Totals (3 records)\"), not a client", raw: "Grand Totals (3 records),," }]);
    expect(rr.rows).toBe(3);
  });

  it("keeps every record of a one-column file (no trailers without data records)", () => {
    const tt = table(["Company name"], [["Acme Corp"], ["Globex"]]);
    expect(buildRecords(tt, mapping(["Company name"], { name: "Company name" })).records).toHaveLength(2);
  });
});

describe("amoCRM people and companies", async () => {
  const t = await readExport(edge("amocrm-people.csv"));
  const col = (h: string) => t.header.indexOf(h);
  const m = mapping(
    t.header,
    { id: "ID", name: "Название компании", owner: "Ответственный", phone: ["Рабочий телефон", "Мобильный телефон"], email: "Рабочий email", contact_role: "Должность" },
    {
      dialect: "amocrm",
      tags: [col("Теги")],
      personType: { column: col("Тип"), personValues: ["контакт"], companyValues: ["компания"] },
      person: { fullName: col("Полное имя контакта"), firstName: col("Имя"), lastName: col("Фамилия") },
    },
  );
  const r = buildRecords(t, m, "ru");

  it("joins a contact whose company has the same name key (ООО \"Ромашка\" = Ромашка ООО)", () => {
    const romashka = r.records.find((x) => x.clientId === "5001")!;
    expect(romashka.contacts).toEqual([{ line: 3, name: "Петров Иван", role: "Директор", phones: ["+7 912 345-67-89"], emails: ["i.petrov@romashka.ru"] }]);
    expect(recordRaw(romashka, m).phone).toEqual(["+7 (343) 123-45-67", "+7 (343) 123-45-68"]);
    expect(romashka.tags).toEqual(["опт"]);
  });

  it("makes a contact with no company, or a company not in the file, a client named by the person", () => {
    expect(r.records.map((x) => [x.clientId, recordRaw(x, m).name?.[0]])).toEqual([
      ["5001", 'ООО "Ромашка"'],
      ["5003", "Анна Соколова"],
      ["5004", "Кузнецов Олег"],
      ["5005", "АО «Уралмаш»"],
    ]);
    expect(r.contacts).toBe(1);
    expect(r.rows).toBe(5);
  });

  it("makes a person whose company row is rejected a client of its own", () => {
    const header = ["ID", "Тип", "Полное имя контакта", "Название компании", "Телефон"];
    const tt = table(header, [
      ["1", "компания", "", "ООО Ромашка", "+7 343 000-00-00", "лишнее"],
      ["2", "контакт", "Петров Иван", "Ромашка", "+7 912 000-00-00"],
    ]);
    const mm = mapping(header, { id: "ID", name: "Название компании", phone: "Телефон" }, {
      personType: { column: 1, personValues: ["контакт"], companyValues: ["компания"] },
      person: { fullName: 2 },
    });
    const rr = buildRecords(tt, mm, "ru");
    expect(rr.rejects.map((x) => x.clientId)).toEqual(["1"]);
    expect(rr.rejects[0]!.error).toContain("лишнее");
    expect(rr.records.map((x) => recordRaw(x, mm).name)).toEqual([["Петров Иван"]]);
    expect(rr.contacts).toBe(0);
  });
});

describe("extra fields and short records", async () => {
  const t = await readExport(edge("extra-fields.csv"));
  const m = mapping(t.header, { id: "Id", name: "Name", phone: "Phone" });

  it("rejects a record with extra non-empty fields and pads the others", () => {
    for (const lang of ["en", "ru", "ro"] as const) {
      const r = buildRecords(t, m, lang);
      expect(r.records.map((x) => x.clientId)).toEqual(["1", "3", "4"]);
      expect(r.rejects).toHaveLength(1);
      expect(r.rejects[0]!.line).toBe(3);
      expect(r.rejects[0]!.clientId).toBe("2");
      expect(r.rejects[0]!.raw).toBe("2,Globex,+1 202 555 0102,oops,");
      expect(r.rejects[0]!.error).toContain("oops");
      expect(r.rows).toBe(4);
    }
    expect(buildRecords(t, m, "en").rejects[0]!.error).toBe('4 fields where the header has 3; the extra ones hold "oops"');
    expect(buildRecords(t, m, "ru").rejects[0]!.error).toMatch(/^4 полей/);
    expect(buildRecords(t, m, "ro").rejects[0]!.error).toMatch(/antetul are 3/);
  });

  it("treats a short record as padded", () => {
    const r = buildRecords(t, m);
    expect(recordRaw(r.records[2]!, m)).toEqual({ id: ["4"], name: ["Hooli"] });
  });
});

describe("client ids", async () => {
  const t = await readExport(edge("duplicate-ids.csv"));
  const m = mapping(t.header, { id: "Record ID", name: "Company name", phone: "Phone Number" }, { dialect: "hubspot" });
  const r = buildRecords(t, m, "en");

  it("suffixes every record of a repeated id, a rejected one's id counting too", () => {
    expect(r.records.map((x) => x.clientId)).toEqual(["200@L2", "201", "200@L4", "L5@L5", "L5@L6"]);
    expect(r.rejects.map((x) => [x.clientId, x.error])).toEqual([["202", "no company name"]]);
  });

  it("warns once per suffixed record, field id", () => {
    expect(r.warnings.map((w) => [w.line, w.clientId, w.field, w.value])).toEqual([
      [2, "200@L2", "id", "200"],
      [4, "200@L4", "id", "200"],
      [5, "L5@L5", "id", "L5"],
      [6, "L5@L6", "id", "L5"],
    ]);
    expect(r.warnings[0]!.problem).toBe("the id 200 names 2 records; this one is 200@L2");
    expect(buildRecords(t, m, "ru").warnings[0]!.problem).toContain("200@L2");
  });

  it("counts a repeat on a rejected record", () => {
    const header = ["ID", "Name"];
    const rr = buildRecords(table(header, [["7", ""], ["7", "Acme"]]), mapping(header, { id: "ID", name: "Name" }));
    expect(rr.rejects[0]!.clientId).toBe("7@L2");
    expect(rr.records[0]!.clientId).toBe("7@L3");
    // At the end, the same one-cell record is a trailer and repeats nothing.
    const tail = buildRecords(table(header, [["7", "Acme"], ["7", ""]]), mapping(header, { id: "ID", name: "Name" }));
    expect(tail.records[0]!.clientId).toBe("7");
    expect(tail.rows).toBe(1);
  });

  it("tells ids apart as written: 12, 012 and 12.0 are three ids, 12 twice is a repeat", () => {
    const header = ["ID", "Name"];
    const ids = ["12", "012", "12.0", "0", "00", "999999999", "1000000000", "12", "1000000000"];
    const rr = buildRecords(table(header, ids.map((id, i) => [id, `Firm ${i}`])), mapping(header, { id: "ID", name: "Name" }));
    expect(rr.records.map((x) => x.clientId)).toEqual(["12@L2", "012", "12.0", "0", "00", "999999999", "1000000000@L8", "12@L9", "1000000000@L10"]);
  });
});

describe("record rules on hand-made tables", () => {
  const header = ["ID", "Name", "Phone", "Email", "Tags", "KPP", "City"];
  const m = mapping(header, { id: "ID", name: "Name", phone: "Phone", email: "Email", city: "City" }, { tags: [4], requisites: [5] });

  it("rejects a report's totals rows as such, and keeps a company named Total", () => {
    const h = ["Name", "Owner", "Revenue", "City"];
    const mm = mapping(h, { name: "Name", owner: "Owner", revenue_won: "Revenue", city: "City" });
    const r = buildRecords(
      table(h, [
        ["Acme", "Bob", "1200", "Boston"],
        ["Итого по менеджеру Иванов", "", "1 234 567,89 ₽", ""],
        ["Total SA", "Ann", "500", "Paris"],
        ["Total", "Ann", "", "Courbevoie"],
        ["  Grand Total (3 records)", "", "$1,700.00", "3"],
        ["Total general:", "", "1.700,00 lei", ""],
      ]),
      mm,
      "ru",
    );
    expect(r.records.map((x) => x.line)).toEqual([2, 4, 5]);
    expect(r.rejects.map((x) => [x.line, x.error])).toEqual([
      [3, "итоговая строка отчёта («Итого по менеджеру Иванов»), а не клиент"],
      [6, "итоговая строка отчёта («Grand Total (3 records)»), а не клиент"],
      [7, "итоговая строка отчёта («Total general:»), а не клиент"],
    ]);
    expect(r.rows).toBe(6);
    expect(totalsLabel(["", "Всего:", "12", "4,5%"])).toBe("Всего:");
    expect(totalsLabel(["Итоговый отчёт", "12"])).toBe("");
    expect(totalsLabel(["Итого", "Иванов"])).toBe("");
  });

  it("drops all-empty records without counting them", () => {
    const r = buildRecords(table(header, [["1", "Acme", "", "", "", "", ""], ["", " ", "", "", "", "", ""], ["2", "Globex", "", "", "", "", "Austin"]]), m);
    expect(r.rows).toBe(2);
    expect(r.records.map((x) => x.line)).toEqual([2, 4]);
  });

  it("continues with phones, e-mails and tags but rejects a nameless row with other data", () => {
    const r = buildRecords(
      table(header, [
        ["1", "Acme", "+1 202 555 0101", "", "vip", "", "Boston"],
        ["", "", "+1 202 555 0199", "ops@acme.com;billing@acme.com", "wholesale, export", "", ""],
        ["", "", "", "", "", "", "Austin"],
        ["3", "Initech", "", "", "", "", "Austin"],
      ]),
      m,
    );
    expect(recordRaw(r.records[0]!, m).phone).toEqual(["+1 202 555 0101", "+1 202 555 0199"]);
    expect(recordRaw(r.records[0]!, m).email).toEqual(["ops@acme.com", "billing@acme.com"]);
    expect(r.records[0]!.tags).toEqual(["vip", "wholesale", "export"]);
    expect(r.rejects.map((x) => [x.line, x.clientId, x.error])).toEqual([[4, "L4", "no company name"]]);
    expect(r.rows).toBe(3);
  });

  it("rejects a nameless row with an id, and a continuation with nothing above", () => {
    const r = buildRecords(table(header, [["", "", "+1 202 555 0101", "", "", "", ""], ["9", "", "", "", "", "", ""]]), m, "ro");
    expect(r.rejects.map((x) => [x.line, x.clientId, x.error])).toEqual([
      [2, "L2", "lipsește denumirea companiei"],
      [3, "9", "lipsește denumirea companiei"],
    ]);
  });

  it("takes a lone requisite at the very end as a continuation, not a trailer", () => {
    const r = buildRecords(table(header, [["1", "Acme", "+1 202 555 0101", "", "", "", "Boston"], ["", "", "", "", "", "667102002", ""], ["Grand Totals (1 record)", "", "", "", "", "", ""]]), m);
    expect(r.rows).toBe(1);
    expect(r.rejects).toEqual([]);
  });

  it("keeps phones split only on a separator followed by a space", () => {
    const r = buildRecords(table(header, [["1", "Acme", "+7 (343) 123-45-67, '+7 912 345-67-89; 8 800 555,35,35", "", "", "", ""]]), m);
    expect(recordRaw(r.records[0]!, m).phone).toEqual(["+7 (343) 123-45-67", "+7 912 345-67-89", "8 800 555,35,35"]);
  });

  it("gives several columns of a field their values in column order", () => {
    const h = ["Name", "Мобильный телефон", "Рабочий телефон"];
    const mm = mapping(h, { name: "Name", phone: ["Рабочий телефон", "Мобильный телефон"] });
    mm.columns.phone = [1, 2];
    const r = buildRecords(table(h, [["Ромашка", "+7 912 000-00-01", "+7 343 000-00-02"]]), mm);
    expect(recordRaw(r.records[0]!, mm).phone).toEqual(["+7 912 000-00-01", "+7 343 000-00-02"]);
  });

  it("ignores lookup id columns", () => {
    const h = ["Account Owner.id", "Account Owner", "Account Name"];
    const mm = mapping(h, { owner: "Account Owner", name: "Account Name" }, { lookupIds: [0] });
    const r = buildRecords(table(h, [["zcrm_4876876000000111", "Sarah Chen", "Acme Corp"]]), mm);
    expect(recordRaw(r.records[0]!, mm)).toEqual({ owner: ["Sarah Chen"], name: ["Acme Corp"] });
  });
});

describe("cleanCell", () => {
  it("strips whitespace and one apostrophe before + - =", () => {
    expect(cleanCell("  '+1 555 0100 ")).toBe("+1 555 0100");
    expect(cleanCell("'-5")).toBe("-5");
    expect(cleanCell("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(cleanCell("'quoted'")).toBe("'quoted'");
    expect(cleanCell("\u00a0Ромашка\u00a0")).toBe("Ромашка");
    expect(cleanCell(undefined)).toBe("");
  });
});

describe("requisite columns the mapping did not list", () => {
  it("still lets a КПП-only row continue the company above", () => {
    const header = ["ID", "Название компании", "ИНН", "КПП", "БИК", ""];
    const t = table(header, [["101", 'ООО "Ромашка"', "6671234567", "667101001", "046577674", ""], ["", "", "6671234567", "667102002", "", ""], ["", "", "", "", "", ""], ["102", "ИП Петров", "", "", "", ""]], ";");
    const m = mapping(header, { id: "ID", name: "Название компании", tax_id: "ИНН" });
    const r = buildRecords(t, m);
    expect(r.rejects).toEqual([]);
    expect(r.rows).toBe(2);
    expect(recordRaw(r.records[0]!, m).tax_id).toEqual(["6671234567", "6671234567"]);
  });
});
