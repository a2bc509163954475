import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { decimalEvidence, formatNumber, parseEmployees, parseNumber, settleDecimalMark } from "../../src/normalise/numbers.js";

describe("parseNumber", () => {
  it("reads the four styles and drops currency", () => {
    expect(parseNumber("1234.5", false)).toBe("1234.5");
    expect(parseNumber("1 234 567,89", true)).toBe("1234567.89");
    expect(parseNumber("1\u00a0234\u00a0567,89", true)).toBe("1234567.89");
    expect(parseNumber("1\u202f234,5", true)).toBe("1234.5");
    expect(parseNumber("1.234.567,89", true)).toBe("1234567.89");
    expect(parseNumber("1,234,567.89", false)).toBe("1234567.89");
    expect(parseNumber("150000.00", false)).toBe("150000");
    expect(parseNumber("150 000 ₽", true)).toBe("150000");
    expect(parseNumber("1 500 руб.", true)).toBe("1500");
    expect(parseNumber("$1,200.50", false)).toBe("1200.5");
    expect(parseNumber("€ 99", false)).toBe("99");
    expect(parseNumber("2 500 lei", true)).toBe("2500");
    expect(parseNumber("12 000 RON", true)).toBe("12000");
    expect(parseNumber("5000 USD", false)).toBe("5000");
    expect(parseNumber("-1 200,5", true)).toBe("-1200.5");
    expect(parseNumber("007", false)).toBe("7");
  });
  it("blanks a value that contradicts its column, and non-numbers", () => {
    expect(parseNumber("1,234,567.89", true)).toBeNull();
    expect(parseNumber("1234,56", false)).toBeNull();
    expect(parseNumber("много", false)).toBeNull();
    expect(parseNumber("", false)).toBeNull();
    expect(parseNumber("12.34.56", false)).toBeNull();
  });
});

describe("settleDecimalMark", () => {
  it("reads what each value says", () => {
    expect(decimalEvidence("1 234,5")).toBe(true);
    expect(decimalEvidence("1.234.567,89")).toBe(true);
    expect(decimalEvidence("1,234,567.89")).toBe(false);
    expect(decimalEvidence("1,234")).toBeNull();
    expect(decimalEvidence("1.234")).toBeNull();
    expect(decimalEvidence("1 234,567")).toBe(true);
    expect(decimalEvidence("150000.00")).toBe(false);
    expect(decimalEvidence("1,234,567")).toBe(false);
    expect(decimalEvidence("1.234.567")).toBe(true);
    expect(decimalEvidence("2500")).toBeNull();
  });
  it("settles by majority, a tie to the habit, else the header language", () => {
    expect(settleDecimalMark(["1,5", "2,25", "3.5"], false, "en")).toBe(true);
    expect(settleDecimalMark(["150000.00", "1,234"], true, "ru")).toBe(false);
    expect(settleDecimalMark(["1,5", "3.5"], false, "ru")).toBe(false);
    expect(settleDecimalMark(["1,234", "2500"], null, "ro")).toBe(true);
    expect(settleDecimalMark(["1,234", "2500"], null, "en")).toBe(false);
    expect(settleDecimalMark([], true, "en")).toBe(true);
  });
});

describe("parseEmployees", () => {
  it("counts a band as its lower bound", () => {
    expect(parseEmployees("50-250", true)).toBe("50");
    expect(parseEmployees("более 500", true)).toBe("500");
    expect(parseEmployees("менее 50", true)).toBe("1");
    expect(parseEmployees("500+", false)).toBe("500");
    expect(parseEmployees("1-10", false)).toBe("1");
    expect(parseEmployees("10 001+", false)).toBe("10001");
    expect(parseEmployees("10,001+", false)).toBe("10001");
    expect(parseEmployees("51 – 200 employees", false)).toBe("51");
    expect(parseEmployees("peste 250", true)).toBe("250");
    expect(parseEmployees("от 100 до 200", true)).toBe("100");
    expect(parseEmployees("1 200", true)).toBe("1200");
    expect(parseEmployees("много", true)).toBeNull();
  });
});

describe("number round trips", () => {
  it("a number written in any of the four styles reads back", () => {
    const num = fc.tuple(fc.integer({ min: 0, max: 9_999_999_999 }), fc.integer({ min: 0, max: 99 }), fc.boolean()).map(([i, f, neg]) => {
      const frac = f === 0 ? "" : "." + String(f).padStart(2, "0").replace(/0$/, "");
      const s = `${i}${frac}`;
      return neg && s !== "0" ? "-" + s : s;
    });
    fc.assert(
      fc.property(num, fc.constantFrom("plain", "space-comma", "dot-comma", "comma-dot") as fc.Arbitrary<"plain" | "space-comma" | "dot-comma" | "comma-dot">, (n, style) => {
        const written = formatNumber(n, style);
        const comma = style === "space-comma" || style === "dot-comma";
        expect(parseNumber(written, comma)).toBe(n);
        // the style's own column settles to the mark it was written with, whenever the value tells
        const e = decimalEvidence(written);
        if (e !== null) expect(e).toBe(comma);
      }),
      { numRuns: 400 },
    );
  });
});
