import { describe, expect, it } from "vitest";
import {
  DEFAULT_CIRCUIT_BREAKER_OPTIONS,
  advanceCircuit,
  checkCircuitRequest,
  createCircuitBreaker,
  recordCircuitFailure,
  recordCircuitSuccess,
  resetCircuit,
  tripCircuit,
  type CircuitBreaker,
} from "./circuit-breaker";

const T0 = 1_700_000_000_000;

function failTimes(breaker: CircuitBreaker, times: number, now: number): CircuitBreaker {
  let next = breaker;
  for (let i = 0; i < times; i++) next = recordCircuitFailure(next, now);
  return next;
}

const OPEN_AT_T0: CircuitBreaker = { state: "open", consecutiveFailures: 5, openedAt: T0 };

describe("circuit breaker defaults", () => {
  it("opens after 5 failures with a 30 s cool-down", () => {
    expect(DEFAULT_CIRCUIT_BREAKER_OPTIONS).toEqual({ failureThreshold: 5, coolDownMs: 30_000 });
  });

  it("starts closed with no failures", () => {
    expect(createCircuitBreaker()).toEqual({ state: "closed", consecutiveFailures: 0, openedAt: null });
  });
});

describe("recordCircuitFailure", () => {
  it("stays closed after 4 consecutive failures", () => {
    expect(failTimes(createCircuitBreaker(), 4, T0)).toEqual({ state: "closed", consecutiveFailures: 4, openedAt: null });
  });

  it("opens on the 5th consecutive failure, at that moment", () => {
    const four = failTimes(createCircuitBreaker(), 4, T0);
    expect(recordCircuitFailure(four, T0 + 7)).toEqual({ state: "open", consecutiveFailures: 5, openedAt: T0 + 7 });
  });

  it("honours a configured threshold", () => {
    const options = { failureThreshold: 2, coolDownMs: 1000 };
    const one = recordCircuitFailure(createCircuitBreaker(), T0, options);
    expect(one.state).toBe("closed");
    expect(recordCircuitFailure(one, T0, options).state).toBe("open");
  });

  it("re-opens a half_open circuit with a new openedAt", () => {
    const halfOpen: CircuitBreaker = { state: "half_open", consecutiveFailures: 5, openedAt: T0 };
    expect(recordCircuitFailure(halfOpen, T0 + 31_000)).toEqual({ state: "open", consecutiveFailures: 6, openedAt: T0 + 31_000 });
  });

  it("keeps an open circuit's cool-down when a late failure arrives", () => {
    expect(recordCircuitFailure(OPEN_AT_T0, T0 + 10_000)).toEqual({ state: "open", consecutiveFailures: 6, openedAt: T0 });
  });
});

describe("recordCircuitSuccess", () => {
  it("breaks a failure streak, so failures must be consecutive to open", () => {
    const four = failTimes(createCircuitBreaker(), 4, T0);
    const afterSuccess = recordCircuitSuccess(four);
    expect(afterSuccess).toEqual({ state: "closed", consecutiveFailures: 0, openedAt: null });
    expect(failTimes(afterSuccess, 4, T0).state).toBe("closed");
  });

  it("closes a half_open circuit", () => {
    const halfOpen: CircuitBreaker = { state: "half_open", consecutiveFailures: 5, openedAt: T0 };
    expect(recordCircuitSuccess(halfOpen)).toEqual({ state: "closed", consecutiveFailures: 0, openedAt: null });
  });

  it("leaves an open circuit open (a late success does not skip the cool-down)", () => {
    expect(recordCircuitSuccess(OPEN_AT_T0)).toBe(OPEN_AT_T0);
  });

  it("returns the same object for a healthy closed circuit (no allocation)", () => {
    const closed = createCircuitBreaker();
    expect(recordCircuitSuccess(closed)).toBe(closed);
  });
});

describe("checkCircuitRequest / advanceCircuit", () => {
  it("lets requests through a closed circuit", () => {
    expect(checkCircuitRequest(createCircuitBreaker(), T0)).toEqual({ allowed: true, breaker: createCircuitBreaker() });
  });

  it("refuses requests just before the cool-down has elapsed", () => {
    const check = checkCircuitRequest(OPEN_AT_T0, T0 + 29_999);
    expect(check.allowed).toBe(false);
    expect(check.breaker).toBe(OPEN_AT_T0);
  });

  it("moves to half_open and lets the probe through exactly when the cool-down has elapsed", () => {
    expect(checkCircuitRequest(OPEN_AT_T0, T0 + 30_000)).toEqual({
      allowed: true,
      breaker: { state: "half_open", consecutiveFailures: 5, openedAt: T0 },
    });
  });

  it("moves to half_open just after the cool-down too", () => {
    expect(advanceCircuit(OPEN_AT_T0, T0 + 30_001).state).toBe("half_open");
  });

  it("keeps letting probe traffic through while half_open", () => {
    const halfOpen: CircuitBreaker = { state: "half_open", consecutiveFailures: 5, openedAt: T0 };
    const check = checkCircuitRequest(halfOpen, T0 + 40_000);
    expect(check.allowed).toBe(true);
    expect(check.breaker).toBe(halfOpen);
  });

  it("honours a configured cool-down", () => {
    const options = { failureThreshold: 5, coolDownMs: 1000 };
    expect(checkCircuitRequest(OPEN_AT_T0, T0 + 999, options).allowed).toBe(false);
    expect(checkCircuitRequest(OPEN_AT_T0, T0 + 1000, options).allowed).toBe(true);
  });

  it("runs a full cycle: closed → open → half_open → open again → half_open → closed", () => {
    let breaker = failTimes(createCircuitBreaker(), 5, T0);
    expect(breaker.state).toBe("open");
    breaker = advanceCircuit(breaker, T0 + 30_000);
    expect(breaker.state).toBe("half_open");
    breaker = recordCircuitFailure(breaker, T0 + 30_500);
    expect(breaker).toEqual({ state: "open", consecutiveFailures: 6, openedAt: T0 + 30_500 });
    expect(checkCircuitRequest(breaker, T0 + 60_499).allowed).toBe(false);
    breaker = advanceCircuit(breaker, T0 + 60_500);
    expect(breaker.state).toBe("half_open");
    expect(recordCircuitSuccess(breaker)).toEqual({ state: "closed", consecutiveFailures: 0, openedAt: null });
  });
});

describe("tripCircuit / resetCircuit", () => {
  it("trips a closed circuit open by hand at now", () => {
    expect(tripCircuit(createCircuitBreaker(), T0)).toEqual({ state: "open", consecutiveFailures: 0, openedAt: T0 });
  });

  it("a tripped circuit refuses traffic until the cool-down, then probes", () => {
    const tripped = tripCircuit(createCircuitBreaker(), T0);
    expect(checkCircuitRequest(tripped, T0 + 29_999).allowed).toBe(false);
    expect(checkCircuitRequest(tripped, T0 + 30_000).breaker.state).toBe("half_open");
  });

  it("resets an open circuit to closed with no failures", () => {
    expect(resetCircuit()).toEqual({ state: "closed", consecutiveFailures: 0, openedAt: null });
    expect(recordCircuitFailure(resetCircuit(), T0).state).toBe("closed");
  });
});
