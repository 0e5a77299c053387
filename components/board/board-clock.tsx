"use client";

import { formatClockTime } from "@/components/ui/time-format";
import { TimeZoneLabel } from "@/components/ui/time-zone-control";
import { useNow } from "@/components/ui/use-now";
import { useTimeZone } from "@/components/ui/use-time-zone";
import styles from "./board.module.css";

/** Wall-clock time in the time base; ticks on its own so the rest of the board does not re-render every second. */
export function BoardClock() {
  const now = useNow();
  const { timeZone } = useTimeZone();
  return (
    <div className={styles.clock}>
      <time className="num" data-testid="board-clock" dateTime={now === 0 ? undefined : new Date(now).toISOString()}>
        {now === 0 ? "--:--:--" : formatClockTime(now, timeZone)}
      </time>
      <TimeZoneLabel className={styles.clockZone} />
    </div>
  );
}
