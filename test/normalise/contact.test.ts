import { describe, it, expect } from "vitest";
import { emailDomain, isGenericMailbox, isPublicMailDomain, normaliseEmail, websiteDomain } from "../../src/normalise/contact.js";

describe("normaliseEmail", () => {
  it("trims, lower-cases, strips mailto: and a display name", () => {
    expect(normaliseEmail("  Info@Romashka.RU ")).toBe("info@romashka.ru");
    expect(normaliseEmail("mailto:Sales@Alfa-Construct.ro")).toBe("sales@alfa-construct.ro");
    expect(normaliseEmail("Иван Петров <i.petrov@uralmash.ru>")).toBe("i.petrov@uralmash.ru");
    expect(normaliseEmail("офис@пример.рф")).toBe("офис@пример.рф");
  });
  it("rejects what is not an address", () => {
    for (const bad of ["нет", "info@", "@romashka.ru", "info@romashka", "a@b.c", "info romashka.ru", "a@@b.ru", "ivan..petrov@x.ru"]) {
      expect(normaliseEmail(bad)).toBeNull();
    }
  });
  it("gives the domain", () => {
    expect(emailDomain("i.petrov@uralmash.ru")).toBe("uralmash.ru");
  });
});

describe("websiteDomain", () => {
  it("strips scheme, www, user info, port and path; keeps IDN", () => {
    expect(websiteDomain("https://www.romashka.ru/about?x=1")).toBe("romashka.ru");
    expect(websiteDomain("http://user@site.com:8080/x")).toBe("site.com");
    expect(websiteDomain("WWW.Alfa-Construct.RO")).toBe("alfa-construct.ro");
    expect(websiteDomain("www.пример.рф")).toBe("пример.рф");
    expect(websiteDomain("shop.acme.com/")).toBe("shop.acme.com");
    expect(websiteDomain("нет сайта")).toBe("");
    expect(websiteDomain("")).toBe("");
  });
});

describe("mail providers and mailboxes", () => {
  it("knows public providers", () => {
    for (const d of ["gmail.com", "mail.ru", "yandex.ru", "ya.ru", "bk.ru", "inbox.ru", "list.ru", "rambler.ru", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com", "yahoo.ro", "Mail.RU"]) {
      expect(isPublicMailDomain(d)).toBe(true);
    }
    expect(isPublicMailDomain("uralmash.ru")).toBe(false);
    expect(isPublicMailDomain("alfa-construct.ro")).toBe(false);
  });
  it("knows generic role mailboxes", () => {
    for (const e of ["info@romashka.ru", "office@alfa.ro", "sales@acme.com", "zakaz@firm.ru", "priemnaya@uralmash.ru", "Reception@hotel.ro", "support@x.com", "info2@firm.ru", "secretary@x.ru"]) {
      expect(isGenericMailbox(e)).toBe(true);
    }
    for (const e of ["i.petrov@uralmash.ru", "ana.popescu@alfa.ro", "john@acme.com"]) expect(isGenericMailbox(e)).toBe(false);
  });
});
