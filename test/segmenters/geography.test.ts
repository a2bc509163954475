// The geography segmenter on realistic RU / RO / US clients: every source, territories, options and the locator helpers.
import { describe, expect, it } from "vitest";
import geography, { createLocator, regionMatches, regionOf, geographyOptions } from "../../src/segmenters/geography.js";
import type { SegmenterContext } from "../../src/segmenters/define.js";
import { FIELDS, type Client, type FieldValues, type Lang } from "../../src/types.js";

let n = 0;
function client(values: Partial<FieldValues>, phones: string[] = []): Client {
  const v = Object.fromEntries(FIELDS.map((f) => [f, ""])) as FieldValues;
  Object.assign(v, values);
  if (!v.phone && phones.length) v.phone = phones[0]!;
  const index = n++;
  return { index, id: String(index + 1), rows: [index], group: "", values: v, phones, emails: [], domains: [], contacts: [], tags: [] };
}

function ctx(over: Partial<SegmenterContext> = {}): SegmenterContext {
  return {
    clients: [], asOf: "2026-11-01", lang: "en" as Lang, dialect: "generic", mapped: new Set(),
    territories: {}, defaultCountry: "", ...over,
  };
}

function classify(c: Client, over: Partial<SegmenterContext> = {}, options: Record<string, unknown> = {}) {
  const fn = geography.create(geographyOptions.parse(options), ctx(over));
  return fn(c);
}

describe("geography: region column", () => {
  it.each([
    ["Свердловская обл", "Свердловская область"],
    ["Свердловская обл.", "Свердловская область"],
    ["обл. Свердловская", "Свердловская область"],
    ["Свердл. обл.", "Свердловская область"],
    ["Sverdlovsk Oblast", "Свердловская область"],
    ["Sverdlovskaya oblast", "Свердловская область"],
    ["г. Москва", "Москва"],
    ["Moscow", "Москва"],
    ["Московская обл", "Московская область"],
    ["Татарстан", "Республика Татарстан"],
    ["РТ", "Республика Татарстан"],
    ["Респ. Татарстан", "Республика Татарстан"],
    ["Пермский край", "Пермский край"],
    ["ХМАО - Югра", "Ханты-Мансийский автономный округ — Югра"],
    ["Ханты-Мансийский АО", "Ханты-Мансийский автономный округ — Югра"],
    ["Кемеровская область", "Кемеровская область — Кузбасс"],
    ["Якутия", "Республика Саха (Якутия)"],
    ["СПб", "Санкт-Петербург"],
    ["Чувашская Респ", "Чувашская Республика — Чувашия"],
  ])("RU %s → %s", (value, label) => {
    const s = classify(client({ region: value }), { defaultCountry: "RU", lang: "ru" });
    expect(s.label).toBe(label);
    expect(s.reason).toContain("колонка региона");
  });

  it.each([
    ["jud. Cluj", "Cluj"],
    ["Județul Timiș", "Timiș"],
    ["Judetul Timis", "Timiș"],
    ["Municipiul București", "București"],
    ["Bucuresti", "București"],
    ["CJ", "Cluj"],
    ["Bistrita Nasaud", "Bistrița-Năsăud"],
    ["Caras-Severin", "Caraș-Severin"],
  ])("RO %s → %s", (value, label) => {
    expect(classify(client({ region: value, country: "România" }), { lang: "ro" }).label).toBe(label);
  });

  it.each([
    ["CA", "California"],
    ["Calif.", "California"],
    ["new york", "New York"],
    ["TX", "Texas"],
    ["District of Columbia", "District of Columbia"],
  ])("US %s → %s", (value, label) => {
    expect(classify(client({ region: value, country: "United States" })).label).toBe(label);
  });

  it("reads a two-letter code by the client's country: AR is Arad in Romania, Arkansas in the US", () => {
    expect(classify(client({ region: "AR", country: "Romania" })).label).toBe("Arad");
    expect(classify(client({ region: "AR", country: "USA" })).label).toBe("Arkansas");
  });

  it("keeps a 1C business region that is no administrative region when nothing better is known", () => {
    const a = client({ name: "ООО Уралмаш-Сервис", region: "Урал" });
    const b = client({ name: "ООО Северсталь-Трейд", region: "урал " });
    const fn = geography.create(geographyOptions.parse({}), ctx({ lang: "ru", defaultCountry: "RU" }));
    expect(fn(a).label).toBe("Урал");
    expect(fn(a).reason).toContain("не распознан");
    expect(fn(b).label).toBe("Урал");
  });

  it("prefers a known region from another source over an unknown region value", () => {
    const c = client({ region: "Урал", city: "Екатеринбург" });
    const s = classify(c, { lang: "ru", defaultCountry: "RU" });
    expect(s.label).toBe("Свердловская область");
    expect(s.reason).toContain("Екатеринбург");
  });

  it("reads a city written in the region column", () => {
    const s = classify(client({ region: "Екатеринбург" }), { defaultCountry: "RU" });
    expect(s.label).toBe("Свердловская область");
  });

  it("does not read a foreign client's region through the RU/RO/US gazetteers", () => {
    const s = classify(client({ region: "CA", country: "Germany" }));
    expect(s.label).toBe("CA");
  });
});

describe("geography: address", () => {
  it("reads the region of a 1C address", () => {
    const s = classify(client({ address: "620014, Свердловская обл, Екатеринбург г, Малышева ул, дом № 5" }), { lang: "ru" });
    expect(s.label).toBe("Свердловская область");
    expect(s.reason).toBe("из адреса: Свердловская область");
  });

  it("reads the city of an address that names no region", () => {
    const s = classify(client({ address: "г. Казань, ул. Баумана, д. 12, оф. 3" }), { lang: "ru" });
    expect(s.label).toBe("Республика Татарстан");
  });

  it("reads a Western address's state and ZIP tail", () => {
    const s = classify(client({ address: "1200 S Grand Ave, Springfield, IL 62701" }));
    expect(s.label).toBe("Illinois");
    expect(s.reason).toBe("from the address: Illinois");
  });

  it("reads a Romanian address", () => {
    expect(classify(client({ address: "Str. Memorandumului 28, Cluj-Napoca, 400114" }), { lang: "ro" }).label).toBe("Cluj");
    expect(classify(client({ address: "Bd. Unirii 15, Sector 3, București" }), { lang: "ro" }).label).toBe("București");
  });

  it("does not take a street named after a person for a region", () => {
    const s = classify(client({ address: "ул. Ленин, д. 4" }), { lang: "ru", defaultCountry: "RU" });
    expect(s.label).toBe("unknown");
  });

  it("falls back to an address's postcode", () => {
    expect(classify(client({ address: "454091, ул. Кирова, 10" }), { defaultCountry: "RU" }).label).toBe("Челябинская область");
  });
});

describe("geography: inferred", () => {
  it.each([
    [{ city: "Екатеринбург" }, "Свердловская область", "город Екатеринбург"],
    [{ city: "Нижний Тагил" }, "Свердловская область", "город Нижний Тагил"],
    [{ city: "Набережные Челны" }, "Республика Татарстан", "город"],
    [{ city: "г. Пермь" }, "Пермский край", "город"],
    [{ city: "Yekaterinburg" }, "Свердловская область", "город"],
    [{ postal_code: "620014" }, "Свердловская область", "индекс 620014"],
    [{ postal_code: "115035" }, "Москва", "индекс"],
    [{ tax_id: "6671234567" }, "Свердловская область", "ИНН 66.."],
    [{ tax_id: "7701234567" }, "Москва", "ИНН 77.."],
  ])("RU %o → %s", (values, label, reason) => {
    const s = classify(client(values as Partial<FieldValues>), { lang: "ru", defaultCountry: "RU" });
    expect(s.label).toBe(label);
    expect(s.reason).toContain(reason);
  });

  it("infers from a landline area code, not from a mobile", () => {
    const land = classify(client({}, ["+73431234567"]), { lang: "ru" });
    expect(land.label).toBe("Свердловская область");
    expect(land.reason).toContain("телефонный код 343");
    expect(classify(client({}, ["+79123456789"]), { lang: "ru" }).label).toBe("unknown");
    expect(classify(client({}, ["+79123456789", "+78122345678"]), { lang: "ru" }).label).toBe("Санкт-Петербург");
  });

  it.each([
    [{ city: "Cluj-Napoca" }, [], "Cluj"],
    [{ city: "Timisoara" }, [], "Timiș"],
    [{ city: "Iași" }, [], "Iași"],
    [{ city: "Constanta" }, [], "Constanța"],
    [{ postal_code: "300011" }, [], "Timiș"],
    [{ postal_code: "030167" }, [], "București"],
    [{}, ["+40264123456"], "Cluj"],
    [{}, ["+40364123456"], "Cluj"],
    [{}, ["+40213123456"], "București"],
  ])("RO %o %o → %s", (values, phones, label) => {
    expect(classify(client(values as Partial<FieldValues>, phones as string[]), { lang: "ro", defaultCountry: "RO" }).label).toBe(label);
  });

  it("does not read a Romanian CUI as an INN", () => {
    expect(classify(client({ tax_id: "6671234567", country: "RO" }), { lang: "ro" }).label).toBe("unknown");
  });

  it.each([
    [{ city: "Chicago" }, [], "Illinois"],
    [{ city: "San Francisco" }, [], "California"],
    [{ postal_code: "94105" }, [], "California"],
    [{ postal_code: "10001-2345" }, [], "New York"],
    [{ postal_code: "02108" }, [], "Massachusetts"],
    [{}, ["+12125551234"], "New York"],
  ])("US %o %o → %s", (values, phones, label) => {
    expect(classify(client(values as Partial<FieldValues>, phones as string[]), { defaultCountry: "US" }).label).toBe(label);
  });

  it("tells a Russian and a Romanian six-digit postcode apart by the client's country", () => {
    expect(classify(client({ postal_code: "400114", country: "Россия" })).label).toBe("Волгоградская область");
    expect(classify(client({ postal_code: "400114", country: "Romania" })).label).toBe("Cluj");
  });

  it("says unknown when nothing tells the region", () => {
    const s = classify(client({ name: "ООО Ромашка" }), { lang: "ro" });
    expect(s.label).toBe("unknown");
    expect(s.reason).toContain("regiunea");
  });

  it("takes the region column over the address and the address over the city", () => {
    const c = client({ region: "Челябинская обл", address: "620014, Свердловская обл, Екатеринбург г", city: "Пермь" });
    expect(classify(c, { defaultCountry: "RU" }).label).toBe("Челябинская область");
    const d = client({ address: "620014, Свердловская обл, Екатеринбург г", city: "Пермь" });
    expect(classify(d, { defaultCountry: "RU" }).label).toBe("Свердловская область");
  });
});

describe("geography: territories and options", () => {
  const territories = { "Урал": ["Свердловская обл", "Челябинская область", "Пермский край"], "Поволжье": ["Татарстан", "Самарская область"] };

  it("labels a region by the territory that holds it, naming both in the reason", () => {
    const s = classify(client({ city: "Екатеринбург" }), { lang: "ru", territories });
    expect(s.label).toBe("Урал");
    expect(s.reason).toBe("город Екатеринбург: Свердловская область; территория Урал");
    expect(classify(client({ region: "РТ" }), { territories }).label).toBe("Поволжье");
  });

  it("keeps a region in no territory under its own name", () => {
    expect(classify(client({ region: "Новосибирская обл" }), { territories }).label).toBe("Новосибирская область");
  });

  it("reads a territory's name written in the region column", () => {
    const s = classify(client({ region: "Урал" }), { lang: "en", territories });
    expect(s.label).toBe("Урал");
    expect(s.reason).toContain("territory Урал");
  });

  it("takes extra region aliases and cities from options", () => {
    const options = { regions: { "Средний Урал": "Свердловская область", "Dacia": "Dacia Region" }, cities: { "Берёзовский": "Свердловская обл", "Arcuda": "Ilfov" } };
    expect(classify(client({ region: "Средний Урал" }), {}, options).label).toBe("Свердловская область");
    expect(classify(client({ region: "dacia" }), {}, options).label).toBe("Dacia Region");
    expect(classify(client({ city: "Березовский" }), { defaultCountry: "RU" }, options).label).toBe("Свердловская область");
    expect(classify(client({ city: "Arcuda" }), { defaultCountry: "RO" }, options).label).toBe("Ilfov");
  });

  it("rejects unknown option keys", () => {
    expect(() => geographyOptions.parse({ region: {} })).toThrow();
  });

  it("regionOf and regionMatches serve allocation eligibility", () => {
    const run = ctx({ lang: "ru", territories });
    const loc = regionOf(client({ city: "Челябинск" }), run);
    expect(loc).toMatchObject({ region: "Челябинская область", territory: "Урал", country: "RU" });
    expect(regionMatches("Урал", loc)).toBe(true);
    expect(regionMatches("Челябинская обл", loc)).toBe(true);
    expect(regionMatches("Свердловская область", loc)).toBe(false);
    const us = regionOf(client({ region: "AR", country: "US" }), run);
    expect(regionMatches("Arkansas", us)).toBe(true);
    expect(regionMatches("AR", us)).toBe(true);
  });

  it("is deterministic and pure: same client, same answer", () => {
    const locate = createLocator({}, ctx({ lang: "en", defaultCountry: "RU" }));
    const c = client({ address: "620014, Свердловская обл, Екатеринбург г" });
    expect(locate(c)).toEqual(locate(c));
  });
});
