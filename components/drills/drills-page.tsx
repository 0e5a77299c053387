"use client";

import { useTimeZone } from "@/components/ui/use-time-zone";
import { useQuery } from "@tanstack/react-query";
import { UserMenu } from "@/components/auth/user-menu";
import { Brand } from "@/components/ui/brand";
import page from "@/components/ui/page.module.css";
import { SiteNav } from "@/components/ui/site-nav";
import { DRILLS_QUERY_KEY, fetchDrills } from "./api";
import styles from "./drills.module.css";
import { DrillsPanel } from "./drills-panel";

const REFRESH_MS = 2000;

/** /drills: the drills panel on a page of its own, its list read from GET /api/chaos. */
export function DrillsPage() {
  const zone = useTimeZone();
  const drills = useQuery({
    queryKey: DRILLS_QUERY_KEY,
    queryFn: ({ signal }) => fetchDrills(signal),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: true,
  });
  // The server's clock as of the answer, so time left counts down the same as on the board.
  const clockOffsetMs = drills.data ? drills.data.at - drills.dataUpdatedAt : 0;
  return (
    <div className={page.page}>
      <header className={page.header}>
        <Brand tag="drills" />
        <SiteNav current="drills" />
        <p className={page.headerNote}>
          Running drills refresh every {REFRESH_MS / 1000} s · started times in {zone.label}
        </p>
        <UserMenu />
      </header>
      <main className={`${page.main} ${styles.page}`}>
        {drills.isError ? (
          <p className={page.error} role="alert">
            The running drills could not be read: {drills.error.message}. Retrying every {REFRESH_MS / 1000} s.
          </p>
        ) : null}
        <DrillsPanel drills={drills.data?.faults ?? null} clockOffsetMs={clockOffsetMs} />
      </main>
    </div>
  );
}
