"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RunningDrill } from "@/core/drills/drill-api";
import { describeDrill, formatTimeLeft } from "@/core/drills/drills";
import { useOperatorOnly } from "@/components/auth/use-session";
import { SNAPSHOT_QUERY_KEY } from "@/components/board/api";
import { Button } from "@/components/ui/button";
import { useNow } from "@/components/ui/use-now";
import { stopAllDrills, stopDrill } from "./api";
import styles from "./drills.module.css";

interface DrillBannerProps {
  /** The snapshot's running drills, oldest first; null before the first snapshot. */
  drills: readonly RunningDrill[] | null;
  clockOffsetMs: number;
  onOpen: () => void;
  /** false on the board's wall: the banner is read there, its Details and Stop left to a screen with controls. */
  interactive: boolean;
}

/** One line above the stations while any drill runs: what it does, the time left, and Stop. Nothing while none runs. */
export function DrillBanner({ drills, clockOffsetMs, onOpen, interactive }: DrillBannerProps) {
  const now = useNow();
  const readOnly = useOperatorOnly();
  const queryClient = useQueryClient();
  const first = drills?.[0];
  const several = (drills?.length ?? 0) > 1;
  const stop = useMutation({
    mutationFn: async ({ ids, all }: { ids: readonly string[]; all: boolean }) => {
      if (all) await stopAllDrills();
      else await stopDrill(ids[0]!);
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: SNAPSHOT_QUERY_KEY }),
  });
  if (!drills || !first) return null;

  const timeLeft = now === 0 ? "" : `, ${formatTimeLeft(first.endsAt - (now + clockOffsetMs))}`;
  // A stop that went through waits for the next snapshot to take the drill off; the button says so meanwhile.
  const stopped = stop.isSuccess && drills.some((drill) => stop.variables.ids.includes(drill.id));
  return (
    <section className={styles.banner} aria-label="Drills running" data-testid="drill-banner">
      <span className={styles.bannerLabel}>{several ? `${drills.length} drills running:` : "Drill running:"}</span>
      <span className={styles.bannerText} data-testid="drill-banner-text">
        {describeDrill(first)}
        {timeLeft}
        {several ? ` · and ${drills.length - 1} more` : ""}
        {stop.isError ? ` · not stopped: ${stop.error.message}` : ""}
      </span>
      {interactive ? (
        <span className={styles.bannerButtons}>
          <Button size="small" data-testid="drill-banner-open" aria-haspopup="dialog" onClick={onOpen}>
            {several ? "See all" : "Details"}
          </Button>
          <Button
            size="small"
            variant="danger"
            data-testid="drill-banner-stop"
            title={readOnly ?? undefined}
            disabled={readOnly !== null || stopped}
            aria-disabled={stop.isPending || undefined}
            onClick={() => {
              if (!stop.isPending) stop.mutate({ ids: drills.map((drill) => drill.id), all: several });
            }}
          >
            {stop.isPending ? "Stopping…" : stopped ? "Stopped" : several ? "Stop all" : "Stop"}
          </Button>
        </span>
      ) : null}
    </section>
  );
}
