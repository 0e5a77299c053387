"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import type { RunningDrill } from "@/core/drills/drill-api";
import { describeDrill, formatTimeLeft } from "@/core/drills/drills";
import { classifyFailure } from "@/core/dlq/failures";
import { SNAPSHOT_QUERY_KEY } from "@/components/board/api";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/notice";
import { formatZonedClockTime } from "@/components/ui/time-format";
import { useNow } from "@/components/ui/use-now";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { DRILLS_QUERY_KEY, stopAllDrills, stopDrill } from "./api";
import styles from "./drills.module.css";

interface RunningDrillsProps {
  /** null while the first list has not arrived. */
  drills: readonly RunningDrill[] | null;
  /** The server's clock minus this browser's, so time left counts down on the server's clock. */
  clockOffsetMs: number;
  /** Why this user may not stop drills ("Operators only"), or null when they may. */
  readOnly: string | null;
}

/** Stops start a refresh of whichever list shows the drills: the page's GET, or the board's snapshot. */
function useRefreshDrills(): () => void {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: DRILLS_QUERY_KEY });
    void queryClient.invalidateQueries({ queryKey: SNAPSHOT_QUERY_KEY });
  };
}

/** The drills running now, each with its time left and who started it, each stoppable, and all at once. */
export function RunningDrills({ drills, clockOffsetMs, readOnly }: RunningDrillsProps) {
  const refresh = useRefreshDrills();
  const stopAll = useMutation({ mutationFn: stopAllDrills, onSettled: refresh });
  const count = drills?.length ?? 0;
  const titleId = useId();
  return (
    <section className={styles.section} aria-labelledby={titleId} data-testid="running-drills">
      <header className={styles.sectionHeader}>
        <h3 id={titleId} className={styles.sectionTitle}>
          Running{drills ? ` (${count})` : ""}
        </h3>
        <Button
          variant="danger"
          size="small"
          data-testid="drills-stop-all"
          title={readOnly ?? undefined}
          disabled={readOnly !== null || count === 0}
          aria-disabled={stopAll.isPending || undefined}
          onClick={() => {
            if (!stopAll.isPending) stopAll.mutate();
          }}
        >
          {stopAll.isPending ? "Stopping all…" : "Stop all"}
        </Button>
      </header>
      {stopAll.isError ? <ErrorText>Not stopped: {stopAll.error.message}</ErrorText> : null}
      {drills === null ? (
        <p className={styles.empty}>Waiting for the live state…</p>
      ) : count === 0 ? (
        <p className={styles.empty} data-testid="drills-none">
          No drill is running.
        </p>
      ) : (
        <ul className={styles.list}>
          {drills.map((drill) => (
            <DrillRow key={drill.id} drill={drill} clockOffsetMs={clockOffsetMs} readOnly={readOnly} onStopped={refresh} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DrillRow({
  drill,
  clockOffsetMs,
  readOnly,
  onStopped,
}: {
  drill: RunningDrill;
  clockOffsetMs: number;
  readOnly: string | null;
  onStopped: () => void;
}) {
  const now = useNow();
  const stop = useMutation({ mutationFn: () => stopDrill(drill.id), onSettled: onStopped });
  const severity = classifyFailure(drill.errorMessage);
  const line = describeDrill(drill);
  const zone = useTimeZone();
  return (
    <li className={styles.drill} data-testid="running-drill" data-drill-id={drill.id}>
      <div className={styles.drillWhat}>
        <p className={styles.drillLine}>{line}</p>
        <p className={styles.drillMeta}>
          <span className={styles.severity} data-severity={severity}>
            {severity}
          </span>{" "}
          started {formatZonedClockTime(drill.startedAt, zone)} by {drill.startedBy ?? "someone"}
        </p>
        {stop.isError ? <ErrorText>Not stopped: {stop.error.message}</ErrorText> : null}
      </div>
      <span className={styles.timeLeft} data-testid="drill-time-left">
        {now === 0 ? "" : formatTimeLeft(drill.endsAt - (now + clockOffsetMs))}
      </span>
      <Button
        size="small"
        data-testid="drill-stop"
        aria-label={`Stop ${line}`}
        title={readOnly ?? undefined}
        disabled={readOnly !== null || stop.isSuccess}
        aria-disabled={stop.isPending || undefined}
        onClick={() => {
          if (!stop.isPending) stop.mutate();
        }}
      >
        {stop.isPending ? "Stopping…" : stop.isSuccess ? "Stopped" : "Stop"}
      </Button>
    </li>
  );
}
