import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { areaCode, inScientificNotation, isLocalNumber, localNumber, normalisePhone, phoneKey } from "../../src/normalise/phones.js";

describe("normalisePhone", () => {
  it("reads Russian numbers: trunk 8, +7, 10-digit local, extensions dropped", () => {
    expect(normalisePhone("8 (343) 123-45-67", "RU")).toEqual({ e164: "+73431234567", valid: true });
    expect(normalisePhone("+7 912 345-67-89", "RU")).toEqual({ e164: "+79123456789", valid: true });
    expect(normalisePhone("912 345 67 89", "RU")).toEqual({ e164: "+79123456789", valid: true });
    expect(normalisePhone("8 (343) 123-45-67 доб. 123", "RU")).toEqual({ e164: "+73431234567", valid: true });
    expect(normalisePhone("+7 (495) 777-77-77, вн. 12", "RU")?.e164).toBe("+74957777777");
  });

  it("reads Romanian numbers: 07xx, +40, 0040, landlines", () => {
    expect(normalisePhone("0722 123 456", "RO")).toEqual({ e164: "+40722123456", valid: true });
    expect(normalisePhone("+40 21 312 3456", "RO")).toEqual({ e164: "+40213123456", valid: true });
    expect(normalisePhone("0040 722 123 456", "RO")).toEqual({ e164: "+40722123456", valid: true });
    expect(normalisePhone("0264 123456", "RO")).toEqual({ e164: "+40264123456", valid: true });
  });

  it("reads US numbers and drops extensions", () => {
    expect(normalisePhone("(415) 555-2671", "US")).toEqual({ e164: "+14155552671", valid: true });
    expect(normalisePhone("+1 415 555 2671 ext. 12", "US")).toEqual({ e164: "+14155552671", valid: true });
    expect(normalisePhone("1-415-555-2671 x 7", "US")?.e164).toBe("+14155552671");
  });

  it("reads a number from another country when the default country's reading is not valid", () => {
    expect(normalisePhone("0722 123 456", "RU")).toEqual({ e164: "+40722123456", valid: true });
    expect(normalisePhone("8 912 345 67 89", "RO")).toEqual({ e164: "+79123456789", valid: true });
    expect(normalisePhone("+373 22 123456", "RU")).toEqual({ e164: "+37322123456", valid: true });
  });

  it("reads nothing from a number a spreadsheet rounded into scientific notation", () => {
    // Its eight digits would otherwise pass for Moldova's +373 79123410.
    expect(normalisePhone("7.91234E+10", "RU")).toBeNull();
    expect(normalisePhone("7,34312E+10", "RU")).toBeNull();
    expect(normalisePhone(" 4,0722E+10 ", "RO")).toBeNull();
    expect(inScientificNotation("6,65802E+09")).toBe(true);
    expect(inScientificNotation("+1 415 555 2671 ext 12")).toBe(false);
    expect(normalisePhone("+1 415 555 2671 ext 12", "US")?.e164).toBe("+14155552671");
  });

  it("marks placeholders invalid and non-numbers unparseable", () => {
    expect(normalisePhone("+7 (000) 000-00-00", "RU")?.valid).toBe(false);
    expect(normalisePhone("123", "RU")).toBeNull();
    expect(normalisePhone("нет", "RU")).toBeNull();
    expect(normalisePhone("", "US")).toBeNull();
  });

  it("is stable: normalising its own E.164 output gives the same number", () => {
    const ru = fc.tuple(fc.constantFrom("343", "495", "812", "912", "903", "383"), fc.integer({ min: 0, max: 9_999_999 }));
    fc.assert(
      fc.property(ru, fc.constantFrom("8 (A) B", "+7 A B", "7A B", "A-B"), ([area, sub], fmt) => {
        const b = String(sub).padStart(7, "0");
        const raw = fmt.replace("A", area).replace("B", `${b.slice(0, 3)}-${b.slice(3, 5)}-${b.slice(5)}`);
        const p = normalisePhone(raw, "RU");
        expect(p?.e164).toBe(`+7${area}${b}`);
        expect(normalisePhone(p!.e164, "RU")).toEqual(p);
        expect(normalisePhone(p!.e164, "US")).toEqual(p);
      }),
      { numRuns: 200 },
    );
  });
});

describe("phoneKey", () => {
  it("agrees with E.164 on the default country's usual formats, without the library", () => {
    expect(phoneKey("8 (343) 123-45-67", "RU")).toBe("+73431234567");
    expect(phoneKey("+7 912 345-67-89 доб. 5", "RU")).toBe("+79123456789");
    expect(phoneKey("0722 123 456", "RO")).toBe("+40722123456");
    expect(phoneKey("(415) 555-2671", "US")).toBe("+14155552671");
    expect(phoneKey("12-34", "US")).toBe("1234");
    expect(phoneKey("n/a", "US")).toBe("");
  });
});

describe("localNumber", () => {
  it("gives the seven digits of a number written without its area code", () => {
    expect(localNumber("386-5286")).toBe("3865286");
    expect(localNumber("234-61-78")).toBe("2346178");
    expect(localNumber("234-61-78 доб. 12")).toBe("2346178");
    expect(localNumber("555 0120 ext 7")).toBe("5550120");
    expect(normalisePhone("386-5286", "US")?.valid ?? false).toBe(false);
  });

  it("gives nothing for a full number, another length, a + sign or a placeholder", () => {
    expect(localNumber("(312) 386-5286")).toBe("");
    expect(localNumber("+386 5286")).toBe("");
    expect(localNumber("38-65-28")).toBe("");
    expect(localNumber("3865-2861")).toBe("");
    expect(localNumber("000-00-00")).toBe("");
    expect(localNumber("777-77-77")).toBe("");
    expect(localNumber("123-45-67")).toBe("");
    expect(localNumber("234-56-78")).toBe("");
    expect(localNumber("987-65-43")).toBe("");
    expect(localNumber("нет")).toBe("");
    expect(localNumber("7,3431E+10")).toBe("");
  });

  it("tells a local number from a number in E.164", () => {
    expect(isLocalNumber("3865286")).toBe(true);
    expect(isLocalNumber("+13123865286")).toBe(false);
  });
});

describe("areaCode", () => {
  it("gives the landline area code and nothing for mobiles", () => {
    expect(areaCode("+73431234567")).toBe("343");
    expect(areaCode("+74957777777")).toBe("495");
    expect(areaCode("+79123456789")).toBe("");
    expect(areaCode("+78001234567")).toBe("");
    expect(areaCode("+40213123456")).toBe("21");
    expect(areaCode("+40264123456")).toBe("264");
    expect(areaCode("+40722123456")).toBe("");
    expect(areaCode("+14155552671")).toBe("415");
    expect(areaCode("+18005552671")).toBe("");
    expect(areaCode("+37322123456")).toBe("");
  });
});
