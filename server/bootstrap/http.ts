import { createServer, type Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { Redis } from "ioredis";
import next from "next";
import { Server } from "socket.io";
import { PEER_HEADER } from "../auth/cookies";
import type { Env } from "../env";
import { once } from "../once";
import type { BoardServer } from "../socket/board-socket";
import { attachPlayerSocket, type CommandSink } from "../socket/player-socket";
import { log } from "./log";

const NETWORK_GRACE_MS = 3_000;

export interface Web {
  httpServer: HttpServer;
  nextApp: ReturnType<typeof next>;
  io: BoardServer;
  /** Commands to players' devices, over the /player namespace. */
  players: CommandSink;
  /** Disconnects every socket and closes the server; connections still open after a grace period are cut. */
  close(): Promise<void>;
}

/** The HTTP server with Next prepared on it, and Socket.IO beside it; nothing listens yet. */
export async function prepareWeb(env: Env, redis: Redis | null): Promise<Web> {
  const dev = env.NODE_ENV === "development";
  const httpServer = createServer();
  const nextApp = next({ dev, dir: process.cwd(), hostname: env.HOST, port: env.PORT, httpServer });
  await nextApp.prepare();

  // A hung client must not hold a request (or shutdown) open for Node's default five minutes.
  httpServer.requestTimeout = 60_000;
  // In dev, Next's reload socket needs the upgrades Socket.IO does not own; in production nobody does.
  const io: BoardServer = new Server(httpServer, {
    serveClient: false,
    destroyUpgrade: !dev,
    // With Redis, any process can reach any client (the streams adapter survives a Redis restart).
    ...(redis ? { adapter: createAdapter(redis, { streamName: `${env.REDIS_KEY_PREFIX}:socket.io` }) } : {}),
  });
  const players = attachPlayerSocket(io, env.INGEST_API_KEY);

  const close = once(async () => {
    io.disconnectSockets(true);
    io.engine.close();
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    // Connections still open after the grace period (a stalled upload, say) are cut, not waited for.
    const cut = setTimeout(() => httpServer.closeAllConnections(), NETWORK_GRACE_MS);
    await closed;
    clearTimeout(cut);
  });
  return { httpServer, nextApp, io, players, close };
}

/** Hands every request to Next and listens on HOST:PORT. */
export async function listen(web: Web, env: Env): Promise<void> {
  const handle = web.nextApp.getRequestHandler();
  web.httpServer.on("request", (req, res) => {
    // The sign-in limit counts per address; a client cannot choose its own.
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "unknown";
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    web.httpServer.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`port ${env.PORT} is already in use; set PORT to a free one`) : error),
    );
    web.httpServer.listen(env.PORT, env.HOST, resolve);
  });
  const address = web.httpServer.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  log(`[http] Signalbox ${env.NODE_ENV === "development" ? "(dev) " : ""}listening on http://localhost:${port}`);
}
