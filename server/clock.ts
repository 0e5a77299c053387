/** Epoch milliseconds with sub-millisecond resolution, so in-process latencies are not all 0 or 1 ms. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}
