import { describe, expect, it } from "vitest";
import { REGION_IDS, REPLICATION_LINKS } from "@/core/routing/regions";
import { allTopicsOf, groupIdOf, mirrorGroupOf, nameTopics, replicaTopicOf } from "./topics";

describe("topic names", () => {
  const names = nameTopics("sb");

  it("names a region's events and retry topics under the prefix, and reads the region back", () => {
    expect(names.eventsByRegion.get("mumbai")).toBe("sb.events.mumbai");
    expect(names.retryByRegion.get("pune")).toBe("sb.retry.pune");
    expect(names.regionByEvents.get("sb.events.delhi")).toBe("delhi");
    expect(names.regionByRetry.get("sb.retry.kolkata")).toBe("kolkata");
    expect(names.regionByEvents.get("sb.retry.kolkata")).toBeUndefined();
    expect(names.deadLetters).toBe("sb.dlq");
  });

  it("lists every topic a deployment needs once: events, retries, DLQ, one replica per link", () => {
    const all = allTopicsOf(names);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(REGION_IDS.length * 2 + 1 + REPLICATION_LINKS.length);
    for (const link of REPLICATION_LINKS) expect(all).toContain(`sb.events.${link.from}.replica.${link.to}`);
  });

  it("names replicas, groups and mirror groups", () => {
    expect(replicaTopicOf("sb.events.mumbai", "pune")).toBe("sb.events.mumbai.replica.pune");
    expect(groupIdOf("sb", "processors")).toBe("sb.processors");
    expect(mirrorGroupOf({ ...REPLICATION_LINKS[0]!, from: "mumbai", to: "delhi" })).toBe("mirror.mumbai-to-delhi");
  });
});
