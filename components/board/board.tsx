"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useEffectEvent, useMemo, useReducer, useState } from "react";
import { NETWORK_TYPES, QUALITIES, type NetworkType, type Quality } from "@/core/events/events";
import type { AlertsUpdate } from "@/core/live/live-protocol";
import type { RegionChange } from "@/core/routing/region-state";
import { AlertStrip } from "@/components/alerts/alert-strip";
import { LiveCostTile } from "@/components/cost/live-cost-tile";
import { DLQ_SUMMARY_QUERY_KEY } from "@/components/dlq/api";
import { DlqTile } from "@/components/dlq/dlq-tile";
import { useDlqSummary } from "@/components/dlq/use-dlq-summary";
import { formatInteger } from "@/components/ui/format";
import { formatZonedClockTime } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { DrillBanner } from "@/components/drills/drill-banner";
import { DrillsDialog } from "@/components/drills/drills-dialog";
import { ApiError } from "@/components/ui/api-client";
import { useNow } from "@/components/ui/use-now";
import { fetchHistory, fetchRegions, fetchSnapshot, REGIONS_QUERY_KEY, SNAPSHOT_QUERY_KEY } from "./api";
import styles from "./board.module.css";
import { BoardHeader } from "./board-header";
import { DistributionChart, type DistributionRow } from "./distribution-chart";
import { EventMix } from "./event-mix";
import { INITIAL_FEED, reduceFeed, type FeedState as Feed } from "./feed";
import { describeFeed } from "./feed-state";
import { Notices, type Notice } from "./notices";
import { isPauseShortcut } from "./pause";
import { PauseControl } from "./pause-control";
import { writeRangeToAddress } from "./range-address";
import { RegionChanges } from "./region-changes";
import { ReplicationLinks } from "./replication-links";
import { RegionControlDialog } from "./region-control-dialog";
import type { RegionControlRequest } from "./region-controls";
import { RejectionsList } from "./rejections-list";
import { StationTrack } from "./station-track";
import { TimeCharts } from "./time-charts";
import { formatRangeParams, PRESET_MS, resolveRangeWindow, type TimeRange } from "./time-range";
import { breakGaps, convertRollupsToPoints, mergeSeries, type SeriesPoint } from "./time-series";
import { useLiveSnapshot } from "./use-live-snapshot";
import { useWallMode } from "./use-wall-mode";

const SNAPSHOT_POLL_MS = 5000;
const HISTORY_RETRY_MS = 10_000;
// Live points cover the last 15 minutes; a longer range ending now refreshes its history so the two always meet.
const HISTORY_REFRESH_MS = 60_000;
const REGION_CHANGES_POLL_MS = 10_000;
const EMPTY_POINTS: readonly SeriesPoint[] = [];

const QUALITY_COLORS: Record<Quality, string> = {
  "360p": "#35557f",
  "480p": "#4570a8",
  "720p": "#5b9cff",
  "1080p": "#91bcff",
  "4K": "#cfe0ff",
};

const NETWORK_COLORS: Record<NetworkType, string> = {
  "4G": "#d9c38c",
  "5G": "#2fd0e6",
  WiFi: "#b08cff",
  broadband: "#5b9cff",
};

function createRows<K extends string>(keys: readonly K[], counts: Record<K, number>, colors: Record<K, string>): DistributionRow[] {
  return keys.map((key) => ({ key, label: key, count: counts[key], color: colors[key] }));
}

function describeError(error: unknown, endpoint: string): string {
  return error instanceof ApiError ? `GET ${error.endpoint}: ${error.message}` : `GET ${endpoint}: an unexpected error`;
}

/** What a paused board keeps showing: the feed and region changes as they were when it was paused. */
interface FrozenBoard {
  feed: Feed;
  changes: readonly RegionChange[] | null;
}

/**
 * The control-room wall: live socket feed, REST fallback and history over the chosen range, merged
 * into one board; paused, it holds what it showed while the feed keeps arriving underneath.
 */
export function Board({ initialRange, initialWall }: { initialRange: TimeRange; initialWall: boolean }) {
  const [feed, dispatchFeed] = useReducer(reduceFeed, INITIAL_FEED);
  const { wall, toggle: toggleWall, toggleRef: wallToggleRef } = useWallMode(initialWall);
  const [range, setRange] = useState(initialRange);
  const [frozen, setFrozen] = useState<FrozenBoard | null>(null);
  useEffect(() => writeRangeToAddress(range), [range]);

  const history = useQuery({
    queryKey: ["history", range],
    queryFn: ({ signal }) => {
      const [from, to] = resolveRangeWindow(range, Date.now());
      return fetchHistory(from, to, signal);
    },
    retry: 1,
    retryDelay: 1000,
    refetchInterval: (query) => {
      if (query.state.status === "error") return HISTORY_RETRY_MS;
      return range.kind === "last" && range.preset !== "15m" && frozen === null ? HISTORY_REFRESH_MS : false;
    },
    refetchIntervalInBackground: true,
  });

  const queryClient = useQueryClient();
  const [pushedAlerts, setPushedAlerts] = useState<AlertsUpdate | null>(null);
  const live = useLiveSnapshot({
    onSnapshot: (snapshot) => dispatchFeed({ type: "snapshot", snapshot, receivedAt: Date.now() }),
    onAlerts: setPushedAlerts,
    onDlqSummary: (summary) => queryClient.setQueryData(DLQ_SUMMARY_QUERY_KEY, summary),
    // History fills the gap the socket missed while it was down.
    onReconnect: () => void history.refetch(),
  });

  // An open socket that has gone quiet (a stalled server, a half-open network) is stale, not live.
  const feedState = describeFeed(live.state, live.receivedAt, useNow());
  // REST fills the board before the socket connects and keeps it roughly current while the feed is down or quiet.
  const snapshotQuery = useQuery({
    queryKey: SNAPSHOT_QUERY_KEY,
    queryFn: ({ signal }) => fetchSnapshot(signal),
    retry: 1,
    retryDelay: 1000,
    refetchInterval: (query) => (query.state.status === "error" || feedState !== "live" ? SNAPSHOT_POLL_MS : false),
    refetchIntervalInBackground: true,
  });

  // Polled for other operators' and the health rules' changes; this board's own actions refresh it at once.
  const regionsQuery = useQuery({
    queryKey: REGIONS_QUERY_KEY,
    queryFn: ({ signal }) => fetchRegions(signal),
    retry: 1,
    retryDelay: 1000,
    refetchInterval: REGION_CHANGES_POLL_MS,
    refetchIntervalInBackground: true,
  });

  const [controlRequest, setControlRequest] = useState<RegionControlRequest | null>(null);
  const closeControlDialog = useCallback(() => setControlRequest(null), []);
  const [drillsOpen, setDrillsOpen] = useState(false);
  const openDrills = useCallback(() => setDrillsOpen(true), []);
  const closeDrills = useCallback(() => setDrillsOpen(false), []);

  useEffect(() => {
    if (snapshotQuery.data) {
      dispatchFeed({ type: "snapshot", snapshot: snapshotQuery.data, receivedAt: snapshotQuery.dataUpdatedAt });
    }
  }, [snapshotQuery.data, snapshotQuery.dataUpdatedAt]);

  const liveChanges = regionsQuery.data?.changes ?? null;
  // Pausing holds what is shown now; nothing is held before the first snapshot.
  const togglePause = () => setFrozen((current) => (current || !feed.snapshot ? null : { feed, changes: liveChanges }));
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (!isPauseShortcut(event)) return;
    event.preventDefault();
    togglePause();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  // Everything the board draws comes from `shown`: the live feed, or the frozen one while paused.
  const shown = frozen?.feed ?? feed;
  const changes = frozen ? frozen.changes : liveChanges;
  const stepMs = (history.data?.stepSeconds ?? 0) * 1000;
  const historyPoints = useMemo(
    () => (history.data ? convertRollupsToPoints(history.data.rollups, stepMs) : EMPTY_POINTS),
    [history.data, stepMs],
  );
  const shownAt = shown.snapshot?.at ?? null;
  const points = useMemo(() => {
    if (range.kind === "custom") return breakGaps(historyPoints);
    return mergeSeries(historyPoints, shown.livePoints, shownAt ?? history.data?.to ?? 0, { windowMs: PRESET_MS[range.preset], stepMs });
  }, [range, historyPoints, shown.livePoints, shownAt, history.data?.to, stepMs]);

  const { snapshot } = shown;
  const zone = useTimeZone();
  const dlqSummary = useDlqSummary();
  const liveSnapshot = feed.snapshot;
  const stale = feedState !== "live" && liveSnapshot !== null;
  const clockOffsetMs = liveSnapshot && feed.receivedAt !== null ? liveSnapshot.at - feed.receivedAt : 0;

  const qualityRows = useMemo(() => (snapshot ? createRows(QUALITIES, snapshot.quality, QUALITY_COLORS) : null), [snapshot]);
  const networkRows = useMemo(() => (snapshot ? createRows(NETWORK_TYPES, snapshot.network, NETWORK_COLORS) : null), [snapshot]);

  const notices: Notice[] = [];
  if (stale) {
    notices.push({
      id: "stale",
      tone: "warning",
      title: "Live feed lost — figures are stale.",
      detail:
        `The newest snapshot is from ${formatZonedClockTime(liveSnapshot.at, zone)}. ` +
        (live.state === "live"
          ? "The connection is open but no snapshot has arrived since (the server may be stalled or the network half-open); "
          : "Reconnecting automatically; ") +
        `meanwhile the board asks /api/snapshot every ${SNAPSHOT_POLL_MS / 1000} s.`,
    });
  }
  const historyWriter = liveSnapshot?.system.history;
  if (historyWriter?.failing) {
    notices.push({
      id: "history-writes",
      tone: "warning",
      title: "History writes are failing.",
      detail:
        `${historyWriter.error ?? "The database does not answer"}. ${formatInteger(historyWriter.buffered)} of at most ` +
        `${formatInteger(historyWriter.limit)} rollups wait in memory and are written when it is back` +
        (historyWriter.dropped > 0 ? `; ${formatInteger(historyWriter.dropped)} oldest were dropped.` : "."),
    });
  }
  if (snapshotQuery.isError) {
    notices.push({
      id: "snapshot",
      tone: "error",
      title: "Snapshot request failed.",
      detail: `${describeError(snapshotQuery.error, "/api/snapshot")}. Retrying every ${SNAPSHOT_POLL_MS / 1000} s; ${
        live.state === "live" ? "the live feed is unaffected." : "the board keeps showing the last data it has."
      }`,
      action: { label: "Retry now", run: () => void snapshotQuery.refetch() },
    });
  }
  if (history.isError) {
    notices.push({
      id: "history",
      tone: "error",
      title: "History request failed.",
      detail:
        `${describeError(history.error, "/api/history")}. Retrying every ${HISTORY_RETRY_MS / 1000} s; ` +
        (range.kind === "last"
          ? "until then the charts show only points received since this page opened."
          : "until then the charts stay empty."),
      action: { label: "Retry now", run: () => void history.refetch() },
    });
  }
  if (live.problem) {
    notices.push({
      id: "live-feed",
      tone: "error",
      title: "Live feed problem.",
      detail: `The socket sent data the board cannot use: ${live.problem}. Later snapshots are still applied.`,
    });
  }

  return (
    <div
      className={styles.board}
      data-stale={(stale && !frozen) || undefined}
      data-paused={frozen ? true : undefined}
      data-wall={wall || undefined}
      data-testid="board"
    >
      <BoardHeader
        feedState={frozen ? "paused" : feedState}
        receivedAt={feed.receivedAt}
        totals={snapshot?.totals ?? null}
        system={snapshot?.system ?? null}
        conservation={snapshot?.conservation ?? null}
        dlqOpen={dlqSummary.data?.open ?? null}
        runningDrills={snapshot?.drills.length ?? null}
        onOpenDrills={openDrills}
        wall={wall}
        onToggleWall={toggleWall}
        wallToggleRef={wallToggleRef}
      />
      {wall ? (
        <p className={styles.wallHint} role="status" data-testid="wall-hint">
          Wall mode · <kbd className={styles.key}>F</kbd> or <kbd className={styles.key}>Esc</kbd> leaves it
        </p>
      ) : null}
      <main className={styles.main}>
        <Notices notices={notices} />
        {/* Alerts stay live while the board is paused: a new one must never wait for Resume. */}
        <AlertStrip
          alerts={pushedAlerts && liveSnapshot && pushedAlerts.at > liveSnapshot.at ? pushedAlerts.alerts : (liveSnapshot?.alerts ?? null)}
          interactive={!wall}
        />
        <DrillBanner drills={liveSnapshot?.drills ?? null} clockOffsetMs={clockOffsetMs} onOpen={openDrills} interactive={!wall} />
        <StationTrack
          regions={snapshot?.regions ?? null}
          changes={changes}
          stale={stale && !frozen}
          rangeQuery={formatRangeParams(range)}
          onRequestControl={setControlRequest}
          interactive={!wall}
        />
        <div className={styles.chartsRow}>
          <TimeCharts
            range={range}
            onRangeChange={setRange}
            points={points}
            loading={history.isPending && (range.kind === "custom" || shown.livePoints.length === 0)}
            clockOffsetMs={clockOffsetMs}
            latestAt={shownAt}
            frozenAt={frozen ? shownAt : null}
            stepMs={stepMs}
            pauseControl={
              <PauseControl
                pausedAt={frozen ? shownAt : null}
                latestAt={liveSnapshot?.at ?? null}
                feedState={feedState}
                onToggle={togglePause}
                interactive={!wall}
              />
            }
            interactive={!wall}
          />
          <RegionChanges
            changes={changes}
            problem={regionsQuery.isError ? describeError(regionsQuery.error, "/api/regions") : null}
            pollMs={REGION_CHANGES_POLL_MS}
          />
        </div>
        <div className={styles.breakdown}>
          <DistributionChart
            title="Quality"
            testId="chart-quality"
            subject="events by quality"
            rows={qualityRows}
            windowMs={snapshot?.distributionWindowMs ?? null}
          />
          <DistributionChart
            title="Network"
            testId="chart-network"
            subject="events by network"
            rows={networkRows}
            windowMs={snapshot?.distributionWindowMs ?? null}
          />
          <EventMix
            eventTypes={snapshot?.eventTypes ?? null}
            bufferActions={snapshot?.bufferActions ?? null}
            windowMs={snapshot?.distributionWindowMs ?? null}
          />
          <RejectionsList rejections={snapshot?.rejections ?? null} rejectedTotal={snapshot?.totals.rejected ?? null} />
          {snapshot && snapshot.replication.length > 0 ? <ReplicationLinks links={snapshot.replication} /> : null}
          <LiveCostTile />
          <DlqTile />
        </div>
      </main>
      {controlRequest ? (
        <RegionControlDialog
          request={controlRequest}
          snapshot={liveSnapshot}
          routingStrategy={regionsQuery.data?.routingStrategy ?? null}
          onClose={closeControlDialog}
        />
      ) : null}
      {drillsOpen ? <DrillsDialog drills={snapshot?.drills ?? null} clockOffsetMs={clockOffsetMs} onClose={closeDrills} /> : null}
    </div>
  );
}
