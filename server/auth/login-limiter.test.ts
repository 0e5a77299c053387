import { describe, expect, it } from "vitest";
import { LoginLimiter } from "./login-limiter";

describe("LoginLimiter", () => {
  it("refuses a pair after 5 failures in 5 minutes until the oldest leaves the window", () => {
    const limiter = new LoginLimiter(5, 300_000);
    for (let i = 0; i < 5; i++) {
      expect(limiter.retryAfterSeconds("ops|1.2.3.4", i * 1000)).toBe(0);
      limiter.recordFailure("ops|1.2.3.4", i * 1000);
    }
    expect(limiter.retryAfterSeconds("ops|1.2.3.4", 5000)).toBe(295);
    expect(limiter.retryAfterSeconds("ops|5.6.7.8", 5000)).toBe(0);
    expect(limiter.retryAfterSeconds("ops|1.2.3.4", 300_001)).toBe(0);
  });

  it("forgets a pair's failures once it signs in", () => {
    const limiter = new LoginLimiter(2, 60_000);
    limiter.recordFailure("a", 0);
    limiter.recordSuccess("a");
    limiter.recordFailure("a", 1);
    expect(limiter.retryAfterSeconds("a", 2)).toBe(0);
  });

  it("keeps at most maxKeys pairs, forgetting the least recently failed", () => {
    const limiter = new LoginLimiter(1, 60_000, 2);
    limiter.recordFailure("a", 0);
    limiter.recordFailure("b", 0);
    limiter.recordFailure("c", 0);
    expect([limiter.retryAfterSeconds("a", 1), limiter.retryAfterSeconds("b", 1), limiter.retryAfterSeconds("c", 1)]).toEqual([0, 60, 60]);
  });
});
