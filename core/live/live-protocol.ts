import { z } from "zod";
import { alertViewSchema } from "../alerts/alert-rules";
import type { DlqSummary, ReplayJobProgress } from "../dlq/dlq-api";
import type { Quality } from "../events/events";
import type { QualityChangeReason } from "../experience/quality-ladder";
import type { Snapshot } from "../metrics/snapshot";

/** Payload of `request_snapshot`: nothing today, but still a validated object so bad clients get a reason. */
export const requestSnapshotSchema = z.object({}).strict();

export type Ack<T> = (response: { ok: true; data: T } | { ok: false; error: string }) => void;

/** Events the server pushes to dashboards on the default namespace. */
export interface BoardServerToClientEvents {
  /** The live state, broadcast at least once a second. */
  snapshot: (snapshot: Snapshot) => void;
  /** The active alerts, pushed the moment one changes rather than with the next snapshot. */
  alerts: (update: AlertsUpdate) => void;
  /** The dead-letter counters, pushed shortly after entries are added, replayed or resolved. */
  dlq_summary: (summary: DlqSummary) => void;
  /** A replay job's progress, after it starts, after each batch and when it ends. */
  replay_job: (job: ReplayJobProgress) => void;
}

/** Active alerts as of `at` (epoch ms); newer than a snapshot's list when `at` is later than its `at`. */
export const alertsUpdateSchema = z.object({ at: z.number(), alerts: z.array(alertViewSchema) });
export type AlertsUpdate = z.infer<typeof alertsUpdateSchema>;

/** Events a dashboard may send; every payload is validated on the server. */
export interface BoardClientToServerEvents {
  /** Asks for the current snapshot at once (after a connect or reconnect) instead of waiting for the next tick. */
  request_snapshot: (payload: z.input<typeof requestSnapshotSchema>, ack: Ack<Snapshot>) => void;
}

/** Handshake `auth` of a player on the `/player` namespace: the session its commands are for. */
export const playerAuthSchema = z.object({
  sessionId: z
    .string({ error: "sessionId is required" })
    .trim()
    .min(1, "sessionId must not be empty")
    .max(128, "sessionId must be at most 128 characters"),
});

/** A quality change decided for one session, sent to that session's player only. */
export interface QualityCommand {
  sessionId: string;
  from: Quality;
  to: Quality;
  reason: QualityChangeReason;
  /** When it was decided, epoch ms. */
  at: number;
}

/** Events the server sends a player on `/player`. */
export interface PlayerServerToClientEvents {
  change_quality: (command: QualityCommand) => void;
}

/** A player sends nothing today; its session id comes in the handshake and is validated there. */
export type PlayerClientToServerEvents = Record<string, never>;
