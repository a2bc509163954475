// Header synonyms in Russian, Romanian and English for every canonical field: what a plain spreadsheet calls them.
import type { Field } from "../types.js";

/**
 * Synonyms per field, strongest first: where two columns of one file feed a single-valued field,
 * the one whose synonym comes earlier wins (`Фактический адрес` before `Юридический адрес`).
 * Matching folds case, spacing, punctuation, `ё` and diacritics, so `Judet` and `Județ`,
 * `E-mail` and `Email` are one entry; both spellings are listed where people type both.
 */
export const FIELD_SYNONYMS: Record<Field, readonly string[]> = {
  id: [
    "ID", "Record ID", "Код", "Код клиента", "Код контрагента", "Код компании", "Идентификатор", "ID клиента", "ID компании",
    "Cod client", "ID client", "Cod firmă", "Identificator", "Client ID", "Customer ID", "Account ID", "Company ID", "External ID",
  ],
  name: [
    "Название", "Наименование", "Название компании", "Наименование компании", "Наименование организации",
    "Название организации", "Наименование контрагента", "Наименование клиента", "Наименование в программе",
    "Компания", "Организация", "Клиент", "Контрагент", "Юрлицо", "Юридическое лицо", "Фирма",
    "Denumire", "Denumirea", "Denumire firmă", "Denumire firma", "Denumire companie", "Denumire client",
    "Nume firmă", "Nume firma", "Nume companie", "Nume client", "Firma", "Firmă", "Companie", "Compania", "Societate", "Client",
    "Company", "Company Name", "Account", "Account Name", "Organization", "Organisation", "Organization Name",
    "Organisation Name", "Customer", "Customer Name", "Business Name", "Legal Name", "Name", "Nume",
    "Полное наименование", "Denumire completă", "Full Company Name",
  ],
  tax_id: [
    "ИНН", "ИНН организации", "ИНН клиента", "ИНН контрагента", "ИНН/КПП", "УНП", "БИН",
    "CUI", "CIF", "CUI/CIF", "Cod fiscal", "Cod unic de înregistrare", "Cod unic de inregistrare",
    "Cod de identificare fiscală", "Cod de identificare fiscala", "Cod TVA", "Cod CUI",
    "VAT", "VAT Number", "VAT ID", "VAT No", "Tax ID", "Tax Number", "TIN", "EIN", "NIF", "INN",
  ],
  country: ["Страна", "Țară", "Tara", "Țara", "Country", "Country/Region", "Billing Country", "Country Name", "Country Code"],
  region: [
    "Регион", "Область", "Субъект РФ", "Субъект", "Край", "Регион/область", "Область/край", "Республика",
    "Județ", "Judet", "Județul", "Judetul", "Regiune", "Regiunea",
    "State", "Region", "State/Region", "State/Province", "Province", "County", "Billing State", "Billing State/Province",
    "Бизнес-регион",
  ],
  city: [
    "Город", "Населенный пункт", "Нас. пункт", "Oraș", "Oras", "Orașul", "Localitate", "Localitatea", "Municipiu",
    "City", "Town", "Locality", "Billing City", "City/Town",
  ],
  address: [
    "Фактический адрес", "Адрес", "Адрес компании", "Почтовый адрес", "Юридический адрес", "Адрес регистрации",
    "Adresă", "Adresa", "Adresa sediu", "Adresă sediu", "Sediu", "Sediul social", "Adresa completă",
    "Address", "Street", "Street Address", "Billing Street", "Billing Address", "Full Address", "Company Address",
    "Контактная информация",
  ],
  postal_code: [
    "Индекс", "Почтовый индекс", "Cod poștal", "Cod postal", "Codul poștal",
    "Postal Code", "Zip", "ZIP Code", "Zip/Postal Code", "Postcode", "Post Code", "Billing Zip/Postal Code",
    "Billing Postal Code", "Billing Code", "Billing Zip",
  ],
  phone: [
    "Телефон", "Телефоны", "Рабочий телефон", "Мобильный телефон", "Мобильный", "Тел.", "Контактный телефон",
    "Телефон компании", "Основной телефон", "Рабочий прямой телефон", "Другой телефон", "Домашний телефон",
    "Telefon", "Telefoane", "Telefon fix", "Telefon mobil", "Mobil", "Număr de telefon", "Numar de telefon",
    "Phone", "Phones", "Phone Number", "Telephone", "Mobile", "Mobile Phone", "Work Phone", "Office Phone", "Main Phone",
  ],
  email: [
    "E-mail", "Эл. почта", "Электронная почта", "Почта", "Рабочий e-mail", "Частный e-mail", "Личный e-mail", "Другой e-mail",
    "Адрес электронной почты", "Adresă de email", "Adresa email", "Adresa de e-mail", "Poștă electronică", "Posta electronica",
    "Email Address", "Work Email", "Mail", "E-mails",
  ],
  website: [
    "Сайт", "Веб-сайт", "Корпоративный сайт", "Web", "Интернет-сайт", "Домен", "Site", "Site web", "Pagină web", "Pagina web",
    "Website", "Web Site", "Website URL", "Website Link", "URL", "Domain", "Company Domain Name",
  ],
  industry: [
    "Сфера деятельности", "Отрасль", "Вид деятельности", "Основной вид деятельности", "Деятельность", "Индустрия",
    "Industrie", "Domeniu de activitate", "Domeniul de activitate", "Domeniu", "Sector de activitate", "Sector", "Activitate",
    "Industry", "Business Type", "Vertical",
  ],
  industry_code: [
    "ОКВЭД", "Код ОКВЭД", "Вид деятельности (ОКВЭД)", "Основной вид деятельности (ОКВЭД)", "ОКВЭД 2", "ОКВЭД2", "Основной ОКВЭД", "CAEN", "Cod CAEN", "Cod CAEN principal",
    "NACE", "NACE Code", "Cod NACE", "NAICS", "NAICS Code", "SIC", "SIC Code",
  ],
  company_type: [
    "Тип компании", "Тип клиента", "Тип контрагента", "Вид контрагента", "Организационно-правовая форма", "ОПФ",
    "Форма собственности", "Юр. / физ. лицо", "Tip companie", "Tip client", "Formă juridică", "Forma juridica",
    "Forma de organizare", "Company Type", "Legal Form", "Entity Type", "Ownership",
  ],
  employees: [
    "Кол-во сотрудников", "Количество сотрудников", "Число сотрудников", "Численность", "Численность сотрудников",
    "Численность персонала", "Сотрудников", "Сотрудники", "Штат",
    "Număr de angajați", "Numar de angajati", "Număr angajați", "Nr. angajați", "Nr angajati", "Angajați", "Angajati",
    "Employees", "Number of Employees", "Employee Count", "No. of Employees", "Headcount", "Company Size", "Staff",
  ],
  annual_revenue: [
    "Годовой оборот", "Оборот", "Выручка", "Годовая выручка", "Выручка за год",
    "Cifra de afaceri", "Cifră de afaceri", "Venit anual", "Venituri", "Venituri anuale",
    "Annual Revenue", "Revenue", "Turnover", "Annual Turnover", "Annual Sales",
  ],
  owner: [
    "Ответственный", "Ответственный менеджер", "Менеджер", "Основной менеджер", "Куратор", "Ответственный сотрудник",
    "Менеджер клиента", "Менеджер по продажам", "Ответственное лицо",
    "Responsabil", "Agent", "Agent vânzări", "Agent de vânzări", "Agent vanzari", "Manager", "Manager de cont",
    "Reprezentant vânzări", "Owner", "Account Owner", "Company Owner", "Salesperson", "Sales Rep",
    "Sales Representative", "Assigned To", "Account Manager", "Record Owner", "Owner Name",
  ],
  created_at: [
    "Дата создания", "Создан", "Создана", "Дата регистрации", "Дата добавления", "Дата заведения",
    "Data creării", "Data crearii", "Data creare", "Data înregistrării", "Data inregistrarii", "Data adăugării",
    "Created", "Created Date", "Create Date", "Created At", "Created On", "Date Created", "Creation Date", "Created Time",
    "Date Added",
  ],
  last_activity_at: [
    "Последняя активность", "Дата последней активности", "Дата последнего контакта", "Последний контакт",
    "Дата последнего взаимодействия", "Ultima activitate", "Data ultimei activități", "Data ultimei activitati",
    "Ultimul contact", "Data ultimului contact", "Last Activity", "Last Activity Date", "Last Activity Time",
    "Last Contacted", "Last Contact", "Last Contact Date", "Last Interaction",
  ],
  activity_count: [
    "Количество активностей", "Кол-во активностей", "Число активностей", "Активностей", "Количество дел",
    "Количество касаний", "Număr activități", "Numar activitati", "Nr. activități", "Activități", "Activitati",
    "Activities", "Activity Count", "Number of Activities", "Done Activities", "Total Activities",
    "Number of Sales Activities",
  ],
  deals_won: [
    "Успешные сделки", "Успешных сделок", "Выигранные сделки", "Количество продаж", "Кол-во продаж", "Кол-во успешных сделок", "Количество успешных сделок",
    "Количество покупок", "Кол-во покупок", "Число покупок", "Покупок", "Количество заказов", "Кол-во заказов",
    "Oferte câștigate", "Tranzacții câștigate", "Tranzactii castigate", "Număr comenzi", "Numar comenzi", "Nr. comenzi", "Comenzi",
    "Won Deals", "Deals Won", "Closed Won Deals", "Number of Won Deals", "Orders", "Number of Orders", "Purchases",
  ],
  revenue_won: [
    "Сумма покупок", "Сумма успешных сделок", "Сумма продаж", "Объем продаж", "Сумма заказов", "Выручка от клиента", "LTV",
    "Valoare vânzări", "Valoare vanzari", "Valoare comenzi", "Vânzări", "Vanzari", "Total vânzări", "Total vanzari",
    "Total Revenue", "Revenue Won", "Won Revenue", "Won Deals Value", "Total Sales", "Sales", "Lifetime Value", "Total Spent",
  ],
  last_purchase_at: [
    "Дата последней покупки", "Последняя покупка", "Дата последней продажи", "Дата последнего заказа", "Последний заказ",
    "Data ultimei achiziții", "Data ultimei achizitii", "Ultima achiziție", "Ultima achizitie", "Ultima comandă",
    "Data ultimei comenzi", "Last Purchase", "Last Purchase Date", "Last Order Date", "Last Order",
    "Recent Deal Close Date", "Last Won Deal Date",
  ],
  status: [
    "Статус", "Статус клиента", "Стадия", "Стадия клиента", "Этап", "Stare", "Status", "Status client", "Etapă", "Etapa",
    "Lifecycle Stage", "Customer Status", "Account Status", "Stage",
  ],
  motivation: [
    "Мотивация", "Мотив покупки", "Мотив", "Причина покупки", "Потребность", "Motivație", "Motivatie", "Motivația",
    "Motiv", "Motivul achiziției", "Motivul achizitiei", "Motivation", "Buying Motive", "Purchase Reason",
    "Reason for Purchase",
  ],
  notes: [
    "Комментарий", "Комментарии", "Примечание", "Примечания", "Заметки", "Заметка", "Описание",
    "Observații", "Observatii", "Mențiuni", "Mentiuni", "Notițe", "Notite", "Comentarii", "Comentariu", "Descriere",
    "Notă", "Note", "Notes", "Comments", "Comment", "Description", "Remarks",
  ],
  contact_name: [
    "Контактное лицо", "Контакт", "ФИО", "ФИО контакта", "ФИО контактного лица", "Полное имя контакта", "Основной контакт",
    "Представитель", "Persoană de contact", "Persoana de contact", "Persoană contact", "Persoana contact", "Nume contact", "Reprezentant",
    "Contact", "Contact Name", "Contact Person", "Primary Contact", "Full Name",
  ],
  contact_role: [
    "Должность", "Должность контакта", "Должность контактного лица", "Funcție", "Functie", "Funcția", "Funcția contactului",
    "Poziție", "Pozitie", "Job Title", "Title", "Position", "Job Position", "Role", "Contact Title",
  ],
  contact_phone: [
    "Телефон контакта", "Телефон контактного лица", "Мобильный контакта", "Telefon contact", "Telefon persoană de contact",
    "Telefon persoana de contact", "Contact Phone", "Contact Mobile", "Person Phone",
  ],
  contact_email: [
    "E-mail контакта", "Почта контакта", "E-mail контактного лица", "Email contact", "E-mail persoană de contact",
    "E-mail persoana de contact", "Contact Email", "Person Email",
  ],
};

/** Columns of tags or labels: a company may have several, so they may continue a record. */
export const TAG_SYNONYMS: readonly string[] = ["Теги", "Тег", "Метки", "Etichete", "Etichetă", "Tag-uri", "Tags", "Tag", "Labels", "Label"];

/** Requisites a company may have several of (a branch's KPP, bank details): they may continue a record. */
export const REQUISITE_SYNONYMS: readonly string[] = [
  "КПП", "ОГРН", "ОГРНИП", "ОКПО", "БИК", "Банк", "Расчетный счет", "Р/с", "Корр. счет", "Корреспондентский счет", "К/с",
  "Банковские реквизиты", "Реквизиты", "Nr. Reg. Com.", "Nr. Registrul Comerțului", "Număr de înregistrare",
  "Registrul Comerțului", "Reg. Com.", "IBAN", "Cont bancar", "Banca", "Bank", "Bank Account",
];

/**
 * Looser words, used only to suggest a `--map` line for a header nothing matched: they are too
 * ambiguous to map on their own (`Тип` may be a status or a company type, `Сумма` of what?).
 */
export const HINT_SYNONYMS: Partial<Record<Field, readonly string[]>> = {
  status: ["Тип", "Tip", "Type", "Lead Status", "Rating", "Рейтинг"],
  phone: ["Тел", "Tel", "Моб", "Факс", "Fax"],
  revenue_won: ["Сумма", "Suma", "Amount"],
  owner: ["Пользователь", "User", "Utilizator"],
  region: ["Zona", "Зона", "Territory", "Территория"],
  notes: ["Примечание 1", "Info", "Информация"],
};

/** Fields a record may carry several values of across several columns (`Рабочий телефон`, `Мобильный телефон`). */
export const MULTI_COLUMN_FIELDS: ReadonlySet<Field> = new Set<Field>(["phone", "email", "website", "notes", "contact_phone", "contact_email"]);
