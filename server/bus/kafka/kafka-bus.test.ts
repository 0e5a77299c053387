import { describe, expect, it } from "vitest";
import { parseViewerEvent } from "@/core/events/events";
import { makeWireEvents } from "../../testing/wire-events";
import { KafkaBus } from "./kafka-bus";

// No broker: the bus is never started, so nothing here connects.
const makeBus = () =>
  new KafkaBus({ brokers: ["127.0.0.1:1"], topicPrefix: "unit", partitions: 3, eventsPerMessage: 500, clientId: "unit", log: () => {} });
const parsed = parseViewerEvent(makeWireEvents("unit", 0, 1)[0]);
if (!parsed.ok) throw new Error(parsed.reason);
const events = [parsed.event];

describe("KafkaBus without a broker", () => {
  it("refuses a publish before it has connected, asking for it again", async () => {
    const bus = makeBus();
    await expect(bus.publish("pune", events, 1000)).rejects.toMatchObject({
      code: "unavailable",
      message: "Kafka is unreachable (connecting); events were not accepted, send them again.",
    });
    await bus.close();
  });

  it("closes once: a second close waits for the first, and the bus then refuses publishes and reports down", async () => {
    const bus = makeBus();
    const first = bus.close();
    const second = bus.close();
    expect(second).toBe(first);
    await Promise.all([first, second]);
    await expect(bus.close()).resolves.toBeUndefined();
    await expect(bus.publish("pune", events, 1000)).rejects.toMatchObject({
      code: "unavailable",
      message: "The event bus is shut down; events were not accepted.",
    });
    expect(bus.health()).toEqual({ status: "down", detail: "shut down" });
  });

  it("names its topics under the prefix", () => {
    const bus = makeBus();
    expect(bus.topicOf("mumbai")).toBe("unit.events.mumbai");
    expect(bus.retryTopicOf("delhi")).toBe("unit.retry.delhi");
    expect(bus.lag("pune")).toEqual({ messages: 0, seconds: 0, partitions: [] });
  });
});
