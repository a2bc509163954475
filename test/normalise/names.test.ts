import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { displayName, legalForm, nameKey, nameTokens } from "../../src/normalise/names.js";

describe("nameKey", () => {
  it("removes Russian legal forms, short and long, and quotes, and transliterates", () => {
    expect(nameKey('ООО "Ромашка"')).toBe("romashka");
    expect(nameKey("ООО «Ромашка»")).toBe("romashka");
    expect(nameKey('Общество с ограниченной ответственностью "Ромашка"')).toBe("romashka");
    expect(nameKey("Ромашка, ООО")).toBe("romashka");
    expect(nameKey("Romashka LLC")).toBe("romashka");
    expect(nameKey('ПАО "Сбербанк России"')).toBe(nameKey("Сбербанк России"));
    expect(nameKey('Публичное акционерное общество "Газпром"')).toBe("gazprom");
    expect(nameKey("ФГУП «Почта России»")).toBe(nameKey("Почта России"));
  });

  it("folds ё to е before transliterating", () => {
    expect(nameKey("ЗАО «Ёлка»")).toBe(nameKey("Елка"));
    expect(nameKey("Ёлка")).toBe("elka");
  });

  it("removes Romanian forms including S.C. ... S.R.L. and folds diacritics (comma and cedilla)", () => {
    expect(nameKey("S.C. Alfa Construct S.R.L.")).toBe("alfa construct");
    expect(nameKey("SC ALFA CONSTRUCT SRL")).toBe("alfa construct");
    expect(nameKey("Țesătoria Mărgineni S.A.")).toBe("tesatoria margineni");
    expect(nameKey("Ţesătoria Mărgineni SA")).toBe("tesatoria margineni");
    expect(nameKey("Brânzeturi Împăratul PFA")).toBe("branzeturi imparatul");
  });

  it("removes English and other forms wherever they stand", () => {
    expect(nameKey("Acme, Inc.")).toBe("acme");
    expect(nameKey("ACME Incorporated")).toBe("acme");
    expect(nameKey("The Acme Corporation")).toBe("the acme");
    expect(nameKey("Müller Maschinenbau GmbH")).toBe("muller maschinenbau");
    expect(nameKey("Globex L.L.C.")).toBe("globex");
    expect(nameKey("Initech Limited Liability Company")).toBe("initech");
  });

  it("folds & / и / and to one word", () => {
    expect(nameKey("Petrov & Partners")).toBe("petrov and partners");
    expect(nameKey("Petrov and Partners Ltd")).toBe("petrov and partners");
    expect(nameKey("Петров и партнёры")).toBe("petrov and partnery");
  });

  it("keeps a person's initials in a Cyrillic name (not the Romanian II form)", () => {
    expect(nameKey("ИП Иванов И.И.")).toBe("ivanov i i");
    expect(legalForm("ИП Иванов И.И.")).toBe("ИП");
  });

  it("does not leave an empty key for a name that is only a legal form", () => {
    expect(nameKey("ООО")).toBe("ooo");
    expect(nameKey("  ")).toBe("");
  });

  it("joins tokens by one space and splits dotted words that are not initials", () => {
    expect(nameKey("  Альфа-Банк   АО ")).toBe("alfa bank");
    expect(nameKey("Romashka.ru")).toBe("romashka ru");
    expect(nameTokens(nameKey('ООО "Уральские  Авиалинии"'))).toEqual(["uralskie", "avialinii"]);
    expect(nameTokens("")).toEqual([]);
  });
});

describe("legalForm", () => {
  it("reports the normalised form found", () => {
    expect(legalForm('Общество с ограниченной ответственностью "Ромашка"')).toBe("ООО");
    expect(legalForm("АО «Уралмаш»")).toBe("АО");
    expect(legalForm("S.C. Alfa Construct S.R.L.")).toBe("SRL");
    expect(legalForm("Acme Incorporated")).toBe("INC");
    expect(legalForm("Globex L.L.C.")).toBe("LLC");
    expect(legalForm("Ромашка")).toBe("");
  });
});

describe("displayName", () => {
  it("shortens long forms, normalises quotes and spacing", () => {
    expect(displayName('Общество с ограниченной ответственностью "Ромашка"')).toBe('ООО "Ромашка"');
    expect(displayName("  ООО   «Ромашка»  ")).toBe('ООО "Ромашка"');
    expect(displayName('ЗАО „Ёлка“')).toBe('ЗАО "Ёлка"');
    expect(displayName('ООО ""Ромашка""')).toBe('ООО "Ромашка"');
    expect(displayName('ООО " Ромашка "')).toBe('ООО "Ромашка"');
    expect(displayName("Acme,\u00a0Inc.")).toBe("Acme, Inc.");
    expect(displayName("societate cu răspundere limitată Alfa")).toBe("SRL Alfa");
  });
});

const FORMS_BEFORE = ["", "ООО ", "АО ", "ЗАО ", "ИП ", "S.C. ", "Общество с ограниченной ответственностью "];
const FORMS_AFTER = ["", " LLC", " Inc.", " S.R.L.", " SRL", " GmbH", " Ltd", " SA"];
const QUOTES: Array<[string, string]> = [["", ""], ["«", "»"], ['"', '"'], ["„", "“"]];
const WORD = fc.constantFrom("Ромашка", "Уралмаш", "Alfa", "Construct", "Ёлка", "Mărgineni", "Globex", "Север", "Vest", "Invest", "Плюс", "42");

describe("nameKey regressions", () => {
  it("keys dotted initials that spell `si` the same way twice (found by fast-check)", () => {
    expect(nameKey(nameKey("ș.i"))).toBe(nameKey("ș.i"));
    expect(nameKey("S.I. Transilvania")).toBe(nameKey(nameKey("S.I. Transilvania")));
  });
});

describe("nameKey properties", () => {
  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.string({ maxLength: 20, unit: "binary" }), fc.string({ maxLength: 20, unit: fc.constantFrom(..."ООО «Ромашка» și & ё ș ţ Inc. S.R.L. и 1 a.b.".split("")) })), (s) => {
        const k = nameKey(s);
        expect(nameKey(k)).toBe(k);
      }),
      { numRuns: 500 },
    );
  });

  it("is invariant under legal forms, quotes and case", () => {
    fc.assert(
      fc.property(
        fc.array(WORD, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...FORMS_BEFORE),
        fc.constantFrom(...FORMS_AFTER),
        fc.constantFrom(...QUOTES),
        fc.boolean(),
        (words, before, after, [open, close], upper) => {
          const core = words.join(" ");
          let name = `${before}${open}${core}${close}${after}`;
          if (upper) name = name.toUpperCase();
          expect(nameKey(name)).toBe(nameKey(core));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives Latin letters, digits and single spaces only", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30, unit: "binary" }), (s) => {
        expect(nameKey(s)).toMatch(/^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/);
      }),
      { numRuns: 300 },
    );
  });
});
