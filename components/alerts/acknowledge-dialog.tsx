"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import type { AlertView } from "@/core/alerts/alert-rules";
import { getRegionConfig } from "@/core/routing/regions";
import { SNAPSHOT_QUERY_KEY } from "@/components/board/api";
import styles from "@/components/board/controls.module.css";
import { DialogError } from "@/components/ui/dialog-error";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { ALERTS_QUERY_KEY, acknowledgeAlert } from "./api";
import { describeAlertThresholds } from "./alert-format";

const NOTE_MAX_LENGTH = 1000;

interface AcknowledgeDialogProps {
  alert: AlertView;
  onClose: () => void;
}

/** Takes ownership of a firing alert: a note is required, so the room knows what is being done. */
export function AcknowledgeDialog({ alert, onClose }: AcknowledgeDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const noteId = useId();
  const [note, setNote] = useState("");
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => acknowledgeAlert(alert.id, note.trim()),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: SNAPSHOT_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: ALERTS_QUERY_KEY });
    },
  });
  const pending = mutation.isPending;

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (pending || note.trim() === "") return;
    mutation.mutate(undefined, { onSuccess: () => dialogRef.current?.close() });
  }

  const region = getRegionConfig(alert.region).name;
  return (
    <ModalDialog
      ref={dialogRef}
      className={styles.dialog}
      data-testid="ack-dialog"
      aria-labelledby={titleId}
      dismissible={!pending}
      onClose={onClose}
    >
      <form className={styles.form} onSubmit={submit} aria-busy={pending || undefined}>
        <h2 id={titleId} className={styles.dialogTitle}>
          Acknowledge “{alert.ruleName}” in {region}?
        </h2>
        <p className={styles.dialogDetail}>
          {describeAlertThresholds(alert)}. You take ownership: escalation stops, and the alert resolves by itself once the metric is back.
        </p>
        <div className={styles.field}>
          <label htmlFor={noteId} className={styles.label}>
            Note <span className={styles.optional}>(required: what you are doing about it)</span>
          </label>
          <input
            id={noteId}
            className={styles.input}
            data-testid="ack-note"
            type="text"
            value={note}
            maxLength={NOTE_MAX_LENGTH}
            autoComplete="off"
            placeholder="e.g. failing Pune over, CDN ticket 4411"
            readOnly={pending}
            required
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        {mutation.isError ? <DialogError testId="ack-error">{mutation.error.message}</DialogError> : null}
        <div className={styles.buttons}>
          <button type="button" className={styles.cancel} disabled={pending} onClick={() => dialogRef.current?.close()}>
            Cancel
          </button>
          <button
            type="submit"
            className={styles.confirm}
            data-testid="ack-submit"
            aria-disabled={pending || note.trim() === "" || undefined}
          >
            {pending ? "Acknowledging…" : "Acknowledge"}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
