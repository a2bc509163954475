// Reference data for the fixtures: regions with their tax, phone and postcode codes, industries with
// their OKVED 2 / CAEN Rev.2 codes and each CRM's picklist label, names, roles and motivation cues.
// Sources: FNS region codes of INN, Rossvyaz area codes, Russian Post index prefixes; ANCOM area
// prefixes and Poșta Română codes for Romania; NANP area codes; OKVED 2 = CAEN Rev.2 = NACE Rev.2 divisions.

/** Russian regions: name as written, 1C short form, INN code, city [name, area code, postcode prefix]. */
export const RU_REGIONS = [
  { name: "Свердловская область", short: "Свердловская обл", inn: "66", weight: 18, territory: "Урал",
    cities: [["Екатеринбург", "343", "620"], ["Нижний Тагил", "3435", "622"], ["Каменск-Уральский", "3439", "623"], ["Первоуральск", "3439", "623"]] },
  { name: "Челябинская область", short: "Челябинская обл", inn: "74", weight: 10, territory: "Урал",
    cities: [["Челябинск", "351", "454"], ["Магнитогорск", "3519", "455"], ["Златоуст", "3513", "456"]] },
  { name: "Пермский край", short: "Пермский край", inn: "59", weight: 7, territory: "Урал",
    cities: [["Пермь", "342", "614"], ["Березники", "3424", "618"]] },
  { name: "Курганская область", short: "Курганская обл", inn: "45", weight: 2, territory: "Урал",
    cities: [["Курган", "3522", "640"]] },
  { name: "Тюменская область", short: "Тюменская обл", inn: "72", weight: 4, territory: "Сибирь",
    cities: [["Тюмень", "3452", "625"], ["Тобольск", "3456", "626"]] },
  { name: "Ханты-Мансийский автономный округ — Югра", short: "Ханты-Мансийский Автономный округ - Югра АО", inn: "86", weight: 3, territory: "Сибирь",
    cities: [["Сургут", "3462", "628"], ["Нижневартовск", "3466", "628"]] },
  { name: "Новосибирская область", short: "Новосибирская обл", inn: "54", weight: 4, territory: "Сибирь",
    cities: [["Новосибирск", "383", "630"]] },
  { name: "Москва", short: "Москва г", inn: "77", weight: 12, territory: "Центр", city: true,
    cities: [["Москва", "495", "115"], ["Москва", "499", "127"]] },
  { name: "Московская область", short: "Московская обл", inn: "50", weight: 6, territory: "Центр",
    cities: [["Подольск", "4967", "142"], ["Химки", "498", "141"], ["Коломна", "4966", "140"]] },
  { name: "Санкт-Петербург", short: "Санкт-Петербург г", inn: "78", weight: 6, territory: "Северо-Запад", city: true,
    cities: [["Санкт-Петербург", "812", "196"]] },
  { name: "Республика Татарстан", short: "Татарстан Респ", inn: "16", weight: 6, territory: "Поволжье",
    cities: [["Казань", "843", "420"], ["Набережные Челны", "8552", "423"], ["Альметьевск", "8553", "423"]] },
  { name: "Республика Башкортостан", short: "Башкортостан Респ", inn: "02", weight: 5, territory: "Поволжье",
    cities: [["Уфа", "347", "450"], ["Стерлитамак", "3473", "453"]] },
  { name: "Самарская область", short: "Самарская обл", inn: "63", weight: 5, territory: "Поволжье",
    cities: [["Самара", "846", "443"], ["Тольятти", "8482", "445"]] },
  { name: "Нижегородская область", short: "Нижегородская обл", inn: "52", weight: 4, territory: "Поволжье",
    cities: [["Нижний Новгород", "831", "603"], ["Дзержинск", "8313", "606"]] },
  { name: "Удмуртская Республика", short: "Удмуртская Респ", inn: "18", weight: 2, territory: "Поволжье",
    cities: [["Ижевск", "3412", "426"]] },
  { name: "Оренбургская область", short: "Оренбургская обл", inn: "56", weight: 2, territory: "Поволжье",
    cities: [["Оренбург", "3532", "460"], ["Орск", "3537", "462"]] },
  { name: "Краснодарский край", short: "Краснодарский край", inn: "23", weight: 3, territory: "Юг",
    cities: [["Краснодар", "861", "350"], ["Новороссийск", "8617", "353"]] },
  { name: "Ростовская область", short: "Ростовская обл", inn: "61", weight: 3, territory: "Юг",
    cities: [["Ростов-на-Дону", "863", "344"], ["Таганрог", "8634", "347"]] },
];

export const RU_STREETS = ["Малышева", "Ленина", "Мира", "Промышленная", "Заводская", "Машиностроителей", "Космонавтов",
  "Индустрии", "Фронтовых бригад", "Гагарина", "Советская", "Кирова", "Бажова", "Энтузиастов", "Складская", "Монтажников"];

/** Romanian counties (județe) as they are written, area prefix, postcode prefix, cities. */
export const RO_COUNTIES = [
  { name: "Cluj", phone: "264", post: "400", weight: 10, cities: ["Cluj-Napoca", "Turda", "Dej"], reg: "J12" },
  { name: "Timiș", phone: "256", post: "300", weight: 8, cities: ["Timișoara", "Lugoj"], reg: "J35" },
  { name: "Brașov", phone: "268", post: "500", weight: 7, cities: ["Brașov", "Făgăraș"], reg: "J08" },
  { name: "București", phone: "21", post: "030", weight: 10, cities: ["București"], reg: "J40" },
  { name: "Iași", phone: "232", post: "700", weight: 5, cities: ["Iași", "Pașcani"], reg: "J22" },
  { name: "Constanța", phone: "241", post: "900", weight: 4, cities: ["Constanța", "Medgidia"], reg: "J13" },
  { name: "Bihor", phone: "259", post: "410", weight: 5, cities: ["Oradea", "Salonta"], reg: "J05" },
  { name: "Sibiu", phone: "269", post: "550", weight: 5, cities: ["Sibiu", "Mediaș"], reg: "J32" },
  { name: "Argeș", phone: "248", post: "110", weight: 4, cities: ["Pitești", "Mioveni"], reg: "J03" },
  { name: "Prahova", phone: "244", post: "100", weight: 4, cities: ["Ploiești", "Câmpina"], reg: "J29" },
  { name: "Dolj", phone: "251", post: "200", weight: 3, cities: ["Craiova"], reg: "J16" },
  { name: "Mureș", phone: "265", post: "540", weight: 3, cities: ["Târgu Mureș", "Reghin"], reg: "J26" },
];
export const RO_STREETS = ["Str. Fabricii", "Str. Industriei", "Bd. Muncii", "Calea Turzii", "Str. Depozitelor", "Str. Uzinei", "Calea Bucureștilor", "Str. Avram Iancu"];

/** US states with [city, area code, ZIP]. */
export const US_STATES = [
  { name: "Illinois", code: "IL", weight: 10, cities: [["Chicago", "312", "60607"], ["Rockford", "815", "61101"], ["Springfield", "217", "62701"]] },
  { name: "Ohio", code: "OH", weight: 8, cities: [["Cleveland", "216", "44114"], ["Columbus", "614", "43215"], ["Toledo", "419", "43604"]] },
  { name: "Michigan", code: "MI", weight: 8, cities: [["Detroit", "313", "48226"], ["Grand Rapids", "616", "49503"]] },
  { name: "Indiana", code: "IN", weight: 5, cities: [["Indianapolis", "317", "46204"], ["Fort Wayne", "260", "46802"]] },
  { name: "Wisconsin", code: "WI", weight: 5, cities: [["Milwaukee", "414", "53202"], ["Green Bay", "920", "54301"]] },
  { name: "Pennsylvania", code: "PA", weight: 6, cities: [["Pittsburgh", "412", "15222"], ["Philadelphia", "215", "19103"]] },
  { name: "Texas", code: "TX", weight: 7, cities: [["Houston", "713", "77002"], ["Dallas", "214", "75201"]] },
  { name: "California", code: "CA", weight: 5, cities: [["Los Angeles", "213", "90012"], ["San Jose", "408", "95113"]] },
  { name: "Minnesota", code: "MN", weight: 3, cities: [["Minneapolis", "612", "55401"]] },
  { name: "Georgia", code: "GA", weight: 3, cities: [["Atlanta", "404", "30303"]] },
];
export const US_STREETS = ["W Fulton St", "Industrial Pkwy", "Commerce Dr", "N Main St", "Enterprise Ave", "Mill Rd", "Harbor Blvd", "E Lake St"];

/**
 * Industries of an industrial-equipment seller's customers. `code`: OKVED 2 / CAEN Rev.2 class
 * (same first four digits as NACE Rev.2). Labels per CRM picklist; null where the CRM has no fitting
 * option (the client's industry is then only known from a code).
 */
export const INDUSTRIES = [
  { section: "C", code: "25.62", weight: 14, ru: "Обработка металлических изделий механическая", ro: "Operațiuni de mecanică generală", en: "Metal machining",
    bitrix: "Производство", hubspot: "Mechanical or Industrial Engineering", sf: "Manufacturing", odoo: "Manufacturing", pd: "Manufacturing",
    ruStems: ["Мехобработка", "Металлист", "Техмаш", "Уралмашсервис", "Станкомаш", "Прецизион"], enStems: ["Precision Machining", "Tooling", "Machine Works"], roStems: ["Mecanica", "Tehnomet", "Prelucrări Metalice"] },
  { section: "C", code: "28.41", weight: 6, ru: "Производство металлообрабатывающего оборудования", ro: "Fabricarea mașinilor-unelte pentru prelucrarea metalului", en: "Machine tool manufacturing",
    bitrix: "Производство", hubspot: "Machinery", sf: "Machinery", odoo: "Manufacturing", pd: "Machinery",
    ruStems: ["Станкостроитель", "Уралстанко", "Станкопром"], enStems: ["Machine Tool", "Cutting Systems"], roStems: ["Mașini Unelte", "Utilaje"] },
  { section: "C", code: "24.10", weight: 4, ru: "Производство чугуна, стали и ферросплавов", ro: "Producția de metale feroase", en: "Steel production",
    bitrix: "Производство", hubspot: "Mining & Metals", sf: "Manufacturing", odoo: "Manufacturing", pd: "Manufacturing",
    ruStems: ["Металлург", "Сталь", "Уралсталь", "Литейщик"], enStems: ["Steel", "Castings", "Foundry"], roStems: ["Metalurgica", "Oțelinox"] },
  { section: "C", code: "10.51", weight: 4, ru: "Производство молочной продукции", ro: "Fabricarea produselor lactate", en: "Dairy processing",
    bitrix: "Производство", hubspot: "Food Production", sf: "Food & Beverage", odoo: "Manufacturing", pd: "Food production",
    ruStems: ["Молочный комбинат", "Агромолоко", "Молпром"], enStems: ["Dairy", "Foods"], roStems: ["Lactate", "Agrolact"] },
  { section: "C", code: "22.29", weight: 3, ru: "Производство прочих изделий из пластмасс", ro: "Fabricarea altor produse din material plastic", en: "Plastics manufacturing",
    bitrix: "Производство", hubspot: "Plastics", sf: "Manufacturing", odoo: "Manufacturing", pd: "Manufacturing",
    ruStems: ["Пластик", "Полимер", "Уралпласт"], enStems: ["Plastics", "Molding"], roStems: ["Plastprod", "Polimer"] },
  { section: "B", code: "08.11", weight: 4, ru: "Добыча декоративного и строительного камня, известняка", ro: "Extracția pietrei ornamentale și a pietrei de construcții", en: "Quarrying",
    bitrix: null, hubspot: "Mining & Metals", sf: null, odoo: "Mining", pd: "Mining",
    ruStems: ["Карьер", "Уралнеруд", "Гранит"], enStems: ["Quarry", "Aggregates"], roStems: ["Cariera", "Piatra"] },
  { section: "F", code: "41.20", weight: 8, ru: "Строительство жилых и нежилых зданий", ro: "Lucrări de construcții a clădirilor rezidențiale și nerezidențiale", en: "Building construction",
    bitrix: null, hubspot: "Construction", sf: "Construction", odoo: "Construction", pd: "Construction",
    ruStems: ["Стройдеталь", "Уралстрой", "Стройинвест", "Монтажстрой"], enStems: ["Construction", "Builders"], roStems: ["Construct", "Edilcon"] },
  { section: "D", code: "35.11", weight: 3, ru: "Производство электроэнергии", ro: "Producția de energie electrică", en: "Power generation",
    bitrix: null, hubspot: "Utilities", sf: "Energy", odoo: "Energy supply", pd: "Energy",
    ruStems: ["Энергогенерация", "ТеплоЭнерго", "Энергомаш"], enStems: ["Power", "Energy"], roStems: ["Electrocentrale", "Termoenergetica"] },
  { section: "H", code: "49.41", weight: 5, ru: "Деятельность автомобильного грузового транспорта", ro: "Transporturi rutiere de mărfuri", en: "Trucking",
    bitrix: "Доставка", hubspot: "Transportation/Trucking/Railroad", sf: "Transportation", odoo: "Transportation/Logistics", pd: "Transportation",
    ruStems: ["Трансавто", "Логистик", "Автотранс"], enStems: ["Freight", "Logistics", "Trucking"], roStems: ["Transport", "Trans Logistic"] },
  { section: "G", code: "46.69", weight: 6, ru: "Торговля оптовая прочими машинами и оборудованием", ro: "Comerț cu ridicata al altor mașini și echipamente", en: "Industrial equipment wholesale",
    bitrix: null, hubspot: "Wholesale", sf: "Retail", odoo: "Wholesale/Retail", pd: "Wholesale",
    ruStems: ["Промтехснаб", "Техснаб", "Снабкомплект", "Промкомплект"], enStems: ["Industrial Supply", "Equipment Distributors"], roStems: ["Prodcom", "Tehnoimpex"] },
  { section: "A", code: "01.11", weight: 4, ru: "Выращивание зерновых культур", ro: "Cultivarea cerealelor", en: "Grain farming",
    bitrix: null, hubspot: "Farming", sf: "Agriculture", odoo: "Agriculture", pd: "Agriculture",
    ruStems: ["Агрокомплекс", "Нива", "Агрохолдинг"], enStems: ["Farms", "Agri Services"], roStems: ["Agromec", "Agricola"] },
  { section: "E", code: "38.11", weight: 2, ru: "Сбор неопасных отходов", ro: "Colectarea deșeurilor nepericuloase", en: "Waste collection",
    bitrix: null, hubspot: "Environmental Services", sf: "Environmental", odoo: "Water supply", pd: "Waste management",
    ruStems: ["Экоресурс", "Вторчермет", "Чистый город"], enStems: ["Recycling", "Waste Services"], roStems: ["Salubris", "Eco Recycling"] },
  { section: "M", code: "71.12", weight: 3, ru: "Деятельность в области инженерных изысканий", ro: "Activități de inginerie și consultanță tehnică", en: "Engineering services",
    bitrix: "Консалтинг", hubspot: "Mechanical or Industrial Engineering", sf: "Engineering", odoo: "Scientific", pd: "Engineering",
    ruStems: ["Инжиниринг", "Проектмонтаж", "Техэксперт"], enStems: ["Engineering", "Technical Services"], roStems: ["Proiect", "Inginerie"] },
];

/** Name roots a Russian company name is built from. */
export const RU_PREFIX = ["Урал", "Сиб", "Волга", "Кама", "Север", "Юг", "Техно", "Пром", "Энерго", "Агро", "Строй", "Тагил", "Челяб", "Приволж", "Кузбасс", "Исеть", "Чусов", "Зауралье"];
export const RU_SUFFIX = ["маш", "сервис", "снаб", "пром", "комплект", "деталь", "техника", "ресурс", "монтаж", "лит", "трубпром", "агрегат", "инвест", "механика", "гидравлика"];
export const RU_PLANT = ["Завод Металлист", "Завод Прогресс", "Механический завод", "Завод Красный Октябрь", "Завод Уралэлектро", "Завод Гидромаш", "Завод Стройдеталь", "Машзавод"];

export const RU_FORMS = [
  { short: "ООО", long: "Общество с ограниченной ответственностью", weight: 70 },
  { short: "АО", long: "Акционерное общество", weight: 12 },
  { short: "ПАО", long: "Публичное акционерное общество", weight: 2 },
  { short: "ЗАО", long: "Закрытое акционерное общество", weight: 3 },
  { short: "ИП", long: "Индивидуальный предприниматель", weight: 8 },
];

export const RO_PREFIX = ["Transilvania", "Carpați", "Someș", "Mureș", "Banat", "Dacia", "Olt", "Ceahlău", "Bucegi", "Arieș", "Crișana", "Nord", "Vest", "Sud Est"];
export const RO_FORMS = [["SRL", 75], ["SA", 15], ["SC_SRL", 10]];

export const EN_PREFIX = ["Midwest", "Great Lakes", "Summit", "Prairie", "Lakeshore", "Keystone", "Ironwood", "Riverbend", "Northstar", "Buckeye", "Lone Star", "Pioneer", "Heartland", "Redwood", "Allegheny", "Badger", "Hoosier", "Cascade"];
export const EN_FORMS = [["Inc.", 40], ["LLC", 35], ["Corp.", 12], ["Co.", 8], ["Ltd.", 5]];

export const RU_MALE = { last: ["Иванов", "Кузнецов", "Смирнов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Федоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семенов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьев", "Борисов", "Яковлев", "Григорьев"],
  first: ["Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Максим", "Евгений", "Иван", "Михаил", "Николай", "Владимир", "Олег", "Павел", "Юрий", "Виктор", "Игорь", "Артём", "Роман"],
  patr: ["Александрович", "Сергеевич", "Дмитриевич", "Андреевич", "Алексеевич", "Владимирович", "Николаевич", "Викторович", "Петрович", "Юрьевич", "Игоревич", "Михайлович"] };
export const RU_FEMALE = { first: ["Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Анна", "Мария", "Екатерина", "Юлия", "Марина", "Людмила"],
  patr: ["Александровна", "Сергеевна", "Дмитриевна", "Андреевна", "Владимировна", "Николаевна", "Викторовна", "Петровна", "Юрьевна", "Игоревна"] };
export const RO_NAMES = { last: ["Popescu", "Ionescu", "Pop", "Mureșan", "Rusu", "Stan", "Dumitru", "Constantin", "Moldovan", "Lazăr", "Ardelean", "Munteanu", "Stoica", "Matei", "Ciobanu", "Barbu", "Florea", "Toma"],
  first: ["Ion", "Andrei", "Mihai", "Alexandru", "Bogdan", "Cristian", "Florin", "Vlad", "Maria", "Ioana", "Elena", "Andreea", "Ana", "Cristina", "Raluca", "Gabriela"] };
export const EN_NAMES = { last: ["Miller", "Johnson", "Chen", "Kowalski", "Nguyen", "Anderson", "Schmidt", "Garcia", "O'Brien", "Patel", "Larson", "Novak", "Brooks", "Reyes", "Fischer", "Hughes", "Sullivan", "Murphy"],
  first: ["John", "Sarah", "Michael", "Emily", "David", "Jessica", "Robert", "Laura", "James", "Karen", "Daniel", "Megan", "Thomas", "Rachel", "Kevin", "Anna"] };

/** Contact roles by kind (the `contacts` segmenter's decision_maker / chooser / buyer). */
export const ROLES = {
  ru: { decision_maker: ["Генеральный директор", "Директор", "Технический директор", "Собственник"],
        chooser: ["Главный инженер", "Главный механик", "Начальник производства", "Главный энергетик"],
        buyer: ["Начальник отдела снабжения", "Менеджер по закупкам", "Специалист по снабжению"] },
  ro: { decision_maker: ["Director general", "Administrator", "Director tehnic"],
        chooser: ["Inginer șef", "Șef producție", "Mecanic șef"],
        buyer: ["Achiziții", "Responsabil achiziții", "Manager aprovizionare"] },
  en: { decision_maker: ["CEO", "President", "Owner", "VP Operations"],
        chooser: ["Plant Engineer", "Maintenance Manager", "Production Manager"],
        buyer: ["Purchasing Manager", "Buyer", "Procurement Specialist"] },
};

/** Notes that carry a motivation cue, per language; `unknown` notes carry none. */
export const NOTES = {
  ru: {
    service: ["Главное для них — сервис и быстрый ремонт", "Важна сервисная поддержка, выезд инженера в течение суток", "Жалуются на простои, нужен сервис и запчасти на складе"],
    price: ["Ищут где дешевле", "Сравнивают цены, просят скидку", "Бюджет ограничен, главное — цена"],
    relationship: ["Давно работают с нами, доверяют нашему инженеру", "Лояльный клиент, ценят личные отношения с менеджером"],
    quality: ["не важна цена, важна надежность", "Требуют качество и сертификаты, брак недопустим"],
    delivery: ["Критичны сроки поставки", "Нужна поставка со склада, быстро"],
    unknown: ["Отправили КП", "Перезвонить в понедельник", "Был на выставке Иннопром", "Запросили каталог"],
  },
  ro: {
    service: ["Contează service-ul rapid și piesele de schimb", "Au nevoie de intervenție rapidă în service"],
    price: ["Prețul contează cel mai mult", "Cer mereu discount, compară oferte"],
    relationship: ["Colaborare de lungă durată, au încredere în inginerul nostru"],
    quality: ["Calitatea și fiabilitatea sunt esențiale"],
    delivery: ["Termenul de livrare este critic"],
    unknown: ["Am trimis oferta", "Revenim în septembrie", "Contact de la târgul TIB"],
  },
  en: {
    service: ["They need fast service and on-site repair", "Downtime is their pain, service contract matters"],
    price: ["Price shopping, always asks for a discount", "Budget is tight, lowest price wins"],
    relationship: ["They value the long relationship with our engineer", "Loyal customer, trust our team"],
    quality: ["Quality and reliability over price", "Need certified, reliable equipment"],
    delivery: ["Delivery time is critical, need stock on hand"],
    unknown: ["Sent a quote", "Met at IMTS", "Call back next quarter"],
  },
};

export const MOTIVATION_WEIGHTS = [["service", 22], ["price", 20], ["relationship", 12], ["quality", 12], ["delivery", 9], ["unknown", 25]];

export const RU_PUBLIC_MAIL = ["mail.ru", "yandex.ru", "bk.ru", "list.ru", "gmail.com"];
export const RO_PUBLIC_MAIL = ["yahoo.com", "gmail.com"];
export const EN_PUBLIC_MAIL = ["gmail.com", "yahoo.com", "outlook.com"];
