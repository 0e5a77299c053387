import type { Server } from "socket.io";
import { requestSnapshotSchema, type AlertsUpdate, type BoardClientToServerEvents, type BoardServerToClientEvents } from "@/core/live-protocol";
import type { DlqSummary, ReplayJobProgress } from "@/core/dlq-api";
import type { Snapshot } from "@/core/snapshot";
import { readSessionCookie } from "../auth/cookies";
import { hashToken } from "../auth/session-tokens";
import type { PrismaClient } from "../db/generated/client";
import { findSession } from "../services/user-sessions";

export type BoardServer = Server<BoardClientToServerEvents, BoardServerToClientEvents>;

/**
 * Answers dashboards' requests on the default namespace; every payload is validated before use.
 * Only a signed-in session's cookie opens the handshake, and no event a dashboard can send changes
 * anything, so a viewer watches and nobody mutates over the socket.
 */
export function attachBoardSocket(io: BoardServer, latestSnapshot: () => Snapshot, prisma: PrismaClient): void {
  io.use((socket, next) => {
    const token = readSessionCookie(socket.handshake.headers.cookie);
    const session = token ? findSession(prisma, hashToken(token), Date.now()) : Promise.resolve(null);
    session.then(
      (found) => next(found ? undefined : new Error("unauthenticated")),
      (error: unknown) => {
        console.error("[socket] could not check a dashboard's session", error);
        next(new Error("unavailable"));
      },
    );
  });
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
