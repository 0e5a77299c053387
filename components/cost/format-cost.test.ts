import { describe, expect, it } from "vitest";
import { createExportFileName, formatPercentOf, formatRupees, formatRupeesChange, formatRupeesCompact } from "./format-cost";

describe("cost formatting", () => {
  it("shows rupees in Indian grouping, paise only when there are some", () => {
    expect(formatRupees(200_000)).toBe("₹2,00,000");
    expect(formatRupees(47_760)).toBe("₹47,760");
    expect(formatRupees(1_000.4)).toBe("₹1,000.40");
    expect(formatRupees(0)).toBe("₹0");
  });

  it("signs a change", () => {
    expect(formatRupeesChange(2_400)).toBe("+₹2,400");
    expect(formatRupeesChange(-4_000)).toBe("−₹4,000");
    expect(formatRupeesChange(0)).toBe("₹0");
  });

  it("gives a share of a whole as a whole percentage", () => {
    expect(formatPercentOf(16_239, 47_760)).toBe("34%");
    expect(formatPercentOf(5, 0)).toBe("0%");
  });

  it.each([
    [950, "₹950"],
    [47_760, "₹47.8K"],
    [40_000, "₹40K"],
    [200_000, "₹2L"],
    [1_250_000, "₹12.5L"],
    [15_000_000, "₹1.5Cr"],
    [-4_000, "−₹4K"],
  ])("shortens %d to %s for chart axes", (inr, text) => {
    expect(formatRupeesCompact(inr)).toBe(text);
  });

  it("names export files after the scenario", () => {
    expect(createExportFileName("Startup on two regions", "csv")).toBe("startup-on-two-regions.csv");
    expect(createExportFileName('Delhi, "lean" — 2026', "json")).toBe("delhi-lean-2026.json");
    expect(createExportFileName("₹₹₹", "json")).toBe("cost-scenario.json");
  });
});
