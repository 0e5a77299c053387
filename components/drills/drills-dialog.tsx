"use client";

import { useId, useRef } from "react";
import type { RunningDrill } from "@/core/drills/drill-api";
import controls from "@/components/board/controls.module.css";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { DRILLS_BUTTON_ID } from "./drills-button";
import styles from "./drills.module.css";
import { DrillsPanel } from "./drills-panel";

interface DrillsDialogProps {
  drills: readonly RunningDrill[] | null;
  clockOffsetMs: number;
  /** Called once the dialog has closed (Close, or Escape). */
  onClose: () => void;
}

/** The drills panel over the board; focus goes back to what opened it, or to the header's Drills button when that is gone. */
export function DrillsDialog({ drills, clockOffsetMs, onClose }: DrillsDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const detailId = useId();

  // The banner that opened it leaves the board once the last drill is stopped: focus then goes to the header's button.
  return (
    <ModalDialog
      ref={dialogRef}
      className={`${controls.dialog} ${styles.dialog}`}
      aria-labelledby={titleId}
      aria-describedby={detailId}
      data-testid="drills-dialog"
      fallbackFocusId={DRILLS_BUTTON_ID}
      onClose={onClose}
    >
      <div className={styles.dialogBody}>
        <header className={styles.dialogHeader}>
          <h2 id={titleId} className={controls.dialogTitle}>
            Drills
          </h2>
          <Button size="small" data-testid="drills-close" onClick={() => dialogRef.current?.close()}>
            Close
          </Button>
        </header>
        <p id={detailId} className={controls.dialogDetail}>
          A drill makes a component really fail, at a rate, for a while: the stations, alerts and dead letters show what it does, and the
          timeline keeps its start and end.
        </p>
        <DrillsPanel drills={drills} clockOffsetMs={clockOffsetMs} />
      </div>
    </ModalDialog>
  );
}
