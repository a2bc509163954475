// NACE Rev.2 sections and divisions with their official titles in English, Russian (OKVED 2) and Romanian (CAEN Rev.2).
// Sources: Regulation (EC) No 1893/2006 (NACE Rev.2) annex I; ОК 029-2014 (КДЕС Ред. 2), Росстандарт;
// Ordinul INS nr. 337/2007 (CAEN Rev.2). OKVED 2 and CAEN Rev.2 keep NACE's first four digits, so a
// code's division (its first two digits) gives the section in all three. Titles are the official ones,
// shortened only where the official text lists exceptions in brackets.

export const SECTIONS = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U"] as const;
export type Section = (typeof SECTIONS)[number];

/** Section letter → first and last division. */
const SECTION_RANGES: ReadonlyArray<[Section, number, number]> = [
  ["A", 1, 3], ["B", 5, 9], ["C", 10, 33], ["D", 35, 35], ["E", 36, 39], ["F", 41, 43], ["G", 45, 47],
  ["H", 49, 53], ["I", 55, 56], ["J", 58, 63], ["K", 64, 66], ["L", 68, 68], ["M", 69, 75], ["N", 77, 82],
  ["O", 84, 84], ["P", 85, 85], ["Q", 86, 88], ["R", 90, 93], ["S", 94, 96], ["T", 97, 98], ["U", 99, 99],
];

/** Section titles: en | ru | ro. */
export const SECTION_TITLES: Readonly<Record<Section, readonly [string, string, string]>> = {
  A: ["Agriculture, forestry and fishing", "Сельское, лесное хозяйство, охота, рыболовство и рыбоводство", "Agricultură, silvicultură și pescuit"],
  B: ["Mining and quarrying", "Добыча полезных ископаемых", "Industria extractivă"],
  C: ["Manufacturing", "Обрабатывающие производства", "Industria prelucrătoare"],
  D: ["Electricity, gas, steam and air conditioning supply", "Обеспечение электрической энергией, газом и паром; кондиционирование воздуха", "Producția și furnizarea de energie electrică și termică, gaze, apă caldă și aer condiționat"],
  E: ["Water supply; sewerage, waste management and remediation activities", "Водоснабжение; водоотведение, организация сбора и утилизации отходов, деятельность по ликвидации загрязнений", "Distribuția apei; salubritate, gestionarea deșeurilor, activități de decontaminare"],
  F: ["Construction", "Строительство", "Construcții"],
  G: ["Wholesale and retail trade; repair of motor vehicles and motorcycles", "Торговля оптовая и розничная; ремонт автотранспортных средств и мотоциклов", "Comerț cu ridicata și cu amănuntul; repararea autovehiculelor și motocicletelor"],
  H: ["Transportation and storage", "Транспортировка и хранение", "Transport și depozitare"],
  I: ["Accommodation and food service activities", "Деятельность гостиниц и предприятий общественного питания", "Hoteluri și restaurante"],
  J: ["Information and communication", "Деятельность в области информации и связи", "Informații și comunicații"],
  K: ["Financial and insurance activities", "Деятельность финансовая и страховая", "Intermedieri financiare și asigurări"],
  L: ["Real estate activities", "Деятельность по операциям с недвижимым имуществом", "Tranzacții imobiliare"],
  M: ["Professional, scientific and technical activities", "Деятельность профессиональная, научная и техническая", "Activități profesionale, științifice și tehnice"],
  N: ["Administrative and support service activities", "Деятельность административная и сопутствующие дополнительные услуги", "Activități de servicii administrative și activități de servicii suport"],
  O: ["Public administration and defence; compulsory social security", "Государственное управление и обеспечение военной безопасности; социальное обеспечение", "Administrație publică și apărare; asigurări sociale din sistemul public"],
  P: ["Education", "Образование", "Învățământ"],
  Q: ["Human health and social work activities", "Деятельность в области здравоохранения и социальных услуг", "Sănătate și asistență socială"],
  R: ["Arts, entertainment and recreation", "Деятельность в области культуры, спорта, организации досуга и развлечений", "Activități de spectacole, culturale și recreative"],
  S: ["Other service activities", "Предоставление прочих видов услуг", "Alte activități de servicii"],
  T: ["Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use", "Деятельность домашних хозяйств как работодателей; недифференцированная деятельность частных домашних хозяйств по производству товаров и оказанию услуг для собственного потребления", "Activități ale gospodăriilor private în calitate de angajator de personal casnic; activități ale gospodăriilor private de producere de bunuri și servicii destinate consumului propriu"],
  U: ["Activities of extraterritorial organisations and bodies", "Деятельность экстерриториальных организаций и органов", "Activități ale organizațiilor și organismelor extrateritoriale"],
};

/** The 88 divisions of NACE Rev.2 with titles: en | ru | ro. */
export const DIVISION_TITLES: Readonly<Record<string, readonly [string, string, string]>> = {
  "01": ["Crop and animal production, hunting and related service activities", "Растениеводство и животноводство, охота и предоставление соответствующих услуг", "Agricultură, vânătoare și servicii anexe"],
  "02": ["Forestry and logging", "Лесоводство и лесозаготовки", "Silvicultură și exploatare forestieră"],
  "03": ["Fishing and aquaculture", "Рыболовство и рыбоводство", "Pescuitul și acvacultura"],
  "05": ["Mining of coal and lignite", "Добыча угля", "Extracția cărbunelui superior și inferior"],
  "06": ["Extraction of crude petroleum and natural gas", "Добыча нефти и природного газа", "Extracția petrolului brut și a gazelor naturale"],
  "07": ["Mining of metal ores", "Добыча металлических руд", "Extracția minereurilor metalifere"],
  "08": ["Other mining and quarrying", "Добыча прочих полезных ископаемых", "Alte activități extractive"],
  "09": ["Mining support service activities", "Предоставление услуг в области добычи полезных ископаемых", "Activități de servicii anexe extracției"],
  "10": ["Manufacture of food products", "Производство пищевых продуктов", "Industria alimentară"],
  "11": ["Manufacture of beverages", "Производство напитков", "Fabricarea băuturilor"],
  "12": ["Manufacture of tobacco products", "Производство табачных изделий", "Fabricarea produselor din tutun"],
  "13": ["Manufacture of textiles", "Производство текстильных изделий", "Fabricarea produselor textile"],
  "14": ["Manufacture of wearing apparel", "Производство одежды", "Fabricarea articolelor de îmbrăcăminte"],
  "15": ["Manufacture of leather and related products", "Производство кожи и изделий из кожи", "Tăbăcirea și finisarea pieilor; fabricarea articolelor de voiaj și marochinărie, harnașamentelor și încălțămintei"],
  "16": ["Manufacture of wood and of products of wood and cork, except furniture", "Обработка древесины и производство изделий из дерева и пробки, кроме мебели", "Prelucrarea lemnului, fabricarea produselor din lemn și plută, cu excepția mobilei"],
  "17": ["Manufacture of paper and paper products", "Производство бумаги и бумажных изделий", "Fabricarea hârtiei și a produselor din hârtie"],
  "18": ["Printing and reproduction of recorded media", "Деятельность полиграфическая и копирование носителей информации", "Tipărire și reproducerea pe suporți a înregistrărilor"],
  "19": ["Manufacture of coke and refined petroleum products", "Производство кокса и нефтепродуктов", "Fabricarea produselor de cocserie și a produselor obținute din prelucrarea țițeiului"],
  "20": ["Manufacture of chemicals and chemical products", "Производство химических веществ и химических продуктов", "Fabricarea substanțelor și a produselor chimice"],
  "21": ["Manufacture of basic pharmaceutical products and pharmaceutical preparations", "Производство лекарственных средств и материалов, применяемых в медицинских целях", "Fabricarea produselor farmaceutice de bază și a preparatelor farmaceutice"],
  "22": ["Manufacture of rubber and plastic products", "Производство резиновых и пластмассовых изделий", "Fabricarea produselor din cauciuc și mase plastice"],
  "23": ["Manufacture of other non-metallic mineral products", "Производство прочей неметаллической минеральной продукции", "Fabricarea altor produse din minerale nemetalice"],
  "24": ["Manufacture of basic metals", "Производство металлургическое", "Industria metalurgică"],
  "25": ["Manufacture of fabricated metal products, except machinery and equipment", "Производство готовых металлических изделий, кроме машин и оборудования", "Industria construcțiilor metalice și a produselor din metal, exclusiv mașini, utilaje și instalații"],
  "26": ["Manufacture of computer, electronic and optical products", "Производство компьютеров, электронных и оптических изделий", "Fabricarea calculatoarelor și a produselor electronice și optice"],
  "27": ["Manufacture of electrical equipment", "Производство электрического оборудования", "Fabricarea echipamentelor electrice"],
  "28": ["Manufacture of machinery and equipment n.e.c.", "Производство машин и оборудования, не включенных в другие группировки", "Fabricarea de mașini, utilaje și echipamente n.c.a."],
  "29": ["Manufacture of motor vehicles, trailers and semi-trailers", "Производство автотранспортных средств, прицепов и полуприцепов", "Fabricarea autovehiculelor de transport rutier, a remorcilor și semiremorcilor"],
  "30": ["Manufacture of other transport equipment", "Производство прочих транспортных средств и оборудования", "Fabricarea altor mijloace de transport"],
  "31": ["Manufacture of furniture", "Производство мебели", "Fabricarea de mobilă"],
  "32": ["Other manufacturing", "Производство прочих готовых изделий", "Alte activități industriale n.c.a."],
  "33": ["Repair and installation of machinery and equipment", "Ремонт и монтаж машин и оборудования", "Repararea, întreținerea și instalarea mașinilor și echipamentelor"],
  "35": ["Electricity, gas, steam and air conditioning supply", "Обеспечение электрической энергией, газом и паром; кондиционирование воздуха", "Producția și furnizarea de energie electrică și termică, gaze, apă caldă și aer condiționat"],
  "36": ["Water collection, treatment and supply", "Забор, очистка и распределение воды", "Captarea, tratarea și distribuția apei"],
  "37": ["Sewerage", "Сбор и обработка сточных вод", "Colectarea și epurarea apelor uzate"],
  "38": ["Waste collection, treatment and disposal activities; materials recovery", "Сбор, обработка и утилизация отходов; обработка вторичного сырья", "Colectarea, tratarea și eliminarea deșeurilor; activități de recuperare a materialelor reciclabile"],
  "39": ["Remediation activities and other waste management services", "Предоставление услуг в области ликвидации последствий загрязнений и прочих услуг, связанных с удалением отходов", "Activități și servicii de decontaminare"],
  "41": ["Construction of buildings", "Строительство зданий", "Construcții de clădiri"],
  "42": ["Civil engineering", "Строительство инженерных сооружений", "Lucrări de geniu civil"],
  "43": ["Specialised construction activities", "Работы строительные специализированные", "Lucrări speciale de construcții"],
  "45": ["Wholesale and retail trade and repair of motor vehicles and motorcycles", "Торговля оптовая и розничная автотранспортными средствами и мотоциклами и их ремонт", "Comerț cu ridicata și cu amănuntul, întreținerea și repararea autovehiculelor și a motocicletelor"],
  "46": ["Wholesale trade, except of motor vehicles and motorcycles", "Торговля оптовая, кроме оптовой торговли автотранспортными средствами и мотоциклами", "Comerț cu ridicata, cu excepția comerțului cu autovehicule și motociclete"],
  "47": ["Retail trade, except of motor vehicles and motorcycles", "Торговля розничная, кроме торговли автотранспортными средствами и мотоциклами", "Comerț cu amănuntul, cu excepția autovehiculelor și motocicletelor"],
  "49": ["Land transport and transport via pipelines", "Деятельность сухопутного и трубопроводного транспорта", "Transporturi terestre și transporturi prin conducte"],
  "50": ["Water transport", "Деятельность водного транспорта", "Transporturi pe apă"],
  "51": ["Air transport", "Деятельность воздушного и космического транспорта", "Transporturi aeriene"],
  "52": ["Warehousing and support activities for transportation", "Складское хозяйство и вспомогательная транспортная деятельность", "Depozitare și activități auxiliare pentru transporturi"],
  "53": ["Postal and courier activities", "Деятельность почтовой связи и курьерская деятельность", "Activități de poștă și de curier"],
  "55": ["Accommodation", "Деятельность по предоставлению мест для временного проживания", "Hoteluri și alte facilități de cazare"],
  "56": ["Food and beverage service activities", "Деятельность по предоставлению продуктов питания и напитков", "Restaurante și alte activități de servicii de alimentație"],
  "58": ["Publishing activities", "Деятельность издательская", "Activități de editare"],
  "59": ["Motion picture, video and television programme production, sound recording and music publishing activities", "Производство кинофильмов, видеофильмов и телевизионных программ, издание звукозаписей и нот", "Activități de producție cinematografică, video și de programe de televiziune; înregistrări audio și activități de editare muzicală"],
  "60": ["Programming and broadcasting activities", "Деятельность в области телевизионного и радиовещания", "Activități de difuzare și transmitere de programe"],
  "61": ["Telecommunications", "Деятельность в сфере телекоммуникаций", "Telecomunicații"],
  "62": ["Computer programming, consultancy and related activities", "Разработка компьютерного программного обеспечения, консультационные услуги в данной области и другие сопутствующие услуги", "Activități de servicii în tehnologia informației"],
  "63": ["Information service activities", "Деятельность в области информационных технологий", "Activități de servicii informatice"],
  "64": ["Financial service activities, except insurance and pension funding", "Деятельность по предоставлению финансовых услуг, кроме услуг по страхованию и пенсионному обеспечению", "Intermedieri financiare, cu excepția activităților de asigurări și ale fondurilor de pensii"],
  "65": ["Insurance, reinsurance and pension funding, except compulsory social security", "Страхование, перестрахование, деятельность негосударственных пенсионных фондов, кроме обязательного социального обеспечения", "Activități de asigurări, reasigurări și ale fondurilor de pensii"],
  "66": ["Activities auxiliary to financial services and insurance activities", "Деятельность вспомогательная в сфере финансовых услуг и страхования", "Activități auxiliare pentru intermedieri financiare, activități de asigurare și fonduri de pensii"],
  "68": ["Real estate activities", "Операции с недвижимым имуществом", "Tranzacții imobiliare"],
  "69": ["Legal and accounting activities", "Деятельность в области права и бухгалтерского учета", "Activități juridice și de contabilitate"],
  "70": ["Activities of head offices; management consultancy activities", "Деятельность головных офисов; консультирование по вопросам управления", "Activități ale direcțiilor (centralelor), birourilor administrative centralizate; activități de management și de consultanță în management"],
  "71": ["Architectural and engineering activities; technical testing and analysis", "Деятельность в области архитектуры и инженерно-технического проектирования; технических испытаний, исследований и анализа", "Activități de arhitectură și inginerie; activități de testări și analiză tehnică"],
  "72": ["Scientific research and development", "Научные исследования и разработки", "Cercetare-dezvoltare"],
  "73": ["Advertising and market research", "Деятельность рекламная и исследование конъюнктуры рынка", "Publicitate și activități de studiere a pieței"],
  "74": ["Other professional, scientific and technical activities", "Деятельность профессиональная научная и техническая прочая", "Alte activități profesionale, științifice și tehnice"],
  "75": ["Veterinary activities", "Деятельность ветеринарная", "Activități veterinare"],
  "77": ["Rental and leasing activities", "Аренда и лизинг", "Activități de închiriere și leasing"],
  "78": ["Employment activities", "Деятельность по трудоустройству и подбору персонала", "Activități de servicii privind forța de muncă"],
  "79": ["Travel agency, tour operator reservation service and related activities", "Деятельность туристических агентств и прочих организаций, предоставляющих услуги в сфере туризма", "Activități ale agențiilor turistice și a tur-operatorilor; alte servicii de rezervare și asistență turistică"],
  "80": ["Security and investigation activities", "Деятельность по обеспечению безопасности и проведению расследований", "Activități de investigații și protecție"],
  "81": ["Services to buildings and landscape activities", "Деятельность по обслуживанию зданий и территорий", "Activități de peisagistică și servicii pentru clădiri"],
  "82": ["Office administrative, office support and other business support activities", "Деятельность административно-хозяйственная, вспомогательная деятельность по обеспечению функционирования организации, деятельность по предоставлению прочих вспомогательных услуг для бизнеса", "Activități de secretariat, servicii suport și alte activități de servicii prestate în principal întreprinderilor"],
  "84": ["Public administration and defence; compulsory social security", "Деятельность органов государственного управления по обеспечению военной безопасности, обязательному социальному обеспечению", "Administrație publică și apărare; asigurări sociale din sistemul public"],
  "85": ["Education", "Образование", "Învățământ"],
  "86": ["Human health activities", "Деятельность в области здравоохранения", "Activități referitoare la sănătatea umană"],
  "87": ["Residential care activities", "Деятельность по уходу с обеспечением проживания", "Servicii combinate de îngrijire medicală și asistență socială, cu cazare"],
  "88": ["Social work activities without accommodation", "Предоставление социальных услуг без обеспечения проживания", "Activități de asistență socială, fără cazare"],
  "90": ["Creative, arts and entertainment activities", "Деятельность творческая, деятельность в области искусства и организации развлечений", "Activități de creație și interpretare artistică"],
  "91": ["Libraries, archives, museums and other cultural activities", "Деятельность библиотек, архивов, музеев и прочих объектов культуры", "Activități ale bibliotecilor, arhivelor, muzeelor și alte activități culturale"],
  "92": ["Gambling and betting activities", "Деятельность по организации и проведению азартных игр и заключению пари, по организации и проведению лотерей", "Activități de jocuri de noroc și pariuri"],
  "93": ["Sports activities and amusement and recreation activities", "Деятельность в области спорта, отдыха и развлечений", "Activități sportive, recreative și distractive"],
  "94": ["Activities of membership organisations", "Деятельность общественных организаций", "Activități asociative diverse"],
  "95": ["Repair of computers and personal and household goods", "Ремонт компьютеров, предметов личного потребления и хозяйственно-бытового назначения", "Repararea de calculatoare, de articole personale și de uz gospodăresc"],
  "96": ["Other personal service activities", "Деятельность по предоставлению прочих персональных услуг", "Alte activități de servicii"],
  "97": ["Activities of households as employers of domestic personnel", "Деятельность домашних хозяйств с наемными работниками", "Activități ale gospodăriilor private în calitate de angajator de personal casnic"],
  "98": ["Undifferentiated goods- and services-producing activities of private households for own use", "Деятельность недифференцированная частных домашних хозяйств по производству товаров и предоставлению услуг для собственного потребления", "Activități ale gospodăriilor private de producere de bunuri și servicii destinate consumului propriu"],
  "99": ["Activities of extraterritorial organisations and bodies", "Деятельность экстерриториальных организаций и органов", "Activități ale organizațiilor și organismelor extrateritoriale"],
};

const BY_DIVISION = new Map<number, Section>();
for (const [section, from, to] of SECTION_RANGES) {
  for (let d = from; d <= to; d++) if (DIVISION_TITLES[String(d).padStart(2, "0")]) BY_DIVISION.set(d, section);
}

/** The section of a NACE / OKVED 2 / CAEN Rev.2 division (`46` → `G`); `""` for a number that is no division (`04`, `34`). */
export function sectionOfDivision(division: number): Section | "" {
  return BY_DIVISION.get(division) ?? "";
}

/** The section's title in a language. */
export function sectionTitle(section: Section, lang: "en" | "ru" | "ro"): string {
  const t = SECTION_TITLES[section];
  return lang === "ru" ? t[1] : lang === "ro" ? t[2] : t[0];
}
