// Dialect detection and header mapping on the real header rows of each CRM's export.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectDialect, headerKey, mapHeader, suggestField } from "../../src/schema/mapping.js";
import { DIALECT_HABITS } from "../../src/schema/dialects.js";
import { FIELD_SYNONYMS, REQUISITE_SYNONYMS, TAG_SYNONYMS } from "../../src/schema/synonyms.js";
import { DIALECTS, FIELDS, type Field, type Mapping } from "../../src/types.js";
import { SegmentError } from "../../src/errors.js";

/** field → header(s), as `inspect --json` shows it. */
function named(header: string[], m: Mapping): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [f, cols] of Object.entries(m.columns)) out[f] = cols!.length === 1 ? header[cols![0]!]! : cols!.map((i) => header[i]!);
  return out;
}

describe("Bitrix24", () => {
  // the header as an on-premise install writes it: Windows-1251, `;`, a trailing `;`
  const bytes = iconv.encode(
    "ID;Название компании;Тип компании;Сфера деятельности;Рабочий телефон;Мобильный телефон;Рабочий e-mail;" +
      "Юридический адрес;Фактический адрес;Кол-во сотрудников;Годовой оборот;Комментарий;Ответственный;" +
      "Дата создания;Последняя активность;ИНН;КПП;Банковские реквизиты;",
    "win1251",
  );
  const header = iconv.decode(bytes, "win1251").split(";");

  it("is detected from a cp1251 header and mapped as a person would", () => {
    const m = mapHeader(header);
    expect(m.dialect).toBe("bitrix24");
    expect(m.confidence).toBeGreaterThan(0.8);
    expect(named(header, m)).toEqual({
      id: "ID",
      name: "Название компании",
      tax_id: "ИНН",
      address: "Фактический адрес",
      phone: ["Рабочий телефон", "Мобильный телефон"],
      email: "Рабочий e-mail",
      industry: "Сфера деятельности",
      company_type: "Тип компании",
      employees: "Кол-во сотрудников",
      annual_revenue: "Годовой оборот",
      owner: "Ответственный",
      created_at: "Дата создания",
      last_activity_at: "Последняя активность",
      notes: "Комментарий",
    });
    expect(m.requisites.map((i) => header[i])).toEqual(["КПП", "Банковские реквизиты"]);
    // the legal address loses to the actual one; the trailing empty column is padding
    expect(m.unmapped).toEqual(["Юридический адрес"]);
  });

  it("turns a second INN column into a requisite", () => {
    const h = ["ID", "Название компании", "ИНН", "КПП", "ИНН"];
    const m = mapHeader(h, { preset: "bitrix24" });
    expect(m.columns.tax_id).toEqual([2]);
    expect(m.requisites).toEqual([3, 4]);
  });
});

describe("amoCRM", () => {
  const header = [
    "ID", "Тип", "Полное имя контакта", "Имя", "Фамилия", "Название компании", "Ответственный", "Дата создания контакта",
    "Кем создан контакт", "Сделки", "Дата редактирования", "Кем редактирован", "Теги", "Примечание 1", "Примечание 2",
    "Рабочий телефон", "Рабочий прямой телефон", "Мобильный телефон", "Рабочий email", "Личный email", "Web", "Адрес", "Должность",
  ];
  it("marks people's rows and their columns", () => {
    const m = mapHeader(header);
    expect(m.dialect).toBe("amocrm");
    expect(m.personType).toEqual({ column: 1, personValues: ["контакт", "contact"], companyValues: ["компания", "company"] });
    expect(m.person).toEqual({ fullName: 2, firstName: 3, lastName: 4, company: 5, jobTitle: 22 });
    expect(m.tags).toEqual([12]);
    const n = named(header, m);
    expect(n.name).toBe("Название компании");
    expect(n.phone).toEqual(["Рабочий телефон", "Рабочий прямой телефон", "Мобильный телефон"]);
    expect(n.email).toEqual(["Рабочий email", "Личный email"]);
    expect(n.notes).toEqual(["Примечание 1", "Примечание 2"]);
    expect(n.created_at).toBe("Дата создания контакта");
    // deal names of any stage are not won deals
    expect(m.columns.deals_won).toBeUndefined();
    expect(m.unmapped).toEqual(["Кем создан контакт", "Сделки", "Дата редактирования", "Кем редактирован"]);
  });
});

describe("1C", () => {
  it("maps a Контрагенты list", () => {
    const header = ["Наименование в программе", "ИНН", "КПП", "Полное наименование", "Основной менеджер", "Бизнес-регион", "Дата регистрации", "Контактная информация"];
    const m = mapHeader(header);
    expect(m.dialect).toBe("1c");
    expect(named(header, m)).toEqual({
      name: "Наименование в программе",
      tax_id: "ИНН",
      region: "Бизнес-регион",
      address: "Контактная информация",
      owner: "Основной менеджер",
      created_at: "Дата регистрации",
    });
    expect(m.requisites).toEqual([2]);
    expect(m.unmapped).toEqual(["Полное наименование"]);
  });
  it("falls back on the Клиент column when the list has no other name", () => {
    const header = ["Код", "Клиент", "Основной менеджер", "Бизнес-регион", "Основной договор"];
    const m = mapHeader(header);
    expect(m.dialect).toBe("1c");
    expect(m.columns.name).toEqual([1]);
    expect(m.columns.id).toEqual([0]);
  });
});

describe("HubSpot", () => {
  const header = [
    "Record ID", "Company name", "Company owner", "Create Date", "Phone Number", "Last Activity Date", "City", "Country/Region",
    "State/Region", "Postal Code", "Company Domain Name", "Website URL", "Industry", "Lifecycle Stage", "Number of Associated Deals",
    "Total Revenue", "Number of Employees", "Annual Revenue", "Type",
  ];
  it("maps revenue of won deals, not the count of every deal", () => {
    const m = mapHeader(header);
    expect(m.dialect).toBe("hubspot");
    const n = named(header, m);
    expect(n.revenue_won).toBe("Total Revenue");
    expect(n.annual_revenue).toBe("Annual Revenue");
    expect(n.employees).toBe("Number of Employees");
    expect(n.status).toBe("Lifecycle Stage");
    expect(n.region).toBe("State/Region");
    expect(n.website).toEqual(["Company Domain Name", "Website URL"]);
    expect(m.columns.deals_won).toBeUndefined();
    expect(m.unmapped).toEqual(["Number of Associated Deals", "Type"]);
  });
});

describe("Salesforce", () => {
  it("reads Data Loader API names in ALL CAPS", () => {
    const header = ["ID", "ISDELETED", "NAME", "TYPE", "BILLINGSTREET", "BILLINGCITY", "BILLINGSTATE", "BILLINGPOSTALCODE", "BILLINGCOUNTRY",
      "SHIPPINGSTATE", "PHONE", "WEBSITE", "INDUSTRY", "ANNUALREVENUE", "NUMBEROFEMPLOYEES", "RATING", "OWNERID", "CREATEDDATE", "LASTACTIVITYDATE", "INN__C"];
    const m = mapHeader(header);
    expect(m.dialect).toBe("salesforce");
    expect(named(header, m)).toMatchObject({
      id: "ID", name: "NAME", status: "TYPE", address: "BILLINGSTREET", city: "BILLINGCITY", region: "BILLINGSTATE",
      postal_code: "BILLINGPOSTALCODE", country: "BILLINGCOUNTRY", owner: "OWNERID", employees: "NUMBEROFEMPLOYEES",
      annual_revenue: "ANNUALREVENUE", last_activity_at: "LASTACTIVITYDATE", created_at: "CREATEDDATE", tax_id: "INN__C",
    });
    // a rating is not status evidence; shipping loses to billing
    expect(m.unmapped).toEqual(["ISDELETED", "SHIPPINGSTATE", "RATING"]);
  });
  it("reads API names as written since Data Loader v61", () => {
    const m = mapHeader(["Id", "Name", "OwnerId", "BillingState", "LastActivityDate", "CustomerPriority__c"]);
    expect(m.dialect).toBe("salesforce");
    expect(m.columns).toEqual({ id: [0], name: [1], region: [3], owner: [2], last_activity_at: [4] });
  });
  it("reads a report's labels", () => {
    const header = ["Last Activity", "Account Owner", "Account Name", "Billing State/Province", "Type", "Rating", "Last Modified Date", "Account ID", "Website"];
    const m = mapHeader(header);
    expect(m.dialect).toBe("salesforce");
    expect(named(header, m)).toEqual({
      id: "Account ID", name: "Account Name", region: "Billing State/Province", website: "Website", owner: "Account Owner",
      last_activity_at: "Last Activity", status: "Type",
    });
    expect(m.columns.status).toEqual([4]);
    expect(m.unmapped).toEqual(["Rating", "Last Modified Date"]);
  });
});

describe("Zoho", () => {
  it("maps the readable half of lookup pairs and hides the id halves", () => {
    const header = ["Record Id", "Account Owner.id", "Account Owner", "Account Name", "Phone", "Parent Account.id", "Parent Account",
      "Website", "Account Type", "Created By.id", "Created By", "Created Time", "Billing City", "Billing State", "Billing Code", "Last Activity Time"];
    const m = mapHeader(header);
    expect(m.dialect).toBe("zoho");
    expect(m.lookupIds).toEqual([1, 5, 9]);
    expect(named(header, m)).toEqual({
      id: "Record Id", name: "Account Name", region: "Billing State", city: "Billing City", postal_code: "Billing Code", phone: "Phone",
      website: "Website", owner: "Account Owner", created_at: "Created Time", last_activity_at: "Last Activity Time", status: "Account Type",
    });
    expect(m.unmapped).toEqual(["Parent Account", "Created By"]);
  });
  it("reads the new address field's parts", () => {
    const m = mapHeader(["Record Id", "Account Owner.id", "Account Owner", "Account Name", "Billing Address - City", "Billing Address - State / Province"]);
    expect(m.dialect).toBe("zoho");
    expect(m.columns.city).toEqual([4]);
    expect(m.columns.region).toEqual([5]);
  });
});

describe("Pipedrive", () => {
  it("reads Organization and Person columns, preferring done activities", () => {
    const header = ["Organization - ID", "Organization - Name", "Organization - Owner", "Organization - Labels", "Organization - Won deals",
      "Organization - Open deals", "Organization - Total activities", "Organization - Done activities", "Organization - Last activity date",
      "Organization - Organization created", "Organization - City/town/village/locality of Address", "Organization - State/county of Address",
      "Organization - ZIP/Postal code of Address", "Organization - TAX ID", "Person - Name", "Person - Phone - Work", "Person - Email - Work"];
    const m = mapHeader(header);
    expect(m.dialect).toBe("pipedrive");
    expect(m.confidence).toBe(1);
    expect(m.tags).toEqual([3]);
    expect(named(header, m)).toEqual({
      id: "Organization - ID", name: "Organization - Name", owner: "Organization - Owner", deals_won: "Organization - Won deals",
      activity_count: "Organization - Done activities", last_activity_at: "Organization - Last activity date",
      created_at: "Organization - Organization created", city: "Organization - City/town/village/locality of Address",
      region: "Organization - State/county of Address", postal_code: "Organization - ZIP/Postal code of Address",
      tax_id: "Organization - TAX ID", contact_name: "Person - Name", contact_phone: "Person - Phone - Work", contact_email: "Person - Email - Work",
    });
    expect(m.unmapped).toEqual(["Organization - Open deals", "Organization - Total activities"]);
  });
  it("takes total activities when done ones are not exported", () => {
    const m = mapHeader(["Organization - Name", "Organization - Owner", "Organization - Total activities"]);
    expect(m.columns.activity_count).toEqual([2]);
  });
});

describe("Odoo", () => {
  it("tells individuals from companies and maps the partner's fields", () => {
    const header = ["Complete Name", "Company Type", "Related Company", "Job Position", "Salesperson", "Tax ID", "Email", "Phone",
      "Tags", "Industry", "Zip", "City", "State", "Country", "Website Link", "Created on", "Company"];
    const m = mapHeader(header);
    expect(m.dialect).toBe("odoo");
    expect(m.personType).toEqual({ column: 1, personValues: ["individual"], companyValues: ["company"] });
    expect(m.person).toEqual({ fullName: 0, company: 2, jobTitle: 3 });
    expect(m.tags).toEqual([8]);
    const n = named(header, m);
    expect(n).toMatchObject({ name: "Complete Name", owner: "Salesperson", tax_id: "Tax ID", website: "Website Link", postal_code: "Zip", region: "State", created_at: "Created on" });
    // `Company` is Odoo's multi-company owner of the record, not the partner's company
    expect(m.unmapped).toEqual(["Company"]);
  });
  it("prefers Name over Complete Name and reads Is a Company", () => {
    const header = ["Name", "Complete Name", "Is a Company", "Related Company", "Salesperson"];
    const m = mapHeader(header);
    expect(m.dialect).toBe("odoo");
    expect(m.columns.name).toEqual([0]);
    expect(m.personType).toEqual({ column: 2, personValues: ["false"], companyValues: ["true"] });
  });
});

describe("generic spreadsheets", () => {
  it("maps a Romanian sheet with and without diacritics", () => {
    for (const header of [
      ["Denumire", "CUI", "Județ", "Localitate", "Adresă", "Telefon", "Email", "Responsabil", "Cod CAEN", "Cifra de afaceri", "Nr. angajați", "Data creării", "Ultima activitate", "Observații", "Motivație"],
      ["DENUMIRE", "CUI", "Judet", "Localitate", "Adresa", "Telefon", "E-mail", "Responsabil", "Cod CAEN", "Cifra de afaceri", "Nr angajati", "Data crearii", "Ultima activitate", "Observatii", "Motivatie"],
    ]) {
      const m = mapHeader(header);
      expect(m.dialect).toBe("generic");
      expect(m.confidence).toBe(1);
      expect(Object.keys(m.columns)).toEqual(["name", "tax_id", "region", "city", "address", "phone", "email", "industry_code", "employees",
        "annual_revenue", "owner", "created_at", "last_activity_at", "motivation", "notes"]);
      expect(m.unmapped).toEqual([]);
    }
  });
  it("maps a Russian sheet that no CRM wrote", () => {
    const header = ["Контрагент", "ИНН", "Регион", "Город", "Телефон", "Менеджер", "ОКВЭД", "Мотив покупки", "Дата последней покупки", "Сумма покупок"];
    const m = mapHeader(header);
    expect(m.dialect).toBe("generic");
    expect(named(header, m)).toEqual({
      name: "Контрагент", tax_id: "ИНН", region: "Регион", city: "Город", phone: "Телефон", owner: "Менеджер", industry_code: "ОКВЭД",
      motivation: "Мотив покупки", last_purchase_at: "Дата последней покупки", revenue_won: "Сумма покупок",
    });
  });
  it("folds ё, case and punctuation", () => {
    const m = mapHeader(["НАИМЕНОВАНИЕ", "Населённый пункт", "e-mail", "Кол-во  сотрудников"]);
    expect(m.columns).toEqual({ name: [0], city: [1], email: [2], employees: [3] });
  });
  it("keeps an empty column in the middle but not the trailing ones", () => {
    const m = mapHeader(["Компания", "", "Заметка про погоду", "", ""]);
    expect(m.unmapped).toEqual(["", "Заметка про погоду"]);
  });
});

describe("--map and --preset", () => {
  const header = ["Компания", "Телефон", "Телефон директора", "Юридический адрес", "Адрес"];
  it("overrides the automatic mapping", () => {
    const m = mapHeader(header, { map: { phone: "Телефон директора", address: "Юридический адрес" } });
    expect(m.columns.phone).toEqual([2]);
    expect(m.columns.address).toEqual([3]);
    expect(m.unmapped).toEqual(["Телефон", "Адрес"]);
  });
  it("moves a column from one field to another and matches the header loosely", () => {
    const m = mapHeader(header, { map: { contact_phone: "телефон  директора", notes: "Адрес" } });
    expect(m.columns.contact_phone).toEqual([2]);
    expect(m.columns.notes).toEqual([4]);
    expect(m.columns.address).toEqual([3]);
  });
  it("clears a field with an empty header", () => {
    expect(mapHeader(header, { map: { phone: "" } }).columns.phone).toBeUndefined();
  });
  it("rejects a header the file lacks and an unknown field, naming the flag", () => {
    expect(() => mapHeader(header, { map: { phone: "Факс" } })).toThrow(SegmentError);
    expect(() => mapHeader(header, { map: { phone: "Факс" } })).toThrow(/--map phone=Факс/);
    const bad = { fone: "Телефон" } as unknown as Partial<Record<Field, string>>;
    try {
      mapHeader(header, { map: bad });
      expect.unreachable();
    } catch (e) {
      expect((e as SegmentError).code).toBe("usage");
      expect((e as SegmentError).message).toMatch(/--map fone=Телефон/);
    }
  });
  it("forces a dialect with full confidence", () => {
    const m = mapHeader(["Name", "Owner", "Won deals"], { preset: "pipedrive" });
    expect(m.dialect).toBe("pipedrive");
    expect(m.confidence).toBe(1);
    expect(m.columns.deals_won).toEqual([2]);
    expect(mapHeader(["Name", "Owner", "Won deals"]).dialect).toBe("generic");
  });
});

describe("detection", () => {
  it("does not call a plain English sheet a CRM", () => {
    const g = detectDialect(["Company", "Phone", "Email", "City", "Owner", "Industry", "Notes"]);
    expect(g.dialect).toBe("generic");
    expect(g.confidence).toBeGreaterThan(0.5);
  });
  it("needs API names without spaces to call a file Salesforce", () => {
    expect(detectDialect(["Company", "Last Activity Date", "Annual Revenue", "Number of Employees"]).scores.salesforce).toBe(0);
  });
});

describe("tables", () => {
  it("has synonyms for every field and no key claimed by two targets", () => {
    const owner = new Map<string, string>();
    const claim = (s: string, target: string) => {
      const k = headerKey(s);
      const prev = owner.get(k);
      expect(prev === undefined || prev === target, `${s} → ${prev} and ${target}`).toBe(true);
      owner.set(k, target);
    };
    for (const f of FIELDS) {
      expect(FIELD_SYNONYMS[f].length).toBeGreaterThan(2);
      for (const s of FIELD_SYNONYMS[f]) claim(s, f);
    }
    for (const s of TAG_SYNONYMS) claim(s, "tags");
    for (const s of REQUISITE_SYNONYMS) claim(s, "requisites");
  });
  it("has habits for every dialect", () => {
    expect(Object.keys(DIALECT_HABITS).sort()).toEqual([...DIALECTS].sort());
    expect(DIALECT_HABITS.salesforce).toEqual({ dayFirst: false, decimalComma: false });
    expect(DIALECT_HABITS["1c"]).toEqual({ dayFirst: true, decimalComma: true });
    expect(DIALECT_HABITS.odoo).toEqual({ dayFirst: null, decimalComma: null });
  });
});

describe("suggestions", () => {
  it("guesses what a person would map", () => {
    expect(suggestField("Телефон директора")).toBe("phone");
    expect(suggestField("Юридический адрес")).toBe("address");
    expect(suggestField("Adresa sedului")).toBe("address");
    expect(suggestField("Тип")).toBe("status");
    expect(suggestField("Любимый цвет")).toBeUndefined();
  });
  it("takes an inflected word for its stem, not a word made from it", () => {
    expect(suggestField("Номер телефона")).toBe("phone");
    expect(suggestField("Ответственный пользователь")).toBe("owner");
    expect(suggestField("Utilizatorului")).toBe("owner");
    // A Bitrix24 portal's custom fields are "Пользовательское поле …": a user-defined field, not the user who owns the company.
    expect(suggestField("Пользовательское поле 1")).toBeUndefined();
    expect(suggestField("Username")).toBeUndefined();
  });
});
