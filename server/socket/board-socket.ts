import type { Server } from "socket.io";
import {
  requestSnapshotSchema,
  type AlertsUpdate,
  type BoardClientToServerEvents,
  type BoardServerToClientEvents,
} from "@/core/live/live-protocol";
import type { DlqSummary, ReplayJobProgress } from "@/core/dlq/dlq-api";
import type { Snapshot } from "@/core/metrics/snapshot";
import { readSessionCookie } from "../auth/cookies";
import { hashToken } from "../auth/session-tokens";
import type { DbClient } from "../services/db-client";
import { findSession, listLiveSessionHashes } from "../services/user-sessions";

export type BoardServer = Server<BoardClientToServerEvents, BoardServerToClientEvents>;

interface BoardSocketData {
  /** The session the handshake was opened with, checked again by the sweep. */
  tokenHash: string;
}

/**
 * Every `everyMs`, disconnects this process's dashboards whose session has ended since the
 * handshake (signed out, expired, user deleted or password reset); answers a stop function.
 */
export function startBoardSessionSweep(io: BoardServer, prisma: DbClient, everyMs: number, log: (message: string) => void): () => void {
  const sweep = async () => {
    const sockets = [...io.of("/").sockets.values()];
    const hashes = [...new Set(sockets.map((socket) => (socket.data as BoardSocketData).tokenHash))];
    const live = await listLiveSessionHashes(prisma, hashes, Date.now());
    const ended = sockets.filter((socket) => !live.has((socket.data as BoardSocketData).tokenHash));
    for (const socket of ended) socket.disconnect(true);
    if (ended.length > 0) log(`[socket] ${ended.length} dashboard(s) disconnected: their session ended`);
  };
  const timer = setInterval(() => void sweep().catch((error: unknown) => console.error("[socket] session sweep failed", error)), everyMs);
  return () => clearInterval(timer);
}

/**
 * Answers dashboards' requests on the default namespace; every payload is validated before use.
 * Only a signed-in session's cookie opens the handshake, and no event a dashboard can send changes
 * anything, so a viewer watches and nobody mutates over the socket.
 */
export function attachBoardSocket(io: BoardServer, latestSnapshot: () => Snapshot, prisma: DbClient): void {
  io.use((socket, next) => {
    const token = readSessionCookie(socket.handshake.headers.cookie);
    const tokenHash = token ? hashToken(token) : null;
    const session = tokenHash ? findSession(prisma, tokenHash, Date.now()) : Promise.resolve(null);
    session.then(
      (found) => {
        if (found) (socket.data as BoardSocketData).tokenHash = tokenHash!;
        next(found ? undefined : new Error("unauthenticated"));
      },
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
