import { describe, expect, it } from "vitest";
import { DedupWindow } from "./dedup-window";

describe("DedupWindow", () => {
  it("reports the first sighting of an id as new and every repeat as a duplicate", () => {
    const window = new DedupWindow(60_000, 0);
    expect(window.firstSighting("e-1", 0)).toBe(true);
    expect(window.firstSighting("e-1", 1)).toBe(false);
    expect(window.firstSighting("e-2", 2)).toBe(true);
    expect(window.firstSighting("e-1", 3)).toBe(false);
    expect(window.size).toBe(2);
  });

  it("remembers an id for at least the whole window, across a rotation", () => {
    const window = new DedupWindow(1000, 0);
    window.firstSighting("late", 999);
    expect(window.firstSighting("late", 1000)).toBe(false);
    expect(window.firstSighting("late", 1998)).toBe(false);
  });

  it("forgets an id once two rotations have passed since it was seen", () => {
    const window = new DedupWindow(1000, 0);
    window.firstSighting("old", 10);
    window.firstSighting("tick", 1000);
    expect(window.firstSighting("old", 2000)).toBe(true);
  });

  it("keeps every one of a million distinct ids apart while growing", () => {
    const window = new DedupWindow(60_000, 0, 16);
    let fresh = 0;
    for (let i = 0; i < 1_000_000; i++) if (window.firstSighting(`sim-${i.toString(36)}-${i}`, 1)) fresh++;
    expect(fresh).toBe(1_000_000);
    let repeats = 0;
    for (let i = 0; i < 1_000_000; i += 1000) if (!window.firstSighting(`sim-${i.toString(36)}-${i}`, 2)) repeats++;
    expect(repeats).toBe(1000);
  });
});
