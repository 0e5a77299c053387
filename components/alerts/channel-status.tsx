"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { AlertChannelStatus } from "@/core/alerts/alert-channels";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatZonedClockTime, formatZonedDayTime } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";
import page from "@/components/ui/page.module.css";
import { ALERT_CHANNELS_QUERY_KEY, fetchAlertChannels } from "./api";
import { describeChannelStatus } from "./alert-format";
import history from "./history.module.css";
import styles from "./alerts.module.css";

/** Often enough that a delivery shows within seconds of an alert changing. */
const CHANNELS_REFRESH_MS = 10_000;

export function useAlertChannels() {
  return useQuery({
    queryKey: ALERT_CHANNELS_QUERY_KEY,
    queryFn: ({ signal }) => fetchAlertChannels(signal),
    refetchInterval: CHANNELS_REFRESH_MS,
    refetchIntervalInBackground: true,
  });
}

/** The lamp's state: its last delivery's outcome, or whether it could deliver at all. */
function lampOf(status: AlertChannelStatus): string {
  return status.last?.outcome ?? (status.configured ? "idle" : "off");
}

/**
 * One small chip per channel for the board's alert strip: configured or not, and how its last delivery went (in full
 * on hover and to screen readers). Not interactive (the wall), the label is text rather than a link to the rules page.
 */
export function ChannelChips({ interactive }: { interactive: boolean }) {
  const zone = useTimeZone();
  const channels = useAlertChannels();
  const list = channels.data?.channels ?? null;
  const none = list !== null && list.every((c) => !c.configured);
  return (
    <div className={styles.channels} role="group" aria-label="Notification channels" data-testid="alert-channels">
      {interactive ? (
        <Link className={styles.channelsLabel} href="/alerts/rules#channels" data-none={none || undefined}>
          {none ? "Notify: none configured" : "Notify"}
        </Link>
      ) : (
        <span className={styles.channelsLabel} data-none={none || undefined}>
          {none ? "Notify: none configured" : "Notify"}
        </span>
      )}
      {list === null ? (
        channels.isError ? (
          <span className={styles.channelsError} role="status">
            unknown: {channels.error.message}
          </span>
        ) : (
          <Skeleton width="18em" />
        )
      ) : (
        <ul className={styles.channelList}>
          {list.map((status) => (
            <li
              key={status.channel}
              className={styles.channel}
              title={describeChannelStatus(status, zone)}
              data-channel={status.channel}
              data-configured={status.configured}
              data-outcome={status.last?.outcome ?? "none"}
              data-testid={`channel-${status.channel}`}
            >
              <span aria-hidden="true" className={styles.channelLamp} data-lamp={lampOf(status)} />
              {status.channel}
              <span className="visually-hidden">
                : {status.configured ? "configured" : "not configured"}
                {status.last ? `, last ${status.last.outcome} ${formatZonedClockTime(status.last.at, zone)}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The rules page's table of channels: configured or not, what configures it, the rules naming it and its last delivery. */
export function ChannelTable() {
  const zone = useTimeZone();
  const channels = useAlertChannels();
  if (channels.isError) {
    return (
      <p className={page.error} role="alert">
        The channels could not be loaded: {channels.error.message}. Retrying every {CHANNELS_REFRESH_MS / 1000} s.
      </p>
    );
  }
  if (!channels.data) return <Skeleton block />;
  const list = channels.data.channels;
  return (
    <>
      {list.every((c) => !c.configured) ? (
        <EmptyState
          inline
          title="No channel is configured: every notification is skipped"
          detail="Alerts still fire and show here and on the board; set a channel's settings (below) to page someone."
        />
      ) : null}
      <div className={history.tableWrap}>
        <table className={history.table} data-testid="channels">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Configured</th>
              <th scope="col">Enabled rules naming it</th>
              <th scope="col">Last delivery (IST)</th>
              <th scope="col">What happened</th>
            </tr>
          </thead>
          <tbody>
            {list.map((status) => (
              <tr key={status.channel} data-testid={`channel-row-${status.channel}`} data-configured={status.configured}>
                <td className={history.rule}>
                  <span aria-hidden="true" className={styles.channelLamp} data-lamp={lampOf(status)} /> {status.channel}
                </td>
                <td>{status.configured ? "yes" : `no: set ${status.settings}`}</td>
                <td className={history.num}>{status.rules}</td>
                <td className={history.num}>
                  {status.last ? `${status.last.outcome} · ${formatZonedDayTime(status.last.at, zone)}` : "nothing sent yet"}
                </td>
                <td>{status.last?.note ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
