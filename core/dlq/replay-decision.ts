/**
 * Whether a dead letter may be replayed: the replay-count guard (so a poison event cannot loop),
 * entries already processed, and entries an earlier replay sent whose outcome is not in yet.
 */
import { parseViewerEvent, type ViewerEvent } from "../events/events";

/** Replays of one entry beyond which it is refused, unless MAX_REPLAYS says otherwise. */
export const DEFAULT_MAX_REPLAYS = 5;

/**
 * How long a replayed entry counts as in flight (sent, neither processed nor failed again): longer
 * than the retries' backoff (three retries, at most 60 s each) so a slow outcome is waited for.
 */
export const REPLAY_IN_FLIGHT_MS = 5 * 60_000;

/** What the decision reads of a stored dead letter; instants are epoch ms. */
export interface ReplayCandidate {
  event: unknown;
  deadLetteredAt: number;
  replayCount: number;
  lastReplayedAt: number | null;
  resolvedAt: number | null;
}

export type ReplayDecision =
  { kind: "requeue"; event: ViewerEvent } | { kind: "refused"; reason: string } | { kind: "invalid"; reason: string };

/** The replay count from which an entry is at the guard: the limit itself (a database count filters on it). */
export function findReplayGuardCount(maxReplays: number): number {
  return maxReplays;
}

/** Whether an entry has used up its replays, so a replay refuses it. */
export function isAtReplayGuard(replayCount: number, maxReplays: number): boolean {
  return replayCount >= findReplayGuardCount(maxReplays);
}

/** What a replay at `now` does with the entry: sends its event again, refuses it (and why), or finds its event invalid. */
export function decideReplay(entry: ReplayCandidate, maxReplays: number, now: number): ReplayDecision {
  if (entry.resolvedAt !== null) return { kind: "refused", reason: "already processed after an earlier replay" };
  if (entry.lastReplayedAt !== null && entry.lastReplayedAt > entry.deadLetteredAt && now - entry.lastReplayedAt < REPLAY_IN_FLIGHT_MS) {
    // Sent by an earlier replay and neither processed nor failed again yet: sending it twice would process it twice.
    const seconds = Math.round((now - entry.lastReplayedAt) / 1000);
    return { kind: "refused", reason: `an earlier replay sent it ${seconds} s ago and its outcome is not in yet` };
  }
  if (isAtReplayGuard(entry.replayCount, maxReplays)) {
    return {
      kind: "refused",
      reason: `replayed ${entry.replayCount} times already (limit ${maxReplays}); refused so a poison event cannot loop`,
    };
  }
  const parsed = parseViewerEvent(entry.event);
  if (!parsed.ok) return { kind: "invalid", reason: `the stored event no longer validates: ${parsed.reason}` };
  return { kind: "requeue", event: parsed.event };
}
