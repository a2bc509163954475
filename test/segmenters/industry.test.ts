// The industry segmenter on realistic RU / RO / US clients: codes, picklists, titles, free text, names; and the tables' coverage.
import { describe, expect, it } from "vitest";
import industry, { industryGroup, industryGroupOptions, industryOptions, readCode } from "../../src/segmenters/industry.js";
import { DIVISION_TITLES, SECTIONS, sectionOfDivision } from "../../src/segmenters/data/nace.js";
import { STEMS } from "../../src/segmenters/data/industry-words.js";
import type { SegmenterContext } from "../../src/segmenters/define.js";
import { FIELDS, type Client, type Dialect, type FieldValues, type Lang } from "../../src/types.js";

let n = 0;
function client(values: Partial<FieldValues>): Client {
  const v = Object.fromEntries(FIELDS.map((f) => [f, ""])) as FieldValues;
  Object.assign(v, values);
  const index = n++;
  return { index, id: String(index + 1), rows: [index], group: "", values: v, phones: [], emails: [], domains: [], contacts: [], tags: [] };
}

function ctx(over: Partial<SegmenterContext> = {}): SegmenterContext {
  return { clients: [], asOf: "2026-11-01", lang: "en" as Lang, dialect: "generic" as Dialect, mapped: new Set(), territories: {}, defaultCountry: "", ...over };
}

const classify = (values: Partial<FieldValues>, over: Partial<SegmenterContext> = {}, options: Record<string, unknown> = {}) =>
  industry.create(industryOptions.parse(options), ctx(over))(client(values));

describe("industry: codes", () => {
  it.each([
    ["46.69.9", "G"], ["28.22", "C"], ["25.62", "C"], ["01.11", "A"], ["62.01", "J"], ["4669", "G"], ["2562", "C"],
    ["C28.22", "C"], ["ОКВЭД 28.22", "C"], ["CAEN 4120", "F"], ["35.11", "D"], ["84.11", "O"], ["99.00", "U"],
  ])("NACE-family %s → %s", (code, section) => {
    const s = classify({ industry_code: code }, { lang: "ru", defaultCountry: "RU" });
    expect(s.label).toBe(section);
    expect(s.reason).toContain(code.replace(/^(ОКВЭД|CAEN) /, ""));
  });

  it("reads NAICS codes of five or six digits", () => {
    expect(classify({ industry_code: "333517" }).label).toBe("C");
    expect(classify({ industry_code: "541511" }).label).toBe("M");
    expect(classify({ industry_code: "562111" }).label).toBe("E");
    expect(classify({ industry_code: "484121" }).reason).toBe("NAICS 484121 → H");
  });

  it("reads a bare 4-digit code as SIC for US clients and US CRMs, as CAEN / OKVED otherwise", () => {
    expect(classify({ industry_code: "3541", country: "United States" }).label).toBe("C");
    expect(classify({ industry_code: "5812" }, { dialect: "salesforce" }).label).toBe("I");
    expect(classify({ industry_code: "5812" }, { dialect: "1c", lang: "ru" }).label).toBe("J"); // CAEN / OKVED 58.12: publishing
  });

  it("skips a number that is no division and reads the text instead", () => {
    const s = classify({ industry_code: "34.10", industry: "Металлообработка" }, { lang: "ru" });
    expect(s.label).toBe("C");
    expect(s.reason).toContain("металлообработка");
  });

  it("finds a code inside the industry text only when it is dotted or named", () => {
    expect(classify({ industry: "46.69.9 Торговля оптовая прочими машинами и оборудованием" }, { lang: "ru" }).label).toBe("G");
    expect(classify({ industry: "ОКВЭД 28.22" }, { lang: "ru" }).label).toBe("C");
    expect(readCode("более 500 сотрудников", "nace", true)).toBeNull();
  });
});

describe("industry: CRM picklists and titles", () => {
  it.each([
    ["Производство", "C"], ["Информационные технологии", "J"], ["Телекоммуникации и связь", "J"], ["Банковские услуги", "K"],
    ["Финансы", "K"], ["Консалтинг", "M"], ["Доставка", "H"], ["Правительство", "O"], ["Развлечения", "R"], ["Не для получения прибыли", "S"],
  ])("Bitrix24 %s → %s", (value, section) => {
    expect(classify({ industry: value }, { lang: "ru", dialect: "bitrix24" }).label).toBe(section);
  });

  it("Bitrix24 `Другое` is unknown and the name is not read", () => {
    const s = classify({ industry: "Другое", name: "ООО «Уральский завод металлоконструкций»" }, { lang: "ru" });
    expect(s.label).toBe("unknown");
    expect(s.reason).toContain("Другое");
  });

  it.each([
    ["Machinery", "C"], ["Food & Beverage", "C"], ["Not For Profit", "S"], ["Shipping", "H"], ["Utilities", "D"],
    ["Mechanical or Industrial Engineering", "C"], ["Oil & Energy", "B"], ["Logistics and Supply Chain", "H"],
    ["Information Technology and Services", "J"], ["Hospital & Health Care", "Q"], ["Transportation/Trucking/Railroad", "H"],
    ["Wholesale/Retail", "G"], ["IT/Communication", "J"], ["Extraterritorial", "U"], ["Systems Integrator", "J"],
  ])("Western picklist %s → %s", (value, section) => {
    expect(classify({ industry: value }, { dialect: "hubspot" }).label).toBe(section);
  });

  it.each([
    ["Обрабатывающие производства", "C"], ["Строительство зданий", "F"], ["Industria prelucrătoare", "C"],
    ["Comerț cu ridicata, cu excepția comerțului cu autovehicule și motociclete", "G"], ["Fabricarea de mobilă", "C"],
    ["Transport și depozitare", "H"], ["Warehousing and support activities for transportation", "H"],
  ])("official title %s → %s", (value, section) => {
    expect(classify({ industry: value }).label).toBe(section);
  });
});

describe("industry: free text and names", () => {
  it.each([
    ["металлообработка, станки с ЧПУ", "C", "ru"], ["Машиностроение", "C", "ru"], ["Литейное производство", "C", "ru"],
    ["сельхозпроизводитель, агрохолдинг", "A", "ru"], ["оптовая торговля стройматериалами", "G", "ru"],
    ["грузоперевозки и логистика", "H", "ru"], ["Нефтегазовая отрасль", "B", "ru"], ["мебельное производство", "C", "ru"],
    ["producție mobilier", "C", "ro"], ["construcții civile", "F", "ro"], ["comerț cu amănuntul", "G", "ro"], ["transport marfă", "H", "ro"],
    ["agricultură ecologică", "A", "ro"], ["CNC machining and steel fabrication", "C", "en"], ["trucking & freight", "H", "en"],
    ["commercial construction contractor", "F", "en"], ["dairy farm", "A", "en"], ["wholesale of electrical parts", "G", "en"],
  ])("%s → %s", (text, section, lang) => {
    const s = classify({ industry: text }, { lang: lang as Lang });
    expect(s.label).toBe(section);
  });

  it("names the words it used", () => {
    expect(classify({ industry: "Металлургия и металлообработка" }, { lang: "ru" }).reason).toBe("слова металлургия, металлообработка → C");
  });

  it("takes the section with most words, naming only its words; a tie goes to the section hit first", () => {
    expect(classify({ industry: "грузоперевозки, металлургия и металлообработка" }, { lang: "ru" }).reason).toBe("слова металлургия, металлообработка → C");
    expect(classify({ industry: "металлургия, грузоперевозки" }, { lang: "ru" }).reason).toBe("слова металлургия → C");
    expect(classify({ industry: "грузоперевозки, металлургия" }, { lang: "ru" }).reason).toBe("слова грузоперевозки → H");
  });

  it("reads the company name only as a last resort", () => {
    expect(classify({ name: "АО «Нижнетагильский металлургический комбинат»" }, { lang: "ru" }).label).toBe("C");
    expect(classify({ name: "ООО Агрохолдинг Кубань" }, { lang: "ru" }).label).toBe("A");
    expect(classify({ name: "Stroytrest" }).label).toBe("unknown");
    expect(classify({ name: "ООО Стройтрест-5" }, { lang: "ru" }).label).toBe("F");
    const t = classify({ name: "Rapid Transport SRL" }, { lang: "ro" });
    expect(t.label).toBe("H");
    expect(t.reason).toContain("denumire");
    expect(classify({ name: "ООО Уральский завод", industry: "Консалтинг" }, { lang: "ru" }).label).toBe("M");
  });

  it("says unknown when nothing tells", () => {
    const s = classify({ name: "ООО Ромашка" }, { lang: "ro" });
    expect(s).toEqual({ label: "unknown", reason: "niciun cod CAEN, descriere a activității sau denumire grăitoare" });
  });

  it("takes extra stems from options", () => {
    expect(classify({ industry: "гальваника" }, { lang: "ru" }).label).toBe("unknown");
    expect(classify({ industry: "гальваника" }, { lang: "ru" }, { keywords: { C: ["гальван"] } }).label).toBe("C");
    expect(() => industryOptions.parse({ groups: {} })).toThrow();
  });
});

describe("industry_group", () => {
  it("puts a client in the first group whose sections or stems hold it", () => {
    const options = industryGroupOptions.parse({ groups: { "Металл": ["металл", "steel"], "Промышленность": ["B", "C"], "Торговля": ["G"] } });
    const fn = industryGroup.create(options, ctx({ lang: "ru" }));
    expect(fn(client({ industry: "металлообработка" })).label).toBe("Металл");
    expect(fn(client({ industry_code: "28.22" })).label).toBe("Промышленность");
    expect(fn(client({ industry: "Розничная торговля" })).label).toBe("Торговля");
    expect(fn(client({ industry: "Консалтинг" }))).toEqual({ label: "other", reason: "не входит ни в одну группу отраслей" });
  });
});

describe("industry tables", () => {
  it("maps each of NACE's 88 divisions to its section and nothing else", () => {
    expect(Object.keys(DIVISION_TITLES)).toHaveLength(88);
    const expected: Record<string, string> = { "01": "A", "05": "B", "10": "C", "33": "C", "35": "D", "36": "E", "41": "F", "45": "G", "49": "H", "55": "I", "58": "J", "64": "K", "68": "L", "69": "M", "77": "N", "84": "O", "85": "P", "86": "Q", "90": "R", "94": "S", "97": "T", "99": "U" };
    for (let d = 1; d <= 99; d++) {
      const key = String(d).padStart(2, "0");
      const section = sectionOfDivision(d);
      if (DIVISION_TITLES[key]) expect(SECTIONS, key).toContain(section);
      else expect(section, key).toBe("");
      if (expected[key]) expect(section, key).toBe(expected[key]);
    }
    for (const s of SECTIONS) expect([...Array(100).keys()].some((d) => sectionOfDivision(d) === s), s).toBe(true);
  });

  it("lists no stem under two sections", () => {
    const seen = new Map<string, string>();
    for (const s of SECTIONS) {
      for (const stem of STEMS[s].split("|")) {
        expect(seen.get(stem), `${stem}: ${seen.get(stem)} and ${s}`).toBeUndefined();
        if (!seen.has(stem)) seen.set(stem, s);
      }
    }
  });
});
