/**
 * How drills read for people: one line per drill for the board's banner and the drills panel, the
 * time left, what a drill's error makes the engine do (SPEC section 4), and its timeline entries.
 */
import { classifyFailure, computeBackoffMs, DEFAULT_MAX_RETRIES, type FailureSeverity } from "../dlq/failures";
import { getRegionConfig } from "../routing/regions";
import type { TimelineEntry } from "../timeline/timeline";
import type { DrillComponent, DrillRequest, RunningDrill } from "./drill-api";

/** A drill as stored: running until `endedAt` (someone stopped it) or `endsAt`, whichever comes first. */
export interface DrillRecord extends RunningDrill {
  /** When someone stopped it; null while it runs and when it ran its whole duration. */
  endedAt: number | null;
  endedBy: string | null;
}

/** A drill asked for at `now` by `startedBy`: it runs its duration from then, having thrown nothing yet. */
export function createRunningDrill(request: DrillRequest, id: string, now: number, startedBy: string | null): RunningDrill {
  return { ...request, id, startedAt: now, endsAt: now + request.durationSeconds * 1000, startedBy, injected: 0 };
}

/** Error texts from SPEC section 4's table, three of each severity, for the drill form's presets. */
export const DRILL_ERROR_PRESETS: ReadonlyArray<{ message: string; severity: FailureSeverity }> = [
  "Connection timeout",
  "network unreachable",
  "rate_limit exceeded",
  "blocked_user in entitlement check",
  "invalid_account for session",
  "insufficient_funds on subscription",
  "database_corruption in session table",
  "system_failure in worker",
  "data_loss on partition",
].map((message) => ({ message, severity: classifyFailure(message) }));

const countFormat = new Intl.NumberFormat("en-IN", { maximumFractionDigits: 0 });
const rateFormat = new Intl.NumberFormat("en-IN", { maximumFractionDigits: 2 });

/** A drill's rate (0 to 1) as a percentage: 0.3 → "30%", 0.005 → "0.5%". */
export function formatDrillRate(rate: number): string {
  return `${rateFormat.format(rate * 100)}%`;
}

/** Whole seconds for people: 45 → "45 s", 80 → "1 min 20 s", 120 → "2 min", 3600 → "1 h". */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const parts: Array<[number, string]> = [
    [Math.floor(total / 3600), "h"],
    [Math.floor((total % 3600) / 60), "min"],
    [total % 60, "s"],
  ];
  const shown = parts.filter(([value]) => value > 0).map(([value, unit]) => `${value} ${unit}`);
  return shown.length > 0 ? shown.join(" ") : "0 s";
}

/** Time left of a drill ending `msLeft` from now, counted up to the whole second: "1 min 20 s left"; "ending" at or past its end. */
export function formatTimeLeft(msLeft: number): string {
  return msLeft > 0 ? `${formatDuration(Math.ceil(msLeft / 1000))} left` : "ending";
}

/** Where a drill fails: "processor in Pune", "store in every region", "processor in Pune for events bad-*". */
function describeDrillScope(drill: Pick<RunningDrill, "component" | "region" | "eventIdPrefix">): string {
  const where = drill.region ? getRegionConfig(drill.region).name : "every region";
  return `${drill.component} in ${where}${drill.eventIdPrefix ? ` for events ${drill.eventIdPrefix}*` : ""}`;
}

/** One drill in a line: "processor in Pune, 30% “Connection timeout”". */
export function describeDrill(drill: Pick<RunningDrill, "component" | "region" | "eventIdPrefix" | "rate" | "errorMessage">): string {
  return `${describeDrillScope(drill)}, ${formatDrillRate(drill.rate)} “${drill.errorMessage}”`;
}

function listBackoffs(): string {
  const seconds = Array.from({ length: DEFAULT_MAX_RETRIES }, (_, retry) => computeBackoffMs(retry) / 1000);
  return `${seconds.slice(0, -1).join(", ")} and ${seconds.at(-1)} s`;
}

function describeProcessorEffect(severity: FailureSeverity): string {
  switch (severity) {
    case "TRANSIENT":
      return `each failing event is retried after ${listBackoffs()}, and dead-lettered after ${DEFAULT_MAX_RETRIES} retries`;
    case "PERSISTENT":
      return "each failing event takes the alternative path: counted, with no quality decision";
    case "CATASTROPHIC":
      return `the batch is rolled back to its checkpoint and run again; an event still failing after ${DEFAULT_MAX_RETRIES} restores is dead-lettered`;
  }
}

/**
 * What failing with an error of `severity` makes `component` do. Severity decides only the
 * processor's path (SPEC section 4); the other components fail the same way whatever the text.
 */
export function describeDrillEffect(component: DrillComponent, severity: FailureSeverity): string {
  switch (component) {
    case "processor":
      return describeProcessorEffect(severity);
    case "store":
      return "the live store fails whole batches: the bus delivers them again, and 5 failures in a row open the region's circuit breaker";
    case "commands":
      return "quality commands to players are not delivered; the events are still processed";
    case "history":
      return "history writes fail and rollups wait in memory until it ends (history is not per region)";
  }
}

/** The drill's start and, once it is over, its end (stopped by whom, or run out), as timeline entries. */
export function listDrillTimelineEntries(drill: DrillRecord, now: number): TimelineEntry[] {
  const severity = classifyFailure(drill.errorMessage);
  const line = describeDrill(drill);
  const base = { kind: "drill" as const, region: drill.region ?? null, alertId: null };
  const entries: TimelineEntry[] = [
    {
      ...base,
      at: drill.startedAt,
      action: "drill_start",
      title: `Drill started: ${line} for ${formatDuration(drill.durationSeconds)}`,
      detail: `${severity}: ${describeDrillEffect(drill.component, severity)}`,
      actor: drill.startedBy,
    },
  ];
  const injected = `${countFormat.format(drill.injected)} failure${drill.injected === 1 ? "" : "s"} injected`;
  if (drill.endedAt !== null) {
    const ran = formatDuration((drill.endedAt - drill.startedAt) / 1000);
    entries.push({
      ...base,
      at: drill.endedAt,
      action: "drill_stop",
      title: `Drill stopped after ${ran} of ${formatDuration(drill.durationSeconds)}: ${line}`,
      detail: injected,
      actor: drill.endedBy,
    });
  } else if (drill.endsAt <= now) {
    entries.push({
      ...base,
      at: drill.endsAt,
      action: "drill_expire",
      title: `Drill ran its ${formatDuration(drill.durationSeconds)} and ended: ${line}`,
      detail: injected,
      actor: null,
    });
  }
  return entries;
}
