"use client";

import { Button } from "@/components/ui/button";
import { formatZonedClockTime } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";
import type { FeedState } from "./feed-state";
import { describePausedFeed, PAUSE_SHORTCUT } from "./pause";
import controls from "./time-controls.module.css";

interface PauseControlProps {
  /** The snapshot time the board is frozen at; null while live. */
  pausedAt: number | null;
  /** The newest snapshot received underneath, frozen or not. */
  latestAt: number | null;
  feedState: FeedState;
  onToggle: () => void;
  /** false on the board's wall: the PAUSED banner stays, the Pause/Resume button goes. */
  interactive: boolean;
}

/**
 * Pause freezes the board (charts, stations, totals) while the feed keeps arriving underneath; while
 * paused the control is the banner that says so, and Resume shows the newest data at once.
 */
export function PauseControl({ pausedAt, latestAt, feedState, onToggle, interactive }: PauseControlProps) {
  const paused = pausedAt !== null;
  const zone = useTimeZone();
  return (
    <div className={controls.pause} data-paused={paused || undefined} data-testid="pause-control">
      {paused ? (
        <p className={controls.pausedText} data-testid="paused-banner">
          <strong>PAUSED at {formatZonedClockTime(pausedAt, zone)}</strong> —{" "}
          {describePausedFeed(pausedAt, latestAt ?? pausedAt, feedState)}
        </p>
      ) : null}
      {interactive ? (
        <Button
          size="small"
          variant={paused ? "primary" : "plain"}
          aria-keyshortcuts={PAUSE_SHORTCUT}
          title={
            paused
              ? `Resume: show the newest data at once (${PAUSE_SHORTCUT})`
              : `Pause the board: freeze charts, stations and totals while live data keeps arriving (${PAUSE_SHORTCUT})`
          }
          data-testid="pause-board"
          onClick={onToggle}
        >
          <span aria-hidden="true">{paused ? "▶" : "❚❚"}</span> {paused ? "Resume" : "Pause"}
        </Button>
      ) : null}
      {/* Announced once per change, not every second as the visible "behind" count moves. */}
      <p className="visually-hidden" role="status">
        {paused ? `Board paused at ${formatZonedClockTime(pausedAt, zone)}; live data is still arriving underneath.` : ""}
      </p>
    </div>
  );
}
