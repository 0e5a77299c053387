/**
 * SPEC section 2's per-region circuit breaker as plain data and pure transitions. Time is always a
 * parameter (`now`, epoch ms); every transition returns a new state, or the same object when nothing
 * changes (so the hot path allocates nothing while the circuit is healthy).
 *
 * CLOSED → OPEN after `failureThreshold` consecutive failures; OPEN → HALF_OPEN once `coolDownMs` has
 * elapsed since `openedAt` (elapsed ≥ cool-down); HALF_OPEN lets the probe traffic through: a success
 * closes the circuit, a failure re-opens it with a fresh `openedAt`.
 */
export const CIRCUIT_STATES = ["closed", "open", "half_open"] as const;
export type CircuitState = (typeof CIRCUIT_STATES)[number];

/** Immutable: transitions return a new value (the shared closed value is frozen). */
export interface CircuitBreaker {
  readonly state: CircuitState;
  readonly consecutiveFailures: number;
  /** When the circuit last opened (epoch ms); null while it has not opened since the last close. */
  readonly openedAt: number | null;
}

export interface CircuitBreakerOptions {
  failureThreshold: number;
  coolDownMs: number;
}

export const DEFAULT_CIRCUIT_BREAKER_OPTIONS: Readonly<CircuitBreakerOptions> = { failureThreshold: 5, coolDownMs: 30_000 };

const CLOSED: CircuitBreaker = Object.freeze({ state: "closed", consecutiveFailures: 0, openedAt: null });

/** Returns a new breaker: closed, no failures, never opened. */
export function createCircuitBreaker(): CircuitBreaker {
  return CLOSED;
}

/** Records a success: half_open closes; closed forgets its failure streak; a late success while open changes nothing. */
export function recordCircuitSuccess(breaker: CircuitBreaker): CircuitBreaker {
  if (breaker.state === "open") return breaker;
  if (breaker.state === "closed" && breaker.consecutiveFailures === 0) return breaker;
  return CLOSED;
}

/** Records a failure at `now`: the threshold-th consecutive failure opens a closed circuit; any half_open failure re-opens it. */
export function recordCircuitFailure(
  breaker: CircuitBreaker,
  now: number,
  options: Readonly<CircuitBreakerOptions> = DEFAULT_CIRCUIT_BREAKER_OPTIONS,
): CircuitBreaker {
  const consecutiveFailures = breaker.consecutiveFailures + 1;
  switch (breaker.state) {
    case "closed":
      return consecutiveFailures >= options.failureThreshold
        ? { state: "open", consecutiveFailures, openedAt: now }
        : { state: "closed", consecutiveFailures, openedAt: breaker.openedAt };
    case "half_open":
      return { state: "open", consecutiveFailures, openedAt: now };
    case "open":
      // A late failure from a request admitted before the circuit opened: keep the cool-down as it is.
      return { state: "open", consecutiveFailures, openedAt: breaker.openedAt };
  }
}

/** Moves an open circuit to half_open once `now − openedAt ≥ coolDownMs`; otherwise returns the breaker unchanged. */
export function advanceCircuit(
  breaker: CircuitBreaker,
  now: number,
  options: Readonly<CircuitBreakerOptions> = DEFAULT_CIRCUIT_BREAKER_OPTIONS,
): CircuitBreaker {
  if (breaker.state !== "open") return breaker;
  const openedAt = breaker.openedAt ?? Number.NEGATIVE_INFINITY;
  if (now - openedAt < options.coolDownMs) return breaker;
  return { state: "half_open", consecutiveFailures: breaker.consecutiveFailures, openedAt: breaker.openedAt };
}

export interface CircuitCheck {
  /** Whether a request may pass: closed and half_open (the probe) do, open does not. */
  allowed: boolean;
  /** The breaker after advancing it to `now` (the same object when unchanged); store it. */
  breaker: CircuitBreaker;
}

/** Says whether a request may pass at `now`, first moving an open circuit past its cool-down to half_open. */
export function checkCircuitRequest(
  breaker: CircuitBreaker,
  now: number,
  options: Readonly<CircuitBreakerOptions> = DEFAULT_CIRCUIT_BREAKER_OPTIONS,
): CircuitCheck {
  const advanced = advanceCircuit(breaker, now, options);
  return { allowed: advanced.state !== "open", breaker: advanced };
}

/** Opens the circuit by hand at `now`; like an automatic open it probes again after the cool-down. */
export function tripCircuit(breaker: CircuitBreaker, now: number): CircuitBreaker {
  return { state: "open", consecutiveFailures: breaker.consecutiveFailures, openedAt: now };
}

/** Closes the circuit by hand: closed, failure streak cleared, openedAt cleared. */
export function resetCircuit(): CircuitBreaker {
  return CLOSED;
}
