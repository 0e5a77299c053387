/** The time the processor reads through nowMs() in the metrics hub tests; set per batch. */
export const hubClock = { now: 0 };
