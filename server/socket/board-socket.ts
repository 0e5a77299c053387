import type { Server } from "socket.io";
import { requestSnapshotSchema, type BoardClientToServerEvents, type BoardServerToClientEvents } from "@/core/live-protocol";
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

/** Pushes a snapshot to every dashboard. */
export function broadcastSnapshot(io: BoardServer, snapshot: Snapshot): void {
  // Each process serves its own dashboards; the shared books make their totals the same.
  io.local.emit("snapshot", snapshot);
}
