import type { Server } from "socket.io";
import { requestSnapshotSchema, type AlertsUpdate, type BoardClientToServerEvents, type BoardServerToClientEvents } from "@/core/live-protocol";
import type { DlqSummary, ReplayJobProgress } from "@/core/dlq-api";
import type { Snapshot } from "@/core/snapshot";

export type BoardServer = Server<BoardClientToServerEvents, BoardServerToClientEvents>;

/** Answers dashboards' requests on the default namespace; every payload is validated before use. */
export function attachBoardSocket(io: BoardServer, latestSnapshot: () => Snapshot): void {
  io.on("connection", (socket) => {
    socket.on("request_snapshot", (payload: unknown, ack: unknown) => {
      if (typeof ack !== "function") return;
      const reply = ack as Parameters<BoardClientToServerEvents["request_snapshot"]>[1];
      const parsed = requestSnapshotSchema.safeParse(payload);
      if (!parsed.success) {
        reply({ ok: false, error: `request_snapshot takes an empty object: ${parsed.error.issues[0]?.message ?? "invalid payload"}` });
        return;
      }
      reply({ ok: true, data: latestSnapshot() });
    });
  });
}

/** Pushes the active alerts to every dashboard of this process at once. */
export function broadcastAlerts(io: BoardServer, update: AlertsUpdate): void {
  io.local.emit("alerts", update);
}

/** Pushes a snapshot to every dashboard. */
export function broadcastSnapshot(io: BoardServer, snapshot: Snapshot): void {
  // Each process serves its own dashboards; the shared books make their totals the same.
  io.local.emit("snapshot", snapshot);
}

/** Pushes the dead-letter counters to every dashboard of every process: any process may have changed the shared table. */
export function broadcastDlqSummary(io: BoardServer, summary: DlqSummary): void {
  io.emit("dlq_summary", summary);
}

/** Pushes a replay job's progress to every dashboard of every process, wherever the job runs. */
export function broadcastReplayJob(io: BoardServer, job: ReplayJobProgress): void {
  io.emit("replay_job", job);
}
