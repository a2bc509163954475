// The bench's verdict on the memory targets: a GB is 10⁹ bytes, not 1,024 MiB.
import { describe, expect, it } from "vitest";
import { peakVerdict } from "../../scripts/lib/targets.mjs";

describe("peakVerdict", () => {
  it("meets 1 GB only under 10⁹ bytes (953.7 MiB)", () => {
    expect(peakVerdict(840, 1)).toBe("840 MiB (0.88 × 10⁹ B) — met");
    expect(peakVerdict(953, 1)).toMatch(/— met$/);
    expect(peakVerdict(954, 1)).toBe("954 MiB (1.00 × 10⁹ B) — NOT met");
    // Under 1,024 MiB, yet over a gigabyte.
    expect(peakVerdict(1000, 1)).toBe("1000 MiB (1.05 × 10⁹ B) — NOT met");
  });

  it("meets 2 GB only under 2 × 10⁹ bytes (1,907.3 MiB)", () => {
    expect(peakVerdict(1706, 2)).toBe("1706 MiB (1.79 × 10⁹ B) — met");
    expect(peakVerdict(1908, 2)).toMatch(/— NOT met$/);
    expect(peakVerdict(2000, 2)).toMatch(/— NOT met$/);
  });

  it("does not call a missing figure met", () => {
    expect(peakVerdict(NaN, 1)).toBe("– MiB (– × 10⁹ B) — NOT met");
  });
});
