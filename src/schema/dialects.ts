// The header names, people-row conventions and date/number habits of each CRM export we know.
// Sources: /work/shared/research/crm-exports-russian.md and crm-exports-western.md (vendor files,
// vendor documentation and public importers written against real exports); [I] marks a guess.
import type { Dialect, Field } from "../types.js";

/** Where a column goes: a canonical field, a side role, or `null` for a known column we leave unused on purpose. */
export type Target =
  | Field
  | "tags"
  | "requisites"
  | "personType"
  | "person.firstName"
  | "person.lastName"
  | "person.company"
  | null;

export interface DialectColumn {
  /** The header as the CRM writes it (matching folds case, spacing, punctuation and diacritics). */
  header: string;
  target: Target;
  /** Among columns feeding one single-valued field, the lowest wins (1 = first choice). */
  priority: number;
  /** How much this header says "this file comes from this CRM" (0: common to many). */
  signature: number;
  /** `api`: an API name (`BillingState`), which tells its CRM only when written without spaces. */
  form?: "api";
  /** Why a known column is left unused (`target: null`), shown by `inspect`. */
  why?: "not_purchases" | "rating" | "lookup" | "checkbox" | "other";
}

const c = (header: string, target: Target, signature = 0, priority = 1, extra: Partial<DialectColumn> = {}): DialectColumn =>
  ({ header, target, priority, signature, ...extra });
const api = (header: string, target: Target, signature = 1, priority = 1): DialectColumn =>
  ({ header, target, priority, signature, form: "api" });

/** Bitrix24 company list (Russian UI labels; requisite columns come after the grid's). */
const BITRIX24: DialectColumn[] = [
  c("ID", "id"),
  c("Название компании", "name", 0.5),
  c("Телефон", "phone"),
  c("Рабочий телефон", "phone", 0.5),
  c("Мобильный телефон", "phone", 0.5),
  c("Номер телефона", "phone"),
  c("Домашний телефон", "phone"),
  c("Другой телефон", "phone"),
  c("Телефон для рассылок", "phone", 1),
  c("Факс", null),
  c("E-mail", "email"),
  c("Рабочий e-mail", "email", 0.5),
  c("Частный e-mail", "email", 1),
  c("Другой e-mail", "email"),
  c("E-mail для рассылок", "email", 1),
  c("Сайт", "website"),
  c("Корпоративный сайт", "website", 1),
  c("Личная страница", null),
  c("Мессенджер", null, 1),
  c("Фактический адрес", "address", 1, 1),
  c("Адрес", "address", 0, 2),
  c("Юридический адрес", "address", 0.5, 3),
  c("Банковские реквизиты", "requisites", 2),
  c("Тип компании", "company_type", 2),
  c("Сфера деятельности", "industry", 2),
  c("Годовой оборот", "annual_revenue", 1),
  c("Валюта", null, 0.5),
  c("Комментарий", "notes"),
  c("Кол-во сотрудников", "employees", 1),
  c("Кем создана", null, 2),
  c("Кем изменена", null, 2),
  c("Ответственный", "owner"),
  c("Дата создания", "created_at"),
  c("Дата изменения", null, 0.5),
  c("Последняя активность", "last_activity_at", 1),
  c("Источник", null),
  c("ИНН", "tax_id"),
  c("КПП", "requisites"),
  c("ОГРН", "requisites"),
  c("ОКПО", "requisites"),
  c("БИК", "requisites"),
  c("Расчетный счет", "requisites"),
  c("Корр. счет", "requisites"),
];

/** amoCRM / Kommo contacts-and-companies list, in export order; people and companies in one file. */
const AMOCRM: DialectColumn[] = [
  c("ID", "id"),
  c("Тип", "personType", 1),
  c("Полное имя контакта", "contact_name", 2),
  c("Имя", "person.firstName", 0.5),
  c("Фамилия", "person.lastName", 0.5),
  c("Название компании", "name", 0.5),
  c("Ответственный", "owner"),
  c("Дата создания контакта", "created_at", 2),
  c("Дата создания", "created_at"),
  c("Кем создан контакт", null, 2),
  // deal names of every stage, not purchases
  c("Сделки", null, 1, 1, { why: "not_purchases" }),
  c("Дата редактирования", null, 1),
  c("Кем редактирован", null, 2),
  c("Теги", "tags", 1),
  c("Примечание 1", "notes", 1),
  c("Примечание 2", "notes", 1),
  c("Примечание 3", "notes", 1),
  c("Примечание 4", "notes", 1),
  c("Примечание 5", "notes", 1),
  c("Рабочий телефон", "phone", 0.5),
  c("Рабочий прямой телефон", "phone", 2),
  c("Мобильный телефон", "phone", 0.5),
  c("Факс", null),
  c("Домашний телефон", "phone", 0.5),
  c("Другой телефон", "phone", 0.5),
  c("Рабочий email", "email", 0.5),
  c("Личный email", "email", 1),
  c("Другой email", "email", 1),
  c("Web", "website", 0.5),
  c("Адрес", "address"),
  c("Должность", "contact_role", 0.5),
  c("ИНН", "tax_id"),
  c("Город", "city"),
  c("Источник", null),
];

/** 1C lists saved through "Вывести список" (БП 3.0 Контрагенты, УТ 11 Партнеры). */
const ONEC: DialectColumn[] = [
  c("Код", "id", 0.5),
  c("Наименование", "name", 0.5, 1),
  c("Наименование в программе", "name", 2, 1),
  c("Рабочее наименование", "name", 1, 1),
  c("Полное наименование", "name", 1, 2),
  c("ИНН", "tax_id"),
  c("КПП", "requisites", 0.5),
  c("ОГРН", "requisites"),
  c("Основной менеджер", "owner", 2),
  // a sales territory of the company's own (`Урал`), the only region such a list has
  c("Бизнес-регион", "region", 2, 3),
  c("Дата регистрации", "created_at", 0.5),
  // 1C's presentation of every contact detail; the address comes first in it
  c("Контактная информация", "address", 1, 3),
  c("Основной договор", null, 2),
  c("Основной вид деятельности", "industry", 0.5),
  c("Вид контрагента", "company_type", 0.5),
  c("Юр. / физ. лицо", "company_type", 1),
  c("Головной контрагент", null, 1),
  c("Клиент", null, 0.5, 1, { why: "checkbox" }),
  c("Поставщик", null, 0.5, 1, { why: "checkbox" }),
  c("Конкурент", null, 0.5, 1, { why: "checkbox" }),
  c("Прочие отношения", null, 1),
];

/** HubSpot companies export: property labels, with their deliberately uneven casing. */
const HUBSPOT: DialectColumn[] = [
  c("Record ID", "id", 1),
  c("Company name", "name", 2),
  c("Company owner", "owner", 2),
  c("Create Date", "created_at", 2),
  c("Phone Number", "phone", 1),
  c("Last Activity Date", "last_activity_at", 1, 1),
  c("Last Contacted", "last_activity_at", 1, 2),
  c("Last Modified Date", null, 0.5),
  c("Next Activity Date", null, 1),
  c("City", "city"),
  c("Country/Region", "country", 1),
  c("State/Region", "region", 2),
  c("Postal Code", "postal_code", 0.5),
  c("Street Address", "address", 1, 1),
  c("Street Address 2", "address", 1, 3),
  c("Website URL", "website", 1, 1),
  c("Company Domain Name", "website", 2, 2),
  c("Industry", "industry"),
  c("Lifecycle Stage", "status", 2, 1),
  c("Type", "status", 0, 2),
  c("Lead Status", null, 1),
  c("Number of Employees", "employees", 0.5),
  c("Annual Revenue", "annual_revenue"),
  // the amount of the company's closed-won deals
  c("Total Revenue", "revenue_won", 1),
  // counts open and lost deals too: not purchases
  c("Number of Associated Deals", null, 2, 1, { why: "not_purchases" }),
  c("Number of Associated Contacts", null, 2),
  c("Recent Deal Close Date", "last_purchase_at", 1, 1),
  // the date the company became a customer: a purchase, though not the latest
  c("Close Date", "last_purchase_at", 0.5, 2),
  c("First Deal Created Date", null, 1),
  c("Number of Sales Activities", "activity_count", 1),
  c("Number of times contacted", "activity_count", 1, 2),
  c("Description", "notes"),
  c("Time Zone", null, 1),
  c("Year Founded", null, 1),
  c("Parent Company", null, 1),
  c("Owner assigned date", null, 1),
  c("HubSpot Team", null, 2),
  c("Original Traffic Source", null, 1),
  c("Record source", null, 1),
];

/** Salesforce Account: Data Loader API names (any case, ALL CAPS before v61) and report labels. */
const SALESFORCE: DialectColumn[] = [
  api("Id", "id", 0),
  api("IsDeleted", null, 2),
  api("MasterRecordId", null, 2),
  api("Name", "name", 0),
  api("Type", "status", 0),
  api("RecordTypeId", null, 2),
  api("ParentId", null, 2),
  api("BillingStreet", "address", 1),
  api("BillingCity", "city", 1),
  api("BillingState", "region", 2),
  api("BillingStateCode", "region", 1, 2),
  api("BillingPostalCode", "postal_code", 1),
  api("BillingCountry", "country", 1),
  api("BillingCountryCode", "country", 1, 2),
  api("ShippingStreet", "address", 1, 4),
  api("ShippingCity", "city", 1, 4),
  api("ShippingState", "region", 1, 4),
  api("ShippingPostalCode", "postal_code", 1, 4),
  api("ShippingCountry", "country", 1, 4),
  api("Phone", "phone", 0),
  api("Fax", null, 0),
  api("AccountNumber", null, 1),
  api("Website", "website", 0),
  api("Sic", "industry_code", 1),
  api("Industry", "industry", 0),
  api("AnnualRevenue", "annual_revenue", 1),
  api("NumberOfEmployees", "employees", 1),
  api("Ownership", "company_type", 0, 2),
  api("Description", "notes", 0),
  // Hot/Warm/Cold is a salesperson's feeling, never purchase evidence
  { ...api("Rating", null, 0), why: "rating" },
  api("OwnerId", "owner", 2, 2),
  api("Owner.Name", "owner", 2, 1),
  api("CreatedDate", "created_at", 1),
  api("CreatedById", null, 2),
  api("LastModifiedDate", null, 1),
  api("LastModifiedById", null, 2),
  api("SystemModstamp", null, 2),
  api("LastActivityDate", "last_activity_at", 1),
  api("LastViewedDate", null, 2),
  api("LastReferencedDate", null, 2),
  api("AccountSource", null, 1),
  api("NaicsCode", "industry_code", 1, 2),
  api("DunsNumber", null, 1),
  api("Jigsaw", null, 2),
  api("CleanStatus", null, 2),
  // report labels ("Details Only" export)
  c("Account ID", "id", 1),
  c("Account Owner", "owner", 1),
  c("Account Owner Email", "owner", 1, 3),
  c("Account Name", "name", 1),
  c("Account Number", null, 0.5),
  c("Account Site", null, 0.5),
  c("Account Source", null, 0.5),
  c("Parent Account", null, 0.5),
  c("Billing Street", "address", 0.5),
  c("Billing City", "city", 0.5),
  c("Billing State/Province", "region", 2),
  c("Billing Zip/Postal Code", "postal_code", 2),
  c("Billing Country", "country", 0.5),
  c("Shipping Street", "address", 0.5, 4),
  c("Shipping City", "city", 0.5, 4),
  c("Shipping State/Province", "region", 1, 4),
  c("Shipping Zip/Postal Code", "postal_code", 1, 4),
  c("Shipping Country", "country", 0.5, 4),
  c("Type", "status", 0.5),
  { ...c("Rating", null, 0.5), why: "rating" },
  c("Last Activity", "last_activity_at", 1),
  c("Employees", "employees"),
  c("SIC Code", "industry_code", 0.5),
  c("Created Date", "created_at", 0.5),
  c("Created By", null),
  c("Last Modified Date", null, 0.5),
  c("Last Modified By", null, 0.5),
];

/** Zoho CRM Accounts export: `Record Id` first, every lookup a `<Field>.id` + `<Field>` pair. */
const ZOHO: DialectColumn[] = [
  c("Record Id", "id", 1),
  c("Account Owner", "owner", 1),
  c("Account Name", "name", 1),
  c("Account Type", "status", 1),
  c("Account Number", null, 0.5),
  c("Account Site", null, 0.5),
  c("Parent Account", null, 0.5),
  c("Phone", "phone"),
  c("Fax", null),
  c("Website", "website"),
  c("Industry", "industry"),
  c("Employees", "employees"),
  c("Annual Revenue", "annual_revenue"),
  c("Ownership", "company_type", 0, 2),
  { ...c("Rating", null, 0.5), why: "rating" },
  c("SIC Code", "industry_code", 0.5),
  c("Ticker Symbol", null, 0.5),
  c("Billing Street", "address", 0.5),
  c("Billing City", "city", 0.5),
  c("Billing State", "region", 1),
  c("Billing Code", "postal_code", 2),
  c("Billing Country", "country", 0.5),
  c("Shipping Street", "address", 0.5, 4),
  c("Shipping City", "city", 0.5, 4),
  c("Shipping State", "region", 1, 4),
  c("Shipping Code", "postal_code", 2, 4),
  c("Shipping Country", "country", 0.5, 4),
  c("Billing Address - Street", "address", 2),
  c("Billing Address - City", "city", 2),
  c("Billing Address - State / Province", "region", 2),
  c("Billing Address - Zip / Postal Code", "postal_code", 2),
  c("Billing Address - Postal Code", "postal_code", 2),
  c("Billing Address - Country / Region", "country", 2),
  c("Description", "notes"),
  c("Created Time", "created_at", 1),
  c("Modified Time", null, 1),
  c("Last Activity Time", "last_activity_at", 2),
  c("Last contacted time", "last_activity_at", 1, 2),
  c("Created By", null),
  c("Modified By", null, 1),
  c("Tag", "tags", 0.5),
  c("Locked", null, 1),
  c("Change Log Time", null, 2),
];

/** Pipedrive organisations export: every header is `Organization - <label>` (read after the prefix). */
const PIPEDRIVE: DialectColumn[] = [
  c("ID", "id"),
  c("Name", "name"),
  c("Owner", "owner"),
  c("Label", "tags"),
  c("Labels", "tags"),
  c("People", null),
  c("Open deals", null, 0, 1, { why: "not_purchases" }),
  c("Closed deals", null, 0, 1, { why: "not_purchases" }),
  c("Won deals", "deals_won"),
  c("Lost deals", null),
  // done activities happened; total counts planned ones too
  c("Done activities", "activity_count", 0, 1),
  c("Total activities", "activity_count", 0, 2),
  c("Activities to do", null),
  c("Email messages count", null),
  c("Next activity date", null),
  c("Last activity date", "last_activity_at"),
  c("Organization created", "created_at"),
  c("Update time", null),
  c("Website", "website"),
  c("LinkedIn profile", null),
  c("Industry", "industry"),
  c("Annual revenue", "annual_revenue"),
  c("Number of employees", "employees"),
  c("Parent", null),
  c("Visible to", null),
  c("Address", "address", 0, 1),
  c("TAX ID", "tax_id"),
  c("Phone", "phone"),
  c("Email", "email"),
];

/** Parts of a Pipedrive address field: `Organization - <part> of <address field>`. */
export const PIPEDRIVE_ADDRESS_PARTS: Record<string, Target> = {
  "Full/combined address": "address",
  "Street/road name": null,
  "House number": null,
  "Apartment/suite no": null,
  "District/sublocality": null,
  "City/town/village/locality": "city",
  "State/county": "region",
  "Region": null,
  "Country": "country",
  "ZIP/Postal code": "postal_code",
};

/** Pipedrive `Person - <label>` columns: the organisation's contact person. */
export const PIPEDRIVE_PERSON: DialectColumn[] = [
  c("Name", "contact_name"),
  c("Phone", "contact_phone"),
  c("Email", "contact_email"),
  c("Job title", "contact_role"),
];

/** Odoo contacts (res.partner) export with field labels; people and companies in one file. */
const ODOO: DialectColumn[] = [
  c("ID", "id"),
  c("Name", "name", 0, 1),
  c("Complete Name", "name", 2, 2),
  c("Display Name", "name", 1, 3),
  c("Related Company", "person.company", 2),
  c("Company Type", "personType", 1),
  c("Is a Company", "personType", 2, 2),
  c("Salesperson", "owner", 1),
  c("Tax ID", "tax_id", 1),
  c("Email", "email"),
  c("Phone", "phone"),
  c("Mobile", "phone"),
  c("Website Link", "website", 2),
  c("Job Position", "contact_role", 1),
  c("Street", "address", 0, 1),
  c("Street2", "address", 1, 3),
  c("Zip", "postal_code", 0.5),
  c("City", "city"),
  c("State", "region"),
  c("Country", "country", 0, 1),
  c("Country Code", "country", 0.5, 2),
  c("Tags", "tags", 0.5),
  c("Industry", "industry"),
  c("Reference", null, 0.5),
  c("Language", null, 0.5),
  c("Notes", "notes"),
  // the multi-company owner of the record, not the partner's company
  c("Company", null),
  c("Active", null),
  c("Address Type", null, 1),
  c("Created on", "created_at", 1),
  c("Last Updated on", null, 2),
];

export const DIALECT_COLUMNS: Record<Exclude<Dialect, "generic">, readonly DialectColumn[]> = {
  bitrix24: BITRIX24,
  amocrm: AMOCRM,
  "1c": ONEC,
  hubspot: HUBSPOT,
  salesforce: SALESFORCE,
  zoho: ZOHO,
  pipedrive: PIPEDRIVE,
  odoo: ODOO,
};

/** Pipedrive's column prefixes: the entity a column belongs to. */
export const PIPEDRIVE_PREFIX = /^(organization|person|deal|lead|product) - (.+)$/i;

/** Day order and decimal mark a dialect writes when its values do not settle them (null: unknown or ISO). */
export const DIALECT_HABITS: Record<Dialect, { dayFirst: boolean | null; decimalComma: boolean | null }> = {
  bitrix24: { dayFirst: true, decimalComma: true },
  amocrm: { dayFirst: true, decimalComma: true },
  "1c": { dayFirst: true, decimalComma: true },
  hubspot: { dayFirst: false, decimalComma: false },
  salesforce: { dayFirst: false, decimalComma: false },
  zoho: { dayFirst: false, decimalComma: false },
  pipedrive: { dayFirst: false, decimalComma: false },
  odoo: { dayFirst: null, decimalComma: null },
  generic: { dayFirst: null, decimalComma: null },
};

/**
 * People-and-companies conventions: the column that tells a person's row from a company's, and its
 * values, lower-cased without diacritics (amoCRM `Тип`, Odoo `Company Type` or `Is a Company`).
 * The person's roles: `fullName` and `jobTitle` come from the mapped `contact_name` / `name` and
 * `contact_role`; `company` from the named field or side role.
 */
export interface PeopleConvention {
  header: string;
  personValues: string[];
  companyValues: string[];
  /** Which column names the person: a field mapped in this dialect. */
  fullNameField: Field;
  /** Which column names the person's company. */
  companyFrom: "name" | "person.company";
}

export const PEOPLE_CONVENTIONS: Partial<Record<Dialect, readonly PeopleConvention[]>> = {
  amocrm: [
    // Kommo's English interface writes the same column as `Type` with `contact` / `company` [I]
    { header: "Тип", personValues: ["контакт", "contact"], companyValues: ["компания", "company"], fullNameField: "contact_name", companyFrom: "name" },
  ],
  odoo: [
    { header: "Company Type", personValues: ["individual"], companyValues: ["company"], fullNameField: "name", companyFrom: "person.company" },
    { header: "Is a Company", personValues: ["false"], companyValues: ["true"], fullNameField: "name", companyFrom: "person.company" },
  ],
};
