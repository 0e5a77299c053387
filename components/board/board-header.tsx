import type { RefObject } from "react";
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
  /** Dead letters no replay has resolved yet (the DLQ tile's count); null until read. */
  dlqOpen: number | null;
  /** Drills running now; null before the first snapshot. */
  runningDrills: number | null;
  onOpenDrills: () => void;
  wall: boolean;
  onToggleWall: () => void;
  wallToggleRef: RefObject<HTMLButtonElement | null>;
}

/**
 * The board's top bar: the header row (brand, pages, clock, feed state, the board's own controls) with the account
 * menu and the platform totals. Wide screens put all of it on one row; a laptop gives the totals a row of their
 * own under the header. Wall mode keeps only what is read from across the room.
 */
export function BoardHeader({
  feedState,
  receivedAt,
  totals,
  system,
  conservation,
  dlqOpen,
  runningDrills,
  onOpenDrills,
  wall,
  onToggleWall,
  wallToggleRef,
}: BoardHeaderProps) {
  return (
    <div className={styles.topBar}>
      <header className={styles.header} data-testid="board-header">
        <Brand tag="control room" />
        {wall ? null : <SiteNav current="board" />}
        <BoardClock />
        <LiveIndicator state={feedState} receivedAt={receivedAt} />
        {wall ? null : (
          <div className={styles.headerControls} role="group" aria-label="Board controls">
            <DrillsButton count={runningDrills} onOpen={onOpenDrills} />
            <button
              ref={wallToggleRef}
              type="button"
              className={styles.wallToggle}
              data-testid="wall-mode"
              aria-keyshortcuts="F"
              title="Wall mode: full screen, no controls, larger type. F or Esc leaves it; /?wall=1 opens the board in it."
              onClick={onToggleWall}
            >
              <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" className={styles.wallIcon}>
                <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" />
              </svg>
              <span className={styles.wallLabel}>Wall mode</span>
              <kbd className={styles.key}>F</kbd>
            </button>
          </div>
        )}
      </header>
      <TotalsStrip totals={totals} system={system} conservation={conservation} dlqOpen={dlqOpen} interactive={!wall} />
      {wall ? null : (
        <div className={styles.account}>
          <UserMenu />
        </div>
      )}
    </div>
  );
}
