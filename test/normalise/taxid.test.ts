import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { innRegion, isValidCui, isValidInn, normaliseTaxId } from "../../src/normalise/taxid.js";

describe("INN", () => {
  it("checks 10- and 12-digit INNs by the tax service's weights", () => {
    expect(isValidInn("7707083893")).toBe(true); // Сбербанк
    expect(isValidInn("6658021037")).toBe(false);
    expect(isValidInn("500100732259")).toBe(true);
    expect(isValidInn("500100732258")).toBe(false);
    expect(isValidInn("770708389")).toBe(false);
  });
  it("accepts labels, keeps leading zeros, restores a zero a spreadsheet ate, takes INN from INN/KPP", () => {
    expect(normaliseTaxId("ИНН 7707083893", "RU")).toEqual({ value: "7707083893", valid: true, kind: "inn" });
    expect(normaliseTaxId("0274062111", "RU")).toEqual({ value: "0274062111", valid: true, kind: "inn" });
    expect(normaliseTaxId("274062111", "RU")).toEqual({ value: "0274062111", valid: true, kind: "inn" });
    expect(normaliseTaxId("7707083893/770701001", "RU")).toEqual({ value: "7707083893", valid: true, kind: "inn" });
  });
  it("finds invalid ones; a KPP alone is not a tax id; a placeholder is empty", () => {
    expect(normaliseTaxId("7707083894", "RU").valid).toBe(false);
    expect(normaliseTaxId("770701001", "RU").valid).toBe(false);
    expect(normaliseTaxId("-", "RU")).toEqual({ value: "", valid: null, kind: "inn" });
  });
  it("detects an INN outside Russia's default when its check digits hold", () => {
    expect(normaliseTaxId("7707083893", "US")).toEqual({ value: "7707083893", valid: true, kind: "inn" });
  });
  it("gives the region code", () => {
    expect(innRegion("6658021033")).toBe("66");
    expect(innRegion("500100732259")).toBe("50");
    expect(innRegion("123")).toBe("");
  });
  it("every 10-digit body has exactly one valid check digit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => {
        const body = String(n).padStart(9, "0");
        let valid = 0;
        for (let d = 0; d < 10; d++) if (isValidInn(body + d)) valid++;
        expect(valid).toBe(1);
      }),
      { numRuns: 200 },
    );
  });
});

describe("CUI", () => {
  it("checks the key 753217532 with or without RO", () => {
    expect(isValidCui("14399840")).toBe(true);
    expect(isValidCui("18547290")).toBe(true);
    expect(isValidCui("14399841")).toBe(false);
    expect(normaliseTaxId("RO 14399840", "RO")).toEqual({ value: "14399840", valid: true, kind: "cui" });
    expect(normaliseTaxId("RO14399840", "US")).toEqual({ value: "14399840", valid: true, kind: "cui" });
    expect(normaliseTaxId("CUI: 14399840", "RO")).toEqual({ value: "14399840", valid: true, kind: "cui" });
    expect(normaliseTaxId("14399841", "RO")).toEqual({ value: "14399841", valid: false, kind: "cui" });
  });
});

describe("other countries", () => {
  it("keeps a VAT-like code compacted, unchecked", () => {
    expect(normaliseTaxId("DE 123 456 789", "DE")).toEqual({ value: "DE123456789", valid: null, kind: "other" });
    expect(normaliseTaxId("12-3456789", "US")).toEqual({ value: "123456789", valid: null, kind: "other" });
  });
});
