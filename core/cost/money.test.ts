import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addFractions,
  assertPaise,
  ceilFraction,
  divideFractions,
  formatInr,
  fractionToNumber,
  fractionToPercent,
  isWholePaise,
  multiplyFractions,
  multiplyRate,
  paiseToRupees,
  roundRupeesToPaise,
  rupeesToPaise,
  sumPaise,
  toFraction,
} from "./money";

describe("formatInr", () => {
  it.each([
    [0, "₹0"],
    [5, "₹0.05"],
    [99_999, "₹999.99"],
    [100_000, "₹1,000"],
    [20_000_000, "₹2,00,000"],
    [123_456_750, "₹12,34,567.50"],
    [12_345_678_901_234, "₹1,23,45,67,89,012.34"],
    [-150_000, "−₹1,500"],
    [-5, "−₹0.05"],
  ])("formats %i paise as %s", (paise, text) => {
    expect(formatInr(paise)).toBe(text);
  });

  it("refuses fractions of a paisa and unsafe integers", () => {
    expect(() => formatInr(1.5)).toThrow(RangeError);
    expect(() => formatInr(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });

  it("groups the last three digits then pairs, and reads back to the same paise", () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (paise) => {
        const text = formatInr(paise);
        expect(text).toMatch(/^−?₹(\d{1,3}|\d{1,2}(,\d{2})*,\d{3})(\.\d{2})?$/);
        const [rupees = "", decimals = "00"] = text.replace(/[−₹,]/g, "").split(".");
        expect(BigInt(rupees) * 100n + BigInt(decimals)).toBe(BigInt(Math.abs(paise)));
        expect(text.startsWith("−")).toBe(paise < 0);
      }),
    );
  });
});

describe("rupees and paise", () => {
  it("converts rupees to paise exactly, half away from zero beyond two decimals", () => {
    expect(rupeesToPaise(7.5)).toBe(750);
    expect(rupeesToPaise(0.1 + 0.2)).toBe(30); // 0.30000000000000004 → 30.000000000000004 paise → 30
    expect(rupeesToPaise(1.005)).toBe(101); // float: 1.005 × 100 = 100.49999999999999
    expect(Math.round(1.005 * 100)).toBe(100); // the drift the exact path avoids
    expect(rupeesToPaise(-1.005)).toBe(-101);
    expect(rupeesToPaise(0.004)).toBe(0);
    expect(rupeesToPaise(0.005)).toBe(1);
    expect(rupeesToPaise(200_000)).toBe(20_000_000);
  });

  it("converts paise to rupees with at most two decimals", () => {
    expect(paiseToRupees(12_345)).toBe(123.45);
    expect(paiseToRupees(-1)).toBe(-0.01);
    expect(() => paiseToRupees(0.5)).toThrow(RangeError);
  });

  it("tells whole paise from finer amounts", () => {
    expect(isWholePaise(10.01)).toBe(true);
    expect(isWholePaise(200_000)).toBe(true);
    expect(isWholePaise(10.005)).toBe(false);
    expect(isWholePaise(Number.NaN)).toBe(false);
  });

  it("guards sums and amounts to safe integers", () => {
    expect(sumPaise([1, 2, 3])).toBe(6);
    expect(sumPaise([])).toBe(0);
    expect(() => sumPaise([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(assertPaise(42)).toBe(42);
    expect(() => assertPaise(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("multiplyRate", () => {
  it("prices a rate in rupees times quantities exactly, rounded once", () => {
    expect(multiplyRate(7, 2_160)).toBe(1_512_000); // ₹7 × 2,160 h = ₹15,120
    expect(multiplyRate(0.75, 1_000)).toBe(75_000); // ₹0.75 × 1,000 GB = ₹750
    expect(multiplyRate(0.7, 600, 0.7)).toBe(29_400); // ₹0.7 × 600 GB × 0.7 = ₹294
    expect(multiplyRate(1.3, 300, 0.6)).toBe(23_400); // ₹1.3 × 300 × 0.6 = ₹234
    expect(multiplyRate(1.005, 1)).toBe(101); // ₹1.005 = 100.5 paise, half up
    expect(multiplyRate(0.725, 3)).toBe(218); // ₹2.175 = 217.5 paise → 218 (floats: 217.49999999999997 → 217)
    expect(multiplyRate(50)).toBe(5_000);
  });

  it("agrees with whole-paise rates times whole quantities", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (ratePaise, quantity) => {
        expect(multiplyRate(ratePaise / 100, quantity)).toBe(ratePaise * quantity);
      }),
    );
  });
});

describe("fractions", () => {
  it("reads numbers as the decimals they print as", () => {
    expect(toFraction(-0.25)).toEqual({ num: -25n, den: 100n });
    expect(toFraction(1.5e-7)).toEqual({ num: 15n, den: 100_000_000n });
    expect(toFraction(1e21)).toEqual({ num: 10n ** 21n, den: 1n });
    expect(() => toFraction(Number.NaN)).toThrow(RangeError);
  });

  it("rounds up exactly where floats overshoot", () => {
    expect(Math.ceil(1.1 * 100)).toBe(111); // 110.00000000000001 in floats
    expect(ceilFraction(multiplyFractions(toFraction(1.1), toFraction(100)))).toBe(110);
    expect(ceilFraction(toFraction(2.4))).toBe(3);
    expect(ceilFraction(toFraction(0))).toBe(0);
  });

  it("divides and adds exactly", () => {
    const tenth = divideFractions(toFraction(0.3), toFraction(3));
    expect(ceilFraction(multiplyFractions(tenth, toFraction(10)))).toBe(1); // 0.3 / 3 × 10 = 1 exactly
    expect(fractionToNumber(divideFractions(toFraction(8), toFraction(3)))).toBeCloseTo(2.6667, 4);
    expect(fractionToNumber(addFractions(toFraction(0.1), toFraction(0.2)))).toBe(0.3);
    expect(divideFractions(toFraction(1), toFraction(-4))).toEqual({ num: -1n, den: 4n });
    expect(() => divideFractions(toFraction(1), toFraction(0))).toThrow(RangeError);
  });

  it("reads a fraction as a percentage with one decimal", () => {
    expect(fractionToPercent(divideFractions(toFraction(8), toFraction(3)))).toBe(266.7);
    expect(fractionToPercent(toFraction(0.8))).toBe(80);
    expect(fractionToPercent(toFraction(0))).toBe(0);
  });

  it("rounds rupee fractions to paise half away from zero", () => {
    expect(roundRupeesToPaise({ num: 1n, den: 200n })).toBe(1); // ₹0.005
    expect(roundRupeesToPaise({ num: -1n, den: 200n })).toBe(-1);
    expect(roundRupeesToPaise({ num: 1n, den: 201n })).toBe(0); // ₹0.004975…
  });
});
