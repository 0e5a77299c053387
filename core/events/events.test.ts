import { describe, expect, it } from "vitest";
import { parseViewerEvent, toWireEvent } from "./events";

const valid = {
  event_id: "e-1",
  user_id: "u-1",
  device_id: "d-1",
  session_id: "s-1",
  event_type: "play",
  timestamp: 1_764_000_000_000,
  quality: "1080p",
  location: "Mumbai",
  content_id: "ipl-final",
  bitrate: 9000,
  buffer_health: 6.5,
  network_type: "WiFi",
};

describe("parseViewerEvent", () => {
  it("accepts a complete event and converts it to camelCase with the default priority", () => {
    expect(parseViewerEvent(valid)).toEqual({
      ok: true,
      event: {
        eventId: "e-1",
        userId: "u-1",
        deviceId: "d-1",
        sessionId: "s-1",
        eventType: "play",
        timestamp: 1_764_000_000_000,
        quality: "1080p",
        location: "Mumbai",
        contentId: "ipl-final",
        bitrate: 9000,
        bufferHealth: 6.5,
        networkType: "WiFi",
        priority: 5,
      },
    });
  });

  it("accepts an ISO timestamp and turns it into epoch ms", () => {
    const parsed = parseViewerEvent({ ...valid, timestamp: "2025-11-24T16:00:00.000Z" });
    expect(parsed.ok && parsed.event.timestamp).toBe(Date.UTC(2025, 10, 24, 16, 0, 0));
  });

  it("accepts an ISO timestamp with an offset", () => {
    const parsed = parseViewerEvent({ ...valid, timestamp: "2025-11-24T21:30:00+05:30" });
    expect(parsed.ok && parsed.event.timestamp).toBe(Date.UTC(2025, 10, 24, 16, 0, 0));
  });

  it("ignores unknown fields", () => {
    const parsed = parseViewerEvent({ ...valid, favourite_player: "dhoni" });
    expect(parsed.ok && Object.keys(parsed.event)).not.toContain("favourite_player");
    expect(parsed.ok).toBe(true);
  });

  it("keeps the optional error, priority and content fields", () => {
    const parsed = parseViewerEvent({
      ...valid,
      event_type: "error",
      error_code: "E42",
      error_message: "network timeout",
      priority: 1,
      content_type: "live_match",
    });
    expect(parsed).toMatchObject({
      ok: true,
      event: { eventType: "error", errorCode: "E42", errorMessage: "network timeout", priority: 1, contentType: "live_match" },
    });
  });

  it.each([
    [{ ...valid, event_type: "rewind" }, "event_type: must be one of play, pause, quality_change, buffer, error"],
    [{ ...valid, quality: "8K" }, "quality: must be one of 360p, 480p, 720p, 1080p, 4K"],
    [{ ...valid, network_type: "3G" }, "network_type: must be one of 4G, 5G, WiFi, broadband"],
    [{ ...valid, bitrate: -1 }, "bitrate: must not be negative"],
    [{ ...valid, bitrate: 12.5 }, "bitrate: must be whole kbps"],
    [{ ...valid, buffer_health: -0.1 }, "buffer_health: must not be negative"],
    [{ ...valid, priority: 0 }, "priority: must be 1 to 10"],
    [{ ...valid, priority: 11 }, "priority: must be 1 to 10"],
    [{ ...valid, event_id: "" }, "event_id: must not be empty"],
    [{ ...valid, timestamp: "yesterday" }, "timestamp: must be an ISO 8601 date-time"],
    [{ ...valid, timestamp: -5 }, "timestamp: must not be negative"],
    [{ ...valid, timestamp: true }, "timestamp: must be epoch milliseconds or an ISO 8601 date-time"],
  ])("rejects %j with a reason naming the field", (input, reason) => {
    expect(parseViewerEvent(input)).toEqual({ ok: false, reason });
  });

  it("says which required field is missing", () => {
    const { session_id: _omitted, ...withoutSession } = valid;
    expect(parseViewerEvent(withoutSession)).toEqual({ ok: false, reason: "session_id: is required" });
  });

  it("rejects something that is not an object", () => {
    expect(parseViewerEvent("play")).toMatchObject({ ok: false });
    expect(parseViewerEvent(null)).toMatchObject({ ok: false });
  });
});

describe("toWireEvent", () => {
  it("round-trips through parseViewerEvent unchanged", () => {
    const parsed = parseViewerEvent({
      ...valid,
      event_type: "error",
      error_code: "E1",
      error_message: "timeout",
      content_type: "ad",
      priority: 2,
    });
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parseViewerEvent(toWireEvent(parsed.event))).toEqual(parsed);
  });
});
