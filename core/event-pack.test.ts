import { describe, expect, it } from "vitest";
import { MAX_EVENTS_PER_MESSAGE, partitionOfKey, positionOf } from "./event-pack";

describe("positionOf", () => {
  it("numbers each event of a message after its offset, so no two events of a partition share one", () => {
    expect([positionOf(0, 0), positionOf(0, 999), positionOf(1, 0), positionOf(42, 7)]).toEqual([0, 999, 1000, 42_007]);
    expect(positionOf(1, 0)).toBe(positionOf(0, MAX_EVENTS_PER_MESSAGE - 1) + 1);
  });
});

describe("partitionOfKey", () => {
  it("is FNV-1a of the key, modulo the partitions", () => {
    // FNV-1a 32-bit of "a" is 0xe40c292c = 3826002220.
    expect(partitionOfKey("a", 1000)).toBe(3_826_002_220 % 1000);
    expect(partitionOfKey("", 7)).toBe(0x811c9dc5 % 7);
  });

  it("sends one session to one partition every time, and spreads many sessions over all of them", () => {
    expect(partitionOfKey("session-123", 3)).toBe(partitionOfKey("session-123", 3));
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[partitionOfKey(`session-${i}`, 3)]!++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});
