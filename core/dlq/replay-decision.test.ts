import { describe, expect, it } from "vitest";
import {
  DEFAULT_MAX_REPLAYS,
  REPLAY_IN_FLIGHT_MS,
  decideReplay,
  findReplayGuardCount,
  isAtReplayGuard,
  type ReplayCandidate,
} from "./replay-decision";

const NOW = 1_764_000_600_000;
const event = {
  event_id: "e-1",
  user_id: "u-1",
  device_id: "d-1",
  session_id: "s-1",
  event_type: "play",
  timestamp: 1_764_000_000_000,
  quality: "1080p",
  location: "Pune",
  content_id: "ipl-final",
  bitrate: 9000,
  buffer_health: 6.5,
  network_type: "WiFi",
};
const open: ReplayCandidate = { event, deadLetteredAt: NOW - 60_000, replayCount: 0, lastReplayedAt: null, resolvedAt: null };

describe("the replay-count guard", () => {
  it("defaults to 5 replays", () => {
    expect(DEFAULT_MAX_REPLAYS).toBe(5);
  });

  it("is reached at the limit, not before", () => {
    expect([0, 4, 5, 6].map((count) => isAtReplayGuard(count, 5))).toEqual([false, false, true, true]);
    expect(findReplayGuardCount(5)).toBe(5);
  });
});

describe("decideReplay", () => {
  it("requeues an open entry below the guard, with its event parsed", () => {
    const decision = decideReplay({ ...open, replayCount: 4 }, 5, NOW);
    expect(decision).toMatchObject({ kind: "requeue", event: { eventId: "e-1", location: "Pune" } });
  });

  it("refuses an entry processed after an earlier replay", () => {
    expect(decideReplay({ ...open, resolvedAt: NOW - 1000 }, 5, NOW)).toEqual({
      kind: "refused",
      reason: "already processed after an earlier replay",
    });
  });

  it("refuses an entry an earlier replay sent whose outcome is not in yet, and requeues it once that wait is over", () => {
    const sent = { ...open, replayCount: 1, lastReplayedAt: NOW - 12_000 };
    expect(decideReplay(sent, 5, NOW)).toEqual({
      kind: "refused",
      reason: "an earlier replay sent it 12 s ago and its outcome is not in yet",
    });
    expect(decideReplay(sent, 5, NOW - 12_000 + REPLAY_IN_FLIGHT_MS).kind).toBe("requeue");
  });

  it("requeues an entry that failed again after its last replay", () => {
    expect(decideReplay({ ...open, replayCount: 1, lastReplayedAt: open.deadLetteredAt - 1 }, 5, NOW).kind).toBe("requeue");
  });

  it("refuses an entry at the guard so a poison event cannot loop", () => {
    expect(decideReplay({ ...open, replayCount: 5 }, 5, NOW)).toEqual({
      kind: "refused",
      reason: "replayed 5 times already (limit 5); refused so a poison event cannot loop",
    });
  });

  it("finds an entry whose stored event no longer validates invalid", () => {
    const decision = decideReplay({ ...open, event: { ...event, quality: "8K" } }, 5, NOW);
    expect(decision.kind).toBe("invalid");
    expect(decision).toHaveProperty("reason", expect.stringMatching(/^the stored event no longer validates: quality/));
  });
});
