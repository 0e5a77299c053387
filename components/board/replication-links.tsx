import { memo } from "react";
import { evaluateThreshold } from "@/core/metrics/thresholds";
import { REGIONS } from "@/core/routing/regions";
import type { Snapshot } from "@/core/metrics/snapshot";
import { isStructurallyEqual } from "@/components/ui/equality";
import { formatCompact, formatInteger, formatSeconds } from "@/components/ui/format";
import { Panel } from "@/components/ui/panel";
import styles from "./lists.module.css";

const NAMES = new Map(REGIONS.map((region) => [region.id, region.name]));

interface ReplicationLinksProps {
  links: Snapshot["replication"];
}

/** Each cross-region copy and how far it is behind its source, worst first. */
function ReplicationLinksView({ links }: ReplicationLinksProps) {
  const sorted = [...links].sort((a, b) => b.messages - a.messages || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const behind = links.filter((link) => link.messages > 0).length;
  return (
    <Panel title="Replication" meta={behind === 0 ? `${links.length} links caught up` : `${behind} of ${links.length} behind`}>
      <ol className={styles.rejectionList} data-testid="replication" aria-label="Replication links, most behind first">
        {sorted.map((link) => (
          <li
            key={`${link.from}-${link.to}`}
            className={styles.rejection}
            data-level={evaluateThreshold("consumer_lag_messages", link.messages)}
            title={`${formatInteger(link.messages)} events not yet copied; oldest ${formatSeconds(link.seconds)}`}
          >
            <span className={styles.reason}>
              {NAMES.get(link.from)} → {NAMES.get(link.to)} <span className={styles.share}>{link.kind}</span>
            </span>
            <span className={`${styles.count} num`}>
              {formatCompact(link.messages)} · {formatSeconds(link.seconds)}
            </span>
          </li>
        ))}
      </ol>
    </Panel>
  );
}

export const ReplicationLinks = memo(ReplicationLinksView, (previous, next) => isStructurallyEqual(previous.links, next.links));
