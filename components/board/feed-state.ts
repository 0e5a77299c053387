import type { LiveState } from "./use-live-snapshot";

/** What the board's feed indicator says: the socket's state, or stale when an open socket has gone quiet. */
export type FeedState = LiveState | "stale";

/** What the header's indicator shows: the feed's state, or "paused" while the board is frozen, so a paused board never reads LIVE. */
export type IndicatorState = FeedState | "paused";

/**
 * The server broadcasts a snapshot every second; this long without one means at least one was
 * missed. Checked on the board's 1 s clock, so stale shows within 3.5 s of the last snapshot.
 */
export const STALE_AFTER_MS = 2500;

/**
 * A socket can stay open while the server hangs or the network goes half-open, so "live" needs a
 * recent snapshot too. `now` is 0 before the board's clock starts (hydration): nothing is judged then.
 */
export function describeFeed(socket: LiveState, receivedAt: number | null, now: number): FeedState {
  if (socket !== "live" || receivedAt === null || now === 0) return socket;
  return now - receivedAt > STALE_AFTER_MS ? "stale" : "live";
}
