import type { Namespace, Server } from "socket.io";
import { isIngestKey } from "../http/check-ingest-key";
import {
  playerAuthSchema,
  type PlayerClientToServerEvents,
  type PlayerServerToClientEvents,
  type QualityCommand,
} from "@/core/live/live-protocol";

type PlayerNamespace = Namespace<PlayerClientToServerEvents, PlayerServerToClientEvents>;

/** Where the workers send quality commands; asks first so nobody builds a command no player will read. */
export interface CommandSink {
  isListening(sessionId: string): boolean;
  deliver(commands: readonly QualityCommand[]): void;
}

const roomOf = (sessionId: string) => `session:${sessionId}`;

/**
 * The `/player` namespace: a player connects with `auth: {sessionId}` (validated; a bad one is
 * refused with the reason) and joins that session's room, so it receives its own commands only.
 * With an ingest key, players send it as `auth.apiKey` (or the x-api-key header), like ingest does.
 */
export function attachPlayerSocket(io: Server, ingestApiKey: string | undefined): CommandSink {
  const players: PlayerNamespace = io.of("/player");
  const listeners = new Map<string, number>();
  players.use((socket, next) => {
    const auth = socket.handshake.auth as Record<string, unknown>;
    const given = typeof auth.apiKey === "string" ? auth.apiKey : socket.handshake.headers["x-api-key"];
    if (!isIngestKey(ingestApiKey, typeof given === "string" ? given : null)) {
      next(new Error("player handshake refused: the ingest key (auth.apiKey) is missing or wrong"));
      return;
    }
    const parsed = playerAuthSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) {
      next(new Error(`player handshake refused: ${parsed.error.issues[0]?.message ?? "invalid auth"}`));
      return;
    }
    socket.data.sessionId = parsed.data.sessionId;
    next();
  });
  players.on("connection", (socket) => {
    const sessionId = socket.data.sessionId as string;
    void socket.join(roomOf(sessionId));
    listeners.set(sessionId, (listeners.get(sessionId) ?? 0) + 1);
    socket.on("disconnect", () => {
      const left = (listeners.get(sessionId) ?? 1) - 1;
      if (left > 0) listeners.set(sessionId, left);
      else listeners.delete(sessionId);
    });
  });
  return {
    isListening: (sessionId) => listeners.has(sessionId),
    deliver: (commands) => {
      for (const command of commands) players.to(roomOf(command.sessionId)).emit("change_quality", command);
    },
  };
}
