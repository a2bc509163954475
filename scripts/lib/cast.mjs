// The sales teams behind the fixtures: a hoarder, a part-timer, one on leave, a departed owner,
// two newcomers, one restricted to a territory — and how each CRM spells their names.

const ru = (first, patr, last) => ({ locale: "ru", first, patr, last });
const en = (first, last) => ({ locale: "en", first, last, patr: "" });
const ro = (first, last) => ({ locale: "ro", first, last, patr: "" });

/** `inFile: false` = departed (absent from managers.csv); `share` = part of the owned clients. */
export const CASTS = {
  ru: [
    { key: "ivanov", person: ru("Сергей", "Петрович", "Иванов"), share: 34, coldBias: 0.6, capacity: 1, aliases: ["s.ivanov@promtehsnab.ru"] },
    { key: "petrova", person: ru("Анна", "Викторовна", "Петрова"), share: 14, capacity: 1 },
    { key: "smirnov", person: ru("Дмитрий", "Олегович", "Смирнов"), share: 7, capacity: 0.5 },
    { key: "kuznetsova", person: ru("Елена", "Игоревна", "Кузнецова"), share: 9, capacity: 1, active: false },
    { key: "volkov", person: ru("Андрей", "Николаевич", "Волков"), share: 10, inFile: false },
    { key: "sokolova", person: ru("Мария", "Андреевна", "Соколова"), share: 12, capacity: 1, regions: ["Урал"] },
    { key: "popov", person: ru("Алексей", "Юрьевич", "Попов"), share: 14, capacity: 1, aliases: ["Попов Алёша"] },
    { key: "novikov", person: ru("Павел", "Сергеевич", "Новиков"), share: 0, capacity: 1 },
    { key: "morozova", person: ru("Ольга", "Дмитриевна", "Морозова"), share: 0, capacity: 1 },
  ],
  en: [
    { key: "chen", person: en("Sarah", "Chen"), share: 36, coldBias: 0.6, capacity: 1, aliases: ["schen@acme-industrial.com"] },
    { key: "johnson", person: en("Mike", "Johnson"), share: 18, capacity: 1 },
    { key: "davis", person: en("Emily", "Davis"), share: 8, capacity: 0.5 },
    { key: "schmidt", person: en("Laura", "Schmidt"), share: 10, capacity: 1, active: false },
    { key: "garcia", person: en("Robert", "Garcia"), share: 12, inFile: false },
    { key: "brooks", person: en("Kevin", "Brooks"), share: 16, capacity: 1, regions: ["Illinois", "Indiana", "Wisconsin"] },
    { key: "walker", person: en("James", "Walker"), share: 0, capacity: 1 },
    { key: "ross", person: en("Megan", "Ross"), share: 0, capacity: 1 },
  ],
  ro: [
    { key: "popescu", person: ro("Andrei", "Popescu"), share: 38, coldBias: 0.6, capacity: 1, aliases: ["andrei.popescu@utilaje-vest.ro"] },
    { key: "muresan", person: ro("Ioana", "Mureșan"), share: 22, capacity: 1 },
    { key: "stan", person: ro("Mihai", "Stan"), share: 12, capacity: 0.5 },
    { key: "dumitru", person: ro("Elena", "Dumitru"), share: 14, inFile: false },
    { key: "lazar", person: ro("Cristina", "Lazăr"), share: 14, capacity: 1, regions: ["Cluj", "Bihor", "Mureș"] },
    { key: "toma", person: ro("Vlad", "Toma"), share: 0, capacity: 1 },
    { key: "barbu", person: ro("Ana", "Barbu"), share: 0, capacity: 1 },
  ],
};

/** The name a managers file gives: `Фамилия Имя` in Russian files, `First Last` elsewhere. */
export function managerName(m) {
  return m.person.locale === "ru" ? `${m.person.last} ${m.person.first}` : `${m.person.first} ${m.person.last}`;
}

/** How each dialect spells owners: weighted spelling styles (see world.spell). */
export const OWNER_STYLES = {
  bitrix24: [["first_last", 80], ["last_first", 12], ["initials", 8]],
  amocrm: [["first_last", 90], ["last_first", 10]],
  "1c": [["full", 85], ["last_first", 10], ["initials", 5]],
  romania: [["last_first", 50], ["first_last", 40], ["initials", 10]],
  default: [["first_last", 100]],
};
