import { describe, expect, it } from "vitest";
import { buildSparklineGeometry } from "./sparkline";

describe("buildSparklineGeometry", () => {
  it("spans the values and the warning line over the box, breaking the line where a slice has no value", () => {
    // Values 0 … 10 against a 2 (warning) / 5 (critical) rule in a 100 × 24 box with a 2 px inset.
    expect(buildSparklineGeometry([0, 10, null, 5, 10], { warning: 2, critical: 5 }, 100, 24)).toEqual({
      path: "M0 22 L25 2 M75 12 L100 2",
      warningY: 18,
      criticalY: 12,
      last: { x: 100, y: 2 },
    });
  });

  it("keeps the warning line in view below quiet values and leaves out a critical line they do not reach", () => {
    expect(buildSparklineGeometry([1, 1.5], { warning: 2, critical: 5 }, 120, 24)).toEqual({
      path: "M0 22 L120 12",
      warningY: 2,
      criticalY: null,
      last: { x: 120, y: 12 },
    });
  });

  it("draws flat values at the warning line mid-box, and no dot when the newest slice is empty", () => {
    expect(buildSparklineGeometry([2, 2, null], { warning: 2, critical: 5 }, 120, 24)).toEqual({
      path: "M0 12 L60 12",
      warningY: 12,
      criticalY: null,
      last: null,
    });
    expect(buildSparklineGeometry([], { warning: 2, critical: 5 }, 120, 24).path).toBe("");
  });
});
