import { describe, expect, it } from "vitest";
import { REPLICATED_FROM_HEADER } from "@/core/routing/regions";
import { makeBatchPayload } from "../../testing/kafka-batch";
import { mirrorMessagesOf } from "./mirrors";

describe("mirroring a replication link", () => {
  it("copies each message's key, value, partition, timestamp and headers, marked with its source region", () => {
    const { payload } = makeBatchPayload("sb.events.mumbai", 2, [
      { offset: 7, value: "a", key: "s1", timestamp: "1000", headers: { replay_of: "dl-1" } },
      { offset: 8, value: "b", key: "s2", timestamp: "1001" },
    ]);
    expect(mirrorMessagesOf(payload.batch, "mumbai")).toEqual([
      {
        key: Buffer.from("s1"),
        value: Buffer.from("a"),
        partition: 2,
        timestamp: "1000",
        headers: { replay_of: Buffer.from("dl-1"), [REPLICATED_FROM_HEADER]: "mumbai" },
      },
      { key: Buffer.from("s2"), value: Buffer.from("b"), partition: 2, timestamp: "1001", headers: { [REPLICATED_FROM_HEADER]: "mumbai" } },
    ]);
  });
});
