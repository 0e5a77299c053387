import { describe, expect, it } from "vitest";
import { encodeCompactPack, MAX_EVENTS_PER_MESSAGE, PACK_FIELDS } from "@/core/events/event-pack";
import { parseViewerEvent } from "@/core/events/events";
import { makeWireEvents } from "../../testing/wire-events";
import { decodeEventMessage } from "./messages";

const wire = makeWireEvents("pack", 0, 3);
const events = wire.map((w) => {
  const parsed = parseViewerEvent(w);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.event;
});
const asMessage = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value));
const allValid = (list: typeof events) => ({ ok: true, value: list.map((event) => ({ ok: true, event })) });

describe("event packs on an events topic", () => {
  it("reads back every event of a compact pack, in order", () => {
    const withOptional = { ...events[2]!, errorCode: "E42", errorMessage: "decoder stalled", contentType: "live" };
    expect(decodeEventMessage(asMessage(encodeCompactPack([events[0]!, events[1]!, withOptional])))).toEqual(
      allValid([events[0]!, events[1]!, withOptional]),
    );
  });

  it("reads a pack whose fields come in another order, and a JSON array of wire events", () => {
    const fields = [...PACK_FIELDS].reverse();
    const rows = wire.map((w) => fields.map((name) => (w as Record<string, unknown>)[name] ?? null));
    expect(decodeEventMessage(asMessage({ fields, rows }))).toEqual(allValid(events));
    expect(decodeEventMessage(asMessage(wire))).toEqual(allValid(events));
  });

  it("reads one event object (a producer that does not pack) as a pack of one", () => {
    expect(decodeEventMessage(asMessage(wire[1]))).toEqual(allValid([events[1]!]));
  });

  it("keeps the valid events of a pack and names each invalid one with the wire schema's reason", () => {
    const rows = JSON.parse(encodeCompactPack(events)).rows as unknown[][];
    rows[1]![9] = -1;
    expect(decodeEventMessage(asMessage({ fields: PACK_FIELDS, rows: [...rows, "not a row", [null, ...rows[0]!.slice(1)]] }))).toEqual({
      ok: true,
      value: [
        { ok: true, event: events[0] },
        { ok: false, reason: "bitrate: must not be negative" },
        { ok: true, event: events[2] },
        { ok: false, reason: "event: Invalid input: expected object, received string" },
        { ok: false, reason: "event_id: is required" },
      ],
    });
    expect(decodeEventMessage(asMessage([wire[0], { ...wire[1], quality: "8k" }]))).toEqual({
      ok: true,
      value: [
        { ok: true, event: events[0] },
        { ok: false, reason: "quality: must be one of 360p, 480p, 720p, 1080p, 4K" },
      ],
    });
  });

  it("refuses a message that is empty, not JSON, an empty or oversized pack, or a pack without a field list", () => {
    expect(decodeEventMessage(null)).toEqual({ ok: false, reason: "empty message" });
    expect(decodeEventMessage(asMessage("{not json"))).toEqual({ ok: false, reason: "not JSON" });
    expect(decodeEventMessage(asMessage([]))).toEqual({ ok: false, reason: "a pack with no events" });
    expect(decodeEventMessage(asMessage({ fields: PACK_FIELDS, rows: [] }))).toEqual({ ok: false, reason: "a pack with no events" });
    const tooMany = Array.from({ length: MAX_EVENTS_PER_MESSAGE + 1 }, () => wire[0]);
    expect(decodeEventMessage(asMessage(tooMany))).toEqual({ ok: false, reason: "a pack of 1001 events (at most 1000)" });
    expect(decodeEventMessage(asMessage({ rows: [] }))).toEqual({ ok: false, reason: "fields: must be a list of field names" });
    expect(decodeEventMessage(asMessage({ fields: PACK_FIELDS, rows: "x" }))).toEqual({ ok: false, reason: "rows: must be a list" });
  });
});
