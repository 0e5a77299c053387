import type { AttemptKind, ReplayOutcome } from "@/core/dlq/dlq-api";
import { isAtReplayGuard } from "@/core/dlq/replay-decision";

/** How an entry stands against the replay-count guard: "2 of 5", or the guard's mark once reached. */
export function formatReplayGuard(replayCount: number, maxReplays: number): { text: string; reached: boolean } {
  const reached = isAtReplayGuard(replayCount, maxReplays);
  return { text: reached ? `guard: ${replayCount} of ${maxReplays} replays` : `${replayCount} of ${maxReplays}`, reached };
}

export const OUTCOME_LABELS: Record<ReplayOutcome["outcome"], string> = {
  requeued: "requeued",
  refused: "refused by the guard",
  invalid: "invalid",
  missing: "missing",
};

/** A history step's name and whether it went well, badly, or was held back. */
export const ATTEMPT_LABELS: Record<AttemptKind, { label: string; tone: "bad" | "good" | "held" | "neutral" }> = {
  failed: { label: "first failure", tone: "bad" },
  dead_lettered: { label: "dead-lettered", tone: "bad" },
  replay_requeued: { label: "replayed", tone: "neutral" },
  replay_refused: { label: "replay refused", tone: "held" },
  replay_invalid: { label: "replay invalid", tone: "bad" },
  replay_processed: { label: "processed", tone: "good" },
  replay_failed: { label: "failed again", tone: "bad" },
};
