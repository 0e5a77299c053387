import { expect, test } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import type { PlayerClientToServerEvents, PlayerServerToClientEvents, QualityCommand } from "@/core/live/live-protocol";

type PlayerSocket = Socket<PlayerServerToClientEvents, PlayerClientToServerEvents>;

function connectPlayer(baseURL: string, auth: Record<string, unknown>): PlayerSocket {
  return io(`${baseURL}/player`, { auth, transports: ["websocket"], reconnection: false });
}

function waitForConnect(socket: PlayerSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
}

const lowBufferEvent = (sessionId: string) => ({
  event_id: `${sessionId}-low-buffer-${Date.now()}`,
  user_id: "u-e2e",
  device_id: "d-e2e",
  session_id: sessionId,
  event_type: "buffer",
  timestamp: Date.now(),
  quality: "1080p",
  location: "Pune",
  content_id: "ipl-final",
  bitrate: 12000,
  buffer_health: 1.2,
  network_type: "WiFi",
});

test("a player receives its own change_quality command after a low-buffer event, and no one else's", async ({ baseURL, request }) => {
  // Sessions of this run only, so no quality state from an earlier run is in play.
  const mineId = `e2e-player-a-${Date.now()}`;
  const otherId = `e2e-player-b-${Date.now()}`;
  const mine = connectPlayer(baseURL!, { sessionId: mineId });
  const other = connectPlayer(baseURL!, { sessionId: otherId });
  try {
    await Promise.all([waitForConnect(mine), waitForConnect(other)]);
    const received: QualityCommand[] = [];
    const toOther: QualityCommand[] = [];
    mine.on("change_quality", (command) => received.push(command));
    other.on("change_quality", (command) => toOther.push(command));

    const before = Date.now();
    const response = await request.post("/api/events", { data: [lowBufferEvent(mineId)] });
    expect(response.status()).toBe(202);

    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toMatchObject({ sessionId: mineId, from: "1080p", to: "720p", reason: "buffer_health" });
    expect(received[0]!.at).toBeGreaterThanOrEqual(before);
    // The other player's room stays silent. Rather than wait and hope, send the other player a command of
    // its own: a socket delivers in order, so a stray command for the first player would have come before it.
    expect((await request.post("/api/events", { data: [lowBufferEvent(otherId)] })).status()).toBe(202);
    await expect.poll(() => toOther.length).toBeGreaterThan(0);
    const leaked = toOther.filter((command) => command.sessionId !== otherId);
    expect(leaked).toEqual([]);
  } finally {
    mine.disconnect();
    other.disconnect();
  }
});

test("a player without a session id is refused with the reason", async ({ baseURL }) => {
  const socket = connectPlayer(baseURL!, {});
  try {
    const error = await new Promise<Error>((resolve) => socket.once("connect_error", resolve));
    expect(error.message).toBe("player handshake refused: sessionId is required");
  } finally {
    socket.disconnect();
  }
});
