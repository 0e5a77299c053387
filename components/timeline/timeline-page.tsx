"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { getRegionConfig } from "@/core/routing/regions";
import type { TimelineEntry } from "@/core/timeline/timeline";
import { AXIS_TICK, CHART_COLORS, TOOLTIP_CONTENT_STYLE, TOOLTIP_LABEL_STYLE } from "@/components/board/chart-theme";
import { UserMenu } from "@/components/auth/user-menu";
import { Brand } from "@/components/ui/brand";
import { EmptyState } from "@/components/ui/empty-state";
import { RegionOptions } from "@/components/ui/region-options";
import { SiteNav } from "@/components/ui/site-nav";
import { Skeleton } from "@/components/ui/skeleton";
import { findZoneOffset, formatClockMinute, formatClockTime, formatDay } from "@/components/ui/time-format";
import { TimeZoneLabel } from "@/components/ui/time-zone-control";
import { useTimeZone } from "@/components/ui/use-time-zone";
import page from "@/components/ui/page.module.css";
import { TIMELINE_QUERY_KEY, fetchTimeline } from "./api";
import { bucketTimeline, chooseBucketMs } from "./timeline-buckets";
import styles from "./timeline.module.css";

const REFRESH_MS = 5000;
const HOUR_CHOICES = [1, 6, 12, 24, 48] as const;
const KIND_LABELS = {
  alert: "Alerts",
  region: "Failovers & breakers",
  replay: "Replays",
  silence: "Silences",
  drill: "Drills",
  audit: "Rules & users",
} as const;
const KIND_COLORS = {
  alert: "#ff5257",
  region: "#6cb4ff",
  replay: "#b08cff",
  silence: "#9aa8b9",
  drill: "#ffb224",
  audit: "#3fd0c9",
} as const;

export interface TimelineInitial {
  region: string;
  hours: number;
  /** An alert whose entries are marked and scrolled to (the link from an alert). */
  alert: string | null;
}

/** The evening on one page: alerts, acknowledgements, escalations, silences, failovers, breaker changes, replays and drills. */
export function TimelinePage({ initial }: { initial: TimelineInitial }) {
  const [region, setRegion] = useState(initial.region);
  const [hours, setHours] = useState(initial.hours);
  const highlight = initial.alert;
  const scrolledTo = useRef(false);
  const timeline = useQuery({
    queryKey: [...TIMELINE_QUERY_KEY, region, hours],
    queryFn: ({ signal }) => fetchTimeline(region, hours, signal),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    const params = new URLSearchParams();
    if (region) params.set("region", region);
    if (hours !== 12) params.set("hours", String(hours));
    if (highlight) params.set("alert", highlight);
    const target = `/timeline${params.size > 0 ? `?${params}` : ""}`;
    if (`${window.location.pathname}${window.location.search}` !== target) window.history.replaceState(window.history.state, "", target);
  }, [region, hours, highlight]);

  const entries = timeline.data?.entries ?? null;
  const fetchedAt = timeline.dataUpdatedAt;
  const { timeZone, label } = useTimeZone();
  const buckets = useMemo(() => {
    if (!entries) return null;
    const span = hours * 3_600_000;
    const size = chooseBucketMs(span);
    // Bucket edges on whole multiples of the size in the time base (IST's hours start at :30 UTC), so bars do not shift between refreshes.
    const offset = findZoneOffset(fetchedAt, timeZone);
    const to = Math.ceil((fetchedAt + offset) / size) * size - offset;
    return bucketTimeline(entries, to - Math.ceil(span / size) * size, to, size);
  }, [entries, hours, fetchedAt, timeZone]);
  const formatMinute = (value: unknown) => (typeof value === "number" ? formatClockMinute(value, timeZone) : "");

  return (
    <div className={page.page}>
      <header className={page.header}>
        <Brand tag="timeline" />
        <SiteNav current="timeline" />
        <p className={page.headerNote}>
          Newest first · times in <TimeZoneLabel /> · from the history in Postgres
        </p>
        <UserMenu />
      </header>
      <main className={page.main}>
        <form className={page.filters} aria-label="Filter the timeline" onSubmit={(event) => event.preventDefault()}>
          <label className={page.filter}>
            Region
            <select value={region} data-testid="timeline-region" onChange={(event) => setRegion(event.target.value)}>
              <RegionOptions allLabel="All regions" />
            </select>
          </label>
          <label className={page.filter}>
            Covering
            <select value={hours} data-testid="timeline-hours" onChange={(event) => setHours(Number(event.target.value))}>
              {HOUR_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  the last {choice === 1 ? "hour" : `${choice} hours`}
                </option>
              ))}
            </select>
          </label>
          <p className={page.count} aria-live="polite" data-testid="timeline-count">
            {entries ? `${entries.length} entr${entries.length === 1 ? "y" : "ies"}` : " "}
          </p>
        </form>
        {timeline.isError ? (
          <p className={page.error} role="alert">
            The timeline could not be loaded: {timeline.error.message}. Retrying every {REFRESH_MS / 1000} s.
          </p>
        ) : null}
        <figure className={styles.chartFrame} aria-label={`Entries per interval over the last ${hours} hours, by kind`}>
          {buckets ? (
            <BarChart style={{ width: "100%", height: "100%" }} responsive data={buckets} margin={{ top: 6, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
              <XAxis dataKey="start" tickFormatter={formatMinute} tick={AXIS_TICK} stroke={CHART_COLORS.axisLine} minTickGap={40} />
              <YAxis
                allowDecimals={false}
                domain={[0, (max: number) => Math.max(4, max)]}
                tickCount={5}
                tick={AXIS_TICK}
                stroke={CHART_COLORS.axisLine}
                width={32}
              />
              <Tooltip
                isAnimationActive={false}
                cursor={{ fill: "#ffffff10" }}
                labelFormatter={(value: unknown) => (typeof value === "number" ? `${formatMinute(value)} ${label}` : "")}
                contentStyle={TOOLTIP_CONTENT_STYLE}
                labelStyle={TOOLTIP_LABEL_STYLE}
              />
              {(Object.keys(KIND_LABELS) as Array<keyof typeof KIND_LABELS>).map((kind) => (
                <Bar
                  key={kind}
                  dataKey={kind}
                  name={KIND_LABELS[kind]}
                  stackId="kinds"
                  fill={KIND_COLORS[kind]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          ) : (
            <Skeleton block />
          )}
        </figure>
        <ul className={styles.legend} aria-hidden="true">
          {(Object.keys(KIND_LABELS) as Array<keyof typeof KIND_LABELS>).map((kind) => (
            <li key={kind}>
              <span className={styles.swatch} style={{ background: KIND_COLORS[kind] }} />
              {KIND_LABELS[kind]}
            </li>
          ))}
        </ul>
        {entries === null ? (
          <Skeleton block />
        ) : entries.length === 0 ? (
          <EmptyState
            inline
            title="A quiet evening so far"
            detail="Nothing fired, failed over, tripped, was silenced or replayed in this range."
          />
        ) : (
          <ol className={styles.entries} data-testid="timeline">
            {entries.map((entry) => (
              <TimelineRow
                key={`${entry.kind}-${entry.action}-${entry.at}-${entry.alertId ?? entry.region ?? ""}-${entry.title}`}
                entry={entry}
                highlighted={highlight !== null && entry.alertId === highlight}
                scrolledToRef={scrolledTo}
              />
            ))}
          </ol>
        )}
      </main>
    </div>
  );
}

function TimelineRow({
  entry,
  highlighted,
  scrolledToRef,
}: {
  entry: TimelineEntry;
  highlighted: boolean;
  scrolledToRef: RefObject<boolean>;
}) {
  const ref = useRef<HTMLLIElement>(null);
  const { timeZone } = useTimeZone();
  // The newest highlighted entry comes into view once per page, when it opens from an alert's link; refreshes leave the scroll alone.
  useEffect(() => {
    if (highlighted && !scrolledToRef.current) {
      scrolledToRef.current = true;
      ref.current?.scrollIntoView({ block: "center" });
    }
  }, [highlighted, scrolledToRef]);
  return (
    <li
      ref={ref}
      className={styles.entry}
      data-kind={entry.kind}
      data-action={entry.action}
      data-region={entry.region ?? "all"}
      data-highlighted={highlighted || undefined}
    >
      <time className={styles.time} dateTime={new Date(entry.at).toISOString()} data-testid="timeline-time">
        <span>{formatClockTime(entry.at, timeZone)}</span>
        <span className={styles.date}>{formatDay(entry.at, timeZone)}</span>
      </time>
      <span className={styles.marker} style={{ background: KIND_COLORS[entry.kind] }} aria-hidden="true" />
      <div className={styles.body}>
        <p className={styles.title}>
          {entry.title}
          {entry.region ? <span className={styles.region}>{getRegionConfig(entry.region).name}</span> : null}
        </p>
        {entry.detail || entry.actor ? (
          <p className={styles.detail}>{[entry.actor ? `by ${entry.actor}` : null, entry.detail].filter(Boolean).join(" · ")}</p>
        ) : null}
      </div>
      {entry.alertId ? (
        <Link className={styles.link} href={`/alerts?id=${entry.alertId}&hours=all`}>
          Alert
        </Link>
      ) : (
        <span />
      )}
    </li>
  );
}
