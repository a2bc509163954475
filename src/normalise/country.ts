// Country names as exports write them (ru, ro, en, codes) → ISO 3166 alpha-2; anything unknown stays as written.

// Folded spellings per code: lower-case, `ё`→`е`, Romanian diacritics folded, dots dropped.
const SPELLINGS: Record<string, string[]> = {
  RU: ["россия", "российская федерация", "рф", "russia", "russian federation", "ru", "rus", "rusia", "federatia rusa", "russland"],
  RO: ["романия", "румыния", "romania", "ro", "rou", "rom"],
  MD: ["молдова", "молдавия", "республика молдова", "moldova", "republica moldova", "republic of moldova", "md", "mda"],
  US: ["сша", "соединенные штаты", "соединенные штаты америки", "united states", "united states of america", "usa", "us", "u s", "u s a", "america", "statele unite", "statele unite ale americii", "sua"],
  KZ: ["казахстан", "республика казахстан", "kazakhstan", "kazahstan", "kz", "kaz"],
  BY: ["беларусь", "белоруссия", "республика беларусь", "belarus", "by", "blr"],
  UA: ["украина", "ukraine", "ucraina", "ua", "ukr"],
  DE: ["германия", "germany", "germania", "deutschland", "de", "deu"],
  FR: ["франция", "france", "franta", "fr", "fra"],
  IT: ["италия", "italy", "italia", "it", "ita"],
  ES: ["испания", "spain", "spania", "espana", "es", "esp"],
  GB: ["великобритания", "англия", "united kingdom", "uk", "great britain", "england", "marea britanie", "regatul unit", "gb", "gbr"],
  PL: ["польша", "poland", "polonia", "polska", "pl", "pol"],
  BG: ["болгария", "bulgaria", "bg", "bgr"],
  HU: ["венгрия", "hungary", "ungaria", "hu", "hun"],
  AT: ["австрия", "austria", "at", "aut"],
  CH: ["швейцария", "switzerland", "elvetia", "ch", "che"],
  NL: ["нидерланды", "голландия", "netherlands", "the netherlands", "olanda", "tarile de jos", "nl", "nld"],
  CZ: ["чехия", "czech republic", "czechia", "cehia", "cz", "cze"],
  TR: ["турция", "turkey", "turkiye", "turcia", "tr", "tur"],
  CN: ["китай", "кнр", "china", "china", "cn", "chn"],
  UZ: ["узбекистан", "uzbekistan", "uz", "uzb"],
  KG: ["киргизия", "кыргызстан", "kyrgyzstan", "kg", "kgz"],
  AM: ["армения", "armenia", "am", "arm"],
  GE: ["грузия", "georgia", "ge", "geo"],
  AZ: ["азербайджан", "azerbaijan", "az", "aze"],
  LV: ["латвия", "latvia", "letonia", "lv", "lva"],
  LT: ["литва", "lithuania", "lituania", "lt", "ltu"],
  EE: ["эстония", "estonia", "ee", "est"],
  FI: ["финляндия", "finland", "finlanda", "fi", "fin"],
  SE: ["швеция", "sweden", "suedia", "se", "swe"],
  RS: ["сербия", "serbia", "rs", "srb"],
  IL: ["израиль", "israel", "il", "isr"],
  AE: ["оаэ", "объединенные арабские эмираты", "united arab emirates", "uae", "emiratele arabe unite", "ae", "are"],
  IN: ["индия", "india", "in", "ind"],
  CA: ["канада", "canada", "ca", "can"],
  GR: ["греция", "greece", "grecia", "gr", "grc"],
  CY: ["кипр", "cyprus", "cipru", "cy", "cyp"],
  IE: ["ирландия", "ireland", "irlanda", "ie", "irl"],
  BE: ["бельгия", "belgium", "belgia", "be", "bel"],
  PT: ["португалия", "portugal", "portugalia", "pt", "prt"],
  DK: ["дания", "denmark", "danemarca", "dk", "dnk"],
  NO: ["норвегия", "norway", "norvegia", "no", "nor"],
  AU: ["австралия", "australia", "au", "aus"],
  JP: ["япония", "japan", "japonia", "jp", "jpn"],
  MX: ["мексика", "mexico", "mx", "mex"],
  BR: ["бразилия", "brazil", "brazilia", "br", "bra"],
};

const FOLD_RO: Record<string, string> = { ș: "s", ş: "s", ț: "t", ţ: "t", ă: "a", â: "a", î: "i" };
const RO_CHARS = /[șşțţăâî]/g;
const DOTS = /[.,()]/g;
const WS = /\s+/g;

function fold(s: string): string {
  return s.toLowerCase().replace(/ё/g, "е").replace(RO_CHARS, (c) => FOLD_RO[c] ?? c).replace(DOTS, " ").replace(WS, " ").trim();
}

const INDEX = new Map<string, string>();
for (const [code, names] of Object.entries(SPELLINGS)) for (const n of names) INDEX.set(fold(n), code);
const cache = new Map<string, string>();

/** The ISO alpha-2 code of a country's common spelling (`Россия`, `RF`, `România`, `USA`), else the text as written. */
export function normaliseCountry(raw: string): string {
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  const trimmed = raw.trim();
  const code = INDEX.get(fold(trimmed)) ?? trimmed;
  cache.set(raw, code);
  return code;
}

/** Whether `code` is one this module produces (an ISO alpha-2 it knows). */
export function isKnownCountry(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(SPELLINGS, code);
}

/** Forget the per-value cache (its keys are the file's cells). */
export function clearCountryCache(): void {
  cache.clear();
}
