import { memo, type CSSProperties } from "react";
import type { Counts } from "@/core/metrics/aggregation";
import { EVENT_TYPES, type EventType } from "@/core/events/events";
import { BUFFER_ACTIONS, priorityOfBufferAction, type BufferAction } from "@/core/experience/quality-ladder";
import { isStructurallyEqual } from "@/components/ui/equality";
import { computeShare, formatCompact, formatInteger, formatShare, formatWindow } from "@/components/ui/format";
import { Panel } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import styles from "./lists.module.css";

const EVENT_TYPE_LABELS: Record<EventType, string> = {
  play: "Play",
  pause: "Pause",
  quality_change: "Quality change",
  buffer: "Buffer",
  error: "Error",
};

const BUFFER_ACTION_LABELS: Record<BufferAction, string> = {
  emergency_buffer: "Emergency",
  preventive_buffer: "Preventive",
  maintain_current: "Maintain",
  optimize_bandwidth: "Optimise",
};

const NEUTRAL_BAR = "#22405f";
const ERROR_BAR = "#6a2326";

interface CountRowProps {
  label: string;
  title: string;
  count: number | null;
  total: number;
  bar: string;
  badge?: string;
}

function CountRow({ label, title, count, total, bar, badge }: CountRowProps) {
  const share = count === null ? 0 : computeShare(count, total);
  return (
    <li className={styles.row} title={title} style={{ "--share": `${share}%`, "--bar": bar } as CSSProperties}>
      <span className={styles.rowLabel}>
        {badge ? (
          <span className={styles.priority} data-priority={badge}>
            {badge}
          </span>
        ) : null}
        {label}
      </span>
      <span className={`${styles.rowValue} num`}>
        {count === null ? (
          <Skeleton width="4em" />
        ) : (
          <>
            {formatCompact(count)}
            <span className={styles.share}>{formatShare(share)}</span>
          </>
        )}
      </span>
    </li>
  );
}

function describeCount(count: number | undefined): string {
  return count === undefined ? "loading" : formatInteger(count);
}

function sumCounts(counts: Record<string, number> | null): number {
  return counts ? Object.values(counts).reduce((sum, count) => sum + count, 0) : 0;
}

interface EventMixProps {
  eventTypes: Counts<EventType> | null;
  bufferActions: Counts<BufferAction> | null;
  windowMs: number | null;
}

/** What viewers' players are doing, and which buffer action each event called for, with its urgency. */
function EventMixView({ eventTypes, bufferActions, windowMs }: EventMixProps) {
  const eventTotal = sumCounts(eventTypes);
  const actionTotal = sumCounts(bufferActions);
  return (
    <Panel title="Events & buffer actions" meta={windowMs === null ? undefined : `last ${formatWindow(windowMs)}`}>
      <div className={styles.columns} data-testid="event-mix">
        <div>
          <h3 className={styles.groupTitle}>Event types</h3>
          <ul className={styles.rows} aria-label="Event types">
            {EVENT_TYPES.map((type) => (
              <CountRow
                key={type}
                label={EVENT_TYPE_LABELS[type]}
                title={`${type}: ${describeCount(eventTypes?.[type])}`}
                count={eventTypes ? eventTypes[type] : null}
                total={eventTotal}
                bar={type === "error" ? ERROR_BAR : NEUTRAL_BAR}
              />
            ))}
          </ul>
        </div>
        <div>
          <h3 className={styles.groupTitle}>Buffer actions</h3>
          <ul className={styles.rows} aria-label="Buffer actions">
            {BUFFER_ACTIONS.map((action) => (
              <CountRow
                key={action}
                label={BUFFER_ACTION_LABELS[action]}
                title={`${action}, ${priorityOfBufferAction(action)} priority: ${describeCount(bufferActions?.[action])}`}
                count={bufferActions ? bufferActions[action] : null}
                total={actionTotal}
                bar={NEUTRAL_BAR}
                badge={priorityOfBufferAction(action)}
              />
            ))}
          </ul>
        </div>
      </div>
    </Panel>
  );
}

export const EventMix = memo(EventMixView, (previous, next) => {
  return (
    previous.windowMs === next.windowMs &&
    isStructurallyEqual(previous.eventTypes, next.eventTypes) &&
    isStructurallyEqual(previous.bufferActions, next.bufferActions)
  );
});
