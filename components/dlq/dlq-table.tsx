"use client";

import type { KeyboardEvent } from "react";
import type { DeadLetterView } from "@/core/dlq/dlq-api";
import { getRegionConfig } from "@/core/routing/regions";
import { formatDayTime } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { formatReplayGuard } from "./dlq-format";
import styles from "./dlq.module.css";

interface DlqTableProps {
  entries: readonly DeadLetterView[];
  maxReplays: number;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (select: boolean) => void;
  onOpen: (id: string) => void;
}

/** Dead letters, newest first; a row opens with a click or Enter, its checkbox selects it for a replay. */
export function DlqTable({ entries, maxReplays, selected, onToggle, onToggleAll, onOpen }: DlqTableProps) {
  const allSelected = entries.length > 0 && entries.every((e) => selected.has(e.id));
  const someSelected = !allSelected && entries.some((e) => selected.has(e.id));
  const { timeZone, label } = useTimeZone();

  function openOnEnter(event: KeyboardEvent<HTMLTableRowElement>, id: string): void {
    if (event.key === "Enter" && event.target === event.currentTarget) {
      event.preventDefault();
      onOpen(id);
    }
  }

  return (
    <table className={styles.table} aria-label="Dead letters" data-testid="dlq-table">
      <thead>
        <tr>
          <th scope="col" className={styles.checkCell}>
            <input
              type="checkbox"
              aria-label="Select every entry on this page"
              data-testid="dlq-select-page"
              checked={allSelected}
              ref={(node) => {
                if (node) node.indeterminate = someSelected;
              }}
              onChange={(event) => onToggleAll(event.target.checked)}
            />
          </th>
          <th scope="col">Dead-lettered ({label})</th>
          <th scope="col">Region</th>
          <th scope="col">Severity</th>
          <th scope="col">Component</th>
          <th scope="col">Error</th>
          <th scope="col">Event</th>
          <th scope="col">Retries</th>
          <th scope="col">Replays</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const guard = formatReplayGuard(entry.replayCount, maxReplays);
          const checked = selected.has(entry.id);
          return (
            <tr
              key={entry.id}
              className={styles.row}
              tabIndex={0}
              aria-selected={checked}
              data-testid="dlq-row"
              data-id={entry.id}
              data-resolved={entry.resolvedAt !== null}
              onClick={() => onOpen(entry.id)}
              onKeyDown={(event) => openOnEnter(event, entry.id)}
            >
              <td className={styles.checkCell} onClick={(event) => event.stopPropagation()}>
                <input
                  type="checkbox"
                  aria-label={`Select ${entry.eventId}`}
                  data-testid="dlq-select"
                  checked={checked}
                  onChange={() => onToggle(entry.id)}
                />
              </td>
              <td className="num">
                <time dateTime={new Date(entry.deadLetteredAt).toISOString()} data-testid="dlq-dead-lettered-at">
                  {formatDayTime(entry.deadLetteredAt, timeZone)}
                </time>
              </td>
              <td>{getRegionConfig(entry.region).name}</td>
              <td>
                <span className={styles.severity} data-severity={entry.severity}>
                  {entry.severity}
                </span>
              </td>
              <td>{entry.component}</td>
              <td className={styles.errorCell} title={entry.error}>
                {entry.error}
              </td>
              <td className={styles.mono}>{entry.eventId}</td>
              <td className="num">{entry.retryCount}</td>
              <td className={guard.reached ? styles.guard : "num"} data-testid="dlq-replays">
                {guard.text}
              </td>
              <td className={styles.status} data-status={entry.resolvedAt === null ? "open" : "resolved"}>
                {entry.resolvedAt === null ? "open" : "resolved"}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
