import { describe, expect, it } from "vitest";
import { decideBufferAction, decideQualityChange, priorityOfBufferAction } from "./quality-ladder";

describe("decideQualityChange", () => {
  it("downgrades one rung when buffer is below 2.0 s", () => {
    expect(decideQualityChange("1080p", 20000, 1.99)).toEqual({ from: "1080p", to: "720p", reason: "buffer_health" });
  });

  it("keeps quality at exactly 2.0 s of buffer with enough bitrate", () => {
    expect(decideQualityChange("1080p", 8000, 2.0)).toBeNull();
  });

  it("downgrades when bitrate is below the current rung's minimum", () => {
    expect(decideQualityChange("720p", 2999, 5)).toEqual({ from: "720p", to: "480p", reason: "bandwidth_insufficient" });
    expect(decideQualityChange("720p", 3000, 5)).toBeNull();
  });

  it("never goes below 360p", () => {
    expect(decideQualityChange("360p", 100, 0.5)).toBeNull();
  });

  it("upgrades one rung (not down, unlike the source) when buffer > 8 s and bitrate > 1.5x the rung minimum", () => {
    expect(decideQualityChange("720p", 8000, 8.01)).toEqual({ from: "720p", to: "1080p", reason: "bandwidth_headroom" });
  });

  it("does not upgrade at exactly 8.0 s of buffer or exactly 1.5x the minimum", () => {
    expect(decideQualityChange("720p", 9000, 8.0)).toBeNull();
    expect(decideQualityChange("360p", 1200, 9)).toBeNull();
  });

  it("does not upgrade when the target rung's bitrate minimum is not met", () => {
    // 720p: 1.5 x 3000 = 4500 < 5000, but 1080p needs 8000.
    expect(decideQualityChange("720p", 5000, 9)).toBeNull();
  });

  it("does not upgrade when the target rung's buffer minimum is not met", () => {
    // 1080p -> 4K needs 25000 kbps and 10 s of buffer.
    expect(decideQualityChange("1080p", 30000, 9.9)).toBeNull();
    expect(decideQualityChange("1080p", 30000, 10)).toEqual({ from: "1080p", to: "4K", reason: "bandwidth_headroom" });
  });

  it("never goes above 4K", () => {
    expect(decideQualityChange("4K", 100000, 30)).toBeNull();
  });

  it("prefers the buffer reason when both buffer and bitrate are low", () => {
    expect(decideQualityChange("480p", 100, 1)).toEqual({ from: "480p", to: "360p", reason: "buffer_health" });
  });
});

describe("decideBufferAction", () => {
  it.each([
    [0, "emergency_buffer"],
    [0.99, "emergency_buffer"],
    [1.0, "preventive_buffer"],
    [2.99, "preventive_buffer"],
    [3.0, "maintain_current"],
    [10.0, "maintain_current"],
    [10.01, "optimize_bandwidth"],
  ] as const)("buffer %s s → %s", (seconds, action) => {
    expect(decideBufferAction(seconds)).toBe(action);
  });

  it("gives each action the priority of SPEC section 3", () => {
    expect(priorityOfBufferAction("emergency_buffer")).toBe("high");
    expect(priorityOfBufferAction("preventive_buffer")).toBe("medium");
    expect(priorityOfBufferAction("optimize_bandwidth")).toBe("low");
    expect(priorityOfBufferAction("maintain_current")).toBe("normal");
  });
});
