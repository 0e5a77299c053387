import { describe, expect, it } from "vitest";
import { describeFailover } from "./describe-failover";

describe("describeFailover", () => {
  // 2025-11-24 16:00:00 UTC: 21:30:00 in India.
  const at = 1_764_000_000_000;
  const ist = { timeZone: "Asia/Kolkata", label: "IST" };

  it("says when, by whom and why an operator failed a region over", () => {
    expect(describeFailover({ region: "pune", action: "failover", mode: "manual", reason: "drill", at, actor: "asha" }, ist)).toBe(
      "Failed over 21:30:00 IST by asha: drill",
    );
  });

  it("says a health rule did it, with the rule's reason", () => {
    const reason = "unhealthy: error rate 6.2% > 5%";
    expect(describeFailover({ region: "pune", action: "failover", mode: "automatic", reason, at, actor: null }, ist)).toBe(
      `Failed over 21:30:00 IST automatically: ${reason}`,
    );
  });

  it("still says what it means when the failover is no longer among the listed changes", () => {
    expect(describeFailover(null, ist)).toBe("Failed over: routing sends its load to the other regions");
  });
});
