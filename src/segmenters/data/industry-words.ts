// CRM industry picklists and ru/ro/en word stems mapped to NACE Rev.2 sections.
// Sources: Bitrix24 `Сфера деятельности` defaults; Salesforce Account.Industry (32 values); HubSpot company
// industry (LinkedIn list, the common values); Odoo res.partner.industry (NACE-based, base data XML);
// Zoho CRM Accounts default Industry picklist; stems written from the OKVED / CAEN / NACE division titles.
import type { Section } from "./nace.js";

/** A CRM picklist value (folded) → section; `""` for values that name no industry (`Другое`, `Other`). */
export const PICKLISTS: ReadonlyArray<[Section | "", string]> = [
  // Bitrix24
  ["C", "Производство"], ["J", "Информационные технологии"], ["J", "Телекоммуникации и связь"], ["K", "Банковские услуги"],
  ["K", "Финансы"], ["M", "Консалтинг"], ["H", "Доставка"], ["O", "Правительство"], ["R", "Развлечения"],
  ["S", "Не для получения прибыли"], ["", "Другое"],
  // Salesforce
  ["A", "Agriculture"], ["C", "Apparel"], ["K", "Banking"], ["M", "Biotechnology"], ["C", "Chemicals"], ["J", "Communications"],
  ["F", "Construction"], ["M", "Consulting"], ["P", "Education"], ["C", "Electronics"], ["D", "Energy"], ["M", "Engineering"],
  ["R", "Entertainment"], ["E", "Environmental"], ["K", "Finance"], ["C", "Food & Beverage"], ["O", "Government"],
  ["Q", "Healthcare"], ["I", "Hospitality"], ["K", "Insurance"], ["C", "Machinery"], ["C", "Manufacturing"], ["J", "Media"],
  ["S", "Not For Profit"], ["", "Other"], ["R", "Recreation"], ["G", "Retail"], ["H", "Shipping"], ["J", "Technology"],
  ["J", "Telecommunications"], ["H", "Transportation"], ["D", "Utilities"],
  // HubSpot (LinkedIn industries)
  ["C", "Machinery"], ["C", "Mechanical or Industrial Engineering"], ["B", "Oil & Energy"], ["C", "Mining & Metals"],
  ["C", "Food Production"], ["G", "Wholesale"], ["H", "Logistics and Supply Chain"], ["H", "Transportation/Trucking/Railroad"],
  ["J", "Information Technology and Services"], ["J", "Computer Software"], ["K", "Financial Services"], ["L", "Real Estate"],
  ["Q", "Hospital & Health Care"], ["P", "Education Management"], ["O", "Government Administration"], ["C", "Automotive"],
  ["A", "Farming"], ["C", "Paper & Forest Products"], ["C", "Plastics"], ["C", "Building Materials"],
  ["C", "Electrical/Electronic Manufacturing"], ["I", "Restaurants"], ["M", "Accounting"], ["H", "Airlines/Aviation"],
  ["M", "Architecture & Planning"], ["C", "Aviation & Aerospace"], ["R", "Arts and Crafts"], ["C", "Chemicals"],
  ["F", "Civil Engineering"], ["C", "Computer Hardware"], ["J", "Computer & Network Security"], ["C", "Consumer Electronics"],
  ["C", "Consumer Goods"], ["C", "Cosmetics"], ["C", "Dairy"], ["C", "Defense & Space"], ["M", "Design"], ["P", "E-Learning"],
  ["E", "Environmental Services"], ["R", "Events Services"], ["O", "Executive Office"], ["N", "Facilities Services"],
  ["A", "Fishery"], ["C", "Food & Beverages"], ["C", "Furniture"], ["R", "Gambling & Casinos"], ["C", "Glass, Ceramics & Concrete"],
  ["P", "Higher Education"], ["I", "Hospitality"], ["N", "Human Resources"], ["G", "Import and Export"], ["C", "Industrial Automation"],
  ["J", "Information Services"], ["J", "Internet"], ["K", "Investment Management"], ["K", "Investment Banking"], ["M", "Law Practice"],
  ["M", "Legal Services"], ["R", "Leisure, Travel & Tourism"], ["G", "Luxury Goods & Jewelry"], ["M", "Management Consulting"],
  ["H", "Maritime"], ["M", "Marketing and Advertising"], ["M", "Market Research"], ["Q", "Medical Devices"], ["Q", "Medical Practice"],
  ["Q", "Mental Health Care"], ["O", "Military"], ["J", "Motion Pictures and Film"], ["R", "Museums and Institutions"],
  ["R", "Music"], ["C", "Nanotechnology"], ["J", "Newspapers"], ["S", "Non-Profit Organization Management"], ["C", "Packaging and Containers"],
  ["C", "Pharmaceuticals"], ["R", "Performing Arts"], ["M", "Photography"], ["C", "Printing"], ["J", "Publishing"],
  ["H", "Package/Freight Delivery"], ["C", "Railroad Manufacture"], ["D", "Renewables & Environment"], ["M", "Research"],
  ["S", "Religious Institutions"], ["G", "Retail"], ["N", "Security and Investigations"], ["C", "Semiconductors"],
  ["C", "Shipbuilding"], ["R", "Sports"], ["N", "Staffing and Recruiting"], ["G", "Supermarkets"], ["C", "Textiles"],
  ["C", "Tobacco"], ["N", "Translation and Localization"], ["D", "Utilities"], ["K", "Venture Capital & Private Equity"],
  ["M", "Veterinary"], ["H", "Warehousing"], ["C", "Wine and Spirits"], ["J", "Wireless"], ["J", "Telecommunications"],
  ["K", "Banking"], ["K", "Insurance"], ["F", "Construction"], ["C", "Biotechnology"], ["O", "Public Policy"], ["O", "Law Enforcement"],
  ["C", "Sporting Goods"], ["A", "Ranching"], ["J", "Online Media"], ["J", "Broadcast Media"], ["M", "Public Relations and Communications"],
  // Odoo
  ["B", "Mining"], ["D", "Energy supply"], ["E", "Water supply"], ["G", "Wholesale/Retail"], ["H", "Transportation/Logistics"],
  ["I", "Food/Hospitality"], ["J", "IT/Communication"], ["K", "Finance/Insurance"], ["M", "Scientific"], ["N", "Administrative/Utilities"],
  ["O", "Public Administration"], ["Q", "Health/Social"], ["S", "Other Services"], ["T", "Households"], ["U", "Extraterritorial"],
  // Zoho (defaults lean to IT)
  ["J", "ASP (Application Service Provider)"], ["C", "Data/Telecom OEM"], ["J", "ERP (Enterprise Resource Planning)"],
  ["O", "Government/Military"], ["", "Large Enterprise"], ["J", "ManagementISV"], ["J", "MSP (Management Service Provider)"],
  ["C", "Network Equipment Enterprise"], ["J", "Non-management ISV"], ["C", "Optical Networking"], ["J", "Service Provider"],
  ["", "Small/Medium Enterprise"], ["C", "Storage Equipment"], ["J", "Storage Service Provider"], ["J", "Systems Integrator"],
  ["J", "Wireless Industry"], ["", "-None-"],
  // Romanian and Russian generic values seen in hand-made lists
  ["", "Altele"], ["", "Прочее"], ["", "N/A"],
];

/**
 * Word stems per section, `|`-separated, matched against the folded words of the industry text: a stem
 * matches a word it begins (the longest stem wins), `=word` only the whole word, and a stem with a space
 * the words in a row. Russian, Romanian (without diacritics) and English.
 */
/**
 * Picklist values that straddle two sections (LinkedIn's "Mining & Metals" is mining or metal making):
 * the company's name decides between the candidates, else the first one holds.
 */
export const AMBIGUOUS_PICKLISTS: ReadonlyArray<[string, readonly Section[]]> = [
  ["Mining & Metals", ["C", "B"]],
  ["Mechanical or Industrial Engineering", ["C", "M"]],
  ["Oil & Energy", ["B", "D", "C"]],
  ["Energy", ["D", "B"]],
  ["Engineering", ["M", "C", "F"]],
];

export const STEMS: Readonly<Record<Section, string>> = {
  A: "сельск|агро|растениевод|животновод|птицевод|птицефабр|свиновод|свинокомплекс|=ферма|фермерск|зернов|лесозагот|лесхоз|лесное хозяйство|рыболов|рыбовод|теплиц|тепличн|" +
    "agricol|agricultur|ferma|zootehn|silvicult|pescuit|horticol|legumicol|" +
    "farm|agri|crop|livestock|forestry|logging|fishing|fishery|aquacultur|poultry|orchard|ranch",
  B: "горнодобыв|горно|добыч|рудник|рудн|шахт|угледоб|угольн|нефтедоб|газодоб|нефтегаз|=нефть|нефтян|недропольз|" +
    "minerit|extracti|=mina|cariera|petrol|" +
    "mining|=mine|=mines|quarr|aggregates|gravel|coal|=ore|drilling|oilfield|=oil|petroleum",
  C: "производ|изготов|завод|фабрик|комбинат|металлообраб|металлическ|машиностро|станк|станкостро|литейн|литье|пищев|мебел|химич|фармацевт|" +
    "металлург|деревообр|полиграф|типограф|швейн|текстил|обувн|пластмасс|полимер|резинотехн|стекольн|кирпич|цемент|=жби|бетон|" +
    "приборостр|электротехн|радиоэлектрон|кабельн|нефтеперераб|лакокрас|упаковк|хлебозав|хлебопек|кондитер|мясокомб|мясоперераб|" +
    "молокозав|пивовар|винзавод|ликеро|судостро|авиастро|автозавод|оборудовани|металлоконструк|сварн|" +
    "productie|productia|producator|fabric|prelucr|industri|metalurg|mobila|mobilier|textil|confecti|alimentar|panific|tipograf|chimic|farmaceut|mase plastice|utilaj|" +
    "manufactur|machin|steel|=plant|foundry|factory|fabricat|metalwork|=mill|=mills|industrial|chemical|pharmaceut|plastic|textile|" +
    "apparel|furniture|printing|packaging|automotive|semiconductor|food production|food processing|brewer|bakery|cnc",
  D: "энергет|электроэнерг|электроснаб|энергосбыт|энергоснаб|теплоснаб|теплоэнерг|газоснаб|газораспред|=газ|котельн|=тэц|=гэс|=грэс|=аэс|электростанц|" +
    "energie|energetic|termoficare|gaze naturale|electrocentral|" +
    "energy|electricity|=power|utilit|=gas|renewable|solar|wind farm",
  E: "водоснаб|водоканал|водоотвед|канализ|отход|утилизац|вторсыр|вторичн|мусор|" +
    "=apa|canalizare|deseur|salubr|reciclar|" +
    "water supply|sewer|sewage|waste|recycl|environmental",
  F: "строител|строй|стройтрест|застройщ|девелоп|отделочн|кровел|дорожно строит|дорожное строит|монтажн|фасадн|" +
    "construct|edilit|renovar|instalatii|" +
    "construction|contractor|builder|=building|civil engineering|roofing|plumbing|hvac",
  G: "торгов|оптов|=опт|розниц|розничн|магазин|дистриб|дилер|снабжен|маркетплейс|=тд|торговый дом|автосалон|" +
    "comert|en gros|cu ridicata|amanunt|distribut|magazin|retail|" +
    "wholesale|distributor|distribution|=store|=stores|=shop|dealer|trading|=trade|ecommerce|e commerce|supermarket",
  H: "транспорт|автотранспорт|логист|перевоз|грузоперев|экспедир|склад|доставк|курьер|такси|автобаз|авиакомп|авиаперев|железнодор|=ржд|почтов|" +
    "transport|logistic|expediti|curierat|depozit|" +
    "logistics|trucking|freight|shipping|courier|warehous|railroad|railway|airline|delivery",
  I: "гостиниц|отел|ресторан|=кафе|общепит|общественное питание|хостел|столов|кейтеринг|" +
    "hotel|restaurant|catering|pensiune|horeca|" +
    "hospitality|restaurants|=cafe|lodging|food service",
  J: "информацион|=ит|айти|программн|программ|софт|телеком|=связь|=связи|интернет|провайдер|издател|=сми|телевид|радиовещ|медиа|веб|" +
    "informatic|software|=it|telecomunic|comunicati|editur|=media|programare|" +
    "information technology|computer|telecom|internet|saas|publishing|broadcast|=data|cloud|wireless|=isp|=ict",
  K: "банк|банковск|финанс|страхов|кредит|лизинг|инвестиц|микрофинанс|" +
    "banca|bancar|financ|asigurar|leasing|" +
    "bank|finance|financial|insurance|invest|fintech|capital markets",
  L: "недвижим|риэлт|риелт|" +
    "imobiliar|" +
    "real estate|realty|property management",
  M: "консалт|консульт|юридич|юрист|адвокат|нотари|бухгалт|аудит|проектн|изыскан|инжиниринг|научн|исследоват|реклам|маркетинг|архитект|дизайн|ветерин|" +
    "consultant|consultanta|consultan|juridic|avocat|contabil|audit|proiectare|arhitect|cercetare|publicitate|marketing|design|veterinar|" +
    "consult|legal|law firm|=law|accounting|engineering|technical serv|research|advertis|architect|veterinary",
  N: "кадров|рекрут|подбор персонал|=охрана|охранн|клининг|уборк|турагент|туроператор|туристич|аренд|прокат|аутсорсинг персонал|" +
    "recrutare|=paza|curatenie|turistic|inchirier|" +
    "staffing|recruit|security services|cleaning|facilities|travel|rental|outsourcing",
  O: "государств|администрац|министерств|муниципал|ведомств|правительств|" +
    "primari|ministerul|administratie publica|consiliul judetean|prefectur|" +
    "government|public administration|municipal|military|defense|defence",
  P: "образован|школ|университет|=вуз|колледж|учебн|обучени|детский сад|" +
    "scoala|universitat|educati|invatamant|gradinit|formare profesionala|" +
    "education|school|universit|college|training|e learning",
  Q: "медицин|здравоохр|клиник|больниц|поликлин|стоматолог|санатор|социальное обслуж|" +
    "medical|clinic|spital|sanatate|stomatolog|" +
    "health|hospital|healthcare|dental|nursing|care home",
  R: "развлеч|культур|спорт|фитнес|театр|музей|досуг|казино|" +
    "divertisment|sport|cultur|teatru|muzeu|" +
    "entertainment|recreation|sports|fitness|museum|casino|arts",
  S: "общественная организ|некоммерч|ассоциац|химчистк|парикмах|салон красоты|религиоз|" +
    "asociati|fundati|=ong|frizer|" +
    "non profit|nonprofit|not for profit|association|charity|religious|beauty salon",
  T: "домашн хозяйств|" +
    "gospodari|" +
    "household",
  U: "экстерритор|посольств|международная организ|" +
    "ambasad|extrateritorial|" +
    "embassy|extraterritorial",
};
