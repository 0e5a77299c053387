import { describe, expect, it } from "vitest";
import { MAX_EVENTS_PER_MESSAGE } from "@/core/event-pack";
import { parseViewerEvent } from "@/core/events";
import { makeWireEvents } from "../testing/wire-events";
import { decodeEventMessage, encodeEventPack } from "./kafka-messages";

const wire = makeWireEvents("pack", 0, 3);
const events = wire.map((w) => {
  const parsed = parseViewerEvent(w);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.event;
});
const asMessage = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value));

describe("event packs on an events topic", () => {
  it("reads back every event of a pack, in order", () => {
    expect(decodeEventMessage(asMessage(encodeEventPack(events)))).toEqual({ ok: true, value: events.map((event) => ({ ok: true, event })) });
  });

  it("reads one event object (a producer that does not pack) as a pack of one", () => {
    expect(decodeEventMessage(asMessage(wire[1]))).toEqual({ ok: true, value: [{ ok: true, event: events[1] }] });
  });

  it("keeps the valid events of a pack and names the invalid one with its reason", () => {
    const decoded = decodeEventMessage(asMessage([wire[0], { ...wire[1], bitrate: -1 }, wire[2]]));
    expect(decoded).toEqual({
      ok: true,
      value: [{ ok: true, event: events[0] }, { ok: false, reason: "bitrate: must not be negative" }, { ok: true, event: events[2] }],
    });
  });

  it("refuses a message that is empty, not JSON, an empty pack or a pack over the limit", () => {
    expect(decodeEventMessage(null)).toEqual({ ok: false, reason: "empty message" });
    expect(decodeEventMessage(asMessage("{not json"))).toEqual({ ok: false, reason: "not JSON" });
    expect(decodeEventMessage(asMessage([]))).toEqual({ ok: false, reason: "a pack with no events" });
    const tooMany = Array.from({ length: MAX_EVENTS_PER_MESSAGE + 1 }, () => wire[0]);
    expect(decodeEventMessage(asMessage(tooMany))).toEqual({ ok: false, reason: "a pack of 1001 events (at most 1000)" });
  });
});
