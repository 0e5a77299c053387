import { describe, expect, it } from "vitest";
import {
  checkCustomRange,
  chooseTickStepMs,
  computeTimeTicks,
  DEFAULT_RANGE,
  formatRangeParams,
  parseRangeParams,
  resolveRangeWindow,
} from "./time-range";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Date.UTC(2026, 4, 31, 15, 1, 5);
const IST = 5.5 * HOUR;

describe("resolveRangeWindow", () => {
  it("ends a last-N range now and keeps a custom range as chosen", () => {
    expect(resolveRangeWindow({ kind: "last", preset: "6h" }, NOW)).toEqual([NOW - 6 * HOUR, NOW]);
    expect(resolveRangeWindow({ kind: "custom", from: 1000, to: 2000 }, NOW)).toEqual([1000, 2000]);
  });
});

describe("checkCustomRange", () => {
  it("accepts up to 24 hours of the past", () => {
    expect(checkCustomRange(NOW - 24 * HOUR, NOW, NOW)).toBeNull();
  });

  it("says why a range cannot be shown", () => {
    expect(checkCustomRange(Number.NaN, NOW, NOW)).toBe("Choose both a start and an end.");
    expect(checkCustomRange(NOW, NOW, NOW)).toBe("The start must be before the end.");
    expect(checkCustomRange(NOW - 24 * HOUR - 1, NOW, NOW)).toBe("A range may span at most 24 hours.");
    expect(checkCustomRange(NOW - HOUR, NOW + MINUTE + 1, NOW)).toBe(
      "The end is in the future: choose a “last …” range to follow live data.",
    );
  });
});

describe("range parameters", () => {
  it("round-trips presets and custom ranges through the address", () => {
    const custom = { kind: "custom", from: NOW - 2 * HOUR, to: NOW - HOUR } as const;
    expect(formatRangeParams(custom)).toBe(`from=${NOW - 2 * HOUR}&to=${NOW - HOUR}`);
    expect(parseRangeParams({ from: String(custom.from), to: String(custom.to) }, NOW)).toEqual(custom);
    expect(formatRangeParams({ kind: "last", preset: "24h" })).toBe("range=24h");
    expect(parseRangeParams({ range: "24h" }, NOW)).toEqual({ kind: "last", preset: "24h" });
    expect(formatRangeParams(DEFAULT_RANGE)).toBe("");
  });

  it("falls back to the default for anything unusable", () => {
    expect(parseRangeParams({ range: "2h" }, NOW)).toEqual(DEFAULT_RANGE);
    expect(parseRangeParams({ from: "yesterday", to: String(NOW) }, NOW)).toEqual(DEFAULT_RANGE);
    expect(parseRangeParams({ from: String(NOW - 25 * HOUR), to: String(NOW) }, NOW)).toEqual(DEFAULT_RANGE);
    expect(parseRangeParams({}, NOW)).toEqual(DEFAULT_RANGE);
  });
});

describe("time ticks", () => {
  it("chooses about six ticks a range", () => {
    expect(chooseTickStepMs(15 * MINUTE)).toBe(3 * MINUTE);
    expect(chooseTickStepMs(HOUR)).toBe(10 * MINUTE);
    expect(chooseTickStepMs(6 * HOUR)).toBe(HOUR);
    expect(chooseTickStepMs(24 * HOUR)).toBe(6 * HOUR);
  });

  it("puts ticks on whole steps of the zone shown, inside the range", () => {
    // 15:01:05 UTC is 20:31:05 IST; the last six hours' hourly ticks fall on IST's hours, 15:00 to 20:00.
    const ticks = computeTimeTicks(NOW - 6 * HOUR, NOW, IST);
    expect(ticks.map((t) => new Date(t + IST).toISOString().slice(11, 16))).toEqual(["15:00", "16:00", "17:00", "18:00", "19:00", "20:00"]);
    expect(computeTimeTicks(NOW - 15 * MINUTE, NOW, 0).map((t) => new Date(t).toISOString().slice(11, 16))).toEqual([
      "14:48",
      "14:51",
      "14:54",
      "14:57",
      "15:00",
    ]);
  });
});
