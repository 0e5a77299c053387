import { describe, expect, it } from "vitest";
import { formatCompact, formatElapsed, formatInteger, formatMs, formatPercent, formatRate, formatShare, formatWindow } from "./format";

describe("formatCompact", () => {
  it.each([
    [0, "0"],
    [950, "950"],
    [3.25, "3.3"],
    [999.94, "999.9"],
    [999.96, "1.0K"],
    [23_412, "23.4K"],
    [99_960, "1.0L"],
    [2_00_000, "2.0L"],
    [12_34_567, "12.3L"],
    [2_50_00_000, "2.5Cr"],
    [-4_200, "-4.2K"],
  ])("%s → %s", (value, expected) => {
    expect(formatCompact(value)).toBe(expected);
  });

  it("shows a dash for values it cannot show", () => {
    expect(formatCompact(Number.NaN)).toBe("—");
    expect(formatMs(Number.POSITIVE_INFINITY)).toBe("—");
  });
});

describe("units", () => {
  it("formats milliseconds, percentages and rates", () => {
    expect(formatMs(12.345)).toBe("12.3 ms");
    expect(formatMs(1234.56)).toBe("1,234.6 ms");
    expect(formatPercent(2.345)).toBe("2.3%");
    expect(formatPercent(2.345, 2)).toBe("2.35%");
    expect(formatRate(23_412)).toBe("23.4K/s");
    expect(formatShare(0)).toBe("0%");
    expect(formatShare(0.3)).toBe("<1%");
    expect(formatShare(44.6)).toBe("45%");
  });

  it("groups whole numbers the Indian way", () => {
    expect(formatInteger(950)).toBe("950");
    expect(formatInteger(1_234_567)).toBe("12,34,567");
    expect(formatInteger(Number.NaN)).toBe("—");
  });

  it("formats elapsed times and windows", () => {
    expect(formatElapsed(4_200)).toBe("4s");
    expect(formatElapsed(125_000)).toBe("2m 05s");
    expect(formatElapsed(7_500_000)).toBe("2h 05m");
    expect(formatWindow(10_030)).toBe("10 s");
    expect(formatWindow(900_000)).toBe("15 min");
  });
});
