"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { ALERT_CHANNELS, MEASURED_METRICS, type AlertRule } from "@/core/alerts/alert-rules";
import { ALERT_IMPACTS } from "@/core/metrics/health-score";
import type { MetricName } from "@/core/metrics/thresholds";
import type { RegionId } from "@/core/routing/regions";
import controls from "@/components/board/controls.module.css";
import { DialogError } from "@/components/ui/dialog-error";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { RegionOptions } from "@/components/ui/region-options";
import { RULES_QUERY_KEY, RuleRefusedError, saveAlertRule } from "./api";
import { METRIC_LABELS, METRIC_UNITS } from "./metric-labels";
import { createRuleDraft, draftFromRule, toRuleInput, validateRuleDraft, type RuleDraft } from "./rule-draft";
import styles from "./rules.module.css";

interface RuleEditorDialogProps {
  /** null: a new rule. */
  rule: AlertRule | null;
  onClose: () => void;
}

/** Creates or edits an alert rule; every field is checked as it is typed, with the reasons the server would give. */
export function RuleEditorDialog({ rule, onClose }: RuleEditorDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? draftFromRule(rule) : createRuleDraft()));
  const [touched, setTouched] = useState(false);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => saveAlertRule(rule?.id ?? null, toRuleInput(draft)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: RULES_QUERY_KEY });
      dialogRef.current?.close();
    },
  });
  const errors = validateRuleDraft(draft);
  const serverFields = mutation.error instanceof RuleRefusedError ? mutation.error.fields : [];
  const errorOf = (field: keyof RuleDraft): string | undefined =>
    (touched ? errors[field] : undefined) ?? serverFields.find((f) => f.path === field)?.message;

  const edit = <K extends keyof RuleDraft>(field: K, value: RuleDraft[K]) => setDraft((current) => ({ ...current, [field]: value }));

  function changeMetric(metric: MetricName): void {
    // A new rule follows the metric's SPEC lines; an edited one keeps what its author chose.
    if (rule) edit("metric", metric);
    else
      setDraft((current) => ({
        ...createRuleDraft(metric),
        name: current.name,
        region: current.region,
        channels: current.channels,
        impact: current.impact,
        runbookUrl: current.runbookUrl,
      }));
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length > 0 || mutation.isPending) return;
    mutation.mutate();
  }

  const unit = METRIC_UNITS[draft.metric];
  return (
    <ModalDialog
      ref={dialogRef}
      className={`${controls.dialog} ${styles.wide}`}
      aria-labelledby={titleId}
      data-testid="rule-dialog"
      onClose={onClose}
    >
      <form className={controls.form} onSubmit={submit} noValidate aria-busy={mutation.isPending || undefined}>
        <h2 id={titleId} className={controls.dialogTitle}>
          {rule ? `Edit “${rule.name}”` : "New alert rule"}
        </h2>
        <div className={styles.grid}>
          <Field label="Name" error={errorOf("name")} wide>
            <input
              className={controls.input}
              data-testid="rule-name"
              value={draft.name}
              maxLength={100}
              onChange={(e) => edit("name", e.target.value)}
            />
          </Field>
          <Field label="Metric" error={errorOf("metric")}>
            <select
              className={controls.input}
              data-testid="rule-metric"
              value={draft.metric}
              onChange={(e) => changeMetric(e.target.value as MetricName)}
            >
              {MEASURED_METRICS.map((metric) => (
                <option key={metric} value={metric}>
                  {METRIC_LABELS[metric]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Region" error={errorOf("region")}>
            <select
              className={controls.input}
              data-testid="rule-region"
              value={draft.region}
              onChange={(e) => edit("region", e.target.value as RegionId | "")}
            >
              <RegionOptions allLabel="Every region, each on its own" />
            </select>
          </Field>
          <Field label="Fires when the value is" error={errorOf("direction")}>
            <select
              className={controls.input}
              data-testid="rule-direction"
              value={draft.direction}
              onChange={(e) => edit("direction", e.target.value as "above" | "below")}
            >
              <option value="above">above the lines</option>
              <option value="below">below the lines</option>
            </select>
          </Field>
          <Field label={`Warning (${unit})`} error={errorOf("warning")}>
            <input
              className={controls.input}
              data-testid="rule-warning"
              inputMode="decimal"
              value={draft.warning}
              onChange={(e) => edit("warning", e.target.value)}
            />
          </Field>
          <Field label={`Critical (${unit})`} error={errorOf("critical")}>
            <input
              className={controls.input}
              data-testid="rule-critical"
              inputMode="decimal"
              value={draft.critical}
              onChange={(e) => edit("critical", e.target.value)}
            />
          </Field>
          <Field label={`Clears at (${unit})`} hint="empty: at the warning line" error={errorOf("clearThreshold")}>
            <input
              className={controls.input}
              data-testid="rule-clear"
              inputMode="decimal"
              value={draft.clearThreshold}
              onChange={(e) => edit("clearThreshold", e.target.value)}
            />
          </Field>
          <Field label="Window (seconds)" hint="fires when ≥ 80% of its samples breach" error={errorOf("windowSeconds")}>
            <input
              className={controls.input}
              data-testid="rule-window"
              inputMode="numeric"
              value={draft.windowSeconds}
              onChange={(e) => edit("windowSeconds", e.target.value)}
            />
          </Field>
          <Field label="Escalate after (seconds)" hint="unacknowledged; 0 never escalates" error={errorOf("escalateAfterSeconds")}>
            <input
              className={controls.input}
              data-testid="rule-escalate"
              inputMode="numeric"
              value={draft.escalateAfterSeconds}
              onChange={(e) => edit("escalateAfterSeconds", e.target.value)}
            />
          </Field>
          <Field label="Impact" error={errorOf("impact")}>
            <select
              className={controls.input}
              data-testid="rule-impact"
              value={draft.impact}
              onChange={(e) => edit("impact", e.target.value as RuleDraft["impact"])}
            >
              {ALERT_IMPACTS.map((impact) => (
                <option key={impact} value={impact}>
                  {impact}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Runbook URL" error={errorOf("runbookUrl")} wide>
            <input
              className={controls.input}
              data-testid="rule-runbook"
              type="url"
              value={draft.runbookUrl}
              placeholder="https://runbooks.example/…"
              onChange={(e) => edit("runbookUrl", e.target.value)}
            />
          </Field>
          <fieldset className={styles.channels}>
            <legend className={controls.label}>Notify through</legend>
            {ALERT_CHANNELS.map((channel) => (
              <label key={channel} className={styles.check}>
                <input
                  type="checkbox"
                  checked={draft.channels.includes(channel)}
                  onChange={(e) =>
                    edit("channels", e.target.checked ? [...draft.channels, channel] : draft.channels.filter((c) => c !== channel))
                  }
                />
                {channel}
              </label>
            ))}
          </fieldset>
          <label className={`${styles.check} ${styles.wideField}`}>
            <input type="checkbox" data-testid="rule-enabled" checked={draft.enabled} onChange={(e) => edit("enabled", e.target.checked)} />
            Enabled: evaluated from the engine&apos;s next cycle
          </label>
        </div>
        {mutation.isError && !(mutation.error instanceof RuleRefusedError && mutation.error.fields.length > 0) ? (
          <DialogError>Not saved: {mutation.error.message}</DialogError>
        ) : null}
        <div className={controls.buttons}>
          <button type="button" className={controls.cancel} disabled={mutation.isPending} onClick={() => dialogRef.current?.close()}>
            Cancel
          </button>
          <button type="submit" className={controls.confirm} data-testid="rule-save" aria-disabled={mutation.isPending || undefined}>
            {mutation.isPending ? "Saving…" : rule ? "Save rule" : "Create rule"}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

function Field({
  label,
  hint,
  error,
  wide,
  children,
}: {
  label: string;
  hint?: string;
  error: string | undefined;
  wide?: boolean;
  children: ReactNode;
}) {
  const errorId = useId();
  return (
    <label className={wide ? `${controls.field} ${styles.wideField}` : controls.field} aria-describedby={error ? errorId : undefined}>
      <span className={controls.label}>
        {label} {hint ? <span className={controls.optional}>({hint})</span> : null}
      </span>
      {children}
      {error ? (
        <span id={errorId} className={styles.fieldError} role="alert">
          {error}
        </span>
      ) : null}
    </label>
  );
}
