"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { getRegionConfig } from "@/core/routing/regions";
import type { RoutingStrategy } from "@/core/routing/routing";
import type { Snapshot } from "@/core/metrics/snapshot";
import { DialogError } from "@/components/ui/dialog-error";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { REGIONS_QUERY_KEY, SNAPSHOT_QUERY_KEY, sendRegionControl } from "./api";
import styles from "./controls.module.css";
import { LoadShiftPreview } from "./load-shift-preview";
import { REGION_CONTROL_COPY, type RegionControlRequest } from "./region-controls";

const REASON_MAX_LENGTH = 500;

interface RegionControlDialogProps {
  request: RegionControlRequest;
  /** The latest snapshot when the dialog opens, for the load preview; null before the first one. */
  snapshot: Snapshot | null;
  /** The deployment's routing strategy, which decides who takes the load; null until /api/regions answered. */
  routingStrategy: RoutingStrategy | null;
  /** Called once the dialog has closed: confirmed, cancelled or dismissed with Escape. */
  onClose: () => void;
}

/** Asks an operator to confirm one region control, with an optional reason; shows the server's refusal inline. */
export function RegionControlDialog({ request, snapshot, routingStrategy, onClose }: RegionControlDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const detailId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState("");
  const [openedWith] = useState(snapshot);
  const queryClient = useQueryClient();
  const name = getRegionConfig(request.region).name;
  const copy = REGION_CONTROL_COPY[request.control];

  const mutation = useMutation({
    mutationFn: (given: string) => sendRegionControl(request.region, request.control, given),
    // Refused or not, the board's view may be behind the server: refresh the timeline and the stations.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: REGIONS_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: SNAPSHOT_QUERY_KEY });
    },
  });
  const pending = mutation.isPending;

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (pending) return;
    mutation.mutate(reason, { onSuccess: () => dialogRef.current?.close() });
  }

  return (
    <ModalDialog
      ref={dialogRef}
      className={styles.dialog}
      data-testid="confirm-dialog"
      data-tone={copy.tone}
      aria-labelledby={titleId}
      aria-describedby={detailId}
      // The request is already on its way; closing now would hide whether it worked.
      dismissible={!pending}
      onClose={onClose}
    >
      <form className={styles.form} onSubmit={submit} aria-busy={pending || undefined}>
        <h2 id={titleId} className={styles.dialogTitle}>
          {copy.ask(name)}
        </h2>
        <p id={detailId} className={styles.dialogDetail}>
          {copy.explain(name)}
        </p>
        {openedWith && routingStrategy ? (
          <LoadShiftPreview
            region={request.region}
            control={request.control}
            regions={openedWith.regions}
            at={openedWith.at}
            strategy={routingStrategy}
          />
        ) : null}
        <div className={styles.field}>
          <label htmlFor={reasonId} className={styles.label}>
            Reason <span className={styles.optional}>(optional, kept in the region changes)</span>
          </label>
          <input
            id={reasonId}
            className={styles.input}
            data-testid="confirm-reason"
            type="text"
            value={reason}
            maxLength={REASON_MAX_LENGTH}
            autoComplete="off"
            placeholder="e.g. broker alarms in the NOC"
            readOnly={pending}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        {mutation.isError ? <DialogError testId="confirm-error">{mutation.error.message}</DialogError> : null}
        <div className={styles.buttons}>
          <button type="button" className={styles.cancel} disabled={pending} onClick={() => dialogRef.current?.close()}>
            Cancel
          </button>
          <button
            type="submit"
            className={styles.confirm}
            data-tone={copy.tone}
            data-testid="confirm-submit"
            aria-disabled={pending || undefined}
          >
            {pending ? copy.pending(name) : copy.confirm(name)}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
