import { describe, expect, it } from "vitest";
import { QuantileSketch, RELATIVE_ACCURACY } from "./quantile-sketch";

function expectWithinAccuracy(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected * RELATIVE_ACCURACY);
}

describe("QuantileSketch", () => {
  it("answers 0 when empty", () => {
    expect(new QuantileSketch().quantile(0.99)).toBe(0);
  });

  it("answers a single value exactly (clamped to the seen range)", () => {
    const sketch = new QuantileSketch();
    sketch.add(42, 10);
    expect(sketch.quantile(0)).toBe(42);
    expect(sketch.quantile(0.5)).toBe(42);
    expect(sketch.quantile(1)).toBe(42);
    expect(sketch.count).toBe(10);
  });

  it("finds p50/p95/p99 of 1..1000 within 1%", () => {
    const sketch = new QuantileSketch();
    for (let v = 1; v <= 1000; v++) sketch.add(v);
    // Rank q*(n-1) on 1..1000: p50 → 500.5, p95 → 950.05, p99 → 990.01.
    expectWithinAccuracy(sketch.quantile(0.5), 500.5);
    expectWithinAccuracy(sketch.quantile(0.95), 950.05);
    expectWithinAccuracy(sketch.quantile(0.99), 990.01);
  });

  it("tracks a long tail a mean would hide", () => {
    const sketch = new QuantileSketch();
    sketch.add(5, 980);
    sketch.add(900, 20);
    expectWithinAccuracy(sketch.quantile(0.5), 5);
    expectWithinAccuracy(sketch.quantile(0.95), 5);
    expectWithinAccuracy(sketch.quantile(0.99), 900);
  });

  it("merges two sketches as if all values had been added to one", () => {
    const a = new QuantileSketch();
    const b = new QuantileSketch();
    const both = new QuantileSketch();
    for (let v = 1; v <= 500; v++) {
      a.add(v);
      both.add(v);
    }
    for (let v = 501; v <= 1000; v++) {
      b.add(v);
      both.add(v);
    }
    a.merge(b);
    expect(a.count).toBe(1000);
    for (const q of [0.5, 0.95, 0.99]) expect(a.quantile(q)).toBe(both.quantile(q));
  });

  it("counts zero latencies and ignores negative or non-finite ones", () => {
    const sketch = new QuantileSketch();
    sketch.add(0, 3);
    sketch.add(-4);
    sketch.add(Number.NaN);
    sketch.add(Number.POSITIVE_INFINITY);
    sketch.add(10);
    expect(sketch.count).toBe(4);
    expect(sketch.quantile(0.5)).toBe(0);
    expect(sketch.quantile(1)).toBe(10);
  });

  it("is empty again after reset", () => {
    const sketch = new QuantileSketch();
    sketch.add(7);
    sketch.reset();
    expect(sketch.count).toBe(0);
    expect(sketch.quantile(0.5)).toBe(0);
  });
});
