"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import type { AlertRule } from "@/core/alerts/alert-rules";
import { getRegionConfig, type RegionId } from "@/core/routing/regions";
import controls from "@/components/board/controls.module.css";
import { DialogError } from "@/components/ui/dialog-error";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { RegionOptions } from "@/components/ui/region-options";
import { SILENCES_QUERY_KEY, createSilence } from "./api";

const DURATIONS = [15, 30, 60, 120, 240, 480, 1440] as const;

function describeDuration(minutes: number): string {
  return minutes < 60 ? `${minutes} minutes` : `${minutes / 60} hour${minutes === 60 ? "" : "s"}`;
}

/** Silences a rule, a region or a rule in one region for a while: matching alerts still show but notify nobody. */
export function SilenceDialog({ rule, onClose }: { rule: AlertRule | null; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [region, setRegion] = useState<RegionId | "">(rule?.region ?? "");
  const [minutes, setMinutes] = useState(60);
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () =>
      createSilence({ ruleId: rule?.id ?? null, region: region === "" ? null : region, reason: reason.trim(), durationMinutes: minutes }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: SILENCES_QUERY_KEY });
      dialogRef.current?.close();
    },
  });

  const scope = `${rule ? `“${rule.name}”` : "every rule"} in ${region === "" ? "every region" : getRegionConfig(region).name}`;
  const missing =
    reason.trim() === ""
      ? "Say why, so the room knows."
      : rule === null && region === ""
        ? "Pick a region: a silence of everything would hide the room."
        : null;

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    setTried(true);
    if (missing || mutation.isPending) return;
    mutation.mutate();
  }

  return (
    <ModalDialog
      ref={dialogRef}
      className={controls.dialog}
      data-tone="danger"
      aria-labelledby={titleId}
      data-testid="silence-dialog"
      onClose={onClose}
    >
      <form className={controls.form} onSubmit={submit}>
        <h2 id={titleId} className={controls.dialogTitle}>
          Silence {scope}?
        </h2>
        <p className={controls.dialogDetail}>
          Alerts it covers still fire and show on the board; nobody is notified until the silence ends.
        </p>
        <label className={controls.field}>
          <span className={controls.label}>Region</span>
          <select
            className={controls.input}
            data-testid="silence-region"
            value={region}
            onChange={(e) => setRegion(e.target.value as RegionId | "")}
          >
            <RegionOptions allLabel="Every region" />
          </select>
        </label>
        <label className={controls.field}>
          <span className={controls.label}>For</span>
          <select
            className={controls.input}
            data-testid="silence-duration"
            value={minutes}
            onChange={(e) => setMinutes(Number(e.target.value))}
          >
            {DURATIONS.map((choice) => (
              <option key={choice} value={choice}>
                {describeDuration(choice)}
              </option>
            ))}
          </select>
        </label>
        <label className={controls.field}>
          <span className={controls.label}>Reason</span>
          <input
            className={controls.input}
            data-testid="silence-reason"
            value={reason}
            maxLength={500}
            placeholder="e.g. planned CDN switch"
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        {tried && missing ? (
          <p className={controls.error} role="alert" data-testid="silence-missing">
            {missing}
          </p>
        ) : null}
        {mutation.isError ? <DialogError>Not silenced: {mutation.error.message}</DialogError> : null}
        <div className={controls.buttons}>
          <button type="button" className={controls.cancel} disabled={mutation.isPending} onClick={() => dialogRef.current?.close()}>
            Cancel
          </button>
          <button
            type="submit"
            className={controls.confirm}
            data-tone="danger"
            data-testid="silence-submit"
            aria-disabled={mutation.isPending || undefined}
          >
            {mutation.isPending ? "Silencing…" : `Silence for ${describeDuration(minutes)}`}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
