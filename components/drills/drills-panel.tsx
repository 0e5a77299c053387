"use client";

import { useId } from "react";
import type { RunningDrill } from "@/core/drills/drill-api";
import { useOperatorOnly } from "@/components/auth/use-session";
import { DrillForm } from "./drill-form";
import styles from "./drills.module.css";
import { RunningDrills } from "./running-drills";

interface DrillsPanelProps {
  /** null while the first list has not arrived. */
  drills: readonly RunningDrill[] | null;
  clockOffsetMs: number;
}

/** Start a drill and see, count down and stop the running ones; viewers see it all read-only. */
export function DrillsPanel({ drills, clockOffsetMs }: DrillsPanelProps) {
  const readOnly = useOperatorOnly();
  const titleId = useId();
  return (
    <div className={styles.panel}>
      <RunningDrills drills={drills} clockOffsetMs={clockOffsetMs} readOnly={readOnly} />
      <section className={styles.section} aria-labelledby={titleId}>
        <header className={styles.sectionHeader}>
          <h3 id={titleId} className={styles.sectionTitle}>
            Start a drill
          </h3>
          {readOnly ? (
            <p className={styles.readOnly} data-testid="drills-read-only">
              {readOnly}: you can watch drills, not start or stop them.
            </p>
          ) : null}
        </header>
        <DrillForm readOnly={readOnly} />
      </section>
    </div>
  );
}
