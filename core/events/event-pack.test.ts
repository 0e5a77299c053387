import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  encodeCompactPack,
  MAX_EVENTS_PER_MESSAGE,
  PACK_FIELDS,
  parsePackRow,
  partitionOfKey,
  positionOf,
  rowToWireEvent,
} from "./event-pack";
import { EVENT_TYPES, NETWORK_TYPES, parseViewerEvent, QUALITIES, type ViewerEvent } from "./events";

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

const junk = [
  null,
  undefined,
  true,
  {},
  [],
  "",
  " ",
  " padded ",
  "\u00a0nbsp",
  "x".repeat(65),
  "x".repeat(101),
  "x".repeat(129),
  "x".repeat(1001),
  -1,
  -0,
  0,
  0.5,
  1,
  10,
  11,
  86_400,
  86_400.5,
  2 ** 53,
  2 ** 53 + 2,
  Infinity,
  NaN,
  "2026-11-27T10:00:00Z",
];
/** Values a column holds when valid, now and then one that breaks some rule (so about half the rows are all valid). */
const column = (valid: readonly unknown[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 19 }, { arbitrary: fc.constantFrom(...junk), weight: 1 });
const text = ["a", "session-1", "Mumbai", "x".repeat(64), "x".repeat(100), "x".repeat(128)];
const rowArbitrary = fc.tuple(
  column(text),
  column(text),
  column(text),
  column(text),
  column(EVENT_TYPES),
  column([0, 1_764_000_000_000]),
  column(QUALITIES),
  column(text),
  column(text),
  column([0, 4000]),
  column([0, 6.5, 86_400]),
  column(NETWORK_TYPES),
  column([1, 5, 10]),
  column(["E42", ""]),
  column(["decoder stalled", ""]),
  column(["live", "vod"]),
);

describe("compact packs", () => {
  const event: ViewerEvent = {
    eventId: "e-1",
    userId: "u-1",
    deviceId: "d-1",
    sessionId: "s-1",
    eventType: "buffer",
    timestamp: 1_764_000_000_000,
    quality: "480p",
    location: "Pune",
    contentId: "ipl-final",
    bitrate: 1500,
    bufferHealth: 1.5,
    networkType: "4G",
    priority: 8,
  };

  it("writes the field names once and one positional row per event, null for absent optional fields", () => {
    expect(
      JSON.parse(encodeCompactPack([event, { ...event, eventId: "e-2", errorCode: "E1", errorMessage: "stall", contentType: "live" }])),
    ).toEqual({
      fields: [...PACK_FIELDS],
      rows: [
        ["e-1", "u-1", "d-1", "s-1", "buffer", 1_764_000_000_000, "480p", "Pune", "ipl-final", 1500, 1.5, "4G", 8, null, null, null],
        ["e-2", "u-1", "d-1", "s-1", "buffer", 1_764_000_000_000, "480p", "Pune", "ipl-final", 1500, 1.5, "4G", 8, "E1", "stall", "live"],
      ],
    });
  });

  it("maps a row to its wire object, leaving nulls and extra cells out", () => {
    expect(rowToWireEvent(["e-1", null, "d-1", "extra"], ["event_id", "user_id", "device_id"])).toEqual({
      event_id: "e-1",
      device_id: "d-1",
    });
    expect(rowToWireEvent("not a row", PACK_FIELDS)).toBe("not a row");
  });

  it("gives every row the wire schema's answer, valid or not, with the same reason", () => {
    fc.assert(
      fc.property(rowArbitrary, fc.integer({ min: 0, max: 2 }), (row, trim) => {
        const cells = trim === 0 ? row : trim === 1 ? row.slice(0, 15) : [...row, "extra"];
        expect(parsePackRow(cells)).toEqual(parseViewerEvent(rowToWireEvent(cells, PACK_FIELDS)));
      }),
      { numRuns: 20_000 },
    );
  });
});
