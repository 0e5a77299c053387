"use client";

import { formatClockTime } from "@/components/ui/format";
import { useNow } from "@/components/ui/use-now";
import styles from "./board.module.css";

/** Local wall-clock time; ticks on its own so the rest of the board does not re-render every second. */
export function BoardClock() {
  const now = useNow();
  return (
    <div className={styles.clock}>
      <time className="num" dateTime={now === 0 ? undefined : new Date(now).toISOString()}>
        {now === 0 ? "--:--:--" : formatClockTime(now)}
      </time>
      <span className={styles.clockZone}>local</span>
    </div>
  );
}
