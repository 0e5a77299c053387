"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { DRILL_COMPONENTS, type DrillComponent } from "@/core/drills/drill-api";
import { DRILL_ERROR_PRESETS, describeDrillEffect, formatDuration } from "@/core/drills/drills";
import { classifyFailure, FAILURE_SEVERITIES } from "@/core/dlq/failures";
import type { RegionId } from "@/core/routing/regions";
import controls from "@/components/board/controls.module.css";
import { SNAPSHOT_QUERY_KEY } from "@/components/board/api";
import { DialogError } from "@/components/ui/dialog-error";
import { RegionOptions } from "@/components/ui/region-options";
import { DRILLS_QUERY_KEY, DrillRefusedError, startDrill } from "./api";
import { createDrillDraft, mapDrillField, takesRegion, toDrillRequest, validateDrillDraft, type DrillDraft } from "./drill-draft";
import styles from "./drills.module.css";

const COMPONENT_LABELS: Record<DrillComponent, string> = {
  processor: "processor: each event's processing",
  store: "store: the live store, whole batches",
  commands: "commands: quality commands to players",
  history: "history: history writes to Postgres",
};

interface DrillFormProps {
  /** Why this user may not start drills ("Operators only"), or null when they may. */
  readOnly: string | null;
}

/** Starts a drill; every field is checked as it is typed with the API schema's reasons, and the error's severity says what will happen. */
export function DrillForm({ readOnly }: DrillFormProps) {
  const [draft, setDraft] = useState<DrillDraft>(createDrillDraft);
  const [touched, setTouched] = useState(false);
  const [started, setStarted] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => startDrill(toDrillRequest(draft)),
    onSuccess: (drill) => {
      setStarted(drill.id);
      setTouched(false);
      void queryClient.invalidateQueries({ queryKey: DRILLS_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: SNAPSHOT_QUERY_KEY });
    },
  });
  const errors = validateDrillDraft(draft);
  const serverErrors = mutation.error instanceof DrillRefusedError ? mutation.error.fields : [];
  const errorOf = (field: keyof DrillDraft): string | undefined =>
    (touched ? errors[field] : undefined) ??
    serverErrors.flatMap((f) => mapDrillField(f.path, f.message) ?? []).find((mapped) => mapped.field === field)?.message;
  const unplacedRefusal =
    mutation.isError && !(mutation.error instanceof DrillRefusedError && serverErrors.some((f) => mapDrillField(f.path, f.message)));

  const edit = <K extends keyof DrillDraft>(field: K, value: DrillDraft[K]) => {
    setStarted(null);
    setDraft((current) => ({ ...current, [field]: value }));
  };

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    setTouched(true);
    if (readOnly || Object.keys(errors).length > 0 || mutation.isPending) return;
    mutation.mutate();
  }

  const severity = classifyFailure(draft.errorMessage);
  const duration = Number(draft.durationSeconds);
  const disabled = readOnly !== null;
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-busy={mutation.isPending || undefined} data-testid="drill-form">
      <div className={styles.grid}>
        <Field label="Component" error={errorOf("component")} className={styles.half}>
          {(control) => (
            <select
              {...control}
              className={controls.input}
              data-testid="drill-component"
              value={draft.component}
              disabled={disabled}
              onChange={(e) => edit("component", e.target.value as DrillComponent)}
            >
              {DRILL_COMPONENTS.map((component) => (
                <option key={component} value={component}>
                  {COMPONENT_LABELS[component]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Region"
          hint={takesRegion(draft.component) ? undefined : "history is not per region"}
          error={errorOf("region")}
          className={styles.half}
        >
          {(control) => (
            <select
              {...control}
              className={controls.input}
              data-testid="drill-region"
              value={takesRegion(draft.component) ? draft.region : ""}
              disabled={disabled || !takesRegion(draft.component)}
              onChange={(e) => edit("region", e.target.value as RegionId | "")}
            >
              <RegionOptions allLabel="All regions" />
            </select>
          )}
        </Field>
        <Field
          label="Error text"
          hint="its words decide the severity (SPEC section 4)"
          error={errorOf("errorMessage")}
          className={styles.wide}
        >
          {(control) => (
            <input
              {...control}
              className={controls.input}
              data-testid="drill-error"
              value={draft.errorMessage}
              maxLength={500}
              autoComplete="off"
              disabled={disabled}
              onChange={(e) => edit("errorMessage", e.target.value)}
            />
          )}
        </Field>
        <div className={`${styles.presets} ${styles.wide}`} role="group" aria-label="Error presets by severity">
          {[...FAILURE_SEVERITIES].reverse().map((group) => (
            <div key={group} className={styles.presetGroup}>
              <span className={styles.severity} data-severity={group}>
                {group}
              </span>
              {DRILL_ERROR_PRESETS.filter((preset) => preset.severity === group).map((preset) => (
                <button
                  key={preset.message}
                  type="button"
                  className={styles.preset}
                  aria-pressed={draft.errorMessage === preset.message}
                  disabled={disabled}
                  onClick={() => edit("errorMessage", preset.message)}
                >
                  {preset.message}
                </button>
              ))}
            </div>
          ))}
        </div>
        <p className={`${styles.effect} ${styles.wide}`} data-testid="drill-severity" aria-live="polite">
          <span className={styles.severity} data-severity={severity}>
            {severity}
          </span>
          <span>{describeDrillEffect(draft.component, severity)}</span>
        </p>
        <Field label="Rate (%)" hint="of the checks that fail" error={errorOf("ratePercent")}>
          {(control) => (
            <input
              {...control}
              className={controls.input}
              data-testid="drill-rate"
              inputMode="decimal"
              value={draft.ratePercent}
              disabled={disabled}
              onChange={(e) => edit("ratePercent", e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Duration (seconds)"
          hint={Number.isInteger(duration) && duration > 0 ? `= ${formatDuration(duration)}` : "1 to 3,600"}
          error={errorOf("durationSeconds")}
        >
          {(control) => (
            <input
              {...control}
              className={controls.input}
              data-testid="drill-duration"
              inputMode="numeric"
              value={draft.durationSeconds}
              disabled={disabled}
              onChange={(e) => edit("durationSeconds", e.target.value)}
            />
          )}
        </Field>
        {draft.component === "processor" ? (
          <Field
            label="Only events whose id starts with"
            hint="optional: a poison event"
            error={errorOf("eventIdPrefix")}
            className={styles.half}
          >
            {(control) => (
              <input
                {...control}
                className={controls.input}
                data-testid="drill-prefix"
                value={draft.eventIdPrefix}
                maxLength={200}
                autoComplete="off"
                placeholder="every event"
                disabled={disabled}
                onChange={(e) => edit("eventIdPrefix", e.target.value)}
              />
            )}
          </Field>
        ) : null}
      </div>
      {unplacedRefusal ? <DialogError testId="drill-start-error">Not started: {mutation.error.message}</DialogError> : null}
      <div className={styles.actions}>
        {started ? (
          <p className={styles.hint} role="status">
            Started; it shows under Running within a second.
          </p>
        ) : null}
        <button
          type="submit"
          className={controls.confirm}
          data-tone="danger"
          data-testid="drill-start"
          title={readOnly ?? undefined}
          disabled={disabled}
          aria-disabled={mutation.isPending || undefined}
        >
          {mutation.isPending ? "Starting…" : "Start drill"}
        </button>
      </div>
    </form>
  );
}

/** What a field's control needs to be named by its label and described by its error. */
interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

function Field({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: string;
  hint?: string | undefined;
  error: string | undefined;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const noteId = useId();
  const control: ControlProps = { id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? noteId : undefined };
  return (
    <div className={className ? `${controls.field} ${className}` : controls.field}>
      <label htmlFor={id} className={controls.label}>
        {label}
      </label>
      {children(control)}
      {error ? (
        <span id={noteId} className={styles.fieldError} role="alert" data-testid="drill-field-error">
          {error}
        </span>
      ) : hint ? (
        <span className={styles.hint}>{hint}</span>
      ) : null}
    </div>
  );
}
