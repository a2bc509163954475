import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { formatDate, parseDate, settleDayOrder } from "../../src/normalise/dates.js";

describe("parseDate", () => {
  it("reads the formats CRMs write, with optional times", () => {
    expect(parseDate("2024-09-20", false)).toBe("2024-09-20");
    expect(parseDate("25.04.2025 14:33:12", false)).toBe("2025-04-25");
    expect(parseDate("01.01.2021 0:00:00", true)).toBe("2021-01-01");
    expect(parseDate("1/12/2026 3:45 PM", false)).toBe("2026-01-12");
    expect(parseDate("1/12/2026 3:45 PM", true)).toBe("2026-12-01");
    expect(parseDate("2026-01-30 15:55:37", false)).toBe("2026-01-30");
    expect(parseDate("2024-09-20 10:15", true)).toBe("2024-09-20");
    expect(parseDate("30.09.2026 22:37:00", true)).toBe("2026-09-30");
    expect(parseDate("25.04.2025 г.", true)).toBe("2025-04-25");
  });
  it("takes a timestamp's calendar date as written, whatever its zone", () => {
    expect(parseDate("2024-09-20T10:15:00.000Z", false)).toBe("2024-09-20");
    expect(parseDate("2026-03-01T23:15:00.000Z", false)).toBe("2026-03-01");
    expect(parseDate("2026-03-01T01:15:00+03:00", false)).toBe("2026-03-01");
  });
  it("rejects impossible days and non-dates", () => {
    expect(parseDate("31.02.2025", true)).toBeNull();
    expect(parseDate("29.02.2025", true)).toBeNull();
    expect(parseDate("29.02.2024", true)).toBe("2024-02-29");
    expect(parseDate("13/04/2025", false)).toBeNull();
    expect(parseDate("2025-13-01", false)).toBeNull();
    expect(parseDate("25.04.2025 25:00", true)).toBeNull();
    expect(parseDate("вчера", true)).toBeNull();
    expect(parseDate("12345", true)).toBeNull();
    expect(parseDate("99999", true)).toBeNull();
    expect(parseDate("21000101", true)).toBeNull();
    expect(parseDate("20230229", true)).toBeNull();
    expect(parseDate("1234567", true)).toBeNull();
  });

  it("reads a spreadsheet's day numbers (a date column saved without its format) and YYYYMMDD", () => {
    expect(parseDate("45658", true)).toBe("2025-01-01");
    expect(parseDate("45231", false)).toBe("2023-11-01");
    expect(parseDate("45500,75", true)).toBe("2024-07-27");
    expect(parseDate(" 45500.75 ", true)).toBe("2024-07-27");
    expect(parseDate("25569", true)).toBe("1970-01-01");
    expect(parseDate("20240315", true)).toBe("2024-03-15");
    expect(parseDate("19000101", true)).toBe("1900-01-01");
  });
});

describe("settleDayOrder", () => {
  it("settles by the values that tell, else the habit, else the header language", () => {
    expect(settleDayOrder(["01/02/2025", "13/02/2025"], false, "en")).toBe(true);
    expect(settleDayOrder(["01/02/2025", "02/13/2025"], true, "ru")).toBe(false);
    expect(settleDayOrder(["13/01/2025", "14/01/2025", "01/13/2025"], null, "en")).toBe(true);
    expect(settleDayOrder(["13/01/2025", "01/13/2025"], false, "ru")).toBe(false); // a tie: the habit
    expect(settleDayOrder(["01/02/2025"], true, "en")).toBe(true);
    expect(settleDayOrder(["01/02/2025"], null, "ro")).toBe(true);
    expect(settleDayOrder(["01/02/2025", "2025-02-13"], null, "en")).toBe(false);
  });
});

describe("date round trips", () => {
  it("any date written in any of the four styles reads back", () => {
    const date = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.constantFrom("iso", "dmy-dot", "dmy-slash", "mdy-slash") as fc.Arbitrary<"iso" | "dmy-dot" | "dmy-slash" | "mdy-slash">, fc.constantFrom("", " 0:00:00", " 14:33", "T10:15:00.000Z"), (iso, style, time) => {
        const written = formatDate(iso, style) + (style === "iso" || !time.startsWith("T") ? time : "");
        expect(parseDate(written, style !== "mdy-slash")).toBe(iso);
      }),
      { numRuns: 300 },
    );
  });
});
