// Coverage and consistency of the gazetteer tables: every subject, county and state, their codes and their cities.
import { describe, expect, it } from "vitest";
import { countryOf, findCity, findRegion, foldGeo, gazetteers, phoneCountry } from "../../src/geo/index.js";

const g = gazetteers();

describe("gazetteer tables", () => {
  it("holds Russia's 89 federal subjects, each reachable by its own name, with an INN code and cities", () => {
    expect(g.RU.entries).toHaveLength(89);
    expect(new Set(g.RU.entries.map((e) => e.name)).size).toBe(89);
    for (const e of g.RU.entries) {
      expect(findRegion(e.name, ["RU"])?.region, e.name).toBe(e.name);
      expect(e.taxCodes.length, e.name).toBeGreaterThan(0);
      expect(e.cities.length, e.name).toBeGreaterThan(0);
    }
    const cities = g.RU.entries.reduce((s, e) => s + e.cities.length, 0);
    expect(cities).toBeGreaterThanOrEqual(250);
  });

  it("gives every INN region code 01-79 and the autonomous okrugs one subject", () => {
    const codes = [...g.RU.taxCodes.keys()];
    for (let i = 1; i <= 79; i++) expect(codes, String(i)).toContain(String(i).padStart(2, "0"));
    for (const c of ["83", "86", "87", "89", "91", "92"]) expect(codes).toContain(c);
    expect(g.RU.taxCodes.get("66")).toBe("Свердловская область");
    expect(g.RU.taxCodes.get("97")).toBe("Москва");
  });

  it("maps Moscow's postcodes 101-129 and Yekaterinburg's 620 without overlaps", () => {
    for (let p = 101; p <= 129; p++) expect(g.RU.postcodes.get(String(p))).toBe("Москва");
    expect(g.RU.postcodes.get("620")).toBe("Свердловская область");
    const seen = new Map<string, string>();
    for (const e of g.RU.entries) {
      for (const p of e.postcodePrefixes) {
        expect(seen.get(p), `${p}: ${seen.get(p)} / ${e.name}`).toBeUndefined();
        seen.set(p, e.name);
      }
    }
  });

  it("holds Romania's 41 counties and București, each by name, code, and without diacritics", () => {
    expect(g.RO.entries).toHaveLength(42);
    for (const e of g.RO.entries) {
      expect(findRegion(e.name, ["RO"])?.region).toBe(e.name);
      expect(findRegion(foldGeo(e.name), ["RO"])?.region).toBe(e.name);
      expect(findRegion(e.aliases[0]!, ["RO"])?.region, e.aliases[0]).toBe(e.name);
      expect(e.postcodePrefixes.length).toBeGreaterThan(0);
    }
    expect(new Set(g.RO.entries.flatMap((e) => e.postcodePrefixes)).size).toBe(47);
    expect(g.RO.phones.get("264")).toBe("Cluj");
    expect(g.RO.phones.get("21")).toBe("București");
    expect(g.RO.phones.get("31")).toBe("București");
  });

  it("holds the 50 states and DC, each by name and USPS code, with ZIP prefixes and area codes", () => {
    expect(g.US.entries).toHaveLength(51);
    for (const e of g.US.entries) {
      expect(findRegion(e.name, ["US"])?.region).toBe(e.name);
      expect(findRegion(e.aliases[0]!, ["US"])?.region).toBe(e.name);
      expect(e.postcodePrefixes.length).toBeGreaterThan(0);
      expect(e.phoneCodes.length).toBeGreaterThan(0);
    }
    expect(g.US.postcodes.get("606")).toBe("Illinois");
    expect(g.US.postcodes.get("055")).toBe("Massachusetts");
    expect(g.US.phones.get("212")).toBe("New York");
  });

  it("finds cities in their country and leaves names no table holds alone", () => {
    expect(findCity("Тольятти")).toEqual({ country: "RU", region: "Самарская область" });
    expect(findCity("Târgu Mureș")).toEqual({ country: "RO", region: "Mureș" });
    expect(findCity("Seattle")).toEqual({ country: "US", region: "Washington" });
    expect(findCity("Гадюкино")).toBeNull();
  });

  it("reads countries and phone countries", () => {
    expect(countryOf("Российская Федерация")).toBe("RU");
    expect(countryOf("România")).toBe("RO");
    expect(countryOf("United States of America")).toBe("US");
    expect(countryOf("Deutschland")).toBe("other");
    expect(countryOf(" ")).toBe("");
    expect(phoneCountry("+73431234567")).toBe("RU");
    expect(phoneCountry("+77172123456")).toBe("");
    expect(phoneCountry("+40264123456")).toBe("RO");
    expect(phoneCountry("+14155550100")).toBe("US");
  });
});
