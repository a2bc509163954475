import { describe, it, expect } from "vitest";
import { normaliseCountry } from "../../src/normalise/country.js";

describe("normaliseCountry", () => {
  it("maps common spellings to ISO alpha-2", () => {
    const cases: Array<[string, string]> = [
      ["Россия", "RU"], ["РФ", "RU"], ["Российская Федерация", "RU"], ["Russia", "RU"], ["Russian Federation", "RU"], ["RU", "RU"],
      ["România", "RO"], ["Romania", "RO"], ["RO", "RO"], ["Румыния", "RO"],
      ["United States", "US"], ["USA", "US"], ["US", "US"], ["U.S.A.", "US"], ["США", "US"],
      ["Moldova", "MD"], ["Молдова", "MD"], ["Republica Moldova", "MD"],
      ["Казахстан", "KZ"], ["Беларусь", "BY"], ["Украина", "UA"], ["Germany", "DE"], ["Deutschland", "DE"], [" germania ", "DE"],
    ];
    for (const [raw, code] of cases) expect(normaliseCountry(raw), raw).toBe(code);
  });
  it("keeps an unknown country as written", () => {
    expect(normaliseCountry("Атлантида")).toBe("Атлантида");
    expect(normaliseCountry(" Narnia ")).toBe("Narnia");
  });
});
