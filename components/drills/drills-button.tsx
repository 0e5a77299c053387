"use client";

import { Button } from "@/components/ui/button";
import styles from "./drills.module.css";

/** The header button's id, where focus returns when what opened the dialog has left the page. */
export const DRILLS_BUTTON_ID = "drills-button";

/** The board header's way into the drills panel, with how many drills run now. */
export function DrillsButton({ count, onOpen }: { count: number | null; onOpen: () => void }) {
  const running = count ?? 0;
  return (
    <Button
      id={DRILLS_BUTTON_ID}
      size="small"
      data-testid="open-drills"
      aria-haspopup="dialog"
      aria-label={running > 0 ? `Drills, ${running} running` : "Drills"}
      onClick={onOpen}
    >
      Drills
      {running > 0 ? (
        <span className={styles.count} aria-hidden="true">
          {running}
        </span>
      ) : null}
    </Button>
  );
}
