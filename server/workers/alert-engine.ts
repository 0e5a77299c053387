import { alertKeyOf, appendAlertSample, evaluateAlertRule, FLAP_WINDOW_MS, type AlertTransition } from "@/core/alerts/alert-evaluator";
import { addAlertDelivery, type DeliveryRecord } from "@/core/alerts/alert-channels";
import { describeAlertLive, trackAlertPeak } from "@/core/alerts/alert-live";
import type { AlertChange } from "@/core/alerts/alert-notices";
import { DEFAULT_ALERT_RULES, isSilenced, type AlertRule, type AlertView, type Silence } from "@/core/alerts/alert-rules";
import { readRegionMetric } from "@/core/metrics/read-region-metric";
import type { AlertSample } from "@/core/alerts/alert-window";
import type { RegionId } from "@/core/routing/regions";
import type { Snapshot } from "@/core/metrics/snapshot";
import type { DbClient } from "../services/db-client";
import { acknowledgeAlert } from "../services/acknowledge-alert";
import { listAlertRules } from "../services/list-alert-rules";
import { listAlerts, listRecentlyResolvedAlerts } from "../services/list-alerts";
import { recordAlertChange } from "../services/record-alert-change";
import { listSilences } from "../services/list-silences";
import { saveSilence } from "../services/save-silence";
import { seedAlertRules } from "../services/seed-alert-rules";
import { updateAlertPeak } from "../services/update-alert-peak";

export interface AlertEngineOptions {
  prisma: DbClient;
  log: (message: string) => void;
  /** Told of every stored change, for notifications and live pushes. */
  onChange?: (alert: AlertView, change: AlertChange, silence: Silence | null) => void;
  /**
   * With several server processes only the holder of the evaluation lease evaluates; the others
   * read the alerts it stored. Absent: this process is the only one.
   */
  holdsLease?: () => Promise<boolean>;
}

/**
 * Samples every enabled rule for every region on each snapshot (`observe`, in every process, so
 * each board sees what its alerts measure now) and evaluates them (SPEC section 5), storing each
 * transition and each new peak. Open alerts and recent resolutions are loaded at start, so a firing
 * alert stays firing across a restart and a flap across it still reopens the same alert.
 */
export class AlertEngine {
  private rules: AlertRule[] = [];
  private silences: Silence[] = [];
  private readonly samples = new Map<string, AlertSample[]>();
  private readonly open = new Map<string, AlertView>();
  private readonly lastResolved = new Map<string, { id: string; resolvedAt: number }>();
  /** When the samples were last taken: what `live` describes. */
  private observedAt: number | null = null;
  private evaluating = false;

  private constructor(private readonly options: AlertEngineOptions) {}

  /** Adds the default rules the database lacks, then loads rules, open alerts and recent resolutions. */
  static async start(options: AlertEngineOptions, now: number): Promise<AlertEngine> {
    const engine = new AlertEngine(options);
    const seeded = await seedAlertRules(options.prisma, DEFAULT_ALERT_RULES, now);
    if (seeded > 0) options.log(`[alerts] added ${seeded} default rule${seeded === 1 ? "" : "s"}`);
    await engine.reloadRules();
    await engine.reloadSilences(now);
    for (const alert of await listAlerts(options.prisma, { state: "active", limit: 10_000 }))
      engine.open.set(alertKeyOf(alert.ruleId, alert.region), alert);
    for (const resolved of await listRecentlyResolvedAlerts(options.prisma, now - FLAP_WINDOW_MS)) {
      engine.lastResolved.set(alertKeyOf(resolved.ruleId, resolved.region), { id: resolved.id, resolvedAt: resolved.resolvedAt });
    }
    return engine;
  }

  /** Reads the rules again (after an operator changed them). */
  async reloadRules(): Promise<void> {
    this.rules = await listAlertRules(this.options.prisma);
  }

  /** Reads the silences that have not ended. */
  async reloadSilences(now: number): Promise<void> {
    this.silences = await listSilences(this.options.prisma, now);
  }

  /** Silences an operator asks for: alerts they cover fire and show, but notify nobody. */
  async silence(request: Omit<Silence, "id" | "startsAt" | "endsAt">, durationMinutes: number, now: number): Promise<Silence> {
    const silence = await saveSilence(this.options.prisma, request, durationMinutes, now);
    await this.reloadSilences(now);
    return silence;
  }

  activeSilences(now: number): Silence[] {
    return this.silences.filter((s) => s.endsAt > now);
  }

  /** Alerts not resolved, newest first, each with the end of a silence covering it and what its metric says now. */
  active(now = Date.now()): AlertView[] {
    return [...this.open.values()]
      .map((alert) => this.present(alert, now))
      .sort((a, b) => b.firedAt - a.firedAt || a.id.localeCompare(b.id));
  }

  /** An open alert as dashboards show it: silence, the live value, grade and sparkline of its window, and its peak so far. */
  present(alert: AlertView, now: number): AlertView {
    const silenced = this.withSilence(alert, now);
    const samples = this.samples.get(alertKeyOf(alert.ruleId, alert.region));
    if (alert.state === "resolved" || this.observedAt === null || !samples) return silenced;
    return {
      ...silenced,
      peak: trackAlertPeak(alert.peak, samples, peakSince(alert), alert.direction),
      live: describeAlertLive(alert, samples, this.observedAt),
    };
  }

  /**
   * Takes this snapshot's sample of every enabled rule in every region (in every process, whether it
   * evaluates or not) and answers the active alerts as they stand with it.
   */
  observe(snapshot: Snapshot): AlertView[] {
    const seen = new Set<string>();
    for (const rule of this.rules) {
      if (!rule.enabled) continue;
      for (const region of snapshot.regions) {
        if (rule.region !== null && rule.region !== region.id) continue;
        const key = alertKeyOf(rule.id, region.id);
        seen.add(key);
        const samples = this.samples.get(key) ?? [];
        this.samples.set(key, samples);
        appendAlertSample(samples, readRegionMetric(rule.metric, region, snapshot), snapshot.at, rule.windowSeconds);
      }
    }
    // A rule switched off or deleted keeps no samples.
    for (const key of this.samples.keys()) if (!seen.has(key)) this.samples.delete(key);
    this.observedAt = snapshot.at;
    return this.active(snapshot.at);
  }

  /** A notification attempt was stored: the alert's summary of who was notified follows it. */
  noteDelivery(alertId: string, record: DeliveryRecord): void {
    for (const [key, alert] of this.open) {
      if (alert.id === alertId) this.open.set(key, { ...alert, notified: addAlertDelivery(alert.notified, record) });
    }
  }

  /** The alert with the end of a silence covering it now (a resolved alert is never silenced). */
  withSilence(alert: AlertView, now: number): AlertView {
    const silence = alert.state === "resolved" ? null : isSilenced(this.silences, alert.ruleId, alert.region, now);
    return { ...alert, silencedUntil: silence?.endsAt ?? null };
  }

  /**
   * Evaluates the rules on the samples `observe` took; a call while the previous one still stores
   * its changes is skipped (the samples are kept all the same).
   */
  async evaluate(snapshot: Snapshot): Promise<void> {
    if (this.evaluating) return;
    this.evaluating = true;
    try {
      if (this.options.holdsLease && !(await this.options.holdsLease())) {
        await this.follow(snapshot.at);
        return;
      }
      const now = snapshot.at;
      const live = new Set<string>();
      for (const rule of this.rules) {
        if (!rule.enabled) continue;
        for (const region of snapshot.regions) {
          if (rule.region !== null && rule.region !== region.id) continue;
          const key = alertKeyOf(rule.id, region.id);
          live.add(key);
          const samples = this.samples.get(key) ?? [];
          const open = this.open.get(key);
          const transitions = evaluateAlertRule(
            rule,
            samples,
            {
              open: open
                ? {
                    id: open.id,
                    severity: open.severity,
                    state: open.state === "acknowledged" ? "acknowledged" : "firing",
                    firedAt: open.firedAt,
                    escalatedAt: open.escalatedAt,
                  }
                : null,
              lastResolved: this.lastResolved.get(key) ?? null,
            },
            now,
          );
          let alert = open ?? null;
          for (const transition of transitions) alert = await this.record(rule.id, region.id, transition, now);
          if (alert) alert = await this.storePeak(alert, samples);
          for (const transition of transitions) this.announce(alert!, transition.kind, now);
        }
      }
      // An alert whose rule was disabled or deleted can no longer clear by itself: it resolves now.
      for (const [key, open] of this.open) {
        if (live.has(key)) continue;
        const alert = await this.record(open.ruleId, open.region, { kind: "resolve", alertId: open.id, value: open.value }, now);
        this.announce(alert, "resolve", now);
      }
    } finally {
      this.evaluating = false;
    }
  }

  /** Another process evaluates: take its stored view of the open alerts, rules and silences. */
  private async follow(now: number): Promise<void> {
    const active = await listAlerts(this.options.prisma, { state: "active", limit: 10_000 });
    this.open.clear();
    for (const alert of active) this.open.set(alertKeyOf(alert.ruleId, alert.region), alert);
    await Promise.all([this.reloadRules(), this.reloadSilences(now)]);
  }

  /** A person acknowledges a firing alert with a note. */
  async acknowledge(id: string, by: string, note: string, now: number): Promise<AlertView> {
    const alert = await acknowledgeAlert(this.options.prisma, id, by, note, now);
    const key = alertKeyOf(alert.ruleId, alert.region);
    if (this.open.get(key)?.id === alert.id) this.open.set(key, alert);
    this.announce(alert, "acknowledge", now);
    return alert;
  }

  /** Stores one transition and keeps the open alerts and recent resolutions in step; answers the alert as stored. */
  private async record(ruleId: string, region: RegionId, transition: AlertTransition, now: number): Promise<AlertView> {
    const key = alertKeyOf(ruleId, region);
    const alert = await recordAlertChange(this.options.prisma, { ruleId, region, transition }, now);
    if (alert.state === "resolved") {
      this.open.delete(key);
      this.lastResolved.set(key, { id: alert.id, resolvedAt: alert.resolvedAt ?? now });
    } else {
      this.open.set(key, alert);
    }
    this.options.log(`[alerts] ${alert.ruleName} in ${region}: ${transition.kind} (${alert.severity}, ${alert.value})`);
    return alert;
  }

  /** Stores the alert's peak when its samples hold a worse value than the stored one. */
  private async storePeak(alert: AlertView, samples: readonly AlertSample[]): Promise<AlertView> {
    const peak = trackAlertPeak(alert.peak, samples, peakSince(alert), alert.direction);
    if (peak === null || peak === alert.peak) return alert;
    await updateAlertPeak(this.options.prisma, alert.id, peak);
    const stored = { ...alert, peak };
    const key = alertKeyOf(alert.ruleId, alert.region);
    if (this.open.get(key)?.id === alert.id) this.open.set(key, { ...this.open.get(key)!, peak });
    return stored;
  }

  private announce(alert: AlertView, change: AlertChange, now: number): void {
    this.options.onChange?.(this.present(alert, now), change, isSilenced(this.silences, alert.ruleId, alert.region, now));
  }
}

/** An alert's peak counts from the start of the window that fired it. */
function peakSince(alert: Pick<AlertView, "firedAt" | "windowSeconds">): number {
  return alert.firedAt - alert.windowSeconds * 1000;
}
