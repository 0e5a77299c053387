import type { Snapshot } from "@/core/metrics/snapshot";
import { UserMenu } from "@/components/auth/user-menu";
import { DrillsButton } from "@/components/drills/drills-button";
import { Brand } from "@/components/ui/brand";
import { SiteNav } from "@/components/ui/site-nav";
import styles from "./board.module.css";
import { BoardClock } from "./board-clock";
import { LiveIndicator } from "./live-indicator";
import { TotalsStrip } from "./totals";
import type { IndicatorState } from "./feed-state";

interface BoardHeaderProps {
  feedState: IndicatorState;
  receivedAt: number | null;
  totals: Snapshot["totals"] | null;
  system: Snapshot["system"] | null;
  conservation: Snapshot["conservation"] | null;
  dlqOpen: number | null;
  /** Drills running now; null before the first snapshot. */
  runningDrills: number | null;
  onOpenDrills: () => void;
}

export function BoardHeader({
  feedState,
  receivedAt,
  totals,
  system,
  conservation,
  dlqOpen,
  runningDrills,
  onOpenDrills,
}: BoardHeaderProps) {
  return (
    <header className={styles.header}>
      <Brand tag="control room" />
      <SiteNav current="board" />
      <BoardClock />
      <LiveIndicator state={feedState} receivedAt={receivedAt} />
      <TotalsStrip totals={totals} system={system} conservation={conservation} dlqOpen={dlqOpen} />
      <DrillsButton count={runningDrills} onOpen={onOpenDrills} />
      <UserMenu />
    </header>
  );
}
