import { useOperatorOnly } from "@/components/auth/use-session";
import { formatZonedClockTime, type ZoneView } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { Button } from "@/components/ui/button";
import { fieldIdOf } from "./field-ids";
import styles from "./cost-toolbar.module.css";
import { TextField } from "./text-field";

export type SaveStatus = { kind: "new" } | { kind: "unsaved" } | { kind: "saved"; at: number } | { kind: "saving" };

interface CostToolbarProps {
  name: string | null;
  nameError: string | undefined;
  status: SaveStatus | null;
  /** Why saving or exporting cannot happen now; null when it can. */
  blocked: string | null;
  canSaveCopy: boolean;
  onName: (name: string) => void;
  onReference: () => void;
  onBlank: () => void;
  onSave: () => void;
  onSaveCopy: () => void;
  onExport: (format: "csv" | "json") => void;
}

function describeStatus(status: SaveStatus, zone: ZoneView): string {
  switch (status.kind) {
    case "new":
      return "Not saved yet";
    case "unsaved":
      return "Unsaved changes";
    case "saving":
      return "Saving…";
    case "saved":
      return `Saved ${formatZonedClockTime(status.at, zone)}`;
  }
}

/** Start from the reference or a blank scenario, name it, save it, export it. */
export function CostToolbar({
  name,
  nameError,
  status,
  blocked,
  canSaveCopy,
  onName,
  onReference,
  onBlank,
  onSave,
  onSaveCopy,
  onExport,
}: CostToolbarProps) {
  const editing = name !== null;
  const disabledReason = blocked ?? undefined;
  const operatorOnly = useOperatorOnly();
  const zone = useTimeZone();
  return (
    <div className={styles.toolbar}>
      <div className={styles.toolbarGroup}>
        <Button variant="primaryOutline" onClick={onReference} data-testid="load-reference">
          Startup on two regions
        </Button>
        <Button onClick={onBlank} data-testid="load-blank">
          Blank scenario
        </Button>
      </div>
      {editing ? (
        <>
          <TextField
            id={fieldIdOf("name")}
            className={styles.nameField}
            label="Scenario name"
            value={name}
            onChange={onName}
            error={nameError}
            inputMode="text"
            testId="scenario-name"
          />
          <p className={styles.status} data-testid="save-status" data-kind={status?.kind} aria-live="polite">
            {status ? describeStatus(status, zone) : ""}
          </p>
          <div className={styles.toolbarGroup}>
            <Button
              variant="primary"
              onClick={onSave}
              disabled={operatorOnly !== null}
              aria-disabled={blocked !== null || status?.kind === "saving" || undefined}
              title={operatorOnly ?? disabledReason ?? "Save (Ctrl+S)"}
              data-testid="save"
            >
              Save
            </Button>
            <Button
              onClick={onSaveCopy}
              disabled={operatorOnly !== null}
              aria-disabled={blocked !== null || !canSaveCopy || undefined}
              title={operatorOnly ?? disabledReason ?? "Save the editor's scenario as a new one"}
              data-testid="save-copy"
            >
              Save as copy
            </Button>
          </div>
          <div className={styles.toolbarGroup}>
            <Button
              onClick={() => onExport("csv")}
              aria-disabled={blocked !== null || undefined}
              title={disabledReason}
              data-testid="export-csv"
            >
              Export CSV
            </Button>
            <Button
              onClick={() => onExport("json")}
              aria-disabled={blocked !== null || undefined}
              title={disabledReason}
              data-testid="export-json"
            >
              Export JSON
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
