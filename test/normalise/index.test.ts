import { describe, it, expect } from "vitest";
import { inferDefaultCountry, normaliseRecords, Normaliser } from "../../src/normalise/index.js";
import { buildRecords } from "../../src/records.js";
import type { AcceptedRecord, Dialect, Mapping, RecordsResult } from "../../src/types.js";

function mapping(dialect: Dialect): Mapping {
  return { dialect, confidence: 1, columns: {}, unmapped: [], lookupIds: [], tags: [], requisites: [] };
}

function result(records: AcceptedRecord[]): RecordsResult {
  return { records, rejects: [], warnings: [], contacts: 0, rows: records.length, hasIdColumn: true };
}

const bitrix: AcceptedRecord[] = [
  {
    line: 2,
    clientId: "101",
    cells: [], raw: {
      id: ["101"],
      name: ['Общество с ограниченной ответственностью "Ромашка"'],
      tax_id: ["ИНН 6658021032"],
      phone: ["8 (343) 123-45-67", "+7 912 345-67-89"],
      email: ["Info@Romashka.RU", "director@mail.ru"],
      website: ["https://www.romashka.ru/"],
      created_at: ["25.04.2025 14:33:12"],
      annual_revenue: ["1 234 567,89 ₽"],
      employees: ["50-250"],
      country: ["Россия"],
      owner: ["Иванов Сергей"],
    },
    contacts: [{ line: 3, name: "Петров  Иван", role: "Директор", phones: ["8 912 000-11-22", "12"], emails: ["I.Petrov@romashka-group.ru"] }],
    tags: ["VIP", "VIP", "опт"],
  },
  {
    line: 4,
    clientId: "102",
    cells: [], raw: {
      name: ["ЗАО «Ёлка»"],
      tax_id: ["7707083894"],
      phone: ["нет"],
      email: ["zakaz@"],
      created_at: ["31.02.2025"],
      annual_revenue: ["150000.00"],
      last_activity_at: ["13.05.2025"],
    },
    contacts: [],
    tags: [],
  },
  {
    line: 5,
    clientId: "103",
    cells: [], raw: { name: ["ИП Сидоров"], tax_id: ["7707083893"], annual_revenue: ["2 500,5"], employees: ["более 500"] },
    contacts: [],
    tags: [],
  },
];

describe("normaliseRecords", () => {
  const out = normaliseRecords(result(bitrix), { mapping: mapping("bitrix24"), lang: "ru" });

  it("takes a name's match key from its record only when the record's key is of that very name", () => {
    const rec = (name: string, keyedName: string, key: string): AcceptedRecord => ({ line: 2, clientId: "1", cells: [], raw: { name: [name] }, contacts: [], tags: [], keyedName, nameKey: key });
    const rows = normaliseRecords(result([rec("Globex LLC", "Acme Inc.", "acme"), rec("Acme Inc.", "Acme Inc.", "acme"), rec("Initech", "", "")]), { mapping: mapping("generic"), lang: "en" }).rows;
    expect(rows.map((r) => r.nameKey)).toEqual(["globex", "acme", "initech"]);
  });

  it("infers Russia and builds one row per record with normalised values", () => {
    expect(out.defaultCountry).toBe("RU");
    expect(out.rows).toHaveLength(3);
    const r = out.rows[0]!;
    expect(r.index).toBe(0);
    expect(r.line).toBe(2);
    expect(r.clientId).toBe("101");
    expect(r.values.name).toBe('ООО "Ромашка"');
    expect(r.nameKey).toBe("romashka");
    expect(r.values.tax_id).toBe("6658021032");
    expect(r.values.phone).toBe("+73431234567");
    expect(r.values.email).toBe("info@romashka.ru");
    expect(r.values.website).toBe("https://www.romashka.ru/");
    expect(r.values.created_at).toBe("2025-04-25");
    expect(r.values.annual_revenue).toBe("1234567.89");
    expect(r.values.employees).toBe("50");
    expect(r.values.country).toBe("RU");
    expect(r.values.owner).toBe("Иванов Сергей");
    expect(r.values.notes).toBe("");
    expect(Object.keys(r.values)).toHaveLength(30);
  });

  it("collects every phone, e-mail and company domain, the contacts' included", () => {
    const r = out.rows[0]!;
    expect(r.phones).toEqual(["+73431234567", "+79123456789", "+79120001122"]);
    expect(r.emails).toEqual(["info@romashka.ru", "director@mail.ru", "i.petrov@romashka-group.ru"]);
    expect(r.domains).toEqual(["romashka.ru", "romashka-group.ru"]);
    expect(r.contacts).toEqual([{ line: 3, name: "Петров Иван", role: "Директор", phones: ["+79120001122"], emails: ["i.petrov@romashka-group.ru"] }]);
    expect(r.tags).toEqual(["VIP", "опт"]);
  });

  it("blanks bad values and warns in the run's language, on the right line", () => {
    const r = out.rows[1]!;
    expect(r.values.tax_id).toBe("");
    expect(r.values.phone).toBe("");
    expect(r.values.email).toBe("");
    expect(r.values.created_at).toBe("");
    expect(r.values.last_activity_at).toBe("2025-05-13");
    const w = out.warnings.filter((x) => x.clientId === "102");
    expect(w.map((x) => x.field).sort()).toEqual(["annual_revenue", "created_at", "email", "phone", "tax_id"]);
    const tax = w.find((x) => x.field === "tax_id")!;
    expect(tax).toMatchObject({ line: 4, value: "7707083894" });
    expect(tax.problem).toMatch(/недействительный ИНН/);
    const contactPhone = out.warnings.find((x) => x.field === "contact_phone")!;
    expect(contactPhone).toMatchObject({ line: 3, clientId: "101", value: "12" });
  });

  it("keeps a number without its area code for the matcher only: after the full numbers, out of the field, warned as local", () => {
    const records: AcceptedRecord[] = [
      { line: 2, clientId: "1", cells: [], raw: { name: ["Acme"], phone: ["386-5286", "(312) 555-2671", "12", "386 5286"] }, contacts: [{ line: 3, name: "Jo Doe", role: "", phones: ["555-0199"], emails: [] }], tags: [] },
      { line: 4, clientId: "2", cells: [], raw: { name: ["Beta"], phone: ["555-0120"] }, contacts: [], tags: [] },
    ];
    const n = normaliseRecords(result(records), { mapping: mapping("generic"), lang: "en", defaultCountry: "US" });
    expect(n.rows[0]!.values.phone).toBe("+13125552671");
    expect(n.rows[0]!.phones).toEqual(["+13125552671", "3865286", "5550199"]);
    expect(n.rows[0]!.contacts[0]!.phones).toEqual([]);
    expect(n.rows[1]!.values.phone).toBe("");
    expect(n.rows[1]!.phones).toEqual(["5550120"]);
    expect(n.warnings.map((w) => `${w.line} ${w.field} ${w.value}: ${w.problem}`)).toEqual([
      "2 phone 386-5286: a local number without its area code: used to find duplicates only",
      "2 phone 12: not a valid phone number",
      "2 phone 386 5286: a local number without its area code: used to find duplicates only",
      "3 contact_phone 555-0199: a local number without its area code: used to find duplicates only",
      "4 phone 555-0120: a local number without its area code: used to find duplicates only",
    ]);
    const ru = normaliseRecords(result([{ line: 2, clientId: "1", cells: [], raw: { name: ["Ромашка"], phone: ["234-61-78"] }, contacts: [], tags: [] }]), { mapping: mapping("bitrix24"), lang: "ru", defaultCountry: "RU" });
    expect(ru.warnings[0]!.problem).toBe("местный номер без кода города: используется только для поиска дублей");
  });

  it("says a phone or a tax id lost to a spreadsheet's scientific notation is that, not a mistyped number", () => {
    const records: AcceptedRecord[] = [
      { line: 2, clientId: "1", cells: [], raw: { name: ["Ромашка"], phone: ["7,34312E+10"], tax_id: ["6,65802E+09"] }, contacts: [{ line: 3, name: "Иван", role: "", phones: ["7.91234E+10"], emails: [] }], tags: [] },
      { line: 4, clientId: "2", cells: [], raw: { name: ["Вектор"], phone: ["12"], tax_id: ["123"] }, contacts: [], tags: [] },
    ];
    const n = normaliseRecords(result(records), { mapping: mapping("bitrix24"), lang: "ru", defaultCountry: "RU" });
    const sci = "табличный редактор записал число в экспоненциальной форме и округлил его; сохраняйте столбец как текст";
    expect(n.warnings.map((w) => [w.line, w.field, w.problem === sci])).toEqual([
      [2, "tax_id", true], [2, "phone", true], [3, "contact_phone", true], [4, "tax_id", false], [4, "phone", false],
    ]);
    expect(n.rows[0]!.values.phone).toBe("");
    expect(n.rows[0]!.values.tax_id).toBe("");
  });

  it("settles the revenue column's decimal mark over all its values", () => {
    // `1 234 567,89` and `2 500,5` say comma; `150000.00` says dot and contradicts the column.
    expect(out.rows[2]!.values.annual_revenue).toBe("2500.5");
    expect(out.rows[1]!.values.annual_revenue).toBe("");
    const w = out.warnings.find((x) => x.clientId === "102" && x.field === "annual_revenue")!;
    expect(w.value).toBe("150000.00");
    expect(w.problem).toContain("«,»");
  });

  it("settles a column of mostly distinct amounts (no longer interned past 20,000 values) as it settles a small one", () => {
    // 30,000 companies with their own revenue each, written with a decimal comma, a few repeated and a few bad:
    // the column is voted comma over every value, repeated values parse alike, bad ones warn on their own line.
    const n = 30_000;
    const revenue = (i: number) => (i % 1000 === 7 ? "много" : i % 10 === 3 ? "1 000,50" : `${(100_000 + i).toLocaleString("ru-RU")},${String(i % 100).padStart(2, "0")}`);
    const records: AcceptedRecord[] = Array.from({ length: n }, (_, i) => ({
      line: i + 2, clientId: String(i + 1), cells: [], raw: { name: [`ООО «Компания ${i}»`], annual_revenue: [revenue(i)], created_at: [`${String((i % 28) + 1).padStart(2, "0")}.03.2024 10:00:00`] }, contacts: [], tags: [],
    }));
    const big = normaliseRecords(result(records), { mapping: mapping("bitrix24"), lang: "ru" });
    expect(big.rows).toHaveLength(n);
    for (let i = 0; i < n; i++) {
      const want = i % 1000 === 7 ? "" : i % 10 === 3 ? "1000.5" : `${100_000 + i}.${String(i % 100).padStart(2, "0")}`.replace(/\.?0+$/, "").replace(/\.$/, "");
      if (big.rows[i]!.values.annual_revenue !== want) expect(big.rows[i]!.values.annual_revenue, `row ${i}: ${revenue(i)}`).toBe(want);
      expect(big.rows[i]!.values.created_at).toBe(`2024-03-${String((i % 28) + 1).padStart(2, "0")}`);
    }
    const bad = big.warnings.filter((w) => w.field === "annual_revenue");
    expect(bad.map((w) => w.line)).toEqual(Array.from({ length: n / 1000 }, (_, k) => k * 1000 + 7 + 2));
    expect(bad.every((w) => w.value === "много" && w.problem.includes("«,»"))).toBe(true);
  });
});

describe("default country and languages", () => {
  const ro: AcceptedRecord[] = [
    { line: 2, clientId: "L2", cells: [], raw: { name: ["S.C. Alfa Construct S.R.L."], phone: ["0722 123 456"], tax_id: ["RO 14399840"], created_at: ["01/02/2025"], revenue_won: ["12.500,50 lei"] }, contacts: [], tags: [] },
    { line: 3, clientId: "L3", cells: [], raw: { name: ["Țesătoria Mărgineni SA"], phone: ["0264 123456"], tax_id: ["14399841"], created_at: ["13/02/2025"] }, contacts: [], tags: [] },
  ];
  it("infers Romania, reads day-first dates settled by the column, warns in Romanian", () => {
    const out = normaliseRecords(result(ro), { mapping: mapping("generic"), lang: "ro", headerLang: "en" });
    expect(out.defaultCountry).toBe("RO");
    expect(out.rows[0]!.values.phone).toBe("+40722123456");
    expect(out.rows[0]!.values.tax_id).toBe("14399840");
    expect(out.rows[0]!.values.created_at).toBe("2025-02-01");
    expect(out.rows[0]!.values.revenue_won).toBe("12500.5");
    expect(out.rows[0]!.nameKey).toBe("alfa construct");
    expect(out.rows[1]!.values.tax_id).toBe("");
    expect(out.warnings).toEqual([{ line: 3, clientId: "L3", field: "tax_id", value: "14399841", problem: "cod fiscal invalid: cifra de control a CUI nu corespunde" }]);
  });
  it("takes the given default country, and the header language when nothing tells", () => {
    const plain: AcceptedRecord[] = [{ line: 2, clientId: "L2", cells: [], raw: { name: ["Acme"], phone: ["555 2671"], created_at: ["01/02/2025"] }, contacts: [], tags: [] }];
    expect(normaliseRecords(result(plain), { mapping: mapping("generic"), lang: "en", defaultCountry: "Russia" }).defaultCountry).toBe("RU");
    expect(inferDefaultCountry(plain, "en")).toBe("US");
    expect(inferDefaultCountry(plain, "ru")).toBe("RU");
    // HubSpot's habit: month first
    expect(normaliseRecords(result(plain), { mapping: mapping("hubspot"), lang: "ru" }).rows[0]!.values.created_at).toBe("2025-01-02");
    // no habit, English headers: month first
    expect(normaliseRecords(result(plain), { mapping: mapping("generic"), lang: "en" }).rows[0]!.values.created_at).toBe("2025-01-02");
  });
  it("warns in English with the column's day order", () => {
    const us: AcceptedRecord[] = [
      { line: 2, clientId: "1", cells: [], raw: { name: ["Acme Inc."], created_at: ["1/12/2026 3:45 PM"], phone: ["(415) 555-2671"] }, contacts: [], tags: [] },
      { line: 3, clientId: "2", cells: [], raw: { name: ["Globex LLC"], created_at: ["13/01/2026"] }, contacts: [], tags: [] },
      { line: 4, clientId: "3", cells: [], raw: { name: ["Initech"], created_at: ["1/31/2026"] }, contacts: [], tags: [] },
      { line: 5, clientId: "4", cells: [], raw: { name: ["Umbrella"], created_at: ["2/28/2026"] }, contacts: [], tags: [] },
    ];
    const out = normaliseRecords(result(us), { mapping: mapping("salesforce"), lang: "en" });
    expect(out.defaultCountry).toBe("US");
    expect(out.rows.map((r) => r.values.created_at)).toEqual(["2026-01-12", "", "2026-01-31", "2026-02-28"]);
    expect(out.warnings).toEqual([{ line: 3, clientId: "2", field: "created_at", value: "13/01/2026", problem: "not a valid date (this column reads dates as month/day/year)" }]);
  });
});

describe("records read through the mapping", () => {
  // The same Bitrix24 company as cells of a table (with a requisite continuation row and a two-phone cell) and as lists of its own.
  const header = ["ID", "Название компании", "Телефон", "E-mail", "Сайт", "ИНН", "Дата создания", "Годовой оборот", "Кол-во сотрудников", ""];
  const columns = { id: [0], name: [1], phone: [2], email: [3], website: [4], tax_id: [5], created_at: [6], annual_revenue: [7], employees: [8] };
  const m: Mapping = { ...mapping("bitrix24"), columns };
  const table = {
    path: "b.csv", file: "b.csv", encoding: "windows-1251", delimiter: ";", header, headerLine: 1, titleLines: 0,
    records: [
      { line: 2, cells: ["101", ' ООО "Ромашка" ', "8 (343) 123-45-67, '+7 912 345-67-89", "Info@Romashka.RU", "www.romashka.ru", "6658021032", "25.04.2025 14:33:12", "1 234 567,89", "50-250", ""] },
      { line: 3, cells: ["", "", "+7 (343) 765-43-21", "zakaz@romashka.ru; buh@romashka.ru", "", "6658021032", "", "", "", ""] },
      { line: 4, cells: ["102", "ЗАО «Ёлка»", "", "", "", "", "31.02.2025", "150000,00", "более 500", ""] },
    ],
  };
  const viaCells = normaliseRecords(buildRecords(table, m, "ru"), { mapping: m, lang: "ru" });
  const viaLists = normaliseRecords(
    result([
      { line: 2, clientId: "101", cells: [], raw: { id: ["101"], name: ['ООО "Ромашка"'], phone: ["8 (343) 123-45-67", "+7 912 345-67-89", "+7 (343) 765-43-21"], email: ["Info@Romashka.RU", "zakaz@romashka.ru", "buh@romashka.ru"], website: ["www.romashka.ru"], tax_id: ["6658021032", "6658021032"], created_at: ["25.04.2025 14:33:12"], annual_revenue: ["1 234 567,89"], employees: ["50-250"] }, contacts: [], tags: [] },
      { line: 4, clientId: "102", cells: [], raw: { id: ["102"], name: ["ЗАО «Ёлка»"], created_at: ["31.02.2025"], annual_revenue: ["150000,00"], employees: ["более 500"] }, contacts: [], tags: [] },
    ]),
    { mapping: mapping("bitrix24"), lang: "ru" },
  );

  it("gives the rows and warnings the values' own lists give", () => {
    expect(viaCells.rows).toEqual(viaLists.rows);
    expect(viaCells.warnings).toEqual(viaLists.warnings);
  });

  it("splits the cells, keeps the continuation's values after the record's own and settles columns by them", () => {
    const [romashka, elka] = viaCells.rows;
    expect(romashka!.phones).toEqual(["+73431234567", "+79123456789", "+73437654321"]);
    expect(romashka!.emails).toEqual(["info@romashka.ru", "zakaz@romashka.ru", "buh@romashka.ru"]);
    expect(romashka!.values).toMatchObject({ name: 'ООО "Ромашка"', tax_id: "6658021032", created_at: "2025-04-25", annual_revenue: "1234567.89", employees: "50" });
    expect(romashka!.domains).toEqual(["romashka.ru"]);
    expect(romashka!.nameKey).toBe("romashka");
    expect(elka!.values).toMatchObject({ created_at: "", annual_revenue: "150000", employees: "500" });
    expect(viaCells.warnings.map((w) => [w.line, w.field, w.value])).toEqual([[4, "created_at", "31.02.2025"]]);
  });
});

describe("Normaliser fed in batches with a projected row count", () => {
  // 30,000 records with dates and numbers in every settled column, some unreadable: past the point (8,192 rows) where a
  // column's list grows straight to the projection.
  const records: AcceptedRecord[] = Array.from({ length: 30_000 }, (_, i) => ({
    line: i + 2,
    clientId: String(i + 1),
    cells: [],
    raw: {
      name: [`ООО «Компания ${i % 977}»`],
      created_at: [i % 4999 === 0 ? "31.02.2025" : `${String(1 + (i % 28)).padStart(2, "0")}.${String(1 + (i % 12)).padStart(2, "0")}.20${10 + (i % 15)}`],
      last_activity_at: [`${String(1 + (i % 27)).padStart(2, "0")}.0${1 + (i % 9)}.2026 1${i % 10}:00:00`],
      annual_revenue: [i % 7919 === 0 ? "много" : `${(i * 37) % 100000} ${String(i % 1000).padStart(3, "0")},${String(i % 100).padStart(2, "0")}`],
      employees: [["менее 50", "50-250", "250-500", "более 500"][i % 4]!],
      activity_count: [String(i % 60)],
    },
    contacts: [],
    tags: [],
  }));
  const settled = (expected: number | null) => {
    const n = new Normaliser({ mapping: mapping("bitrix24"), lang: "ru" });
    for (let i = 0; i < records.length; i += 1000) {
      n.push(records.slice(i, i + 1000));
      if (expected !== null) n.expect(expected);
    }
    const out = n.finish();
    return { values: out.rows.map((r) => [r.values.created_at, r.values.last_activity_at, r.values.annual_revenue, r.values.employees, r.values.activity_count].join("|")), warnings: out.warnings };
  };
  const plain = settled(null);

  it("settles every column as it would without one", () => {
    expect(plain.values[1]).toBe("2011-02-02|2026-02-02|37001.01|50|1");
    // Columns in the order of FIELDS (annual revenue before the creation date), rows in order within each.
    expect(plain.warnings.map((w) => `${w.line} ${w.field}`)).toEqual([
      "2 annual_revenue", "7921 annual_revenue", "15840 annual_revenue", "23759 annual_revenue",
      "2 created_at", "5001 created_at", "10000 created_at", "14999 created_at", "19998 created_at", "24997 created_at", "29996 created_at",
    ]);
    for (const expected of [0, 9_000, 30_000, 31_500, 500_000]) expect(settled(expected)).toEqual(plain);
  });
});
