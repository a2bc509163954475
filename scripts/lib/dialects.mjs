// One writer per CRM dialect: header names and order, quoting, encoding, dates, numbers and quirks
// as the research notes describe them (crm-exports-russian.md, crm-exports-western.md).
import { DATE, num1C, numRo, phone } from "./format.mjs";
import { translit, DAY } from "./world.mjs";

const RU_BAND = (n) => (n < 50 ? "менее 50" : n < 250 ? "50-250" : n < 500 ? "250-500" : "более 500");
const money = (n) => (n ? n.toFixed(2) : "");
const int = (n) => (n === null || n === undefined ? "" : String(n));
const phones = (r, loc) => r.phones.map((d, i) => phone(loc, d, r.phoneStyle + i));
const contactPhone = (r, loc) => (r.contact ? phone(loc, r.contact.phone, r.phoneStyle + 2) : "");
const modified = (r) => Math.max(r.created, r.lastActivity ?? 0, r.lastPurchase ?? 0) + 3 * 3600 * 1000;
const or = (r, field, v) => (field in r.bad ? r.bad[field] : v);

function ruAddress(r) {
  const c = r.company;
  if (c.region.city) return `${c.postcode}, г. ${c.city}, ул. ${c.street}, д. ${c.house}`;
  return `${c.postcode}, ${c.region.name}, г. ${c.city}, ул. ${c.street}, д. ${c.house}`;
}
/** 1C (ФИАС presentation): index, region, city, street with the type after the name. */
function oneCAddress(r) {
  const c = r.company;
  if (c.region.city) return `${c.postcode}, ${c.region.short}, ${c.street} ул, дом № ${c.house}`;
  return `${c.postcode}, ${c.region.short}, ${c.city} г, ${c.street} ул, дом № ${c.house}`;
}

/**
 * A dialect: file layout plus `row(r, ctx)` giving the cells of a company row. `has` lists the
 * canonical fields it carries (the truth is computed from what the file shows); `status(r)` says
 * what the written status proves under the contract: "purchase", "engaged" or "".
 */
export const DIALECTS = {
  bitrix24: {
    locale: "ru", encoding: "windows-1251", bom: false, delimiter: ";", eol: "\n", quoteAll: true, trailingDelimiter: true,
    header: ["ID", "Название компании", "Тип компании", "Сфера деятельности", "Кол-во сотрудников", "Годовой оборот", "Валюта", "Телефон", "E-mail", "Сайт",
      "Фактический адрес", "Комментарий", "Ответственный", "Дата создания", "Дата изменения", "Последняя активность", "Количество дел",
      "Успешных сделок", "Сумма успешных сделок", "Дата последней покупки", "ИНН", "КПП", "ОКВЭД"],
    has: ["deals_won", "revenue_won", "last_purchase_at", "activity_count", "last_activity_at", "notes", "industry", "industry_code", "created_at"],
    status: () => "",
    industryLabel: (ind) => ind.bitrix,
    row(r, ctx) {
      const c = r.company;
      return [ctx.id(r), r.name, r.companyType, r.industry && c.industry.bitrix ? c.industry.bitrix : "", r.employees ? RU_BAND(r.employees) : "",
        or(r, "annual_revenue", r.annualRevenue ? money(r.annualRevenue) : ""), r.annualRevenue ? "RUB" : "", phones(r, "ru").join(", "),
        r.emails.join(", "), r.website, r.address ? ruAddress(r) : "", r.note, ctx.owner(r), or(r, "created_at", DATE.ruDateTime(r.created)),
        DATE.ruDateTime(modified(r)), r.lastActivity ? DATE.ruDateTime(r.lastActivity) : "", r.activityCount ? String(r.activityCount) : "",
        r.dealsWon ? String(r.dealsWon) : "", money(r.revenueWon), r.lastPurchase ? DATE.ruDate(r.lastPurchase) : "",
        or(r, "tax_id", r.taxId), r.kpp, r.industry ? c.industry.code : ""];
    },
    continuation(r, ctx, width) {
      const cells = new Array(width).fill("");
      cells[20] = r.company.taxId; cells[21] = r.kpp;
      return cells;
    },
  },

  amocrm: {
    locale: "ru", encoding: "utf-8", bom: true, delimiter: ",", eol: "\n", quoteAll: false,
    header: ["ID", "Тип", "Полное имя контакта", "Имя", "Фамилия", "Название компании", "Ответственный", "Дата создания контакта", "Кем создан контакт",
      "Сделки", "Дата редактирования", "Кем редактирован", "Теги", "Примечание 1", "Примечание 2", "Рабочий телефон", "Мобильный телефон",
      "Рабочий email", "Личный email", "Web", "Адрес", "Должность", "ИНН", "Город", "Отрасль", "Сумма успешных сделок", "Дата последней покупки",
      "Дата последней активности"],
    has: ["revenue_won", "last_purchase_at", "last_activity_at", "notes", "industry", "created_at", "contact_name"],
    status: () => "",
    industryLabel: (ind) => ind.ru,
    people: true,
    row(r, ctx) {
      const c = r.company;
      const ph = phones(r, "ru").map((p, i) => (i === 0 && r.phoneStyle % 2 === 0 && p.startsWith("+") ? "'" + p : p));
      return [ctx.id(r), "компания", "", "", "", r.name, ctx.owner(r), or(r, "created_at", DATE.ruDateTime(r.created)), ctx.owner(r),
        r.dealsWon ? ctx.deals(r) : "", DATE.ruDateTime(modified(r)), ctx.owner(r), r.tags.join(", "), r.note, "", ph.join(", "), "",
        r.emails.join(", "), "", r.website, r.address ? ruAddress(r) : "", "", or(r, "tax_id", r.taxId), c.city,
        r.industry ? c.industry.ru : "", or(r, "revenue_won", money(r.revenueWon)), r.lastPurchase ? DATE.ruDateTime(r.lastPurchase) : "",
        r.lastActivity ? DATE.ruDateTime(r.lastActivity) : ""];
    },
    person(p, ctx) {
      const x = p.person;
      return [ctx.id(p), "контакт", `${x.first} ${x.last}`, x.first, x.last, p.companyName, ctx.owner(p), DATE.ruDateTime(p.created), ctx.owner(p),
        "", DATE.ruDateTime(p.created + DAY), ctx.owner(p), "", "", "", "", phone("ru", x.phone, 0), x.email, "", "", "", x.role, "", "", "", "", "", ""];
    },
  },

  "1c": {
    locale: "ru", encoding: "windows-1251", bom: false, delimiter: ";", eol: "\r\n", quoteAll: false,
    header: ["Код", "Наименование", "Полное наименование", "ИНН", "КПП", "Основной менеджер", "Бизнес-регион", "Фактический адрес", "Телефон",
      "Электронная почта", "Вид деятельности (ОКВЭД)", "Клиент", "Поставщик", "Дата регистрации", "Дата последней продажи", "Количество продаж",
      "Сумма продаж", "Комментарий"],
    has: ["deals_won", "revenue_won", "last_purchase_at", "notes", "industry_code", "created_at"],
    status: () => "",
    industryLabel: () => null,
    row(r, ctx) {
      const c = r.company;
      const full = c.locale === "ru" && r.variant === "original" ? r.longName : r.name;
      return [ctx.id(r), r.name1C, full, or(r, "tax_id", r.taxId), r.kpp, ctx.owner(r), c.region.territory, r.address ? oneCAddress(r) : "",
        phones(r, "ru").join(", "), r.emails[0] ?? "", r.industry ? c.industry.code : "", r.dealsWon ? "Да" : "Нет", r.supplier ? "Да" : "Нет",
        or(r, "created_at", DATE.oneC(r.created)), r.lastPurchase ? DATE.oneC(r.lastPurchase) : "", r.dealsWon ? String(r.dealsWon) : "",
        or(r, "revenue_won", r.revenueWon ? num1C(r.revenueWon) : ""), r.note];
    },
  },

  hubspot: {
    locale: "en", encoding: "utf-8", bom: false, delimiter: ",", eol: "\n", quoteAll: true,
    header: ["Record ID", "Company name", "Company owner", "Create Date", "Phone Number", "Last Activity Date", "City", "State/Region", "Country/Region",
      "Postal Code", "Industry", "Company Domain Name", "Website URL", "Number of Employees", "Annual Revenue", "Lifecycle Stage", "Type",
      "Number of Associated Deals", "Total Revenue", "Description"],
    has: ["revenue_won", "last_activity_at", "notes", "industry", "created_at"],
    status: (r) => (["mql", "sql", "opportunity"].includes(r.stage) ? "engaged" : ""),
    industryLabel: (ind) => ind.hubspot,
    row(r, ctx) {
      const c = r.company;
      const stage = { customer: "Customer", opportunity: "Opportunity", sql: "Sales Qualified Lead", mql: "Marketing Qualified Lead", lead: "Lead", subscriber: "Subscriber", none: "" }[r.stage];
      const ph = r.phones.length ? (r.phoneStyle === 3 ? " " : "") + phone("en", r.phones[0], r.phoneStyle) : "";
      return [ctx.id(r), r.name, ctx.owner(r), or(r, "created_at", DATE.isoMinute(r.created)), ph, r.lastActivity ? DATE.isoMinute(r.lastActivity) : "",
        c.city, r.address ? c.region.name : "", "United States", r.address ? c.postcode : "", r.industry ? c.industry.hubspot : "",
        r.website ? c.domain : "", r.website, or(r, "employees", int(r.employees)), r.annualRevenue ? String(r.annualRevenue) : "", stage,
        r.hsType, String(r.dealsWon + r.openDeals), r.revenueWon ? r.revenueWon.toFixed(2) : "", r.note];
    },
  },

  salesforce: {
    locale: "en", encoding: "utf-8", bom: false, delimiter: ",", eol: "\n", quoteAll: true, trailer: true,
    header: ["Account Owner", "Account Name", "Billing State/Province", "Billing City", "Type", "Rating", "Industry", "Phone", "Website", "Employees",
      "Annual Revenue", "Last Activity", "Created Date", "Account ID"],
    has: ["last_activity_at", "industry", "created_at"],
    status: (r) => (r.sfType.startsWith("Customer") ? "purchase" : ""),
    industryLabel: (ind) => ind.sf,
    row(r, ctx) {
      const c = r.company;
      return [ctx.owner(r), r.name, r.address ? (r.stateCode ? c.region.code : c.region.name) : "", c.city, r.sfType, r.rating,
        r.industry && c.industry.sf ? c.industry.sf : "", r.phones.length ? phone("en", r.phones[0], r.phoneStyle) : "", r.website,
        or(r, "employees", int(r.employees)), r.annualRevenue ? String(r.annualRevenue) : "", r.lastActivity ? DATE.usDate(r.lastActivity) : "",
        or(r, "created_at", DATE.usDate(r.created)), ctx.id(r)];
    },
  },

  "salesforce-dataloader": {
    locale: "en", encoding: "utf-8", bom: false, delimiter: ",", eol: "\n", quoteAll: true,
    header: ["Id", "IsDeleted", "MasterRecordId", "Name", "Type", "ParentId", "BillingStreet", "BillingCity", "BillingState", "BillingPostalCode",
      "BillingCountry", "Phone", "Fax", "Website", "Industry", "AnnualRevenue", "NumberOfEmployees", "Description", "Rating", "OwnerId",
      "CreatedDate", "CreatedById", "LastModifiedDate", "LastActivityDate"],
    has: ["last_activity_at", "notes", "industry", "created_at"],
    status: (r) => (r.sfType.startsWith("Customer") ? "purchase" : ""),
    industryLabel: (ind) => ind.sf,
    row(r, ctx) {
      const c = r.company;
      return [ctx.id(r), "false", "", r.name, r.sfType, "", r.address ? `${c.house} ${c.street}` : "", c.city, r.address ? c.region.code : "",
        r.address ? c.postcode : "", r.address ? "US" : "", r.phones.length ? phone("en", r.phones[0], r.phoneStyle) : "", "", r.website,
        r.industry && c.industry.sf ? c.industry.sf : "", r.annualRevenue ? String(r.annualRevenue) : "", or(r, "employees", int(r.employees)),
        r.note, r.rating, ctx.ownerId(r), or(r, "created_at", DATE.isoZ(r.created)), ctx.creatorId, DATE.isoZ(modified(r)),
        r.lastActivity ? DATE.isoDate(r.lastActivity) : ""];
    },
  },

  zoho: {
    locale: "en", encoding: "utf-8", bom: false, delimiter: ",", eol: "\n", quoteAll: true,
    header: ["Record Id", "Account Owner.id", "Account Owner", "Account Name", "Phone", "Website", "Account Type", "Industry", "Employees",
      "Annual Revenue", "Rating", "Created By.id", "Created By", "Created Time", "Modified Time", "Last Activity Time", "Billing Street",
      "Billing City", "Billing State", "Billing Code", "Billing Country", "Description", "Tag"],
    has: ["last_activity_at", "notes", "industry", "created_at"],
    status: (r) => (r.zohoType === "Customer" ? "purchase" : ""),
    industryLabel: (ind) => ind.pd,
    row(r, ctx) {
      const c = r.company;
      return [ctx.id(r), ctx.ownerId(r), ctx.owner(r), r.name, r.phones.length ? phone("en", r.phones[0], r.phoneStyle) : "", r.website, r.zohoType,
        r.industry ? c.industry.pd : "", or(r, "employees", int(r.employees)), r.annualRevenue ? String(r.annualRevenue) : "", r.zohoRating,
        ctx.creatorId, ctx.creatorName, or(r, "created_at", DATE.isoSecond(r.created)), DATE.isoSecond(modified(r)),
        r.lastActivity ? DATE.isoSecond(r.lastActivity) : "", r.address ? `${c.house} ${c.street}` : "", c.city, r.address ? c.region.name : "",
        r.address ? c.postcode : "", r.address ? "United States" : "", r.note, r.tags.join(",")];
    },
  },

  pipedrive: {
    locale: "en", encoding: "utf-8", bom: false, delimiter: ",", eol: "\n", quoteAll: false,
    header: ["Organization - ID", "Organization - Name", "Organization - Owner", "Organization - Labels", "Organization - People",
      "Organization - Open deals", "Organization - Won deals", "Organization - Lost deals", "Organization - Total activities",
      "Organization - Last activity date", "Organization - Organization created", "Organization - Website", "Organization - Industry",
      "Organization - Annual revenue", "Organization - Number of employees", "Organization - Address",
      "Organization - City/town/village/locality of Address", "Organization - State/county of Address", "Organization - Country of Address",
      "Organization - ZIP/Postal code of Address", "Organization - Full/combined address of Address"],
    has: ["deals_won", "activity_count", "last_activity_at", "industry", "created_at"],
    status: (r) => (r.tags.includes("Warm lead") ? "engaged" : ""),
    industryLabel: (ind) => ind.pd,
    row(r, ctx) {
      const c = r.company;
      const full = `${c.house} ${c.street}, ${c.city}, ${c.region.code} ${c.postcode}, USA`;
      return [ctx.id(r), r.name, ctx.owner(r), r.tags.join(", "), String(r.contact ? 1 : 0), String(r.openDeals), String(r.dealsWon),
        String(r.lostDeals), or(r, "activity_count", String(r.activityCount)), r.lastActivity ? DATE.isoDate(r.lastActivity) : "",
        or(r, "created_at", DATE.isoSecond(r.created)), r.website, r.industry ? c.industry.pd : "", r.annualRevenue ? String(r.annualRevenue) : "",
        int(r.employees), r.address ? full : "", r.address ? c.city : "", r.address ? c.region.name : "", r.address ? "United States" : "",
        r.address ? c.postcode : "", r.address ? full : ""];
    },
  },

  odoo: {
    locale: "en", encoding: "utf-8", bom: false, delimiter: ",", eol: "\r\n", quoteAll: true,
    header: ["Complete Name", "Company Type", "Related Company", "Job Position", "Email", "Phone", "Mobile", "Salesperson", "Street", "City", "State",
      "Zip", "Country", "Tax ID", "Industry", "Tags", "Notes", "Created on"],
    has: ["notes", "industry", "created_at", "contact_name"],
    status: (r) => (r.tags.includes("Customer") ? "purchase" : ""),
    industryLabel: (ind) => ind.odoo,
    people: true,
    row(r, ctx) {
      const c = r.company;
      const ph = r.phones.length ? "'" + phone("en", r.phones[0], 2) : "";
      return [r.name, "Company", "", "", r.emails[0] ?? "", ph, "", ctx.owner(r), r.address ? `${c.house} ${c.street}` : "", c.city,
        r.address ? `${c.region.name} (US)` : "", r.address ? c.postcode : "", "United States", or(r, "tax_id", r.taxId),
        r.industry ? c.industry.odoo : "", r.tags[0] ?? "", r.note ? `<p>${r.note}</p>` : "", or(r, "created_at", DATE.isoSecond(r.created))];
    },
    person(p, ctx) {
      const x = p.person;
      return [`${p.companyName}, ${x.first} ${x.last}`, "Individual", p.companyName, x.role, x.email, "", "'" + phone("en", x.phone, 2), ctx.owner(p),
        "", "", "", "", "United States", "", "", "", "", DATE.isoSecond(p.created)];
    },
    continuation(r, ctx, width) {
      const cells = new Array(width).fill("");
      cells[15] = r.tag;
      return cells;
    },
  },

  romania: {
    locale: "ro", encoding: "utf-8", bom: true, delimiter: ";", eol: "\r\n", quoteAll: false,
    header: ["Denumire", "CUI", "Nr. Reg. Com.", "Cod CAEN", "Județ", "Localitate", "Adresă", "Cod poștal", "Telefon", "Email", "Website",
      "Persoană contact", "Funcție", "Responsabil", "Data înregistrării", "Ultima activitate", "Nr. comenzi", "Valoare comenzi", "Ultima comandă",
      "Cifra de afaceri", "Nr. angajați", "Observații"],
    has: ["deals_won", "revenue_won", "last_purchase_at", "last_activity_at", "notes", "industry_code", "created_at", "contact_name"],
    status: () => "",
    industryLabel: () => null,
    row(r, ctx) {
      const c = r.company;
      return [r.name, or(r, "tax_id", r.taxId ? (r.vatPrefix ? "RO" + r.taxId : r.taxId) : ""), r.variant === "original" ? c.regCom : "",
        r.industry ? c.industry.code.replace(".", "") : "", r.address ? c.region.name : "", c.city, r.address ? `${c.street} nr. ${c.house}` : "",
        r.address ? c.postcode : "", phones(r, "ro").join(", "), r.emails.join(", "), r.website, r.contact ? `${r.contact.first} ${r.contact.last}` : "",
        r.contact ? r.contact.role : "", ctx.owner(r), or(r, "created_at", DATE.ruDate(r.created)), r.lastActivity ? DATE.ruDate(r.lastActivity) : "",
        r.dealsWon ? String(r.dealsWon) : "", r.revenueWon ? numRo(r.revenueWon) : "", r.lastPurchase ? DATE.ruDate(r.lastPurchase) : "",
        or(r, "annual_revenue", r.annualRevenue ? numRo(r.annualRevenue, 0) : ""), int(r.employees), r.note];
    },
  },
};

export { translit };
