// The run's language: phrases filled from templates, and the export's language told by its headers.
import { describe, expect, it } from "vitest";
import { langFromHeaders, say } from "../src/i18n.js";

describe("say", () => {
  const phrase = { en: "{n} won deals, last {date}", ru: "выиграно сделок: {n}, последняя {date}", ro: "{n} oferte câștigate" };
  it("fills every placeholder in the run's language", () => {
    expect(say("ru", phrase, { n: 2, date: "2026-03-01" })).toBe("выиграно сделок: 2, последняя 2026-03-01");
    expect(say("en", phrase, { n: 0, date: "" })).toBe("0 won deals, last ");
    expect(say("ro", phrase, { n: 3 })).toBe("3 oferte câștigate");
  });
  it("leaves an unknown placeholder as written and a phrase without variables untouched", () => {
    expect(say("en", phrase, { n: 1 })).toBe("1 won deals, last {date}");
    expect(say("en", { en: "a {b} c", ru: "", ro: "" })).toBe("a {b} c");
  });
});

describe("langFromHeaders", () => {
  it("tells Russian, Romanian and English exports apart", () => {
    expect(langFromHeaders(["ID", "Название компании", "ИНН"])).toBe("ru");
    expect(langFromHeaders(["Denumire", "CUI", "Județ"])).toBe("ro");
    expect(langFromHeaders(["Denumire", "Cod fiscal", "Judet"])).toBe("ro");
    expect(langFromHeaders(["Record ID", "Company name", "Company owner"])).toBe("en");
  });
});
