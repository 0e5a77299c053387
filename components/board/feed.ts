import type { Snapshot } from "@/core/metrics/snapshot";
import { appendLivePoint, convertSnapshotToPoint, type SeriesPoint } from "./time-series";

/** The newest snapshot from either source (socket or REST) and the live points it has added so far. */
export interface FeedState {
  snapshot: Snapshot | null;
  /** Client time the newest snapshot arrived, for "last snapshot Ns ago". */
  receivedAt: number | null;
  livePoints: readonly SeriesPoint[];
}

export interface FeedAction {
  type: "snapshot";
  snapshot: Snapshot;
  receivedAt: number;
}

export const INITIAL_FEED: FeedState = { snapshot: null, receivedAt: null, livePoints: [] };

/** Older or repeated snapshots (a REST answer racing the socket) are ignored, so time only moves forward. */
export function reduceFeed(state: FeedState, action: FeedAction): FeedState {
  if (state.snapshot && action.snapshot.at <= state.snapshot.at) return state;
  return {
    snapshot: action.snapshot,
    receivedAt: action.receivedAt,
    livePoints: appendLivePoint(state.livePoints, convertSnapshotToPoint(action.snapshot)),
  };
}
