import { describe, expect, it } from "vitest";
import {
  ACCEPTABLE_ERROR_RATE_PERCENT,
  classifyFailure,
  computeBackoffMs,
  decideFailureAction,
  exceedsAcceptableErrorRate,
} from "./failures";

describe("classifyFailure", () => {
  it.each([
    ["database_corruption detected in segment 4", "CATASTROPHIC"],
    ["SYSTEM_FAILURE", "CATASTROPHIC"],
    ["possible Data_Loss on partition 3", "CATASTROPHIC"],
    ["invalid_account 42", "PERSISTENT"],
    ["Insufficient_Funds", "PERSISTENT"],
    ["BLOCKED_USER u-1", "PERSISTENT"],
    ["timeout after 5000 ms", "TRANSIENT"],
    ["network unreachable", "TRANSIENT"],
    ["temporary failure", "TRANSIENT"],
    ["rate_limit exceeded", "TRANSIENT"],
    ["", "TRANSIENT"],
  ] as const)("%j → %s", (text, severity) => {
    expect(classifyFailure(text)).toBe(severity);
  });

  it("prefers CATASTROPHIC when both kinds of keyword appear", () => {
    expect(classifyFailure("blocked_user caused data_loss")).toBe("CATASTROPHIC");
  });

  it("treats a missing message as TRANSIENT", () => {
    expect(classifyFailure(undefined)).toBe("TRANSIENT");
    expect(classifyFailure(null)).toBe("TRANSIENT");
  });

  it("needs the whole keyword, not a fragment", () => {
    expect(classifyFailure("data loss")).toBe("TRANSIENT");
    expect(classifyFailure("system failure")).toBe("TRANSIENT");
  });
});

describe("computeBackoffMs", () => {
  it.each([
    [0, 1_000],
    [1, 2_000],
    [2, 4_000],
    [3, 8_000],
    [5, 32_000],
    [6, 60_000],
    [7, 60_000],
    [100, 60_000],
    [2_000, 60_000],
  ])("retry %i → %i ms (min(2^retry, 60) s)", (retry, ms) => {
    expect(computeBackoffMs(retry)).toBe(ms);
  });

  it("treats negative, fractional and non-numeric counts safely", () => {
    expect(computeBackoffMs(-3)).toBe(1_000);
    expect(computeBackoffMs(2.7)).toBe(4_000);
    expect(computeBackoffMs(Number.NaN)).toBe(1_000);
    expect(computeBackoffMs(Number.POSITIVE_INFINITY)).toBe(60_000);
  });
});

describe("decideFailureAction", () => {
  it("retries a TRANSIENT failure with the backoff of its retry count", () => {
    expect(decideFailureAction({ severity: "TRANSIENT", retryCount: 0 })).toEqual({ action: "retry", delayMs: 1_000 });
    expect(decideFailureAction({ severity: "TRANSIENT", retryCount: 2 })).toEqual({ action: "retry", delayMs: 4_000 });
  });

  it("dead-letters a TRANSIENT failure once retries reach the default max of 3", () => {
    expect(decideFailureAction({ severity: "TRANSIENT", retryCount: 3 })).toEqual({ action: "dead_letter" });
    expect(decideFailureAction({ severity: "TRANSIENT", retryCount: 4 })).toEqual({ action: "dead_letter" });
  });

  it("honours a configured max, including a cap-length backoff", () => {
    expect(decideFailureAction({ severity: "TRANSIENT", retryCount: 9, maxRetries: 10 })).toEqual({ action: "retry", delayMs: 60_000 });
    expect(decideFailureAction({ severity: "TRANSIENT", retryCount: 10, maxRetries: 10 })).toEqual({ action: "dead_letter" });
    expect(decideFailureAction({ severity: "TRANSIENT", retryCount: 0, maxRetries: 0 })).toEqual({ action: "dead_letter" });
  });

  it("takes the alternative path for PERSISTENT failures until retries run out", () => {
    expect(decideFailureAction({ severity: "PERSISTENT", retryCount: 0 })).toEqual({ action: "alternative_path" });
    expect(decideFailureAction({ severity: "PERSISTENT", retryCount: 2 })).toEqual({ action: "alternative_path" });
    expect(decideFailureAction({ severity: "PERSISTENT", retryCount: 3 })).toEqual({ action: "dead_letter" });
  });

  it("restores the checkpoint for CATASTROPHIC failures until retries run out", () => {
    expect(decideFailureAction({ severity: "CATASTROPHIC", retryCount: 0 })).toEqual({ action: "restore_checkpoint" });
    expect(decideFailureAction({ severity: "CATASTROPHIC", retryCount: 2 })).toEqual({ action: "restore_checkpoint" });
    expect(decideFailureAction({ severity: "CATASTROPHIC", retryCount: 3 })).toEqual({ action: "dead_letter" });
  });
});

describe("acceptable error rates", () => {
  it("are 5% transient, 1% persistent, 0.1% catastrophic", () => {
    expect(ACCEPTABLE_ERROR_RATE_PERCENT).toEqual({ TRANSIENT: 5, PERSISTENT: 1, CATASTROPHIC: 0.1 });
  });

  it.each([
    ["TRANSIENT", 4.99, false],
    ["TRANSIENT", 5, false],
    ["TRANSIENT", 5.01, true],
    ["PERSISTENT", 0.99, false],
    ["PERSISTENT", 1, false],
    ["PERSISTENT", 1.01, true],
    ["CATASTROPHIC", 0.09, false],
    ["CATASTROPHIC", 0.1, false],
    ["CATASTROPHIC", 0.11, true],
  ] as const)("%s at %s%% breaches: %s", (severity, rate, breaches) => {
    expect(exceedsAcceptableErrorRate(severity, rate)).toBe(breaches);
  });
});
