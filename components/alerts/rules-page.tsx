"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState } from "react";
import type { AlertRule } from "@/core/alerts/alert-rules";
import { getRegionConfig } from "@/core/routing/regions";
import controls from "@/components/board/controls.module.css";
import { UserMenu } from "@/components/auth/user-menu";
import { useAdminOnly, useOperatorOnly } from "@/components/auth/use-session";
import { Brand } from "@/components/ui/brand";
import { EmptyState } from "@/components/ui/empty-state";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { SiteNav } from "@/components/ui/site-nav";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDayTime } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";
import page from "@/components/ui/page.module.css";
import { RULES_QUERY_KEY, SILENCES_QUERY_KEY, deleteAlertRule, fetchAlertRules, fetchSilences } from "./api";
import { formatMetricValue } from "./alert-format";
import { ChannelTable, useAlertChannels } from "./channel-status";
import { METRIC_LABELS } from "./metric-labels";
import { RuleEditorDialog } from "./rule-editor-dialog";
import { SilenceDialog } from "./silence-dialog";
import history from "./history.module.css";
import styles from "./rules.module.css";

type Dialog =
  { kind: "edit"; rule: AlertRule | null } | { kind: "silence"; rule: AlertRule | null } | { kind: "delete"; rule: AlertRule } | null;

function describeLines(rule: AlertRule): string {
  const value = (v: number) => formatMetricValue(rule.metric, v);
  const clear =
    rule.clearThreshold === null ? "" : `, clears ${rule.direction === "above" ? "below" : "above"} ${value(rule.clearThreshold)}`;
  return `${rule.direction} ${value(rule.warning)} / ${value(rule.critical)}${clear}`;
}

/** Alert rules and silences: what fires, where, at which lines, who hears about it, and what is muted for now. */
export function RulesPage() {
  const [dialog, setDialog] = useState<Dialog>(null);
  const adminOnly = useAdminOnly();
  const operatorOnly = useOperatorOnly();
  const adminLock = { disabled: adminOnly !== null, title: adminOnly ?? undefined };
  const operatorLock = { disabled: operatorOnly !== null, title: operatorOnly ?? undefined };
  const rules = useQuery({ queryKey: RULES_QUERY_KEY, queryFn: ({ signal }) => fetchAlertRules(signal) });
  const silences = useQuery({ queryKey: SILENCES_QUERY_KEY, queryFn: ({ signal }) => fetchSilences(signal), refetchInterval: 30_000 });
  const channels = useAlertChannels();
  const unconfigured = new Set(channels.data?.channels.filter((c) => !c.configured).map((c) => c.channel) ?? []);
  const ruleName = (id: string | null) => {
    if (id === null) return "every rule";
    if (!rules.data) return "one rule";
    return rules.data.rules.find((r) => r.id === id)?.name ?? "a deleted rule";
  };
  const close = () => setDialog(null);
  const zone = useTimeZone();

  return (
    <div className={page.page}>
      <header className={page.header}>
        <Brand tag="alert rules" />
        <SiteNav current="alerts" />
        <p className={page.headerNote}>
          <Link href="/alerts">← Alert history</Link> · a rule fires for a region when ≥ 80% of its window&apos;s samples breach (at least
          3)
        </p>
        <UserMenu />
      </header>
      <main className={page.main}>
        <section className={styles.section} aria-label="Rules">
          <div className={styles.sectionHeader}>
            <h2 className={styles.sectionTitle}>Rules</h2>
            <button
              type="button"
              className={page.button}
              data-testid="rule-new"
              {...adminLock}
              onClick={() => setDialog({ kind: "edit", rule: null })}
            >
              New rule
            </button>
            <button type="button" className={page.button} {...operatorLock} onClick={() => setDialog({ kind: "silence", rule: null })}>
              Silence a region
            </button>
          </div>
          {rules.isError ? (
            <p className={page.error} role="alert">
              The rules could not be loaded: {rules.error.message}
            </p>
          ) : null}
          <div className={history.tableWrap}>
            <table className={history.table} data-testid="rules">
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">Metric</th>
                  <th scope="col">Region</th>
                  <th scope="col">Warning / critical</th>
                  <th scope="col">Window</th>
                  <th scope="col">Impact</th>
                  <th scope="col">Channels</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rules.data
                  ? rules.data.rules.map((rule) => (
                      <tr key={rule.id} className={rule.enabled ? undefined : styles.off} data-testid={`rule-${rule.id}`}>
                        <td className={history.rule}>
                          {rule.name}
                          {rule.enabled ? "" : " (off)"}
                        </td>
                        <td>{METRIC_LABELS[rule.metric]}</td>
                        <td>{rule.region ? getRegionConfig(rule.region).name : "every region"}</td>
                        <td className={history.num}>{describeLines(rule)}</td>
                        <td className={history.num}>{rule.windowSeconds} s</td>
                        <td>{rule.impact}</td>
                        <td>
                          {rule.channels.length > 0
                            ? rule.channels.map((channel, index) => (
                                <span key={channel} className={unconfigured.has(channel) ? styles.unconfigured : undefined}>
                                  {index > 0 ? ", " : ""}
                                  {channel}
                                  {unconfigured.has(channel) ? " (not configured)" : ""}
                                </span>
                              ))
                            : "board only"}
                        </td>
                        <td>
                          <span className={styles.actions}>
                            <button type="button" className={page.button} {...adminLock} onClick={() => setDialog({ kind: "edit", rule })}>
                              Edit
                            </button>
                            <button
                              type="button"
                              className={page.button}
                              {...operatorLock}
                              onClick={() => setDialog({ kind: "silence", rule })}
                            >
                              Silence
                            </button>
                            <button
                              type="button"
                              className={page.button}
                              {...adminLock}
                              onClick={() => setDialog({ kind: "delete", rule })}
                            >
                              Delete
                            </button>
                          </span>
                        </td>
                      </tr>
                    ))
                  : rules.isError
                    ? null
                    : Array.from({ length: 5 }, (_, row) => (
                        <tr key={row} aria-hidden="true">
                          <td colSpan={8}>
                            <Skeleton width="60%" />
                          </td>
                        </tr>
                      ))}
              </tbody>
            </table>
          </div>
        </section>
        <section className={styles.section} aria-labelledby="channels" data-testid="channels-section">
          <h2 className={styles.sectionTitle} id="channels">
            Notification channels
          </h2>
          <ChannelTable />
        </section>
        <section className={styles.section} aria-label="Silences">
          <h2 className={styles.sectionTitle}>Silences in force</h2>
          {silences.isPending ? <Skeleton block /> : null}
          {silences.isError ? (
            <p className={page.error} role="alert">
              The silences could not be loaded: {silences.error.message}. Retrying every 30 s.
            </p>
          ) : null}
          {silences.data && silences.data.silences.length === 0 ? (
            <EmptyState inline title="Nothing is silenced" detail="Every alert notifies its channels." />
          ) : null}
          {silences.data && silences.data.silences.length > 0 ? (
            <div className={history.tableWrap}>
              <table className={history.table} data-testid="silences">
                <thead>
                  <tr>
                    <th scope="col">Covers</th>
                    <th scope="col">Until ({zone.label})</th>
                    <th scope="col">By</th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {silences.data.silences.map((silence) => (
                    <tr key={silence.id}>
                      <td>
                        {ruleName(silence.ruleId)} in {silence.region ? getRegionConfig(silence.region).name : "every region"}
                      </td>
                      <td className={history.num}>{formatDayTime(silence.endsAt, zone.timeZone)}</td>
                      <td>{silence.createdBy}</td>
                      <td>{silence.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      </main>
      {dialog?.kind === "edit" ? <RuleEditorDialog rule={dialog.rule} onClose={close} /> : null}
      {dialog?.kind === "silence" ? <SilenceDialog rule={dialog.rule} onClose={close} /> : null}
      {dialog?.kind === "delete" ? <DeleteRuleDialog rule={dialog.rule} onClose={close} /> : null}
    </div>
  );
}

/** Deleting stops the rule; its alerts resolve and keep their history. */
function DeleteRuleDialog({ rule, onClose }: { rule: AlertRule; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => deleteAlertRule(rule.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: RULES_QUERY_KEY });
      dialogRef.current?.close();
    },
  });
  return (
    <ModalDialog
      ref={dialogRef}
      className={controls.dialog}
      data-tone="danger"
      aria-label={`Delete ${rule.name}`}
      data-testid="rule-delete-dialog"
      onClose={onClose}
    >
      <form
        className={controls.form}
        onSubmit={(event) => {
          event.preventDefault();
          if (!mutation.isPending) mutation.mutate();
        }}
      >
        <h2 className={controls.dialogTitle}>Delete “{rule.name}”?</h2>
        <p className={controls.dialogDetail}>It stops evaluating at once. Its open alerts resolve; their history stays.</p>
        {mutation.isError ? (
          <p className={controls.error} role="alert">
            Not deleted: {mutation.error.message}
          </p>
        ) : null}
        <div className={controls.buttons}>
          <button type="button" className={controls.cancel} onClick={() => dialogRef.current?.close()}>
            Cancel
          </button>
          <button
            type="submit"
            className={controls.confirm}
            data-tone="danger"
            data-testid="rule-delete-confirm"
            disabled={mutation.isPending}
          >
            {mutation.isPending ? "Deleting…" : "Delete rule"}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
