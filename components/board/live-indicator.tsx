"use client";

import { formatElapsed } from "@/components/ui/format";
import { useNow } from "@/components/ui/use-now";
import styles from "./board.module.css";
import type { IndicatorState } from "./feed-state";

const LABELS: Record<IndicatorState, string> = {
  live: "LIVE",
  paused: "PAUSED",
  stale: "STALE",
  reconnecting: "RECONNECTING…",
  connecting: "CONNECTING…",
};

function SnapshotAge({ receivedAt }: { receivedAt: number | null }) {
  const now = useNow();
  if (receivedAt === null) return <span className={styles.liveAge}>no snapshot yet</span>;
  return <span className={`${styles.liveAge} num`}>last snapshot {now === 0 ? "—" : formatElapsed(now - receivedAt)} ago</span>;
}

/**
 * Whether the board is receiving the live feed; while not (socket down, or open but quiet), how old the
 * shown data is. Paused, it says so and nothing more: the pause banner says what the feed does underneath.
 */
export function LiveIndicator({ state, receivedAt }: { state: IndicatorState; receivedAt: number | null }) {
  return (
    <div className={styles.live} data-testid="live-indicator" data-state={state}>
      <span aria-hidden="true" className={styles.liveDot} />
      <span className={styles.liveLabel} role="status">
        {LABELS[state]}
      </span>
      {state === "live" || state === "paused" ? null : <SnapshotAge receivedAt={receivedAt} />}
    </div>
  );
}
