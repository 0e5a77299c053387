import { describe, expect, it } from "vitest";
import { formatClockTime } from "@/components/ui/format";
import { describeFailover } from "./describe-failover";

describe("describeFailover", () => {
  const at = 1_764_000_000_000;

  it("says when, by whom and why an operator failed a region over", () => {
    expect(describeFailover({ region: "pune", action: "failover", mode: "manual", reason: "drill", at, actor: "asha" })).toBe(
      `Failed over ${formatClockTime(at)} by asha: drill`,
    );
  });

  it("says a health rule did it, with the rule's reason", () => {
    const reason = "unhealthy: error rate 6.2% > 5%";
    expect(describeFailover({ region: "pune", action: "failover", mode: "automatic", reason, at, actor: null })).toBe(
      `Failed over ${formatClockTime(at)} automatically: ${reason}`,
    );
  });

  it("still says what it means when the failover is no longer among the listed changes", () => {
    expect(describeFailover(null)).toBe("Failed over: routing sends its load to the other regions");
  });
});
